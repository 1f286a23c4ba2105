//! The RFC 3339 writer and reader against chrono, which they replace: the same
//! text for every instant and offset, the same verdict and value for every string.

use cadence_engine::civil::Civil;
use cadence_engine::rfc3339;
use cadence_engine::time::{Instant, MAX_MS, MIN_MS};
use proptest::prelude::*;
use proptest::test_runner::Config;

mod chrono_reference;

use chrono_reference::{format_at as chrono_text, local_ms as chrono_local, parse as chrono_parse};

fn ours(ms: i64, offset: i32) -> String {
    let mut s = String::new();
    rfc3339::write(&mut s, Instant(ms), offset);
    s
}

/// The wall date and minute as `rfc3339::write_minute` writes them.
fn minute(ms: i64, offset: i32) -> String {
    let mut s = String::new();
    rfc3339::write_minute(&mut s, &Civil::of(Instant(ms), offset));
    s
}

/// The same from chrono's fields (a year past 9999 in full, unsigned).
fn chrono_minute(ms: i64, offset: i32) -> String {
    use chrono::{Datelike, Timelike};
    let l = cadence_engine::civil::naive_local(Instant(ms), offset);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        l.year(),
        l.month(),
        l.day(),
        l.hour(),
        l.minute()
    )
}

#[test]
fn writes_the_minute_at_the_edges() {
    for (ms, offset) in [
        (MIN_MS, -86_399),
        (MIN_MS, 0),
        (MAX_MS, 0),
        (MAX_MS, 86_399),
        (0, 0),
    ] {
        assert_eq!(
            minute(ms, offset),
            chrono_minute(ms, offset),
            "{ms} {offset}"
        );
    }
    assert_eq!(minute(MAX_MS, 86_399), "10000-01-01 23:59");
}

#[test]
fn writes_as_chrono_at_the_edges() {
    for ms in [MIN_MS, MIN_MS + 1, -1, 0, 1, 999, 1000, MAX_MS - 1, MAX_MS] {
        for offset in [
            -86_399, -50_400, -17_762, -3600, -29, -1, 0, 1, 29, 30, 3600, 20_700, 50_400, 86_399,
        ] {
            assert_eq!(
                Some(ours(ms, offset)),
                chrono_text(ms, offset),
                "{ms} at {offset}"
            );
        }
    }
    assert_eq!(ours(0, 0), "1970-01-01T00:00:00+00:00");
    assert_eq!(ours(MAX_MS, 14 * 3600), "+10000-01-01T13:59:59.999+14:00");
    assert_eq!(ours(MIN_MS, -11 * 3600), "0000-12-31T13:00:00-11:00");
}

#[test]
fn reads_as_chrono_on_chosen_cases() {
    let cases = [
        "2026-11-02T09:00:00-05:00",
        "2026-11-02t09:00:00z",
        "2026-11-02 09:00:00Z",
        "  2026-11-02T09:00:00Z\n",
        "2026-11-02T09:00:00.1Z",
        "2026-11-02T09:00:00.123456789123Z",
        "2026-11-02T09:00:00.Z",
        "2026-11-02T09:00:00Z ",
        "2026-11-02T09:00:00+0500",
        "2026-11-02T09:00:00+05",
        "2026-11-02T15:00:00.000+0000",
        "2026-11-02 15:00:00-05",
        "2026-11-02T15:00Z",
        "2026-11-02T15:00+05:30",
        "2026-11-02T15:00:00\u{2212}0530",
        "2026-11-02T15:00:00+05:3",
        "2026-11-02T15:00:00+053",
        "2026-11-02T15:00:00+5",
        "2026-11-02T15:00:00+",
        "2026-11-02T15:00:00-",
        "2026-11-02T15:00:00\u{2212}",
        "2026-11-02T15:00:00+Z",
        "2026-11-02T15:00:00+2400",
        "2026-11-02T15:00.5Z",
        "2026-11-02T15:00",
        "2026-11-02T09:00:00+05:60",
        "2026-11-02T09:00:00+24:00",
        "2026-11-02T09:00:00+23:59",
        "2026-11-02T09:00:00\u{2212}05:00",
        "2026-11-02T09:00:60Z",
        "2026-11-02T09:00:60.999Z",
        "2026-11-02T09:00:61Z",
        "2026-11-02T24:00:00Z",
        "2026-02-29T00:00:00Z",
        "2028-02-29T00:00:00Z",
        "2000-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "0000-12-31T23:00:00-01:00",
        "0000-12-31T23:00:00Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999Z",
        "9999-12-31T23:59:59.999-00:01",
        "10000-01-01T00:00:00Z",
        "2026-1-02T09:00:00Z",
        "2026-11-02T09:00:00",
        "2026-11-02X09:00:00Z",
        "２026-11-02T09:00:00Z",
        "2026-11-02T09:00:00ZZ",
        "2026-11-02T09:00:00+05:00:00",
        "",
        "yesterday",
    ];
    for text in cases {
        assert_eq!(rfc3339::parse(text), chrono_parse(text), "{text:?}");
    }
    // ISO 8601's other forms, as CRMs and databases write them, and their
    // RFC 3339 twins.
    for (iso, twin) in [
        (
            "2026-11-02T15:00:00.000+0000",
            "2026-11-02T15:00:00.000+00:00",
        ),
        ("2026-11-02 15:00:00-05", "2026-11-02T15:00:00-05:00"),
        ("2026-11-02T15:00:00-0330", "2026-11-02T15:00:00-03:30"),
    ] {
        let (at, offset) = rfc3339::parse(twin).unwrap_or((Instant(0), 1));
        assert_eq!(rfc3339::parse(iso), Some((at, offset)), "{iso:?}");
        assert_ne!(offset, 1, "{twin:?}");
    }
}

