//! What every rule needs to know about one evaluation: the contact, its playbook,
//! `now`, the zone and hours that bind it, and the history in time order.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use rustc_hash::FxBuildHasher;

use crate::cadence::Position;
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

/// What a playbook says of the zone of its contacts: its `timeZone` and
/// `region`, for the contacts that give neither.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Fallback {
    /// The playbook's `timeZone`.
    pub zone: Option<Zone>,
    /// The playbook's `region`.
    pub region: Option<Region>,
    /// Whether the playbook's zone was named by its clock
    /// ([`Playbook::zone_by_clock`]).
    pub by_clock: bool,
}

/// A zone alone (no region).
impl From<Option<Zone>> for Fallback {
    fn from(zone: Option<Zone>) -> Fallback {
        Fallback {
            zone,
            region: None,
            by_clock: false,
        }
    }
}

impl Fallback {
    /// The playbook's.
    pub fn of(playbook: &Playbook) -> Fallback {
        Fallback {
            zone: playbook.time_zone,
            region: playbook.region,
            by_clock: playbook.zone_by_clock,
        }
    }

    /// The zone a contact with `own` zone and `region` is known to be in,
    /// and where it comes from: its own zone — unless that is a fixed offset
    /// under a zone's name ("UTC", "Etc/GMT+5", what a CRM writes when it
    /// does not know) that keeps no clock of its region — else the
    /// playbook's, when the region (the contact's, else the playbook's)
    /// keeps its clock: one of the region's zones shows the same time as it
    /// in mid-January and mid-July (Detroit keeps New York's, so it serves
    /// Michigan; a playbook written for New York does not put a contact in
    /// Hawaii on New York's clock); else the zone of a region that keeps
    /// one clock (`ZoneSource::Region`). `None`: the zone is unknown.
    pub fn known(self, own: Option<Zone>, region: Option<Region>) -> Option<(Zone, ZoneSource)> {
        let region = region.or(self.region);
        // (A fixed offset with no region named is set aside as under the
        // US, whose hours and safe intersection then apply: "UTC" is a
        // CRM's placeholder there as anywhere.)
        let keeps = |z: Zone| match region {
            None if z.is_fixed() => keeps_clock(Some(Region::US), z),
            _ => keeps_clock(region, z),
        };
        match own {
            Some(z) if !z.is_fixed() || keeps(z) => Some((z, ZoneSource::Contact)),
            _ => self
                .zone
                // (Named by its clock: the contact's region's zone of it.)
                .map(|z| {
                    if self.by_clock {
                        loose_zone(z, region)
                    } else {
                        z
                    }
                })
                .filter(|&z| keeps(z))
                .map(|z| (z, ZoneSource::Playbook))
                // A region of one clock (Massachusetts, Hawaii; not Texas,
                // whose far west keeps Mountain time) tells the zone: its
                // local times are read in it.
                .or_else(|| match region?.zones() {
                    [only] => Zone::parse(only).ok().map(|z| (z, ZoneSource::Region)),
                    _ => None,
                }),
        }
    }

    /// Why a local time cannot be read for a contact with `own` zone and
    /// `region` whose zone is not [`Fallback::known`].
    pub fn unknown_why(self, own: Option<Zone>, region: Option<Region>) -> String {
        let region = region.or(self.region).map_or("", |r| r.code());
        match (own, self.zone) {
            (Some(z), _) => format!(
                "its {}: give the zone it is in or an offset",
                set_aside(z, region)
            ),
            (None, Some(z)) => format!(
                "the contact has no timeZone, and the playbook's {} keeps no clock of {region}: give a timeZone or an offset",
                z.name()
            ),
            (None, None) => "the contact has no timeZone (nor the playbook): give a timeZone or an offset".to_string(),
        }
    }
}

