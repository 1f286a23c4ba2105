// Results cross as a tape the glue turns into objects (src/wasm/tape.rs,
// js/tape.js). These pin what JSON.parse would have given in the corners the
// golden cases do not reach: keys that are JS's own names, strings past ASCII
// and past the BMP, strings shared across a batch, and a page that forbids
// compiling code (objects built key by key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { contacts } from '../../benches/contacts.mjs';

const require = createRequire(import.meta.url);
const PKG = fileURLToPath(new URL('../../pkg/node/cadence_engine.js', import.meta.url));
const m = require(PKG);
const NOW = '2026-11-12T15:00:00Z';

test('a key named __proto__ is an own property, as JSON.parse makes it', () => {
  const pb = m.preset('sequence');
  pb.steps = pb.steps.map((s) => (s.id === 'text-personal' ? { ...s, label: '__proto__' } : s));
  const w = new m.Worklist(pb, NOW);
  w.upsert([
    { id: 'a', addedAt: '2026-11-01T15:00:00Z', timeZone: 'America/Chicago', region: 'US-IL', events: [] },
  ]);
  const facets = w.facets();
  const text = JSON.parse(JSON.stringify(facets));
  assert.equal(Object.getPrototypeOf(facets.next), Object.prototype);
  assert.ok(Object.hasOwn(facets.next, '__proto__'), JSON.stringify(facets.next));
  assert.deepStrictEqual(Object.keys(facets.next), Object.keys(text.next));
  assert.deepStrictEqual(facets, text);
});

test('strings past ASCII, past the BMP and long ones cross as they are', () => {
  const names = ['Zoë Ñúñez', 'Ada 😀 Lovelace', '–'.repeat(50), 'x'.repeat(41), 'y'.repeat(40), 'A', 'Ω😀'.repeat(30)];
  const contacts = names.map((displayName, i) => ({ id: `c${i}`, addedAt: '2026-11-01T15:00:00Z', name: displayName, timeZone: 'Europe/Paris', events: [] }));
  const pb = m.preset('call-ladder');
  const many = m.evaluateMany(contacts, pb, NOW);
  assert.deepStrictEqual(many.map((r) => r.displayName), names);
  assert.deepStrictEqual(many, JSON.parse(m.evaluateManyJson(JSON.stringify(contacts), pb, NOW)));
  for (const [i, name] of names.entries()) assert.equal(m.evaluate(contacts[i], pb, NOW).displayName, name);
});

test('a batch of 3,000 equals its JSON twin, across the table of recent strings', () => {
  const list = contacts(3000, 11);
  list[5] = { ...list[5], timeZone: 'Nowhere/Else' };
  list[6] = { ...list[6], name: 'Zoë – 😀 '.repeat(9) };
  for (const preset of ['monthly-campaign', 'call-ladder', 'sequence']) {
    const pb = m.preset(preset);
    for (const explain of [true, false]) {
      const many = m.evaluateMany(list, pb, NOW, { explain });
      assert.ok(many.filter((r) => r.error === undefined).length > 2900, preset);
      assert.equal(typeof many[5].error, 'string');
      assert.deepStrictEqual(many, JSON.parse(m.evaluateManyJson(JSON.stringify(list), pb, NOW, { explain })), preset);
    }
  }
});

test('where code may not be compiled from strings, objects are built key by key and equal', () => {
  const script = `
    const assert = require('node:assert/strict');
    assert.throws(() => new Function('return 1'), EvalError);
    const m = require(${JSON.stringify(PKG)});
    const pb = m.preset('monthly-campaign');
    const contacts = [
      { id: 'a', addedAt: '2026-11-01T15:00:00Z', timeZone: 'America/Chicago', events: [{ kind: 'message', channel: 'sms', direction: 'outbound', at: '2026-11-02T15:00:00Z' }] },
      { id: 'b', addedAt: '2026-11-01T15:00:00Z', timeZone: 'Nowhere/Else', events: [] },
    ];
    const many = m.evaluateMany(contacts, pb, '${NOW}');
    assert.deepStrictEqual(many, JSON.parse(m.evaluateManyJson(JSON.stringify(contacts), pb, '${NOW}')));
    assert.equal(typeof many[0].status, 'string');
    assert.equal(typeof many[1].error, 'string');
    process.stdout.write('ok');
  `;
  const out = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '-e', script], { encoding: 'utf8' });
  assert.equal(out, 'ok');
});
