// Soak: a long run of small Worklist calls in Node, watching memory for a leak.
//
//   node --expose-gc benches/soak.mjs [out.json] [--calls N] [--contacts K] [--every S]
//
// A Worklist of K contacts (default 5,000) takes N calls (default 1,000,000),
// one at a time, drawn from a seeded generator: 60% `upsert` of one contact
// (each contact alternates between two versions, so the data held stays the
// same size), 20% `refresh` (a minute on each time; every 10,000th goes back to
// the start, which re-evaluates every contact), 20% `remove` of one id (a later
// upsert adds it back); after every tenth call, the first page of the work
// order, as a table reads it (which puts the order back after the changes
// since the last read). Every S calls (default N / 100) it collects garbage
// (with --expose-gc) and samples the wasm memory and the process RSS.
//
// The criterion: after the warm-up (the first 20% of the calls), the line
// fitted through the samples may rise by at most 1% of the wasm memory over
// the rest of the run (linear memory never shrinks, so a leak is a steady
// climb), and at most 10% of the RSS (the JS heap moves with the collector).
// Either exceeded: exit 1. For scale: a leak of 16 bytes a call would add
// 12.8 MB over 800,000 calls.
import { writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { contacts, rng, NOW } from './contacts.mjs';
import { firstPage } from './timing.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const outPath = argv[0] && !argv[0].startsWith('--') ? argv[0] : null;
const CALLS = opt('calls', 1_000_000);
const K = opt('contacts', 5_000);
const EVERY = opt('every', Math.max(1, Math.floor(CALLS / 100)));
const WARMUP = Math.floor(CALLS * 0.2);
const WASM_LIMIT = 0.01;
const RSS_LIMIT = 0.10;
const log = (...a) => console.error('[soak]', ...a);

const require = createRequire(import.meta.url);
let instance = null;
const Instance = WebAssembly.Instance;
WebAssembly.Instance = function (module, imports) {
  instance = new Instance(module, imports);
  return instance;
};
const m = require(fileURLToPath(new URL('../pkg/node/cadence_engine.js', import.meta.url)));
WebAssembly.Instance = Instance;
const wasmBytes = () => instance.exports.memory.buffer.byteLength;
const collect = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};
if (collect === globalThis.gc) log('garbage collected before each sample');
else log('run with node --expose-gc for steadier RSS samples');

const t0 = Date.parse(NOW);
const base = contacts(K, 11);
// The second version of each contact: one more text, out, an hour before NOW.
const reply = { kind: 'message', at: new Date(t0 - 3_600_000).toISOString(), channel: 'sms', direction: 'out' };
const versions = [base, base.map((c) => ({ ...c, events: [...c.events, reply] }))];
const version = new Uint8Array(K);

const pb = m.preset('monthly-campaign');
const wl = new m.Worklist(pb, NOW);
if (wl.upsert(base).length) throw new Error('bad synthetic contacts');
const r = rng(1);
const counts = { upsert: 0, refresh: 0, remove: 0, page: 0 };
const samples = [];
let tick = 0;
const sample = (calls, ms) => {
  collect();
  samples.push({ calls, ms: Math.round(ms), wasm: wasmBytes(), rss: process.memoryUsage().rss, size: wl.size });
};

const start = performance.now();
sample(0, 0);
for (let i = 1; i <= CALLS; i++) {
  const x = r();
  const j = Math.floor(r() * K);
  if (x < 0.6) {
    version[j] ^= 1;
    const errors = wl.upsert([versions[version[j]][j]]);
    if (errors.length) throw new Error(`upsert: ${JSON.stringify(errors[0])}`);
    counts.upsert++;
  } else if (x < 0.8) {
    tick = (tick + 1) % 10_000;
    wl.refresh(t0 + tick * 60_000);
    counts.refresh++;
  } else {
    wl.remove([base[j].id]);
    counts.remove++;
  }
  if (i % 10 === 0) {
    firstPage(wl);
    counts.page++;
  }
  if (i % EVERY === 0) {
    sample(i, performance.now() - start);
    if (samples.length % 10 === 1) {
      const s = samples[samples.length - 1];
      log(`${i} calls, ${(s.ms / 1000).toFixed(1)} s: wasm ${(s.wasm / 1e6).toFixed(1)} MB, rss ${(s.rss / 1e6).toFixed(1)} MB, ${s.size} contacts`);
    }
  }
}
const seconds = (performance.now() - start) / 1000;
wl.free();

/** The rise of the least-squares line through `ys` over `xs`, from the first x to the last. */
function rise(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k++) {
    sxy += (xs[k] - mx) * (ys[k] - my);
    sxx += (xs[k] - mx) ** 2;
  }
  return sxx ? (sxy / sxx) * (xs[n - 1] - xs[0]) : 0;
}

const after = samples.filter((s) => s.calls >= WARMUP);
const judge = (key, limit) => {
  const ys = after.map((s) => s[key]);
  const level = ys.reduce((a, b) => a + b, 0) / ys.length;
  const grew = rise(after.map((s) => s.calls), ys);
  return { start: samples[0][key], warm: after[0][key], end: samples[samples.length - 1][key], rise: grew, riseShare: grew / level, limit, ok: grew <= limit * level };
};
let commit = null;
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch { /* not a git checkout */ }
const result = {
  commit,
  date: new Date().toISOString().slice(0, 10),
  calls: CALLS,
  contacts: K,
  every: EVERY,
  warmupCalls: WARMUP,
  counts,
  seconds,
  node: process.version,
  gc: collect === globalThis.gc,
  wasm: judge('wasm', WASM_LIMIT),
  rss: judge('rss', RSS_LIMIT),
  samples,
};
result.ok = result.wasm.ok && result.rss.ok;
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
for (const k of ['wasm', 'rss']) {
  const j = result[k];
  log(`${k}: start ${mb(j.start)}, after warm-up ${mb(j.warm)}, end ${mb(j.end)}; fitted rise after warm-up ${mb(j.rise)} (${(j.riseShare * 100).toFixed(2)}%, limit ${j.limit * 100}%): ${j.ok ? 'steady' : 'GROWING'}`);
}
log(`${CALLS} calls in ${seconds.toFixed(1)} s (${JSON.stringify(counts)}): ${result.ok ? 'pass' : 'FAIL'}`);
if (outPath) {
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, JSON.stringify(result, null, 2));
}
process.exitCode = result.ok ? 0 : 1;
