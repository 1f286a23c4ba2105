use super::*;
use crate::civil::days_from_civil;

const SUN: u8 = 6;

/// New York's rule since 2007.
const US_EAST: Rule = Rule {
    early: Change {
        month: 3,
        day: Day::OnOrAfter {
            day: 8,
            weekday: SUN,
        },
        time: 7200,
        offset: -4 * 3600,
    },
    late: Change {
        month: 11,
        day: Day::OnOrAfter {
            day: 1,
            weekday: SUN,
        },
        time: 7200,
        offset: -5 * 3600,
    },
};

#[test]
fn days_of_a_month() {
    let date = |d: i64| crate::civil::civil_from_days(d);
    let second_sunday = Day::OnOrAfter {
        day: 8,
        weekday: SUN,
    };
    assert_eq!(date(second_sunday.days(2026, 3)), (2026, 3, 8));
    assert_eq!(date(second_sunday.days(2027, 3)), (2027, 3, 14));
    assert_eq!(
        date(Day::Last { weekday: SUN }.days(2026, 3)),
        (2026, 3, 29)
    );
    assert_eq!(
        date(Day::Last { weekday: SUN }.days(2026, 5)),
        (2026, 5, 31)
    );
    // Last Thursday of February in a leap year.
    assert_eq!(date(Day::Last { weekday: 3 }.days(2024, 2)), (2024, 2, 29));
    assert_eq!(date(Day::Fixed { day: 21 }.days(2026, 3)), (2026, 3, 21));
}

#[test]
fn a_rule_gives_its_two_changes_and_the_offsets_between() {
    // 2026-03-08T07:00:00Z and 2026-11-01T06:00:00Z.
    let [(spring, to_edt), (fall, to_est)] = US_EAST.changes(2026);
    assert_eq!((spring, to_edt), (1_772_953_200, -14_400));
    assert_eq!((fall, to_est), (1_793_512_800, -18_000));
    assert_eq!(US_EAST.offset_at(spring - 1), -18_000);
    assert_eq!(US_EAST.offset_at(spring), -14_400);
    assert_eq!(US_EAST.offset_at(fall - 1), -14_400);
    assert_eq!(US_EAST.offset_at(fall), -18_000);
    // Around the new year, on either side of the local midnight.
    let new_year = days_from_civil(2027, 1, 1) * DAY_SECS + 5 * 3600;
    for t in [new_year - 1, new_year, new_year + 1] {
        assert_eq!(US_EAST.offset_at(t), -18_000);
    }
}

/// A made-up zone whose changes come hours apart, so one wall time exists three
/// times or a gap follows an overlap: the earliest instant wins, and a wall time
/// in a gap is read with the offset three hours earlier.
#[test]
fn close_changes_resolve_to_the_earliest_instant() {
    let e = Entry {
        first: 7200,
        packed: &[],
        rule: None,
        table: OnceLock::from(Table {
            at: [100_000, 103_600, 107_200].into(),
            offset: [3600, 0, 7200].into(),
        }),
    };
    // Local 104_000 exists three times: at +2 (UTC 96_800), +1 (102_400), 0.
    assert_eq!(e.resolve(104_000), Some(7200));
    assert_eq!(e.to_utc(104_000), 96_800);
    // Local 108_000 at +1 would be UTC 104_400, outside that span; at 0 it is
    // 108_000, outside too; at +2 (the last span) 100_800, before it: a gap.
    assert_eq!(e.resolve(108_000), None);
    // Three hours earlier, 97_200 exists at +2 (UTC 90_000): read at +2.
    assert_eq!(e.to_utc(108_000), 100_800);
    assert_eq!(e.offset_at(99_999), 7200);
    assert_eq!(e.offset_at(100_000), 3600);
    assert_eq!(e.offset_at(107_200), 7200);
}

#[test]
fn every_zone_has_a_table() {
    assert!(std::ptr::eq(Entry::of(usize::MAX), &data::UTC));
    let ny = Entry::of(chrono_tz::Tz::America__New_York as usize);
    assert_eq!(ny.rule.map(|y| y.rule), Some(US_EAST));
    assert!(ny.at().windows(2).all(|w| w.first() < w.get(1)));
    assert_eq!(ny.at().len(), ny.offsets().len());
    // 2007-03-11T07:00:00Z, when New York's rule of today began, is listed.
    let k = ny.at().partition_point(|&t| t < 1_173_596_400);
    assert_eq!(ny.at().get(k), Some(&1_173_596_400));
    assert_eq!(ny.offsets().get(k), Some(&-14_400));
}

/// Packed changes: deltas of time and offset, zigzag LEB128, negative and
/// multi-byte numbers alike; a truncated number ends the list.
#[test]
fn packed_changes_unpack() {
    // +300 s to offset -3600 (from 0); then +1 s back to 0.
    let t = unpack(0, &[0xd8, 0x04, 0x9f, 0x38, 0x02, 0xa0, 0x38]);
    assert_eq!((&*t.at, &*t.offset), (&[300, 301][..], &[-3600, 0][..]));
    let t = unpack(0, &[0xd8, 0x04, 0x9f, 0x38, 0x02, 0xa0]);
    assert_eq!((&*t.at, &*t.offset), (&[300][..], &[-3600][..]));
    assert!(unpack(5, &[]).at.is_empty());
}

/// Every Windows name maps to a zone chrono-tz knows, the names are distinct in
/// any case, and the list is sorted; HubSpot's slugs read as the names.
#[test]
fn windows_names_and_slugs_map_to_iana_zones() {
    use chrono_tz::Tz;
    let mut previous = String::new();
    for (windows, iana) in pairs(WINDOWS_ZONES) {
        let key = windows.to_ascii_lowercase();
        assert!(key > previous, "{windows} out of order or repeated");
        previous = key;
        let tz: Option<Tz> = iana.parse().ok();
        assert_eq!(tz.map(|t| t.name()), Some(iana), "{windows}");
    }
    assert_eq!(pairs(WINDOWS_ZONES).count(), 139);
    let zone = |name: &str| crate::time::Zone::parse(name).map(|z| z.name());
    assert_eq!(zone("Eastern Standard Time"), Ok("America/New_York"));
    assert_eq!(zone("pacific standard time"), Ok("America/Los_Angeles"));
    assert_eq!(zone("India Standard Time"), Ok("Asia/Kolkata"));
    assert_eq!(zone("US Mountain Standard Time"), Ok("America/Phoenix"));
    // A picklist's words name the US zones.
    assert_eq!(zone("Eastern Time"), Ok("America/New_York"));
    assert_eq!(zone("pacific"), Ok("America/Los_Angeles"));
    assert!(zone("Eastern Daylight").is_err());
    // Rails' names, each a zone of the database under its own name.
    for (rails, iana) in pairs(RAILS_ZONES) {
        assert_eq!(zone(rails), Ok(iana), "{rails}");
        assert!(
            !pairs(WINDOWS_ZONES).any(|(w, _)| w.eq_ignore_ascii_case(rails)),
            "{rails}"
        );
    }
    assert_eq!(zone("eastern time (us & canada)"), Ok("America/New_York"));
    // HubSpot's slugs.
    assert_eq!(zone("america_slash_new_york"), Ok("America/New_York"));
    assert_eq!(
        zone("america_slash_port_hyphen_au_hyphen_prince"),
        Ok("America/Port-au-Prince")
    );
    assert_eq!(zone("etc_slash_gmt_plus_5"), Ok("Etc/GMT+5"));
    assert_eq!(zone("us_slash_eastern"), Ok("US/Eastern"));
    assert!(zone("america_slash_nowhere").is_err());
}
