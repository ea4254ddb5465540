"""Every hostile or damaged submission the grader handles: one fixture each, with its exact
expected total and the reason (or note) its student reads. One table, three uses:
``write_fixtures`` builds the submissions from the release notebook, tests/test_robustness.py
grades them all in one batch and checks each row, and ``python tests/scenarios.py`` writes
docs/robustness.md (a test keeps it in sync).

``number`` refers to shared/scenarios.md; 0 marks inputs found by our own breaker sessions.
Adding a scenario is one entry here.
"""

from __future__ import annotations

import copy
import os
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import nbformat

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "examples"))
from conftest import REPO, student_notebook, submit  # noqa: E402
from samples import CORRECT  # noqa: E402

from autograder.assignment import load  # noqa: E402

_ASSIGNMENT = load("forward_pass")
FULL = _ASSIGNMENT.max_score
NO_RELU = FULL - _ASSIGNMENT.function("relu").points


@dataclass(frozen=True)
class Scenario:
    id: str  # the fixture's student id
    number: int  # in shared/scenarios.md (0: found by our own breaker)
    what: str  # the input, in a few words
    handling: str  # what the grader does
    total: float  # the exact expected total
    reason: str  # text the student's result must show ("" for none)
    build: Callable[[Path], None]  # writes the fixture into a submissions folder


def _code(**changes: str):
    return student_notebook({**CORRECT, **changes})


def _put(student_id: str, notebook=None, **kwargs) -> Callable[[Path], None]:
    return lambda subs: submit(subs, student_id, notebook, **kwargs)


def _zip(subs: Path) -> None:
    path = subs.parent / "nb.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("forward_pass.ipynb", nbformat.writes(student_notebook(CORRECT)))
    submit(subs, "zipped", raw=path.read_bytes())


def _flat(subs: Path) -> None:
    path = subs / "flat" / "forward_pass.ipynb"
    path.parent.mkdir(parents=True)
    nbformat.write(student_notebook(CORRECT), path)


def _misnamed_folder(subs: Path) -> None:
    path = subs / "misnamed_folder" / "forwardpass" / "forward_pass.ipynb"
    path.parent.mkdir(parents=True)
    nbformat.write(student_notebook(CORRECT), path)


def _two(subs: Path) -> None:
    submit(subs, "two_unrelated", student_notebook(CORRECT), name="a.ipynb")
    submit(subs, "two_unrelated", student_notebook(CORRECT), name="b.ipynb")


def _beside_a_copy(subs: Path) -> None:
    submit(subs, "beside_a_copy", student_notebook(CORRECT))
    submit(subs, "beside_a_copy", raw=b"{broken", name="forward_pass (1).ipynb")


def _symlinked(subs: Path) -> None:
    path = subs / "symlinked" / "forward_pass" / "forward_pass.ipynb"
    path.parent.mkdir(parents=True)
    path.symlink_to(REPO / "source" / "forward_pass" / "forward_pass.ipynb")


def _many_files(subs: Path) -> None:
    folder = subs / "many_files" / "forward_pass"
    folder.mkdir(parents=True)
    for number in range(2000):
        (folder / f"{number:05d}_{'x' * 200}.txt").write_text("")


def _edited(edit: Callable, relu: str | None = None):
    notebook = _code(**({"relu": relu} if relu else {}))
    edit(notebook)
    return notebook


def _strip(notebook) -> None:
    for cell in notebook.cells:
        cell.metadata = {}


def _replace_test(source: str):
    def edit(notebook) -> None:
        for cell in notebook.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") == "relu_hidden_tests":
                cell.source = source
                cell.metadata["nbgrader"]["locked"] = False
    return edit


def _delete_tests(notebook) -> None:
    notebook.cells = [c for c in notebook.cells
                      if not c.metadata.get("nbgrader", {}).get("grade_id", "").endswith("_tests")]


def _duplicate(notebook) -> None:
    notebook.cells.append(copy.deepcopy(next(
        c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "relu")))


def _old_schema(notebook) -> None:
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader")
        if meta:
            meta.pop("schema_version", None)
            meta.pop("locked", None)
            meta.pop("cell_type", None)
            meta["checksum"] = "0" * 32


