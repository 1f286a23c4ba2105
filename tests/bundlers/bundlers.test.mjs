// The packed package as users get it (npm pack, then npm install in a project of
// their own), bundled by esbuild, Vite and webpack 5 for Node and for the browser; the Node
// bundles run, the browser bundles load in Debian's chromium, and tsc resolves
// the types of every subpath. Bundle sizes are printed, not asserted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, readFileSync, existsSync, rmSync, copyFileSync, readdirSync, statSync, mkdtempSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';
import webpack from 'webpack';
import { startServer, launch, root } from '../e2e/support.mjs';

const pkgDir = join(root, 'pkg');
const work = join(root, 'test-output', 'bundlers');
const project = join(work, 'project');
const dist = join(project, 'dist');
const NOW = '2026-11-12T15:00:00Z';
const CONTACT = { id: 'c1', name: 'Ana Ruiz', timeZone: 'America/New_York', addedAt: '2026-10-20T15:00:00Z',
  events: [{ kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'out' }] };
// What every bundle computes and prints (or shows on its page).
const PROGRAM = `
const ev = evaluate(${JSON.stringify(CONTACT)}, preset('monthly-campaign'), '${NOW}');
const result = ev.statusLabel + ' | ' + ev.next.label + ' | ' + classifyReply('Stop!').intent;`;
const EXPECTED = 'No SMS Reply | 2nd Attempt | optOut';
let tarball;
let server;
let browser;

const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const write = (file, text) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
function sizes(dir) {
  let js = 0;
  let wasm = 0;
  for (const f of readdirSync(dir, { recursive: true })) {
    const p = join(dir, f);
    if (!statSync(p).isFile()) continue;
    if (/\.(c|m)?js$/.test(f)) js += statSync(p).size;
    if (f.endsWith('.wasm')) wasm += statSync(p).size;
  }
  return `js ${kb(js)}, wasm ${kb(wasm)}`;
}

before(async () => {
  mkdirSync(work, { recursive: true });
  // npm pack: the tarball users download.
  const name = sh('npm', ['pack', '--silent', '--pack-destination', work], pkgDir).trim().split('\n').pop();
  tarball = join(work, name);
  // A project of the user's own, installed once per tarball (the stamp skips a repeat).
  const sum = createHash('sha256').update(readFileSync(tarball)).digest('hex');
  const stamp = join(project, '.installed');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== sum) {
    rmSync(project, { recursive: true, force: true });
    write(join(project, 'package.json'), JSON.stringify({ name: 'bundle-check', private: true, type: 'module' }));
    sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], project);
    writeFileSync(stamp, sum);
  }
  rmSync(dist, { recursive: true, force: true });
  server = await startServer();
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  if (server) server.stop();
});

test('npm pack ships one .wasm, the entries, types, README and licences, and nothing else', () => {
  const files = sh('tar', ['-tzf', tarball], work).trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  assert.deepEqual(files, [
    'LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'cadence_engine.d.ts', 'cadence_engine.js', 'cadence_engine_bg.wasm',
    'index.d.ts', 'index.js', 'init.d.ts', 'init.js', 'node/cadence_engine.js', 'node/cli.cjs', 'node/index.mjs',
    'node/parallel.cjs', 'node/parallel.d.cts', 'node/records.cjs', 'package.json', 'wasm.d.ts',
  ]);
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'cadence-engine', 'package.json'), 'utf8'));
  assert.equal(manifest.license, 'MIT OR Apache-2.0');
  // The tool's dependencies came with it.
  assert.ok(existsSync(join(project, 'node_modules', 'csv-parse', 'package.json')));
  const cli = spawnSync(join(project, 'node_modules', '.bin', 'cadence-engine'), ['--version'], { encoding: 'utf8' });
  assert.equal(cli.stdout.trim(), manifest.version);
});

