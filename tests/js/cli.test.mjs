// The command-line tool as people use it: NDJSON and CSV exports from a CRM,
// events in a second file, CSV out with the columns a call list needs, pipes
// that close early, exit codes; and evaluateManyParallel against evaluateMany.
// Throughput is printed, not asserted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';

const require = createRequire(import.meta.url);
const pkgDir = fileURLToPath(new URL('../../pkg', import.meta.url));
const examples = fileURLToPath(new URL('../../docs/examples/', import.meta.url));
const cliDoc = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');
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
const csv = (text) => parseCsv(text, { columns: true });

test('the package ships the tool, the parallel module and its types', () => {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  assert.equal(manifest.bin['cadence-engine'], './node/cli.cjs');
  assert.deepEqual(manifest.exports['./parallel'], { types: './node/parallel.d.cts', default: './node/parallel.cjs' });
  assert.deepEqual(Object.keys(manifest.dependencies).sort(), ['csv-parse', 'csv-stringify']);
  for (const f of ['parallel.cjs', 'parallel.d.cts', 'records.cjs', 'cli.cjs']) assert.ok(existsSync(join(pkgDir, 'node', f)), f);
});

test('--version prints the package version', () => {
  const r = run(['--version']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout.trim(), JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version);
});

test(`queue: ${N.toLocaleString('en-US')} NDJSON lines, today's calls in order, the bad line reported, exit 1 unless --allow-bad`, () => {
  const args = ['queue', file, '--playbook', 'call-ladder', '--now', NOW, '--capacity', '60', '--time-zone', 'America/New_York', '--workers', '2', '--format', 'csv'];
  const r = run(args);
  assert.equal(r.status, 1, r.stderr); // one bad record
  const rows = csv(r.stdout);
  assert.equal(rows.length, 60);
  assert.deepEqual(Object.keys(rows[0]), ['rank', 'plannedFor', 'id', 'name', 'priority', 'label', 'channel', 'dueAt', 'deferredDays', 'status', 'stage']);
  assert.deepEqual(rows.map((x) => Number(x.rank)), Array.from({ length: 60 }, (_, i) => i + 1));
  for (const x of rows) assert.equal(x.plannedFor, '2026-11-12');
  const pr = rows.map((x) => Number(x.priority));
  for (let i = 1; i < pr.length; i++) assert.ok(pr[i - 1] >= pr[i], `priority order at rank ${i + 1}`);
  assert.match(r.stderr, new RegExp(`line ${BAD_LINE}: invalid JSON`));
  assert.match(r.stderr, new RegExp(`${N + 1} records read, ${N} evaluated, 1 bad`));
  assert.doesNotMatch(r.stderr, /\r|%/, 'no progress when stderr is not a terminal');

  // The same queue from the engine directly; due times in the contact's own offset.
  const contacts = Array.from({ length: N }, (_, i) => contact(i));
  const evs = engine.evaluateMany(contacts, engine.preset('call-ladder'), NOW);
  const byId = new Map(evs.map((e) => [e.id, e]));
  const items = evs.filter((e) => e.next && e.next.channel === 'call').map((e) => ({ id: e.id, priority: e.priority, dueAt: e.next.dueAt }));
  const planned = engine.planQueue(items, { capacityPerDay: 60, timeZone: 'America/New_York', from: NOW }).filter((p) => p.plannedFor === '2026-11-12');
  assert.deepEqual(rows.map((x) => x.id), planned.map((p) => p.id));
  for (const x of rows) assert.equal(x.dueAt, byId.get(x.id).next.dueAt);
  assert.ok(rows.some((x) => !x.dueAt.endsWith('Z') && !x.dueAt.endsWith('+00:00')), 'local offsets');
  console.log(`queue: ${N + 1} lines in ${r.ms} ms = ${Math.round((N + 1) / (r.ms / 1000))} lines/s (2 workers)`);

  const allowed = run([...args, '--allow-bad', '--quiet']);
  assert.equal(allowed.status, 0, allowed.stderr);
  assert.equal(allowed.stdout, r.stdout);
});

test('queue --format ndjson --days 3, --channel all and sms', () => {
  const r = run(['queue', file, '--playbook', 'monthly-campaign', '--now', NOW, '--capacity', '100', '--days', '3', '--channel', 'all', '--quiet', '--allow-bad']);
  assert.equal(r.status, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l)); // ndjson by default
  assert.equal(rows.length, 300);
  assert.deepEqual([...new Set(rows.map((x) => x.plannedFor))], ['2026-11-12', '2026-11-13', '2026-11-14']);
  const sms = run(['queue', file, '--playbook', 'monthly-campaign', '--now', NOW, '--capacity', '100', '--channel', 'sms', '--format', 'ndjson', '--quiet']);
  const smsRows = sms.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(smsRows.length > 0);
  assert.deepEqual([...new Set(smsRows.map((x) => x.channel))], ['sms']);
  assert.match(r.stderr, new RegExp(`line ${BAD_LINE}:`)); // bad lines are reported even with --quiet
});

test('evaluate: one evaluation per line, in input order; bad records in place', () => {
  const r = run(['evaluate', file, '--playbook', 'monthly-campaign', '--now', NOW, '--allow-bad']);
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

test('on a terminal: progress with percent and time left, erased before an error line', { skip: !existsSync('/usr/bin/script') && 'needs script(1) for a pseudo-terminal' }, () => {
  const out = join(dir, 'tty.ndjson');
  // script(1) runs the tool on a pseudo-terminal, as a person at a terminal would.
  const r = spawnSync('script', ['-qec', `"${process.execPath}" "${cli}" evaluate "${file}" --playbook monthly-campaign --now ${NOW} --allow-bad -o "${out}"`, '/dev/null'],
    { encoding: 'utf8', timeout: 120000 });
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /\[cadence-engine\] [\d,]+ contacts · \d+% · \d+ s left/);
  // The error line stands alone: the progress line was erased (\r ESC[K) before it.
  const lines = r.stdout.split(/\r\n|\n/).map((l) => l.split('\r').pop().replace(/\x1b\[K/g, ''));
  assert.ok(lines.includes(`cadence-engine: line ${BAD_LINE}: invalid JSON: Unexpected end of JSON input (id "broken")`), lines.filter((l) => l.includes('line ')).join('\n'));
});

test('a reader that closes early (| head -1) ends the tool at once, with status 0', { timeout: 60000 }, () => {
  // Without the fix the tool waited forever for a `drain` that never came; the
  // spawn timeout turns a hang into a failure (signal SIGTERM) instead of a stuck run.
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${cli}" evaluate "${file}" --playbook monthly-campaign --now ${NOW} --allow-bad | head -1`],
    { encoding: 'utf8', timeout: 30000, maxBuffer: 1 << 26 });
  assert.equal(r.signal, null, 'the pipeline did not end by itself');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).id, 'c0');
  assert.doesNotMatch(r.stderr, /EPIPE|Error/);
});

