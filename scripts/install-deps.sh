#!/usr/bin/env bash
# Install the Debian packages rope-conform builds with, when any is missing.
# --ci adds what .ci/run needs besides: clang (the second compiler), man-db
# (renders the manual page), and headless Chromium, libpng and a font
# (scripts/check-html-render.sh).
set -euo pipefail
# python3-dev, python3-numpy, python3-torch: the Python adapter and its tests
# (adapters/python, docs/python.md), built against Debian's /usr/bin/python3.
# libseccomp-dev, libcap-ng-dev: the sandbox's containment (harness/sandbox/sandbox_contain.c).
pkgs=(build-essential cmake pkg-config check libmpfr-dev libgmp-dev libcjson-dev
      libseccomp-dev libcap-ng-dev python3-dev python3-numpy python3-torch)
if [ "${1:-}" = --ci ]; then
  pkgs+=(clang man-db chromium libpng-dev fonts-dejavu-core)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
