//! Holidays as rules, computed for any year: a fixed month and day, the nth (or
//! last) weekday of a month, a weekday on or before a date (Victoria Day), a
//! number of days from Easter, each with an optional shift of the observed day
//! when the holiday falls on a weekend. Statutes state holidays this way, never
//! as lists of years.
//!
//! ```
//! use cadence_engine::holiday::{nth_weekday, last_weekday, easter};
//! use chrono::{NaiveDate, Weekday};
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
//! assert_eq!(nth_weekday(2026, 11, Weekday::Thu, 4), d(2026, 11, 26)); // Thanksgiving
//! assert_eq!(last_weekday(2026, 5, Weekday::Mon), d(2026, 5, 25)); // Memorial Day
//! assert_eq!(easter(2026), d(2026, 4, 5));
//! ```

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Deserialize;

/// The `n`th (1-based) `weekday` of a month, if the month has one.
pub fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

/// The last `weekday` of a month.
pub fn last_weekday(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month.checked_add(1)?, 1)?
    };
    on_or_before(first_next.pred_opt()?, weekday)
}

/// The last `weekday` on or before `date` (Victoria Day: the Monday on or
/// before May 24).
pub fn on_or_before(date: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let back = (7 + date.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    date.checked_sub_days(Days::new(u64::from(back)))
}

/// Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus).
pub fn easter(year: i32) -> Option<NaiveDate> {
    if year < 1583 {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// How a holiday on a weekend is observed on a weekday as well.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Observed {
    /// On a Sunday, also the Monday after.
    SundayToMonday,
    /// On a Saturday or Sunday, also the Monday after.
    WeekendToMonday,
    /// On a Saturday, also the Friday before; on a Sunday, the Monday after.
    NearestWeekday,
    /// Kept on a Monday: on a Tuesday to Friday, also the Monday before; on
    /// a Saturday or Sunday, the Monday after (Utah's Juneteenth).
    Monday,
}

impl Observed {
    /// The observed day of a holiday on `date`, when it moves.
    pub fn shift(self, date: NaiveDate) -> Option<NaiveDate> {
        match (self, date.weekday()) {
            (_, Weekday::Sun) => date.succ_opt(),
            (Observed::WeekendToMonday, Weekday::Sat) => date.checked_add_days(Days::new(2)),
            (Observed::NearestWeekday, Weekday::Sat) => date.pred_opt(),
            (Observed::Monday, Weekday::Sat) => date.checked_add_days(Days::new(2)),
            (Observed::Monday, Weekday::Mon) => None,
            (Observed::Monday, w) => {
                date.checked_sub_days(Days::new(u64::from(w.num_days_from_monday())))
            }
            _ => None,
        }
    }
}

/// When in the year a holiday falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A fixed month and day.
    Fixed {
        /// 1–12.
        month: u32,
        /// 1–31.
        day: u32,
    },
    /// The `n`th weekday of a month (`n` 1–5), or the last (`n` −1).
    Nth {
        /// 1–12.
        month: u32,
        /// Which weekday.
        weekday: Weekday,
        /// 1–5, or −1 for the last.
        n: i8,
    },
    /// The last `weekday` on or before a month and day.
    OnOrBefore {
        /// 1–12.
        month: u32,
        /// 1–31.
        day: u32,
        /// Which weekday.
        weekday: Weekday,
    },
    /// Days from Easter Sunday (Good Friday −2, Mardi Gras −47).
    Easter(i32),
}

/// Which years a holiday is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Years {
    /// Every year.
    All,
    /// Even years (a general election of state officers, for example).
    Even,
}

/// A holiday: its rule, days added after the rule (Election Day: the Monday
/// rule plus one), the years it is kept and its observed shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    /// Where it falls.
    pub rule: Rule,
    /// Days added to the rule's date.
    pub offset: i32,
    /// Which years.
    pub years: Years,
    /// The weekend shift, if the statute has one.
    pub observed: Option<Observed>,
}

impl Holiday {
    /// The holiday's own date in `year`, if it is kept that year.
    pub fn date(&self, year: i32) -> Option<NaiveDate> {
        if self.years == Years::Even && year % 2 != 0 {
            return None;
        }
        let base = match self.rule {
            Rule::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            Rule::Nth { month, weekday, n } if n < 0 => last_weekday(year, month, weekday),
            Rule::Nth { month, weekday, n } => {
                nth_weekday(year, month, weekday, u8::try_from(n).ok()?)
            }
            Rule::OnOrBefore {
                month,
                day,
                weekday,
            } => on_or_before(NaiveDate::from_ymd_opt(year, month, day)?, weekday),
            Rule::Easter(days) => {
                let e = easter(year)?;
                if days >= 0 {
                    e.checked_add_days(Days::new(u64::from(days.unsigned_abs())))
                } else {
                    e.checked_sub_days(Days::new(u64::from(days.unsigned_abs())))
                }
            }
        }?;
        if self.offset >= 0 {
            base.checked_add_days(Days::new(u64::from(self.offset.unsigned_abs())))
        } else {
            base.checked_sub_days(Days::new(u64::from(self.offset.unsigned_abs())))
        }
    }

