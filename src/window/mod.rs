//! Contact windows (quiet hours) and frequency caps, by region preset or custom.
//!
//! A window is a list of blocks, each `from`–`to` in the contact's local time on
//! some weekdays. A block whose `to` is not after its `from` runs past midnight
//! into the next day (`22:00`–`02:00`). Ends are exclusive: a US window
//! `08:00`–`21:00` allows 20:59 and refuses 21:00.

#![deny(clippy::arithmetic_side_effects)]

mod cap;
mod hours;
mod timeline;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::time::{parse_hhmm, time_of_minutes, Instant, Zone};

pub use cap::{Cap, CapSource};
pub use hours::{Hours, HoursKind, HORIZON_DAYS};

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

impl Window {
    /// The weekdays with hours of this window, Monday the lowest bit: a
    /// block's days, and the day after for a block past midnight.
    pub fn open_weekdays(&self) -> u8 {
        self.blocks.iter().fold(0u8, |mask, b| {
            let days = (0u32..)
                .zip(b.days)
                .filter(|&(_, on)| on)
                .fold(0u8, |m, (d, _)| m | 1u8.wrapping_shl(d));
            // (The day after, Sunday's after is Monday.)
            let next = if b.to > b.from {
                0
            } else {
                (days.wrapping_shl(1) & 0x7f) | days.wrapping_shr(6)
            };
            mask | days | next
        })
    }
}

impl Window {
    /// Whether the window's blocks hold every minute of every weekday
    /// (`00:00`–`24:00`, or blocks that adjoin: `20:00`–`08:00` and
    /// `08:00`–`20:00`): it never closes, so no turn of it changes anything.
    pub fn round_the_clock(&self) -> bool {
        (0..7usize).all(|d| {
            let yesterday = d.checked_sub(1).unwrap_or(6);
            let on = |b: &Block, day: usize| b.days.get(day).copied().unwrap_or(false);
            let mut spans: Vec<(u32, u32)> = Vec::new();
            for b in &self.blocks {
                if b.to > b.from {
                    if on(b, d) {
                        spans.push((b.from, b.to));
                    }
                } else {
                    if on(b, d) {
                        spans.push((b.from, 1440));
                    }
                    if on(b, yesterday) {
                        spans.push((0, b.to));
                    }
                }
            }
            crate::sort::sort(&mut spans, |a, b| a > b);
            let mut reach = 0;
            for (from, to) in spans {
                if from > reach {
                    return false;
                }
                reach = reach.max(to);
            }
            reach >= 1440
        })
    }
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
            // Ends and starts read as the clock reads them on DST nights, or
            // stricter (`Zone::at_end`, `Zone::at_start`).
            let end = if b.to >= 1440 {
                zone.start_of_day(next)
            } else if b.to > b.from {
                zone.at_end(date, time_of_minutes(b.to))
            } else {
                zone.at_end(next, time_of_minutes(b.to))
            };
            let start = zone.at_start(date, time_of_minutes(b.from), end);
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
    let mut out = String::with_capacity(5);
    crate::rfc3339::push2(&mut out, minutes / 60);
    out.push(':');
    crate::rfc3339::push2(&mut out, minutes % 60);
    out
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
    use crate::region::Region;

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
