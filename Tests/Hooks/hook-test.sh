#!/usr/bin/env bash
# The pre-commit hooks for real: installs pre-commit from PyPI into a virtual environment,
# makes a scratch git repository holding registry files, and runs
# `pre-commit try-repo <this checkout> <hook> --files …` on clean and bad files, alone and in
# batches. pre-commit builds ianaconv in its own clone (`swift build -c release`), with a fresh
# cache each run, so this takes minutes: `make hook-test`, not part of `make test`.
# Then checks `make install PREFIX=…` and `make uninstall` (Tests/Hooks/install-test.sh).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/ianaconv-hook-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
venv="$repo/.build/hook-test/venv"   # kept between runs: only pre-commit's own cache is fresh
export PRE_COMMIT_HOME="$work/pre-commit-cache"
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

if [ ! -x "$venv/bin/pre-commit" ]; then
  echo "installing pre-commit from PyPI into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pre-commit
fi
echo "pre-commit $("$venv/bin/pre-commit" --version | cut -d' ' -f2)"

# try-repo on a checkout with uncommitted changes snapshots them into a new commit at every
# call, and pre-commit would build ianaconv again each time: take one clean snapshot of the
# working tree (tracked and new files, not the ignored .build) and try that.
source_repo="$work/ianaconv"
mkdir -p "$source_repo"
git -C "$repo" ls-files -z --cached --others --exclude-standard \
  | (cd "$repo" && xargs -0 tar -cf - --ignore-failed-read) | tar -xf - -C "$source_repo"
git -C "$source_repo" init --quiet
git -C "$source_repo" add -A
git -C "$source_repo" -c user.name=test -c user.email=test@example.org commit --quiet -m snapshot

# A curator's repository: the registry in two layouts, two files with RFC 6335 errors, and a
# file the hooks must leave alone.
scratch="$work/curated"
mkdir -p "$scratch/registry"
cp "$repo/Samples/registry.xml" "$scratch/registry/service-names-port-numbers.xml"
cp "$repo/Samples/registry.csv" "$scratch/registry/service-names-port-numbers.csv"
cp "$repo/Samples/invalid/service-name-syntax.xml" "$scratch/registry/bad-name.xml"
cp "$repo/Samples/invalid/port-range-bounds.csv" "$scratch/registry/bad-range.csv"
echo "# notes, not a registry" > "$scratch/registry/NOTES.md"
git -C "$scratch" init --quiet
git -C "$scratch" add -A
git -C "$scratch" -c user.name=test -c user.email=test@example.org commit --quiet -m registry

# Runs one hook through try-repo from the scratch repository; sets $out and $status.
try_hook() {
  local hook="$1"; shift
  set +e
  out="$(cd "$scratch" && "$venv/bin/pre-commit" try-repo "$source_repo" "$hook" --verbose --color never "$@" 2>&1)"
  status=$?
  set -e
}
expect() {  # expect STATUS TEXT WHAT: the last run's exit status is STATUS and its output holds TEXT
  if [ "$status" -ne "$1" ]; then fail "$3: exit $status, expected $1"; echo "$out" | tail -30 >&2
  elif ! grep -qF -- "$2" <<<"$out"; then fail "$3: output lacks '$2'"; echo "$out" | tail -30 >&2
  else pass "$3"; fi
}

start=$(date +%s)
try_hook ianaconv-validate --files registry/service-names-port-numbers.csv
build_seconds=$(( $(date +%s) - start ))
expect 0 "Passed" "validate: a clean file passes (first run, pre-commit built ianaconv: ${build_seconds} s)"

try_hook ianaconv-validate --files registry/bad-name.xml
expect 1 "registry/bad-name.xml:6:5: error: service name 'edi_service' contains a character other than a US-ASCII letter, digit or hyphen (RFC 6335 §5.1); registered 2016-10-26, after RFC 6335 [service-name-syntax]" \
  "validate: an RFC 6335 error fails, the finding printed with file:line:column and rule"

try_hook ianaconv-validate --files registry/service-names-port-numbers.xml registry/service-names-port-numbers.csv
expect 0 "0 errors, 10 warnings, 32 info in 2 files" "validate: a batch of two clean files passes"

try_hook ianaconv-validate --all-files
expect 1 "[port-range-bounds]" "validate: --all-files (a batch of four) fails on the bad range"
expect 1 "[service-name-syntax]" "validate: and on the bad name, in the same run"
if grep -q "NOTES.md" <<<"$out"; then fail "validate: NOTES.md was passed to the hook"; else pass "validate: files outside the pattern are not passed"; fi

try_hook ianaconv-format --files registry/service-names-port-numbers.csv
expect 0 "Passed" "format: IANA's CSV is canonical"

before="$(cksum < "$scratch/registry/service-names-port-numbers.xml")"
try_hook ianaconv-format --files registry/service-names-port-numbers.xml registry/service-names-port-numbers.csv
expect 1 "+++ registry/service-names-port-numbers.xml (canonical)" "format: a non-canonical file in a batch fails with a unified diff"
[ "$before" = "$(cksum < "$scratch/registry/service-names-port-numbers.xml")" ] \
  && pass "format: the checked file is unchanged" || fail "format: the checked file was changed"

elapsed=$(( $(date +%s) - start ))
echo "hook test: ${elapsed} s in all, of which ${build_seconds} s the first run (pre-commit cloning and building ianaconv)"

bash "$repo/Tests/Hooks/install-test.sh" || failures=$((failures + 1))

if [ "$failures" -gt 0 ]; then echo "hook test: $failures failure(s)" >&2; exit 1; fi
echo "hook test: all passed"
