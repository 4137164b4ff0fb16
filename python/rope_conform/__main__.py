"""python3 -m rope_conform check module:function [--config C] [options]:
rope-conform on a Python function; the exit code is rope-conform's."""
import sys

from . import check, locate

USAGE = """usage: python3 -m rope_conform check MODULE:FUNCTION [rope-conform run options]

MODULE is a module on PYTHONPATH or a path to a .py file; FUNCTION is
fn(x, positions, params) -> y (docs/python.md).  Every other argument goes
to `rope-conform run` (--config FILE, --level N, --dtype D, --json F, ...).
The binary and librope_python.so are found in the source tree's build/, an
installed prefix, or ROPE_CONFORM / ROPE_CONFORM_PYTHON_ADAPTER."""


def main(argv):
    if len(argv) >= 1 and argv[0] in ("-h", "--help"):
        print(USAGE)
        return 0
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
