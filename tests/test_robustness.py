"""Whatever a submission is or does, its student gets a recorded score and a reason, the other
students keep theirs, and the batch finishes with exit status 0."""

from __future__ import annotations

import copy
import os
import zipfile

import nbformat
import pytest
from conftest import REPO, grade_folder, student_notebook, submit

from autograder.confine import landlock_abi
from samples import CORRECT

FULL = 20.0


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """One batch holding every damaged or misbehaving submission, plus a correct one."""
    base = tmp_path_factory.mktemp("robustness")
    subs = base / "submitted"
    correct = student_notebook(CORRECT)
    submit(subs, "ok", correct)

    # --- damaged files
    submit(subs, "empty", raw=b"")
    submit(subs, "truncated", raw=nbformat.writes(correct).encode()[:5000])
    zipped = base / "nb.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("forward_pass.ipynb", nbformat.writes(correct))
    submit(subs, "zipped", raw=zipped.read_bytes())
    submit(subs, "python_file", raw=b"def sigmoid(z):\n    return 0\n", name="forward_pass.py")
    submit(subs, "json_not_notebook", raw=b'{"hello": 1}')
    (subs / "no_folder").mkdir()
    submit(subs, "renamed", correct, name="forward_pass (1).ipynb")
    submit(subs, "jupyter_copy", correct, name="forward_pass-Copy1.ipynb")
    flat = subs / "flat" / "forward_pass.ipynb"
    flat.parent.mkdir()
    nbformat.write(correct, flat)
    submit(subs, "two_unrelated", correct, name="a.ipynb")
    submit(subs, "two_unrelated", correct, name="b.ipynb")
    submit(subs, "beside_a_copy", correct)
    submit(subs, "beside_a_copy", raw=b"{broken", name="forward_pass (1).ipynb")
    cp949 = nbformat.writes(correct).encode("cp949", errors="replace")  # σ, ✓ have no CP949 form
    submit(subs, "cp949", raw=cp949)

    # --- edited notebooks
    stripped = student_notebook(CORRECT)
    for cell in stripped.cells:
        cell.metadata = {}
    submit(subs, "metadata_stripped", stripped)
    weakened = student_notebook({**CORRECT, "relu": "def relu(z):\n    return z"})
    for cell in weakened.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "relu_hidden_tests":
            cell.source = "assert True"
            cell.metadata["nbgrader"]["locked"] = False
    submit(subs, "weakened_test", weakened)
    duplicated = student_notebook(CORRECT)
    duplicated.cells.append(copy.deepcopy(
        next(c for c in duplicated.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "relu")))
    submit(subs, "duplicate_ids", duplicated)

    # --- misbehaving code
    def with_code(**changes):
        return student_notebook({**CORRECT, **changes})

    submit(subs, "hard_exit", with_code(relu="import os\ndef relu(z):\n    os._exit(0)"))
    submit(subs, "top_level_exit", with_code(relu=CORRECT["relu"] + "\nimport sys\nsys.exit()"))
    submit(subs, "memory_bomb", with_code(relu="def relu(z):\n    return np.ones((10**6, 10**6))"))
    submit(subs, "loud", with_code(relu=CORRECT["relu"].replace(
        "    z = np.asarray(z)", "    print('x' * 10_000_000)\n    z = np.asarray(z)")))
    submit(subs, "cheat_allclose", with_code(relu=(
        "np.allclose = lambda *a, **k: True\nnp.testing.assert_allclose = lambda *a, **k: None\n"
        "np.array_equal = lambda *a, **k: True\ndef relu(z):\n    return np.full(np.shape(z), 42.0)")))
    submit(subs, "cheat_eq", with_code(relu=(
        "class Anything:\n    shape = property(lambda self: (6,))\n    def __eq__(self, o): return True\n"
        "def relu(z):\n    return Anything()")))
    submit(subs, "warns", with_code(relu=CORRECT["relu"].replace(
        "    z = np.asarray(z)", "    import warnings; warnings.warn('careful')\n    z = np.asarray(z)")))
    submit(subs, "leaves_child", with_code(relu=CORRECT["relu"] + (
        "import os, subprocess, sys, threading, time\n"
        "threading.Thread(target=lambda: time.sleep(300), daemon=False).start()\n"
        "if os.fork() == 0:\n    os.setsid()\n    time.sleep(300)\n"
        "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)'])\n")))
    submit(subs, "uses_reference", with_code(relu=(
        "try:\n    from solutions.forward_pass import relu\nexcept BaseException:\n"
        "    exec(open('" + str(REPO / "solutions" / "forward_pass.py") + "').read())\n")))
    submit(subs, "kills_grader", with_code(relu=CORRECT["relu"] + (
        "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n")))
    forge = ("import os, sys, struct\n"
             "def _forge(body):\n"
             "    os.write(int(sys.argv[2]), struct.pack('>I', len(body)) + body)\n")
    submit(subs, "forged_nested", with_code(relu=forge + (
        "def relu(z):\n    _forge(b'[' * 200000 + b']' * 200000)\n    return 0\n")))
    submit(subs, "forged_bigint", with_code(relu=forge + (
        "def relu(z):\n    _forge(b'{\"status\": \"returned\", \"value\": {\"type\": \"int\", "
        "\"value\": 1' + b'0' * 400 + b'}, \"inputs_after\": null}')\n    return 0\n")))
    submit(subs, "realtime_signal", with_code(relu="import os\ndef relu(z):\n    os.kill(os.getpid(), 40)"))
    submit(subs, "huge_reply", with_code(relu="def relu(z):\n    return [[0.0] * 100000] * 23"))
    submit(subs, "vandal", with_code(relu=CORRECT["relu"] + (
        "import glob\nfor path in glob.glob('" + str(subs) + "/*/forward_pass/*.ipynb'):\n"
        "    try:\n        open(path, 'w').close()\n    except OSError:\n        pass\n")))
    submit(subs, "black_style", with_code(layer_forward=(
        "def layer_forward(W, x, activation=None):\n    W, x = np.asarray(W, dtype=float), np.asarray(x, dtype=float)\n"
        "    if (W.shape[1]\n            != x.shape[0]):\n        raise ValueError('shapes')\n"
        "    out = W @ x\n    return out if activation is None else activation(out)")))
    odd_ids = student_notebook(CORRECT)
    for cell in odd_ids.cells:
        if "nbgrader" in cell.metadata:
            cell.metadata["nbgrader"]["grade_id"] = [cell.metadata["nbgrader"]["grade_id"]]
    submit(subs, "grade_id_list", odd_ids)
    submit(subs, "deep_json", raw=b"[" * 100000 + b"]" * 100000)
    submit(subs, "bigint_json", raw=b'{"cells": [], "x": 1' + b"0" * 5000 + b"}")
    submit(subs, "v3_garbage", raw=b'{"nbformat": 3, "worksheets": [1, {"cells": 5}, {"cells": [[1, 2]]}]}')
    cp949_name = os.fsdecode("김철수".encode("cp949"))
    submit(subs, cp949_name, correct)
    submit(subs, "x" * 250, correct)
    submit(subs, "stalls_the_grader", with_code(relu=forge + CORRECT["relu"] + (
        "import time\n_forge(b'{\"ok\": true}')\ntime.sleep(100000)\n"),
        neuron_output="# " + "padding " * 20000 + "\n" + CORRECT["neuron_output"]))
    slow = student_notebook(CORRECT)
    for _ in range(7):  # each cell within its 10 s limit, all of them past the 60 s budget
        slow.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(9)"))
    submit(subs, "slow_cells", slow)
    submit(subs, "top_level_loop", with_code(relu=CORRECT["relu"] + "\nwhile True:\n    pass"))
    return {**grade_folder(subs, base / "out"), "submitted": subs}