def _list_grade_ids(notebook) -> None:
    for cell in notebook.cells:
        if "nbgrader" in cell.metadata:
            cell.metadata["nbgrader"]["grade_id"] = [cell.metadata["nbgrader"]["grade_id"]]


def _slow_cells(notebook) -> None:
    for _ in range(7):  # each cell within its 10 s limit, all of them past the 60 s budget
        notebook.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(9)"))


FORGE = ("import os, sys, struct\n"
         "def _forge(body):\n"
         "    os.write(int(sys.argv[2]), struct.pack('>I', len(body)) + body)\n")
RELU = CORRECT["relu"]
LEFTOVERS = ("import os, subprocess, sys, threading, time\n"
             "threading.Thread(target=lambda: time.sleep(300), daemon=False).start()\n"
             "if os.fork() == 0:\n    os.setsid()\n    time.sleep(300)\n"
             "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)'])\n")
# deliberately wrong relu (the identity): passes only its positive scalar case
IDENTITY_RELU = "def relu(z):\n    return z"
WEAK_RELU_TOTAL = round(NO_RELU + _ASSIGNMENT.function("relu").points * 1 / len(
    _ASSIGNMENT.function("relu").cases), 4)


def _vandal(subs: Path) -> None:
    submit(subs, "vandal", _code(relu=RELU + (
        f"import glob\nfor path in glob.glob({str(subs)!r} + '/*/forward_pass/*.ipynb'):\n"
        "    try:\n        open(path, 'w').close()\n    except OSError:\n        pass\n")))


