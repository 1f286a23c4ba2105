'use strict';
// The command-line tool's input: contacts from NDJSON, a JSON array or CSV, each
// with the line it starts on; events from a second file joined by contact id.
// A CSV row becomes a contact through a column map (--map); the columns it does
// not map stay with the record so that --keep can carry them to the output.

const fs = require('node:fs');
const path = require('node:path');
const { Readable, pipeline } = require('node:stream');
const { parse: csvParse } = require('csv-parse');

/** The contact fields a CSV column can map to, and the event fields. */
const CONTACT_FIELDS = ['id', 'name', 'timeZone', 'region', 'addedAt', 'priority', 'events'];
const EVENT_FIELDS = ['contactId', 'kind', 'at', 'channel', 'direction', 'text', 'step', 'interaction', 'outcome',
  'reason', 'active', 'source', 'dueAt', 'scheduled', 'buyAt'];
const BOOLEAN_FIELDS = new Set(['active', 'scheduled']);
const NUMBER_FIELDS = new Set(['priority']);
const TIME_FIELDS = new Set(['addedAt', 'at', 'dueAt', 'buyAt']);

class InputError extends Error {}
/** A mistake in the command line itself (exit status 2). */
class UsageError extends Error {}

/** Text as the tool reads it: a byte order mark before it, as spreadsheet programs and Windows tools write one, is skipped. */
function withoutBom(text) {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads `--map field=Column,field=Column` options (repeatable) into {field: column}.
 * A pair without "=", a field the engine does not read, an empty column or a
 * field given two different columns is a UsageError: the command line is wrong.
 */
function parseMap(specs, fields, option) {
  const map = {};
  for (const spec of specs || []) {
    for (const pair of spec.split(',')) {
      if (!pair.trim()) continue;
      const eq = pair.indexOf('=');
      if (eq < 0) {
        throw new UsageError(`${option}: ${JSON.stringify(pair.trim())} names no column: write field=Column (e.g. ${option} "${fields[0]}=Contact ID")`);
      }
      const field = pair.slice(0, eq).trim();
      const column = pair.slice(eq + 1).trim();
      if (!field) throw new UsageError(`${option}: ${JSON.stringify(pair.trim())} names no field: write field=Column`);
      if (!fields.includes(field)) {
        const near = fields.find((f) => f.toLowerCase() === field.toLowerCase());
        throw new UsageError(`${option}: ${JSON.stringify(field)} is not a field${near ? ` (did you mean ${near}?)` : ''}; expected one of ${fields.join(', ')}`);
      }
      if (!column) throw new UsageError(`${option}: ${field}= needs a column name`);
      if (map[field] !== undefined && map[field] !== column) {
        throw new UsageError(`${option}: ${field} is mapped twice, to ${JSON.stringify(map[field])} and to ${JSON.stringify(column)}: a field is read from one column`);
      }
      map[field] = column;
    }
  }
  return map;
}

/** `--input-format`, else the file's extension, else (standard input) the first character. */
function formatOf(file, given, firstChar) {
  if (given) return given;
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (['.ndjson', '.jsonl', '.json'].includes(ext)) return 'json';
  return firstChar === '{' || firstChar === '[' ? 'json' : 'csv';
}

/** A cell as the engine should see it: "" is not given, booleans and numbers typed. */
function cell(field, value) {
  if (value === undefined || value === null) return undefined;
  const s = String(value);
  if (s === '') return undefined;
  if (BOOLEAN_FIELDS.has(field)) {
    const b = s.trim().toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(b)) return true;
    if (['false', 'no', 'n', '0'].includes(b)) return false;
    return s; // the engine says what it expected
  }
  if (NUMBER_FIELDS.has(field) && /^[-+]?\d+(\.\d+)?$/.test(s.trim())) return Number(s);
  if (TIME_FIELDS.has(field) && /^\d+$/.test(s.trim())) return Number(s); // epoch (the engine refuses seconds)
  return s;
}

/** The column a field is read from: the mapped one, else one of the same name (any case). */
function columnFinder(map, headers) {
  const lower = new Map(headers.map((h) => [h.toLowerCase(), h]));
  return (field) => (map[field] !== undefined ? map[field] : lower.get(field.toLowerCase()));
}

