"""The mistake and correct-variant catalogs of `forward_pass`, graded through the real path.

Every catalog entry becomes one student: the correct sample (`CORRECT`) with that entry's cell in
place of its function, submitted as `m_<id>` (a mistake) or `v_<id>` (a variant). One
`autograder grade` run grades them all; each mistake must cost its function points, each variant
must get full marks. Adding an entry to a catalog is all it takes to have it tested here.
"""

from __future__ import annotations

import re

import pytest
from conftest import grade_folder, student_notebook, submit
from samples import CORRECT

from autograder.assignment import load
from autograder.catalog import CorrectVariant, Mistake
from exercises.forward_pass.correct_variants import VARIANTS
from exercises.forward_pass.mistakes import MISTAKES

ASSIGNMENT = load("forward_pass")
FUNCTIONS = ASSIGNMENT.function_names
POINTS = {name: ASSIGNMENT.function(name).points for name in FUNCTIONS}
FULL = ASSIGNMENT.max_score
CONTROL = "control_correct"


def _student(prefix: str, entry: Mistake | CorrectVariant) -> str:
    return f"{prefix}_{entry.id}"


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> dict:
    """Every mistake and every variant, plus the unchanged correct sample, in one batch."""
    base = tmp_path_factory.mktemp("catalogs")
    submissions = base / "submitted"
    submit(submissions, CONTROL, student_notebook(CORRECT))
    for prefix, catalog in (("m", MISTAKES), ("v", VARIANTS)):
        for entry in catalog:
            submit(submissions, _student(prefix, entry),
                   student_notebook({**CORRECT, entry.function: entry.code}))
    return grade_folder(submissions, base)


def _score(graded: dict, student_id: str, column: str) -> float:
    return float(graded["rows"][student_id][column])


def _failures(graded: dict, student_id: str) -> str:
    """The feedback of every function that lost points, to show when a test fails."""
    result = graded["results"].get(student_id, {})
    lines = [f"{t['name']}: {t['score']}/{t['max_score']}\n{t['output']}"
             for t in result.get("tests", []) if t["score"] < t["max_score"]]
    return "\n".join(lines + [result.get("output", "")])


def test_the_correct_sample_alone_gets_full_marks(graded):
    """The control: CORRECT as it is. If this fails, no other result here means anything."""
    for function in FUNCTIONS:
        assert _score(graded, CONTROL, function) == pytest.approx(POINTS[function]), function
    assert _score(graded, CONTROL, "total") == pytest.approx(FULL)


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.id for m in MISTAKES])
def test_each_mistake_loses_points_in_its_function(graded, mistake):
    score = _score(graded, _student("m", mistake), mistake.function)
    assert score < POINTS[mistake.function] - 1e-9, (
        f"{mistake.id} ({mistake.description}) got full marks for {mistake.function}: "
        "the hidden cases do not catch it")


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.id for v in VARIANTS])
def test_each_correct_variant_gets_full_marks(graded, variant):
    student_id = _student("v", variant)
    assert _score(graded, student_id, "total") == pytest.approx(FULL), _failures(graded, student_id)


HINTED = [m for m in MISTAKES if m.hint_ko]


@pytest.mark.parametrize("mistake", HINTED, ids=[m.id for m in HINTED])
def test_each_hinted_mistake_is_told_its_hint(graded, mistake):
    """The hint reaches the student who made the mistake, whatever container the answer is in."""
    tests = graded["results"][_student("m", mistake)]["tests"]
    output = next(t["output"] for t in tests if t["name"] == mistake.function)
    assert mistake.hint_ko in output, f"{mistake.id}: no hint in\n{output}"


def test_catalog_sizes():
    assert len(MISTAKES) >= 60
    assert len(VARIANTS) >= 30
    for function in FUNCTIONS:
        assert sum(m.function == function for m in MISTAKES) >= 5, function
        assert sum(v.function == function for v in VARIANTS) >= 3, function


@pytest.mark.parametrize("catalog", [MISTAKES, VARIANTS], ids=["mistakes", "variants"])
def test_catalog_entries_are_well_formed(catalog):
    ids = [entry.id for entry in catalog]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for entry in catalog:
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", entry.id), entry.id
        assert entry.function in FUNCTIONS, (entry.id, entry.function)
        assert entry.description.strip() and "\n" not in entry.description, entry.id
        assert re.search(rf"^def {entry.function}\(", entry.code, re.MULTILINE), entry.id
        compile(entry.code, entry.id, "exec")


def test_hints_come_in_both_languages():
    for mistake in MISTAKES:
        assert bool(mistake.hint_ko) == bool(mistake.hint_en), mistake.id


def test_the_catalog_page_shows_the_sizes_and_real_feedback(graded):
    from catalog_docs import page
    from conftest import REPO
    assert (REPO / "docs" / "catalog.md").read_text(encoding="utf-8") == page(graded["results"]), (
        "docs/catalog.md is stale: run `python tests/catalog_docs.py`")
