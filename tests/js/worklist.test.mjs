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

/** Work order as the contract says: due first, then priority, then due time, then id. */
function workOrder(evs) {
  const key = (e) => [e.next?.due ? 0 : 1, -e.priority, e.next ? Date.parse(e.next.dueAt) : Infinity];
  return [...evs].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
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
      for (const s of STATUSES) assert.equal(wl.query({ status: [s] }).length, f.status[s] ?? 0, s);
      for (const [label, n] of Object.entries(f.next)) assert.equal(wl.query({ next: [label] }).length, n, label);
      for (const [phase, n] of Object.entries(f.phase)) assert.equal(wl.query({ phase: [phase] }).length, n, phase);
      for (const c of ['sms', 'call', 'email']) assert.equal(wl.query({ allowed: [c] }).length, f.allowed[c] ?? 0, c);
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
    { id: 'a1', name: 'Ana Lima', addedAt: 1794000000000, events: [{ kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'in', text: 'STOP' }] },
    { id: 'b2', name: 'Bo', addedAt: 1794000000000 },
    { id: 7, name: 'Cy', addedAt: 1794000000000 },
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

test('duplicate ids in one upsert: the last one wins', () => {
  const pb = m.preset('monthly-campaign');
  const wl = new m.Worklist(pb, NOW);
  try {
    const errs = wl.upsert([
      { id: 'x', addedAt: 1794000000000, events: [] },
      { id: 'x', addedAt: 1794000000000, events: [{ kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'out' }] },
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
      { id: 'ok1', addedAt: 1794000000000 },
      { id: 'bad', addedAt: 'yesterday' },
      { id: 'ok2', addedAt: 1794000000000, mystery: 1 },
      null,
      { id: 'ok3', addedAt: 1794000000000 },
    ]);
    // A field the engine does not read (`mystery`) is a CRM's own: ignored.
    assert.equal(wl.size, 3);
    assert.deepEqual(errs.map((e) => e.id), ['bad', null]);
    assert.match(errs[0].error, /^contacts\[1\]\.addedAt: /);
    assert.equal(errs[0].path, 'contacts[1].addedAt');
    assert.deepEqual(new Set(wl.query({})), new Set(['ok1', 'ok2', 'ok3']));
    // The JSON text path reports the same way.
    const errs2 = wl.upsertJson(JSON.stringify([{ id: 'ok4', addedAt: 1794000000000 }, { id: 'bad2' }]));
    assert.deepEqual(errs2.map((e) => e.id), ['bad2']);
    assert.equal(wl.size, 4);
    // Whole-call errors throw real Errors.
    assert.throws(() => wl.upsert('nope'), (e) => e instanceof Error && /contacts/.test(e.message));
    assert.throws(() => wl.query({ colour: ['red'] }), (e) => e instanceof Error && /colour/.test(e.message));
    assert.throws(() => wl.refresh('soon'), (e) => e instanceof Error && e.path === 'now');
  } finally {
    wl.free();
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
