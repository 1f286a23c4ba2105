//! The zone tables against chrono-tz, the engine's source of zone data.
//!
//! Up to 2099 (where chrono-tz's tables end) every zone must give exactly what
//! chrono-tz gives: offsets from 1800 on at every change and a second either
//! side, inside every span, at random instants; and local times (in gaps,
//! overlaps and anywhere) must resolve as the engine resolved them through
//! chrono-tz before the tables existed — that implementation is kept in
//! `chrono_reference`, to compare with.
//! After 2099 the zones follow their annual rules; the expected changes are the
//! system's TZif footers (POSIX TZ rules) of IANA 2025b, pinned below as text.

use cadence_engine::time::{Instant, Zone, MAX_MS, MIN_MS};
use cadence_engine::zones::Entry;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use chrono_tz::{Tz, TZ_VARIANTS};

mod chrono_reference;

use chrono_reference as reference;

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo) as u64) as i64
    }
}

/// 1800-01-01, 1900-01-01 and 2100-01-01 (00:00:00Z) in seconds.
const Y1800: i64 = -5_364_662_400;
const Y1900: i64 = -2_208_988_800;
const Y2100: i64 = 4_102_444_800;

/// Every change of a zone's table in [from, to), with the offset it moves to.
fn changes(tz: Tz, from: i64, to: i64) -> Vec<(i64, i32)> {
    let e = Entry::of(tz as usize);
    let mut out: Vec<(i64, i32)> = e
        .at()
        .iter()
        .copied()
        .zip(e.offsets().iter().copied())
        .collect();
    if let (Some(yearly), Some(&last)) = (e.rule, e.at().last()) {
        let rule = yearly.rule;
        let first_year = 1970 + last.div_euclid(31_556_952) - 1;
        for y in first_year..=1970 + to.div_euclid(31_556_952) + 1 {
            out.extend(rule.changes(y).into_iter().filter(|c| c.0 > last));
        }
    }
    out.retain(|c| (from..to).contains(&c.0));
    out
}

fn zone(tz: Tz) -> Zone {
    Zone(tz)
}

#[test]
fn tables_come_from_this_chrono_tz() {
    assert_eq!(
        cadence_engine::zones::TZDB_VERSION,
        chrono_tz::IANA_TZDB_VERSION,
        "chrono-tz was updated: regenerate src/zones/data.rs with `make zones`"
    );
    assert_eq!(TZ_VARIANTS.len(), 597);
    for (i, tz) in TZ_VARIANTS.iter().enumerate() {
        assert_eq!(*tz as usize, i, "Tz numbering");
    }
}

#[test]
fn offsets_match_chrono_tz_1800_to_2099() {
    let mut rng = Rng(1);
    let mut checked = 0usize;
    for &tz in TZ_VARIANTS.iter() {
        let z = zone(tz);
        let check = |s: i64| {
            for ms in [s * 1000, s * 1000 + 999] {
                assert_eq!(
                    z.offset_at(Instant(ms)),
                    reference::offset(tz, ms),
                    "{} at {}",
                    tz.name(),
                    reference::format(Tz::UTC, ms)
                );
            }
        };
        let ch = changes(tz, Y1800, Y2100);
        let mut prev = Y1800;
        for &(t, _) in &ch {
            // Both ends of the span before this change, and inside it.
            for s in [t - 1, t, t + 1, prev + (t - prev) / 2, rng.range(prev, t)] {
                check(s);
            }
            prev = t;
        }
        for _ in 0..300 {
            check(rng.range(Y1800, Y2100));
        }
        checked += ch.len();
    }
    assert!(checked > 50_000, "only {checked} changes");
}

#[test]
fn instants_and_text_match_chrono_tz() {
    let mut rng = Rng(2);
    for &tz in TZ_VARIANTS.iter() {
        let z = zone(tz);
        let ch = changes(tz, Y1900, Y2100);
        let mut times: Vec<i64> = (0..200)
            .map(|_| rng.range(Y1900 * 1000, Y2100 * 1000))
            .collect();
        times.extend(
            ch.iter()
                .step_by(3)
                .flat_map(|c| [c.0 * 1000 - 1, c.0 * 1000]),
        );
        for ms in times {
            let t = Instant(ms);
            let local = reference::local(tz, ms);
            assert_eq!(z.local(t), local, "{} local", tz.name());
            assert_eq!(z.date(t), local.date());
            assert_eq!(z.weekday(t), local.weekday());
            assert_eq!(z.minute_of_day(t), local.num_seconds_from_midnight() / 60);
            assert_eq!(z.format(t), reference::format(tz, ms), "{}", tz.name());
            // chrono-tz's table ends in 2099: compare moves that stay before it.
            let days = rng.range(-800, 800);
            if ms + days * 86_400_000 >= (Y2100 - 86_400) * 1000 {
                continue;
            }
            assert_eq!(
                z.add_days(t, days).0,
                reference::add_days(tz, ms, days),
                "{} {} + {days} days",
                tz.name(),
                reference::format(tz, ms)
            );
        }
    }
}

