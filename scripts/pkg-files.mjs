// Writes the layout of pkg/ around the wasm-bindgen output: one .wasm at the
// root, served to the Node glue (node/, CommonJS) and the browser glue beside it
// (cadence_engine.js, an ES module); the entries (`cadence-engine`, `/init`, `/parallel`, `/wasm`),
// their types, package.json, README and licences. Usage: node pkg-files.mjs <dir>
import { readFileSync, writeFileSync, copyFileSync, readdirSync, chmodSync, cpSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inlineSnippets } from './snippets.mjs';

const require = createRequire(import.meta.url);
const root = new URL('../', import.meta.url);
const outDir = new URL(`${process.argv[2] ?? 'pkg'}/`, root);
const pkg = (p) => new URL(p, outDir);
const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
const version = /^version = "([^"]+)"/m.exec(cargo)[1];
const WASM = 'cadence_engine_bg.wasm';

/** Replaces `from` (which must occur exactly once) in `text`: a glue update that moved it fails the build. */
function patch(file, text, from, to) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`pkg-files: ${file}: expected exactly one ${JSON.stringify(from)} (has the wasm-bindgen output changed?)`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}
function patchAll(file, text, from, to, count) {
  const n = text.split(from).length - 1;
  if (n !== count) throw new Error(`pkg-files: ${file}: expected ${count} of ${JSON.stringify(from)}, found ${n}`);
  return text.split(from).join(to);
}

// Until the module is loaded, every call fails with this, not with "cannot read
// properties of undefined".
const NOT_LOADED = (hint) => `new Proxy({}, { get() {
    throw new Error('cadence-engine: the WebAssembly module is not loaded yet: ${hint} (see docs/bundlers.md)');
} })`;

// The module's own JS (js/tape.js) goes into each glue (scripts/snippets.mjs).
const inlineSnippet = (file, text, dir) => inlineSnippets(`pkg-files: ${file}`, text, pkg(dir).pathname);

// A freed Worklist: free() again (or `using` and free()) is a no-op, and any
// other call a clear error, not wasm-bindgen's "null pointer passed to rust".
function freedWorklist(file, text) {
  text = patch(file, text, `        const ptr = this.__destroy_into_raw();
        wasm.__wbg_worklist_free(ptr, 0);`, `        const ptr = this.__destroy_into_raw();
        if (ptr === 0) return;
        wasm.__wbg_worklist_free(ptr, 0);`);
  return patch(file, text, '            throw new Error(getStringFromWasm0(arg0, arg1));',
    `            const message = getStringFromWasm0(arg0, arg1);
            throw new Error(message === 'null pointer passed to rust'
                ? 'cadence-engine: this Worklist was freed (free() was called): create a new one' : message);`);
}

