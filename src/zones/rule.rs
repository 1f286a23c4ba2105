//! After the listed changes: a zone's annual rule (two changes a year, each
//! on a month's day or its last or nth weekday), as the POSIX TZ string in a
//! TZif footer gives it, with each rule's changes worked out once for the
//! years most asked about.

use std::sync::OnceLock;

use crate::civil::{shifted_days, weekday_from_shifted, year_from_shifted, DAY_SECS, SHIFT};
use crate::time::{MAX_MS, MIN_MS};

/// A [`Rule`] with its changes for the years [`CACHED_YEARS`] worked out on first
/// use (each rule serves many zones; a lookup is then a table read and two
/// comparisons instead of two date computations).
#[derive(Debug)]
pub struct Yearly {
    /// The rule.
    pub rule: Rule,
    /// For each year of `CACHED_YEARS`, its two changes in seconds from the
    /// origin of [`SHIFT`].
    changes: OnceLock<Box<[[i64; 2]]>>,
}

/// The years whose changes a [`Yearly`] keeps.
pub const CACHED_YEARS: std::ops::Range<i32> = 1970..2200;

/// A yearly pair of changes, like a POSIX TZ rule: `early` is the first change in
/// the calendar year (March in New York, April in Sydney), `late` the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The first change of the year.
    pub early: Change,
    /// The second change of the year.
    pub late: Change,
}

/// One change of a [`Rule`]: on which day, at what wall-clock time, to what offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// 1..=12. The generator keeps a rule's two changes a week or more apart and
    /// from the turn of the year, so both fall well inside their year.
    pub month: u8,
    /// Which day of the month.
    pub day: Day,
    /// Seconds after local midnight of that day, on the wall clock in force before
    /// the change (may be negative or past 24 hours, as in POSIX TZ strings).
    pub time: i32,
    /// The offset from the change on.
    pub offset: i32,
}

/// The day of a [`Change`] within its month. Weekdays count from Monday (0) to
/// Sunday (6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Day {
    /// The first `weekday` on or after day `day` (`Sun>=8`: the second Sunday).
    OnOrAfter {
        /// 1..=31.
        day: u8,
        /// 0 (Monday) ..= 6 (Sunday).
        weekday: u8,
    },
    /// The last `weekday` of the month (`lastSun`).
    Last {
        /// 0 (Monday) ..= 6 (Sunday).
        weekday: u8,
    },
    /// A fixed day of the month.
    Fixed {
        /// 1..=31.
        day: u8,
    },
}

impl Day {
    /// The day (counted from 1970-01-01) this names in `month` of `year`
    /// (years -32799..=32767; others are read as the nearest of those).
    pub fn days(self, year: i64, month: u32) -> i64 {
        let year = year.clamp(-32_799, 32_767) as i32;
        i64::from(self.shifted(year, month)) - i64::from(SHIFT)
    }

    /// As [`Day::days`], counted from the origin of [`SHIFT`].
    fn shifted(self, year: i32, month: u32) -> u32 {
        match self {
            Day::OnOrAfter { day, weekday } => {
                let n = shifted_days(year, month, u32::from(day));
                n + (u32::from(weekday) + 7 - weekday_from_shifted(n)) % 7
            }
            Day::Last { weekday } => {
                let n = match month {
                    12 => shifted_days(year + 1, 1, 1),
                    _ => shifted_days(year, month + 1, 1),
                } - 1;
                n - (weekday_from_shifted(n) + 7 - u32::from(weekday)) % 7
            }
            Day::Fixed { day } => shifted_days(year, month, u32::from(day)),
        }
    }
}

impl Change {
    /// The UTC second of this change in `year`, read on a wall clock at `before`.
    pub fn instant(&self, year: i64, before: i32) -> i64 {
        self.day.days(year, u32::from(self.month)) * DAY_SECS + i64::from(self.time)
            - i64::from(before)
    }

    /// As [`Change::instant`], for a year known to be in range, in seconds from
    /// the origin of [`SHIFT`].
    fn shifted_instant(&self, year: i32, before: i32) -> i64 {
        i64::from(self.day.shifted(year, u32::from(self.month))) * DAY_SECS
            + i64::from(self.time - before)
    }
}

