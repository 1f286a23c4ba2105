// The Worklist against the built package: counts agree with queries, get agrees
// with evaluate, and upsert / remove / refresh sequences (now moving both ways)
// leave it equal to a worklist built from scratch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { contacts as synthetic } from '../../benches/contacts.mjs';

const require = createRequire(import.meta.url);
const m = require('../../pkg/node/cadence_engine.js');

const NOW = '2026-11-12T15:00:00Z';
const ADDED = '2026-10-20T15:00:00Z';
const STATUSES = ['newAccount', 'noSmsReply', 'smsInProgress', 'saleInProgress', 'satisfied',
  'noSale', 'sold', 'noAnswer', 'leftVoicemail', 'wrongNumber'];
const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);

/** The whole observable state: every id in order, the counts, and each evaluation. */
function snapshot(wl) {
  const ids = wl.query({});
  return { ids, facets: wl.facets({}), evals: ids.map((id) => JSON.stringify(wl.get(id))) };
}

function fresh(pb, list, now) {
  const wl = new m.Worklist(pb, now);
  wl.upsert(list);
  return wl;
}

/** Work order as documented: due first, then those with a next action, then priority, then overdue, then due time, then id. */
function workOrder(evs) {
  const key = (e) => [e.next?.due ? 0 : 1, e.next ? 0 : 1, -e.priority, e.next?.overdue ? 0 : 1, e.next ? Date.parse(e.next.dueAt) : Infinity];
  return [...evs].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0;
  }).map((e) => e.id);
}

for (const name of ['monthly-campaign', 'call-ladder', 'sequence']) {
  test(`${name}: facets sum to size, and query agrees with facets on every value`, () => {
    const pb = m.preset(name);
    const list = synthetic(400, 3);
    const wl = fresh(pb, list, NOW);
    try {
      assert.equal(wl.size, 400);
      const f = wl.facets({});
      assert.equal(sum(f.status), wl.size);
      assert.equal(sum(f.next), wl.size);
      for (const s of STATUSES) assert.equal(wl.query({ status: [s] }).length, f.status[s], s);
      for (const [label, n] of Object.entries(f.next)) assert.equal(wl.query({ next: [label] }).length, n, label);
      for (const [phase, n] of Object.entries(f.phase)) assert.equal(wl.query({ phase: [phase] }).length, n, phase);
      for (const c of ['sms', 'call', 'email']) assert.equal(wl.query({ allowed: [c] }).length, f.allowed[c], c);
      // A filter narrows the counts the same way.
      const narrowed = wl.facets({ status: ['noSmsReply'], allowed: ['call'] });
      assert.equal(sum(narrowed.status), wl.query({ status: ['noSmsReply'], allowed: ['call'] }).length);
      const due = wl.query({ due: true }).length;
      assert.equal(due + wl.query({ due: false }).length, wl.size);
      // Work order, and get equal to evaluate byte for byte.
      const evs = m.evaluateMany(list, pb, NOW);
      assert.deepEqual(wl.query({}), workOrder(evs));
      for (const [i, c] of list.entries()) {
        assert.equal(JSON.stringify(wl.get(c.id)), JSON.stringify(m.evaluate(c, pb, NOW)), c.id);
        assert.equal(JSON.stringify(evs[i]), JSON.stringify(m.evaluate(c, pb, NOW)));
      }
    } finally {
      wl.free();
    }
  });
}

test('text filter matches id, name and display name, case ignored', () => {
  const pb = m.preset('monthly-campaign');
  const wl = fresh(pb, [
    { id: 'a1', name: 'Ana Lima', addedAt: ADDED, events: [{ kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'in', text: 'STOP' }] },
    { id: 'b2', name: 'Bo', addedAt: ADDED },
    { id: 7, name: 'Cy', addedAt: ADDED },
  ], NOW);
  try {
    assert.deepEqual(wl.query({ text: 'ANA' }), ['a1']);
    assert.deepEqual(wl.query({ text: "can't text" }), ['a1']);
    assert.deepEqual(wl.query({ text: 'b2' }), ['b2']);
    assert.deepEqual(wl.query({ text: '7' }), [7]);
    assert.equal(wl.query({ text: '   ' }).length, 3);
    assert.equal(typeof wl.get(7), 'object');
    assert.equal(wl.get('nobody'), undefined);
  } finally {
    wl.free();
  }
});

