#!/usr/bin/env node
'use strict';
// cadence-engine: evaluate contacts and plan today's call queue from the command line.
// Run `cadence-engine --help` for the options.

const fs = require('node:fs');
const path = require('node:path');
const { createPool } = require('./parallel.cjs');

const HELP = `cadence-engine — contact status, next action and call queues, from the command line

Usage:
  cadence-engine queue    <contacts> --playbook <name|file> --now <time> --capacity <n> [options]
  cadence-engine evaluate <contacts> --playbook <name|file> --now <time> [options]

<contacts> is a file of contacts, one JSON object a line (NDJSON), or a JSON
array; "-" reads standard input. Contacts are plain engine contacts
({id, name?, timeZone?, region?, addedAt, priority?, events}); unknown fields
are reported as bad records.

queue      Evaluates every contact, takes those whose next action is a call
           (see --channel), plans them with planQueue over the daily capacity
           (highest priority first; when a day is full, the lowest priority is
           deferred to the next day) and writes TODAY's queue: the items planned
           for the local day of --now, in call order.
           Columns: rank, plannedFor, id, name, priority, label, channel,
           dueAt, deferredDays, status, stage.
evaluate   Writes one evaluation per line (NDJSON), in input order. A bad
           record gives {"line", "id", "error", ...} on its line instead.

Options:
  --playbook <p>     a preset (monthly-campaign, call-ladder, sequence) or a
                     JSON file with a playbook                     (required)
  --now <time>       RFC 3339 time with an offset, or epoch ms     (required)
  --capacity <n>     calls per day                                 (queue; required)
  --channel <c>      queue contacts whose next action is on this channel:
                     call (default), sms, email, task, or all (every next action)
  --days <n>         write the queue for n days from today, not just today
                     (queue; default 1)
  --time-zone <z>    IANA zone whose local days the queue counts in
                     (default: the playbook's timeZone, else UTC)
  --format <f>       csv (default for queue) or ndjson (queue; evaluate is always ndjson)
  --workers <n>      worker threads (default: the number of CPUs)
  --quiet            no progress on stderr
  -h, --help         this text

Bad records (invalid JSON, invalid contacts) are reported on stderr with their
line number and skipped; the rest is written. The exit code is 0 when at least
one contact was read, 1 when none could be (missing or empty input, every record
bad, bad playbook or time), 2 on a usage error. Progress is shown on stderr for
inputs of more than 10,000 records.`;

const PRESETS = ['monthly-campaign', 'call-ladder', 'sequence'];
const BATCH = 1000;
const PROGRESS_FROM = 10000;

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { format: null, channel: 'call', days: 1, quiet: false, files: [] };
  const takes = new Set(['--playbook', '--now', '--capacity', '--format', '--workers', '--time-zone', '--channel', '--days']);
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      v = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (a === '-h' || a === '--help') opts.help = true;
    else if (a === '--quiet') opts.quiet = true;
    else if (takes.has(a)) {
      if (v === undefined) {
        v = argv[++i];
        if (v === undefined) throw new UsageError(`${a} needs a value`);
      }
      opts[a.slice(2).replace(/-(\w)/g, (_, c) => c.toUpperCase())] = v;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (!opts.command) opts.command = a;
    else opts.files.push(a);
  }
  return opts;
}

