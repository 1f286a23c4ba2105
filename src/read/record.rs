//! One contact record: its fields, its local times resolved once its zone
//! is known, its events sorted.

use chrono::Timelike;

use crate::error::{Error, ErrorCode};
use crate::model::{Contact, ContactId, Event, EventBody, MessageChannel, Reply};
use crate::playbook::Keywords;
use crate::region::Region;
use crate::reply::classify_with;
use crate::time::{Instant, Zone};

use super::event::read_events;
use super::json::{Reader, Syntax, Val};
use super::value::{path_of, string_of, when, Pending, TimeField, When};
use super::{Errors, EXPECTED_TIME};

/// What the records of one batch share as they are read: the playbook's extra
/// keywords, what each short customer's text seen already was read as (a
/// batch repeats "STOP", "Yes" and "Thanks!" many times; classification is
/// the same pure function of text, channel and keywords each time), and a
/// list to gather events in (each contact then keeps them in one block of
/// the right size).
pub(super) struct Batch<'k> {
    pub(super) keywords: &'k Keywords,
    /// Short texts read, per channel (SMS, email).
    pub(super) seen: [rustc_hash::FxHashMap<Box<str>, Reply>; 2],
    pub(super) events: Vec<Event>,
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
            events: Vec::new(),
        }
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
            Ok(When::Local(l)) => {
                self.pending.push(Pending {
                    event,
                    field,
                    local: l,
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

pub(super) fn read_contact(
    r: &mut Reader<'_>,
    out: &mut Errors,
    default_zone: Option<Zone>,
    batch: &mut Batch<'_>,
) -> std::result::Result<Contact, Syntax> {
    let mut id: Option<ContactId> = None;
    let mut id_seen = false;
    let mut name = None;
    let mut time_zone: Option<Zone> = None;
    let mut region = None;
    let mut added_at: Option<Instant> = None;
    let mut added_seen = false;
    let mut priority = None;
    let mut events = std::mem::take(&mut batch.events);
    events.clear();
    let mut cx = Ctx {
        zone: None,
        pending: Vec::new(),
    };
    r.members(|r, key| {
        match key {
            "id" => {
                id_seen = true;
                id = match r.value()? {
                    Val::Str(s) if !s.trim().is_empty() => {
                        Some(ContactId::Text(s.into_owned().into_boxed_str()))
                    }
                    Val::Num(n, _) if n.is_finite() => Some(ContactId::Number(n)),
                    other => {
                        out.push(Error::input(
                            "id",
                            format!(
                                "expected a non-empty string or a number, got {}",
                                other.got()
                            ),
                        ));
                        None
                    }
                };
            }
            "name" => {
                name = match r.value()?.given().map(string_of) {
                    None => None,
                    Some(Ok(s)) => Some(s.into_boxed_str()),
                    Some(Err(m)) => {
                        out.push(Error::input("name", m));
                        None
                    }
                };
            }
            "timeZone" => {
                time_zone = match r.value()?.given() {
                    None => None,
                    Some(Val::Str(s)) => match Zone::parse(s.trim()) {
                        Ok(z) => Some(z),
                        Err(e) => {
                            out.push(e.under("timeZone"));
                            None
                        }
                    },
                    Some(other) => {
                        out.push(Error::new(
                            ErrorCode::UnknownTimeZone,
                            "timeZone",
                            format!(
                                "expected an IANA time zone such as \"America/New_York\", got {}",
                                other.got()
                            ),
                        ));
                        None
                    }
                };
                cx.zone = time_zone;
            }
            "region" => {
                region = match r.value()?.given() {
                    None => None,
                    Some(Val::Str(s)) => match Region::parse(s.trim()) {
                        Ok(reg) => Some(reg),
                        Err(m) => {
                            out.push(Error::value("region", m));
                            None
                        }
                    },
                    Some(other) => {
                        out.push(Error::value(
                            "region",
                            format!(
                                "expected a region code such as \"US\" or \"US-TX\", got {}",
                                other.got()
                            ),
                        ));
                        None
                    }
                };
            }
            "addedAt" => {
                added_seen = true;
                added_at = match r.value()?.given() {
                    None => {
                        out.push(Error::new(
                            ErrorCode::InvalidTime,
                            "addedAt",
                            format!("required: {EXPECTED_TIME}"),
                        ));
                        None
                    }
                    Some(v) => cx.time(v, None, TimeField::AddedAt, out),
                };
            }
            "priority" => {
                priority = match r.value()?.given() {
                    None => None,
                    Some(v) => {
                        let n = match &v {
                            Val::Num(n, _) => Some(*n),
                            Val::Str(s) => s.trim().parse::<f64>().ok(),
                            _ => None,
                        };
                        match n {
                            Some(n) if n.is_finite() && n.abs() <= 1e9 => Some(n),
                            _ => {
                                out.push(Error::input(
                                    "priority",
                                    format!("expected a number from -1e9 to 1e9, got {}", v.got()),
                                ));
                                None
                            }
                        }
                    }
                };
            }
            "events" => {
                r.ws();
                match r.peek() {
                    Some(b'[') => {
                        events.clear();
                        read_events(r, out, &mut cx, batch, &mut events)?;
                    }
                    _ => match r.value()?.given() {
                        None => events.clear(),
                        Some(other) => out.push(Error::input(
                            "events",
                            format!("expected an array of events, got {}", other.got()),
                        )),
                    },
                }
            }
            _ => {
                r.value()?;
            }
        }
        Ok(())
    })?;
    if !id_seen {
        out.push(Error::input(
            "id",
            "required: expected a non-empty string or a number",
        ));
    }
    if !added_seen {
        out.push(Error::new(
            ErrorCode::InvalidTime,
            "addedAt",
            format!("required: {EXPECTED_TIME}"),
        ));
    }
    // Local times, now that the zone is known.
    let zone = time_zone.or(default_zone);
    for p in std::mem::take(&mut cx.pending) {
        let Some(z) = zone else {
            out.push(Error::new(
                ErrorCode::InvalidTime,
                path_of(p.event, p.field.name()),
                format!(
                    "a local date-time without an offset ({:?}) is read in the contact's zone, but the contact has no timeZone (nor the playbook): give a timeZone or an offset",
                    format!("{} {}", p.local.date(), crate::window::hhmm(p.local.num_seconds_from_midnight() / 60))
                ),
            ));
            continue;
        };
        let t = z.instant(p.local);
        match p.event {
            None => added_at = added_at.map(|_| t),
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
    for (i, e) in events.iter().enumerate() {
        if let EventBody::Horizon { buy_at } = e.body {
            if buy_at < e.at {
                out.push(Error::value(
                    format!("events[{i}].buyAt"),
                    "expected a time at or after the event's at",
                ));
            }
        }
    }
    // Sorted by time once, here: every rule reads the history in time order
    // (events at the same instant keep the order they were given in).
    // Moved out into a block of exactly their number (the gathering list
    // keeps its room for the next record).
    let mut kept: Vec<Event> = Vec::with_capacity(events.len());
    kept.append(&mut events);
    batch.events = events;
    kept.sort_by_key(|e| (e.at, e.index));
    Ok(Contact {
        id: id.unwrap_or(ContactId::Text(Box::from(""))),
        name,
        time_zone,
        region,
        added_at: added_at.unwrap_or(Instant(0)),
        priority,
        events: kept,
    })
}
