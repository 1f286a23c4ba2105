//! The values of fields: JSON values read shallowly, times, strings and
//! booleans as CRM exports write them.

use std::borrow::Cow;

use chrono::{NaiveDateTime, Timelike as _};

use crate::error::ErrorCode;
use crate::time::{Instant, MAX_MS};

use super::{EXPECTED_TIME, MIN_EPOCH_MS};

/// A JSON value, read shallowly: strings borrowed when they have no escape,
/// objects and arrays skipped.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Val<'a> {
    Str(Cow<'a, str>),
    Num(f64, &'a str),
    // Two variants, not `Bool(bool)`: a payload byte beside the tag made
    // every move of a value copy the seven bytes after the tag as two
    // overlapping 4-byte words, which stalled on store forwarding (30% of
    // the event reader's time natively).
    True,
    False,
    Null,
    Object,
    Array,
}

impl Val<'_> {
    /// The value as JSON's words say it, for "got ..." in messages.
    pub(super) fn got(&self) -> String {
        match self {
            Val::Str(s) => format!("{:?}", clip(s)),
            Val::Num(_, text) => format!("the number {text}"),
            Val::True => "true".into(),
            Val::False => "false".into(),
            Val::Null => "null".into(),
            Val::Object => "an object".into(),
            Val::Array => "an array".into(),
        }
    }

    /// `None` for "not given": absent, `null` or `""` (only spaces too).
    pub(super) fn given(self) -> Option<Self> {
        (!self.blank()).then_some(self)
    }

    /// `null` or `""` (only spaces too): not given.
    pub(super) fn blank(&self) -> bool {
        match self {
            Val::Null => true,
            Val::Str(s) => blank(s),
            _ => false,
        }
    }
}

/// Empty or only white space.
fn blank(s: &str) -> bool {
    crate::rfc3339::trim(s).is_empty()
}

pub(super) fn clip(s: &str) -> String {
    let short: String = s.chars().take(60).collect();
    if short.len() < s.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// A time read from a field: an instant, or a local date-time waiting for the
/// contact's zone (`true` when the text was a date alone, its midnight).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum When {
    At(Instant),
    Local(NaiveDateTime, bool),
}

/// Reads a time value.
pub(super) fn when(v: Val<'_>) -> std::result::Result<When, (ErrorCode, String)> {
    match v {
        Val::Num(n, text) => epoch(n, text).map(When::At),
        // RFC 3339 first: almost every time is one, and no digits-only text
        // is.
        Val::Str(ref s) => match crate::rfc3339::parse(s) {
            Some((i, _)) => Ok(When::At(i)),
            None => other_time(&v, s),
        },
        other => Err(bad_time(&other)),
    }
}

/// "Expected a time, got ...".
fn bad_time(v: &Val<'_>) -> (ErrorCode, String) {
    (
        ErrorCode::InvalidTime,
        format!("{EXPECTED_TIME}, got {}", v.got()),
    )
}

/// A time text that is not RFC 3339 (out of line: the reader's hot path
/// reads RFC 3339).
#[cold]
#[inline(never)]
fn other_time(v: &Val<'_>, s: &str) -> std::result::Result<When, (ErrorCode, String)> {
    let t = crate::rfc3339::trim(s);
    if let Some(ms) = epoch_text(t) {
        return epoch(ms.parse().unwrap_or(f64::NAN), ms).map(When::At);
    }
    // A number in another form as text, as a CSV cell keeps it: a float
    // column's "1793718900000.0", "1.7937189E12", or a spreadsheet's serial
    // date (said so).
    if let Some(n) = t.parse::<f64>().ok().filter(|n| n.is_finite()) {
        if rounded(t) {
            return Err((
                ErrorCode::InvalidTime,
                format!("{EXPECTED_TIME}, got {t}: epoch milliseconds written with too few digits to hold the minute (a spreadsheet's rounding): give every digit"),
            ));
        }
        return epoch(n, t).map(When::At);
    }
    if let Some(l) = crate::rfc3339::local(t) {
        return Ok(When::Local(l, date_alone(t)));
    }
    match crate::rfc3339::parse_iso(t).or_else(|| crate::rfc3339::parse_rfc2822(t)) {
        Some((i, _)) => Ok(When::At(i)),
        None => Err(bad_time(v)),
    }
}

