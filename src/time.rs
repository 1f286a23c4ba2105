//! Instants, time zones and the one rule for local times that do not exist
//! (spring-forward gaps) or exist twice (fall-back overlaps).
//!
//! An [`Instant`] is milliseconds since the Unix epoch, UTC. Local arithmetic goes
//! through [`Zone`], which wraps an IANA zone from `chrono-tz`.
//!
//! **DST rule** (decided once, see `docs/semantics.md`): a local time inside a gap
//! moves forward by the length of the gap (02:30 on a spring-forward morning in
//! New York becomes 03:30 EDT); a local time inside an overlap takes the earlier
//! of its two instants (01:30 on a fall-back morning is 01:30 EDT). This is the
//! `"compatible"` disambiguation of JavaScript's Temporal and of RFC 5545.

#![deny(clippy::arithmetic_side_effects)]

mod zone;

use std::fmt;

use chrono::{Datelike, Months, NaiveDate, NaiveTime};
use serde::de::{self, Deserialize, Deserializer, Visitor};

pub use crate::civil::Civil;
use crate::error::{Error, ErrorCode, Result, TIME_MARK};
use crate::rfc3339;
pub use zone::{Zone, OFFSET_IS_NO_ZONE};

/// Milliseconds per minute, hour and day.
pub const MINUTE: i64 = 60_000;
/// Milliseconds per hour.
pub const HOUR: i64 = 60 * MINUTE;
/// Milliseconds per day (of 24 hours; calendar days go through [`Zone`]).
pub const DAY: i64 = 24 * HOUR;

/// The earliest supported instant: 0001-01-01T00:00:00Z.
pub const MIN_MS: i64 = -62_135_596_800_000;
/// The latest supported instant: 9999-12-31T23:59:59.999Z.
pub const MAX_MS: i64 = 253_402_300_799_999;

/// A point in time: milliseconds since 1970-01-01T00:00:00Z, within
/// [`MIN_MS`]..=[`MAX_MS`] (years 1 to 9999, the range of RFC 3339).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(pub i64);

impl Instant {
    /// The instant `ms` milliseconds after the epoch, if in range.
    pub fn from_ms(ms: i64) -> Option<Instant> {
        (MIN_MS..=MAX_MS).contains(&ms).then_some(Instant(ms))
    }

    /// Milliseconds since the epoch.
    pub fn ms(self) -> i64 {
        self.0
    }

    /// `self + ms`, saturating at the ends of the supported range.
    pub fn plus(self, ms: i64) -> Instant {
        Instant(self.0.saturating_add(ms).clamp(MIN_MS, MAX_MS))
    }

    /// Parses an RFC 3339 time with an offset (`2026-11-02T09:00:00-05:00`, `...Z`).
    ///
    /// # Errors
    /// An [`ErrorCode::InvalidTime`] error when the text is not such a time.
    pub fn parse(text: &str) -> Result<Instant> {
        parse_rfc3339(text).ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidTime,
                "",
                format!("{EXPECTED_TIME}, got {}", quote(text)),
            )
        })
    }

    /// Reads epoch milliseconds given as a JavaScript number.
    ///
    /// # Errors
    /// When the number is not finite or lies outside years 1..=9999.
    pub fn from_f64(ms: f64) -> Result<Instant> {
        if !ms.is_finite() {
            return Err(Error::new(
                ErrorCode::InvalidTime,
                "",
                format!("{EXPECTED_TIME}, got {ms}"),
            ));
        }
        let floor = ms.floor();
        if floor < MIN_MS as f64 || floor > MAX_MS as f64 {
            return Err(Error::new(
                ErrorCode::InvalidTime,
                "",
                format!("epoch milliseconds must lie within years 1 to 9999, got {ms}"),
            ));
        }
        Ok(Instant(floor as i64))
    }

    /// RFC 3339 in UTC (`2026-11-02T14:00:00+00:00`).
    pub fn to_utc_string(self) -> String {
        Zone::UTC.format(self)
    }
}

/// What every time field accepts, said once.
pub const EXPECTED_TIME: &str = "expected an RFC 3339 time with offset or epoch milliseconds";

fn quote(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    let tail = if short.len() < text.len() { "…" } else { "" };
    format!("{:?}", format!("{short}{tail}"))
}

