// Turns the JSON results of one `make bench` run (and of the last `make soak`)
// into Markdown tables, printed and written to docs/benchmarks.md.
//   node benches/report.mjs <results dir>
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { perUs } from './timing.mjs';

const dir = process.argv[2];
const read = (f) => (existsSync(`${dir}/${f}`) ? JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) : null);
const env = read('env.json') ?? {};
const native = read('native.json');
const node = read('node.json');
const batch = read('batch.json');
const scale = read('scale.json');
const browser = read('browser.json');
const size = read('size.json');
const soak = read('soak.json');
const nodeW = node?.worklist;
const chromeW = browser?.worklist;

/** A number to three significant figures or so. */
const f = (x) => {
  if (x === undefined || x === null || Number.isNaN(x)) return 'n/a';
  const a = Math.abs(x);
  if (a >= 100) return Math.round(x).toLocaleString('en-US');
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toPrecision(2);
};
const ms = (x) => `${f(x)} ms`;
const us = (x) => `${f(x)} µs`;
const k = (n) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));
/** "yes" / "no", or "—" when the measure was not taken at the target's size (quick mode). */
const verdict = (ok, atSize = true) => (!atSize ? '— (smaller size)' : ok ? 'yes' : '**no**');

const main = [];
const row = (measure, figure, target, reached, note = '') => main.push(`| ${measure} | ${figure} | ${target} | ${reached} | ${note} |`);
const missing = (measure, target, why) => row(measure, 'n/a', target, '—', why);

const BIG = 100_000;
const jreBig = node?.peers?.jreBigMs;
const zenBig = node?.peers?.zenBatchBigMs;
const bigPeers = node?.peers
  ? `json-rules-engine: ${ms(jreBig)}; zen-engine (\`Promise.all\`): ${ms(zenBig)} — status of the same ${k(node.big)} from digested facts`
  : '';

