// Hostile input from JavaScript against the built package: every bad value
// throws a real Error naming the field path, nothing panics, and the module
// keeps working afterwards. Ends with leak checks on the wasm linear memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withMemory } from './instance.mjs';

const { m, memory } = withMemory('../../pkg');

const ladder = m.preset('call-ladder');
const campaign = m.preset('monthly-campaign');
const NOW = '2026-11-12T15:00:00Z';
const good = () => ({
  id: 'c1',
  name: 'Ana',
  timeZone: 'America/New_York',
  addedAt: '2026-11-01T12:00:00Z',
  events: [
    { kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'out' },
    { kind: 'activity', at: '2026-11-03T14:00:00Z', interaction: 'call', outcome: 'noAnswer' },
  ],
});

/** The module still answers correctly. */
function stillWorks() {
  assert.equal(m.classifyReply('STOP').intent, 'optOut');
  const ev = m.evaluate(good(), campaign, NOW);
  assert.equal(ev.status, 'noAnswer');
  assert.equal(ev.id, 'c1');
}

/** `fn` throws a real Error whose message contains every one of `parts`. */
function throwsAt(fn, parts, what) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught !== undefined, `${what}: did not throw`);
  assert.ok(caught instanceof Error, `${what}: threw a non-Error: ${String(caught)}`);
  assert.doesNotMatch(caught.message, /unreachable|panicked|RuntimeError/, what);
  for (const p of [].concat(parts)) {
    assert.ok(caught.message.includes(p), `${what}: message ${JSON.stringify(caught.message)} lacks ${JSON.stringify(p)}`);
  }
  stillWorks();
  return caught;
}

const notObjects = [null, undefined, 0, 42, -1.5, NaN, '', 'contact', [], [1, 2], true, false];

test('wrong types where a contact belongs', () => {
  for (const v of notObjects) {
    throwsAt(() => m.evaluate(v, ladder, NOW), 'contact', `evaluate(${JSON.stringify(v)})`);
    throwsAt(() => m.plan(v, ladder, NOW, '2027-01-01T00:00:00Z'), 'contact', `plan(${JSON.stringify(v)})`);
    throwsAt(() => m.checkChannel(v, 'sms', NOW, ladder), 'contact', `checkChannel(${JSON.stringify(v)})`);
  }
});

test('wrong types where a playbook belongs', () => {
  for (const v of notObjects) {
    throwsAt(() => m.evaluate(good(), v, NOW), 'playbook', `playbook ${JSON.stringify(v)}`);
    throwsAt(() => new m.Worklist(v), 'playbook', `new Worklist(${JSON.stringify(v)})`);
    if (!Array.isArray(v)) {
      throwsAt(() => m.validatePlaybook(v), 'playbook', `validatePlaybook(${JSON.stringify(v)})`);
    }
  }
  throwsAt(() => m.evaluate(good(), { name: 'x', steps: {} }, NOW), 'playbook.steps', 'steps object');
  throwsAt(() => m.evaluate(good(), { name: 'x', steps: [null] }, NOW), 'playbook.steps[0]', 'steps[0] null');
  throwsAt(() => m.evaluate(good(), { name: 'x', window: [{ from: 8, to: '21:00' }] }, NOW), 'playbook.window[0].from', 'window from number');
  throwsAt(() => m.evaluate(good(), { name: 'x', holidays: ['2026-02-30'] }, NOW), 'playbook.holidays[0]', 'Feb 30');
});

// A playbook must be an object: serde's derived readers would also take an
// array of the fields in order, which no caller means.
test('an array where a playbook belongs is reported as such', () => {
  throwsAt(() => m.validatePlaybook([1, 2]), 'playbook', 'validatePlaybook([1, 2])');
  throwsAt(() => m.validatePlaybook(['name']), 'playbook', 'validatePlaybook(["name"])');
});

test('wrong types inside a contact name the field path', () => {
  const cases = [
    [{ ...good(), id: null }, 'id'],
    [{ ...good(), id: '' }, 'id'],
    [{ ...good(), id: {} }, 'id'],
    [{ ...good(), name: ['Ana'] }, 'name'],
    [{ ...good(), timeZone: 5 }, 'timeZone'],
    [{ ...good(), timeZone: 'Mars/Base' }, 'timeZone'],
    [{ ...good(), region: 'EU' }, 'region'],
    [{ ...good(), priority: 'high' }, 'priority'],
    [{ ...good(), priority: 1e300 }, 'priority'],
    [{ ...good(), events: {} }, 'events'],
    [{ ...good(), events: 'none' }, 'events'],
    [{ ...good(), events: [42] }, 'events[0]'],
    [{ ...good(), events: [7] }, 'events[0]'],
    [{ ...good(), events: [[]] }, 'events[0]'],
    [{ ...good(), events: [good().events[0], { kind: 'message', at: [], channel: 'sms', direction: 'out' }] }, 'events[1].at'],
    [{ ...good(), events: [{ kind: 'teleport', at: NOW }] }, 'events[0].kind'],
    [{ ...good(), events: [{ kind: 'dnd', at: NOW, channel: 'fax', active: true }] }, 'events[0].channel'],
    [{ ...good(), events: [{ kind: 'dnd', at: NOW, channel: 'sms', active: 'maybe' }] }, 'events[0].active'],
    [{ ...good(), events: [{ kind: 'activity', at: NOW, interaction: 'sms', outcome: 'noAnswer' }] }, 'events[0].outcome'],
    [{ ...good(), events: [{ kind: 'horizon', at: NOW, buyAt: '2020-01-01T00:00:00Z' }] }, 'events[0].buyAt'],
  ];
  for (const [c, path] of cases) {
    const e = throwsAt(() => m.evaluate(c, ladder, NOW), path, JSON.stringify(c).slice(0, 120));
    assert.equal(typeof e.code, 'string');
    assert.ok(e.code.startsWith('E_'), e.code);
  }
});

test('missing and extra fields', () => {
  const { id, ...noId } = good();
  const { addedAt, ...noAdded } = good();
  throwsAt(() => m.evaluate(noId, ladder, NOW), 'id', 'no id');
  throwsAt(() => m.evaluate(noAdded, ladder, NOW), 'addedAt', 'no addedAt');
  throwsAt(() => m.evaluate({ ...good(), events: [{ at: NOW }] }, ladder, NOW), 'events[0].kind', 'no kind');
  throwsAt(() => m.evaluate({ ...good(), events: [{ kind: 'message', channel: 'sms', direction: 'out' }] }, ladder, NOW), 'events[0].at', 'no at');
  throwsAt(() => m.evaluate({ ...good(), events: [{ kind: 'message', at: NOW, direction: 'out' }] }, ladder, NOW), 'events[0].channel', 'no channel');
  throwsAt(() => m.evaluate({ ...good(), events: [{ kind: 'callback', at: NOW }] }, ladder, NOW), 'events[0].dueAt', 'no dueAt');
  // Contacts are CRM records: fields the engine does not read are ignored, and
  // "" or null in an optional field is "not given" (playbooks stay strict).
  const lenient = [
    { ...good(), colour: 'blue', phone: '+1 555 0100', owner: { name: 'Bo' } },
    { ...good(), events: [{ ...good().events[0], colour: 1, crmId: 'x9' }] },
    { ...good(), events: [{ ...good().events[0], outcome: 'sold' }] },
    { ...good(), events: null, name: '', region: '', priority: '' },
  ];
  for (const c of lenient) assert.equal(m.evaluate(c, campaign, NOW).id, 'c1', JSON.stringify(c));
  const all = throwsAt(
    () => m.evaluate({ ...good(), addedAt: 'soon', events: [{ kind: 'message', at: NOW, channel: 'fax', direction: 'out' }] }, ladder, NOW),
    ['addedAt', 'events[0].channel'],
    'every bad field of a record is reported',
  );
  assert.deepEqual(all.errors.map((e) => e.path), ['addedAt', 'events[0].channel']);
  throwsAt(() => m.evaluate(good(), { ...ladder, colour: 1 }, NOW), ['playbook', 'colour'], 'extra playbook field');
  throwsAt(() => m.evaluate(good(), {}, NOW), ['playbook', 'name'], 'playbook without name');
  // Queue items are rows of a call list: their other fields are ignored; the
  // options are written by people and stay strict.
  assert.deepEqual(m.planQueue([{ id: 'a', dueAt: NOW, phone: '+1 555 0100' }], { capacityPerDay: 1 }).map((p) => p.id), ['a']);
  // In a batch, what JSON.stringify writes as null in an array is named as
  // the host held it, each with its own error; the rest still evaluate.
  {
    const ok = { id: 'ok', addedAt: NOW, events: [] };
    const r = m.evaluateMany([ok, undefined, Symbol('s'), () => 1, NaN, Infinity, null], ladder, NOW);
    assert.equal(r[0].error, undefined);
    assert.deepEqual(r.slice(1).map((x) => x.error.replace(/^contacts\[\d\]: expected a contact object, got /, '')),
      ['undefined', 'a symbol', 'a function', 'NaN', 'Infinity', 'null']);
    throwsAt(() => m.evaluate({ id: 1, addedAt: NOW, events: [undefined] }, ladder, NOW), 'events[0]: expected an event object, got undefined', 'an undefined event');
  }
  // A value nested past the JSON reader's depth where it is read (a
  // playbook, options) says so, not "recursion limit exceeded".
  let deepPb = {};
  for (let i = 0; i < 200; i++) deepPb = { deepPb };
  throwsAt(() => m.validatePlaybook({ name: 'x', steps: [{ id: 'a', channel: 'sms', mode: 'auto', x: deepPb }] }), ['playbook', 'nested at most 128 levels deep'], 'deep playbook');
  throwsAt(() => m.planQueue([], { capacityPerDay: 1, x: deepPb }), ['options', 'nested at most 128 levels deep'], 'deep options');
  // Arguments that are not what was asked say what they are, as JS writes
  // them: not "" for a preset name, not "inf" for a fraction, and no
  // contact's zone for a time that is no one contact's.
  throwsAt(() => m.preset(42), 'got the number 42', 'preset of a number');
  throwsAt(() => m.preset(undefined), 'got undefined (the argument is missing)', 'preset of nothing');
  throwsAt(() => m.preset(['sequence']), 'got an array', 'preset of an array');
  throwsAt(() => m.followUpDate(NOW, '2027-05-01T00:00:00Z', Infinity), ['fraction', 'got Infinity'], 'infinite fraction');
  throwsAt(() => m.followUpDate(NOW, '2027-05-01T00:00:00Z', true), ['fraction', 'got true'], 'boolean fraction');
  throwsAt(() => m.followUpDate(NaN, NOW), ['engagedAt', 'with an offset or epoch milliseconds, got NaN'], 'NaN engagedAt');
  // A CRM's custom field nested past the JSON reader's depth is ignored too,
  // as on a contact: in arrays or objects, 200 levels down.
  let deep = [];
  for (let i = 0; i < 200; i++) deep = [deep];
  let nested = {};
  for (let i = 0; i < 200; i++) nested = { nested };
  assert.deepEqual(
    m.planQueue([{ id: 'a', dueAt: NOW }, { id: 'b', dueAt: NOW, deep }, { id: 'c', dueAt: NOW, nested }], { capacityPerDay: 5 }).map((p) => p.id),
    ['a', 'b', 'c'],
  );
  throwsAt(() => m.planQueue([{ id: 'a', dueAt: NOW }], { capacityPerDay: 1, colour: 1 }), ['options', 'colour'], 'extra queue option');
  throwsAt(() => m.planQueue([{ id: 'a', dueAt: 1794322800 }], { capacityPerDay: 1 }), ['items[0].dueAt', 'looks like seconds'], 'queue dueAt in seconds');
  throwsAt(() => m.planQueue([{ id: 'a' }], { capacityPerDay: 1 }), 'items[0].dueAt', 'queue item without dueAt');
  throwsAt(() => m.planQueue([], {}), 'capacityPerDay', 'no capacity');
  throwsAt(() => m.planQueue(null, { capacityPerDay: 1 }), 'items', 'items null');
  throwsAt(() => m.planQueue([], null), 'options', 'options null');
  throwsAt(() => m.planQueue([], { capacityPerDay: 0 }), 'options.capacityPerDay', 'zero capacity');
  throwsAt(() => m.planQueue([], { capacityPerDay: NaN }), 'options.capacityPerDay', 'NaN capacity');
  throwsAt(() => m.planQueue([{ id: 'a', dueAt: NOW, priority: 'x' }], { capacityPerDay: 1 }), 'items[0].priority', 'priority text');
});

