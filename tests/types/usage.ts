// Type-checks a typical use of the package against its generated .d.ts.
import {
  evaluate, evaluateMany, plan, classifyReply, checkChannel, followUpDate,
  planQueue, preset, validatePlaybook, Worklist,
} from '../../pkg/cadence_engine.js';
import type { Contact, Evaluation, Playbook, Filter, Facets, BatchError, PlanItem } from '../../pkg/cadence_engine.js';

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
    { kind: 'callback', at: '2026-11-03T14:00:00Z', dueAt: '2026-11-04T14:00:00Z', scheduled: true },
    { kind: 'horizon', at: '2026-11-03T14:00:00Z', buyAt: '2027-05-03T14:00:00Z' },
    { kind: 'stepDone', at: '2026-11-03T14:00:00Z', step: 'call' },
  ],
};
const ev: Evaluation = evaluate(contact, playbook, '2026-11-12T15:00:00Z');
const label: string | undefined = ev.next?.label;
const allowed: boolean = ev.channels.sms.allowed;
const many: Array<Evaluation | BatchError> = evaluateMany([contact], playbook, Date.now());
const steps: PlanItem[] = plan(contact, preset('call-ladder'), 0, '2027-01-01T00:00:00Z');
const cls = classifyReply('STOP');
const intent: 'optOut' | 'optIn' | 'help' | 'none' = cls.intent;
const byEmail = classifyReply('Unsubscribe', 'email');
const check = checkChannel(contact, 'call', '2026-11-12T15:00:00Z', playbook);
const when: string = followUpDate('2026-01-01T00:00:00Z', '2026-07-01T00:00:00Z');
const queue = planQueue([{ id: 'a', priority: 1, dueAt: 0 }], { capacityPerDay: 10, timeZone: 'UTC' });
const ok: boolean = validatePlaybook(playbook);
const wl = new Worklist(playbook, '2026-11-12T15:00:00Z');
const lazy = new Worklist(playbook);
lazy.free();
const errors: BatchError[] = wl.upsert([contact]);
const filter: Filter = { status: ['noSmsReply'], allowed: ['sms'], due: true, text: 'ana' };
const ids: Array<string | number> = wl.query(filter);
const page: Array<string | number> = wl.query(filter, { offset: 0, limit: 50 });
const facets: Facets = wl.facets({});
const size: number = wl.size;
wl.free();
export { label, allowed, many, steps, intent, byEmail, check, when, queue, ok, errors, ids, page, facets, size };
