"""Turning an LMS bulk download into nbgrader's ``submitted/`` layout.

Canvas names each file ``<name>[_late]_<user id>_<submission id>_<original file name>``, where a
resubmitted file's original name may carry ``-N``; a later attempt has a larger submission id.
Per student the newest attempt is kept and written as
``<into>/<name>/<assignment>/<notebook>``; every decision is logged.
"""

from __future__ import annotations

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


def collect_zip(archive_path: Path, into: Path, assignment: str, notebook: str) -> list[str]:
    """Write the newest notebook attempt of each student; returns the log lines."""
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
            attempts.setdefault(attempt.student, []).append(attempt)
        for student, tries in sorted(attempts.items()):
            tries.sort(key=lambda a: (a.submission_id, a.resubmission))
            newest = tries[-1]
            target = into / student / assignment / notebook
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(newest.member))
            others = ", ".join(PurePosixPath(a.member).name for a in tries[:-1])
            log.append(f"{student}: took {PurePosixPath(newest.member).name}"
                       f"{' (late)' if newest.late else ''}"
                       + (f"; older attempts not used: {others}" if others else "")
                       + f" -> {target}")
    write_atomically(into / f".collect-{assignment}.log", "\n".join(log) + "\n")
    return log