SCENARIOS: list[Scenario] = [
    Scenario("ok", 0, "a correct notebook, graded beside all the others",
             "full marks, whatever the others do", FULL, "", _put("ok", student_notebook(CORRECT))),
    # --- edited or damaged notebooks
    Scenario("deleted_tests", 1, "every test cell deleted", "the grader's own tests run; max score "
             "unchanged", FULL, "", _put("deleted_tests", _edited(_delete_tests))),
    Scenario("metadata_stripped", 2, "every cell's metadata stripped (VS Code)",
             "code found and graded", FULL, "", _put("metadata_stripped", _edited(_strip))),
    Scenario("weakened_test", 3, "relu's test cell made editable and replaced by `assert True`, "
             "relu wrong", "the student's test cells never run; relu scored by the grader",
             WEAK_RELU_TOTAL, "", _put("weakened_test", _edited(_replace_test("assert True"),
                                                                 IDENTITY_RELU))),
    Scenario("duplicate_ids", 4, "a solution cell copied, two cells with one grade_id",
             "both run, graded normally", FULL, "", _put("duplicate_ids", _edited(_duplicate))),
    Scenario("old_schema", 5, "older nbgrader metadata (no schema_version, no locked, stale checksum)",
             "graded normally", FULL, "", _put("old_schema", _edited(_old_schema))),
    Scenario("renamed", 6, "saved as `forward_pass (1).ipynb`", "graded, with a note", FULL,
             "expected forward_pass.ipynb, found forward_pass (1).ipynb; graded it",
             _put("renamed", student_notebook(CORRECT), name="forward_pass (1).ipynb")),
    Scenario("jupyter_copy", 6, "saved as `forward_pass-Copy1.ipynb`", "graded, with a note", FULL,
             "found forward_pass-Copy1.ipynb; graded it",
             _put("jupyter_copy", student_notebook(CORRECT), name="forward_pass-Copy1.ipynb")),
    Scenario("beside_a_copy", 6, "a broken second copy beside `forward_pass.ipynb`",
             "the expected name is graded, with a note", FULL,
             "also found forward_pass (1).ipynb; graded forward_pass.ipynb", _beside_a_copy),
    Scenario("two_unrelated", 6, "two notebooks, neither named like the assignment", "0, listing them",
             0, "found several notebooks (a.ipynb, b.ipynb)", _two),
    Scenario("flat", 6, "the notebook one folder too high (`<student>/forward_pass.ipynb`)",
             "graded, with a note", FULL, "one level above the expected forward_pass/ folder", _flat),
    Scenario("misnamed_folder", 6, "the assignment folder misspelled (`<student>/forwardpass/`)",
             "graded, with a note", FULL, "found forward_pass.ipynb in forwardpass/ instead of forward_pass/",
             _misnamed_folder),
    Scenario("no_folder", 6, "an empty student folder", "0, saying what was expected", 0,
             "expected forward_pass/forward_pass.ipynb, found no forward_pass/ folder",
             lambda subs: (subs / "no_folder").mkdir()),
    Scenario("truncated", 7, "truncated JSON", "0, with where the JSON breaks", 0, "JSON is broken",
             _put("truncated", raw=nbformat.writes(student_notebook(CORRECT)).encode()[:5000])),
    Scenario("empty", 7, "an empty file", "0", 0, "is empty", _put("empty", raw=b"")),
    Scenario("python_file", 7, "a `.py` file instead of the notebook", "0, naming what was found", 0,
             "expected forward_pass.ipynb, found forward_pass.py",
             _put("python_file", raw=b"def sigmoid(z):\n    return 0\n", name="forward_pass.py")),
    Scenario("zipped", 7, "a zip archive named `.ipynb`", "0", 0, "zip archive", _zip),
    Scenario("json_not_notebook", 7, "JSON that is not a notebook", "0", 0, "not a Jupyter notebook",
             _put("json_not_notebook", raw=b'{"hello": 1}')),
    Scenario("cp949", 8, "saved in CP949 (Korean Windows)", "decoded and graded", FULL, "",
             _put("cp949", raw=nbformat.writes(student_notebook(CORRECT)).encode("cp949", "replace"))),
    Scenario("김철수", 8, "a student folder named in CP949 bytes", "the id decoded as Korean, graded",
             FULL, "", lambda subs: submit(subs, os.fsdecode("김철수".encode("cp949")),
                                           student_notebook(CORRECT))),
    # --- student code that misbehaves
    Scenario("top_level_loop", 9, "`while True: pass` at top level after relu's def",
             "the cell times out and is replayed with its definitions only", FULL,
             "only its definitions", _put("top_level_loop", _code(relu=RELU + "\nwhile True:\n    pass"))),
    Scenario("slow_cells", 9, "seven cells sleeping 9 s each (each under the cell limit)",
             "stopped by the 60 s budget per submission", 0, "used up its time budget of 60 s",
             _put("slow_cells", _edited(_slow_cells))),
    Scenario("memory_bomb", 10, "relu allocates `np.ones((10**6, 10**6))`", "MemoryError: relu 0",
             NO_RELU, "MemoryError", _put("memory_bomb", _code(
                 relu="def relu(z):\n    return np.ones((10**6, 10**6))"))),
    Scenario("list_bomb", 10, "relu appends to a list forever",
             "the case times out (or hits the memory limit): relu 0", NO_RELU, "",
             _put("list_bomb", _code(relu="def relu(z):\n    a = []\n    while True:\n        a.append(1)"))),
    Scenario("hard_exit", 11, "relu calls `os._exit(0)`", "the process restarts; relu 0", NO_RELU,
             "exited with status 0", _put("hard_exit", _code(relu="import os\ndef relu(z):\n    os._exit(0)"))),
    Scenario("top_level_exit", 11, "`sys.exit()` at top level after relu's def", "cell error noted; "
             "graded", FULL, "SystemExit", _put("top_level_exit", _code(relu=RELU + "\nimport sys\nsys.exit()"))),
    Scenario("loud", 12, "relu prints a 10 MB line on every call", "output capped at 64 KiB",
             FULL, "", _put("loud", _code(relu=RELU.replace(
                 "    z = np.asarray(z)", "    print('x' * 10_000_000)\n    z = np.asarray(z)")))),
    Scenario("many_lines", 12, "a million short lines at top level", "output capped", FULL, "",
             _put("many_lines", _code(relu=RELU + "\nfor i in range(10**6):\n    print(i)"))),
    Scenario("warns", 13, "relu calls `warnings.warn`", "warnings are not failures", FULL, "",
             _put("warns", _code(relu=RELU.replace(
                 "    z = np.asarray(z)", "    import warnings; warnings.warn('careful')\n    z = np.asarray(z)")))),
    # --- student code that cheats
    Scenario("cheat_allclose", 14, "rebinds np.allclose, assert_allclose, array_equal; relu wrong",
             "comparisons run in the grader: relu 0", NO_RELU, "", _put("cheat_allclose", _code(relu=(
                 "np.allclose = lambda *a, **k: True\nnp.testing.assert_allclose = lambda *a, **k: None\n"
                 "np.array_equal = lambda *a, **k: True\ndef relu(z):\n    return np.full(np.shape(z), 42.0)")))),
    Scenario("cheat_eq", 15, "returns an object whose `==` is always true and that fakes `.shape`",
             "described as what it is: relu 0", NO_RELU, "", _put("cheat_eq", _code(relu=(
                 "class Anything:\n    shape = property(lambda self: (6,))\n    def __eq__(self, o): return True\n"
                 "def relu(z):\n    return Anything()")))),
    Scenario("silences_errors", 16, "replaces sys.excepthook and sys.stderr, relu raises",
             "errors are caught by the worker, not displayed: relu 0", NO_RELU, "ZeroDivisionError",
             _put("silences_errors", _code(relu=(
                 "import sys, io\nsys.excepthook = lambda *a: None\nsys.stderr = io.StringIO()\n"
                 "def relu(z):\n    return 1 / 0")))),
    Scenario("test_cell_false", 17, "relu's test cell replaced by `False`, relu wrong",
             "never full credit: the student's test cells do not run", WEAK_RELU_TOTAL, "",
             _put("test_cell_false", _edited(_replace_test("False"), IDENTITY_RELU))),
    Scenario("uses_reference", 0, "imports or reads `solutions/forward_pass.py`",
             "Landlock denies it (PermissionError): relu 0", NO_RELU, "PermissionError",
             _put("uses_reference", _code(relu=(
                 "try:\n    from solutions.forward_pass import relu\nexcept BaseException:\n"
                 "    exec(open(" + repr(str(REPO / "solutions" / "forward_pass.py")) + ").read())\n")))),
    Scenario("kills_grader", 0, "`os.kill(os.getppid(), SIGKILL)` at top level",
             "Landlock's signal scope denies it; graded", FULL, "PermissionError",
             _put("kills_grader", _code(relu=RELU + "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n"))),
    Scenario("vandal", 0, "empties every other student's notebook", "Landlock denies the writes; "
             "nobody is affected", FULL, "", _vandal),
    Scenario("grader_internals", 14, "sigmoid and relu taken from the grader's own code "
             "(`from autograder.wire import _sigmoid as sigmoid`, or found in sys.modules)",
             "the import is refused: both functions 0", FULL - _ASSIGNMENT.function("sigmoid").points
             - _ASSIGNMENT.function("relu").points, "not importable from student code",
             _put("grader_internals", _code(
                 sigmoid="from autograder.wire import _sigmoid as sigmoid\n",
                 relu="import sys\nrelu = sys.modules['autograder.wire']._relu\n"))),
    Scenario("three_abort", 11, "sigmoid, relu and neuron_output each call `os.abort()` (21 crashing "
             "cases)", "only those three lose their points: the restart limit is per function",
             FULL - sum(_ASSIGNMENT.function(f).points for f in ("sigmoid", "relu", "neuron_output")),
             "", _put("three_abort", _code(**{f: f"import os\ndef {f}(*args, **kwargs):\n    os.abort()\n"
                                              for f in ("sigmoid", "relu", "neuron_output")}))),
    Scenario("runs_a_program", 0, "relu starts Python and /usr/bin/id (and a copy of them written to "
             "its working folder) before answering", "Landlock grants no execute right: relu 0",
             NO_RELU, "PermissionError", _put("runs_a_program", _code(relu=(
                 "import shutil, subprocess, sys\n"
                 "def relu(z):\n"
                 "    for program in (sys.executable, '/usr/bin/id'):\n"
                 "        try:\n"
                 "            shutil.copy(program, 'copy')\n"
                 "            subprocess.run(['./copy', '-c', 'pass'])\n"
                 "        except OSError:\n"
                 "            pass\n"
                 "        subprocess.run([program, '-c', 'pass'])\n"
                 "    return np.maximum(np.asarray(z), 0)\n")))),
    Scenario("leaves_child", 0, "leaves a thread, a setsid'd fork and a subprocess sleeping",
             "all killed when the submission is done", FULL, "",
             _put("leaves_child", _code(relu=RELU + LEFTOVERS))),
    Scenario("forged_nested", 0, "writes a 200,000-deep JSON reply to the grader's pipe",
             "unreadable reply: the case fails, the process restarts", NO_RELU, "",
             _put("forged_nested", _code(relu=FORGE + "def relu(z):\n    _forge(b'[' * 200000 + b']' * 200000)\n    return 0\n"))),
    Scenario("forged_bigint", 0, "forges a reply holding a 400-digit integer", "the unreadable or "
             "out-of-sequence reply fails the case: relu 0, later functions unaffected", NO_RELU, "",
             _put("forged_bigint", _code(relu=FORGE + (
                 "def relu(z):\n    _forge(b'{\"status\": \"returned\", \"value\": {\"type\": \"int\", "
                 "\"value\": 1' + b'0' * 400 + b'}, \"inputs_after\": null}')\n    return 0\n")))),
    Scenario("stalls_the_grader", 0, "forges a cell reply, then sleeps while a large cell waits",
             "the forged reply is refused; the cell is replayed with definitions only", FULL, "",
             _put("stalls_the_grader", _code(
                 relu=FORGE + RELU + "import time\n_forge(b'{\"ok\": true}')\ntime.sleep(100000)\n",
                 neuron_output="# " + "padding " * 20000 + "\n" + CORRECT["neuron_output"]))),
    Scenario("realtime_signal", 0, "relu sends itself real-time signal 40", "reported as "
             "'killed by signal 40': relu 0", NO_RELU, "signal 40",
             _put("realtime_signal", _code(relu="import os\ndef relu(z):\n    os.kill(os.getpid(), 40)"))),
    Scenario("huge_reply", 0, "relu returns 23 lists of 100,000 floats", "described within 100,000 numbers in all: relu 0",
             NO_RELU, "list (length 23)", _put("huge_reply", _code(relu="def relu(z):\n    return [[0.0] * 100000] * 23"))),
    Scenario("black_style", 0, "a continuation line starting with `!=` (black style)",
             "not mistaken for a shell escape: graded", FULL, "", _put("black_style", _code(layer_forward=(
                 "def layer_forward(W, x, activation=None):\n"
                 "    W, x = np.asarray(W, dtype=float), np.asarray(x, dtype=float)\n"
                 "    if (W.shape[1]\n            != x.shape[0]):\n        raise ValueError('shapes')\n"
                 "    out = W @ x\n    return out if activation is None else activation(out)")))),
    Scenario("grade_id_list", 0, "grade_id metadata that is a list, not a string", "ignored; graded",
             FULL, "", _put("grade_id_list", _edited(_list_grade_ids))),
    Scenario("deep_json", 0, "100,000 nested `[` as the notebook", "0", 0, "its JSON cannot be read",
             _put("deep_json", raw=b"[" * 100000 + b"]" * 100000)),
    Scenario("bigint_json", 0, "a 5,000-digit number in the notebook JSON", "0", 0,
             "its JSON cannot be read", _put("bigint_json", raw=b'{"cells": [], "x": 1' + b"0" * 5000 + b"}")),
    Scenario("v3_garbage", 0, "nbformat 3 with worksheets of the wrong types", "0", 0,
             "has no code cells", _put("v3_garbage", raw=(
                 b'{"nbformat": 3, "worksheets": [1, {"cells": 5}, {"cells": [[1, 2]]}]}'))),
    Scenario("deep_dirs", 0, "a chain of 1,100 nested folders in the working folder",
             "cleaned up without recursion; graded", FULL, "", _put("deep_dirs", _code(relu=RELU + (
                 "import os\nfor _ in range(1100):\n    os.mkdir('d')\n    os.chdir('d')\n")))),
    Scenario("setsid_chain", 0, "150 processes, each forked and setsid'd by the one before, all "
             "sleeping", "every link of the chain killed (the sweep repeats until none is left)",
             FULL, "", _put("setsid_chain", _code(relu=RELU + (
                 "import os, time\nif os.fork() == 0:\n    for _ in range(150):\n"
                 "        os.setsid()\n        if os.fork() != 0:\n            os._exit(0)\n"
                 "    time.sleep(300)\n")))),
    Scenario("ptrace", 0, "one leftover process ptraces another", "not traceable (not dumpable); "
             "both killed, nothing blocks", FULL, "", _put("ptrace", _code(relu=RELU + (
                 "import ctypes, os, time\nchild = os.fork()\n"
                 "if child == 0:\n    os.setsid()\n    time.sleep(300)\n"
                 "if os.fork() == 0:\n    os.setsid()\n"
                 "    ctypes.CDLL(None).ptrace(0x4206, child, 0, 0)\n    time.sleep(300)\n")))),
    Scenario("big_file", 0, "writes a 100 MB file", "stopped at 64 MB (EFBIG), noted; graded",
             FULL, "File too large", _put("big_file", _code(relu=RELU + (
                 "with open('big', 'wb') as f:\n    f.write(b'0' * 100_000_000)\n")))),
    Scenario("huge_code", 0, "relu's cell followed by 3 MB of `x = 1` lines and a stray `%%%`",
             "0 before the grader compiles it (a second-long cost per MB otherwise)", 0,
             "holds over 256 KiB of code", _put("huge_code", _code(relu=RELU + "x = 1\n" * 500_000 + "%%%\n"))),
    Scenario("symlinked", 0, "the notebook is a symbolic link (to the source notebook)",
             "0: submissions must be real files", 0, "symbolic link", _symlinked),
    Scenario("many_files", 0, "2,000 long-named files and no notebook", "0; the reason lists ten "
             "names and a count", 0, "and 1990 more", _many_files),
    Scenario("jupyter_syntax", 0, "`np.where?`, `t = %timeit -o ...`, `files = !ls` and "
             "`display(...)` around relu's def", "translated as IPython would; graded", FULL, "",
             _put("jupyter_syntax", _code(relu=(
                 "np.where?\ndisplay('relu below')\nfiles = !ls\n" + RELU
                 + "t = %timeit -o relu(np.arange(3))\n")))),
    Scenario("slow_cell_constants", 0, "a cell that times out after defining `CLIP = 500` and "
             "`relu = lambda z: ...`", "replayed with its definitions, constants and lambdas "
             "included; graded", FULL, "only its definitions", _put("slow_cell_constants", _code(relu=(
                 "CLIP = 500\nrelu = lambda z: np.maximum(np.asarray(z), 0) + 0 * CLIP\n"
                 "while True:\n    pass\n")))),
    Scenario("unix_socket", 0, "relu sends its inputs to a named unix socket (a helper service)",
             "socket() is refused by seccomp (PermissionError): relu 0", NO_RELU,
             "PermissionError", _put("unix_socket", _code(relu=(
                 "import socket\ndef relu(z):\n    s = socket.socket(socket.AF_UNIX)\n"
                 "    s.connect('/tmp/.X11-unix/X0')\n    return np.maximum(z, 0)")))),
    Scenario("x" * 250, 0, "a 250-character student id", "graded; its results folder name shortened",
             FULL, "", lambda subs: submit(subs, "x" * 250, student_notebook(CORRECT))),
]


def write_fixtures(subs: Path) -> None:
    for scenario in SCENARIOS:
        scenario.build(subs)


def docs() -> str:
    lines = ["# Damaged, misbehaving and cheating submissions", "",
             "Every row is a fixture built by `tests/scenarios.py` from the release notebook and "
             "graded in one batch, together with the sample submissions, by "
             "`tests/test_robustness.py::test_scenario[<id>]`, which checks the exact total and "
             "the reason shown. `#` is the scenario's number in the course's list of inputs that "
             "broke other graders (`-`: found by our own breaker). Generated by "
             "`python tests/scenarios.py`; do not edit by hand.", "",
             "| # | fixture | input | what the grader does | total |", "|---|---|---|---|---|"]
    for s in SCENARIOS:
        fixture = s.id if len(s.id) < 30 else s.id[:12] + "…"
        lines.append(f"| {s.number or '-'} | `{fixture}` | {s.what} | {s.handling} | {s.total:g}/{FULL:g} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    (REPO / "docs").mkdir(exist_ok=True)
    (REPO / "docs" / "robustness.md").write_text(docs(), encoding="utf-8")
    print(f"wrote docs/robustness.md ({len(SCENARIOS)} scenarios)")
