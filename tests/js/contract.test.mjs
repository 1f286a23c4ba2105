// The package against its JavaScript contract (docs/contract.md): the field
// lists, event kinds, functions and Worklist methods the contract names are
// read from the document itself, then checked (a) on real answers of the built
// package, (b) in its TypeScript declarations, read with the TypeScript
// compiler, and (c) as exports. A name the contract adds fails here until the
// package has it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const m = require('../../pkg');
const dtsPath = fileURLToPath(new URL('../../pkg/cadence_engine.d.ts', import.meta.url));
const doc = readFileSync(new URL('../../docs/contract.md', import.meta.url), 'utf8');

// ---------------------------------------------------------------- the document

/** The top-level bullets of the document, each as one line of text. */
function bulletsOf(md) {
  const out = [];
  for (const line of md.split('\n')) {
    if (line.startsWith('- ')) out.push(line.slice(2));
    else if (/^\s+\S/.test(line) && out.length > 0 && !/^\s*$/.test(line)) out[out.length - 1] += ` ${line.trim()}`;
  }
  return out;
}

/** The backtick spans of a text, with where each starts. */
function spansOf(text) {
  return [...text.matchAll(/`([^`]+)`/g)].map((x) => ({ text: x[1], at: x.index }));
}

/** Splits `s` on `sep` outside brackets and quotes. */
function splitTop(s, sep = ',') {
  const parts = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  for (const ch of s) {
    if (ch === '"') quote = !quote;
    if (!quote && '{[('.includes(ch)) depth += 1;
    if (!quote && '}])'.includes(ch)) depth -= 1;
    if (!quote && depth === 0 && ch === sep) {
      parts.push(cur.trim());
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}

/**
 * The fields of an object shape as the contract writes it:
 * `{a, b?, c: "x"|"y", d?: {e}, f?: [{g}]}` gives
 * `[{name: "a"}, {name: "b", optional: true}, {name: "c", type: '"x"|"y"'},
 *   {name: "d", optional: true, fields: [...]}, {name: "f", ..., fields: [...]}]`.
 */
function fieldsOf(shape) {
  const inner = shape.trim().replace(/^\[\s*/, '').replace(/\s*\]$/, '');
  assert.ok(inner.startsWith('{') && inner.endsWith('}'), `not an object shape: ${shape}`);
  return splitTop(inner.slice(1, -1)).map((entry) => {
    const [, name, optional, type] = entry.match(/^(\w+)(\?)?\s*(?::\s*(.*))?$/s) ?? [];
    assert.ok(name, `not a field: ${entry} (in ${shape})`);
    const f = { name, optional: optional === '?' };
    if (type !== undefined) {
      f.type = type.trim();
      // `{id: n}` is a map (a count per id), not an object with a field `id`.
      if (/^\{\s*\w+\s*:\s*[a-z]\s*\}$/.test(f.type)) f.map = true;
      else if (/^\[?\s*\{/.test(f.type)) f.fields = fieldsOf(f.type);
    }
    return f;
  });
}

/** A signature span `name(a, b?, {c, d})`: its name and parameters. */
function signatureOf(span) {
  const [, name, params] = span.match(/^(?:new\s+)?(\w+)\((.*)\)$/s) ?? [];
  if (!name) return null;
  return {
    name,
    params: splitTop(params).map((p) => (p.startsWith('{')
      ? { name: '(options)', optional: false, fields: fieldsOf(p) }
      : { name: p.replace('?', ''), optional: p.endsWith('?') })),
  };
}

const bullets = bulletsOf(doc);

/** The bullet that starts with the span `head`. */
function bullet(head) {
  const b = bullets.find((x) => x.startsWith(`\`${head}`));
  assert.ok(b, `docs/contract.md: no bullet starting with \`${head}`);
  return b;
}

