// Node benchmarks of the resident Worklist at BIG contacts, in one process
// (its first load first, so that it is a first load), and the peers on the
// same contacts; the measures per contact are benches/batch.mjs's. Writes
// JSON results to the path in argv[2].
//
//   node benches/node.mjs out.json [--quick]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { contacts, facts, NOW } from './contacts.mjs';
import { jsonRulesEngine, zenEngine, runAll } from './peers.mjs';
import { DAY_MS, bench, benchAsync, firstPage, median, runSettings } from './timing.mjs';
import { measureWorklist } from './resident.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../', import.meta.url));
const outPath = process.argv[2];
const { quick, REPS, PEER_REPS, N } = runSettings(process.argv);
const LOAD_REPS = quick ? 3 : 5;
const BIG = quick ? 20_000 : 100_000;
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

// `evaluateMany` beside that book (the row itself is measured in a process
// that holds only its batch: benches/batch.mjs), for the report's note.
const list = big.slice(0, N);
res.evaluateManyBesideBookMs = bench(() => m.evaluateMany(list, pb, NOW), REPS);
log(`evaluateMany ${N} beside the book: ${res.evaluateManyBesideBookMs.toFixed(1)} ms`);

// The peers on the same contacts, over facts digested beforehand (not timed).
{
  const digestedBig = big.map((c) => facts(c));
  const jre = jsonRulesEngine();
  const zen = zenEngine();
  res.peers = { zenBatchBigMs: await benchAsync(() => Promise.all(digestedBig.map(zen)), PEER_REPS) };
  zen.dispose();
  log('peers', JSON.stringify(res.peers));

  // The ratios, from rounds in which ours and json-rules-engine take turns on
  // the same contacts: a shared machine's load drifts over a run and slows
  // the peer's promises and collections more than the engine's (its 100k ran
  // 4.8 s in a quiet hour and 12.3 s in a busy one, ours 0.27 and 0.56), so a
  // ratio of figures taken minutes apart says more about the hour than about
  // either. The ratio is the median of the rounds' ratios. No collection is
  // forced between runs: each pays for the collections its garbage and the
  // runs before it bring on, as a page calling it again would.
  const timed = async (fn) => {
    const a = performance.now();
    await fn();
    return performance.now() - a;
  };
  const t0 = Date.parse(NOW);
  const rounds = { load: [], refresh: [] };
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
  res.ratios = { upsertJson: ratio(rounds.load), refresh: ratio(rounds.refresh) };
  // The peer's 100k, for the rows that quote it: its runs of these rounds.
  res.peers.jreBigMs = res.ratios.upsertJson.theirs;
  log('ratios', JSON.stringify(res.ratios));
}

writeFileSync(outPath, JSON.stringify(res, null, 2));
