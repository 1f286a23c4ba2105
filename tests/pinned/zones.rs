//! Offset spans (src/zones/mod.rs): `Entry::offset_span(t)` is the offset at
//! `t` and the UTC seconds `[from, until)` over which it holds. The zone layer
//! remembers a span to answer later times inside it without a search, so a span
//! that does not hold `t`, or claims seconds of another offset, would give
//! wrong local times.

use cadence_engine::zones::Entry;
use chrono_tz::Tz;

const ZONES: [Tz; 7] = [
    Tz::America__New_York,
    Tz::Europe__London,
    Tz::Australia__Sydney,
    Tz::America__Santiago,
    Tz::Australia__Lord_Howe,
    Tz::Pacific__Apia,
    Tz::Asia__Tokyo,
];

/// Every 5 days over 2095..2105 (the table's last years and the annual rule
/// after them) and over 1960..1962, at a time of day that moves.
fn instants() -> impl Iterator<Item = i64> {
    let day = 86_400;
    let y1960 = -315_619_200;
    let y2095 = 3_944_678_400;
    (0..(3 * 365 / 5))
        .map(move |k| y1960 + k * 5 * day + k * 3_607 % day)
        .chain((0..(10 * 365 / 5)).map(move |k| y2095 + k * 5 * day + k * 3_607 % day))
}

#[test]
fn an_offset_span_holds_its_instant_and_only_its_offset() {
    for tz in ZONES {
        let e = Entry::of(tz as usize);
        for t in instants() {
            let (o, from, until) = e.offset_span(t);
            assert!(
                from <= t && t < until,
                "{tz}: {t} outside [{from}, {until})"
            );
            assert_eq!(o, e.offset_at(t), "{tz} at {t}");
            for s in [from, until - 1, from / 2 + until / 2] {
                if s != i64::MIN && s != i64::MAX - 1 && (s - t).abs() < 400 * 86_400 {
                    assert_eq!(e.offset_at(s), o, "{tz}: span [{from}, {until}) at {s}");
                }
            }
            // After 2100 every change of the rule changes the offset: a span
            // ends where another offset begins.
            if t > 4_102_444_800 && from != i64::MIN && until != i64::MAX {
                assert_ne!(e.offset_at(from - 1), o, "{tz}: span starts late at {from}");
                assert_ne!(e.offset_at(until), o, "{tz}: span ends early at {until}");
            }
        }
    }
}
