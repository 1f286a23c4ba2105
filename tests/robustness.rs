//! Regression cases found by fuzzing and hostile inputs, run by plain
//! `cargo test`.
//!
//! Each `tests/regressions/*.json` file is one case:
//! `{description, op, ...arguments, expect? | error?, ignore?}` with the ops and
//! arguments of the golden cases (`evaluate`, `plan`, `checkChannel`,
//! `evaluateMany`, `classifyReply`, `planQueue`, `validatePlaybook`). Every case
//! must answer without a panic; with `error` the answer must be an error whose
//! message contains it, with `expect` a value that contains it. A case with
//! `ignore` (the reason) is still run for panics, but its answer is not checked
//! until the engine is fixed. An `evaluate` case may list `sameAt` times: the
//! evaluation at each one before `valid_until` must equal the one at `now`.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

mod cases_runner;

use cadence_engine::api;
use cases_runner::{playbook_of, run};
use serde_json::{json, Value};

/// Every key of `want` is in `got` with an equal value (objects recursively).
fn contains(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w
            .iter()
            .all(|(k, v)| g.get(k).is_some_and(|gv| contains(v, gv))),
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (w, g) => w == g,
    }
}

/// `sameAt`: for each listed time `t2` before the evaluation's `valid_until`,
/// the evaluation at `t2` must serialise equal to the one at `now` (what the
/// resident worklist relies on to skip re-evaluating). Returns the failures.
fn same_at(case: &Value) -> Vec<String> {
    let Some(times) = case.get("sameAt").and_then(Value::as_array) else {
        return Vec::new();
    };
    let g = |k: &str| case.get(k).cloned().unwrap_or(Value::Null);
    let read = || -> Result<_, cadence_engine::Error> {
        let pb = api::playbook(&playbook_of(case), "playbook")?;
        let c = cadence_engine::input::contact_from(&g("contact"))?;
        let now = api::time(&g("now"), "now")?;
        Ok((pb, c, now))
    };
    let (pb, c, now) = match read() {
        Ok(v) => v,
        Err(e) => return vec![format!("sameAt: {e}")],
    };
    let ser = |e: &cadence_engine::Evaluation| serde_json::to_value(e).unwrap_or(Value::Null);
    let first = cadence_engine::evaluate(&c, &pb, now);
    let mut out = Vec::new();
    for t in times {
        let Ok(t2) = api::time(t, "sameAt") else {
            out.push(format!("sameAt: bad time {t}"));
            continue;
        };
        if t2 >= now && t2.ms() < first.valid_until_ms() {
            let later = cadence_engine::evaluate(&c, &pb, t2);
            if ser(&first) != ser(&later) {
                out.push(format!(
                    "evaluation at {} differs from the one at now, before valid_until {}",
                    t2.to_utc_string(),
                    cadence_engine::Instant(first.valid_until_ms()).to_utc_string()
                ));
            }
        }
    }
    out
}

fn check(name: &str, case: &Value) -> Option<String> {
    let answer = match catch_unwind(AssertUnwindSafe(|| (run(case), same_at(case)))) {
        Ok(a) => a,
        Err(_) => return Some(format!("{name}: panicked")),
    };
    if let Some(reason) = case.get("ignore").and_then(Value::as_str) {
        println!("{name}: answer not checked ({reason})");
        return None;
    }
    let (answer, stale) = answer;
    if !stale.is_empty() {
        return Some(format!("{name}: {}", stale.join("; ")));
    }
    match (answer, case.get("error"), case.get("expect")) {
        (Err(e), Some(Value::String(want)), _) if e.to_string().contains(want.as_str()) => None,
        (Err(e), Some(want), _) => Some(format!("{name}: expected error {want}, got {e}")),
        (Ok(v), Some(want), _) => Some(format!("{name}: expected error {want}, got {v}")),
        (Ok(v), None, Some(want)) if !contains(want, &v) => {
            Some(format!("{name}: expected {want}, got {v}"))
        }
        (Err(e), None, _) => Some(format!("{name}: unexpected error {e}")),
        _ => None,
    }
}

#[test]
fn regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let mut failures = Vec::new();
    for file in &files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let case: Value = match fs::read_to_string(file)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{name}: unreadable: {e}"));
                continue;
            }
        };
        failures.extend(check(&name, &case));
    }
    println!("{} regression cases", files.len());
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn contact_at(added: Value, events: Value) -> Value {
    json!({"id": "c", "addedAt": added, "timeZone": "Pacific/Kiritimati", "events": events})
}

