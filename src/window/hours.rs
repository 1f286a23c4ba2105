//! The window(s) that bind one contact, read in its zone(s), with the days
//! already worked out kept for the questions that follow.

use std::cell::{Cell, OnceCell, RefCell};

use chrono::{Datelike, NaiveDate};

use crate::region::Region;
use crate::time::{Instant, Zone, DAY, HOUR, MAX_MS, MINUTE};

use super::timeline::Timeline;
use super::{Block, Window};

/// Where a window of [`Hours`] comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HoursKind {
    /// The playbook's own `window`.
    Custom,
    /// A region preset (the contact's or the playbook's).
    Region(Region),
    /// The US hours that apply when neither a region nor a window is given.
    DefaultUs,
}

impl HoursKind {
    /// The region whose rules the window is (its day bans too), if any.
    fn region(&self) -> Option<Region> {
        match self {
            HoursKind::Region(r) => Some(*r),
            HoursKind::DefaultUs => Some(Region::US),
            HoursKind::Custom => None,
        }
    }
}

/// How far ahead a contact window is looked for, in days.
pub const HORIZON_DAYS: i64 = 400;

/// The open intervals of one window in one zone on one local day:
/// (constraint index, day, whether the day is banned, intervals).
type DayIntervals = (usize, NaiveDate, bool, Vec<(Instant, Instant)>);

/// The window(s) that bind one contact, in the zone(s) that bind it: a custom
/// window, a region's, or both (both must allow a time), each read in the
/// contact's zone — or, when the zone is unknown, in every zone of its region
/// (the safe intersection).
#[derive(Debug, Clone, PartialEq)]
pub struct Hours {
    /// All of these must contain a time for it to be inside the contact window.
    pub windows: Vec<Window>,
    /// Where each window comes from, in the same order.
    pub kinds: Vec<HoursKind>,
    /// The zones each window is read in (all of them must allow a time).
    pub zones: Vec<Zone>,
    /// Local dates with no calls or texts at all (a playbook's `blackoutDates`),
    /// besides the days a region bans.
    pub blackout: Vec<NaiveDate>,
    /// The intervals of each (window, zone, local day) already worked out: one
    /// evaluation asks about the same few days many times, and each interval
    /// costs two zone conversions.
    cache: RefCell<Vec<DayIntervals>>,
    /// Every window holds every minute of every day, and no day is banned:
    /// the hours never close ([`Window::round_the_clock`]).
    always: bool,
    /// The last question each constraint answered, `(t, start, end)`: a time
    /// from `t` up to `end` has the same answer (a batch asks about `now`
    /// contact after contact). Exact: for `t <= t2 < end`, the days before the
    /// answer's hold nothing ending after `t2`, and the answer stays the
    /// earliest of its day that does.
    last: RefCell<Vec<(Instant, Instant, Instant)>>,
    /// The answers already given about one instant: a batch asks each channel
    /// of each contact about the same `now`.
    asked: Cell<Asked>,
    /// The last few openings found, `(t, next_open(t))`, newest first: a
    /// contact's due times are placed at the same few instants as others'
    /// (its `now`, a phase's start).
    opens: RefCell<[(i64, Option<Instant>); OPENS]>,
    /// The openings listed ahead once a batch has asked often enough.
    pub(super) timeline: RefCell<Timeline>,
    /// [`Hours::source`], written once: every violation of every contact in
    /// this place names the same hours.
    source: OnceCell<String>,
}

/// How many openings [`Hours::next_open`] remembers.
const OPENS: usize = 6;

/// What [`Hours::contains`] and [`Hours::closes_after`]
/// answered about the instant `t` (`None`: not asked yet).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Asked {
    t: i64,
    contains: Option<bool>,
    close: Option<Option<Instant>>,
}

impl Asked {
    const NONE: Asked = Asked {
        t: i64::MIN,
        contains: None,
        close: None,
    };
}

impl Hours {
    /// The hours made of `windows` (with their `kinds`, in the same order), each
    /// read in every one of `zones`.
    pub fn new(windows: Vec<Window>, kinds: Vec<HoursKind>, zones: Vec<Zone>) -> Hours {
        let always = windows.iter().all(Window::round_the_clock)
            && !kinds
                .iter()
                .any(|k| k.region().is_some_and(Region::bans_days));
        Hours {
            always,
            windows,
            kinds,
            zones,
            blackout: Vec::new(),
            cache: RefCell::new(Vec::new()),
            last: RefCell::new(Vec::new()),
            asked: Cell::new(Asked::NONE),
            opens: RefCell::new([(i64::MIN, None); OPENS]),
            timeline: RefCell::new(Timeline::default()),
            source: OnceCell::new(),
        }
    }

