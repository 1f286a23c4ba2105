'use strict';
// The command-line tool's input: contacts from NDJSON, a JSON array or CSV, each
// with the line it starts on; events from a second file joined by contact id.
// A CSV row or a JSON record becomes a contact through a column map (--map); the
// columns it does not map stay with the record so that --keep can carry them to
// the output. Two records of one id are one contact given twice: the later is bad.

const fs = require('node:fs');
const path = require('node:path');
const { Readable, pipeline } = require('node:stream');
const { parse: csvParse } = require('csv-parse');

/** The contact fields a CSV column can map to, and the event fields. */
const CONTACT_FIELDS = ['id', 'name', 'timeZone', 'region', 'addedAt', 'priority', 'events'];
// (Every key the engine reads in an event, `subject` and `explain` too: each
// can be mapped, and an error names the column each was read from.)
const EVENT_FIELDS = ['contactId', 'kind', 'at', 'channel', 'direction', 'text', 'body', 'message', 'content', 'messageBody',
  'bodyText', 'textBody', 'hsEmailText', 'hsCommunicationBody', 'plainBody', 'subject', 'step', 'interaction', 'outcome', 'reason', 'explain', 'active', 'source', 'dueAt', 'scheduled', 'buyAt'];
const BOOLEAN_FIELDS = new Set(['active', 'scheduled']);
const NUMBER_FIELDS = new Set(['priority']);
const TIME_FIELDS = new Set(['addedAt', 'at', 'dueAt', 'buyAt']);
/** Fields every record needs: `field=` (leave it unread) is refused for these. */
const REQUIRED = new Map([[CONTACT_FIELDS, ['id', 'addedAt']], [EVENT_FIELDS, ['contactId', 'kind', 'at']]]);

class InputError extends Error {}
/** A mistake in the command line itself (exit status 2). */
class UsageError extends Error {}

