#!/usr/bin/env python3
"""Checks `ianaconv diff --format json OLD NEW` against an independent computation on the XML
(xml.etree, no ianaconv code): records keyed by name, port and protocol as written, repeated
keys paired in order; a pair is changed when another field differs after white-space
normalisation (xrefs by type, target, text and attributes; the assignee as IANA shows it, the
contacts when there is no <assignee>). Prints the counts; exits 1 when a class differs.
Usage: independent-diff.py BINARY OLD.xml NEW.xml   (`make diff-check` runs it on the suite's pair)"""
import json, subprocess, sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

NS = "{http://www.iana.org/assignments}"


def norm(text):
    return " ".join((text or "").split())


def text_of(element):
    """Character data and [xref labels], line breaks as white space, normalised."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if child.tag == NS + "xref":
            label = child.text or child.get("data") or ""
            parts.append("[" + (label.upper() if child.get("type") == "rfc" and not child.text else label) + "]")
        elif child.tag == NS + "br":
            parts.append(" ")
        else:
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return norm("".join(parts))


def xref(element):
    return (element.get("type"), element.get("data"), norm(element.text),
            tuple(sorted((k, v) for k, v in element.attrib.items() if k not in ("type", "data"))))


def records(path):
    out = []
    for record in ET.parse(path).getroot().findall(NS + "record"):
        key = tuple(norm(record.findtext(NS + tag)) for tag in ("name", "number", "protocol"))
        contacts = [xref(x) for x in record.findall(NS + "xref") if x.get("type") == "person"]
        assignee = record.find(NS + "assignee")
        fields = {
            "description": text_of(record.find(NS + "description")),
            "assignee": [xref(x) for x in assignee.findall(NS + "xref")] if assignee is not None else contacts,
            "contact": contacts,
            "reference": [xref(x) for x in record.findall(NS + "xref") if x.get("type") != "person"],
            "dates": (record.get("date") or "", record.get("updated") or ""),
            "service_code": text_of(record.find(NS + "servicecode")),
            "unauthorized_use": text_of(record.find(NS + "unauthorized")),
            "notes": [text_of(n) for n in record.findall(NS + "note")],
        }
        out.append((key, fields))
    return out


def classes(old, new):
    by_key_old, by_key_new = defaultdict(list), defaultdict(list)
    for key, fields in old:
        by_key_old[key].append(fields)
    for key, fields in new:
        by_key_new[key].append(fields)
    added, removed, changed = Counter(), Counter(), Counter()
    for key in set(by_key_old) | set(by_key_new):
        before, after = by_key_old.get(key, []), by_key_new.get(key, [])
        paired = min(len(before), len(after))
        changed[key] += sum(1 for a, b in zip(before[:paired], after[:paired]) if a != b)
        added[key] += len(after) - paired
        removed[key] += len(before) - paired
    return [+counter for counter in (added, removed, changed)]


def main():
    binary, old_path, new_path = sys.argv[1:4]
    expected = classes(records(old_path), records(new_path))
    run = subprocess.run([binary, "diff", "--format", "json", old_path, new_path], capture_output=True, check=False)
    document = json.loads(run.stdout)
    ok = True
    for name, want in zip(("added", "removed", "changed"), expected):
        got = Counter((e["name"], e["port"], e["protocol"]) for e in document[name])
        same = got == want
        ok &= same
        print(f"{name}: ianaconv {sum(got.values())}, independent {sum(want.values())}{'' if same else '  DIFFERENT'}")
    sys.exit(0 if ok else 1)


main()
