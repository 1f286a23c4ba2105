// The contact panel: status, next action, channel checks with reasons, the
// timeline, the plan() dry run, explain and violations; and the actions that
// append an event to the contact (the page then stores it and re-upserts it).
import { CHANNEL_NAMES, REASONS, escapeHtml, formatTime, zonedToIso } from './labels.js';
import { REGIONS, REGION_NAMES, ZONES } from './regions.js';

const ZONE_SOURCES = {
  contact: "the contact's own",
  playbook: "the playbook's (the contact has none)",
  region: 'none known: calls only when it is allowed in every zone of the region',
};

const OUTCOMES = [
  ['connected', 'Connected', true], ['noAnswer', 'No Answer', true], ['leftVoicemail', 'Left a Voicemail', true],
  ['wrongNumber', 'Wrong Number', true], ['saleInProgress', 'Sale in Progress', false],
  ['sold', 'Sold a Product or Service', false], ['noSale', 'No Sale', false],
];

export class ContactPanel {
  /** onEvent(id, event) appends an event; onEdit(id, {region, timeZone}) edits the contact; now() gives the page's current time. */
  constructor(root, { onEvent, onEdit, now }) {
    this.root = root;
    this.onEvent = onEvent;
    this.now = now;
    root.addEventListener('submit', (e) => {
      e.preventDefault();
      if (e.target.dataset.action === 'where') {
        const f = new FormData(e.target);
        onEdit(this.detail.contact.id, { region: f.get('region') || null, timeZone: f.get('timeZone') || null });
        return;
      }
      const ev = this.eventFrom(e.target);
      if (ev) this.onEvent(this.detail.contact.id, ev);
    });
    root.addEventListener('change', (e) => {
      if (e.target.name === 'interaction' || e.target.name === 'outcome') this.syncOutcomes(e.target.form);
    });
  }

  eventFrom(form) {
    const f = new FormData(form);
    const at = this.now();
    const tz = this.detail.evaluation.timeZone;
    switch (form.dataset.action) {
      case 'activity': {
        const ev = { kind: 'activity', at, interaction: f.get('interaction'), outcome: f.get('outcome') };
        if (ev.outcome === 'noSale' && f.get('satisfied')) ev.reason = 'satisfied';
        return ev;
      }
      case 'send':
        return { kind: 'message', at, channel: f.get('channel'), direction: 'out', text: f.get('text') || undefined };
      case 'reply':
        return { kind: 'message', at, channel: f.get('channel'), direction: 'in', text: f.get('text') };
      case 'callback': {
        const wall = f.get('dueAt');
        if (!wall) return null;
        return { kind: 'callback', at, dueAt: zonedToIso(wall, tz), scheduled: !!f.get('scheduled') };
      }
      case 'horizon': {
        const d = new Date(at);
        d.setUTCMonth(d.getUTCMonth() + Number(f.get('months')));
        return { kind: 'horizon', at, buyAt: d.toISOString() };
      }
      case 'dnd':
        return { kind: 'dnd', at, channel: f.get('channel'), active: true, source: 'manual' };
      default:
        return null;
    }
  }

  syncOutcomes(form) {
    if (!form || form.dataset.action !== 'activity') return;
    const call = form.interaction.value === 'call';
    for (const o of form.outcome.options) o.disabled = !call && OUTCOMES.find(([v]) => v === o.value)[2];
    if (form.outcome.selectedOptions[0].disabled) form.outcome.value = 'saleInProgress';
    form.querySelector('.satisfied').hidden = form.outcome.value !== 'noSale';
  }

  clear() {
    this.detail = null;
    this.root.innerHTML = '<p class="muted">Select a contact to see its status, next action, consent and history.</p>';
  }

