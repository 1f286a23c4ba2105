// Node benchmarks per contact, in a process of their own that holds only the
// batch they measure (N contacts): `evaluateMany`, the boundary costs (the
// bench-boundary build), the peers on the same contacts, the ratio to
// json-rules-engine from rounds taking turns, and worker_threads. The
// Worklist's rows (benches/node.mjs) hold a 100k book as objects, as text and
// as the peers' facts, some 300 MB of JS heap: every collection that a batch's
// results bring on would mark it too, and measure that book rather than the
// batch. Writes JSON results to the path in argv[2].
//
//   BOUNDARY_PKG=<bench-boundary glue> node benches/batch.mjs out.json [--quick]
import { writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { contacts, facts, NOW } from './contacts.mjs';
import { jsonRulesEngine, zenEngine, runAll } from './peers.mjs';
import { bench, benchAsync, ratioRounds, runSettings } from './timing.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../', import.meta.url));
const outPath = process.argv[2];
const { REPS, PEER_REPS, N } = runSettings(process.argv);
const log = (...a) => console.error('[bench:batch]', ...a);

const m = require(`${root}pkg/node/cadence_engine.js`);
const pb = m.preset('monthly-campaign');
const res = { n: N, reps: REPS, node: process.version };

// The first N of the contacts the Worklist's rows load (one seeded stream).
const list = contacts(N, 7);
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
  const b = require(bpath);
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
  };
  zen.dispose();
  log('peers', JSON.stringify(res.peers));

  res.ratio = await ratioRounds(m, list, pb, NOW, jre, digested, REPS);
  log('ratio', JSON.stringify(res.ratio));
}

// worker_threads: evaluateManyParallel on the same N contacts.
if (existsSync(`${root}js/parallel.cjs`)) {
  const { evaluateManyParallel } = require(`${root}js/parallel.cjs`);
  // Each call starts and stops its workers: that cost is included.
  res.parallel2Ms = await benchAsync(() => evaluateManyParallel(list, pb, NOW, { workers: 2 }), PEER_REPS);
  log(`parallel, 2 workers: ${res.parallel2Ms.toFixed(0)} ms`);
}

writeFileSync(outPath, JSON.stringify(res, null, 2));
