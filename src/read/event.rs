//! One event of a contact's history, checked by its kind.

use crate::error::{Error, ErrorCode};
use crate::model::{Direction, DndSource, Event, EventBody, Interaction, MessageChannel};
use crate::time::Instant;

use super::json::{Reader, Syntax};
use super::names::{
    folded_key, one_of, one_of_or_words, outcome_of, source_of, Kind, DIRECTIONS, DND_CHANNELS,
    INTERACTIONS, KINDS, MESSAGE_CHANNELS,
};
use super::record::{Batch, Ctx};
use super::value::Val;
use super::value::{bool_of, dated, step_of, str_of, text_of, TimeField};
use super::{Errors, EXPECTED_TIME};

/// The fields of one event, read shallowly.
#[derive(Default)]
pub(super) struct RawEvent<'a> {
    pub(super) kind: Option<Val<'a>>,
    pub(super) at: Option<Val<'a>>,
    pub(super) channel: Option<Val<'a>>,
    pub(super) direction: Option<Val<'a>>,
    pub(super) text: Option<Val<'a>>,
    /// The message's text under the name Twilio's API and most messaging and
    /// help-desk APIs give it, read when `text` is not given.
    pub(super) body: Option<Val<'a>>,
    /// The text under the names CRMs' own message records give it (Follow
    /// Up Boss's `message`, then `content`, then `messageBody`), read when
    /// neither `text` nor `body` is: each its own field, so that the first
    /// given wins whatever the order of the keys.
    pub(super) message: Option<Val<'a>>,
    pub(super) content: Option<Val<'a>>,
    pub(super) message_body: Option<Val<'a>>,
    /// The plain-text words under a platform's own name for them, read
    /// after those: Close's and Outreach's `body_text`/`bodyText`,
    /// Salesforce's `TextBody`, HubSpot's `hs_email_text` and
    /// `hs_communication_body`, Zendesk's `plain_body` (the first given).
    pub(super) plain: Option<Val<'a>>,
    /// A text's words as RingCentral's message store keeps them, read for a
    /// text (never an email: its subject line is not its words) when no
    /// other field holds them.
    pub(super) subject: Option<Val<'a>>,
    pub(super) step: Option<Val<'a>>,
    pub(super) interaction: Option<Val<'a>>,
    pub(super) outcome: Option<Val<'a>>,
    pub(super) reason: Option<Val<'a>>,
    pub(super) active: Option<Val<'a>>,
    pub(super) source: Option<Val<'a>>,
    pub(super) due_at: Option<Val<'a>>,
    pub(super) scheduled: Option<Val<'a>>,
    pub(super) buy_at: Option<Val<'a>>,
    /// The seed's CRM's name for `reason`, read when `reason` is not given.
    pub(super) explain: Option<Val<'a>>,
    /// The fields given `null` under any spelling the reader reads, by their
    /// place in [`EVENT_KEYS`]: where a host's object held a number JSON
    /// cannot hold (`NaN`, `Infinity`) or an invalid `Date`, asked only for
    /// these.
    nulls: u32,
    /// Some key was given, and some value not `null`: an object of keys
    /// all `null` is the empty row of a SQL export's join, no event.
    keyed: bool,
    valued: bool,
    /// Two keys filled one field: read again (see [`last_given`]).
    conflict: bool,
}

/// Key `key` given `v`, kept as `JSON.parse` keeps an object's keys: the
/// last value of each, in the order the keys came first. An event object is
/// read so when two of its keys filled one field (rare: a key and its alias,
/// or a key repeated, as a writer that merges objects by appending gives
/// `"text":"STOP","text":""`): the text paths then read what `evaluate`
/// reads of the parsed object, and the reader's usual path stays one pass.
#[cold]
#[inline(never)]
fn last_given<'a>(members: &mut Vec<(String, Val<'a>)>, key: &str, v: Val<'a>) {
    match members.iter_mut().find(|(k, _)| k == key) {
        Some(m) => m.1 = v,
        None => members.push((key.to_string(), v)),
    }
}