/// The digits of epoch milliseconds written as text: all of `t`, or those
/// of Microsoft's JSON date, as ASP.NET, WCF and Dynamics CRM's OData
/// endpoint write times: `/Date(1762786800000)/`, the writer's offset after
/// them (`/Date(1762786800000-0500)/`) saying where it was, not moving the
/// instant.
fn epoch_text(t: &str) -> Option<&str> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let Some(inner) = t.strip_prefix("/Date(").and_then(|r| r.strip_suffix(")/")) else {
        return digits(t).then_some(t);
    };
    let (ms, offset) = inner.split_at(inner.find(['+', '-']).unwrap_or(inner.len()));
    let offset_ok = offset.is_empty() || (offset.len() == 5 && offset.get(1..).is_some_and(digits));
    (digits(ms) && offset_ok).then_some(ms)
}

/// Epoch milliseconds, refusing what looks like seconds.
pub(super) fn epoch(n: f64, text: &str) -> std::result::Result<Instant, (ErrorCode, String)> {
    if !n.is_finite() {
        return Err((
            ErrorCode::InvalidTime,
            format!("{EXPECTED_TIME}, got {text}"),
        ));
    }
    // A whole day (a date cell, a numeric DATE) is shown as the date alone
    // it is: written out as a midnight it would be audited as one.
    let written = |l: NaiveDateTime| {
        if n.fract() == 0.0 && n < 1e8 {
            (l.date().to_string(), "a date")
        } else {
            (l.to_string(), "a date-time")
        }
    };
    if let Some((local, _)) = serial_day(n).map(written) {
        return Err((
            ErrorCode::InvalidTime,
            format!(
                "{text} looks like a spreadsheet's serial date ({local}), not epoch milliseconds: write it as {local} (read in the contact's zone) or with an offset"
            ),
        ));
    }
    if let Some((local, what)) = compact(n).map(written) {
        return Err((
            ErrorCode::InvalidTime,
            format!(
                "{text} looks like {what} written without separators ({local}), not epoch milliseconds: write it as {local} (read in the contact's zone) or with an offset"
            ),
        ));
    }
    if n < MIN_EPOCH_MS {
        let as_seconds = Instant::from_ms((n * 1000.0).floor() as i64)
            .filter(|_| n >= 0.0)
            .map(|t| {
                format!(
                    ", and {text} looks like seconds (as seconds it is {}): multiply by 1000",
                    t.to_utc_string()
                )
            })
            .unwrap_or_default();
        return Err((
            ErrorCode::InvalidTime,
            format!(
                "epoch numbers are milliseconds from 100000000000 (March 1973) on{as_seconds}; or give an RFC 3339 time"
            ),
        ));
    }
    let ms = n.floor();
    if ms > MAX_MS as f64 {
        return Err((
            ErrorCode::InvalidTime,
            format!("epoch milliseconds must lie within years 1973 to 9999, got {text}"),
        ));
    }
    Instant::from_ms(ms as i64).ok_or((
        ErrorCode::InvalidTime,
        format!("epoch milliseconds must lie within years 1973 to 9999, got {text}"),
    ))
}

/// A number in scientific notation whose last digit stands for 100,000 or
/// more ("1.794E+12", "1.79372E+12": a spreadsheet shows and exports 6
/// significant digits): epoch milliseconds rounded past the minute, whose
/// instant could be days off. A float writer's shortest form of a time to
/// the second or minute keeps its digits ("1.7937189E12").
fn rounded(t: &str) -> bool {
    let Some((mantissa, exp)) = t.split_once(['e', 'E']) else {
        return false;
    };
    let places = mantissa.split_once('.').map_or(0, |(_, frac)| frac.len());
    let exp: i64 = exp.parse().unwrap_or(0);
    i64::try_from(places).is_ok_and(|p| exp.saturating_sub(p) > 5)
}