test('__proto__ and constructor keys are plain unknown fields, and pollute nothing', () => {
  // In a contact (a CRM record) they are unknown fields and ignored; in a
  // playbook or a filter, errors.
  const proto = JSON.parse('{"id":"c1","addedAt":1794000000000,"events":[],"__proto__":{"polluted":true}}');
  assert.equal(m.evaluate(proto, ladder, NOW).id, 'c1');
  const ctor = { ...good(), constructor: { prototype: { polluted: true } } };
  assert.equal(m.evaluate(ctor, ladder, NOW).id, 'c1');
  const ev = JSON.parse('{"kind":"message","at":1794000000000,"channel":"sms","direction":"out","__proto__":{"x":1}}');
  assert.equal(m.evaluate({ ...good(), events: [ev] }, ladder, NOW).status, 'noSmsReply');
  const pb = JSON.parse('{"name":"p","__proto__":{"region":"CA"}}');
  throwsAt(() => m.evaluate(good(), pb, NOW), ['playbook', '__proto__'], 'playbook __proto__');
  throwsAt(() => m.validatePlaybook({ name: 'p', constructor: 1 }), 'constructor', 'playbook constructor');
  const filterProto = JSON.parse('{"__proto__":{"status":["sold"]}}');
  const w = new m.Worklist(ladder, NOW);
  try {
    throwsAt(() => w.query(filterProto), ['filter', '__proto__'], 'filter __proto__');
  } finally {
    w.free();
  }
  // An object without a prototype reads like any other.
  const bare = Object.assign(Object.create(null), good());
  assert.equal(m.evaluate(bare, campaign, NOW).status, 'noAnswer');
  // Inherited properties are not read (JSON.stringify sees own properties only).
  const inherited = Object.create({ colour: 'blue' });
  Object.assign(inherited, good());
  assert.equal(m.evaluate(inherited, campaign, NOW).id, 'c1');
  assert.equal({}.polluted, undefined);
  assert.equal(Object.prototype.polluted, undefined);
  assert.equal({}.x, undefined);
});

test('times at year 0, 9999 and beyond, NaN, Infinity and out-of-range epoch ms', () => {
  const bad = [
    '0000-01-01T00:00:00Z', '0000-12-31T23:59:59Z', '10000-01-01T00:00:00Z', '+010000-01-01T00:00:00Z',
    '-000001-01-01T00:00:00Z', '2026-11-12T15:00:00', '2026-02-30T00:00:00Z', '2026-11-12T25:00:00Z', '', ' ',
    'yesterday', 'NaN', NaN, Infinity, -Infinity, 8.64e15, -8.64e15, 253402300800000, -62135596800001,
    1e308, -1e308, Number.MAX_VALUE, null, undefined, {}, [], true, new Date(NaN),
  ];
  for (const t of bad) {
    const what = `time ${typeof t === 'number' ? t : JSON.stringify(t)}`;
    // A contact's own times (now, until, at) may be local, read in its zone
    // (below); followUpDate's belong to no contact.
    if (t !== '2026-11-12T15:00:00') {
      throwsAt(() => m.evaluate(good(), ladder, t), 'now', `now = ${what}`);
      throwsAt(() => m.plan(good(), ladder, NOW, t), 'until', `until = ${what}`);
      throwsAt(() => m.checkChannel(good(), 'call', t, ladder), 'at', `at = ${what}`);
    }
    throwsAt(() => m.followUpDate(t, NOW), 'engagedAt', `engagedAt = ${what}`);
    // A local date-time is read in the contact's zone (good() has one).
    if (t !== undefined && t !== null && !(t instanceof Date) && t !== '2026-11-12T15:00:00') {
      // (A Date inside a contact is written as its ISO text by JSON.stringify.)
      // A missing addedAt is reported as missing; a JSON null as a bad time.
      throwsAt(() => m.evaluate({ ...good(), addedAt: t }, ladder, NOW), 'addedAt', `addedAt = ${what}`);
      throwsAt(() => m.evaluate({ ...good(), events: [{ kind: 'callback', at: NOW, dueAt: t }] }, ladder, NOW), 'events[0].dueAt', `dueAt = ${what}`);
      throwsAt(() => m.planQueue([{ id: 1, dueAt: t }], { capacityPerDay: 1 }), 'items[0].dueAt', `queue dueAt = ${what}`);
    }
  }
  // A local date-time as a contact's now, until or at: read in its zone.
  const local = '2026-11-12T10:00:00';
  const inZone = '2026-11-12T10:00:00-05:00';
  assert.deepEqual(m.evaluate(good(), ladder, local), m.evaluate(good(), ladder, inZone));
  const later = m.plan(good(), ladder, NOW, '2026-11-20T10:00:00');
  assert.ok(later.length > 0 && later.at(-1).dueAt <= '2026-11-20T10:00:00-05:00');
  assert.deepEqual(later, m.plan(good(), ladder, NOW, '2026-11-20T10:00:00-05:00'));
  assert.deepEqual(m.checkChannel(good(), 'call', local, ladder), m.checkChannel(good(), 'call', inZone, ladder));
  // A valid Date is a time like any other: its epoch milliseconds.
  assert.deepEqual(m.evaluate(good(), ladder, new Date(NOW)), m.evaluate(good(), ladder, NOW));
  // The ends of the range are accepted, in every playbook.
  const first = '0001-01-01T00:00:00Z';
  const last = '9999-12-31T23:59:59.999Z';
  for (const pb of [ladder, campaign, m.preset('sequence')]) {
    for (const [added, now] of [[first, first], [first, last], [last, last], [first, 253402300799999]]) {
      const c = { ...good(), addedAt: added, events: [
        { kind: 'message', at: added, channel: 'sms', direction: 'in', text: 'STOP' },
        { kind: 'callback', at: added, dueAt: last },
      ] };
      const ev = m.evaluate(c, pb, now);
      assert.equal(ev.id, 'c1');
      assert.ok(Array.isArray(m.plan(c, pb, now, last)));
      assert.equal(typeof m.checkChannel(c, 'email', now, pb).allowed, 'boolean');
    }
  }
  assert.equal(typeof m.followUpDate(first, last), 'string');
  assert.equal(typeof m.followUpDate(first, last, 1), 'string');
  throwsAt(() => m.followUpDate(first, last, NaN), 'fraction', 'fraction NaN');
  throwsAt(() => m.followUpDate(first, last, Infinity), 'fraction', 'fraction Infinity');
  throwsAt(() => m.followUpDate(last, first), 'horizonAt', 'horizon before engagement');
  // Fractions of a millisecond are times like others; epoch numbers below
  // 100000000000 (March 1973: seconds, most likely) are refused with a reason.
  assert.equal(m.evaluate({ ...good(), addedAt: 1794000000000.5 }, ladder, 1794000000000.25).id, 'c1');
  for (const t of [-1.5, 0.25, 1794322800, -62135596800000]) {
    throwsAt(() => m.evaluate(good(), ladder, t), ['now', 'epoch numbers are milliseconds'], `now = ${t}`);
    throwsAt(() => m.evaluate({ ...good(), addedAt: t }, ladder, NOW), ['addedAt', 'epoch numbers are milliseconds'], `addedAt = ${t}`);
  }
  throwsAt(() => m.evaluate({ ...good(), addedAt: 1794322800 }, ladder, NOW), 'looks like seconds (as seconds it is 2026-11-10', 'seconds');
});

