#!/usr/bin/env bash
# Times ianaconv's main jobs on the full 2026-08-17 registry, interleaved over several runs,
# beside xmllint on the same file, and prints medians, ratios and peak memory.
# Usage: run.sh BINARY [RUNS]   (called by `make bench`)
set -euo pipefail
bin=${1:?usage: run.sh BINARY [RUNS]}
runs=${2:-15}
here=$(cd "$(dirname "$0")/../.." && pwd)
xml="$here/Tests/Fixtures/iana/2026-08-17/service-names-port-numbers.xml"
html="$here/Tests/Fixtures/iana/2026-08-17/service-names-port-numbers.xhtml"  # IANA's page of that XML
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" xml csv "$xml" -o "$work/registry.csv" 2>/dev/null
"$bin" xml json "$xml" -o "$work/registry.json"
txt="$here/Tests/Fixtures/iana/2026-08-17/service-names-port-numbers.txt"  # IANA's own page
old_xml="$here/Tests/Fixtures/iana/2024-04-30/service-names-port-numbers.xml"  # the release before, for diff
# Reading alone: validate with every rule off reads the file and checks nothing.
no_rules=$("$bin" rules | awk '{printf "--disable %s ", $1}')
# The four-column SAX2 pass issue #9 set its targets against: a floor with no model.
swiftc -O -I "$here/Sources/CLibXML2" $(pkg-config --cflags libxml-2.0) \
  "$here/Tests/Benchmarks/FourColumnSketch.swift" -o "$work/sketch"

declare -A command=(
  [xml-csv]="$bin xml csv $xml -o $work/out.csv"
  [xml-csv-stdout]="$bin xml csv $xml"
  [csv-xml]="$bin csv xml $work/registry.csv -o $work/out.xml"
  [xml-xml]="$bin xml xml $xml -o $work/out2.xml"
  [xml-json]="$bin xml json $xml -o $work/out.json"
  [json-xml]="$bin json xml $work/registry.json -o $work/out5.xml"
  [xml-html]="$bin xml html $xml -o $work/out.html"
  [html-xml]="$bin html xml $html -o $work/out3.xml"
  [xml-txt]="$bin xml txt $xml -o $work/out.txt"
  [txt-xml]="$bin txt xml $txt -o $work/out4.xml"
  [validate-xml]="$bin validate $xml"
  [validate-csv]="$bin validate $work/registry.csv"
  [validate-html]="$bin validate $html"
  [validate-txt]="$bin validate $txt"
  [xmllint-stream]="xmllint --stream --noout $xml"
  [xmllint-sax]="xmllint --sax --noout $xml"
  [sketch-4col]="$work/sketch $xml"
  [startup]="$bin --version"
  [validate-sample]="$bin validate $here/Samples/registry.xml"  # a pre-commit run: start-up and a small file
  [read-2024]="$bin validate $no_rules $old_xml"
  [read-2026]="$bin validate $no_rules $xml"
  [diff-xml]="$bin diff $old_xml $xml"
  [xml-services]="$bin xml services $xml -o $work/out.services"
  [lookup]="$bin lookup 4250/tcp"  # start-up and an answer from the built-in registry
)
# Where each job's standard output goes: a file for the conversion that writes there (as in
# `ianaconv xml csv < in > out`), /dev/null for the rest.
declare -A stdout_to=([xml-csv-stdout]="$work/stdout.csv")
jobs=(xml-csv xml-csv-stdout csv-xml xml-xml xml-json json-xml xml-html html-xml xml-txt txt-xml validate-xml validate-csv validate-html validate-txt xmllint-stream xmllint-sax sketch-4col startup validate-sample read-2024 read-2026 diff-xml xml-services lookup)
declare -A times
for job in "${jobs[@]}"; do ${command[$job]} >"${stdout_to[$job]:-/dev/null}" 2>/dev/null || true; done  # warm the cache
for ((run = 0; run < runs; run++)); do
  for job in "${jobs[@]}"; do  # interleaved, so drift in machine load hits every job alike
    start=$EPOCHREALTIME
    ${command[$job]} >"${stdout_to[$job]:-/dev/null}" 2>/dev/null || true  # validate exits 1: IANA's data has errors
    end=$EPOCHREALTIME
    times[$job]+="$(( (${end/./} - ${start/./}) )) "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{v[NR]=$1} END {m = NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "%.1f", m / 1000}'; }
