//! Calendar arithmetic on plain integers: days since the epoch to and from
//! year-month-day (the proleptic Gregorian calendar), weekdays, and the civil fields
//! of an instant at a fixed offset.
//!
//! The conversions are Cassio Neri and Lorenz Schneider's ("Euclidean affine
//! functions and their application to calendar algorithms", 2022): a handful of
//! unsigned multiplications and shifts, no tables, which is why the zone code uses
//! them instead of going through chrono's types. They work on days counted from
//! 1 March of year -32800 (`SHIFT` days before 1970), so that every day of years
//! -32799..=32767 is a small positive `u32`.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::time::{Instant, MAX_MS, MIN_MS};

/// Seconds per day.
pub const DAY_SECS: i64 = 86_400;

/// Years counted on from -32800 (a multiple of 400 years back), so that they are
/// positive.
const YEAR_SHIFT: u32 = 400 * 82;
/// Days from the start of March, year -32800, to 1970-01-01.
pub const SHIFT: u32 = 719_468 + 146_097 * 82;
/// The years the fast path covers.
const FAST_YEARS: std::ops::RangeInclusive<i64> = -32_799..=32_767;

/// Days from 1970-01-01 to `year-month-day` (negative before). `month` is 1..=12 and
/// `day` 1..=31; a day past the month's end counts on into the next month.
///
/// ```
/// use cadence_engine::civil::days_from_civil;
/// assert_eq!(days_from_civil(1970, 1, 1), 0);
/// assert_eq!(days_from_civil(2000, 3, 1), 11_017);
/// ```
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    if FAST_YEARS.contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day) {
        // In range by the test above.
        return i64::from(shifted_days(year as i32, month, day)) - i64::from(SHIFT);
    }
    // Howard Hinnant's `days_from_civil`, for any year.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400; // 0..=399
    let mp = i64::from((month + 9) % 12); // March = 0
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Days from the origin of [`SHIFT`] to `year-month-day`, for years -32799..=32767,
/// months 1..=12 and days 1..=31.
pub fn shifted_days(year: i32, month: u32, day: u32) -> u32 {
    let jan_feb = u32::from(month <= 2);
    // Positive for years from -32800 on.
    let y = (year as u32).wrapping_add(YEAR_SHIFT) - jan_feb;
    let m = month + 12 * jan_feb;
    let c = y / 100;
    1461 * y / 4 - c + c / 4 + (979 * m - 2919) / 32 + day - 1
}

/// The `(year, month, day)` of a day counted from 1970-01-01.
///
/// ```
/// use cadence_engine::civil::civil_from_days;
/// assert_eq!(civil_from_days(0), (1970, 1, 1));
/// assert_eq!(civil_from_days(-1), (1969, 12, 31));
/// ```
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    match u32::try_from(days + i64::from(SHIFT)) {
        Ok(n) if n <= MAX_SHIFTED => {
            let (y, m, d) = civil_from_shifted(n);
            (i64::from(y), m, d)
        }
        _ => hinnant_civil_from_days(days),
    }
}

/// The last shifted day [`civil_from_shifted`] reads: 32767-12-31.
const MAX_SHIFTED: u32 = 23_948_159;

/// The `(year, month, day)` of a day counted from the origin of [`SHIFT`], up to
/// 32767-12-31.
pub fn civil_from_shifted(n: u32) -> (i32, u32, u32) {
    let n1 = 4 * n + 3;
    let century = n1 / 146_097;
    let n2 = (n1 % 146_097) | 3;
    let p2 = 2_939_745 * u64::from(n2);
    // The high half is the year of the century, the low half the day of the year.
    let year_of_century = (p2 >> 32) as u32;
    let day_of_year = (p2 as u32) / 2_939_745 / 4;
    let n3 = 2141 * day_of_year + 197_913;
    let (month, day) = (n3 >> 16, (n3 & 0xFFFF) / 2141 + 1);
    let jan_feb = u32::from(day_of_year >= 306);
    let year = (100 * century + year_of_century + jan_feb) as i32 - YEAR_SHIFT as i32;
    (year, month - 12 * jan_feb, day)
}

