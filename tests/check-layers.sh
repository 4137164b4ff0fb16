#!/bin/sh
# test_layers: each harness layer uses only the layers below it.
#   check-layers.sh NM SOURCE_DIR LAYER=LIBRARY...
# LAYER=LIBRARY in the order of RC_LAYERS (harness/CMakeLists.txt), top
# first.  Fails, naming the object, the symbol and both layers, when a
# layer's objects use a symbol defined by a layer above it, or when a
# source reaches into another folder with "../" in an #include.  It also
# checks itself: the same libraries in the reverse order must fail.
set -eu
nm=$1 src=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one line per symbol: "symbol rank layer object" (rank 1 = top)
rank=0
for arg; do
  rank=$((rank + 1))
  layer=${arg%%=*} lib=${arg#*=}
  [ -f "$lib" ] || { echo "check-layers: no library $lib for layer $layer" >&2; exit 1; }
  "$nm" -A -g --defined-only "$lib" | awk -v r=$rank -v l="$layer" \
    '{ n = split($1, a, ":"); print $NF, r, l, a[2] }' >> "$tmp/defs"
  "$nm" -A -u "$lib" | awk -v r=$rank -v l="$layer" \
    '{ n = split($1, a, ":"); print $NF, r, l, a[2] }' >> "$tmp/uses"
done

# check DIRECTION: "down" as given, "up" with the ranks reversed
check() {
  awk -v dir="$1" '
    NR == FNR { rank[$1] = $2; layer[$1] = $3; next }
    ($1 in rank) && rank[$1] != $2 {
      up = dir == "down" ? rank[$1] < $2 : rank[$1] > $2
      if (up) { printf "%s (%s) uses %s of %s, a layer above it\n", $4, $3, $1, layer[$1]; bad++ }
      else cross++
    }
    END { if (!cross) { print "check-layers: no use of a lower layer seen"; bad++ }
          exit bad > 0 }' "$tmp/defs" "$tmp/uses"
}

if check up > /dev/null; then
  echo "check-layers: the reversed order passed too: the check sees nothing" >&2
  exit 1
fi
status=0
check down || status=1
if grep -rn --include='*.[ch]' --include='*.def' '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[^"]*\.\./' \
    "$src/harness" "$src/suites" "$src/reports"; then
  echo "an #include above reaches into another folder: use the layer's public header" >&2
  status=1
fi
[ $status = 0 ] && echo "check-layers: $# layers, every use points down"
exit $status
