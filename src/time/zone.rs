//! Time zones: an IANA zone by name (in any letter case, or as Windows,
//! Rails and HubSpot write it), its offsets with the last one looked up kept
//! per zone, and local dates and times in it by the DST rule of
//! [`crate::time`].

#![deny(clippy::arithmetic_side_effects)]

use std::cell::RefCell;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use chrono_tz::Tz;

use super::{quote, Civil, Instant, Stamp};
use crate::civil;
use crate::error::{Error, ErrorCode, Result};
use crate::rfc3339;
use crate::zones::{self, Entry};

/// A time zone: an IANA zone. Cheap to copy.
///
/// Offsets come from tables generated from chrono-tz's copy of the IANA database
/// (see [`crate::zones`]); after chrono-tz's table ends (2099) each zone follows
/// its annual rule, so New York keeps summer time in 2150.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Zone(pub Tz);

/// How many zones keep their last offset span at once.
const SPANS: usize = 32;

thread_local! {
    /// The last offset looked up in a zone and the UTC seconds over which it
    /// holds, in a slot by zone number: evaluations ask about the same few days
    /// of a few zones over and over, and an offset holds for months between
    /// clock changes.
    static LAST_SPAN: RefCell<[(u32, i64, i64, i32); SPANS]> =
        const { RefCell::new([(u32::MAX, 0, 0, 0); SPANS]) };
}

/// What an error about a zone given as a UTC offset adds.
pub const OFFSET_IS_NO_ZONE: &str = " (an offset is not a zone: it has no daylight saving time)";

impl Zone {
    /// Coordinated Universal Time.
    pub const UTC: Zone = Zone(Tz::UTC);

    /// Looks up an IANA zone name (`America/New_York`), in any letter case
    /// (`america/new_york`, as CRM exports and people write it): the
    /// database keeps no two names that differ in case alone, and
    /// JavaScript's `Intl.DateTimeFormat` reads names so (ECMA-262
    /// GetAvailableNamedTimeZoneIdentifier: an ASCII case-insensitive match).
    /// The zone keeps the database's spelling ([`Zone::name`]). A Windows
    /// zone name, as Dynamics and other Windows-based CRMs export it, is the
    /// IANA zone CLDR maps it to ("Eastern Standard Time" is
    /// `America/New_York`; [`crate::zones::WINDOWS_ZONES`]); and so is
    /// HubSpot's slug of a name (`america_slash_new_york`: `/` written
    /// `_slash_`, `-` `_hyphen_`, `+` `_plus_`).
    ///
    /// # Errors
    /// [`ErrorCode::UnknownTimeZone`] when the name is none of these.
    pub fn parse(name: &str) -> Result<Zone> {
        // ("EST": US Eastern time, not the database's fixed offset.)
        if name.len() <= 13 {
            if let Some(tz) = crate::zones::pairs(crate::zones::ABBREVIATIONS)
                .find(|(a, _)| a.eq_ignore_ascii_case(name))
                .and_then(|(_, iana)| iana.parse::<Tz>().ok())
            {
                return Ok(Zone(tz));
            }
        }
        if let Ok(tz) = name.parse::<Tz>() {
            return Ok(Zone(tz));
        }
        // Off the exact path only: a scan of the ~600 names, in any letter
        // case, a space for `_` ("America/New York": no name has a space).
        let any_case = |name: &str| {
            let key = |b: u8| {
                if b == b' ' {
                    b'_'
                } else {
                    b.to_ascii_lowercase()
                }
            };
            chrono_tz::TZ_VARIANTS
                .iter()
                .find(|tz| tz.name().bytes().map(key).eq(name.bytes().map(key)))
                .copied()
        };
        // Salesforce's label of a zone, its name last in parentheses:
        // "(GMT-05:00) Eastern Standard Time (America/New_York)". Only an
        // Area/City name there: "America/New_York (EST)" and "Eastern
        // Standard Time (EST)" name no zone for certain.
        let labelled = || {
            name.strip_suffix(')')
                .and_then(|n| n.rsplit_once('('))
                .filter(|(_, inner)| inner.contains('/'))
                .and_then(|(_, inner)| any_case(inner))
        };
        // HubSpot's slug of a name ("america_slash_new_york",
        // "america_slash_port_hyphen_au_hyphen_prince").
        // (In any letter case: "AMERICA_SLASH_CHICAGO".)
        let lower = name.to_ascii_lowercase();
        let slug = lower.contains("_slash_").then(|| {
            lower
                .replace("_slash_", "/")
                .replace("_hyphen_", "-")
                .replace("_plus_", "+")
        });
        // A Windows name, as Dynamics exports a zone ("Eastern Standard
        // Time"), or a Rails name ("Eastern Time (US & Canada)"), also as
        // both display it, after the standard offset: "(GMT-05:00) Eastern
        // Time (US & Canada)" (Rails), "(UTC-05:00) ..." (Windows).
        let french = crate::zones::french_clock(name);
        let shown = french.as_deref().unwrap_or(crate::zones::shown(name));
        // Not Windows' "UTC-08" (a fixed offset, for Pitcairn): a CRM that
        // writes it means an offset, refused below, as "UTC-8" is.
        let windows = || {
            crate::zones::pairs(crate::zones::WINDOWS_ZONES)
                .chain(crate::zones::pairs(crate::zones::RAILS_ZONES))
                .filter(|(windows, _)| !windows.starts_with("UTC+") && !windows.starts_with("UTC-"))
                .find(|(windows, _)| windows.eq_ignore_ascii_case(shown))
                .and_then(|(_, iana)| iana.parse::<Tz>().ok())
        };
        if let Some(tz) = any_case(name)
            .or_else(|| slug.as_deref().and_then(any_case))
            .or_else(labelled)
            .or_else(windows)
        {
            return Ok(Zone(tz));
        }
        // An offset ("-05:00", "UTC-5", "GMT+01:00") is not read as a zone: it
        // says nothing of daylight saving time, and half the year a window
        // read in it would be an hour off.
        // ("UTC -5", "(UTC-05:00)", "EST (UTC-5)", "5", "05:00".)
        // (0xE2 starts the minus sign and the en dash.)
        let offset = !name.contains('/')
            && name.bytes().any(|b| b.is_ascii_digit())
            && name
                .bytes()
                .find(|b| !(b.is_ascii_alphabetic() || b" ([".contains(b)))
                .is_some_and(|b| b.is_ascii_digit() || b"+-\xE2".contains(&b));
        // ("(UTC-05:00) Havana" names a zone, one not read: no offset hint.)
        let named = shown.len() < name.len() && shown.bytes().any(|b| b.is_ascii_alphabetic());
        let hint = if named {
            " (a Windows or Rails label is read for a zone of the US, Canada or Mexico)"
        } else if offset {
            OFFSET_IS_NO_ZONE
        } else {
            ""
        };
        Err(Error::new(
            ErrorCode::UnknownTimeZone,
            "",
            format!(
                "expected an IANA time zone such as \"America/New_York\", got {}{hint}",
                quote(name)
            ),
        ))
    }

