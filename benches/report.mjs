// Turns the JSON results of one `make bench` run into one Markdown table,
// printed and written to docs/benchmarks.md.
//   node benches/report.mjs <results dir>
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const dir = process.argv[2];
const read = (f) => (existsSync(`${dir}/${f}`) ? JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) : null);
const native = read('native.json');
const node = read('node.json');
const browser = read('browser.json');
const size = read('size.json');
const env = read('env.json') ?? {};

const us = (ms, n) => (ms * 1000) / n;
const f1 = (x) => (x === undefined || x === null || Number.isNaN(x) ? 'n/a' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const rows = [];
const row = (what, value, note = '') => rows.push(`| ${what} | ${value} | ${note} |`);
const targets = [];
const target = (what, ok, got) => targets.push(`| ${what} | ${got} | ${ok ? 'reached' : 'not reached'} |`);

let wasmUs = null;
if (native) {
  row('native: read one contact (serde_json)', `${f1(native.parseUs)} µs`, `${native.contacts} contacts`);
  row('native: evaluate one contact', `${f1(native.evaluateUs)} µs`, 'the engine alone, no boundary');
  row('native: write one evaluation as JSON', `${f1(native.toJsonUs)} µs`, '');
}
if (node) {
  const n = node.n;
  wasmUs = us(node.evaluateManyMs, n);
  row('wasm (Node): `evaluateMany`, per contact', `${f1(wasmUs)} µs`,
    `${n} contacts, 0–15 events; objects in and out${native ? `; ${f1(wasmUs / native.evaluateUs)}× native` : ''}`);
  row('wasm (Node): `evaluateManyJson`, per contact', `${f1(us(node.evaluateManyJsonMs, n))} µs`, 'JSON text in and out');
  const b = node.boundary;
  if (b) {
    const base = b.outNone;
    row('boundary in: `JSON.stringify` + serde_json (used)', `${f1(us(b.inStringify, n))} µs`, 'read only, per contact');
    row('boundary in: one JSON text + serde_json', `${f1(us(b.inJson, n))} µs`, `+ \`JSON.stringify\` in JS: ${f1(us(node.stringifyMs, n))} µs`);
    row('boundary in: serde-wasm-bindgen from objects', `${f1(us(b.inObjects, n))} µs`, '');
    row('boundary out: serde-wasm-bindgen objects (used)', `+${f1(us(b.outObjects - base, n))} µs`, 'over evaluating without output');
    row('boundary out: JSON text + `JSON.parse`', `+${f1(us(b.outJson - base, n))} µs`, '');
    row('boundary out: columns (typed arrays, key fields only)', `+${f1(us(b.outColumns - base, n))} µs`, 'the layout the Worklist keeps in memory');
  }
  const jre = us(node.jsonRulesEngineMs, n);
  const zen = us(node.zenMs, n);
  row('json-rules-engine: status rules, per contact', `${f1(jre)} µs`,
    `facts digested beforehand; peer time ÷ ours: ${f1(jre / wasmUs)} in wasm${native ? `, ${f1(jre / native.evaluateUs)} natively` : ''} (ours computes far more than status)`);
  row('@gorules/zen-engine: status decision table, per contact', `${f1(zen)} µs`,
    `awaited one by one; peer time ÷ ours: ${f1(zen / wasmUs)} in wasm${native ? `, ${f1(zen / native.evaluateUs)} natively` : ''}`);
  row('@gorules/zen-engine, all at once (`Promise.all`)', `${f1(us(node.zenConcurrentMs, n))} µs`, `peer time ÷ ours: ${f1(us(node.zenConcurrentMs, n) / wasmUs)}`);
  if (node.peerDisagreements) row('peers disagreeing with the engine on status', `${node.peerDisagreements}`, '');
  target('evaluate ≥ 100× faster per contact than json-rules-engine', jre / wasmUs >= 100, `${f1(jre / wasmUs)}× (wasm), ${native ? f1(jre / native.evaluateUs) : 'n/a'}× (native)`);
  const w = node.worklist;
  if (w) {
    const N = node.big;
    row(`Worklist (Node), ${N} contacts: \`upsert\` from objects`, `${f1(w.upsertMs)} ms`, `${f1(us(w.upsertMs, N))} µs per contact`);
    row('Worklist (Node): `upsertJson` from one JSON text', `${f1(w.upsertJsonMs)} ms`, '');
    row('Worklist (Node): `upsert` of the same contacts again', `${f1(w.upsertSameMs)} ms`, 'unchanged: compared, not re-evaluated');
    row('Worklist (Node): `refresh` one minute on', `${f1(w.refreshMinuteMs)} ms`, `${w.refreshMinuteCount} re-evaluated`);
    row('Worklist (Node): `refresh` one hour on', `${f1(w.refreshHourMs)} ms`, `${w.refreshHourCount} re-evaluated`);
    row('Worklist (Node): `refresh` back in time', `${f1(w.refreshBackMs)} ms`, `all ${w.refreshBackCount} re-evaluated`);
    row('Worklist (Node): `facets` + `query`, status + channel filter', `${f1(w.facetsQueryMs)} ms`, `${w.selectiveHits} ids`);
    row('Worklist (Node): `facets` + one page of `query` (100 ids)', `${f1(w.facetsPageMs)} ms`, 'what a table shows');
    row('Worklist (Node): `query({})`, every id', `${f1(w.queryAllMs)} ms`, `${N} ids`);
    row('Worklist (Node): `facets({})`', `${f1(w.facetsAllMs)} ms`, '');
    row('Worklist (Node): `query` with a `text` filter', `${f1(w.textQueryMs)} ms`, '');
    row('Worklist (Node): `get(id)`', `${f1(w.getMs * 1000)} µs`, 'evaluates that one contact');
    row('Worklist (Node): memory per contact', `${f1(w.memoryBytesPerContact)} B`, 'wasm memory; the contact, its key and its search text');
    target('upsert of 100k from JS objects ≤ 300 ms (Node)', N >= 100000 && w.upsertMs <= 300, `${f1(w.upsertMs)} ms for ${N}`);
  }
  for (const p of node.parallel ?? []) {
    row(`\`evaluateManyParallel\` (js/parallel.cjs), ${p.workers} worker(s), per contact`, `${f1(us(p.ms, n))} µs`,
      `${n} contacts; starting and stopping the workers included; ${f1(node.evaluateManyMs / p.ms)}× \`evaluateMany\``);
  }
}
if (browser) {
  const N = browser.n;
  row(`Worklist (Chromium), ${N} contacts: \`upsert\` from objects`, `${f1(browser.upsertMs)} ms`, `${f1(us(browser.upsertMs, N))} µs per contact`);
  row('Worklist (Chromium): `refresh` one minute on', `${f1(browser.refreshMinuteMs)} ms`, `${browser.refreshMinuteCount} re-evaluated`);
  row('Worklist (Chromium): `refresh` one hour on', `${f1(browser.refreshHourMs)} ms`, `${browser.refreshHourCount} re-evaluated`);
  row('Worklist (Chromium): `facets` + `query`, status + channel filter', `${f1(browser.facetsQueryMs)} ms`, `${browser.selectiveHits} ids`);
  row('Worklist (Chromium): `facets` + one page of `query` (100 ids)', `${f1(browser.facetsPageMs)} ms`, 'what a table shows');
  row('Worklist (Chromium): `query({})`, every id', `${f1(browser.queryAllMs)} ms`, `${N} ids`);
  row('Worklist (Chromium): `facets({})`', `${f1(browser.facetsAllMs)} ms`, '');
  row('Worklist (Chromium): memory per contact', `${f1(browser.memoryBytesPerContact)} B`, 'wasm memory');
  target('refresh of 100k ≤ 16 ms in Chromium (one minute on)', N >= 100000 && browser.refreshMinuteMs <= 16, `${f1(browser.refreshMinuteMs)} ms (one hour on: ${f1(browser.refreshHourMs)} ms)`);
  target('facets + query ≤ 1 ms (Chromium, status + channel filter, one page of 100 ids)', browser.facetsPageMs <= 1, `${f1(browser.facetsPageMs)} ms; all ${browser.selectiveHits} ids: ${f1(browser.facetsQueryMs)} ms`);
}
if (size) {
  row('`.wasm` size (pkg)', `${f1(size.raw / 1024)} KB raw, ${f1(size.gzip / 1024)} KB gzip`, 'every IANA zone');
  target('`.wasm` ≤ 200 KB gzip', size.gzip <= 200 * 1024, `${f1(size.gzip / 1024)} KB`);
}

const md = `# Benchmarks

Written by \`make bench\` (scripts/bench.sh); do not edit by hand. Medians over
repeated runs in one run of the script, on the same synthetic contacts
(benches/contacts.mjs: seeded, 0–15 events each, eight US and Canadian zones, the
monthly-campaign playbook, now = 2026-11-12T15:00:00Z). The peers decide the status
only, from facts digested beforehand (not timed); the engine computes the whole
evaluation (status, next action, consent per channel, violations, explain).

Machine: ${env.machine ?? 'n/a'}; load average at start: ${env.load ?? 'n/a'}. Node ${node?.node ?? 'n/a'}; ${browser?.userAgent ?? ''}.

| measure | median | note |
|---|---|---|
${rows.join('\n')}

## Targets

| target | measured | |
|---|---|---|
${targets.join('\n')}
`;
writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), md);
console.log(md);
