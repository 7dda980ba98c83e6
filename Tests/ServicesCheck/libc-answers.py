#!/usr/bin/env python3
"""Asks the C library about every port and name IANA's registry assigns, with a services file
installed as /etc/services (run inside a private mount namespace that bind-mounts it there),
and compares its answers with the registry's, computed here from the XML with xml.etree,
independently of ianaconv.

getservbyport(P, proto) must give a name the registry assigns to P/proto (inside ranges too);
getservbyname(name, proto) the lowest port the registry assigns to that name on that protocol.
Names a services line cannot hold (white space or '#') are left out of the questions.

Usage: libc-answers.py REGISTRY.xml   (prints the counts; exit 1 when an answer is wrong)
"""
import re
import socket
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.iana.org/assignments}"
PROTOCOLS = ("tcp", "udp", "sctp", "dccp")


def text(record, tag):
    element = record.find(NS + tag)
    return None if element is None else "".join(element.itertext())


def assignments(path):
    """(port, protocol) -> names, and (name, protocol) -> lowest port, of assigned records."""
    by_port, lowest = {}, {}
    for record in ET.parse(path).getroot().iter(NS + "record"):
        name, number, protocol = text(record, "name"), text(record, "number"), text(record, "protocol")
        description = (text(record, "description") or "").strip()
        if not name or not number or protocol not in PROTOCOLS or description in ("Reserved", "Unassigned"):
            continue
        if re.search(r"[\s#]", name) or not re.fullmatch(r"\d+(-\d+)?", number):
            continue
        low, _, high = number.partition("-")
        for port in range(int(low), int(high or low) + 1):
            by_port.setdefault((port, protocol), set()).add(name)
            key = (name, protocol)
            lowest[key] = min(lowest.get(key, port), port)
    return by_port, lowest


def main():
    by_port, lowest = assignments(sys.argv[1])
    wrong_ports = [(port, proto) for (port, proto), names in sorted(by_port.items()) if not answers_port(port, proto, names)]
    wrong_names = [(name, proto) for (name, proto), port in sorted(lowest.items()) if not answers_name(name, proto, port)]
    for kind, total, wrong in (("ports", len(by_port), wrong_ports), ("names", len(lowest), wrong_names)):
        right = total - len(wrong)
        print(f"{kind}: {right} of {total} answered as the registry does ({100 * right / total:.2f} %)")
        for item in wrong[:10]:
            print(f"  wrong: {kind[:-1]} {item[0]}/{item[1]}")
    sys.exit(1 if wrong_ports or wrong_names else 0)


def answers_port(port, proto, names):
    try:
        return socket.getservbyport(port, proto) in names
    except OSError:
        return False


def answers_name(name, proto, port):
    try:
        return socket.getservbyname(name, proto) == port
    except OSError:
        return False


if __name__ == "__main__":
    main()
