"""Turning an LMS bulk download into nbgrader's ``submitted/`` layout.

Canvas names each file ``<name>[_late]_<user id>_<submission id>_<original file name>``, where a
resubmitted file's original name may carry ``-N``. The rules, each decision logged:

- A student is a Canvas user id. Of a user's notebooks, those named as the assignment's notebook
  (``forward_pass.ipynb``, or ``forward_pass-N.ipynb``) win over any other (``scratch.ipynb``),
  even a newer one; among equals the newest wins: larger submission id, then larger N. Two alike
  in all of that are a tie: the later entry in the zip is taken and the log names both.
- File names without the zip's UTF-8 flag (zips made on Korean Windows) are read as UTF-8 when
  valid, else as CP949; names are compared in Unicode NFC.
- The student's folder is the Canvas name, ``<name>_<user id>`` where two users share a name
  (ignoring case, as macOS and Windows do), and ``user_<user id>`` where the name is not a safe
  folder name (``..``, ``.hidden``, ``a:b``), so nothing lands outside ``into`` or in a hidden
  folder that ``autograder grade`` skips. It gets ``<into>/<folder>/<assignment>/<notebook>``.
- A member over MAX_MEMBER bytes is skipped. The chosen notebooks are read, their CRCs checked,
  before anything is written: a damaged member, or more than MAX_TOTAL bytes in all, is a
  CollectError and nothing is written.
- ``<into>/.canvas-users-<assignment>.csv`` records whose Canvas user each folder is, for the
  Canvas export; ``<into>/.collect-<assignment>.log`` keeps the log.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from autograder.results import write_atomically

CANVAS = re.compile(r"^(?P<name>[^_]+)(?P<late>_late)?_(?P<user>\d+)_(?P<submission>\d+)_(?P<file>.+)$")
SAFE_NAME = re.compile(r"\w(?:[\w.-]*\w)?")  # letters, digits, inner . and -: no leading dot, no separator
MAX_MEMBER = 50 * 1024 * 1024
MAX_TOTAL = 2 * 1024 ** 3  # all chosen notebooks together
UTF8_FLAG = 0x800
# what reading a damaged member raises (bad CRC, broken deflate, cut short, unknown method, encrypted)
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError)


class CollectError(Exception):
    """The download cannot be read; nothing was written."""


@dataclass(frozen=True)
class Attempt:
    student: str  # the Canvas name, NFC
    user_id: str
    submission_id: int
    resubmission: int  # Canvas's -N on the file name, 0 when absent
    late: bool
    member: str  # the member's name in the zip, decoded
    entry: int  # its position in the zip
    expected: bool  # named as the assignment's notebook, or its -N form

    @property
    def file(self) -> str:
        return _base_name(self.member)

    @property
    def rank(self) -> tuple[bool, int, int]:
        return self.expected, self.submission_id, self.resubmission


def _base_name(member: str) -> str:
    """The file name of a zip member, whether the zip was made with / or with \\ (Windows)."""
    return re.split(r"[/\\]", member)[-1]


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker meant it: zipfile reads a name without the UTF-8 flag as CP437."""
    name = info.orig_filename
    if not info.flag_bits & UTF8_FLAG:
        for encoding in ("utf-8", "cp949"):
            try:
                name = info.orig_filename.encode("cp437").decode(encoding)
                break
            except UnicodeError:  # not this encoding: try the next, else keep zipfile's reading
                pass
    return name.split("\0")[0]  # as zipfile does: a NUL ends the name


def _attempt(member: str, entry: int, notebook: str) -> Attempt | None:
    match = CANVAS.match(_base_name(member))
    if not match:
        return None
    suffix = re.search(r"-(\d+)\.ipynb$", match["file"])
    stem = re.escape(notebook.removesuffix(".ipynb"))
    return Attempt(unicodedata.normalize("NFC", match["name"]), match["user"], int(match["submission"]),
                   int(suffix.group(1)) if suffix else 0, bool(match["late"]), member, entry,
                   bool(re.fullmatch(rf"{stem}(-\d+)?\.ipynb", match["file"])))


