#!/usr/bin/env node
'use strict';
// cadence-engine: evaluate contacts and plan a call queue from the command line.
// Run `cadence-engine --help` for the options; docs/cli.md has examples.

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { stringify } = require('csv-stringify/sync');
const { createPool } = require('./parallel.cjs');
const { contactsJson, readContacts, readEvents, parseMap, textOf, sourceOf, emptyCell, emptyJson, InputError, UsageError, CONTACT_FIELDS, EVENT_FIELDS } = require('./records.cjs');

const HELP = `cadence-engine — contact status, next action and call queues, from the command line

Usage:
  cadence-engine evaluate <contacts> --playbook <name|file> [options]
  cadence-engine queue    <contacts> --playbook <name|file> --capacity <n> [options]

<contacts> is NDJSON (one contact a line), a JSON array, or CSV with a header
row (--input-format if given, else by extension .csv/.tsv/.tab/.ndjson/.jsonl/
.json, else the first character); "-" reads standard input. CSV may be
tab-separated (a .tsv or .tab, UTF-16 text, or a header with tabs and no comma),
semicolon- or pipe-separated (by its header), or name its separator (sep=;). Fields the engine does not read are
ignored, and an empty cell is "not given".

evaluate   One evaluation per contact, in input order. A bad record gives
           {"line", "id", "error", ...} (NDJSON) or a row with "error" (CSV).
queue      Evaluates every contact, takes those whose next action is a call
           (see --channel), plans them over the daily capacity (highest priority
           first; when a day is full, the lowest priority is deferred) and writes
           the queue for today (the local day of --now), in call order.
           Columns: rank, plannedFor, id, name, [--keep columns], priority,
           label, channel, dueAt (the contact's local time), deferredDays,
           status, stage.

Input:
  --map <f=Column,...>   columns (CSV) or keys (JSON) of contact fields: id,
                         name, timeZone, region, addedAt, priority, events (a
                         JSON array); e.g. --map "id=Contact ID,timeZone=TZ"
                         (a mapped name is found in any case; a field not
                         mapped is read from a column, or JSON key, of its own
                         name as the engine reads keys: any case, words apart
                         with _ - / or spaces, "Time Zone"; region and
                         priority only as spelled; each field at most one
                         column). "field=" leaves a field unread, e.g.
                         --map region= for a CRM's own "region" column
  --events <file>        events in another file, joined by contact id: CSV
                         (a contactId column, then kind, at, channel, ...) or
                         NDJSON (one event a line, with contactId)
  --events-map <f=Column,...>  columns or keys of event fields (contactId,
                         kind, at, ...), with the rules of --map
  --input-format <f>     csv or json (NDJSON or a JSON array); overrides the
                         extension

Evaluation:
  --playbook <p>         a preset (monthly-campaign, call-ladder, sequence) or
                         a JSON file with a playbook                  (required)
  --now <time>           RFC 3339 time or epoch ms, or a local date-time
                         read in each contact's zone    (default: the clock)
  --no-explain           leave each evaluation's explain list empty (evaluate; smaller, faster)
  --capacity <n>         calls per day                      (queue; required)
  --channel <c>          queue contacts whose next action is on this channel:
                         call (default), sms, email, task, or all
  --days <n>             the queue for n days from today       (default 1)
  --time-zone <z>        IANA zone whose local days the queue counts in
                         (default: the playbook's timeZone, else UTC)

Output:
  -o, --output <file>    write here instead of standard output ("-": standard
                         output); not an input file
  --format <f>           csv or ndjson (default: by the --output extension,
                         else ndjson)
  --keep <Column,...>    carry these input columns (or JSON fields, any letter
                         case) to the output, e.g. --keep phone,owner

Running:
  --workers <n>          worker threads             (default: the CPU count)
  --allow-bad            exit 0 even when some records or event lines were bad
  --quiet                no summary on stderr (bad records are still reported)
  --version              the version
  -h, --help             this text

Bad records are reported on stderr as "line 17: events[3].at: ...", with the
line of the input they start on, and the rest is written. A record with the id
of an earlier record is bad (the earlier one keeps the id's --events events).
Exit status: 0 when every record and event line was read (or --allow-bad and at
least one record was), 1 when a record or event line was bad (an event of an id
no record has too) or none could be
read (or a bad playbook, --now, input file or output, or a mapped column or key
that the input lacks), 2 on a usage error (including a bad --map or
--events-map). Progress (percent and time left) is shown only on a terminal.`;