/// The ends of the supported range: years 1 and 9999 are accepted and answer
/// without a panic whichever playbook runs; years 0 and 10000, and epoch
/// milliseconds past them, are errors naming the field.
#[test]
fn ends_of_time() {
    let first = "0001-01-01T00:00:00Z";
    let last = "9999-12-31T23:59:59.999Z";
    for name in ["monthly-campaign", "call-ladder", "sequence"] {
        let pb = api::preset(name).unwrap_or(Value::Null);
        for (added, now) in [(first, first), (first, last), (last, last), (last, first)] {
            let events = json!([
                {"kind": "message", "at": added, "channel": "sms", "direction": "in", "text": "STOP"},
                {"kind": "callback", "at": added, "dueAt": last},
                {"kind": "horizon", "at": added, "buyAt": last},
                {"kind": "activity", "at": now, "interaction": "call", "outcome": "noAnswer"}
            ]);
            let c = contact_at(json!(added), events);
            let r = catch_unwind(AssertUnwindSafe(|| {
                (
                    api::evaluate(&c, &pb, &json!(now)),
                    // A month of plan (a plan stops at 500 touches; a longer
                    // one only makes this test slow in debug builds).
                    api::plan(
                        &c,
                        &pb,
                        &json!(now),
                        &json!(if now == first {
                            "0001-02-01T00:00:00Z"
                        } else {
                            last
                        }),
                    ),
                    api::check_channel(&c, &json!("sms"), &json!(now), &pb),
                )
            }));
            assert!(r.is_ok(), "{name} panicked at added {added}, now {now}");
            if let Ok((e, p, ch)) = r {
                assert!(
                    e.is_ok() && p.is_ok() && ch.is_ok(),
                    "{name}: {e:?} {p:?} {ch:?}"
                );
            }
        }
    }
    let pb = api::preset("call-ladder").unwrap_or(Value::Null);
    for (bad, why) in [
        (json!("0000-12-31T23:59:59Z"), "year 0"),
        (json!("+10000-01-01T00:00:00Z"), "year 10000"),
        (json!(253_402_300_800_000i64), "past 9999"),
        (json!(-62_135_596_800_001i64), "before year 1"),
        (json!(1e300), "far past 9999"),
        (json!(u64::MAX), "u64::MAX"),
        (json!(i64::MIN), "i64::MIN"),
    ] {
        let e = api::evaluate(
            &contact_at(json!(1_794_000_000_000i64), json!([])),
            &pb,
            &bad,
        );
        assert!(e.as_ref().is_err_and(|e| e.path == "now"), "{why}: {e:?}");
        let e = api::evaluate(
            &contact_at(bad.clone(), json!([])),
            &pb,
            &json!(1_794_000_000_000i64),
        );
        assert!(
            e.as_ref().is_err_and(|e| e.path == "addedAt"),
            "{why}: {e:?}"
        );
        let e = api::evaluate(
            &contact_at(
                json!(1_794_000_000_000i64),
                json!([{"kind": "callback", "at": 1_794_000_000_000i64, "dueAt": bad}]),
            ),
            &pb,
            &json!(1_794_000_000_000i64),
        );
        assert!(
            e.as_ref().is_err_and(|e| e.path == "events[0].dueAt"),
            "{why}: {e:?}"
        );
    }
}