test('a filter\'s channels are read as checkChannel reads a channel, and an unknown one names its place', () => {
  const pb = m.preset('monthly-campaign');
  const wl = fresh(pb, [
    { id: 'a1', name: 'Ana', timeZone: 'America/New_York', addedAt: ADDED, events: [{ kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'in', text: 'STOP' }] },
    { id: 'b2', name: 'Bo', timeZone: 'America/New_York', addedAt: ADDED },
  ], NOW);
  try {
    const texting = wl.query({ allowed: ['sms'] });
    assert.deepEqual(texting, ['b2']);
    for (const written of ['SMS', ' Text ', 'text message', 'MMS']) {
      assert.deepEqual(wl.query({ allowed: [written] }), texting, written);
      assert.equal(m.checkChannel({ id: 'a1', timeZone: 'America/New_York', addedAt: ADDED, events: [{ kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'in', text: 'STOP' }] }, written, NOW, pb).allowed, false, written);
    }
    assert.deepEqual(wl.query({ allowed: ['Phone Call', 'E-Mail'] }), wl.query({ allowed: ['call', 'email'] }));
    assert.deepEqual(wl.query({ allowed: ['Voice Call', 'Email Messages'] }), wl.query({ allowed: ['call', 'email'] }));
    assert.throws(() => wl.query({ allowed: ['sms', 'fax'] }), (e) => e instanceof Error && /^filter\.allowed\[1\]: expected one of "sms", "call", "email", got "fax"$/.test(e.message));
    assert.throws(() => wl.facets({ allowed: [7] }), (e) => e instanceof Error && /^filter\.allowed\[0\]: expected a string, got the number 7$/.test(e.message));
  } finally {
    wl.free();
  }
});

test('text filter reads a typographic apostrophe as a plain one, in the filter and in names', () => {
  const pb = m.preset('monthly-campaign');
  const wl = fresh(pb, [
    { id: 'a1', name: 'Ana Lima', addedAt: ADDED, events: [{ kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'in', text: 'STOP' }] },
    { id: 'o1', name: "Sean O'Brien", addedAt: ADDED },
    { id: 'o2', name: 'Maeve O\u2019Neill', addedAt: ADDED },
  ], NOW);
  try {
    // As a Mac or a phone types it.
    assert.deepEqual(wl.query({ text: 'can\u2019t text' }), ['a1']);
    assert.deepEqual(wl.query({ text: 'CAN\u02BCT TEXT' }), ['a1']);
    assert.deepEqual(wl.query({ text: 'o\u2019brien' }), ['o1']);
    assert.deepEqual(wl.query({ text: "o'neill" }), ['o2']);
    assert.equal(wl.facets({ text: "o\u2018" }).status.newAccount, 2);
  } finally {
    wl.free();
  }
});

test('text filter folds case past ASCII as String.prototype.toLowerCase does', () => {
  const pb = m.preset('monthly-campaign');
  const wl = fresh(pb, [
    { id: 'e1', name: 'ÉRIC DUBÉ', addedAt: ADDED },
    { id: 'g1', name: 'ΟΔΥΣΣΕΥΣ Σ', addedAt: ADDED },
    { id: 'r1', name: 'Мария Ёлкина', addedAt: ADDED },
    { id: 'İD-9', name: 'Łukasz Ǆ', addedAt: ADDED },
  ], NOW);
  try {
    assert.deepEqual(wl.query({ text: 'éric dubé' }), ['e1']);
    assert.deepEqual(wl.query({ text: 'Éric' }), ['e1']);
    // A final sigma lower-cases to ς, and a query in capitals folds the same way.
    assert.deepEqual(wl.query({ text: 'οδυσσευς' }), ['g1']);
    assert.deepEqual(wl.query({ text: 'ΟΔΥΣΣΕΥΣ' }), ['g1']);
    // A sigma a query ends with is the same letter inside a name: "ΟΔΥΣ"
    // lower-cases to "οδυς", found in "οδυσσευς"; and "οδυσσευσ" finds it.
    assert.deepEqual(wl.query({ text: 'ΟΔΥΣ' }), ['g1']);
    assert.deepEqual(wl.query({ text: 'οδυσσευσ' }), ['g1']);
    assert.equal(wl.facets({ text: 'ΟΔΥΣ' }).status.newAccount, 1);
    assert.deepEqual(wl.query({ text: 'МАРИЯ ЁЛКИНА' }), ['r1']);
    assert.deepEqual(wl.query({ text: 'łukasz ǆ' }), ['İD-9']);
    assert.deepEqual(wl.query({ text: 'İd-9'.toLowerCase() }), ['İD-9']);
    assert.deepEqual(wl.query({ text: 'eric' }), [], 'an accent is a letter of its own');
  } finally {
    wl.free();
  }
});

