//! Reading RFC 3339 and the other ways CRMs and databases write a time: an
//! instant with its offset, a date, a local date-time.

use chrono::{NaiveDate, NaiveDateTime};

use super::push2;
use crate::civil::{shifted_days, DAY_SECS, SHIFT};
use crate::time::{Instant, MAX_MS, MIN_MS};

/// Reads an RFC 3339 time with an offset: the instant and the offset (seconds east
/// of UTC) as written. Leading and trailing whitespace is ignored; `T`, `t` or a
/// space separates date and time; the offset is `Z`, `z` or `±HH:MM` (the sign may
/// be U+2212 MINUS SIGN); any number of fractional digits (milliseconds kept,
/// the rest truncated); second 60 reads as a leap second, one second on from
/// second 59. ISO 8601's other offsets, as CRMs and databases write them, are
/// read too: `±HHMM` (Salesforce: `2026-11-02T15:00:00.000+0000`) and `±HH`
/// (PostgreSQL: `2026-11-02 15:00:00-05`). `None` for anything else or outside
/// years 1 to 9999 in UTC.
///
/// ```
/// use cadence_engine::{rfc3339, Instant};
/// assert_eq!(rfc3339::parse("1970-01-01T01:00:01.5+01:00"), Some((Instant(1500), 3600)));
/// assert_eq!(rfc3339::parse("1970-01-01T01:00:01.5+0100"), Some((Instant(1500), 3600)));
/// assert_eq!(rfc3339::parse("1970-01-01 01:00:00+01"), Some((Instant(0), 3600)));
/// assert_eq!(rfc3339::parse("1970-01-01T00:00:00"), None);
/// assert_eq!(rfc3339::parse("1970-01-01T00:00:00+1"), None);
/// assert_eq!(rfc3339::parse("1970-01-01T00:00.5Z"), None);
/// ```
pub fn parse(text: &str) -> Option<(Instant, i32)> {
    let b = trim(text).as_bytes();
    let (head, rest) = (b.get(..19)?, b.get(19..)?);
    let [year, month, day, hour, minute, second] = fields(head)?;
    if month.wrapping_sub(1) > 11 || day == 0 || day > days_in(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let (rest, ms) = match rest {
        [b'.', frac @ ..] => {
            let digits = frac.iter().take_while(|c| c.is_ascii_digit()).count();
            // The first three digits, padded: `.5` is 500 ms, `.0625` is 62 ms.
            let ms = match *frac {
                _ if digits == 0 => return None,
                [a, ..] if digits == 1 => 100 * digit(a),
                [a, b, ..] if digits == 2 => 100 * digit(a) + 10 * digit(b),
                [a, b, c, ..] => 100 * digit(a) + 10 * digit(b) + digit(c),
                _ => return None,
            };
            (frac.get(digits..)?, ms)
        }
        _ => (rest, 0),
    };
    let offset = match *rest {
        [b'Z' | b'z'] => 0,
        [b'+', ref off @ ..] => offset_of(off)?,
        [b'-', ref off @ ..] | [0xE2, 0x88, 0x92, ref off @ ..] => -offset_of(off)?,
        _ => return None,
    };
    // Years 0..=9999 are in the fast range.
    let days = i64::from(shifted_days(year as i32, month, day)) - i64::from(SHIFT);
    // Second 60 is second 59 plus a whole second, as chrono counts it.
    let secs = days * DAY_SECS + i64::from(hour * 3600 + minute * 60 + second) - i64::from(offset);
    let ms = secs * 1000 + i64::from(ms);
    (MIN_MS..=MAX_MS)
        .contains(&ms)
        .then_some((Instant(ms), offset))
}

/// A time with an offset as [`parse`] reads it, or as other ISO 8601 writers and
/// databases write one: to the minute (`2026-11-02T14:00Z`), with a space before
/// the offset (`2026-11-02 09:00:00 -0500`, as Ruby writes times), or `UTC` or
/// `GMT` (any letter case) for `Z` (`2026-11-02 14:00:00 UTC`, as BigQuery and
/// Ruby write UTC); with RFC 9557's annotations after the offset, as
/// `Temporal.ZonedDateTime` writes a time (`…-05:00[America/New_York]`: the
/// offset decides). The date and time before the offset are read as [`local`]
/// reads them, but a date needs its time. `None` for anything else.
///
/// ```
/// use cadence_engine::{rfc3339, Instant};
/// assert_eq!(rfc3339::parse_iso("1970-01-01T01:00+01:00"), Some((Instant(0), 3600)));
/// assert_eq!(rfc3339::parse_iso("1969-12-31T19:00:00-05:00[America/New_York]"), Some((Instant(0), -18000)));
/// assert_eq!(rfc3339::parse_iso("1970-01-01T00:00:00Z[UTC][u-ca=iso8601]"), Some((Instant(0), 0)));
/// assert_eq!(rfc3339::parse_iso("1970-01-01T00:00:00[UTC]"), None);
/// assert_eq!(rfc3339::parse_iso("1970-01-01T00:00:00Z[!UTC]"), None);
/// assert_eq!(rfc3339::parse_iso("1970-01-01T00:00:00Z[UTC]junk]"), None);
/// assert_eq!(rfc3339::parse_iso("1970-01-01 00:00:00 UTC"), Some((Instant(0), 0)));
/// assert_eq!(rfc3339::parse_iso("1969-12-31 19:00:00 -0500"), Some((Instant(0), -18000)));
/// assert_eq!(rfc3339::parse_iso("1970-01-01+01:00"), None);
/// assert_eq!(rfc3339::parse_iso("1970-01-01T00:00 EST"), None);
/// ```
#[inline(never)]
pub fn parse_iso(text: &str) -> Option<(Instant, i32)> {
    parse(text).or_else(|| parse_other(trim(text)))
}

/// An RFC 2822 (email) date with its offset, as Twilio's API writes times:
/// `Tue, 03 Nov 2026 15:15:00 +0000` (the weekday optional and unchecked,
/// `GMT`, `UT` or `Z` for `+0000`), or as JavaScript's `Date#toString`
/// writes them: `Tue Nov 03 2026 10:15:00 GMT-0500 (Eastern Standard Time)`
/// (the month before the day, `GMT` before the offset, the zone's name as a
/// comment at the end); `None` for anything else.
///
/// ```
/// use cadence_engine::{rfc3339, Instant};
/// assert_eq!(rfc3339::parse_rfc2822("Thu, 01 Jan 1970 01:00:00 +0100"), Some((Instant(0), 3600)));
/// assert_eq!(rfc3339::parse_rfc2822("1 jan 1970 00:00 GMT"), Some((Instant(0), 0)));
/// assert_eq!(rfc3339::parse_rfc2822("Thu Jan 01 1970 01:00:00 GMT+0100 (CET)"), Some((Instant(0), 3600)));
/// assert_eq!(rfc3339::parse_rfc2822("Jan 01 1970 00:00:00 GMT"), Some((Instant(0), 0)));
/// assert_eq!(rfc3339::parse_rfc2822("Thu, 01 Jan 1970 00:00:00 EST"), None);
/// ```
#[inline(never)]
pub fn parse_rfc2822(text: &str) -> Option<(Instant, i32)> {
    let t = trim(text);
    let t = match t.as_bytes().get(3) {
        Some(b',') => t.get(4..)?,
        _ => t,
    };
    // The words up to a comment (the zone's name, as `Date#toString` ends).
    let mut w = [""; 6];
    let mut n = 0;
    for p in t.split(' ').filter(|p| !p.is_empty()) {
        if p.starts_with('(') {
            if !t.ends_with(')') {
                return None;
            }
            break;
        }
        *w.get_mut(n)? = p;
        n += 1;
    }
    let word = |p: &str| p.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
    // A weekday first (unchecked) when a month follows it.
    let w = match w {
        [wd, m, ..] if word(wd) && word(m) => w.get(1..n)?,
        _ => w.get(..n)?,
    };
    let &[mut day, mut month, year, clock, zone] = w else {
        return None;
    };
    if word(day) {
        (day, month) = (month, day);
    }
    if day.len() > 2 || year.len() != 4 {
        return None;
    }
    // Months by their first three letters, any case: one scan of one text.
    let m = month.as_bytes();
    if m.len() != 3 {
        return None;
    }
    let month = b"janfebmaraprmayjunjulaugsepoctnovdec"
        .chunks(3)
        .position(|c| c.eq_ignore_ascii_case(m))?
        + 1;
    let zone = match zone.as_bytes() {
        [b'Z' | b'z'] | [b'U' | b'u', b'T' | b't'] => "Z",
        [g, m, t] if [*g, *m, *t].eq_ignore_ascii_case(b"GMT") => "Z",
        [g, m, t, b'+' | b'-', ..] if [*g, *m, *t].eq_ignore_ascii_case(b"GMT") => zone.get(3..)?,
        _ => zone,
    };
    // Written as ISO 8601 and read so (no `format!`: its machinery is
    // kilobytes of the module).
    let mut iso = String::with_capacity(32);
    iso.push_str(year);
    iso.push('-');
    push2(&mut iso, month as u32);
    iso.push('-');
    if day.len() == 1 {
        iso.push('0');
    }
    iso.push_str(day);
    iso.push('T');
    iso.push_str(clock);
    iso.push_str(zone);
    parse_iso(&iso)
}

/// [`parse_iso`]'s forms beyond [`parse`]'s.
fn parse_other(t: &str) -> Option<(Instant, i32)> {
    if let Some(head) = annotated(t) {
        return parse_iso(head);
    }
    // The text before a `UTC` or `GMT` at its end.
    let before_utc = t.len().checked_sub(3).and_then(|i| {
        let end = t.get(i..)?;
        (end.eq_ignore_ascii_case("UTC") || end.eq_ignore_ascii_case("GMT")).then(|| t.get(..i))?
    });
    let (clock, offset) = if let Some(head) = t.strip_suffix(['Z', 'z']).or(before_utc) {
        (head, 0)
    } else {
        // A sign after the date (whose own '-' come before byte 10).
        let at = t.rfind(['+', '-', '\u{2212}']).filter(|&i| i > 10)?;
        let (head, signed) = t.split_at(at);
        let mut chars = signed.chars();
        let sign = if chars.next()? == '+' { 1 } else { -1 };
        (head, sign * offset_of(chars.as_str().as_bytes())?)
    };
    let clock = clock.strip_suffix(' ').unwrap_or(clock);
    if clock.len() <= 10 {
        return None;
    }
    let ms = local(clock)?.and_utc().timestamp_millis() - i64::from(offset) * 1000;
    (MIN_MS..=MAX_MS)
        .contains(&ms)
        .then_some((Instant(ms), offset))
}

/// The time before RFC 9557's annotations, as `Temporal.ZonedDateTime`
/// writes a time: `2026-11-03T10:15:00-05:00[America/New_York]`, and
/// `[u-ca=iso8601]` after it. The offset before them decides the instant
/// (RFC 9557 §3.4); a critical tag (`[!Europe/Paris]`), which asks for a
/// check against the offset, and a time with a zone but no offset are not
/// read here. `None` when `t` does not end in annotations.
fn annotated(t: &str) -> Option<&str> {
    let at = t.find('[')?;
    let (head, mut tags) = t.split_at(at);
    while !tags.is_empty() {
        let rest = tags.strip_prefix('[')?;
        let end = rest.find(']')?;
        let tag = rest.get(..end)?;
        // (A critical tag, `[!Europe/Paris]`, asks the reader to check what
        // it says against the offset: refused rather than unchecked.)
        if tag.is_empty() || tag.contains('[') || tag.starts_with('!') {
            return None;
        }
        tags = rest.get(end + 1..)?;
    }
    Some(head)
}

/// The numbers of `YYYY-MM-DDTHH:MM:SS` (`T`, `t` or a space between date and
/// time): year, month, day, hour, minute, second, unchecked beyond being
/// digits. Read a word at a time, as every time field of every event passes
/// here: `YYYY-MM-` and `HH:MM:SS` are one 8-byte word each, `DD` and the
/// separator bytes apart.
fn fields(head: &[u8]) -> Option<[u32; 6]> {
    // Digit bytes of each word (little-endian: byte i is bits 8i..8i+8).
    const DATE: u64 = 0x00FF_FF00_FFFF_FFFF; // YYYY-MM-
    const CLOCK: u64 = 0xFFFF_00FF_FF00_FFFF; // HH:MM:SS
    const DAY: u64 = 0xFFFF; // DD
    const DATE_SEPS: u64 = 0x2D00_002D_0000_0000; // the two '-'
    const CLOCK_SEPS: u64 = 0x0000_3A00_003A_0000; // the two ':'
    let word = |from: usize| -> Option<u64> {
        let bytes: [u8; 8] = head.get(from..from + 8)?.try_into().ok()?;
        Some(u64::from_le_bytes(bytes))
    };
    let (date, clock) = (word(0)?, word(11)?);
    let &[d0, d1, sep] = head.get(8..11)? else {
        return None;
    };
    let day = u64::from(u16::from_le_bytes([d0, d1]));
    if date & !DATE != DATE_SEPS
        || clock & !CLOCK != CLOCK_SEPS
        || !matches!(sep, b'T' | b't' | b' ')
    {
        return None;
    }
    let (date, clock, day) = (
        digits(date, DATE)?,
        digits(clock, CLOCK)?,
        digits(day, DAY)?,
    );
    let at = |w: u64, i: u32| ((w >> (8 * i)) & 0xFF) as u32;
    let pair = |w: u64, i: u32| at(w, i) * 10 + at(w, i + 1);
    Some([
        pair(date, 0) * 100 + pair(date, 2),
        pair(date, 5),
        pair(day, 0),
        pair(clock, 0),
        pair(clock, 3),
        pair(clock, 6),
    ])
}

/// The bytes of `w` under `mask` as digit values (0 to 9, other bytes 0), or
/// `None` if any of them is not an ASCII digit: each must be 0x30 to 0x39, so
/// its high nibble is 3 both as is and with 6 added (a low nibble of 10 or more
/// carries). No carry crosses a byte: a byte with high nibble 3 stays below
/// 0x46 with 6 added.
fn digits(w: u64, mask: u64) -> Option<u64> {
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    const SIXES: u64 = 0x0606_0606_0606_0606;
    let (high, zeros) = (HIGH & mask, ZEROS & mask);
    let d = w & mask;
    (d & high == zeros && d.wrapping_add(SIXES & mask) & high == zeros).then(|| d - zeros)
}

/// A date `YYYY-MM-DD` (years 0000 to 9999), exactly ten characters.
///
/// ```
/// use cadence_engine::rfc3339;
/// assert!(rfc3339::date("2028-02-29").is_some());
/// assert_eq!(rfc3339::date("2027-02-29"), None);
/// assert_eq!(rfc3339::date("2027-2-28"), None);
/// ```
pub fn date(text: &str) -> Option<NaiveDate> {
    let &[y0, y1, y2, y3, b'-', mo0, mo1, b'-', d0, d1] = text.as_bytes() else {
        return None;
    };
    let year = two(y0, y1)? * 100 + two(y2, y3)?;
    let (month, day) = (two(mo0, mo1)?, two(d0, d1)?);
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// A local date-time with no offset: `YYYY-MM-DD`, then optionally `T`, `t` or
/// a space and `HH:MM`, `HH:MM:SS` or `HH:MM:SS.f…` (any number of fractional
/// digits; milliseconds kept, the rest truncated; second 60 reads as the
/// next minute's first second, a wall time like any other: on a night the
/// clocks go back, "01:59:60" is the 02:00 that exists once, not one second
/// after the first 01:59:59). A date alone is its midnight. `None` for
/// anything else.
///
/// ```
/// use cadence_engine::rfc3339;
/// let t = rfc3339::local("2026-11-02 09:30").map(|t| t.to_string());
/// assert_eq!(t.as_deref(), Some("2026-11-02 09:30:00"));
/// assert_eq!(rfc3339::local("2026-11-02T9:30"), None);
/// ```
pub fn local(text: &str) -> Option<NaiveDateTime> {
    let day = date(text.get(..10)?)?;
    let b = text.as_bytes().get(10..)?;
    let (clock, rest) = match *b {
        [] => return day.and_hms_opt(0, 0, 0),
        [b'T' | b't' | b' ', ref rest @ ..] => (rest.get(..5)?, rest.get(5..)?),
        _ => return None,
    };
    let &[h0, h1, b':', m0, m1] = clock else {
        return None;
    };
    let (hour, minute) = (two(h0, h1)?, two(m0, m1)?);
    let (second, ms) = match *rest {
        [] => (0, 0),
        [b':', s0, s1, ref frac @ ..] => {
            let ms = match *frac {
                [] => 0,
                [b'.', ref digits @ ..]
                    if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) =>
                {
                    digits
                        .iter()
                        .chain([b'0'; 3].iter())
                        .take(3)
                        .fold(0, |ms, &c| ms * 10 + digit(c))
                }
                _ => return None,
            };
            (two(s0, s1)?, ms)
        }
        _ => return None,
    };
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let time = day.and_hms_milli_opt(hour, minute, second.min(59), ms)?;
    Some(time + chrono::TimeDelta::seconds(i64::from(second / 60)))
}

/// `text` without white space around it, as `str::trim` gives it, sooner
/// when it starts and ends with a visible ASCII character (bytes 0x21–0x7F are
/// never white space).
pub fn trim(text: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&c| c > b' ' && c < 0x80);
    let b = text.as_bytes();
    if visible(b.first()) && visible(b.last()) {
        text
    } else {
        text.trim()
    }
}

