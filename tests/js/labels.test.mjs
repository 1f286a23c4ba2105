// The demo page's conversion of a wall-clock time (the "Today" control, a
// callback's local time) against the engine's reading of the same local time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const engine = require(fileURLToPath(new URL('../../pkg', import.meta.url)));
// (www/ is served as it is, without a package.json of its own: imported as its text.)
const source = readFileSync(new URL('../../www/labels.js', import.meta.url), 'utf8');
const { zonedToIso } = await import(`data:text/javascript,${encodeURIComponent(source)}`);

/** The instant the engine reads a local date-time in `tz` as: a step due at once after a contact added then. */
function engineReads(wall, tz) {
  const playbook = {
    name: 'p', window: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00' }],
    steps: [{ id: 's', channel: 'call', mode: 'action', day: 0 }],
  };
  const [p] = engine.plan({ id: 'x', timeZone: tz, addedAt: wall.replace('T', ' '), events: [] }, playbook, '2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z');
  return p.dueAt;
}

test('zonedToIso reads a wall time as the engine does: forward over a spring-forward gap, the earlier of a time that happens twice', () => {
  const cases = [
    ['2027-03-14T02:30', 'America/New_York', '2027-03-14T07:30:00Z'], // 03:30 EDT
    ['2026-03-08T02:30', 'America/New_York', '2026-03-08T07:30:00Z'],
    ['2026-03-08T02:00', 'America/New_York', '2026-03-08T07:00:00Z'],
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00Z'], // 01:30 EDT
    ['2026-11-14T10:30', 'America/New_York', '2026-11-14T15:30:00Z'],
    ['2026-03-29T01:30', 'Europe/London', '2026-03-29T01:30:00Z'],
    ['2026-10-25T01:30', 'Europe/London', '2026-10-25T00:30:00Z'],
    ['2026-10-04T02:30', 'Australia/Sydney', '2026-10-03T16:30:00Z'],
    ['2026-04-05T02:30', 'Australia/Sydney', '2026-04-04T15:30:00Z'],
    ['2026-10-04T02:15', 'Australia/Lord_Howe', '2026-10-03T15:45:00Z'], // a 30-minute gap
    ['2026-11-14T10:30', 'Asia/Kolkata', '2026-11-14T05:00:00Z'],
  ];
  for (const [wall, tz, want] of cases) {
    assert.equal(zonedToIso(wall, tz), want, `${wall} ${tz}`);
    assert.equal(Date.parse(engineReads(wall, tz)), Date.parse(want), `${wall} ${tz}: the engine`);
  }
});
