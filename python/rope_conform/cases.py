"""The cases files of `rope-conform gen` and the outputs files `rope-conform
verify` judges (docs/python.md): read the cases, run a contract function
fn(x, positions, params) -> y on them anywhere (a GPU included), write the
outputs.

    for case in cases.read("cases.safetensors"):
        for call in case.calls: ... call.x, call.positions, call.params ...
"""
import json
from collections import namedtuple

from . import safetensors

# The params dict of the contract: the params-JSON keys (docs/config.md)
# with their defaults, plus rope_theta (HF's name for base).  The Python
# adapter builds the same dict (adapters/python/adapter_python.c).
PARAM_DEFAULTS = {
    "head_dim": 0, "rotary_dim": 0, "pairing": "half-split", "rope_type": "default",
    "base": 10000.0, "rope_theta": 10000.0, "factor": 0.0, "original_max_position": 0,
    "max_position": 0, "low_freq_factor": 0.0, "high_freq_factor": 0.0, "beta_fast": 0.0,
    "beta_slow": 0.0, "attention_factor": 0.0, "mscale": 0.0, "mscale_all_dim": 0.0,
    "truncate": False, "short_factor": None, "long_factor": None, "seq_len": 0,
    "freq_pairs": 0, "n_axes": 0, "mrope_section": [0, 0, 0], "mrope_layout": "sectioned",
}
_DTYPES = {"f64": "F64", "f32": "F32", "f16": "F16", "bf16": "BF16"}

Call = namedtuple("Call", "x positions params in_place output")
Case = namedtuple("Case", "key suite name dtype calls")


def _number(v, kind):
    if isinstance(v, str):
        v = float.fromhex(v) if v.lower().lstrip("+-").startswith("0x") else float(v)
    return kind(v)


def contract_params(pj):
    """The contract's params dict from a params JSON object."""
    p = dict(PARAM_DEFAULTS)
    p["mrope_section"] = list(PARAM_DEFAULTS["mrope_section"])
    p["rotary_dim"] = pj["head_dim"]
    if pj.get("rope_type") == "yarn":
        p.update(beta_fast=32.0, beta_slow=1.0, truncate=True)
    for key, value in pj.items():
        if key not in p:
            continue
        default = PARAM_DEFAULTS[key]
        if key in ("short_factor", "long_factor"):
            value = [_number(v, float) for v in value]
        elif key == "mrope_section":
            value = [_number(v, int) for v in value]
        elif isinstance(default, bool) or isinstance(default, str):
            pass
        else:
            value = _number(value, type(default))
        p[key] = value
    p["rope_theta"] = p["base"]
    return p


def _arrays(array):
    if array in ("torch", "auto"):
        try:
            import torch  # noqa: F401
            return safetensors.to_torch
        except ImportError:
            if array == "torch":
                raise
    return safetensors.to_numpy


def read(path, array="auto"):
    """The cases of a gen file, in order, inputs as torch tensors (array
    "torch", or "auto" when torch imports) or numpy arrays ("numpy";
    BF16 inputs then arrive as their uint16 bit patterns)."""
    tensors, meta = safetensors.read(path)
    if meta.get("rope_conform_cases") != "1":
        raise ValueError("%s is not a cases file of rope-conform gen" % path)
    convert = _arrays(array)
    out = []
    for i in range(int(meta["cases"])):
        key = "c%05d" % i
        m = json.loads(meta[key])
        calls = [Call(convert(tensors[c["x"]]), convert(tensors[c["positions"]]),
                      contract_params(c["params"]), c["in_place"], c["y"]) for c in m["calls"]]
        out.append(Case(key, m["suite"], m["name"], m["dtype"], calls))
    return out


def compute(fn, cases_path, outputs_path, array="auto", to_device=None):
    """Run fn on every case of cases_path and write outputs_path for
    `rope-conform verify`.  A case fn raises NotImplementedError on is
    declared unsupported; any other exception propagates.  to_device: a
    function applied to x and positions first (e.g. lambda t: t.cuda()).
    Returns (cases computed, cases declared unsupported)."""
    outputs, marks = {}, {}
    numpy = _arrays(array) is safetensors.to_numpy
    for case in read(cases_path, array):
        if numpy and case.dtype == "bf16":
            marks[case.key] = "unsupported"   # numpy has no bfloat16
            continue
        try:
            ys = {}
            for call in case.calls:
                x, pos = call.x, call.positions
                if to_device:
                    x, pos = to_device(x), to_device(pos)
                ys[call.output] = fn(x, pos, call.params)
            outputs.update(ys)
        except NotImplementedError:
            marks[case.key] = "unsupported"
    safetensors.write(outputs_path, outputs, marks)
    return len(read_keys(outputs)), len(marks)


def read_keys(outputs):
    return {name.split(".")[0] for name in outputs}
