# abigen: the two set-up commands are `make check` (the proof obligations on the bundled Xen
# spec) and `make test` (every test). Both build what they need.

SWIFT ?= swift
ABIGEN_DEBUG = .build/debug/abigen

.PHONY: all build release check test dump lint format deps

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

# The main job on the bundled Xen spec.
check: build
	$(ABIGEN_DEBUG) dump --release master

test: deps
	$(SWIFT) test

dump: build
	$(ABIGEN_DEBUG) dump

lint:
	$(SWIFT) format lint --strict --recursive Sources Spec Tests

format:
	$(SWIFT) format --in-place --recursive Sources Spec Tests
