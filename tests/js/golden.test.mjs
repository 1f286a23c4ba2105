// Runs every golden case in tests/cases/*.json against the built package, with
// the same partial-match rules as tests/golden.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const m = require('../../pkg');
const dir = new URL('../cases/', import.meta.url);

const CONTAINS = '<contains>';

/** `{"<contains>": [...]}`: `got` is an array holding each item, in any order
 * (a string as part of one of its strings, anything else as a partial match). */
function containsEach(items, got, path, out) {
  if (!Array.isArray(items) || !Array.isArray(got)) {
    return void out.push(`${path}: ${CONTAINS} takes a list and matches an array, got ${JSON.stringify(got)}`);
  }
  for (const item of items) {
    const found = got.some((line) => {
      if (typeof item === 'string' && typeof line === 'string') return line.includes(item);
      const errs = [];
      matches(item, line, path, errs);
      return errs.length === 0;
    });
    if (!found) out.push(`${path}: no item holds ${JSON.stringify(item)}; got ${JSON.stringify(got)}`);
  }
}

function matches(want, got, path, out) {
  if (want === '<absent>') {
    if (got !== undefined) out.push(`${path}: expected absent, got ${JSON.stringify(got)}`);
    return;
  }
  if (got === undefined) return void out.push(`${path}: missing, expected ${JSON.stringify(want)}`);
  if (want !== null && typeof want === 'object' && !Array.isArray(want)
    && Object.keys(want).length === 1 && CONTAINS in want) {
    return containsEach(want[CONTAINS], got, path, out);
  }
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
const docs = files.map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8'))]);
for (const [f, doc] of docs) {
  assert.ok(Array.isArray(doc.cases) && doc.cases.length > 0, `${f}: expected {"cases": [...]}`);
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

/** The answer of `fn`, or the message of what it threw. */
function outcome(fn) {
  try {
    return { value: fn() };
  } catch (e) {
    assert.ok(e instanceof Error, 'a real Error');
    return { error: e.message };
  }
}

// evaluateManyJson is evaluateMany with JSON text in and out: on every golden
// contact, with the case's own playbook and now, and in batches of all of them
// under each preset, the parsed text equals evaluateMany's objects (and an
// error is the same error).
const evaluated = docs.flatMap(([, doc]) => doc.cases.filter((c) => (c.op ?? 'evaluate') === 'evaluate'));
const least = process.env.GOLDEN_FILTER ? 1 : 200; // all files hold 275 evaluate cases
test('evaluateManyJson equals evaluateMany on each golden contact', () => {
  assert.ok(evaluated.length >= least, `${evaluated.length} golden evaluate cases`);
  let answered = 0;
  for (const c of evaluated) {
    const pb = typeof c.playbook === 'string' ? m.preset(c.playbook) : c.playbook;
    const many = outcome(() => m.evaluateMany([c.contact], pb, c.now));
    const text = outcome(() => JSON.parse(m.evaluateManyJson(JSON.stringify([c.contact]), pb, c.now)));
    assert.deepStrictEqual(text, many, c.name);
    if (many.value) {
      answered += 1;
      assert.equal(many.value.length, 1, c.name);
      if (many.value[0].error === undefined) assert.deepStrictEqual(many.value[0], m.evaluate(c.contact, pb, c.now), c.name);
    }
  }
  assert.ok(answered >= least, `${answered} answered`);
});

test('evaluateManyJson equals evaluateMany on all golden contacts in one batch', () => {
  const contacts = evaluated.map((c) => c.contact).filter((c) => c !== undefined);
  for (const name of ['monthly-campaign', 'call-ladder', 'sequence']) {
    for (const now of ['2026-11-12T15:00:00Z', '2026-03-08T07:30:00Z', 1798761600000]) {
      const pb = m.preset(name);
      const many = m.evaluateMany(contacts, pb, now);
      const text = JSON.parse(m.evaluateManyJson(JSON.stringify(contacts), pb, now));
      assert.equal(many.length, contacts.length);
      if (!process.env.GOLDEN_FILTER) assert.ok(many.some((r) => r.error === undefined) && many.some((r) => r.error !== undefined), 'good and bad contacts');
      assert.deepStrictEqual(text, many, `${name} at ${now}`);
    }
  }
});