/// The keys of an event the reader reads, as the contract spells them.
const EVENT_KEYS: [&str; 24] = [
    "kind",
    "at",
    "channel",
    "direction",
    "text",
    "body",
    "message",
    "content",
    "messageBody",
    "bodyText",
    "textBody",
    "hsEmailText",
    "hsCommunicationBody",
    "plainBody",
    "subject",
    "step",
    "interaction",
    "outcome",
    "reason",
    "active",
    "source",
    "dueAt",
    "scheduled",
    "buyAt",
];

impl<'a> RawEvent<'a> {
    /// Marks key `key` given `null`, when it is a key the reader reads (in
    /// any of its spellings).
    #[cold]
    #[inline(never)]
    fn null_given(&mut self, key: &str) {
        let field = folded_key(key, &EVENT_KEYS).unwrap_or(key);
        if let Some(i) = EVENT_KEYS.iter().position(|k| *k == field) {
            self.nulls |= 1u32.checked_shl(i as u32).unwrap_or(0);
        }
    }

    /// Fills each field given `null` with what the host held there when
    /// that was a number JSON cannot hold (an error then says which), for
    /// event `i` of the batch's record.
    #[cold]
    #[inline(never)]
    fn host_nulls(&mut self, i: usize, batch: &Batch<'_>) {
        for (bit, key) in EVENT_KEYS.iter().enumerate() {
            if self.nulls & 1u32.checked_shl(bit as u32).unwrap_or(0) == 0 {
                continue;
            }
            if let Some(slot) = self.slot(key).filter(|s| s.is_none()) {
                *slot = batch.event_null(i, key).given();
            }
        }
    }

    /// Key `key` given `v`, into the field it fills.
    #[inline(never)]
    fn put(&mut self, key: &str, v: Val<'a>) {
        self.keyed = true;
        if matches!(v, Val::Null) {
            self.null_given(key);
        } else {
            self.valued = true;
        }
        let v = v.given();
        let slot = match self.slot(key) {
            // (Empty or null, the contract's spelling is not given:
            // an alias read before it stands, as one read after it
            // would.)
            Some(slot) if v.is_none() && slot.is_some() => {
                self.conflict = true;
                return;
            }
            Some(slot) => slot,
            // A key in another letter case or with separators
            // (Twilio's `Body`, a serializer's `Kind`, `due_at`).
            // (Read only while the field is not given: the
            // contract's spelling wins whatever the order.) The
            // seed's CRM keeps a no-sale reason under "Explain" (its
            // filter's name): kept apart, read as `reason` when it is
            // text and no `reason` is given.
            None if key.eq_ignore_ascii_case("explain") => match &v {
                Some(Val::Str(_)) => &mut self.explain,
                _ => return,
            },
            None => match folded_key(key, &EVENT_KEYS).and_then(|k| self.slot(k)) {
                Some(slot) if slot.is_none() => slot,
                Some(_) => {
                    self.conflict = true;
                    return;
                }
                None => return,
            },
        };
        // (A field given twice: see `last_given`.)
        let twice = slot.is_some();
        *slot = v;
        self.conflict |= twice;
    }

    /// The field that key `key` (as the contract spells it) fills.
    fn slot(&mut self, key: &str) -> Option<&mut Option<Val<'a>>> {
        Some(match key {
            "kind" => &mut self.kind,
            "at" => &mut self.at,
            "channel" => &mut self.channel,
            "direction" => &mut self.direction,
            "text" => &mut self.text,
            "body" => &mut self.body,
            "message" => &mut self.message,
            "content" => &mut self.content,
            "messageBody" => &mut self.message_body,
            "bodyText" | "textBody" | "hsEmailText" | "hsCommunicationBody" | "plainBody" => {
                &mut self.plain
            }
            "subject" => &mut self.subject,
            "step" => &mut self.step,
            "interaction" => &mut self.interaction,
            "outcome" => &mut self.outcome,
            "reason" => &mut self.reason,
            "active" => &mut self.active,
            "source" => &mut self.source,
            "dueAt" => &mut self.due_at,
            "scheduled" => &mut self.scheduled,
            "buyAt" => &mut self.buy_at,
            _ => return None,
        })
    }
}

