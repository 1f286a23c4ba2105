#!/usr/bin/env bash
# make bench: native, Node and headless-Chromium benchmarks with the peers, in one
# run; prints the tables and writes them to docs/benchmarks.md (with the result
# of the last `make soak`, if any). `make bench` builds pkg/ and installs
# chromium first.
#   BENCH_QUICK=1 scripts/bench.sh    smaller sizes, fewer runs (a smoke run)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[bench] %s\n' "$*" >&2; }

out=target/bench
mkdir -p "$out"
rm -f "$out"/{env,native,node,batch,scale,browser,size}.json

quick=${BENCH_QUICK:-}
big=100000; reps=7; demo=50000; demo_runs=5; qflag=
if [ -n "$quick" ]; then big=20000; reps=3; demo=10000; demo_runs=3; qflag=--quick; fi
now=2026-11-12T15:00:00Z

# The checkout, and the last commit that changed the engine itself (src/, crates/).
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
engine=$(git log -1 --format='%h, %cs' -- src crates Cargo.toml 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit with uncommitted changes"; fi
cpu=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
env_json() {
  node -e 'const [quick, commit, engine, cpu, cpus, arch, start, end] = process.argv.slice(1);
    console.log(JSON.stringify({ quick: quick === "1", commit, engine, cpu, cpus: Number(cpus), arch, loadStart: start,
      loadEnd: end || null, date: new Date().toISOString().slice(0, 10) }))' \
    "$([ -n "$quick" ] && echo 1 || echo 0)" "$commit" "$engine" "${cpu:-unknown CPU}" "$(nproc)" "$(uname -m)" \
    "$load_start" "${1:-}"
}
env_json > "$out/env.json"

say "synthetic contacts ($big)"
node --input-type=module -e "
import { contacts } from './benches/contacts.mjs';
import { writeFileSync } from 'node:fs';
writeFileSync('$out/contacts.json', JSON.stringify(contacts($big, 7)));"

say "native (cargo bench --bench native)"
cargo bench --quiet --bench native -- "$out/contacts.json" "$now" "$reps" > "$out/native.json"

# The boundary build: the engine with the bench-boundary exports, built in its
# own target folder so that pkg/'s release artifact stays as it is.
say "boundary build (feature bench-boundary, never shipped)"
cargo build --quiet --release --target wasm32-unknown-unknown --lib --features bench-boundary \
  --target-dir target/bench-boundary
rm -rf "$out/boundary"
wasm-bindgen --target nodejs --out-dir "$out/boundary" \
  target/bench-boundary/wasm32-unknown-unknown/release/cadence_engine.wasm
# Optimized as pkg/ is, so that it runs at the package's speed.
node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/boundary/cadence_engine_bg.wasm" -o "$out/boundary/cadence_engine_bg.wasm"
node scripts/snippets.mjs "$out/boundary"

say "Node, the Worklist ($big contacts)"
node benches/node.mjs "$out/node.json" $qflag

say "Node, per contact (a process of its own)"
BOUNDARY_PKG="$PWD/$out/boundary/cadence_engine.js" node benches/batch.mjs "$out/batch.json" $qflag

say "Node, first loads by size (a fresh process each)"
node benches/scale.mjs "$out/scale.json" $qflag

say "headless Chromium ($big contacts; evaluateMany; the demo at $demo)"
# json-rules-engine for the evaluateMany page: the npm package, bundled.
printf "export { Engine } from 'json-rules-engine';\n" > "$out/jre-entry.mjs"
node_modules/.bin/esbuild "$out/jre-entry.mjs" --bundle --format=esm --platform=browser --log-level=warning \
  --outfile="$out/json-rules-engine.mjs"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
python3 -m http.server "$port" --bind 127.0.0.1 --directory . >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.1
done
node benches/browser.mjs "http://127.0.0.1:$port" "$big" "$( [ -n "$quick" ] && echo 3 || echo 5)" "$demo" "$demo_runs" > "$out/browser.json"
kill "$server" 2>/dev/null || true
trap - EXIT

wasm=pkg/cadence_engine_bg.wasm
printf '{"raw":%d,"gzip":%d}\n' "$(stat -c %s "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)" > "$out/size.json"

env_json "$(cut -d' ' -f1-3 /proc/loadavg)" > "$out/env.json"
node benches/report.mjs "$out"
