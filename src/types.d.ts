/**
 * A moment in time. One of:
 * - RFC 3339 text with an offset: `"2026-11-02T09:00:00-05:00"`, `"2026-11-02T14:00:00Z"`; the offset may
 *   also be ISO 8601's `±HHMM` or `±HH`, as Salesforce (`"2026-11-02T14:00:00.000+0000"`) and
 *   PostgreSQL (`"2026-11-02 09:00:00-05"`) write it, with one space before it and `UTC` or `GMT` for `Z`,
 *   as Ruby (`"2026-11-02 09:00:00 -0500"`) and BigQuery (`"2026-11-02 14:00:00 UTC"`) write it;
 *   to the minute (`"2026-11-02T14:00Z"`) too;
 * - a local date-time without an offset, `"2026-11-03 10:15:00"` or `"2026-11-03T10:15"`,
 *   read in the contact's zone (its `timeZone`, else the playbook's where it keeps a clock of the
 *   contact's region; an error with its path when the zone is unknown) by the DST rule
 *   (a time in a spring-forward gap moves forward by the gap; a time that happens twice is the earlier):
 *   in a contact's fields, and in the arguments that belong to one contact (`evaluate`'s `now`,
 *   `checkChannel`'s `at`, `plan`'s `now` and `until`, `evaluateMany`'s `now` for each contact); a
 *   Worklist's `now` and `followUpDate`'s dates must carry an offset;
 * - epoch milliseconds (a number of at least 100,000,000,000: smaller numbers look like seconds and are refused),
 *   as a number, a string of digits (or of a number in another form, as a CSV's float column writes it:
 *   `"1793718900000.0"`, `"1.7937189E12"`; one a spreadsheet rounded to a few digits, `"1.794E+12"`, could be days
 *   off and is refused), or Microsoft's JSON date (`"/Date(1793718900000)/"`; an offset after the
 *   digits does not move the instant);
 * - an RFC 2822 date with its offset, as Twilio's API writes it (`"Tue, 03 Nov 2026 15:15:00 +0000"`), or as
 *   JavaScript's `Date#toString` writes it (`"Tue Nov 03 2026 07:15:00 GMT-0800 (Pacific Standard Time)"`);
 * - RFC 9557 text, as `Temporal.ZonedDateTime` writes it: `"2026-11-02T09:00:00-05:00[America/New_York]"`
 *   (the offset decides; annotations such as `[u-ca=iso8601]` are read past; a critical one, `[!…]`, and a zone without an offset are refused);
 * - a JavaScript `Date`; a `Temporal.Instant` or `ZonedDateTime` (its `epochMilliseconds`); another date
 *   library's object (Luxon, Day.js, Moment, `Temporal.PlainDateTime`), read by the text its `toJSON()` gives.
 * @errors `<path>: expected an RFC 3339 time with an offset, a local date-time (read in the contact's zone) or epoch milliseconds, got "yesterday"`;
 * a local date-time when the contact's zone is unknown; a number below 100,000,000,000 ("looks like seconds").
 */
export type Time = string | number | Date | { epochMilliseconds: number } | { toJSON(): string };
/**
 * A time in a record — a contact's `addedAt`, an event's times, a queue item's `dueAt`, a queue's `from`: a
 * {@link Time} but the bare `{ epochMilliseconds }` object. A record crosses as its JSON text, where an object
 * is read by what its `toJSON()` gives (a `Date`, a `Temporal.Instant` or `ZonedDateTime` and the date
 * libraries' objects have one); an object without it is an error at its path ("got an object").
 */
export type RecordTime = string | number | Date | { toJSON(): string };
/** A channel a contact is reached on: a text, a phone call, an email. */
export type Channel = "sms" | "call" | "email";
/**
 * A region whose calling rules apply: `"US"` (federal TCPA hours, 08:00–21:00), `"CA"` (Canada, CRTC
 * telemarketing hours), or the ISO 3166-2 code of a US state, DC or territory (`"US-TX"`, `"US-DC"`,
 * `"US-PR"`) or of a Canadian province or territory (`"CA-ON"`, `"CA-QC"`): the federal rule plus the
 * state's or province's own hours, day bans and caps (docs/consent.md cites each). Read in any letter
 * case (`"us-tx"`, as CRM exports write it); written back as ISO 3166-2 spells it.
 * @errors `region: expected "US", "CA" or an ISO 3166-2 code of a US state or Canadian province such as "US-TX" or "CA-ON" (valid: US, US-AK, ...), got "US-XX"` (the message lists the valid codes).
 */
export type Region =
  | "US" | "CA"
  | "US-AK" | "US-AL" | "US-AR" | "US-AZ" | "US-CA" | "US-CO" | "US-CT" | "US-DC" | "US-DE" | "US-FL"
  | "US-GA" | "US-HI" | "US-IA" | "US-ID" | "US-IL" | "US-IN" | "US-KS" | "US-KY" | "US-LA" | "US-MA"
  | "US-MD" | "US-ME" | "US-MI" | "US-MN" | "US-MO" | "US-MS" | "US-MT" | "US-NC" | "US-ND" | "US-NE"
  | "US-NH" | "US-NJ" | "US-NM" | "US-NV" | "US-NY" | "US-OH" | "US-OK" | "US-OR" | "US-PA" | "US-RI"
  | "US-SC" | "US-SD" | "US-TN" | "US-TX" | "US-UT" | "US-VA" | "US-VT" | "US-WA" | "US-WI" | "US-WV"
  | "US-WY" | "US-AS" | "US-GU" | "US-MP" | "US-PR" | "US-VI"
  | "CA-AB" | "CA-BC" | "CA-MB" | "CA-NB" | "CA-NL" | "CA-NS" | "CA-NT" | "CA-NU" | "CA-ON" | "CA-PE"
  | "CA-QC" | "CA-SK" | "CA-YT";
/** The ten contact statuses, by id (labels: "New Account", "No SMS Reply", "SMS in Progress", ...). */
export type StatusId =
  | "newAccount" | "noSmsReply" | "smsInProgress" | "saleInProgress" | "satisfied"
  | "noSale" | "sold" | "noAnswer" | "leftVoicemail" | "wrongNumber";
/** Outcomes of a logged activity; the first four are valid only with interaction "call". */
export type Outcome =
  | "connected" | "noAnswer" | "leftVoicemail" | "wrongNumber"
  | "saleInProgress" | "sold" | "noSale";

/**
 * A text or email, either way.
 *
 * Like every event, it may carry other fields the CRM keeps (ids, authors, custom fields): the engine ignores them.
 */
