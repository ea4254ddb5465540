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


def test_scores_reach_nbgrader_export(course):
    run_autograder("release", "forward_pass", cwd=course)
    first = grade(course)
    assert "recorded 8 students" in first.stdout
    grade(course, "--force")  # recording again changes nothing
    subprocess.run([sys.executable, "-m", "nbgrader", "export", "--to", str(course / "export.csv")],
                   cwd=course, env=tool_environment(), check=True, capture_output=True)
    with open(course / "export.csv", newline="") as stream:
        exported = {row["student_id"]: float(row["raw_score"]) for row in csv.DictReader(stream)}
    assert exported == pytest.approx({s: expected_total(sample) for s, sample in SAMPLES.items()},
                                     abs=1e-4)


def test_a_gradebook_without_the_assignment_is_a_clear_error(course):
    result = grade(course, check=False)
    assert result.returncode == 2 and "autograder release forward_pass" in result.stderr
    assert (course / "out" / "g.csv").exists()  # the grades themselves were kept
