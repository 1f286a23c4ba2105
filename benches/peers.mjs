// The same status decision in two general rules engines, over facts digested
// beforehand (see contacts.mjs `facts`): json-rules-engine (one rule per
// status) and @gorules/zen-engine (one decision table, first hit).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** [status, manualNewer, sms, outcome, reason] — `null` matches anything. */
const TABLE = [
  ['satisfied', true, null, 'noSale', 'satisfied'],
  ['noSale', true, null, 'noSale', null],
  ['sold', true, null, 'sold', null],
  ['saleInProgress', true, null, 'saleInProgress', null],
  ['noAnswer', true, null, 'noAnswer', null],
  ['leftVoicemail', true, null, 'leftVoicemail', null],
  ['wrongNumber', true, null, 'wrongNumber', null],
  ['noSmsReply', false, 'out', null, null],
  ['smsInProgress', false, 'in', null, null],
  ['newAccount', false, 'none', null, null],
];

/** Runs `decide` over each of `facts` in turn, awaiting each: the statuses. */
export async function runAll(decide, facts) {
  const out = new Array(facts.length);
  for (let i = 0; i < facts.length; i++) out[i] = await decide(facts[i]);
  return out;
}

export function jsonRulesEngine() {
  const { Engine } = require('json-rules-engine');
  const engine = new Engine([], { allowUndefinedFacts: true });
  TABLE.forEach(([status, manualNewer, sms, outcome, reason], i) => {
    const all = [{ fact: 'manualNewer', operator: 'equal', value: manualNewer }];
    if (sms !== null) all.push({ fact: 'sms', operator: 'equal', value: sms });
    if (outcome !== null) all.push({ fact: 'outcome', operator: 'equal', value: outcome });
    if (reason !== null) all.push({ fact: 'reason', operator: 'equal', value: reason });
    engine.addRule({ conditions: { all }, event: { type: status }, priority: 100 - i });
  });
  return async (facts) => {
    const { events } = await engine.run(facts);
    return events.length ? events[0].type : null;
  };
}

export function zenEngine() {
  const { ZenEngine } = require('@gorules/zen-engine');
  const q = (v) => (v === null ? '' : JSON.stringify(v));
  const content = {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'facts', position: { x: 0, y: 0 } },
      {
        id: 'table', type: 'decisionTableNode', name: 'status', position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'first',
          inputs: [
            { id: 'manualNewer', name: 'manualNewer', field: 'manualNewer' },
            { id: 'sms', name: 'sms', field: 'sms' },
            { id: 'outcome', name: 'outcome', field: 'outcome' },
            { id: 'reason', name: 'reason', field: 'reason' },
          ],
          outputs: [{ id: 'status', name: 'status', field: 'status' }],
          rules: TABLE.map(([status, manualNewer, sms, outcome, reason], i) => ({
            _id: `r${i}`, manualNewer: q(manualNewer), sms: q(sms), outcome: q(outcome), reason: q(reason), status: q(status),
          })),
        },
      },
      { id: 'out', type: 'outputNode', name: 'result', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 'table', type: 'edge' },
      { id: 'e2', sourceId: 'table', targetId: 'out', type: 'edge' },
    ],
  };
  const engine = new ZenEngine();
  const decision = engine.createDecision(content);
  const run = async (facts) => (await decision.evaluate(facts)).result.status ?? null;
  run.dispose = () => engine.dispose();
  return run;
}