/** Text as the tool reads it: a byte order mark before it, as spreadsheet programs and Windows tools write one, is skipped. */
function withoutBom(text) {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// A byte order mark, zero-width spaces and joiners and a word joiner at the
// edges of a key or an id, as the engine strips them: they come with a copy
// and paste from a web page or a chat, and are not part of the name.
const INVISIBLE_EDGES = /^[\u200b-\u200d\u2060\ufeff]+|[\u200b-\u200d\u2060\ufeff]+$/g;

/** A header's name or an id as the engine reads it: without invisible characters at its edges. */
function unpadded(text) {
  return text.replace(INVISIBLE_EDGES, '');
}

/**
 * Reads `--map field=Column,field=Column` options (repeatable) into {field: column}.
 * `field=` (no column) is "" in the map: the field is not read at all, not even
 * from a column of its own name. A pair without "=", a field the engine does not
 * read, `field=` for a field every record needs, or a field given two different
 * columns is a UsageError: the command line is wrong.
 */
function parseMap(specs, fields, option) {
  const map = {};
  const required = REQUIRED.get(fields) || [];
  const said = (column) => (column === '' ? 'nothing' : JSON.stringify(column));
  for (const spec of specs || []) {
    for (const pair of spec.split(',')) {
      if (!pair.trim()) continue;
      const eq = pair.indexOf('=');
      if (eq < 0) {
        throw new UsageError(`${option}: ${JSON.stringify(pair.trim())} names no column: write field=Column (e.g. ${option} "${fields[0]}=Contact ID"), or field= to leave a field unread`);
      }
      const field = pair.slice(0, eq).trim();
      const column = pair.slice(eq + 1).trim();
      if (!field) throw new UsageError(`${option}: ${JSON.stringify(pair.trim())} names no field: write field=Column`);
      if (!fields.includes(field)) {
        const near = fields.find((f) => f.toLowerCase() === field.toLowerCase());
        throw new UsageError(`${option}: ${JSON.stringify(field)} is not a field${near ? ` (did you mean ${near}?)` : ''}; expected one of ${fields.join(', ')}`);
      }
      if (!column && required.includes(field)) {
        throw new UsageError(`${option}: ${field}= would leave ${field} unread, and every ${option === '--map' ? 'contact' : 'event'} needs one: name its column (${field}=Column)`);
      }
      if (map[field] !== undefined && map[field] !== column) {
        throw new UsageError(`${option}: ${field} is mapped twice, to ${said(map[field])} and to ${said(column)}: a field is read from one column (or, with ${field}=, from none)`);
      }
      map[field] = column;
    }
  }
  return map;
}

/** The extensions of a table of cells: comma- or tab-separated values. */
const TABLE_EXTENSIONS = ['.csv', '.tsv', '.tab'];

/** `--input-format`, else the file's extension, else (standard input) the first character. */
function formatOf(file, given, firstChar) {
  if (given) return given;
  const ext = path.extname(file).toLowerCase();
  if (TABLE_EXTENSIONS.includes(ext)) return 'csv';
  if (['.ndjson', '.jsonl', '.json'].includes(ext)) return 'json';
  return firstChar === '{' || firstChar === '[' ? 'json' : 'csv';
}

/** A cell that holds no value: empty, or a database export's `NULL` or `\N`. */
function noValue(value) {
  return value === undefined || value === null || value === '' || value === 'NULL' || value === '\\N';
}

/**
 * A JSON value that holds none, as the engine reads a record's keys: absent,
 * null, or a string of white space alone (`{"timeZone": "", "time_zone": ...}`
 * reads `time_zone`). JSON's "NULL" is text, as the engine reads it.
 */
function noJsonValue(value) {
  return value === undefined || value === null || (typeof value === 'string' && unpadded(value).trim() === '');
}

/**
 * A value that holds no `field` of a CSV row (`csv`) or a JSON record, where
 * one of several spellings is picked: `noValue`, `noJsonValue`, and for
 * `events` an empty list too (`[]`, `null` in a cell), as the engine reads
 * `{events: [], Events: [...]}`: a CRM's own `Events` beside an empty
 * `events` column holds the contact's STOP.
 */
function emptyOf(csv) {
  return csv
    ? (value, field) => noValue(value) || (field === 'events' && /^\s*(?:\[\s*\]|null)\s*$/.test(value))
    : (value, field) => noJsonValue(value) || (field === 'events' && Array.isArray(value) && value.length === 0);
}
const emptyCell = emptyOf(true);
const emptyJson = emptyOf(false);

/**
 * A cell as the engine should see it: "" is not given, and so are SQL's markers of
 * no value, `NULL` and `\N`, as database exports write them; booleans and numbers
 * typed.
 */
function cell(field, value) {
  if (noValue(value)) return undefined;
  const s = String(value);
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

/** The name among `names` that is `name`: as written, else in another letter case. */
function findName(names, name) {
  if (names.includes(name)) return name;
  const lower = name.toLowerCase();
  return names.find((n) => n.toLowerCase() === lower);
}

// Fields read only as the contract spells them, as the engine reads them:
// CRMs keep a sales territory and a deal's rank as "Region" and "Priority".
const EXACT_ONLY = new Set(['region', 'priority']);

/**
 * A name as the engine compares a record's keys with its fields: without white
 * space, `_`, `-` or `/` between its words, in ASCII lower case (`time_zone`,
 * "Time Zone", `TIME-ZONE` are `timezone`). The engine passes over a key of
 * more than 24 bytes (a custom field's long name) without a compare: so does
 * the tool, or a column the engine would not read as a key would be read here.
 */
function folded(name) {
  let f = foldedNames.get(name);
  if (f !== undefined) return f;
  // (Without the invisible characters at its edges, as the engine strips
  // them from a key: a JSON record's pasted "\u200bid" is its id.)
  const bare = unpadded(name);
  f = Buffer.byteLength(bare) > 24 ? null : bare.replace(/[\s_\-/]/g, '').replace(/[A-Z]/g, (c) => c.toLowerCase());
  // (Every record of an export has the same keys: each is folded once.)
  if (foldedNames.size < 10000) foldedNames.set(name, f);
  return f;
}
const foldedNames = new Map();

/**
 * The name among `names` (a header, a record's keys) that a field not mapped
 * is read from, as the engine reads a JSON record's keys: the field's own
 * spelling, else the first name that folds to it (`time_zone`, "Added At",
 * `due_at`); `region` and `priority` only as spelled.
 */
function ownName(names, field) {
  if (names.includes(field)) return field;
  if (EXACT_ONLY.has(field)) return undefined;
  const want = folded(field);
  return names.find((n) => folded(n) === want);
}

/**
 * The column a field is read from: none for `field=`, else the mapped one (as
 * `resolveColumns` found it in the header), else one of the field's own name
 * (`ownName`: a CRM's own "Region" beside a "region" column does not replace
 * it, and is not read at all).
 */
function columnFinder(map, resolved, headers) {
  const column = (field) => {
    if (map[field] === '') return undefined;
    if (resolved[field] !== undefined) return resolved[field];
    return ownName(headers, field);
  };
  /**
   * A row's cell for `field`: its column's, or when that holds no value the
   * first other column that folds to the field and holds one, as the engine
   * reads a record's keys (`{events: "", Events: [...]}` reads `Events`). A
   * mapped field reads its column only.
   */
  column.cell = (row, field) => {
    const col = column.from(row, field);
    return col === undefined ? undefined : row[col];
  };
  /** Whether `field` is mapped (`--map field=column`, or `field=` for none). */
  column.mapped = (field) => map[field] !== undefined;
  /** The column `column.cell` reads a row's `field` from (an error names it). */
  column.from = (row, field) => {
    if (map[field] !== undefined) return column(field);
    return readFrom(headers, row, field, emptyCell);
  };
  return column;
}

/**
 * The name among `names` (a header, a record's keys) that a row's field not
 * mapped is read from: its own (`ownName`), or when that holds no value
 * (`empty(value, field)`: a CSV cell's `emptyCell`, a JSON value's `emptyJson`) the next
 * that folds to the field and holds one. CSV rows, JSON records and the error
 * that names the column all pick by it.
 */
function readFrom(names, row, field, empty) {
  const own = ownName(names, field);
  if (own === undefined || !empty(row[own], field) || EXACT_ONLY.has(field)) return own;
  const want = folded(field);
  return names.find((n) => n !== own && folded(n) === want && !empty(row[n], field)) ?? own;
}

/** The column (CSV) or key (JSON) of a source record that a field not mapped was read from, for an error to name. */
function sourceOf(row, field, csv) {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return undefined;
  return readFrom(Object.keys(row), row, field, csv ? emptyCell : emptyJson);
}

/**
 * A header naming a column that is read (`fields` through `column`) twice is
 * an InputError: a CSV row keeps one cell a name, so the other would be lost
 * without a word (a CRM export's two "Contact ID" columns: its own and a
 * related record's).
 */
function refuseTwice(fields, column, headers, file) {
  for (const field of fields) {
    const col = column(field);
    if (col === undefined) continue;
    const at = headers.flatMap((h, i) => (h === col ? [i + 1] : []));
    if (at.length > 1) {
      throw new InputError(`${file === '-' ? 'standard input' : file}: the header names ${at.length} columns ${JSON.stringify(col)} `
        + `(columns ${at.join(' and ')}), read as ${field}: rename all but one in the file`);
    }
  }
}

/**
 * The header column of each mapped field ({field: column}), found as written or
 * in another letter case; a mapped column the header lacks is an InputError.
 */
function resolveColumns(map, headers, option, file) {
  const resolved = {};
  for (const [field, column] of Object.entries(map)) {
    if (column === '') continue;
    const found = findName(headers, column);
    if (found === undefined) {
      throw new InputError(`${option}: ${file} has no column ${JSON.stringify(column)} (for ${field}); its columns are ${headers.map((h) => JSON.stringify(h)).join(', ')}`);
    }
    resolved[field] = found;
  }
  return resolved;
}

/**
 * How JSON records are read, as CSV rows are: each mapped field from the key the
 * map names (as written, else in another letter case) and from no other, none
 * for `field=`, every other field from a key of its own name (`ownName`: as
 * written, else the first that folds to it, "TimeZone", `time_zone`). The
 * engine folds keys itself: so every other key that folds to a mapped or
 * unread field is taken out of what it is given, or `--map events=` would not
 * keep it from reading a CRM's own `Events`. Values stay as JSON typed them.
 * `found` collects the mapped fields some record had a key for, `spelled` the
 * first key each other field was read from.
 */
function jsonReader(map, fields) {
  const mapped = Object.entries(map);
  const own = fields.filter((f) => map[f] === undefined);
  const ownExact = new Set(own);
  const ownByFolded = new Map(own.filter((f) => !EXACT_ONLY.has(f)).map((f) => [folded(f), f]));
  // The mapped and unread fields whose other spellings are not the engine's to read.
  const hidden = new Map(mapped.filter(([field]) => !EXACT_ONLY.has(field)).map(([field]) => [folded(field), field]));
  const found = new Set();
  const spelled = new Map();
  let firstKeys = null;
  // The last record's fields read from a key other than `spelled` names ({field: key}), or null.
  let from = null;
  const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  /** The record as the engine should read it; the record itself is not changed (--keep reads it). */
  function read(obj) {
    from = null;
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return obj;
    const keys = Object.keys(obj);
    if (firstKeys === null) firstKeys = keys;
    let out = null;
    const copy = () => (out ??= { ...obj });
    for (const [field, column] of mapped) {
      const key = column === '' ? undefined : has(obj, column) ? column : findName(keys, column);
      if (has(obj, field) && key !== field) delete copy()[field];
      if (key === undefined) continue;
      found.add(field);
      copy()[field] = obj[key];
    }
    // One pass over the keys: each other field's keys (its own spelling
    // first, then those that fold to it in order, as `ownName`), and the
    // keys to take out.
    let picked = null;
    for (const key of keys) {
      if (ownExact.has(key)) {
        const ks = (picked ??= new Map()).get(key);
        if (ks) ks.unshift(key);
        else picked.set(key, [key]);
        continue;
      }
      const f = folded(key);
      if (f === null) continue;
      const field = ownByFolded.get(f);
      if (field !== undefined) {
        const ks = (picked ??= new Map()).get(field);
        if (ks) ks.push(key);
        else picked.set(field, [key]);
        continue;
      }
      const gone = hidden.get(f);
      if (gone !== undefined && key !== gone) delete copy()[key];
    }
    if (picked) {
      for (const [field, all] of picked) {
        // (Another spelling of `events` holding no list is the CRM's own
        // field, a count of its events, `"Events": 12`: the engine passes
        // over it, and so does the tool.)
        const ks = field === 'events' ? all.filter((k) => k === field || Array.isArray(obj[k])) : all;
        if (!ks.length) continue;
        if (!spelled.has(field)) spelled.set(field, ks[0]);
        // The first key that holds a value, as the engine reads a record's
        // keys (`{"contactId": "", "Contact ID": "c1"}` is c1's): the engine
        // would read it too, but the tool reads the id and the contactId
        // itself, for the --events join and the check for one given twice.
        const key = ks.find((k) => !emptyJson(obj[k], field)) ?? ks[0];
        if (key !== field) copy()[field] = obj[key];
        // (A key other than the one `spelled` names for the field: an error names it.)
        if (key !== spelled.get(field)) (from ??= {})[field] = key;
      }
    }
    return out || obj;
  }
  return { read, found, spelled, get firstKeys() { return firstKeys; }, get from() { return from; } };
}

/** The mapped fields (with a column) that no record had a key for: an error, as a header without the column. */
function missingKeys(map, found, option, file, firstKeys) {
  const missing = Object.entries(map).filter(([field, column]) => column !== '' && !found.has(field));
  if (!missing.length) return null;
  const keys = firstKeys && firstKeys.length ? `; the first record's keys are ${firstKeys.slice(0, 12).map((k) => JSON.stringify(k)).join(', ')}${firstKeys.length > 12 ? ', ...' : ''}` : '';
  return `${option}: ${file === '-' ? 'standard input' : file} has no key ${missing.map(([f, c]) => `${JSON.stringify(c)} (for ${f})`).join(', ')} in any record${keys}`;
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
    const raw = column.cell(row, field);
    if (field === 'events') {
      // ("NULL", "\N": a database export's contact with no events.)
      if (noValue(raw)) continue;
      // A column of another spelling, not mapped, that holds no list is the
      // CRM's own (an "Events" count, "see timeline"), as the engine passes
      // over a record's `"Events": 12`.
      const own = column.from(row, field) !== field && !column.mapped(field);
      let events;
      try {
        events = JSON.parse(raw);
      } catch (e) {
        if (!(own && !/^\s*\[/.test(raw))) {
          problems.push({ path: 'events', message: `the column ${JSON.stringify(col)} is not a JSON array of events: ${e.message}` });
        }
        continue;
      }
      if (!own || Array.isArray(events)) contact.events = events;
      continue;
    }
    const v = cell(field, raw);
    if (v !== undefined) contact[field] = v;
  }
  return problems.length ? { line, contact, problems } : { line, contact };
}

/**
 * Yields the chunks of a stream (as text), counting bytes into `meter.bytes`
 * and setting `meter.utf16` when the stream is UTF-16; the first chunk is
 * peeked to pick the format when none was given.
 */
async function* textChunks(stream, meter) {
  const decode = decoder();
  let first = true;
  for await (const bytes of stream) {
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    meter.bytes += buffer.length;
    const chunk = decode(buffer);
    if (decode.utf16) meter.utf16 = true;
    // (The first chunk with text: a one-byte chunk gives none yet.)
    if (!chunk) continue;
    yield first ? withoutBom(chunk) : chunk;
    first = false;
  }
  const rest = decode(null);
  if (rest) yield first ? withoutBom(rest) : rest;
}

/** A whole file's bytes as text, read as the inputs are (`decoder`), without its byte order mark. */
function textOf(bytes) {
  const decode = decoder();
  return withoutBom(decode(bytes) + decode(null));
}

/**
 * The UTF-16 encoding of a text whose first bytes are `data`, as the engine's
 * `upsertJson` tells it: little-endian after the mark FF FE, big-endian after
 * FE FF, or without a mark when a NUL byte beside the first character says so
 * (a CSV header or JSON starts with ASCII); null for UTF-8 or Windows-1252.
 */
function utf16Of(data) {
  const [a, b] = data;
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (a !== 0 && b === 0) return 'utf-16le';
  if (a === 0 && b !== 0) return 'utf-16be';
  return null;
}

/**
 * A decoder of a stream's chunks: UTF-16 when its first two bytes say so
 * (`utf16Of`: Excel's "Unicode Text", PowerShell's `Out-File`, as the engine
 * reads them), else UTF-8, and from the first chunk that is not (a Windows
 * export's Latin-1 "ARRÊT") Windows-1252, so that the customer's words and
 * names read as they were written. Call it with each Buffer, then with null
 * for what the last one left.
 */
function decoder() {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let utf16 = null;
  let sniffed = false;
  let cp1252 = false;
  let carry = Buffer.alloc(0);
  const decode = (buffer) => {
    if (utf16) return buffer === null ? utf16.decode() : utf16.decode(buffer, { stream: true });
    if (buffer !== null && !sniffed) {
      const data = carry.length ? Buffer.concat([carry, buffer]) : buffer;
      if (data.length < 2) {
        carry = data;
        return '';
      }
      sniffed = true;
      const encoding = utf16Of(data);
      if (encoding) {
        // (A half character at the end reads as U+FFFD, as in the engine.)
        utf16 = new TextDecoder(encoding);
        decode.utf16 = true;
        carry = Buffer.alloc(0);
        return utf16.decode(data, { stream: true });
      }
      carry = Buffer.alloc(0);
      buffer = data;
    }
    if (buffer === null) {
      const rest = windows1252(carry);
      carry = Buffer.alloc(0);
      return rest;
    }
    if (cp1252) return windows1252(buffer);
    const data = carry.length ? Buffer.concat([carry, buffer]) : buffer;
    const cut = utf8Boundary(data);
    try {
      const text = utf8.decode(data.subarray(0, cut));
      carry = data.subarray(cut);
      return text;
    } catch {
      // The text before the first byte that is not UTF-8 is UTF-8 (an Excel
      // "CSV UTF-8" export's mark and names, rows a Windows tool appended
      // to): only the rest is Windows-1252.
      cp1252 = true;
      carry = Buffer.alloc(0);
      const at = utf8Prefix(data);
      return utf8.decode(data.subarray(0, at)) + windows1252(data.subarray(at));
    }
  };
  decode.utf16 = false;
  return decode;
}

/** How many of the first bytes of `data` are whole UTF-8 characters (each checked by the decoder itself). */
function utf8Prefix(data) {
  const check = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < data.length;) {
    const b = data[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    try {
      check.decode(data.subarray(i, i + need));
    } catch {
      return i;
    }
    i += need;
  }
  return data.length;
}

// The characters of bytes 0x80 to 0x9F in Windows-1252 (the unassigned five as
// the C1 control of their number); Node's own 'windows-1252' decoder reads
// these bytes as Latin-1's C1 controls.
const CP1252_HIGH = '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f'
  + '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

/** Bytes as Windows-1252 text. */
function windows1252(bytes) {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** Where the last whole UTF-8 character of `data` ends (a chunk may end inside one). */
function utf8Boundary(data) {
  const n = data.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = data[n - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/**
 * The records of an input, in order: {line, contact, row, problems?} or {line,
 * error}. `row` is the source record (CSV row or JSON object), for --keep;
 * `problems` are what the contact lacks because the tool could not read it
 * ({path, message}): a cell that is not JSON, an id an earlier record has.
 * Options: {file, format, map, events: Map(id -> {events, lines}), eventsFile, meter}.
 * Sets on them: `stream`, `formatRead` ('csv' | 'json'), `autoColumns` (CSV:
 * {field: column} read by its name, not mapped), `missing` (JSON: the error
 * when a mapped key is in no record, at the end).
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
  opts.formatRead = format;
  async function* all() {
    if (first) yield first;
    for (;;) {
      const n = await chunks.next();
      if (n.done) return;
      yield n.value;
    }
  }
  const map = opts.map || {};
  const json = jsonReader(map, CONTACT_FIELDS);
  const records = format === 'csv' ? csvRecords(all(), opts) : jsonRecords(all(), json.read);
  // The line of the first record of each id (as text: 1042 and "1042" are one,
  // as the --events join and the engine compare them).
  const seen = new Map();
  for await (const r of records) {
    // A JSON record broken after its id is bad, and named by that id, as
    // the engine's `evaluateManyJson` names it: the user finds it by id.
    if (r.error !== undefined && r.text !== undefined) r.id = brokenRecordId(r.text, 'id', map.id);
    // (A broken record named by its id claims it, as a readable one does:
    // a later record of that id is not evaluated as if the broken one,
    // and the STOP it may hold, were not there.)
    const key = r.contact ? idKey(r.contact) : idKey({ id: r.id });
    if (key !== null) {
      const firstLine = seen.get(key);
      if (firstLine !== undefined && r.contact) {
        // One id, two records: the events of the id cannot be told apart, so
        // this one gets none and is bad; the first has them (and is named).
        const evs = opts.events && opts.events.get(key);
        const n = evs ? evs.events.length : 0;
        const problem = {
          path: 'id',
          message: `${JSON.stringify(key)} is also the id of line ${firstLine}: each contact needs an id of its own (a spreadsheet may have rounded long ids, e.g. to 3.6524E+18)`
            + (n ? `; the ${n} event${n > 1 ? 's' : ''} of this id in ${opts.eventsFile || 'the --events file'} went to line ${firstLine} alone` : ''),
        };
        r.problems = [...(r.problems || []), problem];
        yield r;
        continue;
      }
      // (A one-line JSON array's record by its place in it, as errors name it.)
      if (firstLine === undefined) seen.set(key, r.index !== undefined ? `${r.line}, record ${r.index}` : r.line);
    }
    if (r.contact && opts.events) attachEvents(r, opts);
    yield r;
  }
  if (format === 'json' && json.firstKeys !== null) opts.missing = missingKeys(map, json.found, '--map', opts.file, json.firstKeys);
}

/** A contact's id as the --events join reads it (text), or null. */
function idKey(contact) {
  if (!contact || typeof contact !== 'object') return null;
  const id = contact.id;
  // (Without the invisible characters the engine strips: "c1\u200b" is the
  // engine's "c1", and one id with its events.)
  return typeof id === 'string' || typeof id === 'number' ? unpadded(String(id)) : null;
}

/** Joins the events read from --events to a contact, by id as text. */
function attachEvents(r, opts) {
  const key = idKey(r.contact);
  const found = key !== null ? opts.events.get(key) : undefined;
  if (!found) return;
  found.used = true;
  if (found.bad) {
    const problems = found.bad.map((b) => ({
      path: 'events',
      message: `${opts.eventsFile} line ${b.line}: ${b.message} (the event could not be read: it may have been a STOP or a DND)`,
    }));
    r.problems = [...(r.problems || []), ...problems];
  }
  const own = Array.isArray(r.contact.events) ? r.contact.events : [];
  r.eventLines = [...own.map(() => null), ...found.lines];
  if (found.from) r.eventFrom = [...own.map(() => null), ...found.lines.map((_, i) => found.from[i] || null)];
  r.contact.events = [...own, ...found.events];
}

/**
 * The rows of a CSV text stream: {record, line, headers}; `line` is where the
 * row starts. The stream is tab-separated when its header line holds a tab
 * and the file is a `.tsv` or `.tab`, or the stream is UTF-16 (Excel's
 * "Unicode Text" is; PowerShell's `Out-File` of a CSV keeps its commas, and
 * its header no tab), or the header holds no comma (a database's or a
 * spreadsheet's tab-separated export as `.txt`): a header of one column
 * names no contact. It is semicolon-separated when its header holds a
 * semicolon and neither a comma nor a tab (Excel's "CSV" where the decimal
 * mark is a comma: most of Europe and Quebec), pipe-separated when it holds
 * a pipe and none of the three. Excel's first line `sep=;` names the
 * separator and is no row.
 */
async function* csvRows(chunks, file, meter) {
  let head = '';
  let next;
  const firstLine = () => head.split(/[\r\n]/)[0];
  while (!/[\r\n]/.test(head) && !(next = await chunks.next()).done) head += next.value;
  // (A re-saved file may pad the line with separators: "sep=;;;".)
  const named = /^"?sep=(.)"?[,;\t]*$/i.exec(firstLine());
  if (named) {
    while (!/[\r\n][^\r\n]*[\r\n]/.test(head) && !(next = await chunks.next()).done) head += next.value;
  }
  const header = named ? head.split(/\r\n|\r|\n/)[1] || '' : firstLine();
  // Separators inside a quoted name do not count, whichever they are:
  // `id;"Name, full";addedAt` is a semicolon file, `id<TAB>"Name, full"` a
  // tab one, and a UTF-16 `id,"Name<TAB>full"` a comma one.
  const unquoted = header.replace(/"[^"]*"/g, '');
  const has = (sep) => unquoted.includes(sep);
  const tabbed = has('\t')
    && (['.tsv', '.tab'].includes(path.extname(file || '').toLowerCase()) || (meter && meter.utf16) || !has(','));
  const semicolons = has(';') && !has(',') && !has('\t');
  // (A header of pipes alone, a database's `|`-separated dump, read with
  // commas would be one column named "id|name|addedAt", which names no
  // contact: read with pipes, it is the file it is.)
  const pipes = has('|') && !has(',') && !has('\t') && !has(';');
  const delimiter = named ? named[1] : tabbed ? '\t' : semicolons ? ';' : pipes ? '|' : ',';
  async function* text() {
    if (head) yield head;
    yield* chunks;
  }
  const parser = csvParse({
    delimiter,
    // (A header's name is matched as the engine matches a JSON key: a
    // zero-width space pasted before "region" does not hide the column.)
    // Nameless columns at the end of the header (a spreadsheet's "ghost
    // columns", `text,,`, written when a cell to the right was ever touched)
    // are no columns: a cell with text under one is past the header, as in
    // a header without them (an unquoted "No thanks, STOP").
    columns: (header) => {
      const names = header.map((h) => unpadded(h.trim()));
      while (names.length > 1 && names[names.length - 1] === '') names.pop();
      return names;
    },
    // A row of empty cells (",,", the trailing rows of a spreadsheet's export)
    // is a blank line: skipped, as one. A quote inside a cell that does not
    // start with one is a character of it (`Robert "Bob" Brown`), as
    // spreadsheets read it. (A quote that opens a cell and is not closed
    // well still stops the file: csv-parse, trimming, cannot find the next
    // row after it, and skipping would lose every row after it unsaid.)
    // A row of fewer cells than the header lacks the last ones; one of more
    // is let through (relax_column_count) and its cells past the header
    // are checked below: the parser would drop them.
    info: true, raw: true, bom: true, skip_empty_lines: true, skip_records_with_empty_values: true,
    relax_column_count: true, trim: true, relax_quotes: true, from_line: named ? 2 : 1,
  });
  // pipeline, not pipe: a source that fails or is closed early ends the parser too.
  pipeline(Readable.from(text()), parser, () => {});
  // csv-parse counts a CRLF inside a quoted cell as two lines (its \r and
  // its \n): taken off, as they come, so that a row's line is its line in an
  // Excel or CRM export with multi-line notes.
  let extra = 0;
  try {
    for await (const { record, info } of parser) {
      const inner = info.raw.replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, '');
      extra += (inner.match(/\r\n/g) || []).length;
      const line = info.lines - extra - (inner.match(/\r\n|\r|\n/g) || []).length;
      const headers = info.columns.map((c) => c.name);
      yield { record, line, headers, ragged: ragged(info, headers.length, delimiter) };
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    // (The separator it was read with: a quote that is no quote under
    // another separator says the file was taken for what it is not.)
    throw new InputError(`${file === '-' ? 'standard input' : file}: not valid CSV (read with ${SEPARATOR_NAMES[delimiter] || JSON.stringify(delimiter)}s between cells): ${e.message}`);
  }
}

/** A separator as an error names it. */
const SEPARATOR_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/**
 * "7 cells, the header has 6" for a row with more cells than its header, of
 * which one past the header holds a value (trailing empty cells, as
 * spreadsheets write them, do not count); else null. Such a row is the
 * commonest broken export, an unquoted comma ("No thanks, STOP"): its cells
 * past the header would be lost without a word, and with them a STOP.
 */
function ragged(info, columns, delimiter = ',') {
  const err = info.error;
  if (!err || err.code !== 'CSV_RECORD_INCONSISTENT_COLUMNS' || !Array.isArray(err.record)) return null;
  let cells = err.record.length;
  while (cells > columns && !err.record[cells - 1]) cells--;
  const mark = SEPARATOR_NAMES[delimiter] || JSON.stringify(delimiter);
  return cells > columns ? `${cells} cells, the header has ${columns}: a ${mark} in a cell not quoted?` : null;
}

async function* csvRecords(chunks, opts) {
  const map = opts.map || {};
  let column = null;
  for await (const { record, line, headers, ragged: cells } of csvRows(chunks, opts.file, opts.meter)) {
    if (!column) {
      column = columnFinder(map, resolveColumns(map, headers, '--map', opts.file), headers);
      refuseTwice(CONTACT_FIELDS, column, headers, opts.file);
      opts.columns = headers;
      opts.autoColumns = {};
      for (const f of CONTACT_FIELDS) {
        if (map[f] === undefined && column(f) !== undefined) opts.autoColumns[f] = column(f);
      }
    }
    const r = contactFromRow(record, column, line);
    // (The engine still reads the row: its id and other errors are named.)
    if (cells) r.problems = [{ path: '', message: cells }, ...(r.problems || [])];
    r.row = record;
    yield r;
  }
}

/**
 * NDJSON lines, or the elements of one JSON array (found by tracking strings and
 * nesting, so the array is never held whole); each with the line it starts on.
 * `mapper`, if given, makes the contact of each object record (`row` stays the
 * record as written).
 */
async function* jsonRecords(chunks, mapper) {
  const out = [];
  const splitter = recordSplitter((text, line, index) => out.push({ text, line, index }));
  // A record's place in the array is named only when another record starts
  // on its line (a pretty-printed array's line says which): the last one
  // split waits for the next to be known.
  let prevLine = null;
  const drain = function* (final) {
    const n = final ? out.length : out.length - 1;
    if (n <= 0) return;
    const batch = out.splice(0, n);
    for (let i = 0; i < batch.length; i++) {
      const r = batch[i];
      const { text, line } = r;
      const after = i + 1 < batch.length ? batch[i + 1] : out[0];
      const shared = line === prevLine || (after !== undefined && after.line === line);
      prevLine = line;
      const index = r.index !== undefined && shared ? r.index : undefined;
      let contact;
      try {
        contact = JSON.parse(text);
      } catch (e) {
        yield { line, index, error: `invalid JSON: ${e.message}`, text };
        continue;
      }
      yield { line, index, contact: mapper ? mapper(contact) : contact, row: contact };
    }
  };
  for await (const chunk of chunks) {
    splitter.push(chunk);
    yield* drain(false);
  }
  const { problems } = splitter.end();
  yield* drain(true);
  for (const p of problems) yield { line: p.line, error: p.message, structural: true };
}

/**
 * Splits NDJSON text into its lines, or one JSON array into its elements, as
 * the text comes: onRecord(text, line, index), `index` the element's place in
 * the array (from 1; undefined in NDJSON): `JSON.stringify` writes a whole
 * array on line 1, where the line alone does not say which record is meant.
 */
function recordSplitter(onRecord) {
  let mode = null; // 'ndjson' | 'array'
  let count = 0; // the array's elements so far
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
          if (start >= 0) onRecord(buf.slice(0, -1), startLine, ++count);
          start = -1; buf = ''; arrayDone = true;
        }
      } else if (ch === ',' && depth === 1) {
        if (start >= 0) onRecord(buf.slice(0, -1), startLine, ++count);
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
      // An array cut off after (or inside) its last element: that element is
      // read still, and a cut one is its own bad record, not lost unsaid.
      if (mode === 'array' && !arrayDone && start >= 0 && buf.trim()) {
        onRecord(buf, startLine, ++count);
        start = -1; buf = '';
      }
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
 * lines}), the problems found (line-numbered) and `auto`: {field: column (CSV)
 * or key (NDJSON)} of the event fields read by their names, not mapped. `map`
 * is the --events-map options, or their parseMap result; it applies to NDJSON
 * lines as to CSV columns (a mapped key no line has is an InputError, as a
 * mapped column the header lacks).
 */
/**
 * The `field` (contactId, a contact's id) a JSON record broken after it
 * names (`{"contactId":"c1","at":NaN}`): the first top-level key of the
 * field's spelling (as `folded`, or as `mapped`, the mapped column) with a
 * string or a number read before the break that holds a value. An empty or
 * blank one (`"contactId":""`, spaces, a tab, a no-break space) beside a
 * `Contact ID` is passed over, as the engine and the readable lines pass it.
 */
function brokenRecordId(text, field, mapped) {
  const want = folded(field);
  const value = /\s*:\s*("(?:[^"\\]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?![\w.]))/y;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    if (ch !== '"') continue;
    // A string: its end, then (a key of the record itself) its value.
    let j = i + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    if (j >= text.length) return undefined;
    const raw = text.slice(i, j + 1);
    i = j;
    if (depth !== 1) continue;
    value.lastIndex = j + 1;
    const m = value.exec(text);
    if (!m) continue;
    let key;
    let id;
    try {
      key = JSON.parse(raw);
      id = JSON.parse(m[1]);
    } catch {
      continue;
    }
    i = value.lastIndex - 1;
    const named = mapped !== undefined ? key === mapped : folded(key) === want;
    if (named && !noJsonValue(id)) return id;
  }
  return undefined;
}