// ---- Node glue (CommonJS): finds the .wasm itself, or waits for initSync ----
{
  const file = 'node/cadence_engine.js';
  let text = freedWorklist(file, inlineSnippet(file, readFileSync(pkg(file), 'utf8'), 'node'));
  text = patch(file, text, `const wasmPath = \`\${__dirname}/${WASM}\`;
const wasmBytes = require('fs').readFileSync(wasmPath);
const wasmModule = new WebAssembly.Module(wasmBytes);
let wasmInstance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());
let wasm = wasmInstance.exports;
wasm.__wbindgen_start();`, `// The package ships one ${WASM}, at its root. A bundle that moved this file
// finds it beside itself or in node_modules, or is handed the bytes with initSync().
const wasmCandidates = typeof __dirname === 'string'
    ? [require('path').join(__dirname, '..', '${WASM}'), require('path').join(__dirname, '${WASM}')]
    : [];
try {
    wasmCandidates.push(require.resolve('cadence-engine/wasm'));
} catch (e) { /* not installed under that name, or no require here */ }
let wasm = ${NOT_LOADED(`${WASM} was not found (looked in ' + (wasmCandidates.join(', ') || 'no folder: __dirname is not defined') + '); copy it beside the bundle, or call initSync(bytes) from cadence-engine/init first`)};
let wasmLoaded = false;

/** Loads the engine from the bytes of ${WASM} or a compiled WebAssembly.Module; a no-op once loaded. */
function initSync(source) {
    if (wasmLoaded) return;
    if (source && Object.getPrototypeOf(source) === Object.prototype) source = source.module;
    const module = source instanceof WebAssembly.Module ? source : new WebAssembly.Module(source);
    const instance = new WebAssembly.Instance(module, __wbg_get_imports());
    wasm = instance.exports;
    wasmLoaded = true;
    wasm.__wbindgen_start();
}
exports.initSync = initSync;

/**
 * Loads the engine (a no-op once loaded): from a path or file: URL, the bytes, a
 * WebAssembly.Module, a fetch Response, or a promise of one of these; with no
 * argument, from ${WASM} in the package.
 */
async function init(source) {
    if (wasmLoaded) return;
    source = await source;
    if (source && Object.getPrototypeOf(source) === Object.prototype) source = await (source.module_or_path || source.module);
    if (source === undefined) {
        const found = wasmCandidates.find((p) => require('fs').existsSync(p));
        if (!found) throw new Error('cadence-engine: ${WASM} was not found (looked in ' + wasmCandidates.join(', ') + ')');
        source = found;
    }
    if (typeof source === 'string' || source instanceof URL) {
        source = require('fs').readFileSync(source instanceof URL || source.startsWith('file:') ? require('url').fileURLToPath(source) : source);
    } else if (typeof source.arrayBuffer === 'function' && !(source instanceof WebAssembly.Module)) {
        source = await source.arrayBuffer();
    }
    initSync(source);
}
exports.init = init;

{
    const found = wasmCandidates.find((p) => require('fs').existsSync(p));
    if (found) initSync(require('fs').readFileSync(found));
}`);
  writeFileSync(pkg(file), text);
}

// ---- Browser glue (ES module), beside the .wasm: a clear error before init ----
// It loads `new URL('${WASM}', import.meta.url)`, the one reference to the file
// in the package: webpack and Vite copy it; after esbuild it is the file beside the bundle.
{
  const file = 'cadence_engine.js';
  let text = freedWorklist(file, inlineSnippet(file, readFileSync(pkg('web/cadence_engine.js'), 'utf8'), 'web'));
  rmSync(pkg('web'), { recursive: true });
  patch(file, text, `new URL('${WASM}', import.meta.url)`, '');
  text = patch(file, text, 'let wasmModule, wasmInstance, wasm;',
    `let wasmModule, wasmInstance, wasm = ${NOT_LOADED("await init() from cadence-engine/init first, or import cadence-engine, which loads it itself")};`);
  text = patchAll(file, text, 'if (wasm !== undefined) return wasm;', 'if (wasmInstance !== undefined) return wasm;', 2);
  writeFileSync(pkg(file), text);
}

const api = require(pkg('node/cadence_engine.js').pathname);
const names = Object.keys(api).filter((k) => !k.startsWith('__') && k !== 'default').sort();
const engineNames = names.filter((n) => n !== 'init' && n !== 'initSync');

// ---- Entries ----
writeFileSync(pkg('node/index.mjs'), `// ES module entry for Node: the CommonJS build, re-exported by name.
import api from './cadence_engine.js';
export const { ${names.join(', ')} } = api;
export default api;
`);