    /// These hours, shut for the whole of each of `dates` (local dates).
    pub fn with_blackout(mut self, dates: &[NaiveDate]) -> Hours {
        self.blackout = dates.to_vec();
        self.always &= dates.is_empty();
        self
    }

    /// Whether window `w` (by its kind) has no hours on local `date`: a day its
    /// region bans (Sundays, legal holidays) or a blackout date.
    fn banned(&self, w: usize, date: NaiveDate) -> bool {
        if self.blackout.contains(&date) {
            return true;
        }
        self.kinds
            .get(w)
            .and_then(HoursKind::region)
            .is_some_and(|r| r.banned(date).is_some())
    }

    /// Why `t`'s local day (in `zone`) has no hours, when a window's region
    /// bans it ("Thanksgiving Day (Ala. Code § 1-3-8)", "Sunday") or it is
    /// a blackout date: for a violation's words, which the hours alone would
    /// not explain (the time is inside them).
    pub fn closed_because(&self, t: Instant, zone: Zone) -> Option<String> {
        let date = zone.date(t);
        if self.blackout.contains(&date) {
            return Some("a blackout date of the playbook".to_string());
        }
        self.kinds.iter().find_map(|k| {
            let r = k.region()?;
            let why = r.banned(date)?;
            Some(format!(
                "{why}, a day with no calls or texts in {}",
                r.code()
            ))
        })
    }

    /// The intervals of window `w` on local `date` in `zone`, none on a banned
    /// day, and cut at midnight before a banned day.
    fn day(
        &self,
        w: usize,
        window: &Window,
        zone: Zone,
        date: NaiveDate,
        out: &mut Vec<(Instant, Instant)>,
    ) {
        if self.banned(w, date) {
            out.clear();
            return;
        }
        window.day_intervals(zone, date, out);
        if let Some(next) = date.succ_opt().filter(|d| self.banned(w, *d)) {
            let midnight = zone.start_of_day(next);
            out.retain_mut(|(start, end)| {
                *end = (*end).min(midnight);
                *start < *end
            });
        }
    }

    /// How many (window, zone) constraints bind a time.
    fn constraints(&self) -> usize {
        self.windows.len().saturating_mul(self.zones.len())
    }

    /// As [`Window::span`] for constraint `i` (a window in a zone), with each
    /// day's intervals cached.
    fn span(&self, i: usize, t: Instant) -> Option<(Instant, Instant)> {
        let n = self.zones.len();
        let wi = i.checked_div(n)?;
        let w = self.windows.get(wi)?;
        let zone = *self.zones.get(i.checked_rem(n)?)?;
        if let Some(&(q, s, e)) = self.last.borrow().get(i) {
            if q <= t && t < e {
                return Some((s, e));
            }
        }
        let today = zone.date(t);
        let mut date = today.pred_opt()?;
        // Ten days that are not banned, with every weekday the window opens on
        // among them, cover every weekly window: a banned day (a blackout
        // date, a holiday) hides that weekday's hours until the next week's,
        // so "Tuesdays and Thursdays" with both blacked out this week opens
        // the Tuesday after. (A weekday is seen after `t`'s own day, whose
        // hours may be over.)
        let open_days = w.open_weekdays();
        let (mut days, mut seen) = (0u32, 0u8);
        for _ in 0..HORIZON_DAYS {
            if days >= 10 && open_days & !seen == 0 {
                break;
            }
            let (banned, best) = {
                let mut cache = self.cache.borrow_mut();
                // Sorted by (constraint, day): a batch of contacts asks about the
                // same few days of each place many times.
                let key = (i, date);
                let pos = match cache.binary_search_by(|(k, d, _, _)| (*k, *d).cmp(&key)) {
                    Ok(p) => p,
                    Err(p) => {
                        let mut day = Vec::with_capacity(w.blocks.len());
                        let banned = self.banned(wi, date);
                        self.day(wi, w, zone, date, &mut day);
                        cache.insert(p, (i, date, banned, day));
                        p
                    }
                };
                match cache.get(pos) {
                    Some((_, _, banned, day)) => (
                        *banned,
                        day.iter().filter(|&&(_, end)| end > t).min().copied(),
                    ),
                    None => (false, None),
                }
            };
            if !banned {
                days = days.saturating_add(1);
                if date > today {
                    seen |= 1u8 << date.weekday().num_days_from_monday();
                }
            }
            if let Some(found) = best {
                let mut last = self.last.borrow_mut();
                if last.len() <= i {
                    last.resize(i.saturating_add(1), (Instant(0), Instant(0), Instant(0)));
                }
                if let Some(slot) = last.get_mut(i) {
                    *slot = (t, found.0, found.1);
                }
                return Some(found);
            }
            date = date.succ_opt()?;
        }
        None
    }