fn parse_rfc3339(text: &str) -> Option<Instant> {
    // A space for 'T' and lower-case letters are accepted, as RFC 3339 allows,
    // and ISO 8601's other forms as databases write them.
    rfc3339::parse_iso(text).map(|(t, _)| t)
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Instant;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an RFC 3339 time with offset or epoch milliseconds")
            }
            // As every time argument: epoch numbers that look like seconds
            // are refused (`crate::read::time_number`).
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Instant, E> {
                crate::read::time_text(v)
                    .map_err(|e| E::custom(format!("{TIME_MARK}{}", e.message)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Instant, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Instant, E> {
                self.visit_f64(v as f64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Instant, E> {
                crate::read::time_number(v)
                    .map_err(|e| E::custom(format!("{TIME_MARK}{}", e.message)))
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<Instant, E> {
                Err(E::custom(format!("{TIME_MARK}{EXPECTED_TIME}, got null")))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> std::result::Result<Instant, E> {
                Err(E::custom(format!("{TIME_MARK}{EXPECTED_TIME}, got {v}")))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// An instant with the offset it is written in: RFC 3339 text in JSON
/// (`"2026-11-02T09:00:00-05:00"`, see [`rfc3339::write`]) and in `Display`,
/// written where it is used rather than kept as a String. Equal stamps are the
/// same instant at the same offset.
///
/// ```
/// use cadence_engine::time::{Instant, Zone};
/// let ny = Zone::parse("America/New_York").unwrap();
/// let s = ny.stamp(Instant(1_793_628_000_000));
/// assert_eq!(s, "2026-11-02T09:00:00-05:00");
/// assert_eq!(serde_json::to_string(&s).unwrap(), r#""2026-11-02T09:00:00-05:00""#);
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The instant.
    pub at: Instant,
    /// Seconds east of UTC.
    pub offset: i32,
}

impl Stamp {
    /// The RFC 3339 text.
    pub fn text(self) -> rfc3339::Text {
        rfc3339::Text::of(self.at, self.offset)
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().as_str())
    }
}

impl fmt::Debug for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.text().as_str(), f)
    }
}

impl PartialEq<str> for Stamp {
    fn eq(&self, other: &str) -> bool {
        self.text().as_str() == other
    }
}

impl PartialEq<&str> for Stamp {
    fn eq(&self, other: &&str) -> bool {
        self.text().as_str() == *other
    }
}

impl serde::Serialize for Stamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.text().as_str())
    }
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    crate::rfc3339::date(text)
}

/// Parses `HH:MM` (00:00 to 24:00) into minutes after midnight.
pub fn parse_hhmm(text: &str) -> Option<u32> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    if !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    if m >= 60 || h > 24 || (h == 24 && m != 0) {
        return None;
    }
    h.checked_mul(60)?.checked_add(m)
}

/// The local time of day `minutes` after midnight (`1440` is the next midnight and
/// must be handled by the caller).
pub fn time_of_minutes(minutes: u32) -> NaiveTime {
    NaiveTime::from_num_seconds_from_midnight_opt(minutes.min(1439).saturating_mul(60), 0)
        .unwrap_or(NaiveTime::MIN)
}

/// The first day of the month after `date`'s month.
pub fn next_month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .unwrap_or(date)
}

/// The number of days in `date`'s month.
pub fn days_in_month(date: NaiveDate) -> u32 {
    let first = date.with_day(1).unwrap_or(date);
    let next = next_month_start(date);
    u32::try_from(next.signed_duration_since(first).num_days()).unwrap_or(30)
}