def roster_path(into: Path, assignment: str) -> Path:
    """Where collect-zip records whose Canvas user each student folder is (for the Canvas export)."""
    return into / f".canvas-users-{assignment}.csv"


ROSTER_COLUMNS = ("student_id", "canvas_user_id", "late", "file")


def _roster_rows(into: Path, assignment: str) -> dict[str, dict]:
    """Canvas user id -> its roster row, as earlier collect-zip runs recorded them."""
    try:
        with open(roster_path(into, assignment), newline="", encoding="utf-8") as stream:
            return {row["canvas_user_id"]: row for row in csv.DictReader(stream)}
    except (OSError, KeyError, csv.Error):
        return {}


def late_students(into: Path, assignment: str) -> dict[str, str]:
    """student_id -> the file taken, for each student whose chosen attempt Canvas marked late."""
    return {row["student_id"]: row.get("file", "") for row in _roster_rows(into, assignment).values()
            if row.get("late")}


def read_roster(into: Path, assignment: str) -> dict[str, str]:
    """student_id -> Canvas user id, as collect-zip recorded it (empty when none)."""
    return {row["student_id"]: user for user, row in _roster_rows(into, assignment).items()}


def is_safe_folder_name(name: str) -> bool:
    """Whether ``name`` is safe as a student folder: letters, digits, inner ``.`` and ``-``, at most
    200 bytes; so never ``..``, a path, or a hidden folder that ``autograder grade`` skips."""
    return bool(SAFE_NAME.fullmatch(name)) and len(name.encode()) <= 200


def _student_ids(chosen: dict[str, Attempt], known: dict[str, str], taken: set[str]) -> dict[str, str]:
    """Canvas user id -> student folder. A user collected before keeps its folder (``known``);
    else the name, name_userid where two users share a name (in any case) or the name's folder
    is already another student's (``taken``), user_userid where the name is not a safe folder."""
    names = {user: attempt.student for user, attempt in chosen.items()
             if user not in known and is_safe_folder_name(attempt.student)}
    users_by_name = Counter(name.casefold() for name in names.values())
    taken = {name.casefold() for name in taken}
    return {user: known[user] if user in known else f"user_{user}" if user not in names
            else names[user] if users_by_name[names[user].casefold()] == 1
            and names[user].casefold() not in taken
            else f"{names[user]}_{user}" for user in chosen}


def _choose(tries: list[Attempt]) -> tuple[Attempt, list[Attempt]]:
    """The attempt to grade (see the rules above) and those it tied with."""
    chosen = max(tries, key=lambda a: (a.rank, a.entry))
    return chosen, [a for a in tries if a is not chosen and a.rank == chosen.rank]


def _why(chosen: Attempt, tied: list[Attempt], tries: list[Attempt], notebook: str) -> str:
    """What the log says of the attempts not taken."""
    named = f"{notebook} or {notebook.removesuffix('.ipynb')}-N.ipynb"
    older = [a.file for a in sorted(tries, key=lambda a: (a.rank, a.entry))
             if a.expected == chosen.expected and a is not chosen and a not in tied]
    others = [a.file for a in tries if not a.expected and chosen.expected]
    parts = [] if chosen.expected else [f" (no file named {named}: took the newest notebook)"]
    if older:
        parts.append(f"; older attempts not used: {', '.join(older)}")
    if others:
        parts.append(f"; not used, as only {named} is graded: {', '.join(others)}")
    if tied:  # by entry number too, as a zip may repeat a name
        alike = " and ".join(f"{a.member} (entry {a.entry + 1})"
                             for a in sorted([*tied, chosen], key=lambda a: a.entry))
        same = f"submission id {chosen.submission_id} and " + (
            f"-{chosen.resubmission}" if chosen.resubmission else "no -N")
        parts.append(f"; tie: {alike} have the same {same}: took the later entry in the zip, "
                     f"entry {chosen.entry + 1}")
    return "".join(parts)


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, member: str, archive_path: Path) -> bytes:
    """The member's bytes, CRC checked."""
    try:
        return archive.read(info)
    except DAMAGED as error:
        raise CollectError(
            f"{member} in {archive_path} cannot be read ({error or type(error).__name__}): the "
            "download is damaged or incomplete, and nothing was written. Download it again from "
            "the LMS and rerun collect-zip.") from None


