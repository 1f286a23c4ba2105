// The page: wires the engine worker, the page's storage and the views.
// URL parameters: ?size=<contacts> (default 50,000) and ?seed=<n> (default 42).
// "Today" is a date and time in the office's zone (New York); every contact's
// local times are the engine's, in the contact's own zone.
import { Engine } from './engine.js';
import { Storage } from './storage.js';
import { Sidebar } from './sidebar.js';
import { ContactTable } from './table.js';
import { ContactPanel } from './panel.js';
import { CallQueue } from './queue.js';
import { PlaybookEditor } from './playbook.js';
import { zonedToIso } from './labels.js';

const $ = (sel) => document.querySelector(sel);
const params = new URLSearchParams(location.search);
const size = Math.max(1, Math.min(200000, Number(params.get('size')) || 50000));
const seed = Number(params.get('seed')) || 42;
const OFFICE_ZONE = 'America/New_York';

const state = { filter: {}, sort: null, wall: '2026-11-12T10:00', selected: null, added: [], edits: {} };
const nowIso = () => zonedToIso(state.wall, OFFICE_ZONE);

const engine = new Engine();
let storage;
const status = (msg) => { $('#status-line').textContent = msg; };

// Operations run one after another; <html data-state> says "busy" while any is pending.
let chain = Promise.resolve();
let pendingOps = 0;
function run(fn) {
  pendingOps++;
  document.documentElement.dataset.state = 'busy';
  const p = chain.then(fn).catch((e) => {
    status(`Error: ${e.message}`);
    console.warn(e);
  }).finally(() => {
    if (--pendingOps === 0) document.documentElement.dataset.state = 'ready';
  });
  chain = p;
  return p;
}

const sidebar = new Sidebar($('#sidebar'), {
  onToggle: (group, value) => {
    const cur = new Set(state.filter[group] || []);
    if (cur.has(value)) cur.delete(value); else cur.add(value);
    if (cur.size) state.filter[group] = [...cur]; else delete state.filter[group];
    run(() => updateView());
  },
  onDue: (due) => {
    if (due === undefined) delete state.filter.due; else state.filter.due = due;
    run(() => updateView());
  },
});
const table = new ContactTable($('#table'), {
  loadRows: (ids) => engine.call('rows', { ids }),
  onSelect: (id) => run(() => select(id)),
  onSort: (sort) => {
    state.sort = sort;
    run(() => updateView());
  },
});
const panel = new ContactPanel($('#panel'), {
  now: nowIso,
  onEvent: (id, event) => run(() => addEvent(id, event)),
  onEdit: (id, edit) => run(() => editContact(id, edit)),
});
const queue = new CallQueue($('#queue'), {
  plan: (opts) => run(() => engine.call('queue', opts)),
  onSelect: (id) => run(() => select(id)),
});
const editor = new PlaybookEditor({
  select: $('#playbook-select'), editButton: $('#playbook-edit'), dialog: $('#playbook-dialog'),
  textarea: $('#playbook-json'), error: $('#playbook-error'), applyButton: $('#playbook-apply'),
}, {
  getPreset: (name) => engine.call('preset', { name }),
  validate: (pb) => engine.call('validate', { playbook: pb }),
  apply: (pb, name) => run(async () => {
    status('Applying the playbook…');
    await engine.call('setPlaybook', { playbook: pb });
    editor.setCurrent(pb, name);
    await storage.set('playbook', { name, playbook: pb });
    await sendDue();
    await updateView({ keepScroll: true });
    if (state.selected) await select(state.selected);
    status(`Playbook: ${pb.name}`);
  }),
});

async function updateView({ keepScroll = false } = {}) {
  const v = await engine.call('view', { filter: state.filter, sort: state.sort });
  sidebar.render(v.facets, state.filter);
  table.setIds(v.ids, { keepScroll, sort: state.sort });
  $('#result-count').textContent = `${v.ids.length.toLocaleString('en-US')} of ${v.total.toLocaleString('en-US')} contacts`;
  $('#result-count').dataset.count = v.ids.length;
  if (!$('#queue').hidden) queue.refresh();
}

async function select(id) {
  state.selected = id;
  table.select(id);
  const detail = await engine.call('detail', { id });
  renderPanel(detail);
}

function renderPanel(detail) {
  const mine = state.added.filter((a) => a.contactId === detail.contact.id).length;
  const n = detail.contact.events.length;
  const added = new Set(Array.from({ length: mine }, (_, k) => n - 1 - k));
  panel.render(detail, added);
}

async function addEvent(id, event) {
  const clean = JSON.parse(JSON.stringify(event)); // drops undefined fields
  const detail = await engine.call('addEvent', { id, event: clean });
  await storage.addEvents([{ contactId: id, event: clean }]);
  state.added.push({ contactId: id, event: clean });
  // Like a real SMS gateway, the page sends the one opt-out confirmation text
  // itself as soon as the engine asks for it (an automatic action).
  const next = detail.evaluation.next;
  if (next && next.kind === 'confirmOptOut' && next.due) {
    return addEvent(id, {
      kind: 'message', at: clean.at, channel: 'sms', direction: 'out',
      text: "You're unsubscribed from texts and will get no more. Reply START to resubscribe.",
    });
  }
  await sendDue();
  await select(id);
  await updateView({ keepScroll: true });
  table.select(id);
  status(`Saved: ${clean.kind} for ${detail.evaluation.displayName}`);
}

