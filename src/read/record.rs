//! One contact record: its fields in turn (each checked in `fields`), its
//! local times resolved once its zone is known, its events sorted.

use crate::context::Fallback;
use crate::error::{Error, ErrorCode};
use crate::model::{Contact, ContactId, Event, EventBody, MessageChannel, Reply};
use crate::playbook::Keywords;
use crate::region::Region;
use crate::reply::classify_with;
use crate::time::{Instant, Zone};

use super::event::read_events;
use super::fields::{added_at, id, name, priority, region, time_zone};
use super::json::{Reader, Syntax};
use super::names::folded_key;
use super::value::Val;
use super::value::{local_named, path_of, when, Pending, TimeField, When};
use super::{Errors, EXPECTED_TIME};

/// What the records of one batch share as they are read: the playbook's extra
/// keywords, what each short customer's text seen already was read as (a
/// batch repeats "STOP", "Yes" and "Thanks!" many times; classification is
/// the same pure function of text, channel and keywords each time), and a
/// list to gather events in (each contact then keeps them in one block of
/// the right size), and the zones and regions named so far (a book names a
/// few dozen, each thousands of times).
pub(super) struct Batch<'k> {
    pub(super) keywords: &'k Keywords,
    /// Short texts read, per channel (SMS, email).
    pub(super) seen: [rustc_hash::FxHashMap<Box<str>, Reply>; 2],
    /// `timeZone` and `region` texts read, with what each named.
    zones: rustc_hash::FxHashMap<Box<str>, Zone>,
    regions: rustc_hash::FxHashMap<Box<str>, Region>,
    pub(super) events: Vec<Event>,
    /// A fingerprint of each message's words in the record being read, by
    /// event index (the words themselves are not kept): a record given twice
    /// is told from two messages at one instant by them.
    pub(super) texts: Vec<(u32, u64)>,
    /// An event of the record being read was passed over (`read_events`):
    /// its placeholder is dropped once the local times are resolved.
    pub(super) passed_over: bool,
    /// What the host's own values were where the text has `null` (see
    /// [`super::NonFinite`]), and the index of the record being read.
    pub(super) host: Option<&'k dyn super::NonFinite>,
    pub(super) record: usize,
}

impl<'k> Batch<'k> {
    /// Texts longer than this are read each time (they seldom repeat).
    pub(super) const SHORT: usize = 64;
    /// At most this many texts are remembered per channel.
    pub(super) const KEEP: usize = 4096;

    pub(super) fn new(keywords: &'k Keywords) -> Batch<'k> {
        Batch {
            keywords,
            seen: Default::default(),
            zones: Default::default(),
            regions: Default::default(),
            events: Vec::new(),
            texts: Vec::new(),
            passed_over: false,
            host: None,
            record: 0,
        }
    }

    /// What the host held where the text has `null` for the record itself
    /// or its event `event` ([`super::NonFinite::null_named`]).
    pub(super) fn null_named(&self, event: Option<usize>) -> Option<String> {
        self.host?.null_named(self.record, event)
    }

    /// A `null` given for field `key` of the record:
    /// the number the host had there when that was one JSON cannot hold
    /// (`NaN`, `±Infinity`), for a field the reader reads (in `known`); else
    /// `null`. Out of line: the read loops stay as they were.
    #[cold]
    #[inline(never)]
    pub(super) fn null(&self, key: &str, known: &[&str]) -> Val<'static> {
        let Some(host) = self.host.filter(|_| known.contains(&key)) else {
            return Val::Null;
        };
        match host.number(self.record, key) {
            Some(x) => super::non_finite_name(x).map_or(Val::Null, |name| Val::Num(x, name)),
            None => Val::Null,
        }
    }

    /// A `null` given for field `key` of event `event` of the record: as
    /// [`Batch::null`] (an invalid `Date` is written `null` too).
    #[cold]
    #[inline(never)]
    pub(super) fn event_null(&self, event: usize, key: &str) -> Val<'static> {
        let Some(host) = self.host else {
            return Val::Null;
        };
        match host.event_number(self.record, event, key) {
            Some(x) => super::non_finite_name(x).map_or(Val::Null, |name| Val::Num(x, name)),
            None => Val::Null,
        }
    }

    /// The zone `text` names, read once per batch.
    pub(super) fn zone(&mut self, text: &str) -> Result<Zone, Error> {
        remembered(&mut self.zones, text, Zone::parse)
    }

    /// The region `text` names, read once per batch.
    pub(super) fn region(&mut self, text: &str) -> Result<Region, String> {
        remembered(&mut self.regions, text, Region::parse_record)
    }

    pub(super) fn reply(&mut self, text: &str, channel: MessageChannel) -> Reply {
        let classify = |text| Reply::from(classify_with(text, channel, self.keywords));
        if text.len() > Self::SHORT {
            return classify(text);
        }
        let seen = match channel {
            MessageChannel::Sms => &mut self.seen[0],
            MessageChannel::Email => &mut self.seen[1],
        };
        if let Some(r) = seen.get(text) {
            return r.clone();
        }
        let r = classify(text);
        if seen.len() < Self::KEEP {
            seen.insert(Box::from(text), r.clone());
        }
        r
    }
}

