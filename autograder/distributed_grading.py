"""Grading on a Dask distributed cluster, for courses too large or too slow for one machine.

The grader sends each submission's files (not paths: workers need no shared file system) to a
worker, which grades them exactly as ``autograder grade`` does on one machine: the same student
processes, limits and confinement, on the worker's machine. Workers need this package installed
(``pip install -e '.[dask]'``) in the same version; results come back as the grader's own
result objects.
"""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from autograder import assignment as assignments
from autograder.grading import Reference, grade_submission
from autograder.notebook import ReleaseCells, submission_folders
from autograder.results import StudentResult

MAX_FILE_BYTES = 64 * 1024 * 1024  # files past this size are not sent (a notebook never is)


def submission_files(folder: Path, notebook: str) -> dict[str, bytes]:
    """A submission as data: the files of every folder its notebook may come from, named as the
    grader would find them ("<name>" in the student's folder, "<folder>/<name>" below it)."""
    files = {}
    student, *below = submission_folders(folder, notebook)
    for directory, prefix in ((student, ""), *((d, f"{d.name}/") for d in below)):
        if directory.is_dir() and not directory.is_symlink():
            for path in sorted(directory.iterdir()):
                if path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_FILE_BYTES:
                    files[prefix + path.name] = path.read_bytes()
    return files


@lru_cache(maxsize=4)
def _prepared(name: str, release_bytes: bytes) -> tuple:
    """Per worker process, once: the assignment, its reference answers and release cells."""
    assignment = assignments.load(name)
    with tempfile.TemporaryDirectory() as folder:
        release = Path(folder) / assignment.notebook
        release.write_bytes(release_bytes)
        cells = ReleaseCells.from_notebook(release)
    return assignment, Reference.compute(assignment), cells


def grade_remote(name: str, release_bytes: bytes, student_id: str, files: dict[str, bytes],
                 language: str) -> StudentResult:
    """Runs on a worker: lay the files out as ``<student>/<assignment>/`` and grade them."""
    assignment, reference, release = _prepared(name, release_bytes)
    with tempfile.TemporaryDirectory(prefix="submission-") as folder:
        student = Path(folder) / "student"
        (student / name).mkdir(parents=True)
        for relative, data in files.items():
            target = student / relative
            if target.resolve().is_relative_to(student.resolve()):
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        return grade_submission(assignment, reference, release, student_id, student / name, language)


def grade_on_cluster(scheduler: str, name: str, release_notebook: Path,
                     students: list[tuple[str, Path]], language: str) -> Iterator[StudentResult]:
    """Grade ``students`` on the cluster at ``scheduler``; yields results as they come."""
    from distributed import Client, as_completed

    release_bytes = release_notebook.read_bytes()
    notebook = assignments.load(name).notebook
    with Client(scheduler, timeout="10s") as client:
        release_future = client.scatter(release_bytes, broadcast=True)
        futures = [client.submit(grade_remote, name, release_future, student_id,
                                 submission_files(folder, notebook), language, pure=False,
                                 key=f"grade-{index}-{name}")
                   for index, (student_id, folder) in enumerate(students)]
        for future in as_completed(futures):
            yield future.result()