/// Mid-January 2026, noon UTC: a northern winter.
const WINTER: i64 = 1_768_478_400_000;
/// Mid-July 2026, noon UTC: a northern summer.
const SUMMER: i64 = 1_784_116_800_000;

/// Whether `region` (none: any) has a zone that keeps `z`'s clock, winter
/// and summer ([`Region::clock_zones`]).
pub fn keeps_clock(region: Option<Region>, z: Zone) -> bool {
    region.map_or(true, |r| {
        r.clock_zones()
            .filter_map(|n| Zone::parse(n).ok())
            .any(|rz| same_clock(rz, z))
    })
}

/// The zone a zone named by its clock (`z` from "CST", "Pacific", "Central
/// Standard Time": `zones::named_by_clock`) stands for
/// in `region`: itself when the region's principal zone keeps its clock, or
/// the principal zone when that keeps its winter clock, or that clock a
/// day apart across the date line, or else another of the region's zones
/// that keeps it (Saskatchewan's
/// "CST" is Regina's, with no daylight time; Arizona's "Mountain Time" is
/// Phoenix's), else itself, as a zone the contact gives (Florida's
/// panhandle for "CST"; "PT" for a Florida number whose owner lives in
/// California).
pub fn loose_zone(z: Zone, region: Option<Region>) -> Zone {
    let zones = || {
        region
            .map_or(&[][..], |r| r.zones())
            .iter()
            .filter_map(|n| Zone::parse(n).ok())
    };
    let winter = |z: Zone| Instant::from_ms(WINTER).map(|t| i64::from(z.offset_at(t)));
    // (Or a day apart: the same clock across the date line, Samoa's
    // "Samoa Standard Time" in American Samoa.)
    let keeps = |p: Zone| match (winter(p), winter(z)) {
        (Some(a), Some(b)) => a == b || (a - b).abs() == 86_400,
        _ => false,
    };
    // (The principal zone first; then another of the region's that keeps
    // that winter clock when the principal keeps none of the name's:
    // "Hawaii-Aleutian Time" in Alaska is Adak's, with daylight time.)
    match zones().next() {
        Some(p) if same_clock(p, z) => z,
        Some(p) if keeps(p) => p,
        _ => zones()
            .find(|r| !same_clock(*r, z) && keeps(*r))
            .filter(|_| !zones().any(|r| same_clock(r, z)))
            .unwrap_or(z),
    }
}

/// Why a contact's own zone `z` was set aside for its region's clocks.
pub fn set_aside(z: Zone, region: &str) -> String {
    format!(
        "timeZone {} is a fixed offset, no clock of {region}",
        z.name()
    )
}

/// The zone of a contact's local times, where it comes from, and every zone
/// whose clock binds its contact window: the zone it is known to be in
/// ([`Fallback::known`]); else (never a guess) all the zones of the region
/// (the US when there is none), the principal one first.
pub fn resolve_zone(
    playbook: &Playbook,
    region: Option<Region>,
    own: Option<Zone>,
) -> (Zone, ZoneSource, Vec<Zone>) {
    if let Some((z, source)) = Fallback::of(playbook).known(own, region) {
        let mut zones = vec![z];
        zones.extend(clock_siblings(z, region.or(playbook.region)));
        return (z, source, zones);
    }
    let zones: Vec<Zone> = region
        .or(playbook.region)
        .unwrap_or(Region::US)
        .zones()
        .iter()
        .filter_map(|n| Zone::parse(n).ok())
        .collect();
    let principal = zones.first().copied().unwrap_or(Zone::UTC);
    (principal, ZoneSource::Region, zones)
}

