#!/usr/bin/env python3
"""Compares the public macros of the Xen layout (Generated/Xen) with Xen's own public headers.

Development aid, not a test (the tests cannot fetch Xen): for each release given, it extracts
xen/include/public at the release's tag from a local Xen repository, preprocesses xen.h,
memory.h, grant_table.h, hvm/hvm_op.h, hvm/params.h, hvm/dm_op.h and arch-x86/xen-mca.h with
`-dM -E` in the four configurations (g0: guest without an interface version, gL: guest at the
latest one, t: __XEN_TOOLS__, x: __XEN__) for every guest ABI facts-v2 preprocesses at that tag
(gcc -m64/-m32 for x86, clang for Arm), does the same with the generated public headers, and
compares every hypercall number and sub-op of the modelled families (memory_op, hvm_op,
grant_table_op, dm_op) that either side defines. Missing private includes are stubbed empty.

  scripts/compare-xen-headers.py --xen XEN_REPO --facts facts-v2.json 4.20 master ...

Prints each disagreement and the totals. Nothing of Xen is written outside a temporary directory.
"""
import argparse, collections, json, os, re, shutil, subprocess, sys, tempfile

FAMILIES = ["memory_op", "hvm_op", "grant_table_op", "dm_op"]
COMPILERS = {
    "x86_64": ["gcc", "-m64"], "x86_32": ["gcc", "-m32"],
    "arm64": ["clang", "--target=aarch64-linux-gnu"], "arm32": ["clang", "--target=arm-linux-gnueabi"],
}
REAL_HEADERS = ["xen.h", "memory.h", "grant_table.h", "hvm/hvm_op.h", "hvm/params.h", "hvm/dm_op.h",
                "arch-x86/xen-mca.h"]


def dump(command, source, includes):
    flags = ["-nostdinc", "-ffreestanding", "-dM", "-E"] + sum((["-I", i] for i in includes), [])
    return subprocess.run(command + flags + [source], capture_output=True, text=True)


def parse(text):
    table = {}
    for line in text.splitlines():
        match = re.match(r"#define (\w+)(\(.*?\))? ?(.*)", line)
        if match and not match.group(2):
            table[match.group(1)] = match.group(3).strip()
    return table


def normalize(body):
    text = body.strip()
    digits = text.rstrip("uUlL") or text
    try:
        return str(int(digits, 16)) if digits.lower().startswith("0x") else str(int(digits))
    except ValueError:
        return text


def resolve(table, name, depth=0):
    if name not in table:
        return None
    body = table[name]
    inner = re.fullmatch(r"\((\w+)\)", body)
    if inner:
        body = inner.group(1)
    if body in table and depth < 8:
        return resolve(table, body, depth + 1)
    return normalize(body)


def real_macros(command, flags, public, stubs, abi):
    """The union of what each real header defines on its own (a header that fails is counted)."""
    out, failures = {}, 0
    with tempfile.NamedTemporaryFile("w", suffix=".c", delete=False) as unit:
        path = unit.name
    for header in REAL_HEADERS:
        if not os.path.exists(os.path.join(public, header)):
            continue
        if header.startswith("arch-x86/") and not abi.startswith("x86"):
            continue
        with open(path, "w") as unit:
            unit.write('#include "%s"\n' % header)
        for _ in range(20):
            result = dump(command + flags, path, [public, stubs])
            missing = re.search(r"fatal error: ([^:]+): No such file", result.stderr) or re.search(
                r"'([^']+)' file not found", result.stderr)
            if result.returncode == 0 or not missing:
                break
            stub = os.path.join(stubs, missing.group(1))
            os.makedirs(os.path.dirname(stub), exist_ok=True)
            open(stub, "w").close()
        if result.returncode != 0:
            failures += 1
            continue
        for name, body in parse(result.stdout).items():
            out.setdefault(name, body)
    os.unlink(path)
    return out, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--xen", required=True, help="a Xen git repository (bare or not)")
    parser.add_argument("--facts", required=True, help="facts-v2.json")
    parser.add_argument("--generated", default=os.path.join(os.path.dirname(__file__), "..", "Generated", "Xen"))
    parser.add_argument("releases", nargs="+", help="model release names (4.20, master)")
    args = parser.parse_args()
    facts = json.load(open(args.facts))
    by_model = {r["model_name"]: r for r in facts["releases"] if r["model_name"]}
    totals = collections.Counter()
    for model in args.releases:
        entry = by_model[model]
        name, ref = entry["name"], entry["ref"]
        configs = facts["preprocessed_configs"][name]
        latest = configs["latest_interface"]
        work = tempfile.mkdtemp(prefix="xen-public-")
        try:
            subprocess.run("git -C '%s' archive '%s' xen/include/public | tar -x -C '%s'" % (args.xen, ref, work),
                           shell=True, check=True)
            public = os.path.join(work, "xen/include/public")
            stubs = os.path.join(work, "stubs")
            os.makedirs(stubs)
            generated = os.path.join(args.generated, "xen_" + re.sub(r"[^0-9A-Za-z]", "_", model))
            units = ["public/" + h for h in sorted(os.listdir(os.path.join(generated, "public")))]
            universe = {h["macro"] for h in facts["hypercalls"][name]
                        if not h.get("text_only") and not h.get("hypervisor_private")}
            for family in FAMILIES:
                table = facts["subops"][name].get(family)
                if table:
                    universe |= {op["name"] for op in table["ops"]}
            for abi in configs["abis"]:
                for config in ["g0", "gL", "t", "x"]:
                    flags = {"g0": [], "gL": ["-D__XEN_INTERFACE_VERSION__=%s" % latest] if latest else [],
                             "t": ["-D__XEN_TOOLS__"], "x": ["-D__XEN__"]}[config]
                    if config == "t" and model == "3.0.2":
                        flags = flags + ["-D__XEN_INTERFACE_VERSION__=%s" % latest]
                    command = COMPILERS[abi]
                    real, failures = real_macros(command, flags, public, stubs, abi)
                    totals["real headers refused"] += failures
                    source = os.path.join(work, "generated.c")
                    with open(source, "w") as unit:
                        unit.write("".join("#include <%s>\n" % u for u in units))
                    result = dump(command + flags, source, [generated])
                    if result.returncode != 0:
                        sys.exit(result.stderr)
                    ours = parse(result.stdout)
                    names = universe | {n for n in ours if not n.endswith("_H__") and not n.startswith("__XEN_")}
                    for macro in sorted(names):
                        a, b = resolve(real, macro), resolve(ours, macro)
                        if a is None and b is None:
                            continue
                        if a == b:
                            totals["agree"] += 1
                        else:
                            totals["differ"] += 1
                            print("%s %s %s %s: Xen %s, generated %s" % (model, abi, config, macro, a, b))
                    totals["configurations"] += 1
        finally:
            shutil.rmtree(work)
    print(dict(totals))


if __name__ == "__main__":
    main()