declare -A ms
printf '%-16s %10s   (%d interleaved runs, medians; %s, %s records)\n' job ms "$runs" "$(basename "$xml")" \
  "$(grep -c '<record' "$xml")"
for job in "${jobs[@]}"; do
  ms[$job]=$(echo "${times[$job]}" | median)
  printf '%-16s %10s\n' "$job" "${ms[$job]}"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo
echo "xml-csv / xmllint --stream --noout: $(ratio "${ms[xml-csv]}" "${ms[xmllint-stream]}")  (target <= 1.0)"
echo "xml-csv / xmllint --sax --noout:    $(ratio "${ms[xml-csv]}" "${ms[xmllint-sax]}")  (target <= 2.0)"
echo "  (xml-csv writes with -o: a temporary file, fsync, rename; xml-csv-stdout writes to a file"
echo "   through standard output, no fsync: $(ratio "${ms[xml-csv-stdout]}" "${ms[xmllint-stream]}") and $(ratio "${ms[xml-csv-stdout]}" "${ms[xmllint-sax]}"))"
echo "  (sketch-4col, SAX2 writing 4 of the 12 columns with no model, one thread: $(ratio "${ms[sketch-4col]}" "${ms[xmllint-stream]}") and $(ratio "${ms[sketch-4col]}" "${ms[xmllint-sax]}"))"
echo "xml-json / xml-csv: $(ratio "${ms[xml-json]}" "${ms[xml-csv]}")  (target <= 1.5)"
echo "validate-xml: ${ms[validate-xml]} ms  (target <= 150 ms; includes the RELAX NG schema check)"
echo "lookup: ${ms[lookup]} ms  (target <= 50 ms: start-up and an answer from the built-in registry)"
echo "diff-xml / (read-2024 + read-2026): $(ratio "${ms[diff-xml]}" "$(awk -v a="${ms[read-2024]}" -v b="${ms[read-2026]}" 'BEGIN {print a + b}')")  (target <= 2.0; 2024-04-30 -> 2026-08-17)"
echo
for job in xml-csv csv-xml xml-xml xml-html html-xml xml-txt txt-xml validate-xml diff-xml; do
  /usr/bin/time -f '%M' -o "$work/memory" ${command[$job]} >/dev/null 2>&1 || true
  kb=$(tail -1 "$work/memory")
  printf 'peak memory %-8s %6.1f MB   (target <= 64 MB)\n' "$job" "$(awk -v k="$kb" 'BEGIN {print k / 1024}')"
done

# Instructions, which unlike times do not move with the load on the machine (two vCPUs that
# share a core swing the times above by 30 %): counted by callgrind over every thread, when
# valgrind is installed. A two-thread job's count is its work, not its wall time.
if command -v valgrind >/dev/null 2>&1; then
  echo
  declare -A instructions
  for job in xml-csv xml-json validate-xml xmllint-stream xmllint-sax sketch-4col read-2024 read-2026 diff-xml; do
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" ${command[$job]} >/dev/null 2>"$work/callgrind.log" || true
    instructions[$job]=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/callgrind.log")
    printf 'instructions %-15s %6.0f M\n' "$job" "$(awk -v n="${instructions[$job]}" 'BEGIN {print n / 1e6}')"
  done
  echo "xml-csv / xmllint --stream, xml-csv / xmllint --sax, in instructions: $(ratio "${instructions[xml-csv]}" "${instructions[xmllint-stream]}") and $(ratio "${instructions[xml-csv]}" "${instructions[xmllint-sax]}")"
  echo "xml-json / xml-csv in instructions: $(ratio "${instructions[xml-json]}" "${instructions[xml-csv]}")  (target <= 1.5)"
fi