/// The other clocks of `region` (the US when none) that a zone given by its
/// clock may stand for: those that keep its time in one season but not in
/// the other, when it is none of the region's own zones and the region's
/// principal zone does not keep its clock. "MST" in the US is Arizona's
/// clock all year and Mountain time's in winter (Denver's, with daylight
/// time); "CST" for a Canadian contact is Winnipeg's and Regina's (no
/// daylight time); "Mountain" there Edmonton's and Whitehorse's; "Eastern"
/// in Puerto Rico New York's and San Juan's (Atlantic time all year). The
/// contact window must hold in each (47 CFR 64.1200(c)(1): the called
/// party's local time), as for a contact whose zone is unknown, but only
/// across the clocks its zone may mean.
fn clock_siblings(z: Zone, region: Option<Region>) -> Vec<Zone> {
    let region = region.unwrap_or(Region::US);
    let names = region.zones();
    if region.clock_zones().any(|n| n == z.name()) {
        return Vec::new();
    }
    let zones = || names.iter().filter_map(|n| Zone::parse(n).ok());
    if zones().next().is_some_and(|p| same_clock(p, z)) {
        return Vec::new();
    }
    let at = |ms: i64, z: Zone| Instant::from_ms(ms).map(|t| z.offset_at(t));
    let keeps_one = |r: Zone| at(WINTER, r) == at(WINTER, z) || at(SUMMER, r) == at(SUMMER, z);
    zones()
        .filter(|&r| keeps_one(r) && !same_clock(r, z))
        .collect()
}

/// Whether `z` names a place of the United States (the time-zone database's
/// zones of the US, and their old names).
fn us_place(z: Zone) -> bool {
    const PLACES: &str = "New_York Detroit Kentucky/Louisville Kentucky/Monticello \
        Indiana/Indianapolis Indiana/Vincennes Indiana/Winamac Indiana/Marengo \
        Indiana/Petersburg Indiana/Vevay Chicago Indiana/Tell_City Indiana/Knox Menominee \
        North_Dakota/Center North_Dakota/New_Salem North_Dakota/Beulah Denver Boise Phoenix \
        Los_Angeles Anchorage Juneau Sitka Metlakatla Yakutat Nome Adak Fort_Wayne \
        Indianapolis Knox_IN Louisville Atka Shiprock";
    let name = z.name();
    name.starts_with("US/")
        || name == "Pacific/Honolulu"
        || name == "Navajo"
        || name
            .strip_prefix("America/")
            .is_some_and(|p| PLACES.split_ascii_whitespace().any(|x| x == p))
}

/// Whether two zones keep the same clock, winter and summer (mid-January and
/// mid-July 2026, noon UTC: both hemispheres' standard and daylight time). A
/// region's list leaves out the zones whose clocks agree with one listed
/// (src/regions/zones.rs): Detroit keeps New York's.
fn same_clock(a: Zone, b: Zone) -> bool {
    const SAMPLES: [i64; 2] = [WINTER, SUMMER];
    SAMPLES
        .iter()
        .all(|&ms| Instant::from_ms(ms).is_some_and(|t| a.offset_at(t) == b.offset_at(t)))
}

/// The marks on the index of a call the dry run made as a callback, or as a
/// reply by call ([`Ctx::made_as`]).
pub const AS_CALLBACK: u32 = 1 << 31;
/// See [`AS_CALLBACK`].
pub const AS_REPLY: u32 = 1 << 30;

/// What binds every contact with the same region and zone under one playbook:
/// the zone, the hours (each window in each zone, with its cache of days) and
/// the caps. Worked out once per batch and shared by its contacts.
#[derive(Debug)]
pub struct Place {
    /// The zone local times are in (see [`resolve_zone`]).
    pub zone: Zone,
    /// Where `zone` comes from.
    pub zone_source: ZoneSource,
    /// The region (contact's, else playbook's), if any.
    pub region: Option<Region>,
    /// The contact window.
    pub hours: Hours,
    /// Frequency caps that apply.
    pub caps: Vec<Cap>,
    /// The campaign positions worked out at recent times.
    positions: RefCell<Vec<(Instant, Option<Position>)>>,
}

