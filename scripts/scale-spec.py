#!/usr/bin/env python3
"""Generates synthetic abigen specs (interchange format, version 2) in the shapes ABIs grow in,
for the scaling benchmark (docs/benchmarks.md). Deterministic for a given shape, size and seed.

  scale-spec.py add-one RELEASES            every release adds one op to one hypercall
  scale-spec.py wide OPS                    one release with OPS sub-ops
  scale-spec.py unchanged OPS [RELEASES]    RELEASES releases (default 10) of the same OPS sub-ops
  scale-spec.py mass-removal OPS            two releases: OPS sub-ops, then all but 2 removed (accepted)
  scale-spec.py history RELEASES HYPERCALLS OPS [SEED]
                                            a synthetic history: HYPERCALLS multiplexed hypercalls of
                                            up to OPS ops over RELEASES releases, with Xen-like change
                                            rates (ops added, a few withdrawn, continuations, one mask
                                            widening with its accepted break)
"""
import json
import random
import sys

LOCATION = "Spec/Generated.swift:1"


def op(name, number, lineage, continuation=None):
    entry = {
        "name": name, "cName": name, "lineage": lineage, "number": number, "toolsOnly": False,
        "formerNames": [], "location": LOCATION,
    }
    if continuation:
        entry["continuation"] = continuation
    return entry


def shifted(shift):
    return {"kinds": ["cmd_shifted_index"], "shift": shift,
            "bound": {"kind": "type-maximum", "type": "unsigned int", "shift": shift}}


def multiplexed(name, number, ops, mask_bits, unused="rejected"):
    return {
        "name": name, "number": number, "lineage": "hypercall:" + name, "formerNames": [], "guestABIs": [],
        "location": LOCATION,
        "multiplex": {
            "opArgument": {"index": 0, "name": "cmd", "type": "unsigned long"},
            "opMask": {"bits": mask_bits}, "unusedBits": unused,
            "subOps": sorted(ops, key=lambda o: o["number"]), "location": LOCATION,
        },
    }


def spec(releases, accepted=()):
    names = [r[0] for r in releases]
    return {
        "format": "abigen-spec", "version": 2, "family": "synthetic", "location": LOCATION,
        "guestABIs": [{"name": "x86_64", "width": 64, "location": LOCATION},
                      {"name": "x86_32", "width": 32, "location": LOCATION}],
        "releases": [
            {"name": name, "status": "development" if index == len(names) - 1 else "released",
             "location": LOCATION, "hypercalls": hypercalls}
            for index, (name, hypercalls) in enumerate(releases)
        ],
        "migrationPolicy": {"pairs": "any-older-to-any-newer", "mustSurvive": ["guest-visible"],
                            "location": LOCATION},
        "acceptedBreaks": list(accepted),
    }


def add_one(count):
    releases = []
    for index in range(count):
        ops = [op("op%d" % n, n, "op%d" % n) for n in range(index + 1)]
        releases.append(("r%d" % index, [multiplexed("h", 1, ops, 8)]))
    return spec(releases)


def wide(count):
    ops = [op("op%d" % n, n, "op%d" % n, shifted(9) if n % 4 == 0 else None) for n in range(count)]
    return spec([("r0", [multiplexed("h", 1, ops, 9)])])


def unchanged(count, release_count=10):
    ops = [op("op%d" % n, n, "op%d" % n, shifted(9) if n % 4 == 0 else None) for n in range(count)]
    return spec([("r%d" % i, [multiplexed("h", 1, ops, 9)]) for i in range(release_count)])


def mass_removal(count):
    ops = [op("op%d" % n, n, "op%d" % n) for n in range(count)]
    covers = [{"class": "removed", "hypercall": "h", "value": "sub-op", "subOp": "op%d" % n, "becomes": "-ENOSYS",
               "older": {"first": "r0", "last": "r0"}, "newer": {"first": "r1"}, "guestWidths": [],
               "location": LOCATION} for n in range(2, count)]
    accepted = [{"id": "mass-removal", "covers": covers, "reason": "synthetic", "source": "synthetic",
                 "location": LOCATION}]
    return spec([("r0", [multiplexed("h", 1, ops, 9)]), ("r1", [multiplexed("h", 1, ops[:2], 9)])], accepted)


def history(release_count, hypercall_count, op_count, seed=1):
    rng = random.Random(seed)
    # Per hypercall: its ops (number -> (name, continuation)), mask bits.
    state = []
    for h in range(hypercall_count):
        start = rng.randint(2, max(2, op_count // 4))
        ops = {n: ("h%d_op%d" % (h, n), shifted(6) if rng.random() < 0.15 else None) for n in range(start)}
        state.append({"ops": ops, "mask": 6, "next": start})
    releases = []
    accepted = []
    widened = rng.randrange(hypercall_count)
    widen_at = release_count // 3
    for r in range(release_count):
        name = "r%d" % r
        for h, hs in enumerate(state):
            # Xen-like rates: about one op added per hypercall every three releases, a rare withdrawal.
            if rng.random() < 0.33 and hs["next"] < op_count:
                n = hs["next"]
                hs["ops"][n] = ("h%d_op%d" % (h, n), shifted(hs["mask"]) if rng.random() < 0.15 else None)
                hs["next"] += 1
            if rng.random() < 0.01 and len(hs["ops"]) > 2:
                victim = rng.choice(sorted(n for n, (_, c) in hs["ops"].items() if c is None) or [None])
                if victim is not None:
                    old_name = hs["ops"].pop(victim)[0]
                    accepted.append({
                        "id": "withdrawn-%s-%s" % (old_name, name), "reason": "synthetic", "source": "synthetic",
                        "location": LOCATION,
                        "covers": [{"class": "removed", "hypercall": "h%d" % h, "value": "sub-op", "subOp": old_name,
                                    "becomes": "-ENOSYS", "older": {"first": "r0", "last": "r%d" % (r - 1)},
                                    "newer": {"first": name}, "guestWidths": [], "location": LOCATION}]})
        if r == widen_at:
            # One mask widening, as Xen 3.4 did: continuations move with the shift (accepted below,
            # from the breaks the checker reports; the benchmark counts them, it does not fail on them).
            hs = state[widened]
            hs["mask"] = 7
            hs["ops"] = {n: (nm, shifted(7) if c else None) for n, (nm, c) in hs["ops"].items()}
        hypercalls = []
        for h, hs in enumerate(state):
            ops = [op(nm, n, nm, c) for n, (nm, c) in hs["ops"].items()]
            hypercalls.append(multiplexed("h%d" % h, 100 + h, ops, hs["mask"]))
        releases.append((name, hypercalls))
    return spec(releases, accepted)


def main(argv):
    shape = argv[1]
    numbers = [int(a) for a in argv[2:]]
    build = {"add-one": add_one, "wide": wide, "unchanged": unchanged, "mass-removal": mass_removal,
             "history": history}[shape]
    json.dump(build(*numbers), sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
