"""Grading a folder of submissions (nbgrader's ``submitted/<student>/<assignment>/`` layout).

Each student is graded on their own (their own student processes), several at a time; each
result is written as soon as it exists, atomically, so an interruption loses nothing graded.
A result records the fingerprint of what it graded (the submission's files, the assignment,
the grader): a later run reuses every result whose fingerprint still holds, so a run killed
half-way and started again grades each student once, and a changed submission is graded again.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import stat
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
import importlib.util
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from autograder.assignment import Assignment
from autograder.grading import Reference, grade_submission, safe_name
from autograder.collect import late_students
from autograder.messages import message
from autograder.notebook import ReleaseCells, submission_folders
from autograder.results import (StudentResult, grades_csv, printable, write_atomically,
                                write_run_students, write_student_json)


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
    force: bool = False  # grade again even what is unchanged
    scheduler: str = ""  # a Dask distributed scheduler's address: grade there
    grader_errors: list = field(default_factory=list)  # students the grader itself failed on

    def students(self) -> list[tuple[str, Path]]:
        if not self.submissions.is_dir():
            raise BatchError(
                f"submissions folder {self.submissions} does not exist; expected "
                f"<folder>/<student_id>/{self.assignment.name}/{self.assignment.notebook}. "
                "Pass --submissions DIR, or run `nbgrader collect` first.")
        if (self.submissions / self.assignment.name).is_dir():
            raise BatchError(
                f"{self.submissions} looks like one student's folder (it holds "
                f"{self.assignment.name}/ itself); expected the folder above it, which holds one "
                f"folder per student: <folder>/<student_id>/{self.assignment.name}/"
                f"{self.assignment.notebook}. Pass --submissions {self.submissions.parent}")
        found, taken = [], set()
        for folder in sorted(p for p in self.submissions.iterdir()
                             if p.is_dir() and not p.name.startswith(".")):
            student_id = decode_folder_name(folder.name)
            if student_id in taken:  # e.g. one name in UTF-8 and in CP949: keep them apart
                student_id = os.fsencode(folder.name).decode("utf-8", "backslashreplace")
            base, copy = student_id, 1
            while student_id in taken:  # e.g. the bytes \xff and a folder literally named \xff
                copy += 1
                student_id = f"{base}~{copy}"
            taken.add(student_id)
            found.append((student_id, folder / self.assignment.name))
        found.sort()
        if not found:
            raise BatchError(f"no student folders in {self.submissions}; expected "
                             f"<student_id>/{self.assignment.name}/{self.assignment.notebook}")
        return found

    def run(self, on_result: Callable[[StudentResult, bool], None] = lambda r, reused: None
            ) -> list[StudentResult]:
        """Grade every student (reusing unchanged results); ``on_result(result, reused)``."""
        if not self.release_notebook.is_file():
            raise BatchError(f"release notebook {self.release_notebook} is missing; run "
                             f"`autograder release {self.assignment.name}` first")
        students = self.students()
        for inner, outer in ((self.results_dir, self.submissions), (self.submissions, self.results_dir)):
            if inner.resolve().is_relative_to(outer.resolve()):
                raise BatchError(f"the results folder {self.results_dir} and the submissions folder "
                                 f"{self.submissions} overlap; nothing was graded. Pass --results "
                                 "(and --csv) outside the submissions folder.")
        with _locked(self.results_dir):
            assignment_print = assignment_fingerprint(self.assignment, self.release_notebook)
            prints = {sid: submission_fingerprint(assignment_print, self.language, folder,
                                                  self.assignment.notebook, sid)
                      for sid, folder in students}
            stored = {} if self.force else self._stored_results(prints)
            _check_writable(self.csv_path.parent)
            results = [stored[sid] for sid, _ in students if sid in stored]
            for result in results:
                on_result(result, True)
            to_grade = [(sid, folder) for sid, folder in students if sid not in stored]
            if to_grade:
                results += self._grade(to_grade, prints, on_result)
            write_atomically(self.csv_path, grades_csv(results, self.assignment.function_names))
            write_run_students(self.results_dir, [self._result_path(sid).parent.name for sid, _ in students])
        return sorted(results, key=lambda r: r.student_id)

    def _noted(self, result: StudentResult, late: dict[str, str]) -> StudentResult:
        """What collect-zip recorded of the student (a late Canvas attempt) joins its notes."""
        if result.student_id not in late:
            return result
        return replace(result, notes=(*result.notes, message("note_late", file=late[result.student_id])))

    def _grade(self, students, prints, on_result) -> list[StudentResult]:
        late = late_students(self.submissions, self.assignment.name)
        if self.scheduler:
            return self._grade_on_cluster(students, prints, on_result, late)
        release = ReleaseCells.from_notebook(self.release_notebook)
        reference = Reference.compute(self.assignment)
        results = []
        with ThreadPoolExecutor(max_workers=max(1, self.jobs)) as pool:
            futures = {pool.submit(grade_submission, self.assignment, reference, release,
                                   student_id, folder, self.language): student_id
                       for student_id, folder in students}
            for future in as_completed(futures):
                try:
                    result = replace(self._noted(future.result(), late), fingerprint=prints[futures[future]])
                except Exception as error:  # noqa: BLE001 - the grader's own fault: recorded, the batch goes on
                    self.grader_errors.append(f"{futures[future]}: {type(error).__name__}: {error}")
                    continue
                write_student_json(self._result_path(result.student_id), result)
                results.append(result)
                on_result(result, False)
        return results

    def _grade_on_cluster(self, students, prints, on_result, late) -> list[StudentResult]:
        from autograder.distributed_grading import grade_on_cluster
        results = []
        try:
            for result in grade_on_cluster(self.scheduler, self.assignment.name,
                                           self.release_notebook, students, self.language):
                result = replace(self._noted(result, late), fingerprint=prints[result.student_id])
                write_student_json(self._result_path(result.student_id), result)
                results.append(result)
                on_result(result, False)
        except (OSError, TimeoutError) as error:
            raise BatchError(f"cannot grade on the Dask scheduler {self.scheduler}: {error}; "
                             f"{len(results)} results were kept, run again to grade the rest") from None
        return results

    def _result_path(self, student_id: str) -> Path:
        return self.results_dir / safe_name(student_id) / "results.json"

    def _stored_results(self, prints: dict[str, str]) -> dict[str, StudentResult]:
        """Stored results still valid for the submissions as they are now. A stored result that
        cannot be read stops the run before anything is graded or written."""
        valid = {}
        for student_id, fingerprint in prints.items():
            path = self._result_path(student_id)
            if not path.exists():
                continue
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data["extra_data"].get("fingerprint") == fingerprint:
                    valid[student_id] = StudentResult.from_gradescope(data)
            except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
                raise BatchError(f"stored result {path} cannot be read ({type(error).__name__}: "
                                 f"{error}); nothing was graded. Delete the file, or run again "
                                 "with --force to grade every submission anew.") from None
        return valid


def assignment_fingerprint(assignment: Assignment, release_notebook: Path) -> str:
    """What every grade depends on besides the submission: the assignment's files (points,
    cases, reference, mistakes), the release notebook and the grader's own code."""
    import autograder
    digest = hashlib.sha256()
    package_folders = [Path(autograder.__file__).parent]
    for module in (assignment.reference_module, f"exercises.{assignment.name}"):
        spec = importlib.util.find_spec(module)
        origin = Path(spec.origin)
        package_folders.append(origin.parent if origin.name == "__init__.py" else origin)
    for root in package_folders:
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.is_file() and path.suffix in (".py", ".toml", ".md"):
                digest.update(path.name.encode() + path.read_bytes())
    digest.update(release_notebook.read_bytes())
    return digest.hexdigest()


