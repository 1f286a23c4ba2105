// Timing helpers shared by the Node and browser benchmarks (plain ES module,
// loadable by both).

/** The median of a list of numbers. */
export const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

/** The median time of `fn` in ms over `reps` runs, after one warm-up run. */
export function bench(fn, reps) {
  fn();
  const t = [];
  for (let i = 0; i < reps; i++) {
    const a = performance.now();
    fn();
    t.push(performance.now() - a);
  }
  return median(t);
}

/**
 * Moves a worklist's `now` forward `reps` times by `stepMs` from `t`: the
 * median time of a refresh, the median number re-evaluated, and the last `now`.
 */
export function refreshSteps(wl, t, stepMs, reps) {
  const ms = [];
  const counts = [];
  for (let i = 0; i < reps; i++) {
    t += stepMs;
    const a = performance.now();
    counts.push(wl.refresh(t));
    ms.push(performance.now() - a);
  }
  return { ms: median(ms), count: median(counts), t };
}
