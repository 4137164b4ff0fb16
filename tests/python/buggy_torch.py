"""Three known RoPE bugs in the HF-style PyTorch RoPE of hf_torch.py, each
an entry of the bug catalogue (docs/catalogue.md).  rope-conform must FAIL
each of them and name the entry."""
import torch

import hf_torch


def rotate_half_inverse(x):
    """direction.inverse-rotation: cat(x2, -x1) rotates by -angle."""
    half = x.shape[-1] // 2
    return torch.cat((x[..., half:], -x[..., :half]), dim=-1)


def rotate_every_two(x):
    x1, x2 = x[..., ::2], x[..., 1::2]
    return torch.stack((-x2, x1), dim=-1).flatten(-2)


def interleaved_pairs(x, positions, params):
    """pairing.half-split-as-interleaved: GPT-J's rotate_every_two, with
    frequency k on channels (2k, 2k+1), on a half-split config."""
    hf_torch.check_params(params)
    if x.dtype == torch.float64:
        raise NotImplementedError("a float32 table cannot give float64 accuracy")
    r = params["rotary_dim"]
    cos, sin = hf_torch.cos_sin_cache(params, positions, x.dtype)
    cos = cos[:, None, : r // 2].repeat_interleave(2, dim=-1)
    sin = sin[:, None, : r // 2].repeat_interleave(2, dim=-1)
    y = x[..., :r] * cos + rotate_every_two(x[..., :r]) * sin
    return torch.cat((y, x[..., r:]), dim=-1)


def llama3_unscaled(params):
    """llama3.unscaled-returned: the Llama 3 bands computed, the unscaled
    frequencies returned."""
    inv, scaling = hf_torch.inv_freq_and_scaling(params)
    if params["rope_type"] == "llama3":
        inv = hf_torch.default_inv_freq(params)
    return inv, scaling


inverse_rotation = hf_torch.make_rope(rotate=rotate_half_inverse)
llama3_unscaled_returned = hf_torch.make_rope(inv_freq_fn=llama3_unscaled)

# Which catalogue entry each variant is (the tests check the diagnosis).
EXPECTED = {
    "inverse_rotation": "direction.inverse-rotation",
    "interleaved_pairs": "pairing.half-split-as-interleaved",
    "llama3_unscaled_returned": "llama3.unscaled-returned",
}
