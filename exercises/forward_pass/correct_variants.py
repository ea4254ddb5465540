"""Known right ways to write the graded functions of `forward_pass` (see autograder/catalog.py).

Each entry is a whole solution cell written differently from the reference (loops, `@`, `np.dot`,
`einsum`, recursion, per-element activation calls, other return containers the contract allows).
The test suite (tests/test_catalogs.py) grades every entry through the real grading path: each
must get full marks. Adding a variant is adding one entry below.
"""

from __future__ import annotations

from autograder.catalog import CorrectVariant

VARIANTS: list[CorrectVariant] = [
    # ------------------------------------------------------------------ sigmoid
    CorrectVariant("sigmoid", "sigmoid_exp_min_form",
                   "e^min(z,0) / (1 + e^(−|z|)): one stable formula for both signs", '''
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(np.minimum(z, 0)) / (1 + np.exp(-np.abs(z)))
'''),
    CorrectVariant("sigmoid", "sigmoid_clip_500",
                   "textbook formula after np.clip(z, -500, 500) (e^500 still fits a float64)", '''
def sigmoid(z):
    z = np.clip(np.asarray(z, dtype=float), -500, 500)
    return 1.0 / (1.0 + np.exp(-z))
'''),
    CorrectVariant("sigmoid", "sigmoid_tanh_identity",
                   "σ(z) = (1 + tanh(z/2)) / 2", '''
def sigmoid(z):
    return 0.5 * (1 + np.tanh(np.asarray(z, dtype=float) / 2))
'''),
    CorrectVariant("sigmoid", "sigmoid_math_vectorize",
                   "math.exp per element, choosing the form that cannot overflow, with np.vectorize", '''
import math

def _sigmoid_one(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)

def sigmoid(z):
    return np.vectorize(_sigmoid_one, otypes=[float])(z)
'''),
    CorrectVariant("sigmoid", "sigmoid_logaddexp",
                   "exp(−log(1 + e^(−z))) with np.logaddexp(0, −z)", '''
def sigmoid(z):
    return np.exp(-np.logaddexp(0, -np.asarray(z, dtype=float)))
'''),
    CorrectVariant("sigmoid", "sigmoid_float32",
                   "the textbook formula in float32 arithmetic (within the tolerance)", '''
def sigmoid(z):
    z = np.asarray(z, dtype=np.float32)
    return 1 / (1 + np.exp(-z))
'''),
    CorrectVariant("sigmoid", "sigmoid_where_two_branches",
                   "np.where over the two textbook forms, each fed only the safe half of z", '''
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    positive = 1 / (1 + np.exp(-np.maximum(z, 0)))
    e = np.exp(np.minimum(z, 0))
    negative = e / (1 + e)
    return np.where(z >= 0, positive, negative)
'''),
    CorrectVariant("sigmoid", "sigmoid_python_float_for_numbers",
                   "python float for a number (math.exp), NumPy for arrays", '''
import math

def sigmoid(z):
    if np.ndim(z) == 0:
        z = float(z)
        return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
    return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))
'''),
    CorrectVariant("sigmoid", "sigmoid_where_both_branches_evaluated",
                   "np.where over both textbook forms of all of z: warns, but never picks the nan", '''
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
'''),
    CorrectVariant("sigmoid", "sigmoid_math_overflow_guard",
                   "math.exp per element, catching OverflowError (σ is 0 there)", '''
import math

def _sigmoid_number(v):
    try:
        return 1 / (1 + math.exp(-v))
    except OverflowError:
        return 0.0

def sigmoid(z):
    z = np.asarray(z, dtype=float)
    if z.ndim == 0:
        return _sigmoid_number(float(z))
    return np.array([_sigmoid_number(v) for v in z.ravel()]).reshape(z.shape)
'''),

    # ------------------------------------------------------------------ relu
    CorrectVariant("relu", "relu_maximum",
                   "np.maximum(z, 0)", '''
def relu(z):
    return np.maximum(z, 0)
'''),
    CorrectVariant("relu", "relu_clip",
                   "np.clip(z, 0, None)", '''
def relu(z):
    return np.clip(z, 0, None)
'''),
    CorrectVariant("relu", "relu_mask_product",
                   "z * (z > 0) on an array copy of the argument", '''
def relu(z):
    z = np.asarray(z)
    return z * (z > 0)
'''),
    CorrectVariant("relu", "relu_abs_average",
                   "(z + |z|) / 2", '''
def relu(z):
    z = np.asarray(z, dtype=float)
    return (z + np.abs(z)) / 2
'''),
    CorrectVariant("relu", "relu_copy_then_in_place",
                   "copies the argument, then zeroes the negatives in place", '''
def relu(z):
    out = np.array(z, dtype=float)   # np.array copies
    out[out < 0] = 0
    return out
'''),
    CorrectVariant("relu", "relu_vectorize_max",
                   "python max per element, with np.vectorize", '''
def relu(z):
    return np.vectorize(lambda v: max(v, 0), otypes=[float])(z)
'''),
    CorrectVariant("relu", "relu_fmax",
                   "np.fmax(z, 0.0)", '''
def relu(z):
    return np.fmax(np.asarray(z), 0.0)
'''),
    CorrectVariant("relu", "relu_float32",
                   "np.maximum in float32 (within the tolerance)", '''
def relu(z):
    return np.maximum(np.asarray(z, dtype=np.float32), 0)
'''),

    # ------------------------------------------------------------------ neuron_output
    CorrectVariant("neuron_output", "neuron_zip_generator",
                   "sum of products over zip, on 1-D views of the arguments", '''
def neuron_output(w, x, activation=None):
    total = sum(wi * xi for wi, xi in zip(np.atleast_1d(w), np.atleast_1d(x)))
    return activation(total) if activation else total
'''),
    CorrectVariant("neuron_output", "neuron_einsum",
                   "np.einsum('i,i->', w, x)", '''
def neuron_output(w, x, activation=None):
    w = np.atleast_1d(np.asarray(w, dtype=float))
    x = np.atleast_1d(np.asarray(x, dtype=float))
    s = np.einsum("i,i->", w, x)
    return s if activation is None else activation(s)
'''),
    CorrectVariant("neuron_output", "neuron_inner_float",
                   "np.inner, returned as a python float", '''
def neuron_output(w, x, activation=None):
    s = float(np.inner(w, x))
    if activation is not None:
        s = activation(s)
    return s
'''),
    CorrectVariant("neuron_output", "neuron_sum_multiply",
                   "np.sum(np.multiply(w, x))", '''
def neuron_output(w, x, activation=None):
    s = np.sum(np.multiply(w, x))
    return s if activation is None else activation(s)
'''),
    CorrectVariant("neuron_output", "neuron_matmul_atleast_1d",
                   "@ on np.atleast_1d views (matmul refuses 0-d operands)", '''
def neuron_output(w, x, activation=None):
    s = np.atleast_1d(np.asarray(w, dtype=float)) @ np.atleast_1d(np.asarray(x, dtype=float))
    return s if activation is None else activation(s)
'''),
    CorrectVariant("neuron_output", "neuron_tensordot",
                   "np.tensordot(w, x, axes=1) on 1-D views", '''
def neuron_output(w, x, activation=None):
    s = np.tensordot(np.atleast_1d(w), np.atleast_1d(x), axes=1)
    return s if activation is None else activation(s)
'''),
    CorrectVariant("neuron_output", "neuron_scalar_branch",
                   "a separate branch for the scalar case, np.vdot otherwise", '''
def neuron_output(w, x, activation=None):
    if np.ndim(w) == 0:
        s = w * x
    else:
        s = np.vdot(np.asarray(w, dtype=float), np.asarray(x, dtype=float))
    if activation is None:
        activation = lambda v: v
    return activation(s)
'''),
    CorrectVariant("neuron_output", "neuron_float32",
                   "np.dot in float32 (within the tolerance)", '''
def neuron_output(w, x, activation=None):
    s = np.dot(np.atleast_1d(w).astype(np.float32), np.atleast_1d(x).astype(np.float32))
    return s if activation is None else activation(s)
'''),

    # ------------------------------------------------------------------ layer_forward
    CorrectVariant("layer_forward", "layer_np_dot",
                   "np.dot(W, x)", '''
def layer_forward(W, x, activation=None):
    z = np.dot(np.asarray(W, dtype=float), np.asarray(x, dtype=float))
    return z if activation is None else activation(z)
'''),
    CorrectVariant("layer_forward", "layer_matmul_keeps_dtype",
                   "np.matmul on np.asarray without a dtype (float32 stays float32)", '''
def layer_forward(W, x, activation=None):
    z = np.matmul(np.asarray(W), np.asarray(x))
    return z if activation is None else activation(z)
'''),
    CorrectVariant("layer_forward", "layer_einsum",
                   "np.einsum('ji,i->j', W, x): j the neuron, i the input", '''
def layer_forward(W, x, activation=None):
    z = np.einsum("ji,i->j", np.asarray(W, dtype=float), np.asarray(x, dtype=float))
    return z if activation is None else activation(z)
'''),
    CorrectVariant("layer_forward", "layer_tensordot",
                   "np.tensordot over W's axis 1 and x's axis 0", '''
def layer_forward(W, x, activation=None):
    z = np.tensordot(np.asarray(W, dtype=float), np.asarray(x, dtype=float), axes=([1], [0]))
    return z if activation is None else activation(z)
'''),
    CorrectVariant("layer_forward", "layer_double_loop",
                   "two explicit loops, the sum reset for each neuron", '''
def layer_forward(W, x, activation=None):
    W = np.asarray(W, dtype=float)
    M, N = W.shape
    out = np.zeros(M)
    for j in range(M):
        total = 0.0
        for i in range(N):
            total += W[j, i] * x[i]
        out[j] = total
    if activation is not None:
        for j in range(M):
            out[j] = activation(out[j])
    return out
'''),
    CorrectVariant("layer_forward", "layer_x_at_wt",
                   "x @ W.T (the same numbers as W @ x)", '''
def layer_forward(W, x, activation=None):
    z = np.asarray(x, dtype=float) @ np.asarray(W, dtype=float).T
    return z if activation is None else activation(z)
'''),
    CorrectVariant("layer_forward", "layer_row_sums",
                   "np.sum(W * x, axis=1): broadcast products summed along each row", '''
def layer_forward(W, x, activation=None):
    z = np.sum(np.asarray(W, dtype=float) * np.asarray(x, dtype=float), axis=1)
    return z if activation is None else activation(z)
'''),
    CorrectVariant("layer_forward", "layer_per_element_activation",
                   "neuron by neuron, the activation called on each number", '''
def layer_forward(W, x, activation=None):
    act = activation if activation is not None else (lambda v: v)
    return np.array([act(np.dot(row, x)) for row in np.asarray(W, dtype=float)], dtype=float)
'''),
    CorrectVariant("layer_forward", "layer_column_then_ravel",
                   "W @ x as a column, flattened back to shape (M,)", '''
def layer_forward(W, x, activation=None):
    column = np.asarray(W, dtype=float) @ np.asarray(x, dtype=float).reshape(-1, 1)
    z = column.ravel()
    return z if activation is None else activation(z)
'''),
    CorrectVariant("layer_forward", "layer_squeeze_then_atleast_1d",
                   "np.squeeze, with np.atleast_1d keeping a one-neuron layer at shape (1,)", '''
def layer_forward(W, x, activation=None):
    z = np.atleast_1d(np.squeeze(np.asarray(W, dtype=float) @ np.asarray(x, dtype=float)))
    return z if activation is None else activation(z)
'''),
    CorrectVariant("layer_forward", "layer_vectorized_activation",
                   "the activation applied per element through np.vectorize", '''
def layer_forward(W, x, activation=None):
    z = np.asarray(W, dtype=float) @ np.asarray(x, dtype=float)
    if activation is not None:
        z = np.vectorize(activation, otypes=[float])(z)
    return z
'''),
    CorrectVariant("layer_forward", "layer_float32",
                   "W @ x in float32 arithmetic (within the tolerance on these cases)", '''
def layer_forward(W, x, activation=None):
    z = np.asarray(W, dtype=np.float32) @ np.asarray(x, dtype=np.float32)
    return z if activation is None else activation(z)
'''),

    # ------------------------------------------------------------------ network_forward
    CorrectVariant("network_forward", "net_recursive",
                   "recursion: the first layer, then the network of the remaining layers", '''
def network_forward(weights, x, activation=None):
    if len(weights) == 0:
        return np.asarray(x, dtype=float)
    return network_forward(weights[1:], layer_forward(weights[0], x, activation), activation)
'''),
    CorrectVariant("network_forward", "net_reduce",
                   "functools.reduce over the layers", '''
from functools import reduce

def network_forward(weights, x, activation=None):
    return reduce(lambda h, W: layer_forward(W, h, activation), weights, np.asarray(x, dtype=float))
'''),
    CorrectVariant("network_forward", "net_inline_matmul",
                   "W @ h and the activation written out, without layer_forward", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for W in weights:
        h = np.asarray(W, dtype=float) @ h
        if activation is not None:
            h = activation(h)
    return h
'''),
    CorrectVariant("network_forward", "net_index_while",
                   "a while loop over the layer index", '''
def network_forward(weights, x, activation=None):
    h = np.array(x, dtype=float)
    t = 0
    while t < len(weights):
        h = layer_forward(weights[t], h, activation)
        t += 1
    return h
'''),
    CorrectVariant("network_forward", "net_row_vector",
                   "h as a row: h @ W.T in every layer", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for W in weights:
        h = h @ np.asarray(W, dtype=float).T
        if activation is not None:
            h = activation(h)
    return h
'''),
    CorrectVariant("network_forward", "net_multi_dot_when_linear",
                   "without an activation, one np.linalg.multi_dot of Wᴸ … W¹ x", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    if activation is None and weights:
        return np.linalg.multi_dot([np.asarray(W, dtype=float) for W in weights[::-1]] + [h])
    for W in weights:
        h = layer_forward(W, h, activation)
    return h
'''),
    CorrectVariant("network_forward", "net_enumerate_identity_default",
                   "identity function as the default, layers by enumerate", '''
def network_forward(weights, x, activation=None):
    act = activation or (lambda v: v)
    h = np.asarray(x, dtype=float)
    for t, W in enumerate(weights):
        h = act(np.dot(W, h))
    return np.asarray(h)
'''),
    CorrectVariant("network_forward", "net_float32",
                   "every layer in float32 arithmetic (within the tolerance on these cases)", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=np.float32)
    for W in weights:
        h = np.asarray(W, dtype=np.float32) @ h
        if activation is not None:
            h = np.asarray(activation(h), dtype=np.float32)
    return h
'''),

    # ------------------------------------------------------------------ mse_loss
    CorrectVariant("mse_loss", "mse_square_mean",
                   "np.mean(np.square(y - y_hat))", '''
def mse_loss(y, y_hat):
    return np.mean(np.square(np.subtract(y, y_hat)))
'''),
    CorrectVariant("mse_loss", "mse_average",
                   "np.average of the squared errors", '''
def mse_loss(y, y_hat):
    error = np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)
    return np.average(error * error)
'''),
    CorrectVariant("mse_loss", "mse_explicit_loop",
                   "a loop over the flattened errors, divided by the number of elements", '''
def mse_loss(y, y_hat):
    y, y_hat = np.ravel(y), np.ravel(y_hat)
    total = 0.0
    for a, b in zip(y, y_hat):
        total += (a - b) ** 2
    return total / len(y)
'''),
    CorrectVariant("mse_loss", "mse_dot_over_size",
                   "e·e / e.size on the flattened errors, as a python float", '''
def mse_loss(y, y_hat):
    e = (np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)).ravel()
    return float(np.dot(e, e) / e.size)
'''),
    CorrectVariant("mse_loss", "mse_sum_over_size",
                   "np.sum of squares divided by np.size", '''
def mse_loss(y, y_hat):
    diff = np.asarray(y_hat, dtype=float) - np.asarray(y, dtype=float)   # the sign does not matter
    return np.sum(diff ** 2) / np.size(diff)
'''),
    CorrectVariant("mse_loss", "mse_zero_d_array",
                   "the mean returned as a 0-d array", '''
def mse_loss(y, y_hat):
    return np.array(np.mean((np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)) ** 2))
'''),
    CorrectVariant("mse_loss", "mse_norm_squared",
                   "‖y − ŷ‖² / number of elements, with np.linalg.norm", '''
def mse_loss(y, y_hat):
    e = np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)
    return np.linalg.norm(e) ** 2 / e.size
'''),

    # ------------------------------------------------------------------ gradient_descent_step
    CorrectVariant("gradient_descent_step", "gd_subtract_multiply",
                   "np.subtract(w, np.multiply(λ, grad))", '''
def gradient_descent_step(w, grad, learning_rate):
    return np.subtract(w, np.multiply(learning_rate, grad))
'''),
    CorrectVariant("gradient_descent_step", "gd_copy_then_in_place",
                   "copies w, then updates the copy in place", '''
def gradient_descent_step(w, grad, learning_rate):
    new_w = np.array(w, dtype=float)   # a copy: the caller's w stays as it was
    new_w -= learning_rate * np.asarray(grad, dtype=float)
    return new_w
'''),
    CorrectVariant("gradient_descent_step", "gd_python_float_for_numbers",
                   "python floats for numbers, arrays otherwise", '''
def gradient_descent_step(w, grad, learning_rate):
    if np.ndim(w) == 0:
        return float(w) - learning_rate * float(grad)
    return np.asarray(w, dtype=float) - learning_rate * np.asarray(grad, dtype=float)
'''),
    CorrectVariant("gradient_descent_step", "gd_add_negative_step",
                   "w + (−λ)·grad", '''
def gradient_descent_step(w, grad, learning_rate):
    step = -learning_rate * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) + step
'''),
    CorrectVariant("gradient_descent_step", "gd_float32",
                   "w − λ·grad in float32 (within the tolerance)", '''
def gradient_descent_step(w, grad, learning_rate):
    return np.asarray(w, dtype=np.float32) - np.float32(learning_rate) * np.asarray(grad, dtype=np.float32)
'''),

    # ------------------------------------------------------------------ scalar_network_gradients
    CorrectVariant("scalar_network_gradients", "sng_chain_named_factors",
                   "every factor of the chain rule named, returned as a tuple", '''
def scalar_network_gradients(w1, w2, x, y):
    h1 = w1 * x
    y_hat = w2 * h1
    dL_dyhat = -2 * (y - y_hat)
    dyhat_dh1, dh1_dw1, dyhat_dw2 = w2, x, h1
    return (dL_dyhat * dyhat_dh1 * dh1_dw1, dL_dyhat * dyhat_dw2)
'''),
    CorrectVariant("scalar_network_gradients", "sng_expanded",
                   "the expanded polynomials 2 w₂ x (w₁ w₂ x − y) and 2 w₁ x (w₁ w₂ x − y)", '''
def scalar_network_gradients(w1, w2, x, y):
    r = w1 * w2 * x - y
    return 2 * w2 * x * r, 2 * w1 * x * r
'''),
    CorrectVariant("scalar_network_gradients", "sng_namedtuple_pair",
                   "returns a collections.namedtuple (a tuple)", '''
from collections import namedtuple
Gradients = namedtuple("Gradients", ["dw1", "dw2"])
def scalar_network_gradients(w1, w2, x, y):
    h1 = w1 * x
    dy = -2 * (y - w2 * h1)
    return Gradients(dy * w2 * x, dy * h1)
'''),
    CorrectVariant("scalar_network_gradients", "sng_ndarray_pair",
                   "the pair as a 1-D ndarray of two numbers", '''
def scalar_network_gradients(w1, w2, x, y):
    y_hat = w2 * w1 * x
    g = 2 * (y_hat - y)
    return np.array([g * w2 * x, g * w1 * x])
'''),
    CorrectVariant("scalar_network_gradients", "sng_numpy_scalars",
                   "NumPy float64 scalars in a tuple", '''
def scalar_network_gradients(w1, w2, x, y):
    w1, w2, x, y = map(np.float64, (w1, w2, x, y))
    h1 = np.multiply(w1, x)
    err = y - w2 * h1
    return (-2 * err * w2 * x, -2 * err * h1)
'''),
    CorrectVariant("scalar_network_gradients", "sng_central_difference",
                   "central differences of L: exact up to rounding, since L is quadratic in each weight", '''
def scalar_network_gradients(w1, w2, x, y):
    def loss(a, b):
        return (y - b * (a * x)) ** 2
    h = 1e-4
    return ((loss(w1 + h, w2) - loss(w1 - h, w2)) / (2 * h),
            (loss(w1, w2 + h) - loss(w1, w2 - h)) / (2 * h))
'''),
    CorrectVariant("scalar_network_gradients", "sng_zero_d_arrays",
                   "a tuple of two 0-d arrays", '''
def scalar_network_gradients(w1, w2, x, y):
    g = 2.0 * (w1 * w2 * x - y)
    return (np.array(g * w2 * x), np.array(g * w1 * x))
'''),
    CorrectVariant("scalar_network_gradients", "sng_float32",
                   "float32 arithmetic (within the tolerance)", '''
def scalar_network_gradients(w1, w2, x, y):
    w1, w2, x, y = (np.float32(v) for v in (w1, w2, x, y))
    g = np.float32(2) * (w1 * w2 * x - y)
    return (g * w2 * x, g * w1 * x)
'''),
]
