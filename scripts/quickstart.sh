#!/usr/bin/env bash
# Install dependencies, build, and run the conformance suites on the bundled
# reference adapter, writing reports to build/reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
mkdir -p build/reports
./build/rope-conform --json build/reports/reference.json --junit build/reports/reference.xml \
  --markdown build/reports/reference.md build/adapters/librope_reference.so