/// The value of two ASCII digits, `None` if either is not a digit.
fn two(a: u8, b: u8) -> Option<u32> {
    let (a, b) = (a.wrapping_sub(b'0'), b.wrapping_sub(b'0'));
    (a < 10 && b < 10).then(|| u32::from(a) * 10 + u32::from(b))
}

/// The value of an ASCII digit known to be one.
fn digit(c: u8) -> u32 {
    u32::from(c.wrapping_sub(b'0'))
}

/// An offset after its sign, in seconds: `HH:MM`, and ISO 8601's `HHMM` and
/// `HH` (as Salesforce and PostgreSQL write them).
fn offset_of(off: &[u8]) -> Option<i32> {
    match *off {
        [h0, h1, b':', m0, m1] | [h0, h1, m0, m1] => hhmm(h0, h1, m0, m1),
        [h0, h1] => hhmm(h0, h1, b'0', b'0'),
        _ => None,
    }
}

/// An offset `hh:mm` in seconds, hours 00..=23 and minutes 00..=59.
fn hhmm(h0: u8, h1: u8, m0: u8, m1: u8) -> Option<i32> {
    let (hours, minutes) = (two(h0, h1)?, two(m0, m1)?);
    // Below 24 * 3600 by the test.
    (hours < 24 && minutes < 60).then(|| (hours * 3600 + minutes * 60) as i32)
}

/// Days in `month` (1..=12) of `year` (0..=9999).
fn days_in(year: u32, month: u32) -> u32 {
    if month == 2 {
        // Leap: divisible by 4, and by 16 if by 25 (that is, by 400 if by 100).
        let leap = year % 4 == 0 && (year % 25 != 0 || year % 16 == 0);
        28 + u32::from(leap)
    } else {
        // 30 or 31 by the month's parity, flipped from August on.
        30 | ((month ^ (month >> 3)) & 1)
    }
}
