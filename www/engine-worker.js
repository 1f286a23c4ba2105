// The engine's home: a module worker that holds the contacts and one Worklist,
// so evaluating 50,000 contacts never freezes the page. The page talks to it
// through engine.js (request/response messages, one at a time per request id).
import { Worklist, preset, plan, validatePlaybook, planQueue } from '../pkg/index.js';
import { generateContacts } from './generator.js';
import { STATUS_LABELS } from './labels.js';

// Contacts per upsertJson call while loading: each call reports progress.
// Fewer, larger calls load faster (each grows the module's memory and sets
// off its own collections): 50,000 contacts were shown after a median of
// 872 ms in chunks of 12,500 against 1,000 ms in chunks of 2,500, the two
// alternating in one hour.
const CHUNK = 12500;
const GROUPS = ['status', 'next', 'phase', 'allowed'];
let contacts = new Map(); // id -> the CRM record (the engine ignores the fields it does not read)
let order = []; // ids in generation order
let playbook = null;
let now = null;
let worklist = null;
let dueKeys = null; // id -> due time (ms), for sorting by due; forgotten when evaluations change

function progress(requestId, label, done, total) {
  postMessage({ id: requestId, progress: { label, done, total } });
}

/** A new Worklist for `playbook`, filled in chunks (progress after each). */
function rebuild(requestId) {
  if (worklist) worklist.free();
  worklist = new Worklist(playbook, now);
  dueKeys = null;
  const errors = [];
  for (let i = 0; i < order.length; i += CHUNK) {
    const part = order.slice(i, i + CHUNK).map((id) => contacts.get(id));
    for (const e of worklist.upsertJson(JSON.stringify(part))) errors.push(e);
    progress(requestId, 'Evaluating contacts', Math.min(order.length, i + CHUNK), order.length);
  }
  return errors;
}

/** Re-evaluates changed contacts (by id). */
function upsert(changed) {
  const errors = worklist.upsert(changed);
  if (dueKeys) for (const c of changed) dueKeys.delete(c.id);
  return errors;
}

function summary(id) {
  const ev = worklist.get(id);
  const c = contacts.get(id);
  if (!ev) return { id, missing: true };
  const n = ev.next;
  return {
    id,
    name: c.name,
    displayName: ev.displayName,
    phone: c.phone,
    city: c.city,
    list: c.list,
    region: c.region,
    timeZone: ev.timeZone,
    status: ev.status,
    statusLabel: ev.statusLabel,
    stage: ev.stage,
    priority: ev.priority,
    phaseLabel: ev.campaign ? ev.campaign.phaseLabel : null,
    next: n ? { label: n.label, channel: n.channel, dueAt: n.dueAt, due: n.due, overdue: n.overdue } : null,
    done: ev.done ? ev.done.label : null,
    allowed: { sms: ev.channels.sms.allowed, call: ev.channels.call.allowed, email: ev.channels.email.allowed },
  };
}

// ---- Search: the engine matches names and ids; a rep also types phone numbers and cities.

function searchIds(text) {
  const t = text.trim().toLowerCase();
  const digits = t.replace(/\D/g, '');
  const hits = new Set();
  for (const [id, c] of contacts) {
    const phone = (c.phone || '').replace(/\D/g, '');
    if (String(id).toLowerCase().includes(t) || (c.name || '').toLowerCase().includes(t) || (c.city || '').toLowerCase().includes(t)
      || (digits.length >= 3 && phone.includes(digits))) hits.add(id);
  }
  return hits;
}

/** Facet counts of `filter` among `hits` (a search): one query per facet value. */
function facetsAmong(filter, hits) {
  const all = worklist.facets(filter);
  const out = {};
  for (const g of GROUPS) {
    out[g] = {};
    for (const [v, n] of Object.entries(all[g] || {})) {
      const excluded = filter[g] && filter[g].length && !filter[g].includes(v);
      out[g][v] = n === 0 || excluded ? 0 : worklist.query({ ...filter, [g]: [v] }).filter((id) => hits.has(id)).length;
    }
  }
  return out;
}

