//! Reading the data file, `regions.json`, into the table's rows: every value
//! checked, a problem reported with the row's code.

use std::borrow::Cow;

use chrono::{NaiveDate, Weekday};
#[cfg(test)]
use serde::Deserialize;

use crate::channel::Channel;
use crate::holiday::{Holiday, Observed, Rule, Years};
use crate::time::{DAY, HOUR};
use crate::window::{block_from, Window, DAY_NAMES};

use super::zones;
use super::Row;

/// Text of the table: borrowed from the module's data, or read from JSON
/// in tests.
type Text = Cow<'static, str>;
/// A list of the table: the same.
type List<T> = Cow<'static, [T]>;

/// The data file as JSON, for tests: the module's copy is Rust data that
/// build.rs writes from the same file (no JSON reader for it in the module,
/// some 20 KB gzipped).
#[cfg(test)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    regions: Vec<RawRow>,
}

#[derive(Clone)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase", deny_unknown_fields))]
pub(super) struct RawRow {
    code: Text,
    name: Text,
    window: Option<List<RawBlock>>,
    banned: Option<RawBanned>,
    caps: Option<List<RawCap>>,
    covers_texts: Option<bool>,
    cite: List<RawCite>,
    checked: Text,
}

#[derive(Clone)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(test, serde(deny_unknown_fields))]
pub(super) struct RawBlock {
    days: Option<List<Text>>,
    from: Text,
    to: Text,
}

#[derive(Clone)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(test, serde(deny_unknown_fields))]
pub(super) struct RawBanned {
    weekdays: List<Text>,
    cite: Text,
    holidays: List<RawHoliday>,
}

#[derive(Clone)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase", deny_unknown_fields))]
pub(super) struct RawHoliday {
    name: Text,
    date: Option<Text>,
    nth: Option<i8>,
    weekday: Option<Text>,
    month: Option<u32>,
    on_or_before: Option<Text>,
    easter: Option<i32>,
    offset: Option<i32>,
    years: Option<Years>,
    observed: Option<Observed>,
}

#[derive(Clone)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(test, serde(deny_unknown_fields))]
pub(super) struct RawCap {
    max: u32,
    hours: Option<i64>,
    days: Option<i64>,
    channels: List<Channel>,
}

#[derive(Clone)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(test, serde(deny_unknown_fields))]
pub(super) struct RawCite {
    law: Text,
}

// `RAW`: the rows of src/regions/regions.json, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/regions.rs"));

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];
const WEEKDAY_WORDS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn weekday(name: &str) -> Result<(Weekday, &'static str), String> {
    DAY_NAMES
        .iter()
        .position(|n| *n == name)
        .and_then(|i| Some((*WEEKDAYS.get(i)?, *WEEKDAY_WORDS.get(i)?)))
        .ok_or_else(|| format!("weekday: expected mon..sun, got {name:?}"))
}

/// `"MM-DD"`.
fn month_day(text: &str) -> Result<(u32, u32), String> {
    let (m, d) = text
        .split_once('-')
        .ok_or_else(|| format!("expected \"MM-DD\", got {text:?}"))?;
    let m: u32 = m.parse().map_err(|_| format!("bad month in {text:?}"))?;
    let d: u32 = d.parse().map_err(|_| format!("bad day in {text:?}"))?;
    NaiveDate::from_ymd_opt(2000, m, d).ok_or_else(|| format!("no such day {text:?}"))?;
    Ok((m, d))
}

fn holiday(h: &RawHoliday) -> Result<Holiday, String> {
    let rule = match (&h.date, h.nth, &h.on_or_before, h.easter) {
        (Some(date), None, None, None) => {
            let (month, day) = month_day(date)?;
            Rule::Fixed { month, day }
        }
        (None, Some(n), None, None) => Rule::Nth {
            month: h
                .month
                .filter(|m| (1..=12).contains(m))
                .ok_or("month: 1-12")?,
            weekday: weekday(h.weekday.as_deref().unwrap_or(""))?.0,
            n: Some(n)
                .filter(|n| (1..=5).contains(n) || *n == -1)
                .ok_or("nth: 1-5 or -1")?,
        },
        (None, None, Some(date), None) => {
            let (month, day) = month_day(date)?;
            Rule::OnOrBefore {
                month,
                day,
                weekday: weekday(h.weekday.as_deref().unwrap_or(""))?.0,
            }
        }
        (None, None, None, Some(days)) => Rule::Easter(days),
        _ => return Err("expected exactly one of date, nth, onOrBefore, easter".to_string()),
    };
    Ok(Holiday {
        rule,
        offset: h.offset.unwrap_or(0),
        years: h.years.unwrap_or(Years::All),
        observed: h.observed,
    })
}

/// The data file's text read and checked, for tests. The description, each
/// row's notes and each citation's address are for people (docs/consent.md):
/// they are left out, as build.rs leaves them out of the rows compiled in.
#[cfg(test)]
pub(super) fn load(text: &str) -> Result<Vec<Row>, String> {
    let mut v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let take = |v: &mut serde_json::Value, k: &str| v.as_object_mut().map(|o| o.remove(k));
    take(&mut v, "description");
    for row in items(&mut v, "regions") {
        take(row, "notes");
        for cite in items(row, "cite") {
            take(cite, "url");
        }
    }
    let file: RawFile = serde_json::from_value(v).map_err(|e| e.to_string())?;
    rows_of(&file.regions)
}

