"""`autograder collect-zip FILE` turns a Canvas bulk download, several attempts per student, into
the submitted/ layout with the newest attempt each, logging every decision; the result grades."""

from __future__ import annotations

import csv
import zipfile

import nbformat
from conftest import run_autograder, student_notebook
from samples import CORRECT, SAMPLES, expected_total


def test_the_newest_attempt_of_each_student_is_kept_and_graded(tmp_path):
    wrong = nbformat.writes(student_notebook({**CORRECT, "relu": "def relu(z):\n    return z"}))
    right = nbformat.writes(student_notebook(CORRECT))
    download = tmp_path / "submissions.zip"
    with zipfile.ZipFile(download, "w") as archive:
        archive.writestr("doejane_12345_67890_forward_pass.ipynb", wrong)
        archive.writestr("doejane_late_12345_67891_forward_pass-2.ipynb", right)
        archive.writestr("kimminsu_22222_67000_forward_pass.ipynb", wrong)
        archive.writestr("readme.txt", "not a submission")
        archive.writestr("../../escape_1_2_forward_pass.ipynb", right)
    into = tmp_path / "submitted"
    result = run_autograder("collect-zip", str(download), "--into", str(into))
    assert "doejane: took doejane_late_12345_67891_forward_pass-2.ipynb (late); older attempts not " \
           "used: doejane_12345_67890_forward_pass.ipynb" in result.stdout
    assert "skipped readme.txt" in result.stdout
    assert (into / ".collect-forward_pass.log").read_text().count("\n") == 5  # and a summary
    assert sorted(p.name for p in into.iterdir() if not p.name.startswith(".")) == [
        "doejane", "escape", "kimminsu"]  # a member's folders are never followed out of --into
    assert not (tmp_path.parent / "escape").exists()
    graded = run_autograder("grade", "forward_pass", "--submissions", str(into), "--csv",
                            str(tmp_path / "g.csv"), "--quiet")
    assert "doejane" in graded.stdout
    rows = {line.split(",")[0]: line.split(",")[1:-2] for line in (tmp_path / "g.csv").read_text().splitlines()}
    full = [f"{points:g}" for points in SAMPLES["kim_correct"].scores.values()]
    assert rows["doejane"] == full and rows["kimminsu"] != full


def test_a_file_that_is_not_a_zip_is_a_clear_error(tmp_path):
    bogus = tmp_path / "download.zip"
    bogus.write_text("no")
    result = run_autograder("collect-zip", str(bogus), "--into", str(tmp_path / "s"), check=False)
    assert result.returncode == 2 and "not a readable zip file" in result.stderr


def test_two_canvas_users_with_one_name_stay_two_students(tmp_path):
    right = nbformat.writes(student_notebook(CORRECT))
    wrong = nbformat.writes(student_notebook({**CORRECT, "relu": "def relu(z):\n    return z"}))
    download = tmp_path / "submissions.zip"
    with zipfile.ZipFile(download, "w") as archive:
        archive.writestr("kimminsu_12345_678950_forward_pass-1.ipynb", right)
        archive.writestr("kimminsu_99999_678960_forward_pass.ipynb", wrong)
        archive.writestr("leejia_55555_678970_forward_pass.ipynb", right)
    into = tmp_path / "submitted"
    result = run_autograder("collect-zip", str(download), "--into", str(into))
    assert sorted(p.name for p in into.iterdir() if not p.name.startswith(".")) == [
        "kimminsu_12345", "kimminsu_99999", "leejia"]
    assert "kimminsu_99999: took kimminsu_99999_678960_forward_pass.ipynb (Canvas user 99999; " \
           "another user is also named kimminsu)" in result.stdout
    assert "collected 3 students" in result.stdout
    # the Canvas export fills in each collected student's Canvas user id, so Canvas can match it
    run_autograder("grade", "forward_pass", "--submissions", str(into), "--csv", str(tmp_path / "g.csv"),
                   "--quiet")
    run_autograder("export", "forward_pass", "--to", "canvas", "--results", str(tmp_path / "g"),
                   "--submissions", str(into), "--out", str(tmp_path / "canvas.csv"))
    with open(tmp_path / "canvas.csv", newline="") as stream:
        ids = {row["Student"]: (row["ID"], row["forward_pass"]) for row in csv.DictReader(stream)}
    full = f"{expected_total(SAMPLES['kim_correct']):g}"
    assert ids["kimminsu_12345"] == ("12345", full) and ids["leejia"] == ("55555", full)
    assert ids["kimminsu_99999"][0] == "99999" and ids["kimminsu_99999"][1] != full


def test_a_zip_without_canvas_named_notebooks_writes_nothing_and_says_what_was_expected(tmp_path):
    download = tmp_path / "submissions.zip"
    with zipfile.ZipFile(download, "w") as archive:
        archive.writestr("forward_pass.ipynb", "{}")
        archive.writestr("notes.txt", "hello")
    into = tmp_path / "submitted"
    result = run_autograder("collect-zip", str(download), "--into", str(into), check=False)
    assert result.returncode == 2
    assert "holds no notebook named as Canvas names submissions" in result.stderr
    assert "doejane_12345_67890_forward_pass.ipynb" in result.stderr and "notes.txt" in result.stderr
    assert not into.exists()
