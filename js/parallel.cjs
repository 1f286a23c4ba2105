'use strict';
// evaluateMany spread over worker_threads: one WebAssembly instance per worker.
//
//   const { evaluateManyParallel } = require('cadence-engine/parallel');
//   const results = await evaluateManyParallel(contacts, playbook, now, { workers: 4, explain: false });
//
// The result equals evaluateMany(contacts, playbook, now): same order, and a bad
// contact yields the same {id, error, code, path} (paths count from the start of
// the whole array, not of a worker's share). A bad playbook or `now` rejects with
// the Error evaluateMany throws.
//
// createPool() keeps the workers for many batches (the command-line tool uses it).

const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** The Node build of the engine: beside this file in the package, or pkg/node in the repository. */
function enginePath() {
  const candidates = [
    path.join(__dirname, 'cadence_engine.js'),
    path.join(__dirname, '..', 'pkg', 'node', 'cadence_engine.js'),
  ];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`cadence-engine: the engine build was not found (looked in ${candidates.join(', ')})`);
  return found;
}

function defaultWorkers() {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, n);
}

/** An Error carried across threads as plain data, rebuilt on the other side. */
function errorData(e) {
  return { message: String(e && e.message || e), code: e && e.code, path: e && e.path };
}
function rebuildError(d) {
  const e = new Error(d.message);
  if (d.code !== undefined) e.code = d.code;
  if (d.path !== undefined) e.path = d.path;
  return e;
}

/** Renumbers `contacts[i]` in a batch error to the index in the whole array. */
function shiftIndex(item, local, global) {
  if (!item || typeof item.error !== 'string' || local === global) return item;
  const from = `contacts[${local}]`;
  const to = `contacts[${global}]`;
  const shift = (p) => (typeof p === 'string' && p.startsWith(from) ? to + p.slice(from.length) : p);
  const out = { ...item };
  // The message lists every bad field of the record, each behind its path.
  out.error = out.error.split('; ').map(shift).join('; ');
  out.path = shift(out.path);
  if (Array.isArray(out.errors)) out.errors = out.errors.map((e) => ({ ...e, path: shift(e.path) }));
  return out;
}

/**
 * A pool of workers. Each job is {contacts, playbook, now, offset, mode}; the
 * worker answers with the results of evaluateMany (mode "full") or with a
 * compact summary per contact (mode "summary").
 */
