// Shared by the browser tests: a static server on a free port and Debian's chromium.
import { before, after } from 'node:test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const outDir = fileURLToPath(new URL('../../test-output/', import.meta.url));
mkdirSync(outDir, { recursive: true });

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** python3 -m http.server on 127.0.0.1, serving the repository root; resolves once it answers. */
export async function startServer() {
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${base}/www/index.html`);
      if (r.ok) return { base, stop: () => process.kill(proc.pid) };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(proc.pid);
  throw new Error('the static server did not start');
}

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * The static server and the browser for a test file: started before its
 * tests, stopped after them; `server` and `browser` are set once started.
 */
export function serverAndBrowser() {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    if (env.browser) await env.browser.close();
    if (env.server) env.server.stop();
  });
  return env;
}

/** A new page in a context of its own that records console errors and page errors into `errors`. */
export async function newPage(browser, { width = 1500, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** A page (see `newPage`) at `url`, once the CRM page has no pending work. */
export async function openPage(browser, url, size = {}) {
  const opened = await newPage(browser, size);
  await opened.page.goto(url);
  await waitReady(opened.page);
  return opened;
}

/** Waits until the page has no pending work (loading, re-evaluating, filtering). */
export async function waitReady(page, timeout = 120000) {
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout, polling: 50 });
}