async function readEvents(file, map) {
  if (map === undefined || Array.isArray(map)) map = parseMap(map, EVENT_FIELDS, '--events-map');
  const byId = new Map();
  const problems = [];
  const add = (id, event, line, from) => {
    if (noJsonValue(id)) {
      problems.push(`${file} line ${line}: no contactId: the event names no contact`);
      return;
    }
    // Past 2^53 a JSON number has lost digits: two ids of 19 digits read as
    // one, and the event would go to the other contact (as for the records'
    // ids, refused).
    if (typeof id === 'number' && !Number.isSafeInteger(id) && Number.isInteger(id)) {
      problems.push(`${file} line ${line}: contactId: a number of more than 2^53 (9007199254740991) has lost digits: write the id as a string`);
      return;
    }
    const key = unpadded(String(id)); // as idKey reads a contact's
    let e = byId.get(key);
    if (!e) byId.set(key, (e = { events: [], lines: [] }));
    e.events.push(event);
    e.lines.push(line);
    // (The columns or keys of another spelling the event's fields were read
    // from, for an error to name them.)
    if (from) (e.from ??= [])[e.lines.length - 1] = from;
  };
  let stream;
  try {
    stream = fs.createReadStream(file);
    await new Promise((resolve, reject) => { stream.once('open', resolve); stream.once('error', reject); });
  } catch (e) {
    throw new InputError(`--events: cannot read ${JSON.stringify(file)} (${e.code || e.message})`);
  }
  const meter = { bytes: 0 };
  const rest = textChunks(stream, meter);
  // The format by the extension, else (a `.txt`: Excel's "Unicode Text" of
  // an events sheet, a database's tab-separated export) by the first
  // character, as the contacts' is: a header is no JSON, and read as NDJSON
  // every line of it would be "invalid JSON", its STOPs unread.
  let first = '';
  for (let next; !first.trim() && !(next = await rest.next()).done;) first += next.value;
  const format = formatOf(file, undefined, (/\S/.exec(first) || [''])[0]);
  async function* chunks() {
    if (first) yield first;
    yield* rest;
  }
  const auto = {};
  const json = jsonReader(map, EVENT_FIELDS);
  if (format === 'csv') {
    let column = null;
    for await (const { record, line, headers, ragged: cells } of csvRows(chunks(), file, meter)) {
      if (!column) {
        column = columnFinder(map, resolveColumns(map, headers, '--events-map', file), headers);
        refuseTwice(EVENT_FIELDS, column, headers, file);
        for (const f of EVENT_FIELDS) {
          if (map[f] === undefined && column(f) !== undefined) auto[f] = column(f);
        }
        if (column('contactId') === undefined) {
          throw new InputError(`--events: ${file} has no contactId column (name one with --events-map contactId=<column>)`);
        }
      }
      if (cells) {
        // (A bad event line: it may have been a STOP.) Its contact, named in
        // a cell before the stray comma, is a bad record too: evaluated or
        // queued as if the line were not there, it would be texted.
        problems.push(`${file} line ${line}: ${cells}`);
        const id = column.cell(record, 'contactId');
        if (!noValue(id)) {
          const key = unpadded(String(id));
          let e = byId.get(key);
          if (!e) byId.set(key, (e = { events: [], lines: [] }));
          (e.bad ??= []).push({ line, message: cells });
        }
        continue;
      }
      // The row as a record of its columns, read as an NDJSON line's keys
      // are (`jsonReader`): every column goes to the engine, which reads
      // each alias it knows (a RingCentral export's `Subject`, the seed's
      // CRM's `Explain`) as it reads them in JSON, not only the fields
      // listed here. A cell that holds no value is not given.
      const obj = {};
      for (const h of headers) obj[h] = noValue(record[h]) ? undefined : record[h];
      const { contactId, ...event } = json.read(obj);
      for (const f of EVENT_FIELDS) {
        if (event[f] !== undefined) event[f] = cell(f, event[f]);
      }
      // (The contactId as every other field: an empty `contactId` cell
      // beside a `Contact ID` reads that one.)
      add(cell('contactId', contactId), event, line, json.from);
    }
  } else {
    for await (const r of jsonRecords(chunks(), json.read)) {
      if (r.error) {
        problems.push(`${file} line ${r.line}: ${r.error}`);
        // (A broken line may have been a STOP.) Its contact, named before the
        // break, is a bad record too, as for a ragged CSV line: evaluated or
        // queued as if the line were not there, it would be texted.
        const id = r.text === undefined ? undefined : brokenRecordId(r.text, 'contactId', map.contactId);
        if (id !== undefined) {
          const key = unpadded(String(id));
          let e = byId.get(key);
          if (!e) byId.set(key, (e = { events: [], lines: [] }));
          (e.bad ??= []).push({ line: r.line, message: r.error });
        }
        continue;
      }
      const ev = r.contact;
      if (!ev || typeof ev !== 'object' || Array.isArray(ev)) {
        problems.push(`${file} line ${r.line}: expected an event object`);
        continue;
      }
      const { contactId, ...event } = ev;
      add(contactId, event, r.line, json.from);
    }
    const missing = json.firstKeys !== null && missingKeys(map, json.found, '--events-map', file, json.firstKeys);
    if (missing) throw new InputError(missing);
    for (const [f, key] of json.spelled) auto[f] = key;
  }
  return { byId, problems, auto, format };
}