test('standard output destroyed mid-stream: the process exits', { timeout: 60000 }, async () => {
  const child = spawn(process.execPath, [cli, 'evaluate', file, '--playbook', 'monthly-campaign', '--now', NOW, '--allow-bad', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  child.stdout.destroy();
  const [code, signal] = await new Promise((resolve) => child.on('exit', (c, s) => resolve([c, s])));
  assert.equal(signal, null);
  assert.equal(code, 0, err);
});

test('a JSON array on standard input, a playbook file, invalid contacts with their line', () => {
  const pb = join(dir, 'pb.json');
  writeFileSync(pb, JSON.stringify({ ...engine.preset('call-ladder'), name: 'Mine' }));
  const arr = '[\n' + [contact(1), { id: 'x', addedAt: 'yesterday' }, contact(2)].map((c) => JSON.stringify(c, null, 1)).join(',\n') + '\n]\n';
  const r = run(['evaluate', '-', '--playbook', pb, '--now', NOW], arr);
  assert.equal(r.status, 1, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => o.id), ['c1', 'x', 'c2']);
  assert.match(out[1].error, /^addedAt: /);
  const line = arr.split('\n').findIndex((l) => l.includes('"x"')); // the record starts one line above its id
  assert.match(r.stderr, new RegExp(`line ${line}: addedAt: expected an RFC 3339 time`));
  assert.doesNotMatch(r.stderr, /contacts\[/);
});

test('exit codes: nothing readable is an error; usage errors; bad playbook path', () => {
  const empty = join(dir, 'empty.ndjson');
  writeFileSync(empty, '\n\n');
  const allBad = join(dir, 'bad.ndjson');
  writeFileSync(allBad, 'not json\n{"id": 1}\n');
  assert.equal(run(['queue', empty, '--playbook', 'call-ladder', '--now', NOW, '--capacity', '5']).status, 1);
  const b = run(['queue', allBad, '--playbook', 'call-ladder', '--now', NOW, '--capacity', '5', '--allow-bad']);
  assert.equal(b.status, 1); // --allow-bad still needs one good record
  assert.match(b.stderr, /line 1: invalid JSON/);
  assert.match(b.stderr, /line 2: addedAt: required/);
  assert.equal(run(['queue', join(dir, 'missing.ndjson'), '--playbook', 'call-ladder', '--now', NOW, '--capacity', '5']).status, 1);
  // An unknown preset or playbook file is a bad playbook (1), as docs/cli.md says.
  assert.equal(run(['queue', empty, '--playbook', 'nope', '--now', NOW, '--capacity', '5']).status, 1);
  assert.equal(run(['queue', empty, '--playbook', 'call-ladder', '--now', NOW]).status, 2);
  assert.equal(run(['queue', empty, '--playbook', 'call-ladder', '--now', NOW, '--capacity', '5', '--time-zone', 'Mars/Base']).status, 2);
  // Past the engine's bounds: a usage error naming the option, not the engine's path.
  // Decimal digits alone: JavaScript's number syntax is no count.
  for (const [opt, v] of [['--capacity', '20000000'], ['--days', '100000000'], ['--capacity', '0x1'], ['--capacity', '1e0'],
    ['--days', '0b1'], ['--days', '1.0'], ['--capacity', ' 1'], ['--workers', '0x2'], ['--workers', '2e0']]) {
    const r = run(['queue', empty, '--playbook', 'call-ladder', '--now', NOW, '--capacity', '5', opt, v]);
    assert.equal(r.status, 2, `${opt} ${v}`);
    assert.match(r.stderr, new RegExp(`${opt}: expected a whole number from 1 to`));
  }
  assert.equal(run(['evaluate', empty, '--playbook', 'call-ladder', '--bogus']).status, 2);
  assert.equal(run(['evaluate', empty, '--playbook', 'call-ladder', '--format', 'xml']).status, 2);
  const badNow = run(['evaluate', empty, '--playbook', 'call-ladder', '--now', 'tomorrow']);
  assert.equal(badNow.status, 1);
  assert.match(badNow.stderr, /now: /);
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /next action is a call/);
});

test('--now defaults to the clock', () => {
  const one = join(dir, 'one.ndjson');
  writeFileSync(one, JSON.stringify({ id: 'a', timeZone: 'America/New_York', addedAt: Date.now() - 3600000 }) + '\n');
  const r = run(['evaluate', one, '--playbook', 'monthly-campaign', '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  const ev = JSON.parse(r.stdout);
  const month = new Date().toLocaleDateString('en-CA', { timeZone: 'America/New_York' }).slice(0, 7);
  assert.equal(ev.campaign.period, month);
});

// ---- CSV in and out ---------------------------------------------------------

const exampleArgs = () => {
  // The command in docs/cli.md, as written there.
  const block = /```sh\n(cadence-engine queue docs\/examples\/contacts\.csv[\s\S]*?)```/.exec(cliDoc);
  assert.ok(block, 'docs/cli.md has the example command');
  const words = [];
  const cmd = block[1].replace(/\\\n/g, ' ');
  for (const m of cmd.matchAll(/"([^"]*)"|(\S+)/g)) words.push(m[1] ?? m[2]);
  assert.equal(words.shift(), 'cadence-engine');
  return words.map((w) => (w.startsWith('docs/examples/') ? join(examples, w.slice('docs/examples/'.length)) : w));
};

test('docs/cli.md example: a CSV export and its events file make a call list with phone numbers', () => {
  const args = exampleArgs();
  const outFile = join(dir, 'today.csv');
  const o = args.indexOf('-o');
  assert.ok(o > 0, 'the example writes a file');
  args[o + 1] = outFile;
  const r = run(args);
  assert.equal(r.status, 0, r.stderr);
  const written = readFileSync(outFile, 'utf8');
  // The output is the one docs/cli.md shows, row for row.
  const shown = /```text\n(rank,plannedFor[\s\S]*?)```/.exec(cliDoc);
  assert.ok(shown, 'docs/cli.md shows the output');
  assert.equal(written, shown[1]);
  const rows = csv(written);
  assert.deepEqual(Object.keys(rows[0]), ['rank', 'plannedFor', 'id', 'name', 'Phone', 'Owner', 'priority', 'label', 'channel', 'dueAt', 'deferredDays', 'status', 'stage']);
  const byId = Object.fromEntries(rows.map((x) => [x.id, x]));
  assert.equal(byId['1004'].name, "Robert Brown - can't text"); // the STOP in events.csv
  assert.equal(byId['1004'].Phone, '(416) 555-0199');
  assert.equal(byId['1004'].rank, '1'); // the opt-out boost puts the hot lead first
  assert.equal(byId['1006'].label, 'Callback');
  assert.equal(byId['1006'].dueAt, '2026-11-12T13:00:00-08:00'); // the contact's local time
  assert.equal(byId['1002'], undefined); // its Redial is tomorrow
  for (const x of rows) assert.match(x.Phone, /^\(\d{3}\) 555-\d{4}$/);
});

test('evaluate to CSV parses back; --keep carries columns; an event error names both lines', () => {
  const args = exampleArgs().map((w) => (w === 'queue' ? 'evaluate' : w));
  const o = args.indexOf('-o');
  args.splice(o, 2);
  const capacity = args.indexOf('--capacity');
  args.splice(capacity, 2);
  const r = run([...args, '--format', 'csv']);
  assert.equal(r.status, 0, r.stderr);
  const rows = csv(r.stdout);
  assert.deepEqual(rows.map((x) => x.id), ['1001', '1002', '1003', '1004', '1005', '1006']);
  assert.deepEqual(rows.map((x) => x.line), ['2', '3', '4', '5', '6', '7']);
  const ana = rows[0];
  const direct = engine.evaluate({ id: '1001', name: 'Ana Ruiz', timeZone: 'America/New_York', region: 'US', addedAt: '2026-11-10T09:15:00-05:00', priority: 2 },
    engine.preset('call-ladder'), NOW);
  assert.equal(ana.statusLabel, direct.statusLabel);
  assert.equal(ana.next, direct.next.label);
  assert.equal(ana.nextDueAt, direct.next.dueAt);
  assert.equal(ana.canText, String(direct.channels.sms.allowed));
  assert.equal(ana.Phone, '(212) 555-0142');
  assert.equal(ana.error, '');

  // NDJSON out: kept columns under `input`.
  const nd = run([...args, '--format', 'ndjson', '--quiet']);
  const first = JSON.parse(nd.stdout.split('\n')[0]);
  assert.deepEqual(first.input, { Phone: '(212) 555-0142', Owner: 'sam' });

  // The same events as NDJSON (one event a line, with contactId): the same evaluations.
  const eventsNd = join(dir, 'events.ndjson');
  const evRows = csv(readFileSync(join(examples, 'events.csv'), 'utf8'));
  writeFileSync(eventsNd, evRows.map((e) => JSON.stringify(Object.fromEntries(Object.entries({
    contactId: e['Contact ID'], kind: e.Type, at: e.When, channel: e.Channel, direction: e.Direction, text: e.Body,
    interaction: e.Interaction, outcome: e.Outcome, dueAt: e.Due,
  }).filter(([, v]) => v !== '')))).join('\n') + '\n');
  const ndArgs = [...args];
  ndArgs[args.indexOf('--events') + 1] = eventsNd;
  ndArgs.splice(ndArgs.indexOf('--events-map'), 2); // its keys are the engine's names
  const viaNd = run([...ndArgs, '--format', 'csv']);
  assert.equal(viaNd.status, 0, viaNd.stderr);
  assert.equal(viaNd.stdout, r.stdout);
  // And with the CSV's own column names as keys, read through the same --events-map.
  const eventsNdCrm = join(dir, 'events-crm.ndjson');
  writeFileSync(eventsNdCrm, evRows.map((e) => JSON.stringify(Object.fromEntries(Object.entries(e).filter(([, v]) => v !== '')))).join('\n') + '\n');
  const crmArgs = [...args];
  crmArgs[args.indexOf('--events') + 1] = eventsNdCrm;
  const viaNdCrm = run([...crmArgs, '--format', 'csv']);
  assert.equal(viaNdCrm.status, 0, viaNdCrm.stderr);
  assert.equal(viaNdCrm.stdout, r.stdout);

  // A broken event in the events file: the contact's line and the event's line.
  const events = join(dir, 'events-bad.csv');
  writeFileSync(events, readFileSync(join(examples, 'events.csv'), 'utf8') + '1003,activity,last tuesday,,,,call,noAnswer,\n');
  const ev = args.indexOf('--events');
  const bad = [...args];
  bad[ev + 1] = events;
  const b = run([...bad, '--format', 'csv']);
  assert.equal(b.status, 1);
  assert.match(b.stderr, new RegExp(`line 4: events\\[0\\]\\.at \\(${events.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 7\\): expected an RFC 3339 time`));
  const badRow = csv(b.stdout).find((x) => x.id === '1003');
  assert.match(badRow.error, /^events\[0\]\.at/);
});

/** A CRM export as people have them: extra columns, numeric ids, empty cells, local times. */
function crmExport(n) {
  const places = [
    ['America/New_York', 'US', 'New York, NY', '212'], ['America/Chicago', 'US', 'Dallas, TX', '214'],
    ['America/Los_Angeles', 'US', 'Los Angeles, CA', '213'], ['America/Toronto', 'CA', 'Toronto, ON', '416'],
    ['', 'US', 'Denver, CO', '303'], ['', 'CA', 'Calgary, AB', '403'],
  ];
  const q = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const contacts = ['Contact ID,First Name,Last Name,Full Name,Mobile Phone,Email,Company,Owner,City,TZ,Region,Created,Priority,Lead Score,Tags,Notes'];
  const events = ['Contact ID,Activity Type,Date,Channel,Direction,Body,Interaction,Outcome,Logged By'];
  for (let i = 0; i < n; i++) {
    const [tz, region, city, area] = places[i % places.length];
    const id = 5000 + i;
    const day = 1 + (i % 11);
    const local = `2026-11-${String(day).padStart(2, '0')} ${String(9 + (i % 8)).padStart(2, '0')}:${i % 2 ? '15' : '45'}:00`;
    // A contact with no zone cannot have local times (they would be read in no zone): its CRM exports UTC.
    const created = tz ? local : `2026-11-${String(day).padStart(2, '0')}T${String(14 + (i % 8)).padStart(2, '0')}:00:00Z`;
    contacts.push([id, `First${i}`, `Last${i}`, `First${i} Last${i}`, `(${area}) 555-${String(1000 + i).slice(-4)}`,
      i % 7 ? `lead${i}@example.com` : '', i % 3 ? `Company ${i}, Inc.` : '', ['sam', 'lee', 'kim'][i % 3], city, tz, region, created,
      i % 4 ? String(i % 5) : '', String((i * 37) % 100), i % 5 ? 'web;spring' : '', i % 6 ? '' : 'Said "call me later", maybe'].map(String).map(q).join(','));
    if (i % 2 === 0) {
      const at = tz ? `2026-11-${String(day).padStart(2, '0')} 17:00:00` : `2026-11-${String(day).padStart(2, '0')}T22:00:00Z`;
      events.push([id, 'message', at, 'sms', 'out', `Hi First${i}, it's Sam`, '', '', 'sam'].map(q).join(','));
    }
    if (i % 3 === 0) {
      const at = tz ? `2026-11-${String(Math.min(12, day + 1)).padStart(2, '0')} 10:30:00` : `2026-11-${String(Math.min(12, day + 1)).padStart(2, '0')}T16:30:00Z`;
      events.push([id, 'activity', at, '', '', '', 'call', i % 2 ? 'noAnswer' : 'leftVoicemail', 'lee'].map(q).join(','));
    }
  }
  return { contacts: contacts.join('\r\n') + '\r\n', events: events.join('\n') + '\n' };
}

test('a 200-contact CRM export loads with no record lost (extra columns, numeric ids, no zone, local times, empty cells)', () => {
  const { contacts, events } = crmExport(200);
  const cFile = join(dir, 'crm.csv');
  const eFile = join(dir, 'crm-events.csv');
  writeFileSync(cFile, contacts);
  writeFileSync(eFile, events);
  const r = run(['evaluate', cFile, '--events', eFile,
    '--map', 'id=Contact ID,name=Full Name,timeZone=TZ,addedAt=Created',
    '--events-map', 'contactId=Contact ID,kind=Activity Type,at=Date,text=Body',
    '--keep', 'Mobile Phone,Owner', '--playbook', 'monthly-campaign', '--now', NOW, '--format', 'csv']);
  assert.equal(r.status, 0, r.stderr.split('\n').slice(0, 5).join('\n'));
  assert.match(r.stderr, /200 records read, 200 evaluated, 0 bad/);
  const rows = csv(r.stdout);
  assert.equal(rows.length, 200);
  for (const x of rows) {
    assert.equal(x.error, '', `${x.id}: ${x.error}`);
    assert.match(x['Mobile Phone'], /^\(\d{3}\) 555-\d{4}$/);
  }
  assert.equal(rows[0].id, '5000');
  // Local times were read in the contact's zone: a New York contact's due times are in its offset.
  assert.ok(rows.filter((x) => x.timeZone === 'America/New_York').every((x) => !x.nextDueAt || x.nextDueAt.endsWith('-05:00')));
  // Contacts without a zone are placed by their region.
  assert.ok(rows.filter((x, i) => i % 6 >= 4).every((x) => x.timeZoneSource === 'region'), 'zone from the region');
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

test('evaluateManyParallel reads records as evaluateMany does: methods, date-library times and Decimals', async () => {
  const { evaluateManyParallel } = require(join(pkgDir, 'node', 'parallel.cjs'));
  class DateLib { constructor(iso) { this.iso = iso; } toJSON() { return this.iso; } }
  class Decimal { constructor(v) { this.d = [v]; } toJSON() { return String(this.d[0]); } }
  const base = { timeZone: 'America/New_York', addedAt: '2026-11-01T09:00:00-05:00', events: [] };
  const contacts = [
    { ...base, id: 'lib', addedAt: new DateLib('2026-11-01T09:00:00-05:00'),
      events: [{ kind: 'message', at: new DateLib('2026-11-10T10:00:00-05:00'), channel: 'sms', direction: 'in', text: 'STOP' }] },
    { ...base, id: 'decimal', priority: new Decimal(3) },
    { ...base, id: 'method', toString() { return 'method'; } },
  ];
  const pb = engine.preset('monthly-campaign');
  const now = new DateLib(NOW);
  const par = await evaluateManyParallel(contacts, pb, now, { workers: 2, chunkSize: 1 });
  assert.deepEqual(par, engine.evaluateMany(contacts, pb, NOW));
  assert.ok(par.every((r) => r.error === undefined), JSON.stringify(par.map((r) => r.error)));
  assert.equal(par[1].priority, 3);
});

test('evaluateManyParallel equals evaluateMany for records JSON cannot carry: NaN, Infinity, an invalid Date, holes, BigInt, cycles, methods and symbols beside them', async () => {
  const { evaluateManyParallel } = require(join(pkgDir, 'node', 'parallel.cjs'));
  const row = (id, extra) => ({ id, name: 'Ann', timeZone: 'America/New_York', addedAt: '2026-11-01T10:00:00Z', events: [], ...extra });
  const cycle = {};
  cycle.self = cycle;
  const contacts = [row('a'), row('nan', { priority: Number.parseFloat('') }), row('nulls', { nick: null }), undefined,
    row('bigint', { dealValue: 1200n }), row('method', { fullName() { return 'Ann'; } }),
    row('hole', { events: [, { kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'out' }] }),
    row('cycle', { meta: cycle }), null, row('bad', { addedAt: 'soon' }), row('symbol', { tags: [Symbol('vip')] }),
    row('invalid-date', { addedAt: new Date('not a date') }), row('infinity', { name: Infinity }),
    Object.defineProperty(row('getter'), 'owner', { enumerable: true, get() { throw new Error('lazy field not loaded'); } })];
  const pb = engine.preset('monthly-campaign');
  const seq = engine.evaluateMany(contacts, pb, NOW);
  for (const chunkSize of [1, 3, 100]) {
    assert.deepEqual(await evaluateManyParallel(contacts, pb, NOW, { workers: 2, chunkSize }), seq, `chunks of ${chunkSize}`);
  }
  assert.match(seq[1].error, /^contacts\[1\]\.priority: .*got the number NaN/);
  assert.match(seq[11].error, /^contacts\[11\]\.addedAt: .*got NaN/);
  assert.equal(seq[5].error, undefined);
});

test('evaluateManyParallel: holes, any chunk size, and playbooks and times a structured clone refuses, as evaluateMany', async () => {
  const { evaluateManyParallel } = require(join(pkgDir, 'node', 'parallel.cjs'));
  const pb = engine.preset('sequence');
  const a = { id: 'a', addedAt: '2026-11-01T09:00:00-05:00', events: [] };
  const holey = [a, , a]; // eslint-disable-line no-sparse-arrays
  assert.deepEqual(await evaluateManyParallel(holey, pb, NOW, { workers: 2, chunkSize: 1 }), engine.evaluateMany(holey, pb, NOW));
  const five = [1, 2, 3, 4, 5].map((i) => ({ ...a, id: `c${i}` }));
  const seq = engine.evaluateMany(five, pb, NOW);
  for (const chunkSize of [1.5, 0.5, 7, 1e9]) {
    assert.deepEqual(await evaluateManyParallel(five, pb, NOW, { workers: 2, chunkSize }), seq, `chunkSize ${chunkSize}`);
  }
  for (const chunkSize of [-1, 0.0 - 3, '2', 'abc', Number.NaN]) {
    await assert.rejects(evaluateManyParallel(five, pb, NOW, { chunkSize }), /^Error: options\.chunkSize: expected a number of at least 1/);
  }
  await assert.rejects(evaluateManyParallel(five, pb, NOW, { workers: 'many' }), /^Error: options\.workers: /);
  // evaluateMany's own options are read as strictly as it reads them.
  for (const [options, want] of [
    [{ explian: false }, /^Error: options\.explian: unknown field/],
    [{ explain: 'no' }, /^Error: options\.explain: expected true or false/],
    [{ explain: 0 }, /^Error: options\.explain: expected true or false/],
    [{ workerz: 2 }, /^Error: options\.workerz: unknown field/],
  ]) {
    await assert.rejects(evaluateManyParallel(five, pb, NOW, options), want, JSON.stringify(options));
  }
  assert.deepEqual(await evaluateManyParallel(five, pb, NOW, { workers: 2, explain: false }), engine.evaluateMany(five, pb, NOW, { explain: false }));
  const reactive = new Proxy(engine.preset('sequence'), {});
  const withToJSON = { toJSON() { return engine.preset('sequence'); } };
  for (const book of [reactive, withToJSON, JSON.stringify(pb)]) {
    assert.deepEqual(await evaluateManyParallel(five, book, NOW, { workers: 2 }), seq);
  }
  const withMethod = { ...pb, describe() {} };
  await assert.rejects(evaluateManyParallel(five, withMethod, NOW), (e) => {
    assert.throws(() => engine.evaluateMany(five, withMethod, NOW), { message: e.message });
    return true;
  });
  await assert.rejects(evaluateManyParallel(five, pb, new Proxy(new Date(NOW), {})), /^Error: now: /);
  assert.deepEqual(await evaluateManyParallel(five, pb, new Date(NOW), { workers: 2 }), seq);
});

test('--keep never loses a column to an output column of its name; queue NDJSON keeps it under input; a quote inside a cell is a character', () => {
  const f = join(dir, 'keepclash.csv');
  writeFileSync(f, 'id,name,TZ,Created,Status,Stage,Owner,Priority\n1,"A",America/New_York,2026-11-10T09:00:00-05:00,Open,Qualified,kim,High\n'
    + '2,Robert "Bob" Brown,America/New_York,2026-11-10T09:00:00-05:00,Won,Closed,lee,Low\n');
  const base = ['--map', 'timeZone=TZ,addedAt=Created,priority=', '--playbook', 'call-ladder', '--now', NOW];
  // In CSV, a kept column an output column also names (in any letter case) is input.<name>.
  const ev = run(['evaluate', f, ...base, '--keep', 'status,stage,owner,Priority', '--format', 'csv']);
  assert.equal(ev.status, 0, ev.stderr);
  const rows = csv(ev.stdout);
  assert.deepEqual(rows.map((r) => [r.id, r.name, r['input.status'], r['input.stage'], r.owner, r['input.Priority'], r.status, r.priority]),
    [['1', 'A', 'Open', 'Qualified', 'kim', 'High', 'newAccount', '0'], ['2', 'Robert "Bob" Brown', 'Won', 'Closed', 'lee', 'Low', 'newAccount', '0']]);
  // queue: in NDJSON under input, as evaluate writes them; in CSV as columns.
  const q = run(['queue', f, ...base, '--keep', 'Priority,owner', '--capacity', '5']);
  assert.equal(q.status, 0, q.stderr);
  const lines = q.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => [l.id, l.priority, l.input]), [['1', 0, { Priority: 'High', owner: 'kim' }], ['2', 0, { Priority: 'Low', owner: 'lee' }]]);
  const qc = run(['queue', f, ...base, '--keep', 'Priority,owner', '--capacity', '5', '--format', 'csv']);
  assert.deepEqual(csv(qc.stdout).map((r) => [r.id, r['input.Priority'], r.owner, r.priority]), [['1', 'High', 'kim', '0'], ['2', 'Low', 'lee', '0']]);
});

test('real files: a byte order mark, --keep in any case, bad event lines and an unwritable output fail the run', () => {
  const ev = (i) => ({ id: `k${i}`, timeZone: 'America/New_York', addedAt: '2026-11-01T14:00:00Z', Phone: `(212) 555-01${10 + i}` });
  const bom = join(dir, 'bom.ndjson');
  writeFileSync(bom, '\ufeff' + [0, 1].map((i) => JSON.stringify(ev(i))).join('\n') + '\n');
  const ok = run(['evaluate', bom, '--playbook', 'call-ladder', '--now', NOW, '--keep', 'phone', '--format', 'csv']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual(csv(ok.stdout).map((r) => [r.id, r.phone]), [['k0', '(212) 555-0110'], ['k1', '(212) 555-0111']]);
  // A --keep name no record has is reported.
  const typo = run(['evaluate', bom, '--playbook', 'call-ladder', '--now', NOW, '--keep', 'phon']);
  assert.match(typo.stderr, /--keep: the first record has no column or field "phon"/);
  // A bad line of the --events file (it could have been a STOP) fails the run.
  const events = join(dir, 'events-bad.ndjson');
  writeFileSync(events, '{"contactId":"k0","kind":"dnd","at":"2026-11-02T15:00:00Z","channel":"call","active":true,}\n{"kind":"dnd","at":"2026-11-02T15:00:00Z","channel":"all","active":true}\n');
  const badEvents = run(['evaluate', bom, '--playbook', 'call-ladder', '--now', NOW, '--events', events]);
  assert.equal(badEvents.status, 1);
  assert.match(badEvents.stderr, /events-bad\.ndjson line 1: invalid JSON/);
  assert.match(badEvents.stderr, /events-bad\.ndjson line 2: no contactId/);
  assert.match(badEvents.stderr, /2 bad event lines \(exit status 1/);
  assert.equal(run(['evaluate', bom, '--playbook', 'call-ladder', '--now', NOW, '--events', events, '--allow-bad']).status, 0);
  // An output that cannot be written.
  const unwritable = run(['evaluate', bom, '--playbook', 'call-ladder', '--now', NOW, '-o', join(dir, 'no-such-dir', 'x.csv')]);
  assert.equal(unwritable.status, 1);
  assert.match(unwritable.stderr, /cannot write the output/);
});

test("an error row's path is within its record, whatever its place in the file", () => {
  const many = join(dir, 'many.ndjson');
  const lines = [];
  for (let i = 0; i < 2500; i++) lines.push(JSON.stringify(i === 1777 ? { id: `m${i}`, addedAt: 'soon' } : { id: `m${i}`, timeZone: 'America/New_York', addedAt: '2026-11-01T14:00:00Z' }));
  writeFileSync(many, lines.join('\n') + '\n');
  const r = run(['evaluate', many, '--playbook', 'call-ladder', '--now', NOW, '--allow-bad']);
  assert.equal(r.status, 0, r.stderr);
  const bad = r.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((x) => x.error !== undefined);
  assert.deepEqual(bad.map((x) => [x.line, x.id, x.path]), [[1778, 'm1777', 'addedAt']]);
});

// ---- What a newcomer's review of docs/cli.md found -----------------------------

test('a --playbook file with a key given twice is a bad playbook naming the key, wherever the key is', () => {
  const one = join(dir, 'one-contact.ndjson');
  writeFileSync(one, JSON.stringify(contact(1)) + '\n');
  const cases = [
    // The engine reads the file's text: the second value is bad.
    ['{"name":"a","region":"US-TX","region":"bogus"}', /--playbook \S+: duplicate field "region"/],
    // The second is good: JSON.parse kept it and the first was silently lost.
    ['{"name":"a","region":"bogus","region":"US-TX"}', /--playbook \S+: duplicate field "region"/],
    // Nested, on a later line; in a window block `start` is `from`, as the engine reads it.
    ['{"name":"a",\n "window": [{"from":"09:00","to":"17:00"},\n  {"from":"09:00", "start":"10:00", "to":"17:00"}]}', /--playbook \S+: window\[1\]: duplicate field "from"/],
    ['{"name":"a","steps":[{"id":"s","day":0,"channel":"call","channel":"sms"}]}', /--playbook \S+: steps\[0\]: duplicate field "channel"/],
  ];
  for (const [text, message] of cases) {
    const pb = join(dir, 'repeated.json');
    writeFileSync(pb, text);
    const r = run(['evaluate', one, '--playbook', pb, '--now', NOW]);
    assert.equal(r.status, 1, `${text}: a bad playbook is status 1 (docs/cli.md)\n${r.stderr}`);
    assert.match(r.stderr, message, text);
    assert.equal(r.stdout, '');
  }
  // Keys of their own are not repeats: an escaped quote, `start` outside a window, the same key in two objects.
  const pb = join(dir, 'no-repeat.json');
  writeFileSync(pb, JSON.stringify({ ...engine.preset('call-ladder'), name: 'say "hi"' }).replace(/^\{/, '{"window":[{"from":"08:00","to":"20:00"},{"from":"08:00","to":"21:00","days":["sat"]}],'));
  const ok = run(['evaluate', one, '--playbook', pb, '--now', NOW, '--quiet']);
  assert.equal(ok.status, 0, ok.stderr);
  // The engine's own errors say they are the playbook's.
  writeFileSync(pb, '{"name":"a","region":"bogus"}');
  assert.match(run(['evaluate', one, '--playbook', pb, '--now', NOW]).stderr, /--playbook \S+no-repeat\.json: region: expected/);
});

test('a byte order mark is skipped in every file: playbook, CSV contacts, events CSV and NDJSON, standard input', () => {
  const pb = join(dir, 'bom-playbook.json');
  writeFileSync(pb, '\ufeff' + JSON.stringify({ ...engine.preset('call-ladder'), name: 'From Excel' }));
  const contacts = join(dir, 'bom-contacts.csv');
  writeFileSync(contacts, '\ufeffid,timeZone,addedAt\nb1,America/New_York,2026-11-10T14:00:00Z\n');
  const evCsv = join(dir, 'bom-events.csv');
  writeFileSync(evCsv, '\ufeffcontactId,kind,at,channel,direction,text\nb1,message,2026-11-11T15:00:00Z,sms,in,STOP\n');
  const evNd = join(dir, 'bom-events.ndjson');
  writeFileSync(evNd, '\ufeff' + JSON.stringify({ contactId: 'b1', kind: 'message', at: '2026-11-11T15:00:00Z', channel: 'sms', direction: 'in', text: 'STOP' }) + '\n');
  for (const events of [evCsv, evNd]) {
    const r = run(['evaluate', contacts, '--playbook', pb, '--events', events, '--now', NOW, '--quiet']);
    assert.equal(r.status, 0, r.stderr);
    const ev = JSON.parse(r.stdout);
    assert.equal(ev.id, 'b1');
    assert.equal(ev.channels.sms.allowed, false, 'the STOP was read');
  }
  const stdin = run(['evaluate', '-', '--playbook', pb, '--now', NOW, '--quiet'], readFileSync(contacts, 'utf8'));
  assert.equal(stdin.status, 0, stdin.stderr);
  assert.equal(JSON.parse(stdin.stdout).id, 'b1');
});

test('a Windows-1252 export (not UTF-8) is read as written: its ARRÊT and "más" are opt-outs, its names keep their accents', () => {
  const contacts = join(dir, 'cp1252-contacts.csv');
  // "René" and "Inés" in Windows-1252: 0xE9, 0xE9.
  writeFileSync(contacts, Buffer.from('id,name,timeZone,addedAt\nw1,Ren\xe9,America/Toronto,2026-11-10T14:00:00Z\nw2,In\xe9s,America/New_York,2026-11-10T14:00:00Z\nw3,O\x92Neil,America/New_York,2026-11-10T14:00:00Z\n', 'latin1'));
  const events = join(dir, 'cp1252-events.csv');
  writeFileSync(events, Buffer.from('contactId,kind,at,channel,direction,text\nw1,message,2026-11-11T15:00:00Z,sms,in,ARR\xcaT\nw2,message,2026-11-11T15:00:00Z,sms,in,No me env\xedes m\xe1s mensajes\nw3,message,2026-11-11T15:00:00Z,sms,in,\x93Ok\x94 \x96 call me\n', 'latin1'));
  const r = run(['evaluate', contacts, '--playbook', 'monthly-campaign', '--events', events, '--now', NOW, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  const byId = Object.fromEntries(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((e) => [e.id, e]));
  assert.equal(byId.w1.displayName, "René - can't text");
  assert.equal(byId.w2.displayName, "Inés - can't text");
  assert.equal(byId.w3.displayName, 'O\u2019Neil', "0x92 is Windows-1252's apostrophe");
  assert.equal(byId.w3.channels.sms.allowed, true, 'curly quotes and a dash (0x93, 0x94, 0x96) are words, not a stop');
  // The same bytes given to the engine as a Uint8Array read alike.
  const text = JSON.stringify([{ id: 'w1', timeZone: 'America/Toronto', addedAt: '2026-11-10T14:00:00Z', events: [{ kind: 'message', at: '2026-11-11T15:00:00Z', channel: 'sms', direction: 'in', text: 'ARRÊT' }] }]);
  const bytes = new Uint8Array(Buffer.from(text, 'latin1'));
  const [ev] = JSON.parse(engine.evaluateManyJson(bytes, engine.preset('monthly-campaign'), NOW));
  assert.equal(ev.channels.sms.allowed, false);
  assert.match(ev.explain.join(' '), /ARR[ÊE]T/i);
});

test('a CSV row whose events cell is not JSON keeps its id and its other errors', () => {
  const f = join(dir, 'bad-events-cell.csv');
  writeFileSync(f, 'id,name,timeZone,addedAt,events,priority,region\n'
    + '1,Ann,America/New_York,2026-11-01T14:00:00Z,,1,\n'
    + '3,Cy,America/New_York,2026-11-01T14:00:00Z,not json,x,\n'
    + '4,Di,America/New_York,2026-11-01T14:00:00Z,[oops,2,\n');
  const r = run(['evaluate', f, '--playbook', 'call-ladder', '--now', NOW, '--format', 'csv']);
  assert.equal(r.status, 1);
  const rows = csv(r.stdout);
  assert.deepEqual(rows.map((x) => [x.line, x.id]), [['2', '1'], ['3', '3'], ['4', '4']]);
  assert.equal(rows[0].error, '');
  assert.match(rows[1].error, /^priority: expected a number .*; events: the column "events" is not a JSON array of events: /);
  assert.match(rows[2].error, /^events: the column "events" is not a JSON array of events: /);
  assert.match(r.stderr, /line 3: priority: .*; events: .* \(id "3"\)/);
  const nd = run(['evaluate', f, '--playbook', 'call-ladder', '--now', NOW, '--allow-bad', '--quiet']);
  assert.equal(nd.status, 0, nd.stderr);
  const bad = nd.stdout.trim().split('\n').map((l) => JSON.parse(l))[1];
  assert.equal(bad.id, '3');
  assert.deepEqual(bad.errors.map((e) => e.path), ['priority', 'events']);
  assert.equal(bad.code, 'E_INVALID_INPUT');
});

test('--input-format overrides the extension, as docs/cli.md and --help say', () => {
  const f = join(dir, 'really-ndjson.csv');
  writeFileSync(f, JSON.stringify(contact(2)) + '\n');
  const r = run(['evaluate', f, '--playbook', 'call-ladder', '--now', NOW, '--input-format', 'json', '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).id, 'c2');
  // Without the flag the extension decides: a .csv file is read as CSV.
  assert.equal(run(['evaluate', f, '--playbook', 'call-ladder', '--now', NOW, '--quiet']).status, 1);
  const input = cliDoc.slice(cliDoc.indexOf('## Input'), cliDoc.indexOf('A contact is'));
  assert.match(input.replace(/\s+/g, ' '), /`--input-format csv\|json` says which, whatever the file is called; without it the format follows the extension/);
  assert.doesNotMatch(input, /else `--input-format/);
  const help = run(['--help']).stdout.replace(/\s+/g, ' ');
  assert.match(help, /--input-format if given, else by extension/);
  assert.doesNotMatch(help, /else --input-format/);
});

test('--map and --events-map: a pair without "=", an unknown field or a field given two columns is a usage error (2)', () => {
  const f = join(dir, 'map.csv');
  writeFileSync(f, 'Contact ID,Full Name,Created\n1,Ann,2026-11-01T14:00:00Z\n');
  const base = ['evaluate', f, '--playbook', 'call-ladder', '--now', NOW];
  const cases = [
    [['--map', 'foo=Bar'], /--map: "foo" is not a field; expected one of id, name, timeZone/],
    [['--map', 'TimeZone=TZ'], /--map: "TimeZone" is not a field \(did you mean timeZone\?\)/],
    [['--map', 'id'], /--map: "id" names no column: write field=Column/],
    [['--map', '=Contact ID'], /--map: "=Contact ID" names no field/],
    // id, addedAt, contactId, kind and at cannot be left unread (field=): every record needs them.
    [['--map', 'id='], /--map: id= would leave id unread, and every contact needs one/],
    [['--map', 'addedAt='], /--map: addedAt= would leave addedAt unread/],
    [['--events', f, '--events-map', 'contactId='], /--events-map: contactId= would leave contactId unread, and every event needs one/],
    [['--map', 'region=,region=Territory'], /--map: region is mapped twice, to nothing and to "Territory"/],
    [['--map', 'id=Contact ID,id=Full Name'], /--map: id is mapped twice, to "Contact ID" and to "Full Name"/],
    [['--map', 'id=Contact ID', '--map', 'id=Full Name'], /--map: id is mapped twice/],
    [['--events', f, '--events-map', 'contactId'], /--events-map: "contactId" names no column/],
    [['--events', f, '--events-map', 'when=Created'], /--events-map: "when" is not a field; expected one of contactId, kind, at/],
    [['--events', f, '--events-map', 'at=Created,at=Full Name'], /--events-map: at is mapped twice/],
  ];
  for (const [extra, message] of cases) {
    const r = run([...base, ...extra]);
    assert.equal(r.status, 2, `${extra.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, extra.join(' '));
    assert.equal(r.stdout, '');
  }
  // The same mapping twice says nothing new and is not an error; a mapped column the file lacks is the input's (1).
  const same = run([...base, '--map', 'id=Contact ID,id=Contact ID,name=Full Name,addedAt=Created', '--quiet']);
  assert.equal(same.status, 0, same.stderr);
  assert.equal(JSON.parse(same.stdout).id, '1');
  const missing = run([...base, '--map', 'id=Contact Number']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /has no column "Contact Number"/);
  // A mapped column is found in any letter case, as --keep and unmapped fields are.
  const anyCase = run([...base, '--map', 'id=contact id,name=FULL NAME,addedAt=created', '--quiet']);
  assert.equal(anyCase.status, 0, anyCase.stderr);
  assert.equal(JSON.parse(anyCase.stdout).id, '1');
  assert.equal(JSON.parse(anyCase.stdout).displayName, 'Ann');
});

// ---- What a review of real CRM exports found --------------------------------

test('--map and --events-map apply to JSON records as to CSV columns (any case; a key no record has is an error)', () => {
  // An events NDJSON line whose text is under the CRM's own key: the STOP is read.
  const contacts = join(dir, 'json-map.ndjson');
  writeFileSync(contacts, [
    { id: 'c1', timeZone: 'America/New_York', addedAt: '2026-11-01T14:00:00Z', Phone: '(212) 555-0100' },
    // The CRM's key for the zone; a key of the engine's own name is not read when the field is mapped.
    { id: 'g1', timezone: 'America/Los_Angeles', timeZone: 'America/New_York', addedAt: '2026-11-03 09:00:00' },
  ].map((c) => JSON.stringify(c)).join('\n') + '\n');
  const events = join(dir, 'json-map-events.ndjson');
  writeFileSync(events, '{"contactId":"c1","kind":"message","at":"2026-11-03T18:05:00Z","channel":"sms","direction":"inbound","Body":"STOP"}\n');
  const base = ['evaluate', contacts, '--playbook', 'monthly-campaign', '--now', NOW, '--events', events];
  const r = run([...base, '--events-map', 'text=Body', '--map', 'timeZone=timezone', '--keep', 'phone']);
  assert.equal(r.status, 0, r.stderr);
  const [c1, g1] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(c1.channels.sms.allowed, false, 'the STOP under "Body" was read as text');
  assert.deepEqual(c1.input, { phone: '(212) 555-0100' }); // --keep reads the record as written
  assert.equal(g1.error, undefined, g1.error);
  assert.equal(g1.timeZone, 'America/Los_Angeles');
  assert.equal(g1.timeZoneSource, 'contact');

  // The same rows as CSV give the same evaluations; a mapped key is found in any case, in a JSON array too.
  const csvContacts = join(dir, 'json-map.csv');
  writeFileSync(csvContacts, 'id,timezone,addedAt\nc1,America/New_York,2026-11-01T14:00:00Z\ng1,America/Los_Angeles,2026-11-03 09:00:00\n');
  const csvEvents = join(dir, 'json-map-events.csv');
  writeFileSync(csvEvents, 'contactId,kind,at,channel,direction,Body\nc1,message,2026-11-03T18:05:00Z,sms,inbound,STOP\n');
  const viaCsv = run(['evaluate', csvContacts, '--playbook', 'monthly-campaign', '--now', NOW, '--events', csvEvents, '--events-map', 'text=body', '--map', 'timeZone=TimeZone', '--quiet']);
  assert.equal(viaCsv.status, 0, viaCsv.stderr);
  const array = join(dir, 'json-map.json');
  writeFileSync(array, JSON.stringify(readFileSync(contacts, 'utf8').trim().split('\n').map((l) => JSON.parse(l)), null, 1));
  const viaArray = run(['evaluate', array, '--playbook', 'monthly-campaign', '--now', NOW, '--events', events, '--events-map', 'text=BODY', '--map', 'timeZone=TimeZone', '--quiet']);
  assert.equal(viaArray.status, 0, viaArray.stderr);
  assert.equal(viaArray.stdout, viaCsv.stdout);
  const plain = run([...base, '--events-map', 'text=Body', '--map', 'timeZone=timezone', '--quiet']);
  assert.equal(plain.stdout, viaCsv.stdout);

  // A mapped key that no record has is the input's error (1), as a mapped column the header lacks.
  const noKey = run([...base, '--events-map', 'text=Body', '--map', 'timeZone=Zone']);
  assert.equal(noKey.status, 1);
  assert.match(noKey.stderr, /--map: \S+json-map\.ndjson has no key "Zone" \(for timeZone\) in any record; the first record's keys are "id", "timeZone", "addedAt", "Phone"/);
  const noKeyQueue = run(['queue', contacts, '--playbook', 'call-ladder', '--now', NOW, '--capacity', '5', '--map', 'timeZone=Zone', '--format', 'csv']);
  assert.equal(noKeyQueue.status, 1);
  assert.equal(noKeyQueue.stdout, '', 'no queue from a wrong map');
  const noEventKey = run([...base, '--events-map', 'text=Message']);
  assert.equal(noEventKey.status, 1);
  assert.match(noEventKey.stderr, /--events-map: \S+json-map-events\.ndjson has no key "Message" \(for text\) in any record/);
  assert.equal(noEventKey.stdout, '');
  // One record with the key is enough: a record without it just lacks the field.
  const some = run([...base, '--events-map', 'text=Body', '--map', 'priority=Phone', '--allow-bad', '--quiet']);
  assert.equal(some.status, 0, some.stderr);

  // A field not mapped is read from a key of its own name in any case, as from a CSV column.
  const cased = join(dir, 'json-cased-events.ndjson');
  writeFileSync(cased, '{"ContactId":"c1","Kind":"message","At":"2026-11-03T18:05:00Z","Channel":"SMS","Direction":"inbound","Text":"STOP"}\n');
  const casedRun = run(['evaluate', contacts, '--playbook', 'monthly-campaign', '--now', NOW, '--events', cased, '--map', 'timeZone=timezone', '--quiet']);
  assert.equal(casedRun.status, 0, casedRun.stderr);
  assert.equal(JSON.parse(casedRun.stdout.split('\n')[0]).channels.sms.allowed, false);

  // contactId mapped for NDJSON events too.
  const crmEvents = join(dir, 'json-map-events-crm.ndjson');
  writeFileSync(crmEvents, '{"Contact ID":"c1","Type":"message","When":"2026-11-03T18:05:00Z","channel":"sms","direction":"in","text":"STOP"}\n');
  const crm = run(['evaluate', contacts, '--playbook', 'monthly-campaign', '--now', NOW, '--events', crmEvents,
    '--events-map', 'contactId=contact id,kind=Type,at=When', '--map', 'timeZone=timezone', '--quiet']);
  assert.equal(crm.status, 0, crm.stderr);
  assert.equal(JSON.parse(crm.stdout.split('\n')[0]).channels.sms.allowed, false);
});

test('two records with one id: the later is a bad record naming both lines, and the id\'s events go to one person', () => {
  // Excel turned two long ids into one; the events file has a STOP and a Sold for that id.
  const contacts = join(dir, 'dup.csv');
  writeFileSync(contacts, 'Contact ID,Name,TZ,Created\n'
    + '3.6524E+18,Ann Lee,America/New_York,2026-11-01T14:00:00Z\n'
    + '1001,Bo Diaz,America/New_York,2026-11-01T14:00:00Z\n'
    + '3.6524E+18,Cy Park,America/New_York,2026-11-02T14:00:00Z\n');
  const events = join(dir, 'dup-events.csv');
  writeFileSync(events, 'Contact ID,kind,at,channel,direction,text,interaction,outcome\n'
    + '3.6524E+18,message,2026-11-03T15:00:00Z,sms,in,STOP,,\n'
    + '3.6524E+18,activity,2026-11-04T15:00:00Z,,,,call,sold\n');
  const args = ['evaluate', contacts, '--events', events, '--map', 'id=Contact ID,timeZone=TZ,addedAt=Created',
    '--events-map', 'contactId=Contact ID', '--playbook', 'call-ladder', '--now', NOW, '--format', 'csv'];
  const r = run(args);
  assert.equal(r.status, 1, r.stderr); // bad input, as docs/cli.md says
  assert.match(r.stderr, /line 4: id: "3\.6524E\+18" is also the id of line 2: each contact needs an id of its own .*; the 2 events of this id in \S+dup-events\.csv went to line 2 alone \(id "3\.6524E\+18"\)/);
  assert.match(r.stderr, /3 records read, 2 evaluated, 1 bad/);
  const rows = csv(r.stdout);
  assert.deepEqual(rows.map((x) => [x.line, x.id, x.name]), [['2', '3.6524E+18', "Ann Lee - can't text"], ['3', '1001', 'Bo Diaz'], ['4', '3.6524E+18', '']]);
  assert.equal(rows[0].error, '');
  assert.equal(rows[0].canText, 'false'); // the first has the id's events
  assert.match(rows[2].error, /^id: "3\.6524E\+18" is also the id of line 2/);
  assert.equal(rows[2].canText, '', 'the second is not evaluated with the same events');
  const nd = run([...args.slice(0, -2), '--allow-bad', '--quiet']);
  assert.equal(nd.status, 0, nd.stderr);
  const bad = nd.stdout.trim().split('\n').map((l) => JSON.parse(l))[2];
  assert.deepEqual([bad.line, bad.id, bad.path, bad.code], [4, '3.6524E+18', 'id', 'E_INVALID_INPUT']);

  // 1042 and "1042" are one id (the --events join reads ids as text); the queue has the contact once.
  const nd2 = join(dir, 'dup.ndjson');
  writeFileSync(nd2, [{ id: 1042, timeZone: 'America/New_York', addedAt: '2026-11-10T14:00:00Z', priority: 1 },
    { id: '1042', timeZone: 'America/Chicago', addedAt: '2026-11-10T14:00:00Z', priority: 2 }].map((c) => JSON.stringify(c)).join('\n') + '\n');
  const q = run(['queue', nd2, '--playbook', 'call-ladder', '--now', NOW, '--capacity', '10', '--format', 'csv', '--allow-bad']);
  assert.equal(q.status, 0, q.stderr);
  assert.match(q.stderr, /line 2: id: "1042" is also the id of line 1/);
  assert.deepEqual(csv(q.stdout).map((x) => [x.id, x.priority]), [['1042', '1']]);
});

test('a Twilio message log\'s Body column is read as the message\'s words, with no mapping', () => {
  const f = join(dir, 'twilio-contacts.csv');
  writeFileSync(f, 'id,timeZone,addedAt\n1,America/New_York,2026-11-01T14:00:00Z\n2,America/New_York,2026-11-01T14:00:00Z\n');
  const ev = join(dir, 'twilio-log.csv');
  writeFileSync(ev, 'contactId,kind,at,channel,Direction,Body\n'
    + '1,message,2026-11-02T15:00:00Z,sms,inbound,STOP\n'
    + '2,message,2026-11-02T15:00:00Z,sms,inbound,Sounds good\n');
  const r = run(['evaluate', f, '--playbook', 'monthly-campaign', '--now', NOW, '--format', 'csv', '--events', ev, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(csv(r.stdout).map((x) => [x.id, x.canText]), [['1', 'false'], ['2', 'true']]);
});

test('--map field= leaves a CRM\'s own column of an engine field\'s name unread; the error says so', () => {
  // "Region" and "Priority" (a sales territory, a deal's rank) are not read,
  // as the engine does not read such keys of a JSON record: region and
  // priority are read only as spelled.
  const crm = join(dir, 'territory-crm.csv');
  writeFileSync(crm, 'id,Name,TimeZone,Region,addedAt,Priority\n'
    + '1,Ann,America/New_York,Northeast,2026-11-01T14:00:00Z,High\n');
  const own = run(['evaluate', crm, '--playbook', 'call-ladder', '--now', NOW, '--format', 'csv', '--keep', 'Region,Priority']);
  assert.equal(own.status, 0, own.stderr);
  assert.deepEqual(csv(own.stdout).map((x) => [x.id, x.name, x.Region, x['input.Priority'], x.priority, x.timeZone]),
    [['1', 'Ann', 'Northeast', 'High', '0', 'America/New_York']]);
  const same = engine.evaluate({ id: '1', Name: 'Ann', TimeZone: 'America/New_York', Region: 'Northeast', addedAt: '2026-11-01T14:00:00Z', Priority: 'High' },
    engine.preset('call-ladder'), NOW);
  assert.equal(same.priority, 0);
  // Asked for by --map, "Region" is read (and no hint: it was asked for).
  const asked = run(['evaluate', crm, '--playbook', 'call-ladder', '--now', NOW, '--map', 'region=Region']);
  assert.equal(asked.status, 1);
  assert.match(asked.stderr, /region: .*got "Northeast"/);
  assert.doesNotMatch(asked.stderr, /leaves it unread/);
  const f = join(dir, 'territory.csv');
  writeFileSync(f, 'id,Name,TimeZone,region,addedAt,priority\n'
    + '1,Ann,America/New_York,Northeast,2026-11-01T14:00:00Z,High\n'
    + '2,Bo,America/Chicago,Midwest,2026-11-01T14:00:00Z,Low\n');
  const base = ['evaluate', f, '--playbook', 'call-ladder', '--now', NOW, '--format', 'csv'];
  const r = run(base);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /line 2: region: .*got "Northeast"; priority: .*got "High" \(the columns "region" and "priority" are read as region and priority by their names; if they are the CRM's own, --map region=,priority= leaves them unread\)/);
  const fixed = run([...base, '--map', 'region=,priority=', '--keep', 'region,priority']);
  assert.equal(fixed.status, 0, fixed.stderr);
  const rows = csv(fixed.stdout);
  // (The CRM's priority beside the engine's: input.priority.)
  assert.deepEqual(rows.map((x) => [x.id, x.region, x['input.priority'], x.priority, x.error]), [['1', 'Northeast', 'High', '0', ''], ['2', 'Midwest', 'Low', '0', '']]);
  assert.equal(rows[0].timeZone, 'America/New_York');
  // One field: the hint in the singular.
  const one = run([...base, '--map', 'priority=']);
  assert.match(one.stderr, /\(the column "region" is read as region by its name; if it is the CRM's own, --map region= leaves it unread\)/);
  // JSON: a key of the field's name is read; field= leaves it out.
  const j = join(dir, 'territory.ndjson');
  writeFileSync(j, JSON.stringify({ id: 'j1', timeZone: 'America/New_York', region: 'Northeast', addedAt: '2026-11-01T14:00:00Z' }) + '\n');
  const jr = run(['evaluate', j, '--playbook', 'call-ladder', '--now', NOW]);
  assert.equal(jr.status, 1);
  assert.match(jr.stderr, /\(the key "region" is read as region by its name; if it is the CRM's own, --map region= leaves it unread\)/);
  // An error inside an event of a record's events is no sign the field is
  // the CRM's own: no hint to leave every event unread.
  const inner = join(dir, 'inner.ndjson');
  writeFileSync(inner, JSON.stringify({ id: 'i1', timeZone: 'America/New_York', addedAt: '2026-11-01T14:00:00Z',
    events: [{ kind: 'message', at: 'last tuesday', channel: 'sms', direction: 'out' }] }) + '\n');
  const ir = run(['evaluate', inner, '--playbook', 'call-ladder', '--now', NOW]);
  assert.equal(ir.status, 1);
  assert.match(ir.stderr, /events\[0\]\.at: .*got "last tuesday" \(id "i1"\)/);
  assert.doesNotMatch(ir.stderr, /leaves it unread/);
  const jFixed = run(['evaluate', j, '--playbook', 'call-ladder', '--now', NOW, '--map', 'region=', '--keep', 'region', '--quiet']);
  assert.equal(jFixed.status, 0, jFixed.stderr);
  assert.deepEqual(JSON.parse(jFixed.stdout).input, { region: 'Northeast' });
  // Events: the CRM's "Scheduled" (its task state) on a callback row; --events-map scheduled= leaves it unread.
  const ev = join(dir, 'territory-events.csv');
  writeFileSync(ev, 'contactId,kind,at,dueAt,Scheduled\n1,callback,2026-11-02T15:00:00Z,2026-11-20T15:00:00Z,Pending\n');
  const er = run([...base, '--map', 'region=,priority=', '--events', ev]);
  assert.equal(er.status, 1);
  assert.match(er.stderr, /events\[0\]\.scheduled \(\S+ line 2\): .*\(the column "Scheduled" of \S+territory-events\.csv is read as scheduled by its name; if it is the CRM's own, --events-map scheduled= leaves it unread\)/);
  const eFixed = run([...base, '--map', 'region=,priority=', '--events', ev, '--events-map', 'scheduled=', '--quiet']);
  assert.equal(eFixed.status, 0, eFixed.stderr);
  assert.equal(csv(eFixed.stdout)[0].error, '', 'the callback was read');
  // docs/cli.md and --help say so.
  assert.match(cliDoc, /`field=`, with no column, leaves a field \*\*unread\*\*/);
  assert.match(cliDoc, /`--map region=,priority=` keeps the\s+engine from reading it/);
  assert.match(run(['--help']).stdout, /"field=" leaves a field unread/);
});

test('a column of the exact field name beats one in another case; a read column named twice stops the run', () => {
  // A CRM's own "Region" (here empty) beside the engine's "region", after it:
  // region is read from "region", as from a JSON record's exact key.
  const f = join(dir, 'two-regions.csv');
  writeFileSync(f, 'id,timeZone,region,addedAt,Region\n1,America/New_York,US-FL,2026-11-01T14:00:00Z,\n');
  const plain = run(['evaluate', f, '--playbook', 'call-ladder', '--now', '2026-11-13T01:30:00Z', '--format', 'csv']);
  assert.equal(plain.status, 0, plain.stderr);
  // 20:30 in New York: Florida's calling hours (8–20) are over; the TCPA's are not.
  assert.equal(csv(plain.stdout)[0].canCall, 'false', 'region read from "region", not the empty "Region"');
  // Two columns of one name, read: the run stops, naming them.
  const ev = join(dir, 'two-ids-events.csv');
  writeFileSync(ev, 'Contact ID,kind,at,channel,direction,text,Contact ID\n1,message,2026-11-02T15:00:00Z,sms,in,STOP,2\n');
  const contacts = join(dir, 'two-ids.csv');
  writeFileSync(contacts, 'id,timeZone,addedAt\n1,America/New_York,2026-11-01T14:00:00Z\n2,America/New_York,2026-11-01T14:00:00Z\n');
  const two = run(['evaluate', contacts, '--playbook', 'call-ladder', '--now', NOW, '--events', ev, '--events-map', 'contactId=Contact ID']);
  assert.equal(two.status, 1, two.stderr);
  assert.match(two.stderr, /the header names 2 columns "Contact ID" \(columns 1 and 7\), read as contactId: rename all but one in the file/);
  const dup = join(dir, 'two-names.csv');
  writeFileSync(dup, 'id,name,addedAt,name\n1,Ann,2026-11-01T14:00:00Z,Bo\n');
  assert.match(run(['evaluate', dup, '--playbook', 'call-ladder', '--now', NOW]).stderr, /2 columns "name" \(columns 2 and 4\), read as name/);
  // A column named twice that nothing reads is no matter.
  const notes = join(dir, 'two-notes.csv');
  writeFileSync(notes, 'id,addedAt,Notes,Notes\n1,2026-11-01T14:00:00Z,a,b\n');
  assert.equal(run(['evaluate', notes, '--playbook', 'call-ladder', '--now', NOW, '--quiet']).status, 0);
});

test('CSV with CRLF line ends and multi-line cells: each bad row is reported at its own line', () => {
  // Excel's and the CRMs' exports: CRLF, notes over several lines.
  const text = 'id,addedAt,notes\r\na,bad,"x\r\ny"\r\nb,bad,\r\nc,bad,"p\r\nq\r\nr"\r\nd,bad,\r\n';
  for (const [name, body] of [['crlf.csv', text], ['lf.csv', text.replace(/\r/g, '')]]) {
    const file = join(dir, name);
    writeFileSync(file, body);
    const r = run(['evaluate', file, '--playbook', 'monthly-campaign', '--now', NOW]);
    assert.equal(r.status, 1);
    const lines = [...r.stderr.matchAll(/line (\d+): addedAt/g)].map((x) => Number(x[1]));
    assert.deepEqual(lines, [2, 4, 5, 8], `${name}: ${r.stderr}`);
  }
});

test('--events: events of an id no record has fail the run (they may be a STOP), unless --allow-bad', () => {
  const events = join(dir, 'events-orphan.csv');
  // 1042.0: the id as a spreadsheet rewrote it; 1042 is a contact of the input.
  writeFileSync(events, 'contactId,kind,at,channel,direction,text\n1042.0,message,2026-11-03T15:00:00Z,sms,in,STOP\n');
  const contacts = join(dir, 'contacts-orphan.csv');
  writeFileSync(contacts, 'id,name,timeZone,addedAt\n1042,Ana Ruiz,America/New_York,2026-11-01T14:00:00Z\n');
  const args = ['evaluate', contacts, '--events', events, '--playbook', 'monthly-campaign', '--now', NOW];
  const r = run(args);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /events for 1 contact id not in the input \("1042\.0"\): they may be a STOP/);
  assert.match(r.stderr, /1 bad event line/);
  assert.equal(run([...args, '--allow-bad']).status, 0);
});

test('--events NDJSON: a contactId number past 2^53 is a bad event line, never another contact\'s event', () => {
  const contacts = join(dir, 'contacts-big.csv');
  writeFileSync(contacts, 'id,timeZone,addedAt\n5725767000000368000,America/New_York,2026-11-01T14:00:00Z\n5725767000000368001,America/New_York,2026-11-01T14:00:00Z\n');
  const events = join(dir, 'events-big.ndjson');
  writeFileSync(events, '{"contactId":5725767000000368001,"kind":"message","at":"2026-11-03T15:00:00Z","channel":"sms","direction":"in","text":"STOP"}\n');
  const r = run(['evaluate', contacts, '--events', events, '--playbook', 'monthly-campaign', '--now', NOW, '--format', 'ndjson']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /line 1: contactId: a number of more than 2\^53/);
  for (const line of r.stdout.trim().split('\n')) {
    assert.equal(JSON.parse(line).channels.sms.allowed, true, 'the STOP went to no contact');
  }
});

test('CSV rows of empty cells (a spreadsheet\'s trailing ",,," rows) are skipped as blank lines', () => {
  const file = join(dir, 'trailing.csv');
  writeFileSync(file, 'id,timeZone,addedAt\n1,America/New_York,2026-11-01T14:00:00Z\n,,\n , , \n');
  const r = run(['evaluate', file, '--playbook', 'monthly-campaign', '--now', NOW, '--format', 'ndjson']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').length, 1);
});

test('CSV cells NULL and \\N (SQL exports) are not given', () => {
  const file = join(dir, 'nulls.csv');
  writeFileSync(file, 'id,name,timeZone,region,priority,addedAt\n1,NULL,America/New_York,NULL,\\N,2026-11-01T14:00:00Z\n');
  const r = run(['evaluate', file, '--playbook', 'monthly-campaign', '--now', NOW, '--format', 'ndjson']);
  assert.equal(r.status, 0, r.stderr);
  const ev = JSON.parse(r.stdout.trim());
  assert.equal(ev.priority, 0);
  assert.equal(ev.timeZone, 'America/New_York');
});

test("a database export's NULL and \\N are no events; --keep beside a record that is no object; a boosted priority past 1e9 is queued", () => {
  // A contact with no events, as a database writes "no value" in the
  // events column: evaluated, not refused.
  const csv = join(dir, 'db.csv');
  writeFileSync(csv, [
    'id,name,timeZone,addedAt,region,priority,events',
    '1,Ann,America/New_York,2026-11-10T14:00:00Z,NULL,NULL,NULL',
    '2,Ben,America/Chicago,2026-11-10T15:00:00Z,\\N,\\N,\\N',
    '',
  ].join('\n'));
  let r = run(['evaluate', csv, '--playbook', 'call-ladder', '--now', NOW, '--format', 'csv']);
  assert.equal(r.status, 0, r.stderr);
  const rows = parseCsv(r.stdout, { columns: true });
  assert.deepEqual(rows.map((x) => [x.id, x.next, x.error]), [['1', 'Call ASAP', ''], ['2', 'Call ASAP', '']]);

  // --keep: a JSON record that is a string is its own error; the good one is
  // queued with its kept column.
  const json = join(dir, 'mixed.json');
  writeFileSync(json, JSON.stringify(['oops', { id: 'ok1', timeZone: 'America/New_York', addedAt: '2026-11-10T14:15:00Z', phone: '555' }]));
  r = run(['queue', json, '--playbook', 'call-ladder', '--now', NOW, '--capacity', '5', '--keep', 'phone', '--format', 'ndjson']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /line 1, record 1: expected a contact object, got "oops"/);
  const queued = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(queued.map((q) => [q.id, q.input.phone]), [['ok1', '555']]);

  // A contact's priority of 1e9 with the texting opt-out's boost: the
  // evaluation's priority is past 1e9, and the queue takes it, first.
  const boosted = join(dir, 'boosted.ndjson');
  const texted = [
    { kind: 'message', at: '2026-11-10T14:05:00Z', channel: 'sms', direction: 'out' },
    { kind: 'message', at: '2026-11-10T14:06:00Z', channel: 'sms', direction: 'in', text: 'STOP' },
  ];
  writeFileSync(boosted, [
    { id: 'a', timeZone: 'America/New_York', addedAt: '2026-11-10T14:00:00Z', priority: 1e9, events: texted },
    { id: 'b', timeZone: 'America/New_York', addedAt: '2026-11-10T14:00:00Z', priority: 3 },
  ].map((c) => JSON.stringify(c)).join('\n') + '\n');
  r = run(['queue', boosted, '--playbook', 'call-ladder', '--now', NOW, '--capacity', '5', '--format', 'ndjson']);
  assert.equal(r.status, 0, r.stderr);
  const q = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(q.map((x) => [x.id, x.priority]), [['a', 1000000010], ['b', 3]]);
  assert.match(r.stderr, /2 of 2 calls/);
});

test('CSV columns are read as the engine reads JSON keys: time_zone, "Time Zone", "Added At", due_at', () => {
  // 13:30Z is 05:30 in Los Angeles: no call, whatever the playbook's zone.
  const pb = join(dir, 'ny-ladder.json');
  writeFileSync(pb, JSON.stringify({ ...engine.preset('call-ladder'), timeZone: 'America/New_York' }));
  const at = '2026-11-12T13:30:00Z';
  for (const [zone, added] of [['time_zone', 'added_at'], ['Time Zone', 'Added At'], ['TIME_ZONE', 'ADDED-AT'], ['time-zone', 'added/at'], ['TimeZone', 'addedAt']]) {
    const f = join(dir, 'folded.csv');
    writeFileSync(f, `id,Name,${zone},${added}\n1,Ann,America/Los_Angeles,2026-11-12T10:00:00Z\n`);
    const r = run(['evaluate', f, '--playbook', pb, '--now', at, '--quiet']);
    assert.equal(r.status, 0, `${zone}: ${r.stderr}`);
    const got = JSON.parse(r.stdout);
    const want = engine.evaluate({ id: '1', Name: 'Ann', [zone]: 'America/Los_Angeles', [added]: '2026-11-12T10:00:00Z' }, JSON.parse(readFileSync(pb, 'utf8')), at);
    assert.equal(want.timeZone, 'America/Los_Angeles', zone);
    assert.deepEqual(got, want, zone);
    assert.equal(got.channels.call.allowed, false, zone);
  }
  // The contract's spelling wins, wherever it stands; region only as spelled.
  const both = join(dir, 'folded-both.csv');
  writeFileSync(both, 'id,time_zone,timeZone,Region,addedAt\n1,America/Chicago,America/Los_Angeles,US-FL,2026-11-12T10:00:00Z\n');
  const b = run(['evaluate', both, '--playbook', pb, '--now', at, '--quiet']);
  assert.equal(b.status, 0, b.stderr);
  const bWant = engine.evaluate({ id: '1', time_zone: 'America/Chicago', timeZone: 'America/Los_Angeles', Region: 'US-FL', addedAt: '2026-11-12T10:00:00Z' }, JSON.parse(readFileSync(pb, 'utf8')), at);
  assert.deepEqual(JSON.parse(b.stdout), bWant);
  assert.equal(bWant.timeZone, 'America/Los_Angeles');
  assert.equal(bWant.region, undefined);
  // An events file's due_at and "Contact ID", in CSV as in NDJSON.
  const c = join(dir, 'folded-contacts.csv');
  writeFileSync(c, 'id,timeZone,addedAt\n1,America/New_York,2026-11-01T10:00:00Z\n');
  const evCsv = join(dir, 'folded-events.csv');
  writeFileSync(evCsv, 'Contact ID,Kind,At,due_at\n1,callback,2026-11-10T15:00:00Z,2026-11-12T16:00:00Z\n');
  const evJson = join(dir, 'folded-events.ndjson');
  writeFileSync(evJson, '{"contact_id":"1","Kind":"callback","At":"2026-11-10T15:00:00Z","due_at":"2026-11-12T16:00:00Z"}\n');
  const outs = [evCsv, evJson].map((ev) => run(['evaluate', c, '--events', ev, '--playbook', 'call-ladder', '--now', NOW, '--quiet']));
  for (const o of outs) assert.equal(o.status, 0, o.stderr);
  const contact = { id: '1', timeZone: 'America/New_York', addedAt: '2026-11-01T10:00:00Z' };
  const want = engine.evaluate({ ...contact, events: [{ kind: 'callback', at: '2026-11-10T15:00:00Z', dueAt: '2026-11-12T16:00:00Z' }] }, engine.preset('call-ladder'), NOW);
  assert.notDeepEqual(want, engine.evaluate(contact, engine.preset('call-ladder'), NOW), 'the callback changes the evaluation');
  for (const o of outs) assert.deepEqual(JSON.parse(o.stdout), want);
});

test('--map field= keeps the engine from reading a JSON key of any spelling of the field (Events, TimeZone, time_zone, Name)', () => {
  const base = ['--playbook', 'monthly-campaign', '--now', NOW, '--quiet'];
  // A CRM's own "Events" (a marketing-events list): not the engine's events.
  const f = join(dir, 'crm-events-key.ndjson');
  writeFileSync(f, JSON.stringify({ id: '1', addedAt: '2026-11-01T10:00:00Z', timeZone: 'America/New_York', Events: 'webinar, expo' }) + '\n'
    + JSON.stringify({ id: '2', addedAt: '2026-11-01T10:00:00Z', timeZone: 'America/New_York', EVENTS: [{ kind: 'dnd', at: '2026-11-02T10:00:00Z', channel: 'all' }] }) + '\n');
  const r = run(['evaluate', f, '--map', 'events=', ...base]);
  assert.equal(r.status, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const plain = engine.evaluate({ id: '2', addedAt: '2026-11-01T10:00:00Z', timeZone: 'America/New_York' }, engine.preset('monthly-campaign'), NOW);
  assert.deepEqual(rows[1], plain, 'the EVENTS key was not read');
  // A zone of the CRM's own (the owner's office), however spelled, left unread.
  for (const key of ['TimeZone', 'time_zone', 'Time Zone', 'timezone']) {
    const z = join(dir, 'crm-zone-key.ndjson');
    writeFileSync(z, JSON.stringify({ id: '1', addedAt: '2026-11-01T10:00:00Z', [key]: 'America/Los_Angeles', Name: 'Ann' }) + '\n');
    const o = JSON.parse(run(['evaluate', z, '--map', 'timeZone=,name=', ...base]).stdout);
    assert.equal(o.timeZoneSource, 'region', key);
    assert.equal(o.displayName, '1', `${key}: Name not read`);
    // Mapped to another key, the field is read from that key alone.
    const m = JSON.parse(run(['evaluate', z, '--map', 'timeZone=Office TZ', '--allow-bad', ...base]).stdout);
    assert.equal(m.timeZoneSource, 'region', key);
  }
});

test('an NDJSON events line broken after its contactId makes that contact a bad record: its STOP may be in it', () => {
  const c = join(dir, 'broken-contacts.ndjson');
  writeFileSync(c, ['a', 'b', 'c', 'd'].map((id) => JSON.stringify({ id, addedAt: '2026-11-01T09:00:00Z', timeZone: 'America/New_York', events: [] })).join('\n') + '\n');
  const ev = join(dir, 'broken-events.ndjson');
  writeFileSync(ev, [
    '{"contactId":"a","kind":"message","at":NaN,"channel":"sms","direction":"in","text":"STOP"}',
    '{"contactId":"b","kind":"message","at":"2026-11-02T15:00:00Z","channel":"sms","direction":"in","text":"STOP",}',
    '{"Contact ID":7,"kind":"message","at":"2026-11-02T15:00:00Z",}',
    '{"contactId":"c","kind":"message","at":"2026-11-02T15:00:00Z","channel":"sms","direction":"in","text":"STOP"}',
  ].join('\n') + '\n');
  const r = run(['evaluate', c, '--events', ev, '--playbook', 'monthly-campaign', '--now', NOW, '--allow-bad']);
  assert.equal(r.status, 0, r.stderr);
  const out = Object.fromEntries(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((o) => [o.id, o]));
  assert.match(out.a.error, /broken-events\.ndjson line 1: invalid JSON/);
  assert.match(out.b.error, /broken-events\.ndjson line 2: invalid JSON/);
  assert.equal(out.c.channels.sms.allowed, false);
  assert.equal(out.d.channels.sms.allowed, true);
});

test('a CSV row with more cells than its header is a bad record or a bad event line: an unquoted "No thanks, STOP" is not lost', () => {
  const c = join(dir, 'ragged-contacts.csv');
  writeFileSync(c, 'id,name,timeZone,addedAt\n1,Ann,America/New_York,2026-11-01T10:00:00Z\n');
  const ev = join(dir, 'ragged-events.csv');
  writeFileSync(ev, 'contactId,kind,at,channel,direction,text\n1,message,2026-11-10T15:00:00Z,sms,out,Hi Ann\n1,message,2026-11-10T16:00:00Z,sms,in,No thanks, STOP\n');
  const base = ['--playbook', 'monthly-campaign', '--now', NOW, '--format', 'csv'];
  const r = run(['evaluate', c, '--events', ev, ...base]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /ragged-events\.csv line 3: 7 cells, the header has 6/);
  assert.match(r.stderr, /1 bad event line/);
  // A contacts row: bad, named by its line, with its id; trailing empty cells stay tolerated.
  const rc = join(dir, 'ragged.csv');
  writeFileSync(rc, 'id,name,timeZone,addedAt\n1,Ann,America/New_York,2026-11-01T10:00:00Z,,\n'
    + '2,Bo,America/New_York,2026-11-01T10:00:00Z,expo\n3,Cy,America/New_York,2026-11-01T10:00:00Z, ,\n');
  const rr = run(['evaluate', rc, ...base]);
  assert.equal(rr.status, 1);
  assert.match(rr.stderr, /line 3: 5 cells, the header has 4: .*\(id "2"\)/);
  assert.doesNotMatch(rr.stderr, /line [24]:/);
  assert.deepEqual(csv(rr.stdout).map((x) => [x.id, !!x.error]), [['1', false], ['2', true], ['3', false]]);
  assert.match(cliDoc, /more cells than the header/);
});

test('-o naming an input (the contacts, --events or --playbook file, or a link to it) is a usage error that leaves it whole; -o - is standard output', async () => {
  const { symlinkSync, openSync, closeSync } = await import('node:fs');
  const c = join(dir, 'keep-contacts.csv');
  const text = 'id,timeZone,addedAt\n1,America/New_York,2026-11-01T10:00:00Z\n';
  writeFileSync(c, text);
  const ev = join(dir, 'keep-events.csv');
  const evText = 'contactId,kind,at,channel,direction,text\n1,message,2026-11-02T15:00:00Z,sms,in,STOP\n';
  writeFileSync(ev, evText);
  const pb = join(dir, 'keep-playbook.json');
  const pbText = JSON.stringify(engine.preset('call-ladder'));
  writeFileSync(pb, pbText);
  const link = join(dir, 'keep-link.csv');
  rmSync(link, { force: true });
  symlinkSync(c, link);
  for (const [args, what] of [
    [['evaluate', c, '--playbook', 'call-ladder', '-o', c], /is the contacts file/],
    [['evaluate', c, '--playbook', 'call-ladder', '-o', link], /is the contacts file/],
    [['evaluate', c, '--events', ev, '--playbook', 'call-ladder', '--output', ev], /is the --events file/],
    [['queue', c, '--playbook', pb, '--capacity', '5', '-o', pb], /is the --playbook file/],
    [['evaluate', '-', '--playbook', 'call-ladder', '-o', c], /is standard input/],
  ]) {
    // (Standard input: the contacts file itself, as `< contacts.csv` gives it.)
    const fd = args[1] === '-' ? openSync(c, 'r') : undefined;
    const r = fd === undefined ? run([...args, '--now', NOW])
      : spawnSync(process.execPath, [cli, ...args, '--now', NOW], { encoding: 'utf8', stdio: [fd, 'pipe', 'pipe'] });
    if (fd !== undefined) closeSync(fd);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, what);
  }
  assert.equal(readFileSync(c, 'utf8'), text);
  assert.equal(readFileSync(ev, 'utf8'), evText);
  assert.equal(readFileSync(pb, 'utf8'), pbText);
  // "-o -" writes to standard output, not to a file named "-".
  const cwd = mkdtempSync(join(tmpdir(), 'cadence-dash-'));
  const o = spawnSync(process.execPath, [cli, 'evaluate', c, '--playbook', 'call-ladder', '--now', NOW, '-o', '-', '--quiet'], { encoding: 'utf8', cwd });
  assert.equal(o.status, 0, o.stderr);
  assert.equal(JSON.parse(o.stdout).id, '1');
  assert.equal(existsSync(join(cwd, '-')), false);
  rmSync(cwd, { recursive: true, force: true });
});

test('UTF-16 files and standard input (Excel\'s "Unicode Text", PowerShell\'s Out-File) are read as text, with their lines', () => {
  const le = (text, bom = true) => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
  const be = (text, bom = true) => {
    const b = Buffer.from(text, 'utf16le').swap16();
    return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), b]) : b;
  };
  const contactsText = 'id,name,timeZone,addedAt\r\n1,René,America/New_York,2026-11-01T10:00:00Z\r\n2,Bo,America/Nowhere,2026-11-01T10:00:00Z\r\n';
  const eventsText = 'contactId,kind,at,channel,direction,text\r\n1,message,2026-11-02T15:00:00Z,sms,in,ARRÊT\r\n';
  const pbText = JSON.stringify(engine.preset('monthly-campaign'), null, 2);
  const plain = join(dir, 'u8.csv');
  writeFileSync(plain, contactsText);
  const ev8 = join(dir, 'u8-events.csv');
  writeFileSync(ev8, eventsText);
  const base = ['--now', NOW, '--format', 'csv', '--allow-bad'];
  const want = run(['evaluate', plain, '--events', ev8, '--playbook', 'monthly-campaign', ...base]);
  assert.equal(want.status, 0, want.stderr);
  assert.match(want.stderr, /line 3: timeZone/);
  assert.equal(csv(want.stdout)[0].canText, 'false', 'the ARRÊT is read');
  for (const [name, encode] of [['le', le], ['be', be], ['le-nobom', (t) => le(t, false)], ['be-nobom', (t) => be(t, false)]]) {
    const c = join(dir, `u16-${name}.csv`);
    writeFileSync(c, encode(contactsText));
    const ev = join(dir, `u16-${name}-events.csv`);
    writeFileSync(ev, encode(eventsText));
    const pb = join(dir, `u16-${name}-playbook.json`);
    writeFileSync(pb, encode(pbText));
    const r = run(['evaluate', c, '--events', ev, '--playbook', pb, ...base]);
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.equal(r.stdout, want.stdout, name);
    assert.match(r.stderr, /line 3: timeZone/, name);
    const stdin = run(['evaluate', '-', '--events', ev, '--playbook', 'monthly-campaign', ...base], encode(contactsText));
    assert.equal(stdin.stdout, want.stdout, `${name} on standard input`);
  }
  // A JSON array and NDJSON, as upsertJson reads them.
  const records = [{ id: 'u1', addedAt: '2026-11-01T10:00:00Z', timeZone: 'America/New_York' }, { id: 'u2', addedAt: '2026-11-01T10:00:00Z', timeZone: 'America/Chicago' }];
  for (const [name, text] of [['array.json', JSON.stringify(records)], ['lines.ndjson', records.map((x) => JSON.stringify(x)).join('\r\n') + '\r\n']]) {
    const f = join(dir, `u16-${name}`);
    writeFileSync(f, le(text, name.endsWith('.json')));
    const r = run(['evaluate', f, '--playbook', 'monthly-campaign', '--now', NOW, '--quiet']);
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l)), engine.evaluateMany(records, engine.preset('monthly-campaign'), NOW), name);
  }
});

test('a bad record of a one-line JSON array is named by its place in it too ("line 1, record 2")', () => {
  const records = [{ id: 'a', addedAt: '2026-11-01T10:00:00Z' }, { name: 'no id' }, { id: 'b' }];
  const f = join(dir, 'one-line.json');
  writeFileSync(f, JSON.stringify(records));
  const r = run(['evaluate', f, '--playbook', 'monthly-campaign', '--now', NOW, '--quiet']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /line 1, record 2: id: required/);
  assert.match(r.stderr, /line 1, record 3: addedAt: required.*\(id "b"\)/);
  // Pretty-printed, each record's line says which: no place added.
  writeFileSync(f, JSON.stringify(records, null, 2));
  const p = run(['evaluate', f, '--playbook', 'monthly-campaign', '--now', NOW, '--quiet']);
  assert.match(p.stderr, /line 6: id: required/);
  assert.doesNotMatch(p.stderr, /record \d/);
  assert.match(cliDoc, /line 1, record 2/);
});

test('a CSV header with a zero-width space or joiner at an edge is read as the engine reads the JSON key (a pasted "\\u200bregion")', () => {
  const p = engine.preset('call-ladder');
  const late = '2026-11-13T01:30:00Z'; // 20:30 in Florida: past its 8 p.m. limit
  for (const zw of ['\u200b', '\u200c', '\u200d', '\u2060']) {
    for (const [name, header] of [['before', `${zw}region`], ['after', `region${zw}`]]) {
      const f = join(dir, `zw-${name}.csv`);
      writeFileSync(f, `id,timeZone,${header},addedAt\nc1,America/New_York,US-FL,2026-11-01T10:00:00Z\n`);
      const r = run(['evaluate', f, '--playbook', 'call-ladder', '--now', late, '--quiet', '--no-explain', '--format', 'csv']);
      assert.equal(r.status, 0, r.stderr);
      const want = engine.evaluate({ id: 'c1', timeZone: 'America/New_York', [header]: 'US-FL', addedAt: '2026-11-01T10:00:00Z' }, p, late);
      assert.equal(want.channels.sms.allowed, false);
      assert.equal(csv(r.stdout)[0].canText, String(want.channels.sms.allowed), `${JSON.stringify(header)}: ${r.stdout}`);
    }
  }
  // An events file's "\u200btext" column: its STOP is read.
  const c = join(dir, 'zw-contacts.csv');
  writeFileSync(c, 'id,timeZone,addedAt\nc1,America/New_York,2026-11-01T10:00:00Z\n');
  const ev = join(dir, 'zw-events.csv');
  writeFileSync(ev, 'contactId,kind,at,channel,direction,\u200btext\nc1,message,2026-11-02T10:00:00Z,sms,in,STOP\n');
  const r = run(['evaluate', c, '--events', ev, '--playbook', 'call-ladder', '--now', NOW, '--quiet', '--no-explain', '--format', 'csv']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(csv(r.stdout)[0].canText, 'false');
});

test('ids are compared as the engine reads them: "c1\\u200b" is c1, a second record of it, and the one its events go to', () => {
  const ev = join(dir, 'zid-events.csv');
  writeFileSync(ev, 'contactId,kind,at,channel,direction,text\nc1\u200b,message,2026-11-02T10:00:00Z,sms,in,STOP\n');
  const base = ['--playbook', 'call-ladder', '--now', NOW, '--quiet', '--no-explain', '--format', 'csv'];
  const two = join(dir, 'zid-two.csv');
  writeFileSync(two, 'id,timeZone,addedAt\nc1,America/New_York,2026-11-01T10:00:00Z\nc1\u200b,America/New_York,2026-11-01T10:00:00Z\n');
  const r = run(['evaluate', two, ...base]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /line 3: id: "c1" is also the id of line 2/);
  const one = join(dir, 'zid-one.csv');
  writeFileSync(one, 'id,timeZone,addedAt\n\u2060c1,America/New_York,2026-11-01T10:00:00Z\n');
  const j = run(['evaluate', one, '--events', ev, ...base]);
  assert.equal(j.status, 0, j.stderr);
  assert.deepEqual(csv(j.stdout).map((x) => [x.id, x.canText]), [['c1', 'false']]);
});

test('nameless columns at the end of a header (a spreadsheet\'s ghost columns) do not take a ragged row\'s extra cells', () => {
  const c = join(dir, 'ghost-contacts.csv');
  writeFileSync(c, 'id,timeZone,addedAt\r\nc1,America/New_York,2026-11-01T10:00:00Z\r\n');
  const ev = join(dir, 'ghost-events.csv');
  writeFileSync(ev, 'contactId,kind,at,channel,direction,text,,\r\nc1,message,2026-11-02T10:00:00Z,sms,in,No thanks, STOP,\r\n');
  const base = ['--playbook', 'call-ladder', '--now', NOW, '--no-explain', '--format', 'csv'];
  const r = run(['evaluate', c, '--events', ev, ...base]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /ghost-events\.csv line 2: 7 cells, the header has 6/);
  const g = join(dir, 'ghost.csv');
  writeFileSync(g, 'id,timeZone,addedAt,name,,\r\nc1,America/New_York,2026-11-01T10:00:00Z,"Smith, John",,\r\n'
    + 'c2,America/New_York,2026-11-01T10:00:00Z,Smith, Ann,\r\nc3,America/New_York,2026-11-01T10:00:00Z,Bo\r\n');
  const rr = run(['evaluate', g, ...base]);
  assert.equal(rr.status, 1);
  assert.match(rr.stderr, /line 3: 5 cells, the header has 4: .*\(id "c2"\)/);
  assert.deepEqual(csv(rr.stdout).map((x) => [x.id, x.name, !!x.error]), [['c1', 'Smith, John', false], ['c2', '', true], ['c3', 'Bo', false]]);
});

test('a UTF-8 file with one Windows-1252 byte is read as Windows-1252 only from that byte on: its mark skipped, earlier names and ids kept', () => {
  const late = '2026-11-13T01:30:00Z';
  const bom = join(dir, 'mixed-bom.csv');
  writeFileSync(bom, Buffer.concat([Buffer.from('\ufeffregion,id,name,timeZone,addedAt\r\nUS-FL,c1,Ren', 'utf8'), Buffer.from([0xe9]),
    Buffer.from(',America/New_York,2026-11-01T10:00:00Z\r\n')]));
  const r = run(['evaluate', bom, '--playbook', 'call-ladder', '--now', late, '--quiet', '--no-explain', '--format', 'csv']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(csv(r.stdout).map((x) => [x.id, x.name, x.canText, x.canCall]), [['c1', 'René', 'false', 'false']]);
  const ids = join(dir, 'mixed-ids.csv');
  writeFileSync(ids, Buffer.concat([Buffer.from('id,name,addedAt\r\njosé,José,2026-11-01T10:00:00Z\r\nFran', 'utf8'), Buffer.from([0xe7]),
    Buffer.from('ois,x,2026-11-01T10:00:00Z\r\n')]));
  const ev = join(dir, 'mixed-ids-events.csv');
  writeFileSync(ev, 'contactId,kind,at,channel,direction,text\njosé,message,2026-11-02T10:00:00Z,sms,in,STOP\n');
  const m = run(['evaluate', ids, '--events', ev, '--playbook', 'call-ladder', '--now', NOW, '--quiet', '--no-explain', '--format', 'csv']);
  assert.equal(m.status, 0, m.stderr);
  const rows = csv(m.stdout);
  assert.deepEqual(rows.map((x) => x.id), ['josé', 'François']);
  assert.equal(rows[0].canText, 'false', 'the STOP of josé is joined');
});

test('the contact of a ragged --events line is a bad record, not evaluated or queued as if the line were not there', () => {
  const c = join(dir, 'ragged-ev-contacts.csv');
  writeFileSync(c, 'id,timeZone,addedAt\nc1,America/New_York,2026-11-01T10:00:00Z\nc2,America/New_York,2026-11-01T10:00:00Z\n');
  const ev = join(dir, 'ragged-ev.csv');
  writeFileSync(ev, 'contactId,kind,at,channel,direction,text\nc1,message,2026-11-02T10:00:00Z,sms,in,No thanks, STOP\n');
  const base = ['--playbook', 'call-ladder', '--now', NOW, '--quiet', '--no-explain', '--allow-bad'];
  const r = run(['evaluate', c, '--events', ev, '--format', 'csv', ...base]);
  const rows = csv(r.stdout);
  assert.deepEqual(rows.map((x) => x.id), ['c1', 'c2']);
  assert.match(rows[0].error, /ragged-ev\.csv line 2: 7 cells, the header has 6/);
  assert.equal(rows[1].error, '');
  // A call DND whose reason has an unquoted comma keeps its contact off the call list.
  const dnd = join(dir, 'ragged-dnd.csv');
  writeFileSync(dnd, 'contactId,kind,at,channel,active,reason\nc1,dnd,2026-11-02T10:00:00Z,call,true,asked us, twice\n');
  const q = run(['queue', c, '--events', dnd, '--capacity', '10', ...base]);
  assert.equal(q.status, 0, q.stderr);
  assert.deepEqual(q.stdout.trim().split('\n').map((l) => JSON.parse(l).id), ['c2']);
});

test('Excel\'s "Unicode Text" (UTF-16, tab-separated) is read as cells, contacts and --events alike', () => {
  const le = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const c = join(dir, 'unicode-text.txt');
  writeFileSync(c, le('id\tname\ttimeZone\taddedAt\r\nc1\tRené, Jr.\tAmerica/New_York\t2026-11-01T10:00:00Z\r\nc2\tBo\tAmerica/New_York\t2026-11-01T10:00:00Z\r\n'));
  const ev = join(dir, 'unicode-text-events.csv');
  writeFileSync(ev, le('contactId\tkind\tat\tchannel\tdirection\ttext\r\nc1\tmessage\t2026-11-02T10:00:00Z\tsms\tin\tARRÊT, merci\r\n'));
  const r = run(['evaluate', c, '--input-format', 'csv', '--events', ev, '--playbook', 'call-ladder', '--now', NOW, '--quiet', '--no-explain', '--format', 'csv']);
  assert.equal(r.status, 0, r.stderr);
  const rows = csv(r.stdout);
  assert.deepEqual(rows.map((x) => [x.id, x.canText]), [['c1', 'false'], ['c2', 'true']]);
  assert.match(rows[0].name, /^René, Jr\./);
});

test('in a one-line JSON array, a duplicate id names the earlier record by its place too', () => {
  const f = join(dir, 'dup-one-line.json');
  writeFileSync(f, JSON.stringify([{ id: 'a', addedAt: '2026-11-01T10:00:00Z' }, { id: 'b', addedAt: '2026-11-01T10:00:00Z' }, { id: 'a', addedAt: '2026-11-01T10:00:00Z' }]));
  const ev = join(dir, 'dup-one-line-events.ndjson');
  writeFileSync(ev, '{"contactId":"a","kind":"message","at":"2026-11-02T10:00:00Z","channel":"sms","direction":"in","text":"STOP"}\n');
  const r = run(['evaluate', f, '--events', ev, '--playbook', 'call-ladder', '--now', NOW, '--quiet', '--no-explain']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /line 1, record 3: id: "a" is also the id of line 1, record 1: .*went to line 1, record 1 alone/);
});

test('a JSON record\'s key with a zero-width space at an edge ("\\u200bid") is read by the tool as by the engine: its --events are joined', () => {
  const f = join(dir, 'zw-key.ndjson');
  writeFileSync(f, '{"\u200bid":"c1","timeZone":"America/New_York","addedAt":"2026-11-01T10:00:00Z"}\n');
  const ev = join(dir, 'zw-key-events.csv');
  writeFileSync(ev, 'contactId,kind,at,channel,direction,text\nc1,message,2026-11-02T10:00:00Z,sms,in,STOP\n');
  const r = run(['evaluate', f, '--events', ev, '--playbook', 'call-ladder', '--now', NOW, '--quiet', '--no-explain', '--format', 'csv']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(csv(r.stdout).map((x) => [x.id, x.canText]), [['c1', 'false']]);
});

/**
 * Writes a contacts file and an events file (c1, "René, Jr.", texted STOP;
 * c2, "Bo") and checks the tool reads both: c1 refused texts, c2 not.
 */
/** A contacts file `name` holding `text` is read, its separator as it should be: exit 0 and these ids. */
function readsIds(name, text, ids) {
  const f = join(dir, name);
  writeFileSync(f, text);
  const r = run(['evaluate', f, '--playbook', 'call-ladder', '--now', NOW, '--quiet', '--no-explain', '--format', 'csv']);
  assert.equal(r.status, 0, `${name}: ${r.stderr}`);
  assert.deepEqual(csv(r.stdout).map((x) => x.id), ids, name);
}

function readsContactsAndEvents(label, contactsName, contacts, eventsName, events) {
  const c = join(dir, contactsName);
  writeFileSync(c, contacts);
  const ev = join(dir, eventsName);
  writeFileSync(ev, events);
  const r = run(['evaluate', c, '--events', ev, '--playbook', 'call-ladder', '--now', NOW, '--quiet', '--no-explain', '--format', 'csv']);
  assert.equal(r.status, 0, `${label}: ${r.stderr}`);
  const rows = csv(r.stdout);
  assert.deepEqual(rows.map((x) => [x.id, x.canText]), [['c1', 'false'], ['c2', 'true']], label);
  assert.match(rows[0].name, /^René, Jr\./, label);
}

test('a UTF-8 tab-separated export (.tsv, .tab, or a .txt whose header has tabs and no comma) is read as cells, contacts and --events alike', () => {
  const contacts = 'id\tname\ttimeZone\tregion\taddedAt\nc1\tRené, Jr.\tAmerica/New_York\tUS-FL\t2026-11-01T10:00:00Z\nc2\tBo\tAmerica/New_York\tUS-FL\t2026-11-01T10:00:00Z\n';
  const events = 'contactId\tkind\tat\tchannel\tdirection\ttext\nc1\tmessage\t2026-11-02T10:00:00Z\tsms\tin\tNo thanks, STOP\n';
  for (const [ce, ee] of [['.tsv', '.tsv'], ['.tab', '.tab'], ['.txt', '.tsv']]) {
    // (.txt is no extension the tool knows: its first character says CSV.)
    readsContactsAndEvents(ce, `tabbed-contacts${ce}`, contacts, `tabbed-events${ee}`, events);
  }
  // A comma-separated file whose cells hold tabs stays comma-separated.
  readsIds('commas-with-tabs.csv', 'id,name,addedAt\nc1,"A\tB",2026-11-01T10:00:00Z\n', ['c1']);
});

test('a semicolon-separated export (Excel where the decimal mark is a comma) and Excel\'s "sep=" line are read as cells, contacts and --events alike', () => {
  const contacts = 'id;name;timeZone;region;addedAt\r\nc1;René, Jr.;America/New_York;US-FL;2026-11-01T10:00:00Z\r\nc2;Bo;America/New_York;US-FL;2026-11-01T10:00:00Z\r\n';
  const events = 'contactId;kind;at;channel;direction;text\r\nc1;message;2026-11-02T10:00:00Z;sms;in;No thanks, STOP\r\n';
  for (const [name, c, ev] of [
    ['semicolons', contacts, events],
    ['sep=;', 'sep=;\r\n' + contacts, 'sep=;\r\n' + events],
    ['sep=,', 'sep=,\n' + contacts.replaceAll(';', ',').replace('René, Jr.', '"René, Jr."'), 'sep=,\n' + events.replaceAll(';', ',').replace('No thanks, STOP', '"No thanks, STOP"')],
  ]) {
    readsContactsAndEvents(name, 'semi-contacts.csv', c, 'semi-events.csv', ev);
  }
  // A "sep=" line padded with separators, and a header whose quoted name
  // holds a comma, are semicolon files still.
  readsIds('sep-padded.csv', 'sep=;;;\r\nid;"Name, full";timeZone;addedAt\r\nq1;"Ana, B";America/New_York;2026-11-01T10:00:00Z\r\n', ['q1']);
  readsIds('semi-quoted.csv', 'id;"Name, full";timeZone;addedAt\r\nq1;"Ana, B";America/New_York;2026-11-01T10:00:00Z\r\n', ['q1']);
  // A bad row's line counts the "sep=" line.
  const bad = join(dir, 'sep-bad.csv');
  writeFileSync(bad, 'sep=,\nid,name,timeZone,addedAt\nq1,Ana,America/New_York,2026-11-01T10:00:00Z\nq2,,America/New_York,\n');
  const r = run(['evaluate', bad, '--playbook', 'call-ladder', '--now', NOW, '--quiet', '--no-explain', '--allow-bad']);
  assert.match(r.stderr, /line 4: addedAt: required/);
});

test('an empty cell under a field\'s own column reads the next column of another spelling; an events file\'s Message column holds the words', () => {
  const c = join(dir, 'empty-own-column.csv');
  writeFileSync(c, [
    'id,name,timeZone,time_zone,addedAt,events,Events',
    'c1,Ana,,America/Chicago,2026-11-01T10:00:00Z,,"[{""kind"":""message"",""at"":""2026-11-02T15:00:00Z"",""channel"":""sms"",""direction"":""in"",""text"":""STOP""}]"',
    'c2,Bo,America/New_York,,2026-11-01T10:00:00Z,,',
  ].join('\n') + '\n');
  const ev = join(dir, 'fub-events.csv');
  writeFileSync(ev, 'contactId,kind,at,channel,direction,Message\nc2,message,2026-11-02T15:00:00Z,sms,in,STOP\n');
  const r = run(['evaluate', c, '--events', ev, '--playbook', 'monthly-campaign', '--now', NOW, '--quiet', '--no-explain', '--format', 'csv']);
  assert.equal(r.status, 0, r.stderr);
  const rows = csv(r.stdout);
  assert.deepEqual(rows.map((x) => [x.id, x.canText, x.timeZone]),
    [['c1', 'false', 'America/Chicago'], ['c2', 'false', 'America/New_York']]);
});

test('a JSON array cut off after its last element reads that element; one cut inside it is its own bad record', () => {
  const whole = join(dir, 'cut-after.json');
  writeFileSync(whole, '[{"id":"a","addedAt":"2026-11-01T10:00:00Z"},\n{"id":"b","addedAt":"2026-11-01T10:00:00Z"}\n');
  let r = run(['evaluate', whole, '--playbook', 'call-ladder', '--now', NOW, '--no-explain', '--allow-bad']);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id), ['a', 'b']);
  assert.match(r.stderr, /the JSON array is not closed/);
  const cut = join(dir, 'cut-inside.json');
  writeFileSync(cut, '[{"id":"a","addedAt":"2026-11-01T10:00:00Z"},\n{"id":"b","addedAt":"2026-11-0');
  r = run(['evaluate', cut, '--playbook', 'call-ladder', '--now', NOW, '--no-explain', '--allow-bad']);
  const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  // (Cut after its id, it is named by it.)
  assert.deepEqual(rows.map((x) => [x.id, x.line ?? null, Boolean(x.error)]), [['a', null, false], ['b', 2, true]]);
});

test('queue: a call is planned no earlier than the day the engine lets it be made (a banned Sunday, a blackout date, a window closed)', () => {
  const f = join(dir, 'closed-days.csv');
  writeFileSync(f, [
    'id,name,timeZone,region,addedAt,priority',
    'al,Ala,America/Chicago,US-AL,2026-12-12T09:00:00-06:00,3',
    'tx,Tex,America/Chicago,US-TX,2026-12-12T09:00:00-06:00,2',
  ].join('\n') + '\n');
  const queue = (now, playbook = 'call-ladder') => {
    const r = run(['queue', f, '--playbook', playbook, '--now', now, '--capacity', '10', '--days', '2', '--time-zone', 'America/Chicago', '--quiet', '--format', 'ndjson']);
    assert.equal(r.status, 0, r.stderr);
    return Object.fromEntries(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((x) => [x.id, x.plannedFor]));
  };
  // Sunday 2026-12-13, noon in Chicago: Alabama bans Sunday calls, Texas allows them from 12:00.
  assert.deepEqual(queue('2026-12-13T18:00:00Z'), { al: '2026-12-14', tx: '2026-12-13' });
  // 22:00 on Monday in Chicago: the day's window is closed for both.
  assert.deepEqual(queue('2026-12-15T04:00:00Z'), { al: '2026-12-15', tx: '2026-12-15' });
  // A playbook's blackout date.
  const pb = join(dir, 'blackout.json');
  writeFileSync(pb, JSON.stringify({ ...engine.preset('call-ladder'), blackoutDates: ['2026-12-14'] }));
  assert.deepEqual(queue('2026-12-14T18:00:00Z', pb), { al: '2026-12-15', tx: '2026-12-15' });
});

test('an empty contactId beside another spelling of it (Contact ID, contact_id) reads that one, in CSV and NDJSON: the STOP is the contact\'s', () => {
  const c = join(dir, 'empty-contactid-contacts.csv');
  writeFileSync(c, 'id,timeZone,region,addedAt\nc1,America/New_York,US-NY,2026-11-02T09:00:00-05:00\n');
  const stop = 'message,2026-11-03T10:00:00-05:00,sms,in,STOP';
  const jstop = '"kind":"message","at":"2026-11-03T10:00:00-05:00","channel":"sms","direction":"in","text":"STOP"';
  for (const [name, text] of [
    ['empty-contactid.csv', `contactId,Contact ID,kind,at,channel,direction,text\n,c1,${stop}\n`],
    ['empty-contactid-after.csv', `contact_id,contactId,kind,at,channel,direction,text\nc1,,${stop}\n`],
    ['null-contactid.csv', `contactId,Contact ID,kind,at,channel,direction,text\nNULL,c1,${stop}\n`],
    ['empty-contactid.ndjson', `{"contactId":"","Contact ID":"c1",${jstop}}\n{"contactId":null,"contact_id":"c1",${jstop}}\n`],
  ]) {
    const ev = join(dir, name);
    writeFileSync(ev, text);
    const r = run(['evaluate', c, '--events', ev, '--playbook', 'call-ladder', '--now', '2026-11-04T15:00:00Z', '--quiet', '--no-explain', '--format', 'csv']);
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.deepEqual(csv(r.stdout).map((x) => [x.id, x.canText]), [['c1', 'false']], name);
  }
  // A JSON record's empty id beside its "ID" is that id, for the join too.
  const j = join(dir, 'empty-id.ndjson');
  writeFileSync(j, '{"id":"","ID":"c1","timeZone":"America/New_York","addedAt":"2026-11-02T09:00:00-05:00"}\n');
  const ev = join(dir, 'empty-id-events.csv');
  writeFileSync(ev, `contactId,kind,at,channel,direction,text\nc1,${stop}\n`);
  const r = run(['evaluate', j, '--events', ev, '--playbook', 'call-ladder', '--now', '2026-11-04T15:00:00Z', '--quiet', '--no-explain', '--format', 'csv']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(csv(r.stdout).map((x) => [x.id, x.canText]), [['c1', 'false']]);
});

test('a separator inside a quoted header name does not count: tab, semicolon and UTF-16 comma files with one are read by their own separator', () => {
  const le = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const rows = (sep, name) => [`id${sep}"${name}"${sep}timeZone${sep}region${sep}addedAt`,
    `c1${sep}"René, Jr."${sep}America/New_York${sep}US-FL${sep}2026-11-01T10:00:00Z`,
    `c2${sep}Bo${sep}America/New_York${sep}US-FL${sep}2026-11-01T10:00:00Z`].join('\r\n') + '\r\n';
  const events = (sep, name) => `contactId${sep}kind${sep}at${sep}channel${sep}direction${sep}text${sep}"${name}"\r\n`
    + `c1${sep}message${sep}2026-11-02T10:00:00Z${sep}sms${sep}in${sep}"No thanks, STOP"${sep}x\r\n`;
  for (const [label, c, ev] of [
    ['tab, a comma in a quoted name', rows('\t', 'Name, full'), events('\t', 'Notes (internal, not sent)')],
    ['semicolon, a tab in a quoted name', rows(';', 'Name\tfull'), events(';', 'Notes\tinternal')],
    ['UTF-16 commas, a tab in a quoted name', le(rows(',', 'Name\tfull')), le(events(',', 'Notes\tinternal'))],
  ]) {
    const cf = join(dir, 'quoted-sep-contacts.txt');
    writeFileSync(cf, c);
    const ef = join(dir, 'quoted-sep-events.csv');
    writeFileSync(ef, ev);
    const r = run(['evaluate', cf, '--events', ef, '--playbook', 'call-ladder', '--now', NOW, '--quiet', '--no-explain', '--format', 'csv']);
    assert.equal(r.status, 0, `${label}: ${r.stderr}`);
    assert.deepEqual(csv(r.stdout).map((x) => [x.id, x.canText]), [['c1', 'false'], ['c2', 'true']], label);
  }
});

test('a pipe-separated export without a "sep=|" line (a database dump) is read with pipes, contacts and --events alike', () => {
  const contacts = 'id|name|timeZone|region|addedAt\nc1|"René, Jr."|America/New_York|US-FL|2026-11-01T10:00:00Z\nc2|Bo|America/New_York|US-FL|2026-11-01T10:00:00Z\n';
  const events = 'contactId|kind|at|channel|direction|text\nc1|message|2026-11-02T10:00:00Z|sms|in|"No | thanks, STOP"\n';
  readsContactsAndEvents('pipes', 'pipe-contacts.csv', contacts, 'pipe-events.csv', events);
  // A row of more cells than the header names the pipe.
  const f = join(dir, 'pipe-ragged.csv');
  writeFileSync(f, 'id|name|addedAt\nc1|Ann|B|2026-11-01T10:00:00Z\n');
  const r = run(['evaluate', f, '--playbook', 'call-ladder', '--now', NOW, '--quiet', '--no-explain', '--allow-bad']);
  assert.match(r.stderr, /line 2: 4 cells, the header has 3: a pipe in a cell not quoted\?/);
  // A comma header with a pipe in a name stays comma-separated.
  readsIds('comma-with-pipe.csv', 'id,Name|Alias,addedAt\nc1,A|B,2026-11-01T10:00:00Z\n', ['c1']);
});

test('an events file of another extension (.txt) is read by its first character: Excel\'s "Unicode Text" as cells, NDJSON as NDJSON', () => {
  const le = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const contacts = 'id,name,timeZone,region,addedAt\nc1,"René, Jr.",America/New_York,US-FL,2026-11-01T10:00:00Z\nc2,Bo,America/New_York,US-FL,2026-11-01T10:00:00Z\n';
  readsContactsAndEvents('UTF-16 .txt', 'txt-events-contacts.csv', contacts, 'unicode-text-events.txt',
    le('contactId\tkind\tat\tchannel\tdirection\ttext\r\nc1\tmessage\t2026-11-02T10:00:00Z\tsms\tin\tARRÊT, merci\r\n'));
  readsContactsAndEvents('NDJSON .txt', 'txt-events-contacts.csv', contacts, 'ndjson-events.txt',
    '\n{"contactId":"c1","kind":"message","at":"2026-11-02T10:00:00Z","channel":"sms","direction":"in","text":"STOP"}\n');
});

test('an error names the column or key a value came from when an empty one of another spelling was passed over; --keep passes over it too', () => {
  const c = join(dir, 'hint-contacts.csv');
  writeFileSync(c, 'id,timeZone,time_zone,Phone,PHONE,addedAt\nc1,,Mars/Base,,555-0101,2026-11-01T10:00:00Z\n');
  const cj = join(dir, 'hint-contacts.ndjson');
  writeFileSync(cj, '{"id":"c1","timeZone":"","time_zone":"Mars/Base","Phone":null,"PHONE":"555-0101","addedAt":"2026-11-01T10:00:00Z"}\n');
  const e = join(dir, 'hint-events.csv');
  writeFileSync(e, 'contactId,kind,at,channel,Channel,direction,text\nc1,message,2026-11-02T10:00:00Z,,fax,in,hi\n');
  const ej = join(dir, 'hint-events.ndjson');
  writeFileSync(ej, '{"contactId":"c1","kind":"message","at":"2026-11-02T10:00:00Z","channel":"sms","direction":"in","text":"hi"}\n'
    + '{"contactId":"c1","kind":"message","at":"2026-11-02T10:00:00Z","channel":null,"Channel":"fax","direction":"in","text":"hi"}\n');
  for (const [cf, ef] of [[c, e], [cj, ej]]) {
    const r = run(['evaluate', cf, '--events', ef, '--keep', 'phone', '--playbook', 'call-ladder', '--now', NOW, '--quiet', '--no-explain', '--format', 'csv', '--allow-bad']);
    const [noun, enoun] = [cf === c ? 'column' : 'key', ef === e ? 'column' : 'key'];
    assert.match(r.stderr, new RegExp(`the ${noun} "time_zone" is read as timeZone`), cf);
    assert.match(r.stderr, new RegExp(`the ${enoun} "Channel" of [^ ]*hint-events\\.[a-z]+ is read as channel`), ef);
    assert.equal(csv(r.stdout)[0].phone, '555-0101', cf);
  }
});

test('a file that is not valid CSV is reported with the separator it was read with', () => {
  for (const [text, sep] of [['id,name,addedAt\nc1,"Ann" B,2026-11-01T10:00:00Z\n', 'commas'], ['id;name;addedAt\nc1;"Ann\n', 'semicolons']]) {
    const f = join(dir, 'not-csv.csv');
    writeFileSync(f, text);
    const r = run(['evaluate', f, '--playbook', 'call-ladder', '--now', NOW, '--quiet']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`not valid CSV \\(read with ${sep} between cells\\)`));
  }
});

test('an events cell or key holding an empty list ([], null) does not hide a CRM\'s Events beside it: the STOP there is read', () => {
  const stop = '[{""kind"":""message"",""at"":""2026-11-03T10:00:00-05:00"",""channel"":""sms"",""direction"":""in"",""text"":""STOP""}]';
  const c = join(dir, 'empty-list-events.csv');
  writeFileSync(c, [
    'id,timeZone,addedAt,events,Events',
    `c1,America/New_York,2026-11-02T09:00:00-05:00,[],"${stop}"`,
    `c2,America/New_York,2026-11-02T09:00:00-05:00,null,"${stop}"`,
    `c3,America/New_York,2026-11-02T09:00:00-05:00," [ ] ","${stop}"`,
    `c4,America/New_York,2026-11-02T09:00:00-05:00,"${stop}",[]`,
  ].join('\n') + '\n');
  const r = run(['evaluate', c, '--playbook', 'monthly-campaign', '--now', '2026-11-03T15:30:00Z', '--quiet', '--no-explain', '--format', 'csv']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(csv(r.stdout).map((x) => [x.id, x.canText]), [['c1', 'false'], ['c2', 'false'], ['c3', 'false'], ['c4', 'false']]);
  const q = run(['queue', c, '--playbook', 'monthly-campaign', '--channel', 'sms', '--capacity', '10', '--now', '2026-11-03T15:30:00Z', '--quiet', '--format', 'csv']);
  assert.equal(q.status, 0, q.stderr);
  assert.deepEqual(csv(q.stdout), []);
  // The same in a JSON record.
  const j = join(dir, 'empty-list-events.ndjson');
  writeFileSync(j, '{"id":"c1","timeZone":"America/New_York","addedAt":"2026-11-02T09:00:00-05:00","events":[],"Events":[{"kind":"message","at":"2026-11-03T10:00:00-05:00","channel":"sms","direction":"in","text":"STOP"}]}\n');
  const rj = run(['evaluate', j, '--playbook', 'monthly-campaign', '--now', '2026-11-03T15:30:00Z', '--quiet', '--no-explain', '--format', 'csv']);
  assert.equal(rj.status, 0, rj.stderr);
  assert.deepEqual(csv(rj.stdout).map((x) => [x.id, x.canText]), [['c1', 'false']]);
});

test('a broken NDJSON events line whose contactId is empty or blank beside another spelling makes that contact a bad record', () => {
  const c = join(dir, 'broken-blank-contacts.csv');
  writeFileSync(c, 'id,name,timeZone,addedAt\nc1,Ann,America/New_York,2026-11-02T09:00:00-05:00\nc2,Bo,America/New_York,2026-11-02T09:00:00-05:00\n');
  const stop = '"kind":"message","at":"2026-11-03T10:00:00-05:00","channel":"sms","direction":"in","text":"STOP",';
  for (const [name, ids] of [
    ['empty', '"contactId":"","Contact ID":"c1"'],
    ['spaces', '"contactId":"  ","Contact ID":"c1"'],
    ['tab', '"contactId":"\\t","contact_id":"c1"'],
    ['nbsp', '"contactId":"\u00a0","ContactId":"c1"'],
    ['id-empty', '"Contact ID":"","contactId":"c1"'],
    ['twice', '"contactId":"","contactId":"c1"'],
  ]) {
    const ev = join(dir, `broken-blank-${name}.ndjson`);
    writeFileSync(ev, `{${ids},${stop}}\n`);
    const r = run(['queue', c, '--events', ev, '--playbook', 'monthly-campaign', '--channel', 'all', '--capacity', '10', '--now', '2026-11-03T15:30:00Z', '--quiet', '--allow-bad', '--format', 'csv']);
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.deepEqual(csv(r.stdout).map((x) => x.id), ['c2'], name);
    assert.match(r.stderr, /line 2: events: .*line 1: invalid JSON.*it may have been a STOP/, name);
  }
  // An id in a nested value is not the line's contactId.
  const nested = join(dir, 'broken-nested.ndjson');
  writeFileSync(nested, `{"meta":{"contactId":"c2"},"contactId":"c1",${stop}}\n`);
  const r = run(['evaluate', c, '--events', nested, '--playbook', 'monthly-campaign', '--now', '2026-11-03T15:30:00Z', '--quiet', '--allow-bad', '--no-explain', '--format', 'csv']);
  assert.deepEqual(csv(r.stdout).map((x) => [x.id, Boolean(x.error)]), [['c1', true], ['c2', false]]);
});

test('an events CSV reads every key the engine reads, as NDJSON does: a text\'s Subject, the reason under Explain; --events-map names them', () => {
  const c = join(dir, 'aliases-contacts.csv');
  writeFileSync(c, 'id,name,timeZone,addedAt\nc1,Ann,America/New_York,2026-11-02T09:00:00-05:00\nc2,Bo,America/New_York,2026-11-02T09:00:00-05:00\n');
  const evaluate = (ev, ...more) => {
    const r = run(['evaluate', c, '--events', ev, '--playbook', 'monthly-campaign', '--now', '2026-11-03T15:30:00Z', '--quiet', '--no-explain', '--format', 'csv', ...more]);
    assert.equal(r.status, 0, r.stderr);
    return csv(r.stdout).map((x) => [x.id, x.status, x.canText]);
  };
  const expected = [['c1', 'smsInProgress', 'false'], ['c2', 'satisfied', 'true']];
  for (const [subject, explain] of [['Subject', 'Explain'], ['subject', 'explain'], ['SUBJECT', 'EXPLAIN']]) {
    const ev = join(dir, `aliases-${subject}.csv`);
    writeFileSync(ev, [
      `contactId,kind,at,channel,direction,interaction,outcome,${subject},${explain}`,
      'c1,message,2026-11-03T10:00:00-05:00,sms,in,,,STOP,',
      'c2,activity,2026-11-03T10:00:00-05:00,,,inStore,noSale,,Satisfied',
    ].join('\n') + '\n');
    assert.deepEqual(evaluate(ev), expected, subject);
    // The same records as NDJSON are read the same.
    const nd = join(dir, `aliases-${subject}.ndjson`);
    writeFileSync(nd, [
      JSON.stringify({ contactId: 'c1', kind: 'message', at: '2026-11-03T10:00:00-05:00', channel: 'sms', direction: 'in', [subject]: 'STOP' }),
      JSON.stringify({ contactId: 'c2', kind: 'activity', at: '2026-11-03T10:00:00-05:00', interaction: 'inStore', outcome: 'noSale', [explain]: 'Satisfied' }),
    ].join('\n') + '\n');
    assert.deepEqual(evaluate(nd), expected, `${subject} (NDJSON)`);
  }
  // An email's subject line is not its words, from a CSV too.
  const email = join(dir, 'aliases-email.csv');
  writeFileSync(email, 'contactId,kind,at,channel,direction,Subject\nc1,message,2026-11-03T10:00:00-05:00,email,in,STOP\n');
  assert.deepEqual(evaluate(email).map((x) => x[2]), ['true', 'true']);
  // Mapped from columns of other names, or left unread.
  const mapped = join(dir, 'aliases-mapped.csv');
  writeFileSync(mapped, [
    'contactId,kind,at,channel,direction,interaction,outcome,Words,Why',
    'c1,message,2026-11-03T10:00:00-05:00,sms,in,,,STOP,',
    'c2,activity,2026-11-03T10:00:00-05:00,,,inStore,noSale,,Satisfied',
  ].join('\n') + '\n');
  assert.deepEqual(evaluate(mapped, '--events-map', 'subject=Words,explain=Why'), expected);
  const plain = join(dir, 'aliases-Subject.csv');
  assert.deepEqual(evaluate(plain, '--events-map', 'subject=,explain='), [['c1', 'smsInProgress', 'true'], ['c2', 'noSale', 'true']]);
});

test('a contacts-file record broken after its id names that id in its error row, as evaluateManyJson does', () => {
  const f = join(dir, 'broken-after-id.ndjson');
  writeFileSync(f, [
    '{"id":"c1","timeZone":"America/New_York","addedAt":"2026-11-02T09:00:00-05:00",}',
    '{"id":"","Id":"c2","timeZone":"America/New_York","addedAt":NaN}',
    '{"Contact ID":"c3","addedAt":"2026-11-02T09:00:00-05:00",}',
    '{"id":007,"addedAt":"2026-11-02T09:00:00-05:00"}',
    '{"id":"c5","addedAt":"2026-11-02T09:00:00-05:00"}',
  ].join('\n') + '\n');
  const r = run(['evaluate', f, '--playbook', 'monthly-campaign', '--now', '2026-11-03T15:30:00Z', '--quiet', '--no-explain', '--allow-bad']);
  const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((x) => [x.line ?? null, x.id, Boolean(x.error)]),
    [[1, 'c1', true], [2, 'c2', true], [3, null, true], [4, null, true], [null, 'c5', false]]);
  assert.match(r.stderr, /line 1: invalid JSON: .* \(id "c1"\)/);
  const engineRow = JSON.parse(engine.evaluateManyJson(`[${readFileSync(f, 'utf8').split('\n')[0]}]`, engine.preset('monthly-campaign'), '2026-11-03T15:30:00Z'))[0];
  assert.equal(engineRow.id, rows[0].id);
  // A mapped id is read from its key; a JSON array's broken element too.
  const m = run(['evaluate', join(dir, 'broken-after-id.ndjson'), '--map', 'id=Contact ID', '--playbook', 'monthly-campaign', '--now', '2026-11-03T15:30:00Z', '--quiet', '--no-explain', '--allow-bad']);
  assert.equal(JSON.parse(m.stdout.trim().split('\n')[2]).id, 'c3');
  const a = join(dir, 'broken-after-id.json');
  writeFileSync(a, '[{"id":"c5","addedAt":"2026-11-02T09:00:00-05:00"},{"id":"c6","addedAt":"2026-11-02T09:00:00-05:00",}]');
  const ra = run(['evaluate', a, '--playbook', 'monthly-campaign', '--now', '2026-11-03T15:30:00Z', '--quiet', '--no-explain', '--allow-bad']);
  assert.deepEqual(ra.stdout.trim().split('\n').map((l) => JSON.parse(l).id), ['c5', 'c6']);
});

test('a contacts record broken after its id claims the id: a later record of it is bad, not evaluated without the broken one\'s STOP', () => {
  const f = join(dir, 'broken-claims-id.ndjson');
  const stop = '"events":[{"kind":"message","at":"2026-11-03T10:00:00-05:00","channel":"sms","direction":"in","text":"STOP"}]';
  writeFileSync(f, [
    `{"id":"d1","timeZone":"America/New_York","addedAt":"2026-11-01T09:00:00-05:00",${stop},}`,
    '{"id":"d1","timeZone":"America/New_York","addedAt":"2026-11-01T09:00:00-05:00"}',
    '{"id":"d2","timeZone":"America/New_York","addedAt":"2026-11-01T09:00:00-05:00"}',
  ].join('\n') + '\n');
  const r = run(['evaluate', f, '--playbook', 'monthly-campaign', '--now', '2026-11-05T20:00:00Z', '--quiet', '--no-explain', '--allow-bad']);
  const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((x) => [x.id, Boolean(x.error)]), [['d1', true], ['d1', true], ['d2', false]]);
  assert.match(rows[1].error, /"d1" is also the id of line 1/);
});

test('--keep events passes over an events cell or key holding an empty list for the CRM\'s Events, as the field is read', () => {
  const list = '[{""kind"":""message"",""at"":""2026-11-03T10:00:00-05:00"",""channel"":""sms"",""direction"":""in"",""text"":""STOP""}]';
  const c = join(dir, 'keep-empty-list.csv');
  writeFileSync(c, `id,timeZone,addedAt,events,Events\nc1,America/New_York,2026-11-02T09:00:00-05:00,[],"${list}"\n`);
  const r = run(['evaluate', c, '--keep', 'events', '--playbook', 'monthly-campaign', '--now', '2026-11-03T15:30:00Z', '--quiet', '--no-explain', '--format', 'ndjson']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(JSON.parse(r.stdout).input.events)[0].text, 'STOP');
  const j = join(dir, 'keep-empty-list.ndjson');
  writeFileSync(j, '{"id":"c1","timeZone":"America/New_York","addedAt":"2026-11-02T09:00:00-05:00","events":[],"Events":[{"kind":"message","at":"2026-11-03T10:00:00-05:00","channel":"sms","direction":"in","text":"STOP"}]}\n');
  const rj = run(['evaluate', j, '--keep', 'events', '--playbook', 'monthly-campaign', '--now', '2026-11-03T15:30:00Z', '--quiet', '--no-explain', '--format', 'ndjson']);
  assert.equal(rj.status, 0, rj.stderr);
  assert.equal(JSON.parse(rj.stdout).input.events[0].text, 'STOP');
});

test("a CRM's own Events field that holds no list is passed over, as the engine passes it over; a list under it is the history", () => {
  const base = { id: 'a', timeZone: 'America/New_York', addedAt: '2026-11-02T14:00:00Z' };
  const stop = [{ kind: 'message', at: '2026-11-03T15:15:00Z', channel: 'sms', direction: 'in', text: 'STOP' }];
  const records = [
    { ...base, Events: 12 },
    { ...base, id: 'b', EVENTS: 'see timeline' },
    { ...base, id: 'c', events: [], Events: 'none' },
    { ...base, id: 'd', Events: stop },
  ];
  const ndjson = join(dir, 'own-events.ndjson');
  writeFileSync(ndjson, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const r = run(['evaluate', ndjson, '--playbook', 'monthly-campaign', '--now', NOW, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  const got = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(got, engine.evaluateMany(records, engine.preset('monthly-campaign'), NOW));
  assert.deepEqual(got.map((e) => e.channels.sms.allowed), [true, true, true, false]);
  // A CSV column "Events" holding a count or words: passed over; a list: read.
  const csvFile = join(dir, 'own-events.csv');
  writeFileSync(csvFile, 'id,timeZone,addedAt,Events\n'
    + 'a,America/New_York,2026-11-02T14:00:00Z,12\n'
    + 'b,America/New_York,2026-11-02T14:00:00Z,see timeline\n'
    + `d,America/New_York,2026-11-02T14:00:00Z,"${JSON.stringify(stop).replace(/"/g, '""')}"\n`);
  const c = run(['evaluate', csvFile, '--playbook', 'monthly-campaign', '--now', NOW, '--format', 'ndjson', '--quiet']);
  assert.equal(c.status, 0, c.stderr);
  assert.deepEqual(c.stdout.trim().split('\n').map((l) => JSON.parse(l).channels.sms.allowed), [true, true, false]);
  // Mapped, the column is the history: a count there is an error.
  const mapped = run(['evaluate', csvFile, '--playbook', 'monthly-campaign', '--now', NOW, '--format', 'ndjson', '--map', 'events=Events', '--quiet']);
  assert.equal(mapped.status, 1);
  assert.match(mapped.stderr, /events/);
});

test('a record with a field nested thousands of levels deep is evaluated, and so are the rest', () => {
  const deep = 20000;
  const file2 = join(dir, 'deep.ndjson');
  const good = '{"id":"g","timeZone":"America/New_York","addedAt":"2026-11-02T14:00:00Z","events":[]}';
  writeFileSync(file2, `{"id":"d","timeZone":"America/New_York","addedAt":"2026-11-02T14:00:00Z","x":${'['.repeat(deep)}${']'.repeat(deep)},"events":[]}\n${good}\n`);
  const r = run(['evaluate', file2, '--playbook', 'monthly-campaign', '--now', NOW, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id), ['d', 'g']);
});