/// The `events` field (the cursor on its value, an array): its events read
/// into `events` (another value is read with the contact's other fields).
pub(super) fn read_events(
    r: &mut Reader<'_>,
    out: &mut Errors,
    cx: &mut Ctx,
    batch: &mut Batch<'_>,
    events: &mut Vec<Event>,
) -> std::result::Result<(), Syntax> {
    events.clear();
    r.elements(|r, i| {
        if r.peek() == Some(b'{') {
            let start = r.pos;
            let mut raw = RawEvent::default();
            // (Read again, each key by its last value, when two keys filled
            // one field: see `last_given`.)
            let mut again: Option<Vec<(String, Val<'_>)>> = None;
            loop {
                r.members(|r, key| {
                    // One read of the value for every field, known or not.
                    let v = r.value_inline()?;
                    match again.as_mut() {
                        None => raw.put(key, v),
                        Some(members) => last_given(members, key, v),
                    }
                    Ok(())
                })?;
                if !raw.conflict || again.is_some() {
                    break;
                }
                r.pos = start;
                again = Some(Vec::new());
            }
            if let Some(members) = again {
                raw = RawEvent::default();
                for (key, v) in members {
                    raw.put(&key, v);
                }
            }
            // The event keeps its place (index) even when it is bad or passed
            // over, so that the paths of later events stay right (and their
            // local times find them).
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            if raw.keyed && !raw.valued && raw.nulls != 0 {
                // (Unless the host held NaN or an invalid Date there.)
                raw.host_nulls(i, batch);
                if raw.kind.is_none() && raw.at.is_none() {
                    batch.passed_over = true;
                    events.push(passed_over(index));
                    return Ok(());
                }
            }
            match build_event(&mut raw, i, cx, batch, out) {
                Some(e) => events.push(e),
                None => events.push(passed_over(index)),
            }
        } else if r.peek() == Some(b'n') && batch.null_named(Some(i)).is_none() {
            // `null` for an event: what PostgreSQL's json_agg over a left
            // join writes for a contact with no history (`[null]`), no event.
            r.value()?;
            batch.passed_over = true;
            events.push(passed_over(u32::try_from(i).unwrap_or(u32::MAX)));
        } else if out.full() {
            // (Past the errors kept, only counted: no host lookup, no words.)
            r.value()?;
            out.push_counted();
        } else {
            let got = r.value()?.got();
            let got = match got.as_str() {
                "null" => batch.null_named(Some(i)).unwrap_or(got),
                _ => got,
            };
            out.push(Error::input(
                format!("events[{i}]"),
                format!("expected an event object, got {got}"),
            ));
        }
        Ok(())
    })
}

/// The place of an event that is bad or passed over, kept so that the paths
/// of later events stay right (and their local times find them).
fn passed_over(index: u32) -> Event {
    Event {
        at: Instant(0),
        index,
        dated: false,
        body: EventBody::StepDone {
            step: Box::from(""),
        },
    }
}

/// Checks one event by its kind; pushes every problem and gives the event when
/// there was none.
fn build_event(
    raw: &mut RawEvent<'_>,
    i: usize,
    cx: &mut Ctx,
    batch: &mut Batch<'_>,
    out: &mut Errors,
) -> Option<Event> {
    let before = out.count();
    // A value JSON wrote as null (NaN, Infinity, an invalid Date): what the
    // host had, so that its error says so, not "required", nor the field
    // read as not given (a callback's `scheduled: NaN`).
    if raw.nulls != 0 {
        raw.host_nulls(i, batch);
    }
    let kind = match raw.kind.take() {
        None => {
            out.push(Error::input(
                format!("events[{i}].kind"),
                "required: expected \"message\", \"activity\", \"dnd\", \"stepDone\", \"callback\" or \"horizon\"",
            ));
            None
        }
        Some(v) => match one_of(v, &KINDS) {
            Ok(k) => Some(k),
            Err(m) => {
                out.push(Error::input(format!("events[{i}].kind"), m));
                None
            }
        },
    };
    // ("2026-11-03": a date alone.)
    let dated = dated(raw.at.as_ref());
    let at = match raw.at.take() {
        None => {
            out.push(Error::new(
                ErrorCode::InvalidTime,
                format!("events[{i}].at"),
                format!("required: {EXPECTED_TIME}"),
            ));
            None
        }
        Some(v) => cx.time(v, Some(i), TimeField::At, out),
    };
    let mut c = Check {
        out,
        i,
        kind: kind?,
    };
    let body = match c.kind {
        Kind::Message => message(&mut c, raw, batch),
        Kind::Activity => activity(&mut c, raw),
        // A DND on a channel the engine never reaches by (GoHighLevel's
        // WhatsApp, Facebook and Google Business settings) is passed over,
        // not refused: the record's own opt-outs would go with it.
        Kind::Dnd if raw.channel.as_ref().is_some_and(super::names::elsewhere) => {
            batch.passed_over = true;
            None
        }
        Kind::Dnd => dnd(&mut c, raw),
        Kind::StepDone => step_done(&mut c, raw),
        Kind::Callback => callback(&mut c, raw, cx),
        Kind::Horizon => horizon(&mut c, raw, cx),
    };
    if c.out.count() > before {
        return None;
    }
    Some(Event {
        at: at?,
        index: u32::try_from(i).unwrap_or(u32::MAX),
        dated,
        body: body?,
    })
}

/// The fields of event `i`, of kind `kind`, being checked: each problem is
/// pushed to `out` and the field then read as absent.
struct Check<'o> {
    out: &'o mut Errors,
    i: usize,
    kind: Kind,
}

