"""Write the sample submissions (examples/samples.py) from the release notebook.

    python examples/make_samples.py [--out examples/submitted]

Each sample is the release notebook with some solution cells (found by their nbgrader grade_id)
replaced by that student's code, as a student would have saved it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from samples import SAMPLES  # noqa: E402

RELEASE = HERE.parent / "release" / "forward_pass" / "forward_pass.ipynb"


def write_samples(out: Path, release: Path = RELEASE) -> list[Path]:
    if out.exists():
        shutil.rmtree(out)
    written = []
    for student_id, sample in SAMPLES.items():
        notebook = nbformat.read(release, as_version=4)
        for cell in notebook.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if cell.metadata.get("nbgrader", {}).get("solution") and grade_id in sample.code:
                cell.source = sample.code[grade_id].strip("\n")
        path = out / student_id / "forward_pass" / "forward_pass.ipynb"
        path.parent.mkdir(parents=True)
        nbformat.write(notebook, path)
        written.append(path)
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "submitted")
    for path in write_samples(parser.parse_args().out):
        print(f"wrote {path.relative_to(HERE.parent) if path.is_relative_to(HERE.parent) else path}")