test('tsc resolves the types of every subpath by package name (NodeNext and bundler resolution)', () => {
  write(join(project, 'types-check.ts'), `
import { evaluate, preset, classifyReply, type Evaluation } from 'cadence-engine';
import { init, initSync } from 'cadence-engine/init';
import { evaluateManyParallel } from 'cadence-engine/parallel';
import wasm from 'cadence-engine/wasm';
const ev: Evaluation = evaluate({ id: 1, addedAt: 0 }, preset('sequence'), 0);
const p: Promise<void> = init(wasm);
initSync(new Uint8Array(0));
const r = evaluateManyParallel([], preset('sequence'), 0, { workers: 1 });
export { ev, p, r, classifyReply };
`);
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  for (const [module, moduleResolution] of [['nodenext', 'nodenext'], ['esnext', 'bundler']]) {
    const config = join(project, `tsconfig.${moduleResolution}.json`);
    write(config, JSON.stringify({
      // The Worklist is disposable (`using`): Symbol.dispose needs esnext.disposable.
      compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', lib: ['es2022', 'esnext.disposable'], types: [], module, moduleResolution },
      files: ['types-check.ts'],
    }));
    const r = spawnSync(tsc, ['-p', config], { cwd: project, encoding: 'utf8' });
    assert.equal(r.status, 0, `${moduleResolution}: ${r.stdout}${r.stderr}`);
  }
});

