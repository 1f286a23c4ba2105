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
