// Type-checks a typical use of the package against its generated .d.ts: the
// main entry, cadence-engine/init and cadence-engine/parallel.
import {
  evaluate, evaluateMany, plan, classifyReply, checkChannel, followUpDate,
  planQueue, preset, validatePlaybook, Worklist,
} from '../../pkg/index.js';
import type {
  Contact, Evaluation, Playbook, Filter, Facets, BatchError, PlanItem, Region, NextAuto, Channel, Time, RecordTime, Event,
  EngineError, FieldError, WorklistColumns,
} from '../../pkg/index.js';
import { init, initSync } from '../../pkg/init.js';
import type { WasmSource } from '../../pkg/init.js';
import { evaluateManyParallel, createPool } from '../../pkg/node/parallel.cjs';

const playbook: Playbook = preset('monthly-campaign');
const contact: Contact = {
  id: 'c1',
  name: 'Ana',
  timeZone: 'America/New_York',
  addedAt: '2026-10-20T15:00:00Z',
  events: [
    { kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'out' },
    { kind: 'activity', at: 1793714400000, interaction: 'call', outcome: 'noAnswer' },
    { kind: 'dnd', at: '2026-11-03T14:00:00Z', channel: 'email', active: true, source: 'unsubscribe' },
    { kind: 'callback', at: '2026-11-03 09:00:00', dueAt: '2026-11-04T10:15', scheduled: true }, // local times
    { kind: 'horizon', at: new Date('2026-11-03T14:00:00Z'), buyAt: '2027-05-03T14:00:00Z' },
    { kind: 'stepDone', at: '2026-11-03T14:00:00Z', step: 'call' },
  ],
};

// A CRM record goes in as it is: extra fields on the contact and on its events.
const fromCrm: Contact = {
  id: 1042, phone: '(212) 555-0142', owner: 'sam', customFields: { score: 7 },
  region: 'US-TX', addedAt: '2026-11-03 10:15:00',
  events: [{ kind: 'message', at: '2026-11-02T14:00:00Z', channel: 'sms', direction: 'in', text: 'STOP', messageId: 'm-1' }],
};
const regions: Region[] = ['US', 'CA', 'US-FL', 'US-DC', 'US-PR', 'CA-ON', 'CA-QC', 'CA-YT'];
// @ts-expect-error: not a region
const notARegion: Region = 'US-XX';
const event: Event = { kind: 'dnd', at: 0, channel: 'all', active: true };
const time: Time = new Date();
// A Temporal value or another date library's object.
const instant: Time = { epochMilliseconds: 1793628000000 };
const luxon: Time = { toJSON: () => '2026-11-02T09:00:00.000-05:00' };
// @ts-expect-error: an object that is no time
const notATime: Time = { when: 'now' };
// A record crosses as its JSON text: an object in it is read by its toJSON.
const inRecord: RecordTime = { toJSON: () => '2026-11-02T09:00:00.000-05:00' };
// @ts-expect-error: a bare { epochMilliseconds } object in a record
const bareInRecord: RecordTime = { epochMilliseconds: 1793628000000 };

// Playbooks stay strict: a typo is caught.
const typo: Playbook = {
  name: 'Mine',
  // @ts-expect-error: "stepz" is not a playbook field
  stepz: [],
};
const withSteps: Playbook = {
  name: 'Mine',
  region: 'CA-ON',
  // @ts-expect-error: "chanel" is not a step field
  steps: [{ id: 'a', chanel: 'sms', mode: 'auto' }],
};
const blackout: Playbook = { name: 'Storm', blackoutDates: ['2026-11-20'], holidays: ['2026-11-26'] };

const ev: Evaluation = evaluate(contact, playbook, '2026-11-12T15:00:00Z');
const label: string | undefined = ev.next?.label;
const auto: NextAuto | null = ev.nextAuto;
const autoChannel: Channel | undefined = ev.nextAuto?.channel;
const validUntil: string | null = ev.validUntil;
const source: 'contact' | 'playbook' | 'region' = ev.timeZoneSource;
const allowed: boolean = ev.channels.sms.allowed;
const many: Array<Evaluation | BatchError> = evaluateMany([contact, fromCrm], playbook, Date.now());
const problems: FieldError[] = many.flatMap((r) => ('error' in r ? r.errors : []));
function problemsOf(e: unknown): string[] {
  return e instanceof Error && 'errors' in e ? (e as EngineError).errors.map((x) => `${x.path}: ${x.message}`) : [];
}
const steps: PlanItem[] = plan(contact, preset('call-ladder'), 0, '2027-01-01T00:00:00Z');
const cls = classifyReply('STOP');
const intent: 'optOut' | 'optIn' | 'help' | 'none' = cls.intent;
const byEmail = classifyReply('Unsubscribe', 'email');
const revoked: Channel[] = cls.channels;
const check = checkChannel(contact, 'call', '2026-11-12T15:00:00Z', playbook);
const when: string = followUpDate('2026-01-01T00:00:00Z', '2026-07-01T00:00:00Z');
const queue = planQueue([{ id: 'a', priority: 1, dueAt: 0 }], { capacityPerDay: 10, timeZone: 'UTC' });
const ok: boolean = validatePlaybook(playbook);
const wl = new Worklist(playbook, '2026-11-12T15:00:00Z');
const lazy = new Worklist(playbook);
lazy.free();
const errors: BatchError[] = wl.upsert([contact]);
const filter: Filter = { status: ['noSmsReply'], allowed: ['sms'], due: true, text: 'ana' };
const sender: Filter = { autoDue: true };
const ids: Array<string | number> = wl.query(filter);
const page: Array<string | number> = wl.query(sender, { offset: 0, limit: 50 });
const facets: Facets = wl.facets({});
const everyone: Array<string | number> = wl.query();
const counts: Facets = wl.facets();
const size: number = wl.size;
const cols: WorklistColumns = wl.columns();
const dueNow: number = cols.flags.filter((f) => (f & 8) !== 0).length + cols.dueAt.length;
wl.free();

// cadence-engine/init: load from a URL, bytes or nothing.
async function load(bytes: Uint8Array, url: string): Promise<void> {
  const sources: WasmSource[] = [bytes, url, bytes.buffer];
  await init();
  await init(url);
  initSync(bytes);
  void sources;
}

// cadence-engine/parallel.
async function parallel(): Promise<number> {
  const results = await evaluateManyParallel([contact], playbook, Date.now(), { workers: 2 });
  const pool = createPool({ workers: 1 });
  const size = pool.size;
  const summaries = await pool.run({ contacts: [contact], playbook, now: Date.now(), mode: 'summary' });
  const first = summaries[0];
  const shown: string = first && !('error' in first) ? first.statusLabel : '';
  // A summary carries the channels (a queue plans no earlier than one opens), not explain.
  const callOpens = first && !('error' in first) ? first.channels.call.nextAllowedAt : undefined;
  // @ts-expect-error a summary has no explain
  const noExplain = first && !('error' in first) ? first.explain : undefined;
  const full = await pool.run({ contacts: [contact], playbook, now: Date.now() });
  const f = full[0];
  const sms = f && !('error' in f) ? f.channels.sms.allowed : false;
  await pool.close();
  return results.length + size + shown.length + Number(sms) + Number(callOpens === undefined) + Number(noExplain === undefined);
}

export {
  problems, problemsOf, label, auto, autoChannel, byEmail, validUntil, source, allowed, many, steps, intent, revoked, check, when, queue, ok, errors, ids,
  page, facets, everyone, counts, size, dueNow, regions, notARegion, event, time, typo, withSteps, blackout, load, parallel,
};
