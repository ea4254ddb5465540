"""`autograder grade --gradebook` records each student's per-function scores in the course's real
nbgrader gradebook, so `nbgrader export` shows the same totals."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest
from conftest import REPO, run_autograder
from samples import SAMPLES, expected_total

from autograder.build import tool_environment

SUBS = str(REPO / "examples" / "submitted")


def grade(course, *extra, check=True):
    return run_autograder("grade", "forward_pass", "--submissions", SUBS, "--csv",
                          str(course / "out" / "g.csv"), "--quiet", "--gradebook", *extra,
                          cwd=course, check=check)


def exported_totals(course) -> dict[str, float]:
    subprocess.run([sys.executable, "-m", "nbgrader", "export", "--to", str(course / "export.csv")],
                   cwd=course, env=tool_environment(), check=True, capture_output=True)
    with open(course / "export.csv", newline="") as stream:
        return {row["student_id"]: float(row["raw_score"]) for row in csv.DictReader(stream)}


SAMPLE_TOTALS = {s: expected_total(sample) for s, sample in SAMPLES.items()}


def test_scores_reach_nbgrader_export(course):
    run_autograder("release", "forward_pass", cwd=course)
    first = grade(course)
    assert "recorded 8 students" in first.stdout
    grade(course, "--force")  # recording again changes nothing
    assert exported_totals(course) == pytest.approx(SAMPLE_TOTALS, abs=1e-4)


def test_a_course_without_a_gradebook_gets_the_assignment_cells_and_students(course):
    assert not (course / "gradebook.db").exists()
    grade(course)
    assert exported_totals(course) == pytest.approx(SAMPLE_TOTALS, abs=1e-4)


def test_an_unusable_database_is_a_clear_error_and_the_grades_are_kept(course):
    result = grade(course, f"sqlite:///{course / 'no-such-folder' / 'gradebook.db'}", check=False)
    assert result.returncode == 2 and "cannot record grades in sqlite:///" in result.stderr
    assert (course / "out" / "g.csv").exists()
