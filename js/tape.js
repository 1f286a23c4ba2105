// The module's own JS. `decodeTape` builds a result from the tape src/tape/
// writes (see src/tape/mod.rs for the layout): the values JSON.parse makes of
// serde_json's text, without a text. The views are of the module's memory and
// read before it returns. `stringifyLenient` is at the end.

const NULL = 0, TRUE = 1, FALSE = 2, INT = 3, NUM = 4, STR = 5, LIST = 6, OBJECT = 7;
const WIDE = 0x80000000;

// One function a list of keys, `(r) => ({k1: r(), k2: r(), ...})`: an object
// literal gets its final hidden class at once, three times faster than
// adding keys one by one. Kept across calls (a result has a few dozen lists
// of keys); where a page's content security policy forbids compiling,
// objects are built key by key.
const makers = new Map();
const MAKERS_MAX = 4096;
let compiling = true;

function maker(keys) {
  const id = keys.join('\u0000');
  let m = makers.get(id);
  if (m !== undefined) return m;
  m = null;
  if (compiling) {
    const fields = keys.map((k) => (k === '__proto__' ? '["__proto__"]' : JSON.stringify(k)) + ': r()');
    try {
      m = new Function('r', `return {${fields.join(', ')}};`);
    } catch {
      compiling = false;
      m = null;
    }
  }
  if (makers.size < MAKERS_MAX) makers.set(id, m);
  return m;
}

function keyByKey(keys, r) {
  const o = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === '__proto__') {
      Object.defineProperty(o, k, { value: r(), writable: true, enumerable: true, configurable: true });
    } else {
      o[k] = r();
    }
  }
  return o;
}

// The texts are views of the module's memory: the ASCII one as bytes, the
// other as UTF-16 units. Node copies them into strings (Buffer's latin1 and
// utf16le) where TextDecoder would decode them: 5 MB of sentences with an en
// dash in 0.5 ms against 9.7 as UTF-8 (Node 20); browsers decode them.
const NodeBuffer =
  typeof globalThis.process?.versions?.node === 'string' && typeof globalThis.Buffer?.from === 'function'
    ? globalThis.Buffer
    : null;
let utf8 = null;
let utf16 = null;

function asciiText(bytes) {
  if (bytes.length === 0) return '';
  if (NodeBuffer !== null) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  utf8 ??= new TextDecoder();
  return utf8.decode(bytes);
}

function wideText(units) {
  if (units.length === 0) return '';
  if (NodeBuffer !== null) return NodeBuffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
  utf16 ??= new TextDecoder('utf-16le');
  return utf16.decode(units);
}

export function decodeTape(ops, nums, asciiBytes, wideUnits, spans, shapes) {
  const ascii = asciiText(asciiBytes);
  const wide = wideText(wideUnits);
  const strings = new Array(spans.length >> 1);
  for (let i = 0, j = 0; j < spans.length; i++, j += 2) {
    const start = spans[j], end = spans[j + 1];
    strings[i] = start >= WIDE ? wide.slice(start - WIDE, end) : ascii.slice(start, end);
  }
  const kinds = [];
  for (let j = 0; j < shapes.length; ) {
    const n = shapes[j++];
    const keys = new Array(n);
    for (let k = 0; k < n; k++) keys[k] = strings[shapes[j++]];
    const m = maker(keys);
    kinds.push(m === null ? (r) => keyByKey(keys, r) : m);
  }
  let p = 0;
  const r = () => {
    switch (ops[p++]) {
      case NULL: return null;
      case TRUE: return true;
      case FALSE: return false;
      case INT: return ops[p++];
      case NUM: return nums[ops[p++]];
      case STR: return strings[ops[p++]];
      case LIST: {
        const n = ops[p++];
        const a = new Array(n);
        for (let i = 0; i < n; i++) a[i] = r();
        return a;
      }
      case OBJECT: return kinds[ops[p++]](r);
      default: throw new Error(`cadence-engine: a result's tape is damaged at ${p - 1}`);
    }
  };
  return r();
}

