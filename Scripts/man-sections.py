#!/usr/bin/env python3
"""Adds to the man page swift package generate-manual writes the sections it cannot generate:
FILES, EXIT STATUS, EXAMPLES and SEE ALSO (mdoc), before AUTHORS or at the end, where mdoc
orders them, and tidies the generated text so that mandoc -T lint has nothing to say.
Usage: man-sections.py PAGE.1 (rewritten in place)."""
import re
import sys

SECTIONS = r""".Sh FILES
.Bl -tag -width Ds
.It Pa .ianaconv.yml
Settings for
.Cm validate ,
found from each file's folder upwards:
.Ic disable , severity , baseline , min-severity , against .
.El
.Sh EXIT STATUS
The same for every subcommand:
.Bl -tag -width Ds
.It 0
Success: no findings at the failing severity, every file canonical (or rewritten),
.Cm diff :
no differences.
.It 1
.Cm validate :
errors (warnings too with
.Fl -strict ) ;
.Cm convert :
.Fl -fail-on-loss
and the target layout cannot carry everything, or
.Fl -validate
found errors;
.Cm fmt :
a file not in canonical form
.Pf ( Fl -check )
or not rewritten because it would lose content;
.Cm diff :
differences.
.It 2
A usage error, an unreadable or unparseable input, a read-only layout given to
.Cm fmt ,
or a write failure.
.El
.Sh EXAMPLES
Convert IANA's XML to its CSV:
.Dl ianaconv xml csv service-names-port-numbers.xml -o registry.csv
Check a registry file, and only what a commit adds or changes:
.Dl ianaconv validate registry/service-names-port-numbers.xml
.Dl ianaconv validate --against git:HEAD registry/service-names-port-numbers.xml
Findings for GitHub code scanning:
.Dl ianaconv validate --format sarif registry/*.xml > ianaconv.sarif
List the files not in canonical form, then rewrite them:
.Dl ianaconv fmt --list registry/*
.Dl ianaconv fmt registry/*
What changed between two releases:
.Dl ianaconv diff old.xml new.xml
Check the XML with the installed RELAX NG schema alone:
.Dl xmllint --noout --relaxng /usr/local/share/ianaconv/service-names-port-numbers.rng registry.xml
.Sh SEE ALSO
.Xr git 1 ,
.Xr xmllint 1
.Pp
.Lk https://www.rfc-editor.org/rfc/rfc6335 "RFC 6335" :
IANA procedures for the management of the Service Name and Transport Protocol Port Number Registry.
"""


def tidied(lines):
    """The generated lines without what mandoc -T lint warns about: a sentence mid-line (one a
    line), a blank line in fill mode (a paragraph), a paragraph before a list item, and the
    generated EXIT STATUS (.Ex -std, which says nothing of codes 1 and 2)."""
    out = []
    for line in lines:
        if line in ('.Sh "EXIT STATUS"', ".Ex -std", ".Sh EXIT STATUS"):
            continue
        if line.startswith("."):
            if line.startswith(".It") and out and out[-1] == ".Pp":
                out.pop()
            out.append(line)
        elif not line.strip():
            if out and out[-1] != ".Pp":
                out.append(".Pp")
        else:
            for sentence in re.split(r"(?<=[.!?]) +(?=\S)", line):
                # A line starting with . or ' would be a request to roff.
                out.append("\\&" + sentence if sentence[0] in ".'" else sentence)
    return out


path = sys.argv[1]
with open(path, encoding="utf-8") as page:
    text = page.read()
if "\n.Sh EXAMPLES\n" in text:
    sys.exit(0)  # done already
lines = tidied(text.splitlines())
at = next((i for i, line in enumerate(lines) if line.startswith(".Sh AUTHORS")), len(lines))
lines[at:at] = SECTIONS.splitlines()
with open(path, "w", encoding="utf-8") as page:
    page.write("\n".join(lines) + "\n")