test('NaN and Infinity in a field the engine reads are errors, though JSON.stringify writes them as null', () => {
  // A CRM's Number('') is NaN; JSON has no NaN, and null is "not given".
  for (const x of [NaN, Infinity, -Infinity]) {
    const got = String(x);
    let e = throwsAt(() => m.evaluate({ ...good(), priority: x }, campaign, NOW), ['priority', got], `priority ${got}`);
    assert.equal(e.path, 'priority');
    assert.equal(e.code, 'E_INVALID_INPUT');
    throwsAt(() => m.evaluate({ ...good(), name: x }, campaign, NOW), ['name', got], `name ${got}`);
    throwsAt(() => m.evaluate({ ...good(), events: x }, campaign, NOW), ['events', 'expected an array of events', got], `events ${got}`);
    // An event's time: an error at its path saying what it got, not "required".
    const events = [...good().events, { kind: 'message', at: x, channel: 'sms', direction: 'out' }];
    e = throwsAt(() => m.evaluate({ ...good(), events }, campaign, NOW), ['events[2].at', `got ${got}`], `at ${got}`);
    assert.equal(e.code, 'E_INVALID_TIME');
    assert.ok(!e.message.includes('required'), e.message);
    const timed = [
      { kind: 'callback', at: NOW, dueAt: x },
      { kind: 'horizon', at: NOW, buyAt: x },
    ];
    for (const [k, field] of [[0, 'dueAt'], [1, 'buyAt']]) {
      const one = [...good().events, timed[k]];
      e = throwsAt(() => m.evaluate({ ...good(), events: one }, campaign, NOW), [`events[2].${field}`, `got ${got}`], `${field} ${got}`);
      assert.ok(!e.message.includes('required'), e.message);
      const many = m.evaluateMany([good(), { ...good(), id: 'c2', events: one }], campaign, NOW);
      assert.equal(many[1].path, `contacts[1].events[2].${field}`);
      assert.match(many[1].error, new RegExp(`got ${got}`));
    }
    // A DND's `active`: what it got, not "required".
    const dnd = [...good().events, { kind: 'dnd', at: NOW, channel: 'sms', active: x }];
    e = throwsAt(() => m.evaluate({ ...good(), events: dnd }, campaign, NOW), ['events[2].active', `got the number ${got}`], `active ${got}`);
    assert.ok(!e.message.includes('required'), e.message);
    // Every other field an event's kind reads: what it got, not the field
    // read as not given (a callback's `scheduled: NaN` was no Scheduled Call).
    for (const [event, field, want] of [
      [{ kind: 'callback', at: NOW, dueAt: NOW, scheduled: x }, 'scheduled', `got the number ${got}`],
      [{ kind: 'message', at: NOW, channel: 'sms', direction: 'in', text: x }, 'text', `got the number ${got}`],
      [{ kind: 'stepDone', at: NOW, step: x }, 'step', got],
      [{ kind: 'activity', at: NOW, interaction: 'call', outcome: 'noSale', reason: x }, 'reason', got],
      [{ kind: 'dnd', at: NOW, channel: x, active: true }, 'channel', got],
      [{ kind: 'message', at: NOW, channel: 'sms', direction: x }, 'direction', got],
      [{ kind: x, at: NOW }, 'kind', got],
    ]) {
      const one = [...good().events, event];
      e = throwsAt(() => m.evaluate({ ...good(), events: one }, campaign, NOW), [`events[2].${field}`, want], `${field} ${got}`);
      assert.ok(!e.message.includes('required'), e.message);
    }
    // Under another spelling the reader reads, the same: not "required",
    // nor the field read as not given.
    for (const [event, field] of [
      [{ kind: 'message', At: x, channel: 'sms', direction: 'out' }, 'at'],
      [{ kind: 'callback', at: NOW, DueAt: x }, 'dueAt'],
      [{ kind: 'callback', at: NOW, dueAt: NOW, Scheduled: x }, 'scheduled'],
      [{ kind: 'message', at: NOW, channel: 'sms', direction: 'in', Text: x }, 'text'],
      [{ kind: 'dnd', at: NOW, channel: 'sms', Active: x }, 'active'],
      [{ kind: 'activity', at: NOW, interaction: 'call', Outcome: x }, 'outcome'],
    ]) {
      const one = [...good().events, event];
      e = throwsAt(() => m.evaluate({ ...good(), events: one }, campaign, NOW), [`events[2].${field}`, got], `${Object.keys(event)[1]} ${got}`);
      assert.ok(!e.message.includes('required'), e.message);
    }
    for (const [contact, field] of [
      [{ ...good(), id: undefined, _id: x }, 'id'],
      [{ ...good(), timeZone: undefined, time_zone: x }, 'timeZone'],
      [{ ...good(), addedAt: undefined, added_at: x }, 'addedAt'],
    ]) {
      e = throwsAt(() => m.evaluate(contact, campaign, NOW), [field, got], `${field} under another spelling ${got}`);
      assert.ok(!e.message.includes('required'), e.message);
    }
    e = throwsAt(() => m.evaluate({ ...good(), addedAt: x }, campaign, NOW), ['addedAt', got], `addedAt ${got}`);
    assert.equal(e.code, 'E_INVALID_TIME');
    throwsAt(() => m.evaluate({ ...good(), id: x }, campaign, NOW), ['id', got], `id ${got}`);
    throwsAt(() => m.plan({ ...good(), priority: x }, campaign, NOW, '2026-12-12T15:00:00Z'), 'priority', `plan, priority ${got}`);
    throwsAt(() => m.checkChannel({ ...good(), priority: x }, 'call', NOW, campaign), 'priority', `checkChannel, priority ${got}`);
    throwsAt(() => m.planQueue([{ id: 1, dueAt: NOW }, { id: 2, dueAt: NOW, priority: x }], { capacityPerDay: 1 }), ['items[1].priority', got], `queue priority ${got}`);

    // In a batch, that contact's own error; the others are read.
    const list = [good(), { ...good(), id: 'c2', priority: x }, { ...good(), id: 'c3' }];
    const out = m.evaluateMany(list, campaign, NOW);
    assert.equal(out[0].id, 'c1');
    assert.equal(out[1].id, 'c2');
    assert.equal(out[1].path, 'contacts[1].priority');
    assert.match(out[1].error, new RegExp(got));
    assert.equal(out[2].id, 'c3');
    assert.ok(out[2].status);
    const wl = new m.Worklist(campaign, NOW);
    const errors = wl.upsert(list);
    assert.deepEqual(errors.map((b) => [b.id, b.path]), [['c2', 'contacts[1].priority']]);
    assert.deepEqual(wl.query({}).sort(), ['c1', 'c3']);
    wl.free();

    // A field the engine does not read is ignored, whatever its value.
    assert.equal(m.evaluate({ ...good(), score: x, events: [{ ...good().events[0], crmScore: x }] }, campaign, NOW).id, 'c1');
  }
  // An invalid Date (JSON.stringify writes it as null too) is a bad time, not a missing one.
  const bad = throwsAt(() => m.evaluate({ ...good(), addedAt: new Date('not a date') }, campaign, NOW), ['addedAt', 'NaN'], 'addedAt: an invalid Date');
  assert.equal(bad.code, 'E_INVALID_TIME');
  assert.ok(!bad.message.includes('required'), bad.message);
  const badAt = [{ kind: 'message', at: new Date('not a date'), channel: 'sms', direction: 'out' }];
  throwsAt(() => m.evaluate({ ...good(), events: badAt }, campaign, NOW), ['events[0].at', 'got NaN'], 'events[0].at: an invalid Date');
  // A time that is missing or null is still "required".
  throwsAt(() => m.evaluate({ ...good(), events: [{ kind: 'horizon', at: NOW, buyAt: null }] }, campaign, NOW), ['events[0].buyAt', 'required'], 'buyAt null');
  // null itself stays "not given".
  assert.equal(m.evaluate({ ...good(), priority: null, name: null }, campaign, NOW).id, 'c1');
  assert.deepEqual(m.evaluateMany([{ ...good(), priority: null }], campaign, NOW)[0].priority, m.evaluate(good(), campaign, NOW).priority);
});

test('empty and 1 MB texts, lone surrogates', () => {
  const mb = 'x'.repeat(1 << 20);
  for (const t of ['', ' ', mb, 'STOP'.padEnd(1 << 20, ' '), `${'stop '.repeat(200000)}`, '\u0000', '\uFEFFSTOP',
    '\uD800', '\uDC00', 'STOP\uD800', '\uDBFF\uDFFFstop', '\uD83D', 'S\u0308TOP', 'ＳＴＯＰ', 'İSTOP', 'ß'.repeat(1000)]) {
    const r = m.classifyReply(t);
    assert.ok(['optOut', 'optIn', 'help', 'none'].includes(r.intent), JSON.stringify(r));
    assert.equal(m.classifyReply(t).intent, r.intent, 'deterministic');
  }
  assert.equal(m.classifyReply('').intent, 'none');
  assert.equal(m.classifyReply(mb).intent, 'none');
  for (const v of [null, undefined, 1, {}, [], true, Symbol.iterator]) {
    throwsAt(() => m.classifyReply(v), 'text', `classifyReply(${String(v)})`);
  }
  // A 1 MB text and a 1 MB name on a contact.
  const big = { ...good(), name: mb, events: [...good().events,
    { kind: 'message', at: '2026-11-04T14:00:00Z', channel: 'sms', direction: 'in', text: mb }] };
  const ev = m.evaluate(big, campaign, NOW);
  assert.equal(ev.status, 'smsInProgress');
  assert.equal(ev.displayName.length, mb.length);
  // Lone surrogates in a contact's texts and name: the contact is not lost.
  for (const s of ['\uD800', 'Ana \uDC00', 'STOP\uD800']) {
    const c = { ...good(), name: s, events: [...good().events,
      { kind: 'message', at: '2026-11-04T14:00:00Z', channel: 'sms', direction: 'in', text: s }] };
    let ev2;
    try {
      ev2 = m.evaluate(c, campaign, NOW);
    } catch (e) {
      assert.fail(`a lone surrogate lost the contact: ${e.message}`);
    }
    assert.equal(ev2.id, 'c1');
  }
  // And in a playbook, a filter or ids to remove: read as U+FFFD, as
  // TextEncoder reads them, never the JSON parser's "hex escape" message.
  const cut = { ...campaign, name: 'Retail \uD83D', optOut: { ...campaign.optOut, suffix: ' - no texts \uD83D' } };
  assert.equal(m.validatePlaybook(cut), true);
  const sms = [{ kind: 'message', at: '2026-11-04T14:00:00Z', channel: 'sms', direction: 'in', text: 'STOP' }];
  assert.equal(m.evaluate({ ...good(), events: sms }, cut, NOW).displayName, 'Ana - no texts \uFFFD');
  const steps = { name: 'x', steps: [{ id: 's\uD83D', channel: 'call', mode: 'action', day: 0 }] };
  assert.equal(m.validatePlaybook(steps), true);
  const w = new m.Worklist(campaign, NOW);
  try {
    w.upsert([good(), { ...good(), id: 'x\uFFFD' }]);
    assert.deepEqual(w.query({ text: 'Ana \uD83D' }), []);
    assert.ok(Object.values(w.facets({ next: ['x\uD83D'] }).status).every((n) => n === 0));
    assert.equal(w.remove(['c1\uD83D']), 0);
  } finally {
    w.free();
  }
  stillWorks();
});

test('a getter that throws and nesting past the stack: ignored where unread, an error at the path where read', () => {
  // An ORM's lazy relation read outside its session throws from its getter;
  // a custom field can nest deeper than JSON.stringify's stack. Neither is
  // read by the engine, so neither costs the contact.
  const lazy = (o, k) => Object.defineProperty(o, k, { enumerable: true, get() { throw new Error('session closed'); } });
  const want = m.evaluate(good(), ladder, NOW);
  const withLazy = lazy(good(), 'owner');
  assert.deepEqual(m.evaluate(withLazy, ladder, NOW), want);
  let deep = {};
  const deepest = deep;
  for (let i = 0; i < 100000; i++) deep = { x: deep };
  assert.deepEqual(m.evaluate({ ...good(), custom: deep }, ladder, NOW), want);
  assert.equal(deepest.x, undefined);
  const badJson = { ...good(), meta: { toJSON() { throw new Error('no'); } } };
  assert.deepEqual(m.evaluate(badJson, ladder, NOW), want);
  // Where the engine reads the field, its path and what was expected.
  for (const k of ['id', 'addedAt', 'timeZone', 'events']) {
    const c = good();
    delete c[k];
    lazy(c, k);
    const e = throwsAt(() => m.evaluate(c, ladder, NOW), `${k}: expected`, `a throwing getter on ${k}`);
    assert.equal(e.path, k);
  }
  const ev = good();
  lazy(ev.events[0], 'direction');
  throwsAt(() => m.evaluate(ev, ladder, NOW), 'events[0].direction: expected', 'a throwing getter in an event');
  // In a batch and in a Worklist, only that contact.
  const broken = lazy({ ...good(), id: 'c2' }, 'events');
  const out = m.evaluateMany([withLazy, broken, { ...good(), id: 'c3', custom: deep }], ladder, NOW);
  assert.deepEqual(out.map((r) => r.id), ['c1', 'c2', 'c3']);
  assert.equal(out[1].path, 'contacts[1].events');
  assert.equal(out[2].status, want.status);
  const w = new m.Worklist(ladder, NOW);
  try {
    const errors = w.upsert([withLazy, broken, { ...good(), id: 'c3', custom: deep }]);
    assert.deepEqual(errors.map((e) => [e.id, e.path]), [['c2', 'contacts[1].events']]);
    assert.equal(w.get('c1').status, want.status);
    assert.equal(w.get('c3').status, want.status);
  } finally {
    w.free();
  }
});

test('a whole argument that is no contact or playbook is at the argument\'s name; Infinity as JavaScript writes it', () => {
  for (const [v, got] of [[null, 'null'], [undefined, 'undefined'], [5, 'the number 5'], [[good()], 'an array']]) {
    const e = throwsAt(() => m.evaluate(v, ladder, NOW), `contact: expected a contact object, got ${got}`, `contact ${got}`);
    assert.equal(e.path, 'contact');
  }
  assert.equal(throwsAt(() => m.evaluate(Symbol('c'), ladder, NOW), 'got a symbol', 'a symbol').path, 'contact');
  for (const v of [null, 5]) {
    assert.equal(throwsAt(() => m.validatePlaybook(v), 'playbook: expected a playbook object', `playbook ${v}`).path, 'playbook');
  }
  // A field's path stays its own.
  assert.equal(throwsAt(() => m.validatePlaybook({ name: 'p', colour: 1 }), 'colour', 'a field').path, 'colour');
  throwsAt(() => m.evaluate(good(), ladder, Infinity), 'now: expected', 'Infinity now');
  assert.match(throwsAt(() => m.evaluate(good(), ladder, -Infinity), 'now', '-Infinity').message, /got -Infinity$/);
});