def collect_zip(archive_path: Path, into: Path, assignment: str, notebook: str) -> list[str]:
    """Write the chosen notebook attempt of each Canvas user; returns the log lines."""
    try:
        archive = zipfile.ZipFile(archive_path)
    except (OSError, zipfile.BadZipFile) as error:
        raise CollectError(f"{archive_path} is not a readable zip file ({error}); expected an "
                           "LMS bulk download") from None
    log, attempts = [], {}
    with archive:
        infos = archive.infolist()
        members = [member_name(info) for info in infos]
        for entry, (info, member) in enumerate(zip(infos, members)):
            if info.is_dir():
                continue
            attempt = _attempt(member, entry, notebook)
            if attempt is None or not member.endswith(".ipynb"):
                log.append(f"skipped {member}: not a notebook named as Canvas names submissions")
                continue
            if info.file_size > MAX_MEMBER:
                log.append(f"skipped {member}: {info.file_size} bytes, over {MAX_MEMBER}")
                continue
            attempts.setdefault(attempt.user_id, []).append(attempt)
        if not attempts:
            raise CollectError(
                f"{archive_path} holds no notebook named as Canvas names submissions "
                f"(<name>[_late]_<user id>_<submission id>_{notebook}, e.g. "
                f"doejane_12345_67890_{notebook}); nothing was written. Its files: "
                + ", ".join(members[:10]) + (" …" if len(members) > 10 else ""))
        chosen = {user: _choose(tries) for user, tries in attempts.items()}
        total = sum(infos[attempt.entry].file_size for attempt, _ in chosen.values())
        if total > MAX_TOTAL:
            raise CollectError(
                f"the {len(chosen)} notebooks chosen from {archive_path} come to {total} bytes, over "
                f"the {MAX_TOTAL}-byte limit; nothing was written. Expected a download of one "
                "assignment's notebooks: download only this assignment's submissions.")
        contents = {user: _read(archive, infos[attempt.entry], attempt.member, archive_path)
                    for user, (attempt, _) in chosen.items()}
    # a download collected into a submitted/ that already holds students: each Canvas user keeps
    # its folder, new users get names no other student has, the roster and the log grow
    rows = _roster_rows(into, assignment)
    known = {user: row["student_id"] for user, row in rows.items()}
    taken = ({p.name for p in into.iterdir() if p.is_dir()} if into.is_dir() else set()) | set(known.values())
    student_ids = _student_ids({user: attempt for user, (attempt, _) in chosen.items()}, known, taken)
    header = f"collect-zip {archive_path} into {into}" + (
        f" (already holding {_count(len(known), 'Canvas user')}: each keeps its folder)" if known else "")
    for user in sorted(chosen, key=student_ids.__getitem__):
        (newest, tied), student = chosen[user], student_ids[user]
        target = into / student / assignment / notebook
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(contents[user])
        rows[user] = dict(zip(ROSTER_COLUMNS, (student, user, "late" if newest.late else "", newest.file)))
        who = (f" (Canvas user {user}; its name {newest.student!r} is not safe as a folder name)"
               if not is_safe_folder_name(newest.student)
               else f" (Canvas user {user}; another user is also named {newest.student})"
               if student != newest.student else "")
        log.append(f"{student}: took {newest.file}{' (late)' if newest.late else ''}{who}"
                   f"{_why(newest, tied, attempts[user], notebook)} -> {target}")
    skipped = sum(line.startswith("skipped ") for line in log)
    log.append(f"collected {_count(len(attempts), 'student')} into {into}"
               + (f"; skipped {_count(skipped, 'file')}" if skipped else ""))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, ROSTER_COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(sorted(rows.values(), key=lambda row: row["student_id"]))
    write_atomically(roster_path(into, assignment), buffer.getvalue())
    log_path = into / f".collect-{assignment}.log"
    earlier = log_path.read_text(encoding="utf-8", errors="replace") if log_path.is_file() else ""
    write_atomically(log_path, earlier + "\n".join([header, *log]) + "\n")
    return log


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
