"""The result model: one student's score per function and per case, serialised once.

``StudentResult.to_gradescope()`` is Gradescope's ``results.json`` shape (score, tests with name,
score, max_score, output, visibility), the de-facto standard other tools read.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from autograder.messages import Text, message


def function_score(points: float, passed: int, total: int) -> float:
    """Partial credit by the share of cases passed (the one rule, used by every grading path)."""
    return round(points * passed / total, 4) if total else 0.0


@dataclass(frozen=True)
class CaseResult:
    label: str
    passed: bool
    message: Text = Text()  # what was wrong; its key is the kind of failure
    hint: Text = Text()  # the catalogued mistake the answer matches, in the lecture's terms

    @property
    def shown(self) -> Text:
        """What the student reads: the message, then the hint."""
        return self.message + Text(" ", " ") + message("hint", hint=self.hint) if self.hint else self.message


@dataclass(frozen=True)
class FunctionResult:
    name: str
    max_points: float
    cases: tuple[CaseResult, ...]

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.cases)

    @property
    def points(self) -> float:
        return function_score(self.max_points, self.passed, len(self.cases))


@dataclass(frozen=True)
class StudentResult:
    student_id: str
    assignment: str
    functions: tuple[FunctionResult, ...]
    max_score: float
    notebook: str = ""
    error: Text = Text()  # why the submission could not be graded at all (empty when it was)
    notes: tuple[Text, ...] = ()  # how the notebook was found, what else a grader should know
    cell_errors: tuple[Text, ...] = ()  # student cells that failed while the submission loaded
    output: str = ""
    seconds: float = 0.0
    confinement: str = ""  # how the student process was confined (autograder.confine)
    fingerprint: str = ""  # of what was graded (batch.submission_fingerprint)
    language: str = field(default="ko", compare=False)

    @property
    def total(self) -> float:
        return round(sum(f.points for f in self.functions), 4)

    def score(self, function: str) -> float:
        for result in self.functions:
            if result.name == function:
                return result.points
        return 0.0

    def to_gradescope(self) -> dict:
        tests = []
        for result in self.functions:
            failed = [f"- {c.label}: {c.shown.in_(self.language)}" for c in result.cases
                      if not c.passed]
            summary = message("cases_passed", passed=result.passed,
                              total=len(result.cases)).in_(self.language)
            tests.append({"name": result.name, "score": result.points,
                          "max_score": result.max_points,
                          "output": "\n".join([summary, *failed]), "visibility": "visible"})
        lines = [message("not_gradable", reason=self.error).in_(self.language)] if self.error else []
        lines += [text.in_(self.language) for text in (*self.notes, *self.cell_errors)]
        return {"score": self.total, "max_score": self.max_score,
                "output": "\n".join(lines), "execution_time": round(self.seconds, 3),
                "tests": tests, "stdout_visibility": "hidden",
                "extra_data": {"student_id": self.student_id, "assignment": self.assignment,
                               "notebook": self.notebook, "student_output": self.output,
                               "confinement": self.confinement,
                               "fingerprint": self.fingerprint, "error": self.error.en,
                               "error_text": {"ko": self.error.ko, "en": self.error.en},
                               "notes": [note.en for note in self.notes],
                               "notes_text": [{"ko": note.ko, "en": note.en} for note in self.notes],
                               "cell_errors": [error.en for error in self.cell_errors],
                               "cell_errors_text": [{"ko": e.ko, "en": e.en} for e in self.cell_errors],
                               "cases": {f.name: [f.passed, len(f.cases)] for f in self.functions},
                               # every failed case in every language, for pages in either:
                               # its message, kind of failure and hint kept apart
                               "failures": {f.name: [{"label": c.label, "kind": c.message.key,
                                                      "ko": c.message.ko, "en": c.message.en,
                                                      "hint": {"ko": c.hint.ko, "en": c.hint.en}}
                                                     for c in f.cases if not c.passed]
                                            for f in self.functions}}}

    @classmethod
    def from_gradescope(cls, data: dict) -> "StudentResult":
        """Read back a stored results.json (the passed cases come back as counts)."""
        extra = data["extra_data"]
        counts, failures = extra["cases"], extra.get("failures", {})
        functions = tuple(FunctionResult(t["name"], t["max_score"], tuple(
            [CaseResult("", True)] * counts[t["name"]][0]
            + [CaseResult(f["label"], False, Text(f["ko"], f["en"], f.get("kind", "")),
                          Text(**f.get("hint", {}))) for f in failures.get(t["name"], [])]
            + [CaseResult("", False)] * (counts[t["name"]][1] - counts[t["name"]][0]
                                         - len(failures.get(t["name"], [])))))
            for t in data["tests"])
        return cls(extra["student_id"], extra["assignment"], functions, data["max_score"],
                   notebook=extra.get("notebook", ""), seconds=data.get("execution_time", 0.0),
                   confinement=extra.get("confinement", ""), fingerprint=extra.get("fingerprint", ""),
                   error=Text(**extra["error_text"]) if extra.get("error_text") else Text(
                       extra.get("error", ""), extra.get("error", "")),
                   notes=tuple(Text(**note) for note in extra["notes_text"]) if "notes_text" in extra
                   else tuple(Text(note, note) for note in extra.get("notes", ())),
                   cell_errors=tuple(Text(**e) for e in extra["cell_errors_text"]) if "cell_errors_text" in extra
                   else tuple(Text(e, e) for e in extra.get("cell_errors", ())))


RUN_STUDENTS = ".students.json"  # in a results folder: the result folders of the latest run


def write_run_students(results_dir: Path, folders: list[str]) -> None:
    write_atomically(results_dir / RUN_STUDENTS, json.dumps(sorted(folders), ensure_ascii=False))


def stored_results(results_dir: Path) -> list[Path]:
    """The results.json files of the latest run's students: a student folder removed from
    submitted/ keeps its old result, which feedback, reports and exports leave out (all
    stored results where no run recorded its students)."""
    found = sorted(results_dir.glob("*/results.json"))
    try:
        latest = set(json.loads((results_dir / RUN_STUDENTS).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return found
    return [path for path in found if path.parent.name in latest]


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        # file names from other systems may hold undecodable bytes: written as \x escapes
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace", newline="") as stream:
            stream.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual mode
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def write_student_json(path: Path, result: StudentResult) -> None:
    write_atomically(path, json.dumps(result.to_gradescope(), ensure_ascii=False, indent=2))


def grades_csv(results: list[StudentResult], function_names: list[str]) -> str:
    """One row per student: student_id, one column per graded function, total, max_score."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student_id", *function_names, "total", "max_score"])
    for result in sorted(results, key=lambda r: r.student_id):
        writer.writerow([spreadsheet_safe(result.student_id), *(_number(result.score(f)) for f in function_names),
                         _number(result.total), _number(result.max_score)])
    return buffer.getvalue()


