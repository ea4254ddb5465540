"""Gradescope: an ``autograder.zip`` that grades one submission on Gradescope's image.

Gradescope unpacks the zip into ``/autograder/source``, runs ``setup.sh`` once when building the
image, then ``run_autograder`` for each submission, which must write
``/autograder/results/results.json`` from the files in ``/autograder/submission``. Ours installs
this package (editable, so the reference stays outside the paths student code may read) and
grades with the same isolated student processes as ``autograder grade``.

    python -m autograder.gradescope grade ASSIGNMENT ROOT   # what run_autograder calls
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

SETUP = """#!/usr/bin/env bash
# Gradescope image build: Python 3.11+ and this package (editable: see autograder/confine.py).
set -euo pipefail
apt-get update -q
PYTHON=python3
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    apt-get install -y -q python3.11 python3.11-venv   # Ubuntu 22.04 images: python3 is 3.10
    PYTHON=python3.11
else
    apt-get install -y -q python3-venv python3-pip
fi
"$PYTHON" -m venv /autograder/venv
/autograder/venv/bin/pip install -q -e /autograder/source
"""

RUN = """#!/usr/bin/env bash
# Gradescope, once per submission: grade /autograder/submission into results/results.json.
set -euo pipefail
ROOT="${{AUTOGRADER_ROOT:-/autograder}}"   # another root only to try this outside Gradescope
PYTHON="${{AUTOGRADER_PYTHON:-$ROOT/venv/bin/python}}"
cd "$ROOT/source"
exec "$PYTHON" -m autograder.gradescope grade {assignment} "$ROOT"
"""

PACKAGED = ("pyproject.toml", "README.md", "LICENSE", "nbgrader_config.py", "autograder",
            "solutions", "exercises")


def build_zip(course: Path, assignment, out: Path) -> Path:
    """The zip: setup.sh, run_autograder, the package, and the assignment's release notebook."""
    release = course / "release" / assignment.name / assignment.notebook
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("setup.sh", SETUP), ("run_autograder", RUN.format(assignment=assignment.name))):
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o755 << 16
            archive.writestr(info, text)
        for top in PACKAGED:
            path = course / top
            files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()
                                                         and "__pycache__" not in p.parts)
            for file in files:
                archive.write(file, file.relative_to(course).as_posix())
        archive.write(release, release.relative_to(course).as_posix())
    return out


def grade(assignment_name: str, root: Path) -> dict:
    """Grade the notebook in ``root/submission``; write and return ``root/results/results.json``."""
    from autograder import assignment as assignments
    from autograder.grading import Reference, grade_submission
    from autograder.notebook import ReleaseCells
    from autograder.results import write_student_json

    assignment = assignments.load(assignment_name)
    source = root / "source"
    release = ReleaseCells.from_notebook(source / "release" / assignment.name / assignment.notebook)
    # the zip ships solutions/: without Landlock a submission could read them, so grade nothing
    result = grade_submission(assignment, Reference.compute(assignment), release, "submission",
                              root / "submission", require_confinement=True)
    target = root / "results" / "results.json"
    write_student_json(target, result)
    return json.loads(target.read_text(encoding="utf-8"))


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "grade":
        sys.exit("usage: python -m autograder.gradescope grade ASSIGNMENT ROOT")
    grade(sys.argv[2], Path(sys.argv[3]))
