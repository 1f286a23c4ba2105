//! Instants: the supported range and the words of a bad time (src/time.rs).

use cadence_engine::api;
use cadence_engine::time::{Instant, MAX_MS, MIN_MS};
use serde_json::json;

/// Epoch milliseconds from a JavaScript number: years 1 to 9999, both ends
/// included (the range RFC 3339 can write), nothing past them.
#[test]
fn epoch_milliseconds_from_a_number_cover_years_1_to_9999_inclusive() {
    assert_eq!(Instant::from_f64(MIN_MS as f64).ok(), Some(Instant(MIN_MS)));
    assert_eq!(Instant::from_f64(MAX_MS as f64).ok(), Some(Instant(MAX_MS)));
    assert_eq!(
        Instant::from_f64(MIN_MS as f64)
            .map(Instant::to_utc_string)
            .ok(),
        Some("0001-01-01T00:00:00+00:00".to_string())
    );
    for outside in [MIN_MS as f64 - 1.0, MAX_MS as f64 + 1.0, -1e20, 1e20] {
        let err = Instant::from_f64(outside).expect_err("outside years 1 to 9999");
        assert!(
            err.message.contains("must lie within years 1 to 9999"),
            "{outside}: {err}"
        );
    }
    // A fraction of a millisecond is dropped toward the past, never rounded
    // into the next millisecond.
    assert_eq!(Instant::from_f64(1500.9).ok(), Some(Instant(1500)));
}

/// A time that is not one is refused with the text quoted back, as a person
/// typed it; a long text is cut to its first 60 characters and an ellipsis.
#[test]
fn a_bad_time_is_quoted_back_and_a_long_one_is_cut() {
    let err = Instant::parse("yesterday").expect_err("not a time");
    assert_eq!(
        err.message,
        "expected an RFC 3339 time with offset or epoch milliseconds, got \"yesterday\""
    );
    let long = "x".repeat(61);
    let err = Instant::parse(&long).expect_err("not a time");
    assert!(
        err.message
            .ends_with(&format!("got \"{}…\"", "x".repeat(60))),
        "{}",
        err.message
    );
    let sixty = "y".repeat(60);
    let err = Instant::parse(&sixty).expect_err("not a time");
    assert!(
        err.message.ends_with(&format!("got \"{sixty}\"")),
        "{}",
        err.message
    );
}

/// A time field given a value of the wrong kind says what a time is: in a
/// queue item, and where a time is read by serde (`Instant`'s own reader).
#[test]
fn a_time_field_given_a_list_says_what_a_time_is() {
    let err = api::plan_queue(
        &json!([{"id": "a", "dueAt": [2026, 11, 2]}]),
        &json!({"capacityPerDay": 1}),
    )
    .expect_err("a list is no time");
    let text = err.to_string();
    assert!(text.starts_with("items[0].dueAt"), "{text}");
    assert!(
        text.contains("an RFC 3339 time with an offset, a local date-time (read in options.timeZone) or epoch milliseconds, got an array"),
        "{text}"
    );
    let err = serde_json::from_value::<Instant>(json!([2026, 11, 2]))
        .expect_err("a list is no time")
        .to_string();
    assert!(
        err.contains("an RFC 3339 time with offset or epoch milliseconds"),
        "{err}"
    );
}
