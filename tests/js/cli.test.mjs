// The command-line tool on 100,000 contacts, and evaluateManyParallel against
// evaluateMany. Throughput is printed, not asserted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pkgDir = fileURLToPath(new URL('../../pkg', import.meta.url));
const cli = join(pkgDir, 'node', 'cli.cjs');
const engine = require(pkgDir);
const NOW = '2026-11-12T15:00:00Z';
const N = 100000;
const BAD_LINE = 4321; // 1-based line number of the broken record
let dir;
let file;

const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Toronto'];
function contact(i) {
  const events = [];
  if (i % 3 === 1) events.push({ kind: 'activity', at: '2026-11-03T16:00:00Z', interaction: 'call', outcome: i % 2 ? 'noAnswer' : 'leftVoicemail' });
  if (i % 11 === 0) events.push({ kind: 'message', at: '2026-11-04T16:00:00Z', channel: 'sms', direction: 'in', text: 'STOP' });
  if (i % 13 === 0) events.push({ kind: 'activity', at: '2026-11-05T16:00:00Z', interaction: 'call', outcome: 'sold' });
  return {
    id: `c${i}`, name: `Lead ${i}`, timeZone: ZONES[i % ZONES.length],
    addedAt: `2026-11-${String(1 + (i % 11)).padStart(2, '0')}T15:00:00Z`, priority: i % 5, events,
  };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadence-cli-'));
  file = join(dir, 'contacts.ndjson');
  const lines = [];
  for (let i = 0; i < N; i++) {
    if (lines.length + 1 === BAD_LINE) lines.push('{"id": "broken", "addedAt": ');
    lines.push(JSON.stringify(contact(i)));
  }
  writeFileSync(file, lines.join('\n') + '\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args, input) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 30 });
  return { ...r, ms: Date.now() - t0 };
}

test('the package ships the tool and the parallel module', () => {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  assert.equal(manifest.bin['cadence-engine'], './node/cli.cjs');
  assert.equal(manifest.exports['./parallel'], './node/parallel.cjs');
  assert.equal(manifest.exports['.'].require, './node/cadence_engine.js');
  assert.ok(existsSync(join(pkgDir, 'node', 'parallel.cjs')));
});

test(`queue: ${N.toLocaleString('en-US')} NDJSON lines, today's calls in order, the bad line reported`, () => {
  const r = run(['queue', file, '--playbook', 'call-ladder', '--now', NOW, '--capacity', '60', '--time-zone', 'America/New_York', '--workers', '2']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'rank,plannedFor,id,name,priority,label,channel,dueAt,deferredDays,status,stage');
  const rows = lines.slice(1).map((l) => l.split(','));
  assert.equal(rows.length, 60);
  assert.deepEqual(rows.map((x) => Number(x[0])), Array.from({ length: 60 }, (_, i) => i + 1));
  for (const x of rows) assert.equal(x[1], '2026-11-12');
  const pr = rows.map((x) => Number(x[4]));
  for (let i = 1; i < pr.length; i++) assert.ok(pr[i - 1] >= pr[i], `priority order at rank ${i + 1}`);
  assert.match(r.stderr, new RegExp(`line ${BAD_LINE}: invalid JSON`));
  assert.match(r.stderr, new RegExp(`${N + 1} records read, ${N} evaluated, 1 bad`));
  assert.match(r.stderr, /\d[\d,]* read, [\d,]+ evaluated/); // progress on a large input

  // The same queue from the engine directly.
  const contacts = Array.from({ length: N }, (_, i) => contact(i));
  const evs = engine.evaluateMany(contacts, engine.preset('call-ladder'), NOW);
  const items = evs.filter((e) => e.next && e.next.channel === 'call').map((e) => ({ id: e.id, priority: e.priority, dueAt: e.next.dueAt }));
  const planned = engine.planQueue(items, { capacityPerDay: 60, timeZone: 'America/New_York', from: NOW }).filter((p) => p.plannedFor === '2026-11-12');
  assert.deepEqual(rows.map((x) => x[2]), planned.map((p) => p.id));
  console.log(`queue: ${N + 1} lines in ${r.ms} ms = ${Math.round((N + 1) / (r.ms / 1000))} lines/s (2 workers)`);
});

test('queue --format ndjson --days 3, --channel all and sms', () => {
  const r = run(['queue', file, '--playbook', 'monthly-campaign', '--now', NOW, '--capacity', '100', '--days', '3', '--channel', 'all', '--format', 'ndjson', '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, 300);
  assert.deepEqual([...new Set(rows.map((x) => x.plannedFor))], ['2026-11-12', '2026-11-13', '2026-11-14']);
  const sms = run(['queue', file, '--playbook', 'monthly-campaign', '--now', NOW, '--capacity', '100', '--channel', 'sms', '--format', 'ndjson', '--quiet']);
  const smsRows = sms.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(smsRows.length > 0);
  assert.deepEqual([...new Set(smsRows.map((x) => x.channel))], ['sms']);
  assert.match(r.stderr, new RegExp(`line ${BAD_LINE}:`)); // bad lines are reported even with --quiet
});

test('evaluate: one evaluation per line, in input order; bad records in place', () => {
  const r = run(['evaluate', file, '--playbook', 'monthly-campaign', '--now', NOW]);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trim().split('\n');
  assert.equal(out.length, N + 1);
  const bad = JSON.parse(out[BAD_LINE - 1]);
  assert.equal(bad.line, BAD_LINE);
  assert.match(bad.error, /invalid JSON/);
  assert.equal(JSON.parse(out[0]).id, 'c0');
  assert.equal(JSON.parse(out[BAD_LINE]).id, `c${BAD_LINE - 1}`);
  assert.equal(JSON.parse(out[N]).id, `c${N - 1}`);
  const direct = engine.evaluate(contact(77), engine.preset('monthly-campaign'), NOW);
  assert.deepEqual(JSON.parse(out[77]), direct);
  console.log(`evaluate: ${N + 1} lines in ${r.ms} ms = ${Math.round((N + 1) / (r.ms / 1000))} lines/s`);
});

test('a JSON array on standard input, a playbook file, invalid contacts with their line', () => {
  const pb = join(dir, 'pb.json');
  writeFileSync(pb, JSON.stringify({ ...engine.preset('call-ladder'), name: 'Mine' }));
  const arr = '[\n' + [contact(1), { id: 'x', addedAt: 'yesterday' }, contact(2)].map((c) => JSON.stringify(c, null, 1)).join(',\n') + '\n]\n';
  const r = run(['evaluate', '-', '--playbook', pb, '--now', NOW], arr);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => o.id), ['c1', 'x', 'c2']);
  assert.match(out[1].error, /addedAt/);
  const line = arr.split('\n').findIndex((l) => l.includes('"x"')); // the record starts one line above its id
  assert.match(r.stderr, new RegExp(`line ${line}: addedAt: expected an RFC 3339 time`));
});

test('exit codes: nothing readable is an error; usage errors; bad playbook path', () => {
  const empty = join(dir, 'empty.ndjson');
  writeFileSync(empty, '\n\n');
  const allBad = join(dir, 'bad.ndjson');
  writeFileSync(allBad, 'not json\n{"id": 1}\n');
  assert.equal(run(['queue', empty, '--playbook', 'call-ladder', '--now', NOW, '--capacity', '5']).status, 1);
  const b = run(['queue', allBad, '--playbook', 'call-ladder', '--now', NOW, '--capacity', '5']);
  assert.equal(b.status, 1);
  assert.match(b.stderr, /line 1: invalid JSON/);
  assert.match(b.stderr, /line 2: addedAt: required/);
  assert.equal(run(['queue', join(dir, 'missing.ndjson'), '--playbook', 'call-ladder', '--now', NOW, '--capacity', '5']).status, 1);
  assert.equal(run(['queue', empty, '--playbook', 'nope', '--now', NOW, '--capacity', '5']).status, 2);
  assert.equal(run(['queue', empty, '--playbook', 'call-ladder', '--now', NOW]).status, 2);
  assert.equal(run(['queue', empty, '--playbook', 'call-ladder', '--now', NOW, '--capacity', '5', '--time-zone', 'Mars/Base']).status, 2);
  const badNow = run(['evaluate', empty, '--playbook', 'call-ladder', '--now', 'tomorrow']);
  assert.equal(badNow.status, 1);
  assert.match(badNow.stderr, /now: /);
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /next action is a call/);
});

