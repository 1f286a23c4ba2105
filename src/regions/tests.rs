use super::*;
use crate::time::{Instant, Zone, DAY, HOUR, MINUTE};

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
    let spaced = Region::parse(" US-TX").err().unwrap_or_default();
    assert!(spaced.contains("no spaces"), "{spaced}");
    // Any letter case: the codes differ by more than case.
    assert_eq!(Region::parse("us-tx"), Region::parse("US-TX"));
    assert_eq!(Region::parse("Ca-oN").map(Region::code), Ok("CA-ON"));
    assert_eq!(Region::parse("us").map(Region::code), Ok("US"));
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
    assert_eq!(
        al.banned(date(2026, 11, 29)),
        Some("Sunday (Ala. Admin. Code r. 770-X-5-.17; Ala. Code § 1-3-8)")
    );
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
    assert_eq!(
        r("US-MS").banned(date(2026, 12, 27)),
        Some("Sunday (Miss. Code Ann. § 77-3-723(1))")
    );
    assert_eq!(r("US").banned(date(2026, 12, 25)), None);
}

#[test]
fn banned_weekdays_have_no_window() {
    let ny = Zone::parse("America/New_York").unwrap_or(Zone::UTC);
    for region in Region::all() {
        let w = region.window();
        for day in 0..7 {
            let d = date(2026, 11, 2 + day);
            if region.banned(d).is_some_and(|w| w.starts_with("Sunday (")) {
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

/// A bare state or province code is an error that names its full code (never
/// read as it: "CA" is Canada); a contact's record may give the region's name.
#[test]
fn bare_codes_get_a_hint_and_records_may_give_names() {
    for (bare, full) in [("TX", "US-TX"), ("on", "CA-ON"), ("Pr", "US-PR")] {
        let e = Region::parse(bare).err().unwrap_or_default();
        assert!(e.ends_with(&format!("(did you mean {full:?}?)")), "{e}");
        assert!(Region::parse_record(bare).is_err(), "{bare}");
    }
    assert!(!Region::parse("XX")
        .err()
        .unwrap_or_default()
        .contains("did you mean"));
    assert_eq!(Region::parse("CA").map(Region::code), Ok("CA"));
    for (name, code) in [
        ("Texas", "US-TX"),
        (" british columbia ", "CA-BC"),
        ("Québec", "CA-QC"),
        ("QUEBEC", "CA-QC"),
        ("District of Columbia", "US-DC"),
        ("U.S. Virgin Islands", "US-VI"),
        ("United States", "US"),
        ("usa", "US"),
        ("Canada", "CA"),
        ("us-tx", "US-TX"),
        ("Washington State", "US-WA"),
        ("Virgin Islands, U.S.", "US-VI"),
        ("US Virgin Islands", "US-VI"),
        ("Yukon Territory", "CA-YT"),
        ("Colombie-Britannique", "CA-BC"),
        ("Nouvelle-Écosse", "CA-NS"),
        ("Nouveau-Brunswick", "CA-NB"),
        ("Terre-Neuve-et-Labrador", "CA-NL"),
        ("Île-du-Prince-Édouard", "CA-PE"),
        ("Territoires du Nord-Ouest", "CA-NT"),
        ("Newfoundland & Labrador", "CA-NL"),
        ("Hawaiʻi", "US-HI"),
        ("Washington, D.C.", "US-DC"),
        ("Calif.", "US-CA"),
        ("Calif", "US-CA"),
        ("N.Y.", "US-NY"),
        ("N. Y.", "US-NY"),
        ("W. Va.", "US-WV"),
        ("N.Mex.", "US-NM"),
        ("Ga.", "US-GA"),
        ("La.", "US-LA"),
        ("Penna.", "US-PA"),
        ("Tex", "US-TX"),
        ("B.C.", "CA-BC"),
        ("N.W.T", "CA-NT"),
        ("Ont.", "CA-ON"),
        ("Que.", "CA-QC"),
        ("Qué.", "CA-QC"),
        ("P.Q.", "CA-QC"),
        ("Nfld.", "CA-NL"),
        ("Alta.", "CA-AB"),
        ("Sask.", "CA-SK"),
        ("U.S.", "US"),
    ] {
        assert_eq!(
            Region::parse_record(name).map(Region::code),
            Ok(code),
            "{name}"
        );
    }
    // Playbooks take codes only.
    assert!(Region::parse("Texas").is_err());
    // Two letters without dots are a bare code, never an abbreviation.
    for bad in ["United", "", "NY", "ga", "N/A", "N.A.", "Texa", "Col."] {
        assert!(Region::parse_record(bad).is_err(), "{bad}");
    }
}

/// The data file as people keep it (build.rs compiles in its rows without the
/// description, the notes and the addresses): every row has its notes and
/// every citation its address, and the whole file resolves to the rows build.rs compiles in.
#[test]
fn the_data_file_keeps_its_sources_and_reads_as_the_rows_compiled_in() {
    let whole = include_str!("regions.json");
    let file: serde_json::Value = serde_json::from_str(whole).unwrap_or_default();
    let text = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).unwrap_or("").to_string();
    assert!(!text(file.get("description")).is_empty());
    let rows = file
        .get("regions")
        .and_then(|r| r.as_array())
        .cloned()
        .unwrap_or_default();
    for row in &rows {
        let code = text(row.get("code"));
        assert!(
            row.get("notes").is_some_and(|n| n.is_string()),
            "{code}: notes"
        );
        let cites = row
            .get("cite")
            .and_then(|c| c.as_array())
            .cloned()
            .unwrap_or_default();
        assert!(!cites.is_empty(), "{code}: cite");
        for cite in &cites {
            let url = text(cite.get("url"));
            assert!(
                url.starts_with("https://") || url.starts_with("http://"),
                "{code}: {url:?}"
            );
        }
    }
    let (a, b) = (
        load(whole).unwrap_or_default(),
        rows_of(RAW).unwrap_or_default(),
    );
    assert_eq!(a.len(), 71);
    assert_eq!((a.len(), b.len()), (rows.len(), rows.len()));
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(
            (
                &x.code,
                &x.name,
                &x.citation,
                &x.weekdays,
                x.covers_texts,
                &x.caps,
                &x.holidays,
                &x.window.blocks,
                x.zones
            ),
            (
                &y.code,
                &y.name,
                &y.citation,
                &y.weekdays,
                y.covers_texts,
                &y.caps,
                &y.holidays,
                &y.window.blocks,
                y.zones
            )
        );
    }
}