export interface MessageEvent {
  /** `"message"`. */
  kind: "message";
  /**
   * When it was sent or received.
   * @errors `events[i].at: expected an RFC 3339 time with offset or epoch milliseconds, got ...`
   */
  at: RecordTime;
  /**
   * The medium.
   * @errors `events[i].channel: expected "sms" or "email"`
   */
  channel: "sms" | "email";
  /**
   * `"in"` from the customer, `"out"` from us.
   * @errors `events[i].direction: expected "in" or "out"`
   */
  direction: "in" | "out";
  /**
   * The words; an inbound text is read for opt-out, opt-in and help keywords. A number is read as its digits (a reply "1" or a ZIP code a CSV reader typed as a number). When it is not given,
   * `body` (a string) is read in its place, as Twilio's API and most messaging and help-desk APIs name the text;
   * when neither is, `message`, then `content`, then `messageBody` (Follow Up Boss's and other CRMs' message records), then a platform's own name for the plain-text words (Close's and Outreach's `body_text`/`bodyText`, Salesforce's `TextBody`, HubSpot's `hs_email_text` and `hs_communication_body`, Zendesk's `plain_body`: the first given), whatever the order of the keys; for a text, last, `subject` (RingCentral's message store; an email's subject line is not its words, but for an opt-out keyword: an email whose subject is "Unsubscribe", as a mail client's `mailto:` List-Unsubscribe writes it over an empty or machine-written body, is an opt-out of email).
   * @default none (not read for keywords); `""` is the same as none
   */
  text?: string;
  /**
   * The id of the playbook step this message carries out. A step is named by its id; also, as CRMs tag touches, by an id or a label in another letter case or
   * spacing (`"Call ASAP"`, `"CallASAP"`) or by its place from 1 (`"4"`, `"Step 4"`); a name that is no step of the
   * playbook, or a label several steps share, is read as none (docs/semantics.md, Steps).
   * @default none
   */
  step?: string;
  /** Other fields the CRM keeps are ignored. */
  [field: string]: unknown;
}
/** A logged activity: a call, a text or email conversation, or a visit, with its outcome. */
export interface ActivityEvent {
  /** `"activity"`. */
  kind: "activity";
  /**
   * When it happened.
   * @errors `events[i].at: expected an RFC 3339 time ...`
   */
  at: RecordTime;
  /**
   * How the contact was met.
   * @errors `events[i].interaction: expected "call", "sms", "email" or "inStore"`
   */
  interaction: "call" | "sms" | "email" | "inStore";
  /**
   * What came of it.
   * @errors `events[i].outcome: ...` when a call outcome (connected, noAnswer, leftVoicemail, wrongNumber) is logged on anything but a call
   */
  outcome: Outcome;
  /**
   * Why; on a `noSale`, a reason that says the customer is satisfied
   * (`"satisfied"`, `"Satisfied with current product or service"`; not
   * `"not satisfied ..."`) gives the status Satisfied. When it is not given, `explain` (a string,
   * as the seed's CRM names its reason filter) is read in its place.
   * @default none
   */
  reason?: string;
  /**
   * The id of the playbook step (an `action`) this activity completes (not when it is the customer's call: `direction: "in"`). A step is named by its id; also, as CRMs tag touches, by an id or a label in another letter case or
   * spacing (`"Call ASAP"`, `"CallASAP"`) or by its place from 1 (`"4"`, `"Step 4"`); a name that is no step of the
   * playbook, or a label several steps share, is read as none (docs/semantics.md, Steps).
   * @default none
   */
  step?: string;
  /**
   * `"in"` (or `"inbound"`, as HubSpot and Twilio write it) for a call the
   * customer made to us, as `interaction: "Inbound Call"` says too: what came
   * of it counts, but it is no touch of ours (not audited, not counted toward
   * a cap, not an attempt). Another value is ignored.
   * @default a touch of ours
   */
  direction?: string;
  /** Other fields the CRM keeps are ignored. */
  [field: string]: unknown;
}
/** A do-not-disturb change on one channel or on all of them. */
export interface DndEvent {
  /** `"dnd"`. */
  kind: "dnd";
  /**
   * When it was set or lifted.
   * @errors `events[i].at: expected an RFC 3339 time ...`
   */
  at: RecordTime;
  /**
   * Which channel; `"all"` is every channel. A DND on an app the engine never reaches a contact by
   * (a channel named by WhatsApp, Facebook/FB, Messenger, Instagram, GMB or Google Business, Telegram, TikTok,
   * LinkedIn, WeChat, Viber, Signal, Snapchat, Twitter, a chat, a DM or a direct message, LinkedIn's InMail, and by no channel the engine reaches by, not even run into the app's name:
   * GoHighLevel's settings, "FB Messenger", "WhatsApp Business") is passed over, not refused: the record's other
   * DNDs would go with it. "SMS/WhatsApp", "WhatsApp/Voicemail" and "whatsappcall" are no app's alone, nor "SignalWire" (a provider of calls and texts): an error.
   * @errors `events[i].channel: expected "sms", "call", "email" or "all"`
   */
  channel: Channel | "all";
  /**
   * `true` sets it, `false` lifts it; also read as CRM exports write flags: `"true"`/`"false"`,
   * `"yes"`/`"no"`, `"y"`/`"n"` and `"t"`/`"f"` (PostgreSQL's), `"active"`/`"inactive"` and `"permanent"`
   * (GoHighLevel's DND status), `"on"`/`"off"`, `"checked"`/`"unchecked"` and `"x"` in any letter case, and
   * 1/0 (a number or its text in any form, `"1.0"` from a float column), -1 (true as Access writes it),
   * and the state a status column names: `"opted out"`, `"unsubscribed"`, `"dnd"`, `"blocked"`,
   * `"suppressed"` (true), `"opted in"`, `"subscribed"` (false).
   * @errors `events[i].active: expected true or false, got ...`
   */
  active: boolean;
  /**
   * What set it: `"keyword"` is the customer's opt-out keyword as the host's SMS provider
   * recorded it (on `sms` or `all`, the customer's opt-out, as the inbound message itself:
   * the one confirmation, and the hot stage and priority boost while calls are allowed);
   * `"manual"` a person, `"unsubscribe"`,
   * `"bounce"` and `"complaint"` the email side. Also read as providers label them ("STOP",
   * "Opted Out", "Unsubscribed", "Bounced", "Spam Complaint", "DNC"), and by a word of one in a longer
   * label (whole words, camel case split: "SMSOptOut"; "stop" is not in "Backstop"): "opt out", "opted
   * out", "optout", "stop", "stopped" or "stopall" for `"keyword"` ("Advanced Opt-Out", "Carrier Opt-Out",
   * "SMS STOP"), a word beginning "unsub" for `"unsubscribe"` ("group_unsubscribe"), "bounce" or "cleaned"
   * for `"bounce"`, "spam", "complain" or "abuse" for `"complaint"`, unless the label names a person, a
   * list or a system ("manual", "agent", "admin", "rep", "representative", "staff", "owner", "team",
   * "manager", "employee", "user", "litigator", "dnc", "Do Not Call", "registry", "list",
   * "suppression", "blocklist", "scrub", "workflow", "flow", "system", "automation", "integration",
   * "api", "webhook", "zapier", "import", "sync", "bulk", or anyone after "by" but the customer: "DNC
   * Opt-Out", "Opted out by rep", "Stop (litigator)", "Suppression list opt-out", "Opted out by Jane
   * Smith", "Opted out by Customer Service", "by lead coordinator", "by contact center" are
   * `"manual"`, "Opted out by the customer", "by replying STOP" `"keyword"`, and so the customer
   * under a CRM's word for them: lead, prospect, contact, client, member, patient, buyer, donor,
   * tenant, borrower, guest, homeowner, student, parent, applicant, policyholder, candidate,
   * resident, shopper, visitor, recipient, subscriber, consumer); any other label ("Workflow",
   * "API") is `"manual"`, never an error: the DND
   * stands whatever its label. A DND on `call` whose label names a do-not-call list or registry
   * ("National DNC", "Federal DNC Registry", "Internal DNC", "Company-specific DNC", "Florida DNC",
   * "Do Not Call List", "litigator", "DNC scrub") refuses texts too, and a lift of calls' DND
   * lifts both: 47 CFR 64.1200(e) applies those lists to texts to wireless numbers (a bare "DNC",
   * "Do Not Call", "DNC request" or "Rep DNC" is a rep's record: calls alone).
   * @default "manual"
   */
  source?: "keyword" | "manual" | "unsubscribe" | "bounce" | "complaint";
  /**
   * Free text, kept for people.
   * @default none
   */
  reason?: string;
  /** Other fields the CRM keeps are ignored. */
  [field: string]: unknown;
}
/** A sequence step marked done (a manual message sent, an action completed). */
export interface StepDoneEvent {
  /** `"stepDone"`. */
  kind: "stepDone";
  /**
   * When it was done.
   * @errors `events[i].at: expected an RFC 3339 time ...`
   */
  at: RecordTime;
  /**
   * The step's `id` in the playbook. A step is named by its id; also, as CRMs tag touches, by an id or a label in another letter case or
   * spacing (`"Call ASAP"`, `"CallASAP"`) or by its place from 1 (`"4"`, `"Step 4"`); a name that is no step of the
   * playbook, or a label several steps share, is read as none (docs/semantics.md, Steps).
   * @errors `events[i].step: required`
   */
  step: string;
  /** Other fields the CRM keeps are ignored. */
  [field: string]: unknown;
}
/** A callback the agent set. */
export interface CallbackEvent {
  /** `"callback"`. */
  kind: "callback";
  /**
   * When it was set.
   * @errors `events[i].at: expected an RFC 3339 time ...`
   */
  at: RecordTime;
  /**
   * When to call back (a local date-time is read in the contact's zone; a date alone is a callback for that day, overdue when it is over).
   * @errors `events[i].dueAt: expected an RFC 3339 time ...`
   */
  dueAt: RecordTime;
  /**
   * `true` when the lead asked for that exact time (a "Scheduled Call").
   * @default false
   */
  scheduled?: boolean;
  /** Other fields the CRM keeps are ignored. */
  [field: string]: unknown;
}
/** The buying horizon the lead gave ("in about six months"). */
export interface HorizonEvent {
  /** `"horizon"`. */
  kind: "horizon";
  /**
   * When the lead said it.
   * @errors `events[i].at: expected an RFC 3339 time ...`
   */
  at: RecordTime;
  /**
   * When the lead expects to buy; the follow-up falls at `followUpFraction` of the way there.
   * @errors `events[i].buyAt: expected an RFC 3339 time ...`
   */
  buyAt: RecordTime;
  /** Other fields the CRM keeps are ignored. */
  [field: string]: unknown;
}
/**
 * One event of a contact's history, tagged by `kind`.
 *
 * The names of `kind`, `channel`, `direction`, `interaction`, `outcome` and `source`
 * are also read as CRM exports write them: in any letter case, with spaces, `_`, `-`, a dash (a hyphen, a minus sign) or
 * `/` between the words (`"SMS"`, `"No Answer"`, `"left_voicemail"`, `"In Store"`, `"Closed/Won"`), and in the
 * words messaging providers use: `"inbound"`/`"incoming"`/`"received"` for `"in"`,
 * `"outbound"`/`"outbound-api"`/`"outbound-reply"`/`"outgoing"`/`"sent"` for `"out"` (Twilio's
 * directions), `"mo"`/`"mt"` (SMS aggregators') for `"in"`/`"out"`, `"text"`/`"text message"`/`"mms"` for
 * `"sms"`, `"phone"`/`"phone call"`/`"outbound call"`/`"inbound call"`/`"incoming call"` for `"call"` (the last two the customer's call, no touch of ours), `"in person"`/`"walk-in"`/
 * `"store visit"`/`"showroom visit"`/`"showroom"` for `"inStore"`, `"voicemail"` for `"leftVoicemail"`; the
 * call dispositions and call states dialers, CRMs and telephony providers log: `"busy"`/`"unanswered"` for
 * `"noAnswer"`, `"answered"`/`"reached"` for `"connected"`, and so Twilio's `"completed"`, RingCentral's
 * `"call connected"`/`"accepted"`, `"live answer"`, `"spoke with contact"`, `"contact made"`, `"answered -
 * meeting set"`, `"meeting booked"`, `"appointment set"`, `"callback requested"`/`"requested call back"`,
 * `"interested"`, `"requested more info"`, `"contacted"`, `"spoke with"`, `"spoke to contact"`, `"call back later"`,
 * `"meeting scheduled"`, `"answered - interested"`, `"answered - follow up"`, RingCentral's `"call accepted"`, Dialpad's
 * `"hold"`, Five9's `"transferred to 3rd party"` and a call still up when it was logged (Twilio's and HubSpot's
 * `"in-progress"`); `"answered - not interested"` for `"noSale"`; a call without
 * contact — `"failed"`, `"call failed"`, `"call failure"`, `"dial error"`, `"canceled"`/`"cancelled"`,
 * `"missed"`, `"missed call"`, `"not answered"`, `"no response"`, `"line busy"`, `"busy/no answer"`,
 * `"rejected"`, `"declined"`, `"hang up"`/`"hung up"`, `"abandon"`/`"abandoned"`, `"answering machine"`,
 * `"machine"`, `"gatekeeper"`, `"ringing"`, `"queued"`, `"initiated"`, `"blocked"`, `"stopped"`, `"connecting"`,
 * HubSpot's `"CALLING_CRM_USER"`, Close's `"vm-answer"` and `"error"`, `"user busy"`, `"originator cancel"`,
 * `"attempted"`, `"attempted - no contact"`, `"no contact"`, `"not home"`, `"not connected"`, `"call attempted"`,
 * `"not reached"`, RingCentral's `"internal error"`, `"restricted number"`, `"ip phone offline"`, `"no calling
 * credit"`, `"not allowed"`, `"international disabled"`, `"poor line quality"`, `"unknown"`, Aircall's `"initial"` and
 * missed-call reasons (`"agents_did_not_answer"`, `"no_available_agent"`, `"short_abandoned"`, `"abandoned_in_ivr"`,
 * `"out_of_opening_hours"`), Dialpad's `"calling"`, `"preanswer"`, Five9's `"no disposition"`, `"timeout"`,
 * `"recycle"`, `"caller disconnected"`, `"agent error"`, `"resource unavailable"`, `"no party contact"`,
 * RingCentral's `"not enough funds"`, `"answered not accepted"`, `"international restricted"`, Twilio's
 * answering-machine results (`"machine_start"`, `"machine_end_beep"`, `"machine_end_silence"`,
 * `"machine_end_other"`; `"human"` for `"connected"`), Sinch's `"cancel"`, Vonage's `"started"`, and HubSpot's
 * default dispositions as its API stores them (`"73a0d17f-1163-4015-bdd5-ec830791da20"` No answer, `"9d9162e7-…"`
 * Busy; `"f240bbac-…"` Connected, `"b2cf5968-…"` Left voicemail, `"a4c4c377-…"` Left live message,
 * `"17b47fee-…"` Wrong number, each for what it names), Telnyx's `"not_sure"`, `"silence"`, `"unspecified"`,
 * `"call_rejected"` (`"human_residence"`, `"human_business"`, `"normal_clearing"`, `"time_limit"` for
 * `"connected"`; `"fax_detected"`, `"not_found"` for `"wrongNumber"`), RingCentral's `"suspended account"`,
 * `"too many calls"` (`"call park"` for `"connected"`), Aircall's `"done"`, `"dialing"`, `"reached voicemail"`
 * (and `"held"`, `"connected - interested"` for `"connected"`; `"message left"` for `"leftVoicemail"`;
 * `"out of service"`, `"number changed"` for `"wrongNumber"`), RingOut's and Dynamics 365's `"made"`, `"open"`
 * (`"finished"`, `"success"`, `"reply"`, `"received"` for `"connected"`), `"disconnected"`, `"voicemail full"`
 * (`"no answer - left voicemail"` for `"leftVoicemail"`), Salesforce's `"uncategorized"` (`"meaningful connect"`
 * for `"connected"`), `"no voicemail"`/`"vm not left"` — for
 * `"noAnswer"` (a call logged on a record is never refused for its state: the record's opt-outs would go
 * with it); `"left live message"`/`"left message"`/`"left a message"`/`"voicemail left"`/`"left voice
 * message"`/`"left vm"`/`"vm"`/`"vm-left"`/`"sent to voicemail"`/`"voicemail drop"`/`"voicemail dump"`/`"voicemail uploaded"` for `"leftVoicemail"`,
 * `"busy signal"` for `"noAnswer"`, `"wrong #"`/`"bad number"`/`"not in service"`/`"number not in
 * service"`/`"number disconnected"`/`"disconnected number"`/`"invalid number"`/`"operator intercept"`/`"fax"`
 * for `"wrongNumber"`; deals as CRMs close them: `"closed won"`/`"won"`/`"deal won"`/`"sale made"` for
 * `"sold"`, `"closed lost"`/`"closed lost to competition"`/`"lost"`/`"not interested"` for `"noSale"`; the channels in the plural (`"calls"`, `"texts"`, `"emails"`, `"phone calls"`, `"text messages"`), `"sms
 * message"`, `"email message"`, `"outgoing call"`, `"incoming phone call"`, `"outbound phone call"`, `"all channels"`,
 * `"inbound message"`/`"incoming sms"` and `"outbound message"`/`"outgoing sms"`, `"voice"`, `"do not call"`, GoHighLevel's `"calls & voicemails"` and `"voicemail"`/`"ringless voicemail"`/`"ringless vm"`/`"rvm"`/`"voicemail drop"`/`"call & voicemail"`/`"calls/voicemails"` (a voicemail left without a ring is a call) for `"call"`, and in `channel` (a message's too) and `interaction` a label made of one channel's words and words naming none (`"Voice Call"`, `"VM Drop"`, `"Ringless Voicemail Drop"`, `"Inbound Phone Call"` for `"call"`; `"SMS & MMS"`, `"Text Messages"`, `"Sent SMS"`, `"SMS Received"` for `"sms"`; `"E-mail"` for `"email"`; `"SMS/Email"` names two, an error), `"sms/mms"`, `"text/sms"` and GoHighLevel's `"TYPE_SMS"` for `"sms"` (`"TYPE_EMAIL"`, `"TYPE_CALL"` for theirs), `"mail"` for
 * `"email"`; and why a
 * DND was set: `"bounced"`/`"hard bounce"`/`"soft bounce"`, `"unsubscribed"`, `"spam"`/`"spam report"`/`"spam
 * complaint"`/`"abuse report"` (for `"complaint"`), and a rep's or a do-not-call list's (`"rep"`, `"agent"`,
 * `"admin"`, `"dnc"`, `"dnc list"`, `"national dnc"`, `"federal dnc"`, `"internal dnc"`, `"litigator"`) for
 * `"manual"`.
 * An alias is read in the field where what it stands for is a name. An `outcome` made of parts, as dialers'
 * picklists nest them (`"Connected - Wrong Number"`, `"Busy - Left VM"`, `"Gatekeeper: Left Message"`,
 * `"Connected - Follow Up"`: parts split at `" - "`, a dash, `:`, `/`, `,`, `;`, `|`, `&`, `+` or brackets), is read by
 * its parts: each an outcome, an alias, or words that name none and deny nothing; of several, the one furthest
 * along (sold, then noSale, saleInProgress, wrongNumber, leftVoicemail, connected, noAnswer). A part that denies
 * (`"VM - Maybe Not"`, `"Connected - Couldnt Reach"`, `"Nobody Answered"`) or no outcome in any part is an error.
 * So is an `outcome` that records a request not to be contacted (`"DNC"`, `"Left VM - DNC"`, `"Connected - Do Not
 * Call"`, `"No Sale - Opted Out"`: a part that reads as an opt-out, or names the DNC list): an outcome cannot hold it,
 * and passing over it would call again someone who asked not to be called (47 CFR 64.1200(d)(3)); the error says to
 * log it as a `dnd` event beside the call's outcome.
 * @errors `events[i].kind: expected one of "message", "activity", "dnd", "stepDone", "callback", "horizon"`
 */
