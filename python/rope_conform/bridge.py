"""The Python side of librope_python.so (docs/python.md).

The adapter (adapters/python) carries this file and compiles it into the
interpreter it embeds, calls find(spec) when it is loaded and start(spec)
once per process, and then turns each ABI call into a call of the
Candidate below.  Every entry point returns (status, payload): 0 and the
output bytes, 1 and a reason (unsupported: a skip), or 2 and a one-line
error (a FAIL).  Buffers travel as bytes in the layout of the ABI:
contiguous [n_tokens][n_heads][head_dim], 16-bit types as their bit patterns.
"""
import importlib
import importlib.util
import os
import sys
import traceback

OK, UNSUPPORTED, ERROR = 0, 1, 2
DTYPE_NAMES = ("f64", "f32", "f16", "bf16")


class Reject(Exception):
    """A result the ABI cannot carry: the message is the FAIL's reason."""


def describe(exc):
    """The last line of the traceback, with where it was raised."""
    line = traceback.format_exception_only(type(exc), exc)[-1].strip()
    tb = traceback.extract_tb(exc.__traceback__)
    if tb:
        f = tb[-1]
        line += " (%s:%d in %s)" % (os.path.basename(f.filename), f.lineno, f.name)
    return line


class TorchArrays:
    kind = "torch"

    def __init__(self):
        import torch
        self.torch = torch
        self.dtypes = (torch.float64, torch.float32, torch.float16, torch.bfloat16)
        torch.set_num_threads(int(os.environ.get("RC_PYTHON_THREADS", "1")))
        self.version = "torch " + torch.__version__

    def make(self, raw, code, shape):
        torch = self.torch
        if not raw:
            return torch.zeros(shape, dtype=self.dtypes[code])
        return torch.frombuffer(bytearray(raw), dtype=self.dtypes[code]).reshape(shape)

    def positions(self, raw):
        torch = self.torch
        if not raw:
            return torch.zeros((0,), dtype=torch.int64)
        return torch.frombuffer(bytearray(raw), dtype=torch.int64)

    def to_bytes(self, y, code, shape, what):
        torch = self.torch
        if not isinstance(y, torch.Tensor):
            raise Reject("%s is a %s, expected a torch.Tensor" % (what, type(y).__name__))
        check(what, y.dtype, self.dtypes[code], tuple(y.shape), shape)
        if not y.is_contiguous():
            raise Reject("%s is not contiguous (strides %s for shape %s)"
                         % (what, tuple(y.stride()), tuple(y.shape)))
        y = y.detach().cpu()
        if code == 3:
            y = y.view(torch.int16)
        return y.numpy().tobytes()


class NumpyArrays:
    kind = "numpy"

    def __init__(self):
        import numpy as np
        self.np = np
        self.dtypes = (np.dtype(np.float64), np.dtype(np.float32), np.dtype(np.float16), None)
        self.version = "numpy " + np.__version__

    def make(self, raw, code, shape):
        if not raw:
            return self.np.zeros(shape, dtype=self.dtypes[code])
        return self.np.frombuffer(raw, dtype=self.dtypes[code]).reshape(shape).copy()

    def positions(self, raw):
        return self.np.frombuffer(raw, dtype=self.np.int64).copy()

    def to_bytes(self, y, code, shape, what):
        np = self.np
        if not isinstance(y, np.ndarray):
            raise Reject("%s is a %s, expected a numpy.ndarray" % (what, type(y).__name__))
        check(what, y.dtype, self.dtypes[code], tuple(y.shape), shape)
        if not y.flags.c_contiguous:
            raise Reject("%s is not contiguous (strides %s bytes for shape %s)"
                         % (what, y.strides, y.shape))
        return y.tobytes()


def check(what, dtype, want_dtype, shape, want_shape):
    if dtype != want_dtype:
        raise Reject("%s has dtype %s, expected %s" % (what, dtype, want_dtype))
    if shape != want_shape:
        raise Reject("%s has shape %s, expected %s" % (what, list(shape), list(want_shape)))


def choose_arrays(fn):
    """RC_PYTHON_ARRAY, else the candidate's rope_conform_array attribute,
    else torch when it imports, else numpy."""
    kind = os.environ.get("RC_PYTHON_ARRAY") or getattr(fn, "rope_conform_array", "auto")
    if kind == "torch":
        return TorchArrays()
    if kind == "numpy":
        return NumpyArrays()
    if kind != "auto":
        raise ValueError("RC_PYTHON_ARRAY must be torch, numpy or auto, got %r" % kind)
    try:
        return TorchArrays()
    except ImportError:
        return NumpyArrays()


