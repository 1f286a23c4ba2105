//! Calling and texting rules by region: the US (federal), Canada (national),
//! each US state, DC and territory, and each Canadian province and territory,
//! by ISO 3166-2 code (`US`, `US-TX`, `CA`, `CA-ON`, ...).
//!
//! The rules are data, not code: `src/regions/regions.json` (window per
//! weekday, days with no calls, caps, citations) is compiled in and read once;
//! `src/regions/zones.rs` (the IANA zones of each region) is generated from
//! the time-zone database by `scripts/region-zones.py`. A state with no rule of
//! its own has its country's window. Every window is inside its country's (a
//! test checks it), so a state's window alone binds.
//!
//! ```
//! use cadence_engine::region::Region;
//! use chrono::NaiveDate;
//!
//! let tx = Region::parse("US-TX").unwrap();
//! assert_eq!(tx.code(), "US-TX");
//! assert!(tx.zones().contains(&"America/Denver")); // El Paso
//! let al = Region::parse("US-AL").unwrap();
//! let thanksgiving = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
//! assert!(al.banned(thanksgiving).unwrap().starts_with("Thanksgiving Day"));
//! assert!(Region::parse("US-XX").is_err());
//! ```

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::de::{self, Deserializer};
use serde::Deserialize;

use crate::channel::Channel;
use crate::holiday::{Holiday, Observed, Rule, Years};
use crate::time::{DAY, HOUR};
use crate::window::{block_from, Cap, CapSource, Window, DAY_NAMES};

#[path = "regions/zones.rs"]
mod zones;

/// A region: an index into the compiled table. Read from JSON as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Region(u16);

/// One region's rules, resolved from the data file.
struct Row {
    code: String,
    window: Window,
    /// Weekdays with no calls, with the words `banned` gives.
    weekdays: Vec<(Weekday, String)>,
    /// Holidays with no calls: the rule, its words, the words of its observed day.
    holidays: Vec<(Holiday, String, String)>,
    /// (max, period in ms, channels).
    caps: Vec<(u32, i64, Vec<Channel>)>,
    covers_texts: bool,
    citation: String,
    zones: &'static [&'static str],
}

struct Table {
    rows: Vec<Row>,
    /// Row numbers in the order of their codes, for a binary search (a batch
    /// reads a region per contact).
    by_code: Vec<u16>,
    /// Why the data did not load (a test keeps this `None`).
    error: Option<String>,
}

const DATA: &str = include_str!("regions/regions.json");

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| match load(DATA) {
        Ok(rows) => {
            let mut by_code: Vec<u16> = (0..rows.len())
                .filter_map(|i| u16::try_from(i).ok())
                .collect();
            by_code.sort_by(|&a, &b| {
                let code = |i: u16| rows.get(usize::from(i)).map(|r| r.code.as_str());
                code(a).cmp(&code(b))
            });
            Table {
                rows,
                by_code,
                error: None,
            }
        }
        Err(e) => Table {
            rows: Vec::new(),
            by_code: Vec::new(),
            error: Some(e),
        },
    })
}

impl Region {
    /// The United States (federal rule): the first row of the table.
    pub const US: Region = Region(0);

    /// The region of an exact ISO 3166-2 code (`"US"`, `"US-TX"`, `"CA-ON"`).
    ///
    /// # Errors
    /// A message that names the valid form and lists the valid codes.
    pub fn parse(code: &str) -> Result<Region, String> {
        let t = table();
        let code_of = |i: &u16| t.rows.get(usize::from(*i)).map_or("", |r| r.code.as_str());
        if let Ok(k) = t.by_code.binary_search_by(|i| code_of(i).cmp(code)) {
            if let Some(&i) = t.by_code.get(k) {
                return Ok(Region(i));
            }
        }
        let valid: Vec<&str> = t.rows.iter().map(|r| r.code.as_str()).collect();
        let mut msg = format!(
            "expected \"US\", \"CA\" or an ISO 3166-2 code of a US state or Canadian province \
             such as \"US-TX\" or \"CA-ON\" (valid: {}), got {}",
            valid.join(", "),
            serde_json::to_string(code).unwrap_or_default()
        );
        if t.rows
            .iter()
            .any(|r| r.code.eq_ignore_ascii_case(code.trim()))
        {
            msg.push_str(" (codes are upper case, without spaces)");
        }
        if let Some(e) = &t.error {
            msg.push_str(&format!(" (region table did not load: {e})"));
        }
        Err(msg)
    }

