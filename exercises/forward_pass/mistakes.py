"""Known wrong ways to write the graded functions of `forward_pass` (see autograder/catalog.py).

Each entry is the whole solution cell a student might hand in (``np`` comes from the notebook's
setup cell; a `network_forward` entry may call `layer_forward`, graded with a correct one). The
test suite (tests/test_catalogs.py) grades every entry through the real grading path: each must
lose points under the hidden cases. Adding a mistake is adding one entry below.

A hint is given only where the wrong answer is a deterministic function of the inputs, so that a
student's answer equal to what the mistake computes on the same case can be recognised.
"""

from __future__ import annotations

from autograder.catalog import Mistake

MISTAKES: list[Mistake] = [
    # ------------------------------------------------------------------ sigmoid
    Mistake("sigmoid", "sigmoid_exp_ratio_nan",
            "e^z / (1 + e^z): inf / inf = nan at z = 1000", '''
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(z) / (1 + np.exp(z))
''',
            hint_ko="e^z / (1 + e^z) 는 z = 1000 에서 inf / inf = nan 이 됩니다. 1 / (1 + e^(−z)) 를 쓰거나, "
                    "z 의 부호에 따라 e^(−|z|) 를 쓰는 식을 고르세요 (overflow 없는 형태).",
            hint_en="e^z / (1 + e^z) is inf / inf = nan at z = 1000. Use 1 / (1 + e^(−z)), or pick by the "
                    "sign of z the form that uses e^(−|z|) (no overflow)."),
    Mistake("sigmoid", "sigmoid_wrong_sign",
            "1 / (1 + e^z): the minus sign of the exponent is missing, giving σ(−z)", '''
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return 1 / (1 + np.exp(z))
''',
            hint_ko="지수의 부호를 확인하세요: σ(z) = 1 / (1 + e^(−z)) 입니다. 1 / (1 + e^z) 는 σ(−z) 이고, "
                    "그래서 σ(2) 가 0.5 보다 작게 나옵니다.",
            hint_en="Check the sign of the exponent: σ(z) = 1 / (1 + e^(−z)). 1 / (1 + e^z) is σ(−z), which "
                    "is why σ(2) comes out below 0.5."),
    Mistake("sigmoid", "sigmoid_one_minus_denominator",
            "1 / (1 − e^(−z)): minus instead of plus in the denominator", '''
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return 1 / (1 - np.exp(-z))
'''),
    Mistake("sigmoid", "sigmoid_clip_10",
            "clips z to [−10, 10] before the textbook formula: wrong by up to 4.5e-5 at |z| = 30", '''
def sigmoid(z):
    z = np.clip(np.asarray(z, dtype=float), -10, 10)   # "to avoid overflow"
    return 1 / (1 + np.exp(-z))
'''),
    Mistake("sigmoid", "sigmoid_is_tanh",
            "returns tanh(z), the other S-shaped activation", '''
def sigmoid(z):
    return np.tanh(z)
'''),
    Mistake("sigmoid", "sigmoid_math_exp",
            "math.exp works on one number only: raises for arrays", '''
import math

def sigmoid(z):
    return 1 / (1 + math.exp(-z))
'''),
    Mistake("sigmoid", "sigmoid_tolist",
            "returns .tolist(): a python list where an ndarray is due", '''
def sigmoid(z):
    out = 1 / (1 + np.exp(-np.asarray(z, dtype=float)))
    return out.tolist()
'''),
    Mistake("sigmoid", "sigmoid_e_rounded",
            "uses 2.718 for e: off by about 2e-5 relative", '''
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return 1 / (1 + 2.718 ** (-z))
'''),
    Mistake("sigmoid", "sigmoid_derivative",
            "returns the derivative σ(z)(1 − σ(z)) instead of σ(z)", '''
def sigmoid(z):
    s = 1 / (1 + np.exp(-np.asarray(z, dtype=float)))
    return s * (1 - s)
'''),
    Mistake("sigmoid", "sigmoid_in_place",
            "computes in place on the caller's float array (z *= -1, np.exp(z, out=z), ...)", '''
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    z *= -1
    np.exp(z, out=z)
    z += 1
    return 1 / z
'''),

    # ------------------------------------------------------------------ relu
    Mistake("relu", "relu_vectorize_int",
            "np.vectorize(lambda v: max(v, 0)): the first output, the int 0, makes the whole array int", '''
def relu(z):
    return np.vectorize(lambda v: max(v, 0))(z)
'''),
    Mistake("relu", "relu_in_place",
            "z[z < 0] = 0 on the caller's array: right values, but the argument is modified", '''
def relu(z):
    z = np.asarray(z)
    z[z < 0] = 0
    return z
'''),
    Mistake("relu", "relu_abs",
            "returns |z|: negative inputs become positive instead of 0", '''
def relu(z):
    return np.abs(z)
''',
            hint_ko="ReLU 는 max(z, 0) 입니다: 음수는 0 이 되고, 절댓값(|z|)이 되지 않습니다. np.maximum(z, 0) 을 쓰세요.",
            hint_en="ReLU is max(z, 0): negative values become 0, not their absolute value |z|. "
                    "Use np.maximum(z, 0)."),
    Mistake("relu", "relu_leaky",
            "leaky ReLU: 0.01·z for negative z instead of 0", '''
def relu(z):
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, 0.01 * z)
'''),
    Mistake("relu", "relu_max_whole_array",
            "max(np.max(z), 0): one number for the whole array, not element-wise", '''
def relu(z):
    return max(np.max(z), 0)
'''),
    Mistake("relu", "relu_bool_mask",
            "returns the mask z > 0 (booleans) instead of the values", '''
def relu(z):
    return np.asarray(z) > 0
'''),
    Mistake("relu", "relu_mask_product_no_asarray",
            "z * (z > 0) without np.asarray: raises for a list input", '''
def relu(z):
    return z * (z > 0)
'''),
    Mistake("relu", "relu_minimum",
            "np.minimum(z, 0): keeps the negative part instead of the positive one", '''
def relu(z):
    return np.minimum(z, 0)
'''),
    Mistake("relu", "relu_list_comprehension",
            "[max(v, 0) for v in z]: a list, and raises for numbers and 2-D arrays", '''
def relu(z):
    return [max(v, 0) for v in z]
'''),
    Mistake("relu", "relu_out_argument",
            "np.maximum(z, 0, out=z): writes the result into the caller's array", '''
def relu(z):
    if isinstance(z, np.ndarray):
        return np.maximum(z, 0, out=z)
    return np.maximum(z, 0)
'''),
    Mistake("relu", "relu_int_cast",
            ".astype(int) on the result: positive values are truncated", '''
def relu(z):
    return np.maximum(np.asarray(z), 0).astype(int)
'''),

    # ------------------------------------------------------------------ neuron_output
    Mistake("neuron_output", "neuron_elementwise_no_sum",
            "w * x without the sum: an array of products instead of one number", '''
def neuron_output(w, x, activation=None):
    z = np.asarray(w, dtype=float) * np.asarray(x, dtype=float)
    return z if activation is None else activation(z)
''',
            hint_ko="뉴런의 출력은 숫자 하나입니다: 곱 wᵢ xᵢ 를 모두 더해야(aggregation) 합니다. "
                    "w * x 다음에 np.sum 을 하거나 내적(inner product) np.dot(w, x) 을 쓰세요.",
            hint_en="A neuron outputs one number: the products wᵢ xᵢ must be added up (aggregation). "
                    "Sum w * x, or use the inner product np.dot(w, x)."),
    Mistake("neuron_output", "neuron_activation_ignored",
            "never applies the given activation", '''
def neuron_output(w, x, activation=None):
    return np.dot(np.asarray(w, dtype=float), np.asarray(x, dtype=float))
'''),
    Mistake("neuron_output", "neuron_activation_on_inputs",
            "applies the activation to x before the weighted sum", '''
def neuron_output(w, x, activation=None):
    x = np.asarray(x, dtype=float)
    if activation is not None:
        x = activation(x)
    return np.dot(np.asarray(w, dtype=float), x)
'''),
    Mistake("neuron_output", "neuron_activation_on_weights",
            "applies the activation to the weights before the weighted sum", '''
def neuron_output(w, x, activation=None):
    w = np.asarray(w, dtype=float)
    if activation is not None:
        w = activation(w)
    return np.dot(w, np.asarray(x, dtype=float))
'''),
    Mistake("neuron_output", "neuron_activation_per_product",
            "sums activation(wᵢ xᵢ) instead of taking activation of the sum", '''
def neuron_output(w, x, activation=None):
    products = np.asarray(w, dtype=float) * np.asarray(x, dtype=float)
    if activation is not None:
        products = activation(products)
    return np.sum(products)
'''),
    Mistake("neuron_output", "neuron_mean_instead_of_sum",
            "np.mean(w * x): averages the products instead of adding them", '''
def neuron_output(w, x, activation=None):
    s = np.mean(np.asarray(w, dtype=float) * np.asarray(x, dtype=float))
    return s if activation is None else activation(s)
'''),
    Mistake("neuron_output", "neuron_hardcoded_sigmoid",
            "always applies sigmoid, whatever activation is given (even None)", '''
def neuron_output(w, x, activation=None):
    s = np.dot(np.asarray(w, dtype=float), np.asarray(x, dtype=float))
    return 1 / (1 + np.exp(-s))
'''),
    Mistake("neuron_output", "neuron_mutates_x",
            "x *= w on the caller's array, then sums it: right value, input modified", '''
def neuron_output(w, x, activation=None):
    x = np.asarray(x, dtype=float)
    x *= w
    s = np.sum(x)
    return s if activation is None else activation(s)
'''),
    Mistake("neuron_output", "neuron_off_by_one",
            "for i in range(len(w) - 1): the last product is never added", '''
def neuron_output(w, x, activation=None):
    w, x = np.atleast_1d(w), np.atleast_1d(x)
    total = 0.0
    for i in range(len(w) - 1):
        total += w[i] * x[i]
    return total if activation is None else activation(total)
'''),
    Mistake("neuron_output", "neuron_one_by_one_matrix",
            "row times column matrix product: returns a (1, 1) array instead of a number", '''
def neuron_output(w, x, activation=None):
    w = np.asarray(w, dtype=float).reshape(1, -1)
    x = np.asarray(x, dtype=float).reshape(-1, 1)
    s = w @ x
    return s if activation is None else activation(s)
'''),
    Mistake("neuron_output", "neuron_dot_method",
            "w.dot(x): raises for python numbers and lists", '''
def neuron_output(w, x, activation=None):
    s = w.dot(x)
    return s if activation is None else activation(s)
'''),
    Mistake("neuron_output", "neuron_activation_only_for_arrays",
            "the scalar case returns w·x without the activation", '''
def neuron_output(w, x, activation=None):
    if np.ndim(w) == 0:
        return w * x
    s = np.dot(w, x)
    return s if activation is None else activation(s)
'''),

    # ------------------------------------------------------------------ layer_forward
    Mistake("layer_forward", "layer_x_at_w",
            "x @ W: multiplies from the wrong side (right only for 1 x 1)", '''
def layer_forward(W, x, activation=None):
    out = np.asarray(x, dtype=float) @ np.asarray(W, dtype=float)
    return out if activation is None else activation(out)
''',
            hint_ko="W 의 j 번째 행(row j)은 뉴런 j 로 들어오는 가중치입니다: x @ W (또는 W.T @ x) 가 아니라 "
                    "W @ x (W x) 로 계산하세요.",
            hint_en="Row j of W holds the weights into neuron j: compute W @ x (W x), not x @ W (nor W.T @ x)."),
    Mistake("layer_forward", "layer_wt_at_x",
            "W.T @ x: uses the columns of W as the neurons' weights", '''
def layer_forward(W, x, activation=None):
    out = np.asarray(W, dtype=float).T @ np.asarray(x, dtype=float)
    return out if activation is None else activation(out)
'''),
    Mistake("layer_forward", "layer_elementwise_no_sum",
            "W * x: element-wise products, shape (M, N), never summed", '''
def layer_forward(W, x, activation=None):
    out = np.asarray(W, dtype=float) * np.asarray(x, dtype=float)
    return out if activation is None else activation(out)
''',
            hint_ko="W * x 는 원소별 곱(element-wise)일 뿐이고 합(aggregation)이 빠졌습니다. 행렬의 곱(matrix "
                    "multiplication) W @ x 를 쓰면 각 행의 내적(inner product)이 한 번에 계산됩니다.",
            hint_en="W * x is only the element-wise product; the aggregation (sum) is missing. The matrix "
                    "product W @ x computes each row's inner product at once."),
    Mistake("layer_forward", "layer_sum_wrong_axis",
            "np.sum(W * x, axis=0): sums down the columns instead of along each row", '''
def layer_forward(W, x, activation=None):
    out = np.sum(np.asarray(W, dtype=float) * np.asarray(x, dtype=float), axis=0)
    return out if activation is None else activation(out)
''',
            hint_ko="뉴런 j 의 가중합은 행(row) j 를 따라 더한 값입니다: axis=0 이 아니라 axis=1 로 더하세요 "
                    "(결과 shape 은 (M,)).",
            hint_en="Neuron j's weighted sum adds along row j: sum over axis=1, not axis=0 (the result has "
                    "shape (M,))."),
    Mistake("layer_forward", "layer_column_output",
            "x reshaped to a column: returns shape (M, 1) instead of (M,)", '''
def layer_forward(W, x, activation=None):
    x = np.asarray(x, dtype=float).reshape(-1, 1)
    out = np.asarray(W, dtype=float) @ x
    return out if activation is None else activation(out)
''',
            hint_ko="x 를 열 벡터(column, shape (N, 1))로 바꾸면 결과가 (M, 1) 이 됩니다. x 는 shape (N,) 그대로 두고 "
                    "W @ x 로 shape (M,) 을 돌려주세요.",
            hint_en="Reshaping x into a column (N, 1) makes the result (M, 1). Keep x of shape (N,) and return "
                    "W @ x, of shape (M,)."),
    Mistake("layer_forward", "layer_squeeze_single_neuron",
            "np.squeeze: a one-neuron layer comes back as a 0-d value instead of shape (1,)", '''
def layer_forward(W, x, activation=None):
    out = np.squeeze(np.asarray(W, dtype=float) @ np.asarray(x, dtype=float))
    return out if activation is None else activation(out)
''',
            hint_ko="뉴런이 하나인 층(M = 1)도 shape (1,) 의 배열을 돌려주어야 합니다. np.squeeze 를 빼세요.",
            hint_en="A layer with one neuron (M = 1) still returns an array of shape (1,). Drop the np.squeeze."),
    Mistake("layer_forward", "layer_loop_len_x",
            "loops over range(len(x)) instead of the number of rows of W", '''
def layer_forward(W, x, activation=None):
    W = np.asarray(W, dtype=float)
    out = np.zeros(len(x))
    for j in range(len(x)):
        out[j] = np.dot(W[j], x)
    return out if activation is None else activation(out)
''',
            hint_ko="출력의 길이는 뉴런의 수 M = W 의 행(row) 수 (W.shape[0]) 입니다. len(x) 는 입력의 수 N 입니다.",
            hint_en="The output has one entry per neuron: M = the number of rows of W (W.shape[0]). "
                    "len(x) is the number of inputs N."),
    Mistake("layer_forward", "layer_returns_list",
            "returns the list of neuron outputs, not an ndarray", '''
def layer_forward(W, x, activation=None):
    outputs = [np.dot(row, x) for row in np.asarray(W, dtype=float)]
    if activation is not None:
        outputs = [activation(v) for v in outputs]
    return outputs
'''),
    Mistake("layer_forward", "layer_activation_twice",
            "applies the activation twice", '''
def layer_forward(W, x, activation=None):
    z = np.asarray(W, dtype=float) @ np.asarray(x, dtype=float)
    if activation is not None:
        z = activation(activation(z))
    return z
'''),
    Mistake("layer_forward", "layer_activation_on_input",
            "applies the activation to x instead of to W x", '''
def layer_forward(W, x, activation=None):
    x = np.asarray(x, dtype=float)
    if activation is not None:
        x = activation(x)
    return np.asarray(W, dtype=float) @ x
'''),
    Mistake("layer_forward", "layer_activation_ignored",
            "never applies the given activation", '''
def layer_forward(W, x, activation=None):
    return np.asarray(W, dtype=float) @ np.asarray(x, dtype=float)
'''),
    Mistake("layer_forward", "layer_np_matrix",
            "np.matrix arithmetic: returns an np.matrix of shape (1, M)", '''
def layer_forward(W, x, activation=None):
    out = np.matrix(W) @ np.asarray(x, dtype=float)
    return out if activation is None else activation(out)
'''),
    Mistake("layer_forward", "layer_accumulates_across_neurons",
            "the running total is not reset for each neuron: outputs accumulate", '''
def layer_forward(W, x, activation=None):
    W = np.asarray(W, dtype=float)
    out = []
    total = 0.0
    for j in range(W.shape[0]):
        for i in range(W.shape[1]):
            total += W[j, i] * x[i]
        out.append(total)
    out = np.array(out)
    return out if activation is None else activation(out)
''',
            hint_ko="뉴런마다 합을 0 에서 다시 시작하세요: total = 0.0 을 바깥 loop (뉴런 j) 안으로 옮기세요.",
            hint_en="Start each neuron's sum from 0: move total = 0.0 inside the outer loop (over neurons j)."),
    Mistake("layer_forward", "layer_inner_off_by_one",
            "inner loop range(N - 1): the last input is never used", '''
def layer_forward(W, x, activation=None):
    W = np.asarray(W, dtype=float)
    M, N = W.shape
    out = np.zeros(M)
    for j in range(M):
        for i in range(N - 1):
            out[j] += W[j, i] * x[i]
    return out if activation is None else activation(out)
'''),
    Mistake("layer_forward", "layer_int_output_buffer",
            "np.zeros(M, dtype=int) as the output buffer: every sum is truncated to an integer", '''
def layer_forward(W, x, activation=None):
    W = np.asarray(W, dtype=float)
    out = np.zeros(W.shape[0], dtype=int)
    for j in range(W.shape[0]):
        out[j] = np.dot(W[j], x)
    return out if activation is None else activation(out)
'''),
    Mistake("layer_forward", "layer_hardcoded_sigmoid",
            "always applies sigmoid, whatever activation is given (even None)", '''
def layer_forward(W, x, activation=None):
    z = np.asarray(W, dtype=float) @ np.asarray(x, dtype=float)
    return 1 / (1 + np.exp(-z))
'''),
    Mistake("layer_forward", "layer_no_asarray",
            "W @ x without np.asarray: raises for nested-list inputs", '''
def layer_forward(W, x, activation=None):
    out = W @ x
    return out if activation is None else activation(out)
'''),
    Mistake("layer_forward", "layer_mutates_w",
            "W *= x on the caller's matrix, then sums the rows: right values, W modified", '''
def layer_forward(W, x, activation=None):
    W = np.asarray(W, dtype=float)
    W *= x
    out = W.sum(axis=1)
    return out if activation is None else activation(out)
'''),
    Mistake("layer_forward", "layer_reshape_for_transpose",
            "W.reshape(N, M) used as if it were the transpose", '''
def layer_forward(W, x, activation=None):
    W = np.asarray(W, dtype=float)
    M, N = W.shape
    out = x @ W.reshape(N, M)
    return out if activation is None else activation(out)
'''),
    Mistake("layer_forward", "layer_activation_on_weights",
            "applies the activation to W instead of to W x", '''
def layer_forward(W, x, activation=None):
    W = np.asarray(W, dtype=float)
    if activation is not None:
        W = activation(W)
    return W @ np.asarray(x, dtype=float)
'''),
    Mistake("layer_forward", "layer_zeros_like_int_w",
            "np.zeros_like(W[:, 0]) as the output buffer: integer for an integer W, so sums are truncated", '''
def layer_forward(W, x, activation=None):
    W = np.asarray(W)
    out = np.zeros_like(W[:, 0])
    for j in range(W.shape[0]):
        out[j] = np.dot(W[j], x)
    return out if activation is None else activation(out)
'''),

    # ------------------------------------------------------------------ network_forward
    Mistake("network_forward", "net_original_x_each_layer",
            "feeds the original x to every layer instead of the previous layer's output", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for W in weights:
        h = layer_forward(W, x, activation)
    return h
''',
            hint_ko="각 층의 입력은 이전 층의 출력입니다: x⁽ᵗ⁺¹⁾ = activation(Wᵗ x⁽ᵗ⁾). loop 안에서 "
                    "h = layer_forward(W, h, activation) 처럼 h 를 이어서 넘기세요.",
            hint_en="Each layer's input is the previous layer's output: x⁽ᵗ⁺¹⁾ = activation(Wᵗ x⁽ᵗ⁾). In the "
                    "loop, pass h on: h = layer_forward(W, h, activation)."),
    Mistake("network_forward", "net_reversed_layers",
            "applies the layers in reverse order (last weight matrix first)", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for W in reversed(weights):
        h = layer_forward(W, h, activation)
    return h
''',
            hint_ko="weights[0] = W¹ 이 입력 x 에 처음 곱해지는 층입니다. list 의 순서대로 (W¹, W², …) 적용하세요.",
            hint_en="weights[0] = W¹ is the first layer applied to the input x. Apply the layers in list "
                    "order (W¹, W², …)."),
    Mistake("network_forward", "net_skip_last_layer",
            "loops over weights[:-1]: the last layer is never applied", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for W in weights[:-1]:
        h = layer_forward(W, h, activation)
    return h
''',
            hint_ko="마지막 층(Wᴸ)까지 모든 층을 적용해야 합니다: weights[:-1] 이 아니라 weights 전체를 loop 하세요.",
            hint_en="Apply every layer, the last one (Wᴸ) included: loop over all of weights, not weights[:-1]."),
    Mistake("network_forward", "net_activation_only_after_last",
            "applies the activation once, after the last layer, instead of in every layer", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for W in weights:
        h = layer_forward(W, h)
    return h if activation is None else activation(h)
''',
            hint_ko="activation 은 마지막에 한 번이 아니라 모든 층에서 적용합니다: x⁽ᵗ⁺¹⁾ = activation(Wᵗ x⁽ᵗ⁾). "
                    "activation 이 없으면 여러 층도 결국 행렬의 곱 하나일 뿐입니다.",
            hint_en="The activation applies in every layer, not once at the end: x⁽ᵗ⁺¹⁾ = activation(Wᵗ x⁽ᵗ⁾). "
                    "Without it, many layers are just one matrix product."),
    Mistake("network_forward", "net_last_layer_linear",
            "leaves the activation off the last layer", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for t, W in enumerate(weights):
        last = t == len(weights) - 1
        h = layer_forward(W, h, None if last else activation)
    return h
''',
            hint_ko="이 과제에서는 마지막 층에도 activation 을 적용합니다 (모든 층에서 x⁽ᵗ⁺¹⁾ = activation(Wᵗ x⁽ᵗ⁾)).",
            hint_en="In this assignment the last layer gets the activation too (x⁽ᵗ⁺¹⁾ = activation(Wᵗ x⁽ᵗ⁾) "
                    "in every layer)."),
    Mistake("network_forward", "net_empty_unbound",
            "sets the output only inside the loop: an empty list of layers raises", '''
def network_forward(weights, x, activation=None):
    for t in range(len(weights)):
        if t == 0:
            out = layer_forward(weights[0], x, activation)
        else:
            out = layer_forward(weights[t], out, activation)
    return out
'''),
    Mistake("network_forward", "net_empty_returns_empty_list",
            "returns [] for an empty list of layers instead of x", '''
def network_forward(weights, x, activation=None):
    if len(weights) == 0:
        return []
    h = np.asarray(x, dtype=float)
    for W in weights:
        h = layer_forward(W, h, activation)
    return h
'''),
    Mistake("network_forward", "net_activation_ignored",
            "never passes the activation on to the layers", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for W in weights:
        h = layer_forward(W, h)
    return h
'''),
    Mistake("network_forward", "net_activation_twice",
            "layer_forward already applies the activation; applies it again", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for W in weights:
        h = layer_forward(W, h, activation)
        if activation is not None:
            h = activation(h)
    return h
'''),
    Mistake("network_forward", "net_wt_chain",
            "h = W.T @ h in every layer", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for W in weights:
        h = np.asarray(W, dtype=float).T @ h
        if activation is not None:
            h = activation(h)
    return h
'''),
    Mistake("network_forward", "net_product_in_list_order",
            "multiplies the matrices as W¹ W² … Wᴸ (list order) and applies the result to x", '''
from functools import reduce

def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    if weights:
        h = reduce(np.matmul, [np.asarray(W, dtype=float) for W in weights]) @ h
    return h if activation is None else activation(h)
'''),
    Mistake("network_forward", "net_returns_all_outputs",
            "returns the list of every layer's output instead of the last one", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    outputs = [h]
    for W in weights:
        h = layer_forward(W, h, activation)
        outputs.append(h)
    return outputs
'''),
    Mistake("network_forward", "net_skip_first_layer",
            "range(1, len(weights)): the first layer is never applied", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for t in range(1, len(weights)):
        h = layer_forward(weights[t], h, activation)
    return h
'''),
    Mistake("network_forward", "net_hardcoded_sigmoid",
            "passes sigmoid to every layer, whatever activation is given (even None)", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for W in weights:
        h = layer_forward(W, h, sigmoid)
    return h
'''),
    Mistake("network_forward", "net_pops_layers",
            "weights.pop(0) in a while loop: right output, but the caller's list is emptied", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    while weights:
        W = weights.pop(0)
        h = layer_forward(W, h, activation)
    return h
'''),
    Mistake("network_forward", "net_activation_on_layer_input",
            "applies the activation to each layer's input instead of its output", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for W in weights:
        if activation is not None:
            h = activation(h)
        h = layer_forward(W, h)
    return h
'''),
    Mistake("network_forward", "net_empty_returns_weights",
            "returns the (empty) weights list when there are no layers", '''
def network_forward(weights, x, activation=None):
    if not weights:
        return weights
    h = layer_forward(weights[0], x, activation)
    for W in weights[1:]:
        h = layer_forward(W, h, activation)
    return h
'''),
    Mistake("network_forward", "net_extra_activation_at_end",
            "activation in every layer, then once more on the network's output", '''
def network_forward(weights, x, activation=None):
    h = np.asarray(x, dtype=float)
    for W in weights:
        h = layer_forward(W, h, activation)
    return h if activation is None else activation(h)
'''),
    Mistake("network_forward", "net_empty_returns_none",
            "the output variable starts as None: an empty list of layers returns None", '''
def network_forward(weights, x, activation=None):
    out = None
    h = x
    for W in weights:
        h = out = layer_forward(W, h, activation)
    return out
'''),

    # ------------------------------------------------------------------ mse_loss
    Mistake("mse_loss", "mse_sum",
            "sums the squared errors instead of averaging them", '''
def mse_loss(y, y_hat):
    return np.sum((np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)) ** 2)
''',
            hint_ko="평균 제곱 오차(mean squared error)는 합이 아니라 평균입니다: np.sum 대신 np.mean 을 쓰세요.",
            hint_en="The mean squared error is a mean, not a sum: use np.mean instead of np.sum."),
    Mistake("mse_loss", "mse_no_square",
            "averages the errors without squaring them", '''
def mse_loss(y, y_hat):
    return np.mean(np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float))
