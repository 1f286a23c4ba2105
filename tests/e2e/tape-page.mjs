// Loaded by tests/e2e/tape.test.mjs into a page with and without a content
// security policy: evaluateMany's objects (built from the tape) against
// JSON.parse of evaluateManyJson's text, key order included.
import * as m from '../../pkg/index.js';
import { contacts, NOW } from '../../benches/contacts.mjs';

let compiles = true;
try {
  new Function('return 1');
} catch {
  compiles = false;
}
const list = contacts(500, 5);
const out = {};
for (const preset of ['monthly-campaign', 'call-ladder', 'sequence']) {
  const pb = m.preset(preset);
  const many = m.evaluateMany(list, pb, NOW);
  const text = m.evaluateManyJson(JSON.stringify(list), pb, NOW);
  out[preset] = {
    equal: JSON.stringify(many) === JSON.stringify(JSON.parse(text)),
    evaluated: many.filter((r) => r.error === undefined).length,
  };
}
const w = new m.Worklist(m.preset('monthly-campaign'), NOW);
w.upsert(list);
out.facets = JSON.stringify(w.facets()).length > 10;
out.compiles = compiles;
document.documentElement.dataset.result = JSON.stringify(out);
