"""The fair comparison of assignment-spec.md: container, then exact shape, then values within
tolerance, then unchanged inputs; on the plain description a student process sends back."""

from __future__ import annotations

import numpy as np
import pytest

from autograder import wire
from autograder.compare import Verdict, compare

INPUTS = [wire.encode(np.array([1.0, 2.0]))]


def judge(expected, returned, inputs=INPUTS, after=None):
    verdict = compare(expected, wire.describe(returned), inputs, inputs if after is None else after,
                      ["x"])
    return Verdict(verdict.passed, verdict.message.en)


def test_an_equal_array_passes():
    assert judge(np.array([0.5, 1.5]), np.array([0.5, 1.5])).passed


def test_a_list_where_an_array_is_due_fails_on_the_container():
    verdict = judge(np.array([0.5, 1.5]), [0.5, 1.5])
    assert not verdict.passed and "expected a numpy.ndarray, got list" in verdict.message


def test_np_matrix_is_not_an_ndarray_answer():
    verdict = judge(np.array([[0.5, 1.5]]), np.matrix([[0.5, 1.5]]))
    assert not verdict.passed and "subclass" in verdict.message


def test_shape_is_checked_before_values_so_broadcasting_cannot_pass_a_column():
    column = np.array([[0.5], [1.5]])
    assert np.allclose(column.ravel(), [0.5, 1.5])
    verdict = judge(np.array([0.5, 1.5]), column)
    assert not verdict.passed and "expected shape (2,), got (2, 1)" in verdict.message
    one = judge(np.array([3.0]), np.array([[3.0]]))
    assert not one.passed and "(1, 1)" in one.message


def test_a_squeezed_one_neuron_layer_fails():
    verdict = judge(np.array([3.0]), np.float64(3.0))
    assert not verdict.passed


@pytest.mark.parametrize("number", [0.25, np.float64(0.25), np.float32(0.25), np.array(0.25), 0.25 + 1e-12])
def test_every_kind_of_number_is_a_number(number):
    assert judge(np.float64(0.25), number).passed


@pytest.mark.parametrize("not_a_number", [np.array([0.25]), [0.25], "0.25", None, True])
def test_containers_are_not_numbers(not_a_number):
    assert not judge(0.25, not_a_number).passed


def test_values_within_rtol_pass_and_beyond_fail_with_the_worst_element_named():
    expected = np.arange(1.0, 9.0)
    assert judge(expected, expected * (1 + 1e-9)).passed
    wrong = expected.copy()
    wrong[5] += 0.01
    verdict = judge(expected, wrong)
    assert not verdict.passed and "1 of 8 elements differ" in verdict.message and "(5,)" in verdict.message


def test_float32_inputs_get_the_looser_tolerance():
    inputs32 = [wire.encode(np.array([1.0, 2.0], dtype=np.float32))]
    close32 = np.array([0.5, 1.5]) * (1 + 5e-6)
    assert judge(np.array([0.5, 1.5]), close32, inputs=inputs32).passed
    assert not judge(np.array([0.5, 1.5]), close32).passed


def test_nan_never_equals_a_finite_expected_value():
    assert not judge(np.array([0.0, 1.0]), np.array([np.nan, 1.0])).passed


def test_int_results_for_int_inputs_pass():
    assert judge(np.array([0, 2, 0]), np.array([0, 2, 0])).passed


def test_complex_or_object_arrays_are_not_real_numbers():
    assert not judge(np.array([1.0, 2.0]), np.array([1.0, 2.0], dtype=complex)).passed
    assert not judge(np.array([1.0, 2.0]), np.array([1.0, 2.0], dtype=object)).passed


def test_a_modified_input_fails_even_with_the_right_value():
    after = [wire.encode(np.array([0.0, 2.0]))]
    verdict = judge(np.array([0.5, 1.5]), np.array([0.5, 1.5]), after=after)
    assert not verdict.passed and "x was modified" in verdict.message


@pytest.mark.parametrize("pair", [(1.0, -2.0), [1.0, -2.0], np.array([1.0, -2.0]),
                                  (np.float64(1.0), np.array(-2.0))])
def test_a_pair_may_be_a_tuple_a_list_or_two_numbers_in_an_array(pair):
    assert judge((1.0, -2.0), pair).passed


def test_a_swapped_pair_fails_and_names_the_item():
    verdict = judge((1.0, -2.0), (-2.0, 1.0))
    assert not verdict.passed and verdict.message.startswith("item 1")


def test_an_object_faking_shape_and_equality_is_described_as_what_it_is():
    class Liar:
        shape = (2,)
        dtype = np.dtype(float)

        def __eq__(self, other):
            return True

        def __array__(self, *args, **kwargs):
            return np.array([0.5, 1.5])

    description = wire.describe(Liar())
    assert description["type"] == "object"
    assert not compare(np.array([0.5, 1.5]), description, INPUTS, INPUTS, ["x"]).passed


def test_an_ndarray_subclass_is_not_trusted():
    class Sneaky(np.ndarray):
        pass

    sneaky = np.array([0.5, 1.5]).view(Sneaky)
    assert not judge(np.array([0.5, 1.5]), sneaky).passed