test('text filter finds a name kept decomposed (NFD) from a query typed composed, and the other way', () => {
  const pb = m.preset('monthly-campaign');
  const wl = fresh(pb, [
    { id: 'd1', name: 'Jose\u0301 Nu\u0303n\u0303ez', addedAt: ADDED },
    { id: 'c1', name: 'Jos\u00e9 Ruiz', addedAt: ADDED },
  ], NOW);
  try {
    assert.deepEqual(wl.query({ text: 'Jos\u00e9' }).sort(), ['c1', 'd1']);
    assert.deepEqual(wl.query({ text: 'jose\u0301' }).sort(), ['c1', 'd1']);
    assert.deepEqual(wl.query({ text: 'N\u00fa\u00f1ez' }), []);
    assert.deepEqual(wl.query({ text: 'N\u00f5\u00f1ez'.normalize('NFD') }), []);
    assert.deepEqual(wl.query({ text: 'n\u00f1' }), []);
    assert.deepEqual(wl.query({ text: 'u\u0303\u00f1' }), ['d1']);
    assert.equal(wl.facets({ text: 'JOS\u00c9' }).status.newAccount, 2);
  } finally {
    wl.free();
  }
});

test('upsert, remove and refresh sequences equal a worklist built from scratch', () => {
  const pb = m.preset('monthly-campaign');
  const all = synthetic(300, 11);
  const wl = fresh(pb, all.slice(0, 200), NOW);
  try {
    // Replace some, add some, leave the rest unchanged.
    const changed = all.slice(0, 50).map((c) => ({ ...c, priority: 9, events: [...c.events, { kind: 'message', at: '2026-11-10T15:00:00Z', channel: 'sms', direction: 'in' }] }));
    wl.upsert([...changed, ...all.slice(150, 300)]);
    let expect = [...changed, ...all.slice(50, 300)];
    assert.deepEqual(snapshot(wl), snapshot(fresh(pb, expect, NOW)));

    const gone = all.slice(60, 120).map((c) => c.id);
    assert.equal(wl.remove([...gone, 'nobody']), gone.length);
    expect = expect.filter((c) => !gone.includes(c.id));
    assert.equal(wl.size, expect.length);
    assert.deepEqual(snapshot(wl), snapshot(fresh(pb, expect, NOW)));

    // now forward (a minute, a week, into the next month), backwards, forward again.
    for (const t of ['2026-11-12T15:01:00Z', '2026-11-19T09:30:00Z', '2026-12-02T13:00:00Z',
      '2026-11-01T04:00:00Z', Date.parse('2026-11-21T12:00:00Z')]) {
      const n = wl.refresh(t);
      assert.ok(n <= wl.size);
      assert.deepEqual(snapshot(wl), snapshot(fresh(pb, expect, t)), String(t));
    }
    // The same instant again re-evaluates nothing.
    assert.equal(wl.refresh(Date.parse('2026-11-21T12:00:00Z')), 0);
  } finally {
    wl.free();
  }
});

test('changes in many small calls with no read between read as a worklist built from scratch', () => {
  const pb = m.preset('monthly-campaign');
  const all = synthetic(260, 5);
  const reply = (c) => ({ ...c, events: [...c.events, { kind: 'message', at: '2026-11-11T15:00:00Z', channel: 'sms', direction: 'in' }] });
  const wl = fresh(pb, all.slice(0, 200), NOW);
  try {
    assert.equal(wl.query({}).length, 200); // the order is read once, then changed in small steps
    for (let i = 200; i < 260; i += 7) wl.upsertJson(JSON.stringify(all.slice(i, i + 7)));
    wl.upsert([reply(all[3]), reply(all[210])]);
    // Contacts read before and contacts added since the last read.
    const gone = [all[5].id, all[17].id, all[205].id, all[259].id];
    assert.equal(wl.remove(gone), gone.length);
    wl.upsertJson(JSON.stringify([reply(all[40])]));
    const t = '2026-11-13T15:00:00Z';
    wl.refresh(t);
    const byId = new Map(all.map((c) => [c.id, c]));
    for (const c of [reply(all[3]), reply(all[210]), reply(all[40])]) byId.set(c.id, c);
    for (const id of gone) byId.delete(id);
    let expect = [...byId.values()];
    assert.deepEqual(snapshot(wl), snapshot(fresh(pb, expect, t)));
    // One change at a time, each followed by a page of the work order.
    const page = { offset: 0, limit: 25 };
    wl.upsert([reply(all[100])]);
    byId.set(all[100].id, reply(all[100]));
    expect = [...byId.values()];
    assert.deepEqual(wl.query({}, page), fresh(pb, expect, t).query({}, page));
    assert.equal(wl.remove([all[0].id]), 1);
    byId.delete(all[0].id);
    expect = [...byId.values()];
    assert.deepEqual(snapshot(wl), snapshot(fresh(pb, expect, t)));
  } finally {
    wl.free();
  }
});