/// The local date-time `n`'s digits spell when it is a whole number of 8,
/// 12 or 14 digits that reads as `YYYYMMDD[hhmm[ss]]` in years 1900 to 2199
/// (a database's numeric DATE or DATETIME, a call log's stamp): as epoch
/// milliseconds it would be 1970, 1973–2001 or after 2286, when no CRM event
/// is.
fn compact(n: f64) -> Option<NaiveDateTime> {
    if n.fract() != 0.0 {
        return None;
    }
    // Whole numbers: 8 digits are a day, 12 minutes, 14 seconds.
    let (v, sec) = match n {
        x if (1e7..1e8).contains(&x) => ((x * 10_000.0) as u64, 0),
        x if (1e11..1e12).contains(&x) => (x as u64, 0),
        x if (1e13..1e14).contains(&x) => ((x as u64) / 100, (x as u64 % 100) as u32),
        _ => return None,
    };
    let part = |div: u64| (v.checked_div(div).unwrap_or(0) % 100) as u32;
    let year = i32::try_from(v / 100_000_000).ok()?;
    if !(1900..2200).contains(&year) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(year, part(1_000_000), part(10_000))?.and_hms_opt(
        part(100),
        part(1),
        sec,
    )
}

/// Spreadsheet serial dates of 1970-01-01 to 2099-12-31 (days since
/// 1899-12-30).
const SERIAL_DAYS: std::ops::Range<f64> = 25_569.0..73_051.0;

/// The local date-time `n` is as a spreadsheet's serial date (days since
/// 1899-12-30, the time of day as the fraction) when it falls in 1970 to
/// 2099: what Excel, Google Sheets and SheetJS's `sheet_to_json` give for a
/// date cell. As epoch milliseconds or seconds it would be the first day of
/// 1970, when no CRM event is.
fn serial_day(n: f64) -> Option<NaiveDateTime> {
    if !SERIAL_DAYS.contains(&n) {
        return None;
    }
    let secs = (n * 86_400.0).round() as i64;
    chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?
        .and_hms_opt(0, 0, 0)?
        .checked_add_signed(chrono::TimeDelta::try_seconds(secs)?)
}

