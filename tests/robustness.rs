//! Regression cases found by fuzzing and hostile inputs, run by plain
//! `cargo test`.
//!
//! Each `tests/regressions/*.json` file is one case:
//! `{description, op, ...arguments, expect? | error?, ignore?}` with the ops and
//! arguments of the golden cases (`evaluate`, `plan`, `checkChannel`,
//! `evaluateMany`, `classifyReply`, `planQueue`, `validatePlaybook`, and
//! `validatePlaybookJson` with the playbook as JSON text in `playbookJson`, for
//! what no JSON value can hold, such as a repeated key). Every case
//! must answer without a panic; with `error` the answer must be an error whose
//! message contains it, with `expect` a value that contains it. A case with
//! `ignore` (the reason) is still run for panics, but its answer is not checked
//! until the engine is fixed. An `evaluate` case may list `sameAt` times: the
//! evaluation at each one before `valid_until` must equal the one at `now`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

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
    let ser = |e: &cadence_engine::Evaluation| {
        serde_json::to_value(e).expect("an evaluation serialises to JSON")
    };
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
    assert!(
        !files.is_empty(),
        "no regression cases in {}",
        dir.display()
    );
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
        let pb = api::preset(name).expect("a preset");
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
            let Ok((e, p, ch)) = r else {
                panic!("{name} panicked at added {added}, now {now}");
            };
            assert!(
                e.is_ok() && p.is_ok() && ch.is_ok(),
                "{name}: {e:?} {p:?} {ch:?}"
            );
        }
    }
    let pb = api::preset("call-ladder").expect("a preset");
    // A realistic time for the fields that are not under test (epoch numbers
    // below 1e11 read as seconds, not milliseconds).
    let ok = json!(1_794_495_600_000i64);
    for (bad, why) in [
        (json!("0000-12-31T23:59:59Z"), "year 0"),
        (json!("+10000-01-01T00:00:00Z"), "year 10000"),
        (json!(253_402_300_800_000i64), "past 9999"),
        (json!(-62_135_596_800_001i64), "before year 1"),
        (json!(1e300), "far past 9999"),
        (json!(u64::MAX), "u64::MAX"),
        (json!(i64::MIN), "i64::MIN"),
    ] {
        let e = api::evaluate(&contact_at(ok.clone(), json!([])), &pb, &bad);
        assert!(e.as_ref().is_err_and(|e| e.path == "now"), "{why}: {e:?}");
        let e = api::evaluate(&contact_at(bad.clone(), json!([])), &pb, &ok);
        assert!(
            e.as_ref().is_err_and(|e| e.path == "addedAt"),
            "{why}: {e:?}"
        );
        let e = api::evaluate(
            &contact_at(
                ok.clone(),
                json!([{"kind": "callback", "at": ok, "dueAt": bad}]),
            ),
            &pb,
            &ok,
        );
        assert!(
            e.as_ref().is_err_and(|e| e.path == "events[0].dueAt"),
            "{why}: {e:?}"
        );
    }
}

/// The largest values the playbook reader accepts (src/playbook/build.rs): `day` and
/// `after.days` up to 3660, `after.hours` up to 24 × 3660, `after.minutes` up to
/// 60 × 24 × 3660, a cap of at most 1000 touches per at most 24 × 366 hours,
/// phases from day 1 to 28 for attempts up to 31.
const MAX_DAYS: i64 = 3660;
const MAX_HOURS: i64 = 24 * 3660;
const MAX_MINUTES: i64 = 60 * 24 * 3660;

/// Every day of 2026 to 2028, as holidays: business days must look past them.
fn every_day_of_2026_to_2028() -> Vec<String> {
    let first = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
    first
        .iter_days()
        .take_while(|d| d.format("%Y").to_string() != "2029")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect()
}