/** The first object-shape span after `marker` in `text`. */
function shapeAfter(text, marker) {
  const from = text.indexOf(marker);
  assert.ok(from >= 0, `docs/contract.md: ${JSON.stringify(marker)} not found`);
  const span = spansOf(text).find((s) => s.at > from && /^\[?\{/.test(s.text));
  assert.ok(span, `docs/contract.md: no {shape} after ${JSON.stringify(marker)}`);
  return fieldsOf(span.text);
}

/** The bare identifiers in backticks after `marker` (up to `end`), e.g. `plannedFor`. */
function namesAfter(text, marker, end) {
  const from = text.indexOf(marker);
  const to = end ? text.indexOf(end, from) : text.length;
  assert.ok(from >= 0 && to >= 0, `docs/contract.md: ${JSON.stringify(marker)} not found`);
  return spansOf(text).filter((s) => s.at > from && s.at < to && /^[a-z]\w*$/.test(s.text)).map((s) => s.text);
}

/**
 * The fields of the Evaluation: its `{...}` list, and the names that start a
 * clause of the same bullet ("`validUntil` is ...", "`timeZone` /
 * `timeZoneSource` say ...").
 */
function evaluationFields(b) {
  const listed = shapeAfter(b, '`Evaluation`:');
  const names = new Set(listed.map((f) => f.name));
  const clauses = splitTop(b.replace(/\.\s/g, '; ').replace(/, and /g, '; '), ';').slice(1);
  for (const clause of clauses) {
    const lead = clause.match(/^((?:`[a-z]\w*`\s*(?:\/\s*)?)+)(?:is|are|say|says|lists|:)\b/);
    if (!lead) continue;
    for (const s of spansOf(lead[1])) {
      if (!names.has(s.text)) listed.push({ name: s.text, optional: false, from: 'prose' });
      names.add(s.text);
    }
  }
  return listed;
}

function parseContract() {
  const evaluation = bullet('Evaluation');
  const worklist = bullet('Worklist');
  const [methodsPart] = worklist.split('A filter is');
  const functions = bullets
    .filter((b) => !b.startsWith('`Worklist`'))
    .flatMap((b) => spansOf(b).map((s) => signatureOf(s.text)).filter(Boolean));
  const planQueue = bullet('planQueue(');
  return {
    evaluation: evaluationFields(evaluation),
    next: shapeAfter(evaluation, '`next` is `null` or'),
    nextAuto: shapeAfter(evaluation, '`nextAuto`: `null` or'),
    channels: shapeAfter(evaluation, '`channels` is'),
    channel: shapeAfter(evaluation, 'each'),
    violation: shapeAfter(evaluation.slice(evaluation.indexOf('`violations` lists')), 'each'),
    contact: shapeAfter(bullet('Contact'), '`Contact`:'),
    events: spansOf(bullet('Event')).filter((s) => s.text.startsWith('{')).map((s) => {
      const fields = fieldsOf(s.text);
      const kind = fields.find((f) => f.name === 'kind');
      return { kind: kind?.type?.replace(/"/g, ''), fields };
    }),
    playbook: shapeAfter(bullet('Playbook'), '`Playbook`'),
    classifyReply: shapeAfter(bullet('classifyReply('), '→'),
    checkChannel: shapeAfter(bullet('checkChannel('), '→'),
    planItem: shapeAfter(bullet('plan('), 'each'),
    queueItem: shapeAfter(planQueue, 'where items are'),
    planned: namesAfter(planQueue, 'each item with', ';').map((name) => ({ name, optional: false })),
    functions,
    worklistNew: signatureOf(spansOf(methodsPart).find((s) => s.text.startsWith('new ')).text),
    methods: spansOf(methodsPart).map((s) => signatureOf(s.text)).filter((s) => s && s.name !== 'Worklist'),
    properties: spansOf(methodsPart).filter((s) => /^[a-z]\w*$/.test(s.text)).map((s) => s.text),
    filter: shapeAfter(worklist, 'A filter is'),
    facets: shapeAfter(worklist, 'facets are'),
  };
}

const C = parseContract();
const names = (fs) => fs.map((f) => f.name + (f.optional ? '?' : ''));
const required = (fs) => fs.filter((f) => !f.optional).map((f) => f.name);

test('the contract reads: every list it names is found', (t) => {
  for (const [k, v] of Object.entries(C)) {
    t.diagnostic(`${k}: ${JSON.stringify(Array.isArray(v) ? v.map((x) => x.name ?? x.kind ?? x) : v.name)}`);
  }
  assert.ok(C.evaluation.length >= 15, names(C.evaluation).join(', '));
  assert.deepEqual(C.evaluation.slice(0, 2).map((f) => f.name), ['id', 'status']);
  assert.deepEqual(names(C.channels), ['sms', 'call', 'email']);
  assert.ok(C.next.some((f) => f.name === 'blocking'));
  assert.deepEqual(C.events.map((e) => e.kind), ['message', 'activity', 'dnd', 'stepDone', 'callback', 'horizon']);
  assert.ok(C.playbook.find((f) => f.name === 'steps')?.fields?.some((f) => f.name === 'after'));
  assert.ok(C.functions.length >= 9, C.functions.map((f) => f.name).join(', '));
  assert.ok(C.methods.length >= 7, C.methods.map((f) => f.name).join(', '));
  assert.deepEqual(C.properties, ['size']);
  assert.deepEqual(names(C.facets), ['status', 'next', 'phase', 'allowed']);
});

// ---------------------------------------------------------- (a) real answers

const NOW = '2026-11-12T15:00:00Z';
const ADDED = '2026-11-01T12:00:00Z';
/** Contacts whose evaluations fill every part: a next action, an automatic
 * send, a campaign, a violation, an opt-out. */
const samples = [
  ['call-ladder', { id: 'lead', name: 'Lee', timeZone: 'America/New_York', addedAt: '2026-11-12T14:00:00Z', events: [] }],
  ['call-ladder', { id: 'called', timeZone: 'America/New_York', addedAt: '2026-11-12T13:00:00Z', events: [
    { kind: 'activity', at: '2026-11-12T14:10:00Z', interaction: 'call', outcome: 'noAnswer' }] }],
  ['sequence', { id: 'enrolled', timeZone: 'America/New_York', addedAt: '2026-11-06T14:00:00Z', events: [] }],
  ['monthly-campaign', { id: 'opted', name: 'Ana', timeZone: 'America/New_York', addedAt: ADDED, events: [
    { kind: 'message', at: '2026-11-02T15:00:00Z', channel: 'sms', direction: 'out' },
    { kind: 'message', at: '2026-11-03T15:10:00Z', channel: 'sms', direction: 'in', text: 'STOP' },
    { kind: 'message', at: '2026-11-06T15:00:00Z', channel: 'sms', direction: 'out' }] }],
];
const evaluations = samples.map(([pb, c]) => m.evaluate(c, m.preset(pb), NOW));

/** The names in `want` that `obj` lacks, as `where.name`. */
function lacking(obj, want, where) {
  return want.filter((k) => !(k in obj)).map((k) => `${where}.${k}`);
}

test('a real evaluate() result has every Evaluation field the contract names', () => {
  const missing = new Set();
  for (const ev of evaluations) for (const k of lacking(ev, required(C.evaluation), 'Evaluation')) missing.add(k);
  assert.deepEqual([...missing], []);
});

test('next, nextAuto, channels and violations have the fields the contract names', () => {
  const missing = new Set();
  const add = (list) => list.forEach((k) => missing.add(k));
  let seen = { next: 0, nextAuto: 0, violation: 0 };
  for (const ev of evaluations) {
    if (ev.next) {
      seen.next += 1;
      add(lacking(ev.next, required(C.next), 'next'));
    }
    if (ev.nextAuto) {
      seen.nextAuto += 1;
      add(lacking(ev.nextAuto, required(C.nextAuto), 'nextAuto'));
    }
    add(lacking(ev.channels, required(C.channels), 'channels'));
    for (const ch of required(C.channels)) if (ev.channels[ch]) add(lacking(ev.channels[ch], required(C.channel), `channels.${ch}`));
    for (const v of ev.violations) {
      seen.violation += 1;
      add(lacking(v, required(C.violation), 'violations[]'));
    }
  }
  assert.deepEqual([...missing], []);
  // The samples do exercise each part (an automatic send: the ladder's Intro Email).
  assert.ok(seen.next > 0 && seen.violation > 0, JSON.stringify(seen));
  assert.ok(seen.nextAuto > 0, 'no sample has a nextAuto: the Intro Email the ladder sends after the first call should');
});

test('classifyReply, checkChannel, plan and planQueue answer with the fields the contract names', () => {
  const missing = [
    ...lacking(m.classifyReply('please stop calling me'), required(C.classifyReply), 'classifyReply()'),
    ...lacking(m.checkChannel(samples[0][1], 'call', NOW, m.preset('call-ladder')), required(C.checkChannel), 'checkChannel()'),
  ];
  const steps = m.plan(samples[0][1], m.preset('call-ladder'), NOW, '2027-01-01T00:00:00Z');
  assert.ok(steps.length > 0);
  for (const s of steps) missing.push(...lacking(s, required(C.planItem), 'plan()[]'));
  const queued = m.planQueue([{ id: 'a', priority: 1, dueAt: NOW }, { id: 'b', priority: 2, dueAt: NOW }],
    { capacityPerDay: 1, timeZone: 'America/New_York', from: NOW });
  assert.equal(queued.length, 2);
  for (const q of queued) missing.push(...lacking(q, [...required(C.queueItem), ...required(C.planned)], 'planQueue()[]'));
  assert.deepEqual([...new Set(missing)], []);
});

test('a Worklist answers facets with the fields the contract names, and takes every filter field', () => {
  const wl = new m.Worklist(m.preset('sequence'), NOW);
  try {
    wl.upsert(samples.map(([, c]) => c));
    assert.deepEqual(lacking(wl.facets({}), required(C.facets), 'facets()'), []);
    const refused = [];
    for (const f of C.filter) {
      const value = { status: ['newAccount'], next: ['Call'], phase: ['initiate'], allowed: ['sms'], text: 'a' }[f.name] ?? true;
      try {
        wl.query({ [f.name]: value });
      } catch (e) {
        refused.push(`filter.${f.name}: ${e.message}`);
      }
    }
    assert.deepEqual(refused, []);
  } finally {
    wl.free();
  }
});

// ------------------------------------------------------- (b) the declarations

const program = ts.createProgram([dtsPath], { noEmit: true, strict: true, target: ts.ScriptTarget.ES2020 });
const checker = program.getTypeChecker();
const source = program.getSourceFile(dtsPath);
const exported = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(source)).map((s) => [s.name, s]));

/** A declared type by name (interface, type alias or class instance). */
function declared(name) {
  const s = exported.get(name);
  assert.ok(s, `${name} is not exported by the .d.ts`);
  return checker.getDeclaredTypeOfSymbol(s);
}

/** `T | null | undefined` and `T[]` unwrapped to T. */
function bare(type) {
  let t = checker.getNonNullableType(type);
  if (checker.isArrayType(t)) t = checker.getNonNullableType(checker.getTypeArguments(t)[0]);
  return t;
}

function propertyType(type, name) {
  const p = checker.getPropertyOfType(type, name);
  return p ? checker.getTypeOfSymbolAtLocation(p, source) : undefined;
}

/**
 * The contract fields `type` does not declare, as `where.name`, nested shapes
 * included. For an answer (`output`), a field the contract does not mark
 * optional must not be optional in the declaration either.
 */
function undeclared(type, fields, where, output) {
  const out = [];
  for (const f of fields) {
    const p = checker.getPropertyOfType(type, f.name);
    if (!p) {
      out.push(`${where}.${f.name}`);
      continue;
    }
    if (output && !f.optional && p.flags & ts.SymbolFlags.Optional) out.push(`${where}.${f.name} (declared optional)`);
    if (f.map && !checker.getIndexInfoOfType(bare(checker.getTypeOfSymbolAtLocation(p, source)), ts.IndexKind.String)) {
      out.push(`${where}.${f.name} (not declared as a map)`);
    }
    if (f.fields) out.push(...undeclared(bare(checker.getTypeOfSymbolAtLocation(p, source)), f.fields, `${where}.${f.name}`, output));
  }
  return out;
}

/** The call signature of an exported function. */
function signature(name) {
  const s = exported.get(name);
  if (!s) return undefined;
  return checker.getTypeOfSymbolAtLocation(s, source).getCallSignatures()[0];
}

test('the .d.ts declares every Evaluation field, and next, nextAuto, channels and violations', () => {
  const ev = checker.getReturnTypeOfSignature(signature('evaluate'));
  const missing = undeclared(ev, C.evaluation, 'Evaluation', true);
  const part = (name) => {
    const t = propertyType(ev, name);
    return t ? bare(t) : undefined;
  };
  for (const [name, fields] of [['next', C.next], ['nextAuto', C.nextAuto], ['channels', C.channels], ['violations', C.violation]]) {
    const t = part(name);
    if (t) missing.push(...undeclared(t, fields, name === 'violations' ? 'violations[]' : name, true));
  }
  const channels = part('channels');
  for (const ch of C.channels.map((f) => f.name)) {
    const t = channels && propertyType(channels, ch);
    if (t) missing.push(...undeclared(bare(t), C.channel, `channels.${ch}`, true));
  }
  assert.deepEqual(missing, []);
});

test('the .d.ts declares the Contact, every Event kind with its fields, and the Playbook', () => {
  const missing = undeclared(declared('Contact'), C.contact, 'Contact', false);
  const event = bare(propertyType(declared('Contact'), 'events'));
  const members = event.isUnion() ? event.types : [event];
  for (const e of C.events) {
    const member = members.find((t) => {
      const k = propertyType(t, 'kind');
      return k && k.isStringLiteral() && k.value === e.kind;
    });
    if (!member) missing.push(`Event kind ${e.kind}`);
    else missing.push(...undeclared(member, e.fields, `Event(${e.kind})`, false));
  }
  missing.push(...undeclared(declared('Playbook'), C.playbook, 'Playbook', false));
  assert.deepEqual(missing, []);
});

test('the .d.ts declares the answers of classifyReply, checkChannel, plan and planQueue', () => {
  const missing = [];
  const answer = (name) => {
    const sig = signature(name);
    if (!sig) missing.push(`${name}()`);
    return sig && bare(checker.getReturnTypeOfSignature(sig));
  };
  const reply = answer('classifyReply');
  if (reply) missing.push(...undeclared(reply, C.classifyReply, 'classifyReply()', true));
  const check = answer('checkChannel');
  if (check) missing.push(...undeclared(check, C.checkChannel, 'checkChannel()', true));
  const step = answer('plan');
  if (step) missing.push(...undeclared(step, C.planItem, 'plan()[]', true));
  const planned = answer('planQueue');
  if (planned) missing.push(...undeclared(planned, [...C.queueItem, ...C.planned], 'planQueue()[]', true));
  const queue = signature('planQueue');
  if (queue) {
    const [items, options] = queue.getParameters().map((p) => bare(checker.getTypeOfSymbolAtLocation(p, source)));
    missing.push(...undeclared(items, C.queueItem, 'planQueue(items)', false));
    const wanted = C.functions.find((f) => f.name === 'planQueue').params.find((p) => p.fields);
    missing.push(...undeclared(options, wanted.fields, 'planQueue(, options)', false));
  }
  assert.deepEqual(missing, []);
});

test('the .d.ts declares the Worklist, its Filter and its Facets', () => {
  const wl = declared('Worklist');
  const missing = [];
  for (const meth of [...C.methods.map((x) => x.name), ...C.properties]) {
    if (!checker.getPropertyOfType(wl, meth)) missing.push(`Worklist.${meth}`);
  }
  const query = propertyType(wl, 'query')?.getCallSignatures()[0];
  const filter = query && bare(checker.getTypeOfSymbolAtLocation(query.getParameters()[0], source));
  if (filter) missing.push(...undeclared(filter, C.filter, 'Filter', false));
  const facets = propertyType(wl, 'facets')?.getCallSignatures()[0];
  if (facets) missing.push(...undeclared(bare(checker.getReturnTypeOfSignature(facets)), C.facets, 'Facets', true));
  const ctor = checker.getTypeOfSymbolAtLocation(exported.get('Worklist'), source).getConstructSignatures()[0];
  if (!ctor || ctor.getParameters().length < C.worklistNew.params.length) missing.push('new Worklist(playbook)');
  assert.deepEqual(missing, []);
});

// --------------------------------------------------------------- (c) exports

test('every function the contract names is exported, declared, and takes its parameters', async () => {
  const esm = await import(new URL('../../pkg/node/index.mjs', import.meta.url));
  const missing = [];
  for (const f of C.functions) {
    if (typeof m[f.name] !== 'function') missing.push(`require: ${f.name}`);
    if (typeof esm[f.name] !== 'function') missing.push(`import: ${f.name}`);
    const sig = signature(f.name);
    if (!sig) missing.push(`.d.ts: ${f.name}`);
    else if (sig.getParameters().length < f.params.length) {
      missing.push(`.d.ts: ${f.name}(${sig.getParameters().map((p) => p.name).join(', ')}) lacks ${f.params.slice(sig.getParameters().length).map((p) => p.name).join(', ')}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every Worklist method the contract names exists on a real Worklist', () => {
  const wl = new m.Worklist(m.preset('monthly-campaign'));
  try {
    const missing = C.methods.filter((x) => typeof wl[x.name] !== 'function').map((x) => `Worklist.${x.name}()`);
    missing.push(...C.properties.filter((p) => typeof wl[p] !== 'number').map((p) => `Worklist.${p}`));
    assert.deepEqual(missing, []);
  } finally {
    wl.free();
  }
});

test("a local now is read in each contact's zone; a Worklist's clock must carry an offset", () => {
  const pb = { name: 'Local now' };
  const at = (zone) => ({ id: zone ?? 'none', ...(zone ? { timeZone: zone } : {}), addedAt: '2026-11-01T12:00:00Z', events: [] });
  const ny = at('America/New_York');
  const la = at('America/Los_Angeles');
  const none = at(undefined);
  // 07:59 local: quiet hours in both zones until 08:00 of each.
  const many = m.evaluateMany([ny, none, la], pb, '2026-11-12 07:59');
  assert.equal(many[0].channels.call.nextAllowedAt, '2026-11-12T08:00:00-05:00');
  assert.equal(many[2].channels.call.nextAllowedAt, '2026-11-12T08:00:00-08:00');
  assert.deepEqual(many[0], m.evaluate(ny, pb, '2026-11-12 07:59'));
  assert.deepEqual(many[0], m.evaluate(ny, pb, '2026-11-12T07:59:00-05:00'));
  // The contact with no zone gets its own error, at `now` under its index,
  // as every error of a batch is.
  assert.equal(many[1].id, 'none');
  assert.equal(many[1].path, 'contacts[1].now');
  assert.match(many[1].error, /^contacts\[1\]\.now: a local date-time without an offset \("2026-11-12 07:59"\) is read in the contact's zone/);
  assert.deepEqual(JSON.parse(m.evaluateManyJson(JSON.stringify([ny, none, la]), pb, '2026-11-12 07:59')), many);
  assert.throws(() => m.evaluate(none, pb, '2026-11-12 07:59'), (e) => e instanceof Error && e.message.startsWith('now: a local date-time'));
  assert.deepEqual(m.checkChannel(la, 'sms', '2026-11-12 07:59', pb), m.checkChannel(la, 'sms', '2026-11-12T07:59:00-08:00', pb));
  // One clock for many contacts: a Worklist's `now` names its offset.
  for (const f of [() => new m.Worklist(pb, '2026-11-12 07:59'), () => new m.Worklist(pb, '2026-11-12T07:59:00Z').refresh('2026-11-12 08:00')]) {
    assert.throws(f, (e) => e instanceof Error && /^now: expected a time with an offset .* this time is not one contact's$/.test(e.message));
  }
  // And what they expect, when the text is no time at all: no local date-time.
  const w = new m.Worklist(pb, '2026-11-12T07:59:00Z');
  for (const [f, at] of [[() => w.refresh('soon'), 'now'], [() => new m.Worklist(pb, 'soon'), 'now'], [() => m.followUpDate('soon', '2027-01-01T00:00:00Z'), 'engagedAt']]) {
    assert.throws(f, (e) => e instanceof Error && e.message === `${at}: expected an RFC 3339 time with an offset or epoch milliseconds, got "soon"`);
  }
  w.free();
});

test('a time may be a Temporal value or a date library object, as inside a contact', () => {
  const pb = m.preset('monthly-campaign');
  const c = { id: 't', timeZone: 'America/New_York', addedAt: '2026-11-01T12:00:00Z', events: [
    { kind: 'message', at: '2026-11-03T10:15:00-05:00[America/New_York]', channel: 'sms', direction: 'in', text: 'STOP' },
  ] };
  const now = '2026-11-04T10:00:00-05:00';
  const want = m.evaluate(c, pb, now);
  assert.equal(want.channels.sms.reason, 'dnd');
  // Temporal.ZonedDateTime's text (RFC 9557): the offset decides, the annotations are read past.
  assert.deepEqual(m.evaluate(c, pb, '2026-11-04T10:00:00-05:00[America/New_York][u-ca=iso8601]'), want);
  // A Temporal.Instant or ZonedDateTime: its epoch milliseconds.
  const instant = { epochMilliseconds: Date.parse(now), toJSON: () => '2026-11-04T15:00:00Z' };
  assert.deepEqual(m.evaluate(c, pb, instant), want);
  assert.deepEqual(m.evaluateMany([c], pb, instant), [want]);
  // In a record, which crosses as its JSON text, an object is read by its
  // toJSON: the Instant is; a bare {epochMilliseconds} is an error at its path.
  assert.deepEqual(m.evaluate({ ...c, addedAt: { ...instant, toJSON: () => '2026-11-01T12:00:00Z' } }, pb, now), want);
  assert.throws(() => m.evaluate({ ...c, addedAt: { epochMilliseconds: Date.parse(now) } }, pb, now),
    (e) => e instanceof Error && e.path === 'addedAt' && /got an object/.test(e.message));
  // Luxon, Day.js, Moment, Temporal.PlainDateTime: the text `toJSON` gives.
  const luxon = { toJSON: () => '2026-11-04T10:00:00.000-05:00' };
  const plain = { toJSON: () => '2026-11-04T10:00:00' };
  assert.deepEqual(m.evaluate(c, pb, luxon), want);
  assert.deepEqual(m.evaluate(c, pb, plain), want);
  assert.deepEqual(m.checkChannel(c, 'sms', luxon, pb), m.checkChannel(c, 'sms', now, pb));
  // followUpDate writes its answer in engagedAt's offset, a library's too.
  assert.equal(m.followUpDate(luxon, '2027-01-04T15:00:00Z'), '2026-11-24T18:00:00-05:00');
  const w = new m.Worklist(pb);
  w.upsert([c]);
  w.refresh(instant);
  assert.deepEqual(w.get('t'), want);
  // One clock for many contacts still names its offset; a zone without an offset is no time.
  assert.throws(() => w.refresh(plain), (e) => e instanceof Error && /^now: expected a time with an offset/.test(e.message));
  assert.throws(() => m.evaluate(c, pb, { toJSON: () => 'soon' }), (e) => e instanceof Error && /^now: expected an RFC 3339 time/.test(e.message));
  // A critical annotation asks for a check against the offset: refused, as text after the last tag is.
  for (const bad of ['2026-11-04T10:00:00-05:00[!Europe/Paris]', '2026-11-04T15:00:00Z[UTC]junk]']) {
    assert.throws(() => m.evaluate(c, pb, bad), (e) => e instanceof Error && e.message.startsWith('now: expected'), bad);
  }
  assert.throws(() => m.evaluate({ ...c, events: [{ ...c.events[0], at: '2026-11-03T10:15:00[America/New_York]' }] }, pb, now),
    (e) => e instanceof Error && e.message.startsWith('events[0].at: expected'));
});