/** Checks that every mapped column exists in the header. */
function checkColumns(map, headers, option, file) {
  for (const [field, column] of Object.entries(map)) {
    if (!headers.includes(column)) {
      throw new InputError(`${option}: ${file} has no column ${JSON.stringify(column)} (for ${field}); its columns are ${headers.map((h) => JSON.stringify(h)).join(', ')}`);
    }
  }
}

/**
 * A CSV row as a contact: mapped fields typed, events from a JSON column. A
 * cell the tool cannot read itself (an events cell that is not JSON) is left
 * out of the contact and listed in `problems` ({path, message}): the engine
 * still reads the rest, so the record's id and its other errors are reported
 * with it.
 */
function contactFromRow(row, column, line) {
  const contact = {};
  const problems = [];
  for (const field of CONTACT_FIELDS) {
    const col = column(field);
    if (col === undefined) continue;
    const raw = row[col];
    if (field === 'events') {
      if (raw === undefined || raw === '') continue;
      try {
        contact.events = JSON.parse(raw);
      } catch (e) {
        problems.push({ path: 'events', message: `the column ${JSON.stringify(col)} is not a JSON array of events: ${e.message}` });
      }
      continue;
    }
    const v = cell(field, raw);
    if (v !== undefined) contact[field] = v;
  }
  return problems.length ? { line, contact, problems } : { line, contact };
}

/**
 * Yields the chunks of a stream (as text), counting bytes into `meter.bytes`; the
 * first chunk is peeked to pick the format when none was given.
 */
async function* textChunks(stream, meter) {
  stream.setEncoding('utf8');
  let first = true;
  for await (const chunk of stream) {
    meter.bytes += Buffer.byteLength(chunk);
    yield first ? withoutBom(chunk) : chunk;
    first = false;
  }
}

/**
 * The records of an input, in order: {line, contact, row, problems?} or {line,
 * error}. `row` is the source record (CSV row or JSON object), for --keep;
 * `problems` are the cells of a CSV row the contact lacks because they could
 * not be read ({path, message}).
 * Options: {file, format, map, events: Map(id -> {events, lines}), eventsFile, meter}.
 */
async function* readContacts(opts) {
  const stream = opts.file === '-' ? process.stdin : fs.createReadStream(opts.file);
  opts.stream = stream;
  const chunks = textChunks(stream, opts.meter);
  // Peek at the first chunk with text to pick the format.
  let first = '';
  let next = await chunks.next();
  while (!next.done && !first.trim()) {
    first += next.value;
    if (first.trim()) break;
    next = await chunks.next();
  }
  const format = formatOf(opts.file, opts.format, (/\S/.exec(first) || [''])[0]);
  async function* all() {
    if (first) yield first;
    for (;;) {
      const n = await chunks.next();
      if (n.done) return;
      yield n.value;
    }
  }
  const records = format === 'csv' ? csvRecords(all(), opts) : jsonRecords(all());
  for await (const r of records) {
    if (r.contact && opts.events) attachEvents(r, opts);
    yield r;
  }
}

/** Joins the events read from --events to a contact, by id as text. */
function attachEvents(r, opts) {
  const key = r.contact && (typeof r.contact.id === 'string' || typeof r.contact.id === 'number') ? String(r.contact.id) : null;
  const found = key !== null ? opts.events.get(key) : undefined;
  if (!found) return;
  found.used = true;
  const own = Array.isArray(r.contact.events) ? r.contact.events : [];
  r.eventLines = [...own.map(() => null), ...found.lines];
  r.contact.events = [...own, ...found.events];
}

