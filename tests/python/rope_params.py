"""Parameter checks shared by the test candidates: a conformant RoPE
refuses invalid params with an exception (a FAIL would be to rotate)."""
import math


def check_params(params):
    r, hd, base = params["rotary_dim"], params["head_dim"], params["base"]
    if r < 2 or r % 2 or r > hd:
        raise ValueError("rotary_dim %d must be even and in [2, head_dim %d]" % (r, hd))
    if not (math.isfinite(base) and base > 1.0):
        raise ValueError("base %r must be finite and greater than 1" % base)