/// The elements of array field `key` of object `v`.
#[cfg(test)]
fn items<'a>(
    v: &'a mut serde_json::Value,
    key: &str,
) -> impl Iterator<Item = &'a mut serde_json::Value> {
    v.get_mut(key)
        .and_then(|a| a.as_array_mut())
        .into_iter()
        .flatten()
}

/// Checks the table's rows and resolves them; rows without a window (or
/// `coversTexts`) take their country's, the row whose code is the first two
/// letters.
pub(super) fn rows_of(regions: &[RawRow]) -> Result<Vec<Row>, String> {
    let mut rows: Vec<Row> = Vec::with_capacity(regions.len());
    for raw in regions {
        let at = |e: String| format!("{}: {e}", raw.code);
        let country = raw.code.get(..2).unwrap_or("");
        let base = rows.iter().find(|r| r.code == country);
        let mut window = window_of(raw, base).map_err(at)?;
        let (weekdays, holidays) = match &raw.banned {
            Some(b) => banned_days(b, &mut window).map_err(at)?,
            None => (Vec::new(), Vec::new()),
        };
        let caps = caps_of(raw).map_err(at)?;
        if raw.cite.is_empty() || crate::rfc3339::date(&raw.checked).is_none() {
            return Err(at("expected a citation and a checked date".into()));
        }
        let zones = zones::ZONES
            .iter()
            .find(|(c, _)| *c == raw.code)
            .map_or(&[][..], |(_, z)| *z);
        rows.push(Row {
            code: raw.code.to_string(),
            name: raw.name.to_string(),
            window,
            weekdays,
            holidays,
            caps,
            covers_texts: raw
                .covers_texts
                .or_else(|| base.map(|b| b.covers_texts))
                .unwrap_or(false),
            citation: raw
                .cite
                .iter()
                .map(|c| c.law.as_ref())
                .collect::<Vec<_>>()
                .join("; "),
            zones,
        });
    }
    Ok(rows)
}

/// A row's calling window: its own blocks, else its country's (`base`).
fn window_of(raw: &RawRow, base: Option<&Row>) -> Result<Window, String> {
    match &raw.window {
        Some(blocks) => Ok(Window {
            blocks: blocks
                .iter()
                .map(|b| {
                    let days: Option<Vec<String>> = b
                        .days
                        .as_ref()
                        .map(|d| d.iter().map(|s| s.to_string()).collect());
                    block_from(days.as_deref(), &b.from, &b.to)
                })
                .collect::<Result<_, _>>()?,
        }),
        None => base
            .map(|b| b.window.clone())
            .ok_or_else(|| "no window and no country row before it".into()),
    }
}

/// Banned weekdays, each with its words.
type BannedWeekdays = Vec<(Weekday, String)>;
/// Banned holidays, each with the words for its day and its observed day.
type BannedHolidays = Vec<(Holiday, String, String)>;

/// The weekdays and holidays a row bans: each weekday taken out of the
/// window's blocks (a block left with no day goes), each holiday's rule
/// with the words for its own day and its observed day.
fn banned_days(
    b: &RawBanned,
    window: &mut Window,
) -> Result<(BannedWeekdays, BannedHolidays), String> {
    let mut weekdays = Vec::new();
    for name in b.weekdays.iter() {
        let (wd, words) = weekday(name)?;
        let i = wd.num_days_from_monday() as usize;
        for block in &mut window.blocks {
            if let Some(on) = block.days.get_mut(i) {
                *on = false;
            }
        }
        weekdays.push((wd, format!("{words} ({})", b.cite)));
    }
    window.blocks.retain(|b| b.days.iter().any(|d| *d));
    let mut holidays = Vec::new();
    for h in b.holidays.iter() {
        let rule = holiday(h).map_err(|e| format!("{}: {e}", h.name))?;
        let own = format!("{} ({})", h.name, b.cite);
        let observed = format!("{}, observed ({})", h.name, b.cite);
        holidays.push((rule, own, observed));
    }
    Ok((weekdays, holidays))
}

/// A row's frequency caps: (most touches, period in ms, channels).
fn caps_of(raw: &RawRow) -> Result<Vec<(u32, i64, Vec<Channel>)>, String> {
    let mut caps = Vec::new();
    for c in raw.caps.iter().flat_map(|c| c.iter()) {
        let period = match (c.hours, c.days) {
            (Some(h), None) if h > 0 => h.saturating_mul(HOUR),
            (None, Some(d)) if d > 0 => d.saturating_mul(DAY),
            _ => return Err("cap: expected hours or days, above 0".into()),
        };
        if c.max == 0 || c.channels.is_empty() {
            return Err("cap: expected max above 0 and a channel".into());
        }
        caps.push((c.max, period, c.channels.to_vec()));
    }
    Ok(caps)
}
