#!/usr/bin/env bash
# Puts the staged point releases (docs/staged/point-releases.patch, docs/point-releases.md) into
# the bundled spec: applies the patch, regenerates what follows from the spec (the facts fixture
# with every point release, the lock entries of every release, the generated tree) and checks.
# The lock is regenerated, not patched: the widened accepted-break spans change the accepted facts
# of every release after them, which `abigen release` records afresh (a correction, reviewed in
# the lock's diff). Run from a clean checkout; it commits nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
FACTS=${FACTS:-../shared/xen-abi/facts-v2.json}
[ -f "$FACTS" ] || { echo "facts-v2.json not found at $FACTS (set FACTS=...)" >&2; exit 1; }
git apply --index docs/staged/point-releases.patch

# The facts fixture: the same families and interface versions, for every release with the points.
read -r versions families < <(python3 -c '
import json
d = json.load(open("Tests/Fixtures/xen-facts-v2.json"))
print(",".join(d["interface_version_names"]), " ".join(d["families"]))')
# shellcheck disable=SC2086
python3 scripts/trim-facts-v2.py "$FACTS" --versions "$versions" $families > Tests/Fixtures/xen-facts-v2.json.new
mv Tests/Fixtures/xen-facts-v2.json.new Tests/Fixtures/xen-facts-v2.json

swift build -c release --product abigen
ABIGEN=.build/release/abigen
# Entries with accepted facts are relocked (their spans changed); the others stay as they are.
python3 - <<'PY'
import json
path = "Spec/Xen/releases.lock.json"
lock = json.load(open(path))
lock["releases"] = [entry for entry in lock["releases"] if not entry.get("accepted")]
open(path, "w").write(json.dumps(lock, indent=2) + "\n")
PY
for release in $("$ABIGEN" dump --format json | python3 -c '
import json, sys
print(" ".join(r["name"] for r in json.load(sys.stdin)["releases"] if r["status"] == "released"))'); do
  if ! out=$("$ABIGEN" release "$release" 2>&1); then
    case "$out" in *"already released and locked"*) ;; *) echo "$out" >&2; exit 1 ;; esac
  fi
done
"$ABIGEN" emit
"$ABIGEN" check | tail -n 1
# Staged no longer: the patch and this script go.
git rm -q docs/staged/point-releases.patch scripts/apply-point-releases.sh
git add -A
echo "applied: review with git diff --cached --stat"