writeFileSync(pkg('init.js'), `// An entry that does not load the engine by itself (no top-level await): call
// init() once, and await it, before anything else. With no argument it fetches
// ${WASM} beside this package (bundlers that follow \`new URL(..., import.meta.url)\`
// copy it: webpack 5, Vite, Parcel); or give it the URL, the bytes, a fetch
// Response or a compiled WebAssembly.Module (esbuild: import the file from
// 'cadence-engine/wasm' with the file or binary loader). initSync(bytes) loads synchronously.
import load, { initSync as loadSync } from './cadence_engine.js';
export { ${engineNames.join(', ')} } from './cadence_engine.js';

const plain = (x) => x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype;

/** Loads the engine once; later calls resolve at once. */
export async function init(source) {
  await load(plain(source) ? source : source === undefined ? undefined : { module_or_path: source });
}

/** Loads the engine from its bytes or a compiled WebAssembly.Module; a no-op once loaded. */
export function initSync(source) {
  loadSync(plain(source) ? source : { module: source });
}
`);

writeFileSync(pkg('index.js'), `// Browser entry: loads the engine once (top-level await), so no init call is
// needed. Where top-level await is not available, use cadence-engine/init.
import { init } from './init.js';
await init();
export * from './init.js';
`);

// ---- Types ----
// wasm-bindgen drops the \`?\` of an optional parameter whose type we name; put
// it back for those that are optional (the Worklist's \`now\`, the filter and
// page of query and facets, the medium of classifyReply). Each must be found:
// a declaration wasm-bindgen writes differently fails the build here rather
// than leaving a required parameter in the types.
{
  const file = 'node/cadence_engine.d.ts';
  let text = readFileSync(pkg(file), 'utf8');
  for (const [from, to] of [
    ['constructor(playbook_value: Playbook | string, now: Time);', 'constructor(playbook_value: Playbook | string, now?: Time);'],
    ['query(filter: Filter, page: Page)', 'query(filter?: Filter, page?: Page)'],
    ['facets(filter: Filter)', 'facets(filter?: Filter)'],
    ['classifyReply(text: string, channel: "sms" | "email")', 'classifyReply(text: string, channel?: "sms" | "email")'],
    ['now: Time, options: EvaluateManyOptions): Array<', 'now: Time, options?: EvaluateManyOptions): Array<'],
    ['now: Time, options: EvaluateManyOptions): string', 'now: Time, options?: EvaluateManyOptions): string'],
  ]) {
    if (!text.includes(from)) throw new Error(`pkg-files: the types no longer declare ${from}`);
    text = text.replace(from, to);
  }
  writeFileSync(pkg('cadence_engine.d.ts'), text);
  rmSync(pkg(file));
}
const INIT_TYPES = `
/**
 * What \`init\` loads the engine from: a URL (string, \`URL\`) to fetch (in Node, a path or
 * file: URL to read), the bytes of ${WASM} (\`ArrayBuffer\`, \`Uint8Array\`), a fetch
 * \`Response\`, or a compiled \`WebAssembly.Module\`.
 */
export type WasmSource = string | { readonly href: string } | ArrayBuffer | ArrayBufferView | { arrayBuffer(): Promise<ArrayBuffer> } | object;
/**
 * Loads the engine once; later calls resolve at once. With no argument it fetches
 * ${WASM} shipped in the package (in Node it reads it).
 *
 * \`\`\`js
 * import { init, evaluate } from 'cadence-engine/init';
 * await init();                       // webpack 5, Vite, Parcel, a plain page
 * await init(wasmUrl);                // esbuild: import wasmUrl from 'cadence-engine/wasm' (loader: file)
 * \`\`\`
 * @errors rejects when the module cannot be fetched or compiled.
 */
export function init(source?: WasmSource | Promise<WasmSource>): Promise<void>;
/**
 * Loads the engine synchronously from the bytes of ${WASM} or a compiled
 * \`WebAssembly.Module\`; a no-op once loaded.
 *
 * \`\`\`js
 * import { initSync, evaluate } from 'cadence-engine/init';
 * import wasm from 'cadence-engine/wasm'; // esbuild --loader:.wasm=binary
 * initSync(wasm);
 * \`\`\`
 */
export function initSync(source: ArrayBuffer | ArrayBufferView | object): void;
`;
writeFileSync(pkg('index.d.ts'), `export * from './cadence_engine';\n`);
writeFileSync(pkg('init.d.ts'), `export * from './cadence_engine';\n${INIT_TYPES}`);
writeFileSync(pkg('wasm.d.ts'), `/**
 * ${WASM}, as your bundler's loader gives it: a URL (esbuild \`--loader:.wasm=file\`,
 * Vite \`?url\`, webpack \`asset/resource\`) or the bytes (esbuild \`--loader:.wasm=binary\`).
 * Hand it to \`init\` or \`initSync\` from cadence-engine/init.
 */
declare const wasm: string | Uint8Array;
export default wasm;
`);

