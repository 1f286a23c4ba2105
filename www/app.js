// The page: wires the engine worker, the page's storage and the views.
// URL parameters: ?size=<contacts> (default 50,000) and ?seed=<n> (default 42).
import { Engine } from './engine.js';
import { Storage } from './storage.js';
import { Sidebar } from './sidebar.js';
import { ContactTable } from './table.js';
import { ContactPanel } from './panel.js';
import { CallQueue } from './queue.js';
import { PlaybookEditor } from './playbook.js';
import { MONTH } from './generator.js';

const $ = (sel) => document.querySelector(sel);
const params = new URLSearchParams(location.search);
const size = Math.max(1, Math.min(200000, Number(params.get('size')) || 50000));
const seed = Number(params.get('seed')) || 42;
const HOUR_UTC = 15; // 10:00 in New York, 07:00 in Los Angeles

const state = { filter: {}, day: 12, selected: null, added: [] };
const nowIso = () => `${MONTH.year}-${String(MONTH.month).padStart(2, '0')}-${String(state.day).padStart(2, '0')}T${HOUR_UTC}:00:00Z`;

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
});
const panel = new ContactPanel($('#panel'), {
  now: nowIso,
  onEvent: (id, event) => run(() => addEvent(id, event)),
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
    await updateView({ keepScroll: true });
    if (state.selected) await select(state.selected);
    status(`Playbook: ${pb.name}`);
  }),
});

async function updateView({ keepScroll = false } = {}) {
  const v = await engine.call('view', { filter: state.filter });
  sidebar.render(v.facets, state.filter);
  table.setIds(v.ids, { keepScroll });
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
  await storage.addEvent(id, clean);
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
  renderPanel(detail);
  await updateView({ keepScroll: true });
  table.select(id);
  status(`Saved: ${clean.kind} for ${detail.evaluation.displayName}`);
}

function showDay() {
  const d = new Date(nowIso());
  $('#today-label').textContent = d.toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'America/New_York' });
}

let dayTimer = 0;
$('#today').addEventListener('input', (e) => {
  state.day = Number(e.target.value);
  showDay();
  clearTimeout(dayTimer);
  document.documentElement.dataset.state = 'busy';
  dayTimer = setTimeout(() => run(async () => {
    status('Re-evaluating…');
    const r = await engine.call('refresh', { now: nowIso() });
    await updateView({ keepScroll: true });
    if (state.selected) await select(state.selected);
    status(`${r.changed.toLocaleString('en-US')} contacts re-evaluated in ${r.ms} ms`);
  }), 120);
});

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
  const saved = await storage.get('playbook');
  const name = saved ? saved.name : 'monthly-campaign';
  const pb = saved ? saved.playbook : await engine.call('preset', { name });
  editor.setCurrent(pb, name);
  const r = await engine.call('init', { size, seed, playbook: pb, now: nowIso(), added: state.added });
  await updateView();
  status(`${r.size.toLocaleString('en-US')} contacts evaluated in ${(r.ms / 1000).toFixed(1)} s${r.applied ? ` · ${r.applied} saved events applied` : ''} · playbook: ${pb.name}`);
}

run(start);
