"""The hidden tests as nbgrader runs them: inside the student's kernel.

A course that uses only ``nbgrader autograde`` runs the source notebook's hidden-test cells, which
call ``hidden_tests_score``. It scores with the same cases, reference, comparison and partial
credit as ``autograder grade`` and leaves the score as the cell's value, which nbgrader reads as
partial credit. It is not isolated (nbgrader runs student code in the grader's kernel); use
``autograder grade`` where that matters.
"""

from __future__ import annotations

import contextlib
import io
import signal
from functools import lru_cache

from autograder import assignment as assignments
from autograder import sandbox
from autograder.grading import Reference, grade_function
from autograder.worker import Worker


class CaseTimeout(Exception):
    """Raised inside the student's function when its time is up."""


def _alarm(signum, frame):
    raise CaseTimeout()


@lru_cache(maxsize=None)
def _prepared(name: str):
    assignment = assignments.load(name)
    return assignment, Reference.compute(assignment)


def hidden_tests_score(assignment_name: str, function_name: str, student_function,
                       language: str = "ko") -> float:
    """Score ``student_function`` on its hidden cases; print each failed case; return points."""
    assignment, reference = _prepared(assignment_name)
    graded = assignment.function(function_name)
    worker = Worker()
    worker.namespace[function_name] = student_function

    def call(case):
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, assignment.case_time_limit)
        try:
            # nbgrader scores any stderr output as a failure, so the student's output is kept
            # out of the cell (warnings are not failures).
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                reply = worker.call(case.function, case.encoded()["args"], case.encoded()["kwargs"])
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        if reply.get("status") == "raised" and str(reply.get("error", "")).startswith("CaseTimeout"):
            raise sandbox.Timeout()
        return reply

    result = grade_function(call, reference, graded, assignment.case_time_limit)
    print(f"{function_name}: {result.passed}/{len(result.cases)} cases passed, "
          f"{result.points:g}/{result.max_points:g} points")
    for case in result.cases:
        if not case.passed:
            print(f"  ✗ {case.label}: {case.shown.in_(language)}")
    return result.points
