#!/usr/bin/env bash
# The pre-commit hooks for real: installs pre-commit from PyPI into a virtual environment,
# makes a scratch git repository holding registry files, runs `pre-commit try-repo <this
# checkout>` on a clean file and on the whole repository, then the README's configuration
# (`pre-commit run` on chosen files, and commits through the installed git hook). pre-commit
# builds ianaconv in its own clone (`swift build -c release`) three times (try-repo uses a new
# cache at each call), so this takes many minutes: `make hook-test`, not part of `make test`.
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

# Runs pre-commit in the scratch repository, the release binary first on the PATH (the
# language: system hooks run it); sets $out and $status.
pre_commit() {
  set +e
  out="$(cd "$scratch" && PATH="$repo/.build/release:$PATH" "$venv/bin/pre-commit" "$@" --verbose --color never 2>&1)"
  status=$?
  set -e
}
expect() {  # expect STATUS TEXT WHAT: the last run's exit status is STATUS and its output holds TEXT
  if [ "$status" -ne "$1" ]; then fail "$3: exit $status, expected $1"; echo "$out" | tail -30 >&2
  elif ! grep -qF -- "$2" <<<"$out"; then fail "$3: output lacks '$2'"; echo "$out" | tail -30 >&2
  else pass "$3"; fi
}
bad_name_finding="registry/bad-name.xml:6:5: error: service name 'edi_service' contains a character other than a US-ASCII letter, digit or hyphen (RFC 6335 §5.1); registered 2016-10-26, after RFC 6335 [service-name-syntax]"
bad_range_finding="registry/bad-range.csv:2:9: error: port 70000 is above 65535, the highest port (RFC 6335 §6) [port-range-bounds]"

# try-repo, as a curator tries the hooks before adopting them. It clones and builds ianaconv
# in a new temporary cache at every call, so it is called twice: both hooks on a clean file,
# then both hooks on the whole repository (a batch of four registry files).
start=$(date +%s)
pre_commit try-repo "$source_repo" --files registry/service-names-port-numbers.csv
build_seconds=$(( $(date +%s) - start ))
expect 0 "ianaconv validate (RFC 6335 and the registry's consistency rules, whole files)" \
  "try-repo: a clean file passes validate (pre-commit cloned and built ianaconv: ${build_seconds} s)"
expect 0 "ianaconv fmt --check (canonical form of each layout)" \
  "try-repo: IANA's CSV passes the format check (exit 0: both hooks passed)"

pre_commit try-repo "$source_repo" --all-files
expect 1 "$bad_name_finding" "try-repo --all-files: an RFC 6335 error fails validate, the finding printed with file:line:column and rule"
expect 1 "$bad_range_finding" "try-repo --all-files: the other bad file of the batch is reported in the same run"
expect 1 "+++ registry/service-names-port-numbers.xml (canonical)" "try-repo --all-files: the non-canonical XML fails the format check with a unified diff"
if grep -q "NOTES.md" <<<"$out"; then fail "NOTES.md was passed to a hook"; else pass "try-repo --all-files: files outside the pattern are not passed"; fi
try_repo_seconds=$(( $(date +%s) - start ))

# A language: system hook: the ianaconv on the PATH, nothing built.
system_start=$(date +%s)
pre_commit try-repo "$source_repo" ianaconv-validate-files-system --files registry/bad-name.xml
expect 1 "$bad_name_finding" "try-repo: the language: system hook runs the installed ianaconv ($(( $(date +%s) - system_start )) s, no build)"

# The README's configuration, repo and rev pointing at the snapshot: one build in
# PRE_COMMIT_HOME, then single hooks on chosen files and real commits through the git hook.
rev="$(git -C "$source_repo" rev-parse HEAD)"
# (the README's first yaml block that starts with `repos:`)
awk '/^```yaml$/ { inside = 1; block = ""; next }
     /^```$/ { if (inside && block ~ /^repos:/) { printf "%s", block; exit } inside = 0; next }
     inside { block = block $0 "\n" }' "$repo/README.md" \
  | sed -e "s|repo: [^ ]*|repo: $source_repo|" -e "s|rev: [^ ]*|rev: $rev|" > "$scratch/.pre-commit-config.yaml"
git -C "$scratch" add .pre-commit-config.yaml

# ianaconv-validate judges what a change adds (--against git:HEAD): an error committed before
# does not fail it, the same error in a new file does.
pre_commit run ianaconv-validate --files registry/bad-name.xml
expect 0 "0 errors, 0 warnings in 1 file; 5 findings on records the change does not touch" \
  "run: a committed file's old error does not fail what the change adds"
cp "$scratch/registry/bad-name.xml" "$scratch/registry/new-bad-name.xml"
pre_commit run ianaconv-validate --files registry/new-bad-name.xml
expect 1 "registry/new-bad-name.xml:6:5: error: service name 'edi_service' contains a character other than a US-ASCII letter, digit or hyphen (RFC 6335 §5.1); a new registration" \
  "run: a new file with an RFC 6335 error fails with the finding"
rm "$scratch/registry/new-bad-name.xml"
pre_commit run ianaconv-validate --files registry/service-names-port-numbers.xml registry/service-names-port-numbers.csv
expect 0 "0 errors, 0 warnings in 2 files" "run: a batch of two unchanged files passes"
before="$(cksum < "$scratch/registry/service-names-port-numbers.xml")"
pre_commit run ianaconv-format --files registry/service-names-port-numbers.xml registry/service-names-port-numbers.csv
expect 1 "--- registry/service-names-port-numbers.xml" "run: the format check fails on the non-canonical file of a batch"
[ "$before" = "$(cksum < "$scratch/registry/service-names-port-numbers.xml")" ] \
  && pass "run: the checked file is unchanged" || fail "run: the format check changed the file"

commit() {  # commit FILE...: adds the files and commits through the installed hook
  set +e
  out="$(cd "$scratch" && git add "$@" && git -c user.name=test -c user.email=test@example.org commit -m "$*" 2>&1)"
  status=$?
  set -e
}
(cd "$scratch" && "$venv/bin/pre-commit" install >/dev/null)
cp "$repo/Samples/invalid/service-name-syntax.csv" "$scratch/registry/new-name.csv"
commit registry/new-name.csv
expect 1 "registry/new-name.csv:2:1: error: service name 'edi_service'" "git commit: a new file with an RFC 6335 error is refused"
git -C "$scratch" rm --cached --quiet registry/new-name.csv && rm "$scratch/registry/new-name.csv"
# A new registration done right: a free port, both protocols, the §8.1.1 template, IANA's order.
csv="$scratch/registry/service-names-port-numbers.csv"
{ head -5 "$csv"
  printf 'newsvc,2,%s,A New Service,[Ann_Example],[Ann_Example],2026-12-01,,[RFC9999],,,\r\n' tcp udp
  tail -n +6 "$csv"; } > "$csv.new" && mv "$csv.new" "$csv"
commit registry/service-names-port-numbers.csv
expect 0 "Passed" "git commit: a clean new registration in canonical form goes through both hooks"

elapsed=$(( $(date +%s) - start ))
echo "hook test: ${elapsed} s in all; the first try-repo (cloning and building ianaconv) ${build_seconds} s, both try-repo ${try_repo_seconds} s"

bash "$repo/Tests/Hooks/install-test.sh" || failures=$((failures + 1))

if [ "$failures" -gt 0 ]; then echo "hook test: $failures failure(s)" >&2; exit 1; fi
echo "hook test: all passed"