/// The year of a day counted from the origin of [`SHIFT`] (as
/// [`civil_from_shifted`], only the year).
pub fn year_from_shifted(n: u32) -> i32 {
    let n1 = 4 * n + 3;
    let n2 = (n1 % 146_097) | 3;
    let p2 = 2_939_745 * u64::from(n2);
    let day_of_year = (p2 as u32) / 2_939_745 / 4;
    let jan_feb = u32::from(day_of_year >= 306);
    (100 * (n1 / 146_097) + (p2 >> 32) as u32 + jan_feb) as i32 - YEAR_SHIFT as i32
}

/// Howard Hinnant's `civil_from_days`, for any day.
fn hinnant_civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097; // 0..=146096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // 0..=365
    let mp = (5 * doy + 2) / 153; // 0..=11, March = 0
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // `day` is 1..=31 and `month` 1..=12 by construction.
    (year, month as u32, day as u32)
}

/// The weekday of a day counted from 1970-01-01 (a Thursday), as days from Monday
/// (Monday 0 … Sunday 6, chrono's `num_days_from_monday`).
pub fn weekday_from_days(days: i64) -> u32 {
    // 0..=6 by `rem_euclid`.
    (days + 3).rem_euclid(7) as u32
}

/// The weekday of a shifted day, as [`weekday_from_days`].
pub fn weekday_from_shifted(n: u32) -> u32 {
    // SHIFT is 1 more than a multiple of 7 and 1970-01-01 was a Thursday (3).
    (n + 2) % 7
}

/// The number of days in `month` of `year`.
pub fn month_days(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The civil fields of an instant read at a fixed offset: what a wall clock shows.
///
/// ```
/// use cadence_engine::civil::Civil;
/// use cadence_engine::time::Instant;
/// // 2026-03-08T07:30:00.250Z at -05:00.
/// let c = Civil::of(Instant(1_772_955_000_250), -5 * 3600);
/// assert_eq!((c.year, c.month, c.day, c.hour, c.minute, c.second, c.ms), (2026, 3, 8, 2, 30, 0, 250));
/// assert_eq!(c.weekday, chrono::Weekday::Sun);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    /// The year (0 or 10000 at the very ends of the range with a large offset).
    pub year: i32,
    /// 1..=12.
    pub month: u32,
    /// 1..=31.
    pub day: u32,
    /// 0..=23.
    pub hour: u32,
    /// 0..=59.
    pub minute: u32,
    /// 0..=59.
    pub second: u32,
    /// Milliseconds, 0..=999.
    pub ms: u32,
    /// The day of the week.
    pub weekday: Weekday,
}

impl Civil {
    /// The wall-clock fields of `t` at `offset` seconds east of UTC. Instants
    /// outside the supported range are read at its nearest end.
    pub fn of(t: Instant, offset: i32) -> Civil {
        // Milliseconds from the origin of SHIFT: positive for years 0..=10000.
        let local = t.0.clamp(MIN_MS, MAX_MS)
            + i64::from(offset) * 1000
            + i64::from(SHIFT) * DAY_SECS * 1000;
        let local = local as u64;
        let n = (local / DAY_MS) as u32;
        let ms_of_day = (local % DAY_MS) as u32;
        let (year, month, day) = civil_from_shifted(n);
        let secs = ms_of_day / 1000;
        Civil {
            year,
            month,
            day,
            hour: secs / 3600,
            minute: secs / 60 % 60,
            second: secs % 60,
            ms: ms_of_day % 1000,
            weekday: weekday_of(weekday_from_shifted(n)),
        }
    }
}

const DAY_MS: u64 = 86_400_000;