''',
            hint_ko="오차 (y − ŷ) 를 제곱한 다음에 평균을 내세요: np.mean((y − ŷ) ** 2). 제곱이 없으면 부호가 다른 "
                    "오차가 서로 지워집니다.",
            hint_en="Square the errors (y − ŷ) before averaging: np.mean((y − ŷ) ** 2). Without the square, "
                    "errors of opposite signs cancel."),
    Mistake("mse_loss", "mse_abs",
            "mean absolute error instead of mean squared error", '''
def mse_loss(y, y_hat):
    return np.mean(np.abs(np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)))
'''),
    Mistake("mse_loss", "mse_half_factor",
            "multiplies by ½ (the convention of some textbooks, not this assignment)", '''
def mse_loss(y, y_hat):
    return 0.5 * np.mean((np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)) ** 2)
''',
            hint_ko="이 과제의 MSE 에는 ½ 이 없습니다: np.mean((y − ŷ) ** 2).",
            hint_en="The MSE of this assignment has no ½ factor: np.mean((y − ŷ) ** 2)."),
    Mistake("mse_loss", "mse_half_factor_python_float",
            "multiplies by ½ and returns a python float (the hint must not depend on the container)", '''
def mse_loss(y, y_hat):
    return 0.5 * float(np.mean((np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)) ** 2))
