#!/usr/bin/env python3
"""Copies the part of facts-v2.json the spec tests read into Tests/Fixtures/xen-facts-v2.json:
for every release the spec models (by its model name), the sub-op tables of the families given
(name, value, file:line, whether the op is tools-only or hypervisor-internal, and the macro it is
an alias of, if it is one, and its other readings in some configurations: `variants`), with the facts' own provenance. The facts are copied, not edited.

With --versions NAME,NAME,..., also each release's value of those interface-version macros
(section interface_versions: value and file:line).

usage: scripts/trim-facts-v2.py FACTS-V2.json [--versions NAME,...] FAMILY... > Tests/Fixtures/xen-facts-v2.json
"""
import json
import sys

facts = json.load(open(sys.argv[1]))
arguments = sys.argv[2:]
versions = []
if arguments[:1] == ["--versions"]:
    versions = arguments[1].split(",")
    arguments = arguments[2:]
families = arguments
out = {
    "source": "facts-v2.json (" + facts["meta"].get("generated", "") + "), sections releases, subops"
    + (" and interface_versions" if versions else ""),
    "families": families,
    "interface_version_names": versions,
    "releases": [],
}
for release in facts["releases"]:
    model = release.get("model_name")
    if not model:
        continue
    tables = facts["subops"].get(release["name"], {})
    entry = {"model": model, "ref": release["ref"], "families": {}}
    if versions:
        known = facts["interface_versions"].get(release["name"], {})
        entry["interface_versions"] = {name: known[name] for name in versions if name in known}
    for family in families:
        table = tables.get(family)
        if table is None:
            continue
        ops = []
        for op in table.get("ops", []):
            kept = {key: op[key] for key in ("name", "value", "at", "guard", "xen_only", "tools_only", "alias_of") if key in op}
            if "variants" in op:
                kept["variants"] = [
                    {key: variant[key] for key in ("value", "at", "guard", "alias_of") if key in variant}
                    for variant in op["variants"]
                ]
            ops.append(kept)
        entry["families"][family] = ops
    out["releases"].append(entry)
json.dump(out, sys.stdout, indent=1, sort_keys=True)
sys.stdout.write("\n")