/// Local times all around every change (in its gap or overlap, at its edges) and
/// at random, in every zone: resolved as chrono-tz resolved them.
#[test]
fn local_times_resolve_as_before_1900_to_2099() {
    let mut rng = Rng(3);
    for &tz in TZ_VARIANTS.iter() {
        let z = zone(tz);
        let mut locals: Vec<i64> = (0..200).map(|_| rng.range(Y1900, Y2100)).collect();
        let mut before = reference::offset(tz, Y1900 * 1000);
        for (t, after) in changes(tz, Y1900, Y2100) {
            let (a, b) = (i64::from(before), i64::from(after));
            let (lo, hi) = (t + a.min(b), t + a.max(b));
            locals.extend([
                lo - 3601,
                lo - 1,
                lo,
                lo + 1,
                (lo + hi) / 2,
                hi - 1,
                hi,
                hi + 1,
            ]);
            locals.push(rng.range(lo - 3600, hi + 3600));
            before = after;
        }
        for secs in locals {
            let ms = secs * 1000 + rng.range(0, 1000);
            let local = chrono::DateTime::from_timestamp_millis(ms).map(|d| d.naive_utc());
            let Some(local) = local else { continue };
            assert_eq!(
                z.instant(local).0,
                reference::instant(tz, local),
                "{} local {local}",
                tz.name()
            );
        }
    }
}

#[test]
fn ends_of_the_range_match_chrono_tz() {
    for &tz in TZ_VARIANTS.iter() {
        let z = zone(tz);
        for ms in [MIN_MS, MIN_MS + 1, MAX_MS - 1, MAX_MS] {
            let t = Instant(ms);
            assert_eq!(z.local(t), reference::local(tz, ms), "{}", tz.name());
            assert_eq!(z.format(t), reference::format(tz, ms), "{}", tz.name());
            // The local time of an instant in range maps back into the range.
            let back = z.instant(z.local(t)).0;
            assert_eq!(back, reference::instant(tz, z.local(t)), "{}", tz.name());
            assert_eq!(z.add_days(t, i64::MAX).0, MAX_MS);
            assert_eq!(z.add_days(t, i64::MIN).0, MIN_MS);
        }
        // Local times past the ends give the ends.
        let first = NaiveDate::from_ymd_opt(1, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).and_then(|d| d.and_hms_opt(23, 59, 59));
        if let (Some(first), Some(last)) = (first, last) {
            let (f, l) = (z.instant(first).0, z.instant(last).0);
            assert!((MIN_MS..=MAX_MS).contains(&f) && (MIN_MS..=MAX_MS).contains(&l));
            assert_eq!(f, reference::instant(tz, first).clamp(MIN_MS, MAX_MS));
            assert_eq!(l, reference::instant(tz, last).clamp(MIN_MS, MAX_MS));
        }
    }
}

fn at(zone: &str, local: &str) -> String {
    let z = Zone::parse(zone).unwrap_or(Zone::UTC);
    let l = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S").unwrap_or_default();
    z.format(z.instant(l))
}