''',
            hint_ko="이 과제의 MSE 에는 ½ 이 없습니다: np.mean((y − ŷ) ** 2).",
            hint_en="The MSE of this assignment has no ½ factor: np.mean((y − ŷ) ** 2)."),
    Mistake("mse_loss", "mse_divide_by_rows",
            "sum of squares divided by len(error): the number of rows of a 2-D array", '''
def mse_loss(y, y_hat):
    error = np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)
    return np.sum(error ** 2) / len(error)
''',
            hint_ko="len() 은 2-D 배열에서 행(row)의 수이고, 숫자에는 쓸 수 없습니다. 모든 원소의 수 (error.size) 로 "
                    "나누거나 np.mean 을 쓰세요.",
            hint_en="len() is the number of rows of a 2-D array and fails on a number. Divide by the number of "
                    "elements (error.size), or use np.mean."),
    Mistake("mse_loss", "mse_mean_axis0",
            "np.mean(..., axis=0): one mean per column for a 2-D array", '''
def mse_loss(y, y_hat):
    error = np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)
    return np.mean(error ** 2, axis=0)
'''),
    Mistake("mse_loss", "mse_rmse",
            "takes the square root of the mean (RMSE)", '''
def mse_loss(y, y_hat):
    return np.sqrt(np.mean((np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)) ** 2))