    /// Whether `date` is this holiday: `Some(false)` on the day itself,
    /// `Some(true)` on its observed day, `None` otherwise. A shift can cross
    /// the year (1 January on a Saturday is observed on 31 December).
    pub fn on(&self, date: NaiveDate) -> Option<bool> {
        let year = date.year();
        for y in [year, year.saturating_sub(1), year.saturating_add(1)] {
            let Some(d) = self.date(y) else { continue };
            if d == date {
                return Some(false);
            }
            if self.observed.and_then(|o| o.shift(d)) == Some(date) {
                return Some(true);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn thanksgiving_and_memorial_day() {
        assert_eq!(nth_weekday(2026, 11, Weekday::Thu, 4), d(2026, 11, 26));
        assert_eq!(nth_weekday(2027, 11, Weekday::Thu, 4), d(2027, 11, 25));
        assert_eq!(nth_weekday(2028, 11, Weekday::Thu, 4), d(2028, 11, 23));
        assert_eq!(last_weekday(2026, 5, Weekday::Mon), d(2026, 5, 25));
        assert_eq!(last_weekday(2027, 5, Weekday::Mon), d(2027, 5, 31));
        assert_eq!(last_weekday(2026, 12, Weekday::Thu), d(2026, 12, 31));
        assert_eq!(nth_weekday(2026, 2, Weekday::Mon, 5), None);
    }

    #[test]
    fn easter_and_days_from_it() {
        assert_eq!(easter(2024), d(2024, 3, 31));
        assert_eq!(easter(2025), d(2025, 4, 20));
        assert_eq!(easter(2026), d(2026, 4, 5));
        assert_eq!(easter(2027), d(2027, 3, 28));
        assert_eq!(easter(2038), d(2038, 4, 25));
        let good_friday = Holiday {
            rule: Rule::Easter(-2),
            offset: 0,
            years: Years::All,
            observed: None,
        };
        assert_eq!(good_friday.date(2026), d(2026, 4, 3));
        assert_eq!(good_friday.date(2027), d(2027, 3, 26));
        let mardi_gras = Holiday {
            rule: Rule::Easter(-47),
            ..good_friday
        };
        assert_eq!(mardi_gras.date(2026), d(2026, 2, 17));
        assert_eq!(mardi_gras.date(2027), d(2027, 2, 9));
    }

    #[test]
    fn victoria_day_and_family_day() {
        let victoria = Holiday {
            rule: Rule::OnOrBefore {
                month: 5,
                day: 24,
                weekday: Weekday::Mon,
            },
            offset: 0,
            years: Years::All,
            observed: None,
        };
        assert_eq!(victoria.date(2026), d(2026, 5, 18));
        assert_eq!(victoria.date(2027), d(2027, 5, 24));
        assert_eq!(victoria.date(2021), d(2021, 5, 24));
        let family = Holiday {
            rule: Rule::Nth {
                month: 2,
                weekday: Weekday::Mon,
                n: 3,
            },
            ..victoria
        };
        assert_eq!(family.date(2026), d(2026, 2, 16));
        assert_eq!(family.date(2027), d(2027, 2, 15));
    }

    #[test]
    fn observed_shifts() {
        let july4 = |observed| Holiday {
            rule: Rule::Fixed { month: 7, day: 4 },
            offset: 0,
            years: Years::All,
            observed: Some(observed),
        };
        // 2026-07-04 is a Saturday.
        assert_eq!(
            july4(Observed::NearestWeekday)
                .on(NaiveDate::from_ymd_opt(2026, 7, 3).unwrap_or_default()),
            Some(true)
        );
        assert_eq!(
            july4(Observed::WeekendToMonday)
                .on(NaiveDate::from_ymd_opt(2026, 7, 6).unwrap_or_default()),
            Some(true)
        );
        assert_eq!(
            july4(Observed::SundayToMonday)
                .on(NaiveDate::from_ymd_opt(2026, 7, 6).unwrap_or_default()),
            None
        );
        assert_eq!(
            july4(Observed::SundayToMonday)
                .on(NaiveDate::from_ymd_opt(2026, 7, 4).unwrap_or_default()),
            Some(false)
        );
        // Utah's Juneteenth: Friday 2026-06-19 is kept on Monday 06-15,
        // Saturday 2027-06-19 on Monday 06-21.
        let juneteenth = Holiday {
            rule: Rule::Fixed { month: 6, day: 19 },
            ..july4(Observed::Monday)
        };
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
        assert_eq!(juneteenth.on(day(6, 15)), Some(true));
        assert_eq!(juneteenth.on(day(6, 19)), Some(false));
        assert_eq!(juneteenth.on(day(6, 22)), None);
        assert_eq!(
            juneteenth.on(NaiveDate::from_ymd_opt(2027, 6, 21).unwrap_or_default()),
            Some(true)
        );
        // 2028-01-01 is a Saturday: observed on Friday 2027-12-31.
        let new_year = Holiday {
            rule: Rule::Fixed { month: 1, day: 1 },
            ..july4(Observed::NearestWeekday)
        };
        assert_eq!(
            new_year.on(NaiveDate::from_ymd_opt(2027, 12, 31).unwrap_or_default()),
            Some(true)
        );
    }

    #[test]
    fn election_day_in_even_years() {
        let election = Holiday {
            rule: Rule::Nth {
                month: 11,
                weekday: Weekday::Mon,
                n: 1,
            },
            offset: 1,
            years: Years::Even,
            observed: None,
        };
        assert_eq!(election.date(2026), d(2026, 11, 3));
        assert_eq!(election.date(2027), None);
        // November 2028 starts on a Wednesday: the first Monday is the 6th.
        assert_eq!(election.date(2028), d(2028, 11, 7));
    }
}