/// What `parse` reads `text` as, remembered in `seen` (up to
/// [`Batch::KEEP`] texts; errors are not remembered).
fn remembered<T: Copy, E>(
    seen: &mut rustc_hash::FxHashMap<Box<str>, T>,
    text: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, E> {
    if let Some(&t) = seen.get(text) {
        return Ok(t);
    }
    let t = parse(text)?;
    if seen.len() < Batch::KEEP {
        seen.insert(Box::from(text), t);
    }
    Ok(t)
}

/// The fields of a contact record the reader reads.
const CONTACT_FIELDS: [&str; 7] = [
    "id", "name", "timeZone", "region", "addedAt", "priority", "events",
];

/// The state of one contact being read.
pub(super) struct Ctx {
    pub(super) zone: Option<Zone>,
    pub(super) pending: Vec<Pending>,
}

impl Ctx {
    /// Reads a time field: an instant now, or a local time resolved once the
    /// zone is known (a placeholder until then).
    pub(super) fn time(
        &mut self,
        v: Val<'_>,
        event: Option<usize>,
        field: TimeField,
        out: &mut Errors,
    ) -> Option<Instant> {
        match when(v) {
            Ok(When::At(t)) => Some(t),
            Ok(When::Local(l, dated)) => {
                self.pending.push(Pending {
                    event,
                    field,
                    local: l,
                    dated,
                });
                Some(Instant(0))
            }
            Err((code, msg)) => {
                out.push(Error::new(code, path_of(event, field.name()), msg));
                None
            }
        }
    }
}

/// A contact's own fields as read so far (events are gathered apart).
#[derive(Default)]
struct Fields {
    id: Option<ContactId>,
    name: Option<Box<str>>,
    time_zone: Option<Zone>,
    /// `time_zone` was named loosely ("CST", "Pacific"): the US zone of
    /// that name, unless the region keeps no such clock.
    loose_zone: bool,
    region: Option<Region>,
    added_at: Option<Instant>,
    priority: Option<f64>,
    /// The fields met so far, one bit each (`SEEN_*`).
    seen: u8,
    /// Of those, the ones whose value so far was given by another spelling
    /// than the contract's, and the ones whose value so far is empty.
    alias: u8,
    empty: u8,
}

const SEEN_ID: u8 = 1;
const SEEN_ADDED: u8 = 1 << 1;
const SEEN_EVENTS: u8 = 1 << 2;
const SEEN_NAME: u8 = 1 << 3;
const SEEN_ZONE: u8 = 1 << 4;
const SEEN_REGION: u8 = 1 << 5;
const SEEN_PRIORITY: u8 = 1 << 6;

impl Fields {
    /// Marks field `key` (bit `bit`) as met; met before, the errors its
    /// earlier value left are dropped — a key given twice takes its last
    /// value, as `JSON.parse` does — and `true` is returned. Only a repeated
    /// key pays for this.
    fn again(&mut self, bit: u8, key: &str, out: &mut Errors) -> bool {
        let again = self.seen & bit != 0;
        self.seen |= bit;
        if again {
            out.forget(key);
        }
        again
    }

    /// Notes who gave field `bit` its value now: another spelling than the
    /// contract's (`alias`), and whether empty.
    fn given(&mut self, bit: u8, alias: bool, empty: bool) {
        let set = |bits: &mut u8, on: bool| *bits = if on { *bits | bit } else { *bits & !bit };
        set(&mut self.alias, alias);
        set(&mut self.empty, empty);
    }

    /// Reports the required fields that were not there at all.
    fn require(&self, out: &mut Errors) {
        if self.seen & SEEN_ID == 0 {
            out.push(Error::input(
                "id",
                "required: expected a non-empty string or a number",
            ));
        }
        if self.seen & SEEN_ADDED == 0 {
            out.push(Error::new(
                ErrorCode::InvalidTime,
                "addedAt",
                format!("required: {EXPECTED_TIME}"),
            ));
        }
    }

    /// The contact, its events sorted (placeholders where a field was bad:
    /// the record's errors say so, and it is not used).
    fn into_contact(self, events: Vec<Event>) -> Contact {
        Contact {
            id: self.id.unwrap_or(ContactId::Text(Box::from(""))),
            name: self.name,
            time_zone: self.time_zone,
            region: self.region,
            added_at: self.added_at.unwrap_or(Instant(0)),
            priority: self.priority,
            events,
        }
    }
}

/// Reads one contact record (the cursor on its `{`): its fields, its events,
/// its local times resolved in its zone (or the playbook's: `fallback`),
/// its events sorted. Field errors go to `out`; a syntax error ends the read.
pub(super) fn read_contact(
    r: &mut Reader<'_>,
    out: &mut Errors,
    fallback: Fallback,
    batch: &mut Batch<'_>,
) -> std::result::Result<Contact, Syntax> {
    let mut f = Fields::default();
    let mut events = std::mem::take(&mut batch.events);
    events.clear();
    batch.texts.clear();
    batch.passed_over = false;
    let mut cx = Ctx {
        zone: None,
        pending: Vec::new(),
    };
    r.members(|r, key| {
        // A key in another letter case or with separators (`Events`,
        // `TimeZone`, `added_at`) is read as the contract's. Not `region`
        // and `priority`: CRMs keep a sales territory and a deal's rank
        // under `Region` and `Priority`; but spaces at their edges are no
        // other spelling (a CSV header "id, timeZone, region" gives the key
        // " region").
        // The contract's own spelling wins whatever the order: another one
        // is read only while the field is not given (MongoDB's `_id` before
        // the record's `id`), or given empty.
        let (key, bit, alias) = match key {
            "id" => (key, SEEN_ID, false),
            "name" => (key, SEEN_NAME, false),
            "timeZone" => (key, SEEN_ZONE, false),
            "region" => (key, SEEN_REGION, false),
            "addedAt" => (key, SEEN_ADDED, false),
            "priority" => (key, SEEN_PRIORITY, false),
            "events" => (key, SEEN_EVENTS, false),
            _ => match folded_key(key, &["id", "name", "timeZone", "addedAt", "events"]) {
                Some(k) => match k {
                    "id" => (k, SEEN_ID, true),
                    "name" => (k, SEEN_NAME, true),
                    "timeZone" => (k, SEEN_ZONE, true),
                    "addedAt" => (k, SEEN_ADDED, true),
                    _ => (k, SEEN_EVENTS, true),
                },
                None => match key.trim_ascii() {
                    "region" => ("region", SEEN_REGION, true),
                    "priority" => ("priority", SEEN_PRIORITY, true),
                    _ => (key, 0, true),
                },
            },
        };
        if alias && f.seen & bit & !f.empty != 0 {
            r.value()?;
            return Ok(());
        }
        // (A key given twice takes its last value, as `JSON.parse` does: what
        // the first said, right or wrong, is gone, its local times too.)
        if key == "events" {
            r.ws();
            if r.peek() == Some(b'[') {
                // An empty list is not given, as an empty text is not: a
                // CRM's `Events` beside it, before or after, is read
                // (`{events: [], Events: [STOP]}`).
                let rest = r.bytes.get(r.pos.saturating_add(1)..).unwrap_or_default();
                let empty = rest.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b']');
                if empty {
                    r.value()?;
                    if !alias && f.alias & bit != 0 {
                        return Ok(());
                    }
                    f.given(bit, alias, true);
                    if f.again(SEEN_EVENTS, key, out) {
                        cx.pending.retain(|p| p.event.is_none());
                    }
                    events.clear();
                    return Ok(());
                }
                f.given(bit, alias, false);
                if f.again(SEEN_EVENTS, key, out) {
                    cx.pending.retain(|p| p.event.is_none());
                }
                return read_events(r, out, &mut cx, batch, &mut events);
            }
        }
        // One read of the value for every other field, known or not.
        let lone = r.lone;
        let v = match r.value_inline()? {
            Val::Null => batch.null(key, &CONTACT_FIELDS),
            v => v,
        };
        // Another spelling of `events` holding no list is the CRM's own
        // field (a count of its events: `"Events": 12`), not the history.
        if bit == SEEN_EVENTS && alias {
            return Ok(());
        }
        // Empty or null, the contract's spelling is not given: another
        // spelling read before it stands, and one read after it is read
        // (`{Events: [...], events: null}`, `{id: "", _id: "c9"}`).
        let empty = v.blank();
        if bit != 0 && empty && !alias && f.alias & bit != 0 {
            return Ok(());
        }
        f.given(bit, alias, empty);
        match key {
            "id" => {
                f.again(SEEN_ID, key, out);
                f.id = id(v, r.lone != lone, out);
            }
            "name" => {
                f.again(SEEN_NAME, key, out);
                f.name = name(v, out);
            }
            "timeZone" => {
                f.again(SEEN_ZONE, key, out);
                let by_clock = matches!(&v, Val::Str(s) if crate::zones::clock_name(s));
                f.time_zone = time_zone(v, out, batch);
                // (A name of no place read as a clock's zone named a clock:
                // `zones::named_by_clock`.)
                f.loose_zone = by_clock
                    && f.time_zone
                        .is_some_and(|z| crate::zones::is_clock_zone(z.name()));
                cx.zone = f.time_zone;
            }
            "region" => {
                f.again(SEEN_REGION, key, out);
                f.region = region(v, out, batch);
            }
            "addedAt" => {
                if f.again(SEEN_ADDED, key, out) {
                    cx.pending.retain(|p| p.event.is_some());
                }
                f.added_at = added_at(v, &mut cx, out);
            }
            "priority" => {
                f.again(SEEN_PRIORITY, key, out);
                f.priority = priority(v, out);
            }
            // Events given as no array: none when not given, else an error.
            "events" => {
                if f.again(SEEN_EVENTS, key, out) {
                    cx.pending.retain(|p| p.event.is_none());
                }
                events.clear();
                if let Some(other) = v.given() {
                    out.push(Error::input(
                        "events",
                        format!("expected an array of events, got {}", other.got()),
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    f.require(out);
    // A zone named by its clock ("CST", "Central Standard Time") is the
    // region's zone of that name (in Saskatchewan, which keeps no daylight
    // time, Regina's): `zones::named_by_clock`.
    if f.loose_zone {
        let region = f.region.or(fallback.region);
        f.time_zone = f.time_zone.map(|z| crate::context::loose_zone(z, region));
    }
    let pending = std::mem::take(&mut cx.pending);
    if !pending.is_empty() {
        resolve_local(pending, fallback, &mut f, &mut events, out);
    }
    // A fix proposed as a local time is no fix where the contact's zone is
    // unknown: then it is the time with an offset (a serial date's error).
    if out.count() > 0 && fallback.known(f.time_zone, f.region).is_none() {
        out.no_local_fix();
    }
    if std::mem::take(&mut batch.passed_over) {
        events.retain(|e| !super::event::placeholder(e));
    }
    check_horizons(&events, out);
    // Sorted by time once, here: every rule reads the history in time order
    // (events at the same instant keep the order they were given in).
    // Moved out into a block of exactly their number (the gathering list
    // keeps its room for the next record).
    let mut kept: Vec<Event> = Vec::with_capacity(events.len());
    kept.append(&mut events);
    batch.events = events;
    let kept = super::order::without_repeats(super::order::by_time(kept), &batch.texts);
    Ok(f.into_contact(kept))
}

/// Resolves the local times (no offset) read before the zone was known, in
/// the zone the contact is known to be in ([`Fallback::known`]); each is an
/// error when it is unknown.
fn resolve_local(
    pending: Vec<Pending>,
    fallback: Fallback,
    f: &mut Fields,
    events: &mut [Event],
    out: &mut Errors,
) {
    let zone = fallback.known(f.time_zone, f.region).map(|(z, _)| z);
    // A timeZone given but not read has its own error.
    let why = if out.has("timeZone") {
        "its timeZone could not be read (see timeZone)".to_string()
    } else {
        fallback.unknown_why(f.time_zone, f.region)
    };
    for p in pending {
        let Some(z) = zone else {
            out.push(Error::new(
                ErrorCode::InvalidTime,
                path_of(p.event, p.field.name()),
                format!(
                    "{} is read in the contact's zone, but {why}",
                    local_named(p.local, p.dated)
                ),
            ));
            continue;
        };
        let t = z.instant(p.local);
        match p.event {
            None => f.added_at = f.added_at.map(|_| t),
            Some(i) => {
                if let Some(e) = events.get_mut(i) {
                    match (p.field, &mut e.body) {
                        (TimeField::At, _) => e.at = t,
                        (TimeField::DueAt, EventBody::Callback { due_at, .. }) => *due_at = t,
                        (TimeField::BuyAt, EventBody::Horizon { buy_at }) => *buy_at = t,
                        _ => {}
                    }
                }
            }
        }
    }
}

/// A buying horizon must not lie before the event that set it.
fn check_horizons(events: &[Event], out: &mut Errors) {
    for (i, e) in events.iter().enumerate() {
        if let EventBody::Horizon { buy_at } = e.body {
            if buy_at < e.at {
                // (A buyAt that could not be read has its own error.)
                let path = format!("events[{i}].buyAt");
                if !out.has(&path) {
                    out.push(Error::value(
                        path,
                        "expected a time at or after the event's at",
                    ));
                }
            }
        }
    }
}