/// The most extreme playbooks that still validate, each at the limits of what
/// the reader accepts, by name.
fn extreme_valid_playbooks() -> Vec<(&'static str, Value)> {
    let steps = json!([
        {"id": "a", "channel": "call", "mode": "action", "day": MAX_DAYS},
        {"id": "b", "channel": "sms", "mode": "auto", "businessDays": true,
         "after": {"days": MAX_DAYS, "hours": MAX_HOURS, "minutes": MAX_MINUTES}},
        {"id": "c", "channel": "task", "mode": "reminder", "after": {"minutes": 0}},
        {"id": "d", "channel": "email", "mode": "manual", "day": 0, "businessDays": true}
    ]);
    let holidays = every_day_of_2026_to_2028();
    let phases: Vec<Value> = (1..=28)
        .map(|d| json!({"id": format!("p{d}"), "fromDay": d, "attempt": if d == 28 { 31 } else { d }}))
        .collect();
    vec![
        ("far steps", json!({"name": "far steps", "steps": steps})),
        (
            "far steps over three years of holidays",
            json!({"name": "holidays", "steps": steps, "holidays": holidays}),
        ),
        (
            "one minute a week, one touch a year",
            json!({"name": "w", "steps": steps,
                   "window": [{"from": "23:59", "to": "00:00", "days": ["sun"]}],
                   "frequencyCap": {"max": 1, "hours": 24 * 366}}),
        ),
        (
            "slowest reply, smallest follow-up fraction",
            json!({"name": "r", "stopOn": [],
                   "replyWithin": {"days": MAX_DAYS, "hours": MAX_HOURS, "minutes": MAX_MINUTES},
                   "followUpFraction": 5e-324, "optOut": {"priorityBoost": 1e9}}),
        ),
        (
            "fastest reply, whole follow-up fraction",
            json!({"name": "f", "replyWithin": {"minutes": 1}, "followUpFraction": 1,
                   "optOut": {"priorityBoost": -1e9}, "frequencyCap": {"max": 1000, "hours": 1}}),
        ),
        (
            "28 phases up to the 31st attempt",
            json!({"name": "cap", "frequencyCap": {"max": 1, "hours": 24 * 366},
                   "campaign": {"period": "month", "phases": phases, "channels": ["email"]}}),
        ),
    ]
}

/// The contacts the extreme playbooks run on: the ends of time and an ordinary
/// one (a text in, a connected call, a buying horizon).
fn extreme_contacts() -> Vec<Value> {
    vec![
        json!({"id": "end", "addedAt": "9999-12-01T00:00:00Z", "timeZone": "America/Santiago", "events": [
            {"kind": "message", "at": "9999-12-01T00:00:00Z", "channel": "sms", "direction": "in", "text": "hi"},
            {"kind": "activity", "at": "9999-12-02T00:00:00Z", "interaction": "call", "outcome": "connected"},
            {"kind": "horizon", "at": "9999-12-02T00:00:00Z", "buyAt": "9999-12-31T23:59:59Z"}
        ]}),
        json!({"id": "start", "addedAt": "0001-01-01T00:00:00Z", "timeZone": "Pacific/Kiritimati", "events": [
            {"kind": "message", "at": "0001-01-01T00:00:00Z", "channel": "sms", "direction": "in", "text": "STOP"}
        ]}),
        json!({"id": "now", "addedAt": "2026-03-02T15:00:00Z", "timeZone": "America/New_York", "events": [
            {"kind": "message", "at": "2026-03-02T15:00:00Z", "channel": "sms", "direction": "in", "text": "hi"},
            {"kind": "activity", "at": "2026-03-03T15:00:00Z", "interaction": "call", "outcome": "connected"},
            {"kind": "horizon", "at": "2026-03-03T15:00:00Z", "buyAt": "2026-09-03T15:00:00Z"}
        ]}),
    ]
}

fn evaluation(c: &Value, pb: &Value, now: &str) -> Value {
    match catch_unwind(AssertUnwindSafe(|| api::evaluate(c, pb, &json!(now)))) {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => panic!("{} at {now}: {e}", pb["name"]),
        Err(_) => panic!("{} at {now}: panicked", pb["name"]),
    }
}