test('ids of later loads are added to those held, however many at a time (past the 8,192 of one append)', () => {
  const pb = m.preset('monthly-campaign');
  const all = synthetic(9_300, 3);
  const wl = new m.Worklist(pb, NOW);
  try {
    wl.upsert(all.slice(0, 100)); // the first load's ids become the list
    wl.upsertJson(JSON.stringify(all.slice(100, 200))); // a page added
    wl.upsertJson(JSON.stringify(all.slice(200))); // 9,100 added: two appends
    const ids = wl.query({});
    assert.equal(ids.length, all.length);
    assert.deepEqual([...ids].sort(), all.map((c) => c.id).sort());
    // Slot order: the columns' ids are the contacts in the order they came.
    assert.deepEqual(Array.from(wl.columns().ids), all.map((c) => c.id));
    assert.equal(wl.remove([all[0].id, all[9_299].id]), 2);
    wl.upsert([all[0]]);
    const cols = Array.from(wl.columns().ids);
    assert.equal(cols.length, all.length - 1);
    assert.equal(cols[0], all[9_298].id); // the last moved into the freed slot
    assert.equal(cols.at(-1), all[0].id);
  } finally {
    wl.free();
  }
});

test('duplicate ids in one upsert: the last one wins', () => {
  const pb = m.preset('monthly-campaign');
  const wl = new m.Worklist(pb, NOW);
  try {
    const errs = wl.upsert([
      { id: 'x', addedAt: ADDED, events: [] },
      { id: 'x', addedAt: ADDED, events: [{ kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'out' }] },
    ]);
    assert.deepEqual(errs, []);
    assert.equal(wl.size, 1);
    assert.equal(wl.get('x').status, 'noSmsReply');
    assert.deepEqual(wl.query({}), ['x']);
  } finally {
    wl.free();
  }
});

test('bad contacts are reported while the rest load', () => {
  const pb = m.preset('call-ladder');
  const wl = new m.Worklist(pb, NOW);
  try {
    const errs = wl.upsert([
      { id: 'ok1', addedAt: ADDED },
      { id: 'bad', addedAt: 'yesterday' },
      { id: 'ok2', addedAt: ADDED, mystery: 1 },
      null,
      { id: 'ok3', addedAt: ADDED },
    ]);
    // A field the engine does not read (`mystery`) is a CRM's own: ignored.
    assert.equal(wl.size, 3);
    assert.deepEqual(errs.map((e) => e.id), ['bad', null]);
    assert.match(errs[0].error, /^contacts\[1\]\.addedAt: /);
    assert.equal(errs[0].path, 'contacts[1].addedAt');
    assert.deepEqual(new Set(wl.query({})), new Set(['ok1', 'ok2', 'ok3']));
    // The JSON text path reports the same way.
    const errs2 = wl.upsertJson(JSON.stringify([{ id: 'ok4', addedAt: ADDED }, { id: 'bad2' }]));
    assert.deepEqual(errs2.map((e) => e.id), ['bad2']);
    assert.equal(wl.size, 4);
    // A contact that is not valid JSON inside (a bad escape, a missing comma)
    // is its own error; the contacts around it are kept.
    const ok5 = JSON.stringify({ id: 'ok5', addedAt: ADDED });
    const ok6 = JSON.stringify({ id: 'ok6', addedAt: ADDED });
    const errs3 = wl.upsertJson(`[${ok5}, {"id":"esc","name":"Bad \\q","addedAt":"${ADDED}"}, {"id":"comma" "addedAt":"${ADDED}"}, ${ok6}]`);
    assert.deepEqual(errs3.map((e) => e.path), ['contacts[1]', 'contacts[2]']);
    assert.match(errs3[0].error, /^contacts\[1\]: not valid JSON: expected an escape/);
    assert.equal(wl.size, 6);
    // Brackets that never close leave no element to find: the call throws.
    assert.throws(() => wl.upsertJson(`[${ok5}, {"id":"x","events":[}, ${ok6}]`), /not valid JSON/);
    // Whole-call errors throw real Errors.
    assert.throws(() => wl.upsert('nope'), (e) => e instanceof Error && /contacts/.test(e.message));
    assert.throws(() => wl.query({ colour: ['red'] }), (e) => e instanceof Error && /colour/.test(e.message));
    assert.throws(() => wl.refresh('soon'), (e) => e instanceof Error && e.path === 'now');
  } finally {
    wl.free();
  }
});

