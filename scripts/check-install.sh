#!/usr/bin/env bash
# Install a build tree into a temporary prefix, DELETE the build tree, and
# use the installed rope-conform as a user would, from another directory:
# the verdict on the installed reference, `catalogue selftest`, `vectors
# check`, a Python candidate through the installed package, pkg-config, the manual page, and examples/consumer built with
# find_package against the prefix and run by its ctest.
# usage: bash scripts/check-install.sh BUILD_DIR
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: check-install.sh BUILD_DIR}" && pwd)
start=$SECONDS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
P=$work/prefix
cmake --install "$build" --prefix "$P" >/dev/null
rm -rf "$build"
mkdir "$work/elsewhere"
cd "$work/elsewhere"
unset ROPE_CONFORM_LIB_DIR ROPE_CONFORM_DATA_DIR
step() { echo "-- $*"; }

step "rope-conform on the installed reference"
"$P/bin/rope-conform" --json ref.json "$P/lib/rope-conform/librope_reference.so" | tail -1
step "catalogue selftest"
"$P/bin/rope-conform" catalogue selftest | tail -1
step "vectors check (the installed vectors)"
"$P/bin/rope-conform" vectors check "$P/lib/rope-conform/librope_reference.so" >/dev/null
if [ -f "$P/lib/rope-conform/librope_python.so" ]; then
  step "a Python candidate through the installed rope_conform package"
  PATH=$P/bin:$PATH PYTHONPATH=$P/lib/python3/dist-packages /usr/bin/python3 -m rope_conform check \
    "$src/tests/python/numpy_rope.py:rope" --config "$src/tests/fixtures/llama31_8b.json" --suite accuracy 2>&1 | tail -1
fi
step "pkg-config"
cflags=$(PKG_CONFIG_PATH=$P/lib/pkgconfig pkg-config --cflags rope-conform)
[ "${cflags% }" = "-I$P/include" ] || { echo "pkg-config --cflags: '$cflags', expected -I$P/include" >&2; exit 1; }
step "man page"
MANWIDTH=80 man -l "$P/share/man/man1/rope-conform.1" >man.txt 2>man.err
if [ -s man.err ] || ! grep -q "ROPE_CONFORM_DATA_DIR" man.txt; then
  cat man.err >&2
  echo "man -l: the page does not render cleanly" >&2
  exit 1
fi
step "examples/consumer against the prefix"
cmake -S "$src/examples/consumer" -B consumer -DCMAKE_PREFIX_PATH="$P" >/dev/null
cmake --build consumer >/dev/null
ctest --test-dir consumer --output-on-failure | grep -E "tests passed|Failed"
echo "check-install: passed in $((SECONDS - start)) s"
