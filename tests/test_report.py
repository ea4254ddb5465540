"""`autograder report` writes an instructor's page: a histogram image of the totals, the pass rate
of each function and case, and the most frequent mistakes seen."""

from __future__ import annotations

import html.parser
import re
import xml.etree.ElementTree as ElementTree

import nbformat

from conftest import REPO, grade_folder, run_autograder, submit


def test_the_report_shows_what_to_teach_again(tmp_path):
    run_autograder("grade", "forward_pass", "--submissions", str(REPO / "examples" / "submitted"),
                   "--csv", str(tmp_path / "g.csv"), "--quiet")
    run_autograder("report", "forward_pass", "--results", str(tmp_path / "g"), "--out",
                   str(tmp_path / "report"))
    svg = ElementTree.parse(tmp_path / "report" / "histogram.svg").getroot()
    bars = [int(rect.find("{http://www.w3.org/2000/svg}title").text)
            for rect in svg.iter("{http://www.w3.org/2000/svg}rect")]
    assert sum(bars) == 8 and bars[0] == 1  # eight students; the untouched release in the lowest bin
    page = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "8 students" in page and '<img src="histogram.svg"' in page
    assert "x @ W (또는 W.T @ x)" in page  # park's mistake, named by its hint
    assert "<code>layer_forward</code>" in page and "non-square W, 2 x 3, sigmoid" in page


# --- figures come from the stored structure, never from the human output text ---------------

NAIVE_SIGMOID = """
import numpy as np

def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(z) / (1 + np.exp(z))
"""

NETWORK_WITHOUT_EMPTY_CASE = """
import numpy as np

def network_forward(weights, x, activation=None):
    if not weights:
        raise ValueError("no layers: nothing to do")
    for W in weights:
        x = np.asarray(W) @ np.asarray(x)
        if activation is not None:
            x = activation(x)
    return x
"""

INJECTED = "\\n".join(["oops"] + ["- scalar z = 2.0: x"] * 15
                      + ["- large |z|: [-1000, -30, 30, 1000] (finite, no nan): x"] * 4
                      + ["- 1-D array: x 힌트(hint): EVIL-HINT-TEXT Hint: EVIL-HINT-TEXT"])

HOSTILE_SIGMOID = f"""
def sigmoid(z):
    raise RuntimeError("{INJECTED}")
"""


def correct_notebook_but(code: dict[str, str]):
    """The bundled correct submission (kim's) with the given solution cells (by grade_id) replaced,
    so every other case passes and the report's lowest-first case table starts with these."""
    notebook = nbformat.read(REPO / "examples" / "submitted" / "kim_correct" / "forward_pass"
                             / "forward_pass.ipynb", as_version=4)
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and meta.get("grade_id") in code:
            cell.source = code[meta["grade_id"]].strip("\n")
    return notebook


class _Tables(html.parser.HTMLParser):
    """Each <table> of the page: its rows of cell texts (header rows included)."""

    def __init__(self):
        super().__init__()
        self.tables, self._cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(self._cell.strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def _report(tmp_path, submissions, *extra: str) -> tuple[str, list]:
    grade_folder(submissions, tmp_path / "graded")
    run_autograder("report", "forward_pass", "--results", str(tmp_path / "graded" / "results"),
                   "--out", str(tmp_path / "report"), *extra)
    page = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    parser = _Tables()
    parser.feed(page)
    return page, parser.tables


def _percent(text: str) -> float:
    assert re.fullmatch(r"-?\d+%", text), text
    return float(text[:-1])


def _case_rates(tables) -> dict[tuple[str, str], float]:
    return {(row[0], row[1]): _percent(row[2]) for row in tables[1][1:]}


def test_a_case_whose_label_holds_a_colon_is_counted_when_everyone_fails_it(tmp_path):
    subs = tmp_path / "submitted"
    for student in ("ahn", "baek"):
        submit(subs, student, correct_notebook_but({"sigmoid": NAIVE_SIGMOID,
                                                    "network_forward": NETWORK_WITHOUT_EMPTY_CASE}))
    page, tables = _report(tmp_path, subs)
    rates = _case_rates(tables)
    assert rates["sigmoid", "large |z|: [-1000, -30, 30, 1000] (finite, no nan)"] == 0
    assert rates["network_forward", "empty list of layers: returns x as an array"] == 0
    assert rates["network_forward", "empty list of layers, x given as a list"] == 0
    assert rates["sigmoid", "scalar z = 2.0"] == 100  # the naive formula is right where finite
    # the catalogued hint for e^z / (1 + e^z), once per student who was shown it
    hints = {(row[2], row[3]): (int(row[0]), int(row[1])) for row in tables[2][1:]}  # students, cases
    assert any(function == "sigmoid" and "inf / inf = nan" in hint and n == (2, 2)
               for (function, hint), n in hints.items()), hints
    # the kind of the empty-list failure: the grader's sentence, with the student's details left out
    kinds = {(row[2], row[3]): (int(row[0]), int(row[1])) for row in tables[3][1:]}
    assert kinds["network_forward", "실행 중 오류(exception)가 났습니다: …"] == (2, 4)  # 2 students, 4 cases
    assert "nothing to do" not in page


def test_injected_failure_lines_cannot_move_rates_or_fake_hints(tmp_path):
    subs = tmp_path / "submitted"
    submit(subs, "hostile", correct_notebook_but({"sigmoid": HOSTILE_SIGMOID}))
    submit(subs, "honest", correct_notebook_but({}))
    graded = grade_folder(subs, tmp_path / "graded")
    output = next(t["output"] for t in graded["results"]["hostile"]["tests"] if t["name"] == "sigmoid")
    assert output.count("\n- scalar z = 2.0: x") >= 10  # the injection did reach the stored text
    run_autograder("report", "forward_pass", "--results", str(tmp_path / "graded" / "results"),
                   "--out", str(tmp_path / "report"))
    page = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    parser = _Tables()
    parser.feed(page)
    tables = parser.tables
    every_rate = [_percent(cell) for row in tables[0][1:] for cell in row[1:]]
    every_rate += list(_case_rates(tables).values())
    assert every_rate and all(0 <= rate <= 100 for rate in every_rate), every_rate
    rates = _case_rates(tables)
    # the hostile student failed every sigmoid case, the honest one none: half passed each
    assert rates["sigmoid", "scalar z = 2.0"] == 50
    assert rates["sigmoid", "large |z|: [-1000, -30, 30, 1000] (finite, no nan)"] == 50
    assert tables[2][1:] == [["없음 (none)"]]  # no hint was given
    assert "EVIL-HINT-TEXT" not in page and "oops" not in page
    kinds = {(row[2], row[3]): (int(row[0]), int(row[1])) for row in tables[3][1:]}
    assert kinds["sigmoid", "실행 중 오류(exception)가 났습니다: …"] == (1, 8)  # one student, 8 cases


def test_the_report_in_english(tmp_path):
    from autograder.assignment import load
    from autograder.report import write_report
    run_autograder("grade", "forward_pass", "--submissions", str(REPO / "examples" / "submitted"),
                   "--csv", str(tmp_path / "g.csv"), "--quiet")
    write_report(tmp_path / "g", load("forward_pass"), tmp_path / "report", language="en")
    page = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Pass rate per case" in page
    assert "compute W @ x (W x), not x @ W (nor W.T @ x)" in page  # park's hint, in English
    assert "힌트" not in page and "학생" not in page
