// The cost per contact of each bulk path at several sizes, each measured as a
// first load: one fresh Node process per (path, size, run), so that the
// module's memory grows from nothing as it does for a page or a job that
// loads its contacts once. The code is compiled before the clock starts, by
// V8's optimizing tier (`--no-liftoff`) in a call on 100 contacts (timed
// apart): otherwise the baseline tier's slower first calls, which a long
// load outlives, would make small sizes look dearer per contact. A cost per
// contact that climbs with the size is a superlinear load.
//
//   node benches/scale.mjs out.json [--quick]     runs every (path, size, run)
//   node benches/scale.mjs --one <path> <n>       one first load; prints its ms
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { contacts, NOW } from './contacts.mjs';
import { firstPage, median } from './timing.mjs';

/**
 * Each path, on a fresh Worklist (and its first page, which puts the work
 * order in place): its result and what to release after.
 */
const PATHS = {
  upsertJson: (m, pb, list, text) => {
    const w = new m.Worklist(pb, NOW);
    const out = w.upsertJson(text);
    firstPage(w);
    return [out, w];
  },
  upsert: (m, pb, list) => {
    const w = new m.Worklist(pb, NOW);
    const out = w.upsert(list);
    firstPage(w);
    return [out, w];
  },
  evaluateMany: (m, pb, list) => [m.evaluateMany(list, pb, NOW), null],
  // A second book loaded a page of contacts a call, as a CRM fetches them,
  // beside a first loaded the same way (made untimed, with the pages' text):
  // the module's memory is large and grows under many calls, where each
  // growth can cost the host a full garbage collection.
  upsertJsonCalls: (m, pb, list, text, { texts }) => {
    const w = new m.Worklist(pb, NOW);
    const out = texts.flatMap((t) => w.upsertJson(t));
    firstPage(w);
    return [out, w];
  },
};
/** Contacts a call in `upsertJsonCalls`. */
const CALL = 1_000;
/** What a path needs made before its clock starts; released after. */
const PREPARE = {
  upsertJsonCalls: (m, pb, list) => {
    const texts = [];
    for (let i = 0; i < list.length; i += CALL) texts.push(JSON.stringify(list.slice(i, i + CALL)));
    const resident = new m.Worklist(pb, NOW);
    for (const t of texts) resident.upsertJson(t);
    firstPage(resident);
    return { texts, free: () => resident.free() };
  },
};
const WARM = 100;

const args = process.argv.slice(2);
if (args[0] === '--one') {
  const [, path, n] = args;
  const require = createRequire(import.meta.url);
  const m = require(fileURLToPath(new URL('../pkg/node/cadence_engine.js', import.meta.url)));
  const pb = m.preset('monthly-campaign');
  const list = contacts(Number(n), 7);
  const text = JSON.stringify(list);
  // A first call on a few contacts compiles the code this path runs; the
  // memory it grows is small.
  const few = list.slice(0, WARM);
  const prepare = PREPARE[path] ?? (() => ({ free() {} }));
  const warmMade = prepare(m, pb, few);
  let a = performance.now();
  const [, w0] = PATHS[path](m, pb, few, JSON.stringify(few), warmMade);
  const warmMs = performance.now() - a;
  w0?.free();
  warmMade.free();
  const made = prepare(m, pb, list);
  a = performance.now();
  const [out, w] = PATHS[path](m, pb, list, text, made);
  const ms = performance.now() - a;
  w?.free();
  made.free();
  if (!Array.isArray(out) || out.length !== (path === 'evaluateMany' ? list.length : 0)) {
    throw new Error(`${path}: unexpected result`);
  }
  console.log(JSON.stringify({ ms, warmMs }));
} else {
  const quick = args.includes('--quick');
  const sizes = quick ? [2_000, 5_000, 10_000] : [10_000, 50_000, 100_000];
  // Five: a first load of 10,000 contacts takes under 150 ms, and one
  // process's hiccup on a shared machine moves a median of three.
  const runs = quick ? 1 : 5;
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  for (const path of Object.keys(PATHS)) {
    for (const n of sizes) {
      const ms = [];
      const warm = [];
      for (let i = 0; i < runs; i++) {
        const out = JSON.parse(execFileSync(process.execPath, ['--no-liftoff', self, '--one', path, String(n)], { encoding: 'utf8' }));
        ms.push(out.ms);
        warm.push(out.warmMs);
      }
      rows.push({ path, n, runs, ms: median(ms), usPerContact: (median(ms) * 1000) / n, warmMs: median(warm) });
      console.error(`[bench:scale] ${path} ${n}: ${median(ms).toFixed(0)} ms (${ms.map((x) => x.toFixed(0)).join(', ')})`);
    }
  }
  writeFileSync(args[0], JSON.stringify({ sizes, runs, warm: WARM, rows }, null, 2));
}
