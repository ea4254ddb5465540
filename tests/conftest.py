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


def run_autograder(*args: str, cwd: Path = REPO, check: bool = True,
                   env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the installed `autograder` console script, as a user would (``env``: added variables)."""
    import os
    result = subprocess.run([str(BIN / "autograder"), *args], cwd=cwd, capture_output=True,
                            text=True, timeout=600, env={**os.environ, **(env or {})})
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


def student_notebook(code: dict[str, str]) -> "nbformat.NotebookNode":
    """The release notebook with the given solution cells (by grade_id) replaced."""
    import nbformat
    notebook = nbformat.read(REPO / "release" / "forward_pass" / "forward_pass.ipynb", as_version=4)
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and meta.get("grade_id") in code:
            cell.source = code[meta["grade_id"]].strip("\n")
    return notebook


def submit(submissions: Path, student_id: str, notebook=None, *, name: str = "forward_pass.ipynb",
           raw: bytes | None = None) -> Path:
    """Place one submission in nbgrader's layout: <submissions>/<student_id>/forward_pass/<name>."""
    import nbformat
    path = submissions / student_id / "forward_pass" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if raw is not None:
        path.write_bytes(raw)
    else:
        nbformat.write(notebook, path)
    return path


def grade_folder(submissions: Path, out: Path, *extra: str, env: dict | None = None) -> dict:
    """Run `autograder grade` on a folder; return each student's results.json and the CSV rows."""
    import csv
    import json
    result = run_autograder("grade", "forward_pass", "--submissions", str(submissions), "--csv",
                            str(out / "grades.csv"), "--results", str(out / "results"), "--quiet",
                            *extra, env=env)
    with open(out / "grades.csv", newline="") as stream:
        rows = {row["student_id"]: row for row in csv.DictReader(stream)}
    results = [json.loads(p.read_text()) for p in (out / "results").glob("*/results.json")]
    results = {r["extra_data"]["student_id"]: r for r in results}
    return {"rows": rows, "results": results, "stdout": result.stdout}