impl Check<'_> {
    fn path(&self, field: &str) -> String {
        format!("events[{}].{field}", self.i)
    }

    /// A field the kind requires: reported when absent.
    fn need<'v>(&mut self, v: Option<Val<'v>>, name: &str, what: &str) -> Option<Val<'v>> {
        if v.is_none() {
            let e = Error::input(
                self.path(name),
                format!(
                    "required for {} {} event: expected {what}",
                    if self.kind.as_str().starts_with(['a', 'e', 'i', 'o', 'u']) {
                        "an"
                    } else {
                        "a"
                    },
                    self.kind.as_str()
                ),
            );
            self.out.push(e);
        }
        v
    }

    /// A field read by `read`; a wrong value is reported with `code`.
    fn field<'v, T>(
        &mut self,
        v: Option<Val<'v>>,
        name: &str,
        code: ErrorCode,
        read: impl FnOnce(Val<'v>) -> std::result::Result<T, String>,
    ) -> Option<T> {
        match v.map(read) {
            None => None,
            Some(Ok(t)) => Some(t),
            Some(Err(m)) => {
                let e = Error::new(code, self.path(name), m);
                self.out.push(e);
                None
            }
        }
    }
}

fn message<'a>(
    c: &mut Check<'_>,
    raw: &mut RawEvent<'a>,
    batch: &mut Batch<'_>,
) -> Option<EventBody> {
    let channel = c.need(raw.channel.take(), "channel", "\"sms\" or \"email\"");
    let direction = c.need(raw.direction.take(), "direction", "\"in\" or \"out\"");
    let channel = c.field(channel, "channel", ErrorCode::InvalidValue, |v| {
        // (By its words too, as a DND's channel: "SMS & MMS", "Inbound SMS".)
        one_of_or_words(v, &MESSAGE_CHANNELS, |i| match i {
            0 => Some(MessageChannel::Sms),
            2 => Some(MessageChannel::Email),
            _ => None,
        })
    });
    let direction = c.field(direction, "direction", ErrorCode::InvalidValue, |v| {
        one_of(v, &DIRECTIONS)
    });
    // `body` only as a string: another shape (Microsoft Graph's
    // `{contentType, content}`) is the host's own field, ignored.
    // A number is its text: a reply of digits ("1" to a survey, a ZIP code)
    // that a spreadsheet or CSV reader typed as a number.
    let words = |v: Val<'a>| match v {
        Val::Num(n, digits) if n.is_finite() => Ok(std::borrow::Cow::Borrowed(digits)),
        v => str_of(v),
    };
    let subject = raw.subject.take();
    let email = channel == Some(MessageChannel::Email);
    let text = match raw.text.take() {
        Some(text) => c.field(Some(text), "text", ErrorCode::InvalidInput, words),
        None => [
            raw.body.take(),
            raw.message.take(),
            raw.content.take(),
            raw.message_body.take(),
            raw.plain.take(),
            subject.clone().filter(|_| !email),
        ]
        .into_iter()
        .find_map(|v| v.and_then(|v| words(v).ok())),
    };
    let step = c.field(raw.step.take(), "step", ErrorCode::InvalidInput, step_of);
    let (channel, direction) = (channel?, direction?);
    if let Some(text) = &text {
        let index = u32::try_from(c.i).unwrap_or(u32::MAX);
        batch.texts.push((index, fingerprint(text)));
    }
    // A customer's message is read for what it asks here, once; the text
    // itself is not kept.
    let reply =
        (direction == Direction::In).then(|| batch.reply(text.as_deref().unwrap_or(""), channel));
    // An email whose subject is an opt-out keyword is one whatever its body
    // says: a mail client's unsubscribe by reply (RFC 2369's `mailto:`
    // List-Unsubscribe) writes "unsubscribe" there over an empty or a
    // machine-written body (CAN-SPAM, 15 U.S.C. 7704(a)(4)).
    let reply = match (reply, subject) {
        (Some(r), Some(v)) if email && r.intent != crate::reply::Intent::OptOut => {
            match words(v).map(|w| batch.reply(&w, channel)) {
                Ok(by_subject)
                    if by_subject.intent == crate::reply::Intent::OptOut
                        && by_subject.matched == Some(crate::reply::Match::Exact) =>
                {
                    Some(by_subject)
                }
                _ => Some(r),
            }
        }
        (r, _) => r,
    };
    Some(EventBody::Message {
        channel,
        direction,
        reply,
        step: step.map(String::into_boxed_str),
    })
}