  render(detail, addedSeqs = new Set()) {
    const keepOpen = [...this.root.querySelectorAll('details[open]')].map((d) => d.dataset.key);
    this.detail = detail;
    const { contact: c, evaluation: ev } = detail;
    const tz = ev.timeZone;
    const n = ev.next;
    const channel = (k) => {
      const ch = ev.channels[k];
      const why = ch.allowed ? 'allowed now' : `${REASONS[ch.reason] || ch.reason}${ch.nextAllowedAt ? ` · from ${formatTime(ch.nextAllowedAt, tz)}` : ch.reason === 'dnd' || ch.reason === 'wrongNumber' ? ' · until lifted' : ''}`;
      return `<div class="channel ${ch.allowed ? 'ok' : 'no'}" data-channel="${k}"><b>${CHANNEL_NAMES[k]}: ${ch.allowed ? 'yes' : 'no'}</b><br>${escapeHtml(why)}</div>`;
    };
    const nextHtml = n
      ? `<div class="label">${escapeHtml(n.label)} · ${CHANNEL_NAMES[n.channel] || n.channel}</div>
         <div>${n.overdue ? '<span class="overdue">Overdue</span> · ' : n.due ? '<span class="due">Due now</span> · ' : ''}due ${escapeHtml(formatTime(n.dueAt, tz))}
         ${n.blocking ? ' · <b>blocks the cadence</b>' : ''}</div>
         <div class="sub">${escapeHtml(n.kind)} · ${escapeHtml(n.mode)}${n.stepId ? ` · step ${escapeHtml(n.stepId)}` : ''}</div>`
      : `<div class="label">No next action</div><div class="sub">${escapeHtml(ev.done ? ev.done.label : '')}</div>`;
    const events = c.events.map((e, i) => ({ e, i })).reverse();
    const timeline = events.map(({ e, i }) => `<li class="${timelineClass(e)}" data-index="${i}"><time>${escapeHtml(formatTime(e.at, tz))}</time>${escapeHtml(describe(e, tz))}${addedSeqs.has(i) ? ' <span class="added">added here</span>' : ''}</li>`).join('');
    const outcomeOptions = OUTCOMES.map(([v, l]) => `<option value="${v}">${l}</option>`).join('');
    this.root.innerHTML = `
      <h2 id="panel-name">${escapeHtml(ev.displayName)}</h2>
      <div class="sub">${escapeHtml(c.phone || '')} · ${escapeHtml(c.city || '')} · ${escapeHtml(c.list || '')} · id ${escapeHtml(c.id)}</div>
      <div class="sub" id="panel-zone">Region: ${escapeHtml(c.region ? `${REGION_NAMES[c.region] || c.region} (${c.region})` : 'none')} · Time zone: ${escapeHtml(tz)} — ${escapeHtml(ZONE_SOURCES[ev.timeZoneSource] || ev.timeZoneSource || '')}</div>
      <div class="badges">
        <span class="pill st-${ev.status}" id="panel-status">${escapeHtml(ev.statusLabel)}</span>
        <span class="pill">${ev.statusSource}</span>
        ${ev.stage ? `<span class="pill badge-hot" id="panel-stage">${escapeHtml(ev.stage)}</span>` : ''}
        <span class="pill">priority ${ev.priority}</span>
        ${ev.campaign ? `<span class="pill" id="panel-phase">${escapeHtml(ev.campaign.phaseLabel)} · ${escapeHtml(ev.campaign.period)}</span>` : ''}
        ${ev.followUpAt ? `<span class="pill">follow up ${escapeHtml(formatTime(ev.followUpAt, tz))}</span>` : ''}
      </div>
      <h3>Next action</h3><div class="next-box" id="panel-next">${nextHtml}</div>
      <h3>May I contact them now?</h3><div class="channels">${channel('sms')}${channel('call')}${channel('email')}</div>
      <h3>Actions</h3>
      <div class="actions">
        <details data-key="where"><summary>Region and time zone</summary>
          <form data-action="where" class="where">
            <label>Region <select name="region" aria-label="Region">${REGIONS.map(([code, name]) => `<option value="${code}"${code === c.region ? ' selected' : ''}>${escapeHtml(name)} (${code})</option>`).join('')}</select></label>
            <label>Time zone <select name="timeZone" aria-label="Time zone"><option value="">Not known (go by the region)</option>${ZONES.map((z) => `<option${z === c.timeZone ? ' selected' : ''}>${z}</option>`).join('')}</select></label>
            <button class="primary">Save</button>
          </form></details>
        <details data-key="activity"><summary>Log an activity</summary>
          <form data-action="activity">
            <select name="interaction" aria-label="Interaction"><option value="call">Call</option><option value="sms">SMS</option><option value="email">Email</option><option value="inStore">In Store</option></select>
            <select name="outcome" aria-label="Outcome">${outcomeOptions}</select>
            <label class="satisfied" hidden><input type="checkbox" name="satisfied"> Satisfied</label>
            <button class="primary">Log</button>
          </form></details>
        <details data-key="send"><summary>Send a text or email</summary>
          <form data-action="send">
            <select name="channel" aria-label="Channel"><option value="sms">Text</option><option value="email">Email</option></select>
            <input type="text" name="text" placeholder="Message" aria-label="Message to send">
            <button class="primary">Send</button>
            ${ev.channels.sms.allowed ? '' : '<span class="error">Texting is not allowed now: sending one is recorded as a violation.</span>'}
          </form></details>
        <details data-key="reply"><summary>Receive a reply</summary>
          <form data-action="reply">
            <select name="channel" aria-label="Reply channel"><option value="sms">Text</option><option value="email">Email</option></select>
            <input type="text" name="text" placeholder="What the customer wrote (try STOP)" aria-label="Reply text" required>
            <button class="primary">Receive</button>
          </form></details>
        <details data-key="callback"><summary>Set a callback</summary>
          <form data-action="callback">
            <input type="datetime-local" name="dueAt" aria-label="Callback time (contact's local time)" required>
            <label><input type="checkbox" name="scheduled"> They asked for this exact time</label>
            <button class="primary">Set</button>
          </form></details>
        <details data-key="horizon"><summary>Set a buying horizon</summary>
          <form data-action="horizon">
            <label>Buying in <select name="months" aria-label="Buying horizon in months">${[1, 2, 3, 6, 9, 12].map((m) => `<option value="${m}"${m === 6 ? ' selected' : ''}>${m} month${m > 1 ? 's' : ''}</option>`).join('')}</select></label>
            <button class="primary">Set</button>
          </form></details>
        <details data-key="dnd"><summary>Do not disturb</summary>
          <form data-action="dnd">
            <select name="channel" aria-label="DND channel"><option value="call">Stop calling me (calls)</option><option value="email">Unsubscribe (email)</option><option value="sms">No texts</option><option value="all">Everything</option></select>
            <button class="primary">Set DND</button>
          </form></details>
      </div>
      <h3>Violations</h3>
      ${ev.violations.length ? `<ul class="violations" id="panel-violations">${ev.violations.map((v) => `<li>${escapeHtml(formatTime(v.at, tz))} · ${escapeHtml(v.channel)} · ${escapeHtml(v.message || v.rule)}</li>`).join('')}</ul>` : '<p class="muted" id="panel-violations">None.</p>'}
      <h3>Why (explain)</h3>
      <ul class="explain" id="panel-explain">${ev.explain.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
      <h3>Dry run: touches still planned if nobody answers (next 2 months)</h3>
      ${detail.planError ? `<p class="error">${escapeHtml(detail.planError)}</p>` : detail.plan.length ? `<ol class="plan" id="panel-plan">${detail.plan.map((p) => `<li>${escapeHtml(formatTime(p.dueAt, tz))} · ${escapeHtml(p.label)} · ${CHANNEL_NAMES[p.channel] || p.channel}</li>`).join('')}</ol>` : '<p class="muted" id="panel-plan">Nothing planned.</p>'}
      <h3>Timeline</h3>
      <ul class="timeline" id="panel-timeline">${timeline || '<li class="muted">No events yet.</li>'}</ul>`;
    for (const d of this.root.querySelectorAll('details')) if (keepOpen.includes(d.dataset.key)) d.open = true;
    this.syncOutcomes(this.root.querySelector('form[data-action=activity]'));
  }
}

function timelineClass(e) {
  if (e.kind === 'message') return e.direction;
  return e.kind;
}

function describe(e, tz) {
  const ch = { sms: 'Text', email: 'Email', call: 'Call', inStore: 'In store', all: 'All channels' };
  switch (e.kind) {
    case 'message':
      return `${e.direction === 'in' ? `${ch[e.channel]} from customer` : `${ch[e.channel]} sent`}${e.text ? `: “${e.text}”` : ''}`;
    case 'activity':
      return `Logged ${ch[e.interaction] || e.interaction}: ${e.outcome}${e.reason ? ` (${e.reason})` : ''}`;
    case 'dnd':
      return `DND ${e.active ? 'on' : 'off'} for ${ch[e.channel] || e.channel}${e.source ? ` (${e.source})` : ''}`;
    case 'callback':
      return `${e.scheduled ? 'Scheduled call' : 'Callback'} set for ${formatTime(e.dueAt, tz)}`;
    case 'horizon':
      return `Buying horizon: ${new Date(e.buyAt).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: tz })}`;
    case 'stepDone':
      return `Step done: ${e.step}`;
    default:
      return e.kind;
  }
}
