//! Time zones as data: for each IANA zone, the UTC instants where its offset
//! changes, the offsets between, and the annual rule that carries it on after the
//! last listed change.
//!
//! The tables (`data.rs`) are generated from chrono-tz's copy of the IANA
//! database by `cargo run --release --example zonegen` (see `make zones`), which
//! also derives each rule from the final years of chrono-tz's table and checks it
//! against the system's TZif files when they are of the same release. chrono-tz
//! lists changes only up to 2099; the rule answers for 2100 and later, as the
//! POSIX TZ string in a TZif footer does.
//!
//! Offsets are whole seconds east of UTC; instants here are seconds since the
//! epoch (every change falls on a whole second).

#[rustfmt::skip]
mod data;
mod rule;
mod windows;

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDateTime, Timelike};

use crate::civil::DAY_SECS;
use crate::time::{MAX_MS, MIN_MS};

pub use data::TZDB_VERSION;
pub use rule::{Change, Day, Rule, Yearly, CACHED_YEARS};
pub use windows::{
    clock_name, french_clock, is_clock_zone, named_by_clock, pairs, shown, unplaced, ABBREVIATIONS,
    RAILS_ZONES, WINDOWS_ZONES,
};

/// One zone: its offset before the first change, its changes, and its rule.
///
/// The changes are stored packed (see [`Entry::new`]) and unpacked on the zone's
/// first use: as two lists of `i64` and `i32` they would be 12 bytes a change and
/// gzip poorly (40 KB for the 16,439 changes listed); packed they are 6 bytes a
/// change on average and gzip to 14 KB.
#[derive(Debug)]
pub struct Entry {
    /// The offset in force before the first change (local mean time, mostly).
    pub first: i32,
    /// The changes, packed.
    packed: &'static [u8],
    /// The annual rule in force from the last change on; `None`: the last offset
    /// stays.
    pub rule: Option<&'static Yearly>,
    /// The changes unpacked, on first use.
    table: OnceLock<Table>,
}

/// A zone's changes: UTC seconds of each change, ascending, and the offset in
/// force from each change on (same length).
#[derive(Debug, Default)]
struct Table {
    at: Box<[i64]>,
    offset: Box<[i32]>,
}

/// The changes packed as [`Entry::new`] describes. A truncated number ends the
/// list (the generator writes none).
fn unpack(first: i32, packed: &[u8]) -> Table {
    let mut bytes = packed.iter();
    let mut next = || {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = *bytes.next()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some((n >> 1) as i64 ^ -((n & 1) as i64));
            }
        }
        None
    };
    let (mut at, mut offset) = (Vec::new(), Vec::new());
    let (mut t, mut o) = (0i64, i64::from(first));
    while let (Some(dt), Some(d_o)) = (next(), next()) {
        t = t.wrapping_add(dt);
        o = o.wrapping_add(d_o);
        at.push(t);
        offset.push(o as i32);
    }
    Table {
        at: at.into(),
        offset: offset.into(),
    }
}

/// How far around a local time the offsets that could apply to it are looked for:
/// more than any offset (±26 hours at most), so every candidate lies inside.
const REACH: i64 = 2 * DAY_SECS;

impl Entry {
    /// A zone from its first offset, its changes packed and its rule. `packed`
    /// holds, for each change in order, two zigzag LEB128 numbers: the UTC
    /// seconds since the previous change (since the epoch for the first), then
    /// the new offset less the one before it (less `first` for the first).
    pub const fn new(first: i32, packed: &'static [u8], rule: Option<&'static Yearly>) -> Entry {
        Entry {
            first,
            packed,
            rule,
            table: OnceLock::new(),
        }
    }

