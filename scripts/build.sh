#!/usr/bin/env bash
# Configure and build into BUILD_DIR (default: build).  Extra arguments go to
# cmake's configure step, e.g. -DRC_SANITIZE=ON; TARGETS="a b" builds only
# those targets.  The Debian packages are checked (scripts/install-deps.sh)
# once per build tree, and again when install-deps.sh changes.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
stamp="$build_dir/.install-deps.sha256"
want=$(sha256sum scripts/install-deps.sh | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  bash scripts/install-deps.sh
  mkdir -p "$build_dir"
  echo "$want" > "$stamp"
fi
cmake -S . -B "$build_dir" "$@" >/dev/null
targets=()
for t in ${TARGETS:-}; do targets+=(--target "$t"); done
cmake --build "$build_dir" -j"$(nproc)" "${targets[@]}"
