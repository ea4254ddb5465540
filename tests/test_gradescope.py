"""`autograder gradescope` builds an autograder.zip whose run_autograder grades one submission in
an /autograder-shaped tree and writes Gradescope's results.json."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest
from conftest import REPO, run_autograder
from samples import SAMPLES, expected_total

from autograder.confine import landlock_abi


def _autograder_tree(tmp_path, notebook: bytes):
    """autograder.zip unpacked as Gradescope does, with one submission; returns run_autograder."""
    archive = tmp_path / "autograder.zip"
    run_autograder("gradescope", "forward_pass", "--out", str(archive))
    root = tmp_path / "autograder"
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        zipped.extractall(root / "source")
    assert {"setup.sh", "run_autograder", "release/forward_pass/forward_pass.ipynb"} <= set(names)
    assert not any(name.endswith("gradebook.db") or name.startswith(("submitted/", "grades/")) for name in names)
    (root / "submission").mkdir()
    (root / "submission" / "forward_pass.ipynb").write_bytes(notebook)
    script = root / "source" / "run_autograder"
    script.chmod(0o755)
    return script


def _run(script, *wrapper: str) -> dict:
    root = script.parent.parent
    subprocess.run([*wrapper, str(script)], check=True, capture_output=True, timeout=300, env={
        **os.environ, "AUTOGRADER_ROOT": str(root), "AUTOGRADER_PYTHON": sys.executable})
    return json.loads((root / "results" / "results.json").read_text())


def _sample(student: str) -> bytes:
    return (REPO / "examples" / "submitted" / student / "forward_pass" / "forward_pass.ipynb").read_bytes()


@pytest.mark.parametrize("student", ["kim_correct", "park_x_at_W"])
def test_run_autograder_grades_a_submission_locally(tmp_path, student):
    results = _run(_autograder_tree(tmp_path, _sample(student)))
    assert results["score"] == pytest.approx(expected_total(SAMPLES[student]), abs=1e-4)
    assert [t["name"] for t in results["tests"]][:2] == ["sigmoid", "relu"]


@pytest.mark.skipif(landlock_abi() < 1, reason="this kernel has no Landlock to take away")
def test_without_landlock_run_autograder_grades_nothing(tmp_path):
    """The zip ships solutions/: where the image refuses Landlock, no submission is graded (a
    student could read the reference); the reason is in what Gradescope shows."""
    results = _run(_autograder_tree(tmp_path, _sample("kim_correct")),
                   sys.executable, str(REPO / "tests" / "without_landlock.py"))
    assert results["score"] == 0
    assert "cannot confine student code" in results["extra_data"]["error"]
    assert "학생 코드를 가둘(confine) 수 없어서" in results["output"]  # what the student is shown
