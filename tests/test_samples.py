"""The bundled sample students get exactly the scores examples/samples.py states, through the
real `autograder grade` command, and its outputs have the promised shape."""

from __future__ import annotations

import json

import nbformat
import pytest
from conftest import REPO, run_autograder
from make_samples import write_samples
from samples import SAMPLES, expected_total

from autograder.assignment import load

FUNCTIONS = load("forward_pass").function_names


@pytest.mark.parametrize("student_id", sorted(SAMPLES))
def test_each_sample_gets_its_stated_score_per_function(sample_grades, student_id):
    row = sample_grades["rows"][student_id]
    sample = SAMPLES[student_id]
    for function in FUNCTIONS:
        assert float(row[function]) == pytest.approx(sample.scores.get(function, 0), abs=1e-4), function
    assert float(row["total"]) == pytest.approx(expected_total(sample), abs=1e-4)
    assert float(row["max_score"]) == load("forward_pass").max_score


def test_csv_has_one_row_per_student_and_the_promised_columns(sample_grades):
    header = sample_grades["csv_text"].splitlines()[0].split(",")
    assert header == ["student_id", *FUNCTIONS, "total", "max_score"]
    assert sorted(sample_grades["rows"]) == sorted(SAMPLES)


def test_results_json_has_gradescope_shape(sample_grades):
    data = json.loads((sample_grades["results"] / "park_x_at_W" / "results.json").read_text())
    assert set(data) >= {"score", "tests"}
    assert [t["name"] for t in data["tests"]] == FUNCTIONS
    for test in data["tests"]:
        assert set(test) >= {"name", "score", "max_score", "output", "visibility"}
    layer = data["tests"][FUNCTIONS.index("layer_forward")]
    assert layer["score"] == pytest.approx(SAMPLES["park_x_at_W"].scores["layer_forward"])
    # a failed case names the case, what was expected and what came
    assert "non-square W, 4 x 2 (M > N)" in layer["output"]
    assert "square non-symmetric W, 3 x 3, relu: 값이 다릅니다" in layer["output"]


def test_the_score_table_is_printed(sample_grades):
    for student_id in SAMPLES:
        assert student_id in sample_grades["stdout"]
    yoon = SAMPLES["yoon_syntax_error"]  # its total as a person reads it in the table
    assert f"{expected_total(yoon):g}/{load('forward_pass').max_score:g}" in sample_grades["stdout"]


def test_a_syntax_error_is_reported_with_its_cell(sample_grades):
    data = json.loads((sample_grades["results"] / "yoon_syntax_error" / "results.json").read_text())
    assert "SyntaxError" in data["output"] and "cell" in data["output"]


def test_an_infinite_loop_costs_only_its_function(sample_grades):
    data = json.loads((sample_grades["results"] / "han_infinite_loop" / "results.json").read_text())
    network = data["tests"][FUNCTIONS.index("network_forward")]
    assert "시간 제한" in network["output"]  # the timeout message
    assert data["execution_time"] < 30


def test_committed_samples_match_what_the_script_makes(tmp_path):
    write_samples(tmp_path)
    committed = REPO / "examples" / "submitted"
    for student_id in SAMPLES:
        made = nbformat.read(tmp_path / student_id / "forward_pass" / "forward_pass.ipynb", 4)
        kept = nbformat.read(committed / student_id / "forward_pass" / "forward_pass.ipynb", 4)
        assert made == kept, f"examples/submitted/{student_id} is stale: run `make samples`"


def test_english_feedback_by_a_switch(tmp_path):
    run_autograder("grade", "forward_pass", "--submissions", str(REPO / "examples" / "submitted"),
                   "--csv", str(tmp_path / "g.csv"), "--results", str(tmp_path / "r"), "--lang", "en",
                   "--jobs", "1", "--quiet")
    data = json.loads((tmp_path / "r" / "jung_mse_sum" / "results.json").read_text())
    mse = data["tests"][FUNCTIONS.index("mse_loss")]
    assert "wrong values: expected" in mse["output"]
