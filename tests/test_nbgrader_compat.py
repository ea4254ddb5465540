"""A course that runs only nbgrader can use the notebooks as they are: `nbgrader validate`
passes the reference and fails the stubs, and `nbgrader autograde` gives every sample student
the total `autograder grade` gives."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import REPO
from samples import SAMPLES

from autograder.build import tool_environment


def nbgrader(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd, capture_output=True,
                          text=True, env=tool_environment(), timeout=900)


def test_nbgrader_validate_passes_the_source_and_fails_the_release(course):
    source = nbgrader("validate", "source/forward_pass/forward_pass.ipynb", cwd=course)
    assert "Success! Your notebook passes all the tests." in source.stdout, source.stdout + source.stderr
    release = nbgrader("validate", "release/forward_pass/forward_pass.ipynb", cwd=course)
    assert "VALIDATION FAILED" in release.stdout, release.stdout + release.stderr


def test_nbgrader_autograde_gives_each_sample_the_same_total(course, sample_grades):
    shutil.copytree(REPO / "examples" / "submitted", course / "submitted")
    generated = nbgrader("generate_assignment", "forward_pass", "--force", cwd=course)
    assert generated.returncode == 0, generated.stderr
    graded = nbgrader("autograde", "forward_pass", cwd=course)
    assert graded.returncode == 0, graded.stderr[-3000:]

    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        totals = {sid: gradebook.find_submission("forward_pass", sid).score for sid in SAMPLES}
    ours = {sid: float(row["total"]) for sid, row in sample_grades["rows"].items()}
    assert totals == pytest.approx(ours, abs=1e-3)
