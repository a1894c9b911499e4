#!/usr/bin/env bash
# Scaling benchmark of `abigen check` (release build) on synthetic specs in the shapes ABIs grow
# in (scripts/scale-spec.py), and on the bundled Xen master copied into long histories. Prints,
# per shape: wall and CPU seconds, peak memory, obligations, distinct queries, solver checks.
# Figures go in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ABIGEN=.build/release/abigen
[ -x "$ABIGEN" ] || swift build -c release --product abigen >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

"$ABIGEN" dump --format json > "$scratch/xen.json"
copies() {
  python3 - "$scratch/xen.json" "$1" <<'PY'
import copy, json, sys
spec = json.load(open(sys.argv[1]))
master = spec["releases"][-1]
n = int(sys.argv[2])
spec["releases"] = []
for i in range(n):
    release = copy.deepcopy(master)
    release["name"] = "c%d" % i
    release["status"] = "development" if i == n - 1 else "released"
    spec["releases"].append(release)
spec["acceptedBreaks"] = []
json.dump(spec, sys.stdout)
PY
}

# The bundled history with every stable point release (Tests/Fixtures/xen-point-releases.json)
# added after its line's first release as a copy of it: the shape of issue 13's 143 releases.
with_point_releases() {
  python3 - "$scratch/xen.json" Tests/Fixtures/xen-point-releases.json <<'PY'
import copy, json, sys
spec = json.load(open(sys.argv[1]))
points = json.load(open(sys.argv[2]))["releases"]
released = []
for release in spec["releases"]:
    released.append(release)
    for point in points:
        if point["line"] == release["name"]:
            added = copy.deepcopy(release)
            added.update(name=point["name"], source=point["ref"], line=release["name"])
            released.append(added)
spec["releases"] = released
json.dump(spec, sys.stdout, separators=(",", ":"))
PY
}

run() {
  local label=$1 file=$2
  /usr/bin/time -o "$scratch/time" -f "%e %U %M" "$ABIGEN" check --spec "$file" --jobs 2 > "$scratch/out" 2>/dev/null || true
  local time summary
  time=$(tail -n 1 "$scratch/time" | awk '{printf "%6.2f s wall %6.2f s CPU %6.0f MB", $1, $2, $3 / 1024}')
  summary=$(tail -n 1 "$scratch/out" | sed 's/ obligations:.*(\(.*\)) in.*/ obligations, \1/')
  printf '%-34s %s  %s\n' "$label" "$time" "$summary"
}

echo "abigen check --jobs 2, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in 25 50 100; do
  python3 scripts/scale-spec.py add-one "$n" > "$scratch/s.json"; run "add-one, $n releases" "$scratch/s.json"
done
for n in 50 100 200; do
  python3 scripts/scale-spec.py wide "$n" > "$scratch/s.json"; run "one release of $n ops" "$scratch/s.json"
done
python3 scripts/scale-spec.py unchanged 200 10 > "$scratch/s.json"; run "10 releases of the same 200 ops" "$scratch/s.json"
for n in 100 200 400; do
  python3 scripts/scale-spec.py mass-removal "$n" > "$scratch/s.json"; run "$n ops, all but 2 removed" "$scratch/s.json"
done
for r in 38 75 150; do
  python3 scripts/scale-spec.py history "$r" 20 64 > "$scratch/s.json"; run "history $r x 20 x 64" "$scratch/s.json"
done
for n in 150 300 600; do
  copies "$n" > "$scratch/s.json"; run "Xen master x $n" "$scratch/s.json"
done
with_point_releases > "$scratch/points.json"; run "Xen, 143 releases (point copies)" "$scratch/points.json"
