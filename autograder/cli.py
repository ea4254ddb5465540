"""``autograder`` command line: build, release and grade assignments in an nbgrader course.

Exit status: 0 when the command did its job (whatever the students scored), 2 for bad usage or
input the instructor must fix, 1 for an error of the grader itself.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import sys
import time
from pathlib import Path

from autograder import assignment as assignments
from autograder import build
from autograder.assignment import AssignmentError
from autograder.batch import Batch, BatchError, Progress
from autograder.results import score_table, stored_results

USAGE_ERROR = 2


def find_course(start: Path, given: Path | None = None, fallback: bool = False) -> Path:
    """The nbgrader course directory: ``given`` (--course), else the nearest folder from
    ``start`` up holding ``nbgrader_config.py``; with ``fallback``, else the course this package
    is installed from (a student's `autograder validate` outside the course folder)."""
    if given is not None:
        if not (given / "nbgrader_config.py").is_file():
            raise BatchError(f"--course {given} is not an nbgrader course directory: expected a "
                             "folder holding nbgrader_config.py (and source/, release/), "
                             f"{'found none there' if given.is_dir() else 'and it does not exist'}")
        return given
    home = Path(__file__).resolve().parents[1]
    for folder in [start, *start.parents] + ([home] if fallback else []):
        if (folder / "nbgrader_config.py").is_file():
            return folder
    raise BatchError(f"no nbgrader_config.py in {start} or any folder above it; run inside the "
                     "course directory or pass --course DIR")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="autograder", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version",
                        version=f"%(prog)s {importlib.metadata.version('dl-autograder')}")
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("assignment", help="assignment name, e.g. forward_pass")
        sub.add_argument("--course", type=Path, help="nbgrader course directory "
                         "(default: the nearest folder above the current one with nbgrader_config.py)")
        return sub

    feedback = command("feedback", "write an HTML feedback page per graded student")
    feedback.add_argument("--results", type=Path, help="the results folder of `autograder grade` "
                          "(default: <course>/grades/<assignment>/)")
    feedback.add_argument("--submissions", type=Path, help="default: <course>/submitted")
    feedback.add_argument("--out", type=Path, help="default: <course>/feedback "
                          "(pages at <out>/<student_id>/<assignment>/index.html)")
    feedback.add_argument("--lang", choices=["ko", "en"], default="ko",
                          help="language of the page and of its case messages (default: ko)")
    validate = commands.add_parser(
        "validate", help="a student's self-check: run the visible tests on a notebook, isolated",
        description="Run the visible tests of the release on NOTEBOOK, in an isolated student "
        "process, before submitting. Exit status 0 when every visible test passes, 1 otherwise.")
    validate.add_argument("notebook", type=Path)
    validate.add_argument("--assignment", default="forward_pass")
    validate.add_argument("--course", type=Path, help="the course (default: the nearest folder "
                          "above with nbgrader_config.py, else the course this package is installed from)")
    validate.add_argument("--lang", choices=["ko", "en"], default="ko")
    collect = commands.add_parser(
        "collect-zip", help="turn an LMS bulk download (Canvas naming) into submitted/",
        description="Write the newest notebook attempt of each student in an LMS bulk download "
        "(Canvas naming: name[_late]_userid_submissionid_file) to "
        "<into>/<student>/<assignment>/<notebook>, logging every decision.")
    collect.add_argument("zip", type=Path, help="the bulk download")
    collect.add_argument("--into", type=Path, help="default: <course>/submitted")
    collect.add_argument("--assignment", default="forward_pass")
    collect.add_argument("--course", type=Path)
    export = command("export", "write an LMS gradebook import file from the stored results")
    export.add_argument("--to", choices=["canvas", "moodle"], required=True)
    export.add_argument("--results", type=Path, help="default: <course>/grades/<assignment>/")
    export.add_argument("--out", type=Path, help="default: <course>/grades/<assignment>-<to>.csv")
    export.add_argument("--submissions", type=Path, help="where collect-zip recorded the Canvas "
                        "user ids (default: <course>/submitted)")
    export.add_argument("--column", help="the grade column's header, as the LMS knows the "
                        "assignment; Canvas: 'forward_pass (123456)' with its assignment id, from "
                        "the gradebook's own export (default: the assignment name)")
    gradescope = command("gradescope", "build autograder.zip for Gradescope (setup.sh, run_autograder)")
    gradescope.add_argument("--out", type=Path, help="default: <course>/grades/<assignment>-gradescope/autograder.zip")
    report = command("report", "an instructor's page: score histogram, pass rates, frequent mistakes")
    report.add_argument("--results", type=Path, help="default: <course>/grades/<assignment>/")
    report.add_argument("--out", type=Path, help="default: <course>/grades/<assignment>-report/")
    report.add_argument("--lang", choices=["ko", "en"], default="ko",
                        help="language of the page (default: ko)")
    command("build", "regenerate source/<assignment>/ from exercises/<assignment>/ and solutions/")
    command("release", "build the source notebook, then run nbgrader generate_assignment")
    grade = command("grade", "grade every <submissions>/<student_id>/<assignment>/*.ipynb")
    grade.add_argument("--submissions", type=Path,
                       help="folder of student folders (default: <course>/submitted)")
    grade.add_argument("--csv", type=Path, help="grades CSV (default: <course>/grades/<assignment>.csv)")
    grade.add_argument("--results", type=Path, help="folder for each student's results.json "
                       "(default: beside the CSV, in a folder named like it: grades/<assignment>/)")
    grade.add_argument("--jobs", type=_positive, default=os.cpu_count() or 1,
                       help="students graded at once (default: every core)")
    grade.add_argument("--lang", choices=["ko", "en"], default="ko",
                       help="language of feedback messages (default: ko)")
    grade.add_argument("--quiet", action="store_true", help="no progress lines")
    grade.add_argument("--scheduler", metavar="ADDRESS", default="",
                       help="grade on a Dask distributed cluster (e.g. tcp://10.0.0.5:8786) instead "
                       "of this machine; workers need this package installed (pip install -e '.[dask]')")
    grade.add_argument("--gradebook", metavar="DB_URL", nargs="?", const="default", default="",
                       help="also record the scores in nbgrader's gradebook (no value: the "
                       "course's gradebook.db; or any db_url nbgrader supports)")
    grade.add_argument("--force", action="store_true",
                       help="grade every submission again, even those unchanged since their stored result")
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # student file names may not be valid UTF-8
        stream.reconfigure(errors="backslashreplace")
    args = _parser().parse_args(argv)
    try:
        course = find_course(Path.cwd(), args.course, fallback=args.command == "validate").resolve()
        assignment = assignments.load(args.assignment)
        if args.command == "validate":
            return _validate(args, course, assignment)
        if args.command == "build":
            print(f"wrote {build.write_source(course, assignment)}")
        elif args.command == "collect-zip":
            from autograder.collect import CollectError, collect_zip
            try:
                for line in collect_zip(args.zip, args.into or course / "submitted",
                                        assignment.name, assignment.notebook):
                    print(line)
            except CollectError as error:
                raise BatchError(str(error)) from None
        elif args.command == "report":
            from autograder.report import write_report
            results_dir = args.results or course / "grades" / assignment.name
            if not stored_results(results_dir):
                raise BatchError(f"no results in {results_dir}; run `autograder grade "
                                 f"{assignment.name}` first, or pass --results DIR")
            page = write_report(results_dir, assignment,
                                args.out or course / "grades" / f"{assignment.name}-report",
                                language=args.lang)
            print(f"wrote {page}")
        elif args.command == "gradescope":
            from autograder.gradescope import build_zip
            out = build_zip(course, assignment,
                            args.out or course / "grades" / f"{assignment.name}-gradescope" / "autograder.zip")
            print(f"wrote {out}: upload it as the assignment's autograder on Gradescope")
        elif args.command == "export":
            from autograder.collect import read_roster
            from autograder.exports import lms_csv, totals
            from autograder.results import write_atomically
            results_dir = args.results or course / "grades" / assignment.name
            rows = totals(results_dir)
            if not rows:
                raise BatchError(f"no results in {results_dir}; run `autograder grade "
                                 f"{assignment.name}` first, or pass --results DIR")
            out = args.out or course / "grades" / f"{assignment.name}-{args.to}.csv"
            users = read_roster(args.submissions or course / "submitted", assignment.name)
            write_atomically(out, lms_csv(args.to, args.column or assignment.name, rows, users))
            matched = (f"; {sum(s in users for s, _ in rows)} with their Canvas user id from "
                       "collect-zip, the rest matched by SIS Login ID = student id"
                       if args.to == "canvas" else "")
            print(f"wrote {out} ({len(rows)} students, {args.to} gradebook import{matched})")
        elif args.command == "feedback":
            return _feedback(args, course, assignment)
        elif args.command == "release":
            build.write_source(course, assignment)
            print(f"wrote {build.generate_release(course, assignment)}")
        else:
            return _grade(args, course, assignment)
    except (AssignmentError, BatchError) as error:
        print(f"autograder: {error}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        print("\nautograder: interrupted. Every result written so far is kept; run the same "
              "command again to grade the rest.", file=sys.stderr)
        return 130
    return 0


