# ianaconv: `make run` sets up and converts the bundled sample; `make test` runs the suite.
# Works on a clean Debian machine with only the Swift toolchain: missing system packages are
# installed with apt-get (through sudo when not root).

SWIFT   ?= swift
BIN     := .build/release/ianaconv
SUDO    := $(shell if [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then echo sudo; fi)
APT_GET := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

.PHONY: all deps build release run test bench clean

all: release

# libxml2's headers (through pkg-config) are all the build needs besides Swift.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libxml-2.0; then \
	  echo "ianaconv: installing libxml2-dev and pkg-config"; \
	  $(APT_GET) update -qq && $(APT_GET) install -y -qq libxml2-dev pkg-config >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product ianaconv

# The main job on the bundled sample: IANA's XML in, IANA's CSV out.
run: release
	$(BIN) xml csv Samples/registry.xml

# Unit tests run in debug; the full-registry golden and end-to-end tests run the release
# binary, which is built first.
test: release
	$(SWIFT) test

# Times the main jobs on the full registry beside xmllint (installs libxml2-utils and GNU time
# when missing).
bench: release
	@command -v xmllint >/dev/null 2>&1 && [ -x /usr/bin/time ] || { \
	  echo "ianaconv: installing libxml2-utils and time for the benchmark"; \
	  $(APT_GET) update -qq && $(APT_GET) install -y -qq libxml2-utils time >/dev/null; }
	bash Tests/Benchmarks/run.sh $(BIN)

clean:
	rm -rf .build
