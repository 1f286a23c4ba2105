// The engine's home: a module worker that holds the contacts and one Worklist,
// so evaluating 50,000 contacts never freezes the page. The page talks to it
// through engine.js (request/response messages, one at a time per request id).
import { Worklist, preset, plan, validatePlaybook, planQueue } from '../pkg/index.js';
import { generateContacts } from './generator.js';

const CHUNK = 2500;
let contacts = new Map(); // id -> engine contact
let extras = new Map(); // id -> {phone, city, list}
let order = []; // ids in generation order
let playbook = null;
let now = null;
let worklist = null;

function progress(requestId, label, done, total) {
  postMessage({ id: requestId, progress: { label, done, total } });
}

/** A new Worklist for `playbook`, filled in chunks (progress after each). */
function rebuild(requestId) {
  if (worklist) worklist.free();
  worklist = new Worklist(playbook, now);
  const errors = [];
  for (let i = 0; i < order.length; i += CHUNK) {
    const part = order.slice(i, i + CHUNK).map((id) => contacts.get(id));
    for (const e of worklist.upsertJson(JSON.stringify(part))) errors.push({ ...e, id: e.id });
    progress(requestId, 'Evaluating contacts', Math.min(order.length, i + CHUNK), order.length);
  }
  return errors;
}

function summary(id) {
  const ev = worklist.get(id);
  const c = contacts.get(id);
  const x = extras.get(id) || {};
  if (!ev) return { id, missing: true };
  const n = ev.next;
  return {
    id,
    name: c.name,
    displayName: ev.displayName,
    phone: x.phone,
    city: x.city,
    list: x.list,
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

const GROUPS = ['status', 'next', 'phase', 'allowed'];

/** Counts per group; a group with a selection is counted without it, so its other values stay clickable. */
function facetsFor(filter) {
  const all = worklist.facets(filter);
  for (const g of GROUPS) {
    if (filter[g] && filter[g].length) {
      const rest = { ...filter };
      delete rest[g];
      all[g] = worklist.facets(rest)[g];
    }
  }
  return all;
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
  return { contact: c, extra: extras.get(id) || {}, evaluation, plan: dryRun, planError };
}

const handlers = {
  /** Generates the contacts, applies the events saved in the page, evaluates at `now`. */
  init(p, requestId) {
    const t0 = performance.now();
    playbook = p.playbook;
    now = p.now;
    validatePlaybook(playbook);
    progress(requestId, 'Generating contacts', 0, p.size);
    const generated = generateContacts(p.size, p.seed);
    contacts = new Map();
    extras = new Map();
    order = [];
    for (const { contact, extra } of generated) {
      contacts.set(contact.id, contact);
      extras.set(contact.id, extra);
      order.push(contact.id);
    }
    let applied = 0;
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
    return { changed, ms: Math.round(performance.now() - t0) };
  },
  view(p) {
    const t0 = performance.now();
    const ids = worklist.query(p.filter);
    const facets = facetsFor(p.filter);
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
    const errors = worklist.upsert([next]);
    if (errors.length) throw new Error(errors[0].error);
    contacts.set(p.id, next);
    return detail(p.id);
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
    postMessage({ id, error: { message: err && err.message ? err.message : String(err), path: err && err.path } });
  }
};
postMessage({ ready: true });
