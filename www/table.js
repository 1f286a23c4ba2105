// The contact table in work order. Virtualised: only the rows in view (plus a
// small margin) exist in the DOM, and their data is fetched from the engine in
// blocks as they scroll into view, so 50,000 rows scroll like 50.
import { CHANNEL_NAMES, escapeHtml, shortTime } from './labels.js';

const ROW = 36;
const OVERSCAN = 10;
const BLOCK = 100;

const COLUMNS = [
  ['#', null], ['Contact', 'name'], ['Status', 'status'], ['Next action', 'next'], ['Due', 'due'], ['Stage', null],
  ['Can', null], ['City', 'city'],
];

export class ContactTable {
  /** loadRows(ids) -> Promise<row summaries>; onSelect(id); onSort({key, dir} | null). */
  constructor(root, { loadRows, onSelect, onSort }) {
    this.loadRows = loadRows;
    this.onSelect = onSelect;
    this.ids = null; // null until the first query answers: "loading", not "no match"
    this.cache = new Map();
    this.loading = new Set();
    this.selected = null;
    this.sort = null;
    root.innerHTML = `<div class="thead" role="row">${COLUMNS.map(([label, key]) => (key
      ? `<div role="columnheader" aria-sort="none"><button type="button" class="sort" data-key="${key}" title="Sort by ${label.toLowerCase()}">${label}<span class="arrow"></span></button></div>`
      : `<div role="columnheader">${label}</div>`)).join('')}</div>
      <div class="scroller" tabindex="0"><div class="spacer"></div></div>`;
    this.head = root.querySelector('.thead');
    this.scroller = root.querySelector('.scroller');
    this.spacer = root.querySelector('.spacer');
    this.scroller.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
    this.spacer.addEventListener('click', (e) => {
      const row = e.target.closest('.trow');
      if (row && row.dataset.id) this.onSelect(row.dataset.id);
    });
    // A header click sorts by it, a second click reverses, a third goes back to work order.
    this.head.addEventListener('click', (e) => {
      const b = e.target.closest('button.sort');
      if (!b) return;
      const key = b.dataset.key;
      const cur = this.sort && this.sort.key === key ? this.sort.dir : null;
      onSort(cur === null ? { key, dir: 'asc' } : cur === 'asc' ? { key, dir: 'desc' } : null);
    });
    this.render();
  }

  showSort(sort) {
    this.sort = sort;
    for (const b of this.head.querySelectorAll('button.sort')) {
      const on = sort && sort.key === b.dataset.key;
      b.parentElement.setAttribute('aria-sort', on ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none');
      b.querySelector('.arrow').textContent = on ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '';
    }
  }

  /** New ids (a new query or a new evaluation): forget cached rows, keep the scroll if asked. */
  setIds(ids, { keepScroll = false, sort = null } = {}) {
    this.ids = ids;
    this.showSort(sort);
    this.cache.clear();
    this.generation = (this.generation || 0) + 1;
    this.spacer.style.height = `${ids.length * ROW}px`;
    if (!keepScroll) this.scroller.scrollTop = 0;
    this.render();
  }

  select(id) {
    this.selected = id;
    for (const el of this.spacer.querySelectorAll('.trow')) el.classList.toggle('selected', el.dataset.id === id);
  }

  /** Replaces one row's data (after an action on the selected contact). */
  update(row) {
    if (this.cache.has(row.id)) this.cache.set(row.id, row);
    this.render();
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  range() {
    const top = this.scroller.scrollTop;
    const h = this.scroller.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
    const last = Math.min(this.ids.length, Math.ceil((top + h) / ROW) + OVERSCAN);
    return [first, last];
  }

  render() {
    if (this.ids === null) {
      this.spacer.innerHTML = '<div class="empty">Loading contacts…</div>';
      return;
    }
    const [first, last] = this.range();
    const missing = [];
    let html = '';
    for (let i = first; i < last; i++) {
      const id = this.ids[i];
      const r = this.cache.get(id);
      if (!r) missing.push(i);
      html += rowHtml(i, id, r, id === this.selected);
    }
    this.spacer.innerHTML = html || (this.ids.length ? '' : '<div class="empty">No contacts match these filters.</div>');
    this.spacer.dataset.first = first;
    if (missing.length) this.fetch(missing[0], missing[missing.length - 1]);
  }

  async fetch(from, to) {
    const start = Math.floor(from / BLOCK) * BLOCK;
    const end = Math.min(this.ids.length, Math.ceil((to + 1) / BLOCK) * BLOCK);
    const key = `${this.generation}:${start}:${end}`;
    if (this.loading.has(key)) return;
    this.loading.add(key);
    const gen = this.generation;
    try {
      const rows = await this.loadRows(this.ids.slice(start, end));
      if (gen !== this.generation) return;
      for (const r of rows) this.cache.set(r.id, r);
      this.render();
    } finally {
      this.loading.delete(key);
    }
  }
}

function rowHtml(i, id, r, selected) {
  const pos = `style="transform:translateY(${i * ROW}px)"`;
  if (!r) return `<div class="trow" role="row" data-id="${escapeHtml(id)}" ${pos}><div class="idx">${i + 1}</div><div class="muted">…</div></div>`;
  const n = r.next;
  const dueCls = n ? (n.overdue ? 'overdue' : n.due ? 'due' : '') : '';
  const due = n ? `${shortTime(n.dueAt, r.timeZone)}` : (r.done || '');
  const can = ['sms', 'call', 'email'].map((c) => `<span class="${r.allowed[c] ? '' : 'off'}">${c === 'sms' ? 'TXT' : c === 'call' ? 'CALL' : 'MAIL'}</span>`).join(' ');
  return `<div class="trow${selected ? ' selected' : ''}" role="row" data-id="${escapeHtml(id)}" data-status="${r.status}" data-next="${escapeHtml(n ? n.label : 'none')}" ${pos}>`
    + `<div class="idx">${i + 1}</div>`
    + `<div><span class="cname">${escapeHtml(r.displayName)}</span> <span class="phone">${escapeHtml(r.phone || '')}</span></div>`
    + `<div><span class="pill st-${r.status}">${escapeHtml(r.statusLabel)}</span></div>`
    + `<div class="next">${n ? `${escapeHtml(n.label)} <span class="muted">· ${CHANNEL_NAMES[n.channel] || n.channel}</span>` : '<span class="muted">—</span>'}</div>`
    + `<div class="when ${dueCls}">${escapeHtml(due)}</div>`
    + `<div>${r.stage ? `<span class="pill badge-hot">${escapeHtml(r.stage)}</span>` : ''}</div>`
    + `<div class="chan">${can}</div>`
    + `<div class="muted">${escapeHtml(r.city || '')}</div>`
    + '</div>';
}
