//! The engine's time code as it was on chrono and chrono-tz alone, before the
//! zone tables (`src/zones`) and the RFC 3339 code (`src/rfc3339.rs`) replaced
//! it: what the zone and RFC 3339 tests compare with (`tests/zones.rs`,
//! `tests/rfc3339.rs`) and what the zone benchmark times (`benches/zones.rs`).
// Each user takes the functions it needs.
#![allow(dead_code)]

use cadence_engine::time::{Instant, MAX_MS, MIN_MS};
use chrono::{
    DateTime, Duration, FixedOffset, LocalResult, NaiveDateTime, Offset, SecondsFormat, TimeZone,
};
use chrono_tz::Tz;

fn datetime(tz: Tz, t: i64) -> DateTime<Tz> {
    DateTime::from_timestamp_millis(t)
        .unwrap_or_default()
        .with_timezone(&tz)
}

/// The offset in seconds east of UTC at epoch milliseconds `t`.
pub fn offset(tz: Tz, t: i64) -> i32 {
    datetime(tz, t).offset().fix().local_minus_utc()
}

/// The wall-clock date and time at `t`.
pub fn local(tz: Tz, t: i64) -> NaiveDateTime {
    datetime(tz, t).naive_local()
}

/// RFC 3339 text of `t` in the zone.
pub fn format(tz: Tz, t: i64) -> String {
    datetime(tz, t).to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// RFC 3339 text of `t` at a fixed offset.
pub fn format_at(t: i64, offset: i32) -> Option<String> {
    let o = FixedOffset::east_opt(offset)?;
    let t = DateTime::from_timestamp_millis(t)?;
    Some(
        t.with_timezone(&o)
            .to_rfc3339_opts(SecondsFormat::AutoSi, false),
    )
}

/// The instant of a wall time by the DST rule (gap: read with the offset of 3,
/// else 27 hours earlier; overlap: the earlier instant).
pub fn instant(tz: Tz, local: NaiveDateTime) -> i64 {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(dt) => dt.timestamp_millis(),
        LocalResult::Ambiguous(early, _) => early.timestamp_millis(),
        LocalResult::None => {
            let offset = [3, 27]
                .iter()
                .filter_map(|h| local.checked_sub_signed(Duration::hours(*h)))
                .find_map(|b| match tz.from_local_datetime(&b) {
                    LocalResult::Single(dt) | LocalResult::Ambiguous(dt, _) => {
                        Some(dt.offset().fix().local_minus_utc())
                    }
                    LocalResult::None => None,
                })
                .unwrap_or(0);
            let utc = local
                .checked_sub_signed(Duration::seconds(i64::from(offset)))
                .unwrap_or(local);
            utc.and_utc().timestamp_millis().clamp(MIN_MS, MAX_MS)
        }
    }
}

/// `t` moved by `days` calendar days, keeping the wall time.
pub fn add_days(tz: Tz, t: i64, days: i64) -> i64 {
    let l = local(tz, t);
    match Duration::try_days(days).and_then(|d| l.checked_add_signed(d)) {
        Some(moved) => instant(tz, moved),
        None => Instant(t).plus(days.saturating_mul(86_400_000)).0,
    }
}

/// RFC 3339 text read as `Instant::parse` read it: the instant (within years 1
/// to 9999) and the offset written. ISO 8601's other offsets that the reader
/// takes (`±HHMM`, `±HH`) are rewritten in RFC 3339 first
/// ([`rfc3339_of_iso`]), so chrono reads them as their RFC 3339 twins.
pub fn parse(text: &str) -> Option<(Instant, i32)> {
    let d = DateTime::parse_from_rfc3339(&rfc3339_of_iso(text.trim())).ok()?;
    let t = Instant::from_ms(d.timestamp_millis())?;
    Some((t, d.offset().local_minus_utc()))
}

/// An offset of four digits gets its colon, one of two `:00` minutes.
/// Anything else is left as it is (and stays what chrono makes of it).
pub fn rfc3339_of_iso(text: &str) -> String {
    let mut t = text.to_string();
    // The offset's sign: the last `+`, `-` or U+2212 after the clock.
    let sign = t
        .char_indices()
        .rev()
        .find(|&(i, c)| i >= 16 && matches!(c, '+' | '-' | '\u{2212}'));
    if let Some((i, c)) = sign {
        let digits = &t[i + c.len_utf8()..];
        if digits.bytes().all(|b| b.is_ascii_digit()) {
            match digits.len() {
                4 => t.insert(i + c.len_utf8() + 2, ':'),
                2 => t.push_str(":00"),
                _ => {}
            }
        }
    }
    t
}

/// A local date-time as the contact reader read it with chrono's `%`-formats:
/// `YYYY-MM-DD`, then `T`, `t` or a space and `HH:MM`, `HH:MM:SS` or
/// `HH:MM:SS.f…`; as epoch milliseconds of that wall time read as UTC.
pub fn local_ms(t: &str) -> Option<i64> {
    use chrono::{NaiveDate, NaiveTime};
    let date = NaiveDate::parse_from_str(t.get(..10)?, "%Y-%m-%d").ok()?;
    let rest = t.get(10..)?;
    if rest.is_empty() {
        return Some(date.and_time(NaiveTime::MIN).and_utc().timestamp_millis());
    }
    let time = rest.strip_prefix(['T', 't', ' '])?;
    let parsed = match time.len() {
        5 => NaiveTime::parse_from_str(time, "%H:%M").ok()?,
        8 => NaiveTime::parse_from_str(time, "%H:%M:%S").ok()?,
        n if n > 9 && time.as_bytes().get(8) == Some(&b'.') => {
            NaiveTime::parse_from_str(time, "%H:%M:%S%.f").ok()?
        }
        _ => return None,
    };
    Some(date.and_time(parsed).and_utc().timestamp_millis())
}