// Refresh a day on: every contact whose facts can change in a day.
for (const [where, w] of [['Chromium', chromeW], ['Node', nodeW]]) {
  const what = `Worklist, ${k(w?.n ?? BIG)}: re-evaluate all (refresh a day on), ${where}`;
  if (!w) { missing(what, '≤ 100 ms', `no ${where} results`); continue; }
  row(what, ms(w.refreshDayMs), '≤ 100 ms', verdict(w.refreshDayMs <= 100, w.n >= BIG),
    `${w.refreshDayCount.toLocaleString('en-US')} of ${w.n.toLocaleString('en-US')} re-evaluated (back in time, all: ${ms(w.refreshBackMs)}); ${bigPeers}`);
}
// Bulk loads from one text and from objects.
const firstLoad = (path) => scale?.rows.find((r) => r.path === path && r.n === Math.max(...scale.sizes));
for (const [where, w] of [['Node', nodeW], ['Chromium', chromeW]]) {
  if (!w) continue;
  const first = where === 'Node' && firstLoad('upsertJson');
  for (const [form, x] of [['string', w.upsertJsonMs], ['Uint8Array', w.upsertJsonBytesMs]]) {
    const stretch = x <= 300 ? 'stretch reached too' : 'stretch not reached';
    row(`Worklist, ${k(w.n)}: \`upsertJson\` from one text (${form}), ${where}`, ms(x), '≤ 500 ms (stretch 300)',
      `${verdict(x <= 500, w.n >= BIG)}${w.n >= BIG ? ` (${stretch})` : ''}`,
      `into a fresh Worklist, after a first load in the same process${first && form === 'string' ? `; a first load in a fresh process: ${ms(first.ms)} (${k(first.n)})` : ''}${where === 'Node' && form === 'string' ? `; ${bigPeers}` : ''}`);
  }
  const firstObj = where === 'Node' && firstLoad('upsert');
  row(`Worklist, ${k(w.n)}: \`upsert\` from JS objects, ${where}`, ms(w.upsertMs), '≤ 1 s', verdict(w.upsertMs <= 1000, w.n >= BIG),
    `\`JSON.stringify\` by the engine included${firstObj ? `; a first load in a fresh process: ${ms(firstObj.ms)} (${k(firstObj.n)})` : ''}`);
}
// What a table asks for on each click.
for (const [where, w] of [['Chromium', chromeW], ['Node', nodeW]]) {
  if (!w) continue;
  row(`Worklist, ${k(w.n)}: facets + one 100-id page, ${where}`, ms(w.facetsPageMs), '≤ 0.5 ms', verdict(w.facetsPageMs <= 0.5, w.n >= BIG),
    `filter \`{status: ["noSmsReply"], allowed: ["call"]}\` (${w.selectiveHits.toLocaleString('en-US')} match); no filter: ${ms(w.facetsPageAllMs)}`);
}
// Native.
if (native) {
  row('native: facts of one contact', us(native.factsUs), '≤ 1 µs', verdict(native.factsUs <= 1),
    `\`facts::facts\`, lean context (violations audited), one \`Env\` and the consent lists lent by the batch; ${native.contacts.toLocaleString('en-US')} contacts`);
  row('native: one contact with words (full `Evaluation`)', us(native.evaluateUs), '≤ 5 µs', verdict(native.evaluateUs <= 5),
    `\`evaluate_in(&env, c, now, true)\`, one evaluation at a time as \`evaluateMany\` makes them; reading the contact from JSON: ${us(native.readUs)}`);
} else {
  missing('native: facts / with words', '≤ 1 µs / ≤ 5 µs', 'no native results');
}
// evaluateMany in wasm (benches/batch.mjs: a process that holds its batch only).
const ourUs = batch ? perUs(batch.evaluateManyMs, batch.n) : null;
const jreUs = batch?.peers ? perUs(batch.peers.jreMs, batch.n) : null;
if (batch) {
  const beside = node?.evaluateManyBesideBookMs ? `; in the Worklist rows' process, beside their ${k(node.big)} book (objects, text, the peers' facts: some 300 MB of JS heap that each collection its results bring on marks too): ${us(perUs(node.evaluateManyBesideBookMs, node.n))}` : '';
  row('wasm `evaluateMany`, full (explain on), per contact, Node', us(ourUs), '≤ 15 µs', verdict(ourUs <= 15),
    `objects in and out, ${k(batch.n)} contacts, in a process of their own${native ? `; ${f(ourUs / native.evaluateUs)}× native` : ''}${beside}; json-rules-engine: ${us(jreUs)}, zen-engine: ${us(perUs(batch.peers.zenMs, batch.n))} awaited one by one, ${us(perUs(batch.peers.zenBatchMs, batch.n))} with \`Promise.all\``);
} else {
  missing('wasm `evaluateMany`, full (explain on), per contact, Node', '≤ 15 µs', 'no per-contact results');
}
// The same in Chromium (benches/browser/batch.mjs: a page that holds its batch only).
const chromeB = browser?.batch;
if (chromeB) {
  const x = perUs(chromeB.evaluateManyMs, chromeB.n);
  row('wasm `evaluateMany`, full (explain on), per contact, Chromium', us(x), '≤ 15 µs', verdict(x <= 15),
    `objects in and out, ${k(chromeB.n)} contacts, in a page of their own; explain off: ${us(perUs(chromeB.evaluateManyLeanMs, chromeB.n))}; json-rules-engine in the same page: ${us(chromeB.ratio.theirs)}`);
} else {
  missing('wasm `evaluateMany`, full (explain on), per contact, Chromium', '≤ 15 µs', 'no browser results');
}
// Ratios to json-rules-engine, from rounds in which the two take turns
// (benches/node.mjs, benches/batch.mjs): the median of the rounds' ratios.
if (node?.ratios && nodeW) {
  const atSize = nodeW.n >= BIG;
  const { refresh: rf, upsertJson: ld } = node.ratios;
  const rounds = (r) => `median of ${r.rounds} rounds taking turns`;
  row('ratio to json-rules-engine: refresh', `${f(rf.ratio)}×`, '≥ 100×', verdict(rf.ratio >= 100, atSize),
    `its ${ms(rf.theirs)} ÷ our refresh a day on in Node, ${ms(rf.ours)}, same ${k(nodeW.n)} contacts; ${rounds(rf)}${chromeW ? ` (Chromium's refresh above: ${f(rf.theirs / chromeW.refreshDayMs)}×)` : ''}`);
  row('ratio to json-rules-engine: `upsertJson`', `${f(ld.ratio)}×`, '≥ 20×', verdict(ld.ratio >= 20, atSize),
    `its ${ms(ld.theirs)} ÷ our \`upsertJson\` (string) and first page in Node, ${ms(ld.ours)}; ${rounds(ld)}`);
} else {
  missing('ratios to json-rules-engine: refresh, `upsertJson`', '≥ 100× / 20×', 'no Node results with the peers');
}
if (batch?.ratio) {
  const em = batch.ratio;
  row('ratio to json-rules-engine: `evaluateMany`, Node', `${f(em.ratio)}×`, '≥ 5×', verdict(em.ratio >= 5),
    `per contact, its ${us(em.theirs)} ÷ our ${us(em.ours)}, same ${k(batch.n)} contacts; median of ${em.rounds} rounds taking turns; with \`{explain: false}\` in the same rounds (every fact, no sentences): ${em.lean ? `${f(em.lean)}× (${us(em.leanUs)})` : 'n/a'}; natively: ${native ? `${f(em.theirs / native.evaluateUs)}×` : 'n/a'}`);
} else {
  missing('ratio to json-rules-engine: `evaluateMany`', '≥ 5×', 'no per-contact results');
}
if (chromeB?.ratio) {
  const em = chromeB.ratio;
  row('ratio to json-rules-engine: `evaluateMany`, Chromium', `${f(em.ratio)}×`, '≥ 5×', verdict(em.ratio >= 5),
    `per contact, its ${us(em.theirs)} ÷ our ${us(em.ours)}, same ${k(chromeB.n)} contacts, both in one page (the npm package, bundled by esbuild); median of ${em.rounds} rounds taking turns; with \`{explain: false}\`: ${f(em.lean)}× (${us(em.leanUs)})`);
}
// The demo.
if (browser?.demo) {
  const d = browser.demo;
  row(`demo: ${k(d.size)} contacts shown after data is ready (Chromium, www/)`, ms(d.ms), '≤ 1 s', verdict(d.ms <= 1000, d.size >= 50_000),
    `median of ${d.runs} loads (${d.all.join(', ')} ms); from navigation: ${ms(d.fromNavigationMs)}`);
} else {
  missing('demo: 50k contacts shown after data is ready', '≤ 1 s', 'no browser results');
}
if (size) {
  // The budget is 370 KB as `make pkg` prints sizes (KB of 1,024 B), the unit the
  // issue's starting figure (367 KB) was read in: 378,880 B.
  const budget = 370 * 1024;
  row('`.wasm` gzip, every IANA zone', `${size.gzip.toLocaleString('en-US')} B (${(size.gzip / 1024).toFixed(1)} KB)`, `≤ 370 KB (${budget.toLocaleString('en-US')} B)`, verdict(size.gzip <= budget),
    `${size.raw.toLocaleString('en-US')} B raw (pkg/, after wasm-opt -Os; gzip -9)`);
}
for (const [where, w] of [['Node', nodeW], ['Chromium', chromeW]]) {
  if (!w) continue;
  row(`memory per resident contact, ${where}`, `${f(w.memoryBytesPerContact)} B`, '≤ 834 B', verdict(w.memoryBytesPerContact <= 834, w.n >= BIG),
    `wasm memory growth of a second ${k(w.n)} load ÷ ${k(w.n)}, once the first load's transient buffers are free`);
}

// Cost per contact of a first load, by size.
const scaleRows = [];
let superlinear = false;
if (scale) {
  const paths = [...new Set(scale.rows.map((r) => r.path))];
  const what = { upsertJson: '`Worklist.upsertJson` (string)', upsert: '`Worklist.upsert` (objects)', evaluateMany: '`evaluateMany` (explain on)', upsertJsonCalls: '`Worklist.upsertJson`, 1,000 contacts a call: a second book, beside a first loaded the same way' };
  for (const p of paths) {
    const rs = scale.rows.filter((r) => r.path === p);
    const lo = rs[0];
    const hi = rs[rs.length - 1];
    const growth = hi.usPerContact / lo.usPerContact;
    scaleRows.push(`| ${what[p] ?? p} | ${rs.map((r) => us(r.usPerContact)).join(' | ')} | ${f(growth)}× | ${growth <= 1.5 ? 'yes' : '**no**'} |`);
    superlinear ||= growth > 1.5;
  }
}

const warmNote = scale
  ? [...new Set(scale.rows.map((r) => r.path))].map((p) => `${p} ${ms(Math.max(...scale.rows.filter((r) => r.path === p).map((r) => r.warmMs)))}`).join(', ')
  : 'n/a';

// The boundary, per contact.
const bRows = [];
if (batch?.boundary) {
  const b = batch.boundary;
  const n = batch.n;
  const p = (x) => us(perUs(x, n));
  const brow = (what, x, note = '') => bRows.push(`| ${what} | ${x} | ${note} |`);
  brow('`JSON.stringify` of the contacts, in JS', p(b.stringify), `${f(b.inputBytes / n)} B of JSON per contact`);
  brow('text in as a string, read', p(b.inString), "the host's `TextEncoder.encodeInto` straight into wasm memory, the reader");
  brow('text in as a `Uint8Array`, read', p(b.inBytes), `one copy into wasm, the reader; the string costs ${p(Math.abs(b.inString - b.inBytes))} ${b.inString >= b.inBytes ? 'more' : 'less'}`);
  brow("text in through wasm-bindgen's own string copy, read", p(b.inStr), 'for comparison (`&str` argument)');
  brow('objects in (`JSON.stringify` by the engine), read', p(b.inObjects), 'what `upsert` and `evaluateMany` do');
  brow('read + evaluate, nothing out', p(b.outNone), 'the baseline of the next row');
  if (b.outTape !== undefined) brow('results out as a tape, built into objects by the glue', `+${p(b.outTape - b.outNone)}`, "the package's path (src/tape/, js/tape.js)");
  brow('results out as JSON text + `JSON.parse`', `+${p(b.outJson - b.outNone)}`, `for comparison (the path before the tape): serializing, the string crossing and \`JSON.parse\`; ${f(b.resultBytes / n)} B of ASCII JSON per evaluation`);
  brow('of which `JSON.parse` of the results, in JS', p(b.parseOut), '');
  brow('`evaluateMany`: objects in, results out', us(ourUs), `explain off: ${p(batch.evaluateManyLeanMs)}; \`evaluateManyJson\` (text in and out): ${p(batch.evaluateManyJsonMs)}`);
  if (native) {
    brow('native: read one contact from JSON', us(native.readUs), '');
    brow('native: write one evaluation as JSON', us(native.writeUs), '');
  }
}

// Other figures.
const more = [];
const mrow = (what, x, note = '') => more.push(`| ${what} | ${x} | ${note} |`);
for (const [where, w] of [['Node', nodeW], ['Chromium', chromeW]]) {
  if (!w) continue;
  mrow(`Worklist (${where}), ${k(w.n)}: the first load of the process (\`upsertJson\`)`, ms(w.firstLoadMs), `its memory grew by ${f(w.firstLoadGrowthBytes / 1e6)} MB`);
  mrow(`Worklist (${where}): refresh back in time`, ms(w.refreshBackMs), `all ${w.refreshBackCount.toLocaleString('en-US')} re-evaluated`);
  mrow(`Worklist (${where}): facets + \`query\`, every matching id`, ms(w.facetsQueryMs), `${w.selectiveHits.toLocaleString('en-US')} ids`);
  mrow(`Worklist (${where}): \`query({})\`, every id`, ms(w.queryAllMs), `${w.n.toLocaleString('en-US')} ids`);
  mrow(`Worklist (${where}): \`get(id)\``, us(w.getMs * 1000), 'renders that one contact');
}
if (native) {
  mrow(`native Worklist, ${k(native.contacts)}: load`, ms(native.worklistLoadMs), '');
  mrow('native Worklist: refresh a day on', ms(native.refreshDayMs), `${native.refreshDayCount.toLocaleString('en-US')} re-evaluated`);
}
if (batch?.parallel2Ms) {
  mrow('`evaluateManyParallel` (2 workers), per contact', us(perUs(batch.parallel2Ms, batch.n)), `${k(batch.n)} contacts; starting the workers included; ${f(batch.evaluateManyMs / batch.parallel2Ms)}× \`evaluateMany\``);
}
if (batch?.peerDisagreements) mrow('peers disagreeing with the engine on status', String(batch.peerDisagreements), `of ${k(batch.n)}`);

let soakText = '`make soak` has not been run on this machine.';
if (soak) {
  const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
  const line = (name, j) => `| ${name} | ${mb(j.start)} | ${mb(j.warm)} | ${mb(j.end)} | ${mb(j.rise)} (${(j.riseShare * 100).toFixed(2)}%) | ${j.limit * 100}% | ${j.ok ? 'steady' : '**growing**'} |`;
  soakText = `\`make soak\` (benches/soak.mjs${soak.commit ? `, commit ${soak.commit}` : ''}): ${soak.calls.toLocaleString('en-US')} calls on a Worklist of ${soak.contacts.toLocaleString('en-US')} contacts in Node ${soak.node} — ${soak.counts.upsert.toLocaleString('en-US')} \`upsert\` of one contact, ${soak.counts.refresh.toLocaleString('en-US')} \`refresh\`, ${soak.counts.remove.toLocaleString('en-US')} \`remove\`${soak.counts.page ? `, and after every tenth call the first page of the work order (${soak.counts.page.toLocaleString('en-US')})` : ''} — in ${soak.seconds.toFixed(0)} s; memory sampled every ${soak.every.toLocaleString('en-US')} calls${soak.gc ? ' after a garbage collection' : ''}. It fails when the line fitted through the samples after the warm-up (the first ${soak.warmupCalls.toLocaleString('en-US')} calls) rises by more than its limit over the rest of the run. Result: **${soak.ok ? 'pass' : 'fail'}**.

| memory | start | after warm-up | end | fitted rise after warm-up | limit | |
|---|---|---|---|---|---|---|
${line('wasm linear memory', soak.wasm)}
${line('process RSS', soak.rss)}`;
}

const md = `# Benchmarks

Written by \`make bench\` (scripts/bench.sh, benches/); do not edit by hand.
${env.quick ? '\n**Quick run** (`BENCH_QUICK=1`): smaller sizes; targets set at a size are not judged.\n' : ''}
- Run of ${env.date ?? 'n/a'} on commit ${env.commit ?? 'n/a'}; the engine (src/, crates/) as of commit ${env.engine ?? 'n/a'}.
- Machine: ${env.cpu ?? 'n/a'}, ${env.cpus ?? '?'} CPUs, ${env.arch ?? ''}; load average (1, 5, 15 min) ${env.loadStart ?? 'n/a'} at the start, ${env.loadEnd ?? 'n/a'} at the end. The machine is shared: every figure is the median of several runs, and the peers run in the same process, on the same contacts. The ratios to json-rules-engine come from rounds in which its run and ours take turns (the median of the rounds' ratios; in Node, and for \`evaluateMany\` in Chromium too, the peer bundled into the page): the load of a shared machine drifts over a run, and slows the peer's promises and collections more than the engine (its 100k took 4.8 s in a quiet hour and 12.3 s in a busy one, the engine's \`upsertJson\` 0.27 and 0.56 s), so figures taken minutes apart would measure the hour.
- Node ${node?.node ?? 'n/a'}; ${browser?.userAgent ?? 'no browser'}.
- Contacts: benches/contacts.mjs (seeded; 0–15 events each; texts both ways, emails, calls and their outcomes, opt-outs, DND, callbacks, buying horizons; eight US and Canadian zones and five regions), the monthly-campaign playbook, now = 2026-11-12T15:00:00Z.
- The peers, json-rules-engine 7 and @gorules/zen-engine, decide the **status only**, from facts digested from each contact's history beforehand (not timed): the direction of the last text, the last status-bearing outcome and which is newer. The engine computes the **whole evaluation** from the raw history — status, next action and due time, consent on three channels with quiet hours and caps, violations, campaign phase, priority, \`validUntil\`, and (for \`evaluateMany\`) \`explain\` in words; the Worklist computes the same facts without the words. The ratios are therefore ratios of a larger job to a smaller one.

| measure | figure | target | reached | note and peers (same run) |
|---|---|---|---|---|
${main.join('\n')}

## Cost per contact of a first load, by size

Each size in a fresh Node process (a page or a job that loads its contacts once: the module's memory grows from nothing), median of ${scale?.runs ?? '?'} processes; the text is made before the clock starts, and the code is compiled first by V8's optimizing tier (\`node --no-liftoff\`; a first call on ${scale?.warm ?? 100} contacts, timed apart, compiles it: up to ${warmNote}), so that the baseline tier's slower first calls do not make small sizes look dearer. The last row loads its book a page of 1,000 contacts a call, as a CRM fetches them, beside a book of the same size loaded so before the clock starts: the memory is large and must grow under many calls (a bulk call grows it by a quarter of its size or more when it grows it, src/wasm/room.rs). Linear when the cost per contact at the largest size is at most 1.5× the smallest.

| path | ${(scale?.sizes ?? []).map(k).join(' | ')} | largest ÷ smallest | linear |
|---|${(scale?.sizes ?? []).map(() => '---|').join('')}---|---|
${scaleRows.join('\n')}
${superlinear ? `
Where a load is not linear: in Node, a large growth of the wasm memory starts
a full garbage collection of the JS heap, and its cost grows with that heap —
which holds the contacts being loaded. So a load grows the memory once, for its
text and for what it keeps together (a growth for each cost two collections a
load). Many small growths would cost in proportion to the size squared: in
Node 20 here, growing a memory by 100 MB one page at a time beside a JS heap of
2 million small objects takes over a minute; 256 pages at a time, milliseconds.
Chromium's first load (under "Other figures") does not show it.
A later load of the same size in the same process, into memory
already grown, is the "into a fresh Worklist" figure above.
The paged row grows the memory in 2 or 3 of its calls at 100k (a quarter of
the memory or more each time; it grew in 46 of 100 calls, and took 10.4–11.3 s,
before): what still rises with the size there is not the number of growths —
growing by half the memory instead took the same (1.39–1.52 s against
1.26–1.65 s, one process each, alternating) — but the host's garbage
collections, of a JS heap that holds the whole book as objects and as the
pages' text (about 300 MB at 100k), each 120–165 ms in \`--trace-gc\`.
` : ''}
## The boundary, per contact (Node, ${batch ? k(batch.n) : '?'} contacts)

The \`bench-boundary\` build (src/wasm/boundary.rs; never in pkg/): the same engine with exports that differ only in how data crosses; measured with \`evaluateMany\`'s row, in a process that holds only these contacts.

| step | per contact | note |
|---|---|---|
${bRows.join('\n')}

## Other figures

| measure | figure | note |
|---|---|---|
${more.join('\n')}

## Soak

${soakText}
`;
writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), md);
console.log(md);
