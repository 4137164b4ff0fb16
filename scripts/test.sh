#!/usr/bin/env bash
# Install dependencies, build, and run the whole test suite (ctest).
# BUILD_DIR selects the build tree; extra arguments go to cmake (CI passes
# -DRC_SANITIZE=ON for the AddressSanitizer/UBSan run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh "$@"
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"
