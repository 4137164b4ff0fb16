"""Python candidates end to end (ctest runs each TestCase as its own test):
the embedded-Python adapter, gen/verify, the rope_conform package, and the
failures a Python candidate can hand back.  Level 1 only, to keep CI fast.

ROPE_CONFORM and ROPE_CONFORM_PYTHON_ADAPTER name the build's binary and
adapter; PYTHONPATH holds python/ and this directory.
"""
import json
import os
import struct
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LLAMA = os.path.join(ROOT, "tests", "fixtures", "llama31_8b.json")
# a model whose torch_dtype is float16: --config plans that dtype and f32
LLAMA2 = os.path.join(ROOT, "tests", "fixtures", "llama2_7b.json")

import rope_conform  # noqa: E402
from rope_conform import cases, safetensors  # noqa: E402

try:
    import torch  # noqa: F401
    HAVE_TORCH = True
except ImportError:
    HAVE_TORCH = False
try:
    import numpy  # noqa: F401
    HAVE_NUMPY = True
except ImportError:
    HAVE_NUMPY = False
needs_torch = unittest.skipUnless(HAVE_TORCH, "python3-torch is not installed")
needs_numpy = unittest.skipUnless(HAVE_NUMPY, "python3-numpy is not installed")


def candidate(spec):
    return os.path.join(HERE, spec)


def check(spec, *args):
    """rope-conform run on spec through the adapter: (exit code, output)."""
    proc = rope_conform.run(candidate(spec), ["--level", "1"] + list(args), capture=True)
    return proc.returncode, proc.stdout + proc.stderr


def gen_compute_verify(spec, tmp, *gen_args):
    """gen, rope_conform compute, verify: (exit code, output)."""
    exe, _ = rope_conform.tools()
    cases_path, out_path = os.path.join(tmp, "cases.st"), os.path.join(tmp, "out.st")
    subprocess.run([exe, "gen", "-o", cases_path] + list(gen_args), check=True, capture_output=True)
    subprocess.run([sys.executable, "-W", "ignore", "-m", "rope_conform", "compute", candidate(spec),
                    cases_path, out_path], check=True, capture_output=True)
    proc = subprocess.run([exe, "verify", cases_path, out_path], capture_output=True, text=True)
    return proc.returncode, proc.stdout + proc.stderr


class ConformantTests(unittest.TestCase):
    """The HF-style torch RoPE and the numpy RoPE pass, both ways."""

    def passes(self, code, out):
        self.assertEqual(code, 0, out[-3000:])
        self.assertRegex(out, r"PASS")

    @needs_torch
    def test_hf_torch_llama31_adapter(self):
        self.passes(*check("hf_torch.py:rope", "--config", LLAMA))

    @needs_torch
    def test_hf_torch_grid_adapter(self):
        self.passes(*check("hf_torch.py:rope"))

    @needs_numpy
    def test_numpy_llama31_adapter(self):
        self.passes(*check("numpy_rope.py:rope", "--config", LLAMA))

    @needs_numpy
    def test_numpy_grid_adapter(self):
        self.passes(*check("numpy_rope.py:rope"))


