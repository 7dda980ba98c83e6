#!/usr/bin/env python3
"""Checks a SARIF log of `ianaconv validate --format sarif` against the SARIF 2.1.0 JSON schema
(a real validator: python3's jsonschema), then what GitHub code scanning needs beyond the
schema: help text on every rule, a fingerprint on every result, relative URIs under a declared
base. Usage: check-sarif.py SCHEMA.json LOG.sarif; exit 0 valid, 1 invalid, 3 cannot check."""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("cannot check: python3's jsonschema is not installed (python3 -m pip install jsonschema)")
    sys.exit(3)

schema_path, log_path = sys.argv[1], sys.argv[2]
try:
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
except OSError as error:
    print(f"cannot check: {error}")
    sys.exit(3)
with open(log_path, encoding="utf-8") as f:
    log = json.load(f)

problems = [f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in jsonschema.Draft4Validator(schema).iter_errors(log)]
for run in log["runs"]:
    bases = run.get("originalUriBaseIds", {})
    for rule in run["tool"]["driver"]["rules"]:
        if not rule.get("help", {}).get("text"):
            problems.append(f"rule {rule['id']}: no help.text")
    for result in run["results"]:
        if not result.get("partialFingerprints"):
            problems.append(f"result {result['ruleId']}: no partialFingerprints")
        for location in result["locations"] + result.get("relatedLocations", []):
            artifact = location["physicalLocation"]["artifactLocation"]
            base = artifact.get("uriBaseId")
            if base is not None and base not in bases:
                problems.append(f"result {result['ruleId']}: uriBaseId {base} is not declared")
            if base is None and not artifact["uri"].startswith("file://"):
                problems.append(f"result {result['ruleId']}: relative uri {artifact['uri']} without a base")
for problem in problems[:20]:
    print(problem)
results = sum(len(run["results"]) for run in log["runs"])
print(f"{log_path}: {'INVALID' if problems else 'valid'} SARIF 2.1.0 ({results} results, {len(problems)} problems)")
sys.exit(1 if problems else 0)
