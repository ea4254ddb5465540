"""Hidden-test inputs for `forward_pass`. Expected values are never written here: the grader
computes them from the reference solution (solutions/forward_pass.py) at grading time.

Scalar cases (numbers, 1 × 1, N = 1, M = 1) and matrix cases (non-square both ways, square but
non-symmetric, chained widths, mixed signs, seeded random) for every function, chosen so each
common mistake is off by far more than the tolerance. Labels are what the student reads.
"""

import numpy as np

from autograder.assignment import Case
from autograder.wire import Activation

SEED = 6_1  # lecture 6-1; every random case derives from it, so grading is deterministic

sigmoid_ = Activation("sigmoid")
relu_ = Activation("relu")
tanh_ = Activation("tanh")


def _rng(offset: int) -> np.random.Generator:
    return np.random.default_rng(SEED + offset)


def _mixed(shape, offset: int) -> np.ndarray:
    """Seeded values in [-2, 2] with both signs present and no value near 0."""
    values = _rng(offset).uniform(0.3, 2.0, size=shape)
    signs = np.where(np.arange(values.size).reshape(shape) % 2 == 0, 1.0, -1.0)
    return np.round(values * signs, 3)


def cases() -> list[Case]:
    return [
        # sigmoid
        Case("sigmoid", "scalar z = 2.0", (2.0,)),
        Case("sigmoid", "scalar z = -3.5", (-3.5,)),
        Case("sigmoid", "1-D array, mixed signs, shape (5,)", (np.array([-2.0, -0.5, 0.0, 0.7, 3.0]),)),
        Case("sigmoid", "2-D array, shape (2, 3)", (_mixed((2, 3), 1),)),
        Case("sigmoid", "large |z|: [-1000, -30, 30, 1000] (finite, no nan)",
             (np.array([-1000.0, -30.0, 30.0, 1000.0]),)),
        Case("sigmoid", "float32 array, shape (4,)", (np.array([-1.5, -0.2, 0.4, 2.5], dtype=np.float32),)),
        Case("sigmoid", "list input [-1, 0, 2]", ([-1, 0, 2],)),
        Case("sigmoid", "int array [-2, 0, 3]", (np.array([-2, 0, 3]),)),
        # relu
        Case("relu", "scalar z = -2.5", (-2.5,)),
        Case("relu", "scalar z = 1.75", (1.75,)),
        Case("relu", "1-D array, mixed signs, shape (6,)", (_mixed((6,), 2),)),
        Case("relu", "2-D array, mixed signs, shape (3, 2)", (_mixed((3, 2), 3),)),
        Case("relu", "list input [-1, 2, -3, 4]", ([-1, 2, -3, 4],)),
        Case("relu", "int array [-5, 0, 7] (must not be modified)", (np.array([-5, 0, 7]),)),
        Case("relu", "float array starting with a negative value [-0.5, 0.7, 2.5, -1.25]",
             (np.array([-0.5, 0.7, 2.5, -1.25]),)),
        # neuron_output
        Case("neuron_output", "scalar w = 0.5, x = -3.0", (0.5, -3.0)),
        Case("neuron_output", "scalar w = -1.5, x = 2.0, sigmoid", (-1.5, 2.0), {"activation": sigmoid_}),
        Case("neuron_output", "N = 1 arrays", (np.array([2.5]), np.array([-0.4]))),
        Case("neuron_output", "N = 3, mixed signs", (np.array([0.2, -1.0, 0.5]), np.array([1.0, 2.0, -3.0]))),
        Case("neuron_output", "N = 4, tanh", (_mixed((4,), 4), _mixed((4,), 5) * 0.5), {"activation": tanh_}),
        Case("neuron_output", "N = 3, relu of a negative sum",
             (np.array([1.0, -2.0, 0.5]), np.array([0.5, 1.0, -1.0])), {"activation": relu_}),
        Case("neuron_output", "lists, N = 3", ([1, 2, 3], [0.5, -1.0, 2.0])),
        # layer_forward
        Case("layer_forward", "1 x 1 W (scalar case), returns shape (1,)", (np.array([[1.5]]), np.array([-2.0]))),
        Case("layer_forward", "non-square W, 2 x 3, sigmoid",
             (_mixed((2, 3), 6), np.array([0.5, -1.0, 2.0])), {"activation": sigmoid_}),
        Case("layer_forward", "non-square W, 4 x 2 (M > N)", (_mixed((4, 2), 7), np.array([1.5, -0.5]))),
        Case("layer_forward", "square non-symmetric W, 3 x 3, relu",
             (np.array([[1.0, -2.0, 0.5], [0.3, 1.0, -1.5], [-2.0, 0.4, 1.0]]), np.array([1.0, 0.5, -1.0])),
             {"activation": relu_}),
        Case("layer_forward", "M = 1 row, 1 x 3", (np.array([[0.5, -1.0, 2.0]]), np.array([2.0, 1.0, 0.5]))),
        Case("layer_forward", "seeded random W, 5 x 7, tanh",
             (_rng(8).normal(size=(5, 7)), _rng(9).normal(size=7)), {"activation": tanh_}),
        Case("layer_forward", "nested lists, 2 x 3", ([[1, 0, -1], [2, 3, 1]], [1.0, -2.0, 0.5])),
        Case("layer_forward", "float32 W 3 x 2 and x",
             (_mixed((3, 2), 10).astype(np.float32), np.array([0.75, -1.25], dtype=np.float32))),
        # network_forward
        Case("network_forward", "empty list of layers: returns x as an array", ([], np.array([1.0, -2.0]))),
        Case("network_forward", "empty list of layers, x given as a list", ([], [1.0, -2.0])),
        Case("network_forward", "one layer, 2 x 3", ([_mixed((2, 3), 11)], np.array([1.0, -1.0, 0.5]))),
        Case("network_forward", "1 x 1 layers, scalar chain w1 = 1.5, w2 = -0.8",
             ([np.array([[1.5]]), np.array([[-0.8]])], np.array([2.0]))),
        Case("network_forward", "widths 3 -> 2 -> 4 -> 1, sigmoid",
             ([_mixed((2, 3), 12), _mixed((4, 2), 13), _mixed((1, 4), 14)], np.array([0.5, -1.0, 1.5])),
             {"activation": sigmoid_}),
        Case("network_forward", "widths 2 -> 3 -> 2, relu, mixed signs",
             ([np.array([[1.0, -1.0], [0.5, 2.0], [-1.5, 0.5]]), np.array([[1.0, -0.5, 2.0], [-1.0, 1.5, 0.5]])],
              np.array([1.0, 0.5])), {"activation": relu_}),
        Case("network_forward", "widths 4 -> 3 -> 5, no activation (identity)",
             ([_mixed((3, 4), 15), _mixed((5, 3), 16)], np.array([0.5, -1.0, 2.0, -0.5]))),
        Case("network_forward", "seeded random, widths 6 -> 5 -> 4 -> 3 -> 2, tanh",
             ([_rng(17).normal(size=(5, 6)), _rng(18).normal(size=(4, 5)),
               _rng(19).normal(size=(3, 4)), _rng(20).normal(size=(2, 3))], _rng(21).normal(size=6)),
             {"activation": tanh_}),
        Case("network_forward", "widths 3 -> 3 -> 3, two different square layers, sigmoid",
             ([_mixed((3, 3), 28), _mixed((3, 3), 29)], np.array([1.0, -0.5, 2.0])),
             {"activation": sigmoid_}),
        # mse_loss
        Case("mse_loss", "scalars y = 3.0, y_hat = 1.5", (3.0, 1.5)),
        Case("mse_loss", "1-D, errors of both signs", (np.array([1.0, -2.0, 0.5, 3.0]), np.array([1.5, -1.0, 2.5, 2.0]))),
        Case("mse_loss", "2-D, shape (3, 4)", (_mixed((3, 4), 22), _mixed((3, 4), 23) * 0.5)),
        Case("mse_loss", "lists", ([0.0, 1.0, 2.0], [0.5, 3.0, -1.0])),
        Case("mse_loss", "shape (1,)", (np.array([2.0]), np.array([-0.5]))),
        # gradient_descent_step
        Case("gradient_descent_step", "scalar w = 1.5, grad = 0.8, lr = 0.1", (1.5, 0.8, 0.1)),
        Case("gradient_descent_step", "1-D array, lr = 0.05", (_mixed((5,), 24), _mixed((5,), 25), 0.05)),
        Case("gradient_descent_step", "2-D array 3 x 2, lr = 0.5 (w must not be modified)",
             (_mixed((3, 2), 26), _mixed((3, 2), 27), 0.5)),
        Case("gradient_descent_step", "lists, lr = 0.2", ([1.0, -2.0, 0.5], [0.5, 0.5, -1.0], 0.2)),
        Case("gradient_descent_step", "int array w, lr = 0.1", (np.array([1, -2, 3]), np.array([0.5, 0.5, -1.0]), 0.1)),
        # scalar_network_gradients
        Case("scalar_network_gradients", "w1 = 0.5, w2 = -1.5, x = 2.0, y = 1.0", (0.5, -1.5, 2.0, 1.0)),
        Case("scalar_network_gradients", "w1 = 2.0, w2 = 0.25, x = -1.5, y = 0.5", (2.0, 0.25, -1.5, 0.5)),
        Case("scalar_network_gradients", "w1 = -0.8, w2 = 1.2, x = 0.5, y = -2.0", (-0.8, 1.2, 0.5, -2.0)),
    ]
