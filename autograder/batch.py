"""Grading a folder of submissions (nbgrader's ``submitted/<student>/<assignment>/`` layout).

Each student is graded on their own (their own student processes), several at a time; each
result is written as soon as it exists, atomically, so an interruption loses nothing graded.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from autograder.assignment import Assignment
from autograder.grading import Reference, grade_submission, safe_name
from autograder.notebook import ReleaseCells
from autograder.results import StudentResult, grades_csv, write_atomically, write_student_json


class BatchError(Exception):
    """Grading cannot start (bad paths, missing release); nothing was written."""


@dataclass(frozen=True)
class Batch:
    assignment: Assignment
    release_notebook: Path
    submissions: Path
    results_dir: Path
    csv_path: Path
    jobs: int = 1
    language: str = "ko"

    def students(self) -> list[tuple[str, Path]]:
        if not self.submissions.is_dir():
            raise BatchError(
                f"submissions folder {self.submissions} does not exist; expected "
                f"<folder>/<student_id>/{self.assignment.name}/{self.assignment.notebook}. "
                "Pass --submissions DIR, or run `nbgrader collect` first.")
        found = sorted((decode_folder_name(p.name), p / self.assignment.name)
                       for p in self.submissions.iterdir()
                       if p.is_dir() and not p.name.startswith("."))
        if not found:
            raise BatchError(f"no student folders in {self.submissions}; expected "
                             f"<student_id>/{self.assignment.name}/{self.assignment.notebook}")
        return found

    def run(self, on_result: Callable[[StudentResult], None] = lambda r: None) -> list[StudentResult]:
        if not self.release_notebook.is_file():
            raise BatchError(f"release notebook {self.release_notebook} is missing; run "
                             f"`autograder release {self.assignment.name}` first")
        students = self.students()
        release = ReleaseCells.from_notebook(self.release_notebook)
        reference = Reference.compute(self.assignment)
        results: list[StudentResult] = []
        with ThreadPoolExecutor(max_workers=max(1, self.jobs)) as pool:
            futures = {pool.submit(grade_submission, self.assignment, reference, release,
                                   student_id, folder, self.language): student_id
                       for student_id, folder in students}
            for future in as_completed(futures):
                result = future.result()
                write_student_json(self.results_dir / safe_name(result.student_id) / "results.json",
                                   result)
                results.append(result)
                on_result(result)
        write_atomically(self.csv_path, grades_csv(results, self.assignment.function_names))
        return sorted(results, key=lambda r: r.student_id)


def decode_folder_name(folder_name: str) -> str:
    """The id a folder name stands for; names from Korean Windows zips arrive in CP949."""
    raw = os.fsencode(folder_name)
    for encoding in ("utf-8", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "backslashreplace")


def progress_line(result: StudentResult) -> None:
    print(f"graded {result.student_id}: {result.total:g}/{result.max_score:g} "
          f"({result.seconds:.2f} s)", file=sys.stderr)
