#!/usr/bin/env python3
"""Validates ianaconv's JSON output against Schemas/service-names-port-numbers.schema.json
with the jsonschema package from PyPI (Draft 2020-12): a document (`json`) against the whole
schema, each line of a JSON Lines file (`jsonl`) against its record definition.

Usage: check.py SCHEMA FILE... (FILE ending in .jsonl is read as JSON Lines)
Prints one line per file and exits 1 on the first file with errors (listing up to 5)."""
import json
import sys

from jsonschema import Draft202012Validator


def main():
    schema_path, files = sys.argv[1], sys.argv[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    document = Draft202012Validator(schema)
    record = Draft202012Validator({"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/record"})
    failed = False
    for path in files:
        with open(path, encoding="utf-8") as f:
            if path.endswith(".jsonl"):
                values = [(f"{path}:{n}", record, json.loads(line)) for n, line in enumerate(f, 1) if line.strip()]
            else:
                values = [(path, document, json.load(f))]
        errors = [(where, error) for where, validator, value in values for error in validator.iter_errors(value)]
        for where, error in errors[:5]:
            print(f"{where}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
        print(f"{path}: {len(values)} value(s), {len(errors)} schema error(s)")
        failed = failed or bool(errors)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