function positiveInt(name, v) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name}: expected a whole number of at least 1, got ${JSON.stringify(v)}`);
  return n;
}

function loadPlaybook(engine, spec) {
  if (PRESETS.includes(spec)) return engine.preset(spec);
  let text;
  try {
    text = fs.readFileSync(spec, 'utf8');
  } catch (e) {
    throw new UsageError(`--playbook: ${JSON.stringify(spec)} is neither a preset (${PRESETS.join(', ')}) nor a readable file (${e.code || e.message})`);
  }
  let pb;
  try {
    pb = JSON.parse(text);
  } catch (e) {
    throw new Error(`--playbook ${spec}: invalid JSON: ${e.message}`);
  }
  engine.validatePlaybook(pb);
  return pb;
}

/**
 * Splits a stream into records: NDJSON lines, or the elements of one JSON array
 * (found by tracking strings and nesting, so the array is never held whole).
 * Calls onRecord(text, line) for each; line is where the record starts.
 */
function recordSplitter(onRecord) {
  let mode = null; // 'ndjson' | 'array'
  let buf = '';
  let line = 1; // line number at buf[0]
  // array state
  let depth = 0;
  let inStr = false;
  let esc = false;
  let start = -1;
  let startLine = 0;
  let curLine = 1;
  let arrayDone = false;
  let stray = null;

  function feedNdjson(final) {
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const text = buf.slice(0, i).replace(/\r$/, '');
      buf = buf.slice(i + 1);
      if (text.trim()) onRecord(text, line);
      line++;
    }
    if (final && buf.trim()) {
      onRecord(buf.replace(/\r$/, ''), line);
      buf = '';
    }
  }

  function feedArray(chunk) {
    // Scan chunk characters; records are depth-1 values between commas.
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (arrayDone) {
        if (!/\s/.test(ch) && stray === null) stray = curLine;
        if (ch === '\n') curLine++;
        continue;
      }
      if (start >= 0) buf += ch;
      if (inStr) {
        if (esc) esc = false;
        else if (ch === '\\') esc = true;
        else if (ch === '"') inStr = false;
      } else if (ch === '"') {
        if (start < 0 && depth === 1) { start = 0; startLine = curLine; buf = ch; }
        inStr = true;
      } else if (ch === '{' || ch === '[') {
        if (depth === 1 && start < 0) { start = 0; startLine = curLine; buf = ch; }
        depth++;
      } else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) {
          if (start >= 0) onRecord(buf.slice(0, -1), startLine);
          start = -1; buf = ''; arrayDone = true;
        }
      } else if (ch === ',' && depth === 1) {
        if (start >= 0) onRecord(buf.slice(0, -1), startLine);
        start = -1; buf = '';
      } else if (depth === 1 && start < 0 && !/\s/.test(ch)) {
        start = 0; startLine = curLine; buf = ch;
      }
      if (ch === '\n') curLine++;
    }
  }

  return {
    push(chunk) {
      if (mode === null) {
        const m = /\S/.exec(chunk);
        if (!m) return;
        mode = chunk[m.index] === '[' ? 'array' : 'ndjson';
        if (mode === 'array') {
          curLine += (chunk.slice(0, m.index).match(/\n/g) || []).length;
          depth = 1;
          chunk = chunk.slice(m.index + 1);
        }
      }
      if (mode === 'ndjson') {
        buf += chunk;
        feedNdjson(false);
      } else feedArray(chunk);
    },
    end() {
      if (mode === 'ndjson') feedNdjson(true);
      const problems = [];
      if (mode === 'array' && !arrayDone) problems.push(`line ${curLine}: the JSON array is not closed`);
      if (stray !== null) problems.push(`line ${stray}: text after the end of the JSON array`);
      return { mode, problems };
    },
  };
}

function csvCell(v) {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes to stdout, waiting when the pipe is full; a closed pipe ends quietly. */
function writer() {
  const out = process.stdout;
  let closed = false;
  out.on('error', (e) => {
    if (e.code === 'EPIPE') closed = true;
    else throw e;
  });
  return async (text) => {
    if (closed || !text) return;
    if (!out.write(text)) await new Promise((r) => out.once('drain', r));
  };
}

function progress(quiet) {
  const t0 = Date.now();
  let last = 0;
  const err = process.stderr;
  return {
    t0,
    tick(read, done, force) {
      if (quiet || read < PROGRESS_FROM) return;
      const now = Date.now();
      if (!force && now - last < 1000) return;
      last = now;
      const rate = Math.round(done / Math.max(0.001, (now - t0) / 1000));
      const msg = `[cadence-engine] ${read.toLocaleString('en-US')} read, ${done.toLocaleString('en-US')} evaluated (${rate.toLocaleString('en-US')}/s)`;
      err.write(err.isTTY ? `\r${msg}` : `${msg}\n`);
    },
    end() {
      if (!quiet && err.isTTY && last) err.write('\n');
    },
  };
}

async function main(argv) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`cadence-engine: ${e.message}\nRun cadence-engine --help for usage.\n`);
    return 2;
  }
  if (opts.help || !opts.command) {
    (opts.help ? process.stdout : process.stderr).write(HELP + '\n');
    return opts.help ? 0 : 2;
  }
  const log = (m) => process.stderr.write(`cadence-engine: ${m}\n`);
  let engine, playbook, workers, capacity, days, format, tz, today;
  try {
    if (!['queue', 'evaluate'].includes(opts.command)) throw new UsageError(`unknown command ${JSON.stringify(opts.command)} (expected queue or evaluate)`);
    if (opts.files.length !== 1) throw new UsageError('expected one input file (or - for standard input)');
    if (!opts.playbook) throw new UsageError('--playbook is required');
    if (opts.now === undefined) throw new UsageError('--now is required');
    if (opts.command === 'queue') {
      if (opts.capacity === undefined) throw new UsageError('--capacity is required');
      capacity = positiveInt('--capacity', opts.capacity);
      days = positiveInt('--days', opts.days);
    }
    format = opts.format || (opts.command === 'queue' ? 'csv' : 'ndjson');
    if (!['csv', 'ndjson'].includes(format) || (opts.command === 'evaluate' && format !== 'ndjson')) {
      throw new UsageError(`--format: expected ${opts.command === 'queue' ? 'csv or ndjson' : 'ndjson'}, got ${JSON.stringify(format)}`);
    }
    if (!['call', 'sms', 'email', 'task', 'all'].includes(opts.channel)) throw new UsageError(`--channel: expected call, sms, email, task or all, got ${JSON.stringify(opts.channel)}`);
    workers = opts.workers === undefined ? undefined : positiveInt('--workers', opts.workers);
    engine = require(path.join(__dirname, fs.existsSync(path.join(__dirname, 'cadence_engine.js')) ? 'cadence_engine.js' : '../pkg/node/cadence_engine.js'));
    playbook = loadPlaybook(engine, opts.playbook);
    if (/^-?\d+(\.\d+)?$/.test(opts.now)) opts.now = Number(opts.now);
    engine.evaluateMany([], playbook, opts.now); // checks `now` before any work
    if (opts.command === 'queue') {
      tz = opts.timeZone || playbook.timeZone || 'UTC';
      try {
        today = localDay(engine, opts.now, tz);
      } catch (e) {
        throw new UsageError(`--time-zone: ${e.message.replace(/^options\.timeZone:?\s*/, '')}`);
      }
    }
  } catch (e) {
    log(e.message);
    return e instanceof UsageError ? 2 : 1;
  }

  const input = opts.files[0] === '-' ? process.stdin : fs.createReadStream(opts.files[0]);
  const write = writer();
  const prog = progress(opts.quiet);
  const pool = createPool({ workers });
  const queueItems = []; // for queue: {id, priority, dueAt, row}
  let read = 0;
  let evaluated = 0;
  let good = 0;
  let bad = 0;
  let batch = [];
  let batchLines = [];
  let seq = 0;
  let nextToWrite = 0;
  const done = new Map(); // seq -> {results, lines}
  const inFlight = new Set();

  async function flushInOrder() {
    while (done.has(nextToWrite)) {
      const { results, lines } = done.get(nextToWrite);
      done.delete(nextToWrite);
      nextToWrite++;
      let out = '';
      results.forEach((r, i) => {
        evaluated++;
        if (r.error !== undefined) {
          bad++;
          const msg = r.code === 'invalidJson' ? r.error : r.error.replace(/^contacts\[\d+\]\.?/, '');
          log(`line ${lines[i]}: ${msg || r.error}${r.id !== null && r.id !== undefined ? ` (id ${JSON.stringify(r.id)})` : ''}`);
          if (opts.command === 'evaluate') out += JSON.stringify({ line: lines[i], ...r }) + '\n';
          return;
        }
        good++;
        if (opts.command === 'evaluate') out += JSON.stringify(r) + '\n';
        else if (r.next && (opts.channel === 'all' || r.next.channel === opts.channel)) {
          queueItems.push({ id: r.id, priority: r.priority, dueAt: r.next.dueAt, r });
        }
      });
      await write(out);
    }
  }

  function dispatch() {
    if (!batch.length) return null;
    const mySeq = seq++;
    const lines = batchLines;
    const job = pool.run({ mode: opts.command === 'evaluate' ? 'full' : 'summary', lines: batch, playbook, now: opts.now, offset: 0 })
      .then((results) => { done.set(mySeq, { results, lines }); })
      .then(flushInOrder)
      .then(() => prog.tick(read, evaluated));
    batch = [];
    batchLines = [];
    const tracked = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  }

  const splitter = recordSplitter((text, line) => {
    read++;
    batch.push(text);
    batchLines.push(line);
  });

  let status = 0;
  try {
    input.setEncoding('utf8');
    for await (const chunk of input) {
      splitter.push(chunk);
      while (batch.length >= BATCH) {
        const extra = batch.splice(BATCH);
        const extraLines = batchLines.splice(BATCH);
        dispatch();
        batch = extra;
        batchLines = extraLines;
        if (inFlight.size >= pool.size * 2) await Promise.race(inFlight);
      }
    }
    const { problems } = splitter.end();
    dispatch();
    await Promise.all(inFlight);
    for (const p of problems) log(p);
    prog.tick(read, evaluated, true);
    prog.end();

    if (good === 0) {
      log(read === 0 ? 'no contacts in the input' : `none of the ${read} records could be read`);
      status = 1;
    } else if (opts.command === 'queue') {
      const planned = engine.planQueue(
        queueItems.map(({ id, priority, dueAt }) => ({ id, priority, dueAt })),
        { capacityPerDay: capacity, timeZone: tz, from: opts.now },
      );
      const lastDay = addDays(today, days - 1);
      const byId = new Map(queueItems.map((q) => [String(q.id), q.r]));
      const cols = ['rank', 'plannedFor', 'id', 'name', 'priority', 'label', 'channel', 'dueAt', 'deferredDays', 'status', 'stage'];
      let out = format === 'csv' ? cols.join(',') + '\n' : '';
      let rows = 0;
      for (const p of planned) {
        if (p.plannedFor < today || p.plannedFor > lastDay) continue;
        const r = byId.get(String(p.id));
        const row = {
          rank: p.rank, plannedFor: p.plannedFor, id: p.id, name: r.displayName, priority: p.priority,
          label: r.next.label, channel: r.next.channel, dueAt: p.dueAt, deferredDays: p.deferredDays, status: r.statusLabel, stage: r.stage,
        };
        rows++;
        out += format === 'csv' ? cols.map((c) => csvCell(row[c])).join(',') + '\n' : JSON.stringify(row) + '\n';
        if (out.length > 1 << 16) { await write(out); out = ''; }
      }
      await write(out);
      if (!opts.quiet) {
        const deferred = planned.filter((p) => p.plannedFor > lastDay).length;
        log(`queue for ${today}${days > 1 ? ` to ${lastDay}` : ''} (${tz}): ${rows} of ${queueItems.length} ${opts.channel === 'all' ? 'next actions' : `${opts.channel}s`}, ${deferred} planned later; capacity ${capacity}/day`);
      }
    }
    if (!opts.quiet || bad) {
      const secs = (Date.now() - prog.t0) / 1000;
      log(`${read} records read, ${good} evaluated, ${bad} bad, in ${secs.toFixed(1)} s (${Math.round(read / Math.max(secs, 0.001))} records/s, ${pool.size} workers)`);
    }
  } catch (e) {
    log(e.message);
    status = good > 0 ? 0 : 1;
  } finally {
    await pool.close();
  }
  return status;
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
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}

module.exports = { main, recordSplitter };