test('an id cut in the middle of an emoji is an error, never another contact', () => {
  // Half of a UTF-16 pair has no UTF-8 form: read as U+FFFD, 'x\uD800' and
  // 'x\uDC00' would be one id, and one contact's STOP another's.
  const stop = [{ kind: 'message', at: NOW, channel: 'sms', direction: 'in', text: 'STOP' }];
  const w = new m.Worklist(ladder, NOW);
  try {
    const errors = w.upsert([{ ...good(), id: 'x\uD800' }, { ...good(), id: 'x\uDC00', events: stop }, { ...good(), id: 'ok😀' }, { ...good(), id: 'x\uFFFD' }]);
    assert.deepEqual(errors.map((e) => e.path), ['contacts[0].id', 'contacts[1].id']);
    assert.match(errors[0].error, /half of a UTF-16 surrogate pair/);
    assert.equal(w.size, 2);
    assert.equal(w.get('x\uD800'), undefined);
    assert.equal(w.remove(['x\uD800']), 0, 'a cut id removes nothing, as get finds nothing');
    assert.equal(w.size, 2);
    assert.equal(w.get('ok😀').id, 'ok😀');
    assert.equal(w.get('x\uFFFD').id, 'x\uFFFD');
  } finally {
    w.free();
  }
  throwsAt(() => m.evaluate({ ...good(), id: 'a\uDBFF' }, ladder, NOW), 'id: expected whole characters', 'a lone high half');
  // An escaped backslash before "ud800" is text, and a whole pair a character.
  assert.equal(m.evaluate({ ...good(), id: 'a\\ud800' }, ladder, NOW).id, 'a\\ud800');
  assert.equal(m.evaluateManyJson(JSON.stringify([{ ...good(), id: 'p\uD83D\uDE00' }]), ladder, NOW).includes('"id":"p😀"'), true);
});

test('BigInt and cycles as ORMs leave them: numbers, and back-references left out', () => {
  // Fields the engine does not read are ignored, never an error (an ORM's
  // back-reference, a BIGINT row version); a BigInt it reads is its number.
  const cyc = good();
  cyc.self = cyc;
  cyc.owner = { name: 'Rep', contacts: [cyc] };
  cyc.rowVersion = 12345678901234567890n;
  assert.deepEqual(m.evaluate(cyc, ladder, NOW), m.evaluate(good(), ladder, NOW));
  assert.equal(m.evaluate({ ...good(), priority: 10n }, ladder, NOW).priority, m.evaluate({ ...good(), priority: 10 }, ladder, NOW).priority);
  assert.equal(m.evaluate({ ...good(), id: 10n }, ladder, NOW).id, 10);
  assert.equal(m.evaluate({ ...good(), id: 12345678901234567890n }, ladder, NOW).id, '12345678901234567890');
  // A BigInt read where a time goes is that number: 1 looks like seconds.
  const late = { ...good(), events: [{ kind: 'message', at: 1n, channel: 'sms', direction: 'out' }] };
  const e = throwsAt(() => m.evaluate(late, ladder, NOW), ['events[0].at: '], 'BigInt inside an event');
  assert.equal(e.path, 'events[0].at');
  // A contact that is its own event: the reference back is left out.
  const loop = good();
  loop.events = [loop];
  throwsAt(() => m.evaluate(loop, ladder, NOW), ['events[0]'], 'a contact inside its own events');
  const shaped = 'expected JSON-shaped data';
  throwsAt(() => m.evaluate(good(), ladder, 10n), 'now', 'BigInt now');
  throwsAt(() => m.evaluate(Symbol('c'), ladder, NOW), [shaped, 'got a symbol'], 'a symbol for a contact');
  throwsAt(() => m.evaluate(() => 1, ladder, NOW), [shaped, 'got a function'], 'a function for a contact');
  throwsAt(() => m.evaluate(good(), Symbol('p'), NOW), ['playbook: ', 'got a symbol'], 'a symbol for a playbook');
  throwsAt(() => m.validatePlaybook(() => 1), 'got a function', 'a function for a playbook');
  throwsAt(() => m.validatePlaybook({ name: 'p', self: 1n }), ['self: ', 'got a BigInt'], 'a BigInt in a playbook: playbooks stay strict');
  throwsAt(() => m.planQueue(Symbol('q'), { capacityPerDay: 1 }), ['items: ', 'got a symbol'], 'a symbol for queue items');
  // A queue's rows too: an ORM row's BIGINT column or back-reference, which
  // the queue does not read, is no reason to refuse the queue.
  const row = { id: 1, priority: 2, dueAt: NOW, rowId: 7n };
  row.owner = { name: 'Rep' };
  row.owner.team = row.owner;
  const plain = { id: 1, priority: 2, dueAt: NOW };
  assert.deepEqual(m.planQueue([row], { capacityPerDay: 1 }), m.planQueue([plain], { capacityPerDay: 1 }));
  assert.equal(m.planQueue([{ ...plain, id: 12n }], { capacityPerDay: 1 })[0].id, 12);
  // In a batch, the same: each contact read as it would be alone.
  const out = m.evaluateMany([good(), cyc, { ...good(), id: 'c2', priority: 5n }, { ...good(), id: 'c3' }, late], ladder, NOW);
  assert.deepEqual(out.map((r) => r.id), ['c1', 'c1', 'c2', 'c3', 'c1']);
  assert.deepEqual(out[1], out[0]);
  assert.equal(out[2].priority, m.evaluate({ ...good(), priority: 5 }, ladder, NOW).priority);
  assert.equal(out[3].status, 'noAnswer');
  assert.equal(out[4].path, 'contacts[4].events[0].at');
  const wl = new m.Worklist(ladder, NOW);
  const errors = wl.upsert([good(), { ...cyc, id: 'big', priority: 1n }, { ...late, id: 'late' }]);
  assert.equal(wl.size, 2);
  assert.deepEqual(errors.map((r) => [r.id, r.path]), [['late', 'contacts[2].events[0].at']]);
  wl.free();
  // JSON.stringify drops functions and undefined: such fields read as absent.
  assert.equal(m.evaluate({ ...good(), name: undefined, priority: () => 1 }, ladder, NOW).id, 'c1');
});

test('100,000 events on one contact', () => {
  const events = [];
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < 100000; i++) {
    const at = start + i * 60000;
    switch (i % 5) {
      case 0: events.push({ kind: 'message', at, channel: 'sms', direction: 'out', text: 'hello' }); break;
      case 1: events.push({ kind: 'message', at, channel: 'sms', direction: 'in', text: i % 7 ? 'ok' : 'STOP' }); break;
      case 2: events.push({ kind: 'activity', at, interaction: 'call', outcome: 'noAnswer' }); break;
      case 3: events.push({ kind: 'dnd', at, channel: 'email', active: i % 2 === 0 }); break;
      default: events.push({ kind: 'message', at, channel: 'email', direction: 'out' });
    }
  }
  const c = { ...good(), addedAt: start, events };
  assert.equal(m.evaluate(c, campaign, '2026-03-15T15:00:00Z').id, 'c1');
  assert.ok(Array.isArray(m.plan(c, ladder, '2026-03-15T15:00:00Z', '2026-04-01T00:00:00Z')));
  const many = m.evaluateMany([c, { ...c, id: 'c2', events: [...events, 42] }], ladder, '2026-03-15T15:00:00Z');
  assert.equal(many.length, 2);
  assert.equal(many[1].id, 'c2');
  assert.ok(many[1].error.startsWith('contacts[1].events[100000]'), many[1].error);
  assert.deepEqual(many[0], m.evaluate(c, ladder, '2026-03-15T15:00:00Z'));
});

test('a playbook of 1,000 steps reads; one of 50,000 is refused at once, naming the limit', () => {
  const steps = (n) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, channel: 'call', mode: 'action', day: i % 60 }));
  assert.equal(m.validatePlaybook({ name: 'long', steps: steps(1000) }), true);
  throwsAt(() => m.validatePlaybook({ name: 'huge', steps: steps(50000) }), ['steps', 'at most 1000 steps, got 50000'], '50,000 steps');
  // A repeated id among many is still caught, at its place.
  const twice = steps(1000);
  twice[999].id = 's3';
  throwsAt(() => m.validatePlaybook({ name: 'twice', steps: twice }), ['steps[999].id', 'used twice'], 'a repeated id');
});

test('evaluateMany: one result per input, in order, bad ones as {id, error}', () => {
  const list = [good(), null, 5, { ...good(), id: 'c2', addedAt: 'x' }, { ...good(), id: 'c1' }, [], { id: 7 }, good()];
  const out = m.evaluateMany(list, ladder, NOW);
  assert.equal(out.length, list.length);
  assert.equal(out[0].id, 'c1');
  assert.equal(out[0].error, undefined);
  assert.equal(out[1].id, null);
  assert.ok(out[1].error.startsWith('contacts[1]'), out[1].error);
  assert.equal(out[2].id, null);
  assert.equal(out[3].id, 'c2');
  assert.ok(out[3].error.startsWith('contacts[3].addedAt'), out[3].error);
  assert.equal(out[3].code, 'E_INVALID_TIME');
  assert.equal(out[4].id, 'c1', 'duplicate ids each get their own result');
  assert.deepEqual(out[4], out[0]);
  assert.equal(out[6].id, 7);
  assert.ok(out[6].error.includes('addedAt'), out[6].error);
  assert.deepEqual(out[7], m.evaluate(good(), ladder, NOW));
  for (const v of [null, undefined, 1, 'x', {}, { length: 1, 0: good() }]) {
    throwsAt(() => m.evaluateMany(v, ladder, NOW), 'contacts', `evaluateMany(${JSON.stringify(v)})`);
  }
  assert.deepEqual(m.evaluateMany([], ladder, NOW), []);
});

test('a batch error keeps the id when another field holds a number past a double', () => {
  // 1e400 is Infinity to JSON.parse and no f64 to the reader: the contact is
  // refused at the field, and its error still names it.
  const text = (id) => `[{"priority":1e400,${id},"events":[]},${JSON.stringify(good())}]`;
  for (const [idText, id] of [['"id":"c9"', 'c9'], ['"ID":42', 42], ['"Id":"c8","id":"c9"', 'c9'], ['"id":"x\\u00e9"', 'x\u00e9']]) {
    const out = JSON.parse(m.evaluateManyJson(text(idText), ladder, NOW));
    assert.equal(out[0].id, id, idText);
    assert.equal(out[0].path, 'contacts[0].priority', idText);
    assert.equal(out[1].id, 'c1');
    const w = new m.Worklist(ladder, NOW);
    try {
      assert.deepEqual(w.upsertJson(text(idText)).map((e) => [e.id, e.path]), [[id, 'contacts[0].priority']], idText);
    } finally {
      w.free();
    }
  }
});

test('a batch error names no id the reader refuses: another contact would own the error', () => {
  // Past 2^53 the number is another contact's id (…993 reads as …992);
  // half of an emoji reads as U+FFFD, as half of another emoji does.
  const bad = ['{"id":9007199254740993,"addedAt":"2026-11-01T12:00:00Z"}', '{"id":12345678901234567890}', '{"id":"x\\ud800","priority":"high"}'];
  const out = JSON.parse(m.evaluateManyJson(`[${bad.join(',')}]`, ladder, NOW));
  assert.deepEqual(out.map((r) => [r.id, r.path]), [[null, 'contacts[0].id'], [null, 'contacts[1].id'], [null, 'contacts[2].id']]);
  const objects = m.evaluateMany([{ id: 2 ** 53 + 2, addedAt: '2026-11-01T12:00:00Z' }, { id: 'x\uD800', addedAt: 'x' }], ladder, NOW);
  assert.deepEqual(objects.map((r) => [r.id, r.path]), [[null, 'contacts[0].id'], [null, 'contacts[1].id']]);
  const w = new m.Worklist(ladder, NOW);
  try {
    assert.deepEqual(w.upsertJson(`[${bad.join(',')}]`).map((e) => e.id), [null, null, null]);
  } finally {
    w.free();
  }
});

