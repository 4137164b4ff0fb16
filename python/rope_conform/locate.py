"""Where the rope-conform binary and librope_python.so are: the
environment variables ROPE_CONFORM and ROPE_CONFORM_PYTHON_ADAPTER, else
the source tree's build/ (this package under python/), else an installed
rope-conform on PATH with the adapter in <prefix>/<libdir>/rope-conform/."""
import os
import shutil
import sysconfig

ADAPTER = "librope_python.so"


class NotFound(Exception):
    """A one-line message saying what is missing and how to get it."""


def _source_build():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    build = os.environ.get("ROPE_CONFORM_BUILD_DIR", os.path.join(root, "build"))
    return os.path.join(build, "rope-conform"), os.path.join(build, "adapters", ADAPTER)


def _installed():
    """bin/rope-conform on PATH, and <prefix>/<libdir>/rope-conform/ (libdir
    lib, lib64 or lib/<multiarch>: GNUInstallDirs' choice)."""
    exe = shutil.which("rope-conform")
    if not exe:
        return None, None
    prefix = os.path.dirname(os.path.dirname(os.path.realpath(exe)))
    arch = sysconfig.get_config_var("MULTIARCH") or ""
    for libdir in ("lib", "lib64", os.path.join("lib", arch)):
        path = os.path.join(prefix, libdir, "rope-conform", ADAPTER)
        if os.path.isfile(path):
            return exe, path
    return exe, None


def tools():
    """(rope-conform binary, librope_python.so), or NotFound."""
    exe, adapter = os.environ.get("ROPE_CONFORM"), os.environ.get("ROPE_CONFORM_PYTHON_ADAPTER")
    for guess in (_source_build(), _installed()):
        if not exe and guess[0] and os.access(guess[0], os.X_OK):
            exe = guess[0]
        if not adapter and guess[1] and os.path.isfile(guess[1]):
            adapter = guess[1]
    if not exe:
        raise NotFound("rope-conform binary not found: build it (bash scripts/quickstart.sh), "
                       "install it, or set ROPE_CONFORM")
    if not adapter:
        raise NotFound(ADAPTER + " not found: build it (it needs python3-dev; "
                       "scripts/install-deps.sh installs it) or set ROPE_CONFORM_PYTHON_ADAPTER")
    return exe, adapter
