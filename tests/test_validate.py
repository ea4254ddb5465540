"""`autograder validate NOTEBOOK`: a student's self-check runs the release's visible tests on the
notebook, isolated, and says which pass; nbgrader's Validate button runs the same cells."""

from __future__ import annotations

from conftest import REPO, run_autograder

SAMPLES = REPO / "examples" / "submitted"


def validate(student: str):
    return run_autograder("validate", str(SAMPLES / student / "forward_pass" / "forward_pass.ipynb"),
                          check=False)


def test_a_correct_notebook_passes_every_visible_test():
    result = validate("kim_correct")
    assert result.returncode == 0 and "8/8 visible tests passed" in result.stdout


def test_a_wrong_function_fails_its_visible_test_with_the_reason():
    result = validate("park_x_at_W")
    assert result.returncode == 1
    assert "✗ layer_forward: ValueError: matmul" in result.stdout and "✓ sigmoid" in result.stdout
    assert "cell 1000" not in result.stdout  # cells are named as the student sees them


def test_the_untouched_release_fails_everything():
    result = validate("lee_untouched")
    assert result.returncode == 1 and "0/8 visible tests passed" in result.stdout
    assert "✗ sigmoid: 아직 구현하지 않았습니다 (NotImplementedError)" in result.stdout


def test_a_student_outside_the_course_folder_validates_against_the_installed_course(tmp_path):
    import shutil
    shutil.copy(SAMPLES / "kim_correct" / "forward_pass" / "forward_pass.ipynb", tmp_path)
    result = run_autograder("validate", "forward_pass.ipynb", "--lang", "en", cwd=tmp_path, check=False)
    assert result.returncode == 0 and "8/8 visible tests passed" in result.stdout


def test_a_missing_notebook_is_a_usage_error_not_a_traceback(tmp_path):
    result = run_autograder("validate", str(tmp_path / "forward_pas.ipynb"), check=False)
    assert result.returncode == 2 and "no notebook at" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_a_notebook_is_a_clear_error(tmp_path):
    broken = tmp_path / "forward_pass.ipynb"
    broken.write_text("{")
    result = run_autograder("validate", str(broken), check=False)
    assert result.returncode == 2 and "JSON 이 line 1, column 2 에서 깨졌습니다" in result.stderr
    result = run_autograder("validate", str(broken), "--lang", "en", check=False)
    assert result.returncode == 2 and "JSON is broken" in result.stderr


def test_a_syntax_error_is_named_before_the_tests_it_breaks():
    result = validate("yoon_syntax_error")
    assert result.returncode == 1
    head, _, verdicts = result.stdout.partition("✓ sigmoid")
    assert "내 코드 셀의 오류" in head and "SyntaxError" in head  # the cause, before the NameErrors
    assert "✗ layer_forward" in verdicts


def test_a_function_that_hangs_is_reported_as_a_timeout_in_korean(tmp_path):
    import nbformat
    from conftest import student_notebook
    from samples import CORRECT
    notebook = tmp_path / "forward_pass.ipynb"
    nbformat.write(student_notebook({**CORRECT, "sigmoid": "def sigmoid(z):\n    while True:\n        pass"}),
                   notebook)
    result = run_autograder("validate", str(notebook), check=False)
    line = next(l for l in result.stdout.splitlines() if l.startswith("✗ sigmoid"))
    assert "시간 제한" in line and "at top level" not in line
    assert "공개 테스트 8 개 중 7 개 통과" in result.stdout