test('contacts given as objects read as their JSON text, however many (slices joined)', () => {
  const pb = m.preset('monthly-campaign');
  // More than two slices of 1,000, the last one short; names in accents and
  // emoji at the joints; one contact with no JSON form past the first slice.
  const list = synthetic(2345, 11).map((c, i) => ({ ...c, name: i % 999 === 0 ? `Zoë 🚀 ${i}` : c.name }));
  const byObjects = fresh(pb, list, NOW);
  const byText = new m.Worklist(pb, NOW);
  try {
    assert.deepEqual(byText.upsertJson(JSON.stringify(list)), []);
    assert.equal(byObjects.size, 2345);
    assert.deepEqual(snapshot(byObjects), snapshot(byText));
    assert.equal(byObjects.get(list[1998].id).displayName.startsWith('Zoë 🚀 1998'), true);
    // A BigInt in contact 1,500 (its slice has no JSON form: each of its
    // contacts read on its own, the BigInt as its number): 1 where a time
    // goes looks like seconds, its own error; the rest read.
    const bad = list.map((c, i) => (i === 1500 ? { ...c, addedAt: 1n } : i === 1501 ? { ...c, rowVersion: 7n } : c));
    const wl = new m.Worklist(pb, NOW);
    const errs = wl.upsert(bad);
    assert.deepEqual(errs.map((e) => [e.id, e.path]), [[list[1500].id, 'contacts[1500].addedAt']]);
    assert.equal(wl.size, 2344);
    assert.deepEqual(wl.get(list[1501].id), byText.get(list[1501].id));
    wl.free();
    // None at all.
    const empty = new m.Worklist(pb, NOW);
    assert.deepEqual(empty.upsert([]), []);
    assert.equal(empty.size, 0);
    empty.free();
  } finally {
    byObjects.free();
    byText.free();
  }
});

test('a worklist without now lists nothing until the first refresh', () => {
  const pb = m.preset('monthly-campaign');
  const wl = new m.Worklist(pb);
  try {
    wl.upsert(synthetic(20, 5));
    assert.equal(wl.size, 20);
    assert.deepEqual(wl.query({}), []);
    assert.equal(wl.get('c1'), undefined);
    assert.equal(wl.refresh(NOW), 20);
    assert.equal(wl.query({}).length, 20);
  } finally {
    wl.free();
  }
});

test('query pages: {offset, limit} is the same slice of the whole work order', () => {
  const pb = m.preset('call-ladder');
  const wl = new m.Worklist(pb, NOW);
  try {
    wl.upsert(synthetic(300, 11));
    const all = wl.query({});
    assert.equal(all.length, 300);
    assert.deepEqual(wl.query({}, { offset: 40, limit: 25 }), all.slice(40, 65));
    assert.deepEqual(wl.query({}, { limit: 10 }), all.slice(0, 10));
    assert.deepEqual(wl.query({}, { offset: 290 }), all.slice(290));
    assert.deepEqual(wl.query({}, { offset: 1000, limit: 5 }), []);
    const due = wl.query({ due: true });
    assert.deepEqual(wl.query({ due: true }, { offset: 3, limit: 7 }), due.slice(3, 10));
    assert.throws(() => wl.query({}, { limit: -1 }), (e) => e instanceof Error && e.message.startsWith('page.limit'));
    assert.throws(() => wl.query({}, { offset: 1.5 }), (e) => e instanceof Error && e.message.startsWith('page.offset'));
  } finally {
    wl.free();
  }
});

test('facets list every status, channel and campaign phase, zeros included', () => {
  const pb = m.preset('monthly-campaign');
  const wl = new m.Worklist(pb, NOW);
  try {
    wl.upsert(synthetic(50, 3));
    const f = wl.facets({ status: ['sold'], text: 'no such contact' });
    assert.deepEqual(Object.keys(f.status).sort(), [...STATUSES].sort());
    assert.ok(Object.values(f.status).every((n) => n === 0));
    assert.deepEqual(Object.keys(f.allowed).sort(), ['call', 'email', 'sms']);
    assert.deepEqual(Object.keys(f.phase).sort(), ['closeTheLoop', 'followUp', 'initiate']);
    assert.equal(sum(wl.facets({}).status), 50);
  } finally {
    wl.free();
  }
});

// Filters and facets against evaluate(): every filter field is checked against
// a plain filter over evaluate()'s results, and every count against counts
// over them, so a fact the index keeps wrongly (a label, a phase, a channel
// bit, the due flag, the search text) shows, not only a disagreement between
// the index's own queries and its own facets.
const CHANNELS = ['sms', 'call', 'email'];

