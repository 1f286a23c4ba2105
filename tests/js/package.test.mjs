// The built package as users load it: require, import after `npm install`, and
// the README's example run as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pkgDir = fileURLToPath(new URL('../../pkg', import.meta.url));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

test('require(pkg) works without an init call', () => {
  const m = require(pkgDir);
  for (const name of ['evaluate', 'evaluateMany', 'plan', 'classifyReply', 'checkChannel',
    'followUpDate', 'planQueue', 'preset', 'validatePlaybook', 'Worklist']) {
    assert.equal(typeof m[name], 'function', name);
  }
  assert.equal(m.classifyReply('STOP').intent, 'optOut');
});

test('ESM entry exports the same functions', async () => {
  const m = await import(new URL('../../pkg/node/index.mjs', import.meta.url));
  assert.equal(m.classifyReply('UNSTOP').intent, 'optIn');
  assert.equal(typeof m.Worklist, 'function');
});

test('npm install ./pkg, then import and require by name; the README example runs as written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cadence-pkg-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"name":"consumer","private":true}');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--loglevel=error', pkgDir], { cwd: dir });
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e',
      "import { classifyReply } from 'cadence-engine'; console.log(classifyReply('stop all').scope)"], { cwd: dir }).toString().trim();
    assert.equal(esm, 'all');
    const cjs = execFileSync(process.execPath, ['-e',
      "console.log(require('cadence-engine').preset('call-ladder').name)"], { cwd: dir }).toString().trim();
    assert.equal(cjs, 'Call ladder');

    const block = /```js\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'README has a js example');
    writeFileSync(join(dir, 'example.js'), block[1]);
    const out = execFileSync(process.execPath, ['example.js'], { cwd: dir }).toString();
    // The example's comments say what it prints; hold it to them.
    const promised = [...block[1].matchAll(/^\/\/ (.+)$/gm)].map((m) => m[1]);
    const firstLine = out.split('\n')[0];
    assert.equal(firstLine, promised[0]);
    assert.match(out, /optOut/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
