#!/usr/bin/env bash
# Builds pkg/: release wasm -> wasm-bindgen (nodejs and web glue) -> wasm-opt -Os,
# one npm package (one .wasm) that works with require, import, bundlers and in a
# browser page. The package's layout is written by scripts/pkg-files.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --target wasm32-unknown-unknown --lib --quiet
wasm=target/wasm32-unknown-unknown/release/cadence_engine.wasm

# Build into a fresh folder and swap it in at the end, so a test running
# against pkg/ meanwhile never sees half a package.
out=$(mktemp -d pkg.new.XXXXXX)
chmod 755 "$out"
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/node" "$out/web"
wasm-bindgen --target nodejs --out-dir "$out/node" "$wasm"
wasm-bindgen --target web --out-dir "$out/web" "$wasm"

# Both targets emit the same module: ship it once, at the package root, where
# the Node and the browser glue both load it from (scripts/pkg-files.mjs).
cmp -s "$out/node/cadence_engine_bg.wasm" "$out/web/cadence_engine_bg.wasm" \
  || { echo "[pkg] the nodejs and web targets emitted different modules" >&2; exit 1; }
# -Os on Rust's opt-level 3 (Cargo.toml): LLVM has done the speed work, and
# binaryen's -O3 only inlines more on top of it — 2.0 KB more gzipped for no
# time that shows (Node, medians of three processes each: upsertJson of 100k
# 271/271/282 ms under -O3 against 271/279/275, evaluateMany 13.7–14.0 µs
# against 13.1–14.0, refresh a day on 8.7–11.9 ms against 8.7–9.3). -Oz
# inlines too little: -O3 ran refresh with 41% fewer instructions than it
# (callgrind counts of V8's optimized code).
opt=node_modules/.bin/wasm-opt
# The producers and target-features sections are tooling notes no host reads
# (245 B gzipped). --low-memory-unused: the first KB of memory holds nothing
# (Rust's stack ends at 1 MB and grows down, the data sit above it), so a
# constant added to an address folds into the load's offset: 3.0 KB gzipped
# less and fewer instructions. --converge runs the passes until the module
# stops shrinking: 0.4 KB gzipped for some 10 s of build. Functions ordered by
# name put each module's code together (Rust's names are paths), where gzip
# finds its repeats within reach: 5.7 KB gzipped less than in the order of
# LLVM's output (378,920 B against 373,157 B on the same build), the code
# itself unchanged.
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
"$opt" -Os --converge --reorder-functions-by-name --low-memory-unused --strip-producers --strip-target-features "${features[@]}" \
  "$out/web/cadence_engine_bg.wasm" -o "$out/opt.wasm"
# Then the control flow rebuilt (--flatten, --rereloop) and two rounds of -Os
# over it: 2.0 KB gzipped less (376,834 B against 378,859 B on one build) for
# 13 s of build; Node's times unchanged within their noise (upsertJson of
# 100k, medians of 5: 287/288/292 ms against 282/282/295; evaluateMany
# 14.5/15.9/15.6 µs a contact against 15.8/16.1/16.7, runs alternating).
# (No second ordering: the names are gone after the first pass, and an
# order by what is left of them scatters each module's code again.)
"$opt" --flatten --rereloop -Os -Os --low-memory-unused "${features[@]}" \
  "$out/opt.wasm" -o "$out/cadence_engine_bg.wasm"
rm -f "$out/opt.wasm"
rm -f "$out"/node/cadence_engine_bg.wasm* "$out"/web/cadence_engine_bg.wasm*

node scripts/pkg-files.mjs "$out"
rm -rf pkg.old
[ -d pkg ] && mv pkg pkg.old
mv "$out" pkg
rm -rf pkg.old

raw=$(stat -c %s pkg/cadence_engine_bg.wasm)
gz=$(gzip -9 -c pkg/cadence_engine_bg.wasm | wc -c)
printf '[pkg] cadence_engine_bg.wasm: %d bytes raw, %d bytes gzip (%.1f KB / %.1f KB)\n' \
  "$raw" "$gz" "$(awk "BEGIN{print $raw/1024}")" "$(awk "BEGIN{print $gz/1024}")"
