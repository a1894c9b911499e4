# abigen: the two set-up commands are `make check` (the proof obligations on the bundled Xen
# spec) and `make test` (every test). Both build what they need.

SWIFT ?= swift
ABIGEN = .build/release/abigen

.PHONY: all build release check test dump lint format deps bench

all: build

# Installs what the build needs on Debian/Ubuntu when it is missing (Z3's C library and headers).
deps:
	@test -f /usr/include/z3.h || { \
	  echo "installing libz3-dev (Z3's C API)"; \
	  apt-get update -qq && apt-get install -y -qq libz3-dev; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The main job: every proof obligation of the bundled Xen spec (release build: the solver
# work is the same, the Swift around it is faster).
check: release
	$(ABIGEN) check

test: deps
	$(SWIFT) test

dump: release
	$(ABIGEN) dump

lint:
	$(SWIFT) format lint --strict --recursive Sources Spec Tests

format:
	$(SWIFT) format --in-place --recursive Sources Spec Tests

# Timing of `abigen check` on the whole bundled history (see docs/benchmarks.md).
bench: release
	bash scripts/bench-check.sh
