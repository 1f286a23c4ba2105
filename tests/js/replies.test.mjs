// Runs the labelled reply corpus (tests/replies/) against the built package:
// every answer must be the one the native engine recorded in
// tests/replies/classified.json, and the tune split must meet the same targets
// as in tests/replies.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const m = require('../../pkg');
const dir = new URL('../replies/', import.meta.url);
const files = ['tune.jsonl', 'holdout.jsonl'];
const recorded = JSON.parse(readFileSync(new URL('classified.json', dir), 'utf8'));

const rows = (file) => readFileSync(new URL(file, dir), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

// The answer as one short string, as the native runner writes it.
const answer = (r) => (r.intent === 'optOut' ? `optOut:${r.channels.join('+')}` : r.intent);

test('the package answers every reply as the native engine does', () => {
  const changed = [];
  for (const file of files) {
    const want = recorded[file];
    const list = rows(file);
    assert.equal(list.length, want.length, `${file}: corpus and recorded answers differ in length`);
    list.forEach((row, i) => {
      const got = answer(m.classifyReply(row.text, row.channel));
      if (got !== want[i]) changed.push(`${file}:${i + 1} ${JSON.stringify(row.text)}: ${got}, native ${want[i]}`);
    });
  }
  assert.deepEqual(changed, []);
});

test('the tune split meets its targets in the package', () => {
  const t = {};
  for (const row of rows('tune.jsonl')) {
    const r = m.classifyReply(row.text, row.channel);
    const s = (t[row.set] ??= { replies: 0, optOuts: 0, found: 0, channelsRight: 0, others: 0, falseOptOuts: 0, intentRight: 0 });
    const out = r.intent === 'optOut';
    s.replies++;
    s.intentRight += r.intent === row.intent ? 1 : 0;
    if (row.intent === 'optOut') {
      s.optOuts++;
      s.found += out ? 1 : 0;
      s.channelsRight += out && r.channels.join() === row.channels.join() ? 1 : 0;
    } else {
      s.others++;
      s.falseOptOuts += out ? 1 : 0;
    }
  }
  const { keyword: k, phrase: p, ordinary: o } = t;
  assert.equal(k.intentRight, k.replies, 'every keyword read');
  assert.equal(k.channelsRight, k.optOuts, 'every keyword revokes the right channels');
  assert.ok(p.found >= 0.98 * p.optOuts, `phrase recall ${p.found}/${p.optOuts}`);
  assert.ok(p.channelsRight >= 0.98 * p.found, `phrase channels ${p.channelsRight}/${p.found}`);
  assert.ok(o.falseOptOuts <= 0.01 * o.others, `false opt-outs ${o.falseOptOuts}/${o.others}`);
});

test('classifyReply takes the medium as its second argument', () => {
  assert.deepEqual(m.classifyReply('Unsubscribe', 'email').channels, ['email']);
  assert.deepEqual(m.classifyReply('Unsubscribe', 'sms').channels, ['sms']);
  assert.deepEqual(m.classifyReply('Unsubscribe').channels, ['sms']);
  assert.deepEqual(m.classifyReply('Unsubscribe', null).channels, ['sms']);
  assert.deepEqual(m.classifyReply('stop calling me', 'email').channels, ['sms', 'call']);
  assert.deepEqual(m.classifyReply('thanks').channels, []);
  // Read as an event's channel is: any case, "text", "e-mail", "" not given.
  assert.deepEqual(m.classifyReply('Unsubscribe', 'Email').channels, ['email']);
  assert.deepEqual(m.classifyReply('Unsubscribe', 'SMS').channels, ['sms']);
  assert.deepEqual(m.classifyReply('Unsubscribe', '').channels, ['sms']);
  for (const bad of ['fax', 'phone', 1, {}]) {
    assert.throws(() => m.classifyReply('STOP', bad), (e) => {
      assert.ok(e instanceof Error, 'a real Error');
      assert.match(e.message, /^channel: expected "sms" or "email"/);
      return true;
    }, `channel ${JSON.stringify(bad)}`);
  }
});
