// Synthetic contacts for the benchmarks: deterministic (seeded), 0–15 events
// each, spread over the US and Canadian zones and regions, with texts both ways,
// emails, calls and their outcomes, the odd opt-out, DND, callback and buying
// horizon. Runs in Node and in the browser (no imports).

export const NOW = '2026-11-12T15:00:00Z';

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles',
  'America/Phoenix', 'America/Toronto', 'America/Vancouver', 'Pacific/Honolulu'];
const REGIONS = [undefined, undefined, 'US', 'US-FL', 'US-OK', 'US-MD', 'CA'];
const OUTCOMES = ['connected', 'noAnswer', 'leftVoicemail', 'wrongNumber', 'saleInProgress', 'sold', 'noSale'];
const TEXTS = ['Sounds good', 'Can you call me tomorrow?', 'STOP', 'how much is it?', 'Thanks!',
  'please stop texting me', "I'll stop by tomorrow", 'YES'];
const DAY = 86_400_000;

/** `n` contacts, the same for the same `seed`. */
export function contacts(n, seed = 42) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const now = Date.parse(NOW);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const added = now - Math.floor(r() * 60 * DAY);
    const count = Math.floor(r() * 16);
    const events = [];
    for (let k = 0; k < count; k++) {
      const at = new Date(added + Math.floor(r() * (now - added))).toISOString();
      const x = r();
      if (x < 0.45) {
        const dir = r() < 0.6 ? 'out' : 'in';
        const e = { kind: 'message', at, channel: 'sms', direction: dir };
        if (dir === 'in') e.text = pick(TEXTS);
        events.push(e);
      } else if (x < 0.55) {
        events.push({ kind: 'message', at, channel: 'email', direction: 'out' });
      } else if (x < 0.85) {
        const outcome = r() < 0.8 ? pick(OUTCOMES.slice(0, 3)) : pick(OUTCOMES);
        const e = { kind: 'activity', at, interaction: 'call', outcome };
        if (outcome === 'noSale' && r() < 0.5) e.reason = 'satisfied';
        events.push(e);
      } else if (x < 0.9) {
        events.push({ kind: 'dnd', at, channel: pick(['sms', 'call', 'email']), active: r() < 0.8, source: 'manual' });
      } else if (x < 0.95) {
        events.push({ kind: 'callback', at, dueAt: new Date(Date.parse(at) + Math.floor(r() * 20 * DAY)).toISOString() });
      } else {
        events.push({ kind: 'horizon', at, buyAt: new Date(Date.parse(at) + Math.floor((30 + r() * 180) * DAY)).toISOString() });
      }
    }
    const c = { id: `c${i}`, name: `Contact ${i}`, timeZone: pick(ZONES), addedAt: new Date(added).toISOString(), events };
    const region = pick(REGIONS);
    if (region) c.region = region;
    if (r() < 0.3) c.priority = Math.floor(r() * 5);
    out[i] = c;
  }
  return out;
}

const STATUS_OF_OUTCOME = {
  saleInProgress: 'saleInProgress', sold: 'sold', noSale: 'noSale',
  noAnswer: 'noAnswer', leftVoicemail: 'leftVoicemail', wrongNumber: 'wrongNumber',
};

/**
 * The facts a generic rules engine needs to decide the status, digested from
 * the history beforehand (not timed): the direction of the last text and the
 * last status-bearing outcome, and whether the outcome is at least as recent.
 */
export function facts(c, nowMs = Date.parse(NOW)) {
  let smsAt = -Infinity; let sms = 'none';
  let outAt = -Infinity; let outcome = 'none'; let reason = 'none';
  for (const e of c.events) {
    const at = Date.parse(e.at);
    if (at > nowMs) continue;
    if (e.kind === 'message' && e.channel === 'sms' && at >= smsAt) { smsAt = at; sms = e.direction; }
    if (e.kind === 'activity' && STATUS_OF_OUTCOME[e.outcome] && at >= outAt) {
      outAt = at; outcome = e.outcome; reason = e.reason ?? 'none';
    }
  }
  return { sms, outcome, reason, manualNewer: outcome !== 'none' && outAt >= smsAt };
}
