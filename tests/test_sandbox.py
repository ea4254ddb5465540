"""Both ways of starting a student process, forked from the warm zygote or started afresh,
grade alike."""

from __future__ import annotations

import pytest
from conftest import REPO
from samples import SAMPLES

from autograder import sandbox
from autograder.assignment import load
from autograder.grading import Reference, grade_submission
from autograder.notebook import ReleaseCells

ASSIGNMENT = load("forward_pass")
RELEASE = ReleaseCells.from_notebook(REPO / "release" / "forward_pass" / "forward_pass.ipynb")
REFERENCE = Reference.compute(ASSIGNMENT)


def grade(student_id: str):
    folder = REPO / "examples" / "submitted" / student_id / "forward_pass"
    return grade_submission(ASSIGNMENT, REFERENCE, RELEASE, student_id, folder)


@pytest.mark.parametrize("student_id", ["kim_correct", "kang_raises", "han_infinite_loop"])
def test_a_fresh_process_grades_like_a_forked_one(student_id, monkeypatch):
    forked = grade(student_id)
    assert sandbox._get_zygote() is not None
    monkeypatch.setattr(sandbox, "_get_zygote", lambda: None)
    fresh = grade(student_id)
    assert [f.points for f in fresh.functions] == [f.points for f in forked.functions]
    assert fresh.total == pytest.approx(sum(SAMPLES[student_id].scores.values()), abs=1e-4)
