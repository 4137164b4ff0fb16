#!/usr/bin/env bash
# Install dependencies, build the tool and the reference adapter (nothing
# else: no test programs), and run the conformance suites on the reference,
# writing reports to build/reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
TARGETS="rope-conform rope_reference" bash scripts/build.sh
mkdir -p build/reports
rc=0
./build/rope-conform --json build/reports/reference.json --junit build/reports/reference.xml \
  --markdown build/reports/reference.md build/adapters/librope_reference.so || rc=$?
echo "quickstart: built and ran in $((SECONDS - start)) s; reports in build/reports/"
exit "$rc"
