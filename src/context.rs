//! What every rule needs to know about one evaluation: the contact, its playbook,
//! `now`, the zone and hours that bind it, and the history in time order.

use std::cell::Cell;

use crate::model::{Channel, Contact, Event};
use crate::playbook::Playbook;
use crate::region::Region;
use crate::time::{Instant, Zone};
use crate::window::{Cap, Hours, HoursKind, Window};

/// Where the zone of a contact's local times comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneSource {
    /// The contact's own `timeZone`.
    Contact,
    /// The playbook's `timeZone`.
    Playbook,
    /// Neither: the contact's region (else the US), whose every zone must allow
    /// a time; local times are written in the region's principal zone.
    Region,
}

impl ZoneSource {
    /// The id as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ZoneSource::Contact => "contact",
            ZoneSource::Playbook => "playbook",
            ZoneSource::Region => "region",
        }
    }
}

/// The zone of a contact's local times, where it comes from, and every zone
/// whose clock binds its contact window: the contact's, else the playbook's,
/// else — never a guess — all the zones of its region (the US when it has
/// none), the principal one first.
pub fn resolve_zone(
    contact: &Contact,
    playbook: &Playbook,
    region: Option<Region>,
) -> (Zone, ZoneSource, Vec<Zone>) {
    if let Some(z) = contact.time_zone {
        return (z, ZoneSource::Contact, vec![z]);
    }
    if let Some(z) = playbook.time_zone {
        return (z, ZoneSource::Playbook, vec![z]);
    }
    let zones: Vec<Zone> = region
        .unwrap_or(Region::US)
        .zones()
        .iter()
        .filter_map(|n| Zone::parse(n).ok())
        .collect();
    let principal = zones.first().copied().unwrap_or(Zone::UTC);
    (principal, ZoneSource::Region, zones)
}

/// One evaluation's inputs, resolved.
pub struct Ctx<'a> {
    /// The contact.
    pub contact: &'a Contact,
    /// The playbook.
    pub playbook: &'a Playbook,
    /// The evaluation time.
    pub now: Instant,
    /// The zone local times are in (see [`resolve_zone`]).
    pub zone: Zone,
    /// Where `zone` comes from.
    pub zone_source: ZoneSource,
    /// The contact's region (contact, else playbook), if any.
    pub region: Option<Region>,
    /// The contact window.
    pub hours: Hours,
    /// Frequency caps that apply.
    pub caps: Vec<Cap>,
    /// How many of the contact's events (sorted by time) are at or before `now`.
    pub upto: usize,
    /// The earliest instant after `now` at which the result could change.
    changes: Cell<i64>,
    /// Skip the words: `explain`, violation messages and formatted times (the
    /// resident worklist needs only the facts it filters and sorts on).
    pub lean: bool,
}

impl<'a> Ctx<'a> {
    /// Resolves zone, region, hours and caps, and sorts the history up to `now`.
    pub fn new(contact: &'a Contact, playbook: &'a Playbook, now: Instant) -> Ctx<'a> {
        let region = contact.region.or(playbook.region);
        let (zone, zone_source, zones) = resolve_zone(contact, playbook, region);
        let mut windows: Vec<Window> = Vec::new();
        let mut kinds = Vec::new();
        if let Some(w) = &playbook.window {
            windows.push(w.clone());
            kinds.push(HoursKind::Custom);
        }
        match region {
            Some(r) => {
                windows.push(r.window());
                kinds.push(HoursKind::Region(r));
            }
            None if playbook.window.is_none() => {
                windows.push(Region::US.window());
                kinds.push(HoursKind::DefaultUs);
            }
            None => {}
        }
        let mut caps = region.map(Region::caps).unwrap_or_default();
        if let Some(c) = &playbook.frequency_cap {
            caps.push(c.clone());
        }
        let upto = contact.events.partition_point(|e| e.at <= now);
        // The first event after `now` changes the result when `now` reaches it.
        let first_future = contact.events.get(upto).map_or(i64::MAX, |e| e.at.0);
        Ctx {
            contact,
            playbook,
            now,
            zone,
            zone_source,
            region,
            hours: Hours::new(windows, kinds, zones).with_blackout(&playbook.blackout_dates),
            caps,
            upto,
            changes: Cell::new(first_future),
            lean: false,
        }
    }

    /// Whether the words are wanted (not a lean evaluation).
    pub fn explains(&self) -> bool {
        !self.lean
    }

    /// The events up to `now`, in time order, with their input indexes.
    pub fn events(&self) -> impl Iterator<Item = (usize, &'a Event)> + '_ {
        self.history().iter().map(|e| (e.index as usize, e))
    }

    /// The events up to `now`, in time order.
    pub fn history(&self) -> &'a [Event] {
        let events: &'a [Event] = &self.contact.events;
        events.get(..self.upto).unwrap_or(&[])
    }

    /// Notes that the result may change at `t` (ignored unless after `now`).
    pub fn note(&self, t: Instant) {
        if t > self.now && t.0 < self.changes.get() {
            self.changes.set(t.0);
        }
    }

    /// The earliest noted change after `now`, or `None` when nothing can
    /// change without a new event.
    pub fn next_change(&self) -> Option<Instant> {
        let t = self.changes.get();
        (t != i64::MAX).then_some(Instant(t))
    }

    /// Whether quiet hours bind this channel (calls and texts; email is not a
    /// telephone solicitation).
    pub fn hours_bind(channel: Channel) -> bool {
        !matches!(channel, Channel::Email)
    }

    /// The contact's display name, or its id.
    pub fn name(&self) -> String {
        match self.contact.name.as_deref() {
            Some(n) if !n.trim().is_empty() => n.to_string(),
            _ => self.contact.id.text(),
        }
    }

    /// Local time in words for `explain`: `Mon 2026-11-02 08:00 (America/New_York)`.
    pub fn words(&self, t: Instant) -> String {
        use chrono::{Datelike, Timelike};
        let l = self.zone.local(t);
        let day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            .get(l.weekday().num_days_from_monday() as usize)
            .copied()
            .unwrap_or("");
        format!(
            "{day} {:04}-{:02}-{:02} {:02}:{:02} {}",
            l.year(),
            l.month(),
            l.day(),
            l.hour(),
            l.minute(),
            self.zone.name()
        )
    }
}
