//! Contact windows (quiet hours) and frequency caps, by region preset or custom.
//!
//! A window is a list of blocks, each `from`–`to` in the contact's local time on
//! some weekdays. A block whose `to` is not after its `from` runs past midnight
//! into the next day (`22:00`–`02:00`). Ends are exclusive: a US window
//! `08:00`–`21:00` allows 20:59 and refuses 21:00.

#![deny(clippy::arithmetic_side_effects)]

use std::cell::RefCell;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::channel::Channel;
use crate::region::Region;
use crate::time::{parse_hhmm, time_of_minutes, Instant, Zone, DAY, HOUR, MINUTE};

/// One block of a window.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Monday first.
    pub days: [bool; 7],
    /// Minutes after midnight.
    pub from: u32,
    /// Minutes after midnight (`1440` = midnight at the end of the day); not after
    /// `from` means the block ends the next day.
    pub to: u32,
}

impl Block {
    /// A block.
    pub fn new(days: [bool; 7], from: u32, to: u32) -> Block {
        Block { days, from, to }
    }

    fn on(&self, day: Weekday) -> bool {
        self.days
            .get(day.num_days_from_monday() as usize)
            .copied()
            .unwrap_or(false)
    }
}

/// A contact window: the union of its blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    /// The blocks.
    pub blocks: Vec<Block>,
}

/// Weekday names accepted in custom windows.
pub const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl Window {
    /// The open intervals `[start, end)` of the blocks that start on local `date`.
    fn day_intervals(&self, zone: Zone, date: NaiveDate, out: &mut Vec<(Instant, Instant)>) {
        out.clear();
        let next = date.succ_opt().unwrap_or(date);
        for b in &self.blocks {
            if !b.on(date.weekday()) {
                continue;
            }
            let start = zone.at(date, time_of_minutes(b.from));
            let end = if b.to >= 1440 {
                zone.start_of_day(next)
            } else if b.to > b.from {
                zone.at(date, time_of_minutes(b.to))
            } else {
                zone.at(next, time_of_minutes(b.to))
            };
            if end > start {
                out.push((start, end));
            }
        }
    }

    /// The open interval holding `t`, or else the next one, looking 8 days ahead.
    /// `None` when the window never opens in that time (an empty window).
    ///
    /// Days are read one at a time from the day before `t` (a block that runs
    /// past midnight may hold `t`): blocks start inside their own day, so the
    /// first day with an interval ending after `t` holds the answer.
    pub fn span(&self, zone: Zone, t: Instant) -> Option<(Instant, Instant)> {
        let mut date = zone.date(t).pred_opt()?;
        let mut day = Vec::with_capacity(self.blocks.len());
        for _ in 0..10 {
            self.day_intervals(zone, date, &mut day);
            let best = day.iter().filter(|&&(_, end)| end > t).min().copied();
            if best.is_some() {
                return best;
            }
            date = date.succ_opt()?;
        }
        None
    }

    /// Whether `t` lies inside the window.
    pub fn contains(&self, zone: Zone, t: Instant) -> bool {
        matches!(self.span(zone, t), Some((s, e)) if s <= t && t < e)
    }

    /// The earliest instant at or after `t` inside the window.
    pub fn next_open(&self, zone: Zone, t: Instant) -> Option<Instant> {
        self.span(zone, t).map(|(s, _)| s.max(t))
    }

    /// The intersection of two windows, as a window over the same blocks: kept
    /// as a pair and evaluated as both.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .blocks
            .iter()
            .map(|b| {
                let days: Vec<&str> = DAY_NAMES
                    .iter()
                    .zip(b.days.iter())
                    .filter(|(_, on)| **on)
                    .map(|(n, _)| *n)
                    .collect();
                let days = if days.len() == 7 {
                    "every day".to_string()
                } else {
                    days.join(",")
                };
                format!("{} {}–{}", days, hhmm(b.from), hhmm(b.to))
            })
            .collect();
        parts.join("; ")
    }
}

/// `HH:MM` of minutes after midnight.
pub fn hhmm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

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
    /// The last question each constraint answered, `(t, start, end)`: a time
    /// from `t` up to `end` has the same answer (a batch asks about `now`
    /// contact after contact). Exact: for `t <= t2 < end`, the days before the
    /// answer's hold nothing ending after `t2`, and the answer stays the
    /// earliest of its day that does.
    last: RefCell<Vec<(Instant, Instant, Instant)>>,
}

impl Hours {
    /// The hours made of `windows` (with their `kinds`, in the same order), each
    /// read in every one of `zones`.
    pub fn new(windows: Vec<Window>, kinds: Vec<HoursKind>, zones: Vec<Zone>) -> Hours {
        Hours {
            windows,
            kinds,
            zones,
            blackout: Vec::new(),
            cache: RefCell::new(Vec::new()),
            last: RefCell::new(Vec::new()),
        }
    }

    /// These hours, shut for the whole of each of `dates` (local dates).
    pub fn with_blackout(mut self, dates: &[NaiveDate]) -> Hours {
        self.blackout = dates.to_vec();
        self
    }

