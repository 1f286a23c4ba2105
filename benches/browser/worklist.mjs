// The resident Worklist at scale in Chromium, by the same measures as in Node
// (benches/resident.mjs). The page reports through `window.benchResult`, read
// by benches/browser.mjs.   index.html?n=<contacts>&reps=<runs>
import init, * as engine from '../../pkg/cadence_engine.js';
import { contacts } from '../contacts.mjs';
import { measureWorklist } from '../resident.mjs';

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 100000);
const reps = Number(params.get('reps') ?? 5);

async function run() {
  const wasm = await init({ module_or_path: new URL('../../pkg/cadence_engine_bg.wasm', import.meta.url) });
  const list = contacts(n, 7);
  const text = JSON.stringify(list);
  const bytes = new TextEncoder().encode(text);
  const r = measureWorklist(engine, () => wasm.memory.buffer.byteLength, { list, text, bytes }, reps);
  r.userAgent = navigator.userAgent;
  return r;
}

run().then(
  (r) => { window.benchResult = r; },
  (e) => { window.benchResult = { error: String((e && e.stack) || e) }; },
);