/** Does `ev` (the evaluation of contact `c`) pass `f`, read as the contract says. */
function passes(f, ev, c) {
  const text = f.text?.trim().toLowerCase();
  return (!f.status || f.status.includes(ev.status))
    && (!f.next || f.next.includes(ev.next?.label ?? 'none'))
    && (!f.phase || (ev.campaign !== null && f.phase.includes(ev.campaign.phase)))
    && (!f.allowed || f.allowed.some((ch) => ev.channels[ch].allowed))
    && (f.due === undefined || (ev.next?.due ?? false) === f.due)
    && (!text || [String(c.id), c.name ?? '', ev.displayName].some((s) => s.toLowerCase().includes(text)));
}

/** Facets as counts over the evaluations that pass. */
function countsOf(evs, pb) {
  const out = { status: {}, next: {}, phase: {}, allowed: {} };
  for (const s of STATUSES) out.status[s] = 0;
  for (const p of pb.campaign?.phases ?? []) out.phase[p.id] = 0;
  for (const ch of CHANNELS) out.allowed[ch] = 0;
  for (const ev of evs) {
    out.status[ev.status] += 1;
    const label = ev.next?.label ?? 'none';
    out.next[label] = (out.next[label] ?? 0) + 1;
    if (ev.campaign) out.phase[ev.campaign.phase] += 1;
    for (const ch of CHANNELS) if (ev.channels[ch].allowed) out.allowed[ch] += 1;
  }
  return out;
}

/** Seeded choices, so a failure is reproducible. */
function chooser(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  return {
    chance: (p) => next() < p,
    some: (list) => list.filter(() => next() < 0.4).concat(list.length ? [list[Math.floor(next() * list.length)]] : []),
  };
}

/** Single-field filters for every value seen (and some never seen), then random mixes. */
function filtersFor(evs, pb) {
  const labels = [...new Set(evs.map((e) => e.next?.label ?? 'none'))];
  const phases = (pb.campaign?.phases ?? []).map((p) => p.id);
  const texts = ['contact 1', "CAN'T TEXT", 'c2', '  c3  ', 'Contact 19', 'no such name', ''];
  const fs = [{}, { due: true }, { due: false }, { next: ['Nobody says this'] }, { phase: ['nope'] }];
  for (const s of STATUSES) fs.push({ status: [s] });
  for (const l of labels) fs.push({ next: [l] });
  for (const p of phases) fs.push({ phase: [p] });
  for (const ch of CHANNELS) fs.push({ allowed: [ch] });
  for (const t of texts) fs.push({ text: t });
  fs.push({ status: ['noSmsReply', 'smsInProgress'] }, { allowed: ['sms', 'email'] });
  const pick = chooser(labels.length * 7919 + phases.length);
  for (let i = 0; i < 40; i++) {
    const f = {};
    if (pick.chance(0.5)) f.status = [...new Set(pick.some(STATUSES))];
    if (pick.chance(0.4)) f.next = [...new Set(pick.some(labels))];
    if (phases.length && pick.chance(0.4)) f.phase = [...new Set(pick.some(phases))];
    if (pick.chance(0.4)) f.allowed = [...new Set(pick.some(CHANNELS))];
    if (pick.chance(0.4)) f.due = pick.chance(0.5);
    if (pick.chance(0.3)) f.text = pick.some(texts)[0];
    fs.push(f);
  }
  return fs;
}

for (const name of ['monthly-campaign', 'call-ladder', 'sequence']) {
  test(`${name}: every filter and facet agrees with evaluate() at several times`, () => {
    const pb = m.preset(name);
    const list = synthetic(300, 29);
    const wl = fresh(pb, list, NOW);
    try {
      for (const now of [NOW, '2026-11-01T04:00:00Z', '2026-11-21T13:00:00Z', '2026-12-02T02:30:00Z',
        Date.parse('2026-11-15T20:30:00Z')]) {
        wl.refresh(now);
        const evs = list.map((c) => m.evaluate(c, pb, now));
        const byId = new Map(list.map((c, i) => [c.id, [evs[i], c]]));
        const filters = filtersFor(evs, pb);
        let nonEmpty = 0;
        for (const f of filters) {
          const want = evs.filter((ev, i) => passes(f, ev, list[i]));
          const what = `${JSON.stringify(f)} at ${now}`;
          const got = wl.query(f);
          assert.deepEqual(got, workOrder(want), `query ${what}`);
          assert.ok(got.every((id) => byId.has(id) && passes(f, ...byId.get(id))), what);
          assert.deepEqual(wl.facets(f), countsOf(want, pb), `facets ${what}`);
          if (want.length > 0 && want.length < list.length) nonEmpty += 1;
        }
        // The filters split the contacts: most select some but not all of them.
        assert.ok(nonEmpty > filters.length / 2, `${nonEmpty} of ${filters.length} filters select a part at ${now}`);
      }
    } finally {
      wl.free();
    }
  });
}