export type Event = MessageEvent | ActivityEvent | DndEvent | StepDoneEvent | CallbackEvent | HorizonEvent;

/**
 * A contact with its history, as the CRM keeps it: fields the engine does not read (phone, owner,
 * company, custom fields) are ignored, and an empty string in an optional field means "not given".
 * A byte order mark, zero-width spaces and joiners at the edges of a field's name or value (a CSV
 * file's mark left on its first column, a copy and paste) are not part of it.
 * A field's name is read in any letter case and with spaces, `_`, `-` or `/` between its words, in a
 * contact and in its events, as webhooks, serializers and SQL exports write names (Twilio's `Body`,
 * .NET's `Events`/`Kind`/`At`, `time_zone`, `added_at`, `due_at`), except `region` and `priority`:
 * CRMs keep a sales territory (`Region: "West"`) and a deal's rank (`Priority: "High"`) under those
 * names in capitals, which are then the CRM's own fields (spaces at the edges of `region` and
 * `priority` are no other spelling). The contract's spelling wins whatever the
 * order (`id` over MongoDB's `_id`, `text` over `Text`) when it is given (an empty string or `null`
 * is not, nor an empty list: `{Text: "STOP", text: ""}` reads `Text`, and `{events: null, Events: [...]}` and `{events: [], Events: [...]}` read
 * `Events`, in either order); between two other spellings, the first.
 */
