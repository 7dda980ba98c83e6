#!/usr/bin/env bash
# `make install PREFIX=…` puts the release binary (the Swift runtime linked in statically), the
# man page generated from the argument parser, the bash/zsh/fish completions and the RELAX NG
# schema under PREFIX; `make uninstall` removes exactly them. The installed binary must run with
# the toolchain out of reach, as on a machine without it.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
prefix="$(mktemp -d "${TMPDIR:-/tmp}/ianaconv-install-test.XXXXXX")"
trap 'rm -rf "$prefix"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

start=$(date +%s)
make -C "$repo" --no-print-directory install PREFIX="$prefix" >/dev/null
echo "make install: $(( $(date +%s) - start )) s"

"$prefix/bin/ianaconv" --version | head -1 | grep -qx "ianaconv 0.1.0" && pass "install: the binary runs" || fail "install: bin/ianaconv --version"
swift_libraries="$(ldd "$prefix/bin/ianaconv" | grep -i swift || true)"
[ -z "$swift_libraries" ] && pass "install: no Swift library linked dynamically" || fail "install: ldd lists $swift_libraries"

# The toolchain's folder (/opt/swift here) hidden under an empty tmpfs in a private mount
# namespace: the binary, its version and a conversion must not need anything in it.
toolchain="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")"
if unshare -m true 2>/dev/null; then
  if unshare -m bash -c '
      mount -t tmpfs none "$1" && [ ! -e "$1/bin/swift" ] || { echo "cannot hide $1"; exit 3; }
      "$2/bin/ianaconv" --version >/dev/null && "$2/bin/ianaconv" xml csv "$3/Samples/registry.xml" 2>/dev/null | cmp -s - "$3/Samples/registry.csv"
    ' hide "$toolchain" "$prefix" "$repo"; then
    pass "install: the binary runs and converts with $toolchain hidden"
  else fail "install: the binary needs the toolchain ($toolchain hidden)"; fi
else
  echo "skipped: the binary with the toolchain hidden (unshare -m is not permitted here; run as root)"
fi
man_page="$prefix/share/man/man1/ianaconv.1"
if [ -s "$man_page" ] && grep -q '^\.Dt IANACONV 1' "$man_page" \
   && grep -q '^\.It Em convert$' "$man_page" && grep -q '^\.It Em validate$' "$man_page" \
   && grep -q '^\.It Em rules$' "$man_page" && grep -q '^\.It Em fmt$' "$man_page"; then
  pass "install: a man page (mdoc, every subcommand)"
else fail "install: $man_page"; fi
for section in 'EXIT STATUS' EXAMPLES 'SEE ALSO'; do
  grep -q "^\.Sh \"\{0,1\}$section" "$man_page" && pass "install: man page section $section" || fail "install: man page without $section"
done
if command -v mandoc >/dev/null 2>&1; then
  lint="$(mandoc -T lint -W warning "$man_page" 2>&1 || true)"
  [ -z "$lint" ] && pass "install: mandoc -T lint finds nothing" || fail "install: mandoc -T lint: $lint"
fi
schema="$prefix/share/ianaconv/service-names-port-numbers.rng"
if cmp -s "$schema" "$repo/Schemas/service-names-port-numbers.rng"; then
  pass "install: the RELAX NG schema"
  if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout --relaxng "$schema" "$repo/Samples/registry.xml" 2>/dev/null && pass "install: xmllint --relaxng takes the installed schema" || fail "install: xmllint --relaxng with $schema"
  fi
else fail "install: $schema"; fi
if command -v man >/dev/null 2>&1 && MANPATH="$prefix/share/man" man -w ianaconv >/dev/null 2>&1; then pass "install: man finds it under PREFIX/share/man"; fi
grep -q 'complete .*-F _ianaconv ianaconv' "$prefix/share/bash-completion/completions/ianaconv" && pass "install: bash completion" || fail "install: bash completion"
grep -q "'coverage-gap'" "$prefix/share/bash-completion/completions/ianaconv" && pass "install: completion offers rule ids" || fail "install: no rule ids in the bash completion"
grep -q '#compdef ianaconv' "$prefix/share/zsh/site-functions/_ianaconv" && pass "install: zsh completion" || fail "install: zsh completion"
grep -q "complete -c 'ianaconv'" "$prefix/share/fish/vendor_completions.d/ianaconv.fish" && pass "install: fish completion" || fail "install: fish completion"
if command -v bash >/dev/null; then
  bash -c "source '$prefix/share/bash-completion/completions/ianaconv'" && pass "install: the bash completion loads" || fail "install: the bash completion does not load"
fi

make -C "$repo" --no-print-directory uninstall PREFIX="$prefix" >/dev/null
left="$(find "$prefix" -type f)"
[ -z "$left" ] && pass "uninstall: every installed file removed" || fail "uninstall left: $left"

[ "$failures" -eq 0 ] || { echo "install test: $failures failure(s)" >&2; exit 1; }
