"""Recording scores in the course's nbgrader gradebook, so `nbgrader export` and formgrader show
them. Uses nbgrader's own Gradebook API on any ``db_url`` nbgrader supports (SQLite by default).

Each function's points go to its hidden-test cell's grade (``<function>_hidden_tests``) as the
automatic score; students are created when missing. When the gradebook (or the database itself)
lacks the assignment or its grade cells, they are recorded from the source notebook by nbgrader's
own ``SaveCells``, exactly as ``nbgrader generate_assignment`` records them.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from autograder.results import StudentResult


class GradebookError(Exception):
    """The gradebook cannot be used; nothing was recorded."""


def record(db_url: str, assignment_name: str, source_notebook: Path,
           results: list[StudentResult]) -> int:
    """Record every result; returns how many students were recorded."""
    from nbgrader.api import Gradebook

    from autograder.build import tool_environment

    os.environ["PATH"] = tool_environment()["PATH"]  # nbgrader runs `alembic` by name
    stem = source_notebook.stem
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SQLAlchemy's autoflush notes from nbgrader's own API
            _ensure_grade_cells(db_url, assignment_name, source_notebook, [
                f"{function.name}_hidden_tests" for function in results[0].functions] if results else [])
            with Gradebook(db_url) as gradebook:
                _record_results(gradebook, assignment_name, stem, results)
    except GradebookError:
        raise
    except Exception as error:  # noqa: BLE001 - SQLAlchemy and nbgrader raise many kinds
        raise GradebookError(f"cannot record grades in {db_url}: {type(error).__name__}: {error}") from None
    return len(results)


def _ensure_grade_cells(db_url: str, assignment_name: str, source_notebook: Path,
                        grade_ids: list[str]) -> None:
    """Record the assignment and its cells from the source notebook when the gradebook lacks any
    of ``grade_ids`` (nbgrader's SaveCells, as generate_assignment does)."""
    import nbformat
    from nbgrader.api import Gradebook, MissingEntry
    from nbgrader.preprocessors import SaveCells

    with Gradebook(db_url) as gradebook:
        gradebook.update_or_create_assignment(assignment_name)
        try:
            for grade_id in grade_ids:
                gradebook.find_grade_cell(grade_id, source_notebook.stem, assignment_name)
            return
        except MissingEntry:
            pass
    if not source_notebook.is_file():
        raise GradebookError(f"the gradebook {db_url} lacks the grade cells of {assignment_name} "
                             f"and there is no source notebook {source_notebook} to record them "
                             f"from: run `autograder build {assignment_name}` first")
    notebook = nbformat.read(source_notebook, as_version=nbformat.NO_CONVERT)
    SaveCells().preprocess(notebook, {"nbgrader": {
        "db_url": db_url, "assignment": assignment_name, "notebook": source_notebook.stem}})


def _record_results(gradebook, assignment_name: str, stem: str, results: list[StudentResult]) -> None:
    from nbgrader.api import MissingEntry

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