export interface Contact {
  /**
   * The contact's id, echoed in outputs as given; `1` and `"1"` are one contact where ids are compared.
   * @errors `id: required`; `id: expected a non-empty string or a number`
   */
  id: string | number;
  /**
   * The name a rep sees; the display name adds the opt-out suffix ("Ana Ruiz - can't text").
   * @default none (the display name is the id)
   */
  name?: string;
  /**
   * The contact's IANA time zone ("America/New_York", in any letter case, as `Intl.DateTimeFormat` reads it; or a Windows zone name as Dynamics exports it, "Eastern Standard Time", read as the IANA zone CLDR maps it to, or HubSpot's slug of a name, "america_slash_new_york"; a space for the underscore, "America/New York"; or Salesforce's label, "(GMT-05:00) Eastern Standard Time (America/New_York)"; or a US or Canadian abbreviation, "EST", "PT", or a picklist's word, "Eastern", "Pacific Time", as the zone it names with its daylight time); local days, windows and local times are in it.
   * Overrides the playbook's.
   * @default the playbook's `timeZone`; without either, windows hold only where they hold in every zone of the region
   * @errors `timeZone: expected an IANA time zone such as "America/New_York", got "..."`
   */
  timeZone?: string;
  /**
   * The region whose calling rules apply. Overrides the playbook's. A contact may also give
   * the region's name, as a CRM's state field holds it (`"Texas"`, `"Québec"`, `"USA"`, `"Canada"`),
   * or its abbreviation with dots (`"Calif."`, `"N.Y."`, `"Ont."`);
   * a bare state code (`"TX"`) is an error that names the full code (`"CA"` is Canada).
   * @default the playbook's `region`
   * @errors `region: expected "US", "CA" or an ISO 3166-2 code ..., got "..."` (the message lists the valid codes)
   */
  region?: Region | (string & {});
  /**
   * When the contact came in (the lead arrived, the contact was enrolled): ladders and sequences count days from it.
   * @errors `addedAt: required`; `addedAt: expected an RFC 3339 time ...`
   */
  addedAt: RecordTime;
  /**
   * Dialer priority: higher is worked first.
   * @unit a number, any sign
   * @default 0
   * @errors `priority: expected a number from -1e9 to 1e9`
   */
  priority?: number;
  /**
   * The history, in any order (the engine sorts it by time; events at one instant keep their order).
   * A `null` in the list, or an event whose every field is `null`, is no event (what a SQL export's
   * `json_agg` over a left join writes for a contact with no history: `[null]`); the events after it keep
   * their indexes.
   * @default []
   * @errors `events: expected an array`; each event's errors carry its index: `events[3].at: ...`
   */
  events?: Event[];
  /** Other fields the CRM keeps are ignored. */
  [field: string]: unknown;
}