impl Place {
    /// The campaign position at `t`, worked out by `f` the first time only.
    pub fn remember_position(
        &self,
        t: Instant,
        f: impl FnOnce() -> Option<Position>,
    ) -> Option<Position> {
        if let Some((_, p)) = self.positions.borrow().iter().find(|(at, _)| *at == t) {
            return p.clone();
        }
        let p = f();
        let mut memo = self.positions.borrow_mut();
        if memo.len() >= 4 {
            memo.remove(0);
        }
        memo.push((t, p.clone()));
        p
    }

    fn new(playbook: &Playbook, region: Option<Region>, zone: Option<Zone>) -> Place {
        let (zone, zone_source, zones) = resolve_zone(playbook, region, zone);
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
        // A contact in a Canadian region whose own zone is a place of the
        // United States (a US CRM's "CA" for California beside
        // "America/Los_Angeles"): the federal rule of where it is binds too
        // (47 CFR 64.1200(c)(1), the called party's local time).
        if region.is_some_and(|r| r.code().starts_with("CA"))
            && zone_source == ZoneSource::Contact
            && us_place(zone)
        {
            windows.push(Region::US.window());
            kinds.push(HoursKind::Region(Region::US));
        }
        let mut caps = region.map(Region::caps).unwrap_or_default();
        if let Some(c) = &playbook.frequency_cap {
            caps.push(c.clone());
        }
        Place {
            zone,
            zone_source,
            region,
            hours: Hours::new(windows, kinds, zones).with_blackout(&playbook.blackout_dates),
            caps,
            positions: RefCell::new(Vec::new()),
        }
    }
}

/// What decides a place: the region (the contact's, else the playbook's) and
/// the contact's own zone.
pub type PlaceKey = (Option<Region>, Option<Zone>);

/// The places by key.
type PlaceMap = HashMap<PlaceKey, Rc<Place>, FxBuildHasher>;

/// The places worked out under one playbook, with what their hours have
/// learned (days, openings): kept by a worklist from one call to the next,
/// since none of it depends on `now`.
#[derive(Debug, Default)]
pub struct Places(RefCell<PlaceMap>);

impl Places {
    /// How much the places hold: places and the days their hours keep (a
    /// worklist starts afresh past a bound, so that a long-lived page's
    /// memory stays flat).
    pub fn weight(&self) -> usize {
        self.0
            .borrow()
            .values()
            .map(|p| p.hours.weight().saturating_add(1))
            .sum()
    }
}

/// One playbook's evaluations of a batch of contacts: the places seen so far,
/// shared by the contacts with the same region and zone.
pub struct Env<'p> {
    /// The playbook.
    pub playbook: &'p Playbook,
    places: Places,
}

