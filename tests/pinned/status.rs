//! The status fold (docs/semantics.md, "Status fold").

use serde_json::json;

use crate::{evaluate, explain};

fn sold_and_text_at(text_at: &str) -> serde_json::Value {
    json!({
        "id": "c1",
        "timeZone": "America/New_York",
        "addedAt": "2026-11-01T12:00:00Z",
        "events": [
            {"kind": "activity", "at": "2026-11-03T14:00:00Z", "interaction": "inStore", "outcome": "sold"},
            {"kind": "message", "at": text_at, "channel": "sms", "direction": "in"}
        ]
    })
}

/// On a tie the logged outcome wins by the tie rule, sticky or not: the
/// explanation must not say a sticky status held against a *later* text when
/// the text was not later.
#[test]
fn a_text_at_the_same_time_as_a_sticky_outcome_is_not_held_off_by_stickiness() {
    let pb = json!({"name": "Sticky", "stickyStatuses": ["sold"]});
    let tie = evaluate(
        &sold_and_text_at("2026-11-03T14:00:00Z"),
        &pb,
        "2026-11-20T15:00:00Z",
    );
    assert_eq!(tie["status"], "sold");
    let lines = explain(&tie);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("status Sold from the outcome logged")),
        "{lines:?}"
    );
    assert!(!lines.iter().any(|l| l.contains("sticky")), "{lines:?}");

    // A text one minute later is held off by the sticky status, and says so.
    let later = evaluate(
        &sold_and_text_at("2026-11-03T14:01:00Z"),
        &pb,
        "2026-11-20T15:00:00Z",
    );
    assert_eq!(later["status"], "sold");
    assert!(
        explain(&later)
            .iter()
            .any(|l| l.contains("sticky: later texts do not replace it")),
        "{:?}",
        explain(&later)
    );
}