/** A block of a contact window in local time; `to` not after `from` runs past midnight. */
export interface WindowBlock {
  /**
   * Weekdays the block is on ("mon" ... "sun", or full names, any case).
   * @default every day
   * @errors `window[i].days: ...` when empty or not a weekday
   */
  days?: Array<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun">;
  /**
   * Opening time, inclusive.
   * @unit "HH:MM", 00:00–23:59
   * @errors `window[i].from: expected "HH:MM"`
   */
  from: string;
  /**
   * Closing time, exclusive (08:00–21:00 allows 20:59).
   * @unit "HH:MM", 00:00–24:00, different from `from`
   * @errors `window[i].to: expected "HH:MM"`
   */
  to: string;
}
/** A phase of a monthly campaign. */
export interface PhaseSpec {
  /**
   * The phase id the evaluation's `campaign.phase` gives.
   * @errors `campaign.phases[i].id: ...` when empty, with spaces or a mark that shows nothing (zero-width, direction, soft hyphen) at its edges, or used by an earlier phase
   */
  id: string;
  /**
   * What a rep calls it.
   * @default the id
   */
  label?: string;
  /**
   * The day of the month it starts; the first phase starts on day 1, each later one after the one before.
   * @unit day of the month, 1–28
   * @errors `campaign.phases[i].fromDay: ...`
   */
  fromDay: number;
  /**
   * The attempt number due in this phase; the highest is the number of attempts a month.
   * @unit 1–31, never lower than the phase before
   * @errors `campaign.phases[i].attempt: ...`
   */
  attempt: number;
}
/**
 * A duration; the parts add up. In a step's `after`, the days first, on the wall clock (a day is a
 * calendar day in the contact's zone, 23 or 25 hours across a clock change), then the hours and
 * minutes as elapsed time; in `replyWithin`, all elapsed (a day is 24 hours).
 */
export interface DurationSpec {
  /**
   * @unit days (24 elapsed hours, or calendar days where a step counts days), whole, 0–3660
   * @default 0
   */
  days?: number;
  /**
   * @unit hours, whole, 0–87840 (3660 days)
   * @default 0
   */
  hours?: number;
  /**
   * @unit minutes, whole, 0–5270400 (3660 days)
   * @default 0
   */
  minutes?: number;
}
/** A step of a call ladder or a sequence: due `day` days after `addedAt`, or `after` the previous step. */
export interface StepSpec {
  /**
   * Unique in the playbook; events name it in `step` and `stepDone`.
   * @errors `steps[i].id: ...` when empty or repeated
   */
  id: string;
  /**
   * What a rep calls it.
   * @default by mode and channel: Auto Text, Auto Email, Manual Text, Manual Email, Call / Text / Email / Task, Reminder
   */
  label?: string;
  /**
   * The medium; `"task"` is a to-do that touches nobody.
   * @errors `steps[i].channel: expected "sms", "email", "call" or "task"`
   */
  channel: "sms" | "email" | "call" | "task";
  /**
   * `auto`: the host sends it when due (in `nextAuto`, never holds); `manual`: a draft the rep sends (holds);
   * `action`: an activity the contact waits on (holds); `reminder`: does not hold.
   * @errors `steps[i].mode: ...`; `auto` and `manual` need channel `sms` or `email`
   */
  mode: "auto" | "manual" | "action" | "reminder";
  /**
   * Days after `addedAt`, at its local time of day.
   * @unit days, whole, 0–3660
   * @default none (then `after`, else `after` zero)
   * @errors `steps[i].day: ...`; `day` and `after` together are an error
   */
  day?: number;
  /**
   * A duration after the previous step was done.
   * @default none
   */
  after?: DurationSpec;
  /**
   * Count the days of `day`/`after` Monday–Friday, minus `holidays`.
   * @default false
   */
  businessDays?: boolean;
}
/**
 * A playbook: the cadence a team works by. People write these, so it is strict: every field but
 * `name` is optional, and an unknown field anywhere is an error naming its path (`steps[2].chanel: unknown field`).
 */
