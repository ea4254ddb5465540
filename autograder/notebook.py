"""Reading a submitted notebook leniently, and choosing which of its cells run.

A submission is read as JSON, not trusted to be a valid nbgrader notebook: editors strip
metadata, students copy cells, files arrive in other encodings. What runs is every code cell
except the tests (the grader's own tests replace them): cells marked as tests, cells whose
grade_id names a test in the release, and unmarked cells identical to a release test.
Read-only (locked) instructor cells run in the release's version.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from autograder.messages import Text, message


MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024
# Code the grader reads (compiles, translates IPython syntax) before any limit applies: a whole
# solution is a few KiB; more is pasted or generated data, refused before it costs seconds.
MAX_CODE_BYTES = 256 * 1024


class NotGradable(Exception):
    """The submission cannot be graded at all: ``text`` is the reason shown to people, in every
    language (``str()`` gives the English)."""

    def __init__(self, key: str, **fields: object) -> None:
        self.text = message(key, **fields)
        super().__init__(self.text.en)


@dataclass(frozen=True)
class CodeCell:
    index: int  # position among the notebook's cells, 1-based, as a person counts
    source: str


@dataclass(frozen=True)
class ReleaseCells:
    """What the grader needs to know of the release notebook."""

    test_ids: frozenset[str]
    test_sources: frozenset[str]
    locked_sources: dict  # grade_id -> source of read-only, non-test instructor cells
    visible_tests: tuple = ()  # (grade_id, source) of the tests students see, in notebook order

    @classmethod
    def from_notebook(cls, path: Path) -> "ReleaseCells":
        cells = _cells(_load_json(path.read_bytes(), path.name), path.name)
        test_ids, test_sources, locked, visible = set(), set(), {}, []
        for cell in cells:
            meta = _nbgrader_meta(cell)
            if cell.get("cell_type") != "code" or not meta:
                continue
            grade_id = meta.get("grade_id")
            if meta.get("grade") and not meta.get("solution"):
                test_ids.add(grade_id)
                test_sources.add(_normalized(_source(cell)))
                if not meta.get("points"):  # a test worth no points is a check for students
                    visible.append((grade_id, _source(cell)))
            elif meta.get("locked") and not meta.get("solution"):
                locked[grade_id] = _source(cell)
        return cls(frozenset(test_ids), frozenset(test_sources), locked, tuple(visible))


def find_notebook(student_dir: Path, expected_name: str) -> tuple[Path, list[Text]]:
    """The notebook to grade for one student, and notes on how it was chosen.

    ``student_dir`` is ``<submissions>/<student_id>/<assignment>``. The expected name wins; else
    the one notebook there (``forward_pass (1).ipynb``, ``forward_pass-Copy1.ipynb``), or the one
    whose name holds the assignment's; else the notebook placed one level up, in the student's
    folder itself. Anything else is not gradable, with what was found.
    """
    for link in (student_dir.parent, student_dir):
        if link.is_symlink():
            raise NotGradable("nb_link", name=link.name)
    places = [(student_dir, ""), (student_dir.parent, "note_one_level_up")]
    misnamed = misnamed_folders(student_dir, expected_name)
    if len(misnamed) == 1:  # e.g. forwardpass/ for forward_pass/
        places.append((misnamed[0], "note_misnamed_folder"))
    for folder, where in places:
        notebooks = _notebooks(folder)
        if (folder / expected_name).is_file():
            path = folder / expected_name
        else:
            stem = Path(expected_name).stem.lower()
            named = [p for p in notebooks if stem in p.stem.lower().replace(" ", "_")]
            chosen = notebooks if len(notebooks) == 1 else named if len(named) == 1 else []
            if not chosen:
                if len(notebooks) > 1:
                    names = ", ".join(p.name for p in notebooks)
                    raise NotGradable("nb_several", expected=expected_name, names=names)
                continue
            path = chosen[0]
        notes = [] if path.name == expected_name else [
            message("note_renamed", expected=expected_name, found=path.name)]
        if where:
            notes.append(message(where, found=path.name, folder=student_dir.name, other=folder.name))
        others = [p.name for p in notebooks if p != path]
        if others and path.name == expected_name:
            notes.append(message("note_also_found", others=", ".join(others), expected=expected_name))
        return path, notes
    if not student_dir.is_dir():
        raise NotGradable("nb_no_folder", folder=student_dir.name, expected=expected_name, found=_listing(
            p.name + ("/" if p.is_dir() else "") for p in sorted(student_dir.parent.iterdir())))
    raise NotGradable("nb_not_found", expected=expected_name,
                      found=_listing(p.name for p in sorted(student_dir.iterdir())))


def _listing(names) -> str:
    """What a folder holds, as a reason shows it: ten names, then how many more ("-" if none)."""
    names = list(names)
    return ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "") or "-"


def misnamed_folders(student_dir: Path, expected_name: str) -> list[Path]:
    """Other folders of the student's that hold the expected notebook (``forwardpass/``)."""
    return [d for d in _subfolders(student_dir.parent)
            if d.name != student_dir.name and (d / expected_name).is_file()]


def submission_folders(student_dir: Path, expected_name: str) -> list[Path]:
    """Every folder ``find_notebook`` may take the notebook from: the student's own folder, the
    assignment folder, a misspelled one. What identifies a submission (its fingerprint, the
    files sent to a cluster) is their files."""
    return [student_dir.parent, student_dir, *misnamed_folders(student_dir, expected_name)]


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink())
    except OSError:
        return []


