// Node benchmarks, in one process: the resident Worklist at BIG contacts (run
// first, so that its first load is a first load), `evaluateMany` per contact,
// the boundary costs (the bench-boundary build), the peers on the same
// contacts, and worker_threads. Writes JSON results to the path in argv[2].
//
//   BOUNDARY_PKG=<bench-boundary glue> node benches/node.mjs out.json [--quick]
import { writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { contacts, facts, NOW } from './contacts.mjs';
import { jsonRulesEngine, zenEngine, runAll } from './peers.mjs';
import { DAY_MS, bench, benchAsync, firstPage, median, perUs } from './timing.mjs';
import { measureWorklist } from './resident.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../', import.meta.url));
const outPath = process.argv[2];
const quick = process.argv.includes('--quick');
const REPS = quick ? 3 : 7;
const LOAD_REPS = quick ? 3 : 5;
const PEER_REPS = quick ? 1 : 3;
const BIG = quick ? 20_000 : 100_000;
const N = quick ? 5_000 : 20_000;
const log = (...a) => console.error('[bench:node]', ...a);

/** Loads a wasm-bindgen Node glue and keeps its instance, to read its memory size. */
function load(path) {
  let instance = null;
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = function (module, imports) {
    instance = new Instance(module, imports);
    return instance;
  };
  try {
    const m = require(path);
    return { m, memory: () => instance.exports.memory.buffer.byteLength };
  } finally {
    WebAssembly.Instance = Instance;
  }
}

const { m, memory } = load(`${root}pkg/node/cadence_engine.js`);
const pb = m.preset('monthly-campaign');
const res = { big: BIG, n: N, reps: REPS, node: process.version };

// The same contacts everywhere: BIG of them for the Worklist and the peers'
// bulk runs, the first N for the per-contact measures.
const big = contacts(BIG, 7);
const bigText = JSON.stringify(big);
const bigBytes = new TextEncoder().encode(bigText);

res.worklist = measureWorklist(m, memory, { list: big, text: bigText, bytes: bigBytes }, LOAD_REPS);
log('worklist', JSON.stringify(res.worklist));

const list = big.slice(0, N);
const text = JSON.stringify(list);
const bytes = new TextEncoder().encode(text);
res.evaluateManyMs = bench(() => m.evaluateMany(list, pb, NOW), REPS);
res.evaluateManyLeanMs = bench(() => m.evaluateMany(list, pb, NOW, { explain: false }), REPS);
res.evaluateManyJsonMs = bench(() => m.evaluateManyJson(text, pb, NOW), REPS);
log(`evaluateMany ${N}: ${res.evaluateManyMs.toFixed(1)} ms`);

// The boundary, in pieces (the bench-boundary build: the same engine with
// extra exports that differ only in how data crosses).
const bpath = process.env.BOUNDARY_PKG;
if (bpath && existsSync(bpath)) {
  const { m: b } = load(bpath);
  // The text `evaluateMany` hands `JSON.parse`: `evaluateManyJson`'s, with
  // characters past ASCII escaped as the engine writes them (src/json.rs).
  const resultText = m.evaluateManyJson(text, pb, NOW)
    .replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  res.boundary = {
    stringify: bench(() => JSON.stringify(list), REPS),
    inObjects: bench(() => b.boundaryInObjects(list, pb), REPS),
    inString: bench(() => b.boundaryInJson(text, pb), REPS),
    inBytes: bench(() => b.boundaryInJson(bytes, pb), REPS),
    inStr: bench(() => b.boundaryInStr(text, pb), REPS),
    outNone: bench(() => b.boundaryOutNone(text, pb, NOW), REPS),
    outTape: bench(() => b.boundaryOutTape(text, pb, NOW), REPS),
    outJson: bench(() => b.boundaryOutJson(text, pb, NOW), REPS),
    parseOut: bench(() => JSON.parse(resultText), REPS),
    resultBytes: resultText.length,
    inputBytes: bytes.length,
  };
  log('boundary', JSON.stringify(res.boundary));
} else {
  log('no bench-boundary build (BOUNDARY_PKG): boundary rows skipped');
}

