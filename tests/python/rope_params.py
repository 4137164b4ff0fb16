"""What the test candidates share: the parameter check (a conformant RoPE
refuses invalid params with an exception; rotating would be a FAIL) and
the scalar magnitude rules, which HF computes with Python floats too."""
import math


def check_params(params):
    r, hd, base = params["rotary_dim"], params["head_dim"], params["base"]
    if r < 2 or r % 2 or r > hd:
        raise ValueError("rotary_dim %d must be even and in [2, head_dim %d]" % (r, hd))
    if not (math.isfinite(base) and base > 1.0):
        raise ValueError("base %r must be finite and greater than 1" % base)
    if params["n_axes"] > 1:   # none of the test candidates implements M-RoPE
        raise NotImplementedError("M-RoPE positions [axis][token]")


def get_mscale(scale, mscale=1.0):
    return 1.0 if scale <= 1 else 0.1 * mscale * math.log(scale) + 1.0


def yarn_magnitude(params):
    """attention_factor, else the DeepSeek ratio, else 0.1 ln(s) + 1."""
    s = params["factor"]
    if params["attention_factor"]:
        return params["attention_factor"]
    if params["mscale"] and params["mscale_all_dim"]:
        return get_mscale(s, params["mscale"]) / get_mscale(s, params["mscale_all_dim"])
    return get_mscale(s)