impl<'p> Env<'p> {
    /// An environment for evaluating contacts under `playbook`.
    pub fn new(playbook: &'p Playbook) -> Env<'p> {
        Env::with_places(playbook, Places::default())
    }

    /// An environment with the places already worked out under the same
    /// `playbook` (from [`Env::into_places`]).
    pub fn with_places(playbook: &'p Playbook, places: Places) -> Env<'p> {
        Env { playbook, places }
    }

    /// The places worked out, to evaluate more contacts with later.
    pub fn into_places(self) -> Places {
        self.places
    }

    /// The place of a contact: its region (else the playbook's) and its own
    /// zone (else the playbook's, else its region's).
    pub fn place(&self, contact: &Contact) -> Rc<Place> {
        self.place_at(self.place_key(contact))
    }

    /// What decides a contact's place: its region (else the playbook's) and
    /// its own zone.
    pub fn place_key(&self, contact: &Contact) -> PlaceKey {
        (contact.region.or(self.playbook.region), contact.time_zone)
    }

    /// The place of every contact with the key `key`.
    pub fn place_at(&self, key: PlaceKey) -> Rc<Place> {
        let mut places = self.places.0.borrow_mut();
        Rc::clone(
            places
                .entry(key)
                .or_insert_with(|| Rc::new(Place::new(self.playbook, key.0, key.1))),
        )
    }
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
    /// Where the contact stands: zone, hours and caps.
    pub place: Rc<Place>,
    /// How many of the contact's events (sorted by time) are at or before `now`.
    pub upto: usize,
    /// The earliest instant after `now` at which the result could change,
    /// apart from the turns of `hours_changes`.
    changes: Cell<i64>,
    /// The earliest turn of the contact window after `now` for a channel whose
    /// answer follows the window alone.
    hours_changes: Cell<i64>,
    /// Skip the words: `explain`, violation messages and formatted times (the
    /// resident worklist needs only the facts it filters and sorts on).
    pub lean: bool,
    /// Audit the history's touches for violations (the resident worklist
    /// keeps no violations, so it skips them; `get` evaluates in full).
    pub audits: bool,
    /// In the dry run (`plan`), the first index of the events it added:
    /// calls nobody answers. One made as a callback or a reply by call (its
    /// index marked [`AS_CALLBACK`] or [`AS_REPLY`]) carries that out (listed
    /// once; the rep who makes it sets the next); the dry run's other calls
    /// do not, and in the history given only a call that reaches the lead
    /// does.
    pub planned_from: Option<u32>,
    /// The consent fold's lists, lent by a batch that evaluates contact
    /// after contact and takes them back from the facts (their allocations
    /// serve them all); empty otherwise.
    pub lent: Cell<crate::consent::Lent>,
}

impl<'a> Ctx<'a> {
    /// A contact at `now` in its place under `env`'s playbook.
    pub fn new(env: &Env<'a>, contact: &'a Contact, now: Instant) -> Ctx<'a> {
        let place = env.place(contact);
        let upto = contact.events.partition_point(|e| e.at <= now);
        // The first event after `now` changes the result when `now` reaches it.
        let first_future = contact.events.get(upto).map_or(i64::MAX, |e| e.at.0);
        Ctx {
            contact,
            playbook: env.playbook,
            now,
            zone: place.zone,
            place,
            upto,
            changes: Cell::new(first_future),
            hours_changes: Cell::new(i64::MAX),
            lean: false,
            audits: true,
            planned_from: None,
            lent: Cell::default(),
        }
    }

    /// The contact window.
    pub fn hours(&self) -> &Hours {
        &self.place.hours
    }

    /// The frequency caps that apply.
    pub fn caps(&self) -> &[Cap] {
        &self.place.caps
    }

    /// The contact's region (its own, else the playbook's), if any.
    pub fn region(&self) -> Option<Region> {
        self.place.region
    }

    /// Where the zone comes from.
    pub fn zone_source(&self) -> ZoneSource {
        self.place.zone_source
    }

    /// Whether `e` is a call the dry run made as what `mark` says
    /// ([`AS_CALLBACK`], [`AS_REPLY`]; [`Ctx::planned_from`]).
    pub fn made_as(&self, e: &crate::model::Event, mark: u32) -> bool {
        self.planned_from
            .is_some_and(|k| e.index >= k && e.index & mark != 0)
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

    /// The event of the history with input index `index`: at its own place
    /// when the history was given in time order, else looked for.
    pub fn event(&self, index: usize) -> Option<&'a Event> {
        let history = self.history();
        history
            .get(index)
            .filter(|e| e.index as usize == index)
            .or_else(|| history.iter().find(|e| e.index as usize == index))
    }

    /// Notes that the result may change at `t` (ignored unless after `now`).
    pub fn note(&self, t: Instant) {
        if t > self.now && t.0 < self.changes.get() {
            self.changes.set(t.0);
        }
    }

    /// Notes that a channel's answer turns at `t` with the contact window alone
    /// (see [`crate::consent::Check::follows_hours`]): a change like any
    /// other, kept apart so that a worklist can follow the window per place
    /// rather than re-evaluate each contact at every turn.
    pub fn note_hours(&self, t: Instant) {
        if t > self.now {
            self.hours_changes.set(self.hours_changes.get().min(t.0));
        }
    }

    /// The earliest noted change after `now`, or `None` when nothing can
    /// change without a new event.
    pub fn next_change(&self) -> Option<Instant> {
        let t = self.changes.get().min(self.hours_changes.get());
        (t != i64::MAX).then_some(Instant(t))
    }

    /// The earliest change after `now` other than the window's turns for the
    /// channels that follow it alone, or `None`.
    pub fn history_change(&self) -> Option<Instant> {
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

    /// Local time in words for `explain`: `Mon 2026-11-02 08:00 America/New_York`,
    /// written where it is used (see [`Words`]).
    /// An instant that is the midnight of events logged with a date alone
    /// (and of none with a time) is written as that day with no time of day:
    /// `Tue 2026-11-03 (no time of day) America/New_York`.
    #[inline(never)]
    pub fn words(&self, t: Instant) -> Words {
        let events: &[Event] = &self.contact.events;
        let from = events.partition_point(|e| e.at < t);
        // (The first few at that instant tell: a history of thousands of
        // calls logged on one date is not read through for each line.)
        let mut at_t = events
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take(8)
            .take_while(|e| e.at == t);
        let dated = at_t.all(|e| e.dated) && events.get(from).is_some_and(|e| e.at == t);
        Words {
            zone: self.zone,
            t,
            dated,
        }
    }
}

/// A local time in words, `Mon 2026-11-02 08:00 America/New_York`: the
/// weekday, the wall date and minute, and the zone. It is written straight
/// into the text that uses it ([`Words::write_to`], or `Display`), with no
/// String of its own.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    zone: Zone,
    t: Instant,
    /// Only the day is known.
    dated: bool,
}

impl Words {
    /// The same, written as its day alone when `day` is (a callback due on
    /// a date).
    pub fn day_only(self, day: bool) -> Words {
        Words {
            dated: self.dated || day,
            ..self
        }
    }

