"""The fair comparison of a student's answer with the reference (assignment-spec.md).

Runs only in the grader, on the plain description the student process sent back: container
first, then exact shape (np.allclose broadcasts, so shape is checked before values), then values
within tolerance, then that the inputs are unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np

from autograder.messages import Text, message

TOLERANCE = {"float64": (1e-6, 1e-9), "float32": (1e-4, 1e-6)}
SHOW_WHOLE = 6  # arrays up to this many elements are shown whole in a message


@dataclass(frozen=True)
class Verdict:
    passed: bool
    message: Text = Text()


PASS = Verdict(True)


def tolerance_for(encoded_inputs: Any) -> tuple[float, float]:
    """float32 inputs get the looser tolerance; everything else is compared as float64."""
    return TOLERANCE["float32" if '"<f4"' in json.dumps(encoded_inputs) else "float64"]


def compare(expected: Any, received: dict, inputs_before: Any, inputs_after: Any,
            argument_names: list[str]) -> Verdict:
    """Judge one case. ``received`` is a ``wire.describe`` result from the student process."""
    rtol, atol = tolerance_for(inputs_before)
    verdict = _compare_value(expected, received, rtol, atol)
    if not verdict.passed:
        return verdict
    return _compare_inputs(inputs_before, inputs_after, argument_names)


def matches(expected: Any, received: dict, rtol: float, atol: float) -> bool:
    """Whether a described answer passes as ``expected`` (container, shape, values)."""
    return _compare_value(expected, received, rtol, atol).passed


def _compare_value(expected: Any, received: dict, rtol: float, atol: float) -> Verdict:
    if isinstance(expected, np.ndarray) and expected.ndim > 0:
        return _compare_array(expected, received, rtol, atol)
    if isinstance(expected, (tuple, list)):
        return _compare_sequence(expected, received, rtol, atol)
    return _compare_number(float(expected), received, rtol, atol)


def _compare_array(expected: np.ndarray, received: dict, rtol: float, atol: float) -> Verdict:
    if received["type"] != "ndarray":
        return Verdict(False, message("want_array", got=_what(received)))
    if received.get("too_large"):
        return Verdict(False, message("want_array", got=_what(received)))
    if received.get("data") is None or np.dtype(received["dtype"]).kind not in "biuf":
        return Verdict(False, message("not_real", dtype=received["dtype"]))
    if tuple(received["shape"]) != expected.shape:
        return Verdict(False, message("shape", expected=_shape(expected.shape),
                                      got=_shape(received["shape"])))
    got = np.array([float(v) for v in received["data"]], dtype=float).reshape(expected.shape)
    return _compare_numbers(expected.astype(float), got, rtol, atol)


def number_in(received: dict) -> float | None:
    """The number a described answer holds where a number is due (python int or float, NumPy
    scalar, 0-d array: all accepted alike), else None."""
    kind = received["type"]
    if kind in ("int", "float") or (kind == "numpy-scalar" and received.get("value") is not None):
        return float(received["value"])
    if kind == "ndarray" and received["shape"] == [] and received.get("data") is not None:
        return float(received["data"][0])
    return None


def _compare_number(expected: float, received: dict, rtol: float, atol: float) -> Verdict:
    got = number_in(received)
    if got is None:
        return Verdict(False, message("want_number", got=_what(received)))
    return _compare_numbers(np.array(expected), np.array(got), rtol, atol)


def _compare_sequence(expected: tuple | list, received: dict, rtol: float, atol: float) -> Verdict:
    kind = received["type"]
    if kind in ("tuple", "list") and received.get("items") is not None:
        items = received["items"]
    elif kind == "ndarray" and received.get("data") is not None and len(received["shape"]) == 1:
        items = [{"type": "float", "value": v} for v in received["data"]]
    else:
        return Verdict(False, message("want_pair", length=len(expected), got=_what(received)))
    if len(items) != len(expected):
        return Verdict(False, message("want_pair", length=len(expected), got=_what(received)))
    for position, (want, got) in enumerate(zip(expected, items), start=1):
        verdict = _compare_value(want, got, rtol, atol)
        if not verdict.passed:
            return Verdict(False, message("pair_item", position=position,
                                          detail=verdict.message))
    return PASS


def _compare_numbers(expected: np.ndarray, got: np.ndarray, rtol: float, atol: float) -> Verdict:
    close = np.isclose(got, expected, rtol=rtol, atol=atol)
    if close.all():
        return PASS
    if expected.size <= SHOW_WHOLE:
        return Verdict(False, message("values", expected=_numbers(expected),
                                      got=_numbers(got)))
    error = np.where(np.isfinite(got), np.abs(got - expected), np.inf)
    worst = np.unravel_index(int(np.argmax(error)), expected.shape)
    return Verdict(False, message(
        "values_worst", count=int((~close).sum()), size=expected.size,
        index=tuple(int(i) for i in worst), expected=_numbers(expected[worst]),
        got=_numbers(got[worst])))


def _compare_inputs(before: Any, after: Any, argument_names: list[str]) -> Verdict:
    for position, name in enumerate(argument_names):
        was = before[position] if position < len(before) else None
        now = after[position] if isinstance(after, list) and position < len(after) else None
        if was != now:
            return Verdict(False, message("input_modified", argument=name))
    return PASS


def _what(received: dict) -> str | Text:
    """How a received value is named in a message: its container, shape and dtype."""
    kind = received["type"]
    if kind == "ndarray":
        return f"numpy.ndarray shape {_shape(received['shape'])}, dtype {np.dtype(received['dtype'])}"
    if received.get("too_large"):
        return f"{kind} of {received['too_large']} elements (too large to compare)"
    if kind in ("tuple", "list"):
        return f"{kind} (length {len(received['items'])})"
    if kind == "numpy-scalar":
        return f"NumPy scalar ({np.dtype(received['dtype'])})"
    if kind in ("int", "float", "bool"):
        return f"python {kind}"
    if kind == "ndarray-subclass":
        return f"{received['class']} shape {_shape(received['shape'])} (an ndarray subclass)"
    if kind == "None":
        return Text(ko="None (return 문이 없나요?)", en="None (missing return?)")
    return received.get("class", kind)


def _shape(shape: Any) -> str:
    shape = tuple(shape)
    return "()" if not shape else str(shape)


def _numbers(values: np.ndarray) -> str:
    values = np.asarray(values, dtype=float)
    return np.array2string(values, precision=6, separator=", ") if values.ndim else f"{float(values):.6g}"
