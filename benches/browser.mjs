// Headless Chromium (Debian's, through playwright-core) against a static
// server of the repository root: the Worklist page and the `evaluateMany`
// page (benches/browser/), and the demo (www/). Prints one JSON object.
//
//   node benches/browser.mjs <origin> <contacts> <reps> <demo size> <demo runs> [<batch contacts> <batch runs>]
//
// The demo figure is the time from the moment its data is ready (the
// generator done: the `contacts-ready` mark in www/engine-worker.js, read from
// the worker) to the first table rows with their data in the DOM, taken at the
// next animation frame; each run in a fresh browser context (no saved events).
import { createRequire } from 'node:module';
import { median } from './timing.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const [origin, n = '100000', reps = '5', demoSize = '50000', demoRuns = '5', batchN = '20000', batchReps = '7'] =
  process.argv.slice(2);
const log = (...a) => console.error('[bench:browser]', ...a);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

/** The result a benchmark page (benches/browser/) reports. */
async function benchPage(path) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => log('page error:', e.message));
  await page.goto(`${origin}/benches/browser/${path}`);
  await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 3_600_000, polling: 500 });
  const r = await page.evaluate(() => window.benchResult);
  await page.close();
  if (r.error) throw new Error(r.error);
  return r;
}

/** One load of the demo: ms from its data ready to the first rows shown, and from navigation. */
async function demoRun() {
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
  try {
    await context.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector('#table .trow[data-status]')) return;
        seen.disconnect();
        requestAnimationFrame(() => { window.rowsShownAt = performance.timeOrigin + performance.now(); });
      });
      seen.observe(document, { subtree: true, childList: true });
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const worker = page.waitForEvent('worker', { timeout: 60_000 });
    await page.goto(`${origin}/www/?size=${demoSize}`);
    await page.waitForFunction(() => window.rowsShownAt !== undefined, null, { timeout: 600_000, polling: 20 });
    const shownAt = await page.evaluate(() => window.rowsShownAt);
    const navAt = await page.evaluate(() => performance.timeOrigin);
    const readyAt = await (await worker).evaluate(() => {
      const mark = performance.getEntriesByName('contacts-ready')[0];
      return mark ? performance.timeOrigin + mark.startTime : null;
    });
    if (errors.length) throw new Error(`demo page errors: ${errors.join('; ')}`);
    if (readyAt === null) throw new Error('the demo has no contacts-ready mark (www/engine-worker.js)');
    return { ms: shownAt - readyAt, fromNavigationMs: shownAt - navAt };
  } finally {
    await context.close();
  }
}

try {
  const out = { worklist: await benchPage(`index.html?n=${n}&reps=${reps}`) };
  log('worklist', JSON.stringify(out.worklist));
  out.batch = await benchPage(`batch.html?n=${batchN}&reps=${batchReps}`);
  log('batch', JSON.stringify(out.batch));
  const runs = [];
  for (let i = 0; i < Number(demoRuns); i++) {
    runs.push(await demoRun());
    log(`demo run ${i + 1}: ${runs[i].ms.toFixed(0)} ms after the data was ready (${runs[i].fromNavigationMs.toFixed(0)} ms after navigation)`);
  }
  out.demo = {
    size: Number(demoSize),
    runs: runs.length,
    ms: median(runs.map((r) => r.ms)),
    fromNavigationMs: median(runs.map((r) => r.fromNavigationMs)),
    all: runs.map((r) => Math.round(r.ms)),
  };
  out.userAgent = out.worklist.userAgent;
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
