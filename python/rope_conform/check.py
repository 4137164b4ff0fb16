"""Running rope-conform on a Python function through librope_python.so."""
import inspect
import json
import os
import subprocess
import sys
import tempfile

from . import locate


def _binding(fn):
    """(source file, name) by which the adapter can import fn: its module
    and qualified name, or any loaded module's variable bound to it
    (functions made by a factory)."""
    qual = getattr(fn, "__qualname__", "")
    if qual and "<" not in qual:
        return inspect.getsourcefile(fn), qual
    home = sys.modules.get(getattr(fn, "__module__", None))
    for module in [home] + list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if not path or not path.endswith(".py"):
            continue
        for name, value in list(vars(module).items()):
            if value is fn:
                return path, name
    return None, None


def spec_of(fn):
    """'path/to/file.py:name' for fn, which the adapter imports by name in
    its own interpreter."""
    path, name = _binding(fn)
    if not path:
        raise TypeError("rope_conform needs a function bound to a module-level name (got %r): "
                        "the adapter imports it by name in its own interpreter" % (fn,))
    return "%s:%s" % (os.path.abspath(path), name)


def run(spec, args, capture=False):
    """rope-conform ARGS with the Python adapter on spec (module:function);
    the CompletedProcess (output captured or not)."""
    exe, adapter = locate.tools()
    env = dict(os.environ, RC_PYTHON_CANDIDATE=spec)
    return subprocess.run([exe, "run"] + list(args) + [adapter], env=env,
                          capture_output=capture, text=True)


def _case_line(c):
    line = "%s/%s [%s]: %s" % (c["suite"], c["name"], c["dtype"], c["message"])
    return line + (" | likely cause: " + c["cause"] if c.get("cause") else "")


def diagnosis(report, limit=12):
    """The report's Diagnosis block: its run-level `diagnosis` when the
    report has one, else the fatal error and the failing cases."""
    d = report.get("diagnosis")
    if d:
        return d if isinstance(d, str) else json.dumps(d, indent=2)
    lines = ["fatal: " + report["fatal"]] if report.get("fatal") else []
    fails = [c for c in report.get("cases", []) if c.get("status") == "FAIL"]
    lines += [_case_line(c) for c in fails[:limit]]
    if len(fails) > limit:
        lines.append("... and %d more failing cases" % (len(fails) - limit))
    return "\n".join(lines)


def _one_run(spec, config, dtype, level, extra):
    args = ["--level", str(level), "-q"] + list(extra)
    if config:
        args += ["--config", str(config)]
    if dtype:
        args += ["--dtype", dtype]
    with tempfile.TemporaryDirectory(prefix="rope-conform-") as tmp:
        path = os.path.join(tmp, "report.json")
        proc = run(spec, args + ["--json", path], capture=True)
        report = None
        if os.path.exists(path):
            with open(path) as f:
                report = json.load(f)
    if proc.returncode == 0:
        return None
    head = "rope-conform: %s is not conformant (exit %d%s%s)" % (
        spec, proc.returncode, ", config " + str(config) if config else "", ", dtype " + dtype if dtype else "")
    body = diagnosis(report) if report else (proc.stderr.strip() or proc.stdout.strip())
    return head + "\n" + body


def assert_conformant(fn, config=None, dtypes=None, level=1, extra_args=()):
    """Run rope-conform on fn (a contract function, docs/python.md) and
    raise AssertionError with the Diagnosis block unless it exits 0.
    config: a --config file; dtypes: e.g. ["f32", "bf16"] (one run each),
    None for every dtype fn supports; extra_args: more rope-conform options."""
    spec = fn if isinstance(fn, str) else spec_of(fn)
    problems = [p for p in (_one_run(spec, config, d, level, extra_args) for d in (dtypes or [None])) if p]
    if problems:
        raise AssertionError("\n\n".join(problems))