/// A fingerprint of a message's words, as two systems that log one message
/// may write them apart: white space (a webhook's "\r\n" and trailing
/// spaces that an export trims, a no-break or narrow space) and curly, low
/// or angle quotes for straight ones are no other words.
fn fingerprint(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for c in text.chars() {
        match c {
            // (White space and the spaces and line breaks Unicode adds: the
            // no-break ones, ICU's narrow one before "AM", the thin and
            // zero-width ones, the line and paragraph separators.)
            '\u{b}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200b}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
            | '\u{feff}' => {}
            c if c.is_ascii_whitespace() => {}
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2bc}' | '\u{2032}'
            | '\u{2039}' | '\u{203a}' | '\u{ff07}' => h.write_u32(u32::from('\'')),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}'
            | '\u{ff02}' => {
                h.write_u32(u32::from('"'));
            }
            c => h.write_u32(u32::from(c)),
        }
    }
    h.finish()
}

fn activity(c: &mut Check<'_>, raw: &mut RawEvent<'_>) -> Option<EventBody> {
    let inbound = inbound_call(raw);
    let interaction = c.need(
        raw.interaction.take(),
        "interaction",
        "\"call\", \"sms\", \"email\" or \"inStore\"",
    );
    let outcome = c.need(
        raw.outcome.take(),
        "outcome",
        "an outcome such as \"noAnswer\"",
    );
    let interaction = c.field(interaction, "interaction", ErrorCode::InvalidValue, |v| {
        one_of_or_words(v, &INTERACTIONS, |i| {
            [Interaction::Sms, Interaction::Call, Interaction::Email]
                .get(i)
                .copied()
        })
    });
    let outcome = c.field(outcome, "outcome", ErrorCode::InvalidValue, |v| {
        outcome_of(v)
    });
    let reason = c.field(
        raw.reason.take().or_else(|| raw.explain.take()),
        "reason",
        ErrorCode::InvalidInput,
        text_of,
    );
    let step = c.field(raw.step.take(), "step", ErrorCode::InvalidInput, step_of);
    let (interaction, outcome) = (interaction?, outcome?);
    if outcome.is_call_only() && interaction != Interaction::Call {
        let e = Error::value(
            c.path("outcome"),
            format!(
                "{:?} is a call outcome, valid only with interaction \"call\", got interaction {:?}",
                outcome.as_str(),
                interaction.as_str()
            ),
        );
        c.out.push(e);
        return None;
    }
    Some(EventBody::Activity {
        interaction,
        outcome,
        satisfied: reason.as_deref().is_some_and(satisfied),
        inbound,
        step: step.map(String::into_boxed_str),
    })
}

