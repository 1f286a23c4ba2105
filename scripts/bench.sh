#!/usr/bin/env bash
# make bench: native, Node and headless-Chromium benchmarks with the peers, in one
# run; prints one table and writes it to docs/benchmarks.md.
#   BENCH_QUICK=1 scripts/bench.sh    fewer contacts and repetitions (a smoke run)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[bench] %s\n' "$*" >&2; }
out=target/bench
mkdir -p "$out"
rm -f "$out"/{native,node,browser,size,env}.json

quick=${BENCH_QUICK:-}
n=20000; big=100000; reps=7; qflag=
if [ -n "$quick" ]; then n=5000; big=20000; reps=3; qflag=--quick; fi
now=2026-11-12T15:00:00Z

printf '{"machine":"%s CPUs, %s","load":"%s"}\n' "$(nproc)" "$(uname -m)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" > "$out/env.json"

say "synthetic contacts ($n)"
node --input-type=module -e "
import { contacts } from './benches/contacts.mjs';
import { writeFileSync } from 'node:fs';
writeFileSync('$out/contacts.json', JSON.stringify(contacts($n)));"

say "native (cargo bench --bench native)"
cargo bench --quiet --bench native -- "$out/contacts.json" "$now" "$reps" > "$out/native.json"

say "boundary build (feature bench-boundary, not shipped)"
cargo build --quiet --release --target wasm32-unknown-unknown --lib --features bench-boundary
rm -rf "$out/boundary"
wasm-bindgen --target nodejs --out-dir "$out/boundary" target/wasm32-unknown-unknown/release/cadence_engine.wasm
# Leave the release artifact as pkg/ was built (no extra exports).
cargo build --quiet --release --target wasm32-unknown-unknown --lib

say "Node"
BOUNDARY_PKG="$PWD/$out/boundary/cadence_engine.js" node benches/node.mjs "$out/node.json" $qflag

say "headless Chromium"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
python3 -m http.server "$port" --bind 127.0.0.1 --directory . >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.1
done
node benches/browser.mjs "http://127.0.0.1:$port" "$big" "$( [ -n "$quick" ] && echo 3 || echo 5)" > "$out/browser.json"
kill "$server" 2>/dev/null || true
trap - EXIT

wasm=pkg/cadence_engine_bg.wasm
printf '{"raw":%d,"gzip":%d}\n' "$(stat -c %s "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)" > "$out/size.json"

node benches/report.mjs "$out"