/// A string value, borrowed from the text when it has no escapes.
pub(super) fn str_of(v: Val<'_>) -> std::result::Result<Cow<'_, str>, String> {
    match v {
        Val::Str(s) => Ok(s),
        other => Err(format!("expected a string, got {}", other.got())),
    }
}

/// A string or a number, as text (step ids and reasons from spreadsheets).
pub(super) fn text_of(v: Val<'_>) -> std::result::Result<String, String> {
    match v {
        Val::Str(s) => Ok(s.into_owned()),
        Val::Num(n, text) if n.is_finite() => Ok(text.to_string()),
        other => Err(format!("expected a string, got {}", other.got())),
    }
}

/// A step's id as an event names it: [`text_of`], without the white space a
/// CSV cell keeps around it (" text-personal " is the step `text-personal`).
pub(super) fn step_of(v: Val<'_>) -> std::result::Result<String, String> {
    text_of(v).map(|s| match s.trim() {
        t if t.len() == s.len() => s,
        t => t.to_string(),
    })
}

/// `true` or `false`, also as CRM exports write them: the words in any case
/// (`"TRUE"`), `yes`/`no` and `y`/`n` in any case (Dynamics and Pipedrive
/// exports, `CHAR(1)` columns), `t`/`f` in any case (PostgreSQL's text for
/// a boolean, as `COPY` and `psql` write it), and 1 or 0 (a number, or its
/// digit as text).
pub(super) fn bool_of(v: Val<'_>) -> std::result::Result<bool, String> {
    // 1 and 0 in any number's form ("1.0" from a float column), and -1,
    // true as Access and Visual Basic write it.
    let number = match &v {
        Val::Num(n, _) => Some(*n),
        Val::Str(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    let word = match (&v, number) {
        (Val::True, _) => return Ok(true),
        (Val::False, _) => return Ok(false),
        (_, Some(n)) if n == 1.0 || n == -1.0 => "1",
        (_, Some(0.0)) => "0",
        (Val::Str(s), _) => s.trim(),
        _ => "",
    };
    // Also as CRMs and checkbox exports write a flag: GoHighLevel's DND
    // `status` ("active", "inactive", "permanent"), "on"/"off", "checked"/
    // "unchecked" and a cross ("x").
    let is = |words: &[&str]| words.iter().any(|w| word.eq_ignore_ascii_case(w));
    // And the state a status column names, as a host maps it onto `active`
    // ("Opted Out", "Unsubscribed", "DND", "Suppressed"; "Opted In").
    let state = |words: &[&str]| words.iter().any(|w| super::names::loosely(word, w));
    if state(&[
        "opted out",
        "opt out",
        "unsubscribed",
        "dnd",
        "blocked",
        "suppressed",
    ]) {
        return Ok(true);
    }
    if state(&["opted in", "opt in", "subscribed"]) {
        return Ok(false);
    }
    if is(&[
        "true",
        "yes",
        "y",
        "t",
        "active",
        "permanent",
        "on",
        "checked",
        "x",
    ]) || word == "1"
    {
        Ok(true)
    } else if is(&["false", "no", "n", "f", "inactive", "off", "unchecked"]) || word == "0" {
        Ok(false)
    } else {
        Err(format!("expected true or false, got {}", v.got()))
    }
}

/// A time field waiting for the contact's zone: where it goes and its path.
pub(super) struct Pending {
    /// `None` for `addedAt`, else the event index.
    pub(super) event: Option<usize>,
    pub(super) field: TimeField,
    pub(super) local: NaiveDateTime,
    /// The text was a date alone.
    pub(super) dated: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TimeField {
    AddedAt,
    At,
    DueAt,
    BuyAt,
}

impl TimeField {
    pub(super) fn name(self) -> &'static str {
        match self {
            TimeField::AddedAt => "addedAt",
            TimeField::At => "at",
            TimeField::DueAt => "dueAt",
            TimeField::BuyAt => "buyAt",
        }
    }
}

pub(super) fn path_of(event: Option<usize>, field: &str) -> String {
    match event {
        Some(i) => format!("events[{i}].{field}"),
        None => field.to_string(),
    }
}

/// Whether a time field's value is a date alone, white space around it
/// allowed (`" 2026-11-03 "`, as a CSV cell holds it).
pub(super) fn dated(v: Option<&Val<'_>>) -> bool {
    matches!(v, Some(Val::Str(s)) if date_alone(crate::rfc3339::trim(s)))
}

/// Whether `s` is a date alone, `YYYY-MM-DD` (a CRM's date field).
pub(super) fn date_alone(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(k, c)| {
            if k == 4 || k == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// A local time as an error names it: `a local date-time without an offset
/// ("2026-11-03 10:15")`, or `a date alone ("2026-11-03")`.
pub(super) fn local_named(l: NaiveDateTime, dated: bool) -> String {
    if dated {
        return format!("a date alone (\"{}\")", l.date());
    }
    // (To the minute, unless seconds were given: the time as written.)
    let time = if l.second() != 0 || l.nanosecond() != 0 {
        l.time().to_string()
    } else {
        crate::window::hhmm(l.num_seconds_from_midnight() / 60)
    };
    format!(
        "a local date-time without an offset (\"{} {time}\")",
        l.date()
    )
}