/// The most extreme valid playbooks are evaluated, planned and checked at the
/// ends of time and today: every answer is a value, never an error or a panic.
#[test]
fn extreme_playbooks() {
    for (name, pb) in extreme_valid_playbooks() {
        assert_eq!(api::validate_playbook(&pb), Ok(true), "{name}");
        for c in extreme_contacts() {
            for now in [
                "9999-12-31T23:59:59.999Z",
                "0001-01-01T00:00:00Z",
                "2026-03-08T07:30:00Z",
                "2026-03-31T16:00:00Z",
            ] {
                let ev = evaluation(&c, &pb, now);
                assert_eq!(ev["id"], c["id"], "{name}");
                // A plan of a year at most (a plan stops at 500 touches; a
                // longer one only makes the test slow in debug builds).
                let until = if now.starts_with("9999") {
                    "9999-12-31T23:59:59.999Z"
                } else if now.starts_with("0001") {
                    "0002-01-01T00:00:00Z"
                } else {
                    "2027-03-31T00:00:00Z"
                };
                let r = catch_unwind(AssertUnwindSafe(|| {
                    api::plan(&c, &pb, &json!(now), &json!(until))
                }));
                assert!(
                    matches!(r, Ok(Ok(Value::Array(_)))),
                    "{name} / {} at {now}: plan {r:?}",
                    c["id"]
                );
                for ch in ["sms", "call", "email"] {
                    let r = catch_unwind(AssertUnwindSafe(|| {
                        api::check_channel(&c, &json!(ch), &json!(now), &pb)
                    }));
                    assert!(
                        matches!(&r, Ok(Ok(v)) if v["allowed"].is_boolean()),
                        "{name} / {} at {now}: checkChannel {ch} {r:?}",
                        c["id"]
                    );
                }
            }
        }
    }
}

/// What the extreme values do, pinned on an ordinary contact: each limit is
/// taken as written, not clamped or ignored.
#[test]
fn extreme_playbooks_take_their_values() {
    let pbs: std::collections::HashMap<_, _> = extreme_valid_playbooks().into_iter().collect();
    let fresh = json!({"id": "n", "addedAt": "2026-03-02T15:00:00Z", "timeZone": "America/New_York", "events": []});
    // The first step, a call 3660 days after enrollment, holds the sequence.
    let ev = evaluation(&fresh, &pbs["far steps"], "2026-03-04T15:00:00Z");
    assert_eq!(ev["next"]["stepId"], "a", "{ev}");
    assert_eq!(ev["next"]["dueAt"], "2036-03-09T10:00:00-04:00", "{ev}");
    // Zero business days over three years of holidays: the first business day after.
    let pb = json!({"name": "h", "holidays": every_day_of_2026_to_2028(), "steps": [
        {"id": "d", "channel": "email", "mode": "manual", "day": 0, "businessDays": true}
    ]});
    let ev = evaluation(&fresh, &pb, "2026-03-04T15:00:00Z");
    let due = ev["next"]["dueAt"].as_str().unwrap_or_default();
    assert!(due.starts_with("2029-01-01T"), "{ev}");
    // Within a minute a week, on Sundays: a step falls due at 23:59 on a Sunday.
    let ev = evaluation(
        &fresh,
        &pbs["one minute a week, one touch a year"],
        "2026-03-04T15:00:00Z",
    );
    assert_eq!(ev["next"]["dueAt"], "2036-03-09T23:59:00-04:00", "{ev}");
    // A reply owed 3660 days + 87840 hours + 5270400 minutes (10980 days of
    // elapsed time) after the customer's text.
    let texted = json!({"id": "t", "addedAt": "2026-03-02T15:00:00Z", "timeZone": "America/New_York", "events": [
        {"kind": "message", "at": "2026-03-02T15:00:00Z", "channel": "sms", "direction": "in", "text": "hi"}
    ]});
    let ev = evaluation(
        &texted,
        &pbs["slowest reply, smallest follow-up fraction"],
        "2026-03-04T15:00:00Z",
    );
    assert_eq!(ev["next"]["kind"], "reply", "{ev}");
    assert_eq!(ev["next"]["dueAt"], "2056-03-24T11:00:00-04:00", "{ev}");
    let ev = evaluation(
        &texted,
        &pbs["fastest reply, whole follow-up fraction"],
        "2026-03-02T15:00:30Z",
    );
    assert_eq!(ev["next"]["dueAt"], "2026-03-02T10:01:00-05:00", "{ev}");
    // The smallest positive fraction puts the follow-up at the engagement,
    // where the connected call itself carries it out; a fraction of 1 puts it
    // at the buying horizon.
    let engaged = json!({"id": "e", "addedAt": "2026-03-02T15:00:00Z", "timeZone": "America/New_York", "events": [
        {"kind": "activity", "at": "2026-03-03T15:00:00Z", "interaction": "call", "outcome": "connected"},
        {"kind": "horizon", "at": "2026-03-03T15:00:00Z", "buyAt": "2026-09-03T15:00:00Z"}
    ]});
    let ev = evaluation(
        &engaged,
        &pbs["slowest reply, smallest follow-up fraction"],
        "2026-03-03T15:00:00Z",
    );
    assert_eq!(ev["followUpAt"], Value::Null, "{ev}");
    assert!(
        ev["explain"].as_array().is_some_and(|l| l.contains(&json!(
            "follow-up of Tue 2026-03-03 10:00 America/New_York done"
        ))),
        "{ev}"
    );
    let ev = evaluation(
        &engaged,
        &pbs["fastest reply, whole follow-up fraction"],
        "2026-03-03T15:00:00Z",
    );
    assert_eq!(ev["followUpAt"], "2026-09-03T11:00:00-04:00", "{ev}");
    // Thirty touches in March, a text and an email a day after: the 31st
    // Attempt in the 28th phase; the one text caps texts and calls for 366 days.
    let mut events: Vec<Value> = (1..=29)
        .map(|d| json!({"kind": "message", "at": format!("2026-03-{d:02}T15:00:00Z"), "channel": "email", "direction": "out"}))
        .collect();
    events.push(json!({"kind": "message", "at": "2026-03-01T16:00:00Z", "channel": "sms", "direction": "out"}));
    let busy = json!({"id": "b", "addedAt": "2026-02-20T15:00:00Z", "timeZone": "America/New_York", "events": events});
    let ev = evaluation(
        &busy,
        &pbs["28 phases up to the 31st attempt"],
        "2026-03-31T16:00:00Z",
    );
    assert_eq!(ev["campaign"]["phase"], "p28", "{ev}");
    assert_eq!(ev["next"]["label"], "31st Attempt", "{ev}");
    assert_eq!(ev["next"]["channel"], "email", "{ev}");
    assert_eq!(ev["next"]["dueAt"], "2026-03-30T11:00:00-04:00", "{ev}");
    assert_eq!(ev["channels"]["sms"]["reason"], "frequencyCap", "{ev}");
    assert_eq!(
        ev["channels"]["sms"]["nextAllowedAt"], "2027-03-02T11:00:00-05:00",
        "{ev}"
    );
}

