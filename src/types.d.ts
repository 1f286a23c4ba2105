/** A time: RFC 3339 text with an offset ("2026-11-02T09:00:00-05:00"), epoch milliseconds, or a Date. */
export type Time = string | number | Date;
/** A reachable channel. */
export type Channel = "sms" | "call" | "email";
/**
 * A region of calling hours, days with no calls and caps: `"US"` (federal),
 * `"CA"` (national) or the ISO 3166-2 code of a US state, DC or territory
 * (`"US-TX"`, `"US-DC"`, `"US-PR"`) or of a Canadian province or territory
 * (`"CA-ON"`, `"CA-QC"`). The rules and their sources: docs/consent.md.
 * An unknown code is an error that lists the valid ones.
 */
export type Region = "US" | "CA" | `US-${string}` | `CA-${string}`;
/** The ten contact statuses. */
export type StatusId =
  | "newAccount" | "noSmsReply" | "smsInProgress" | "saleInProgress" | "satisfied"
  | "noSale" | "sold" | "noAnswer" | "leftVoicemail" | "wrongNumber";
/** Outcomes of a logged activity; the first four are valid only with interaction "call". */
export type Outcome =
  | "connected" | "noAnswer" | "leftVoicemail" | "wrongNumber"
  | "saleInProgress" | "sold" | "noSale";

/** A text or email, either way. `step` marks the sequence step it carries out. */
export interface MessageEvent { kind: "message"; at: Time; channel: "sms" | "email"; direction: "in" | "out"; text?: string; step?: string }
/** A logged activity. `reason: "satisfied"` on a noSale gives the status Satisfied. */
export interface ActivityEvent { kind: "activity"; at: Time; interaction: "call" | "sms" | "email" | "inStore"; outcome: Outcome; reason?: string; step?: string }
/** A do-not-disturb change: `active: false` lifts it. */
export interface DndEvent { kind: "dnd"; at: Time; channel: Channel | "all"; active: boolean; source?: "keyword" | "manual" | "unsubscribe" | "bounce" | "complaint"; reason?: string }
/** A sequence step marked done. */
export interface StepDoneEvent { kind: "stepDone"; at: Time; step: string }
/** A callback the agent set; `scheduled` when the lead asked for that exact time. */
export interface CallbackEvent { kind: "callback"; at: Time; dueAt: Time; scheduled?: boolean }
/** The buying horizon the lead gave. */
export interface HorizonEvent { kind: "horizon"; at: Time; buyAt: Time }
/** One event of a contact's history. */
export type Event = MessageEvent | ActivityEvent | DndEvent | StepDoneEvent | CallbackEvent | HorizonEvent;

/** A contact with its history. `timeZone` and `region` override the playbook's. */
export interface Contact {
  id: string | number;
  name?: string;
  timeZone?: string;
  region?: Region;
  addedAt: Time;
  priority?: number;
  events?: Event[];
}

