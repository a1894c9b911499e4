#!/usr/bin/env bash
# Benchmark of `abigen check` (release build) on the bundled Xen history: the whole history
# with 1 and 2 jobs, and the first 8, 16 and 32 releases, to show how time grows with history.
# Prints the median of RUNS wall-clock runs of each; figures go in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
ABIGEN=.build/release/abigen
[ -x "$ABIGEN" ] || swift build -c release --product abigen >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

"$ABIGEN" dump --format json > "$scratch/xen.json"
# The first N releases, and the development history alone ("lines": the release each line starts
# with, and master, the 33 releases the spec had before its point releases).
for n in 8 16 32 lines; do
  python3 - "$scratch/xen.json" "$n" > "$scratch/xen-$n.json" <<'PY'
import json, sys
spec = json.load(open(sys.argv[1]))
n = sys.argv[2]
spec["releases"] = [r for r in spec["releases"] if "line" not in r] if n == "lines" else spec["releases"][:int(n)]
kept = [r["name"] for r in spec["releases"]]
# An accepted-break entry must name kept releases only; a record keeps the entries that do.
def kept_entry(entry):
    names = [entry["older"]["first"], entry["older"].get("last"), entry["newer"]["first"], entry["newer"].get("last")]
    return all(name is None or name in kept for name in names)
records = []
for record in spec["acceptedBreaks"]:
    record["covers"] = [entry for entry in record["covers"] if kept_entry(entry)]
    if record["covers"]:
        records.append(record)
spec["acceptedBreaks"] = records
json.dump(spec, sys.stdout)
PY
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {
  local label=$1; shift
  local times=() line
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s.%N)
    line=$("$ABIGEN" check "$@" 2>/dev/null | tail -n 1) || true
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  local wall
  wall=$(printf '%s\n' "${times[@]}" | median)
  local obligations
  obligations=$(echo "$line" | awk '{print $1}')
  printf '%-34s %8s s  %6s obligations  %8.0f obligations/s   | %s\n' "$label" "$wall" "$obligations" \
    "$(echo "$obligations / $wall" | bc -l)" "$(echo "$line" | sed 's/.*(\(.*\)).*/\1/')"
}

echo "abigen check, median of $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
measure "whole history, --jobs 1" --jobs 1
measure "whole history, --jobs 2" --jobs 2
for n in 8 16 32; do
  measure "first $n releases, --jobs 2" --spec "$scratch/xen-$n.json" --jobs 2
done
measure "development history, --jobs 2" --spec "$scratch/xen-lines.json" --jobs 2

# `abigen doc` (what `make doc` runs): the same check, then the atlas rendered and written. A
# fresh directory each run, so every page is written.
times=()
for run in $(seq "$RUNS"); do
  start=$(date +%s.%N)
  "$ABIGEN" doc --output "$scratch/site-$run" >/dev/null
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
done
printf '%-34s %8s s  %6s pages  %8s bytes\n' "abigen doc, whole history" "$(printf '%s\n' "${times[@]}" | median)" \
  "$(ls "$scratch/site-1" | wc -l)" "$(cat "$scratch"/site-1/* | wc -c)"
