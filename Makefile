# ianaconv: `make run` sets up and converts the bundled sample; `make test` runs the suite.
# Works on a clean Debian machine with only the Swift toolchain: missing system packages are
# installed with apt-get (through sudo when not root).

SWIFT   ?= swift
BIN     := .build/release/ianaconv
SUDO    := $(shell if [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then echo sudo; fi)
APT_GET := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

.PHONY: all deps schema-deps json-check build release run test bench diff-check fuzz install uninstall install-test hook-test browser-test sarif-check clean

all: release

# libxml2's and libyaml's headers (through pkg-config) are all the build needs besides Swift.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libxml-2.0 yaml-0.1; then \
	  echo "ianaconv: installing libxml2-dev, libyaml-dev and pkg-config"; \
	  $(APT_GET) update -qq && $(APT_GET) install -y -qq libxml2-dev libyaml-dev pkg-config >/dev/null; \
	fi
	@if ! command -v jq >/dev/null 2>&1; then \
	  echo "ianaconv: installing jq (the README's JSON examples, run by the suite, use it)"; \
	  $(APT_GET) update -qq && $(APT_GET) install -y -qq jq >/dev/null; \
	fi

# jsonschema from PyPI, the validator the suite checks the JSON layout's output with (the test
# is skipped, saying so, where it cannot be installed).
schema-deps:
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema \
	  || echo "ianaconv: could not install jsonschema; the JSON schema test will be skipped"

build: deps
	$(SWIFT) build

# The Swift runtime is linked in statically: start-up drops from about 12 ms to 6 ms (no dynamic
# loading and relocation of libswiftCore and friends), which counts in a pre-commit hook, and
# the full-registry jobs get about a quarter faster.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product ianaconv

# The main job on the bundled sample: IANA's XML in, IANA's CSV out, into .build/run/ (the
# warnings say what CSV has no columns for: expected, and said so first), then its first rows.
run: release
	@mkdir -p .build/run
	@echo "ianaconv: converting Samples/registry.xml to CSV; the warnings list what CSV has no columns for (expected, not a failure)"
	@$(BIN) xml csv Samples/registry.xml -o .build/run/registry.csv
	@echo "ianaconv: wrote .build/run/registry.csv ($$(($$(wc -l < .build/run/registry.csv) - 1)) lines); its first lines:"
	@head -4 .build/run/registry.csv

# Unit tests run in debug; the full-registry golden and end-to-end tests run the release
# binary, which is built first. The last line says whether everything passed (swift test's
# own summary stays above it), and the exit status is swift test's.
test: release schema-deps
	@$(SWIFT) test; status=$$?; \
	if [ $$status -eq 0 ]; then echo "ianaconv: all tests passed"; \
	else echo "ianaconv: tests FAILED (swift test exited $$status)"; fi; exit $$status

# The JSON layout's output (the sample and IANA's 2026-08-17 registry, as a document and as JSON
# Lines) against Schemas/service-names-port-numbers.schema.json, with jsonschema.
JSON_CHECK := .build/json-check
json-check: release schema-deps
	mkdir -p $(JSON_CHECK)
	$(BIN) xml json Samples/registry.xml -o $(JSON_CHECK)/sample.json
	$(BIN) xml json Tests/Fixtures/iana/2026-08-17/service-names-port-numbers.xml -o $(JSON_CHECK)/registry.json
	$(BIN) xml jsonl Tests/Fixtures/iana/2026-08-17/service-names-port-numbers.xml -o $(JSON_CHECK)/registry.jsonl 2>/dev/null
	python3 Tests/JSONSchema/check.py Schemas/service-names-port-numbers.schema.json \
	  $(JSON_CHECK)/sample.json $(JSON_CHECK)/registry.json $(JSON_CHECK)/registry.jsonl

# Times the main jobs on the full registry beside xmllint (installs libxml2-utils and GNU time
# when missing).
bench: release
	@command -v xmllint >/dev/null 2>&1 && [ -x /usr/bin/time ] || { \
	  echo "ianaconv: installing libxml2-utils and time for the benchmark"; \
	  $(APT_GET) update -qq && $(APT_GET) install -y -qq libxml2-utils time >/dev/null; }
	bash Tests/Benchmarks/run.sh $(BIN)

# `ianaconv diff` of IANA's 2024-04-30 and 2026-08-17 releases against an independent
# computation on the XML (python3's xml.etree).
diff-check: release
	python3 Tests/DiffCheck/independent-diff.py $(BIN) \
	  Tests/Fixtures/iana/2024-04-30/service-names-port-numbers.xml \
	  Tests/Fixtures/iana/2026-08-17/service-names-port-numbers.xml

# The release binary, a man page generated from the argument parser (with the sections it
# cannot generate added by Scripts/man-sections.py), bash/zsh/fish completions and the RELAX NG
# schema of the registry XML, under $(DESTDIR)$(PREFIX). The manual is generated from a debug
# build: the plugin builds what it runs, and in release it would replace the static binary
# with one linked to the toolchain's Swift libraries.
PREFIX ?= /usr/local
INSTALLED := bin/ianaconv share/man/man1/ianaconv.1 share/bash-completion/completions/ianaconv \
             share/zsh/site-functions/_ianaconv share/fish/vendor_completions.d/ianaconv.fish \
             share/ianaconv/service-names-port-numbers.rng
install: release
	mkdir -p .build/man
	$(SWIFT) package generate-manual --configuration debug --output-directory .build/man >/dev/null
	python3 Scripts/man-sections.py .build/man/ianaconv.1
	install -D -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/ianaconv
	install -D -m 644 .build/man/ianaconv.1 $(DESTDIR)$(PREFIX)/share/man/man1/ianaconv.1
	install -D -m 644 Schemas/service-names-port-numbers.rng $(DESTDIR)$(PREFIX)/share/ianaconv/service-names-port-numbers.rng
	mkdir -p $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	$(BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/ianaconv
	$(BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_ianaconv
	$(BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/ianaconv.fish

uninstall:
	cd $(DESTDIR)$(PREFIX) && rm -f $(INSTALLED)
	@rmdir $(DESTDIR)$(PREFIX)/share/ianaconv 2>/dev/null || true

# `validate --format sarif` of files with findings, a duplicate and an unreadable file, checked
# against OASIS's SARIF 2.1.0 JSON schema (Schemas/sarif-schema-2.1.0.json) with python3's
# jsonschema (installed from PyPI when missing). SARIFSchemaTests runs the same check in `make test` when
# jsonschema is there.
sarif-check: release
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema
	$(BIN) validate --format sarif Samples/registry.xml Samples/invalid/*.csv no-such-file.xml > .build/check.sarif 2>/dev/null; \
	  [ $$? -le 2 ]
	python3 Tests/SARIF/check-sarif.py Schemas/sarif-schema-2.1.0.json .build/check.sarif

# make install and make uninstall into a temporary PREFIX (the man page builds a plugin and the
# debug build: minutes the first time), running the installed binary with the toolchain hidden.
install-test: release
	bash Tests/Hooks/install-test.sh

# The pre-commit hooks for real (pre-commit from PyPI, try-repo on a scratch repository; pre-commit
# builds ianaconv in its own clone: several minutes), then install-test. Not part of make test.
hook-test: release
	bash Tests/Hooks/hook-test.sh

# The HTML page of the full registry in headless Chromium (Debian's chromium and chromium-driver,
# selenium from PyPI, installed when missing): sorting, the filter and person links, with timings.
browser-test: release
	@command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromedriver ] || { \
	  echo "ianaconv: installing chromium and chromium-driver for the browser test"; \
	  $(APT_GET) update -qq && $(APT_GET) install -y -qq chromium chromium-driver >/dev/null; }
	@python3 -c 'import selenium' 2>/dev/null || python3 -m pip install -q selenium
	mkdir -p .build/browser
	$(BIN) xml html Tests/Fixtures/iana/2026-08-17/service-names-port-numbers.xml -o .build/browser/registry.xhtml 2>/dev/null
	python3 Tests/Browser/page_test.py .build/browser/registry.xhtml .build/browser/registry.png

clean:
	rm -rf .build .build-fuzz

# libFuzzer + AddressSanitizer on every reader (Tests/Fuzz), seeded from the samples and the
# fixtures (a served HTML page, the heads of IANA's text pages; the samples as JSON for the
# JSON readers, written by the release binary); FUZZ_SECONDS per reader.
# Crashes land in .build-fuzz/artifacts: keep each as a regression file under
# Tests/Fixtures/fuzz/<layout>/.
FUZZ_SECONDS ?= 600
FUZZ_READERS ?= XML CSV HTML TXT MD Collapsed JSON JSONL Services
FUZZ_FLAGS   := -Xswiftc -sanitize=fuzzer,address -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
fuzz: deps release
	cd Tests/Fuzz && for reader in $(FUZZ_READERS); do \
	  $(SWIFT) build -c debug --scratch-path ../../.build-fuzz $(FUZZ_FLAGS) --product Fuzz$$reader || exit 1; \
	done
	@for reader in $(FUZZ_READERS); do \
	  layout=$$(echo $$reader | tr A-Z a-z); corpus=.build-fuzz/corpus/$$layout; \
	  mkdir -p $$corpus .build-fuzz/artifacts; \
	  cp Samples/registry.* Tests/Fixtures/seeds/*.txt Tests/Fixtures/services/*.services Tests/Fixtures/fuzz/$$layout/* $$corpus/ 2>/dev/null; \
	  case $$layout in json*) for sample in Samples/registry.xml Samples/registry-next.xml; do \
	    $(BIN) xml $$layout $$sample -o $$corpus/$$(basename $$sample .xml).$$layout 2>/dev/null; \
	  done;; esac; \
	  cp Tests/Fixtures/iana/2015-03-16-page1/*.xhtml $$corpus/; \
	  for page in 2026-08-17 2013-06-26; do \
	    head -c 65536 Tests/Fixtures/iana/$$page/service-names-port-numbers.txt > $$corpus/iana-$$page-head.txt; \
	  done; \
	  echo "fuzzing the $$layout reader for $(FUZZ_SECONDS) s"; \
	  SWIFT_BACKTRACE=enable=no .build-fuzz/debug/Fuzz$$reader $$corpus -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=262144 -timeout=10 -rss_limit_mb=4096 -artifact_prefix=.build-fuzz/artifacts/$$layout- \
	    -print_final_stats=1 2>&1 | grep -E '^(stat::|Done|==.*ERROR|SUMMARY)' ; \
	done
