"""Grading one submission: run its code in a student process, call each case, judge each answer.

The student process only runs code and describes return values; expected values come from the
reference in this (the grader's) process and every comparison happens here. A case that times
out, a crash, or a malformed reply costs that case (and, for a timeout, the rest of that
function); the process is then killed and started again with the notebook's cells replayed.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from autograder import compare, hints, sandbox
from autograder.assignment import Assignment, Case, GradedFunction
from autograder.messages import Text, message
from autograder.notebook import CodeCell, NotGradable, ReleaseCells, find_notebook, read_code_cells
from autograder.results import CaseResult, FunctionResult, StudentResult

MAX_RESTARTS = 20  # per graded function; past it its remaining cases fail as "crashed"


@dataclass(frozen=True)
class Reference:
    """What the grader computes once per batch: each case's expected value and argument names."""

    expected: dict[tuple[str, int], Any]
    argument_names: dict[tuple[str, int], list[str]]
    hints: dict[tuple[str, int], tuple[hints.Hint, ...]]

    @classmethod
    def compute(cls, assignment: Assignment) -> "Reference":
        expected, names, case_hints = {}, {}, {}
        catalog = hints.mistakes(assignment)
        for graded in assignment.functions:
            parameters = list(inspect.signature(assignment.reference[graded.name]).parameters)
            for number, case in enumerate(graded.cases):
                key = graded.name, number
                expected[key] = assignment.expected(case)
                names[key] = parameters[:len(case.args)] + list(case.kwargs)
                case_hints[key] = hints.hints_for(assignment, case, expected[key], catalog)
        return cls(expected, names, case_hints)


def _cell_name(cell: CodeCell) -> str:
    """How a person finds the cell: JupyterLab shows no numbers, so its first line too."""
    first = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
    return f'cell {cell.index} ("{first[:40]}{"…" if len(first) > 40 else ""}")'


class Unconfined(Exception):
    """The student process could not be confined, and the caller requires it."""


class OutOfTime(sandbox.Crashed):
    """The submission has used up its whole time budget; its remaining cases are not run."""


class Session:
    """A student process with the submission's cells loaded, restarted when it dies."""

    def __init__(self, assignment: Assignment, cells: list[CodeCell], workdir: str,
                 require_confinement: bool = False) -> None:
        self.assignment = assignment
        self.require_confinement = require_confinement
        self.cells = cells
        self.workdir = workdir
        self.process: sandbox.StudentProcess | None = None
        self.cell_errors: dict[int, Text] = {}
        self.poisoned_cells: set[int] = set()  # cells that hung or killed the process
        self.dropped_cells: set[int] = set()  # ... even when only their definitions ran
        self.restarts = 0
        self.outputs: list[str] = []
        self.confinement = ""
        self.deadline = time.monotonic() + assignment.submission_time_limit
        self.out_of_time = False

    def _seconds(self, limit: float) -> float:
        """A step's time limit, cut to what is left of the submission's budget."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            self.out_of_time = True
            raise OutOfTime("this submission used up its whole time budget")
        return min(limit, left)

    def _ensure_loaded(self) -> None:
        while self.process is None:
            self._seconds(0)  # no new process once the budget is spent
            if self.restarts > MAX_RESTARTS:
                raise sandbox.Crashed(f"restarted {MAX_RESTARTS} times; giving up")
            self.restarts += 1
            process = sandbox.StudentProcess(self.workdir, self.assignment.memory_limit_mb,
                                             int(self.assignment.submission_time_limit) + 5)
            try:
                process.start()
                if self.require_confinement and not process.confinement.startswith("landlock"):
                    self._retire(process)  # before any student code runs
                    raise Unconfined(process.confinement)
                for cell in self.cells:
                    if cell.index not in self.dropped_cells:
                        self._run_cell(process, cell)
            except OutOfTime:
                self._retire(process)
                raise
            except (sandbox.Timeout, sandbox.Crashed):
                self._retire(process)
                continue
            self.process = process
            self.confinement = process.confinement

    def _run_cell(self, process: sandbox.StudentProcess, cell: CodeCell) -> None:
        """Run one cell. A cell that hangs or ends the process is run again, after a restart,
        with only its definitions (def, class, import); if even that fails, it is dropped."""
        definitions_only = cell.index in self.poisoned_cells
        seconds = self._seconds(self.assignment.load_time_limit)
        try:
            reply = process.request({"op": "cell", "index": cell.index, "source": cell.source,
                                     "definitions_only": definitions_only}, seconds)
        except (sandbox.Timeout, sandbox.Crashed) as error:
            self._seconds(0)  # out of budget: not the cell's fault alone
            what = (message("cell_hung", seconds=self.assignment.load_time_limit)
                    if isinstance(error, sandbox.Timeout) else message("cell_ended", error=error))
            if definitions_only:
                self.dropped_cells.add(cell.index)
                self.cell_errors[cell.index] = message("cell_skipped", cell=_cell_name(cell), what=what)
            else:
                self.poisoned_cells.add(cell.index)
                self.cell_errors[cell.index] = message("cell_top_level", cell=_cell_name(cell), what=what)
            raise
        if not reply.get("ok"):
            error = f"{_cell_name(cell)}: {str(reply.get('error'))[:500]}"  # Python's own words
            self.cell_errors[cell.index] = Text(error, error)

    def _retire(self, process: sandbox.StudentProcess) -> None:
        process.kill()
        self.outputs.append(process.output())

    def call(self, case: Case) -> dict:
        """The student process's reply to one case; raises Timeout or Crashed."""
        self._ensure_loaded()
        seconds = self._seconds(self.assignment.case_time_limit)
        try:
            return self.process.request({"op": "call", **case.encoded()}, seconds)
        except (sandbox.Timeout, sandbox.Crashed):
            self.close()
            raise

    def close(self) -> None:
        if self.process is not None:
            self._retire(self.process)
            self.process = None

    def output(self) -> str:
        text = "\n".join(o for o in self.outputs if o)
        if len(text) > sandbox.OUTPUT_LIMIT + 200:
            text = text[:sandbox.OUTPUT_LIMIT] + "\n[... more bytes of output not kept]"
        return text