'''),
    Mistake("mse_loss", "mse_no_asarray",
            "y - y_hat on the raw arguments: raises for lists", '''
def mse_loss(y, y_hat):
    return np.mean((y - y_hat) ** 2)
'''),
    Mistake("mse_loss", "mse_square_of_mean",
            "squares the mean error instead of averaging the squared errors", '''
def mse_loss(y, y_hat):
    return np.mean(np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)) ** 2
'''),
    Mistake("mse_loss", "mse_floor_division",
            "// instead of /: the mean is floored to an integer", '''
def mse_loss(y, y_hat):
    error = np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)
    return np.sum(error ** 2) // error.size
'''),
    Mistake("mse_loss", "mse_in_place_subtract",
            "y -= y_hat on the caller's array before squaring", '''
def mse_loss(y, y_hat):
    y = np.asarray(y, dtype=float)
    y -= np.asarray(y_hat, dtype=float)
    return np.mean(y ** 2)
'''),
    Mistake("mse_loss", "mse_keepdims",
            "np.mean(..., keepdims=True): an array of ones in every dimension instead of a number", '''
def mse_loss(y, y_hat):
    error = np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)
    return np.mean(error ** 2, keepdims=True)
'''),

    # ------------------------------------------------------------------ gradient_descent_step
    Mistake("gradient_descent_step", "gd_plus",
            "w + λ·grad: steps up the gradient instead of against it", '''