/// The wall-clock date and time of `t` at `offset` seconds east of UTC, as
/// chrono's type (instants outside the supported range read at its nearest end).
pub fn naive_local(t: Instant, offset: i32) -> NaiveDateTime {
    let local = t.0.clamp(MIN_MS, MAX_MS) + i64::from(offset) * 1000;
    // 1970-01-01 is chrono's day 719_163, counting 0001-01-01 as day 1; within
    // ±4 million days here.
    let days = (local.div_euclid(DAY_MS as i64) + 719_163) as i32;
    let ms = local.rem_euclid(DAY_MS as i64) as u32;
    let date = NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_default();
    let time = NaiveTime::from_num_seconds_from_midnight_opt(ms / 1000, ms % 1000 * 1_000_000);
    date.and_time(time.unwrap_or(NaiveTime::MIN))
}

fn weekday_of(from_monday: u32) -> Weekday {
    match from_monday {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate};
    use proptest::prelude::*;

    #[test]
    fn known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(1, 1, 1), -719_162);
        assert_eq!(days_from_civil(9999, 12, 31), 2_932_896);
        assert_eq!(civil_from_days(-719_163), (0, 12, 31));
        assert_eq!(civil_from_days(2_932_897), (10000, 1, 1));
        assert_eq!(weekday_from_days(0), 3, "1970-01-01 was a Thursday");
        assert_eq!(month_days(2000, 2), 29);
        assert_eq!(month_days(1900, 2), 28);
        assert_eq!(month_days(2024, 2), 29);
        assert_eq!(month_days(2026, 4), 30);
    }

    #[test]
    fn fast_and_general_paths_agree_at_their_ends() {
        for days in [-12_699_422, -12_699_363, -1, 0, 1, 11_248_737, 11_248_738] {
            assert_eq!(
                civil_from_days(days),
                hinnant_civil_from_days(days),
                "{days}"
            );
        }
        for (y, m, d) in [
            (-32_799, 1, 1),
            (-32_800, 3, 1),
            (32_767, 12, 31),
            (0, 2, 29),
        ] {
            let (fast, far) = (
                days_from_civil(y, m, d),
                days_from_civil(y - 1_000_000, m, d),
            );
            assert_eq!(hinnant_civil_from_days(fast), (y, m, d));
            assert_eq!(hinnant_civil_from_days(far), (y - 1_000_000, m, d));
        }
        assert_eq!(civil_from_shifted(MAX_SHIFTED), (32_767, 12, 31));
        assert_eq!(
            civil_from_days(i64::from(MAX_SHIFTED) - i64::from(SHIFT) + 1),
            (32_768, 1, 1)
        );
    }

    proptest! {
        #[test]
        fn fast_path_agrees_with_the_general_one(days in -12_699_400i64..11_248_737) {
            let n = (days + i64::from(SHIFT)) as u32;
            let (y, m, d) = civil_from_shifted(n);
            prop_assert_eq!((i64::from(y), m, d), hinnant_civil_from_days(days));
            prop_assert_eq!(year_from_shifted(n), y);
            prop_assert_eq!(weekday_from_shifted(n), weekday_from_days(days));
            prop_assert_eq!(i64::from(shifted_days(y, m, d)), days + i64::from(SHIFT));
        }

        #[test]
        fn agrees_with_chrono(days in -800_000i64..3_000_000) {
            let (y, m, d) = civil_from_days(days);
            let date = NaiveDate::from_num_days_from_ce_opt((days + 719_163) as i32);
            prop_assert!(date.is_some());
            let date = date.unwrap_or_default();
            prop_assert_eq!((y, m, d), (i64::from(date.year()), date.month(), date.day()));
            prop_assert_eq!(days_from_civil(y, m, d), days);
            prop_assert_eq!(weekday_from_days(days), date.weekday().num_days_from_monday());
            prop_assert_eq!(month_days(y, m), {
                let next = if m == 12 { NaiveDate::from_ymd_opt(y as i32 + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y as i32, m + 1, 1) };
                let first = NaiveDate::from_ymd_opt(y as i32, m, 1);
                match (first, next) { (Some(f), Some(n)) => (n - f).num_days() as u32, _ => 0 }
            });
        }
    }
}
