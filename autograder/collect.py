"""Turning an LMS bulk download into nbgrader's ``submitted/`` layout.

Canvas names each file ``<name>[_late]_<user id>_<submission id>_<original file name>``, where a
resubmitted file's original name may carry ``-N``; a later attempt has a larger submission id.
A student is a Canvas user id: per user the newest attempt is kept and written as
``<into>/<name>/<assignment>/<notebook>`` (``<name>_<user id>`` where two users share a name),
and ``<into>/.canvas-users-<assignment>.csv`` records whose Canvas user each folder is, for the
Canvas export. Every decision is logged.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from autograder.results import write_atomically

CANVAS = re.compile(r"^(?P<name>[^_]+)(?P<late>_late)?_(?P<user>\d+)_(?P<submission>\d+)_(?P<file>.+)$")
MAX_MEMBER = 50 * 1024 * 1024


class CollectError(Exception):
    """The download cannot be read; nothing was written."""


@dataclass(frozen=True)
class Attempt:
    student: str
    user_id: str
    submission_id: int
    resubmission: int  # Canvas's -N on the file name, 0 when absent
    late: bool
    member: str


def _attempt(member: str) -> Attempt | None:
    match = CANVAS.match(PurePosixPath(member).name)
    if not match:
        return None
    suffix = re.search(r"-(\d+)\.ipynb$", match["file"])
    return Attempt(match["name"], match["user"], int(match["submission"]),
                   int(suffix.group(1)) if suffix else 0, bool(match["late"]), member)


def roster_path(into: Path, assignment: str) -> Path:
    """Where collect-zip records whose Canvas user each student folder is (for the Canvas export)."""
    return into / f".canvas-users-{assignment}.csv"


def read_roster(into: Path, assignment: str) -> dict[str, str]:
    """student_id -> Canvas user id, as the last collect-zip recorded it (empty when none)."""
    try:
        with open(roster_path(into, assignment), newline="", encoding="utf-8") as stream:
            return {row["student_id"]: row["canvas_user_id"] for row in csv.DictReader(stream)}
    except (OSError, KeyError, csv.Error):
        return {}


def _student_ids(attempts: dict[str, list[Attempt]]) -> dict[str, str]:
    """Canvas user id -> student folder: the name, or name_userid where two users share a name."""
    users_by_name: dict[str, set[str]] = {}
    for user, tries in attempts.items():
        users_by_name.setdefault(tries[0].student, set()).add(user)
    return {user: tries[0].student if len(users_by_name[tries[0].student]) == 1
            else f"{tries[0].student}_{user}" for user, tries in attempts.items()}


def collect_zip(archive_path: Path, into: Path, assignment: str, notebook: str) -> list[str]:
    """Write the newest notebook attempt of each Canvas user; returns the log lines."""
    try:
        archive = zipfile.ZipFile(archive_path)
    except (OSError, zipfile.BadZipFile) as error:
        raise CollectError(f"{archive_path} is not a readable zip file ({error}); expected an "
                           "LMS bulk download") from None
    log, attempts = [], {}
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            attempt = _attempt(info.filename)
            if attempt is None or not info.filename.endswith(".ipynb"):
                log.append(f"skipped {info.filename}: not a notebook named as Canvas names submissions")
                continue
            if info.file_size > MAX_MEMBER:
                log.append(f"skipped {info.filename}: {info.file_size} bytes, over {MAX_MEMBER}")
                continue
            attempts.setdefault(attempt.user_id, []).append(attempt)
        if not attempts:
            raise CollectError(
                f"{archive_path} holds no notebook named as Canvas names submissions "
                f"(<name>[_late]_<user id>_<submission id>_{notebook}, e.g. "
                f"doejane_12345_67890_{notebook}); nothing was written. Its files: "
                + ", ".join(info.filename for info in archive.infolist()[:10])
                + (" …" if len(archive.infolist()) > 10 else ""))
        student_ids = _student_ids(attempts)
        roster = [("student_id", "canvas_user_id", "late", "file")]
        for user, tries in sorted(attempts.items(), key=lambda item: student_ids[item[0]]):
            student = student_ids[user]
            tries.sort(key=lambda a: (a.submission_id, a.resubmission))
            newest = tries[-1]
            target = into / student / assignment / notebook
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(newest.member))
            roster.append((student, user, "late" if newest.late else "", PurePosixPath(newest.member).name))
            others = ", ".join(PurePosixPath(a.member).name for a in tries[:-1])
            shared = (f" (Canvas user {user}; another user is also named {newest.student})"
                      if student != newest.student else "")
            log.append(f"{student}: took {PurePosixPath(newest.member).name}"
                       f"{' (late)' if newest.late else ''}{shared}"
                       + (f"; older attempts not used: {others}" if others else "")
                       + f" -> {target}")
    skipped = sum(line.startswith("skipped ") for line in log)
    log.append(f"collected {len(attempts)} students into {into}"
               + (f"; skipped {skipped} files" if skipped else ""))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(roster)
    write_atomically(roster_path(into, assignment), buffer.getvalue())
    write_atomically(into / f".collect-{assignment}.log", "\n".join(log) + "\n")
    return log
