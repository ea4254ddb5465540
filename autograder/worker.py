"""The student side: runs one submission's code in its own process and answers calls.

Started by ``sandbox.StudentProcess`` as ``python -I -m autograder.worker CMD_FD REPLY_FD``.
It reads length-prefixed JSON commands and writes JSON replies; it never sees a reference answer
and never compares anything. Whatever it sends back is treated by the grader as untrusted data.
"""

from __future__ import annotations

import ast
import builtins
import os
import sys
import traceback
import warnings

from autograder import framing
from autograder.wire import decode, describe, encode
from autograder.confine import confine

MAX_ERROR = 2000  # characters of an error message sent back


def _error_text(error: BaseException, source_name: str | None = None) -> str:
    """The exception's type, message and the student's own frames (never the worker's)."""
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if f.filename.startswith("<cell")]
    where = f" ({frames[-1].filename[1:-1]}, line {frames[-1].lineno})" if frames else ""
    if isinstance(error, SyntaxError):
        return f"{type(error).__name__}: {error.msg} (line {error.lineno})"[:MAX_ERROR]
    text = f"{type(error).__name__}: {error}"
    return (text[:MAX_ERROR - len(where)] + where)


DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)


def _definitions(source: str) -> ast.Module:
    """Only the top-level definitions of a cell: def, class, import, and assignments that call
    nothing (``CLIP = 500``, ``relu = lambda z: ...``)."""
    tree = ast.parse(source)
    tree.body = [node for node in tree.body if isinstance(node, DEFINITIONS) or (
        isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None
        and not _calls(node.value))]
    return tree


def _calls(node: ast.AST) -> bool:
    """Whether evaluating ``node`` calls anything (a lambda's body is not evaluated)."""
    if isinstance(node, ast.Lambda):
        return False
    if isinstance(node, ast.Call):
        return True
    return any(_calls(child) for child in ast.iter_child_nodes(node))


class _IPythonStandIn:
    """What ``get_ipython()`` gives a notebook's translated magics here: every call does nothing."""

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


class Worker:
    def __init__(self) -> None:
        ipython = _IPythonStandIn()
        self.namespace: dict = {"__name__": "__main__", "__builtins__": builtins,
                                "get_ipython": lambda: ipython,
                                "display": lambda *args, **kwargs: None}

    def run_cell(self, index: int, source: str, definitions_only: bool = False) -> dict:
        try:
            code = compile(_definitions(source) if definitions_only else source,
                           f"<cell {index}>", "exec")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                exec(code, self.namespace)
        except BaseException as error:  # SystemExit and KeyboardInterrupt included: a cell's fault
            return {"ok": False, "error": _error_text(error)}
        return {"ok": True}

    def call(self, function: str, args: list, kwargs: dict) -> dict:
        target = self.namespace.get(function)
        if target is None:
            return {"status": "missing"}
        if not callable(target):
            return {"status": "not_callable", "kind": type(target).__name__}
        live_args = decode(args)
        live_kwargs = {k: decode(v) for k, v in kwargs.items()}
        try:
            with warnings.catch_warnings(), _quiet_numpy():
                warnings.simplefilter("ignore")
                result = target(*live_args, **live_kwargs)
            value = describe(result)
        except BaseException as error:  # a student exit or interrupt is that case's failure
            return {"status": "raised", "error": _error_text(error)}
        try:
            inputs_after = [encode(a) for a in live_args] + [
                encode(live_kwargs[k]) for k in kwargs]
        except TypeError:
            inputs_after = None
        return {"status": "returned", "value": value, "inputs_after": inputs_after}


class _quiet_numpy:
    """np.errstate(all='ignore') without trusting whatever the student did to np.errstate."""

    def __enter__(self):
        import numpy
        self._saved = numpy.seterr(all="ignore")

    def __exit__(self, *exc):
        import numpy
        numpy.seterr(**self._saved)


GRADER_PACKAGES = ("autograder", "solutions", "exercises")


class _GraderImportRefused:
    """A meta-path finder: student code cannot import the grader's own packages."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.split(".")[0] in GRADER_PACKAGES:
            raise ImportError(f"{name} is the grader's, not importable from student code")
        return None


def _hide_the_grader() -> None:
    """The worker holds what it needs; the grader's modules (the activations the cases pass,
    the wire format) are taken out of student code's reach: out of sys.modules, and refused by
    import (Landlock keeps the files of solutions/ and exercises/ unreadable too)."""
    for name in [n for n in sys.modules if n.split(".")[0] in GRADER_PACKAGES]:
        del sys.modules[name]
    sys.meta_path.insert(0, _GraderImportRefused())


def main(argv: list[str]) -> None:
    serve(int(argv[1]), int(argv[2]))


def serve(command_fd: int, reply_fd: int) -> None:
    """Confine this process, say ready, then answer commands until the grader closes the pipe."""
    reader = os.fdopen(command_fd, "rb", buffering=0)
    send = framing.writer(reply_fd)
    sys.stdin = open(os.devnull)
    try:
        confinement = confine(os.getcwd())
    except OSError as error:
        confinement = f"unconfined ({error})"
    worker = Worker()
    _hide_the_grader()
    send({"ready": True, "confinement": confinement})
    while True:
        command = framing.read(reader)
        if command is None:
            return
        if command["op"] == "cell":
            reply = worker.run_cell(command["index"], command["source"],
                                    command.get("definitions_only", False))
        else:
            reply = worker.call(command["function"], command["args"], command["kwargs"])
        send({**reply, "seq": command["seq"]})


if __name__ == "__main__":
    main(sys.argv)
