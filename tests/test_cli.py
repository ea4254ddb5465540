"""Bad usage of the `autograder` command: a clear error (what was expected, what came, what to do),
exit status 2, and nothing graded or written."""

from __future__ import annotations


from conftest import REPO, run_autograder

SAMPLES = REPO / "examples" / "submitted"


def test_a_course_option_that_is_not_a_course_names_the_course(tmp_path):
    for course in (tmp_path, tmp_path / "missing"):
        result = run_autograder("grade", "forward_pass", "--course", str(course), check=False)
        assert result.returncode == 2
        assert f"--course {course} is not an nbgrader course directory" in result.stderr
        assert "nbgrader_config.py" in result.stderr


def test_submissions_one_level_too_deep_is_refused_before_grading(tmp_path):
    student = SAMPLES / "kim_correct"
    result = run_autograder("grade", "forward_pass", "--submissions", str(student), "--csv",
                            str(tmp_path / "g.csv"), check=False)
    assert result.returncode == 2
    assert "looks like one student's folder" in result.stderr and f"--submissions {SAMPLES}" in result.stderr
    assert not (tmp_path / "g.csv").exists()


def test_a_missing_submissions_folder_says_what_layout_was_expected(tmp_path):
    result = run_autograder("grade", "forward_pass", "--submissions", str(tmp_path / "nope"), "--csv",
                            str(tmp_path / "g.csv"), check=False)
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert "<student_id>/forward_pass/forward_pass.ipynb" in result.stderr
