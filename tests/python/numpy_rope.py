"""A NumPy RoPE for the rope-conform tests: every rope type and both
pairings, all arithmetic in float64 (frequencies, angles, cos/sin and the
rotation), rounded once to the activation dtype.  float64, float32 and
float16 (NumPy has no bfloat16).  Run it with RC_PYTHON_ARRAY=numpy (or
rope.rope_conform_array below) so the adapter hands it numpy arrays.
"""
import math

import numpy as np

from rope_params import check_params, yarn_magnitude


def yarn(params, wk, k):
    r, s, L = params["rotary_dim"], params["factor"], params["original_max_position"]
    den = 2.0 * math.log(params["base"])
    lo = r * math.log(L / (params["beta_fast"] * 2.0 * math.pi)) / den
    hi = r * math.log(L / (params["beta_slow"] * 2.0 * math.pi)) / den
    if params["truncate"]:
        lo, hi = math.floor(lo), math.ceil(hi)
    lo, hi = max(lo, 0.0), min(hi, r - 1.0)
    if lo == hi:
        hi += 0.001
    ramp = np.clip((k - lo) / (hi - lo), 0.0, 1.0)
    return wk / s * ramp + wk * (1.0 - ramp), yarn_magnitude(params)


def llama3(params, wk):
    L, s = params["original_max_position"], params["factor"]
    a, b = params["low_freq_factor"], params["high_freq_factor"]
    lam = 2.0 * math.pi / wk
    sigma = (L / lam - a) / (b - a)
    return np.where(lam < L / b, wk, np.where(lam > L / a, wk / s, (1.0 - sigma) * wk / s + sigma * wk))


def freqs(params):
    """The frequencies w'_k and the magnitude m, in float64."""
    r, kind, s = params["rotary_dim"], params["rope_type"], params["factor"]
    L = params["original_max_position"]
    base = params["base"]
    if kind == "dynamic" and params["seq_len"] > L:
        base *= (1.0 + s * (params["seq_len"] - L) / L) ** (r / (r - 2))
    k = np.arange(r // 2, dtype=np.float64)
    wk = base ** (-2.0 * k / r)
    if kind == "linear":
        return wk / s, 1.0
    if kind == "yarn":
        return yarn(params, wk, k)
    if kind == "longrope":
        sl = s or params["max_position"] / L
        ext = params["long_factor"] if params["seq_len"] > L else params["short_factor"]
        m = params["attention_factor"] or (1.0 if sl <= 1.0 else math.sqrt(1.0 + math.log(sl) / math.log(L)))
        return wk / np.asarray(ext, dtype=np.float64), m
    if kind == "llama3":
        return llama3(params, wk), 1.0
    if kind == "proportional":
        return np.where(k < params["freq_pairs"], wk / s, 0.0), 1.0
    if kind not in ("default", "dynamic"):
        raise NotImplementedError("rope type " + kind)
    return wk, 1.0


def rotate(x, positions, params, sign):
    check_params(params)
    r = params["rotary_dim"]
    w, m = freqs(params)
    angle = positions.astype(np.float64)[:, None] * w[None, :]
    c, s = (m * np.cos(angle))[:, None, :], (sign * m * np.sin(angle))[:, None, :]
    if params["pairing"] == "interleaved":
        i0, i1 = np.arange(0, r, 2), np.arange(1, r, 2)
    else:
        i0, i1 = np.arange(r // 2), np.arange(r // 2, r)
    y = x.copy()
    with np.errstate(invalid="ignore", over="ignore"):   # inf and NaN inputs are tested too
        x64 = x.astype(np.float64)
        y[..., i0] = (x64[..., i0] * c - x64[..., i1] * s).astype(x.dtype)
        y[..., i1] = (x64[..., i0] * s + x64[..., i1] * c).astype(x.dtype)
    return y


def rope(x, positions, params):
    return rotate(x, positions, params, 1.0)


def backward(grad, positions, params):
    return rotate(grad, positions, params, -1.0)


rope.backward = backward
rope.rope_conform_array = "numpy"
