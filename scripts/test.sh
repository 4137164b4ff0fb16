#!/usr/bin/env bash
# Build everything with -Werror and run the whole test suite (ctest).
# BUILD_DIR selects the build tree; extra arguments go to cmake (CI passes
# -DRC_SANITIZE=ON for the AddressSanitizer/UBSan run); CTEST_ARGS go to
# ctest (e.g. CTEST_ARGS="-L unit" for the fast tests alone).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
bash scripts/build.sh -DRC_WERROR=ON "$@"
built=$SECONDS
rc=0
# shellcheck disable=SC2086
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j"$(nproc)" ${CTEST_ARGS:-} || rc=$?
echo "test.sh: build $((built - start)) s, tests $((SECONDS - built)) s, total $((SECONDS - start)) s"
exit "$rc"
