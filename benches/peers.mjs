// The same status decision in two general rules engines, over facts digested
// beforehand (see contacts.mjs `facts`): json-rules-engine (one rule per
// status) and @gorules/zen-engine (one decision table, first hit).
import { createRequire } from 'node:module';
import { jsonRulesEngineWith, TABLE } from './status-rules.mjs';

const require = createRequire(import.meta.url);

export { runAll, TABLE } from './status-rules.mjs';

export function jsonRulesEngine() {
  return jsonRulesEngineWith(require('json-rules-engine').Engine);
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