/** Counts per group; a group with a selection is counted without it, so its other values stay clickable. */
function facetsFor(filter, hits) {
  const count = (f) => (hits ? facetsAmong(f, hits) : worklist.facets(f));
  const all = count(filter);
  for (const g of GROUPS) {
    if (filter[g] && filter[g].length) {
      const rest = { ...filter };
      delete rest[g];
      all[g] = count(rest)[g];
    }
  }
  return all;
}

// ---- Sorting by a column (the default is the engine's work order).


/** Ids grouped by the values of a facet, each group in work order: a sort without reading every evaluation. */
function groupedBy(group, values, filter, ids) {
  const keep = new Set(ids);
  const out = [];
  for (const v of values) for (const id of worklist.query({ ...filter, [group]: [v] })) if (keep.has(id)) out.push(id);
  return out;
}

const text = (f) => (a, b) => String(f(a)).localeCompare(String(f(b)));

function sortIds(ids, sort, filter, facets) {
  if (!sort) return ids;
  let sorted;
  switch (sort.key) {
    case 'name': sorted = [...ids].sort(text((id) => contacts.get(id).name || '')); break;
    case 'city': sorted = [...ids].sort(text((id) => contacts.get(id).city || '')); break;
    case 'status': sorted = groupedBy('status', Object.keys(STATUS_LABELS).filter((s) => facets.status[s]).sort(text((s) => STATUS_LABELS[s])), filter, ids); break;
    // Labels A to Z, then the contacts with no next action.
    case 'next': sorted = groupedBy('next', Object.keys(facets.next).filter((v) => facets.next[v]).sort((a, b) => (a === 'none') - (b === 'none') || a.localeCompare(b)), filter, ids); break;
    case 'due': {
      if (!dueKeys) dueKeys = new Map();
      const key = (id) => {
        if (!dueKeys.has(id)) {
          const ev = worklist.get(id);
          dueKeys.set(id, ev && ev.next ? Date.parse(ev.next.dueAt) : Infinity);
        }
        return dueKeys.get(id);
      };
      sorted = [...ids].sort((a, b) => key(a) - key(b));
      break;
    }
    default: return ids;
  }
  return sort.dir === 'desc' ? sorted.reverse() : sorted;
}

function addMonths(iso, days) {
  return new Date(Date.parse(iso) + days * 86400000).toISOString();
}

function detail(id) {
  const c = contacts.get(id);
  if (!c) throw new Error(`no contact with id ${id}`);
  const evaluation = worklist.get(id);
  let dryRun = [];
  let planError = null;
  try {
    dryRun = plan(c, playbook, now, addMonths(now, 62));
  } catch (e) {
    planError = e.message;
  }
  return { contact: c, evaluation, plan: dryRun, planError };
}

/** Applies a contact edit ({region?, timeZone?}: null removes the field). */
function edited(c, edit) {
  const next = { ...c };
  for (const [k, v] of Object.entries(edit)) {
    if (v === null || v === '') delete next[k];
    else next[k] = v;
  }
  return next;
}

