"""python3 -m rope_conform check|compute ...: see USAGE."""
import os
import sys

from . import bridge, cases, check, locate

USAGE = """usage: python3 -m rope_conform check MODULE:FUNCTION [rope-conform run options]
       python3 -m rope_conform compute MODULE:FUNCTION CASES.safetensors OUTPUTS.safetensors

MODULE is a module on PYTHONPATH or a path to a .py file; FUNCTION is
fn(x, positions, params) -> y (docs/python.md).

check runs rope-conform on the function through librope_python.so and
exits with its code; every other argument goes to `rope-conform run`
(--config FILE, --level N, --dtype D, --json F, ...).  The binary and the
adapter are found in the source tree's build/, an installed prefix, or
ROPE_CONFORM / ROPE_CONFORM_PYTHON_ADAPTER.

compute runs the function here, in this interpreter, on the cases of
`rope-conform gen` and writes the outputs `rope-conform verify` judges."""


def compute(spec, cases_path, outputs_path):
    fn = bridge.load(spec)
    array = os.environ.get("RC_PYTHON_ARRAY") or getattr(fn, "rope_conform_array", "auto")
    done, declined = cases.compute(fn, cases_path, outputs_path, array)
    print("rope_conform: %d cases computed, %d declared unsupported, written to %s"
          % (done, declined, outputs_path), file=sys.stderr)
    return 0


def main(argv):
    if argv[:1] in (["-h"], ["--help"]):
        print(USAGE)
        return 0
    if len(argv) == 4 and argv[0] == "compute" and ":" in argv[1]:
        return compute(*argv[1:])
    if len(argv) < 2 or argv[0] != "check" or ":" not in argv[1]:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        exe, adapter = locate.tools()
    except locate.NotFound as e:
        print("rope_conform: %s" % e, file=sys.stderr)
        return 2
    print("rope_conform: %s through %s (%s)" % (argv[1], adapter, exe), file=sys.stderr)
    return check.run(argv[1], argv[2:]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
