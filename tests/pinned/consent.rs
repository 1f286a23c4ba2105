//! Consent (docs/consent.md): what a DND event changes, and says.

use serde_json::json;

use crate::{evaluate, explain};

/// A DND already on is not switched on again by a second DND event: the first
/// event is the one that counts, and the explanation names it once.
#[test]
fn a_second_dnd_on_the_same_channel_is_not_a_new_rule() {
    let contact = json!({
        "id": "c1",
        "timeZone": "America/New_York",
        "addedAt": "2026-11-01T12:00:00Z",
        "events": [
            {"kind": "dnd", "at": "2026-11-02T14:00:00Z", "channel": "sms", "active": true, "source": "manual"},
            {"kind": "dnd", "at": "2026-11-03T14:00:00Z", "channel": "sms", "active": true, "source": "manual"}
        ]
    });
    let eval = evaluate(&contact, &json!({"name": "p"}), "2026-11-04T15:00:00Z");
    assert_eq!(eval["channels"]["sms"]["allowed"], false);
    let lines = explain(&eval);
    let dnd: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains("DND on texts"))
        .collect();
    assert_eq!(dnd.len(), 1, "{lines:?}");
    assert!(
        dnd[0].contains("Nov 2") || dnd[0].contains("2026-11-02"),
        "{lines:?}"
    );
}
