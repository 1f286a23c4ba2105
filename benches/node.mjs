// Node benchmarks: evaluateMany per contact, the boundary routes, the peers on
// the same contacts, the Worklist at 100k, and worker_threads scaling when
// js/parallel.cjs is there. Writes JSON results to the path given as argv[2].
//
//   node benches/node.mjs out.json [--quick]
import { writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { contacts, facts, NOW } from './contacts.mjs';
import { jsonRulesEngine, zenEngine } from './peers.mjs';
import { median, bench as timed, refreshSteps } from './timing.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../', import.meta.url));
const outPath = process.argv[2];
const quick = process.argv.includes('--quick');
const REPS = quick ? 3 : 7;
const N = quick ? 5_000 : 20_000;
const BIG = quick ? 20_000 : 100_000;

// Keep the instance to read its memory size (the generated glue does not export it).
let instance = null;
const Instance = WebAssembly.Instance;
WebAssembly.Instance = function (module, imports) {
  instance = new Instance(module, imports);
  return instance;
};
const m = require(`${root}pkg/node/cadence_engine.js`);
WebAssembly.Instance = Instance;
const memory = () => instance.exports.memory.buffer.byteLength;

const bench = (fn, reps = REPS) => timed(fn, reps);
async function benchAsync(fn, reps = REPS) {
  await fn();
  const t = [];
  for (let i = 0; i < reps; i++) {
    const a = performance.now();
    await fn();
    t.push(performance.now() - a);
  }
  return median(t);
}
const log = (...a) => console.error('[bench:node]', ...a);

const res = { n: N, big: BIG, reps: REPS, node: process.version };
const pb = m.preset('monthly-campaign');
const list = contacts(N);
const json = JSON.stringify(list);

// evaluateMany, per contact.
res.evaluateManyMs = bench(() => m.evaluateMany(list, pb, NOW));
res.evaluateManyJsonMs = bench(() => m.evaluateManyJson(json, pb, NOW));
res.stringifyMs = bench(() => JSON.stringify(list));
log(`evaluateMany ${N}: ${res.evaluateManyMs.toFixed(1)} ms`);

// Boundary routes (the bench-boundary build, when there).
const bpath = process.env.BOUNDARY_PKG;
if (bpath && existsSync(bpath)) {
  const b = require(bpath);
  const r = {};
  r.outNone = bench(() => b.boundaryOutNone(json, pb, NOW));
  r.outObjects = bench(() => b.boundaryOutObjects(json, pb, NOW));
  r.outJson = bench(() => b.boundaryOutJson(json, pb, NOW));
  r.outColumns = bench(() => b.boundaryOutColumns(json, pb, NOW));
  r.inJson = bench(() => b.boundaryInJson(json));
  r.inStringify = bench(() => b.boundaryInStringify(list));
  r.inObjects = bench(() => b.boundaryInObjects(list));
  res.boundary = r;
  log('boundary', JSON.stringify(r));
}

// Peers on the same contacts, over facts digested beforehand (not timed).
const digested = list.map((c) => facts(c));
const jre = jsonRulesEngine();
const zen = zenEngine();
const evs = m.evaluateMany(list, pb, NOW);
let disagree = 0;
for (let i = 0; i < list.length; i++) {
  if ((await jre(digested[i])) !== evs[i].status || (await zen(digested[i])) !== evs[i].status) disagree++;
}
res.peerDisagreements = disagree;
const peerReps = quick ? 1 : 3;
res.jsonRulesEngineMs = await benchAsync(async () => {
  for (const f of digested) await jre(f);
}, peerReps);
res.zenMs = await benchAsync(async () => {
  for (const f of digested) await zen(f);
}, peerReps);
res.zenConcurrentMs = await benchAsync(() => Promise.all(digested.map((f) => zen(f))), peerReps);
zen.dispose();
log(`json-rules-engine ${res.jsonRulesEngineMs.toFixed(0)} ms, zen ${res.zenMs.toFixed(0)} ms`);

// The Worklist at BIG contacts.
{
  const big = contacts(BIG, 7);
  const bigJson = JSON.stringify(big);
  const t0 = Date.parse(NOW);
  const w = {};
  const upserts = [];
  const upsertsJson = [];
  for (let i = 0; i < Math.min(REPS, 3); i++) {
    const wl = new m.Worklist(pb, NOW);
    let a = performance.now();
    const errs = wl.upsert(big);
    upserts.push(performance.now() - a);
    if (errs.length) throw new Error(`bad synthetic contacts: ${JSON.stringify(errs[0])}`);
    wl.free();
    const wl2 = new m.Worklist(pb, NOW);
    a = performance.now();
    wl2.upsertJson(bigJson);
    upsertsJson.push(performance.now() - a);
    wl2.free();
  }
  w.upsertMs = median(upserts);
  w.upsertJsonMs = median(upsertsJson);
  // Resident memory: a second worklist of the same contacts, once the first
  // load's transient buffers are free to reuse.
  const first = new m.Worklist(pb, NOW);
  first.upsert(big);
  const m1 = memory();
  const wl = new m.Worklist(pb, NOW);
  wl.upsert(big);
  w.memoryBytesPerContact = (memory() - m1) / BIG;
  first.free();
  w.upsertSameMs = bench(() => wl.upsert(big), 3);
  // Refresh moving forward by one minute and by one hour, then back.
  const minute = refreshSteps(wl, t0, 60_000, REPS);
  w.refreshMinuteMs = minute.ms;
  w.refreshMinuteCount = minute.count;
  const hour = refreshSteps(wl, minute.t, 3_600_000, REPS);
  w.refreshHourMs = hour.ms;
  w.refreshHourCount = hour.count;
  let a = performance.now();
  w.refreshBackCount = wl.refresh(t0);
  w.refreshBackMs = performance.now() - a;

  const selective = { status: ['noSmsReply'], allowed: ['call'] };
  w.selectiveHits = wl.query(selective).length;
  w.facetsQueryMs = bench(() => {
    wl.facets(selective);
    wl.query(selective);
  }, 21);
  // What a table asks for: the counts and one screen of ids.
  w.facetsPageMs = bench(() => {
    wl.facets(selective);
    wl.query(selective, { offset: 0, limit: 100 });
  }, 21);
  w.facetsMs = bench(() => wl.facets(selective), 21);
  w.queryAllMs = bench(() => wl.query({}), 11);
  w.facetsAllMs = bench(() => wl.facets({}), 11);
  w.textQueryMs = bench(() => wl.query({ text: 'contact 123' }), 11);
  w.getMs = bench(() => wl.get('c42'), 101);
  wl.free();
  res.worklist = w;
  log('worklist', JSON.stringify(w));
}

// worker_threads scaling, when js/parallel.cjs is there.
if (existsSync(`${root}js/parallel.cjs`)) {
  const { evaluateManyParallel } = require(`${root}js/parallel.cjs`);
  const rows = [];
  for (const workers of [1, 2]) {
    // Each call starts and stops its workers: that cost is included.
    const ms = await benchAsync(() => evaluateManyParallel(list, pb, NOW, { workers }), quick ? 1 : 3);
    rows.push({ workers, ms });
  }
  res.parallel = rows;
  log('parallel', JSON.stringify(rows));
}

writeFileSync(outPath, JSON.stringify(res, null, 2));
