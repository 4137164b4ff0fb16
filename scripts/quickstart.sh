#!/usr/bin/env bash
# Install dependencies, build the tool, the reference adapter and the Python
# adapter (nothing else: no test programs), and run the conformance suites on the reference,
# writing reports to build/reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
# librope_python.so too: `PYTHONPATH=python python3 -m rope_conform check MODULE:FUNC`
TARGETS="rope-conform rope_reference rope_python" bash scripts/build.sh
mkdir -p build/reports
rc=0
./build/rope-conform --json build/reports/reference.json --junit build/reports/reference.xml \
  --markdown build/reports/reference.md build/adapters/librope_reference.so || rc=$?
echo "quickstart: built and ran in $((SECONDS - start)) s; reports in build/reports/"
exit "$rc"