    fn row(self) -> Option<&'static Row> {
        table().rows.get(usize::from(self.0))
    }

    /// Every region, in table order (US and its states, then Canada and its
    /// provinces).
    pub fn all() -> impl Iterator<Item = Region> {
        (0..table().rows.len()).filter_map(|i| u16::try_from(i).ok().map(Region))
    }

    /// The ISO 3166-2 code, as in JSON.
    pub fn code(self) -> &'static str {
        self.row().map_or("", |r| r.code.as_str())
    }

    /// The calling window, in the called person's local time: blocks per
    /// weekday, never wider than the country's. Days with no calls every week
    /// (Sundays where banned) have no block.
    pub fn window(self) -> Window {
        self.row()
            .map_or(Window { blocks: Vec::new() }, |r| r.window.clone())
    }

    /// Why `date` (the called person's local date) has no calls at all, if it
    /// has none: `"Sunday"`, `"Thanksgiving Day (Ala. Code § 1-3-8)"`,
    /// `"Christmas Day, observed (R.I. Gen. Laws § 25-1-1)"`. Holidays are
    /// computed from their rules for any year.
    pub fn banned(self, date: NaiveDate) -> Option<&'static str> {
        let row = self.row()?;
        let wd = date.weekday();
        if let Some((_, why)) = row.weekdays.iter().find(|(d, _)| *d == wd) {
            return Some(why.as_str());
        }
        row.holidays
            .iter()
            .find_map(|(h, own, observed)| match h.on(date)? {
                false => Some(own.as_str()),
                true => Some(observed.as_str()),
            })
    }

    /// Whether the region bans any whole day (weekdays or holidays).
    pub fn bans_days(self) -> bool {
        self.row()
            .is_some_and(|r| !r.weekdays.is_empty() || !r.holidays.is_empty())
    }

    /// The region's own caps on calls and texts per rolling period.
    pub fn caps(self) -> Vec<Cap> {
        self.row().map_or_else(Vec::new, |r| {
            r.caps
                .iter()
                .map(|(max, period_ms, channels)| Cap {
                    max: *max,
                    period_ms: *period_ms,
                    channels: channels.clone(),
                    source: CapSource::Region(self),
                })
                .collect()
        })
    }

    /// The IANA zones of the region, from the time-zone database (for the
    /// safe intersection when a contact has no zone).
    pub fn zones(self) -> &'static [&'static str] {
        self.row().map_or(&[], |r| r.zones)
    }

    /// Whether the region's own rule names text messages (informational: the
    /// engine holds texts to the window everywhere, as the TCPA does).
    pub fn covers_texts(self) -> bool {
        self.row().is_some_and(|r| r.covers_texts)
    }

    /// The statutes and rules, with sections: `"Tex. Bus. & Com. Code § 301.051"`.
    pub fn citation(self) -> &'static str {
        self.row().map_or("", |r| r.citation.as_str())
    }
}

impl<'de> Deserialize<'de> for Region {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Region::parse(&code).map_err(de::Error::custom)
    }
}