test('columns: every slot\'s typed-array facts agree with get(id)', () => {
  for (const name of ['monthly-campaign', 'sequence']) {
    const pb = m.preset(name);
    const wl = new m.Worklist(pb);
    wl.upsert(synthetic(300, 11));
    let c = wl.columns();
    assert.equal(c.ids.length, 300);
    assert.ok(c.flags.every((f) => (f & 32) === 0), 'nothing is evaluated before the first now');
    wl.refresh(NOW);
    c = wl.columns();
    assert.ok(c.status instanceof Uint8Array && c.next instanceof Uint16Array && c.dueAt instanceof Float64Array);
    for (const k of ['status', 'next', 'phase', 'flags', 'priority', 'dueAt', 'validUntil']) assert.equal(c[k].length, 300, k);
    let due = 0;
    c.ids.forEach((id, i) => {
      const ev = wl.get(id);
      const at = `${name} ${id}`;
      assert.equal(c.statuses[c.status[i]], ev.status, at);
      assert.equal(c.nextLabels[c.next[i]], ev.next ? ev.next.label : 'none', at);
      assert.equal(c.priority[i], ev.priority, at);
      if (ev.next) assert.equal(c.dueAt[i], Date.parse(ev.next.dueAt), at);
      else assert.ok(Number.isNaN(c.dueAt[i]), at);
      if (ev.validUntil === null) assert.ok(Number.isNaN(c.validUntil[i]), at);
      else assert.equal(c.validUntil[i], Date.parse(ev.validUntil), at);
      ['sms', 'call', 'email'].forEach((ch, b) => assert.equal((c.flags[i] >> b) & 1, ev.channels[ch].allowed ? 1 : 0, `${at} ${ch}`));
      assert.equal((c.flags[i] >> 3) & 1, ev.next?.due ? 1 : 0, `${at} due`);
      assert.equal((c.flags[i] >> 4) & 1, ev.nextAuto?.due ? 1 : 0, `${at} autoDue`);
      assert.equal((c.flags[i] >> 5) & 1, 1, `${at} evaluated`);
      if (c.phase[i] === 65535) assert.ok(!ev.campaign?.phase, at);
      else assert.equal(c.phases[c.phase[i]], ev.campaign.phase, at);
      due += (c.flags[i] >> 3) & 1;
    });
    assert.equal(due, wl.query({ due: true }).length, `${name}: the due flag counts what the due filter finds`);
    wl.free();
  }
});

test('facets: a step labelled __proto__ keeps its count as an own key, and no prototype changes', () => {
  const pb = {
    name: 'proto steps',
    timeZone: 'America/New_York',
    steps: [
      { id: 'p', label: '__proto__', channel: 'call', mode: 'action', day: 0 },
      { id: 'c', label: 'constructor', channel: 'call', mode: 'action', after: { days: 1 } },
    ],
  };
  const wl = new m.Worklist(pb, NOW);
  wl.upsert([1, 2, 3].map((i) => ({ id: `c${i}`, timeZone: 'America/New_York', addedAt: ADDED, events: [] })));
  const f = wl.facets({});
  assert.ok(Object.prototype.hasOwnProperty.call(f.next, '__proto__'), JSON.stringify(Object.keys(f.next)));
  assert.equal(f.next['__proto__'], 3);
  assert.equal(Object.getPrototypeOf(f.next), Object.prototype);
  assert.equal(sum(f.status), 3);
  assert.deepEqual(wl.query({ next: ['__proto__'] }).length, 3);
  wl.free();
});