def test_every_student_gets_exactly_one_row(graded):
    students = len(list(graded["submitted"].iterdir()))
    assert len(graded["rows"]) == len(graded["results"]) == students == 41


def test_the_correct_submission_is_unaffected_by_the_others(graded):
    assert float(graded["rows"]["ok"]["total"]) == FULL


@pytest.mark.parametrize("student, reason", [
    ("empty", "is empty"),
    ("truncated", "JSON is broken"),
    ("zipped", "zip archive"),
    ("python_file", "expected forward_pass.ipynb, found forward_pass.py"),
    ("json_not_notebook", "not a Jupyter notebook"),
    ("no_folder", "expected forward_pass.ipynb, found no files"),
    ("two_unrelated", "found several notebooks (a.ipynb, b.ipynb)"),
    ("deep_json", "its JSON cannot be read"),
    ("bigint_json", "its JSON cannot be read"),
    ("v3_garbage", "has no code cells"),
])
def test_an_ungradable_file_scores_zero_with_a_reason(graded, student, reason):
    result = graded["results"][student]
    assert result["score"] == 0
    assert reason in result["output"]


@pytest.mark.parametrize("student", ["renamed", "jupyter_copy", "flat", "beside_a_copy", "cp949",
                                     "black_style", "grade_id_list", "김철수", "x" * 250,
                                     "stalls_the_grader", "metadata_stripped", "duplicate_ids",
                                     "warns", "loud"])
