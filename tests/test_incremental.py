"""Nothing lost, nothing graded twice: stored results are reused while their submission is
unchanged, a killed run resumes where it stopped, and a store that cannot be used stops the run
before anything is graded or written."""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import time

import pytest
from conftest import BIN, REPO, run_autograder

SAMPLES = REPO / "examples" / "submitted"


def grade(subs, out, *extra, check=True):
    return run_autograder("grade", "forward_pass", "--submissions", str(subs), "--csv",
                          str(out / "grades.csv"), "--results", str(out / "results"), "--jobs", "1",
                          *extra, check=check)


@pytest.fixture
def subs(tmp_path):
    shutil.copytree(SAMPLES, tmp_path / "submitted")
    return tmp_path / "submitted"


def test_unchanged_submissions_are_reused_and_a_changed_one_is_graded_again(subs, tmp_path):
    out = tmp_path / "out"
    first = grade(subs, out)
    assert "graded 8 submissions" in first.stdout
    csv_first = (out / "grades.csv").read_text()

    again = grade(subs, out)
    assert "graded 0 submissions" in again.stdout and "8 unchanged" in again.stdout
    assert (out / "grades.csv").read_text() == csv_first

    notebook = "forward_pass/forward_pass.ipynb"
    shutil.copy(subs / "kim_correct" / notebook, subs / "lee_untouched" / notebook)
    changed = grade(subs, out)
    assert "graded 1 submission " in changed.stdout and "7 unchanged" in changed.stdout
    rows = (out / "grades.csv").read_text().splitlines()
    kim = next(r for r in rows if r.startswith("kim_correct,")).split(",")[1:]
    assert next(r for r in rows if r.startswith("lee_untouched,")).split(",")[1:] == kim

    forced = grade(subs, out, "--force")
    assert "graded 8 submissions" in forced.stdout


def test_regrading_everything_gives_the_same_grades(subs, tmp_path):
    grade(subs, tmp_path / "a")
    grade(subs, tmp_path / "b", "--force")
    assert (tmp_path / "a" / "grades.csv").read_text() == (tmp_path / "b" / "grades.csv").read_text()


def test_a_killed_run_resumes_and_grades_each_student_once(subs, tmp_path):
    out = tmp_path / "out"
    clean = tmp_path / "clean"
    grade(subs, clean)
    command = [str(BIN / "autograder"), "grade", "forward_pass", "--submissions", str(subs), "--csv",
               str(out / "grades.csv"), "--results", str(out / "results"), "--jobs", "1", "--quiet"]
    run = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list((out / "results").glob("*/results.json")) and time.monotonic() < deadline:
        time.sleep(0.02)
    run.kill()
    run.wait()
    written = len(list((out / "results").glob("*/results.json")))
    assert 1 <= written < 8 and not (out / "grades.csv").exists()

    resumed = grade(subs, out)
    assert f"{written} unchanged" in resumed.stdout and f"graded {8 - written} submission" in resumed.stdout
    assert (out / "grades.csv").read_text() == (clean / "grades.csv").read_text()
    assert len(list((out / "results").glob("*/results.json"))) == 8


def test_an_unreadable_stored_result_stops_the_run_and_changes_nothing(subs, tmp_path):
    out = tmp_path / "out"
    grade(subs, out)
    broken = out / "results" / "park_x_at_W" / "results.json"
    broken.write_text("{ truncated")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    result = grade(subs, out, check=False)
    assert result.returncode == 2
    assert str(broken) in result.stderr and "nothing was graded" in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_a_store_in_use_by_another_run_stops_the_run(subs, tmp_path):
    results = tmp_path / "out" / "results"
    results.mkdir(parents=True)
    with open(results / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = grade(subs, tmp_path / "out", check=False)
    assert result.returncode == 2 and "another autograder run" in result.stderr
    assert not (tmp_path / "out" / "grades.csv").exists()


def test_a_store_that_cannot_be_written_stops_the_run(subs, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "results").write_text("a file where a folder should be")
    result = grade(subs, tmp_path / "out", check=False)
    assert result.returncode == 2 and "cannot write results" in result.stderr


def test_a_parallel_run_gives_exactly_the_scores_of_a_serial_run(subs, tmp_path):
    serial = grade(subs, tmp_path / "serial")
    parallel = run_autograder("grade", "forward_pass", "--submissions", str(subs), "--csv",
                              str(tmp_path / "parallel" / "grades.csv"), "--results",
                              str(tmp_path / "parallel" / "results"), "--jobs", "4")
    assert (tmp_path / "serial" / "grades.csv").read_text() == (tmp_path / "parallel" / "grades.csv").read_text()
    # plain progress lines off a terminal, one per student, then the summary
    assert parallel.stderr.count("/8] ") == 8 and "graded 8 submissions" in parallel.stdout
    assert "graded 8 submissions" in serial.stdout


def test_results_inside_the_submissions_folder_are_refused(subs, tmp_path):
    result = run_autograder("grade", "forward_pass", "--submissions", str(subs),
                            "--csv", str(subs.parent / "submitted.csv"), check=False)
    assert result.returncode == 2 and "overlap" in result.stderr
    assert not list(subs.glob("*/results.json"))


def test_a_removed_student_keeps_its_result_but_leaves_exports_feedback_and_reports(subs, tmp_path):
    out = tmp_path / "out"
    grade(subs, out)
    shutil.rmtree(subs / "park_x_at_W")
    grade(subs, out)
    assert (out / "results" / "park_x_at_W" / "results.json").is_file()  # nothing graded is lost
    run_autograder("export", "forward_pass", "--to", "moodle", "--results", str(out / "results"),
                   "--out", str(tmp_path / "moodle.csv"))
    students = [line.split(",")[0] for line in (tmp_path / "moodle.csv").read_text().splitlines()[1:]]
    assert len(students) == 7 and "park_x_at_W" not in students
    run_autograder("feedback", "forward_pass", "--results", str(out / "results"), "--submissions",
                   str(subs), "--out", str(tmp_path / "feedback"))
    assert not (tmp_path / "feedback" / "park_x_at_W").exists()
    run_autograder("report", "forward_pass", "--results", str(out / "results"), "--out", str(tmp_path / "report"))
    assert "7 students" in (tmp_path / "report" / "index.html").read_text()


def test_a_resubmission_in_a_misspelled_folder_is_graded_again(subs, tmp_path):
    out = tmp_path / "out"
    misnamed = subs / "late_fix" / "forwardpass"
    misnamed.mkdir(parents=True)
    shutil.copy(SAMPLES / "park_x_at_W" / "forward_pass" / "forward_pass.ipynb", misnamed)
    grade(subs, out)
    first = (out / "grades.csv").read_text()
    shutil.copy(SAMPLES / "kim_correct" / "forward_pass" / "forward_pass.ipynb", misnamed)
    again = grade(subs, out)
    assert "graded 1 submission" in again.stdout
    row = next(line for line in (out / "grades.csv").read_text().splitlines() if line.startswith("late_fix,"))
    assert row.endswith(",20,20") and row not in first