// The peers on the same contacts, over facts digested beforehand (not timed).
{
  const digested = list.map((c) => facts(c));
  const digestedBig = big.map((c) => facts(c));
  const jre = jsonRulesEngine();
  const zen = zenEngine();
  const evs = m.evaluateMany(list, pb, NOW, { explain: false });
  let disagree = 0;
  for (let i = 0; i < list.length; i++) {
    if ((await jre(digested[i])) !== evs[i].status || (await zen(digested[i])) !== evs[i].status) disagree++;
  }
  res.peerDisagreements = disagree;
  res.peers = {
    jreMs: await benchAsync(() => runAll(jre, digested), PEER_REPS),
    zenMs: await benchAsync(() => runAll(zen, digested), PEER_REPS),
    zenBatchMs: await benchAsync(() => Promise.all(digested.map(zen)), PEER_REPS),
    zenBatchBigMs: await benchAsync(() => Promise.all(digestedBig.map(zen)), PEER_REPS),
  };
  zen.dispose();
  log('peers', JSON.stringify(res.peers));

  // The ratios, from rounds in which ours and json-rules-engine take turns on
  // the same contacts: a shared machine's load drifts over a run and slows
  // the peer's promises and collections more than the engine's (its 100k ran
  // 4.8 s in a quiet hour and 12.3 s in a busy one, ours 0.27 and 0.56), so a
  // ratio of figures taken minutes apart says more about the hour than about
  // either. The ratio is the median of the rounds' ratios. No collection is
  // forced between runs: each pays for the collections its garbage and the
  // runs before it bring on, as a page calling it again would (20k results
  // are 260,000 objects; from a heap collected before each run, untimed, our
  // 18.6 µs a contact were 13.0).
  const timed = async (fn) => {
    const a = performance.now();
    await fn();
    return performance.now() - a;
  };
  const t0 = Date.parse(NOW);
  const rounds = { many: [], load: [], refresh: [] };
  for (let i = 0; i < REPS; i++) {
    const ours = await timed(() => m.evaluateMany(list, pb, NOW));
    const theirs = await timed(() => runAll(jre, digested));
    rounds.many.push({ ours: perUs(ours, list.length), theirs: perUs(theirs, list.length) });
  }
  // A load into a fresh worklist (the only one: a second book resident
  // meanwhile would make each load grow the memory), then a refresh of it a
  // day on.
  for (let i = 0; i < PEER_REPS; i++) {
    const wl = new m.Worklist(pb, NOW);
    const load = await timed(() => {
      wl.upsertJson(bigText);
      firstPage(wl);
    });
    const refresh = await timed(() => {
      wl.refresh(t0 + DAY_MS);
      firstPage(wl);
    });
    wl.free();
    const theirs = await timed(() => runAll(jre, digestedBig));
    rounds.load.push({ ours: load, theirs });
    rounds.refresh.push({ ours: refresh, theirs });
  }
  const ratio = (rs) => ({ ratio: median(rs.map((r) => r.theirs / r.ours)), ours: median(rs.map((r) => r.ours)), theirs: median(rs.map((r) => r.theirs)), rounds: rs.length });
  res.ratios = { evaluateMany: ratio(rounds.many), upsertJson: ratio(rounds.load), refresh: ratio(rounds.refresh) };
  // The peer's 100k, for the rows that quote it: its runs of these rounds.
  res.peers.jreBigMs = res.ratios.upsertJson.theirs;
  log('ratios', JSON.stringify(res.ratios));
}

// worker_threads: evaluateManyParallel on the same N contacts.
if (existsSync(`${root}js/parallel.cjs`)) {
  const { evaluateManyParallel } = require(`${root}js/parallel.cjs`);
  // Each call starts and stops its workers: that cost is included.
  res.parallel2Ms = await benchAsync(() => evaluateManyParallel(list, pb, NOW, { workers: 2 }), PEER_REPS);
  log(`parallel, 2 workers: ${res.parallel2Ms.toFixed(0)} ms`);
}

writeFileSync(outPath, JSON.stringify(res, null, 2));