export interface Playbook {
  /**
   * Its name.
   * @errors `name: required`; `name: expected a non-empty name`
   */
  name: string;
  /**
   * The IANA zone of contacts that have none (any letter case, written back as the database spells it).
   * @default none: the contact's; without either, windows hold only where they hold in every zone of the region
   * @errors `timeZone: expected an IANA time zone such as "America/New_York", got "..."`
   */
  timeZone?: string;
  /**
   * The region of contacts that have none: its calling hours, day bans and caps.
   * @default none
   * @errors `region: expected "US", "CA" or an ISO 3166-2 code ..., got "..."` (the message lists the valid codes)
   */
  region?: Region;
  /**
   * The contact window: a list of blocks (or one block). With a region too, a time must be inside both.
   * @default the region's hours; with neither, the US hours 08:00–21:00
   * @errors `window: ...` when empty
   */
  window?: WindowBlock[] | WindowBlock;
  /**
   * A monthly campaign (the retail playbook). `campaign` with any step is an error (`steps: []` is allowed).
   * @default none
   */
  campaign?: {
    /**
     * The campaign period.
     * @default "month"
     */
    period?: "month";
    /**
     * The phases of the month.
     * @default Initiate (day 1, attempt 1), Follow Up (day 11, attempt 2), Close the Loop (day 21, attempt 3)
     */
    phases?: PhaseSpec[];
    /**
     * The medium of each attempt in turn (attempt n uses entry (n − 1) mod length).
     * @default ["sms", "call", "sms"]
     */
    channels?: Channel[];
  };
  /**
   * The steps of a call ladder or sequence, in order (at most 1,000).
   * @default none
   */
  steps?: StepSpec[];
  /**
   * How soon a customer's message is owed a reply.
   * @default {hours: 24}
   */
  replyWithin?: DurationSpec;
  /**
   * What stops the steps.
   * @default ["reply", "connected", "outcome"]
   */
  stopOn?: Array<"reply" | "connected" | "outcome">;
  /**
   * Where the follow-up falls between the engagement and the buying horizon.
   * @unit a fraction, > 0 and ≤ 1
   * @default 1/3
   */
  followUpFraction?: number;
  /**
   * What an SMS opt-out does to the contact while calls are allowed.
   * @default {suffix: " - can't text", stage: "Hot Leads", priorityBoost: 10}
   */
  optOut?: { suffix?: string; stage?: string; priorityBoost?: number };
  /**
   * Manual statuses that only another logged outcome replaces.
   * @default none
   * @errors automatic statuses are refused
   */
  stickyStatuses?: StatusId[];
  /**
   * Local dates that are not business days.
   * @unit "YYYY-MM-DD"
   * @default none
   */
  holidays?: string[];
  /**
   * Local dates with no calls or texts at all (a declared emergency, a day of mourning): both channels are
   * closed the whole local day, and a window block that opens on it is closed past midnight too (the block
   * belongs to the day it opens on).
   * @unit "YYYY-MM-DD"
   * @default none
   * @errors `blackoutDates[i]: expected a date "YYYY-MM-DD"`
   */
  blackoutDates?: string[];
  /**
   * At most `max` touches in any `hours` hours, on `channels`.
   * @unit max 1–1000; hours 1–8784, whole
   * @default none (regions bring theirs); channels ["sms", "call"]
   */
  frequencyCap?: { max: number; hours: number; channels?: Channel[] };
  /**
   * Extra keywords, each with at least one letter or digit, and none a carrier's word of another
   * kind (START, UNSTOP, YES as opt-out or help words; HELP, INFO as opt-out or opt-in words; STOP,
   * CANCEL, BAJA as opt-in or help words: the carrier's reading stands, so such a word would never
   * fire), nor one word in two lists.
   * @default none
   * @errors `keywords.optOut[i]: "START" is a carrier's opt-in keyword, ...`;
   * `keywords.optIn[i]: "quitar" is also in keywords.optOut: a word is one kind of keyword`
   */
  keywords?: { optOut?: string[]; optIn?: string[]; help?: string[] };
}
/** The names `preset()` takes. */
export type PresetName = "monthly-campaign" | "call-ladder" | "sequence";

