#!/usr/bin/env python
"""Benchmark `autograder grade` (and compare it with `nbgrader autograde`) on N generated submissions.

    .venv/bin/python benchmarks/bench.py --n 200                 # autograder on 200, nbgrader on the first 40
    .venv/bin/python benchmarks/bench.py --n 200 --nbgrader-n 200  # nbgrader on all 200 (slow)
    .venv/bin/python benchmarks/bench.py --sizes 100,1000,5000   # autograder only, cost per submission by size

Everything happens in a scratch course directory (tempfile; removed at the end unless --keep):
the repository's nbgrader_config.py, source/ and release/ are copied there, nothing in the
repository is written. The script prints figures and never asserts anything about time.

The submissions are the release notebook (read with nbformat) with solution cells replaced, in a
fixed, deterministic mix (see ``kind_of``): per block of 100 submissions one untouched release,
one crashing submission, one infinite loop (``han_infinite_loop``); the other 97 cycle through the
correct solution and the five sample mistakes of examples/samples.py (park, choi, jung, kang, yoon).

Memory: the grader is started under a small fresh Python wrapper process, which reports
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` after the grader exits: the largest resident
set of any single process of the tree (the grader or one student process), since Linux keeps the
maximum, not the sum. A fresh wrapper per run means earlier runs cannot raise the figure. When
psutil is importable the script also samples the whole tree (grader + student processes) every
``--sample`` seconds and reports the peak of the summed RSS and of the grader process alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ASSIGNMENT = "forward_pass"
NOTEBOOK = "forward_pass.ipynb"

sys.path.insert(0, str(REPO / "examples"))
from samples import CORRECT, SAMPLES, expected_total  # noqa: E402

try:
    import psutil
except ImportError:  # the sampled figures are then left out
    psutil = None

# --------------------------------------------------------------------------------------------
# The submissions
# --------------------------------------------------------------------------------------------

# A crash, not an exception: relu ends the student's process (kernel, for nbgrader) on 2-D input.
CRASHING_RELU = '''
import os
def relu(z):
    z = np.asarray(z)
    if z.ndim >= 2:
        os._exit(1)   # the process dies: no exception, no reply
    return np.where(z > 0, z, 0)
'''

KINDS: dict[str, dict[str, str]] = {
    "correct": CORRECT,                                   # kim_correct
    "park": SAMPLES["park_x_at_W"].code,
    "choi": SAMPLES["choi_last_layer_linear"].code,
    "jung": SAMPLES["jung_mse_sum"].code,
    "kang": SAMPLES["kang_raises"].code,
    "yoon": SAMPLES["yoon_syntax_error"].code,
    "untouched": {},                                      # lee_untouched
    "crash": {**CORRECT, "relu": CRASHING_RELU},
    "loop": SAMPLES["han_infinite_loop"].code,            # han_infinite_loop
}
# What examples/samples.py says each kind scores (crash: every relu case that is not 2-D passes).
EXPECTED = {
    "correct": expected_total(SAMPLES["kim_correct"]),
    "park": expected_total(SAMPLES["park_x_at_W"]),
    "choi": expected_total(SAMPLES["choi_last_layer_linear"]),
    "jung": expected_total(SAMPLES["jung_mse_sum"]),
    "kang": expected_total(SAMPLES["kang_raises"]),
    "yoon": expected_total(SAMPLES["yoon_syntax_error"]),
    "untouched": expected_total(SAMPLES["lee_untouched"]),
    "crash": None,  # from the current relu cases: see crash_expected()
    "loop": expected_total(SAMPLES["han_infinite_loop"]),
}


def crash_expected() -> float:
    """Full marks except relu, which keeps the share of its cases that are not 2-D or more."""
    import numpy as np
    from autograder.assignment import load
    from autograder.results import function_score
    assignment = load(ASSIGNMENT)
    relu = assignment.function("relu")
    passed = sum(np.ndim(case.args[0]) < 2 for case in relu.cases)
    return round(assignment.max_score - relu.points + function_score(relu.points, passed,
                                                                         len(relu.cases)), 4)


EXPECTED["crash"] = crash_expected()
SPECIAL_SLOTS = {3: "untouched", 5: "crash", 7: "loop"}  # within each block of 100
CYCLE = ["correct", "park", "correct", "choi", "correct", "jung", "correct", "kang", "correct", "yoon"]


def kind_of(index: int) -> str:
    """The deterministic mix: slots 3, 5, 7 of every hundred are special, the rest cycle."""
    slot = index % 100
    if slot in SPECIAL_SLOTS:
        return SPECIAL_SLOTS[slot]
    ordinary = (index // 100) * 97 + slot - sum(1 for s in SPECIAL_SLOTS if s < slot)
    return CYCLE[ordinary % len(CYCLE)]


def student_id(index: int) -> str:
    return f"s{index:05d}_{kind_of(index)}"


def kind_of_id(sid: str) -> str:
    return sid.split("_", 1)[1]


def student_notebook_bytes(code: dict[str, str]) -> bytes:
    """The release notebook with the given solution cells (by grade_id) replaced, as written by
    nbformat (the same recipe as tests/conftest.py's ``student_notebook``)."""
    import nbformat
    notebook = nbformat.read(REPO / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and meta.get("grade_id") in code:
            cell.source = code[meta["grade_id"]].strip("\n")
    return nbformat.writes(notebook).encode("utf-8")


_NOTEBOOKS: dict[str, bytes] = {}


def write_submissions(folder: Path, n: int) -> dict[str, int]:
    """N submissions in nbgrader's layout <folder>/<student_id>/forward_pass/forward_pass.ipynb."""
    if not _NOTEBOOKS:
        _NOTEBOOKS.update({kind: student_notebook_bytes(code) for kind, code in KINDS.items()})
    counts: dict[str, int] = {}
    for index in range(n):
        kind = kind_of(index)
        path = folder / student_id(index) / ASSIGNMENT / NOTEBOOK
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_NOTEBOOKS[kind])
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def scratch_course(root: Path) -> Path:
    course = root / "course"
    course.mkdir()
    shutil.copy(REPO / "nbgrader_config.py", course)
    shutil.copytree(REPO / "source", course / "source")
    shutil.copytree(REPO / "release", course / "release")
    return course


# --------------------------------------------------------------------------------------------
# Running and measuring
# --------------------------------------------------------------------------------------------

WRAPPER = r"""
import json, resource, subprocess, sys
report, out, err = sys.argv[1:4]
with open(out, "wb") as o, open(err, "wb") as e:
    code = subprocess.run(sys.argv[4:], stdout=o, stderr=e, stdin=subprocess.DEVNULL).returncode
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(report, "w") as f:
    json.dump({"returncode": code, "maxrss_kb": ru.ru_maxrss, "user_s": ru.ru_utime,
               "sys_s": ru.ru_stime}, f)
"""


class TreeSampler(threading.Thread):
    """Peak summed RSS of a process's descendants (psutil), sampled every ``interval`` s."""

    def __init__(self, pid: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_tree = 0
        self.peak_top = 0  # the wrapper's direct child: the grader process itself
        self.peak_processes = 0
        self.samples = 0
        self._halt = threading.Event()

    def run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._halt.is_set():
            try:
                children = root.children(recursive=True)
            except psutil.NoSuchProcess:
                return
            total, top = 0, 0
            for child in children:
                try:
                    rss = child.memory_info().rss
                    total += rss
                    if child.ppid() == self.pid:
                        top = max(top, rss)
                except psutil.Error:
                    continue
            self.peak_tree = max(self.peak_tree, total)
            self.peak_top = max(self.peak_top, top)
            self.peak_processes = max(self.peak_processes, len(children))
            self.samples += 1
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


WAIT_IDLE = 0.0  # --wait-idle: seconds to wait, before each measured run, for a quiet machine


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has spent not idle since boot (all cores, /proc/stat)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return float("nan")
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    busy = sum(fields[:8]) - idle  # user nice system idle iowait irq softirq steal
    return busy / os.sysconf("SC_CLK_TCK")


def wait_for_idle(limit: float) -> str:
    """Wait up to ``limit`` s until the machine is nearly idle (under 10 % busy) for 3 s in a row."""
    if limit <= 0:
        return ""
    started, quiet = time.monotonic(), 0
    cores = os.cpu_count() or 1
    while time.monotonic() - started < limit:
        before = machine_busy_seconds()
        time.sleep(1.0)
        quiet = quiet + 1 if (machine_busy_seconds() - before) / cores < 0.10 else 0
        if quiet >= 3:
            return f"idle after {time.monotonic() - started:.0f} s of waiting"
    return f"STILL BUSY after {limit:.0f} s of waiting"


def measured_run(command: list[str], cwd: Path, log: Path, *, env=None, sample: float = 0.2) -> dict:
    """Run ``command`` under a fresh wrapper; wall time, peak memory, CPU, exit status, output.
    'other_cpu_s' is the CPU the rest of the machine used meanwhile (machine-wide busy time minus
    the measured tree and this script): other work that competed with the run."""
    log.mkdir(parents=True, exist_ok=True)
    report, out, err = log / "rusage.json", log / "stdout.txt", log / "stderr.txt"
    waited = wait_for_idle(WAIT_IDLE)
    busy_before = machine_busy_seconds()
    self_before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    wrapper = subprocess.Popen([sys.executable, "-c", WRAPPER, str(report), str(out), str(err), *command],
                               cwd=cwd, env=env)
    sampler = TreeSampler(wrapper.pid, sample) if psutil else None
    if sampler:
        sampler.start()
    wrapper.wait()
    wall = time.perf_counter() - started
    if sampler:
        sampler.stop()
    busy = machine_busy_seconds() - busy_before
    self_after = resource.getrusage(resource.RUSAGE_SELF)
    mine = (self_after.ru_utime - self_before.ru_utime) + (self_after.ru_stime - self_before.ru_stime)
    usage = json.loads(report.read_text())
    cpu = usage["user_s"] + usage["sys_s"]
    sampled = sampler is not None and sampler.samples >= 3  # too few samples say nothing
    return {"wall": wall, "returncode": usage["returncode"], "maxrss_mb": usage["maxrss_kb"] / 1024,
            "cpu_s": cpu, "other_cpu_s": max(0.0, busy - cpu - mine), "waited": waited,
            "tree_peak_mb": sampler.peak_tree / 2**20 if sampled else None,
            "grader_peak_mb": sampler.peak_top / 2**20 if sampled else None,
            "peak_processes": sampler.peak_processes if sampled else None,
            "stdout": out.read_text(errors="replace"), "stderr": err.read_text(errors="replace")}


def run_autograder(course: Path, submissions: Path, out: Path, jobs: int, sample: float) -> dict:
    command = [str(BIN / "autograder"), "grade", ASSIGNMENT, "--course", str(course),
               "--submissions", str(submissions), "--csv", str(out / "grades.csv"),
               "--results", str(out / "results"), "--jobs", str(jobs), "--quiet"]
    run = measured_run(command, course, out / "log", sample=sample)
    totals, times = {}, {}
    if (out / "grades.csv").is_file():
        with open(out / "grades.csv", newline="") as stream:
            totals = {row["student_id"]: float(row["total"]) for row in csv.DictReader(stream)}
    for path in (out / "results").glob("*/results.json"):
        data = json.loads(path.read_text())
        times[data["extra_data"]["student_id"]] = float(data["execution_time"])
    reported = next((line for line in run["stdout"].splitlines() if line.startswith("graded ")), "")
    confinement = next((line.split(":", 1)[1].strip() for line in run["stdout"].splitlines()
                        if line.startswith("student code ran confined by")), "?")
    return {**run, "totals": totals, "times": times, "reported": reported, "confinement": confinement}


def nbgrader(*args: str, course: Path, log: Path, sample: float) -> dict:
    from autograder.build import tool_environment  # the venv on PATH: nbgrader needs `alembic`
    return measured_run([sys.executable, "-m", "nbgrader", *args], course, log,
                        env=tool_environment(), sample=sample)


def nbgrader_totals(course: Path, ids: list[str]) -> dict[str, float | None]:
    from nbgrader.api import Gradebook, MissingEntry
    totals: dict[str, float | None] = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for sid in ids:
            try:
                totals[sid] = float(gradebook.find_submission(ASSIGNMENT, sid).score)
            except MissingEntry:
                totals[sid] = None
    return totals


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------

def table(header: list[str], rows: list[list], title: str = "") -> str:
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [title] if title else []
    for number, row in enumerate(cells):
        lines.append("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def mb(value) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{time.strftime('%Y-%m-%d %H:%M %Z')}; {platform.node() or 'host'}; nproc {os.cpu_count()}; "
            f"CPU {cpu}; Python {platform.python_version()}; Linux {platform.release()}; {load()}")


def code_snapshot() -> str:
    """Which grader was measured: a hash of the files the figures depend on (the working tree,
    which may hold uncommitted edits) and the newest of their modification times."""
    import hashlib
    digest, newest = hashlib.sha256(), 0.0
    files = [p for folder in ("autograder", "exercises", "solutions") for p in (REPO / folder).rglob("*")
             if p.suffix in (".py", ".toml", ".md")] + [REPO / "examples" / "samples.py",
                                                       REPO / "release" / ASSIGNMENT / NOTEBOOK]
    for path in sorted(files):
        if path.is_file():
            digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
            newest = max(newest, path.stat().st_mtime)
    return (f"grader code {digest.hexdigest()[:12]} (autograder/ exercises/ solutions/ samples.py "
            f"release; newest file {time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(newest))} UTC)")


def load() -> str:
    """Other work on the machine skews every figure: the load average says how much there was."""
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def memory_note() -> str:
    note = ("memory: 'max RSS' = getrusage(RUSAGE_CHILDREN).ru_maxrss in a fresh wrapper process "
            "(largest single process: grader or one student process)")
    if psutil:
        note += ("; 'tree peak' = peak of the summed RSS of the grader and all its child processes, "
                 "'grader peak' = the grader process alone, both sampled with psutil")
    else:
        note += "; psutil is not installed, so no sampled tree figures"
    return note


NOISE_NOTE = ("noise: 'other CPU s' = CPU time the rest of the machine used during the run (machine-wide "
              "busy time from /proc/stat minus the measured processes and this script); "
              "compare it with wall s x nproc before trusting a wall time")


def grader_problems(result: dict, label: str) -> list[str]:
    """What looks wrong in an autograder run: exit status, missing rows, scores that differ from
    examples/samples.py or between copies of the same submission."""
    problems = []
    if result["returncode"] != 0:
        problems.append(f"{label}: autograder exited {result['returncode']}: {result['stderr'][-2000:]}")
    stderr = result["stderr"].strip()
    if stderr and result["returncode"] == 0:
        problems.append(f"{label}: autograder wrote to stderr despite --quiet: {stderr[-1000:]}")
    by_kind: dict[str, set[float]] = {}
    for sid, total in result["totals"].items():
        by_kind.setdefault(kind_of_id(sid), set()).add(total)
        if abs(total - EXPECTED[kind_of_id(sid)]) > 1e-3:
            problems.append(f"{label}: {sid} scored {total:g}, examples/samples.py expects "
                            f"{EXPECTED[kind_of_id(sid)]:g}")
    for kind, values in by_kind.items():
        if len(values) > 1:
            problems.append(f"{label}: copies of '{kind}' got different totals: {sorted(values)}")
    return problems[:40]


def per_kind_table(result: dict) -> str:
    rows = []
    for kind in KINDS:
        times = [t for sid, t in result["times"].items() if kind_of_id(sid) == kind]
        totals = sorted({t for sid, t in result["totals"].items() if kind_of_id(sid) == kind})
        if times:
            rows.append([kind, len(times), f"{statistics.median(times) * 1000:.0f}",
                         f"{max(times) * 1000:.0f}", ", ".join(f"{t:g}" for t in totals),
                         f"{EXPECTED[kind]:g}"])
    return table(["kind", "count", "median exec ms", "max exec ms", "autograder total(s)",
                  "samples.py expects"], rows, "autograder, per kind of submission:")


# --------------------------------------------------------------------------------------------
# The two modes
# --------------------------------------------------------------------------------------------

def compare_mode(args, root: Path) -> None:
    n, k = args.n, min(args.n, args.nbgrader_n if args.nbgrader_n is not None else min(args.n, 40))
    course = scratch_course(root)
    all_subs = root / "submissions"
    started = time.perf_counter()
    counts = write_submissions(all_subs, n)
    generated = time.perf_counter() - started
    print(f"generated {n} submissions in {generated:.1f} s: "
          + ", ".join(f"{kind} {counts[kind]}" for kind in KINDS if kind in counts))

    print(f"grading {n} with autograder --jobs {args.jobs} ...", flush=True)
    ours = run_autograder(course, all_subs, root / "autograder-out", args.jobs, args.sample)
    print(f"  {ours['reported']}" + (f" (before it: machine {ours['waited']})" if ours["waited"] else ""))

    # nbgrader grades course/submitted/: the first K students (sorted ids = generation order).
    ids = sorted(student_id(i) for i in range(n))[:k]
    for sid in ids:
        shutil.copytree(all_subs / sid, course / "submitted" / sid)
    print("nbgrader generate_assignment forward_pass --force ...", flush=True)
    generate = nbgrader("generate_assignment", ASSIGNMENT, "--force", course=course,
                        log=root / "nbgrader-generate", sample=args.sample)
    if generate["returncode"] != 0:
        print(f"  nbgrader generate_assignment failed ({generate['returncode']}):\n{generate['stderr'][-3000:]}")
    print(f"grading the first {k} with nbgrader autograde (one at a time) ...", flush=True)
    theirs = nbgrader("autograde", ASSIGNMENT, course=course, log=root / "nbgrader-autograde",
                      sample=args.sample)
    if theirs["waited"]:
        print(f"  (before it: machine {theirs['waited']})")
    if theirs["returncode"] != 0:
        print(f"  nbgrader autograde exited {theirs['returncode']} (its errors are listed below)")
    nb_totals = nbgrader_totals(course, ids)

    per_sub_nb = theirs["wall"] / k
    nb_extrapolated = per_sub_nb * n
    mismatches, loop_mismatches = [], []
    for sid in ids:
        a, b = ours["totals"].get(sid), nb_totals.get(sid)
        if a is None or b is None or abs(a - b) > 1e-3:
            (loop_mismatches if kind_of_id(sid) == "loop" else mismatches).append((sid, a, b))
    honest = [sid for sid in ids if kind_of_id(sid) != "loop"]
    median_exec = statistics.median(ours["times"].values()) if ours["times"] else float("nan")
    nb_label = (f"{theirs['wall']:.1f} (measured, all {n})" if k == n else
                f"{theirs['wall']:.1f} on {k} -> {nb_extrapolated:.0f} on {n} (EXTRAPOLATED)")
    rows = [
        ["N (submissions)", n],
        ["jobs", args.jobs],
        ["autograder wall s", f"{ours['wall']:.1f}"],
        ["autograder per submission ms (wall/N)", f"{ours['wall'] / n * 1000:.0f}"],
        ["autograder per-submission median ms (execution_time)", f"{median_exec * 1000:.0f}"],
        ["autograder CPU s (user+sys, grader and children)",
         f"{ours['cpu_s']:.1f} ({ours['cpu_s'] / n * 1000:.0f} ms per submission)"],
        ["other processes' CPU s during the autograder run (noise)", f"{ours['other_cpu_s']:.1f}"],
        ["autograder peak memory MB: max RSS (largest single process)", mb(ours["maxrss_mb"])],
        ["autograder peak memory MB: tree peak (summed, sampled)", mb(ours["tree_peak_mb"])],
        ["autograder peak memory MB: grader process alone (sampled)", mb(ours["grader_peak_mb"])],
        ["nbgrader wall s", nb_label],
        ["nbgrader per submission ms (wall/K)", f"{per_sub_nb * 1000:.0f} (K = {k})"],
        ["other processes' CPU s during the nbgrader run (noise)", f"{theirs['other_cpu_s']:.1f}"],
        ["nbgrader peak memory MB: max RSS / tree peak", f"{mb(theirs['maxrss_mb'])} / {mb(theirs['tree_peak_mb'])}"],
        ["ratio nbgrader / autograder (per submission)", f"{per_sub_nb / (ours['wall'] / n):.1f}x"
         + ("" if k == n else " (nbgrader extrapolated)")],
        [f"totals agree on the {len(honest)} honest of the {k} graded by both",
         "yes" if not mismatches else f"NO: {len(mismatches)} mismatch(es)"],
        [f"totals agree on the {k - len(honest)} infinite-loop one(s)",
         "yes" if not loop_mismatches else f"NO: {len(loop_mismatches)} mismatch(es)"],
    ]
    print()
    print(table(["measure", "value"], rows, f"autograder vs nbgrader, N = {n}, nbgrader on K = {k}"))
    if k < n:
        print(f"\nnbgrader was run on the first {k} submissions only; its time for N = {n} is "
              f"EXTRAPOLATED linearly ({theirs['wall']:.1f} s / {k} x {n}). The first {k} hold "
              f"{sum(kind_of_id(s) == 'loop' for s in ids)} infinite loop(s) out of {k}, N holds "
              f"{counts.get('loop', 0)} of {n}, so the extrapolation leans high.")
    for sid, a, b in mismatches + loop_mismatches:
        failed = f"error processing assignment '{ASSIGNMENT}' for student '{sid}'" in theirs["stderr"]
        print(f"MISMATCH {sid}: autograder {a if a is None else f'{a:g}'}, "
              f"nbgrader {b if b is None else f'{b:g}'}"
              + (" (nbgrader logged an error processing this student)" if failed else ""))
    print()
    print(per_kind_table(ours))
    print()
    print(memory_note())
    print(NOISE_NOTE)
    print(f"student code confined by: {ours['confinement']}")
    problems = grader_problems(ours, "autograder")
    if problems:
        print("\nproblems seen:")
        for line in problems:
            print(f"  - {line}")
    nb_err = theirs["stderr"]
    warnings = sum("[AutogradeApp | WARNING]" in line for line in nb_err.splitlines())
    errors = [line for line in nb_err.splitlines() if "| ERROR]" in line]
    print(f"\nnbgrader autograde: exit {theirs['returncode']}, {warnings} warning line(s), "
          f"{len(errors)} error line(s)" + (f" (log: {root / 'nbgrader-autograde'})" if args.keep else ""))
    for line in errors[:10]:
        print(f"  {line[:300]}")


def sizes_mode(args, root: Path) -> None:
    course = scratch_course(root)
    rows, problems, kinds = [], [], []
    for n in args.sizes:
        subs = root / f"submissions-{n}"
        counts = write_submissions(subs, n)
        print(f"grading {n} with autograder --jobs {args.jobs} ...", flush=True)
        result = run_autograder(course, subs, root / f"autograder-{n}", args.jobs, args.sample)
        print(f"  {result['reported']}" + (f" (before it: machine {result['waited']})"
                                           if result["waited"] else ""), flush=True)
        times = list(result["times"].values())
        rows.append([n, args.jobs, counts.get("loop", 0), f"{result['wall']:.1f}",
                     f"{result['wall'] / n * 1000:.0f}",
                     f"{statistics.median(times) * 1000:.0f}" if times else "n/a",
                     f"{result['cpu_s'] / n * 1000:.0f}", f"{result['other_cpu_s']:.0f}",
                     mb(result["maxrss_mb"]), mb(result["tree_peak_mb"]), mb(result["grader_peak_mb"]),
                     len(result["totals"])])
        problems += grader_problems(result, f"N={n}")
        kinds.append((n, per_kind_table(result)))
        if not args.keep:
            shutil.rmtree(subs)
    print()
    print(table(["N", "jobs", "loops", "wall s", "ms/sub (wall/N)", "median exec ms", "CPU ms/sub", "other CPU s",
                 "max RSS MB", "tree peak MB", "grader peak MB", "rows in CSV"], rows,
                "autograder only, cost per submission by batch size"))
    print()
    print(memory_note())
    print(NOISE_NOTE)
    for n, text in kinds:
        print(f"\nN = {n}: {text}")
    if problems:
        print("\nproblems seen:")
        for line in problems:
            print(f"  - {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="submissions (default 200)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="autograder --jobs (default: every core)")
    parser.add_argument("--nbgrader-n", type=int, default=None,
                        help="run nbgrader on the first K submissions only and extrapolate "
                             "(default min(N, 40); pass N to run it on all)")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",") if x.strip()],
                        help="comma-separated batch sizes: autograder only, cost per submission")
    parser.add_argument("--sample", type=float, default=0.2, help="psutil sampling interval, s")
    parser.add_argument("--wait-idle", type=float, default=0.0, metavar="S",
                        help="before each measured run, wait up to S s for the machine to be idle "
                             "(under 10%% busy for 3 s); default 0: do not wait")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    args = parser.parse_args()
    global WAIT_IDLE
    WAIT_IDLE = args.wait_idle
    print(f"machine: {machine()}")
    print(code_snapshot())
    root = Path(tempfile.mkdtemp(prefix="autograder-bench-"))
    try:
        if args.sizes:
            sizes_mode(args, root)
        else:
            compare_mode(args, root)
    finally:
        print(f"\nat the end: {load()}; {code_snapshot()}")
        if args.keep:
            print(f"\nscratch directory kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
