// `evaluateMany` in Chromium, per contact, and its ratio to json-rules-engine
// in the same page, by the rounds benches/batch.mjs takes in Node (timing.mjs
// `ratioRounds`). json-rules-engine is the npm package, bundled for the page
// by scripts/bench.sh (esbuild, into target/bench/). The page reports through
// `window.benchResult`, read by benches/browser.mjs.
//   batch.html?n=<contacts>&reps=<runs>
import init, * as engine from '../../pkg/cadence_engine.js';
import { Engine } from '../../target/bench/json-rules-engine.mjs';
import { contacts, facts, NOW } from '../contacts.mjs';
import { jsonRulesEngineWith, runAll } from '../status-rules.mjs';
import { bench, ratioRounds } from '../timing.mjs';

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 20000);
const reps = Number(params.get('reps') ?? 7);

async function run() {
  await init({ module_or_path: new URL('../../pkg/cadence_engine_bg.wasm', import.meta.url) });
  const pb = engine.preset('monthly-campaign');
  const list = contacts(n, 7);
  const digested = list.map((c) => facts(c));
  const jre = jsonRulesEngineWith(Engine);
  // The peer decides the status ours does, on every contact.
  const evs = engine.evaluateMany(list, pb, NOW, { explain: false });
  const statuses = await runAll(jre, digested);
  const disagree = statuses.filter((s, i) => s !== evs[i].status).length;
  return {
    n,
    reps,
    evaluateManyMs: bench(() => engine.evaluateMany(list, pb, NOW), reps),
    evaluateManyLeanMs: bench(() => engine.evaluateMany(list, pb, NOW, { explain: false }), reps),
    peerDisagreements: disagree,
    ratio: await ratioRounds(engine, list, pb, NOW, jre, digested, reps),
  };
}

run().then(
  (r) => { window.benchResult = r; },
  (e) => { window.benchResult = { error: String((e && e.stack) || e) }; },
);
