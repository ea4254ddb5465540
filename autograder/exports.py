"""Grade files for an LMS's import, from the stored results.

- Canvas gradebook import: ``Student,ID,SIS User ID,SIS Login ID,Section,<assignment>``; rows are
  matched by SIS Login ID (the student id here), the columns Canvas needs are kept empty.
- Moodle grade import: ``username,<assignment>``, matched by username.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

FORMATS = ("canvas", "moodle")


def totals(results_dir: Path) -> list[tuple[str, float]]:
    rows = []
    for stored in sorted(results_dir.glob("*/results.json")):
        data = json.loads(stored.read_text(encoding="utf-8"))
        rows.append((data["extra_data"]["student_id"], data["score"]))
    return sorted(rows)


def lms_csv(kind: str, assignment: str, rows: list[tuple[str, float]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if kind == "canvas":
        writer.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment])
        writer.writerows([student, "", "", student, "", f"{score:g}"] for student, score in rows)
    else:
        writer.writerow(["username", assignment])
        writer.writerows([student, f"{score:g}"] for student, score in rows)
    return buffer.getvalue()
