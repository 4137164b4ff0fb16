#!/usr/bin/env bash
# Render HTML reports in headless Chromium and check the pictures: the
# reference's report, one catalogue mutant's per class (each run on the
# suite that catches it) and a merged shard run's.  Each picture must not be
# blank and every plot on it must show data points (scripts/png_check.c);
# each page must have no http(s) reference and no <script>.
#
#   bash scripts/check-html-render.sh [BUILD_DIR]     (default: build)
#
# Needs chromium and libpng (bash scripts/install-deps.sh --ci).  The
# pictures are left in BUILD_DIR/html-check/ to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out="$build/html-check"
rc="$build/rope-conform"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "check-html-render: chromium is not installed (bash scripts/install-deps.sh --ci)" >&2
  exit 2
fi
rm -rf "$out"
mkdir -p "$out"
cc -O2 -Wall -Wextra -Werror scripts/png_check.c -o "$out/png_check" $(pkg-config --cflags --libs libpng)

# --- the reports ---------------------------------------------------------
ref="$build/adapters/librope_reference.so"
"$rc" run -q --html "$out/reference.html" "$ref" || { echo "reference run failed"; exit 1; }
# merged shards: a failing candidate, so the heat maps travel through JSON
clamped="$build/adapters/catalogue/libcache-clamped-past-max.so"
for i in 1 2; do
  "$rc" run -q --suite long_context --shard $i/2 --json "$out/shard$i.json" "$clamped" || true
done
"$rc" merge -q --html "$out/merged-shards.html" "$out/shard1.json" "$out/shard2.json" || true
# one mutant per class: the first entry of each class that must be caught
"$rc" catalogue list | awk '$1 ~ /\./ && $3 != "(not" && !seen[$2]++ { print $1, $3 }' >"$out/mutants.txt"
while read -r id where; do
  so="$build/adapters/catalogue/lib${id//./-}.so"
  [ -f "$so" ] || { echo "missing catalogue mutant $so"; exit 1; }
  # a quarter of the big accuracy suite is plenty of failures to draw
  slice=()
  [ "${where%%/*}" = accuracy ] && slice=(--shard 1/4)
  code=0
  "$rc" run -q --suite "${where%%/*}" "${slice[@]}" --html "$out/mutant-$id.html" "$so" || code=$?
  if [ "$code" -ne 1 ]; then
    echo "mutant $id on suite ${where%%/*}: exit $code, expected 1 (not conformant)"
    exit 1
  fi
done <"$out/mutants.txt"

# --- pages that must fail the picture check (the check can fail) ----------
meta=$(grep -o '<meta name="rope-conform-plot-colors"[^>]*>' "$out/reference.html")
printf '<!DOCTYPE html><html><head>%s</head><body></body></html>\n' "$meta" >"$out/selftest-blank.html"
printf '<!DOCTYPE html><html><head>%s</head><body><p>%s</p><svg class="plot x" width="300" height="200">%s</svg></body></html>\n' \
  "$meta" "$(printf 'text %.0s' {1..400})" \
  '<rect x="20.5" y="20.5" width="250" height="150" fill="none" stroke="#203040" shape-rendering="crispEdges"/>' \
  >"$out/selftest-empty-plot.html"

# --- render: the window is tall enough for every plot on the page --------
render() {
  local html=$1 png=${1%.html}.png
  local svg_h articles rows
  svg_h=$(grep -o '<svg class="plot [a-z]*" width="[0-9]*" height="[0-9]*"' "$html" |
          sed 's/.*height="\([0-9]*\)"/\1/' | awk '{ s += $1 } END { print s + 0 }')
  articles=$(grep -c '<article' "$html" || true)
  rows=$(grep -c '<tr' "$html" || true)
  local height=$((1200 + svg_h + 420 * articles + 40 * rows))
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --force-device-scale-factor=1 --user-data-dir="$out/profile-$(basename "$html" .html)" \
    --window-size=1200,"$height" --screenshot="$png" "file://$(realpath "$html")" \
    >"${html%.html}.chromium.log" 2>&1
}
export -f render
export browser out
ls "$out"/*.html | xargs -P 3 -I{} bash -c 'render "$1"' _ {}

# --- check -----------------------------------------------------------------
failed=0
for html in "$out"/*.html; do
  png=${html%.html}.png
  case $(basename "$html") in
    selftest-blank.html) want=blank ;;
    selftest-empty-plot.html) want="no data points" ;;
    *) want= ;;
  esac
  if [ -n "$want" ]; then
    said=$("$out/png_check" "$html" "$png" || true)
    if [[ $said != *"$want"* ]]; then
      echo "FAIL: png_check did not find $(basename "$png") $want"
      failed=1
    fi
    continue
  fi
  if grep -qiE 'https?://|<script' "$html"; then
    echo "FAIL: $html has an http(s) reference or a <script>"
    failed=1
  fi
  "$out/png_check" "$html" "$png" || failed=1
done
n=$(ls "$out"/*.png | grep -vc selftest || true)
[ "$failed" -eq 0 ] && echo "check-html-render: $n pictures checked in $out"
exit "$failed"
