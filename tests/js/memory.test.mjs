// How the module's memory grows under bulk loads, against the built package.
// Each growth of a WebAssembly memory can cost the host a full garbage
// collection, so a book loaded in many small calls must grow it a few times
// (geometrically), not once every call or two; and it must not take much more
// than the book keeps. Counts growths and bytes; times nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withMemory } from './instance.mjs';
import { contacts as synthetic } from '../../benches/contacts.mjs';

// This file runs in a process of its own: its module instance starts from a
// fresh memory.
const { m, memory } = withMemory('../../pkg');
const size = () => memory.buffer.byteLength;

const NOW = '2026-11-12T15:00:00Z';
const pb = m.preset('monthly-campaign');

/** Loads `list` into `wl` `per` contacts a call through `load`: the calls that grew the memory. */
function loadInCalls(wl, list, per, load) {
  let grew = 0;
  for (let i = 0; i < list.length; i += per) {
    const before = size();
    const errors = load(wl, list.slice(i, i + per));
    assert.deepEqual(errors, []);
    if (size() > before) grew++;
  }
  return grew;
}

test('a book loaded in many small calls grows the memory a few times, not once a call', () => {
  const list = synthetic(30_000, 17);
  const texts = (wl, part) => wl.upsertJson(JSON.stringify(part));
  const objects = (wl, part) => wl.upsert(part);

  // 300 calls of 100 contacts into one worklist, then as many into a second
  // beside it (the memory now large, where each growth costs most).
  const first = new m.Worklist(pb, NOW);
  const grewFirst = loadInCalls(first, list, 100, texts);
  const second = new m.Worklist(pb, NOW);
  const grewSecond = loadInCalls(second, list, 100, objects);
  const held = size();
  assert.ok(grewFirst <= 20, `the first book grew the memory in ${grewFirst} of 300 calls`);
  assert.ok(grewSecond <= 6, `the second book grew the memory in ${grewSecond} of 300 calls`);

  // Both books answer as one loaded in a single call does.
  const whole = new m.Worklist(pb, NOW);
  assert.deepEqual(whole.upsertJson(JSON.stringify(list)), []);
  const page = whole.query({}, { offset: 0, limit: 100 });
  assert.deepEqual(first.query({}, { offset: 0, limit: 100 }), page);
  assert.deepEqual(second.query({}, { offset: 0, limit: 100 }), page);
  assert.deepEqual(second.facets({}), whole.facets({}));
  whole.free();

  // The memory the two books took, with the room made ahead, stays within
  // the budget of a resident contact (834 B) with a fifth to spare for that
  // room: it is taken a quarter of the memory at a time (720 B a contact
  // here; 660 B when the memory grew at every other call).
  const perContact = held / (2 * list.length);
  assert.ok(perContact < 1_000, `${perContact.toFixed(0)} B of memory a resident contact`);
  first.free();
  second.free();
});
