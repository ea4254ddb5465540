# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test release samples docs screenshots clean

$(BIN)/autograder: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/autograder
	$(BIN)/autograder release forward_pass
	$(BIN)/autograder grade forward_pass --submissions examples/submitted --csv grades/samples/forward_pass.csv

test: $(BIN)/autograder
	$(BIN)/pytest

release: $(BIN)/autograder
	$(BIN)/autograder release forward_pass

samples: $(BIN)/autograder
	$(BIN)/python examples/make_samples.py

docs: $(BIN)/autograder
	$(BIN)/python tests/scenarios.py
	$(BIN)/python tests/catalog_docs.py

screenshots: $(BIN)/autograder  # needs Debian's chromium and fonts-nanum (a Korean font)
	$(BIN)/python docs/make_screenshots.py

clean:
	rm -rf $(VENV) grades autograded feedback gradebook.db