const handlers = {
  /** Generates the contacts, applies the page's saved events and edits, evaluates at `now`. */
  init(p, requestId) {
    const t0 = performance.now();
    playbook = p.playbook;
    now = p.now;
    validatePlaybook(playbook);
    progress(requestId, 'Generating contacts', 0, p.size);
    contacts = new Map();
    order = [];
    for (const { contact } of generateContacts(p.size, p.seed)) {
      contacts.set(contact.id, contact);
      order.push(contact.id);
    }
    performance.mark('contacts-ready'); // the data is ready (make bench times the first rows shown from here)
    let applied = 0;
    for (const [id, edit] of Object.entries(p.edits || {})) {
      if (contacts.has(id)) contacts.set(id, edited(contacts.get(id), edit));
    }
    for (const { contactId, event } of p.added || []) {
      const c = contacts.get(contactId);
      if (c) {
        c.events = [...c.events, event];
        applied++;
      }
    }
    const errors = rebuild(requestId);
    return { size: worklist.size, applied, errors, ms: Math.round(performance.now() - t0) };
  },
  setPlaybook(p, requestId) {
    validatePlaybook(p.playbook);
    playbook = p.playbook;
    rebuild(requestId);
    return { size: worklist.size };
  },
  refresh(p) {
    now = p.now;
    const t0 = performance.now();
    const changed = worklist.refresh(now);
    dueKeys = null;
    return { changed, ms: Math.round(performance.now() - t0) };
  },
  view(p) {
    const t0 = performance.now();
    const { text, ...filter } = p.filter;
    const hits = text && text.trim() ? searchIds(text) : null;
    let ids = worklist.query(filter);
    if (hits) ids = ids.filter((id) => hits.has(id));
    const facets = facetsFor(filter, hits);
    ids = sortIds(ids, p.sort, filter, facets);
    return { ids, facets, total: worklist.size, ms: Math.round(performance.now() - t0) };
  },
  rows(p) {
    return p.ids.map(summary);
  },
  detail(p) {
    return detail(p.id);
  },
  /** Appends an event to a contact and re-upserts it; answers with its new detail. */
  addEvent(p) {
    const c = contacts.get(p.id);
    if (!c) throw new Error(`no contact with id ${p.id}`);
    const next = { ...c, events: [...c.events, p.event] };
    const errors = upsert([next]);
    if (errors.length) throw new Error(errors[0].error);
    contacts.set(p.id, next);
    return detail(p.id);
  },
  /** Edits a contact's own fields (region, time zone) and re-upserts it. */
  editContact(p) {
    const c = contacts.get(p.id);
    if (!c) throw new Error(`no contact with id ${p.id}`);
    const next = edited(c, p.edit);
    const errors = upsert([next]);
    if (errors.length) {
      upsert([c]);
      throw new Error(errors[0].error);
    }
    contacts.set(p.id, next);
    return detail(p.id);
  },
  /**
   * The sender: sends every automatic step that is due (Worklist filter autoDue),
   * as the host's gateway would, marking each message with its step; repeats while
   * a send makes the next one due. Answers with the events it added.
   */
  sendDue() {
    const sent = [];
    for (let round = 0; round < 50; round++) {
      const changed = [];
      for (const id of worklist.query({ autoDue: true })) {
        const auto = worklist.get(id).nextAuto;
        if (!auto || !auto.due) continue;
        const event = { kind: 'message', at: now, channel: auto.channel, direction: 'out', step: auto.stepId, text: `${auto.label} (sent automatically)` };
        const c = contacts.get(id);
        const next = { ...c, events: [...c.events, event] };
        contacts.set(id, next);
        changed.push(next);
        sent.push({ contactId: id, event, name: c.name });
      }
      if (!changed.length) break;
      upsert(changed);
    }
    return { sent };
  },
  /** The call queue: contacts whose next action is a call, planned over a daily capacity. */
  queue(p) {
    const items = [];
    for (const id of order) {
      const ev = worklist.get(id);
      if (ev && ev.next && ev.next.channel === 'call') items.push({ id, priority: ev.priority, dueAt: ev.next.dueAt });
    }
    const planned = planQueue(items, { capacityPerDay: p.capacityPerDay, timeZone: p.timeZone, from: now });
    const days = new Map();
    for (const it of planned) days.set(it.plannedFor, (days.get(it.plannedFor) || 0) + 1);
    const first = planned.slice(0, p.limit || 200).map((it) => ({ ...it, row: summary(it.id) }));
    return { total: items.length, days: [...days.entries()].slice(0, 14), first, deferred: planned.filter((x) => x.deferredDays > 0).length };
  },
  validate(p) {
    validatePlaybook(p.playbook);
    return true;
  },
  preset(p) {
    return preset(p.name);
  },
};

onmessage = (e) => {
  const { id, type, payload } = e.data;
  try {
    const result = handlers[type](payload || {}, id);
    postMessage({ id, result });
  } catch (err) {
    postMessage({ id, error: { message: err && err.message ? err.message : String(err), path: err && err.path, errors: err && err.errors } });
  }
};
postMessage({ ready: true });