// ---- Node tools from js/: parallel evaluation and the command-line tool ----
const nodeFiles = readdirSync(new URL('js/', root)).filter((f) => /\.(cjs|d\.cts)$/.test(f)).sort();
for (const f of nodeFiles) copyFileSync(new URL(`js/${f}`, root), pkg(`node/${f}`));
chmodSync(pkg('node/cli.cjs'), 0o755);

// The tool's dependencies: declared for npm, and copied from the repository's
// node_modules (same versions, pinned by its lock) so pkg/ runs as it is.
const devDeps = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).devDependencies;
const RUNTIME_DEPS = ['csv-parse', 'csv-stringify'];
const dependencies = Object.fromEntries(RUNTIME_DEPS.map((d) => [d, `^${devDeps[d]}`]));
for (const d of RUNTIME_DEPS) {
  const from = new URL(`node_modules/${d}/`, root);
  if (!existsSync(from)) throw new Error(`pkg-files: ${d} is not installed (run scripts/setup.sh)`);
  mkdirSync(pkg('node_modules'), { recursive: true });
  cpSync(from, pkg(`node_modules/${d}/`), { recursive: true });
}

// ---- README and licences ----
const readme = readFileSync(new URL('README.md', root), 'utf8')
  .replace(/^!\[[^\n]*\n\n?/m, '') // the demo picture lives in the repository
  .replace(/\[([^\]]+)\]\((?:docs\/[^)]+|CHANGELOG\.md|LICENSE-[A-Z]+)\)/g, '$1'); // links into the repository
writeFileSync(pkg('README.md'), readme);
for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(new URL(f, root), pkg(f));

const manifest = {
  name: 'cadence-engine',
  version,
  description:
    'A rules engine for sales outreach: contact status, next action, consent and follow-ups. WebAssembly for browsers and Node.',
  license: 'MIT OR Apache-2.0',
  main: './node/cadence_engine.js',
  module: './index.js',
  browser: './index.js',
  types: './index.d.ts',
  exports: {
    '.': {
      types: './index.d.ts',
      node: { import: './node/index.mjs', require: './node/cadence_engine.js' },
      browser: './index.js',
      import: './index.js',
      require: './node/cadence_engine.js',
      default: './index.js',
    },
    './init': {
      types: './init.d.ts',
      node: { import: './node/index.mjs', require: './node/cadence_engine.js' },
      default: './init.js',
    },
    './parallel': { types: './node/parallel.d.cts', default: './node/parallel.cjs' },
    './wasm': { types: './wasm.d.ts', default: `./${WASM}` },
    './package.json': './package.json',
  },
  bin: { 'cadence-engine': './node/cli.cjs' },
  files: ['LICENSE-MIT', 'LICENSE-APACHE', 'index.js', 'index.d.ts', 'init.js', 'init.d.ts', 'wasm.d.ts', 'cadence_engine.js', 'cadence_engine.d.ts', WASM, 'node/'],
  sideEffects: ['./index.js', './node/cadence_engine.js'],
  dependencies,
  engines: { node: '>=18.3' },
};
writeFileSync(pkg('package.json'), JSON.stringify(manifest, null, 2) + '\n');
