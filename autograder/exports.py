"""Grade files for an LMS's import, from the stored results.

- Canvas gradebook import: ``Student,ID,SIS User ID,SIS Login ID,Section,<assignment>``. Canvas
  matches rows by ID, the Canvas user id, which `autograder collect-zip` recorded for each student
  it collected; a student it did not collect is matched by SIS Login ID (the student id here).
- Moodle grade import: ``username,<assignment>``, matched by username.
An id a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``) is written with a leading ``'``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from autograder.results import spreadsheet_safe, stored_results

FORMATS = ("canvas", "moodle")


def totals(results_dir: Path) -> list[tuple[str, float]]:
    rows = []
    for stored in stored_results(results_dir):
        data = json.loads(stored.read_text(encoding="utf-8"))
        rows.append((data["extra_data"]["student_id"], data["score"]))
    return sorted(rows)


def lms_csv(kind: str, assignment: str, rows: list[tuple[str, float]],
            canvas_users: dict[str, str] | None = None) -> str:
    """The import file; ``canvas_users``: student id -> Canvas user id (collect-zip's roster)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if kind == "canvas":
        users = canvas_users or {}
        writer.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment])
        writer.writerows([spreadsheet_safe(student), users.get(student, ""), "", spreadsheet_safe(student),
                          "", f"{score:g}"] for student, score in rows)
    else:
        writer.writerow(["username", assignment])
        writer.writerows([spreadsheet_safe(student), f"{score:g}"] for student, score in rows)
    return buffer.getvalue()