def remove_tree(path: str) -> None:
    """Remove a student's working folder, whatever the student left in it (a 1,000-deep
    folder chain defeats shutil.rmtree's recursion; rm does not recurse on the stack)."""
    try:
        shutil.rmtree(path, ignore_errors=True)
    except RecursionError:
        pass
    if os.path.exists(path):
        subprocess.run(["rm", "-rf", "--one-file-system", path], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def safe_name(student_id: str) -> str:
    """A file-name-safe form of a student id (ids come from folder names, in any encoding)."""
    cleaned = re.sub(r"[^\w.-]", "_", student_id)
    if cleaned == student_id and len(student_id) <= 100 and not re.search(r"-[0-9a-f]{8}$", student_id):
        return student_id  # (an id ending like a digest gets one too: no two ids share a folder)
    digest = hashlib.sha256(student_id.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{cleaned[:80]}-{digest}"


def grade_submission(assignment: Assignment, reference: Reference, release: ReleaseCells,
                     student_id: str, student_dir: Path, language: str = "ko",
                     require_confinement: bool = False) -> StudentResult:
    """Grade ``student_dir`` (one student's ``<assignment>/`` folder). Never raises for the
    student's sake: whatever goes wrong becomes a recorded score with a reason. With
    ``require_confinement``, a machine that cannot confine student code (no Landlock) grades
    nothing: 0 with the reason, since the reference would be within the student's reach."""
    started = time.monotonic()
    notebook = ""
    try:
        path, notes = find_notebook(student_dir, assignment.notebook)
        notebook = str(path.relative_to(student_dir.parent.parent)) if path.is_relative_to(
            student_dir.parent.parent) else path.name
        cells = read_code_cells(path, release)
    except NotGradable as reason:
        return _zero(assignment, student_id, reason.text, notebook, language, started)
    except OSError as error:
        return _zero(assignment, student_id, message("nb_unreadable", error=error), notebook,
                     language, started)
    except (ValueError, TypeError, AttributeError, KeyError, RecursionError) as error:
        # a notebook whose JSON is valid but whose structure no notebook has
        return _zero(assignment, student_id, message("nb_malformed", name=Path(notebook).name,
                                                     kind=type(error).__name__), notebook, language, started)
    workdir = tempfile.mkdtemp(prefix=f"grade-{safe_name(student_id)[:40]}-")
    session = Session(assignment, cells, workdir, require_confinement)

    def graded_next(graded: GradedFunction) -> FunctionResult:
        session.restarts = 0  # crashes in one function cost no other function's cases
        return grade_function(session.call, reference, graded, assignment.case_time_limit,
                              lambda: list(session.cell_errors.values()))
    try:
        functions = tuple(graded_next(graded) for graded in assignment.functions)
    except Unconfined as how:
        return _zero(assignment, student_id, message("unconfined", how=str(how)), notebook, language,
                     started)
    finally:
        session.close()
        remove_tree(workdir)
    return StudentResult(
        student_id, assignment.name, functions, assignment.max_score, notebook=notebook,
        notes=tuple(notes + ([
            message("note_out_of_time", seconds=assignment.submission_time_limit)]
            if session.out_of_time else [])),
        cell_errors=tuple(session.cell_errors[i] for i in sorted(session.cell_errors)),
        output=session.output(), seconds=time.monotonic() - started,
        confinement=session.confinement, language=language)


def grade_function(call: Callable[[Case], dict], reference: Reference, graded: GradedFunction,
                   time_limit: float,
                   cell_errors: Callable[[], list[Text]] = list) -> FunctionResult:
    """Run and judge every case of one function. ``call`` returns the student side's reply to a
    case, or raises sandbox.Timeout / sandbox.Crashed. Shared by the isolated grader and the
    in-kernel path nbgrader uses, so both score alike."""
    results, timed_out = [], False
    for number, case in enumerate(graded.cases):
        if timed_out:
            results.append(CaseResult(case.label, False, message("skipped_after_timeout")))
            continue
        try:
            reply = call(case)
        except sandbox.Timeout:
            timed_out = True
            results.append(CaseResult(case.label, False,
                                      message("timeout", seconds=time_limit)))
            continue
        except OutOfTime:
            results.append(CaseResult(case.label, False, message("out_of_time")))
            continue
        except sandbox.Crashed as error:
            results.append(CaseResult(case.label, False, message("crashed", detail=error)))
            continue
        key = graded.name, number
        verdict = _judge(reply, case, reference.expected[key], reference.argument_names[key],
                         cell_errors)
        hint = Text()
        if not verdict.passed and reply.get("status") in ("returned", "raised"):
            answer = reply.get("value") if reply["status"] == "returned" else {
                "type": "raised", "error": str(reply.get("error", "")).split(":")[0]}
            hint = hints.matching_hint(reference.hints[key], answer, case.encoded_inputs())
        results.append(CaseResult(case.label, verdict.passed, verdict.message, hint))
    return FunctionResult(graded.name, graded.points, tuple(results))


def run_visible_tests(assignment: Assignment, release: ReleaseCells, notebook: Path,
                      language: str = "ko") -> tuple[list[tuple[str, bool, str]], list[str]]:
    """A student's self-check: the notebook's code, then each visible test of the release, in an
    isolated student process. Returns (test id, passed, message) per visible test, and the
    errors of the student's own cells (a SyntaxError explains a later NameError)."""
    cells = read_code_cells(notebook, release)
    workdir = tempfile.mkdtemp(prefix="validate-")
    session = Session(assignment, cells, workdir)
    verdicts = []
    first_test = max([cell.index for cell in cells] + [0]) + 1
    try:
        for number, (grade_id, source) in enumerate(release.visible_tests):
            test = CodeCell(first_test + number, source)
            try:
                session._ensure_loaded()
                session._run_cell(session.process, test)
                error = session.cell_errors.pop(test.index, Text()).in_(language)
            except (sandbox.Timeout, sandbox.Crashed) as failure:
                session.close()
                error = session.cell_errors.pop(test.index, Text(str(failure), str(failure))).in_(language)
                if test.index in session.poisoned_cells:  # the test hung in the student's function
                    error = message("timeout", seconds=assignment.load_time_limit).in_(language)
            error = error.removeprefix(_cell_name(test) + ": ").replace(  # name it as students see it
                f"(cell {test.index}, line", "(" + message("visible_test_cell").in_(language) + ", line")
            verdicts.append((grade_id, not error, error))
    finally:
        session.close()
        remove_tree(workdir)
    return verdicts, [session.cell_errors[i].in_(language) for i in sorted(session.cell_errors)
                      if i < first_test]


def _judge(reply: dict, case: Case, expected: Any, argument_names: list[str],
           cell_errors: Callable[[], list[Text]]) -> compare.Verdict:
    status = reply.get("status")
    if status == "missing":
        cells = cell_errors()
        extra = message("cell_errors", cells=Text("; ".join(c.ko for c in cells),
                                                  "; ".join(c.en for c in cells))) if cells else ""
        return compare.Verdict(False, message("missing_function", function=case.function,
                                              cell_errors=extra))
    if status == "not_callable":
        return compare.Verdict(False, message("not_callable", function=case.function,
                                              kind=str(reply.get("kind"))[:50]))
    if status == "raised" and str(reply.get("error", "")).startswith("NotImplementedError"):
        return compare.Verdict(False, message("not_implemented"))
    if status == "raised":
        return compare.Verdict(False, message("raised", error=str(reply.get("error"))[:500]))
    try:
        return compare.compare(expected, reply["value"], case.encoded_inputs(),
                               reply.get("inputs_after"), argument_names)
    except Exception as error:  # noqa: BLE001 - the reply is untrusted data: any flaw is the student's
        return compare.Verdict(False, message("crashed",
                                              detail=f"unreadable answer: {type(error).__name__}"))


def _zero(assignment: Assignment, student_id: str, reason: Text, notebook: str, language: str,
          started: float) -> StudentResult:
    functions = tuple(FunctionResult(g.name, g.points, tuple(
        CaseResult(c.label, False, message("not_gradable", reason=reason))
        for c in g.cases)) for g in assignment.functions)
    return StudentResult(student_id, assignment.name, functions, assignment.max_score,
                         notebook=notebook, error=reason, seconds=time.monotonic() - started,
                         language=language)