/// Strings shaped like RFC 3339 times with every part varied, valid or not
/// (about half are valid).
fn near_rfc3339() -> impl Strategy<Value = String> {
    // Two digits, mostly within `lo..hi`, sometimes anywhere in 00..=99.
    let num = |lo: u32, hi: u32| {
        prop_oneof![12 => lo..hi, 1 => 0u32..100].prop_map(|v| format!("{v:02}"))
    };
    let year = prop_oneof![
        12 => (0u32..10_000).prop_map(|y| format!("{y:04}")),
        1 => Just("10000".to_string()),
        1 => Just("999".to_string()),
    ];
    let sep = prop_oneof![8 => Just("T"), 1 => Just("t"), 1 => Just(" "), 1 => Just("_")];
    let frac = prop_oneof![
        6 => Just(String::new()),
        4 => proptest::collection::vec(0u8..10, 1..13).prop_map(|d| {
            format!(".{}", d.iter().map(|x| char::from(b'0' + x)).collect::<String>())
        }),
        1 => Just(".".to_string()),
        1 => Just(",5".to_string()),
    ];
    let sign = prop_oneof![6 => Just("+"), 6 => Just("-"), 1 => Just("\u{2212}"), 1 => Just("~")];
    let colon = prop_oneof![12 => Just(":"), 1 => Just(""), 1 => Just("-")];
    let offset = prop_oneof![
        3 => Just("Z".to_string()),
        1 => Just("z".to_string()),
        12 => (sign, num(0, 24), colon, num(0, 60)).prop_map(|(s, h, c, m)| format!("{s}{h}{c}{m}")),
        1 => (prop_oneof![Just("+"), Just("-")], num(0, 24)).prop_map(|(s, h)| format!("{s}{h}")),
        1 => Just(String::new()),
        1 => Just("UTC".to_string()),
    ];
    let pad = prop_oneof![12 => Just(""), 1 => Just(" "), 1 => Just("\t\n"), 1 => Just("\u{3000}")];
    (
        (pad.clone(), year, num(1, 13), num(1, 32), sep),
        (num(0, 24), num(0, 60), num(0, 61), frac, offset, pad),
    )
        .prop_map(|((p0, y, mo, d, s), (h, mi, sec, f, o, p1))| {
            format!("{p0}{y}-{mo}-{d}{s}{h}:{mi}:{sec}{f}{o}{p1}")
        })
}

