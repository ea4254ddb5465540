"""Reference solutions for the `forward_pass` assignment (lecture 6-1 and the section-5 recap).

This module is the one place the reference code is written: the source notebook's solution cells
are generated from these functions (`autograder build`), and the hidden tests call them at grading
time to compute every expected value. Never shipped to students.

Each graded function keeps its docstring (the student sees it above the stub) followed by the body
that nbgrader replaces with a stub.
"""

import numpy as np


def sigmoid(z):
    """Sigmoid 활성화 함수 σ(z) = 1 / (1 + e^(−z)) 를 원소별(element-wise)로 계산합니다.

    z: 숫자 또는 배열 (array). 반환값은 z 와 같은 shape 입니다.
    z = ±1000 처럼 큰 값에서도 nan 없이 유한한 값을 돌려주어야 합니다.
    """
    z = np.asarray(z, dtype=float)
    # e^(−|z|) never overflows; pick the algebraically equal form that uses it.
    e = np.exp(-np.abs(z))
    out = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return out if out.ndim else out[()]


def relu(z):
    """ReLU 활성화 함수 max(z, 0) 를 원소별로 계산합니다.

    z: 숫자 또는 배열. 반환값은 z 와 같은 shape 이며, 인자 z 는 바꾸지 않습니다.
    """
    out = np.maximum(np.asarray(z), 0)
    return out if out.ndim else out[()]


def neuron_output(w, x, activation=None):
    """뉴런 하나의 출력 activation(Σᵢ wᵢ xᵢ) 를 계산합니다.

    w, x: 숫자 두 개 (scalar case: activation(w·x)), 또는 길이 N 이 같은 1-D 배열.
    activation: 원소별 함수. None 이면 항등 함수(identity).
    반환값: 숫자 하나 (python float, NumPy scalar 또는 0-d array).
    """
    weighted_sum = np.dot(np.asarray(w, dtype=float), np.asarray(x, dtype=float))
    if activation is not None:
        weighted_sum = activation(weighted_sum)
    return weighted_sum


def layer_forward(W, x, activation=None):
    """층(layer) 하나의 순전파 activation(W x) 를 계산합니다.

    W: shape (M, N) 가중치 행렬. j 번째 행(row j)은 뉴런 j 로 들어오는 가중치 w_j1 … w_jN 입니다.
    x: shape (N,) 입력 벡터.
    activation: 원소별 함수. None 이면 항등 함수.
    반환값: shape (M,) 의 numpy.ndarray (1 × 1 이면 shape (1,)).
    """
    z = np.asarray(W, dtype=float) @ np.asarray(x, dtype=float)
    if activation is not None:
        z = activation(z)
    return np.asarray(z)


def network_forward(weights, x, activation=None):
    """여러 층으로 된 신경망의 순전파: 모든 층에서 x⁽ᵗ⁺¹⁾ = activation(Wᵗ x⁽ᵗ⁾).

    weights: 2-D 가중치 행렬의 list [W¹, …, Wᴸ] (shape 이 앞뒤로 이어짐).
    x: shape (N₀,) 입력 벡터.
    activation: 원소별 함수. None 이면 항등 함수. 마지막 층을 포함한 모든 층에 적용합니다.
    반환값: 마지막 층의 출력 (numpy.ndarray). weights 가 빈 list 이면 x 를 배열로 돌려줍니다.
    """
    h = np.asarray(x, dtype=float)
    for W in weights:
        h = layer_forward(W, h, activation)
    return h


def mse_loss(y, y_hat):
    """평균 제곱 오차(mean squared error): 모든 원소에 대한 (y − ŷ)² 의 평균 (½ 없음).

    y, y_hat: 같은 shape 의 숫자 또는 배열. 반환값: 숫자 하나.
    """
    error = np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)
    return np.mean(error**2)


def gradient_descent_step(w, grad, learning_rate):
    """경사 하강(gradient descent) 한 걸음: w ← w − λ · dL/dw 를 새 값으로 돌려줍니다.

    w: 숫자 또는 배열, grad: w 와 같은 shape, learning_rate: 숫자 λ (학습률).
    w 와 grad 는 바꾸지 않습니다.
    """
    step = np.asarray(w, dtype=float) - learning_rate * np.asarray(grad, dtype=float)
    return step if step.ndim else step[()]


def scalar_network_gradients(w1, w2, x, y):
    """Section 5 의 스칼라 신경망 h₁ = w₁x, ŷ = w₂h₁, L = (y − ŷ)² 에서 (dL/dw₁, dL/dw₂) 를 구합니다.

    w1, w2, x, y: 숫자. 반환값: 두 숫자의 pair (tuple).
    """
    h1 = w1 * x
    y_hat = w2 * h1
    dL_dy_hat = -2.0 * (y - y_hat)
    return (dL_dy_hat * w2 * x, dL_dy_hat * h1)