def gradient_descent_step(w, grad, learning_rate):
    return np.asarray(w, dtype=float) + learning_rate * np.asarray(grad, dtype=float)
''',
            hint_ko="gradient 는 loss 가 커지는 방향입니다. 반대로 가야 하므로 빼세요: w − λ · dL/dw.",
            hint_en="The gradient points where the loss increases; move against it: w − λ · dL/dw."),
    Mistake("gradient_descent_step", "gd_lr_ignored",
            "w − grad: the learning rate is never used", '''
def gradient_descent_step(w, grad, learning_rate):
    return np.asarray(w, dtype=float) - np.asarray(grad, dtype=float)
'''),
    Mistake("gradient_descent_step", "gd_lr_twice",
            "multiplies by the learning rate twice", '''
def gradient_descent_step(w, grad, learning_rate):
    step = learning_rate * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) - learning_rate * step
'''),
    Mistake("gradient_descent_step", "gd_returns_step",
            "returns the step λ·grad instead of the new w", '''
def gradient_descent_step(w, grad, learning_rate):
    return learning_rate * np.asarray(grad, dtype=float)
''',
            hint_ko="λ · dL/dw 는 한 걸음(step)의 크기입니다. 새 가중치 w − λ · dL/dw 를 돌려주세요.",
            hint_en="λ · dL/dw is the step. Return the new weight w − λ · dL/dw."),
    Mistake("gradient_descent_step", "gd_in_place",
            "w -= λ·grad: modifies the caller's array (and raises for lists)", '''