def _validate(args, course: Path, assignment) -> int:
    from autograder.grading import run_visible_tests
    from autograder.notebook import NotGradable, ReleaseCells
    if not args.notebook.is_file():
        raise BatchError(f"no notebook at {args.notebook}; expected the path of your "
                         f"{assignment.notebook}, e.g. `autograder validate {assignment.notebook}`")
    release = ReleaseCells.from_notebook(build.release_path(course, assignment))
    try:
        verdicts, cell_errors = run_visible_tests(assignment, release, args.notebook, args.lang)
    except NotGradable as reason:
        raise BatchError(f"{args.notebook}: {reason.text.in_(args.lang)}") from None
    from autograder.messages import message
    if cell_errors:
        print(message("validate_cell_errors").in_(args.lang))
        print("".join(f"  {error}\n" for error in cell_errors))
    for grade_id, passed, text in verdicts:
        name = grade_id.removesuffix("_visible_tests")
        if text.startswith("NotImplementedError"):
            text = message("not_implemented").in_(args.lang)
        print(f"{'✓' if passed else '✗'} {name}" + ("" if passed else f": {text}"))
    failed = sum(not passed for _, passed, _ in verdicts)
    print("\n" + message("validate_summary", passed=len(verdicts) - failed, total=len(verdicts)).in_(args.lang)
          + (message("validate_more").in_(args.lang) if failed else ""))
    return 1 if failed else 0


