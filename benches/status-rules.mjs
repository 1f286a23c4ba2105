// The status decision the peers make, as data, and json-rules-engine over it:
// a plain ES module, loadable in Node and in a page (benches/browser/), which
// passes the engine's class (the page has it from a bundle of the npm package).

/** [status, manualNewer, sms, outcome, reason] — `null` matches anything. */
export const TABLE = [
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

/** json-rules-engine, one rule per status, given its `Engine` class. */
export function jsonRulesEngineWith(Engine) {
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