function createPool(options = {}) {
  const size = Math.max(1, Math.floor(options.workers || defaultWorkers()));
  const engine = enginePath();
  const idle = [];
  const all = [];
  const waiting = [];
  let nextId = 0;
  const pending = new Map();
  let closed = false;

  function spawn() {
    const w = new Worker(__filename, { workerData: { engine } });
    w.on('message', (msg) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      release(w);
      if (msg.error) p.reject(rebuildError(msg.error));
      else p.resolve(msg.results);
    });
    w.on('error', (e) => {
      for (const [id, p] of pending) {
        if (p.worker === w) {
          pending.delete(id);
          p.reject(e);
        }
      }
    });
    all.push(w);
    return w;
  }

  function acquire() {
    if (idle.length) return Promise.resolve(idle.pop());
    if (all.length < size) return Promise.resolve(spawn());
    return new Promise((resolve) => waiting.push(resolve));
  }
  function release(w) {
    if (closed) return;
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  }

  return {
    size,
    /** Runs one job on the next free worker; resolves with its results. */
    async run(job) {
      if (closed) throw new Error('cadence-engine: the pool is closed');
      const w = await acquire();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: w });
        w.postMessage({ id, ...job });
      });
    },
    /** Stops every worker (call it when done: live workers keep the process running). */
    async close() {
      closed = true;
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

/**
 * evaluateMany over worker_threads. Resolves with one result per contact, in
 * input order; `workers` defaults to the number of CPUs.
 */
async function evaluateManyParallel(contacts, playbook, now, options = {}) {
  if (!Array.isArray(contacts)) {
    const e = new Error('contacts: expected an array of contacts');
    e.code = 'E_INVALID_INPUT';
    e.path = 'contacts';
    throw e;
  }
  const given = options ?? {};
  const workers = count(given, 'workers', defaultWorkers());
  const chunkSize = count(given, 'chunkSize', Math.max(1, Math.min(2000, Math.ceil(contacts.length / workers))));
  // The rest are evaluateMany's options, read as strictly as it reads them
  // (`explian: false`, `explain: "no"` are errors, not explain left on).
  const { workers: _w, chunkSize: _c, ...rest } = typeof given === 'object' ? given : { explain: given };
  // A bad playbook, `now` or option throws here, as evaluateMany throws it;
  // then both cross to the workers as plain data (a structured clone refuses
  // a reactive store's Proxy, a toJSON or a method, which evaluateMany reads).
  const engine = require(enginePath());
  engine.evaluateMany([], playbook, now, rest);
  const explain = rest.explain !== false;
  const book = typeof playbook === 'string' ? playbook : JSON.stringify(playbook);
  const at = plainTime(now);
  if (contacts.length === 0) return [];
  const pool = createPool({ workers: Math.min(workers, Math.ceil(contacts.length / chunkSize)) });
  try {
    const jobs = [];
    // Records JSON cannot carry as evaluateMany reads them, evaluated here.
    const here = [];
    for (let offset = 0; offset < contacts.length; offset += chunkSize) {
      const { json, indexes, aside } = chunkText(contacts, offset, Math.min(contacts.length, offset + chunkSize));
      for (const i of aside) here.push(i);
      if (indexes.length > 0) {
        jobs.push(pool.run({ mode: 'full', json, playbook: book, now: at, offset, indexes, explain }));
      }
    }
    const results = new Array(contacts.length);
    for (const i of here) {
      results[i] = shiftIndex(engine.evaluateMany([contacts[i]], playbook, now, { explain })[0], 0, i);
    }
    for (const part of await Promise.all(jobs)) {
      for (const r of part) results[r.index] = r.result;
    }
    return results;
  } finally {
    await pool.close();
  }
}

/** `options[name]`, a count of at least 1 (a fraction rounded up), or `fallback` when not given. */
function count(options, name, fallback) {
  const v = options[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    const e = new Error(`options.${name}: expected a number of at least 1, got ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
    e.code = 'E_INVALID_INPUT';
    e.path = `options.${name}`;
    throw e;
  }
  return Math.ceil(v);
}

/** A time the engine read as `now`, as plain data for a worker: a Date by its milliseconds, a date library's object by its number or its JSON text. */
function plainTime(now) {
  if (now instanceof Date) return now.getTime();
  if (now !== null && typeof now === 'object') {
    if (typeof now.epochMilliseconds === 'number') return now.epochMilliseconds;
    if (typeof now.toJSON === 'function') return now.toJSON();
  }
  return now;
}

/**
 * A chunk of contacts as the JSON text a worker reads, with each record's
 * index in the whole array, and the indexes of the records set aside to be
 * evaluated on this thread. A worker gets the text evaluateMany reads (a
 * structured clone refuses a record that carries a method and strips the
 * toJSON of a date library's time or a Decimal, which evaluateMany reads).
 * JSON cannot carry some records as evaluateMany reads them: a BigInt or a
 * cycle (JSON.stringify throws: evaluateMany reads those itself), and NaN,
 * Infinity, an invalid Date or a hole in an array (JSON writes null, where
 * evaluateMany names what it got). Those are set aside; text with no null
 * has none of the second kind, so most chunks are written once.
 */
function chunkText(contacts, from, to) {
  const slice = contacts.slice(from, to);
  let json;
  try {
    json = JSON.stringify(slice);
  } catch {
    json = undefined;
  }
  if (json !== undefined && !json.includes('null')) {
    return { json, indexes: slice.map((_, i) => from + i), aside: [] };
  }
  const kept = [];
  const texts = [];
  const aside = [];
  // (An index loop: a hole in the array is a contact to report too.)
  for (let i = from; i < to; i++) {
    const c = contacts[i];
    let bad = false;
    let text;
    try {
      text = JSON.stringify(c, function (key, v) {
        const own = this[key];
        if ((typeof v === 'number' && !Number.isFinite(v))
          || (own instanceof Date && Number.isNaN(own.getTime()))
          || (Array.isArray(this) && (v === undefined || typeof v === 'function' || typeof v === 'symbol'))) {
          bad = true;
        }
        return v;
      });
    } catch {
      bad = true;
    }
    if (bad || text === undefined) {
      aside.push(i);
    } else {
      kept.push(i);
      texts.push(text);
    }
  }
  return { json: `[${texts.join(',')}]`, indexes: kept, aside };
}

// ---- the worker side ----------------------------------------------------------

/** The few fields a queue needs from an evaluation. */
function summary(ev) {
  if (ev.error !== undefined) return ev;
  const n = ev.next;
  return {
    id: ev.id,
    status: ev.status,
    statusLabel: ev.statusLabel,
    displayName: ev.displayName,
    priority: ev.priority,
    stage: ev.stage,
    timeZone: ev.timeZone,
    next: n ? { kind: n.kind, label: n.label, channel: n.channel, dueAt: n.dueAt, due: n.due, overdue: n.overdue } : null,
    // (When the next action's channel opens: a queue plans no earlier.)
    channels: ev.channels,
  };
}

function workerMain() {
  const engine = require(workerData.engine);
  parentPort.on('message', (job) => {
    try {
      // Contacts as objects, or as the JSON text of an array (the command-line
      // tool's batches: the engine reads the text as it is).
      // `explain` as evaluateMany's option: on unless a job says false.
      const options = { explain: job.explain !== false };
      const evaluated = job.json !== undefined
        ? JSON.parse(engine.evaluateManyJson(job.json, job.playbook, job.now, options))
        : engine.evaluateMany(job.contacts, job.playbook, job.now, options);
      const results = evaluated.map((r, i) => {
        // (Each result with its index in the whole array, when the job says.)
        const index = job.indexes ? job.indexes[i] : (job.offset || 0) + i;
        const shifted = shiftIndex(r, i, index);
        const result = job.mode === 'summary' ? summary(shifted) : shifted;
        return job.indexes ? { index, result } : result;
      });
      parentPort.postMessage({ id: job.id, results });
    } catch (e) {
      parentPort.postMessage({ id: job.id, error: errorData(e) });
    }
  });
}

if (!isMainThread && workerData && workerData.engine) workerMain();

module.exports = { evaluateManyParallel, createPool };