def _feedback(args, course: Path, assignment) -> int:
    from autograder.feedback import write_feedback
    from autograder.notebook import ReleaseCells
    results_dir = args.results or course / "grades" / assignment.name
    if not results_dir.is_dir():
        raise BatchError(f"no results in {results_dir}; run `autograder grade {assignment.name}` "
                         "first, or pass --results DIR")
    release = ReleaseCells.from_notebook(build.release_path(course, assignment))
    pages = write_feedback(results_dir, args.submissions or course / "submitted",
                           args.out or course / "feedback", assignment, release, args.lang)
    print(f"wrote {len(pages)} feedback pages under {args.out or course / 'feedback'}")
    return 0


def _grade(args, course: Path, assignment) -> int:
    csv_path = (args.csv or course / "grades" / f"{assignment.name}.csv").resolve()
    results_dir = (args.results or csv_path.with_suffix("")).resolve()
    batch = Batch(assignment, build.release_path(course, assignment),
                  args.submissions or course / "submitted", results_dir, csv_path,
                  jobs=args.jobs, language=args.lang, force=args.force, scheduler=args.scheduler)
    started = time.monotonic()
    reused = []
    progress = None if args.quiet else Progress(len(batch.students()))

    def on_result(result, was_reused):
        reused.extend([result.student_id] if was_reused else [])
        if progress:
            progress(result, was_reused)

    results = batch.run(on_result=on_result)
    elapsed = time.monotonic() - started
    print(score_table(results, assignment.function_names))
    confinement = sorted({r.confinement for r in results if r.confinement})
    print(f"\nstudent code ran confined by: {', '.join(confinement) or 'n/a'}")
    graded = len(results) - len(reused)
    noun = "submission" if graded == 1 else "submissions"
    unchanged = f", {len(reused)} unchanged since their stored result (--force grades them again)" if reused else ""
    if args.gradebook:
        from autograder.gradebook import GradebookError, record
        db_url = f"sqlite:///{course / 'gradebook.db'}" if args.gradebook == "default" else args.gradebook
        try:
            count = record(db_url, assignment.name,
                           course / "source" / assignment.name / assignment.notebook, results)
        except GradebookError as error:
            raise BatchError(f"{error}; the CSV and results.json files were written") from None
        print(f"recorded {count} students in the nbgrader gradebook {db_url}")
    for error in batch.grader_errors:
        print(f"autograder: grader error, not graded (run again to retry): {error}", file=sys.stderr)
    print(f"graded {graded} {noun} in {elapsed:.1f} s{unchanged}; "
          f"grades: {csv_path}; per-student results: {results_dir}/<student_id>/results.json")
    return 1 if batch.grader_errors else 0


if __name__ == "__main__":
    sys.exit(main())