/** A block of a contact window, local time; `to` not after `from` runs past midnight. */
export interface WindowBlock { days?: Array<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun">; from: string; to: string }
/** A phase of a monthly campaign. */
export interface PhaseSpec { id: string; label?: string; fromDay: number; attempt: number }
/** A duration. */
export interface DurationSpec { days?: number; hours?: number; minutes?: number }
/** A step of a ladder or sequence: `day` (from enrollment) or `after` (the previous step). */
export interface StepSpec {
  id: string;
  label?: string;
  channel: "sms" | "email" | "call" | "task";
  mode: "auto" | "manual" | "action" | "reminder";
  day?: number;
  after?: DurationSpec;
  businessDays?: boolean;
}
/** A playbook. Every field but `name` is optional; unknown fields are errors. */
export interface Playbook {
  name: string;
  timeZone?: string;
  region?: Region;
  window?: WindowBlock[];
  campaign?: { period?: "month"; phases?: PhaseSpec[]; channels?: Channel[] };
  steps?: StepSpec[];
  replyWithin?: DurationSpec;
  stopOn?: Array<"reply" | "connected" | "outcome">;
  followUpFraction?: number;
  optOut?: { suffix?: string; stage?: string; priorityBoost?: number };
  stickyStatuses?: StatusId[];
  holidays?: string[];
  frequencyCap?: { max: number; hours: number; channels?: Channel[] };
  keywords?: { optOut?: string[]; optIn?: string[]; help?: string[] };
}
export type PresetName = "monthly-campaign" | "call-ladder" | "sequence";

/** The next action. */
export interface NextAction {
  kind: "attempt" | "step" | "reply" | "callback" | "followUp" | "confirmOptOut";
  label: string;
  attempt?: number;
  channel: Channel | "task";
  mode: "auto" | "manual" | "action" | "reminder";
  stepId?: string;
  /** When it is due; for `reply` and `confirmOptOut`, the deadline. */
  dueAt: string;
  /** It can and should be done now. */
  due: boolean;
  overdue: boolean;
  overdueAt: string;
  /** The cadence waits for it. */
  blocking: boolean;
}
/** One channel's answer. `nextAllowedAt` is null while a DND or wrong number lasts. */
export interface ChannelCheck {
  allowed: boolean;
  reason?: "dnd" | "quietHours" | "frequencyCap" | "wrongNumber";
  nextAllowedAt?: string | null;
}
export interface DndInfo { since: string; reason: "keyword" | "manual" | "unsubscribe" | "bounce" | "complaint"; event: number }
export interface Violation {
  at: string;
  channel: Channel;
  rule: "textAfterOptOut" | "dnd" | "wrongNumber" | "quietHours" | "frequencyCap";
  event: number;
  message: string;
}
/** The evaluation of one contact at one time. */
export interface Evaluation {
  id: string | number;
  status: StatusId;
  statusLabel: string;
  statusSource: "automatic" | "manual";
  next: NextAction | null;
  done: { reason: "complete" | "stopped" | "reached" | "attemptsComplete" | "noChannel"; label: string; until?: string } | null;
  channels: { sms: ChannelCheck; call: ChannelCheck; email: ChannelCheck };
  displayName: string;
  stage: string | null;
  priority: number;
  followUpAt: string | null;
  campaign: { period: string; phase: string; phaseLabel: string; phaseEndsAt: string } | null;
  explain: string[];
  violations: Violation[];
  dnd: { sms: DndInfo | null; call: DndInfo | null; email: DndInfo | null; all: DndInfo | null };
  optOut: { at: string; keyword: string; match: "exact" | "phrase"; scope: "channel" | "all"; event: number; confirmedAt: string | null } | null;
  timeZone: string;
}
/** A contact that could not be read, in a batch. */
export interface BatchError { id: string | number | null; error: string; code: string; path: string }
export interface PlanItem { dueAt: string; channel: Channel | "task"; kind: NextAction["kind"]; label: string; stepId?: string }
export interface ReplyClass {
  intent: "optOut" | "optIn" | "help" | "none";
  keyword?: string;
  match: "exact" | "phrase" | null;
  scope: "channel" | "all" | null;
}
export interface QueueItem { id: string | number; priority?: number; dueAt: Time }
export interface QueueOptions { capacityPerDay: number; timeZone?: string; from?: Time }
export interface PlannedItem { id: string | number; priority: number; dueAt: string; plannedFor: string; deferredDays: number; rank: number }
/** A worklist filter: fields AND-ed, values in a list OR-ed. */
export interface Filter {
  status?: StatusId[];
  next?: string[];
  phase?: string[];
  allowed?: Channel[];
  due?: boolean;
  text?: string;
}
/** One page of `Worklist.query` results. */
export interface Page { offset?: number; limit?: number }
export interface Facets {
  status: Record<string, number>;
  next: Record<string, number>;
  phase: Record<string, number>;
  allowed: Record<string, number>;
}