/// Changes after chrono-tz's table, as the POSIX TZ rules in the TZif footers of
/// IANA 2025b have them: `(zone, UTC second of the change, the second before and
/// the change itself on the zone's wall clock)`.
const AFTER_2099: [(&str, i64, &str, &str); 30] = [
    (
        "America/New_York",
        4_108_690_800,
        "2100-03-14T01:59:59-05:00",
        "2100-03-14T03:00:00-04:00",
    ),
    (
        "America/New_York",
        4_129_250_400,
        "2100-11-07T01:59:59-04:00",
        "2100-11-07T01:00:00-05:00",
    ),
    (
        "America/New_York",
        5_686_009_200,
        "2150-03-08T01:59:59-05:00",
        "2150-03-08T03:00:00-04:00",
    ),
    (
        "America/New_York",
        5_706_568_800,
        "2150-11-01T01:59:59-04:00",
        "2150-11-01T01:00:00-05:00",
    ),
    (
        "Australia/Sydney",
        4_110_451_200,
        "2100-04-04T02:59:59+11:00",
        "2100-04-04T02:00:00+10:00",
    ),
    (
        "Australia/Sydney",
        4_126_176_000,
        "2100-10-03T01:59:59+10:00",
        "2100-10-03T03:00:00+11:00",
    ),
    (
        "Australia/Sydney",
        5_688_374_400,
        "2150-04-05T02:59:59+11:00",
        "2150-04-05T02:00:00+10:00",
    ),
    (
        "Australia/Sydney",
        5_704_099_200,
        "2150-10-04T01:59:59+10:00",
        "2150-10-04T03:00:00+11:00",
    ),
    (
        "Europe/London",
        5_687_802_000,
        "2150-03-29T00:59:59+00:00",
        "2150-03-29T02:00:00+01:00",
    ),
    (
        "Europe/London",
        5_705_946_000,
        "2150-10-25T01:59:59+01:00",
        "2150-10-25T01:00:00+00:00",
    ),
    (
        "Europe/Dublin",
        5_687_802_000,
        "2150-03-29T00:59:59+00:00",
        "2150-03-29T02:00:00+01:00",
    ),
    (
        "Europe/Dublin",
        5_705_946_000,
        "2150-10-25T01:59:59+01:00",
        "2150-10-25T01:00:00+00:00",
    ),
    (
        "America/Santiago",
        5_688_414_000,
        "2150-04-04T23:59:59-03:00",
        "2150-04-04T23:00:00-04:00",
    ),
    (
        "America/Santiago",
        5_701_723_200,
        "2150-09-05T23:59:59-04:00",
        "2150-09-06T01:00:00-03:00",
    ),
    (
        "Asia/Gaza",
        5_687_712_000,
        "2150-03-28T01:59:59+02:00",
        "2150-03-28T03:00:00+03:00",
    ),
    (
        "Asia/Gaza",
        5_705_852_400,
        "2150-10-24T01:59:59+03:00",
        "2150-10-24T01:00:00+02:00",
    ),
    (
        "Australia/Lord_Howe",
        5_688_370_800,
        "2150-04-05T01:59:59+11:00",
        "2150-04-05T01:30:00+10:30",
    ),
    (
        "Australia/Lord_Howe",
        5_704_097_400,
        "2150-10-04T01:59:59+10:30",
        "2150-10-04T02:30:00+11:00",
    ),
    (
        "Africa/Cairo",
        5_690_037_600,
        "2150-04-23T23:59:59+02:00",
        "2150-04-24T01:00:00+03:00",
    ),
    (
        "Africa/Cairo",
        5_706_363_600,
        "2150-10-29T23:59:59+03:00",
        "2150-10-29T23:00:00+02:00",
    ),
    (
        "Pacific/Chatham",
        5_688_367_200,
        "2150-04-05T03:44:59+13:45",
        "2150-04-05T02:45:00+12:45",
    ),
    (
        "Pacific/Chatham",
        5_703_487_200,
        "2150-09-27T02:44:59+12:45",
        "2150-09-27T03:45:00+13:45",
    ),
    (
        "America/Nuuk",
        5_687_802_000,
        "2150-03-28T22:59:59-02:00",
        "2150-03-29T00:00:00-01:00",
    ),
    (
        "America/Nuuk",
        5_705_946_000,
        "2150-10-24T23:59:59-01:00",
        "2150-10-24T23:00:00-02:00",
    ),
    (
        "Asia/Jerusalem",
        5_687_625_600,
        "2150-03-27T01:59:59+02:00",
        "2150-03-27T03:00:00+03:00",
    ),
    (
        "Asia/Jerusalem",
        5_705_938_800,
        "2150-10-25T01:59:59+03:00",
        "2150-10-25T01:00:00+02:00",
    ),
    (
        "America/Havana",
        5_686_002_000,
        "2150-03-07T23:59:59-05:00",
        "2150-03-08T01:00:00-04:00",
    ),
    (
        "America/Havana",
        5_706_565_200,
        "2150-11-01T00:59:59-04:00",
        "2150-11-01T00:00:00-05:00",
    ),
    (
        "Antarctica/Troll",
        5_687_802_000,
        "2150-03-29T00:59:59+00:00",
        "2150-03-29T03:00:00+02:00",
    ),
    (
        "Antarctica/Troll",
        5_705_946_000,
        "2150-10-25T02:59:59+02:00",
        "2150-10-25T01:00:00+00:00",
    ),
];