test('a refresh gives contacts whose window alone turned their place\'s answer, without re-evaluating them', () => {
  const pb = { name: 'quiet', region: 'US-OK' };
  const calls = [10, 11, 12].map((h) => ({ kind: 'activity', at: `2026-11-12T${h}:00:00Z`, interaction: 'call', outcome: 'noAnswer' }));
  const list = [
    { id: 'open', timeZone: 'America/New_York', addedAt: ADDED, events: [] },
    { id: 'dnd', timeZone: 'America/New_York', addedAt: ADDED, events: [{ kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'in', text: 'STOP' }] },
    // Three calls in 24 hours: Oklahoma's cap binds, so its answer is its own.
    { id: 'capped', timeZone: 'America/New_York', addedAt: ADDED, events: calls },
    { id: 'west', timeZone: 'America/Los_Angeles', addedAt: ADDED, events: [] },
  ];
  const wl = fresh(pb, list, NOW);
  try {
    // 22:00 in New York, 19:00 in Los Angeles; then 10:00 in New York.
    for (const t of ['2026-11-13T03:00:00Z', '2026-11-13T15:00:00Z']) {
      assert.equal(wl.refresh(t), 1, t);
      const evs = new Map(list.map((c) => [c.id, m.evaluate(c, pb, t)]));
      // What the worklist keeps (its filters and columns), not `get`, which evaluates afresh.
      for (const ch of ['sms', 'call', 'email']) {
        const want = list.filter((c) => evs.get(c.id).channels[ch].allowed).map((c) => c.id).sort();
        assert.deepEqual([...wl.query({ allowed: [ch] })].sort(), want, `${ch} at ${t}`);
      }
      const cols = wl.columns();
      cols.ids.forEach((id, i) => {
        const v = evs.get(id).validUntil;
        assert.equal(cols.validUntil[i], v === null ? NaN : Date.parse(v), `${id} validUntil at ${t}`);
      });
    }
    assert.deepEqual([...wl.query({ allowed: ['sms'] })].sort(), ['capped', 'open']);
  } finally {
    wl.free();
  }
});

test('autoDue leaves out a send owed in quiet hours until the window opens', () => {
  const pb = m.preset('call-ladder');
  const c = {
    id: 'night', timeZone: 'America/New_York', addedAt: '2026-03-02T20:45:00-05:00',
    events: [{ kind: 'activity', at: '2026-03-02T20:50:00-05:00', interaction: 'call', outcome: 'noAnswer', step: 'call-asap' }],
  };
  const wl = fresh(pb, [c], '2026-03-03T02:00:00-05:00');
  assert.deepEqual(wl.query({ autoDue: true }), []);
  assert.equal(wl.get('night').nextAuto.due, false);
  wl.refresh('2026-03-03T08:00:00-05:00');
  assert.deepEqual(wl.query({ autoDue: true }), ['night']);
  assert.equal(wl.get('night').nextAuto.stepId, 'text-intro');
  wl.free();
});

test('an id with invisible characters at its edges (a pasted "\\u200b1042") is held as the reader reads it, and get, remove and a bad record find it as given', () => {
  const pb = m.preset('monthly-campaign');
  const rec = (id, addedAt = '2026-11-01T10:00:00Z') => ({ id, name: 'Ann', timeZone: 'America/New_York', addedAt, events: [] });
  for (const zw of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
    const wl = new m.Worklist(pb, NOW);
    wl.upsert([rec(`${zw}1042`)]);
    assert.deepEqual(wl.query({}), ['1042']);
    assert.equal(wl.get(`${zw}1042`)?.id, '1042');
    assert.equal(wl.get(`1042${zw}`)?.id, '1042');
    assert.deepEqual(wl.get(`${zw}1042`), m.evaluate(rec(`${zw}1042`), pb, NOW));
    assert.equal(wl.remove([`1042${zw}`]), 1);
    assert.equal(wl.size, 0);
    // A held contact whose new record is bad is taken out, whichever edge its id's mark is on.
    wl.upsert([rec('c1')]);
    const errors = wl.upsert([rec(`${zw}c1`, 'not a time')]);
    assert.equal(errors.length, 1);
    assert.equal(wl.size, 0);
  }
  // Inside an id, such a character is part of it.
  const wl = new m.Worklist(pb, NOW);
  wl.upsert([rec('10\u200b42')]);
  assert.equal(wl.get('1042'), undefined);
  assert.equal(wl.get('10\u200b42')?.id, '10\u200b42');
});

test('get and remove by a number from 2^53 on find no contact, never the one its lost digits read as', () => {
  const pb = m.preset('call-ladder');
  const wl = fresh(pb, [
    { id: '9007199254740992', addedAt: ADDED },
    { id: 9007199254740991, addedAt: ADDED },
  ], NOW);
  try {
    assert.equal(wl.get(2 ** 53 + 1), undefined);
    assert.equal(wl.get(2 ** 53), undefined);
    assert.ok(wl.get(9007199254740991));
    wl.remove([2 ** 53 + 1, -(2 ** 53)]);
    assert.equal(wl.size, 2);
    wl.remove([9007199254740991]);
    assert.deepEqual(wl.query({}), ['9007199254740992']);
  } finally {
    wl.free();
  }
});