def gradient_descent_step(w, grad, learning_rate):
    w -= learning_rate * np.asarray(grad)
    return w
'''),
    Mistake("gradient_descent_step", "gd_divides_by_lr",
            "w − grad / λ: divides by the learning rate", '''
def gradient_descent_step(w, grad, learning_rate):
    return np.asarray(w, dtype=float) - np.asarray(grad, dtype=float) / learning_rate
'''),
    Mistake("gradient_descent_step", "gd_no_asarray",
            "learning_rate * grad on the raw arguments: raises for lists", '''
def gradient_descent_step(w, grad, learning_rate):
    return w - learning_rate * grad
'''),
    Mistake("gradient_descent_step", "gd_list_comprehension",
            "zip over w and grad: returns a python list (and raises for numbers)", '''
def gradient_descent_step(w, grad, learning_rate):
    return [wi - learning_rate * gi for wi, gi in zip(w, grad)]
'''),
    Mistake("gradient_descent_step", "gd_loop_modifies_list",
            "w[i] = w[i] - λ·grad[i] in a loop: overwrites the caller's w (and raises for numbers)", '''
def gradient_descent_step(w, grad, learning_rate):
    for i in range(len(w)):
        w[i] = w[i] - learning_rate * grad[i]
    return np.asarray(w)
