"""The sample students: what each one changed in the release notebook, and the score they earn.

``make_samples.py`` writes each as ``submitted/<student_id>/forward_pass/forward_pass.ipynb``;
the tests grade them (with ``autograder grade`` and with ``nbgrader autograde``) and check these
scores. A function not named in ``code`` is left as the release's stub. Partial credit is
points × cases passed / cases, so each sample says how many cases its mistake survives; the
points come from assignment.toml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from autograder.assignment import load

CORRECT = {
    # Written differently from the reference on purpose: loops, np.where, lists out, no clipping.
    "sigmoid": '''
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return 1 / (1 + np.exp(-z))   # the textbook form: warns at z = -1000, still correct
''',
    "relu": '''
def relu(z):
    z = np.asarray(z)
    return np.where(z > 0, z, 0)
''',
    "neuron_output": '''
def neuron_output(w, x, activation=None):
    w, x = np.atleast_1d(w), np.atleast_1d(x)
    total = 0.0
    for i in range(len(w)):
        total += w[i] * x[i]
    return total if activation is None else activation(total)
''',
    "layer_forward": '''
def layer_forward(W, x, activation=None):
    W = np.asarray(W, dtype=float)
    outputs = [np.dot(W[j], x) for j in range(W.shape[0])]   # row j: the weights into neuron j
    out = np.array(outputs, dtype=float)
    return out if activation is None else activation(out)
''',
    "network_forward": '''
def network_forward(weights, x, activation=None):
    h = np.array(x, dtype=float)
    for W in weights:
        h = layer_forward(W, h, activation)
    return h
''',
    "mse_loss": '''
def mse_loss(y, y_hat):
    return np.mean((np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)) ** 2)
''',
    "gradient_descent_step": '''
def gradient_descent_step(w, grad, learning_rate):
    return np.asarray(w, dtype=float) - learning_rate * np.asarray(grad, dtype=float)
''',
    "scalar_network_gradients": '''
def scalar_network_gradients(w1, w2, x, y):
    h1 = w1 * x
    y_hat = w2 * h1
    return [-2 * (y - y_hat) * w2 * x, -2 * (y - y_hat) * h1]
''',
}


POINTS = {graded.name: graded.points for graded in load("forward_pass").functions}


@dataclass(frozen=True)
class Sample:
    description: str
    code: dict = field(default_factory=dict)  # function -> its whole solution cell
    # function -> (cases passed, cases): every other function in ``code`` passes all its cases,
    # every function not in ``code`` (left as the stub) passes none
    passed: dict = field(default_factory=dict)

    @property
    def scores(self) -> dict:
        """Expected points per function, from the points of assignment.toml."""
        share = {f: Fraction(*self.passed[f]) if f in self.passed else Fraction(f in self.code)
                 for f in POINTS}
        return {f: round(float(POINTS[f] * share[f]), 4) for f in POINTS}


def _with(**changes: str) -> dict:
    return {**CORRECT, **changes}

SAMPLES = {
    "kim_correct": Sample("every function correct, written with loops and lists", CORRECT),
    "lee_untouched": Sample("submitted the release unchanged (every stub raises)", {}, {}),
    "park_x_at_W": Sample(
        "layer_forward computes x @ W: right only for the 1 x 1 layer, and the network inherits it",
        _with(layer_forward='''
def layer_forward(W, x, activation=None):
    out = np.asarray(x, dtype=float) @ np.asarray(W, dtype=float)
    return out if activation is None else activation(out)
'''),
        # layer: only the 1 x 1 case passes (1/8); network: the two empty ones and the 1 x 1 chain (3/9)
        {"layer_forward": (1, 8), "network_forward": (3, 9)}),
    "choi_last_layer_linear": Sample(
        "network_forward leaves the activation off the last layer",
        _with(network_forward='''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for t, W in enumerate(weights):
        last = t == len(weights) - 1
        h = layer_forward(W, h, None if last else activation)
    return h
'''),
        # passes where no activation is given: two empty, one layer, 1 x 1 chain, identity 4-3-5 (5/9)
        {"network_forward": (5, 9)}),
    "jung_mse_sum": Sample(
        "mse_loss sums the squared errors instead of averaging them",
        _with(mse_loss='''
def mse_loss(y, y_hat):
    return np.sum((np.asarray(y) - np.asarray(y_hat)) ** 2)
'''),
        # right only where there is one element: the scalar case and shape (1,) (2/5)
        {"mse_loss": (2, 5)}),
    "kang_raises": Sample(
        "neuron_output calls w.dot(x), which raises for python numbers and lists",
        _with(neuron_output='''
def neuron_output(w, x, activation=None):
    s = w.dot(x)
    return s if activation is None else activation(s)
'''),
        # the two scalar cases and the list case raise AttributeError (4/7 pass)
        {"neuron_output": (4, 7)}),
    "yoon_syntax_error": Sample(
        "a syntax error (a missing colon) in the layer_forward cell",
        _with(layer_forward='''
def layer_forward(W, x, activation=None)
    return np.asarray(W) @ np.asarray(x)
'''),
        # layer_forward is never defined; the network only passes the two empty ones (2/9)
        {"layer_forward": (0, 8), "network_forward": (2, 9)}),
    "han_infinite_loop": Sample(
        "network_forward forgets `t += 1` in a while loop: it never ends once there is a layer",
        _with(network_forward='''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    t = 0
    while t < len(weights):
        h = layer_forward(weights[t], h, activation)
    return h
'''),
        # the two empty ones pass; the next case times out and the rest are not run (2/9)
        {"network_forward": (2, 9)}),
}


def expected_total(sample: Sample) -> float:
    return round(sum(sample.scores.values()), 4)