test('evaluateManyParallel equals evaluateMany, bad contacts included', async () => {
  const { evaluateManyParallel } = require(join(pkgDir, 'node', 'parallel.cjs'));
  const contacts = Array.from({ length: 4000 }, (_, i) => (i % 997 === 5 ? { id: `bad${i}`, addedAt: 'soon' } : contact(i)));
  contacts.push({ id: 'no-added-at' });
  const pb = engine.preset('monthly-campaign');
  let t = Date.now();
  const seq = engine.evaluateMany(contacts, pb, NOW);
  const seqMs = Date.now() - t;
  t = Date.now();
  const par = await evaluateManyParallel(contacts, pb, NOW, { workers: 2 });
  const parMs = Date.now() - t;
  assert.equal(par.length, contacts.length);
  assert.deepEqual(par, seq);
  assert.match(par[3993].error, /^contacts\[3993\]\.addedAt: /);
  assert.deepEqual(await evaluateManyParallel([], pb, NOW), []);
  await assert.rejects(evaluateManyParallel(contacts.slice(0, 10), { name: 'x', bogus: true }, NOW), /^Error: playbook\.bogus: unknown field/);
  await assert.rejects(evaluateManyParallel('nope', pb, NOW), /contacts: expected an array/);
  console.log(`${contacts.length} contacts: evaluateMany ${seqMs} ms, evaluateManyParallel (2 workers) ${parMs} ms`);
});