class GenVerifyTests(unittest.TestCase):
    def verify(self, spec, *gen_args):
        with tempfile.TemporaryDirectory() as tmp:
            return gen_compute_verify(spec, tmp, *gen_args)

    @needs_torch
    def test_hf_torch_llama31(self):
        code, out = self.verify("hf_torch.py:rope", "--config", LLAMA)
        self.assertEqual(code, 0, out[-3000:])

    @needs_torch
    def test_hf_torch_grid(self):
        code, out = self.verify("hf_torch.py:rope")
        self.assertEqual(code, 0, out[-3000:])

    @needs_numpy
    def test_numpy_llama31_and_grid(self):
        for args in (("--config", LLAMA), ()):
            code, out = self.verify("numpy_rope.py:rope", *args)
            self.assertEqual(code, 0, out[-3000:])

    @needs_torch
    def test_buggy_fails_with_diagnosis(self):
        code, out = self.verify("buggy_torch.py:inverse_rotation", "--config", LLAMA, "--dtype", "bf16")
        self.assertEqual(code, 1, out[-3000:])
        self.assertIn("catalogue entry direction.inverse-rotation", out)

    @needs_numpy
    def test_bad_outputs_fail_with_reason(self):
        """Missing, mistyped and misshapen outputs are FAILs naming them;
        an outputs file that declines everything is a FAIL too."""
        exe, _ = rope_conform.tools()
        with tempfile.TemporaryDirectory() as tmp:
            cases_path, out_path = os.path.join(tmp, "c.st"), os.path.join(tmp, "o.st")
            subprocess.run([exe, "gen", "--config", LLAMA, "--dtype", "f32", "-o", cases_path], check=True,
                           capture_output=True)
            import numpy as np
            all_cases = cases.read(cases_path, "numpy")
            outs = {}
            for case in all_cases[1:]:
                for call in case.calls:
                    outs[call.output] = call.x.astype(np.float64)       # wrong dtype
            first = all_cases[1].calls[0]
            outs[first.output] = first.x[:, :, :2]                      # wrong shape
            safetensors.write(out_path, outs)
            proc = subprocess.run([exe, "verify", cases_path, out_path], capture_output=True, text=True)
            out = proc.stdout + proc.stderr
            self.assertEqual(proc.returncode, 1, out)
            self.assertIn("the outputs file has no tensor c00000.0.y", out)
            self.assertIn("has dtype F64, expected F32", out)
            self.assertRegex(out, r"has shape \[\d+, \d+, 2\] \(3 dims\), expected \[\d+, \d+, 128\]")
            safetensors.write(out_path, {}, {c.key: "unsupported" for c in all_cases})
            proc = subprocess.run([exe, "verify", cases_path, out_path], capture_output=True, text=True)
            self.assertEqual(proc.returncode, 1)
            self.assertIn("declares every case unsupported", proc.stdout)

    def test_not_a_cases_file(self):
        exe, _ = rope_conform.tools()
        with tempfile.TemporaryDirectory() as tmp:
            bad = os.path.join(tmp, "bad.st")
            with open(bad, "wb") as f:
                f.write(struct.pack("<Q", 1 << 40) + b"{}")
            proc = subprocess.run([exe, "verify", bad, bad], capture_output=True, text=True)
            self.assertEqual(proc.returncode, 2)
            self.assertIn("not a safetensors file (bad header length)", proc.stderr)
            safetensors.write(bad, {}, {"x": "y"})
            proc = subprocess.run([exe, "verify", bad, bad], capture_output=True, text=True)
            self.assertEqual(proc.returncode, 2)
            self.assertIn("not a cases file of rope-conform gen", proc.stderr)


@needs_torch
class BuggyTests(unittest.TestCase):
    """Three known bugs: exit 1, and the diagnosis names the catalogue entry
    (in bf16: the f32 error model is too tight for the differential to
    match a mis-paired candidate whose f32 angles carry their own error)."""

    def test_each_variant_fails_and_is_named(self):
        import buggy_torch
        for name, entry in buggy_torch.EXPECTED.items():
            with self.subTest(variant=name):
                code, out = check("buggy_torch.py:" + name, "--config", LLAMA, "--dtype", "bf16")
                self.assertEqual(code, 1, out[-2000:])
                self.assertIn("catalogue entry " + entry, out)


@needs_torch
class BadReturnTests(unittest.TestCase):
    """Wrong shape, dtype, contiguity, type, and exceptions: FAILs with the
    reason, never a crash of the harness."""

    def test_each_is_a_fail_with_its_reason(self):
        import bad_returns
        for name, reason in bad_returns.EXPECTED.items():
            with self.subTest(candidate=name):
                code, out = check("bad_returns.py:" + name, "--config", LLAMA, "--suite", "accuracy",
                                  "--dtype", "bf16")
                self.assertEqual(code, 1, out[-2000:])
                self.assertIn(reason, out)
                self.assertNotIn("CRASH", out)

    def test_candidate_imported_once_per_run(self):
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(tmp, "imports")
            os.environ["RC_TEST_IMPORT_LOG"] = log
            try:
                code, out = check("import_counter.py:rope", "--config", LLAMA, "--jobs", "1")
            finally:
                del os.environ["RC_TEST_IMPORT_LOG"]
            self.assertEqual(code, 0, out[-2000:])
            with open(log) as f:
                self.assertEqual(len(f.read().split()), 1)

    def test_unloadable_candidate_is_a_load_error(self):
        code, out = check("no_such_module_here.py:rope")
        self.assertEqual(code, 2, out)
        self.assertIn("no such file", out)