    /// How many days and openings these hours keep worked out.
    pub fn weight(&self) -> usize {
        self.cache
            .borrow()
            .len()
            .saturating_add(self.timeline.borrow().len())
    }

    /// Where the hours come from, in words (built the first time a message
    /// needs it).
    pub fn source(&self) -> &str {
        self.source.get_or_init(|| self.describe())
    }

    fn describe(&self) -> String {
        let parts: Vec<String> = self
            .kinds
            .iter()
            .zip(&self.windows)
            .map(|(k, w)| match k {
                HoursKind::Custom => format!("playbook window ({})", w.describe()),
                HoursKind::Region(r) => format!("{} calling hours ({})", r.code(), w.describe()),
                HoursKind::DefaultUs => format!("default US calling hours ({})", w.describe()),
            })
            .collect();
        let mut words = parts.join(" and ");
        if self.zones.len() > 1 {
            let names: Vec<&str> = self.zones.iter().map(|z| z.name()).collect();
            words.push_str(&format!(" in every zone of {}", names.join(", ")));
        }
        words
    }

    /// The first zone in which `t` is outside a window, when the hours hold
    /// in several (a contact whose zone is unknown): where a touch broke
    /// them, for its violation's words.
    pub fn outside_in(&self, t: Instant) -> Option<Zone> {
        let n = self.zones.len();
        if n < 2 {
            return None;
        }
        (0..self.constraints())
            .find(|&i| !matches!(self.span(i, t), Some((s, e)) if s <= t && t < e))
            .and_then(|i| self.zones.get(i.checked_rem(n)?).copied())
    }

    /// Whether `t` is inside every window in every zone.
    pub fn contains(&self, t: Instant) -> bool {
        if self.always {
            return true;
        }
        if let Some(inside) = self.asked_about(t).contains {
            return inside;
        }
        // From the openings listed for a batch when `t` is in their stretch
        // (a batch audits every touch of every contact), as cheap to ask
        // again as to remember. A question outside it neither counts towards
        // a list nor widens one: a single evaluation should not pay for a
        // list, nor an old touch stretch it.
        if let Some(inside) = self.timeline.borrow().contains(t) {
            return inside;
        }
        let inside = (0..self.constraints()).all(|i| match self.local_contains(i, t) {
            Some(inside) => inside,
            None => matches!(self.span(i, t), Some((s, e)) if s <= t && t < e),
        });
        self.asked.set(Asked {
            contains: Some(inside),
            ..self.asked_about(t)
        });
        inside
    }

    /// What was answered about `t` so far.
    fn asked_about(&self, t: Instant) -> Asked {
        match self.asked.get() {
            a if a.t == t.0 => a,
            _ => Asked {
                t: t.0,
                ..Asked::NONE
            },
        }
    }

    /// Whether constraint `i` holds `t`, read from the local clock alone: the
    /// weekday and minute of `t` against the blocks. `None` (ask [`Hours::span`])
    /// where that reading could differ from the DST rule — a clock change on
    /// `t`'s day or the day before — or where the day could be banned.
    fn local_contains(&self, i: usize, t: Instant) -> Option<bool> {
        let n = self.zones.len();
        let wi = i.checked_div(n)?;
        if !self.blackout.is_empty() {
            return None;
        }
        match self.kinds.get(wi)? {
            HoursKind::Region(r) if r.bans_days() => return None,
            HoursKind::DefaultUs if Region::US.bans_days() => return None,
            _ => {}
        }
        let w = self.windows.get(wi)?;
        let zone = *self.zones.get(i.checked_rem(n)?)?;
        let (seconds, from, until) = zone.offset_span(t);
        let off = i64::from(seconds).checked_mul(1000)?;
        let local = t.0.checked_add(off)?;
        let day = local.div_euclid(DAY);
        let minute = u32::try_from(local.rem_euclid(DAY) / MINUTE).ok()?;
        // The same offset from the start of yesterday to the end of today.
        let start = day.checked_sub(1)?.checked_mul(DAY)?.checked_sub(off)?;
        let end = day
            .checked_add(1)?
            .checked_mul(DAY)?
            .checked_sub(off)?
            .checked_sub(1)?;
        // One offset over the whole stretch (else the DST rule decides),
        // and for two hours after it: a clock that goes back at midnight
        // (Santiago's 24:00 to 23:00) repeats the end of the day.
        if start.div_euclid(1000) < from || end.div_euclid(1000).saturating_add(7200) >= until {
            return None;
        }
        let wd = usize::try_from(crate::civil::weekday_from_days(day)).ok()?;
        let yd = wd.checked_add(6)? % 7;
        let on = |b: &Block, d: usize| b.days.get(d).copied().unwrap_or(false);
        Some(w.blocks.iter().any(|b| {
            if b.to > b.from {
                on(b, wd) && b.from <= minute && minute < b.to
            } else {
                (on(b, wd) && minute >= b.from) || (on(b, yd) && minute < b.to)
            }
        }))
    }