def load(spec):
    """module:function, the module a dotted name on sys.path or a .py path."""
    mod_name, sep, attr = spec.rpartition(":")
    if not sep or not mod_name or not attr:
        raise ValueError("RC_PYTHON_CANDIDATE must be module:function, got %r" % spec)
    if mod_name.endswith(".py") or os.sep in mod_name:
        path = os.path.abspath(mod_name)
        if not os.path.isfile(path):
            raise FileNotFoundError("no such file: %s" % path)
        name = "rc_candidate_" + os.path.splitext(os.path.basename(path))[0]
        sys.path.insert(0, os.path.dirname(path))
        mspec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(mspec)
        sys.modules[name] = module
        mspec.loader.exec_module(module)
    else:
        module = importlib.import_module(mod_name)
    obj = module
    for part in attr.split("."):
        obj = getattr(obj, part)
    if not callable(obj):
        raise TypeError("%s is not callable" % spec)
    return obj


class Candidate:
    def __init__(self, spec):
        self.fn = load(spec)
        self.arrays = choose_arrays(self.fn)
        self.has_backward = callable(getattr(self.fn, "backward", None))
        self.has_cos_sin = callable(getattr(self.fn, "cos_sin", None))
        self.version = "%s on Python %s (%s), %s" % (
            spec, sys.version.split()[0], sys.executable, self.arrays.version)

    def guarded(self, body):
        try:
            return OK, body()
        except NotImplementedError as e:
            return UNSUPPORTED, str(e) or "NotImplementedError"
        except Reject as e:
            return ERROR, str(e)
        except BaseException as e:  # SystemExit too: a FAIL, not an exit
            return ERROR, describe(e)

    def dtype(self, code):
        dt = self.arrays.dtypes[code]
        if dt is None:
            raise NotImplementedError("%s has no %s" % (self.arrays.kind, DTYPE_NAMES[code]))
        return dt

    def supports(self, params, code):
        def body():
            dt = self.dtype(code)
            if hasattr(self.fn, "supports"):
                if not self.fn.supports(params, dt):
                    raise NotImplementedError("supports() said no")
                return b""
            x = self.arrays.make(b"", code, (1, 1, params["head_dim"]))
            try:
                self.fn(x, self.arrays.positions(b"\0" * 8), params)
            except NotImplementedError:
                raise
            except BaseException:
                pass  # not a refusal: apply will report it
            return b""
        return self.guarded(body)

    def rotate(self, backward, params, code, pos_raw, x_raw, n_tokens, n_heads, head_dim):
        def body():
            shape = (n_tokens, n_heads, head_dim)
            self.dtype(code)
            x = self.arrays.make(x_raw, code, shape)
            if backward and not self.has_backward:
                raise NotImplementedError("the candidate has no backward attribute")
            fn = self.fn.backward if backward else self.fn
            y = fn(x, self.arrays.positions(pos_raw), params)
            return self.arrays.to_bytes(y, code, shape, "the returned tensor")
        return self.guarded(body)

    def cos_sin(self, params, code, pos_raw, n):
        def body():
            dt = self.dtype(code)
            if not self.has_cos_sin:
                raise NotImplementedError("the candidate has no cos_sin attribute")
            pair = self.fn.cos_sin(self.arrays.positions(pos_raw), params, dt)
            if not isinstance(pair, tuple) or len(pair) != 2:
                raise Reject("cos_sin returned %s, expected a (cos, sin) tuple" % type(pair).__name__)
            shape = (n, params["rotary_dim"] // 2)
            return b"".join(self.arrays.to_bytes(t, code, shape, "the returned " + w)
                            for t, w in zip(pair, ("cos", "sin")))
        return self.guarded(body)


def find(spec):
    """Whether spec can be loaded, without running the module: a cheap
    check for load time (the import itself waits for the first call)."""
    try:
        mod_name, sep, attr = spec.rpartition(":")
        if not sep or not mod_name or not attr:
            raise ValueError("RC_PYTHON_CANDIDATE must be module:function, got %r" % spec)
        if mod_name.endswith(".py") or os.sep in mod_name:
            if not os.path.isfile(mod_name):
                raise FileNotFoundError("no such file: %s" % os.path.abspath(mod_name))
        elif importlib.util.find_spec(mod_name) is None:
            raise ModuleNotFoundError("no module named %r on sys.path" % mod_name)
        return OK, ""
    except BaseException as e:
        return ERROR, "cannot load candidate %s: %s" % (spec, describe(e))


def start(spec):
    try:
        return OK, Candidate(spec)
    except BaseException as e:
        return ERROR, "cannot load candidate %s: %s" % (spec, describe(e))