/// RFC 3339 text of `t` in a fixed offset (UTC when none).
pub fn format_with_offset(t: Instant, offset: Option<chrono::FixedOffset>) -> String {
    let mut out = String::with_capacity(32);
    rfc3339::write(&mut out, t, offset.map_or(0, |o| o.local_minus_utc()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;

    fn ny() -> Zone {
        Zone::parse("America/New_York").unwrap_or(Zone::UTC)
    }

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap_or_default()
    }

    /// Zone names in any letter case, as `Intl.DateTimeFormat` reads them;
    /// the database's spelling comes back. Near misses stay errors.
    #[test]
    fn zone_names_in_any_case() {
        for (given, name) in [
            ("America/Chicago", "America/Chicago"),
            ("america/chicago", "America/Chicago"),
            ("AMERICA/ST_JOHNS", "America/St_Johns"),
            ("us/eastern", "US/Eastern"),
            ("utc", "UTC"),
            (
                "america/argentina/buenos_aires",
                "America/Argentina/Buenos_Aires",
            ),
        ] {
            assert_eq!(Zone::parse(given).map(Zone::name), Ok(name), "{given}");
        }
        for bad in [
            "America/Chicago ",
            "America Chicago",
            // Windows' names are read ("Eastern Standard Time"), not others;
            // nor offsets.
            "-05:00",
            "UTC-5",
            "Eastern Daylight",
            "america_slash_nowhere",
            "",
        ] {
            let e = Zone::parse(bad).err().map(|e| e.code);
            assert_eq!(e, Some(ErrorCode::UnknownTimeZone), "{bad:?}");
        }
        for (given, hint) in [("-05:00", true), ("GMT+01:00", true), ("Mars/Base", false)] {
            let e = Zone::parse(given).err().map(|e| e.to_string());
            let says = e
                .as_deref()
                .is_some_and(|e| e.contains("an offset is not a zone"));
            assert_eq!(says, hint, "{given}: {e:?}");
        }
    }

    #[test]
    fn parses_both_forms() {
        assert_eq!(
            Instant::parse("1970-01-01T00:00:01Z").map(|t| t.0),
            Ok(1000)
        );
        assert_eq!(
            Instant::parse("2026-11-02T09:00:00-05:00").map(|t| t.0),
            Instant::parse("2026-11-02T14:00:00Z").map(|t| t.0)
        );
        assert!(Instant::parse("yesterday").is_err());
        assert!(
            Instant::parse("2026-11-02T09:00:00").is_err(),
            "offset required"
        );
        assert!(Instant::from_f64(f64::NAN).is_err());
        assert!(Instant::from_f64(1e300).is_err());
    }

    #[test]
    fn gap_moves_forward_by_its_length() {
        // 2026-03-08 02:30 does not exist in New York: 03:30 EDT.
        let t = ny().instant(local("2026-03-08T02:30"));
        assert_eq!(ny().format(t), "2026-03-08T03:30:00-04:00");
    }

    #[test]
    fn a_skipped_day_moves_forward_by_its_length() {
        // Samoa skipped 2011-12-30: its 10:00 (at -10:00) is 2011-12-31 10:00 +14:00.
        let apia = Zone::parse("Pacific/Apia").unwrap_or(Zone::UTC);
        let t = apia.instant(local("2011-12-30T10:00"));
        assert_eq!(apia.format(t), "2011-12-31T10:00:00+14:00");
    }

    #[test]
    fn ends_of_the_range() {
        let first = Instant(MIN_MS);
        let last = Instant(MAX_MS);
        for name in [
            "Pacific/Kiritimati",
            "Pacific/Pago_Pago",
            "America/New_York",
        ] {
            let z = Zone::parse(name).unwrap_or(Zone::UTC);
            for t in [first, last] {
                let back = z.instant(z.local(t));
                assert!((MIN_MS..=MAX_MS).contains(&back.0), "{name}");
                let _ = z.add_days(t, 400);
                let _ = z.add_days(t, -400);
                let _ = z.add_days(t, i64::MAX);
                let _ = z.format(t);
                let _ = next_month_start(z.date(t));
                let _ = days_in_month(z.date(t));
            }
        }
        assert_eq!(Instant(MAX_MS).plus(i64::MAX), Instant(MAX_MS));
        assert_eq!(Instant(MIN_MS).plus(i64::MIN), Instant(MIN_MS));
        assert_eq!(parse_hhmm("+8:00"), None);
        assert_eq!(parse_hhmm("-1:00"), None);
    }

    #[test]
    fn overlap_takes_the_earlier_instant() {
        let t = ny().instant(local("2026-11-01T01:30"));
        assert_eq!(ny().format(t), "2026-11-01T01:30:00-04:00");
    }

    #[test]
    fn month_lengths() {
        let d = |s| parse_date(s).unwrap_or_default();
        assert_eq!(days_in_month(d("2028-02-10")), 29);
        assert_eq!(days_in_month(d("2026-02-10")), 28);
        assert_eq!(days_in_month(d("2026-04-30")), 30);
        assert_eq!(days_in_month(d("2026-12-31")), 31);
        assert_eq!(next_month_start(d("2026-12-31")), d("2027-01-01"));
    }

    #[test]
    fn hhmm() {
        assert_eq!(parse_hhmm("08:00"), Some(480));
        assert_eq!(parse_hhmm("24:00"), Some(1440));
        assert_eq!(parse_hhmm("24:01"), None);
        assert_eq!(parse_hhmm("8:00"), None);
    }
}
