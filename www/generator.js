// Synthetic CRM contacts, deterministic from a seed: names, US/Canadian time zones
// and regions, and histories of texts, calls with outcomes, opt-outs, callbacks and
// buying horizons up to DATA_AS_OF. The same (count, seed) always gives the same list.

/** The campaign month the data is made for, and the moment the histories stop. */
export const MONTH = { year: 2026, month: 11 };
export const DATA_AS_OF = '2026-11-12T15:00:00Z';

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.chance = (p) => next() < p;
  next.weighted = (pairs) => {
    let r = next() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  return next;
}

const FIRST = ['Ana', 'James', 'Maria', 'Robert', 'Linda', 'Michael', 'Jennifer', 'David', 'Patricia', 'William',
  'Elizabeth', 'Carlos', 'Sofia', 'Daniel', 'Emily', 'Thomas', 'Grace', 'Kevin', 'Aisha', 'Brian', 'Chloe', 'Marcus',
  'Olivia', 'Ethan', 'Priya', 'Jacob', 'Hannah', 'Luis', 'Mei', 'Nathan', 'Zoe', 'Omar', 'Rachel', 'Tyler', 'Fatima',
  'Andre', 'Julie', 'Derek', 'Camille', 'Hiroshi', 'Isabelle', 'Mateo', 'Naomi', 'Samuel', 'Tanya', 'Victor', 'Wendy',
  'Xavier', 'Yasmin', 'Liam', 'Noah', 'Emma', 'Ava', 'Lucas', 'Mia', 'Benoit', 'Amelie', 'Raj', 'Keisha', 'Connor'];
const LAST = ['Ruiz', 'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez',
  'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson',
  'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams',
  'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Tremblay', 'Gagnon', 'Roy',
  'Cote', 'Bouchard', 'Patel', 'Chen', 'Kim', 'Singh', "O'Brien", 'MacDonald'];

// [timeZone, region, city, area code, UTC offset in standard time, observes DST, weight]
const PLACES = [
  ['America/New_York', 'US', 'New York, NY', 212, -5, true, 14],
  ['America/New_York', 'US', 'Atlanta, GA', 404, -5, true, 6],
  ['America/New_York', 'US-FL', 'Miami, FL', 305, -5, true, 7],
  ['America/New_York', 'US-FL', 'Tampa, FL', 813, -5, true, 4],
  ['America/New_York', 'US-MD', 'Baltimore, MD', 410, -5, true, 4],
  ['America/Chicago', 'US', 'Chicago, IL', 312, -6, true, 9],
  ['America/Chicago', 'US', 'Dallas, TX', 214, -6, true, 8],
  ['America/Chicago', 'US-OK', 'Tulsa, OK', 918, -6, true, 3],
  ['America/Denver', 'US', 'Denver, CO', 303, -7, true, 4],
  ['America/Phoenix', 'US', 'Phoenix, AZ', 602, -7, false, 4],
  ['America/Los_Angeles', 'US', 'Los Angeles, CA', 213, -8, true, 10],
  ['America/Los_Angeles', 'US', 'Seattle, WA', 206, -8, true, 4],
  ['America/Anchorage', 'US', 'Anchorage, AK', 907, -9, true, 1],
  ['Pacific/Honolulu', 'US', 'Honolulu, HI', 808, -10, false, 1],
  ['America/Toronto', 'CA', 'Toronto, ON', 416, -5, true, 6],
  ['America/Toronto', 'CA', 'Montréal, QC', 514, -5, true, 3],
  ['America/Vancouver', 'CA', 'Vancouver, BC', 604, -8, true, 3],
  ['America/Edmonton', 'CA', 'Calgary, AB', 403, -7, true, 2],
  ['America/Winnipeg', 'CA', 'Winnipeg, MB', 204, -6, true, 1],
  ['America/Regina', 'CA', 'Regina, SK', 306, -6, false, 1],
  ['America/Halifax', 'CA', 'Halifax, NS', 902, -4, true, 1],
];

export const SMART_LISTS = ['Upgrade Eligible', 'Renewals Due', 'Web Leads', 'Past Customers', 'Open House Sign-ins'];

