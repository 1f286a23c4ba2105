// The Worklist at scale in the browser: load, refresh, facets + query, memory.
// The page reports through `window.benchResult` (read by benches/browser.mjs).
import init, { Worklist, preset } from '../../pkg/cadence_engine.js';
import { contacts, NOW } from '../contacts.mjs';
import { median, bench as timed, refreshSteps } from '../timing.mjs';

const params = new URLSearchParams(location.search);
const N = Number(params.get('n') ?? 100000);
const REPS = Number(params.get('reps') ?? 5);

const bench = (fn, reps = REPS) => timed(fn, reps);

async function run() {
  const wasm = await init({ module_or_path: new URL('../../pkg/cadence_engine_bg.wasm', import.meta.url) });
  const memory = () => wasm.memory.buffer.byteLength;
  const pb = preset('monthly-campaign');
  const big = contacts(N, 7);
  const w = { n: N, reps: REPS, userAgent: navigator.userAgent };
  const loads = [];
  for (let i = 0; i < Math.min(REPS, 3); i++) {
    const wl = new Worklist(pb, NOW);
    const a = performance.now();
    const errs = wl.upsert(big);
    loads.push(performance.now() - a);
    if (errs.length) throw new Error(JSON.stringify(errs[0]));
    wl.free();
  }
  w.upsertMs = median(loads);
  // Resident memory: a second worklist of the same contacts, once the first
  // load's transient buffers are free to reuse.
  const first = new Worklist(pb, NOW);
  first.upsert(big);
  const m1 = memory();
  const wl = new Worklist(pb, NOW);
  wl.upsert(big);
  w.memoryBytesPerContact = (memory() - m1) / N;
  first.free();

  const t0 = Date.parse(NOW);
  const minute = refreshSteps(wl, t0, 60_000, REPS);
  w.refreshMinuteMs = minute.ms;
  w.refreshMinuteCount = minute.count;
  const hour = refreshSteps(wl, minute.t, 3_600_000, REPS);
  w.refreshHourMs = hour.ms;
  w.refreshHourCount = hour.count;
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
  w.queryAllMs = bench(() => wl.query({}), 11);
  w.facetsAllMs = bench(() => wl.facets({}), 11);
  wl.free();
  return w;
}

run().then(
  (r) => { window.benchResult = r; },
  (e) => { window.benchResult = { error: String(e && e.stack || e) }; },
);
