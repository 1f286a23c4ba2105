//! JSON text → playbook validation; a playbook that validates is then run over a
//! few fixed contacts (evaluate and plan) at a few times, so that every value a
//! playbook may hold is exercised by the engine, not only by the reader.
#![no_main]

use cadence_engine::api;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fuzz_target!(|data: &[u8]| {
    let Ok(pb) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    // The value reader (what JavaScript reaches) and the text reader agree.
    // (On raw text they differ on purpose for a repeated key: the text reader
    // rejects `{"channel": 1, "channel": 2}`, a JSON value keeps the last.)
    let text = serde_json::to_string(&pb).unwrap_or_default();
    let native = cadence_engine::Playbook::from_json(&text);
    let ok = api::validate_playbook(&pb).is_ok();
    assert_eq!(ok, native.is_ok(), "text and value readers disagree");
    if !ok {
        return;
    }
    let contacts = [
        json!({"id": "a", "addedAt": "2026-03-07T23:30:00Z", "timeZone": "America/New_York", "events": []}),
        json!({"id": "b", "addedAt": "2026-10-31T12:00:00Z", "timeZone": "Europe/London", "region": "CA", "events": [
            {"kind": "message", "at": "2026-10-31T13:00:00Z", "channel": "sms", "direction": "out"},
            {"kind": "message", "at": "2026-10-31T14:00:00Z", "channel": "sms", "direction": "in", "text": "STOP"},
            {"kind": "activity", "at": "2026-11-01T01:30:00Z", "interaction": "call", "outcome": "noAnswer"},
            {"kind": "callback", "at": "2026-11-01T02:00:00Z", "dueAt": "2026-11-03T15:00:00Z"},
            {"kind": "horizon", "at": "2026-11-01T02:00:00Z", "buyAt": "2027-05-01T00:00:00Z"}
        ]}),
        // Epoch milliseconds (numbers below 1973 read as seconds are refused).
        json!({"id": 7, "addedAt": 1_767_225_600_000_i64, "events": [
            {"kind": "dnd", "at": 1_767_225_601_000_i64, "channel": "call", "active": true},
            {"kind": "stepDone", "at": 1_767_225_602_000_i64, "step": "call-asap"},
            {"kind": "activity", "at": 1_767_225_603_000_i64, "interaction": "call", "outcome": "wrongNumber"}
        ]}),
    ];
    let nows = [
        json!("2026-03-08T07:30:00Z"),
        json!("2026-11-30T23:59:59Z"),
        json!(1_767_225_600_000_i64),
    ];
    for c in &contacts {
        for now in &nows {
            let a = api::evaluate(c, &pb, now);
            assert!(a.is_ok(), "a valid playbook failed: {a:?}");
            assert_eq!(a, api::evaluate(c, &pb, now), "not deterministic");
        }
    }
    // A plan evaluates once per touch: one contact, six weeks.
    if let Some(c) = contacts.get(1) {
        let p = api::plan(
            c,
            &pb,
            &json!("2026-10-31T12:00:00Z"),
            &json!("2026-12-12T00:00:00Z"),
        );
        assert!(p.is_ok(), "a valid playbook failed to plan: {p:?}");
    }
});
