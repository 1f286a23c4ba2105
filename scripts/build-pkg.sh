#!/usr/bin/env bash
# Builds pkg/: release wasm -> wasm-bindgen (nodejs and web) -> wasm-opt -Oz,
# one npm package that works with require, import and in a browser page.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --target wasm32-unknown-unknown --lib --quiet
wasm=target/wasm32-unknown-unknown/release/cadence_engine.wasm

rm -rf pkg
mkdir -p pkg/node pkg/web
wasm-bindgen --target nodejs --out-dir pkg/node "$wasm"
wasm-bindgen --target web --out-dir pkg/web "$wasm"

opt=node_modules/.bin/wasm-opt
for f in pkg/node/cadence_engine_bg.wasm pkg/web/cadence_engine_bg.wasm; do
  "$opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$f" -o "$f.opt"
  mv "$f.opt" "$f"
done

node scripts/pkg-files.mjs

raw=$(stat -c %s pkg/web/cadence_engine_bg.wasm)
gz=$(gzip -9 -c pkg/web/cadence_engine_bg.wasm | wc -c)
printf '[pkg] cadence_engine_bg.wasm: %d bytes raw, %d bytes gzip (%.1f KB / %.1f KB)\n' \
  "$raw" "$gz" "$(awk "BEGIN{print $raw/1024}")" "$(awk "BEGIN{print $gz/1024}")"
