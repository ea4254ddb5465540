"""The generated notebooks stay what their sources make: the source notebook from exercises/ and
solutions/, the release from nbgrader; and the release holds nothing secret."""

from __future__ import annotations

import re

import nbformat
import pytest
from conftest import REPO

from autograder import build
from autograder.assignment import AssignmentError, load
from solutions import forward_pass as reference

ASSIGNMENT = load("forward_pass")
RELEASE = REPO / "release" / "forward_pass" / "forward_pass.ipynb"


def _cells(path):
    notebook = nbformat.read(path, 4)
    return [(c.cell_type, c.source, c.metadata.get("nbgrader")) for c in notebook.cells]


def test_source_notebook_is_what_the_build_makes():
    built = build.source_notebook(ASSIGNMENT)
    committed = nbformat.read(build.source_path(REPO, ASSIGNMENT), 4)
    assert built == committed, "source/ is stale: run `autograder build forward_pass`"


def test_release_is_what_nbgrader_makes_of_the_source(course):
    (course / "release").rename(course / "release-committed")
    build.generate_release(course, ASSIGNMENT)
    assert _cells(course / "release" / "forward_pass" / "forward_pass.ipynb") == _cells(RELEASE), (
        "release/ is stale: run `make release`")
    assert sorted(p.name for p in (course / "release" / "forward_pass").iterdir()) == ["forward_pass.ipynb"]


def test_release_holds_no_solution_hidden_test_or_reference():
    text = RELEASE.read_text(encoding="utf-8")
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "hidden_tests_score"):
        assert marker not in text
    assert not re.search(r"\b(import|from)\s+solutions\b", text)
    assert "solutions." not in text
    # no line of any reference body reaches the release
    for function in ASSIGNMENT.function_names:
        body = build.solution_source(getattr(reference, function)).split("### BEGIN SOLUTION")[1]
        for line in body.split("### END SOLUTION")[0].splitlines():
            if len(line.strip()) > 12:
                assert line.strip() not in text, f"{function}: {line.strip()!r} leaked"


def test_every_graded_function_has_a_stub_visible_and_hidden_cell_with_its_points():
    cells = nbformat.read(build.source_path(REPO, ASSIGNMENT), 4).cells
    meta = {c.metadata["nbgrader"]["grade_id"]: c for c in cells if "nbgrader" in c.metadata}
    for graded in ASSIGNMENT.functions:
        assert meta[graded.name].metadata["nbgrader"]["solution"]
        assert meta[f"{graded.name}_visible_tests"].metadata["nbgrader"]["points"] == 0
        assert meta[f"{graded.name}_hidden_tests"].metadata["nbgrader"]["points"] == graded.points
        assert f"def {graded.name}(" in meta[graded.name].source
    release = {c.metadata["nbgrader"]["grade_id"]: c for c in nbformat.read(RELEASE, 4).cells
               if "nbgrader" in c.metadata}
    for graded in ASSIGNMENT.functions:
        assert "raise NotImplementedError()" in release[graded.name].source


SPEC = REPO / "exercises" / "forward_pass" / "spec.md"  # the course's assignment spec, committed


def test_the_committed_spec_is_the_courses():
    shared = REPO.parent / "shared" / "assignment-spec.md"  # the course's copy, where it is checked out
    if not shared.exists():
        pytest.skip("no ../shared/assignment-spec.md beside the repository to compare with")
    assert SPEC.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8"), \
        "exercises/forward_pass/spec.md differs from ../shared/assignment-spec.md: copy the new spec in"


def test_signatures_in_the_notebook_are_the_specs():
    spec = SPEC
    signatures = re.findall(r"^\| `(\w+\([^`]*\))`", spec.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert len(signatures) == len(ASSIGNMENT.function_names)
    code = "\n".join(source for kind, source, _ in _cells(RELEASE) if kind == "code")
    for signature in signatures:
        assert f"def {signature}:" in code, signature


def test_text_before_the_first_marker_is_an_instructor_error():
    with pytest.raises(AssignmentError, match="text before the first"):
        build.parse_cells("stray text\n%% markdown\nhello")
