#!/usr/bin/env bash
# Configure and build into BUILD_DIR (default: build).  Extra arguments go to
# cmake's configure step, e.g. -DRC_SANITIZE=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DRC_WERROR=ON "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
