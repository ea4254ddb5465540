"""Building an assignment's notebooks: source from its parts, release with nbgrader.

The source notebook ``source/<name>/<notebook>`` is generated, never edited by hand:
- prose, setup and visible tests from ``exercises/<name>/notebook.md``;
- each solution cell from the reference function in the reference module (the one place the
  reference code is written), its body between nbgrader's solution markers;
- each hidden-test cell calling ``autograder.in_kernel.hidden_tests_score``, worth the points in
  ``assignment.toml``.
The release is what ``nbgrader generate_assignment`` makes of the source.

``notebook.md`` is a list of cells, each opened by a marker line: ``%% markdown``, ``%% setup``,
``%% solution NAME``, ``%% visible NAME`` or ``%% hidden NAME`` (solution and hidden bodies are
empty: they are generated).
"""

from __future__ import annotations

import ast
import importlib
import importlib.resources
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path


from autograder.assignment import Assignment, AssignmentError

MARKER = re.compile(r"^%% (markdown|setup|solution|visible|hidden)(?: (\w+))?\s*$")
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def parse_cells(text: str) -> list[tuple[str, str | None, str]]:
    """``notebook.md`` as (kind, function name or None, body) triples."""
    cells: list[tuple[str, str | None, list[str]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = MARKER.match(line)
        if match:
            cells.append((match.group(1), match.group(2), []))
        elif cells:
            cells[-1][2].append(line)
        elif line.strip():
            raise AssignmentError(f"notebook.md line {number}: text before the first '%%' marker")
    return [(kind, name, "\n".join(body).strip("\n")) for kind, name, body in cells]


def solution_source(function) -> str:
    """The function's source with its body (after the docstring) between solution markers."""
    source = inspect.getsource(function)
    lines = source.splitlines()
    node = ast.parse(source).body[0]
    first_body = node.body[1] if ast.get_docstring(node) is not None else node.body[0]
    split = first_body.lineno - 1
    indent = " " * first_body.col_offset
    return "\n".join(lines[:split] + [f"{indent}### BEGIN SOLUTION", *lines[split:],
                                      f"{indent}### END SOLUTION"])


def hidden_source(assignment: Assignment, function: str) -> str:
    return "\n".join([
        f"# 숨은 테스트 (hidden tests): 채점할 때 더 많은 경우로 `{function}` 을(를) 검사합니다.",
        "# 이 셀은 지우거나 고치지 마세요.",
        "### BEGIN HIDDEN TESTS",
        "from autograder.in_kernel import hidden_tests_score",
        f'hidden_tests_score("{assignment.name}", "{function}", {function})',
        "### END HIDDEN TESTS",
    ])


def _meta(grade_id: str, *, solution=False, grade=False, locked=False, points=None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution}
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def source_notebook(assignment: Assignment):
    """The source notebook (an nbformat NotebookNode)."""
    import nbformat  # imported here: it takes ~2 s to import, and grading never needs it
    text = (importlib.resources.files(f"exercises.{assignment.name}") / "notebook.md").read_text(
        encoding="utf-8")
    module = importlib.import_module(assignment.reference_module)
    cells, seen = [], []
    for kind, name, body in parse_cells(text):
        if kind in ("solution", "visible", "hidden") and name not in assignment.function_names:
            raise AssignmentError(f"notebook.md: '%% {kind} {name}' names no graded function "
                                  f"(graded: {', '.join(assignment.function_names)})")
        if kind == "markdown":
            cells.append(nbformat.v4.new_markdown_cell(body))
        elif kind == "setup":
            cells.append(nbformat.v4.new_code_cell(body, metadata=_meta("setup", locked=True)))
        elif kind == "solution":
            cells.append(nbformat.v4.new_code_cell(solution_source(getattr(module, name)),
                                                   metadata=_meta(name, solution=True)))
        elif kind == "visible":
            cells.append(nbformat.v4.new_code_cell(body, metadata=_meta(
                f"{name}_visible_tests", grade=True, locked=True, points=0)))
        else:
            seen.append(name)
            cells.append(nbformat.v4.new_code_cell(hidden_source(assignment, name), metadata=_meta(
                f"{name}_hidden_tests", grade=True, locked=True,
                points=assignment.function(name).points)))
    missing = [f for f in assignment.function_names if f not in seen]
    if missing:
        raise AssignmentError(f"notebook.md has no '%% hidden' cell for {', '.join(missing)}")
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number:03d}"  # stable ids, so a rebuild changes nothing
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    return notebook


def source_path(course: Path, assignment: Assignment) -> Path:
    return course / "source" / assignment.name / assignment.notebook


def release_path(course: Path, assignment: Assignment) -> Path:
    return course / "release" / assignment.name / assignment.notebook


def write_source(course: Path, assignment: Assignment) -> Path:
    path = source_path(course, assignment)
    path.parent.mkdir(parents=True, exist_ok=True)
    import nbformat
    nbformat.write(source_notebook(assignment), path)
    return path


def tool_environment() -> dict[str, str]:
    """The environment for nbgrader: it calls ``alembic`` by name, so this interpreter's
    scripts folder goes first on PATH even when the virtualenv is not activated."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def generate_release(course: Path, assignment: Assignment) -> Path:
    """Run ``nbgrader generate_assignment`` on the source (nbgrader makes the release)."""
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", assignment.name, "--force",
         f"--CourseDirectory.root={course}"],
        cwd=course, capture_output=True, text=True, env=tool_environment())
    if result.returncode != 0:
        raise AssignmentError(f"nbgrader generate_assignment {assignment.name} failed "
                              f"(exit {result.returncode}):\n{result.stdout}{result.stderr}")
    return release_path(course, assignment)