@needs_numpy
class SanitizedTests(unittest.TestCase):
    """The one group the sanitizer build runs: the adapter and gen/verify
    on the NumPy candidate, small (torch under ASan is slow, and neither
    it nor libpython frees what it keeps for the process's lifetime)."""

    def test_numpy_adapter_and_gen_verify(self):
        code, out = check("numpy_rope.py:rope", "--config", LLAMA, "--suite", "accuracy", "--dtype", "f32")
        self.assertEqual(code, 0, out[-3000:])
        with tempfile.TemporaryDirectory() as tmp:
            code, out = gen_compute_verify("numpy_rope.py:rope", tmp, "--config", LLAMA2, "--dtype", "f16")
        self.assertEqual(code, 0, out[-3000:])


class PackageTests(unittest.TestCase):
    def test_safetensors_layout(self):
        """The writer's bytes, checked by hand: header length, JSON, data."""
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "t.st")
            data = struct.pack("<3f", 1.0, -2.5, 0.125)
            safetensors.write(path, {"a": safetensors.Tensor("F32", (3,), data)}, {"k": "v"})
            blob = open(path, "rb").read()
            (n,) = struct.unpack("<Q", blob[:8])
            self.assertEqual(n % 8, 0)
            header = json.loads(blob[8:8 + n])
            self.assertEqual(header["a"], {"dtype": "F32", "shape": [3], "data_offsets": [0, 12]})
            self.assertEqual(header["__metadata__"], {"k": "v"})
            self.assertEqual(blob[8 + n:], data)
            tensors, meta = safetensors.read(path)
            self.assertEqual(tensors["a"], safetensors.Tensor("F32", (3,), data))
            self.assertEqual(meta, {"k": "v"})

    def test_contract_params_from_params_json(self):
        p = cases.contract_params({"rope_conform_params": 1, "head_dim": 64, "rope_type": "yarn",
                                   "base": "0x1.388p+13", "factor": 4, "original_max_position": 4096})
        self.assertEqual(set(p), set(cases.PARAM_DEFAULTS))
        self.assertEqual((p["rotary_dim"], p["base"], p["rope_theta"]), (64, 10000.0, 10000.0))
        self.assertEqual((p["beta_fast"], p["beta_slow"], p["truncate"]), (32.0, 1.0, True))

    @needs_numpy
    def test_gen_mrope_positions_per_axis(self):
        """An M-RoPE config's cases carry positions [3, n_tokens] ([axis][token])."""
        exe, _ = rope_conform.tools()
        qwen = os.path.join(ROOT, "tests", "fixtures", "qwen2_vl_7b.json")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "cases.st")
            subprocess.run([exe, "gen", "--config", qwen, "--dtype", "f32", "-o", path], check=True,
                           capture_output=True)
            calls = [call for case in cases.read(path, array="numpy") for call in case.calls]
        mrope = [call for call in calls if call.params["n_axes"] == 3]
        self.assertGreater(len(mrope), 10)   # the model's own cases; synthetic scaling ones are 1-D
        for call in calls:
            want = (3, call.x.shape[0]) if call.params["n_axes"] == 3 else (call.x.shape[0],)
            self.assertEqual(tuple(call.positions.shape), want)
        for call in mrope:
            self.assertEqual(call.params["mrope_section"], [16, 24, 24])

    @needs_torch
    def test_adapter_params_match_the_package(self):
        """The adapter's params dict has the package's keys and types."""
        code, out = check("params_probe.py:rope", "--config", LLAMA, "--suite", "accuracy", "--dtype", "f32")
        self.assertEqual(code, 0, out[-2000:])

    @needs_torch
    def test_check_command_from_the_source_tree(self):
        env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
        proc = subprocess.run([sys.executable, "-m", "rope_conform", "check", candidate("hf_torch.py:rope"),
                               "--config", LLAMA, "--dtype", "bf16", "-q"], cwd=ROOT, env=env,
                              capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("through", proc.stderr)

    @needs_torch
    def test_assert_conformant(self):
        import buggy_torch
        import hf_torch
        rope_conform.assert_conformant(hf_torch.rope, config=LLAMA, dtypes=["bf16"])
        with self.assertRaises(AssertionError) as ctx:
            rope_conform.assert_conformant(buggy_torch.llama3_unscaled_returned, config=LLAMA, dtypes=["bf16"])
        self.assertIn("is not conformant (exit 1", str(ctx.exception))
        self.assertIn("llama3.unscaled-returned", str(ctx.exception))


if __name__ == "__main__":
    unittest.main()
