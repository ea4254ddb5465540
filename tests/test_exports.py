"""`autograder export --to canvas|moodle` writes an LMS gradebook import from stored results."""

from __future__ import annotations

import csv

import pytest
from conftest import REPO, run_autograder
from samples import SAMPLES, expected_total


@pytest.mark.parametrize("kind, key", [("canvas", "SIS Login ID"), ("moodle", "username")])
def test_each_student_total_in_the_lms_format(tmp_path, kind, key):
    run_autograder("grade", "forward_pass", "--submissions", str(REPO / "examples" / "submitted"),
                   "--csv", str(tmp_path / "g.csv"), "--quiet")
    out = tmp_path / f"{kind}.csv"
    run_autograder("export", "forward_pass", "--to", kind, "--results", str(tmp_path / "g"),
                   "--out", str(out))
    with open(out, newline="") as stream:
        rows = {row[key]: float(row["forward_pass"]) for row in csv.DictReader(stream)}
    assert rows == pytest.approx({s: expected_total(sample) for s, sample in SAMPLES.items()})


def test_the_grade_column_can_carry_the_lms_assignment_id(tmp_path):
    run_autograder("grade", "forward_pass", "--submissions", str(REPO / "examples" / "submitted"),
                   "--csv", str(tmp_path / "g.csv"), "--quiet")
    out = tmp_path / "canvas.csv"
    run_autograder("export", "forward_pass", "--to", "canvas", "--results", str(tmp_path / "g"),
                   "--out", str(out), "--column", "forward_pass (123456)")
    assert out.read_text().splitlines()[0].endswith(",forward_pass (123456)")