/// The customer's call: "Inbound Call", "Incoming call" as CRMs log it, or a
/// direction in on the activity (HubSpot's and Twilio's "inbound"); a
/// direction that reads as neither is the host's own field, ignored.
#[inline(never)]
fn inbound_call(raw: &mut RawEvent<'_>) -> bool {
    // (In any order: "Call - Inbound", "Phone Call (Incoming)"; and
    // "Inbound/Outbound Calls" names no one's: ours, as a touch is.)
    let named = match &raw.interaction {
        Some(Val::Str(s)) if s.len() > 7 => super::names::names_inbound(s),
        _ => false,
    };
    named
        || raw
            .direction
            .take()
            .is_some_and(|v| one_of(v, &DIRECTIONS) == Ok(Direction::In))
}

fn dnd(c: &mut Check<'_>, raw: &mut RawEvent<'_>) -> Option<EventBody> {
    let channel = c.need(
        raw.channel.take(),
        "channel",
        "\"sms\", \"call\", \"email\" or \"all\"",
    );
    let active = c.need(raw.active.take(), "active", "true or false");
    let channel = c.field(channel, "channel", ErrorCode::InvalidValue, |v| {
        one_of_or_words(v, &DND_CHANNELS, |i| DND_CHANNELS.get(i).map(|n| n.1))
    });
    let active = c.field(active, "active", ErrorCode::InvalidInput, bool_of);
    // The DND itself is never refused for its label (the contact's opt-out
    // would be lost with it).
    let list = raw.source.as_ref().is_some_and(super::names::dnc_list);
    let source = raw.source.take().map_or(DndSource::Manual, source_of);
    Some(EventBody::Dnd {
        channel: channel?,
        active: active?,
        source,
        list,
    })
}

/// Whether `e` holds the place of an event that was bad or passed over (a
/// step done needs a step's id).
pub(super) fn placeholder(e: &Event) -> bool {
    matches!(&e.body, EventBody::StepDone { step } if step.is_empty())
}

fn step_done(c: &mut Check<'_>, raw: &mut RawEvent<'_>) -> Option<EventBody> {
    let step = c.need(raw.step.take(), "step", "the id of a step");
    let step = c.field(step, "step", ErrorCode::InvalidInput, step_of);
    Some(EventBody::StepDone {
        step: step?.into_boxed_str(),
    })
}

fn callback(c: &mut Check<'_>, raw: &mut RawEvent<'_>, cx: &mut Ctx) -> Option<EventBody> {
    let due = c.need(raw.due_at.take(), "dueAt", "the time of the callback");
    let scheduled = c.field(
        raw.scheduled.take(),
        "scheduled",
        ErrorCode::InvalidInput,
        bool_of,
    );
    let dated = dated(due.as_ref());
    let due_at = due.and_then(|v| cx.time(v, Some(c.i), TimeField::DueAt, c.out));
    Some(EventBody::Callback {
        due_at: due_at?,
        scheduled: scheduled.unwrap_or(false),
        dated,
    })
}