    /// Whether it is one of the database's fixed offsets under a zone's name
    /// ("UTC", "GMT", "Etc/GMT+5"; and "MST" and "HST", Arizona's and
    /// Hawaii's clocks, which a CRM also writes for Denver's or Adak's): no
    /// place's clock of its own, what a CRM writes when it does not know the
    /// zone.
    pub fn is_fixed(self) -> bool {
        let n = self.name();
        n.starts_with("Etc/")
            || [
                "UTC",
                "UCT",
                "GMT",
                "GMT0",
                "GMT+0",
                "GMT-0",
                "Greenwich",
                "Universal",
                "Zulu",
                "MST",
                "HST",
            ]
            .contains(&n)
    }

    /// The IANA name.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    fn table(self) -> &'static Entry {
        Entry::of(self.0 as usize)
    }

    /// The offset from UTC in force at `t`, in seconds east (`-18000` for New York
    /// in winter).
    ///
    /// ```
    /// use cadence_engine::time::{Instant, Zone};
    /// let ny = Zone::parse("America/New_York")?;
    /// let t = Instant::parse("2150-07-01T12:00:00Z")?;
    /// assert_eq!(ny.offset_at(t), -4 * 3600);
    /// # Ok::<(), cadence_engine::Error>(())
    /// ```
    pub fn offset_at(self, t: Instant) -> i32 {
        self.offset_span(t).0
    }

    /// The offset at `t` (seconds east of UTC) and the UTC seconds
    /// `[from, until)` over which the zone keeps it (`i64::MIN` / `i64::MAX`
    /// at the ends of its table).
    pub fn offset_span(self, t: Instant) -> (i32, i64, i64) {
        let secs = t.0.div_euclid(1000);
        let zone = self.0 as u32;
        let slot = (zone as usize) % SPANS;
        LAST_SPAN.with(|spans| {
            let mut spans = spans.borrow_mut();
            if let Some(&(z, from, until, offset)) = spans.get(slot) {
                if z == zone && from <= secs && secs < until {
                    return (offset, from, until);
                }
            }
            let (offset, from, until) = self.table().offset_span(secs);
            if let Some(s) = spans.get_mut(slot) {
                *s = (zone, from, until, offset);
            }
            (offset, from, until)
        })
    }

    /// The wall-clock fields of an instant in this zone.
    pub fn civil(self, t: Instant) -> Civil {
        Civil::of(t, self.offset_at(t))
    }

    /// The local date and time of an instant in this zone.
    pub fn local(self, t: Instant) -> NaiveDateTime {
        civil::naive_local(t, self.offset_at(t))
    }

    /// The local date of an instant.
    pub fn date(self, t: Instant) -> NaiveDate {
        civil::naive_local(t, self.offset_at(t)).date()
    }

    /// The instant of a local date and time, by the DST rule of this module.
    /// Local times beyond the ends of years 1 to 9999 give the nearest end.
    pub fn instant(self, local: NaiveDateTime) -> Instant {
        Instant(zones::instant_of_local(self.table(), &local))
    }

    /// The instant at `time` on local `date`, by the DST rule.
    pub fn at(self, date: NaiveDate, time: NaiveTime) -> Instant {
        self.instant(date.and_time(time))
    }

    /// Where a block of hours that ends at local `date time` ends: as
    /// [`Zone::at`], but a time in a spring-forward gap is the gap's start,
    /// where the clock jumps past it (02:30 on 2026-03-08 in New York ends a
    /// block at 03:00 EDT, not at 03:30: from 03:00 the clock reads past
    /// 02:30).
    pub fn at_end(self, date: NaiveDate, time: NaiveTime) -> Instant {
        let local = date.and_time(time);
        let t = self.instant(local);
        if self.local(t) == local {
            return t;
        }
        let (_, from, _) = self.offset_span(t);
        from.checked_mul(1000).map_or(t, Instant)
    }

    /// Where a block of hours that starts at local `date time` starts when it
    /// ends at `end`: as [`Zone::at`], but a time a fall-back overlap holds
    /// twice is its second instant when the block runs past the overlap (a
    /// block from 01:30 on 2026-11-01 in New York opens at 01:30 EST: from
    /// 01:00 EST the clock reads 01:00 again, before the block). A block
    /// inside the overlap, or that starts at the overlap's first reading,
    /// keeps its first pass.
    pub fn at_start(self, date: NaiveDate, time: NaiveTime, end: Instant) -> Instant {
        let local = date.and_time(time);
        let t = self.instant(local);
        let (offset, _, until) = self.offset_span(t);
        let Some(next) = until.checked_mul(1000).map(Instant) else {
            return t;
        };
        let back = i64::from(offset.saturating_sub(self.offset_at(next)));
        let second = Instant(t.0.saturating_add(back.saturating_mul(1000)));
        // (A start at the overlap's first reading, as 00:00 where Havana
        // falls back from 01:00, is read by both passes: the first stands.)
        if back > 0 && second < end && self.local(second) == local && local > self.local(next) {
            second
        } else {
            t
        }
    }

    /// The instant of local midnight starting `date` (by the DST rule: where a zone
    /// skips midnight, the first instant of the day).
    pub fn start_of_day(self, date: NaiveDate) -> Instant {
        self.at(date, NaiveTime::MIN)
    }

    /// `t` moved by `days` calendar days in this zone, keeping the local wall-clock
    /// time (re-resolved by the DST rule).
    pub fn add_days(self, t: Instant, days: i64) -> Instant {
        Instant(zones::add_local_days(
            self.table(),
            t.0,
            self.offset_at(t),
            days,
        ))
    }

    /// RFC 3339 text of an instant with this zone's offset at that instant.
    pub fn format(self, t: Instant) -> String {
        let mut out = String::with_capacity(32);
        self.format_into(t, &mut out);
        out
    }

    /// Appends what [`Zone::format`] returns to `out`.
    ///
    /// ```
    /// use cadence_engine::time::{Instant, Zone};
    /// let mut s = String::from("due ");
    /// Zone::UTC.format_into(Instant(1500), &mut s);
    /// assert_eq!(s, "due 1970-01-01T00:00:01.500+00:00");
    /// ```
    pub fn format_into(self, t: Instant, out: &mut String) {
        rfc3339::write(out, t, self.offset_at(t));
    }

    /// `t` with this zone's offset at `t`: what [`Zone::format`] writes, kept
    /// as the instant and offset and written only where it is used.
    pub fn stamp(self, t: Instant) -> Stamp {
        Stamp {
            at: t,
            offset: self.offset_at(t),
        }
    }

    /// The local weekday of an instant.
    pub fn weekday(self, t: Instant) -> Weekday {
        self.civil(t).weekday
    }

    /// Minutes after local midnight.
    pub fn minute_of_day(self, t: Instant) -> u32 {
        let c = self.civil(t);
        c.hour.saturating_mul(60).saturating_add(c.minute)
    }
}
