// Runs every golden case in tests/cases/*.json against the built package, with
// the same partial-match rules as tests/golden.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const m = require('../../pkg');
const dir = new URL('../cases/', import.meta.url);

function matches(want, got, path, out) {
  if (want === '<absent>') {
    if (got !== undefined) out.push(`${path}: expected absent, got ${JSON.stringify(got)}`);
    return;
  }
  if (got === undefined) return void out.push(`${path}: missing, expected ${JSON.stringify(want)}`);
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) {
      return void out.push(`${path}: expected ${want.length} items, got ${JSON.stringify(got)}`);
    }
    want.forEach((w, i) => matches(w, got[i], `${path}[${i}]`, out));
  } else if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object') {
      return void out.push(`${path}: expected an object, got ${JSON.stringify(got)}`);
    }
    for (const k of Object.keys(want)) matches(want[k], got[k], `${path}.${k}`, out);
  } else if (want !== got) {
    out.push(`${path}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
}

function run(c) {
  const pb = typeof c.playbook === 'string' ? m.preset(c.playbook) : c.playbook;
  switch (c.op ?? 'evaluate') {
    case 'evaluate': return m.evaluate(c.contact, pb, c.now);
    case 'evaluateMany': return m.evaluateMany(c.contacts, pb, c.now);
    case 'plan': return m.plan(c.contact, pb, c.now, c.until);
    case 'checkChannel': return m.checkChannel(c.contact, c.channel, c.at, pb);
    case 'classifyReply': return m.classifyReply(c.text, c.channel);
    case 'followUpDate': return m.followUpDate(c.engagedAt, c.horizonAt, c.fraction ?? undefined);
    case 'planQueue': return m.planQueue(c.items, c.options);
    case 'validatePlaybook': return m.validatePlaybook(pb);
    default: throw new Error(`unknown op ${c.op}`);
  }
}

// GOLDEN_FILTER=consent runs only the files whose name contains it.
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f.includes(process.env.GOLDEN_FILTER ?? ''))
  .sort();
test('golden case files exist', () => assert.ok(files.length > 0));
for (const f of files) {
  const doc = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
  for (const c of doc.cases) {
    test(`${f} / ${c.name}`, () => {
      if (c.error !== undefined) {
        assert.throws(() => run(c), (e) => {
          assert.ok(e instanceof Error, 'a real Error');
          assert.ok(e.message.includes(c.error), `message ${JSON.stringify(e.message)} should contain ${JSON.stringify(c.error)}`);
          return true;
        });
        return;
      }
      const out = [];
      matches(c.expect, run(c), '', out);
      assert.deepEqual(out, []);
    });
  }
}