    /// The table of chrono-tz's zone number `index` (`Tz as usize`); UTC when out
    /// of range.
    pub fn of(index: usize) -> &'static Entry {
        data::ZONE_OF.get(index).copied().unwrap_or(&data::UTC)
    }

    /// UTC seconds of each change, ascending.
    pub fn at(&self) -> &[i64] {
        &self.table().at
    }

    /// The offset in force from each change on (same length as [`Entry::at`]).
    pub fn offsets(&self) -> &[i32] {
        &self.table().offset
    }

    fn table(&self) -> &Table {
        self.table.get_or_init(|| unpack(self.first, self.packed))
    }

    /// The offset at UTC second `t` and the UTC seconds `[from, until)` over
    /// which it holds (to the ends of `i64` before the first change and after
    /// the last of a zone without a rule).
    pub fn offset_span(&self, t: i64) -> (i32, i64, i64) {
        let table = self.table();
        if let (Some(yearly), Some(&last)) = (self.rule, table.at.last()) {
            if t >= last {
                let (o, from, until) = yearly.offset_span(t);
                return (o, from.max(last), until);
            }
        }
        let k = table.at.partition_point(|&a| a <= t);
        let from = k
            .checked_sub(1)
            .and_then(|i| table.at.get(i).copied())
            .unwrap_or(i64::MIN);
        let until = table.at.get(k).copied().unwrap_or(i64::MAX);
        (self.span_offset(table, k), from, until)
    }

    /// The offset at UTC second `t`.
    pub fn offset_at(&self, t: i64) -> i32 {
        let table = self.table();
        if let (Some(yearly), Some(&last)) = (self.rule, table.at.last()) {
            if t >= last {
                return yearly.offset_at(t);
            }
        }
        let k = table.at.partition_point(|&a| a <= t);
        self.span_offset(table, k)
    }

    /// The offset in force in span `k`: before the first change for 0, else from
    /// change `k - 1` on.
    fn span_offset(&self, table: &Table, k: usize) -> i32 {
        match k.checked_sub(1) {
            None => self.first,
            Some(i) => table.offset.get(i).copied().unwrap_or(self.first),
        }
    }

    /// The offsets at which local second `local` exists, earliest instant first:
    /// the larger of the two in an overlap. `None` inside a gap.
    pub fn resolve(&self, local: i64) -> Option<i32> {
        let table = self.table();
        if let (Some(yearly), Some(&last)) = (self.rule, table.at.last()) {
            if local - REACH >= last {
                return yearly.resolve(local);
            }
        }
        // Every span whose UTC range meets [local - REACH, local + REACH], in order:
        // the first whose offset maps `local` inside it gives the earliest instant.
        // (The span after the last change lasts until the rule's next change, a
        // week or more away, so it counts as unbounded here.)
        let from = table.at.partition_point(|&a| a <= local - REACH);
        for k in from..=table.at.len() {
            let start = match k.checked_sub(1) {
                None => i64::MIN,
                Some(i) => table.at.get(i).copied().unwrap_or(i64::MIN),
            };
            if start > local + REACH {
                break;
            }
            let end = table.at.get(k).copied().unwrap_or(i64::MAX);
            let o = self.span_offset(table, k);
            let t = local - i64::from(o);
            if start <= t && t < end {
                return Some(o);
            }
        }
        None
    }

    /// The UTC second of local second `local` by the DST rule: in an overlap the
    /// earlier instant; in a gap, the wall time read with the offset in force
    /// before the gap (so it lands as far past the gap as it was into it).
    pub fn to_utc(&self, local: i64) -> i64 {
        let offset = self.resolve(local).unwrap_or_else(|| {
            // The offset before the gap: that of the wall time 3 hours earlier, or
            // (a gap can be a whole day: Samoa skipped 2011-12-30) 27 hours.
            self.resolve(local - 3 * 3600)
                .or_else(|| self.resolve(local - 27 * 3600))
                .unwrap_or(0)
        });
        local - i64::from(offset)
    }
}

/// Local seconds kept within the supported range and two days either side, so
/// the arithmetic above never nears `i64`'s ends; beyond them every answer is
/// clamped to the range anyway.
const LOCAL_MIN: i64 = MIN_MS / 1000 - REACH;
const LOCAL_MAX: i64 = MAX_MS / 1000 + REACH;

/// Epoch milliseconds of a local date and time in `zone` by the DST rule, within
/// the supported range.
pub fn instant_of_local(zone: &Entry, local: &NaiveDateTime) -> i64 {
    // Days from 0001-01-01 (chrono's day 1) to 1970-01-01 (its day 719_163).
    let days = i64::from(local.date().num_days_from_ce()) - 719_163;
    let secs = days * DAY_SECS + i64::from(local.num_seconds_from_midnight());
    // A leap second's nanoseconds run past 10^9, and count on (as chrono counts).
    let ms = i64::from(local.nanosecond() / 1_000_000);
    let utc = zone.to_utc(secs.clamp(LOCAL_MIN, LOCAL_MAX));
    (utc * 1000 + ms).clamp(MIN_MS, MAX_MS)
}

/// Epoch milliseconds `t` (at `offset`) moved by `days` local calendar days,
/// keeping the wall-clock time, by the DST rule, within the supported range.
pub fn add_local_days(zone: &Entry, t: i64, offset: i32, days: i64) -> i64 {
    let local = t.clamp(MIN_MS, MAX_MS) + i64::from(offset) * 1000;
    let (secs, ms) = (local.div_euclid(1000), local.rem_euclid(1000));
    let moved = secs
        .saturating_add(days.saturating_mul(DAY_SECS))
        .clamp(LOCAL_MIN, LOCAL_MAX);
    (zone.to_utc(moved) * 1000 + ms).clamp(MIN_MS, MAX_MS)
}

#[cfg(test)]
mod tests;