test('JSON text with wide characters reads the same from a string, from bytes and as objects', () => {
  const names = ['Ana 😀', '東京の山田太郎'.repeat(40), 'é'.repeat(3000), '😀', 'Zoë e\u0301 Ωμέγα', '\u{10FFFF}x', 'plain'];
  // The ids are wide too: they cross back in `query` and the load's id list.
  const list = names.map((name, i) => ({ ...good(), id: `w${i}${name.slice(0, 2)}`, name }));
  // Wide characters first and last in the text, and a text of them alone.
  for (const text of [JSON.stringify(list), `[${JSON.stringify(list[1])}]`, `[${JSON.stringify(list[3])},${JSON.stringify(list[0])}]`]) {
    const objects = JSON.parse(text);
    const fromString = JSON.parse(m.evaluateManyJson(text, ladder, NOW));
    const fromBytes = JSON.parse(m.evaluateManyJson(new TextEncoder().encode(text), ladder, NOW));
    assert.deepEqual(fromString, m.evaluateMany(objects, ladder, NOW));
    assert.deepEqual(fromBytes, fromString);
    assert.deepEqual(fromString.map((e) => e.displayName), objects.map((c) => c.name));
    const w = new m.Worklist(ladder, NOW);
    try {
      w.upsertJson(text);
      for (const c of objects) assert.equal(w.get(c.id).displayName, c.name);
      assert.deepEqual([...w.query({})].sort(), objects.map((c) => c.id).sort());
    } finally {
      w.free();
    }
  }
});

test('a key given twice in JSON text takes its last value, from text as from JSON.parse', () => {
  // A CRM that merges a custom column and a standard one under one name.
  const body = '"addedAt":"2026-11-01T12:00:00Z","events":"x","events":[{"kind":"activity","at":"2026-11-03T14:00:00Z","interaction":"call","outcome":"noAnswer"}]';
  const text = `[{"id":"","id":"r1","priority":"High","priority":3,"timeZone":"Eastern Time","timeZone":"America/Chicago",${body}},` +
    `{"id":"r2","priority":3,"priority":"High",${body}}]`;
  const fromText = JSON.parse(m.evaluateManyJson(text, ladder, NOW));
  assert.deepEqual(fromText, m.evaluateMany(JSON.parse(text), ladder, NOW));
  assert.deepEqual([fromText[0].priority, fromText[0].timeZone, fromText[0].status], [3, 'America/Chicago', 'noAnswer']);
  assert.match(fromText[1].error, /priority/);
  const w = new m.Worklist(ladder, NOW);
  try {
    const errors = w.upsertJson(text);
    assert.equal(w.size, 1);
    assert.equal(w.get('r1').priority, 3);
    assert.deepEqual(errors.map((e) => e.id), ['r2']);
  } finally {
    w.free();
  }
});

test("an event's key given twice takes its last value, aliases read as in the parsed object, on every path", () => {
  const rec = (members) => `{"id":"a","name":"Ana","timeZone":"America/New_York","addedAt":"2026-11-02T14:00:00Z","events":[` +
    `{"kind":"message","at":"2026-11-03T15:15:00Z","channel":"sms","direction":"in",${members}}]}`;
  const cases = [
    ['"text":"STOP","text":""', true], // the last empty: not given
    ['"Text":"STOP","text":"ok","text":""', false], // the contract's key not given: its alias
    ['"reason":"Satisfied","reason":""', true],
    ['"body":"ok","body":"STOP"', false],
  ];
  const text = `[${cases.map(([mm]) => rec(mm)).join(',')}]`;
  const fromText = JSON.parse(m.evaluateManyJson(text, campaign, NOW));
  const fromObjects = m.evaluateMany(JSON.parse(text), campaign, NOW);
  assert.deepEqual(fromText, fromObjects);
  const w = new m.Worklist(campaign, NOW);
  try {
    for (const [k, [mm, allowed]] of cases.entries()) {
      w.upsertJson(new TextEncoder().encode(`[${rec(mm)}]`));
      assert.deepEqual(w.get('a'), fromObjects[k], mm);
      assert.equal(fromObjects[k].channels.sms.allowed, allowed, mm);
    }
  } finally {
    w.free();
  }
});

test('planQueue: half an emoji in a field it ignores is ignored; in an id, an error at its path', () => {
  const cut = 'Great call 😀'.slice(0, -1); // a notes column cut at the CRM's field limit
  const due = '2026-11-03T10:00:00Z';
  const planned = m.planQueue([{ id: 1, dueAt: due, notes: cut }, { id: 2, dueAt: due, owner: { name: cut } }], { capacityPerDay: 2 });
  assert.deepEqual(planned.map((p) => p.id), [1, 2]);
  throwsAt(() => m.planQueue([{ id: 'a', dueAt: due }, { id: cut, dueAt: due }], { capacityPerDay: 2 }), ['items[1].id', 'surrogate pair'], 'a cut id');
  // Whole emoji are whole characters.
  assert.deepEqual(m.planQueue([{ id: 'a😀b', dueAt: due }], { capacityPerDay: 1 }).map((p) => p.id), ['a😀b']);
});

test('bytes as exports write them: a byte that is not UTF-8 is its Windows-1252 character, a byte order mark is skipped', () => {
  const list = [good(), { ...good(), id: 'c2', name: '@' }];
  const [head, tail] = JSON.stringify(list).split('@');
  const enc = new TextEncoder();
  // A Windows export's Latin-1 "é" (0xE9), and a curly quote (0x93): read as
  // Windows-1252 reads them, where the host's TextDecoder gives U+FFFD.
  const bytes = new Uint8Array([...enc.encode(head), 0xe9, 0x93, ...enc.encode(tail)]);
  const asText = `${head}\u00e9\u201c${tail}`;
  const w = new m.Worklist(ladder, NOW);
  try {
    assert.deepEqual(w.upsertJson(bytes), []);
    assert.equal(w.size, 2);
    assert.equal(w.get('c2').displayName, '\u00e9\u201c');
    assert.deepEqual(JSON.parse(m.evaluateManyJson(bytes, ladder, NOW)), JSON.parse(m.evaluateManyJson(asText, ladder, NOW)));
    // UTF-8 where the bytes are UTF-8: one stray byte does not change the rest.
    const mixed = new Uint8Array([...enc.encode(head.replace('"c2"', '"Jos\u00e9"')), 0xe9, ...enc.encode(tail)]);
    assert.deepEqual(JSON.parse(m.evaluateManyJson(mixed, ladder, NOW)).map((e) => e.id), ['c1', 'Jos\u00e9']);
    // A byte order mark before the text, as spreadsheet programs write one.
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(JSON.stringify([good()]))]);
    const withBom = new m.Worklist(ladder, NOW);
    assert.deepEqual(withBom.upsertJson(bom), []);
    assert.equal(withBom.size, 1);
    withBom.free();
    assert.equal(JSON.parse(m.evaluateManyJson(`\ufeff${JSON.stringify([good()])}`, ladder, NOW))[0].id, 'c1');
  } finally {
    w.free();
  }
});

test('a value that throws when the module only asks what it is (a revoked Proxy, a view of a detached buffer) is an Error, and the Worklist works on and frees', () => {
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const calls = {
    'a revoked Proxy in a field the engine ignores': (w) => assert.deepEqual(w.upsert([good(), { ...good(), id: 'x', crm: revoked() }]), []),
    'a revoked Proxy as the contacts': (w) => w.upsert(revoked()),
    'a revoked Proxy as the page': (w) => w.query({}, revoked()),
    'a page whose ownKeys trap throws': (w) => w.query({}, new Proxy({}, { ownKeys() { throw 7; } })),
    'a view of a detached buffer': (w) => {
      const u = new TextEncoder().encode('[]');
      structuredClone(u.buffer, { transfer: [u.buffer] });
      w.upsertJson(u);
    },
  };
  for (const [name, call] of Object.entries(calls)) {
    const w = new m.Worklist(ladder, NOW);
    w.upsert([{ ...good(), id: 'pre' }]);
    try {
      call(w);
    } catch (e) {
      assert.ok(e instanceof Error, `${name}: threw ${String(e)}`);
      assert.ok(/^(contacts|page)/.test(e.message), `${name}: ${e.message}`);
    }
    assert.deepEqual(w.upsert([{ ...good(), id: 'post' }]), [], name);
    assert.ok(w.query({}).includes('post'), name);
    w.free();
  }
});

test('a getter that calls back into the package while its contact is read, without end, is an Error; the module works on', () => {
  const o = { id: 'r' };
  let calls = 0;
  Object.defineProperty(o, 'addedAt', { enumerable: true, get() { calls += 1; m.evaluate(o, ladder, NOW); return NOW; } });
  assert.throws(() => m.evaluate(o, ladder, NOW), (e) => e instanceof Error && e.path === 'addedAt');
  assert.ok(calls < 1000, `${calls} getter calls`);
  // One call back that ends is fine.
  const p = { ...good(), id: 'p' };
  Object.defineProperty(p, 'name', { enumerable: true, get() { return m.evaluate(good(), ladder, NOW).id; } });
  assert.equal(m.evaluate(p, ladder, NOW).displayName, 'c1');
  assert.equal(m.evaluate(good(), ladder, NOW).id, 'c1');
  const w = new m.Worklist(ladder, NOW);
  assert.deepEqual(w.upsert([good(), o]).map((e) => e.path), ['contacts[1].addedAt']);
  assert.equal(w.size, 1);
  w.free();
});

test('NaN, Infinity, a function or a symbol in a playbook, a filter or queue options is an Error at its path, not a field left out', () => {
  const c = good();
  const cases = [
    [{ name: 'p', frequencyCap: { max: NaN, hours: 24 } }, 'playbook.frequencyCap.max: expected a JSON value, got NaN'],
    [{ name: 'p', steps: [{ id: 's', channel: 'sms', mode: 'manual', day: Infinity }] }, 'playbook.steps[0].day: expected a JSON value, got Infinity'],
    [{ name: 'p', window: () => 1 }, 'playbook.window: expected a JSON value, got a function'],
    [{ name: 'p', holidays: [Symbol('x')] }, 'playbook.holidays[0]: expected a JSON value, got a symbol'],
  ];
  for (const [pb, message] of cases) {
    assert.throws(() => m.evaluate(c, pb, NOW), (e) => e instanceof Error && e.message === message, message);
  }
  assert.throws(() => m.validatePlaybook({ name: 'p', replyWithin: { hours: NaN } }), (e) => e instanceof Error && e.message === 'replyWithin.hours: expected a JSON value, got NaN');
  // undefined is not given, as in any JS object.
  assert.equal(m.evaluate(c, { name: 'p', frequencyCap: undefined }, NOW).id, 'c1');
  const w = new m.Worklist(ladder, NOW);
  try {
    w.upsert([c]);
    assert.throws(() => w.query({ due: NaN }), (e) => e instanceof Error && e.message === 'filter.due: expected a JSON value, got NaN');
    assert.deepEqual(w.query({}), ['c1']);
  } finally {
    w.free();
  }
  assert.throws(() => m.planQueue([{ id: 1, dueAt: NOW }], { capacityPerDay: NaN }), (e) => e instanceof Error && e.message === 'options.capacityPerDay: expected a JSON value, got NaN');
});