async function editContact(id, edit) {
  const detail = await engine.call('editContact', { id, edit });
  state.edits[id] = { ...(state.edits[id] || {}), ...edit };
  await storage.set('edits', state.edits);
  await sendDue();
  renderPanel(detail);
  await updateView({ keepScroll: true });
  table.select(id);
  status(`Saved: ${detail.evaluation.displayName} is in ${detail.contact.region || 'no region'}`);
}

/**
 * The page's sender: like a host's gateway, it sends the automatic steps that
 * are due (nextAuto; the worklist filter autoDue finds them) and records each
 * message against its step, as it does for the opt-out confirmation.
 */
let lastSent = '';
async function sendDue() {
  const { sent } = await engine.call('sendDue', {});
  if (!sent.length) return 0;
  const events = sent.map(({ contactId, event }) => ({ contactId, event }));
  await storage.addEvents(events);
  state.added.push(...events);
  const by = { sms: 0, email: 0 };
  for (const s of sent) by[s.event.channel]++;
  lastSent = `Sender: ${sent.length.toLocaleString('en-US')} automatic message${sent.length > 1 ? 's' : ''} sent (${by.email} email${by.email === 1 ? '' : 's'}, ${by.sms} text${by.sms === 1 ? '' : 's'}), the last to ${sent[sent.length - 1].name}`;
  $('#sender-line').textContent = lastSent;
  return sent.length;
}

function showDay() {
  const d = new Date(nowIso());
  $('#today-label').textContent = `${d.toLocaleString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: OFFICE_ZONE })} ET`;
}

let dayTimer = 0;
function moveTo(wall) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(wall)) return;
  state.wall = wall.slice(0, 16);
  $('#today').value = state.wall;
  showDay();
  clearTimeout(dayTimer);
  document.documentElement.dataset.state = 'busy';
  dayTimer = setTimeout(() => run(async () => {
    status('Re-evaluating…');
    const r = await engine.call('refresh', { now: nowIso() });
    await sendDue();
    await updateView({ keepScroll: true });
    if (state.selected) await select(state.selected);
    status(`${r.changed.toLocaleString('en-US')} contacts re-evaluated in ${r.ms} ms`);
  }), 120);
}
$('#today').addEventListener('change', (e) => moveTo(e.target.value));
for (const [button, days] of [['#day-prev', -1], ['#day-next', 1]]) {
  $(button).addEventListener('click', () => {
    const [d, t] = state.wall.split('T');
    const next = new Date(`${d}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + days);
    moveTo(`${next.toISOString().slice(0, 10)}T${t}`);
  });
}

let searchTimer = 0;
$('#search').addEventListener('input', (e) => {
  clearTimeout(searchTimer);
  const text = e.target.value;
  document.documentElement.dataset.state = 'busy';
  searchTimer = setTimeout(() => {
    if (text.trim()) state.filter.text = text; else delete state.filter.text;
    run(() => updateView());
  }, 150);
});

$('#clear-filters').addEventListener('click', () => {
  state.filter = {};
  $('#search').value = '';
  run(() => updateView());
});

for (const [tab, show] of [['#tab-list', 'table'], ['#tab-queue', 'queue']]) {
  $(tab).addEventListener('click', () => {
    $('#tab-list').setAttribute('aria-selected', show === 'table');
    $('#tab-queue').setAttribute('aria-selected', show === 'queue');
    $('#table').hidden = show !== 'table';
    $('#queue').hidden = show !== 'queue';
    if (show === 'queue') queue.refresh();
  });
}

if (![...$('#size').options].some((o) => o.value === String(size))) $('#size').add(new Option(size.toLocaleString('en-US'), String(size)));
$('#size').value = String(size);
$('#size').addEventListener('change', (e) => {
  params.set('size', e.target.value);
  location.search = params.toString();
});

$('#reset').addEventListener('click', () => run(async () => {
  await storage.reset();
  location.reload();
}));

engine.onProgress = ({ label, done, total }) => status(`${label}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`);

async function start() {
  document.documentElement.dataset.state = 'loading';
  showDay();
  storage = await Storage.open();
  state.added = (await storage.events()).map(({ contactId, event }) => ({ contactId, event }));
  state.edits = (await storage.get('edits')) || {};
  const saved = await storage.get('playbook');
  const name = saved ? saved.name : 'monthly-campaign';
  const pb = saved ? saved.playbook : await engine.call('preset', { name });
  editor.setCurrent(pb, name);
  const r = await engine.call('init', { size, seed, playbook: pb, now: nowIso(), added: state.added, edits: state.edits });
  await sendDue();
  await updateView();
  status(`${r.size.toLocaleString('en-US')} contacts evaluated in ${(r.ms / 1000).toFixed(1)} s${r.applied ? ` · ${r.applied} saved events applied` : ''} · playbook: ${pb.name}`);
}

run(start);