    /// Appends the words to `out`.
    pub fn write_to(self, out: &mut String) {
        // Writing to a String cannot fail.
        let _ = self.write(out);
    }

    fn write<W: std::fmt::Write>(self, out: &mut W) -> std::fmt::Result {
        let c = self.zone.civil(self.t);
        let day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            .get(c.weekday.num_days_from_monday() as usize)
            .copied()
            .unwrap_or("");
        out.write_str(day)?;
        out.write_char(' ')?;
        crate::rfc3339::write_civil_to(out, &c, !self.dated)?;
        if self.dated {
            out.write_str(" (no time of day)")?;
        } else if let Some(offset) = self.repeated() {
            // (The hour a clock goes back over is read twice: its offset
            // tells the two apart.)
            let text = crate::rfc3339::Text::of(self.t, offset);
            let s = text.as_str();
            out.write_str(" (UTC")?;
            out.write_str(s.get(s.len().saturating_sub(6)..).unwrap_or_default())?;
            out.write_char(')')?;
        }
        out.write_char(' ')?;
        out.write_str(self.zone.name())
    }

    /// The offset at the instant, when its wall time is read twice in the
    /// zone (the hour a fall-back change repeats).
    fn repeated(self) -> Option<i32> {
        let off = self.zone.offset_at(self.t);
        let wall = self.zone.local(self.t);
        [
            self.t.plus(-3 * crate::time::HOUR),
            self.t.plus(3 * crate::time::HOUR),
        ]
        .into_iter()
        .map(|probe| self.zone.offset_at(probe))
        .filter(|&o| o != off)
        .any(|o| {
            let other = self.t.plus(i64::from(off - o) * 1000);
            other != self.t && self.zone.local(other) == wall
        })
        .then_some(off)
    }
}

impl std::fmt::Display for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write(f)
    }
}