/** The next action: work for a person. */
export interface NextAction {
  /** `attempt` (campaign), `step` (ladder or sequence), `reply`, `callback`, `followUp` or `confirmOptOut`. */
  kind: "attempt" | "step" | "reply" | "callback" | "followUp" | "confirmOptOut";
  /** As a rep says it: "1st Attempt", "Redial", "Reply", "Callback". */
  label: string;
  /** The attempt number of a campaign attempt. */
  attempt?: number;
  /** The channel it is made on. */
  channel: Channel | "task";
  /**
   * How a person does it: `manual`, a text or email they write and send
   * (replies, the opt-out confirmation, text and email attempts and
   * follow-ups); `action`, a call or a task (call attempts and follow-ups,
   * callbacks); for a step, its own mode. Never `auto`: automatic sends are
   * in `nextAuto`.
   */
  mode: "manual" | "action" | "reminder";
  /** The step's id, for steps. */
  stepId?: string;
  /**
   * When it is due; for `reply` and `confirmOptOut`, the deadline.
   * @unit RFC 3339 in the contact's local offset
   */
  dueAt: string;
  /**
   * Its time has come: it is owed now (`now` is at or after when it opened). Whether its
   * channel may be used this very minute (quiet hours, a cap) is `channels`' answer: a
   * rep's queue of what to do now reads both (the Worklist's `due` and `allowed` filters).
   */
  due: boolean;
  /** Its time has passed: `now` is after `overdueAt`. */
  overdue: boolean;
  /**
   * The last instant it is not yet overdue (a reply's deadline, a step's
   * day after): `overdue` is true after it.
   * @unit RFC 3339 in the contact's local offset
   */
  overdueAt: string;
  /** The cadence waits for it. */
  blocking: boolean;
}
/** The next automatic send: what the host's sender sends, and when (never in a rep's `next`). */
export interface NextAuto {
  /** The step's label ("Auto Email", "Intro Text"). */
  label: string;
  /** The channel it goes out on. */
  channel: Channel;
  /** The step's id: the host marks the message it sends with `step: stepId`. */
  stepId: string;
  /**
   * When to send it.
   * @unit RFC 3339 in the contact's local offset
   */
  dueAt: string;
  /** It is due now and may be sent now. */
  due: boolean;
}
/** One channel's answer: may I use it now? */
export interface ChannelCheck {
  /**
   * It may be used now. One text is outside this answer: the opt-out's confirmation, which
   * `next` (`kind: "confirmOptOut"`, by text, due until five minutes after the opt-out) asks
   * for while `sms` says `dnd` — a sender that checks the channel before each text sends that
   * one on `next`'s word, and a rep's queue of what to do now takes `confirmOptOut` whatever
   * `allowed` says (47 CFR 64.1200(a)(12): it may only confirm).
   */
  allowed: boolean;
  /** Why not. */
  reason?: "dnd" | "quietHours" | "frequencyCap" | "wrongNumber";
  /**
   * When it opens again; absent when it is allowed now, and while a DND or wrong number
   * lasts (no time is known until a new event), or when the window does not open within
   * the 400 days searched.
   * @unit RFC 3339 in the contact's local offset
   */
  nextAllowedAt?: string;
}
/** A DND in force. */
export interface DndInfo {
  /** When it was set (RFC 3339, local offset). */
  since: string;
  /** What set it. */
  reason: "keyword" | "manual" | "unsubscribe" | "bounce" | "complaint";
  /** The index of the event that set it, in the input `events`. */
  event: number;
}
/** A past touch that broke a rule. */
export interface Violation {
  /** When (RFC 3339, local offset). */
  at: string;
  /** On which channel. */
  channel: Channel;
  /** Which rule. */
  rule: "textAfterOptOut" | "dnd" | "wrongNumber" | "quietHours" | "frequencyCap";
  /** The index of the event, in the input `events`. */
  event: number;
  /** The rule, in words. */
  message: string;
}
/** The evaluation of one contact at one time. */
export interface Evaluation {
  /** The contact's id, as given. */
  id: string | number;
  /** The status id. */
  status: StatusId;
  /** The status as a rep reads it ("No SMS Reply"). */
  statusLabel: string;
  /** `automatic` (from the SMS exchange) or `manual` (a logged outcome). */
  statusSource: "automatic" | "manual";
  /** Work for a person, or `null`. */
  next: NextAction | null;
  /** The next automatic send, or `null`: what the host's sender sends and when. */
  nextAuto: NextAuto | null;
  /**
   * Why the cadence itself has nothing to come (the steps complete or stopped, the month's
   * campaign reached or its attempts made, no channel left or a contact window that never opens),
   * or `null` while it goes on. A
   * reply, callback or follow-up owed can still be `next` (a reached lead's callback); a
   * cadence waiting only on an automatic send has `done: null` and its send in `nextAuto`.
   */
  done: {
    reason: "complete" | "stopped" | "reached" | "attemptsComplete" | "noChannel";
    label: string;
    /** Until when (RFC 3339, local offset). */
    until?: string;
  } | null;
  /** May I text, call, email them now? */
  channels: { sms: ChannelCheck; call: ChannelCheck; email: ChannelCheck };
  /** The name to show ("Ana Ruiz - can't text" after an SMS opt-out). */
  displayName: string;
  /** The stage ("Hot Leads" after an SMS opt-out while calls are allowed), or `null`. */
  stage: string | null;
  /** Dialer priority (the contact's, plus the opt-out boost). */
  priority: number;
  /**
   * The follow-up date, or `null`.
   * @unit RFC 3339 in the contact's local offset
   */
  followUpAt: string | null;
  /** The monthly campaign's period and phase, or `null` outside a campaign playbook. */
  campaign: {
    /** The month, "2026-11". */
    period: string;
    /** The phase id. */
    phase: string;
    /** The phase label. */
    phaseLabel: string;
    /** When the phase ends (RFC 3339, local offset). */
    phaseEndsAt: string;
  } | null;
  /** The rules that fired, in words (empty from `evaluateMany` with `{explain: false}`). */
  explain: string[];
  /** Past touches that broke a rule. */
  violations: Violation[];
  /** The DND in force per channel. */
  dnd: { sms: DndInfo | null; call: DndInfo | null; email: DndInfo | null; all: DndInfo | null };
  /**
   * The customer's opt-out in force, by text or by email, or `null` (texting is refused only
   * when `channels` has `"sms"`: an emailed "unsubscribe" revokes email alone); `match: "phrase"`
   * asks a person to review it.
   * `keyword` is `""` for one the host recorded only as a `dnd` event with `source: "keyword"`;
   * `channels` lists what it revokes.
   */
  optOut: {
    at: string;
    keyword: string;
    match: "exact" | "phrase";
    scope: "channel" | "all";
    channels: Channel[];
    event: number;
    confirmedAt: string | null;
  } | null;
  /**
   * The earliest time this evaluation can change if no new event arrives (re-evaluate then), or `null` when never.
   * @unit RFC 3339 in the contact's local offset
   */
  validUntil: string | null;
  /** The IANA zone the local times are in. */
  timeZone: string;
  /**
   * Where `timeZone` came from: the contact's `timeZone` (not a fixed offset such as `"UTC"` or
   * `"Etc/GMT+5"` that keeps no clock of the region), the playbook's (when the region, the contact's
   * else the playbook's, keeps its clock), or the region: its one zone for a region that keeps one
   * clock (US-MA, US-HI), else no zone is known (windows hold only where they hold in every zone of
   * the region, and a local date-time is an error).
   */
  timeZoneSource: "contact" | "playbook" | "region";
}
/** One problem of an input: where, what was expected, and a stable code. */
export interface FieldError {
  /** The field path (`events[3].at`; in a batch `contacts[12].events[3].at`). */
  path: string;
  /** What was expected and what was found. */
  message: string;
  /** A stable code (`E_INVALID_INPUT`, `E_INVALID_TIME`, ...). */
  code: string;
}
/**
 * What the functions throw on bad input: a real `Error` whose `message` gives every problem
 * (`path: what was expected`, joined by "; "), with the first problem's `code` and `path`, and
 * `errors` listing each problem apart. Every problem of a contact record; of a playbook, every
 * problem of shape (each field and list item read on its own: unknown fields, wrong types, the
 * first of each item) and, when its shape is right, every problem of value (ranges, dates, hours);
 * of a queue, its options or a Worklist filter, the first problem at least.
 */
export interface EngineError extends Error {
  /** The first problem's code. */
  code: string;
  /** The first problem's path. */
  path: string;
  /** Every problem of the input. */
  errors: FieldError[];
}
/** A contact that could not be read, in a batch: it never aborts the batch. */
export interface BatchError {
  /** The contact's id when it could be read, else `null` (also for an id the reader refuses, such as a number of 2^53 or more: it may name another contact). */
  id: string | number | null;
  /** Every problem of the record, each starting with its path (`contacts[3].events[2].at: ...`), joined by "; ". */
  error: string;
  /** The first problem's code. */
  code: string;
  /** The first problem's path. */
  path: string;
  /** Every problem of the record, apart. */
  errors: FieldError[];
}
/**
 * Options of `evaluateMany` (and `evaluateManyJson`). Strict, as a playbook is: another
 * key is an error naming it (`options.explian: unknown field "explian"; expected one of "explain"`).
 */