'''),

    # ------------------------------------------------------------------ scalar_network_gradients
    Mistake("scalar_network_gradients", "sng_missing_factor_2",
            "forgets the factor 2 of d(y − ŷ)²/dŷ", '''
def scalar_network_gradients(w1, w2, x, y):
    h1 = w1 * x
    y_hat = w2 * h1
    dL_dy_hat = -(y - y_hat)
    return (dL_dy_hat * w2 * x, dL_dy_hat * h1)
''',
            hint_ko="L = (y − ŷ)² 이므로 dL/dŷ = −2 (y − ŷ) 입니다: 2 를 빠뜨리지 마세요.",
            hint_en="L = (y − ŷ)², so dL/dŷ = −2 (y − ŷ): keep the factor 2."),
    Mistake("scalar_network_gradients", "sng_sign_flipped",
            "dL/dŷ = 2 (y − ŷ): the inner derivative −1 is dropped", '''
def scalar_network_gradients(w1, w2, x, y):
    h1 = w1 * x
    y_hat = w2 * h1
    dL_dy_hat = 2 * (y - y_hat)
    return (dL_dy_hat * w2 * x, dL_dy_hat * h1)
''',
            hint_ko="(y − ŷ) 를 ŷ 로 미분하면 −1 이 나옵니다: dL/dŷ = −2 (y − ŷ) = 2 (ŷ − y).",
            hint_en="Differentiating (y − ŷ) with respect to ŷ gives −1: dL/dŷ = −2 (y − ŷ) = 2 (ŷ − y)."),
    Mistake("scalar_network_gradients", "sng_missing_w2_in_dw1",
            "dL/dw₁ = dL/dŷ · x: the factor dŷ/dh₁ = w₂ is missing from the chain rule", '''