    /// Whether window `w` (by its kind) has no hours on local `date`: a day its
    /// region bans (Sundays, legal holidays) or a blackout date.
    fn banned(&self, w: usize, date: NaiveDate) -> bool {
        if self.blackout.contains(&date) {
            return true;
        }
        match self.kinds.get(w) {
            Some(HoursKind::Region(r)) => r.banned(date).is_some(),
            Some(HoursKind::DefaultUs) => Region::US.banned(date).is_some(),
            _ => false,
        }
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
        let mut date = zone.date(t).pred_opt()?;
        // Ten days with hours of their own cover every weekly window; banned days
        // (a run of blackout dates) do not count against them.
        let mut days = 0u32;
        for _ in 0..HORIZON_DAYS {
            if days >= 10 {
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

    /// Where the hours come from, in words (built only when a message needs it).
    pub fn source(&self) -> String {
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

    /// Whether `t` is inside every window in every zone.
    pub fn contains(&self, t: Instant) -> bool {
        (0..self.constraints()).all(|i| match self.local_contains(i, t) {
            Some(inside) => inside,
            None => matches!(self.span(i, t), Some((s, e)) if s <= t && t < e),
        })
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
        let seconds = zone.offset_at(t);
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
        if zone.offset_at(Instant(start)) != seconds || zone.offset_at(Instant(end)) != seconds {
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

    /// When the window holding `t` closes (the earliest end among the windows).
    pub fn closes_after(&self, t: Instant) -> Option<Instant> {
        (0..self.constraints())
            .filter_map(|i| self.span(i, t).map(|(_, e)| e))
            .min()
    }
}

/// Where a cap comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CapSource {
    /// A region preset.
    Region(Region),
    /// The playbook's `frequencyCap`.
    Playbook,
}

/// At most `max` touches on `channels` within any rolling `period_ms`.
#[derive(Debug, Clone, PartialEq)]
pub struct Cap {
    /// Touches allowed per period.
    pub max: u32,
    /// The rolling period.
    pub period_ms: i64,
    /// Which channels count (together).
    pub channels: Vec<Channel>,
    /// Where it comes from.
    pub source: CapSource,
}

impl Cap {
    /// Words for `explain`.
    pub fn describe(&self) -> String {
        let chans: Vec<&str> = self.channels.iter().map(|c| c.noun()).collect();
        let period = if self.period_ms > DAY && self.period_ms % DAY == 0 {
            format!("{} days", self.period_ms / DAY)
        } else {
            format!("{} h", self.period_ms / HOUR)
        };
        let from = match self.source {
            CapSource::Region(r) => format!(" ({})", r.code()),
            CapSource::Playbook => " (playbook)".to_string(),
        };
        format!(
            "at most {} {} per {period}{from}",
            self.max,
            chans.join("/")
        )
    }
}

/// Parses one custom block from its parts, for the playbook reader.
pub fn block_from(days: Option<&[String]>, from: &str, to: &str) -> Result<Block, String> {
    let from_m = parse_hhmm(from).filter(|m| *m < 1440).ok_or_else(|| {
        format!("from: expected a time of day \"HH:MM\" from 00:00 to 23:59, got {from:?}")
    })?;
    let to_m = parse_hhmm(to).ok_or_else(|| {
        format!("to: expected a time of day \"HH:MM\" from 00:00 to 24:00, got {to:?}")
    })?;
    if to_m == from_m {
        return Err("to: must differ from `from` (a block of no length)".to_string());
    }
    let mut mask = [false; 7];
    match days {
        None => mask = [true; 7],
        Some(list) => {
            if list.is_empty() {
                return Err("days: expected at least one day".to_string());
            }
            for (i, d) in list.iter().enumerate() {
                let lower = d.to_ascii_lowercase();
                let key: String = lower.chars().take(3).collect();
                match DAY_NAMES.iter().position(|n| *n == key) {
                    Some(p) if lower.len() == 3 || full_day_name(&lower) => {
                        if let Some(slot) = mask.get_mut(p) {
                            *slot = true;
                        }
                    }
                    _ => {
                        return Err(format!(
                        "days[{i}]: expected one of mon, tue, wed, thu, fri, sat, sun, got {d:?}"
                    ))
                    }
                }
            }
        }
    }
    Ok(Block::new(mask, from_m, to_m))
}

fn full_day_name(s: &str) -> bool {
    matches!(
        s,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Instant {
        Instant::parse(s).unwrap_or(Instant(0))
    }

    #[test]
    fn us_window_ends_are_exclusive() {
        let ny = Zone::parse("America/New_York").unwrap_or(Zone::UTC);
        let w = Region::US.window();
        assert!(w.contains(ny, t("2026-11-02T08:00:00-05:00")));
        assert!(w.contains(ny, t("2026-11-02T20:59:00-05:00")));
        assert!(!w.contains(ny, t("2026-11-02T21:00:00-05:00")));
        assert_eq!(
            w.next_open(ny, t("2026-11-02T21:00:00-05:00")),
            Some(t("2026-11-03T08:00:00-05:00"))
        );
    }

    #[test]
    fn past_midnight_block() {
        let b = block_from(None, "22:00", "02:00").unwrap_or(Block::new([true; 7], 0, 1));
        let w = Window { blocks: vec![b] };
        let z = Zone::UTC;
        assert!(w.contains(z, t("2026-11-03T01:00:00Z")));
        assert!(!w.contains(z, t("2026-11-03T02:00:00Z")));
        assert_eq!(
            w.next_open(z, t("2026-11-03T03:00:00Z")),
            Some(t("2026-11-03T22:00:00Z"))
        );
    }

    #[test]
    fn canada_weekend() {
        let z = Zone::parse("America/Toronto").unwrap_or(Zone::UTC);
        let w = Region::parse("CA")
            .map(Region::window)
            .unwrap_or(Window { blocks: vec![] });
        // Saturday 2026-11-07 at 18:30 is closed; opens Sunday 10:00.
        assert!(!w.contains(z, t("2026-11-07T18:30:00-05:00")));
        assert_eq!(
            w.next_open(z, t("2026-11-07T18:30:00-05:00")),
            Some(t("2026-11-08T10:00:00-05:00"))
        );
        assert!(w.contains(z, t("2026-11-06T21:29:00-05:00")));
    }
}