/// Text shaped like a local date-time (digits where digits go, any value).
fn near_local() -> impl Strategy<Value = String> {
    let num = |lo: u32, hi: u32| {
        prop_oneof![12 => lo..hi, 1 => 0u32..100].prop_map(|v| format!("{v:02}"))
    };
    let year = (0u32..10_000).prop_map(|y| format!("{y:04}"));
    let sep = prop_oneof![8 => Just("T"), 1 => Just("t"), 2 => Just(" ")];
    let frac = prop_oneof![
        3 => Just(String::new()),
        4 => proptest::collection::vec(0u8..10, 1..10).prop_map(|d| {
            format!(".{}", d.iter().map(|x| char::from(b'0' + x)).collect::<String>())
        }),
    ];
    let clock = prop_oneof![
        1 => Just(String::new()),
        2 => (sep.clone(), num(0, 24), num(0, 60)).prop_map(|(s, h, m)| format!("{s}{h}:{m}")),
        4 => (sep, num(0, 24), num(0, 60), num(0, 61), frac)
            .prop_map(|(s, h, m, sec, f)| format!("{s}{h}:{m}:{sec}{f}")),
    ];
    (year, num(1, 13), num(1, 32), clock).prop_map(|(y, mo, d, c)| format!("{y}-{mo}-{d}{c}"))
}

fn local_ms(text: &str) -> Option<i64> {
    rfc3339::local(text).map(|t| t.and_utc().timestamp_millis())
}

/// The local date-times of CRM exports: the forms the contact reader takes,
/// and what it refuses (chrono's `%`-formats also skipped spaces before a
/// number; the forms are digits in place, nothing else).
#[test]
fn reads_local_date_times() {
    let at = |s: &str| local_ms(s).map(|ms| ours(ms, 0));
    assert_eq!(
        at("2026-11-02").as_deref(),
        Some("2026-11-02T00:00:00+00:00")
    );
    assert_eq!(
        at("2026-11-02 09:30").as_deref(),
        Some("2026-11-02T09:30:00+00:00")
    );
    assert_eq!(
        at("2026-11-02t09:30:15").as_deref(),
        Some("2026-11-02T09:30:15+00:00")
    );
    assert_eq!(
        at("2026-11-02T09:30:15.5").as_deref(),
        Some("2026-11-02T09:30:15.500+00:00")
    );
    assert_eq!(
        at("2026-11-02T09:30:15.123456789").as_deref(),
        Some("2026-11-02T09:30:15.123+00:00")
    );
    assert_eq!(
        at("2026-12-31T23:59:60").as_deref(),
        Some("2027-01-01T00:00:00+00:00")
    );
    assert_eq!(
        at("2028-02-29").as_deref(),
        Some("2028-02-29T00:00:00+00:00")
    );
    for bad in [
        "",
        "2026-11-2",
        "2026-11-02T",
        "2026-11-02T9:30",
        "2026-11-02T09:3",
        "2026-11-02 09:30:1",
        "2026-11-02T09:30:15.",
        "2026-11-02T09:30:15,5",
        "2026-11-02T24:00",
        "2026-11-02T09:60",
        "2026-11-02T09:30:61",
        "2027-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-11-02T 9:30",
        "2026-11- 2",
        " 2026-11-02",
        "2026/11/02",
        "2026-11-02_09:30",
        "2026-11-02T09:30Z",
        "2026-11-02T09:30:15.5x",
        "2026-11-02T09:30:15.5 ",
        "２０２６-11-02",
    ] {
        assert_eq!(local_ms(bad), None, "{bad:?}");
    }
    assert_eq!(
        rfc3339::date("2026-11-02")
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-11-02")
    );
    for bad in [
        "2026-11-2",
        "2026-11-022",
        "+2026-11-02",
        "2026-02-30",
        " 2026-11-02",
    ] {
        assert_eq!(rfc3339::date(bad), None, "{bad:?}");
    }
}

