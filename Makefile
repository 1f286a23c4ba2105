# cadence-engine — every target installs what it needs first (skipped when present).
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8765
CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: help setup setup-browser pkg demo test test-rust test-wasm test-js test-types test-bundlers test-e2e lint bench soak fuzz mutants zones clean

help:
	@echo "make demo   build pkg/ and serve the CRM demo on 127.0.0.1:$(PORT)"
	@echo "make test   run every test layer"
	@echo "make bench  benchmarks against the peers (writes docs/benchmarks.md)"
	@echo "make soak   a million Worklist calls in Node; fails if memory keeps growing"
	@echo "make fuzz   run each fuzz target for FUZZ_SECONDS (default 60)"
	@echo "make mutants  mutation testing of the rule modules (MUTANTS_MODULES, MUTANTS_SHARD; slow)"
	@echo "make zones  regenerate src/zones/data.rs from chrono-tz (after updating it)"

setup:
	@scripts/setup.sh

setup-browser:
	@scripts/setup.sh browser

pkg: setup
	@scripts/build-pkg.sh

demo: pkg
	@echo "cadence-engine demo: http://127.0.0.1:$(PORT)/www/"
	@python3 -m http.server $(PORT) --bind 127.0.0.1 --directory .

lint: setup
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --lib --test wasm_node --test wasm_browser --target wasm32-unknown-unknown -- -D warnings
# The fuzz targets run on nightly (make fuzz); stable checks that they still build.
	cargo check --manifest-path fuzz/Cargo.toml --bins --quiet

test-rust: setup
	cargo test --workspace --quiet

test-wasm: setup-browser
	cargo test --target wasm32-unknown-unknown --test wasm_node
	CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target wasm32-unknown-unknown --test wasm_browser

test-js: pkg
	node --test tests/js/

test-types: pkg
	node_modules/.bin/tsc -p tests/types/tsconfig.json
	node scripts/reference.mjs --check

test-bundlers: pkg setup-browser
	node --test tests/bundlers/

test-e2e: pkg setup-browser
	node --test tests/e2e/

test: lint test-rust test-js test-types test-bundlers test-wasm test-e2e
	@echo "make test: every layer passed"

bench: pkg setup-browser
	@scripts/bench.sh

# Not in `make test` (about a minute): its result goes into docs/benchmarks.md
# at the next `make bench`.
soak: pkg
	node --expose-gc benches/soak.mjs target/bench/soak.json

fuzz:
	@scripts/fuzz.sh

# Mutation testing (cargo-mutants, installed when missing): how many injected
# faults the native tests catch, per rule module. Not part of `make test`: the
# whole run takes hours on two cores. Results in target/mutants/.
#   make mutants MUTANTS_MODULES="status queue" MUTANTS_SHARD=1/4
#   make mutants MUTANTS_MODULES=queue MUTANTS_RECHECK=1   (only what it missed)
mutants:
	@MUTANTS_MODULES="$(MUTANTS_MODULES)" MUTANTS_SHARD="$(MUTANTS_SHARD)" \
	  MUTANTS_RE="$(MUTANTS_RE)" MUTANTS_RECHECK="$(MUTANTS_RECHECK)" scripts/mutants.sh

# The zone tables from chrono-tz's IANA data (checked against the system's TZif
# files when they are of the same release); tests/zones.rs fails until this is run
# after chrono-tz is updated.
zones:
	cargo run --release --example zonegen > src/zones/data.rs.new
	mv src/zones/data.rs.new src/zones/data.rs

clean:
	rm -rf target pkg test-output