fn horizon(c: &mut Check<'_>, raw: &mut RawEvent<'_>, cx: &mut Ctx) -> Option<EventBody> {
    let buy = c.need(raw.buy_at.take(), "buyAt", "the time the lead means to buy");
    let buy_at = buy.and_then(|v| cx.time(v, Some(c.i), TimeField::BuyAt, c.out));
    Some(EventBody::Horizon { buy_at: buy_at? })
}

/// Whether `w` is one of the words of `list` (parted by spaces, lower
/// case), in any case. One loop for every list: a list of constants
/// compared in line costs its size in code at each use.
#[inline(never)]
fn listed(list: &str, w: &str) -> bool {
    !w.is_empty() && list.split(' ').any(|x| x.eq_ignore_ascii_case(w))
}

/// Whether what follows "satisfied" in a reason answers the question no:
/// one of the parts that marks set apart ("Satisfied -> No", `Satisfied:
/// "No"`, "Satisfied with current product/service? No", "Satisfied: No -
/// price", "Satisfied (No)", "Q: Satisfied? A: No") is a no-word alone or
/// a no in words ("Not really", "No way"); a form's own "(Y/N)" is no
/// answer, nor "no need to switch", "no complaints", "not interested".
/// Without a mark, only a lone no ("Satisfied No").
fn answered_no(rest: &str) -> bool {
    // (A form's box crossed: "Satisfied: ✗", "Satisfied ❌".)
    let answer = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || ":=-?>".contains(c));
    if answer.starts_with(['✗', '✘', '❌', '✖', '☒']) {
        return true;
    }
    // Each ASCII word with the mark before it (0: none but spaces), at most
    // the first sixteen; a part in brackets that holds a slash ("(Y/N)") is
    // passed over.
    let mut words: [(&str, u8); 16] = [("", 0); 16];
    let (mut n, mut mark, mut start, mut skip) = (0usize, 0u8, None, false);
    let b = rest.as_bytes();
    for (i, c) in b.iter().copied().chain([b' ']).enumerate() {
        if skip {
            skip = c != b')';
            continue;
        }
        if c.is_ascii_alphanumeric() {
            start = start.or(Some(i));
            continue;
        }
        if let Some(s) = start.take() {
            if let Some(slot) = words.get_mut(n) {
                *slot = (rest.get(s..i).unwrap_or(""), mark);
                n = n.saturating_add(1);
            }
            mark = 0;
        }
        if c == b'(' {
            let close = b.get(i..).and_then(|t| t.iter().position(|&x| x == b')'));
            let inner = close.and_then(|k| b.get(i..i.saturating_add(k)));
            skip = inner.is_some_and(|t| t.contains(&b'/'));
        }
        if !skip && c != b' ' && mark == 0 {
            mark = c;
        }
    }
    let words = words.get(..n).unwrap_or_default();
    // (Answered yes first, whatever courtesy follows: "Satisfied? Yes, no
    // thanks", "Of course, no thanks"; not "Of course not".)
    let first_part = words
        .iter()
        .enumerate()
        .take_while(|(k, w)| *k == 0 || w.1 == 0)
        .map(|(_, w)| w);
    if words.first().is_some_and(|w| w.1 != 0)
        && first_part.clone().all(|w| {
            listed(
                "yes y yeah yep yup true 1 sure absolutely definitely certainly totally of course",
                w.0,
            )
        })
    {
        return false;
    }
    if !words.iter().any(|w| w.1 != 0) {
        return n == 1
            && words
                .first()
                .is_some_and(|w| listed("no n false 0 nope", w.0));
    }
    // Each part set apart: from a word after a mark to the next such word.
    words.iter().enumerate().any(|(k, &(first, m))| {
        let part = words.get(k.saturating_add(1)..).unwrap_or_default();
        let len = part
            .iter()
            .take_while(|w| w.1 == 0)
            .count()
            .saturating_add(1);
        let second = part.first().filter(|_| len > 1).map_or("", |w| w.0);
        let third = part.get(1).filter(|_| len > 2).map_or("", |w| w.0);
        m != 0
            && ((len == 1
                && listed(
                    "no n false 0 nope nah not never dissatisfied unsatisfied negative",
                    first,
                ))
                // (Unsure is no: "Satisfied? Not sure", "Satisfied? Kinda".)
                || listed("nope nah hardly unsure kinda somewhat maybe partially partly meh idk unknown", first)
                || (listed("kind sort", first) && listed("of", second))
                || (listed("not", first) && listed("sure", second))
                || (listed("no n", first)
                    && listed(
                        "way thanks thank thx ty sir ma maam but longer because bc cuz cause since as due given owing",
                        second,
                    ))
                || (listed("not", first)
                    && listed("really satisfied happy at anymore any even", second))
                || (listed("absolutely definitely certainly", first) && listed("not", second))
                || (listed("hell heck", first) && listed("no", second))
                || (listed("far", first) && listed("from", second))
                || (listed("of", first) && listed("course", second) && listed("not", third)))
    })
}

