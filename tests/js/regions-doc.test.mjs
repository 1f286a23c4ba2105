// The region table in docs/consent.md is generated from src/regions/regions.json
// (scripts/regions-doc.mjs); this fails when the two disagree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DATA, DOC, update, holidayRule } from '../../scripts/regions-doc.mjs';

const data = JSON.parse(readFileSync(DATA, 'utf8'));

test('docs/consent.md holds the table rendered from the data', () => {
  const doc = readFileSync(DOC, 'utf8');
  assert.equal(doc, update(doc, data), 'run: node scripts/regions-doc.mjs');
});

test('every row of the data is in the doc, with its citation and checked date', () => {
  const doc = readFileSync(DOC, 'utf8');
  for (const r of data.regions) {
    assert.ok(doc.includes(`| ${r.code} | `), r.code);
    assert.ok(doc.includes(r.cite[0].url), `${r.code} citation`);
    assert.match(r.checked, /^\d{4}-\d{2}-\d{2}$/, `${r.code} checked`);
  }
});

test('a changed row makes the doc out of date', () => {
  const doc = readFileSync(DOC, 'utf8');
  const changed = structuredClone(data);
  changed.regions.find((r) => r.code === 'US-TX').window[1].from = '13:00';
  assert.notEqual(update(doc, changed), doc);
});

test('holiday rules read as words', () => {
  assert.equal(holidayRule({ nth: 4, weekday: 'thu', month: 11 }), '4th Thu of Nov');
  assert.equal(holidayRule({ nth: -1, weekday: 'mon', month: 5 }), 'last Mon of May');
  assert.equal(holidayRule({ easter: -2 }), 'Easter − 2');
  assert.equal(holidayRule({ weekday: 'mon', onOrBefore: '05-24' }), 'Mon on or before May 24');
  assert.equal(holidayRule({ date: '07-04', observed: 'nearestWeekday' }), 'Jul 4, observed Sat → Fri, Sun → Mon');
  assert.equal(holidayRule({ nth: 1, weekday: 'mon', month: 11, offset: 1, years: 'even' }), '1st Mon of Nov + 1, even years');
});

test('the markers are required', () => {
  assert.throws(() => update('# no markers\n', data), /markers/);
});