def _notebooks(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.ipynb") if p.is_file() or p.is_symlink())


def _submitted_cells(path: Path) -> list[dict]:
    """The cells of a submitted notebook: a real file (never a link, which could point at the
    source notebook or another student's), of a sane size, that reads as a notebook."""
    if path.is_symlink():
        raise NotGradable("nb_link", name=path.name)
    if path.stat().st_size > MAX_NOTEBOOK_BYTES:
        raise NotGradable("nb_too_big", name=path.name, size=path.stat().st_size // 2**20,
                          limit=MAX_NOTEBOOK_BYTES // 2**20)
    return _cells(_load_json(path.read_bytes(), path.name), path.name)


def read_code_cells(path: Path, release: ReleaseCells) -> list[CodeCell]:
    """The code cells of a submission that run before grading (not its tests)."""
    cells = _submitted_cells(path)
    runnable, code_bytes = [], 0
    for position, cell in enumerate(cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        source = _source(cell)
        meta = _nbgrader_meta(cell)
        grade_id = meta.get("grade_id")
        is_test = (meta.get("grade") and not meta.get("solution")) or grade_id in release.test_ids
        if is_test or _normalized(source) in release.test_sources:
            continue
        if grade_id in release.locked_sources and not meta.get("solution"):
            source = release.locked_sources[grade_id]
        code_bytes += len(source.encode("utf-8", "surrogatepass"))
        if code_bytes > MAX_CODE_BYTES:
            raise NotGradable("nb_too_much_code", name=path.name, limit=MAX_CODE_BYTES // 1024,
                              cell=position)
        runnable.append(CodeCell(position, source))
    runnable = [CodeCell(cell.index, _without_magics(cell.source)) for cell in runnable]
    if not runnable:
        raise NotGradable("nb_no_code", name=path.name)
    return runnable


def student_cells(path: Path, release: ReleaseCells) -> list[str]:
    """The code a student wrote: every code cell that is not the release's own (tests, setup)."""
    cells = _submitted_cells(path)
    own = []
    for cell in cells:
        meta = _nbgrader_meta(cell)
        source = _source(cell)
        is_test = (meta.get("grade") and not meta.get("solution")) or meta.get("grade_id") in release.test_ids
        locked = meta.get("grade_id") in release.locked_sources and not meta.get("solution")
        if cell.get("cell_type") == "code" and source.strip() and not (
                is_test or locked or _normalized(source) in release.test_sources):
            own.append(source)
    return own


def _load_json(raw: bytes, name: str) -> dict:
    if not raw.strip():
        raise NotGradable("nb_empty", name=name)
    if raw[:2] == b"PK":
        raise NotGradable("nb_zip", name=name)
    text = _decode(raw)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise NotGradable("nb_broken_json", name=name, line=error.lineno, column=error.colno,
                          detail=error.msg) from None
    except (ValueError, RecursionError) as error:  # e.g. a 5,000-digit number, 100,000 nested [
        raise NotGradable("nb_unreadable_json", name=name, kind=type(error).__name__) from None
    if not isinstance(data, dict) or not ("cells" in data or "worksheets" in data):
        raise NotGradable("nb_not_notebook", name=name, why="no 'cells'")
    return data


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or the Korean legacy encoding CP949."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16")
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _cells(data: dict, name: str) -> list[dict]:
    if "cells" in data:
        cells = data["cells"]
    else:  # nbformat 3: cells inside worksheets, code in "input"
        sheets = data.get("worksheets")
        cells = [dict(c, source=c.get("input", c.get("source", "")))
                 for w in (sheets if isinstance(sheets, list) else []) if isinstance(w, dict)
                 for c in (w.get("cells") if isinstance(w.get("cells"), list) else [])
                 if isinstance(c, dict)]
    if not isinstance(cells, list):
        raise NotGradable("nb_not_notebook", name=name, why="'cells' is not a list")
    return [c for c in cells if isinstance(c, dict)]


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    if isinstance(source, list):
        return "".join(s for s in source if isinstance(s, str))
    return source if isinstance(source, str) else ""


def _nbgrader_meta(cell: dict) -> dict:
    """The cell's nbgrader metadata, with a grade_id that is a string or absent."""
    meta = cell.get("metadata")
    meta = meta.get("nbgrader") if isinstance(meta, dict) else None
    if not isinstance(meta, dict):
        return {}
    if not isinstance(meta.get("grade_id"), str):
        meta = {k: v for k, v in meta.items() if k != "grade_id"}
    return meta


def _normalized(source: str) -> str:
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


def _without_magics(source: str) -> str:
    """IPython magics and shell escapes (``%time``, ``!pip``) are not Python: a cell that does not
    compile is translated as IPython would (the worker answers ``get_ipython()`` calls with
    nothing), or has such lines blanked out, whichever compiles; otherwise it stays as written
    (so its own SyntaxError is reported)."""
    try:
        compile(source, "<cell>", "exec", dont_inherit=True)
        return source
    except Exception:  # noqa: BLE001 - any compile failure (even RecursionError) is the student's
        pass
    try:  # IPython's own translation: `np.where?`, `t = %timeit -o f()`, `files = !ls`
        from IPython.core.inputtransformer2 import TransformerManager
        translated = TransformerManager().transform_cell(source)
        compile(translated, "<cell>", "exec", dont_inherit=True)
        return translated
    except Exception:  # noqa: BLE001 - not IPython either: try blanking the magic lines
        pass
    blanked = "\n".join(re.sub(r"^(\s*)[%!].*$", r"\1pass", line) for line in source.splitlines())
    try:
        compile(blanked, "<cell>", "exec", dont_inherit=True)
        return blanked
    except Exception:  # noqa: BLE001 - reported when the worker compiles the cell as written
        return source