/// A valid time with one byte changed, dropped or doubled.
fn mutated() -> impl Strategy<Value = String> {
    let base = (MIN_MS..=MAX_MS, -1439i32..1440).prop_map(|(ms, m)| ours(ms, m * 60));
    let byte = prop_oneof![
        Just(b'0'),
        Just(b'9'),
        Just(b'-'),
        Just(b':'),
        Just(b'.'),
        Just(b'T'),
        Just(b'Z'),
        Just(b'+'),
        Just(b' '),
        Just(b'x'),
        Just(b'6'),
    ];
    (base, any::<prop::sample::Index>(), byte, 0u8..3).prop_map(|(s, i, b, how)| {
        let mut bytes = s.into_bytes();
        let at = i.index(bytes.len());
        match how {
            0 => {
                if let Some(x) = bytes.get_mut(at) {
                    *x = b;
                }
            }
            1 => {
                bytes.remove(at);
            }
            _ => bytes.insert(at, b),
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

proptest! {
    #![proptest_config(Config::with_cases(4000))]

    #[test]
    fn writes_as_chrono(ms in MIN_MS..=MAX_MS, offset in -86_399i32..86_400) {
        prop_assert_eq!(Some(ours(ms, offset)), chrono_text(ms, offset));
    }

    #[test]
    fn writes_the_minute_as_chrono(ms in MIN_MS..=MAX_MS, offset in -86_399i32..86_400) {
        prop_assert_eq!(minute(ms, offset), chrono_minute(ms, offset));
    }

    #[test]
    fn reads_shaped_text_as_chrono(text in near_rfc3339()) {
        prop_assert_eq!(rfc3339::parse(&text), chrono_parse(&text), "{:?}", text);
    }

    #[test]
    fn reads_mutated_text_as_chrono(text in mutated()) {
        prop_assert_eq!(rfc3339::parse(&text), chrono_parse(&text), "{:?}", text);
    }

    #[test]
    fn reads_local_date_times_as_chrono(text in near_local()) {
        prop_assert_eq!(local_ms(&text), chrono_local(&text), "{:?}", text);
    }

    #[test]
    fn reads_any_text_as_chrono(text in "[0-9T:Z.+ -]{0,32}|\\PC{0,32}") {
        prop_assert_eq!(rfc3339::parse(&text), chrono_parse(&text), "{:?}", text);
    }

    /// ISO 8601's other forms, as databases and Ruby write a time (a space
    /// before the offset, `±HHMM`, `UTC`/`GMT` for `Z`, a time to the minute),
    /// read as the RFC 3339 text of the same instant and offset.
    #[test]
    fn reads_database_forms_as_their_rfc3339_twin(
        ms in MIN_MS..=MAX_MS - 86_400_000,
        minutes in -1439i32..1440,
        form in 0usize..4,
        whole_minute in any::<bool>(),
    ) {
        let ms = if whole_minute { ms - ms.rem_euclid(60_000) } else { ms };
        let rfc = ours(ms, minutes * 60);
        prop_assume!(!rfc.starts_with('+') && rfc.len() >= 25);
        let (clock, offset) = rfc.split_at(rfc.len() - 6);
        let clock = clock.replacen('T', " ", usize::from(form % 2 == 0));
        let text = match form {
            // `2026-11-01 10:00:00.123 -0500`
            0 | 1 => format!("{clock} {}", offset.replace(':', "")),
            // `2026-11-01T15:00:00.123 UTC` for the same instant.
            _ => {
                let utc = ours(ms, 0);
                let head = utc.strip_suffix('Z').or_else(|| utc.strip_suffix("+00:00"));
                format!("{} {}", head.unwrap_or(&utc), if form == 2 { "UTC" } else { "gmt" })
            }
        };
        let want = match form {
            0 | 1 => rfc3339::parse(&rfc),
            _ => rfc3339::parse(&ours(ms, 0)),
        };
        prop_assert!(want.is_some(), "{:?}", rfc);
        prop_assert_eq!(rfc3339::parse_iso(&text), want, "{:?}", text);
        // To the minute, when that is all there is.
        if let (true, Some(minute)) = (whole_minute, rfc.get(..16)) {
            let text = format!("{minute}{offset}");
            prop_assert_eq!(rfc3339::parse_iso(&text), rfc3339::parse(&rfc), "{:?}", text);
        }
    }

    #[test]
    fn reads_any_text_in_range_or_not_at_all(text in "[0-9T:Z.+ -]{0,32}|[0-9: UTCGMZ+-]{10,30}|\\PC{0,32}") {
        if let Some((t, offset)) = rfc3339::parse_iso(&text) {
            prop_assert!((MIN_MS..=MAX_MS).contains(&t.0) && offset.abs() < 86_400, "{:?}", text);
        }
    }

    /// What is written reads back to the same instant and offset.
    #[test]
    fn round_trips(ms in MIN_MS..=MAX_MS, minutes in -1439i32..1440) {
        let text = ours(ms, minutes * 60);
        let back = rfc3339::parse(&text);
        // Year 10000 (at the end of the range, with a positive offset) is
        // written with its sign, as chrono does, and is not RFC 3339.
        let want = if text.starts_with('+') { None } else { Some((Instant(ms), minutes * 60)) };
        prop_assert_eq!(back, want);
    }
}