def scalar_network_gradients(w1, w2, x, y):
    h1 = w1 * x
    y_hat = w2 * h1
    dL_dy_hat = -2 * (y - y_hat)
    return (dL_dy_hat * x, dL_dy_hat * h1)
''',
            hint_ko="chain rule: dL/dw₁ = dL/dŷ · dŷ/dh₁ · dh₁/dw₁ = dL/dŷ · w₂ · x 입니다. w₂ 를 빠뜨렸습니다.",
            hint_en="Chain rule: dL/dw₁ = dL/dŷ · dŷ/dh₁ · dh₁/dw₁ = dL/dŷ · w₂ · x. The w₂ is missing."),
    Mistake("scalar_network_gradients", "sng_missing_x_in_dw1",
            "dL/dw₁ = dL/dŷ · w₂: the factor dh₁/dw₁ = x is missing", '''
def scalar_network_gradients(w1, w2, x, y):
    h1 = w1 * x
    y_hat = w2 * h1
    dL_dy_hat = -2 * (y - y_hat)
    return (dL_dy_hat * w2, dL_dy_hat * h1)
'''),
    Mistake("scalar_network_gradients", "sng_pair_swapped",
            "returns (dL/dw₂, dL/dw₁): the pair in the wrong order", '''
def scalar_network_gradients(w1, w2, x, y):
    h1 = w1 * x
    y_hat = w2 * h1
    dL_dy_hat = -2 * (y - y_hat)
    return (dL_dy_hat * h1, dL_dy_hat * w2 * x)
''',
            hint_ko="순서를 확인하세요: (dL/dw₁, dL/dw₂) 입니다.",
            hint_en="Check the order: (dL/dw₁, dL/dw₂)."),
    Mistake("scalar_network_gradients", "sng_y_hat_for_h1",
            "dL/dw₂ = dL/dŷ · ŷ: uses the output ŷ where the hidden value h₁ belongs", '''
def scalar_network_gradients(w1, w2, x, y):
    h1 = w1 * x
    y_hat = w2 * h1
    dL_dy_hat = -2 * (y - y_hat)
    return (dL_dy_hat * w2 * x, dL_dy_hat * y_hat)
'''),
    Mistake("scalar_network_gradients", "sng_update_before_compute",
            "updates w₂ with a gradient step before computing dL/dw₁ from it", '''
def scalar_network_gradients(w1, w2, x, y):
    h1 = w1 * x
    y_hat = w2 * h1
    dL_dw2 = -2 * (y - y_hat) * h1
    w2 = w2 - 0.1 * dL_dw2
    dL_dw1 = -2 * (y - y_hat) * w2 * x
    return (dL_dw1, dL_dw2)
'''),
    Mistake("scalar_network_gradients", "sng_returns_only_dw1",
            "returns dL/dw₁ alone instead of the pair", '''
def scalar_network_gradients(w1, w2, x, y):
    h1 = w1 * x
    y_hat = w2 * h1
    return -2 * (y - y_hat) * w2 * x
'''),
    Mistake("scalar_network_gradients", "sng_uses_y_for_y_hat",
            "dL/dŷ = −2 (y − y): uses y where ŷ belongs, so both gradients are 0", '''
def scalar_network_gradients(w1, w2, x, y):
    h1 = w1 * x
    dL_dy_hat = -2 * (y - y)
    return (dL_dy_hat * w2 * x, dL_dy_hat * h1)
'''),
    Mistake("scalar_network_gradients", "sng_w1_for_x",
            "dL/dw₁ = dL/dŷ · w₂ · w₁: differentiates h₁ = w₁x as if dh₁/dw₁ were w₁", '''
def scalar_network_gradients(w1, w2, x, y):
    h1 = w1 * x
    y_hat = w2 * h1
    dL_dy_hat = -2 * (y - y_hat)
    return (dL_dy_hat * w2 * w1, dL_dy_hat * h1)
'''),
]
