#!/usr/bin/env bash
# `make install PREFIX=…` puts the release binary, the man page generated from the argument
# parser and the bash/zsh/fish completions under PREFIX; `make uninstall` removes exactly them.
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

"$prefix/bin/ianaconv" --version | grep -qx "0.1.0" && pass "install: the binary runs" || fail "install: bin/ianaconv --version"
man_page="$prefix/share/man/man1/ianaconv.1"
if [ -s "$man_page" ] && grep -q '^\.Dt IANACONV 1' "$man_page" \
   && grep -q '^\.It Em convert$' "$man_page" && grep -q '^\.It Em validate$' "$man_page" \
   && grep -q '^\.It Em rules$' "$man_page" && grep -q '^\.It Em fmt$' "$man_page"; then
  pass "install: a man page (mdoc, every subcommand)"
else fail "install: $man_page"; fi
if command -v man >/dev/null 2>&1 && MANPATH="$prefix/share/man" man -w ianaconv >/dev/null 2>&1; then pass "install: man finds it under PREFIX/share/man"; fi
grep -q 'complete .*-F _ianaconv ianaconv' "$prefix/share/bash-completion/completions/ianaconv" && pass "install: bash completion" || fail "install: bash completion"
grep -q '#compdef ianaconv' "$prefix/share/zsh/site-functions/_ianaconv" && pass "install: zsh completion" || fail "install: zsh completion"
grep -q "complete -c 'ianaconv'" "$prefix/share/fish/vendor_completions.d/ianaconv.fish" && pass "install: fish completion" || fail "install: fish completion"
if command -v bash >/dev/null; then
  bash -c "source '$prefix/share/bash-completion/completions/ianaconv'" && pass "install: the bash completion loads" || fail "install: the bash completion does not load"
fi

make -C "$repo" --no-print-directory uninstall PREFIX="$prefix" >/dev/null
left="$(find "$prefix" -type f)"
[ -z "$left" ] && pass "uninstall: every installed file removed" || fail "uninstall left: $left"

[ "$failures" -eq 0 ] || { echo "install test: $failures failure(s)" >&2; exit 1; }
