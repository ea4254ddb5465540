"""Recording scores in the course's nbgrader gradebook, so `nbgrader export` and formgrader show
them. Uses nbgrader's own Gradebook API on any ``db_url`` nbgrader supports (SQLite by default).

Each function's points go to its hidden-test cell's grade (``<function>_hidden_tests``) as the
automatic score; students are created when missing. The assignment and its grade cells come
from the source notebook: when the gradebook lacks them, `autograder release` (nbgrader
generate_assignment) records them first.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from autograder.results import StudentResult


class GradebookError(Exception):
    """The gradebook cannot be used; nothing was recorded."""


def record(db_url: str, assignment_name: str, notebook: str, results: list[StudentResult]) -> int:
    """Record every result; returns how many students were recorded."""
    from nbgrader.api import Gradebook, MissingEntry

    from autograder.build import tool_environment

    if db_url.startswith("sqlite:///") and not Path(db_url.removeprefix("sqlite:///")).exists():
        raise GradebookError(f"there is no gradebook at {db_url.removeprefix('sqlite:///')}: run "
                             f"`autograder release {assignment_name}` first (it creates it and "
                             "records the grade cells)")
    os.environ["PATH"] = tool_environment()["PATH"]  # nbgrader runs `alembic` by name
    stem = Path(notebook).stem
    try:
        with warnings.catch_warnings(), Gradebook(db_url) as gradebook:
            warnings.simplefilter("ignore")  # SQLAlchemy's autoflush notes from nbgrader's own API
            try:
                gradebook.find_assignment(assignment_name)
            except MissingEntry:
                raise GradebookError(
                    f"the gradebook {db_url} has no assignment {assignment_name!r}: run "
                    f"`autograder release {assignment_name}` first (it records the grade cells)") from None
            for result in results:
                gradebook.update_or_create_student(result.student_id)
                try:
                    gradebook.find_submission(assignment_name, result.student_id)
                except MissingEntry:
                    gradebook.add_submission(assignment_name, result.student_id)
                for function in result.functions:
                    grade = gradebook.find_grade(f"{function.name}_hidden_tests", stem,
                                                 assignment_name, result.student_id)
                    grade.auto_score = function.points
                gradebook.db.commit()
    except GradebookError:
        raise
    except Exception as error:  # noqa: BLE001 - SQLAlchemy and nbgrader raise many kinds
        raise GradebookError(f"cannot record grades in {db_url}: {type(error).__name__}: {error}") from None
    return len(results)