test('esbuild, Node, default entry: a CommonJS bundle finds the .wasm in node_modules, or beside it once moved', async () => {
  write(join(project, 'src', 'node-default.cjs'), `const { evaluate, preset, classifyReply } = require('cadence-engine');${PROGRAM}\nconsole.log(result);`);
  const out = join(dist, 'node-cjs', 'app.cjs');
  await esbuild.build({ entryPoints: [join(project, 'src', 'node-default.cjs')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error' });
  assert.equal(sh(process.execPath, [out], project).trim(), EXPECTED);
  // Moved out of the project: with the .wasm copied beside it.
  const away = mkdtempSync(join(tmpdir(), 'cadence-bundle-'));
  try {
    copyFileSync(out, join(away, 'app.cjs'));
    const missing = spawnSync(process.execPath, [join(away, 'app.cjs')], { encoding: 'utf8' });
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /cadence_engine_bg\.wasm was not found .*initSync/);
    copyFileSync(join(project, 'node_modules', 'cadence-engine', 'cadence_engine_bg.wasm'), join(away, 'cadence_engine_bg.wasm'));
    assert.equal(sh(process.execPath, [join(away, 'app.cjs')], away).trim(), EXPECTED);
  } finally {
    rmSync(away, { recursive: true, force: true });
  }
  console.log(`esbuild node cjs: ${sizes(dirname(out))}`);
});

test('esbuild, Node, cadence-engine/init with the .wasm inlined: one self-contained ES module file', async () => {
  write(join(project, 'src', 'node-init.mjs'), `import { initSync, evaluate, preset, classifyReply } from 'cadence-engine/init';
import wasm from 'cadence-engine/wasm';
initSync(wasm);${PROGRAM}\nconsole.log(result);`);
  const out = join(dist, 'node-esm', 'app.mjs');
  await esbuild.build({ entryPoints: [join(project, 'src', 'node-init.mjs')], bundle: true, platform: 'node', format: 'esm', target: 'node18', outfile: out, loader: { '.wasm': 'binary' }, logLevel: 'error' });
  const away = mkdtempSync(join(tmpdir(), 'cadence-bundle-'));
  try {
    copyFileSync(out, join(away, 'app.mjs'));
    assert.equal(sh(process.execPath, [join(away, 'app.mjs')], away).trim(), EXPECTED);
  } finally {
    rmSync(away, { recursive: true, force: true });
  }
  console.log(`esbuild node esm (wasm inlined): ${sizes(dirname(out))}`);
});

const PAGE = (script, type = 'module') => `<!doctype html><meta charset="utf-8"><title>bundle</title><link rel="icon" href="data:,"><p id="out">loading</p><script type="${type}" src="${script}"></script>\n`;
const SHOW = `${PROGRAM}\ndocument.querySelector('#out').textContent = result;`;
const FAIL = `(e) => { document.querySelector('#out').textContent = 'failed: ' + e.message; }`;

async function pageText(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    await page.goto(`${server.base}/${path}`);
    await page.waitForFunction(() => document.querySelector('#out').textContent !== 'loading', null, { timeout: 20000 });
    return { text: await page.textContent('#out'), errors };
  } finally {
    await context.close();
  }
}
const urlOf = (dir) => `${dir.slice(root.length).replace(/^\/+/, '')}/index.html`;

test('esbuild, browser, cadence-engine/init with the .wasm as a file (iife, no top-level await)', async () => {
  write(join(project, 'src', 'web-init.js'), `import { init, evaluate, preset, classifyReply } from 'cadence-engine/init';
import wasmUrl from 'cadence-engine/wasm';
init(wasmUrl).then(() => {${SHOW}}, ${FAIL});`);
  const dir = join(dist, 'esbuild-iife');
  await esbuild.build({ entryPoints: [join(project, 'src', 'web-init.js')], bundle: true, platform: 'browser', format: 'iife', outdir: dir, loader: { '.wasm': 'file' }, logLevel: 'error' });
  write(join(dir, 'index.html'), PAGE('web-init.js', 'text/javascript'));
  const { text, errors } = await pageText(urlOf(dir));
  assert.equal(text, EXPECTED);
  assert.deepEqual(errors, []);
  console.log(`esbuild browser iife: ${sizes(dir)}`);
});

test('esbuild, browser, default entry (ES module, top-level await) with the .wasm copied beside it', async () => {
  write(join(project, 'src', 'web-default.js'), `import { evaluate, preset, classifyReply } from 'cadence-engine';${SHOW}`);
  const dir = join(dist, 'esbuild-esm');
  await esbuild.build({ entryPoints: [join(project, 'src', 'web-default.js')], bundle: true, platform: 'browser', format: 'esm', target: 'es2022', outdir: dir, logLevel: 'error' });
  copyFileSync(join(project, 'node_modules', 'cadence-engine', 'cadence_engine_bg.wasm'), join(dir, 'cadence_engine_bg.wasm'));
  write(join(dir, 'index.html'), PAGE('web-default.js'));
  const { text, errors } = await pageText(urlOf(dir));
  assert.equal(text, EXPECTED);
  assert.deepEqual(errors, []);
  console.log(`esbuild browser esm: ${sizes(dir)}`);
});

async function vite(name, main, target) {
  const app = join(project, name);
  write(join(app, 'index.html'), PAGE('./main.js'));
  write(join(app, 'main.js'), main);
  const outDir = join(dist, name);
  await viteBuild({ root: app, base: './', logLevel: 'error', configFile: false, build: { outDir, emptyOutDir: true, ...(target ? { target } : {}) } });
  return outDir;
}

test('Vite, default config, cadence-engine/init: the .wasm is emitted as an asset and fetched', async () => {
  const dir = await vite('vite-init', `import { init, evaluate, preset, classifyReply } from 'cadence-engine/init';
init().then(() => {${SHOW}}, ${FAIL});`);
  assert.ok(readdirSync(join(dir, 'assets')).some((f) => f.endsWith('.wasm')), 'Vite emitted the .wasm');
  const { text, errors } = await pageText(urlOf(dir));
  assert.equal(text, EXPECTED);
  assert.deepEqual(errors, []);
  console.log(`vite (cadence-engine/init): ${sizes(dir)}`);
});

test('Vite, build.target es2022, default entry: no init call', async () => {
  const dir = await vite('vite-default', `import { evaluate, preset, classifyReply } from 'cadence-engine';${SHOW}`, 'es2022');
  const { text, errors } = await pageText(urlOf(dir));
  assert.equal(text, EXPECTED);
  assert.deepEqual(errors, []);
  console.log(`vite (cadence-engine, es2022): ${sizes(dir)}`);
});

function runWebpack(config) {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats);
    });
  });
}

test('webpack 5, default configuration, default entry: top-level await and the .wasm as an asset', async () => {
  write(join(project, 'src', 'webpack-default.js'), `import { evaluate, preset, classifyReply } from 'cadence-engine';${SHOW}`);
  const dir = join(dist, 'webpack');
  await runWebpack({
    mode: 'production', context: project, entry: join(project, 'src', 'webpack-default.js'),
    output: { path: dir, filename: 'main.js', publicPath: '' }, resolve: { modules: [join(project, 'node_modules')] },
  });
  assert.ok(readdirSync(dir).some((f) => f.endsWith('.wasm')), 'webpack emitted the .wasm');
  write(join(dir, 'index.html'), PAGE('main.js'));
  const { text, errors } = await pageText(urlOf(dir));
  assert.equal(text, EXPECTED);
  assert.deepEqual(errors, []);
  console.log(`webpack (cadence-engine): ${sizes(dir)}`);
});
