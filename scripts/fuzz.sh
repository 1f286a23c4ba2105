#!/usr/bin/env bash
# Runs each fuzz target in fuzz/ for FUZZ_SECONDS (default 60), one after the
# other, and prints executions and coverage per target.
#
#   FUZZ_SECONDS=600 scripts/fuzz.sh                     # every target, 10 min each
#   FUZZ_TARGETS="classify_reply plan_queue" scripts/fuzz.sh
#
# Corpora are seeded from tests/cases/*.json, the presets and
# tests/regressions/*.json; they live in fuzz/corpus/<target> (not committed).
# A crasher is left in fuzz/artifacts/<target>/; turn it into a regression case
# under tests/regressions/ (see docs/robustness.md). Exits non-zero when a
# target found a crash.
set -uo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-"evaluate_json evaluate_structured classify_reply playbook plan_queue read_contacts worklist_ops"}
# The engine is safe Rust: what fuzzing looks for is a panic (including integer
# overflow, with debug assertions on), which needs no sanitizer; without one a
# target runs two to three times faster. FUZZ_SANITIZER=address to check anyway.
FUZZ_SANITIZER=${FUZZ_SANITIZER:-none}

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz
fi

# Seeds: one file per golden case, per playbook, per text, per queue.
node - <<'JS'
const fs = require('fs');
const path = require('path');
const put = (target, name, value) => {
  const dir = path.join('fuzz', 'corpus', target);
  fs.mkdirSync(dir, { recursive: true });
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  fs.writeFileSync(path.join(dir, 'seed-' + name.replace(/[^A-Za-z0-9_.-]+/g, '_')), text);
};
const presets = {};
for (const f of fs.readdirSync('src/presets')) {
  const name = f.replace(/\.json$/, '');
  presets[name] = JSON.parse(fs.readFileSync(path.join('src/presets', f), 'utf8'));
  put('playbook', 'preset-' + name, presets[name]);
}
const files = [];
for (const dir of ['tests/cases', 'tests/regressions']) {
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.json')) files.push(path.join(dir, f));
}
for (const file of files) {
  let doc;
  try { doc = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { continue; }
  const base = path.basename(file, '.json');
  // Every contact of a file, as one batch; and indented, as files are kept.
  const batch = [];
  for (const c of doc.cases || []) {
    for (const k of c.contacts || (c.contact ? [c.contact] : [])) if (k && typeof k === 'object') batch.push(k);
  }
  if (batch.length) {
    put('read_contacts', base, batch);
    put('read_contacts', base + '-indented', JSON.stringify(batch.slice(0, 4), null, 2));
  }
  (doc.cases || []).forEach((c, i) => {
    const id = `${base}-${i}`;
    const op = c.op || 'evaluate';
    if (op === 'classifyReply') {
      if (typeof c.text === 'string') put('classify_reply', id, c.text);
      return;
    }
    if (op === 'planQueue') { put('plan_queue', id, { items: c.items, options: c.options }); return; }
    put('evaluate_json', id, c);
    const pb = typeof c.playbook === 'string' ? presets[c.playbook] : c.playbook;
    if (pb !== undefined) put('playbook', id, pb);
    const contacts = c.contacts || (c.contact ? [c.contact] : []);
    contacts.forEach((k, j) => (k && Array.isArray(k.events) ? k.events : []).forEach((e, n) => {
      if (e && typeof e.text === 'string') put('classify_reply', `${id}-${j}-${n}`, e.text);
    }));
  });
}
for (const t of ['STOP', 'stop all', 'Please stop texting me', "I'll stop by tomorrow", 'START', 'HELP', 'Arrêt', 'opt-out']) {
  put('classify_reply', 'word-' + t, t);
}
// Batches as CRMs export them: unknown fields (some nested, with brackets in
// strings), "" and null for "not given", local date-times without an offset,
// epoch milliseconds, ids as numbers, an element that is not a contact, a
// record that is not valid JSON inside a valid array, and a cut-off batch.
const crm = [
  { id: 101, name: 'Ana Ruiz', phone: '+1 305 555 0101', owner: { name: 'Bo', tags: ['vip', { a: '}]' }] },
    timeZone: 'America/New_York', region: 'US-FL', priority: 2, addedAt: '2026-10-20 09:15:00',
    events: [
      { kind: 'message', at: 1793613600000, channel: 'sms', direction: 'out', text: 'Hi Ana!', step: '', crmId: 'm1' },
      { kind: 'message', at: '2026-11-02T10:05:00', channel: 'sms', direction: 'in', text: 'STOP' },
      { kind: 'activity', at: '2026-11-03T14:00:00-05:00', interaction: 'call', outcome: 'noAnswer', notes: null },
    ] },
  { id: 'c-2', name: '', timeZone: '', region: null, priority: '', addedAt: 1792000000000, events: [] },
  { id: 'c-3', name: null, addedAt: '2026-11-01T08:00', custom: [1, 2, [3]],
    events: [{ kind: 'dnd', at: '2026-11-01T09:00:00Z', channel: 'email', active: true, source: 'unsubscribe' },
             { kind: 'callback', at: '2026-11-01T09:30:00Z', dueAt: '2026-11-04 15:00' },
             { kind: 'horizon', at: '2026-11-01T09:31:00Z', buyAt: '2027-02-01' }] },
];
put('read_contacts', 'crm', crm);
put('read_contacts', 'crm-indented', JSON.stringify(crm, null, 4));
put('read_contacts', 'crm-mixed', '[' + JSON.stringify(crm[0]) + ', 3, "x", null, [1,2], ' + JSON.stringify(crm[1]) + ']');
put('read_contacts', 'crm-inner-syntax', '[' + JSON.stringify(crm[1]) + ',{"id":"c","addedAt" "2026-11-01T10:00:00Z"},' + JSON.stringify(crm[2]) + ']');
put('read_contacts', 'crm-cut', JSON.stringify(crm).slice(0, 300));
put('read_contacts', 'crm-surrogate', '[{"id":"s","name":"Ana \\ud83d","addedAt":"2026-11-01T00:00:00Z"}]');
put('plan_queue', 'basic', {
  items: [
    { id: 'a', priority: 1, dueAt: '2026-11-02T09:00:00Z' },
    { id: 'b', priority: 5, dueAt: '2026-03-08T07:30:00Z' },
    { id: 3, dueAt: 1785000000000 },
  ],
  options: { capacityPerDay: 2, timeZone: 'America/New_York', from: '2026-11-01T00:00:00Z' },
});
JS

# Build every target once, then run the binaries: one snapshot of the sources
# for the whole run, and no rebuild between targets.
(cd fuzz && cargo +nightly fuzz build -s "$FUZZ_SANITIZER" --debug-assertions) || exit 2
host=$(rustc +nightly -vV | sed -n 's/^host: //p')
bin=fuzz/target/$host/release

summary=()
status=0
for t in $FUZZ_TARGETS; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  log=$(mktemp)
  echo "[fuzz] $t: ${FUZZ_SECONDS}s"
  start=$SECONDS
  "$bin/$t" "fuzz/corpus/$t" -max_total_time="$FUZZ_SECONDS" -max_len=16384 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" >"$log" 2>&1
  rc=$?
  took=$((SECONDS - start))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s+=$2} END {print s+0}')
  cov=$(grep -E '^#[0-9]+' "$log" | grep -o 'cov: [0-9]*' | tail -1 | awk '{print $2}')
  ft=$(grep -E '^#[0-9]+' "$log" | grep -o 'ft: [0-9]*' | tail -1 | awk '{print $2}')
  corp=$(ls "fuzz/corpus/$t" | wc -l)
  line=$(printf '%-20s %4ss  execs %10s  cov %6s  ft %6s  corpus %5s  exit %s' \
    "$t" "$took" "$execs" "${cov:-?}" "${ft:-?}" "$corp" "$rc")
  echo "[fuzz] $line"
  summary+=("$line")
  if [ "$rc" -ne 0 ]; then
    status=1
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -20
    cp "$log" "fuzz/artifacts/$t/last-run.log"
  fi
  rm -f "$log"
done
echo "[fuzz] summary (cov = edges covered, ft = features):"
printf '  %s\n' "${summary[@]}"
exit $status