/// One past each limit, the playbook is refused with the path of the field.
#[test]
fn out_of_range_playbooks_are_refused_with_their_path() {
    let step = |extra: Value| {
        let mut s = json!({"id": "a", "channel": "call", "mode": "action"});
        if let (Some(s), Some(extra)) = (s.as_object_mut(), extra.as_object()) {
            s.extend(extra.clone());
        }
        json!({"name": "x", "steps": [s]})
    };
    let phases =
        |list: Value| json!({"name": "x", "campaign": {"period": "month", "phases": list}});
    let cases = [
        (step(json!({"day": 100000})), "steps[0].day"),
        (step(json!({"day": MAX_DAYS + 1})), "steps[0].day"),
        (step(json!({"day": -1})), "steps[0].day"),
        (
            step(json!({"after": {"days": 100000}})),
            "steps[0].after.days",
        ),
        (
            step(json!({"after": {"days": MAX_DAYS + 1}})),
            "steps[0].after.days",
        ),
        (
            step(json!({"after": {"hours": 1e6}})),
            "steps[0].after.hours",
        ),
        (
            step(json!({"after": {"hours": MAX_HOURS + 1}})),
            "steps[0].after.hours",
        ),
        (
            step(json!({"after": {"minutes": 1e9}})),
            "steps[0].after.minutes",
        ),
        (
            step(json!({"after": {"minutes": MAX_MINUTES + 1}})),
            "steps[0].after.minutes",
        ),
        (
            json!({"name": "r", "replyWithin": {"hours": 1e9}}),
            "replyWithin.hours",
        ),
        (
            json!({"name": "r", "replyWithin": {"minutes": 0}}),
            "replyWithin",
        ),
        (
            json!({"name": "r", "followUpFraction": 0}),
            "followUpFraction",
        ),
        (
            json!({"name": "r", "followUpFraction": 1.000001}),
            "followUpFraction",
        ),
        (
            json!({"name": "c", "frequencyCap": {"max": 1, "hours": 1e9}}),
            "frequencyCap.hours",
        ),
        (
            json!({"name": "c", "frequencyCap": {"max": 1, "hours": 24 * 366 + 1}}),
            "frequencyCap.hours",
        ),
        (
            json!({"name": "c", "frequencyCap": {"max": 1001, "hours": 1}}),
            "frequencyCap.max",
        ),
        (
            json!({"name": "c", "frequencyCap": {"max": 0, "hours": 1}}),
            "frequencyCap.max",
        ),
        (
            json!({"name": "o", "optOut": {"priorityBoost": 1.1e9}}),
            "optOut.priorityBoost",
        ),
        (
            phases(json!([{"id": "x", "fromDay": 31, "attempt": 99}])),
            "campaign.phases[0].fromDay",
        ),
        (
            phases(json!([{"id": "x", "fromDay": 1, "attempt": 32}])),
            "campaign.phases[0].attempt",
        ),
        (
            phases(
                json!([{"id": "x", "fromDay": 1, "attempt": 1}, {"id": "y", "fromDay": 29, "attempt": 2}]),
            ),
            "campaign.phases[1].fromDay",
        ),
        (
            json!({"name": "w", "window": [{"from": "24:00", "to": "23:00"}]}),
            "window[0].from",
        ),
        (
            json!({"name": "w", "window": [{"from": "08:00", "to": "24:01"}]}),
            "window[0].to",
        ),
    ];
    for (pb, path) in cases {
        let e = api::validate_playbook(&pb);
        assert!(
            e.as_ref().is_err_and(|e| e.path == path),
            "{pb}: expected an error at {path}, got {e:?}"
        );
        // The same error, under `playbook`, from evaluate.
        let c = json!({"id": "c", "addedAt": "2026-03-02T15:00:00Z", "events": []});
        let e = api::evaluate(&c, &pb, &json!("2026-03-04T15:00:00Z"));
        assert!(
            e.as_ref()
                .is_err_and(|e| e.path == format!("playbook.{path}")),
            "{pb}: expected an error at playbook.{path}, got {e:?}"
        );
    }
}