/**
 * The records' JSON text for the engine. A record whose own fields nest
 * deeper than JSON.stringify can write (V8 gives up some thousands of levels
 * down; JSON.parse read them) is written with every value below
 * `DEEPEST` levels as an empty list or object: the engine reads nothing that
 * deep (a contact, its events, an event, a field's value), so its answer is
 * the record's, where the whole run would otherwise stop.
 */
function contactsJson(contacts) {
  try {
    return JSON.stringify(contacts);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return `[${contacts.map((c) => JSON.stringify(cut(c, DEEPEST))).join(',')}]`;
  }
}
const DEEPEST = 64;

/** `v` with the lists and objects `depth` levels below it emptied (JSON's values only). */
function cut(v, depth) {
  if (v === null || typeof v !== 'object') return v;
  if (depth === 0) return Array.isArray(v) ? [] : {};
  if (typeof v.toJSON === 'function') return v;
  if (Array.isArray(v)) return v.map((x) => cut(x, depth - 1));
  const out = {};
  for (const k of Object.keys(v)) out[k] = cut(v[k], depth - 1);
  return out;
}

module.exports = { contactsJson, readContacts, readEvents, parseMap, recordSplitter, withoutBom, textOf, ownName, sourceOf, noValue, noJsonValue, emptyCell, emptyJson, InputError, UsageError, CONTACT_FIELDS, EVENT_FIELDS };