export interface EvaluateManyOptions {
  /**
   * Fill `explain` for every contact; `false` leaves each `explain` empty and
   * every other field the same (faster, for jobs that keep only the facts).
   * @default true
   */
  explain?: boolean;
}
/** A touch the playbook would still make if nobody answers. */
export interface PlanItem {
  /** When (RFC 3339, local offset). */
  dueAt: string;
  /** On which channel. */
  channel: Channel | "task";
  /** What kind of action. */
  kind: NextAction["kind"];
  /** As a rep says it. */
  label: string;
  /** The step's id, for steps. */
  stepId?: string;
}
/** What an inbound message asks for. */
export interface ReplyClass {
  /** Opt out, opt back in, ask for help, or none of these. */
  intent: "optOut" | "optIn" | "help" | "none";
  /** The keyword that matched. */
  keyword?: string;
  /** `exact` (the whole message is a keyword) or `phrase` (a longer message that reads as one: review it). */
  match: "exact" | "phrase" | null;
  /** `channel` (the channels listed) or `all`. */
  scope: "channel" | "all" | null;
  /** What an opt-out revokes (`["sms"]`, `["sms", "call"]`, `["email"]`, ...); `[]` when not an opt-out. */
  channels: Channel[];
  /**
   * Present when a machine sent the message in the customer's name: `autoReply` (an
   * out-of-office or "Automatic reply:" email, a phone's "I'm Driving" text) or `bounce`
   * (a delivery failure, whose words are never the customer's opt-out). Neither is a
   * reach nor owes a reply: the cadence goes on. An auto-reply is still read for an
   * opt-out ("This mailbox is no longer monitored. Please remove this address").
   */
  automated?: "autoReply" | "bounce";
}
/** A call to plan. */
export interface QueueItem {
  /** The contact's id. */
  id: string | number;
  /**
   * Higher is called first; on a full day the lowest is deferred first. As a CRM
   * export writes it, a numeric string is its number and `""` or `null` is not given.
   * Every priority an evaluation gives is taken (a contact's own and the opt-out boost).
   * @unit a number from -2e9 to 2e9
   * @default 0
   * @errors `items[i].priority: expected a number from -2e9 to 2e9, got "high"`
   */
  priority?: number;
  /**
   * When it is due; never planned before its local day. A local date-time
   * without an offset is read in `QueueOptions.timeZone` (an error without one).
   */
  dueAt: RecordTime;
  /** Whatever else the row carries (phone, owner): ignored. */
  [field: string]: unknown;
}
/** Options of `planQueue`. */
export interface QueueOptions {
  /**
   * Calls per day.
   * @unit a whole number, 1–10,000,000
   */
  capacityPerDay: number;
  /**
   * The IANA zone whose local days are counted.
   * @default "UTC"
   */
  timeZone?: string;
  /**
   * The first day to plan (items due earlier are planned then).
   * @default each item's own due day
   */
  from?: RecordTime;
}
/** A planned call. */
export interface PlannedItem {
  id: string | number;
  priority: number;
  /** When it was due (RFC 3339). */
  dueAt: string;
  /** The local day it is planned for, "YYYY-MM-DD". */
  plannedFor: string;
  /** Days it was pushed past its due day, or past the `from` day for an item due before it. */
  deferredDays: number;
  /** Its place on its planned day, from 1. */
  rank: number;
}
/**
 * A worklist filter: fields AND-ed, values in a list OR-ed; every field optional. A field
 * left out (or `undefined`) does not filter; an empty list matches no contact (an OR of no
 * values): a sidebar with nothing ticked leaves the field out.
 */
export interface Filter {
  /** Contacts with one of these statuses. */
  status?: StatusId[];
  /** Contacts whose next action has one of these labels (`"none"`: no next action). */
  next?: string[];
  /** Contacts in one of these campaign phases. */
  phase?: string[];
  /**
   * Contacts who may be reached now on one of these channels, each read as `checkChannel` reads its channel (`"SMS"`, `"text"`, `"Phone Call"`).
   * @errors `filter.allowed[i]: expected one of "sms", "call", "email", got "fax"`
   */
  allowed?: Channel[];
  /** `true`: the next action is due now; `false`: it is not. */
  due?: boolean;
  /** `true`: an automatic send is due now (a sender loop asks for these); `false`: none is. */
  autoDue?: boolean;
  /** Contacts whose id or display name contains this text (any case, as `toLowerCase` folds it, a final sigma ς as σ; letters composed as NFC composes them, so "José" finds a name kept as "e" and a combining accent; a typographic apostrophe ’ ‘ ʼ reads as '): the name with its opt-out suffix while texting is refused ("can't text" and "can’t text" find them). */
  text?: string;
}
/**
 * One page of `Worklist.query` results. Strict: another key is an error naming it
 * (`page.limt: unknown field "limt"; expected one of "offset", "limit"`).
 */
export interface Page {
  /**
   * How many to skip.
   * @default 0
   */
  offset?: number;
  /**
   * How many at most.
   * @default all
   */
  limit?: number;
}
/** Counts among the contacts matching a filter. */
export interface Facets {
  /** By status id. */
  status: Record<string, number>;
  /** By next-action label (`"none"`: no next action). */
  next: Record<string, number>;
  /** By campaign phase id. */
  phase: Record<string, number>;
  /** By channel allowed now. */
  allowed: Record<string, number>;
}
/**
 * `Worklist.columns()`: the facts of every contact as typed arrays, slot by
 * slot — `ids[i]` is the contact whose facts are at index `i` of every array.
 * A snapshot (copies), valid until the next `upsert`, `remove` or `refresh`.
 */
export interface WorklistColumns {
  /** The contact of each slot, as given. */
  ids: Array<string | number>;
  /** Status of each slot, an index into `statuses`. */
  status: Uint8Array;
  /** The status ids `status` numbers. */
  statuses: StatusId[];
  /** Next action of each slot, an index into `nextLabels`. */
  next: Uint16Array;
  /** The next-action labels `next` numbers (`"none"`: no next action). */
  nextLabels: string[];
  /**
   * Campaign phase of each slot, an index into `phases`.
   * @unit 65535 when the contact is outside any campaign phase
   */
  phase: Uint16Array;
  /** The phase ids `phase` numbers. */
  phases: string[];
  /**
   * Flags of each slot.
   * @unit bits: 1 texting allowed now, 2 calling allowed, 4 email allowed, 8 the next action is due, 16 an automatic send is due, 32 evaluated (0 before the first `now`), 64 the display name carries the opt-out suffix, 128 the next action is overdue
   */
  flags: Uint8Array;
  /** Work priority of each slot (higher first). */
  priority: Float64Array;
  /**
   * Due time of each slot's next action.
   * @unit epoch milliseconds; NaN when there is no next action
   */
  dueAt: Float64Array;
  /**
   * When each slot's evaluation can next change by itself.
   * @unit epoch milliseconds; NaN for never
   */
  validUntil: Float64Array;
}
