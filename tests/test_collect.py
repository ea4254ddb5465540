"""`autograder collect-zip FILE` turns a Canvas bulk download, several attempts per student, into
the submitted/ layout with the newest attempt each, logging every decision; the result grades."""

from __future__ import annotations

import zipfile

import nbformat
from conftest import run_autograder, student_notebook
from samples import CORRECT, SAMPLES


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
    assert (into / ".collect-forward_pass.log").read_text().count("\n") == 4
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
