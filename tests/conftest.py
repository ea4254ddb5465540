"""Shared fixtures: the repository, a scratch copy of the course, the real `autograder` command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO / "examples"))


def run_autograder(*args: str, cwd: Path = REPO, check: bool = True) -> subprocess.CompletedProcess:
    """Run the installed `autograder` console script, as a user would."""
    result = subprocess.run([str(BIN / "autograder"), *args], cwd=cwd, capture_output=True,
                            text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"autograder {' '.join(args)} exited {result.returncode}:\n"
                             f"{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A scratch nbgrader course: the repository's config, source and release, no student data."""
    root = tmp_path / "course"
    root.mkdir()
    shutil.copy(REPO / "nbgrader_config.py", root)
    shutil.copytree(REPO / "source", root / "source")
    shutil.copytree(REPO / "release", root / "release")
    return root


@pytest.fixture(scope="session")
def sample_grades(tmp_path_factory) -> dict:
    """The bundled sample submissions graded once by `autograder grade` (CSV rows by student)."""
    import csv
    out = tmp_path_factory.mktemp("sample-grades")
    result = run_autograder("grade", "forward_pass", "--submissions", str(REPO / "examples" / "submitted"),
                            "--csv", str(out / "grades.csv"), "--results", str(out / "results"))
    with open(out / "grades.csv", newline="") as stream:
        rows = {row["student_id"]: row for row in csv.DictReader(stream)}
    return {"rows": rows, "results": out / "results", "stdout": result.stdout,
            "csv_text": (out / "grades.csv").read_text()}