FINGERPRINT_BYTES = 64 * 1024 * 1024  # larger files are fingerprinted by size and time only


def submission_fingerprint(assignment_print: str, language: str, folder: Path, notebook: str,
                           student_id: str = "") -> str:
    """The submission's files (those of every folder its notebook may come from) and whose they
    are. Never fails: an unreadable file counts by its name and the error."""
    digest = hashlib.sha256(f"{assignment_print}:{language}:{student_id}".encode(
        "utf-8", "surrogateescape"))
    for directory in submission_folders(folder, notebook):
        digest.update(b"folder:" + os.fsencode(directory.name) + b"\0")
        try:
            entries = sorted(directory.iterdir()) if directory.is_dir() else []
        except OSError as error:
            digest.update(f"{directory}: {error.errno}".encode("utf-8", "surrogateescape"))
            continue
        for path in entries:
            digest.update(os.fsencode(path.name) + b"\0")
            try:
                info = path.lstat()
                if path.is_symlink():
                    digest.update(b"link:" + os.fsencode(os.readlink(path)))
                elif stat.S_ISREG(info.st_mode) and info.st_size <= FINGERPRINT_BYTES:
                    with open(path, "rb") as stream:
                        for block in iter(lambda: stream.read(1 << 20), b""):
                            digest.update(block)
                elif stat.S_ISREG(info.st_mode):
                    digest.update(f"size:{info.st_size}:{info.st_mtime_ns}".encode())
            except (OSError, MemoryError) as error:
                digest.update(f"error:{type(error).__name__}".encode())
    return digest.hexdigest()


def _check_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".autograder-probe-{os.getpid()}"
        probe.write_text("")
        probe.unlink()
    except OSError as error:
        raise BatchError(f"cannot write results in {folder}: {error.strerror or error}; "
                         "nothing was graded. Choose another place with --results / --csv, "
                         "or fix the folder's permissions.") from None


class _locked:
    """One grading run at a time per results folder (an advisory lock, released at exit)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __enter__(self):
        _check_writable(self.folder)
        self.handle = open(self.folder / ".lock", "w")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.close()
            raise BatchError(f"another autograder run is using {self.folder} (it holds "
                             f"{self.folder / '.lock'}); nothing was graded. Wait for it to "
                             "finish, or use another --results folder.") from None
        return self

    def __exit__(self, *exc) -> None:
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def decode_folder_name(folder_name: str) -> str:
    """The id a folder name stands for; names from Korean Windows zips arrive in CP949."""
    raw = os.fsencode(folder_name)
    for encoding in ("utf-8", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "backslashreplace")


class Progress:
    """Progress on stderr: a bar with count, rate and time left on a terminal; a plain line per
    student in CI and logs."""

    def __init__(self, total: int, stream=sys.stderr) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.started = time.monotonic()
        self.bar = stream.isatty()

    def __call__(self, result: StudentResult, reused: bool) -> None:
        self.done += 1
        if not self.bar:
            what = "unchanged" if reused else f"graded in {result.seconds:.2f} s"
            print(f"[{self.done}/{self.total}] {printable(result.student_id)}: "
                  f"{result.total:g}/{result.max_score:g} ({what})", file=self.stream)
            return
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0
        filled = int(30 * self.done / max(self.total, 1))
        self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} "
                          f"{rate:.1f}/s, {left:.0f} s left ")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()
