// Timing helpers shared by the Node and browser benchmarks (a plain ES module,
// loadable by both). Every figure is a median: the machine is shared and noisy.
import { runAll } from './status-rules.mjs';

export const DAY_MS = 86_400_000;

/**
 * The run's sizes from the command line of a Node benchmark (`--quick`: a smoke
 * run): runs a measure takes, the peers' runs, and the contacts measured one
 * by one (`evaluateMany`; the first N of the Worklist's book).
 */
export function runSettings(argv) {
  const quick = argv.includes('--quick');
  return { quick, REPS: quick ? 3 : 7, PEER_REPS: quick ? 1 : 3, N: quick ? 5_000 : 20_000 };
}

/** Milliseconds for `n` contacts, as µs a contact. */
export const perUs = (ms, n) => (ms * 1e3) / n;

/** The median of a list of numbers. */
export const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

/**
 * The median time of `fn` in ms over `reps` runs, after one warm-up run. With
 * `inner` > 1, each run calls `fn` that many times and counts the mean: for
 * calls shorter than the clock's step (a browser's clock moves by 0.1 ms).
 */
export function bench(fn, reps, inner = 1) {
  fn();
  const t = [];
  for (let i = 0; i < reps; i++) {
    const a = performance.now();
    for (let k = 0; k < inner; k++) fn();
    t.push((performance.now() - a) / inner);
  }
  return median(t);
}

/** `bench` for an async `fn`. */
export async function benchAsync(fn, reps) {
  await fn();
  const t = [];
  for (let i = 0; i < reps; i++) {
    const a = performance.now();
    await fn();
    t.push(performance.now() - a);
  }
  return median(t);
}

/**
 * The median time of `load(fresh)` over `reps` runs, each on a fresh object
 * made by `make` (untimed) and released by `done` (untimed).
 */
export function benchFresh(make, load, done, reps) {
  const t = [];
  for (let i = 0; i < reps; i++) {
    const x = make();
    const a = performance.now();
    load(x);
    t.push(performance.now() - a);
    done(x);
  }
  return median(t);
}

/**
 * The first page of 100 ids in work order: what a table shows after a load or
 * a refresh. Timed with them, as the worklist puts its work order back after
 * a change at the first read.
 */
export const firstPage = (wl) => wl.query({}, { offset: 0, limit: 100 });

/**
 * A refresh of worklist `wl` from `t0` to `t0 + stepMs` and its first page,
 * `reps` times (each run first goes back to `t0`, untimed, which re-evaluates
 * every contact): the median time and the median number re-evaluated.
 */
export function refreshFrom(wl, t0, stepMs, reps) {
  const ms = [];
  const counts = [];
  for (let i = 0; i < reps; i++) {
    wl.refresh(t0);
    firstPage(wl);
    const a = performance.now();
    counts.push(wl.refresh(t0 + stepMs));
    firstPage(wl);
    ms.push(performance.now() - a);
  }
  return { ms: median(ms), count: median(counts) };
}

/**
 * A refresh of worklist `wl` back in time to `t0` from `t0 + stepMs`, which
 * re-evaluates every contact, and its first page, `reps` times: the median
 * time and count.
 */
export function refreshBack(wl, t0, stepMs, reps) {
  const ms = [];
  const counts = [];
  for (let i = 0; i < reps; i++) {
    wl.refresh(t0 + stepMs);
    firstPage(wl);
    const a = performance.now();
    counts.push(wl.refresh(t0));
    firstPage(wl);
    ms.push(performance.now() - a);
  }
  return { ms: median(ms), count: median(counts) };
}

/** The filter of the "facets + one page" measures: a status and a channel. */
export const SELECTIVE = { status: ['noSmsReply'], allowed: ['call'] };

/**
 * What a table asks for on each click, on worklist `wl`: the facets of
 * `filter` and one page of 100 ids. Median ms over `reps` runs of 20 calls.
 */
export function facetsPage(wl, filter, reps) {
  return bench(() => {
    wl.facets(filter);
    wl.query(filter, { offset: 0, limit: 100 });
  }, reps, 20);
}

/**
 * The ratio of `evaluateMany` (module `m`) to json-rules-engine (`decide`,
 * over the same contacts' `digested` facts), from `reps` rounds in which
 * they take turns: ours with every sentence, ours with `{explain: false}`,
 * theirs. No collection is forced between runs: each pays for the
 * collections its garbage and the runs before it bring on, as a page calling
 * it again would. Medians of µs a contact and of the per-round ratios.
 */
export async function ratioRounds(m, list, pb, now, decide, digested, reps) {
  const rounds = [];
  for (let i = 0; i < reps; i++) {
    let a = performance.now();
    m.evaluateMany(list, pb, now);
    const ours = performance.now() - a;
    a = performance.now();
    m.evaluateMany(list, pb, now, { explain: false });
    const lean = performance.now() - a;
    a = performance.now();
    await runAll(decide, digested);
    const theirs = performance.now() - a;
    rounds.push({ ours: perUs(ours, list.length), lean: perUs(lean, list.length), theirs: perUs(theirs, list.length) });
  }
  return {
    ratio: median(rounds.map((r) => r.theirs / r.ours)),
    ours: median(rounds.map((r) => r.ours)),
    theirs: median(rounds.map((r) => r.theirs)),
    lean: median(rounds.map((r) => r.theirs / r.lean)),
    leanUs: median(rounds.map((r) => r.lean)),
    rounds: rounds.length,
  };
}
