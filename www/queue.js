// The call queue: every contact whose next action is a call, planned over a
// daily capacity with planQueue (the lowest priority is deferred first).
import { escapeHtml, formatTime } from './labels.js';

const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Toronto', 'America/Vancouver'];

export class CallQueue {
  /** plan({capacityPerDay, timeZone}) -> Promise<{total, days, first, deferred}>; onSelect(id). */
  constructor(root, { plan, onSelect }) {
    this.root = root;
    this.plan = plan;
    root.innerHTML = `<div class="controls">
        <label>Calls per day <input id="capacity" type="number" min="1" step="1" value="60"></label>
        <label>Days counted in <select id="queue-zone">${ZONES.map((z) => `<option>${z}</option>`).join('')}</select></label>
        <button id="queue-plan" type="button" class="primary">Plan queue</button>
        <span id="queue-summary" class="muted"></span>
      </div>
      <div id="queue-days" class="bars"></div>
      <div id="queue-list"></div>`;
    root.querySelector('#queue-plan').addEventListener('click', () => this.refresh());
    root.querySelector('#capacity').addEventListener('change', () => this.refresh());
    root.querySelector('#queue-zone').addEventListener('change', () => this.refresh());
    root.addEventListener('click', (e) => {
      const tr = e.target.closest('tr[data-id]');
      if (tr) onSelect(tr.dataset.id);
    });
  }

  async refresh() {
    const capacityPerDay = Number(this.root.querySelector('#capacity').value);
    const timeZone = this.root.querySelector('#queue-zone').value;
    const summary = this.root.querySelector('#queue-summary');
    if (!Number.isInteger(capacityPerDay) || capacityPerDay < 1) {
      summary.textContent = 'Calls per day must be a whole number of at least 1.';
      return;
    }
    summary.textContent = 'Planning…';
    let q;
    try {
      q = await this.plan({ capacityPerDay, timeZone });
    } catch (e) {
      summary.textContent = e.message;
      return;
    }
    const max = Math.max(1, ...q.days.map(([, n]) => n));
    summary.textContent = `${q.total.toLocaleString('en-US')} calls to make · ${q.deferred.toLocaleString('en-US')} pushed past their due day`;
    this.root.querySelector('#queue-days').innerHTML = q.days.map(([d, n]) =>
      `<span>${escapeHtml(new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }))}</span><div class="bar" style="width:${(n / max) * 100}%"></div><span data-day="${d}">${n}</span>`).join('');
    this.root.querySelector('#queue-list').innerHTML = `<table class="plain" id="queue-table"><thead><tr><th>Day</th><th>#</th><th>Contact</th><th>Call</th><th>Priority</th><th>Due</th><th>Deferred</th></tr></thead><tbody>${
      q.first.map((it) => `<tr data-id="${escapeHtml(it.id)}"><td>${it.plannedFor}</td><td>${it.rank}</td><td>${escapeHtml(it.row.displayName)}</td><td>${escapeHtml(it.row.next ? it.row.next.label : '')}</td><td>${it.priority}</td><td>${escapeHtml(formatTime(it.dueAt, it.row.timeZone))}</td><td>${it.deferredDays ? `${it.deferredDays} d` : ''}</td></tr>`).join('')
    }</tbody></table><p class="muted">The first ${q.first.length} planned calls.</p>`;
  }
}
