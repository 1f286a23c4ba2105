// Results built from the tape in Chromium equal JSON.parse of the same
// results' JSON text, with object literals compiled by the glue and, under a
// content security policy that forbids compiling code from strings, key by key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage } from './support.mjs';

const env = serverAndBrowser();

async function run(csp) {
  const { context, page, errors } = await newPage(env.browser);
  // A page of its own at the server's origin, so that the policy is the
  // response's header.
  const at = `${env.server.base}/tests/e2e/tape.html`;
  await page.route(at, (route) => route.fulfill({
    contentType: 'text/html',
    headers: csp ? { 'Content-Security-Policy': csp } : {},
    body: '<!doctype html><meta charset="utf-8"><script type="module" src="./tape-page.mjs"></script>',
  }));
  try {
    await page.goto(at);
    await page.waitForFunction(() => document.documentElement.dataset.result !== undefined, null, { timeout: 60000 });
    return { result: JSON.parse(await page.getAttribute('html', 'data-result')), errors };
  } finally {
    await context.close();
  }
}

function check(result) {
  for (const preset of ['monthly-campaign', 'call-ladder', 'sequence']) {
    assert.equal(result[preset].equal, true, preset);
    assert.ok(result[preset].evaluated > 450, `${preset}: ${result[preset].evaluated} evaluated`);
  }
  assert.equal(result.facets, true);
}

test('in Chromium, results equal their JSON text', async () => {
  const { result, errors } = await run(null);
  assert.equal(result.compiles, true);
  check(result);
  assert.deepEqual(errors, []);
});

test("under script-src without 'unsafe-eval', results are built key by key and equal", async () => {
  const { result, errors } = await run("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
  assert.equal(result.compiles, false);
  check(result);
  // The browser reports each refused compile; the glue tries once.
  assert.ok(errors.length <= 2, errors.join('\n'));
});