/// A no-sale reason that says the customer is satisfied, as a rep or a
/// picklist writes it: "Satisfied", "satisfied.", "Customer satisfied",
/// "Satisfied with current product or service" (the seed's words); not
/// "not satisfied with the price", "less than satisfied", or a form's
/// question answered no ("Satisfied? No", "Satisfied: No", "Satisfied -> No");
/// ("unsatisfied" and "dissatisfied" are other words).
#[inline(never)]
fn satisfied(reason: &str) -> bool {
    // Within the clause that says it: "No need – satisfied with current
    // provider" is satisfied; "not satisfied", "not-satisfied" (a slug: a
    // separator with no space around it joins two words of one clause),
    // "wasn’t satisfied", "isnt satisfied" (a CRM's field without the
    // apostrophe), "far from satisfied" are not; nor a form's field answered no, whatever sets the
    // answer apart ("Satisfied? No", "Satisfied = No", "Satisfied/0").
    const NEGATORS: &str =
        "not never no neither less hardly nor isnt wasnt arent werent dont doesnt \
        didnt aint hasnt havent cant cannot couldnt wont wouldnt nowhere dis un";
    let mut clauses = reason
        .split([
            '.', ',', ';', ':', '–', '—', '-', '(', ')', '!', '?', '=', '/', '|',
        ])
        .peekable();
    let (mut negated, mut far, mut after_negator) = (false, false, false);
    while let Some(clause) = clauses.next() {
        for w in clause
            .split(|c: char| !c.is_ascii_alphabetic() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
        {
            let negator = listed(NEGATORS, w) || w.ends_with("n't") || w.ends_with("n’t");
            if negator || (far && listed("from but", w)) {
                negated = true;
            } else if listed("because cause cuz bc since but due given owing account", w)
                // ("as satisfied", not "not as satisfied as before".)
                || (listed("as", w) && !after_negator)
            {
                // A reason given for what was negated starts a clause of
                // its own: "No sale because satisfied", "Not interested
                // since satisfied with current plan".
                negated = false;
            } else if w.eq_ignore_ascii_case("satisfied") {
                let end = (w.as_ptr() as usize)
                    .saturating_sub(reason.as_ptr() as usize)
                    .saturating_add(w.len());
                return !negated && !answered_no(reason.get(end..).unwrap_or(""));
            }
            // ("far from satisfied", "anything but satisfied".)
            far = listed("far anything", w);
            // ("not nearly as satisfied": the degree still negated.)
            after_negator = negator
                || (after_negator
                    && listed(
                        "nearly quite so that very too really entirely completely fully totally all even",
                        w,
                    ));
        }
        // A separator between two words with no space ("not-satisfied")
        // joins them: the clause goes on.
        let word = |c: char| c.is_ascii_alphanumeric();
        let joins = clause.ends_with(word) && clauses.peek().is_some_and(|n| n.starts_with(word));
        negated &= joins;
        far &= joins;
    }
    false
}