#[test]
fn after_2099_zones_follow_their_rules() {
    for (name, secs, before, change) in AFTER_2099 {
        let z = Zone::parse(name).unwrap_or(Zone::UTC);
        assert_eq!(z.format(Instant(secs * 1000 - 1000)), before, "{name}");
        assert_eq!(z.format(Instant(secs * 1000)), change, "{name}");
        // And exactly two changes that year.
        let year = before.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
        let from = cadence_engine::civil::days_from_civil(year, 1, 1) * 86_400;
        let to = cadence_engine::civil::days_from_civil(year + 1, 1, 1) * 86_400;
        let tz: Tz = name.parse().unwrap_or(Tz::UTC);
        assert_eq!(changes(tz, from, to).len(), 2, "{name} {year}");
    }
    assert_eq!(
        at("America/New_York", "2150-07-01T12:00:00"),
        "2150-07-01T12:00:00-04:00"
    );
    assert_eq!(
        at("America/New_York", "2150-12-01T12:00:00"),
        "2150-12-01T12:00:00-05:00"
    );
    // Gaps and overlaps after 2099 resolve by the same rule as before.
    assert_eq!(
        at("America/New_York", "2150-03-08T02:30:00"),
        "2150-03-08T03:30:00-04:00"
    );
    assert_eq!(
        at("America/New_York", "2150-11-01T01:30:00"),
        "2150-11-01T01:30:00-04:00"
    );
    assert_eq!(
        at("Australia/Sydney", "2150-10-04T02:15:00"),
        "2150-10-04T03:15:00+11:00"
    );
    assert_eq!(
        at("Australia/Sydney", "2150-04-05T02:30:00"),
        "2150-04-05T02:30:00+11:00"
    );
    assert_eq!(
        at("Australia/Lord_Howe", "2150-10-04T02:10:00"),
        "2150-10-04T02:40:00+11:00"
    );
    assert_eq!(
        at("Australia/Lord_Howe", "2150-04-05T01:45:00"),
        "2150-04-05T01:45:00+11:00"
    );
    // Summer in the southern hemisphere at the turn of 2100, winter after April.
    assert_eq!(
        at("Australia/Sydney", "2100-01-15T12:00:00"),
        "2100-01-15T12:00:00+11:00"
    );
    assert_eq!(
        at("Australia/Sydney", "2100-06-15T12:00:00"),
        "2100-06-15T12:00:00+10:00"
    );
    assert_eq!(
        at("America/Santiago", "2100-06-15T12:00:00"),
        "2100-06-15T12:00:00-04:00"
    );
    // Zones without daylight saving keep their offset all year, and zones whose
    // listed changes end (Morocco's are predicted to 2087) keep the last one.
    for (name, offset) in [
        ("Asia/Tehran", "+03:30"),
        ("Africa/Casablanca", "+01:00"),
        ("America/Sao_Paulo", "-03:00"),
        ("Pacific/Apia", "+13:00"),
        ("Asia/Kolkata", "+05:30"),
        ("UTC", "+00:00"),
    ] {
        for date in [
            "2150-01-15T12:00:00",
            "2150-07-15T12:00:00",
            "9999-06-15T12:00:00",
        ] {
            assert_eq!(at(name, date), format!("{date}{offset}"), "{name}");
        }
    }
    // The rules hold to the end of the range.
    assert_eq!(
        at("America/New_York", "9999-07-01T12:00:00"),
        "9999-07-01T12:00:00-04:00"
    );
    assert_eq!(
        at("Europe/London", "9999-12-31T23:59:59"),
        "9999-12-31T23:59:59+00:00"
    );
    assert_eq!(
        at("Australia/Sydney", "9999-12-31T12:00:00"),
        "9999-12-31T12:00:00+11:00"
    );
}