// `JSON.stringify` of a contact record whose plain stringify threw: a BigInt
// (an ORM's BIGINT column) becomes its number, or its digits as a string past
// 2^53, and a reference back to an object it is inside (an ORM's
// back-reference) is left out, as is a value nested deeper than `DEEP` (the
// engine reads nothing below a few levels; JSON.stringify overflows the stack
// some thousands of levels down). A property whose getter throws (an ORM's
// lazy relation read outside its session), or whose value's toJSON throws, becomes `UNREADABLE`: ignored where
// the engine does not read, and an error at its path where it does ("expected
// a string, got an object"). A record's fields the engine does not read are
// ignored, never an error (those it reads are then read as usual).
const DEEP = 64;
const UNREADABLE = Object.freeze({ unreadable: 'its getter threw' });

export function stringifyLenient(value) {
  // The objects the value being written is inside, as `this` will hold them
  // (an object with getters is written as a copy), and as they were.
  const holders = [];
  const originals = [];
  return JSON.stringify(value, function (key, v) {
    while (holders.length > 0 && holders[holders.length - 1] !== this) {
      holders.pop();
      originals.pop();
    }
    if (typeof v === 'bigint') {
      const n = Number(v);
      return Number.isSafeInteger(n) ? n : v.toString();
    }
    if (v !== null && typeof v === 'object') {
      if (originals.includes(v) || holders.length >= DEEP) return undefined;
      const copy = Array.isArray(v) ? v : readable(v);
      holders.push(copy);
      originals.push(v);
      return copy;
    }
    return v;
  });
}

// `v`, or a copy of its own enumerable properties with `UNREADABLE` for those
// whose getter throws.
function readable(v) {
  let copy = null;
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    let x;
    try {
      x = v[k];
      // JSON.stringify calls a value's toJSON before this replacer sees it.
      if (x !== null && typeof x === 'object' && typeof x.toJSON === 'function') x.toJSON(k);
    } catch {
      x = UNREADABLE;
    }
    if (x === UNREADABLE && copy === null) {
      copy = {};
      for (let j = 0; j < i; j++) define(copy, keys[j], v[keys[j]]);
    }
    if (copy !== null) define(copy, k, x);
  }
  return copy ?? v;
}

function define(o, k, x) {
  Object.defineProperty(o, k, { value: x, writable: true, enumerable: true, configurable: true });
}

/** The most items an array argument holds (src/wasm/convert.rs). */
const MOST_ITEMS = 2 ** 24;

// The first value in `value` that JSON.stringify would turn into null or
// leave out, where a rule's input (a playbook, a filter, options) must not
// lose it: NaN, ±Infinity, a function, a symbol. `[path, what]`, the path as
// the engine writes it under `path` ("playbook.frequencyCap.max",
// "playbook.steps[0].day"), or null. Values with a toJSON (a Date) are left
// to JSON.stringify.
export function firstLost(value, path) {
  const seen = new Set();
  // What was lost, and the keys down to it, pushed on the way back up: no
  // path is built for the values that are fine.
  let what = null;
  const keys = [];
  const walk = (v, depth) => {
    if (typeof v === 'number' && !Number.isFinite(v)) what = String(v);
    else if (typeof v === 'function') what = 'a function';
    else if (typeof v === 'symbol') what = 'a symbol';
    if (what !== null) return true;
    if (v === null || typeof v !== 'object' || seen.has(v) || depth > DEEP) return false;
    if (typeof v.toJSON === 'function') return false;
    seen.add(v);
    if (Array.isArray(v)) {
      // Longer than any argument needs (src/wasm/convert.rs, MOST_ITEMS): a
      // sparse array whose length was set is not walked for minutes.
      if (v.length > MOST_ITEMS) {
        what = `an array of length ${v.length} (at most ${MOST_ITEMS} items)`;
        return true;
      }
      for (let i = 0; i < v.length; i++) if (walk(v[i], depth + 1)) return keys.push(i) > 0;
      return false;
    }
    for (const k of Object.keys(v)) if (walk(v[k], depth + 1)) return keys.push(k) > 0;
    return false;
  };
  if (!walk(value, 0)) return null;
  let at = path;
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i];
    at = typeof k === 'number' ? `${at}[${k}]` : at === '' ? k : `${at}.${k}`;
  }
  return [at, what];
}
