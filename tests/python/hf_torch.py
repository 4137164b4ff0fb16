"""An HF-transformers-style PyTorch RoPE (Llama's LlamaRotaryEmbedding and
apply_rotary_pos_emb), written for the rope-conform tests: float32 inverse
frequencies from the rope init functions of modeling_rope_utils.py, cos/sin
computed in float32 times attention_scaling and cached in the model dtype,
then q * cos + rotate_half(q) * sin in the model dtype.

rope(x, positions, params) follows the rope_conform contract
(docs/python.md).  Half-split pairing only; float64 activations are
declined because a float32 table cannot give them float64 accuracy.
buggy_torch.py builds known-bad variants from the same pieces.
"""
import math

import torch

from rope_params import check_params, yarn_magnitude


def default_inv_freq(params, base=None):
    dim = params["rotary_dim"]
    base = params["base"] if base is None else base
    return 1.0 / (base ** (torch.arange(0, dim, 2, dtype=torch.int64).float() / dim))


def yarn_inv_freq(params):
    dim, base, factor = params["rotary_dim"], params["base"], params["factor"]
    original = params["original_max_position"]
    scaling = yarn_magnitude(params)

    def correction_dim(rotations):
        return (dim * math.log(original / (rotations * 2 * math.pi))) / (2 * math.log(base))

    low, high = correction_dim(params["beta_fast"] or 32), correction_dim(params["beta_slow"] or 1)
    if params["truncate"]:
        low, high = math.floor(low), math.ceil(high)
    low, high = max(low, 0), min(high, dim - 1)
    if low == high:
        high += 0.001
    ramp = torch.clamp((torch.arange(dim // 2, dtype=torch.float32) - low) / (high - low), 0, 1)
    extrapolation = 1 - ramp
    pos_freqs = base ** (torch.arange(0, dim, 2).float() / dim)
    inv = (1.0 / (factor * pos_freqs)) * (1 - extrapolation) + (1.0 / pos_freqs) * extrapolation
    return inv, scaling


def longrope_inv_freq(params):
    dim, base, original = params["rotary_dim"], params["base"], params["original_max_position"]
    factor = params["factor"] or params["max_position"] / original
    long = params["seq_len"] and params["seq_len"] > original
    ext = torch.tensor(params["long_factor"] if long else params["short_factor"], dtype=torch.float32)
    inv = 1.0 / (ext * base ** (torch.arange(0, dim, 2, dtype=torch.int64).float() / dim))
    if params["attention_factor"]:
        return inv, params["attention_factor"]
    return inv, 1.0 if factor <= 1.0 else math.sqrt(1 + math.log(factor) / math.log(original))


def llama3_inv_freq(params):
    inv_freq = default_inv_freq(params)
    factor, low, high = params["factor"], params["low_freq_factor"], params["high_freq_factor"]
    old_context = params["original_max_position"]
    low_wavelen, high_wavelen = old_context / low, old_context / high
    wavelen = 2 * math.pi / inv_freq
    inv_llama = torch.where(wavelen > low_wavelen, inv_freq / factor, inv_freq)
    smooth = (old_context / wavelen - low) / (high - low)
    smoothed = (1 - smooth) * inv_llama / factor + smooth * inv_llama
    medium = ~(wavelen < high_wavelen) * ~(wavelen > low_wavelen)
    return torch.where(medium, smoothed, inv_llama)


def inv_freq_and_scaling(params):
    """inv_freq (float32) and attention_scaling, by rope type."""
    kind = params["rope_type"]
    if kind == "default":
        return default_inv_freq(params), 1.0
    if kind == "linear":
        return default_inv_freq(params) / params["factor"], 1.0
    if kind == "dynamic":
        dim, factor, original = params["rotary_dim"], params["factor"], params["original_max_position"]
        seq_len = max(params["seq_len"], original)
        base = params["base"] * ((factor * seq_len / original) - (factor - 1)) ** (dim / (dim - 2))
        return default_inv_freq(params, base), 1.0
    if kind == "yarn":
        return yarn_inv_freq(params)
    if kind == "longrope":
        return longrope_inv_freq(params)
    if kind == "llama3":
        return llama3_inv_freq(params), 1.0
    raise NotImplementedError("rope type " + kind)


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def cos_sin_cache(params, positions, dtype, inv_freq_fn=inv_freq_and_scaling):
    """LlamaRotaryEmbedding.forward: [n, rotary_dim] cos and sin in dtype."""
    inv_freq, scaling = inv_freq_fn(params)
    freqs = positions.float()[:, None] * inv_freq[None, :]
    emb = torch.cat((freqs, freqs), dim=-1)
    return (emb.cos() * scaling).to(dtype), (emb.sin() * scaling).to(dtype)


def make_rope(rotate=rotate_half, inv_freq_fn=inv_freq_and_scaling, sign=1):
    """A contract function built from the pieces above."""

    def run(x, positions, params, direction):
        check_params(params)
        if params["pairing"] != "half-split":
            raise NotImplementedError("rotate_half pairs channels (k, k + r/2) only")
        if x.dtype == torch.float64:
            raise NotImplementedError("a float32 table cannot give float64 accuracy")
        r = params["rotary_dim"]
        cos, sin = cos_sin_cache(params, positions, x.dtype, inv_freq_fn)
        cos, sin = cos[:, None, :], sin[:, None, :]
        x_rot, x_pass = x[..., :r], x[..., r:]
        y = x_rot * cos + rotate(x_rot) * (sin * (sign * direction))
        return torch.cat((y, x_pass), dim=-1)

    def rope(x, positions, params):
        return run(x, positions, params, 1)

    def backward(grad, positions, params):
        return run(grad, positions, params, -1)

    def cos_sin(positions, params, dtype):
        check_params(params)
        if params["pairing"] != "half-split" or dtype == torch.float64:
            raise NotImplementedError("half-split, 32- and 16-bit only")
        cos, sin = cos_sin_cache(params, positions, dtype, inv_freq_fn)
        half = params["rotary_dim"] // 2
        return cos[:, :half].contiguous(), sin[:, :half].contiguous()

    rope.backward = backward
    rope.cos_sin = cos_sin
    return rope


rope = make_rope()
