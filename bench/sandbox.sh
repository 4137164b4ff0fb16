#!/usr/bin/env bash
# Figures for the sandbox and the run pipeline, measured in one run:
#  1. four parallel `--level 2 --jobs 8` runs of the reference on this
#     machine (load far above the cores): how many FAIL (must be 0);
#  2. a candidate whose init sleeps 2 s against the same candidate without
#     the sleep, level 1: the time ratio (target under 3);
#  3. peak RSS of `--level 3 --list` and of a level-3 bf16 accuracy run;
#  4. (only when asked: about an hour here) a whole level-3 run's time,
#     from shards: a case's shard is a hash of its suite and name, so each
#     `--shard K/N` is a random 1/N of the cases, and N times its time
#     estimates the run's; the shards' spread says how well.
# Prints figures; asserts nothing.
# Usage: bench/sandbox.sh [build-dir (build)] [sections (123)] [shards for 4 (1/64 33/64)]
set -u
cd "$(dirname "$0")/.."
B=${1:-build}
S=${2:-123}
CLI=$B/rope-conform
REF=$B/adapters/librope_reference.so
T=$B/tests/adapters
if [ ! -x "$CLI" ] || [ ! -f "$T/slow_init.so" ]; then
  cmake -S . -B "$B" >/dev/null && cmake --build "$B" -j"$(nproc)" >/dev/null || exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
now() { date +%s.%N; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# run.workers of a JSON report: "started/inits"
workers() {
  python3 -c 'import json,sys; w=json.load(open(sys.argv[1]))["run"].get("workers",{}); print("%s/%s" % (w.get("started","?"), w.get("inits","?")))' "$1" 2>/dev/null || echo "?"
}

if [[ $S == *1* ]]; then
echo "== 1. four parallel --level 2 --jobs 8 runs of the reference"
t0=$(now)
for i in 1 2 3 4; do
  "$CLI" -q --level 2 --jobs 8 --json "$out/par$i.json" "$REF" >/dev/null 2>"$out/par$i.err" &
done
wait
fails=0
for i in 1 2 3 4; do
  v=$(sed -n 's/.*"verdict":[[:space:]]*"\([A-Z]*\)".*/\1/p' "$out/par$i.json" | head -1)
  n=$(grep -cE "\"status\":[[:space:]]*\"FAIL\"" "$out/par$i.json")
  echo "run $i: verdict ${v:-none}, $n failing cases"
  fails=$((fails + n))
done
printf 'failing cases in all four: %d; wall %.1f s; load average after: %s\n' "$fails" \
  "$(echo "$(now) - $t0" | bc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
fi

if [[ $S == *2* ]]; then
echo "== 2. init that sleeps 2 s against the same candidate without the sleep"
echo "   (one run each, same machine state; the time can never be under plain + 2 s,"
echo "   so the ratio is < 3 only where the plain run takes over 1 s: the overhead"
echo "   counts how many sleeps the run paid in series)"
for run in "1 default" "1 1" "2 default"; do
  set -- $run; level=$1; jobs=$2
  J=(--level "$level"); [ "$jobs" = default ] || J+=(--jobs "$jobs")
  t0=$(now); "$CLI" -q "${J[@]}" --json "$out/plain.json" "$T/plain_rope.so" >/dev/null 2>&1; a=$(echo "$(now) - $t0" | bc)
  t0=$(now); "$CLI" -q "${J[@]}" --json "$out/slow.json" "$T/slow_init.so" >/dev/null 2>&1; b=$(echo "$(now) - $t0" | bc)
  printf -- 'level %s --jobs %s: plain %.2f s (workers/inits %s); init sleeping 2 s %.2f s (%s); ratio %.2f (target < 3); overhead %.2f s = %.2f sleeps\n' \
    "$level" "$jobs" "$a" "$(workers "$out/plain.json")" "$b" "$(workers "$out/slow.json")" \
    "$(echo "$b / $a" | bc -l)" "$(echo "$b - $a" | bc -l)" "$(echo "($b - $a) / 2" | bc -l)"
done
fi

[[ $S == *3* ]] || exit 0
echo "== 3. level 3 peak RSS"
/usr/bin/time -f 'level 3 --list: %M KB peak RSS, %e s' "$CLI" --level 3 --list "$REF" >/dev/null 2>"$out/l3list" ; tail -1 "$out/l3list"
/usr/bin/time -f 'level 3 --dtype bf16 --suite accuracy: %M KB peak RSS, %e s' \
  "$CLI" -q --level 3 --dtype bf16 --suite accuracy "$REF" >/dev/null 2>"$out/l3run"; tail -1 "$out/l3run"

[[ $S == *4* ]] || exit 0
echo "== 4. whole level-3 run, estimated from shards (default --jobs)"
for sh in ${3:-1/64 33/64}; do
  n=${sh#*/}
  /usr/bin/time -f '%e %U %S %M' "$CLI" -q --level 3 --shard "$sh" --json "$out/l3.json" "$REF" \
    >/dev/null 2>"$out/l3shard"
  read -r wall user sys rss < <(tail -1 "$out/l3shard")
  cases=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["cases"]))' "$out/l3.json" 2>/dev/null || echo "?")
  printf 'shard %s: %s cases, %.0f s wall, %.0f s CPU, peak RSS %d MiB -> level 3: ~%.1f h wall, ~%.1f h CPU\n' \
    "$sh" "$cases" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) \
    "$(echo "$wall * $n / 3600" | bc -l)" "$(echo "($user + $sys) * $n / 3600" | bc -l)"
done

