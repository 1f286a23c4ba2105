// Runs benches/browser/index.html in headless Chromium (Debian's, through
// playwright-core) against a server of the repository root; prints the
// page's JSON result.   node benches/browser.mjs <origin> [n] [reps]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const [origin, n = '100000', reps = '5'] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('[bench:browser] page error:', e.message));
  await page.goto(`${origin}/benches/browser/index.html?n=${n}&reps=${reps}`);
  await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 900_000, polling: 500 });
  const r = await page.evaluate(() => window.benchResult);
  if (r.error) throw new Error(r.error);
  console.log(JSON.stringify(r));
} finally {
  await browser.close();
}
