"""Whatever a submission is or does, its student gets a recorded score and a reason, the other
students keep theirs, and the batch finishes with exit status 0. The scenarios and their exact
expected totals are the table in tests/scenarios.py; they are graded in one batch together with
the sample submissions, under the C locale."""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import REPO, grade_folder
from samples import SAMPLES, expected_total
from scenarios import SCENARIOS, docs, write_fixtures

from autograder.confine import landlock_abi

needs_landlock = pytest.mark.skipif(landlock_abi() < 6, reason="this kernel has no Landlock ABI 6")
CONFINED = {"uses_reference", "kills_grader", "vandal", "runs_a_program"}  # what only Landlock makes safe


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("robustness")
    subs = base / "submitted"
    write_fixtures(subs)
    for student_id in SAMPLES:
        shutil.copytree(REPO / "examples" / "submitted" / student_id, subs / student_id)
    return {**grade_folder(subs, base / "out", env={"LC_ALL": "C", "LANG": "C"}), "submitted": subs}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id[:30] for s in SCENARIOS])
def test_scenario(graded, scenario):
    if scenario.id in CONFINED and landlock_abi() < 6:
        pytest.skip("needs Landlock ABI 6")
    result = graded["results"][scenario.id]
    assert result["score"] == pytest.approx(scenario.total, abs=1e-4), result
    text = result["output"] + "".join(t["output"] for t in result["tests"])
    english = " ".join([result["extra_data"]["error"], *result["extra_data"]["notes"],
                        *result["extra_data"]["cell_errors"]])  # reasons, notes, cell errors
    assert scenario.reason in text + english
    if result["extra_data"]["error"]:  # and the student reads it in Korean
        assert result["extra_data"]["error_text"]["ko"] in result["output"]


def test_one_batch_of_every_fixture_and_sample_gives_one_row_each(graded):
    students = len(list(graded["submitted"].iterdir()))
    assert len(graded["rows"]) == len(graded["results"]) == students == len(SCENARIOS) + len(SAMPLES)
    for student_id, sample in SAMPLES.items():
        assert float(graded["rows"][student_id]["total"]) == pytest.approx(expected_total(sample), abs=1e-4)


@needs_landlock
def test_no_student_can_touch_another_students_notebook(graded):
    for path in graded["submitted"].glob("*/forward_pass/*.ipynb"):
        assert path.stat().st_size > 0 or path.parent.parent.name == "empty"


def test_a_submission_is_stopped_by_its_time_budget(graded):
    result = graded["results"]["slow_cells"]
    assert 59 < result["execution_time"] < 75
    assert all("시간 예산(time budget)" in t["output"] for t in result["tests"])


@pytest.mark.parametrize("student", ["loud", "many_lines"])
def test_output_is_capped(graded, student):
    kept = graded["results"][student]["extra_data"]["student_output"]
    assert len(kept) < 100_000 and "more bytes of output not kept" in kept


def test_nothing_the_students_started_is_left_running(graded):
    # each student's processes work in a folder named after the student (grade-<id>-...)
    students = ("leaves_child", "setsid_chain", "ptrace")
    leftovers = [p for p in os.listdir("/proc") if p.isdigit()
                 and any(f"grade-{s}-" in _cwd(p) for s in students)]
    assert leftovers == []


def test_the_robustness_docs_list_every_scenario():
    assert (REPO / "docs" / "robustness.md").read_text(encoding="utf-8") == docs(), (
        "docs/robustness.md is stale: run `python tests/scenarios.py`")


def _cwd(pid: str) -> str:
    try:
        return os.readlink(f"/proc/{pid}/cwd")
    except OSError:
        return ""


def test_the_score_table_tells_how_a_misplaced_notebook_was_found(graded):
    rows = {line.split()[0]: line for line in graded["stdout"].splitlines() if line.strip()}
    assert "forward_pass/ 폴더가 아니라 한 단계 위 폴더에서" in rows["flat"]  # in Korean, cut at 70 characters
    assert "forward_pass/ 가 아니라 forwardpass/ 폴더에서" in rows["misnamed_folder"]
