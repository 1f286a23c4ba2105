// Display labels shared by the views.
export const STATUS_LABELS = {
  newAccount: 'New Account', noSmsReply: 'No SMS Reply', smsInProgress: 'SMS in Progress',
  saleInProgress: 'Sale in Progress', satisfied: 'Satisfied', noSale: 'No Sale', sold: 'Sold',
  noAnswer: 'No Answer', leftVoicemail: 'Left a Voicemail', wrongNumber: 'Wrong Number',
};
export const PHASE_LABELS = { initiate: 'Initiate', followUp: 'Follow Up', closeTheLoop: 'Close the Loop' };
export const CHANNEL_LABELS = { sms: 'Can text', call: 'Can call', email: 'Can email' };
export const CHANNEL_NAMES = { sms: 'Text', call: 'Call', email: 'Email', task: 'Task' };
export const REASONS = {
  dnd: 'do not disturb', quietHours: 'quiet hours', frequencyCap: 'frequency cap', wrongNumber: 'wrong number',
};

/** "Nov 12, 9:05 AM" in the contact's zone. */
export function shortTime(iso, timeZone) {
  if (!iso) return '';
  return new Date(iso).toLocaleString('en-US', { timeZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** "Thu, Nov 12, 9:05 AM" in the contact's zone. */
export function formatTime(iso, timeZone) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * A wall-clock time ("2026-11-14T10:30") in `tz`, as RFC 3339 UTC text, by the
 * engine's DST rule (docs/semantics.md): a time in a spring-forward gap is
 * moved forward by the gap (02:30 is 03:30 EDT), and a time that happens
 * twice is the earlier (01:30 EDT on a fall-back night), so that a callback
 * typed here is due when the engine would put the same local time.
 */
export function zonedToIso(wall, tz) {
  const [d, t] = wall.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [hh, mm] = t.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, day, hh, mm);
  // The zone's offsets a day either side (no zone changes twice in a day):
  // the instant at each offset, if that offset is the zone's then.
  const before = offsetAt(asUtc - DAY, tz);
  const after = offsetAt(asUtc + DAY, tz);
  const fits = [before, after].map((o) => asUtc - o).filter((ts) => asUtc - offsetAt(ts, tz) === ts);
  // None in a gap: the offset before it, which moves the time forward by the gap.
  const ts = fits.length ? Math.min(...fits) : asUtc - before;
  return new Date(ts).toISOString().replace('.000Z', 'Z');
}

const DAY = 86400000;

function offsetAt(ts, tz) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ts)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(ts / 1000) * 1000;
}