/// A contact whose name or message text holds a lone UTF-16 surrogate escape
/// (`JSON.stringify` writes them for a string cut inside an emoji) is read, with
/// U+FFFD in its place, on the JSON text path that the wasm binding uses.
#[test]
fn lone_surrogates_do_not_lose_a_contact() {
    let pb = cadence_engine::Playbook::from_json(
        cadence_engine::preset_json("monthly-campaign").expect("a preset"),
    )
    .expect("the preset reads");
    let text = r#"{"id":"c1","name":"Ana \ud83d","addedAt":"2026-11-01T12:00:00Z","events":[
        {"kind":"message","at":"2026-11-02T14:00:00Z","channel":"sms","direction":"in","text":"STOP\udc00"},
        {"kind":"message","at":"2026-11-02T15:00:00Z","channel":"sms","direction":"in","text":"\ud83d\ude00 ok \\ud800"}]}"#;
    let ev = cadence_engine::evaluate_json(text, &pb, "2026-11-12T15:00:00Z")
        .expect("a contact with lone surrogates is read");
    assert!(
        ev.display_name.starts_with("Ana \u{fffd}"),
        "{}",
        ev.display_name
    );
}

/// Ids compare by their text (docs/semantics.md): the contact with id 1 and
/// the one with id "1" are the same contact, and the last given wins.
#[test]
fn worklist_ids_compare_by_text() {
    let pb = cadence_engine::Playbook::from_json(
        cadence_engine::preset_json("call-ladder").expect("a preset"),
    )
    .expect("the preset reads");
    let added = json!(1_794_495_600_000i64); // 2026-11-12T15:00:00Z
    let a =
        cadence_engine::input::contact_from(&json!({"id": 1, "addedAt": added, "name": "First"}))
            .expect("contact 1 reads");
    let b = cadence_engine::input::contact_from(
        &json!({"id": "1", "addedAt": added, "name": "Second"}),
    )
    .expect("contact \"1\" reads");
    let now = cadence_engine::Instant(1_794_495_600_000);
    let mut w = cadence_engine::worklist::Worklist::new(pb, Some(now));
    let up = w.upsert(vec![a, b]);
    assert_eq!(up.added, 1, "{up:?}");
    assert_eq!(w.len(), 1);
    assert_eq!(
        w.get("1").map(|e| e.display_name),
        Some("Second".to_string())
    );
}

