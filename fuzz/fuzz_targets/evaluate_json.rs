//! JSON text → `{contact, playbook, now, until, channel, at, contacts}` →
//! evaluate, evaluateMany, plan and checkChannel, through the JS contract in
//! `api.rs`. Whatever the input, no call may panic, and evaluate must be
//! deterministic. The tape that carries results to a host (and the input,
//! as any JSON value) reads as the value itself.
#![no_main]

use cadence_engine::api;
use cadence_engine::tape::{as_host, Tape};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fn field(doc: &Value, key: &str) -> Value {
    doc.get(key).cloned().unwrap_or(Value::Null)
}

fn playbook(doc: &Value) -> Value {
    match doc.get("playbook") {
        Some(Value::String(name)) => api::preset(name).unwrap_or(Value::Null),
        Some(v) => v.clone(),
        None => Value::Null,
    }
}

/// The tape of `v` reads as `v`, as a host holds it.
fn taped(v: &Value) {
    let read = Tape::of(v).ok().and_then(|t| t.to_value());
    assert_eq!(
        read,
        Some(as_host(v.clone())),
        "the tape of a value reads as the value"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let pb = playbook(&doc);
    let contact = field(&doc, "contact");
    let now = field(&doc, "now");
    let first = api::evaluate(&contact, &pb, &now);
    let second = api::evaluate(&contact, &pb, &now);
    assert_eq!(first, second, "evaluate is not deterministic");
    taped(&doc);
    if let Ok(v) = &first {
        taped(v);
    }
    let _ = api::plan(&contact, &pb, &now, &field(&doc, "until"));
    let at = doc.get("at").cloned().unwrap_or_else(|| now.clone());
    let _ = api::check_channel(&contact, &field(&doc, "channel"), &at, &pb);
    let contacts = match doc.get("contacts") {
        Some(v) => v.clone(),
        None => Value::Array(vec![contact, Value::Null]),
    };
    if let Ok(Value::Array(out)) = api::evaluate_many(&contacts, &pb, &now) {
        assert_eq!(
            Some(out.len()),
            contacts.as_array().map(Vec::len),
            "evaluateMany must give one result per contact"
        );
    }
});