test('an error that quotes a huge bad value is cut in its middle: a batch of them stays small, and the good contacts evaluate', () => {
  const big = 'x'.repeat(1 << 20);
  const list = [good(), ...[1, 2, 3].map((i) => ({ ...good(), id: `b${i}`, region: big, timeZone: big })), { ...good(), id: 'c9' }];
  const out = m.evaluateMany(list, ladder, NOW);
  assert.deepEqual(out.map((r) => r.id), ['c1', 'b1', 'b2', 'b3', 'c9']);
  assert.equal(out[0].error, undefined);
  assert.equal(out[4].error, undefined);
  for (const r of out.slice(1, 4)) {
    assert.ok(r.error.length <= 2100, `error of ${r.error.length} characters`);
    assert.ok(r.error.startsWith(`contacts[${out.indexOf(r)}].timeZone: expected an IANA time zone`), r.error.slice(0, 80));
    assert.deepEqual(r.errors.map((f) => f.path), [`contacts[${out.indexOf(r)}].timeZone`, `contacts[${out.indexOf(r)}].region`]);
    assert.ok(r.error.includes(' … '), 'the cut is marked');
    for (const f of r.errors) assert.ok(f.message.length <= 2100, f.path);
  }
  const w = new m.Worklist(ladder, NOW);
  try {
    const errors = w.upsert(list);
    assert.deepEqual(errors.map((e) => e.id), ['b1', 'b2', 'b3']);
    assert.ok(errors.every((e) => e.error.length <= 2100));
    assert.equal(w.size, 2);
  } finally {
    w.free();
  }
  assert.throws(() => m.evaluate({ ...good(), timeZone: big, region: big }, ladder, NOW), (e) => e instanceof Error && e.message.length <= 2100 && e.path === 'timeZone');
});

test('UTF-16 bytes, as a spreadsheet\'s "Unicode Text" saves a file, are read as UTF-16, with or without their mark', () => {
  const list = [good(), { ...good(), id: 'c2', name: 'Zo\u00eb \u{1F600} Ren\u00e9' }];
  const text = JSON.stringify(list);
  const want = JSON.parse(m.evaluateManyJson(text, ladder, NOW));
  const le = Buffer.from(text, 'utf16le');
  const forms = {
    'little-endian with FF FE': Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
    'little-endian, no mark': le,
    'big-endian with FE FF': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]),
    'big-endian, no mark': Buffer.from(le).swap16(),
  };
  for (const [name, b] of Object.entries(forms)) {
    const bytes = new Uint8Array(b);
    assert.deepEqual(JSON.parse(m.evaluateManyJson(bytes, ladder, NOW)), want, name);
    const w = new m.Worklist(ladder, NOW);
    try {
      assert.deepEqual(w.upsertJson(bytes), [], name);
      assert.equal(w.get('c2').displayName, 'Zo\u00eb \u{1F600} Ren\u00e9', name);
    } finally {
      w.free();
    }
  }
  // Cut in the middle of a character: an error at its byte, nothing else.
  assert.throws(() => m.evaluateManyJson(new Uint8Array(le.subarray(0, le.length - 1)), ladder, NOW), (e) => e instanceof Error && /not valid JSON/.test(e.message));
});

test('evaluateManyJson: text that breaks after good contacts throws for the batch, nothing half-written', () => {
  const c = JSON.stringify(good());
  const cases = [
    [`[${c}, ${c}`, 'at byte'],
    [`[${c}, 3, {"a": [}]`, 'at byte'],
    ['[1,', 'at byte 3'],
    ['{"id": 1}', 'expected an array of contacts'],
  ];
  for (const [text, part] of cases) {
    for (const explain of [true, false]) {
      throwsAt(() => m.evaluateManyJson(text, ladder, NOW, { explain }), ['contacts', part], `evaluateManyJson(${text.slice(-12)})`);
    }
  }
  // A bad contact among good ones is its own result, and the batch goes on.
  const out = JSON.parse(m.evaluateManyJson(`[${c}, 3, ${c}]`, ladder, NOW));
  assert.equal(out.length, 3);
  assert.equal(out[1].code, 'E_INVALID_INPUT');
  assert.deepEqual(out[2], m.evaluate(good(), ladder, NOW));
  // So is an element that is not valid JSON inside, when its brackets close.
  const bare = JSON.parse(m.evaluateManyJson(`[${c}, 3, tru]`, ladder, NOW));
  assert.deepEqual(bare.map((r) => r.code ?? r.id), ['c1', 'E_INVALID_INPUT', 'E_INVALID_INPUT']);
  assert.match(bare[2].error, /^contacts\[2\]: .*not valid JSON/);
});

test('Worklist: duplicate ids, hostile arguments, and it keeps working', () => {
  const w = new m.Worklist(ladder, NOW);
  try {
    const a = { ...good(), name: 'first' };
    const b = { ...good(), name: 'second' };
    const errors = w.upsert([a, b, null, 3, { ...good(), id: 'c9', addedAt: NaN }]);
    assert.equal(w.size, 1, 'a repeated id is one contact');
    assert.equal(w.get('c1').displayName, 'second', 'the last of a repeated id wins');
    assert.deepEqual(w.get('c1'), m.evaluate(b, ladder, NOW));
    assert.deepEqual(errors.map((e) => e.path.split('.')[0]), ['contacts[2]', 'contacts[3]', 'contacts[4]']);
    assert.equal(errors[2].id, 'c9');
    w.upsert([{ ...good(), id: 1 }, { ...good(), id: 'one' }]);
    assert.equal(w.size, 3);
    assert.equal(w.get(1).id, 1);
    assert.deepEqual(w.query({}).slice().sort(), [1, 'c1', 'one'].sort());
    for (const v of [null, undefined, 5, 'x', {}]) {
      throwsAt(() => w.upsert(v), 'contacts', `upsert(${JSON.stringify(v)})`);
    }
    throwsAt(() => w.upsertJson('{'), 'contacts', 'upsertJson broken');
    throwsAt(() => w.upsertJson('{}'), 'contacts', 'upsertJson object');
    for (const f of [5, 'x', [], { status: 'sold' }, { status: ['bogus'] }, { due: 'yes' }, { colour: 1 }, { text: 5 }]) {
      throwsAt(() => w.query(f), 'filter', `query(${JSON.stringify(f)})`);
      throwsAt(() => w.facets(f), 'filter', `facets(${JSON.stringify(f)})`);
    }
    for (const t of [NaN, Infinity, null, undefined, '0000-01-01T00:00:00Z', {}]) {
      throwsAt(() => w.refresh(t), 'now', `refresh(${String(t)})`);
    }
    // An id of no contact is not there; what is no id at all is an error
    // (remove and get: the test below).
    for (const id of [NaN, 'nope']) {
      assert.equal(w.get(id), undefined);
    }
    assert.equal(w.remove(['nope']), 0);
    assert.equal(w.size, 3);
    assert.equal(w.remove(['c1', 'c1']), 1);
    assert.equal(w.size, 2);
    w.refresh('9999-12-31T23:59:59Z');
    w.refresh('0001-01-01T00:00:00Z');
    assert.equal(w.query().length, 2);
    assert.equal(typeof w.facets().status, 'object');
  } finally {
    w.free();
  }
  stillWorks();
});

// Ids compare by their text (docs/semantics.md): the number 1 and the string
// "1" are one contact, as CRMs that mix the two mean; the last given wins, as
// for any repeated id, and get() finds it by either form.
test('Worklist: when an id comes twice in one call and the last is bad, the earlier is not kept as the last, and the contact is taken out', () => {
  const w = new m.Worklist(ladder, NOW);
  try {
    assert.deepEqual(w.upsert([{ ...good(), id: 7, name: 'kept' }, { ...good(), id: 8 }]), []);
    const stop = { kind: 'message', at: '2026-11-12T14:00:00Z', channel: 'sms', direction: 'in', text: 'STOP' };
    const bad = { kind: 'activity', at: '2026-11-12T14:01:00Z', interaction: 'call', outcome: 'Pending' };
    const errs = w.upsert([{ ...good(), id: 7, name: 'old' }, { ...good(), id: '7', name: 'new', events: [stop, bad] }]);
    assert.deepEqual(errs.map((e) => [e.id, e.path]), [['7', 'contacts[1].events[1].outcome']]);
    // Neither of the call's two records, nor the old one, whose answers the
    // new record's STOP may have ended: the contact is out until it reads.
    assert.equal(w.get(7), undefined);
    assert.deepEqual([w.size, w.query({}), w.columns().ids.slice()], [1, [8], [8]]);
    // A good record after a bad one of the same id wins.
    assert.equal(w.upsert([{ ...good(), id: 7, name: 'x', events: [bad] }, { ...good(), id: 7, name: 'fixed' }]).length, 1);
    assert.equal(w.get(7).displayName, 'fixed');
  } finally {
    w.free();
  }
});

test('Worklist: ids 1 and "1" are one contact, the last given wins', () => {
  const w = new m.Worklist(ladder, NOW);
  try {
    w.upsert([{ ...good(), id: 1, name: 'First' }, { ...good(), id: '1', name: 'Second' }]);
    assert.equal(w.size, 1);
    assert.equal(w.get(1).displayName, 'Second');
    assert.equal(w.get('1').id, '1');
    assert.deepEqual(w.query({}), ['1']);
    // In a later call too: the work order echoes the form last given.
    w.upsert([{ ...good(), id: 1, name: 'Third' }]);
    assert.deepEqual([w.query({}), w.columns().ids, w.get('1').id], [[1], [1], 1]);
  } finally {
    w.free();
  }
});