def _number(value: float) -> str:
    return f"{value:g}" if value == round(value, 4) else f"{value:.4f}"


def score_table(results: list[StudentResult], function_names: list[str]) -> str:
    """The terminal table: a row per student, a column per function, then the reason if any."""
    short = {name: name if len(name) <= 10 else name[:9] + "…" for name in function_names}
    header = ["student_id", *short.values(), "total", "note"]
    rows = [[printable(r.student_id), *(_number(r.score(f)) for f in function_names),
             f"{_number(r.total)}/{_number(r.max_score)}", printable(_note(r))]
            for r in sorted(results, key=lambda r: r.student_id)]
    widths = [max(_display_width(str(row[i])) for row in [header, *rows]) for i in range(len(header) - 1)]
    lines = []
    for row in [header, *rows]:
        cells = [_pad(str(c), w, right=bool(i)) for i, (c, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells) + ("  " + row[-1] if row[-1] else ""))
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: control characters (escape sequences that could
    rewrite a row, bidi overrides) shown as escapes instead of acted on."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


SPREADSHEET_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula (`=HYPERLINK(...)`): prefixed with '."""
    return "'" + text if text.startswith(SPREADSHEET_FORMULA) else text


def _display_width(text: str) -> int:
    """Columns a terminal gives ``text``: two for each wide (Hangul, CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * max(width - _display_width(text), 0)
    return fill + text if right else text + fill


def _note(result: StudentResult) -> str:
    """The first thing a person should know: why it was not graded, a cell that failed, or how
    the notebook was found (renamed, misplaced)."""
    notes = [text.in_(result.language) for text in (
        *([result.error] if result.error else []), *result.cell_errors, *result.notes)]
    return notes[0][:70] if notes else ""


__all__ = ["CaseResult", "FunctionResult", "StudentResult", "function_score", "grades_csv",
           "printable", "score_table", "spreadsheet_safe", "write_atomically", "write_student_json"]
