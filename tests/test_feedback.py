"""`autograder feedback` writes one offline HTML page per student: scores, failed cases with
expected and received values and hints, the student's own code, nothing of the hidden tests or
the reference, every student text escaped."""

from __future__ import annotations

import shutil

import pytest
from conftest import REPO, run_autograder, student_notebook, submit
from samples import CORRECT, SAMPLES, expected_total

from solutions import forward_pass as reference


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    base = tmp_path_factory.mktemp("feedback")
    subs = base / "submitted"
    shutil.copytree(REPO / "examples" / "submitted", subs)
    submit(subs, "script_kid", student_notebook({**CORRECT, "relu": (
        "# <script>alert('x')</script>\ndef relu(z):\n    return z")}))
    submit(subs, "john smith", student_notebook({**CORRECT, "relu": "def relu(z):  # mine\n    return z"}))
    linked = subs / "mallory" / "forward_pass" / "forward_pass.ipynb"
    linked.parent.mkdir(parents=True)
    linked.symlink_to(REPO / "source" / "forward_pass" / "forward_pass.ipynb")
    run_autograder("grade", "forward_pass", "--submissions", str(subs), "--csv", str(base / "g.csv"),
                   "--quiet")
    for language in ("ko", "en"):
        run_autograder("feedback", "forward_pass", "--results", str(base / "g"), "--submissions",
                       str(subs), "--out", str(base / language), "--lang", language)
    return base


def read(pages, language, student):
    return (pages / language / student / "forward_pass" / "index.html").read_text(encoding="utf-8")


def test_a_page_per_student_with_scores_failed_cases_hints_and_own_code(pages):
    page = read(pages, "ko", "park_x_at_W")
    assert "채점 결과" in page and f"{expected_total(SAMPLES['park_x_at_W']):g} / 20" in page
    assert "<strong>square non-symmetric W, 3 x 3, relu</strong>: 값이 다릅니다" in page
    assert '<div class="hint">힌트(hint): W 의 j 번째 행(row j)' in page  # the hint set apart
    assert "np.asarray(x, dtype=float) @ np.asarray(W, dtype=float)" in page  # the student's code
    assert len(list((pages / "ko").glob("*/forward_pass/index.html"))) == 11


def test_english_by_a_switch_down_to_each_case_and_hint(pages):
    page = read(pages, "en", "park_x_at_W")
    assert "Grading feedback" in page and "Hint: " in page and "wrong values" in page
    assert "힌트" not in page and "값이 다릅니다" not in page


def test_nothing_of_the_hidden_tests_or_the_reference_is_shown(pages):
    page = read(pages, "ko", "kim_correct")
    assert "hidden_tests_score" not in page and "BEGIN" not in page and "solutions" not in page
    assert "e = np.exp(-np.abs(z))" not in page  # a line only the reference sigmoid has
    assert "e = np.exp(-np.abs(z))" in open(reference.__file__, encoding="utf-8").read()


def test_student_text_is_escaped(pages):
    page = read(pages, "ko", "script_kid")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_a_page_goes_to_the_students_own_folder_name_with_their_code(pages):
    """nbgrader hands feedback out from feedback/<student_id>/, whatever characters the id has."""
    page = read(pages, "ko", "john smith")
    assert "def relu(z):  # mine" in page


def test_a_symlinked_notebook_shows_no_code_never_what_it_points_at(pages):
    page = read(pages, "ko", "mallory")
    assert "BEGIN SOLUTION" not in page and "e = np.exp(-np.abs(z))" not in page