// ------------------------------------------------------------ the data file

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[allow(dead_code)]
    description: String,
    regions: Vec<RawRow>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawRow {
    code: String,
    #[allow(dead_code)]
    name: String,
    window: Option<Vec<RawBlock>>,
    banned: Option<RawBanned>,
    caps: Option<Vec<RawCap>>,
    covers_texts: Option<bool>,
    cite: Vec<RawCite>,
    #[allow(dead_code)]
    notes: String,
    checked: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlock {
    days: Option<Vec<String>>,
    from: String,
    to: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBanned {
    weekdays: Vec<String>,
    cite: String,
    holidays: Vec<RawHoliday>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawHoliday {
    name: String,
    date: Option<String>,
    nth: Option<i8>,
    weekday: Option<String>,
    month: Option<u32>,
    on_or_before: Option<String>,
    easter: Option<i32>,
    offset: Option<i32>,
    years: Option<Years>,
    observed: Option<Observed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCap {
    max: u32,
    hours: Option<i64>,
    days: Option<i64>,
    channels: Vec<Channel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCite {
    law: String,
    #[allow(dead_code)]
    url: String,
}

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

/// Reads and checks the table; rows without a window (or `coversTexts`) take
/// their country's, the row whose code is the first two letters.
fn load(text: &str) -> Result<Vec<Row>, String> {
    let file: RawFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut rows: Vec<Row> = Vec::with_capacity(file.regions.len());
    for raw in &file.regions {
        let at = |e: String| format!("{}: {e}", raw.code);
        let country = raw.code.get(..2).unwrap_or("");
        let base = rows.iter().find(|r| r.code == country);
        let mut window = match &raw.window {
            Some(blocks) => Window {
                blocks: blocks
                    .iter()
                    .map(|b| block_from(b.days.as_deref(), &b.from, &b.to))
                    .collect::<Result<_, _>>()
                    .map_err(at)?,
            },
            None => base
                .map(|b| b.window.clone())
                .ok_or_else(|| at("no window and no country row before it".into()))?,
        };
        let mut weekdays = Vec::new();
        let mut holidays = Vec::new();
        if let Some(b) = &raw.banned {
            for name in &b.weekdays {
                let (wd, words) = weekday(name).map_err(at)?;
                let i = wd.num_days_from_monday() as usize;
                for block in &mut window.blocks {
                    if let Some(on) = block.days.get_mut(i) {
                        *on = false;
                    }
                }
                weekdays.push((wd, words.to_string()));
            }
            window.blocks.retain(|b| b.days.iter().any(|d| *d));
            for h in &b.holidays {
                let rule = holiday(h).map_err(|e| at(format!("{}: {e}", h.name)))?;
                let own = format!("{} ({})", h.name, b.cite);
                let observed = format!("{}, observed ({})", h.name, b.cite);
                holidays.push((rule, own, observed));
            }
        }
        let mut caps = Vec::new();
        for c in raw.caps.iter().flatten() {
            let period = match (c.hours, c.days) {
                (Some(h), None) if h > 0 => h.saturating_mul(HOUR),
                (None, Some(d)) if d > 0 => d.saturating_mul(DAY),
                _ => return Err(at("cap: expected hours or days, above 0".into())),
            };
            if c.max == 0 || c.channels.is_empty() {
                return Err(at("cap: expected max above 0 and a channel".into()));
            }
            caps.push((c.max, period, c.channels.clone()));
        }
        if raw.cite.is_empty() || NaiveDate::parse_from_str(&raw.checked, "%Y-%m-%d").is_err() {
            return Err(at("expected a citation and a checked date".into()));
        }
        let zones = zones::ZONES
            .iter()
            .find(|(c, _)| *c == raw.code)
            .map_or(&[][..], |(_, z)| *z);
        rows.push(Row {
            code: raw.code.clone(),
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
                .map(|c| c.law.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            zones,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{Instant, Zone, MINUTE};

    fn r(code: &str) -> Region {
        Region::parse(code).unwrap_or(Region(u16::MAX))
    }

    /// The region's one cap as (max, period, channels); `None` unless exactly one.
    fn only_cap(code: &str) -> Option<(u32, i64, Vec<Channel>)> {
        match r(code).caps().as_slice() {
            [c] => Some((c.max, c.period_ms, c.channels.clone())),
            _ => None,
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn the_table_loads_with_every_state_and_province() {
        assert_eq!(table().error, None);
        let codes: Vec<&str> = Region::all().map(Region::code).collect();
        assert_eq!(codes.len(), 71);
        assert_eq!(Region::US.code(), "US");
        // 50 states, DC and 5 territories; 10 provinces and 3 territories.
        assert_eq!(codes.iter().filter(|c| c.starts_with("US-")).count(), 56);
        assert_eq!(codes.iter().filter(|c| c.starts_with("CA-")).count(), 13);
        for c in ["US-TX", "US-DC", "US-PR", "CA", "CA-ON", "CA-QC", "CA-NU"] {
            assert!(codes.contains(&c), "{c}");
        }
        let mut sorted = codes.clone();
        sorted.dedup();
        assert_eq!(sorted.len(), codes.len(), "duplicate codes");
    }

    #[test]
    fn unknown_codes_name_the_form_and_the_valid_codes() {
        let e = Region::parse("US-XX").err().unwrap_or_default();
        assert!(
            e.starts_with("expected \"US\", \"CA\" or an ISO 3166-2 code"),
            "{e}"
        );
        assert!(e.contains("(valid: US, US-AK, US-AL,"), "{e}");
        assert!(e.contains("CA-YT"), "{e}");
        assert!(e.ends_with("got \"US-XX\""), "{e}");
        let lower = Region::parse("us-tx").err().unwrap_or_default();
        assert!(lower.contains("upper case"), "{lower}");
        assert!(Region::parse("TX").is_err());
    }

    #[test]
    fn every_window_is_inside_its_country_window() {
        let us = r("US").window();
        let ca = r("CA").window();
        // One week, every 15 minutes, in UTC (the windows are local times).
        let monday = Instant::parse("2026-11-02T00:00:00Z").unwrap_or(Instant(0));
        for region in Region::all() {
            let base = if region.code().starts_with("CA") {
                &ca
            } else {
                &us
            };
            let w = region.window();
            for step in 0..(7 * 24 * 4) {
                let t = monday.plus(step * 15 * MINUTE);
                if w.contains(Zone::UTC, t) {
                    assert!(
                        base.contains(Zone::UTC, t),
                        "{} allows {t:?}, its country does not",
                        region.code()
                    );
                }
            }
        }
    }

    #[test]
    fn every_zone_parses_and_every_region_has_one() {
        assert_eq!(zones::ZONES.len(), Region::all().count());
        for (region, (code, _)) in Region::all().zip(zones::ZONES) {
            assert_eq!(region.code(), *code, "zones.rs is out of order");
            assert!(!region.zones().is_empty(), "{code} has no zone");
            for z in region.zones() {
                assert!(Zone::parse(z).is_ok(), "{code}: {z}");
            }
        }
        assert!(r("US-FL").zones().contains(&"America/Chicago"));
        assert!(r("US-TX").zones().contains(&"America/Chicago"));
        assert!(r("US").zones().contains(&"Pacific/Honolulu"));
        assert!(!r("US").zones().contains(&"America/Puerto_Rico"));
        assert!(r("CA").zones().contains(&"America/St_Johns"));
        assert!(r("CA").zones().contains(&"America/Vancouver"));
    }

    #[test]
    fn the_five_first_presets_keep_their_windows() {
        let ny = Zone::parse("America/New_York").unwrap_or(Zone::UTC);
        let t = |s: &str| Instant::parse(s).unwrap_or(Instant(0));
        assert!(r("US")
            .window()
            .contains(ny, t("2026-11-08T20:59:00-05:00")));
        assert!(!r("US")
            .window()
            .contains(ny, t("2026-11-08T21:00:00-05:00")));
        for code in ["US-FL", "US-OK", "US-MD"] {
            let w = r(code).window();
            assert!(w.contains(ny, t("2026-11-08T19:59:00-05:00")), "{code}");
            assert!(!w.contains(ny, t("2026-11-08T20:00:00-05:00")), "{code}");
            assert!(w.contains(ny, t("2026-11-08T08:00:00-05:00")), "{code}");
            assert_eq!(
                only_cap(code),
                Some((3, 24 * HOUR, vec![Channel::Sms, Channel::Call])),
                "{code}"
            );
            let source = r(code).caps().first().map(|c| c.source);
            assert_eq!(source, Some(CapSource::Region(r(code))));
        }
        assert!(r("US").caps().is_empty());
        assert!(r("CA").caps().is_empty());
        let ca = r("CA").window();
        assert!(ca.contains(ny, t("2026-11-06T21:29:00-05:00")));
        assert!(!ca.contains(ny, t("2026-11-06T21:30:00-05:00")));
        assert!(!ca.contains(ny, t("2026-11-07T18:00:00-05:00")));
    }

    #[test]
    fn banned_days_are_computed_from_rules() {
        let al = r("US-AL");
        assert_eq!(al.banned(date(2026, 11, 29)), Some("Sunday"));
        assert!(al
            .banned(date(2026, 11, 26))
            .is_some_and(|s| s.starts_with("Thanksgiving Day (")));
        assert!(al
            .banned(date(2027, 11, 25))
            .is_some_and(|s| s.starts_with("Thanksgiving Day")));
        assert_eq!(al.banned(date(2026, 11, 27)), None);
        // 2026-07-04 is a Saturday: Alabama observes it on Friday the 3rd.
        assert!(al
            .banned(date(2026, 7, 3))
            .is_some_and(|s| s.starts_with("Independence Day, observed")));
        assert!(al
            .banned(date(2026, 2, 17))
            .is_some_and(|s| s.starts_with("Mardi Gras")));
        // Rhode Island observes it on Monday the 6th.
        let ri = r("US-RI");
        assert!(ri
            .banned(date(2026, 7, 6))
            .is_some_and(|s| s.contains("observed")));
        assert!(ri
            .banned(date(2026, 11, 3))
            .is_some_and(|s| s.starts_with("Election Day")));
        assert_eq!(ri.banned(date(2027, 11, 2)), None);
        let la = r("US-LA");
        assert!(la
            .banned(date(2026, 4, 3))
            .is_some_and(|s| s.starts_with("Good Friday")));
        let bc = r("CA-BC");
        assert!(bc
            .banned(date(2026, 5, 18))
            .is_some_and(|s| s.starts_with("Victoria Day")));
        assert!(bc
            .banned(date(2027, 2, 15))
            .is_some_and(|s| s.starts_with("Family Day")));
        assert!(bc
            .banned(date(2026, 11, 11))
            .is_some_and(|s| s.starts_with("Remembrance Day")));
        assert_eq!(
            bc.banned(date(2026, 11, 8)),
            None,
            "Sunday is a calling day in BC"
        );
        assert_eq!(r("CA-ON").banned(date(2026, 12, 25)), None);
        assert_eq!(
            r("US-MS").banned(date(2026, 12, 25)),
            None,
            "no holiday ban since 2024"
        );
        assert_eq!(r("US-MS").banned(date(2026, 12, 27)), Some("Sunday"));
        assert_eq!(r("US").banned(date(2026, 12, 25)), None);
    }

    #[test]
    fn banned_weekdays_have_no_window() {
        let ny = Zone::parse("America/New_York").unwrap_or(Zone::UTC);
        for region in Region::all() {
            let w = region.window();
            for day in 0..7 {
                let d = date(2026, 11, 2 + day);
                if region.banned(d) == Some("Sunday") {
                    let noon = ny.at(d, crate::time::time_of_minutes(12 * 60));
                    assert!(!w.contains(ny, noon), "{} calls on Sunday", region.code());
                }
            }
        }
    }

    #[test]
    fn caps_and_texts_of_the_new_rows() {
        assert_eq!(only_cap("CA-BC"), Some((1, 30 * DAY, vec![Channel::Call])));
        assert_eq!(
            only_cap("US-OR"),
            Some((3, 24 * HOUR, vec![Channel::Sms, Channel::Call]))
        );
        assert_eq!(only_cap("US-ME"), Some((1, 8 * HOUR, vec![Channel::Call])));
        assert!(r("US-CT").covers_texts());
        assert!(
            r("US-AK").covers_texts(),
            "a state without a rule has the federal one"
        );
        assert!(!r("CA-ON").covers_texts());
        assert!(r("US-TX").citation().contains("301.051"));
        assert!(r("US-FL").citation().contains("501.616"));
    }

    #[test]
    fn a_region_reads_from_json_as_its_code() {
        let ok: Result<Region, _> = serde_json::from_str("\"US-TX\"");
        assert_eq!(ok.ok(), Some(r("US-TX")));
        let bad: Result<Region, _> = serde_json::from_str("\"Texas\"");
        assert!(bad
            .err()
            .is_some_and(|e| e.to_string().contains("got \\\"Texas\\\"")
                || e.to_string().contains("got \"Texas\"")));
    }

    #[test]
    fn a_broken_table_is_an_error_not_a_panic() {
        assert!(load("{").is_err());
        let bad_block = r#"{"description":"","regions":[{"code":"US","name":"x","window":[{"from":"25:00","to":"21:00"}],"cite":[{"law":"l","url":"u"}],"notes":"","checked":"2026-12-02"}]}"#;
        assert!(load(bad_block).is_err());
        let no_country = r#"{"description":"","regions":[{"code":"US-TX","name":"x","cite":[{"law":"l","url":"u"}],"notes":"","checked":"2026-12-02"}]}"#;
        assert!(load(no_country).is_err());
    }
}