/** The rows of a CSV text stream: {record, line, headers}; `line` is where the row starts. */
async function* csvRows(chunks, file) {
  const parser = csvParse({
    columns: (header) => header.map((h) => h.trim()),
    info: true, raw: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true,
  });
  // pipeline, not pipe: a source that fails or is closed early ends the parser too.
  pipeline(Readable.from(chunks), parser, () => {});
  try {
    for await (const { record, info } of parser) {
      const inner = info.raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
      const line = info.lines - (inner.match(/\n/g) || []).length;
      yield { record, line, headers: info.columns.map((c) => c.name) };
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file === '-' ? 'standard input' : file}: not valid CSV: ${e.message}`);
  }
}

async function* csvRecords(chunks, opts) {
  let column = null;
  for await (const { record, line, headers } of csvRows(chunks, opts.file)) {
    if (!column) {
      checkColumns(opts.map, headers, '--map', opts.file);
      column = columnFinder(opts.map, headers);
      opts.columns = headers;
    }
    const r = contactFromRow(record, column, line);
    r.row = record;
    yield r;
  }
}

/**
 * NDJSON lines, or the elements of one JSON array (found by tracking strings and
 * nesting, so the array is never held whole); each with the line it starts on.
 */
async function* jsonRecords(chunks) {
  const out = [];
  const splitter = recordSplitter((text, line) => out.push({ text, line }));
  const drain = function* () {
    for (const { text, line } of out.splice(0)) {
      let contact;
      try {
        contact = JSON.parse(text);
      } catch (e) {
        yield { line, error: `invalid JSON: ${e.message}` };
        continue;
      }
      yield { line, contact, row: contact };
    }
  };
  for await (const chunk of chunks) {
    splitter.push(chunk);
    yield* drain();
  }
  const { problems } = splitter.end();
  yield* drain();
  for (const p of problems) yield { line: p.line, error: p.message, structural: true };
}

function recordSplitter(onRecord) {
  let mode = null; // 'ndjson' | 'array'
  let buf = '';
  let line = 1; // line number at buf[0]
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
      if (mode === 'array' && !arrayDone) problems.push({ line: curLine, message: 'the JSON array is not closed' });
      if (stray !== null) problems.push({ line: stray, message: 'text after the end of the JSON array' });
      return { mode, problems };
    },
  };
}

/**
 * Reads --events: CSV (a row per event, `contactId` naming the contact) or NDJSON
 * (an event object per line with `contactId`). Returns Map(id text -> {events,
 * lines}) and the problems found (line-numbered). `map` is the --events-map
 * options, or their parseMap result.
 */
async function readEvents(file, map) {
  if (map === undefined || Array.isArray(map)) map = parseMap(map, EVENT_FIELDS, '--events-map');
  const byId = new Map();
  const problems = [];
  const add = (id, event, line) => {
    if (id === undefined || id === null || id === '') {
      problems.push(`${file} line ${line}: no contactId: the event names no contact`);
      return;
    }
    const key = String(id);
    let e = byId.get(key);
    if (!e) byId.set(key, (e = { events: [], lines: [] }));
    e.events.push(event);
    e.lines.push(line);
  };
  let stream;
  try {
    stream = fs.createReadStream(file);
    await new Promise((resolve, reject) => { stream.once('open', resolve); stream.once('error', reject); });
  } catch (e) {
    throw new InputError(`--events: cannot read ${JSON.stringify(file)} (${e.code || e.message})`);
  }
  const meter = { bytes: 0 };
  const chunks = textChunks(stream, meter);
  const format = path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'json';
  if (format === 'csv') {
    let column = null;
    for await (const { record, line, headers } of csvRows(chunks, file)) {
      if (!column) {
        checkColumns(map, headers, '--events-map', file);
        column = columnFinder(map, headers);
        if (column('contactId') === undefined) {
          throw new InputError(`--events: ${file} has no contactId column (name one with --events-map contactId=<column>)`);
        }
      }
      const event = {};
      for (const f of EVENT_FIELDS) {
        const col = f === 'contactId' ? undefined : column(f);
        const v = col === undefined ? undefined : cell(f, record[col]);
        if (v !== undefined) event[f] = v;
      }
      add(record[column('contactId')], event, line);
    }
  } else {
    for await (const r of jsonRecords(chunks)) {
      if (r.error) {
        problems.push(`${file} line ${r.line}: ${r.error}`);
        continue;
      }
      const ev = r.contact;
      if (!ev || typeof ev !== 'object' || Array.isArray(ev)) {
        problems.push(`${file} line ${r.line}: expected an event object`);
        continue;
      }
      const { contactId, ...event } = ev;
      add(contactId, event, r.line);
    }
  }
  return { byId, problems };
}

module.exports = { readContacts, readEvents, parseMap, recordSplitter, withoutBom, InputError, UsageError, CONTACT_FIELDS, EVENT_FIELDS };
