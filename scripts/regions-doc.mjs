#!/usr/bin/env node
// Renders the region table of docs/consent.md from src/regions/regions.json,
// between the markers <!-- regions:begin --> and <!-- regions:end -->.
//
//   node scripts/regions-doc.mjs           rewrite docs/consent.md
//   node scripts/regions-doc.mjs --check   exit 1 when the doc and the data disagree
//
// tests/js/regions-doc.test.mjs runs the same check under `make test`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA = join(root, 'src/regions/regions.json');
export const DOC = join(root, 'docs/consent.md');
const BEGIN = '<!-- regions:begin -->';
const END = '<!-- regions:end -->';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_WORDS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NTH = { 1: '1st', 2: '2nd', 3: '3rd', 4: '4th', 5: '5th', '-1': 'last' };
const OBSERVED = {
  sundayToMonday: 'Sun → Mon',
  weekendToMonday: 'Sat, Sun → Mon',
  nearestWeekday: 'Sat → Fri, Sun → Mon',
  monday: 'Tue–Fri → Mon before, Sat, Sun → Mon after',
};

const dayWord = (d) => DAY_WORDS[DAYS.indexOf(d)];

/** "Mon–Fri", "Sat, Sun" or "every day" for a list of day names. */
function days(list) {
  const on = DAYS.map((d) => !list || list.includes(d));
  if (on.every(Boolean)) return 'every day';
  const runs = [];
  for (let i = 0; i < 7; i += 1) {
    if (!on[i]) continue;
    let j = i;
    while (j + 1 < 7 && on[j + 1]) j += 1;
    runs.push(j - i >= 2 ? `${DAY_WORDS[i]}–${DAY_WORDS[j]}` : DAY_WORDS.slice(i, j + 1).join(', '));
    i = j;
  }
  return runs.join(', ');
}

function monthDay(md) {
  const [m, d] = md.split('-').map(Number);
  return `${MONTHS[m - 1]} ${d}`;
}

/** A holiday rule in words: "4th Thu of Nov", "Easter − 2", "Jul 4, observed Sat → Fri, Sun → Mon". */
export function holidayRule(h) {
  let when;
  if (h.date) when = monthDay(h.date);
  else if (h.nth !== undefined) when = `${NTH[h.nth]} ${dayWord(h.weekday)} of ${MONTHS[h.month - 1]}`;
  else if (h.onOrBefore) when = `${dayWord(h.weekday)} on or before ${monthDay(h.onOrBefore)}`;
  else when = h.easter === 0 ? 'Easter' : `Easter ${h.easter < 0 ? '−' : '+'} ${Math.abs(h.easter)}`;
  if (h.offset) when += ` + ${h.offset}`;
  const extra = [];
  if (h.years === 'even') extra.push('even years');
  if (h.observed) extra.push(`observed ${OBSERVED[h.observed]}`);
  return [when, ...extra].join(', ');
}

const cell = (s) => String(s).replace(/\|/g, '\\|');

/** The Markdown between the markers. */
export function render(data) {
  const rows = data.regions;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const out = [];
  out.push(
    `${rows.length} regions. A window is in the called person's local time, ends exclusive; a window marked`,
    '*(federal)* or *(national)* is the country\'s: the region sets no hours of its own, or the same ones (its',
    'days, holidays and caps may be its own). Every window lies inside its country\'s',
    '(a test checks it). "Texts named": whether the rule names texts; the engine holds texts to a',
    'row\'s window and days either way (the stricter reading: a text is a call under the TCPA).',
    'Generated from `src/regions/regions.json` by `node scripts/regions-doc.mjs`;',
    'do not edit by hand.',
    '',
    '| code | region | window | no calls on | caps | texts named | source | checked |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const r of rows) {
    const country = byCode.get(r.code.slice(0, 2));
    const own = Boolean(r.window);
    const blocks = (r.window ?? country.window)
      .map((b) => `${days(b.days?.filter((d) => !(r.banned?.weekdays ?? []).includes(d)))} ${b.from}–${b.to}`)
      .join('; ');
    const window = own || r === country ? blocks : `${blocks} *(${r.code.startsWith('CA') ? 'national' : 'federal'})*`;
    const banned = [];
    if (r.banned?.weekdays.length) banned.push(r.banned.weekdays.map(dayWord).join(', '));
    if (r.banned?.holidays.length) banned.push(`${r.banned.holidays.length} holidays (below)`);
    const caps = (r.caps ?? [])
      .map((c) => `${c.max} per ${c.hours ? `${c.hours} h` : `${c.days} days`} (${c.channels.map((ch) => (ch === 'sms' ? 'texts' : 'calls')).join(' + ')})`)
      .join('; ');
    const texts = r.coversTexts ?? country.coversTexts;
    const source = r.cite.map((c) => `[${cell(c.law)}](${c.url})`).join('; ');
    out.push(`| ${r.code} | ${cell(r.name)} | ${window} | ${banned.join('; ') || '—'} | ${caps || '—'} | ${texts ? 'yes' : 'no'} | ${source} | ${r.checked} |`);
  }
  out.push('', '#### Holidays with no calls', '');
  for (const r of rows.filter((x) => x.banned?.holidays.length)) {
    const list = r.banned.holidays.map((h) => `${h.name}: ${holidayRule(h)}`).join('; ');
    out.push(`- **${r.code}** (${cell(r.banned.cite)}): ${list}.`);
  }
  out.push('', '#### Notes', '');
  for (const r of rows) out.push(`- **${r.code}** ${r.name}: ${r.notes}`);
  return out.join('\n');
}

/** `text` with the part between the markers replaced; throws without them. */
export function update(text, data) {
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/consent.md: markers ${BEGIN} ... ${END} not found`);
  return `${text.slice(0, a + BEGIN.length)}\n${render(data)}\n${text.slice(b)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const data = JSON.parse(readFileSync(DATA, 'utf8'));
  const text = readFileSync(DOC, 'utf8');
  const next = update(text, data);
  if (process.argv.includes('--check')) {
    if (next !== text) {
      console.error('docs/consent.md is out of date with src/regions/regions.json: run node scripts/regions-doc.mjs');
      process.exit(1);
    }
  } else if (next !== text) {
    writeFileSync(DOC, next);
  }
}