#[test]
fn samoa_skipped_a_day_and_lord_howe_moves_half_an_hour() {
    let apia = Zone::parse("Pacific/Apia").unwrap_or(Zone::UTC);
    // 2011-12-29T23:59:59-10:00 was followed by 2011-12-31T00:00:00+14:00.
    let change = Instant(1_325_239_200_000);
    assert_eq!(
        apia.format(Instant(change.0 - 1000)),
        "2011-12-29T23:59:59-10:00"
    );
    assert_eq!(apia.format(change), "2011-12-31T00:00:00+14:00");
    assert_eq!(
        at("Pacific/Apia", "2011-12-30T00:00:00"),
        "2011-12-31T00:00:00+14:00"
    );
    assert_eq!(
        at("Pacific/Apia", "2011-12-30T23:59:00"),
        "2011-12-31T23:59:00+14:00"
    );
    let d = NaiveDate::from_ymd_opt(2011, 12, 29).unwrap_or_default();
    assert_eq!(
        apia.format(apia.start_of_day(d.succ_opt().unwrap_or(d))),
        "2011-12-31T00:00:00+14:00"
    );
    // Lord Howe: +10:30 in winter, +11:00 in summer.
    assert_eq!(
        at("Australia/Lord_Howe", "2026-10-04T02:15:00"),
        "2026-10-04T02:45:00+11:00"
    );
    assert_eq!(
        at("Australia/Lord_Howe", "2026-04-05T01:45:00"),
        "2026-04-05T01:45:00+11:00"
    );
    let lh = Zone::parse("Australia/Lord_Howe").unwrap_or(Zone::UTC);
    let t = lh.instant(
        NaiveDateTime::parse_from_str("2026-04-05T01:45:00", "%Y-%m-%dT%H:%M:%S")
            .unwrap_or_default(),
    );
    assert_eq!(
        lh.format(Instant(t.0 + 30 * 60_000)),
        "2026-04-05T01:45:00+10:30"
    );
}

mod properties {
    use super::*;
    use cadence_engine::rfc3339;
    use proptest::prelude::*;
    use proptest::test_runner::Config;

    fn any_zone() -> impl Strategy<Value = Zone> {
        (0..TZ_VARIANTS.len()).prop_map(|i| Zone(TZ_VARIANTS.get(i).copied().unwrap_or(Tz::UTC)))
    }

    proptest! {
        #![proptest_config(Config::with_cases(2000))]

        /// Over the whole range, in every zone: an instant's wall time maps back
        /// to the earliest instant showing it; its text carries its offset and
        /// reads back to it.
        #[test]
        fn wall_time_round_trips(z in any_zone(), ms in MIN_MS..=MAX_MS) {
            let t = Instant(ms);
            let local = z.local(t);
            let back = z.instant(local);
            prop_assert!(back <= t);
            prop_assert_eq!(z.local(back), local);
            // No instant before `back` shows the same wall time: every offset the
            // zone uses around it, tried.
            for probe in [ms - 2 * 86_400_000, ms, ms + 2 * 86_400_000] {
                let o = i64::from(z.offset_at(Instant(probe.clamp(MIN_MS, MAX_MS))));
                let cand = local.and_utc().timestamp_millis() - o * 1000;
                if (MIN_MS..=MAX_MS).contains(&cand) && i64::from(z.offset_at(Instant(cand))) == o {
                    prop_assert!(cand >= back.0, "{} {local}: {cand} before {}", z.name(), back.0);
                }
            }
            let c = z.civil(t);
            prop_assert_eq!(
                (c.year, c.month, c.day, c.hour, c.minute, c.second, c.ms * 1_000_000, c.weekday),
                (local.year(), local.month(), local.day(), local.hour(), local.minute(), local.second(), local.nanosecond(), local.weekday())
            );
            let offset = z.offset_at(t);
            let text = z.format(t);
            prop_assert_eq!(
                local.and_utc().timestamp_millis() - ms,
                i64::from(offset) * 1000
            );
            if offset % 60 == 0 && !text.starts_with('+') {
                prop_assert_eq!(rfc3339::parse(&text), Some((t, offset)));
            }
        }

        /// Any wall time maps into the range, to an instant showing it or — in a
        /// gap — showing a later time, less than a day later.
        #[test]
        fn any_wall_time_resolves(z in any_zone(), secs in -62_135_596_800i64..253_402_300_800) {
            let Some(local) = chrono::DateTime::from_timestamp(secs, 0).map(|d| d.naive_utc()) else {
                return Ok(());
            };
            let t = z.instant(local);
            prop_assert!((MIN_MS..=MAX_MS).contains(&t.0));
            let shown = z.local(t);
            if shown != local && (MIN_MS + 2 * 86_400_000..MAX_MS - 2 * 86_400_000).contains(&t.0) {
                let ahead = (shown - local).num_seconds();
                prop_assert!(ahead > 0 && ahead <= 86_400, "{} {local} shows {shown}", z.name());
            }
        }
    }
}
