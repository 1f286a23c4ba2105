// The resident Worklist at scale, measured by the same code in Node
// (benches/node.mjs) and in Chromium (benches/browser/worklist.mjs): bulk loads
// from one JSON text (a string and its UTF-8 bytes) and from JS objects, the
// memory per resident contact, a refresh a day on, and what a table asks for
// on each click. A plain ES module, loadable by both.
import { NOW } from './contacts.mjs';
import { DAY_MS, SELECTIVE, bench, benchFresh, facetsPage, firstPage, median, refreshBack, refreshFrom } from './timing.mjs';

/**
 * Measures the Worklist of `engine` (`{Worklist, preset}`) over `list` (the
 * contacts), `text` (their JSON) and `bytes` (its UTF-8). `memory()` is the
 * byte size of the module's linear memory. Call it before anything else has
 * grown that memory: the first load is timed as a first load.
 */
export function measureWorklist(engine, memory, { list, text, bytes }, reps) {
  const { Worklist } = engine;
  const pb = engine.preset('monthly-campaign');
  const n = list.length;
  const r = { n, reps };
  const check = (errors) => {
    if (errors.length) throw new Error(`bad synthetic contacts: ${JSON.stringify(errors[0])}`);
  };

  // The first load of this module instance (its memory grows from nothing).
  const memStart = memory();
  const first = new Worklist(pb, NOW);
  let a = performance.now();
  check(first.upsertJson(text));
  firstPage(first);
  r.firstLoadMs = performance.now() - a;
  r.firstLoadGrowthBytes = memory() - memStart;
  // Memory per resident contact: the growth of a second worklist of the same
  // contacts, loaded once the first load's transient buffers (its copy of the
  // text, the batch) are free to reuse; the first stays resident meanwhile.
  const m1 = memory();
  const second = new Worklist(pb, NOW);
  check(second.upsertJson(text));
  r.memoryBytesPerContact = (memory() - m1) / n;
  r.memoryBytes = memory();
  first.free();
  second.free();

  // Bulk loads into a fresh worklist and the first page, median of `reps`
  // after the first.
  const loaded = (w, errors) => {
    check(errors);
    firstPage(w);
  };
  // The three kinds of load take turns, run by run: the host's state (its
  // heap, what it collects when) drifts over a run, and should fall on each
  // alike (one after the other, the first kind's runs met the collections
  // of the loads before them: 952 ms from a string against 652 from bytes
  // in one run, 632 and 633 alternating in another process).
  const loads = (...kinds) => {
    const times = kinds.map(() => []);
    for (let i = 0; i < reps; i++) {
      kinds.forEach((load, k) => {
        times[k].push(benchFresh(() => new Worklist(pb, NOW), (w) => loaded(w, load(w)), (w) => w.free(), 1));
      });
    }
    return times.map(median);
  };
  [r.upsertJsonMs, r.upsertJsonBytesMs, r.upsertMs] = loads(
    (w) => w.upsertJson(text),
    (w) => w.upsertJson(bytes),
    (w) => w.upsert(list),
  );

  const wl = new Worklist(pb, NOW);
  check(wl.upsertJson(text));
  const t0 = Date.parse(NOW);
  const day = refreshFrom(wl, t0, DAY_MS, reps);
  r.refreshDayMs = day.ms;
  r.refreshDayCount = day.count;
  const back = refreshBack(wl, t0, DAY_MS, reps);
  r.refreshBackMs = back.ms;
  r.refreshBackCount = back.count;
  wl.refresh(t0);

  r.selectiveHits = wl.query(SELECTIVE).length;
  r.facetsPageMs = facetsPage(wl, SELECTIVE, 21);
  r.facetsPageAllMs = facetsPage(wl, {}, 21);
  r.facetsQueryMs = bench(() => {
    wl.facets(SELECTIVE);
    wl.query(SELECTIVE);
  }, 21);
  r.queryAllMs = bench(() => wl.query({}), 11);
  r.getMs = bench(() => wl.get(list[n >> 1].id), 21, 20);
  wl.free();
  return r;
}