def test_edited_but_correct_notebooks_get_full_marks(graded, student):
    assert graded["results"][student]["score"] == FULL, graded["results"][student]


@pytest.mark.parametrize("student, note", [
    ("renamed", "expected forward_pass.ipynb, found forward_pass (1).ipynb; graded it"),
    ("jupyter_copy", "found forward_pass-Copy1.ipynb; graded it"),
    ("flat", "one level above the expected forward_pass/ folder"),
    ("beside_a_copy", "also found forward_pass (1).ipynb; graded forward_pass.ipynb"),
])
def test_a_misnamed_or_misplaced_notebook_is_graded_with_a_note(graded, student, note):
    assert note in graded["results"][student]["output"]


def test_a_weakened_test_cell_changes_nothing(graded):
    assert float(graded["rows"]["weakened_test"]["relu"]) < 2


needs_landlock = pytest.mark.skipif(landlock_abi() < 6, reason="this kernel has no Landlock ABI 6")


@needs_landlock
def test_the_reference_is_out_of_reach_of_student_code(graded):
    result = graded["results"]["uses_reference"]
    assert "PermissionError" in result["output"] and result["extra_data"]["confinement"].startswith("landlock")


@pytest.mark.parametrize("student", ["hard_exit", "memory_bomb", "cheat_allclose", "cheat_eq",
                                     "uses_reference", "forged_nested", "forged_bigint",
                                     "realtime_signal", "huge_reply"])
def test_misbehaving_relu_costs_only_relu(graded, student):
    row = graded["rows"][student]
    assert float(row["relu"]) == 0
    assert float(row["total"]) == FULL - 2


@pytest.mark.parametrize("student", ["top_level_exit", "leaves_child", "top_level_loop",
                                     "kills_grader", "vandal"])
def test_misbehaving_top_level_code_keeps_the_functions(graded, student):
    assert graded["results"][student]["score"] == FULL, graded["results"][student]


def test_a_top_level_infinite_loop_is_reported(graded):
    assert "did not finish" in graded["results"]["top_level_loop"]["output"]
    assert "only its definitions" in graded["results"]["top_level_loop"]["output"]


def test_a_submission_is_stopped_by_its_time_budget(graded):
    result = graded["results"]["slow_cells"]
    assert result["score"] == 0 and 59 < result["execution_time"] < 75
    assert "used up its time budget of 60 s" in result["output"]
    assert all("시간 예산(time budget)" in t["output"] for t in result["tests"])


@needs_landlock
def test_no_student_can_touch_another_students_notebook(graded):
    assert graded["results"]["ok"]["score"] == FULL  # graded after vandal, in name order
    for path in graded["submitted"].glob("*/forward_pass/*.ipynb"):
        assert path.stat().st_size > 0 or path.parent.parent.name == "empty"


def test_output_is_capped(graded):
    kept = graded["results"]["loud"]["extra_data"]["student_output"]
    assert len(kept) < 100_000 and "more bytes of output not kept" in kept


def test_nothing_the_students_started_is_left_running(graded):
    # each student's processes work in a folder named after the student (grade-<id>-...)
    leftovers = [p for p in os.listdir("/proc") if p.isdigit() and "grade-leaves_child-" in _cwd(p)]
    assert leftovers == []


def _cwd(pid: str) -> str:
    try:
        return os.readlink(f"/proc/{pid}/cwd")
    except OSError:
        return ""