const PRESETS = ['monthly-campaign', 'call-ladder', 'sequence'];
const BATCH = 1000;

const OPTIONS = {
  playbook: { type: 'string' },
  now: { type: 'string' },
  capacity: { type: 'string' },
  channel: { type: 'string', default: 'call' },
  days: { type: 'string', default: '1' },
  'time-zone': { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  keep: { type: 'string', multiple: true },
  map: { type: 'string', multiple: true },
  events: { type: 'string' },
  'events-map': { type: 'string', multiple: true },
  'input-format': { type: 'string' },
  'no-explain': { type: 'boolean' },
  workers: { type: 'string' },
  'allow-bad': { type: 'boolean' },
  quiet: { type: 'boolean' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

function args(argv) {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    return { ...values, command: positionals[0], files: positionals.slice(1) };
  } catch (e) {
    throw new UsageError(e.message);
  }
}

function positiveInt(name, v, max) {
  // Decimal digits alone: JavaScript's own number syntax (`0x10`, `1e3`,
  // `0b1`, `1.0`) is not what a count on a command line is written in, and
  // a typo in it would be read as some other count.
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new UsageError(`${name}: expected a whole number from 1 to ${max.toLocaleString('en-US')}, got ${JSON.stringify(v)}`);
  }
  return n;
}

function oneOf(name, v, list) {
  if (!list.includes(v)) throw new UsageError(`${name}: expected ${list.join(', ')}, got ${JSON.stringify(v)}`);
  return v;
}

function list(specs) {
  return (specs || []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
}

function version() {
  for (const p of [path.join(__dirname, '..', 'package.json'), path.join(__dirname, '..', 'pkg', 'package.json')]) {
    try {
      const m = JSON.parse(fs.readFileSync(p, 'utf8'));
      if (m.name === 'cadence-engine') return m.version;
    } catch { /* next */ }
  }
  return 'unknown';
}

function loadEngine() {
  const here = path.join(__dirname, 'cadence_engine.js');
  return require(fs.existsSync(here) ? here : path.join(__dirname, '..', 'pkg', 'node', 'cadence_engine.js'));
}

function loadPlaybook(engine, spec) {
  if (PRESETS.includes(spec)) return engine.preset(spec);
  let text;
  try {
    // (Read as the contacts are: a UTF-16 file, as Notepad saves "Unicode", too.)
    text = textOf(fs.readFileSync(spec));
  } catch (e) {
    throw new Error(`--playbook: ${JSON.stringify(spec)} is neither a preset (${PRESETS.join(', ')}) nor a readable file (${e.code || e.message})`);
  }
  let pb;
  try {
    pb = JSON.parse(text);
  } catch (e) {
    throw new Error(`--playbook ${spec}: invalid JSON: ${e.message}`);
  }
  // Validated as the file's text: a key given twice is caught, which the
  // parsed object (keeping the last) cannot show.
  try {
    engine.validatePlaybook(text);
  } catch (e) {
    // (A problem of the text as a whole is at `playbook`: the file names it.)
    const message = e.path === 'playbook' ? e.message.replace(/^playbook: /, '') : e.message;
    throw new Error(`--playbook ${spec}: ${message}`);
  }
  return pb;
}

/**
 * `-o` naming an input (`inputs`: [what, file or 0 for standard input]), as
 * the same path or the same file under another name (a link, `./x`), is a
 * usage error: opening it for writing empties it before it is read, and the
 * contacts export, or the only copy of an activity log's STOPs, is gone.
 * Checked before anything is opened for writing.
 */
function refuseOutputOverInput(file, inputs) {
  if (!file || file === '-') return;
  const stat = (f) => {
    try {
      return f === 0 ? fs.fstatSync(0) : fs.statSync(f);
    } catch {
      return null;
    }
  };
  const out = stat(file);
  for (const [what, input] of inputs) {
    if (input === undefined) continue;
    const s = out && out.isFile() ? stat(input) : null;
    const same = (input !== 0 && path.resolve(input) === path.resolve(file)) || (s !== null && s.isFile() && s.ino === out.ino && s.dev === out.dev);
    if (same) {
      throw new UsageError(`-o ${file} is ${input === 0 ? 'standard input' : what}: writing it would destroy the input before it is read; write the output to another file`);
    }
  }
}

/**
 * Standard output (or --output, "-" for standard output) that never hangs: a reader that goes away (EPIPE,
 * `| head`) marks it closed, wakes any writer waiting for `drain`, and calls onClose.
 */
function output(file, onClose) {
  const out = file && file !== '-' ? fs.createWriteStream(file) : process.stdout;
  let closed = false;
  const waiting = new Set();
  const close = (code = 0) => {
    if (closed) return;
    closed = true;
    for (const wake of waiting) wake();
    waiting.clear();
    onClose(code);
  };
  out.on('error', (e) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') close();
    else {
      // Nothing more can be written: a failure, whatever was read.
      process.stderr.write(`cadence-engine: cannot write the output: ${e.message}\n`);
      close(1);
    }
  });
  if (out === process.stdout) out.on('close', close);
  return {
    get closed() { return closed; },
    async write(text) {
      if (closed || !text) return;
      if (!out.write(text)) {
        await new Promise((resolve) => {
          waiting.add(resolve);
          out.once('drain', () => { waiting.delete(resolve); resolve(); });
        });
      }
    },
    async end() {
      if (closed || out === process.stdout) return;
      await new Promise((resolve) => out.end(resolve));
    },
  };
}

/** Percent, rate and time left on a terminal (stderr), erased before any other line. */
function progress(enabled, total) {
  const err = process.stderr;
  const on = enabled && err.isTTY;
  const t0 = Date.now();
  let last = 0;
  let shown = false;
  return {
    t0,
    tick(bytes, done, force) {
      if (!on) return;
      const now = Date.now();
      if (!force && now - last < 250) return;
      last = now;
      const secs = (now - t0) / 1000;
      let msg = `[cadence-engine] ${done.toLocaleString('en-US')} contacts`;
      if (total > 0) {
        const frac = Math.min(1, bytes / total);
        const eta = frac > 0.01 ? Math.round((secs / frac) * (1 - frac)) : null;
        msg += ` · ${Math.floor(frac * 100)}%${eta !== null ? ` · ${eta >= 60 ? `${Math.floor(eta / 60)} min ${eta % 60} s` : `${eta} s`} left` : ''}`;
      } else {
        msg += ` · ${Math.round(done / Math.max(secs, 0.001)).toLocaleString('en-US')}/s`;
      }
      err.write(`\r\x1b[K${msg}`);
      shown = true;
    },
    clear() {
      if (shown) err.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** Where a record is: "line 17", or in a JSON array "line 1, record 2" (a whole array may be on one line). */
function where(m) {
  return m.index === undefined ? `line ${m.line}` : `line ${m.line}, record ${m.index}`;
}

/** "contacts[12].events[3].at: ..." -> "events[3].at: ..." (the batch index means nothing to a user). */
function localPath(message) {
  return String(message).replace(/contacts\[\d+\]\.?/g, '').replace(/^:\s*/, '');
}

/** Adds the --events file line to each `events[k]` that came from it. */
function withEventLines(message, eventLines, eventsFile) {
  if (!eventLines) return message;
  return message.replace(/events\[(\d+)\][\w.[\]]*/g, (m, k) => {
    const l = eventLines[Number(k)];
    return l ? `${m} (${eventsFile} line ${l})` : m;
  });
}

/**
 * An evaluation of a record that lacks cells the tool could not read (`problems`,
 * {path, message}): an error listing the engine's errors, if any, and then those.
 */
function withProblems(r, problems) {
  const own = problems.map((p) => ({ path: p.path, message: p.message, code: 'E_INVALID_INPUT' }));
  const text = own.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  if (r.error !== undefined) {
    // A problem of the whole row (more cells than the header) first: the
    // engine's errors may be only its shifted cells.
    const whole = own.filter((p) => !p.path).length;
    const error = [...text.slice(0, whole), r.error, ...text.slice(whole)].join('; ');
    return { ...r, error, ...(Array.isArray(r.errors) ? { errors: [...own.slice(0, whole), ...r.errors, ...own.slice(whole)] } : {}) };
  }
  return { id: r.id, error: text.join('; '), code: own[0].code, path: own[0].path, errors: own };
}

/**
 * A hint for an error in a field the tool read only because a column (or JSON
 * key) has its name — a CRM's own "Region" or "Priority" — saying how to leave
 * it unread: " (the column "Region" is read as region by its name; if it is the
 * CRM's own, --map region= leaves it unread)". Empty when no such field erred.
 * `paths` are the error's paths within the record.
 */
function nameHint(paths, m, ctx) {
  const contact = new Map(); // field -> column or key
  const event = new Map();
  for (const p of paths) {
    const head = /^[A-Za-z]+/.exec(p);
    if (!head) continue;
    const field = head[0];
    if (field === 'events') {
      const ev = /^events\[(\d+)\]\.([A-Za-z]+)/.exec(p);
      const fromFile = ev && m.eventLines && m.eventLines[Number(ev[1])];
      if (fromFile) {
        // (The column this event's field was read from: another spelling
        // than the file's first when the first was empty on its line.)
        const from = m.eventFrom && m.eventFrom[Number(ev[1])];
        const col = (from && from[ev[2]]) ?? (ctx.eventsAuto && ctx.eventsAuto[ev[2]]);
        if (col !== undefined && !['contactId', 'kind', 'at'].includes(ev[2])) event.set(ev[2], col);
        continue;
      }
      // An error inside an event: the field holds events, whatever else is wrong.
      if (ev) continue;
    }
    if (field === 'id' || field === 'addedAt' || ctx.map[field] !== undefined) continue;
    // (The column or key the record's own value came from: an empty
    // `timeZone` beside a `time_zone` is not the one in error.)
    let col;
    if (ctx.format === 'csv') col = ctx.autoColumns && ctx.autoColumns[field] !== undefined ? sourceOf(m.row, field, true) : undefined;
    else col = sourceOf(m.row, field, false);
    if (col !== undefined) contact.set(field, col);
  }
  const say = (found, noun, option, where) => {
    if (!found.size) return '';
    const fields = [...found.keys()];
    const cols = [...found.values()].map((c) => JSON.stringify(c));
    const and = (xs) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : xs[0]);
    const one = fields.length === 1;
    return ` (the ${noun}${one ? '' : 's'} ${and(cols)}${where} ${one ? 'is' : 'are'} read as ${and(fields)} by ${one ? 'its name' : 'their names'}; `
      + `if ${one ? 'it is' : 'they are'} the CRM's own, ${option} ${fields.map((f) => `${f}=`).join(',')} leaves ${one ? 'it' : 'them'} unread)`;
  };
  return say(contact, ctx.format === 'csv' ? 'column' : 'key', '--map', '')
    + say(event, ctx.eventsFormat === 'csv' ? 'column' : 'key', '--events-map', ` of ${ctx.eventsFile}`);
}

const EVALUATE_COLUMNS = ['line', 'id', 'name', 'status', 'statusLabel', 'stage', 'priority', 'next', 'nextChannel', 'nextDueAt',
  'nextDue', 'nextOverdue', 'nextAuto', 'nextAutoDueAt', 'canText', 'canCall', 'canEmail', 'followUpAt', 'phase', 'validUntil',
  'timeZone', 'timeZoneSource', 'error'];

// Kept columns in a CSV row: under keys of their own (`kept` is by the name
// given), so that a kept "Status" or "Priority" is not the engine's column of
// that name; headed by the name, or `input.<name>` when an output column has
// that name in any letter case (the CRM's "Priority" beside the engine's).
const keptKey = (i) => `\u0000kept${i}`;
function keptColumns(keep, columns) {
  const taken = new Set(columns.map((c) => c.toLowerCase()));
  return keep.map((k, i) => ({ key: keptKey(i), header: taken.has(k.toLowerCase()) ? `input.${k}` : k }));
}
function keptCells(keep, kept) {
  const o = {};
  keep.forEach((k, i) => { o[keptKey(i)] = kept[k]; });
  return o;
}

function evaluationRow(r, line, kept) {
  if (r.error !== undefined) return { line, id: r.id, ...kept, error: r.error };
  const n = r.next;
  const a = r.nextAuto;
  return {
    line, id: r.id, name: r.displayName, ...kept, status: r.status, statusLabel: r.statusLabel, stage: r.stage, priority: r.priority,
    next: n && n.label, nextChannel: n && n.channel, nextDueAt: n && n.dueAt, nextDue: n && n.due, nextOverdue: n && n.overdue,
    nextAuto: a && a.label, nextAutoDueAt: a && a.dueAt,
    canText: r.channels.sms.allowed, canCall: r.channels.call.allowed, canEmail: r.channels.email.allowed,
    followUpAt: r.followUpAt, phase: r.campaign && r.campaign.phase, validUntil: r.validUntil,
    timeZone: r.timeZone, timeZoneSource: r.timeZoneSource,
  };
}

const QUEUE_COLUMNS = ['rank', 'plannedFor', 'id', 'name', 'priority', 'label', 'channel', 'dueAt', 'deferredDays', 'status', 'stage'];

function csvText(rows, columns, header) {
  return stringify(rows, {
    header, columns,
    cast: { boolean: (v) => (v ? 'true' : 'false') },
  });
}

async function main(argv) {
  let opts;
  try {
    opts = args(argv);
  } catch (e) {
    process.stderr.write(`cadence-engine: ${e.message}\nRun cadence-engine --help for usage.\n`);
    return 2;
  }
  if (opts.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (opts.help || !opts.command) {
    (opts.help ? process.stdout : process.stderr).write(HELP + '\n');
    return opts.help ? 0 : 2;
  }
  const prog = progress(!opts.quiet, 0);
  const log = (m) => {
    prog.clear();
    process.stderr.write(`cadence-engine: ${m}\n`);
  };

  let engine; let playbook; let capacity; let days; let format; let tz; let today; let now; let keep; let map; let eventsMap; let events; let workers;
  let badEvents = 0;
  try {
    oneOf('command', opts.command, ['evaluate', 'queue']);
    if (opts.files.length !== 1) throw new UsageError('expected one input file (or - for standard input)');
    if (!opts.playbook) throw new UsageError('--playbook is required');
    if (opts.command === 'queue') {
      if (opts.capacity === undefined) throw new UsageError('--capacity is required');
      // (The engine's own bound on a day's capacity; ten years of days.)
      capacity = positiveInt('--capacity', opts.capacity, 10_000_000);
      days = positiveInt('--days', opts.days, 3660);
    }
    oneOf('--channel', opts.channel, ['call', 'sms', 'email', 'task', 'all']);
    if (opts['input-format'] !== undefined) oneOf('--input-format', opts['input-format'], ['csv', 'json']);
    format = opts.format || (opts.output && /\.csv$/i.test(opts.output) ? 'csv' : 'ndjson');
    oneOf('--format', format, ['csv', 'ndjson']);
    workers = opts.workers === undefined ? undefined : positiveInt('--workers', opts.workers, 256);
    keep = list(opts.keep);
    map = parseMap(opts.map, CONTACT_FIELDS, '--map');
    eventsMap = parseMap(opts['events-map'], EVENT_FIELDS, '--events-map');
    refuseOutputOverInput(opts.output, [
      ['the contacts file', opts.files[0] === '-' ? 0 : opts.files[0]],
      ['the --events file', opts.events],
      ['the --playbook file', PRESETS.includes(opts.playbook) ? undefined : opts.playbook],
    ]);
    if (opts.files[0] !== '-' && !fs.existsSync(opts.files[0])) throw new InputError(`cannot read ${JSON.stringify(opts.files[0])}: no such file`);
    engine = loadEngine();
    playbook = loadPlaybook(engine, opts.playbook);
    now = opts.now === undefined ? Date.now() : /^-?\d+(\.\d+)?$/.test(opts.now) ? Number(opts.now) : opts.now;
    engine.evaluateMany([], playbook, now); // checks `now` before any work
    if (opts.command === 'queue') {
      tz = opts['time-zone'] || playbook.timeZone || 'UTC';
      try {
        today = localDay(engine, now, tz);
      } catch (e) {
        throw new UsageError(`--time-zone: ${e.message.replace(/^options\.timeZone:?\s*/, '')}`);
      }
    }
    if (opts.events) {
      events = await readEvents(opts.events, eventsMap);
      for (const p of events.problems) log(p);
    }
    // An event that could not be read may be a STOP or a DND: the run is not
    // a success without it.
    badEvents = events ? events.problems.length : 0;
  } catch (e) {
    log(e.message);
    return e instanceof UsageError ? 2 : 1;
  }

  const total = opts.files[0] === '-' ? 0 : fs.statSync(opts.files[0]).size;
  const bar = progress(!opts.quiet, total);
  const report = (m) => {
    bar.clear();
    log(m);
  };
  const meter = { bytes: 0 };
  const input = { file: opts.files[0], format: opts['input-format'], map, events: events && events.byId, eventsFile: opts.events, meter };
  const records = readContacts(input);
  const out = output(opts.output, (code) => {
    // The reader went away (`| head`, status 0) or the output failed (1):
    // nothing more can be written, so stop now.
    if (input.stream) input.stream.destroy();
    pool.close().finally(() => process.exit(code));
  });
  const pool = createPool({ workers });
  const queueItems = [];
  let read = 0; let good = 0; let bad = 0; let evaluated = 0;
  let seq = 0; let nextToWrite = 0; let wroteHeader = false;
  const done = new Map();
  const inFlight = new Set();

  // --keep names a column (or field) in any letter case, as exports spell
  // their headers; one that the first record lacks is reported once.
  let keepChecked = false;
  // (As a field is read: a kept `events` holding an empty list gives the
  // CRM's `Events` beside it, as the engine reads that one.)
  const empty = (v, k) => {
    const field = k.toLowerCase() === 'events' ? 'events' : k;
    return input.formatRead === 'csv' ? emptyCell(v, field) : emptyJson(v, field);
  };
  const keptOf = (row) => {
    if (!keep.length) return {};
    const o = {};
    let fields = null; // the record's keys, listed only when a name is not one as written
    // (A record that is no object, `3` or `"oops"` in a JSON file, has no
    // fields to keep: its own error row says what it is.)
    const isObject = row !== null && typeof row === 'object';
    const keysOf = () => (fields ??= isObject ? Object.keys(row) : []);
    for (const k of keep) {
      // As written, else in another case; when that holds no value, the
      // next of its spellings that holds one, as a field is read (an empty
      // "Phone" beside a CRM's "PHONE").
      let key = isObject && k in row ? k : keysOf().find((f) => f.toLowerCase() === k.toLowerCase());
      if (key !== undefined && empty(row[key], k)) {
        key = keysOf().find((f) => f !== key && f.toLowerCase() === k.toLowerCase() && !empty(row[f], k)) ?? key;
      }
      o[k] = key === undefined ? undefined : row[key];
      if (!keepChecked && key === undefined && row && typeof row === 'object') {
        const fields = keysOf();
        report(`--keep: the first record has no column or field ${JSON.stringify(k)}${fields.length ? ` (it has ${fields.slice(0, 8).map((f) => JSON.stringify(f)).join(', ')}${fields.length > 8 ? ', ...' : ''})` : ''}`);
      }
    }
    keepChecked = true;
    return o;
  };

  async function flushInOrder() {
    while (done.has(nextToWrite)) {
      const { results, metas } = done.get(nextToWrite);
      done.delete(nextToWrite);
      nextToWrite++;
      const rows = [];
      let text = '';
      results.forEach((r, i) => {
        const m = metas[i];
        evaluated++;
        const kept = keptOf(m.row);
        if (r.error !== undefined) {
          bad++;
          const paths = Array.isArray(r.errors) ? r.errors.map((x) => localPath(x.path || '')) : [localPath(r.path || '')];
          const msg = withEventLines(localPath(r.error), m.eventLines, opts.events) + nameHint(paths, m, {
            map, format: input.formatRead, autoColumns: input.autoColumns,
            eventsAuto: events && events.auto, eventsFormat: events && events.format, eventsFile: opts.events,
          });
          report(`${where(m)}: ${msg}${r.id !== null && r.id !== undefined ? ` (id ${JSON.stringify(r.id)})` : ''}`);
          // Paths within the record, as the message: its line says which.
          r = { ...r, error: msg, path: localPath(r.path || ''), ...(r.errors ? { errors: r.errors.map((x) => ({ ...x, path: localPath(x.path || '') })) } : {}) };
        } else good++;
        if (opts.command === 'evaluate') {
          if (format === 'csv') rows.push(evaluationRow(r, m.line, keptCells(keep, kept)));
          else text += JSON.stringify(r.error !== undefined ? { line: m.line, ...r, ...(keep.length ? { input: kept } : {}) } : (keep.length ? { ...r, input: kept } : r)) + '\n';
        } else if (r.error === undefined && r.next && (opts.channel === 'all' || r.next.channel === opts.channel)) {
          queueItems.push({ id: r.id, priority: r.priority, dueAt: plannable(r), r, kept });
        }
      });
      if (rows.length) {
        text = csvText(rows, [...EVALUATE_COLUMNS.slice(0, 3), ...keptColumns(keep, EVALUATE_COLUMNS), ...EVALUATE_COLUMNS.slice(3)], !wroteHeader);
        wroteHeader = true;
      }
      await out.write(text);
    }
  }

  function dispatch(batch) {
    if (!batch.length) return;
    const mySeq = seq++;
    const metas = batch;
    const good = batch.filter((b) => b.contact !== undefined);
    const job = (good.length
      ? pool.run({ mode: opts.command === 'evaluate' ? 'full' : 'summary', json: contactsJson(good.map((b) => b.contact)), playbook, now, explain: !opts['no-explain'] })
      : Promise.resolve([]))
      .then((results) => {
        let k = 0;
        const all = metas.map((b) => {
          if (b.contact === undefined) return { id: b.id ?? null, error: b.error, code: 'E_INVALID_INPUT', path: '' };
          const r = results[k++];
          return b.problems ? withProblems(r, b.problems) : r;
        });
        done.set(mySeq, { results: all, metas });
      })
      .then(flushInOrder)
      .then(() => bar.tick(meter.bytes, evaluated));
    const tracked = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }

  let status = 0;
  try {
    let batch = [];
    for await (const r of records) {
      if (out.closed) break;
      if (r.structural) {
        report(`line ${r.line}: ${r.error}`);
        bad++;
        continue;
      }
      read++;
      batch.push(r);
      if (batch.length >= BATCH) {
        dispatch(batch);
        batch = [];
        if (inFlight.size >= pool.size * 2) await Promise.race(inFlight);
      }
    }
    if (!out.closed) dispatch(batch);
    await Promise.all(inFlight);
    bar.tick(meter.bytes, evaluated, true);
    bar.clear();
    if (out.closed) return status;
    if (events) {
      const unused = [...events.byId.entries()].filter(([, e]) => !e.used);
      // An event of no contact read may be a STOP or a DND of one whose id
      // the export wrote otherwise ("1042.0", a 15-character Salesforce id):
      // its lines are bad event lines, as one without a contactId is.
      if (unused.length) {
        report(`${opts.events}: events for ${unused.length} contact id${unused.length > 1 ? 's' : ''} not in the input (${unused.slice(0, 3).map(([id]) => JSON.stringify(id)).join(', ')}${unused.length > 3 ? ', ...' : ''}): they may be a STOP or a DND of a contact whose id is written otherwise`);
        badEvents += unused.reduce((n, [, e]) => n + (e.lines?.length || 1), 0);
      }
    }

    // A mapped JSON key that no record has: the input file's error, as a CSV
    // header without a mapped column (which stops the run before any output).
    if (input.missing) {
      report(input.missing);
      status = 1;
    }
    if (good === 0) {
      report(read === 0 ? 'no contacts in the input' : `none of the ${read} records could be read`);
      status = 1;
    } else {
      if (opts.command === 'queue' && !input.missing) await writeQueue();
      if ((bad > 0 || badEvents > 0) && !opts['allow-bad']) status = 1;
    }
    if (!opts.quiet || bad || badEvents) {
      const secs = (Date.now() - bar.t0) / 1000;
      const badLines = badEvents ? `, ${badEvents} bad event line${badEvents > 1 ? 's' : ''}` : '';
      report(`${read} records read, ${good} evaluated, ${bad} bad${badLines}${(bad || badEvents) && !opts['allow-bad'] ? ' (exit status 1; --allow-bad to accept)' : ''}, in ${secs.toFixed(1)} s (${Math.round(read / Math.max(secs, 0.001))} records/s, ${pool.size} workers)`);
    }
    await out.end();
  } catch (e) {
    if (out.closed) return status;
    report(e.message);
    status = 1;
  } finally {
    await pool.close();
  }
  return status;

  async function writeQueue() {
    const planned = engine.planQueue(
      queueItems.map(({ id, priority, dueAt }) => ({ id, priority, dueAt })),
      { capacityPerDay: capacity, timeZone: tz, from: now },
    );
    const lastDay = addDays(today, days - 1);
    const byId = new Map(queueItems.map((q) => [String(q.id), q]));
    const columns = [...QUEUE_COLUMNS.slice(0, 4), ...keptColumns(keep, QUEUE_COLUMNS), ...QUEUE_COLUMNS.slice(4)];
    const rows = [];
    for (const p of planned) {
      if (p.plannedFor < today || p.plannedFor > lastDay) continue;
      const { r, kept } = byId.get(String(p.id));
      const row = {
        rank: p.rank, plannedFor: p.plannedFor, id: p.id, name: r.displayName, priority: p.priority,
        // The evaluation's due time is in the contact's own offset; planQueue's is not.
        label: r.next.label, channel: r.next.channel, dueAt: r.next.dueAt, deferredDays: p.deferredDays, status: r.statusLabel, stage: r.stage,
      };
      // (NDJSON: the kept fields under `input`, as `evaluate` writes them.)
      rows.push(format === 'csv' ? { ...row, ...keptCells(keep, kept) } : keep.length ? { ...row, input: kept } : row);
    }
    for (let i = 0; i < rows.length || i === 0; i += 5000) {
      const part = rows.slice(i, i + 5000);
      await out.write(format === 'csv' ? csvText(part, columns, i === 0) : part.map((x) => JSON.stringify(x) + '\n').join(''));
      if (out.closed) return;
    }
    if (!opts.quiet) {
      const later = planned.filter((p) => p.plannedFor > lastDay).length;
      report(`queue for ${today}${days > 1 ? ` to ${lastDay}` : ''} (${tz}): ${rows.length} of ${queueItems.length} ${{ all: 'next actions', sms: 'texts', call: 'calls', email: 'emails' }[opts.channel] ?? `${opts.channel}s`}, ${later} planned later; capacity ${capacity}/day`);
    }
  }
}

/**
 * When a contact's next action may be planned: its due time, or the next
 * time its channel opens when that is later (a Sunday or a holiday the
 * contact's region bans, a playbook's blackout date, a window already
 * closed today), so that no day's queue holds a call the engine refuses
 * that day.
 */
function plannable(r) {
  const ch = r.channels && r.channels[r.next.channel];
  const opens = ch && ch.allowed === false && ch.nextAllowedAt;
  return opens && Date.parse(opens) > Date.parse(r.next.dueAt) ? opens : r.next.dueAt;
}

/** The local date (YYYY-MM-DD) of `now` in `tz`, as the engine counts days. */
function localDay(engine, now, tz) {
  const p = engine.planQueue([{ id: 0, dueAt: now }], { capacityPerDay: 1, timeZone: tz });
  return p.length ? p[0].plannedFor : null;
}

function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = process.exitCode || code;
  });
}

module.exports = { main };