/// Extreme playbook values answer without a panic.
#[test]
fn extreme_playbooks() {
    let steps = json!([
        {"id": "a", "channel": "call", "mode": "action", "day": 100000},
        {"id": "b", "channel": "sms", "mode": "auto", "after": {"days": 100000, "hours": 1e6, "minutes": 1e9}, "businessDays": true},
        {"id": "c", "channel": "task", "mode": "reminder", "after": {"minutes": 0}}
    ]);
    let pbs = [
        json!({"name": "far", "steps": steps}),
        json!({"name": "w", "window": [{"from": "23:59", "to": "00:00", "days": ["sun"]}], "steps": steps}),
        json!({"name": "r", "replyWithin": {"hours": 1e9}, "followUpFraction": 1e-300}),
        json!({"name": "cap", "frequencyCap": {"max": 1, "hours": 1e9}, "campaign": {"period": "month", "phases": [{"id": "x", "fromDay": 31, "attempt": 99}]}}),
    ];
    let c = json!({"id": "c", "addedAt": "9999-12-01T00:00:00Z", "timeZone": "America/Santiago", "events": [
        {"kind": "message", "at": "9999-12-01T00:00:00Z", "channel": "sms", "direction": "in", "text": "hi"},
        {"kind": "activity", "at": "9999-12-02T00:00:00Z", "interaction": "call", "outcome": "connected"},
        {"kind": "horizon", "at": "9999-12-02T00:00:00Z", "buyAt": "9999-12-31T23:59:59Z"}
    ]});
    for pb in &pbs {
        for now in [
            "9999-12-31T23:59:59.999Z",
            "0001-01-01T00:00:00Z",
            "2026-03-08T07:30:00Z",
        ] {
            let r = catch_unwind(AssertUnwindSafe(|| {
                let _ = api::evaluate(&c, pb, &json!(now));
                let _ = api::plan(&c, pb, &json!(now), &json!("9999-12-31T23:59:59Z"));
            }));
            assert!(r.is_ok(), "panicked: {pb} at {now}");
        }
    }
}

/// A contact whose name or message text holds a lone UTF-16 surrogate escape
/// (`JSON.stringify` writes them for a string cut inside an emoji) is read, with
/// U+FFFD in its place, on the JSON text path that the wasm binding uses.
#[test]
fn lone_surrogates_do_not_lose_a_contact() {
    let pb = cadence_engine::Playbook::from_json(
        cadence_engine::preset_json("monthly-campaign").unwrap_or(""),
    );
    assert!(pb.is_ok());
    let Ok(pb) = pb else { return };
    let text = r#"{"id":"c1","name":"Ana \ud83d","addedAt":"2026-11-01T12:00:00Z","events":[
        {"kind":"message","at":"2026-11-02T14:00:00Z","channel":"sms","direction":"in","text":"STOP\udc00"},
        {"kind":"message","at":"2026-11-02T15:00:00Z","channel":"sms","direction":"in","text":"\ud83d\ude00 ok \\ud800"}]}"#;
    let ev = cadence_engine::evaluate_json(text, &pb, "2026-11-12T15:00:00Z");
    assert!(ev.is_ok(), "{ev:?}");
    if let Ok(ev) = ev {
        assert!(
            ev.display_name.starts_with("Ana \u{fffd}"),
            "{}",
            ev.display_name
        );
    }
}

/// Ids compare by their text (docs/semantics.md): the contact with id 1 and
/// the one with id "1" are the same contact, and the last given wins.
#[test]
fn worklist_ids_compare_by_text() {
    let pb = cadence_engine::Playbook::from_json(
        cadence_engine::preset_json("call-ladder").unwrap_or(""),
    );
    let (Ok(pb), Ok(a), Ok(b)) = (
        pb,
        cadence_engine::input::contact_from(&json!({"id": 1, "addedAt": 0, "name": "First"})),
        cadence_engine::input::contact_from(&json!({"id": "1", "addedAt": 0, "name": "Second"})),
    ) else {
        return;
    };
    let mut w = cadence_engine::worklist::Worklist::new(pb, Some(cadence_engine::Instant(0)));
    let _ = w.upsert(vec![a, b]);
    assert_eq!(w.len(), 1);
    assert_eq!(
        w.get("1").map(|e| e.display_name),
        Some("Second".to_string())
    );
}

/// A repeated key in JSON text is an error naming the field (the text reader
/// is stricter than a JSON value, which keeps the last; found by fuzzing).
#[test]
fn repeated_keys_in_text() {
    let pb = cadence_engine::Playbook::from_json(
        r#"{"name":"s","steps":[{"id":"e","channel":"sms","channel":"task","mode":"reminder","day":3}]}"#,
    );
    assert!(
        pb.as_ref()
            .is_err_and(|e| e.to_string().contains("steps[0]")
                && e.to_string().contains("duplicate field `channel`")),
        "{pb:?}"
    );
    // Contacts are read as JSON.parse reads them: a repeated key takes the
    // last value (playbooks, written by people, refuse it above).
    let c =
        cadence_engine::input::contact_from_json(r#"{"id":"a","id":"b","addedAt":1794000000000}"#);
    assert_eq!(
        c.map(|c| c.id.text()).ok().as_deref(),
        Some("b"),
        "a repeated key in a contact takes the last value"
    );
}