/// A repeated key in a playbook's JSON text is an error naming the field, in
/// every object a playbook has: a typo in a playbook must be caught, and the
/// text reader is the one the package uses for every JS value (a JSON value
/// cannot hold a repeated key: the parser keeps the last; found by fuzzing).
#[test]
fn repeated_keys_in_text() {
    for (text, want) in [
        (r#"{"name":"a","name":"b"}"#, "duplicate field \"name\""),
        (
            r#"{"name":"a","window":[{"from":"08:00","start":"09:00","to":"20:00"}]}"#,
            "window[0]: duplicate field \"from\"",
        ),
        (
            r#"{"name":"a","window":{"from":"08:00","to":"20:00","to":"21:00"}}"#,
            "window: duplicate field \"to\"",
        ),
        (
            r#"{"name":"a","replyWithin":{"hours":1,"hours":2}}"#,
            "replyWithin: duplicate field \"hours\"",
        ),
        (
            r#"{"name":"a","campaign":{"phases":[{"id":"p","fromDay":1,"fromDay":2,"attempt":1}]}}"#,
            "campaign.phases[0]: duplicate field \"fromDay\"",
        ),
        (
            r#"{"name":"a","optOut":{"stage":"x","stage":"y"}}"#,
            "optOut: duplicate field \"stage\"",
        ),
        (
            r#"{"name":"a","frequencyCap":{"max":1,"hours":2,"max":3}}"#,
            "frequencyCap: duplicate field \"max\"",
        ),
        (
            r#"{"name":"a","keywords":{"optOut":["x"],"optOut":["y"]}}"#,
            "keywords: duplicate field \"optOut\"",
        ),
        (
            r#"{"name":"a","steps":[{"id":"a","channel":"sms","mode":"auto","after":{"days":1,"days":2}}]}"#,
            "steps[0].after: duplicate field \"days\"",
        ),
    ] {
        let pb = cadence_engine::Playbook::from_json(text);
        assert!(
            pb.as_ref().is_err_and(|e| e.to_string() == want),
            "{text}: expected {want:?}, got {pb:?}"
        );
    }
    let pb = cadence_engine::Playbook::from_json(
        r#"{"name":"s","steps":[{"id":"e","channel":"sms","channel":"task","mode":"reminder","day":3}]}"#,
    );
    assert!(
        pb.as_ref()
            .is_err_and(|e| e.to_string().contains("steps[0]")
                && e.to_string().contains("duplicate field \"channel\"")),
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

/// Long histories of what is no event or the same keyword over and over (a
/// SQL export's `[null, ...]`, an auto-responder's loop of STOP and START,
/// a day's calls logged on one date under a cap) are read and evaluated in
/// one pass each: every lookup of an event is by
/// its place, not a search of the history. (Quadratic, these took minutes.)
#[test]
fn long_histories_of_nulls_and_keywords() {
    let pb = api::preset("call-ladder").unwrap();
    let nulls = vec![Value::Null; 50_000];
    let c = contact_at(json!("2026-10-01T13:00:00Z"), Value::Array(nulls));
    let e = evaluation(&c, &pb, "2026-11-12T15:00:00Z");
    assert_eq!(e["status"], "newAccount");
    let texts: Vec<Value> = (0..20_000i64)
        .map(|i| {
            json!({"kind": "message", "at": 1_790_000_000_000i64 + i * 60_000, "channel": "sms",
                   "direction": "in", "text": if i % 2 == 0 { "STOP" } else { "START" }})
        })
        .collect();
    let c = contact_at(json!("2026-10-01T13:00:00Z"), Value::Array(texts));
    let e = evaluation(&c, &pb, "2026-11-12T15:00:00Z");
    // The last text was START: texting is open again (the hour aside).
    assert_ne!(e["channels"]["sms"]["reason"], "dnd");
    assert_eq!(e["dnd"]["sms"], Value::Null);
    // Thousands of calls logged on one date under Florida's cap: each
    // audited against a window over the touches, not a count of them all.
    let calls: Vec<Value> = (0..20_000)
        .map(|_| json!({"kind": "activity", "at": "2026-11-03", "interaction": "call", "outcome": "noAnswer"}))
        .collect();
    let c = json!({"id": "c", "addedAt": "2026-10-01T13:00:00Z", "timeZone": "America/New_York",
                   "region": "US-FL", "events": calls});
    let e = evaluation(
        &c,
        &api::preset("monthly-campaign").unwrap(),
        "2026-11-30T17:00:00Z",
    );
    assert_eq!(e["violations"].as_array().map(Vec::len), Some(20_000 - 3));
}
