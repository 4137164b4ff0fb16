"""A candidate that checks the params dict the adapter hands it against
rope_conform.cases.PARAM_DEFAULTS (keys and value types), then rotates
like hf_torch.rope.  Any difference is an exception, hence a FAIL."""
from rope_conform.cases import PARAM_DEFAULTS

import hf_torch


def rope(x, positions, params):
    if set(params) != set(PARAM_DEFAULTS):
        raise KeyError("params keys differ: %s" % sorted(set(params) ^ set(PARAM_DEFAULTS)))
    for key, default in PARAM_DEFAULTS.items():
        if default is not None and type(params[key]) is not type(default):
            raise TypeError("params[%r] is a %s" % (key, type(params[key]).__name__))
    if params["rope_theta"] != params["base"] or params["rotary_dim"] != 128:
        raise ValueError("rope_theta/rotary_dim wrong: %r" % params)
    return hf_torch.rope(x, positions, params)