test('Worklist: bad arguments are errors and leave it working; ids 1 and "1" in one call', () => {
  const w = new m.Worklist(ladder, NOW);
  try {
    w.upsert([{ ...good(), id: 1 }, { ...good(), id: '1' }, { ...good(), id: 'x' }]);
    assert.deepEqual([w.query({}).sort(), w.columns().ids.slice().sort(), w.get(1).id], [['1', 'x'], ['1', 'x'], '1']);
    w.upsert([{ ...good(), id: 'z' }, { ...good(), id: 2 }, { ...good(), id: '2' }]);
    assert.deepEqual(w.query({}).slice().sort(), ['1', '2', 'x', 'z']);
    // remove takes an array of ids; a string is no list of one-letter ids.
    for (const bad of [undefined, null, 'x', 1, {}]) {
      assert.throws(() => w.remove(bad), (e) => e instanceof Error && /^ids: expected/.test(e.message), String(bad));
    }
    assert.equal(w.size, 4);
    // Values that throw when touched (a Proxy) are errors, and the worklist works on.
    const trap = new Proxy({}, { ownKeys() { throw new Error('trap'); }, get() { throw new Error('trap'); } });
    assert.throws(() => w.query(trap), /filter: /);
    assert.throws(() => w.remove(trap), /ids: /);
    assert.throws(() => w.query([]), /filter: expected a filter object/);
    assert.throws(() => w.query({}, 5), /page: expected/);
    const lengthTrap = new Proxy([good()], { get(t, k) { if (k === 'length') throw new Error('trap'); return t[k]; } });
    assert.throws(() => w.upsert(lengthTrap), /contacts: /);
    const itemTrap = new Proxy([good()], { get(t, k) { if (k === '0') throw new Error('trap'); return t[k]; } });
    // An item that throws is that contact's error, not the call's.
    assert.deepEqual(w.upsert(itemTrap).map((e) => e.error), ['contacts[0]: expected a contact (reading it threw)']);
    w.upsert([{ ...good(), id: 'after' }]);
    assert.equal(w.size, 5);
    assert.ok(w.refresh('2026-11-13T15:00:00Z') >= 0);
    assert.equal(w.remove(['after', 'x']), 2);
  } finally {
    w.free();
  }
  // followUpDate's fraction is a number, not what JS would coerce to one.
  assert.throws(() => m.followUpDate('2026-01-01T00:00:00Z', '2026-07-01T00:00:00Z', true), /fraction: expected a number/);
  // evaluateManyJson writes whole numbers as JSON.stringify does.
  assert.match(m.evaluateManyJson(JSON.stringify([{ ...good(), id: 7, priority: 13 }]), ladder, NOW), /^\[\{"id":7,/);
});

test('a playbook as its JSON text: read as the object, a key given twice caught', () => {
  const pb = m.preset('sequence');
  const text = JSON.stringify(pb, null, 2);
  const c = { id: 'p', timeZone: 'America/New_York', addedAt: '2026-11-02T14:00:00Z', events: [] };
  const now = '2026-11-04T15:00:00Z';
  assert.deepEqual(m.evaluate(c, text, now), m.evaluate(c, pb, now));
  assert.deepEqual(m.plan(c, text, now, '2026-11-20T00:00:00Z'), m.plan(c, pb, now, '2026-11-20T00:00:00Z'));
  const wl = new m.Worklist(text, now);
  wl.upsert([c]);
  assert.deepEqual(wl.get('p'), m.evaluate(c, pb, now));
  wl.free();
  assert.equal(m.validatePlaybook(text), true);
  assert.throws(() => m.validatePlaybook('{"name":"a","region":"US-TX","region":"bogus"}'), /duplicate field "region"/);
  assert.throws(() => m.evaluate(c, '{"name":"a","steps":[{"id":"s","channel":"call","channel":"sms","mode":"action"}]}', now),
    /playbook\.steps\[0\]: duplicate field "channel"/);
  assert.throws(() => m.validatePlaybook('monthly-campaign'), /expected a playbook object or its JSON text.*preset\(name\)/);
});


test('wasm memory stays flat over a million calls', () => {
  assert.ok(memory, 'the linear memory of the instance was found');
  const bytes = () => memory.buffer.byteLength;
  const c = good();
  const texts = ['STOP', 'please stop texting me', 'sounds good', 'HELP', 'x'.repeat(200)];
  const run = (n) => {
    for (let i = 0; i < n; i++) m.classifyReply(texts[i % texts.length]);
    for (let i = 0; i < n / 30; i++) {
      m.evaluate(c, i % 2 ? ladder : campaign, NOW);
      if (i % 10 === 0) {
        try {
          m.evaluate({ ...c, addedAt: 'bad' }, ladder, NOW);
        } catch {
          // Errors too must free what they hold.
        }
      }
    }
  };
  run(60000); // warm up: let the allocator reach its working size
  const before = bytes();
  run(1000000); // 1,000,000 classifyReply, 33,333 evaluate, 3,334 failing evaluate
  const after = bytes();
  // A leak of even 16 bytes a call would add 16 MB; allow one 64 KiB page.
  assert.ok(after - before <= 65536, `wasm memory grew from ${before} to ${after} bytes`);
  // A Worklist freed after use gives its memory back for the next one.
  const w0 = bytes();
  for (let k = 0; k < 20; k++) {
    const w = new m.Worklist(ladder, NOW);
    w.upsert(Array.from({ length: 500 }, (_, i) => ({ ...c, id: `c${i}` })));
    w.free();
  }
  const w1 = bytes();
  for (let k = 0; k < 20; k++) {
    const w = new m.Worklist(ladder, NOW);
    w.upsert(Array.from({ length: 500 }, (_, i) => ({ ...c, id: `c${i}` })));
    w.free();
  }
  assert.ok(bytes() - w1 <= 65536 || w1 === w0, `worklists grew memory from ${w1} to ${bytes()}`);
});

test('Worklist: remove and get refuse what is not an id, naming it, and remove none', () => {
  const wl = new m.Worklist(campaign, NOW);
  try {
    wl.upsert([good()]);
    const id = good().id;
    for (const v of [null, {}, true, [id]]) {
      throwsAt(() => wl.remove([id, v]), 'ids[1]', `remove([id, ${JSON.stringify(v)}])`);
    }
    throwsAt(() => wl.remove([good()]), 'ids[0]', 'remove(contacts)');
    assert.equal(wl.size, 1, 'nothing removed');
    for (const v of [null, undefined, {}, [id]]) {
      throwsAt(() => wl.get(v), 'id', `get(${JSON.stringify(v)})`);
    }
    assert.equal(wl.remove([id]), 1);
  } finally {
    wl.free();
  }
});

test('a bad record whose id is spelt "ID" (an export) is reported with that id, its id read', () => {
  const [r] = m.evaluateMany([{ ID: 'crm-9', addedAt: 'yesterday', events: [] }], campaign, NOW);
  assert.equal(r.id, 'crm-9');
  assert.match(r.error, /^contacts\[0\]\.addedAt: expected/);
  assert.doesNotMatch(r.error, /id: required/);
  // As the record reads it: MongoDB's `_id`, and another spelling after an
  // empty or null `id`, at every entry point.
  for (const [rec, want] of [
    [{ _id: 'c9' }, 'c9'],
    [{ id: '', _id: 'c9' }, 'c9'],
    [{ id: null, ID: 'c8' }, 'c8'],
    [{ _id: 'c7', id: 'c6' }, 'c6'],
  ]) {
    const bad = { ...rec, addedAt: 'yesterday', events: [] };
    assert.equal(m.evaluateMany([bad], campaign, NOW)[0].id, want, JSON.stringify(rec));
    const wl = new m.Worklist(campaign, NOW);
    assert.equal(wl.upsert([bad])[0].id, want, JSON.stringify(rec));
    assert.equal(wl.upsertJson(JSON.stringify([bad]))[0].id, want, JSON.stringify(rec));
    wl.free();
  }
});

test('Worklist: free() twice is a no-op; any other call after it says the Worklist was freed', () => {
  const wl = new m.Worklist(campaign, NOW);
  wl.upsert([good()]);
  wl.free();
  wl.free();
  if (Symbol.dispose) wl[Symbol.dispose]();
  for (const call of [() => wl.size, () => wl.query({}), () => wl.get('x'), () => wl.upsert([good()]), () => wl.refresh(NOW)]) {
    assert.throws(call, (e) => e instanceof Error && /this Worklist was freed/.test(e.message));
  }
});

test('options objects are strict, as playbooks are: a misspelt option is an error naming it', () => {
  const throwsAt = (f, path) =>
    assert.throws(f, (e) => e instanceof Error && e.message.startsWith(`${path}: unknown field`), path);
  throwsAt(() => m.evaluateMany([good()], ladder, NOW, { explian: false }), 'options.explian');
  throwsAt(() => m.evaluateManyJson(JSON.stringify([good()]), ladder, NOW, { Explain: false }), 'options.Explain');
  const wl = new m.Worklist(ladder);
  wl.upsert([good()]);
  wl.refresh(NOW);
  throwsAt(() => wl.query({}, { limt: 1 }), 'page.limt');
  assert.deepEqual(wl.query({}, { offset: 0, limit: 1 }), ['c1']);
  assert.equal(m.evaluateMany([good()], ladder, NOW, { explain: false })[0].explain.length, 0);
  wl.free();
  stillWorks();
});

test('checkChannel reads a channel as hosts write it, and names what it got when it cannot', () => {
  const at = '2026-11-12T15:00:00Z';
  // Texts and calls refused for different reasons, email allowed: a name read
  // as the wrong channel gives another answer.
  const c = good();
  c.events.push(
    { kind: 'dnd', at: '2026-11-04T14:00:00Z', channel: 'call', active: true },
    { kind: 'message', at: '2026-11-12T14:59:00Z', channel: 'sms', direction: 'out' },
  );
  const pb = { name: 'p', frequencyCap: { max: 1, hours: 24, channels: ['sms'] } };
  assert.equal(m.checkChannel(c, 'sms', at, pb).reason, 'frequencyCap');
  assert.equal(m.checkChannel(c, 'call', at, pb).reason, 'dnd');
  assert.equal(m.checkChannel(c, 'email', at, pb).allowed, true);
  for (const ch of ['SMS', ' Text Message ', 'text']) {
    assert.deepEqual(m.checkChannel(c, ch, at, pb), m.checkChannel(c, 'sms', at, pb), ch);
  }
  assert.deepEqual(m.checkChannel(c, 'Phone Call', at, pb), m.checkChannel(c, 'call', at, pb));
  assert.deepEqual(m.checkChannel(c, 'E-Mail', at, pb), m.checkChannel(c, 'email', at, pb));
  // Labels read by their words, as an event's channel is read.
  for (const [label, ch] of [['Voice Call', 'call'], ['VM Drop', 'call'], ['Call - Outbound', 'call'], ['SMS & MMS', 'sms'], ['Inbound SMS', 'sms'], ['outgoing sms', 'sms'], ['Email Messages', 'email']]) {
    assert.deepEqual(m.checkChannel(c, label, at, pb), m.checkChannel(c, ch, at, pb), label);
  }
  assert.equal(m.classifyReply('STOP', 'SMS & MMS').channels[0], 'sms');
  assert.throws(() => m.checkChannel(good(), 'SMS/Email', at, ladder), { message: /^channel: expected "sms", "call" or "email", got "SMS\/Email"$/ });
  assert.throws(() => m.checkChannel(good(), 'fax', at, ladder), { message: /^channel: expected "sms", "call" or "email", got "fax"$/ });
  assert.throws(() => m.checkChannel(good(), 3, at, ladder), { message: /^channel: expected "sms", "call" or "email", got number$/ });
  assert.throws(() => m.classifyReply('STOP', 'call'), { message: /^channel: expected "sms" or "email", got "call"$/ });
});

test('a contact whose events are a million holes is refused with its first 100 errors and a count, not a message of millions', () => {
  const events = [];
  events.length = 2 ** 20;
  const c = { ...good(), events };
  let err;
  try { m.evaluate(c, campaign, NOW); } catch (e) { err = e; }
  assert.ok(err instanceof Error);
  assert.equal(err.errors.length, 101);
  assert.equal(err.errors[100].message, `and ${2 ** 20 - 100} more errors`);
  assert.match(err.message, /^events\[0\]: expected an event object, got undefined; /);
  assert.ok(err.message.length < 10000, String(err.message.length));
  // The batch goes on past it.
  const r = m.evaluateMany([c, good()], campaign, NOW);
  assert.ok(r[0].error && !r[1].error);
});

test('an array longer than the module can hold is refused at once, naming the limit; the Worklist works on', () => {
  // A sparse array whose length was set: reading it took half a minute and
  // ended in the module's abort.
  for (const n of [2 ** 32 - 1, 2 ** 24 + 1]) {
    const huge = [];
    huge.length = n;
    const said = ['contacts', 'at most 16777216 contacts in one call', `length ${n}`];
    throwsAt(() => m.evaluateMany(huge, campaign, NOW), said, `evaluateMany of ${n}`);
    const w = new m.Worklist(campaign);
    throwsAt(() => w.upsert(huge), said, `upsert of ${n}`);
    assert.deepEqual(w.upsert([good()]), []);
    assert.equal(w.size, 1);
    w.free();
  }
  // At the limit, the length alone refuses nothing (an empty slot is a bad contact, read as JS reads it: undefined).
  const edge = [];
  edge.length = 3;
  edge[1] = good();
  const out = m.evaluateMany(edge, campaign, NOW);
  assert.equal(out.length, 3);
  assert.equal(out[1].status, 'noAnswer');
  assert.equal(out[0].error, 'contacts[0]: expected a contact object, got undefined');
  assert.equal(out[2].path, 'contacts[2]');
});

test('a contact whose array slot throws when read (a lazy row that fails to load) is its own error: the rest of the batch is read', () => {
  const batch = () => {
    const a = [{ ...good(), id: 'a' }, null, { ...good(), id: 'c' }];
    Object.defineProperty(a, 1, { enumerable: true, get() { throw new Error('lazy row failed to load'); } });
    return a;
  };
  const out = m.evaluateMany(batch(), ladder, NOW);
  assert.deepEqual(out.map((r) => r.id), ['a', null, 'c']);
  assert.equal(out[1].error, 'contacts[1]: expected a contact (reading it threw)');
  assert.deepEqual(out[0], m.evaluate({ ...good(), id: 'a' }, ladder, NOW));
  const w = new m.Worklist(ladder, NOW);
  assert.deepEqual(w.upsert(batch()).map((e) => e.path), ['contacts[1]']);
  assert.equal(w.size, 2);
  assert.deepEqual(w.query({}).sort(), ['a', 'c']);
  w.free();
});

test('Worklist: a held contact whose new record cannot be read is taken out, not served with its old answers (a STOP in the new record)', () => {
  const pb = { name: 'Texts', region: 'US', steps: [
    { id: 't1', label: 'Intro Text', channel: 'sms', mode: 'auto', day: 0 },
    { id: 't2', label: 'Second Text', channel: 'sms', mode: 'auto', day: 2 }] };
  const c = { id: 'c1', name: 'Ann', timeZone: 'America/New_York', addedAt: '2026-11-02T10:00:00-05:00', events: [] };
  for (const load of ['upsert', 'upsertJson']) {
    const w = new m.Worklist(pb);
    try {
      w.upsert([c, { ...c, id: 'c2' }]);
      w.refresh('2026-11-04T10:00:00-05:00');
      assert.deepEqual(w.query({ autoDue: true }).sort(), ['c1', 'c2']);
      const next = { ...c, events: [
        { kind: 'message', at: '2026-11-04T09:00:00-05:00', channel: 'sms', direction: 'in', text: 'STOP' },
        { kind: 'callback', at: '2026-11-04T09:31:00-05:00', dueAt: 'tomorrow morning' }] };
      const arg = load === 'upsert' ? [next] : JSON.stringify([next]);
      assert.deepEqual(w[load](arg).map((e) => e.path), ['contacts[0].events[1].dueAt'], load);
      assert.equal(w.get('c1'), undefined, load);
      assert.deepEqual([w.size, w.query({ autoDue: true })], [1, ['c2']], load);
    } finally {
      w.free();
    }
  }
  // JSON text broken at the record's own level after its id (a trailing
  // comma, NaN, a single-quoted key): the error names the contact, and it is
  // taken out too.
  const stop = '{"kind":"message","at":"2026-11-04T09:00:00-05:00","channel":"sms","direction":"in","text":"STOP"}';
  for (const tail of [',}', ',"x":NaN}', ",'x':1}"]) {
    const w = new m.Worklist(pb);
    try {
      w.upsert([c, { ...c, id: 'c2' }]);
      w.refresh('2026-11-04T10:00:00-05:00');
      const errors = w.upsertJson(`[{"id":"c1","addedAt":"2026-11-02T10:00:00-05:00","events":[${stop}]${tail}]`);
      assert.deepEqual(errors.map((e) => [e.id, e.path]), [['c1', 'contacts[0]']], tail);
      assert.equal(w.get('c1'), undefined, tail);
      assert.deepEqual(w.query({ autoDue: true }), ['c2'], tail);
    } finally {
      w.free();
    }
  }
});

test('an argument not passed is named as missing, not as null', () => {
  const c = { id: 'c', timeZone: 'America/New_York', addedAt: '2026-11-01T00:00:00Z', events: [] };
  const missing = /got undefined \(the argument is missing\)/;
  for (const [call, path] of [
    [() => m.checkChannel(c, 'call', '2026-11-03T21:00:00-05:00'), 'playbook'],
    [() => m.evaluate(c), 'playbook'],
    [() => m.evaluateMany([c]), 'playbook'],
    [() => m.plan(c), 'playbook'],
    [() => new m.Worklist(), 'playbook'],
    [() => m.validatePlaybook(), 'playbook'],
    [() => m.planQueue(), 'items'],
    [() => m.planQueue([]), 'options'],
  ]) {
    assert.throws(call, (err) => err instanceof Error && err.message.startsWith(`${path}: `) && missing.test(err.message), String(call));
  }
  // null, passed, is still null.
  assert.throws(() => m.evaluate(c, null, '2026-11-03T21:00:00-05:00'), (err) => err instanceof Error && err.message === 'playbook: expected a playbook object, got null');
});

test('a campaign phase with a bad value makes up no problem of the phases around it', () => {
  const ph = (id, fromDay, attempt) => ({ id, fromDay, attempt });
  const message = (phases) => {
    try {
      m.validatePlaybook({ name: 'x', campaign: { phases } });
      return 'valid';
    } catch (err) {
      return err.message;
    }
  };
  // Phase 2 starts on day 11, after a first phase on day 1 with a bad attempt.
  assert.equal(message([ph('a', 1, 0), ph('b', 11, 2)]), 'campaign.phases[0].attempt: expected a whole number from 1 to 31, got 0');
  assert.equal(message([ph('a', 0, 1), ph('b', 11, 2)]), 'campaign.phases[0].fromDay: expected a whole number from 1 to 28, got 0');
  // The phase before phase 3 is phase 2, whose attempt is bad: no comparison with phase 1's.
  assert.equal(message([ph('a', 1, 2), ph('b', 11, 0), ph('c', 21, 1)]), 'campaign.phases[1].attempt: expected a whole number from 1 to 31, got 0');
  // A repeated id beside a bad value.
  assert.equal(
    message([ph('a', 1, 1), ph('b', 0, 2), ph('b', 21, 3)]),
    'campaign.phases[1].fromDay: expected a whole number from 1 to 28, got 0; campaign.phases[2].id: expected a unique id, but "b" is used twice',
  );
  assert.equal(message([ph('a', 2, 1)]), 'campaign.phases[0].fromDay: the first phase must start on day 1');
});

test('a playbook\'s JSON text: a byte order mark is passed over, and a problem of the whole text is at playbook', () => {
  assert.equal(m.validatePlaybook('\uFEFF{"name":"Insurance"}'), true);
  for (const [text, message] of [
    ['{"name":"a","region":"US","region":"CA"}', 'playbook: duplicate field "region"'],
    ['{"name":"a",}', 'playbook: trailing comma at line 1 column 13'],
  ]) {
    assert.throws(() => m.validatePlaybook(text), (err) => err instanceof Error && err.message === message && err.path === 'playbook', text);
  }
});

test('a Proxy of a Date as a time argument is an Error naming the argument, and the Worklist works on after one', () => {
  const proxied = () => new Proxy(new Date(NOW), {});
  throwsAt(() => m.evaluate(good(), campaign, proxied()), ['now: ', 'a Date whose time cannot be read'], 'evaluate now');
  throwsAt(() => m.plan(good(), ladder, NOW, proxied()), ['until: '], 'plan until');
  throwsAt(() => m.checkChannel(good(), 'sms', proxied(), campaign), ['at: '], 'checkChannel at');
  throwsAt(() => m.followUpDate(proxied(), NOW), ['engagedAt'], 'followUpDate');
  const w = new m.Worklist(campaign, NOW);
  w.upsert([good()]);
  throwsAt(() => w.refresh(proxied()), ['now'], 'refresh');
  w.refresh(NOW);
  assert.equal(w.get('c1').status, 'noAnswer');
  w.free();
});

test('a batch words a function or a symbol in place of a contact alike, whatever its neighbours hold', () => {
  const cycle = {};
  cycle.self = cycle;
  for (const odd of [() => 1, Symbol('x'), undefined]) {
    const plain = m.evaluateMany([good(), odd], campaign, NOW)[1].error;
    for (const neighbour of [{ ...good(), deal: 5n }, { ...good(), meta: cycle }]) {
      assert.equal(m.evaluateMany([neighbour, odd], campaign, NOW)[1].error, plain);
    }
    assert.match(plain, /^contacts\[1\]: expected a contact object, got (a function|a symbol|undefined)$/);
  }
});

test('planQueue: an item whose array slot throws when read is an Error at its place, and the module works on', () => {
  const lazy = (arr) => new Proxy(arr, { get(t, k) { if (k === '1') throw new Error('boom'); return t[k]; } });
  const e = throwsAt(() => m.planQueue(lazy([{ id: 'a', dueAt: NOW }, { id: 'b', dueAt: NOW }]), { capacityPerDay: 1 }), ['items[1]', 'reading it threw'], 'a lazy queue');
  assert.equal(e.code, 'E_INVALID_INPUT');
  assert.equal(e.path, 'items[1]');
  assert.equal(m.planQueue([{ id: 'a', dueAt: NOW }], { capacityPerDay: 1 }).length, 1);
});

test('JSON text with a number written with a leading zero is refused, as JSON.parse refuses it, never contact 7', () => {
  const w = new m.Worklist(campaign, NOW);
  try {
    w.upsert([{ ...good(), id: 7 }]);
    const errors = w.upsertJson(`[{"id":007,"addedAt":"2026-11-02T10:00:00Z","events":[]}]`);
    assert.equal(errors.length, 1);
    assert.match(errors[0].error, /^contacts\[0\]: not valid JSON: expected no digit after a leading zero/);
    assert.equal(w.get(7).id, 7);
    assert.deepEqual(w.upsertJson(`[{"id":0,"addedAt":"2026-11-02T10:00:00Z","events":[],"priority":0.5}]`), []);
  } finally {
    w.free();
  }
});

test('a null in events (a SQL export of a contact with no history) is no event; NaN there is still an error', () => {
  const now = '2026-11-20T15:00:00Z';
  assert.equal(m.evaluate({ ...good(), events: [null] }, campaign, now).status, 'newAccount');
  const out = { kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'out' };
  assert.equal(m.evaluate({ ...good(), events: [null, out] }, campaign, now).status, 'noSmsReply');
  assert.throws(() => m.evaluate({ ...good(), events: [NaN] }, campaign, now), /events\[0\]/);
});

test("a spreadsheet's serial date where no contact's zone reads a local time: the fix proposed is one the argument takes", () => {
  const message = (f) => { try { f(); } catch (e) { return e.message; } return 'no error'; };
  const follow = message(() => m.followUpDate(46336.625, '2027-01-01T00:00:00Z'));
  assert.match(follow, /^engagedAt: 46336\.625 looks like a spreadsheet's serial date \(2026-11-10 15:00:00\), not epoch milliseconds: write it as 2026-11-10 15:00:00 with an offset$/);
  const w = new m.Worklist(campaign, NOW);
  try {
    assert.doesNotMatch(message(() => w.refresh(46336.625)), /contact's zone/);
  } finally {
    w.free();
  }
  // A queue reads a local time in options.timeZone when one is given; else none.
  const queue = message(() => m.planQueue([{ id: 1, dueAt: 46336.625 }], { capacityPerDay: 5 }));
  assert.match(queue, /^items\[0\]\.dueAt: .*write it as 2026-11-10 15:00:00 with an offset$/);
  const zoned = message(() => m.planQueue([{ id: 1, dueAt: 46336.625 }], { capacityPerDay: 5, timeZone: 'America/Chicago' }));
  assert.match(zoned, /^items\[0\]\.dueAt: .*write it as 2026-11-10 15:00:00 \(read in options\.timeZone\) or with an offset$/);
  // And what it proposes is taken.
  assert.equal(m.planQueue([{ id: 1, dueAt: '2026-11-10 15:00:00' }], { capacityPerDay: 5, timeZone: 'America/Chicago' })[0].id, 1);
});

test('options given as an array: an error that says so, not an unknown field "length"', () => {
  for (const opts of [[], [false], [{ explain: false }]]) {
    throwsAt(() => m.evaluateMany([good()], campaign, NOW, opts), ['options: expected an options object, got an array'], `evaluateMany ${JSON.stringify(opts)}`);
    throwsAt(() => m.evaluateManyJson(JSON.stringify([good()]), campaign, NOW, opts), ['options: expected an options object, got an array'], `evaluateManyJson ${JSON.stringify(opts)}`);
  }
  // An options object still works.
  assert.equal(m.evaluateMany([good()], campaign, NOW, { explain: false })[0].status, 'noAnswer');
});