impl Rule {
    /// The two changes of `year`: `(UTC second, offset from then on)`, in order.
    pub fn changes(&self, year: i64) -> [(i64, i32); 2] {
        [
            (
                self.early.instant(year, self.late.offset),
                self.early.offset,
            ),
            (self.late.instant(year, self.early.offset), self.late.offset),
        ]
    }

    /// The offset at UTC second `t` by this rule alone.
    pub fn offset_at(&self, t: i64) -> i32 {
        let (s, year) = self.shifted_year(t);
        self.pick(
            s,
            self.early.shifted_instant(year, self.late.offset),
            self.late.shifted_instant(year, self.early.offset),
        )
    }

    /// `t` in seconds from the origin of SHIFT, and the year it falls in on the
    /// wall clock of the offset that opens the year. Both of a year's changes lie
    /// well inside it (a week or more from its ends, as the generator checks).
    fn shifted_year(&self, t: i64) -> (i64, i32) {
        // Positive within the supported range.
        let s = t.clamp(MIN_MS / 1000 - DAY_SECS, MAX_MS / 1000 + DAY_SECS)
            + i64::from(SHIFT) * DAY_SECS;
        let wall = (s + i64::from(self.late.offset)) as u64;
        (s, year_from_shifted((wall / DAY_SECS as u64) as u32))
    }

    /// The offset at shifted second `s` of a year whose changes are `early` and
    /// `late`.
    fn pick(&self, s: i64, early: i64, late: i64) -> i32 {
        if s < early || s >= late {
            self.late.offset
        } else {
            self.early.offset
        }
    }
}

impl Yearly {
    /// A rule, its years not yet worked out.
    pub const fn new(rule: Rule) -> Yearly {
        Yearly {
            rule,
            changes: OnceLock::new(),
        }
    }

    /// The offset at UTC second `t`: [`Rule::offset_at`], read from the years
    /// worked out once.
    pub fn offset_at(&self, t: i64) -> i32 {
        let (s, [early, late]) = self.year_of(t);
        self.rule.pick(s, early, late)
    }

    /// The offsets at which local second `local` exists, the larger (the earlier
    /// instant) first; `None` in a gap.
    pub fn resolve(&self, local: i64) -> Option<i32> {
        // The year's changes looked up once, for `local` read as UTC: the instants
        // it could be lie within hours of that, in the same year or, near the
        // year's ends, months from any change, where either year gives the offset
        // that opens the year.
        let (s, [early, late]) = self.year_of(local);
        let (a, b) = (self.rule.early.offset, self.rule.late.offset);
        [a.max(b), a.min(b)]
            .into_iter()
            .find(|&o| self.rule.pick(s - i64::from(o), early, late) == o)
    }

    /// The offset at UTC second `t` and the UTC seconds `[from, until)` over
    /// which it holds: between the rule's changes around `t`.
    pub fn offset_span(&self, t: i64) -> (i32, i64, i64) {
        let (s, year) = self.rule.shifted_year(t);
        let [early, late] = self.row(year);
        let shift = i64::from(SHIFT) * DAY_SECS;
        let (offset, from, until) = if s < early {
            (self.rule.late.offset, self.row(year - 1)[1], early)
        } else if s < late {
            (self.rule.early.offset, early, late)
        } else {
            (self.rule.late.offset, late, self.row(year + 1)[0])
        };
        (offset, from - shift, until - shift)
    }

    /// The two changes of `year`, in seconds from the origin of SHIFT.
    fn row(&self, year: i32) -> [i64; 2] {
        let r = &self.rule;
        let years = self.changes.get_or_init(|| {
            CACHED_YEARS
                .map(|y| {
                    [
                        r.early.shifted_instant(y, r.late.offset),
                        r.late.shifted_instant(y, r.early.offset),
                    ]
                })
                .collect()
        });
        let cached = usize::try_from(year - CACHED_YEARS.start)
            .ok()
            .and_then(|i| years.get(i));
        match cached {
            Some(&row) => row,
            None => [
                r.early.shifted_instant(year, r.late.offset),
                r.late.shifted_instant(year, r.early.offset),
            ],
        }
    }

    /// `t` in seconds from the origin of SHIFT, and the two changes (likewise) of
    /// the year it falls in.
    fn year_of(&self, t: i64) -> (i64, [i64; 2]) {
        let (s, year) = self.rule.shifted_year(t);
        (s, self.row(year))
    }
}
