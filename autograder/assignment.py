"""An assignment as data: its notebook name, points, reference module and hidden cases.

Each assignment lives in ``exercises/<name>/``: ``assignment.toml`` (points, time limits, where the
reference and the cases are) and a cases module. The grader knows nothing else about it.
"""

from __future__ import annotations

import importlib
import importlib.resources
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable

from autograder import wire


class AssignmentError(Exception):
    """The assignment's own definition is broken (an instructor's error, never a student's)."""


@dataclass(frozen=True)
class Case:
    """One hidden-test call: ``function(*args, **kwargs)``, named for the student."""

    function: str
    label: str
    args: tuple
    kwargs: dict = field(default_factory=dict)

    def encoded(self) -> dict:
        """The call as plain data, as sent to a student process."""
        return {"function": self.function, "args": [wire.encode(a) for a in self.args],
                "kwargs": {k: wire.encode(v) for k, v in self.kwargs.items()}}

    def encoded_inputs(self) -> list:
        """Every input, positional then keyword, as plain data (to check none was modified)."""
        return [wire.encode(a) for a in self.args] + [wire.encode(v) for v in self.kwargs.values()]


@dataclass(frozen=True)
class GradedFunction:
    name: str
    points: float
    cases: tuple[Case, ...]


@dataclass(frozen=True)
class Assignment:
    name: str
    title: str
    notebook: str
    reference_module: str
    functions: tuple[GradedFunction, ...]
    case_time_limit: float
    load_time_limit: float
    submission_time_limit: float
    memory_limit_mb: int

    @property
    def max_score(self) -> float:
        return sum(f.points for f in self.functions)

    @property
    def function_names(self) -> list[str]:
        return [f.name for f in self.functions]

    def function(self, name: str) -> GradedFunction:
        for graded in self.functions:
            if graded.name == name:
                return graded
        raise KeyError(name)

    @cached_property
    def reference(self) -> dict[str, Callable]:
        module = importlib.import_module(self.reference_module)
        return {name: getattr(module, name) for name in self.function_names}

    def expected(self, case: Case) -> Any:
        """The reference answer, on decoded copies of the inputs (the case stays untouched)."""
        args = wire.decode(wire.encode(tuple(case.args)))
        kwargs = {k: wire.decode(wire.encode(v)) for k, v in case.kwargs.items()}
        return self.reference[case.function](*args, **kwargs)


def load(name: str) -> Assignment:
    """Load ``exercises/<name>/assignment.toml`` and its cases."""
    try:
        package = importlib.resources.files(f"exercises.{name}")
        config = tomllib.loads((package / "assignment.toml").read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):
        raise AssignmentError(
            f"no assignment named {name!r}: expected exercises/{name}/assignment.toml. "
            f"Known assignments: {', '.join(available()) or 'none'}") from None
    try:
        cases_module = importlib.import_module(config["cases"])
        all_cases = list(cases_module.cases())
        points = config["points"]
        functions = tuple(
            GradedFunction(fn, float(pts), tuple(c for c in all_cases if c.function == fn))
            for fn, pts in points.items())
        limits = config.get("limits", {})
        assignment = Assignment(
            name=config["name"], title=config.get("title", config["name"]),
            notebook=config["notebook"], reference_module=config["reference"],
            functions=functions,
            case_time_limit=float(limits.get("case_seconds", 2.0)),
            load_time_limit=float(limits.get("load_seconds", 10.0)),
            submission_time_limit=float(limits.get("submission_seconds", 60.0)),
            memory_limit_mb=int(limits.get("memory_mb", 2048)))
    except KeyError as error:
        raise AssignmentError(f"exercises/{name}/assignment.toml lacks the key {error}") from None
    for graded in assignment.functions:
        if not graded.cases:
            raise AssignmentError(f"{name}: function {graded.name} has no cases in {config['cases']}")
    unknown = {c.function for c in all_cases} - set(assignment.function_names)
    if unknown:
        raise AssignmentError(f"{name}: cases for functions without points: {sorted(unknown)}")
    return assignment


def available() -> list[str]:
    """Names of the assignments under ``exercises/``."""
    root = importlib.resources.files("exercises")
    return sorted(p.name for p in root.iterdir()
                  if p.is_dir() and (p / "assignment.toml").is_file())