const OUR_TEXTS = [
  "Hi {first}, it's Sam from Northside Wireless. You're eligible for an upgrade this month. Want the details?",
  'Hi {first}, quick check-in: are you still looking? I can hold an appointment for you this week.',
  'Thanks {first}! I can do Thursday at 4 or Saturday at 11. Which works?',
  '{first}, your plan renews soon. Want me to look for a better rate?',
  'Following up, {first}: any questions I can answer?',
];
const REPLIES = [
  ['Yes, interested. What does it cost?', 10], ['Can you call me tomorrow afternoon?', 6], ['Not right now, thanks', 6],
  ['Who is this?', 4], ["I'll stop by tomorrow", 3], ['Thanks!', 5], ['Maybe next month', 4], ['Send me the details', 5],
  ['STOP', 7], ['Stop', 2], ['UNSUBSCRIBE', 1], ['please stop texting me', 1], ['remove me from your list', 1], ['STOP ALL', 0.5],
  ['HELP', 0.5],
];
const EMAILS_IN = ['Thanks for the info, I will think about it.', 'Can you send a quote?', 'Please call me next week.'];

function pad(n) {
  return String(n).padStart(2, '0');
}

/** UTC ISO text for a local wall-clock time at a place (fixed offsets; DST ended on Nov 1, 2026). */
function localToUtc(place, y, m, d, hh, mm) {
  const dst = place[5] && (m < 11 || (m === 11 && d < 1)) && m >= 3;
  const offset = place[4] + (dst ? 1 : 0);
  const t = Date.UTC(y, m - 1, d, hh - offset, mm);
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

function daysIn(y, m) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * `count` contacts from `seed`. Each is {contact, extra}: `contact` is the CRM
 * record (the engine's fields and the CRM's own: phone, city, list), `extra` what
 * the generator knows about it.
 */
export function generateContacts(count = 50000, seed = 42) {
  const r = rng(seed);
  const placeWeights = PLACES.map((p) => [p, p[6]]);
  const out = new Array(count);
  const asOf = Date.parse(DATA_AS_OF);
  for (let i = 0; i < count; i++) {
    const place = r.weighted(placeWeights);
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const id = `c${String(i + 1).padStart(6, '0')}`;
    const list = r.weighted([[SMART_LISTS[0], 30], [SMART_LISTS[1], 25], [SMART_LISTS[2], 20], [SMART_LISTS[3], 15], [SMART_LISTS[4], 10]]);
    const events = [];
    const at = (y, m, d, hh, mm) => localToUtc(place, y, m, d, hh, mm);
    const workTime = () => [r.int(9, 18), r.pick([0, 5, 10, 15, 20, 30, 40, 45, 50])];

    // When the contact came in: most are an existing book, a third are new leads.
    const isNew = list === 'Web Leads' || list === 'Open House Sign-ins' ? r.chance(0.7) : r.chance(0.1);
    let added;
    if (isNew) {
      const d = r.int(15, 43); // Oct 15 .. Nov 12
      added = d <= 31 ? [2026, 10, d] : [2026, 11, d - 31];
    } else {
      const m = r.int(6, 10);
      added = [2026, m, r.int(1, daysIn(2026, m))];
    }
    const [ah, am] = workTime();
    const addedAt = at(...added, ah, am);
    let optedOut = false;
    let dead = false;

    // Earlier months: a couple of touches, now and then a conversation or an outcome.
    for (const m of [9, 10]) {
      if (added[1] > m || (added[1] === m && added[2] > 25)) continue;
      if (!r.chance(0.6)) continue;
      const d = r.int(Math.max(1, added[1] === m ? added[2] : 1), 12);
      const [h, mi] = workTime();
      events.push({ kind: 'message', at: at(2026, m, d, h, mi), channel: 'sms', direction: 'out', text: r.pick(OUR_TEXTS).replace('{first}', first) });
      if (r.chance(0.3)) {
        events.push({ kind: 'message', at: at(2026, m, d, Math.min(h + 2, 20), mi), channel: 'sms', direction: 'in', text: r.pick(['Thanks!', 'Not right now', 'Maybe later']) });
      }
      if (r.chance(0.15)) {
        const outcome = r.weighted([['sold', 3], ['noSale', 3], ['saleInProgress', 2]]);
        const ev = { kind: 'activity', at: at(2026, m, d + 3, 14, 0), interaction: r.pick(['call', 'inStore']), outcome };
        if (outcome === 'noSale' && r.chance(0.5)) ev.reason = 'satisfied';
        events.push(ev);
      }
    }

    // This month (the 1st to DATA_AS_OF): 1st attempts, replies, a few 2nd-attempt calls.
    const novStart = added[1] === 11 ? added[2] : 1;
    if (!dead && r.chance(0.72)) {
      const d = r.int(novStart, Math.min(10, Math.max(novStart, 10)));
      const [h, mi] = r.chance(0.01) ? [r.pick([6, 7, 22]), 15] : workTime(); // a rare touch in quiet hours
      const byCall = r.chance(0.2);
      if (byCall) {
        const outcome = r.weighted([['noAnswer', 45], ['leftVoicemail', 30], ['connected', 20], ['wrongNumber', 5]]);
        events.push({ kind: 'activity', at: at(2026, 11, d, h, mi), interaction: 'call', outcome });
        if (outcome === 'wrongNumber') dead = true;
        if (outcome === 'connected') addAfterContact(2026, 11, d, h);
      } else {
        events.push({ kind: 'message', at: at(2026, 11, d, h, mi), channel: 'sms', direction: 'out', text: r.pick(OUR_TEXTS).replace('{first}', first) });
        if (r.chance(0.3)) {
          const text = r.weighted(REPLIES);
          const rh = Math.min(h + r.int(0, 3), 20);
          events.push({ kind: 'message', at: at(2026, 11, d, rh, (mi + 7) % 60), channel: 'sms', direction: 'in', text });
          const intentStop = /^(stop|unsubscribe|stop all)$|stop texting|remove me/i.test(text);
          if (intentStop) {
            optedOut = true;
            if (r.chance(0.8)) {
              events.push({ kind: 'message', at: at(2026, 11, d, rh, (mi + 9) % 60), channel: 'sms', direction: 'out', text: 'You have been unsubscribed and will receive no more texts. Reply START to resubscribe.' });
            }
          } else if (r.chance(0.55) && d + 1 <= 12) {
            events.push({ kind: 'message', at: at(2026, 11, d + 1, 10, 5), channel: 'sms', direction: 'out', text: OUR_TEXTS[2].replace('{first}', first) });
          }
        }
      }
      // A second touch on the 11th or 12th, by call, for some who never answered.
      if (!dead && r.chance(0.3)) {
        const d2 = r.int(11, 12);
        const [h2, m2] = workTime();
        if (at(2026, 11, d2, h2, m2) <= DATA_AS_OF) {
          const outcome = r.weighted([['noAnswer', 50], ['leftVoicemail', 30], ['connected', 20]]);
          events.push({ kind: 'activity', at: at(2026, 11, d2, h2, m2), interaction: 'call', outcome });
          if (outcome === 'connected') addAfterContact(2026, 11, d2, h2);
        }
      }
    }
    if (r.chance(0.01)) events.push({ kind: 'dnd', at: at(2026, 11, r.int(1, 10), 12, 0), channel: 'email', active: true, source: 'unsubscribe' });
    if (r.chance(0.004)) events.push({ kind: 'dnd', at: at(2026, 11, r.int(1, 10), 12, 30), channel: 'call', active: true, source: 'manual', reason: 'Asked us to stop calling' });
    if (r.chance(0.03)) {
      events.push({ kind: 'message', at: at(2026, 11, r.int(2, 11), 11, 0), channel: 'email', direction: 'in', text: r.pick(EMAILS_IN) });
    }

    function addAfterContact(y, m, d, h) {
      const roll = r();
      const at0 = at(y, m, d, Math.min(h + 1, 20), 0);
      if (roll < 0.25) {
        events.push({ kind: 'activity', at: at0, interaction: 'call', outcome: 'saleInProgress' });
      } else if (roll < 0.35) {
        events.push({ kind: 'activity', at: at0, interaction: 'call', outcome: 'sold' });
        return;
      }
      if (r.chance(0.5)) {
        const cd = r.int(13, 28);
        events.push({ kind: 'callback', at: at0, dueAt: at(y, m, cd, r.int(9, 17), r.pick([0, 30])), scheduled: r.chance(0.3) });
      } else if (r.chance(0.6)) {
        const months = r.pick([2, 3, 6, 9, 12]);
        const by = new Date(Date.UTC(y, m - 1 + months, 1, 17, 0));
        events.push({ kind: 'horizon', at: at0, buyAt: by.toISOString().replace('.000Z', 'Z') });
      }
    }

    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    const kept = events.filter((e) => Date.parse(e.at) <= asOf && e.at >= addedAt);
    // A CRM record as it is: the engine reads id, name, timeZone, region, addedAt,
    // priority and events, and ignores phone, city and list. One contact in twenty
    // has no time zone on file (the engine then goes by the region).
    const contact = {
      id,
      name: `${first} ${last}`,
      phone: `(${place[3]}) 555-01${pad(r.int(0, 99))}`,
      city: place[2],
      list,
      ...(r.chance(0.05) ? {} : { timeZone: place[0] }),
      region: place[1],
      addedAt,
      priority: list === 'Web Leads' ? 3 : list === 'Upgrade Eligible' ? 2 : r.int(0, 1),
      events: kept,
    };
    out[i] = { contact, extra: { optedOutAtStart: optedOut } };
  }
  return out;
}