    /// The earliest instant at or after `t` inside every window in every zone,
    /// within [`HORIZON_DAYS`] days. (Windows read in several zones can miss
    /// each other for a season, while the zones' clock changes differ; a year
    /// and more of search keeps the answer the same from every `now`.)
    pub fn next_open(&self, t: Instant) -> Option<Instant> {
        if self.always {
            return Some(t);
        }
        if let Some(&(_, open)) = self.opens.borrow().iter().find(|(q, _)| *q == t.0) {
            return open;
        }
        if let Some(open) = self.timeline.borrow().next_open(t) {
            return Some(open);
        }
        let open = self.search_open(t);
        let stretch = self.timeline.borrow_mut().missed(t);
        if let Some((from, until)) = stretch {
            self.relist(from, until);
        }
        // An opening is open: the next one from it is itself (a placed time is
        // often asked about again).
        let again = open.filter(|o| *o != t).map(|o| (o.0, open));
        let mut opens = self.opens.borrow_mut();
        for found in again.into_iter().chain([(t.0, open)]) {
            opens.rotate_right(1);
            if let Some(first) = opens.first_mut() {
                *first = found;
            }
        }
        open
    }

    /// [`Hours::next_open`], worked out.
    pub(super) fn search_open(&self, t: Instant) -> Option<Instant> {
        let limit = t.plus(HORIZON_DAYS * 24 * HOUR);
        let mut t = t;
        // Each round moves t to the next opening of some window; it settles when
        // every window holds t.
        for _ in 0..(HORIZON_DAYS * 8) {
            let mut moved = false;
            for i in 0..self.constraints() {
                // Read as `contains` reads it, so the two agree even at the
                // last millisecond of the range, where every interval's end
                // is clamped to `t` itself.
                if self.local_contains(i, t) == Some(true) {
                    continue;
                }
                let n = self.span(i, t).map(|(s, _)| s.max(t))?;
                if n > t {
                    t = n;
                    moved = true;
                }
            }
            if !moved {
                return Some(t);
            }
            if t > limit {
                return None;
            }
        }
        None
    }

    /// How long "never" holds when [`Hours::next_open`] finds no opening
    /// from `t`: a search from `t'` sees up to `t'` + [`HORIZON_DAYS`], so an
    /// opening `o` past `t`'s horizon is seen from `o` − [`HORIZON_DAYS`] on,
    /// and the zones' history moves their offsets, so windows read in several
    /// zones can start meeting after a stretch of never meeting (in 1866 a
    /// window on Tuesdays and Thursdays read in every US zone never held:
    /// Alaska kept Russian time, a day ahead, until October 1867).
    ///
    /// The answer is the earlier of that instant (when a second horizon holds
    /// an opening) and the next instant a whole number of horizons after
    /// 1970-01-01: a fixed schedule, so that "never" is searched again at
    /// least once a horizon, and every `now` before the answer gets the same
    /// answer (a bound counted from `now` would move with it). Each is at
    /// most one horizon ahead, so no opening is missed before it. `None` at
    /// the end of the range, where no instant is after `t`.
    pub fn never_until(&self, t: Instant) -> Option<Instant> {
        const HORIZON: i64 = HORIZON_DAYS * 24 * HOUR;
        let scheduled =
            t.0.checked_div_euclid(HORIZON)
                .and_then(|k| k.checked_add(1))
                .and_then(|k| k.checked_mul(HORIZON))
                .map_or(Instant(MAX_MS), |b| Instant(b.min(MAX_MS)));
        let until = match self.next_open(t.plus(HORIZON)) {
            Some(o) => Instant(o.0.saturating_sub(HORIZON))
                .max(t.plus(1))
                .min(scheduled),
            None => scheduled,
        };
        Some(until).filter(|u| *u > t)
    }

    /// When the window holding `t` closes (the earliest end among the windows).
    pub fn closes_after(&self, t: Instant) -> Option<Instant> {
        if self.always {
            return None;
        }
        if let Some(close) = self.asked_about(t).close {
            return close;
        }
        let close = (0..self.constraints())
            .filter_map(|i| self.span(i, t).map(|(_, e)| e))
            .min();
        self.asked.set(Asked {
            close: Some(close),
            ..self.asked_about(t)
        });
        close
    }
}
