"""Hints that teach: recognising a wrong answer as a known mistake.

For each case the grader computes, once per batch, what every catalogued mistake with a hint
would answer (assignment data: ``exercises/<name>/mistakes.py``). When a student's wrong answer
equals one of those, and that answer differs from the expected one, the student is shown that
mistake's hint in the lecture's terms.
"""

from __future__ import annotations

import importlib
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

from autograder import compare, wire
from autograder.assignment import Assignment, Case
from autograder.messages import Text


@dataclass(frozen=True)
class Hint:
    ko: str
    en: str
    answer: Any  # what the mistake returns on this case

    @property
    def text(self) -> Text:
        return Text(self.ko or self.en, self.en or self.ko)


def mistakes(assignment: Assignment) -> list:
    """The assignment's catalogued mistakes that carry a hint (none if it keeps no catalog)."""
    module_name = f"exercises.{assignment.name}.mistakes"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name == module_name:
            return []
        raise
    return [m for m in module.MISTAKES if m.hint_ko or m.hint_en]


def hints_for(assignment: Assignment, case: Case, expected: Any, catalog: list) -> tuple[Hint, ...]:
    """The hints of ``case``: each mistake's answer on its inputs, where it differs from ``expected``."""
    found = []
    for mistake in catalog:
        if mistake.function != case.function:
            continue
        namespace = {"np": np, **assignment.reference}
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                exec(compile(mistake.code, f"<mistake {mistake.id}>", "exec"), namespace)
                args = wire.decode(wire.encode(tuple(case.args)))
                kwargs = {k: wire.decode(wire.encode(v)) for k, v in case.kwargs.items()}
                answer = namespace[case.function](*args, **kwargs)
            described = wire.describe(answer)
        except Exception as error:  # noqa: BLE001 - the mistake raises: recognised by its type
            found.append(Hint(mistake.hint_ko, mistake.hint_en,
                              {"type": "raised", "error": type(error).__name__}))
            continue
        rtol, atol = compare.tolerance_for([wire.encode(a) for a in case.args])
        if compare.matches(expected, described, rtol, atol):
            continue  # on this case the mistake is indistinguishable from a right answer
        found.append(Hint(mistake.hint_ko, mistake.hint_en, described))
    return tuple(found)


def matching_hint(hints: tuple[Hint, ...], received: dict, inputs: list) -> Text:
    """The hint of the one mistake whose answer equals the student's; none when several
    different mistakes give that same answer (the case cannot tell which was made)."""
    rtol, atol = compare.tolerance_for(inputs)
    found = set()
    for hint in hints:
        try:
            if _same_description(hint.answer, received, rtol, atol):
                found.add(hint.text)
        except Exception:  # noqa: BLE001 - received is untrusted data
            continue
    return found.pop() if len(found) == 1 else Text()


def _same_description(mistaken: dict, received: dict, rtol: float, atol: float) -> bool:
    """Two described answers are the same: same container and shape, close values; where a
    number is due, every container the grader accepts for a number counts as the same."""
    number = compare.number_in(mistaken)
    if number is not None:
        got = compare.number_in(received)
        return got is not None and bool(np.isclose(got, number, rtol=rtol, atol=atol, equal_nan=True))
    if mistaken.get("type") != received.get("type"):
        return False
    if mistaken["type"] == "raised":
        return mistaken["error"] == received.get("error")
    if mistaken["type"] == "ndarray":
        if mistaken.get("data") is None or received.get("data") is None:
            return False
        return (mistaken["shape"] == received["shape"] and len(mistaken["data"]) == len(received["data"])
                and bool(np.allclose(np.array(received["data"], dtype=float),
                                     np.array(mistaken["data"], dtype=float), rtol=rtol, atol=atol,
                                     equal_nan=True)))  # a mistake's nan is recognised as such
    if mistaken["type"] in ("list", "tuple"):
        items, got = mistaken.get("items"), received.get("items")
        return (items is not None and got is not None and len(items) == len(got)
                and all(_same_description(a, b, rtol, atol) for a, b in zip(items, got)))
    if "value" in mistaken:
        try:
            return bool(np.isclose(float(received["value"]), float(mistaken["value"]),
                                   rtol=rtol, atol=atol))
        except (TypeError, ValueError):
            return False
    return False
