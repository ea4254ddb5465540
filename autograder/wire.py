"""Plain data that crosses between the grader and a student process.

Everything sent either way is JSON made of dicts, lists, strings, numbers, booleans and None:
never a pickle. Arrays travel as ``{"ndarray": {"dtype", "shape", "data"}}``; an activation
function travels by name. ``describe`` turns whatever a student function returned into such data
*in the student process*; the grader only ever sees the description.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

# Activation functions a case may pass, by name. Each is a plain NumPy element-wise function, so
# the student process and the grader build the same one without sharing any object.
def _sigmoid(z):
    """Logistic sigmoid without overflow warnings (e^(−|z|) never overflows)."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    out = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return out if out.ndim else out[()]


def _relu(z):
    return np.maximum(z, 0)


ACTIVATIONS = {
    "sigmoid": _sigmoid,
    "relu": _relu,
    "tanh": np.tanh,
    "sin": np.sin,
    "exp": np.exp,
    "abs": np.abs,
}

MAX_ELEMENTS = 100_000  # a described value holds at most this many numbers
MAX_REPR = 300  # characters of repr kept for an object we cannot describe
MAX_DEPTH = 8


class Activation:
    """A named activation passed to a student function (see ACTIVATIONS)."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        if name not in ACTIVATIONS:
            raise ValueError(f"unknown activation {name!r}; known: {sorted(ACTIVATIONS)}")
        self.name = name

    def __repr__(self) -> str:
        return self.name


def encode(value: Any) -> Any:
    """Encode case inputs (numbers, lists, tuples, arrays, activations, None) as plain data."""
    if isinstance(value, Activation):
        return {"activation": value.name}
    for name, function in ACTIVATIONS.items():
        if value is function:
            return {"activation": name}
    if isinstance(value, np.ndarray):
        return {"ndarray": {"dtype": value.dtype.str, "shape": list(value.shape),
                            "data": value.ravel().tolist()}}
    if isinstance(value, tuple):
        return {"tuple": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, (bool, int, float, str)) or value is None:
        return value
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot encode case input of type {type(value).__name__}")


def decode(data: Any, *, live_activations: bool = True) -> Any:
    """Inverse of ``encode``. Activations become the NumPy function (or stay named)."""
    if isinstance(data, dict):
        if "activation" in data:
            activation = Activation(data["activation"])
            return ACTIVATIONS[activation.name] if live_activations else activation
        if "ndarray" in data:
            spec = data["ndarray"]
            return np.array(spec["data"], dtype=np.dtype(spec["dtype"])).reshape(spec["shape"])
        if "tuple" in data:
            return tuple(decode(v, live_activations=live_activations) for v in data["tuple"])
        raise ValueError(f"unknown encoded value with keys {sorted(data)}")
    if isinstance(data, list):
        return [decode(v, live_activations=live_activations) for v in data]
    return data


def _number(value: Any) -> Any:
    """A JSON-safe float or int (nan and inf as strings, which json would otherwise emit raw)."""
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    return value


def describe(value: Any) -> dict:
    """Describe a returned value as plain data: its container, dtype, shape and numbers.

    Runs in the student process, so it never trusts the value: it checks exact types
    (an ndarray subclass or an object faking ``.shape`` is reported as what it really is), and
    the whole description holds at most MAX_ELEMENTS numbers, however the value nests.
    """
    return _describe(value, 0, [MAX_ELEMENTS])


def _too_large(kind: str, size: int) -> dict:
    return {"type": kind, "too_large": size, "data": None, "items": None}


def _describe(value: Any, depth: int, budget: list[int]) -> dict:
    kind = type(value)
    if kind is np.ndarray:
        base = {"type": "ndarray", "dtype": value.dtype.str, "shape": list(value.shape)}
        if value.dtype.kind not in "biuf":
            return {**base, "data": None, "repr": _short_repr(value)}
        if value.size > budget[0]:
            return {**base, "data": None, "too_large": int(value.size)}
        budget[0] -= value.size
        return {**base, "data": [_number(v) for v in value.astype(float).ravel().tolist()]}
    if kind is bool or kind is np.bool_:
        return {"type": "bool", "value": bool(value)}
    if kind is int or kind is float:
        try:
            return {"type": kind.__name__, "value": _number(float(value))}
        except OverflowError:
            return {"type": kind.__name__, "value": None, "repr": "<an int too large for a float>"}
    if isinstance(value, np.generic) and type(value).__module__ == "numpy":
        if value.dtype.kind in "iuf":
            return {"type": "numpy-scalar", "dtype": value.dtype.str,
                    "value": _number(float(value))}
        return {"type": "numpy-scalar", "dtype": value.dtype.str, "value": None,
                "repr": _short_repr(value)}
    if isinstance(value, tuple) and kind is not tuple and isinstance(getattr(kind, "_fields", None), tuple):
        kind, value = tuple, tuple.__new__(tuple, tuple.__iter__(value))  # a namedtuple is a tuple
    if kind is list or kind is tuple:
        if depth >= MAX_DEPTH or len(value) > budget[0]:
            return _too_large(kind.__name__, len(value))
        budget[0] -= len(value)
        return {"type": kind.__name__, "items": [_describe(v, depth + 1, budget) for v in value]}
    if value is None:
        return {"type": "None"}
    if isinstance(value, np.ndarray):
        return {"type": "ndarray-subclass", "class": _class_name(value),
                "shape": list(np.ndarray.__getattribute__(value, "shape")),
                "repr": _short_repr(value)}
    return {"type": "object", "class": _class_name(value), "repr": _short_repr(value)}


def _class_name(value: Any) -> str:
    kind = type(value)
    return f"{kind.__module__}.{kind.__qualname__}"


def _short_repr(value: Any) -> str:
    """A repr only for types whose repr we trust; anything else by its class name."""
    if type(value) in (str, bytes, complex) or (
            type(value) is np.ndarray and value.size <= 50) or type(value).__module__ == "numpy":
        return repr(value)[:MAX_REPR]
    return f"<{_class_name(value)} object>"
