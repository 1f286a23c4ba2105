// Smart lists: facet counts by status, next action, campaign phase and allowed
// channel (from Worklist.facets), each a toggle that filters the table.
import { STATUS_LABELS, PHASE_LABELS, CHANNEL_LABELS, escapeHtml } from './labels.js';

const GROUPS = [
  { key: 'status', title: 'Status', label: (v) => STATUS_LABELS[v] || v, order: Object.keys(STATUS_LABELS) },
  { key: 'next', title: 'Next action', label: (v) => (v === 'none' ? 'No next action' : v), order: null },
  { key: 'phase', title: 'Campaign phase', label: (v) => PHASE_LABELS[v] || v, order: Object.keys(PHASE_LABELS) },
  { key: 'allowed', title: 'Allowed now', label: (v) => CHANNEL_LABELS[v] || v, order: ['sms', 'call', 'email'] },
];

const NEXT_ORDER = ['1st Attempt', '2nd Attempt', '3rd Attempt', 'Call ASAP', 'Redial', 'Reply', 'Callback', 'Scheduled Call', 'Follow Up'];

export class Sidebar {
  /** onToggle(group, value) is called when a facet is clicked; onDue(bool|undefined) for the due toggle. */
  constructor(root, { onToggle, onDue }) {
    this.root = root;
    root.addEventListener('click', (e) => {
      const b = e.target.closest('button.facet');
      if (!b) return;
      if (b.dataset.group === 'due') onDue(b.getAttribute('aria-pressed') === 'true' ? undefined : true);
      else onToggle(b.dataset.group, b.dataset.value);
    });
  }

  render(facets, filter) {
    let html = `<h3>Work</h3><button type="button" class="facet" data-group="due" data-value="true" aria-pressed="${filter.due === true}"><span class="name">Due now</span></button>`;
    for (const g of GROUPS) {
      const counts = facets[g.key] || {};
      const selected = new Set(filter[g.key] || []);
      let values = Object.keys(counts);
      for (const v of selected) if (!values.includes(v)) values.push(v);
      const order = g.key === 'next' ? NEXT_ORDER : g.order;
      values.sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
      if (!values.length) continue;
      html += `<h3>${g.title}</h3>`;
      for (const v of values) {
        const n = counts[v] || 0;
        html += `<button type="button" class="facet${n ? '' : ' zero'}" data-group="${g.key}" data-value="${escapeHtml(v)}" aria-pressed="${selected.has(v)}">`
          + `<span class="name">${escapeHtml(g.label(v))}</span><span class="count">${n.toLocaleString('en-US')}</span></button>`;
      }
    }
    this.root.innerHTML = html;
  }
}

function rank(order, v) {
  if (v === 'none') return 1000;
  const i = order ? order.indexOf(v) : -1;
  return i < 0 ? 500 : i;
}
