// Writes the hand-made files of pkg/: package.json, the Node ESM entry, the
// browser entry (top-level await init, so users need no init call), and types.
import { readFileSync, writeFileSync, copyFileSync, readdirSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = new URL('../', import.meta.url);
const outDir = new URL(`${process.argv[2] ?? 'pkg'}/`, root);
const pkg = (p) => new URL(p, outDir);
const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
const version = /^version = "([^"]+)"/m.exec(cargo)[1];

const api = require(pkg('node/cadence_engine.js').pathname);
const names = Object.keys(api).filter((k) => !k.startsWith('__') && k !== 'default').sort();

writeFileSync(
  pkg('node/index.mjs'),
  `// ESM entry for Node: the CommonJS build, re-exported by name.
import { createRequire } from 'node:module';
const api = createRequire(import.meta.url)('./cadence_engine.js');
export const { ${names.join(', ')} } = api;
export default api;
`,
);

writeFileSync(
  pkg('web/index.js'),
  `// Browser entry: loads the module once (top-level await), so no init call is needed.
import init from './cadence_engine.js';
await init({ module_or_path: new URL('./cadence_engine_bg.wasm', import.meta.url) });
export * from './cadence_engine.js';
`,
);
writeFileSync(pkg('index.js'), `export * from './web/index.js';\n`);

// wasm-bindgen drops the `?` of an optional parameter whose type we name; put
// it back for those that are optional (the Worklist's `now`, the query page,
// the medium of classifyReply).
for (const f of ['node/cadence_engine.d.ts', 'web/cadence_engine.d.ts']) {
  const text = readFileSync(pkg(f), 'utf8')
    .replace('constructor(playbook_value: Playbook, now: Time);', 'constructor(playbook_value: Playbook, now?: Time);')
    .replace('query(filter: Filter | undefined, page: Page)', 'query(filter?: Filter, page?: Page)')
    .replace('classifyReply(text: string, channel: "sms" | "email")', 'classifyReply(text: string, channel?: "sms" | "email")');
  writeFileSync(pkg(f), text);
}
copyFileSync(pkg('node/cadence_engine.d.ts'), pkg('cadence_engine.d.ts'));
writeFileSync(pkg('index.d.ts'), `export * from './cadence_engine';\n`);
writeFileSync(pkg('node/index.d.mts'), `export * from '../cadence_engine';\n`);

// The Node modules in js/ (parallel evaluation, the command-line tool) ship
// beside the CommonJS build, which they load as './cadence_engine.js'.
const nodeFiles = readdirSync(new URL('js/', root)).filter((f) => f.endsWith('.cjs')).sort();
for (const f of nodeFiles) copyFileSync(new URL(`js/${f}`, root), pkg(`node/${f}`));
if (nodeFiles.includes('cli.cjs')) chmodSync(pkg('node/cli.cjs'), 0o755);

const manifest = {
  name: 'cadence-engine',
  version,
  description:
    'A rules engine for sales outreach: contact status, next action, consent and follow-ups. WebAssembly for browsers and Node.',
  license: 'MIT OR Apache-2.0',
  main: './node/cadence_engine.js',
  module: './index.js',
  browser: './index.js',
  types: './cadence_engine.d.ts',
  exports: {
    '.': {
      types: './cadence_engine.d.ts',
      browser: './index.js',
      import: './node/index.mjs',
      require: './node/cadence_engine.js',
      default: './index.js',
    },
    './web': './web/index.js',
    ...(nodeFiles.includes('parallel.cjs') ? { './parallel': './node/parallel.cjs' } : {}),
    './package.json': './package.json',
  },
  ...(nodeFiles.includes('cli.cjs') ? { bin: { 'cadence-engine': './node/cli.cjs' } } : {}),
  files: ['index.js', 'index.d.ts', 'cadence_engine.d.ts', 'node/', 'web/'],
  sideEffects: ['./index.js', './web/index.js'],
  engines: { node: '>=18' },
};
writeFileSync(pkg('package.json'), JSON.stringify(manifest, null, 2) + '\n');
