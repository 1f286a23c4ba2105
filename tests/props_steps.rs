//! Property tests of step timing: elapsed durations, the spacing of late
//! steps, and when reminders close (docs/semantics.md, "Steps").

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use cadence_engine::api;
use cadence_engine::Instant;
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Value};

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// Zones with clock changes at different local times and weekdays (Cairo falls
/// back on a Thursday at midnight, Lord Howe by half an hour, Havana at
/// midnight), and one without (Reykjavik, on UTC all year).
const ZONES: [&str; 7] = [
    "America/New_York",
    "Europe/Berlin",
    "Africa/Cairo",
    "Australia/Lord_Howe",
    "America/Havana",
    "America/Santiago",
    "Atlantic/Reykjavik",
];

/// Instants around the 2026 clock changes of those zones, and plain days.
const ANCHORS: [&str; 10] = [
    "2026-11-01T05:00:00Z",
    "2026-11-01T06:30:00Z",
    "2026-03-08T07:00:00Z",
    "2026-10-25T00:30:00Z",
    "2026-10-29T20:30:00Z",
    "2026-10-29T21:30:00Z",
    "2026-04-04T14:45:00Z",
    "2026-11-01T04:30:00Z",
    "2026-04-05T02:30:00Z",
    "2026-06-15T12:00:00Z",
];

fn cfg(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

fn ms(text: &str) -> i64 {
    Instant::parse(text).expect(text).ms()
}

fn iso(t: i64) -> String {
    Instant(t).to_utc_string()
}

fn evaluate(c: &Value, pb: &Value, now: i64) -> Value {
    api::evaluate(c, pb, &json!(iso(now))).expect("evaluates")
}

proptest! {
    #![proptest_config(cfg(300))]

    /// Hours and minutes are elapsed time: a step `after: {hours, minutes}`
    /// (no days) is due exactly that long after its anchor, whatever the zone
    /// and wherever the anchor falls (a repeated or skipped hour), on the
    /// calendar path and on the business-day path from a business day.
    #[test]
    fn adding_hours_and_minutes_never_changes_the_elapsed_time(
        zone in 0..ZONES.len(),
        anchor in 0..ANCHORS.len(),
        jitter in -180i64..180,
        hours in 0u32..60,
        minutes in 0u32..60,
        business in any::<bool>(),
    ) {
        let added = ms(ANCHORS[anchor]) + jitter * MINUTE;
        let pb = json!({
            "name": "elapsed",
            "window": [{"from": "00:00", "to": "24:00"}],
            "steps": [{"id": "s", "channel": "email", "mode": "manual",
                       "after": {"hours": hours, "minutes": minutes}, "businessDays": business}],
        });
        let c = json!({"id": "c", "timeZone": ZONES[zone], "addedAt": iso(added), "events": []});
        let ev = evaluate(&c, &pb, added);
        let due = ms(ev["next"]["dueAt"].as_str().unwrap());
        let want = added + i64::from(hours) * HOUR + i64::from(minutes) * MINUTE;
        if business {
            // From a weekend day the step first moves to the next business day;
            // from a business day, only elapsed time is added.
            // (A step landing on a weekend moves to the next business day.)
            let z = cadence_engine::time::Zone::parse(ZONES[zone]).unwrap();
            for t in [added, want] {
                let day = chrono::DateTime::parse_from_rfc3339(&z.format(Instant(t))).unwrap();
                prop_assume!(chrono::Datelike::weekday(&day).num_days_from_monday() < 5);
            }
        }
        prop_assert_eq!(due, want, "{} in {} + {}h{}m", iso(added), ZONES[zone], hours, minutes);
    }
}

/// A random step: `(mode, channel, delay)`.
fn step() -> impl Strategy<Value = Value> {
    let mode_channel = prop_oneof![
        Just(("auto", "sms")),
        Just(("auto", "email")),
        Just(("manual", "sms")),
        Just(("manual", "email")),
        Just(("action", "call")),
        Just(("action", "task")),
        Just(("reminder", "task")),
        Just(("reminder", "call")),
    ];
    let delay = prop_oneof![
        (0i64..12).prop_map(|d| json!({"day": d})),
        (0i64..4, 0i64..30, 0i64..60)
            .prop_map(|(d, h, m)| json!({"after": {"days": d, "hours": h, "minutes": m}})),
    ];
    (mode_channel, delay).prop_map(|((mode, channel), delay)| {
        let mut s = json!({"channel": channel, "mode": mode});
        for (k, v) in delay.as_object().unwrap() {
            s[k] = v.clone();
        }
        s
    })
}

fn playbook(steps: Vec<Value>) -> Value {
    let steps: Vec<Value> = steps
        .into_iter()
        .enumerate()
        .map(|(i, mut s)| {
            s["id"] = json!(format!("s{i}"));
            s
        })
        .collect();
    json!({"name": "random", "steps": steps, "stopOn": ["outcome"]})
}

/// The first moment at or after `t` in the default window (08:00–21:00 every
/// day; the contact's zone is UTC).
fn window_open(t: i64) -> i64 {
    let day = t.div_euclid(DAY) * DAY;
    match t - day {
        h if h < 8 * HOUR => day + 8 * HOUR,
        h if h >= 21 * HOUR => day + DAY + 8 * HOUR,
        _ => t,
    }
}

/// The on-time schedule of the steps in UTC (every step done at its own time):
/// the gap the playbook puts between each step and the one before it, or the
/// gap the window leaves between them when less (docs/semantics.md,
/// spacing), at most a day. The window moves the on-time cadence as a whole:
/// each step at its own time's opening, but not before the step before it
/// there and its gap.
fn playbook_gaps(pb: &Value, added: i64) -> Vec<i64> {
    let mut prev = added;
    let mut prev_open = window_open(added);
    let mut gaps = Vec::new();
    for (i, s) in pb["steps"].as_array().unwrap().iter().enumerate() {
        // An `after` step counts from the step before's own time where the
        // window put it (the first from enrollment itself).
        let base = if i == 0 || s.get("day").is_some() {
            prev
        } else {
            window_open(prev)
        };
        let own = if let Some(d) = s.get("day") {
            added + d.as_i64().unwrap() * DAY
        } else {
            let a = &s["after"];
            base + a["days"].as_i64().unwrap_or(0) * DAY
                + a["hours"].as_i64().unwrap_or(0) * HOUR
                + a["minutes"].as_i64().unwrap_or(0) * MINUTE
        };
        let gap = if i == 0 {
            0
        } else {
            let window = window_open(own) - prev_open;
            let gap = own - base;
            if window > 0 { gap.min(window) } else { gap }.clamp(0, DAY)
        };
        gaps.push(gap);
        prev = own;
        prev_open = window_open(own).max(prev_open + gap);
    }
    gaps
}

fn plan(c: &Value, pb: &Value, from: i64, until: i64) -> Vec<(usize, i64)> {
    let items = api::plan(c, pb, &json!(iso(from)), &json!(iso(until))).expect("plans");
    items
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|it| {
            let id = it.get("stepId")?.as_str()?;
            Some((id[1..].parse().unwrap(), ms(it["dueAt"].as_str().unwrap())))
        })
        .collect()
}

proptest! {
    #![proptest_config(cfg(200))]

    /// However late a cadence runs (the dry run starts days after enrollment,
    /// so the first steps are overdue together), no two consecutive steps are
    /// planned closer together than the gap the playbook puts between them, at
    /// most a day; but after a reminder (a task for the rep, not a touch: done
    /// late, it leaves the steps after it where they were).
    #[test]
    fn no_two_planned_steps_closer_than_the_playbooks_spacing(
        steps in prop::collection::vec(step(), 2..9),
        late_hours in 0i64..(24 * 14),
    ) {
        let pb = playbook(steps);
        let added = ms("2026-11-02T14:00:00Z");
        // (A place on UTC all year: "UTC" itself is no place's clock, set
        // aside for the US's safe intersection.)
        let c = json!({"id": "c", "timeZone": "Atlantic/Reykjavik", "addedAt": iso(added), "events": []});
        let gaps = playbook_gaps(&pb, added);
        let planned = plan(&c, &pb, added + late_hours * HOUR, added + 120 * DAY);
        for pair in planned.windows(2) {
            let ((a, ta), (b, tb)) = (pair[0], pair[1]);
            if b == a + 1 && pb["steps"][a]["mode"] != "reminder" {
                prop_assert!(tb - ta >= gaps[b],
                    "steps {a} and {b} planned {} and {}: {} min apart, the playbook's gap is {} min\n{pb}",
                    iso(ta), iso(tb), (tb - ta) / MINUTE, gaps[b] / MINUTE);
            }
        }
    }

    /// A reminder is never the next action once the step after it is due
    /// (later than the reminder: one due with it comes after it): the
    /// cadence is carried out on time (as the dry run does), reminders left
    /// open, and evaluated at a random time.
    #[test]
    fn a_reminder_is_never_next_once_a_later_step_for_a_person_is_due(
        steps in prop::collection::vec(step(), 2..9),
        at_hours in 0i64..(24 * 20),
    ) {
        let pb = playbook(steps);
        let added = ms("2026-11-02T14:00:00Z");
        let c = json!({"id": "c", "timeZone": "America/New_York", "addedAt": iso(added), "events": []});
        let planned = plan(&c, &pb, added, added + 60 * DAY);
        let now = added + at_hours * HOUR;
        let modes: Vec<String> = pb["steps"].as_array().unwrap().iter()
            .map(|s| s["mode"].as_str().unwrap().to_string()).collect();
        let channels: Vec<String> = pb["steps"].as_array().unwrap().iter()
            .map(|s| s["channel"].as_str().unwrap().to_string()).collect();
        let mut events = Vec::new();
        for &(i, t) in &planned {
            if t > now || modes[i] == "reminder" {
                continue;
            }
            let id = format!("s{i}");
            events.push(match channels[i].as_str() {
                "call" => json!({"kind": "activity", "at": iso(t), "interaction": "call", "outcome": "noAnswer", "step": id}),
                "task" => json!({"kind": "stepDone", "at": iso(t), "step": id}),
                ch => json!({"kind": "message", "at": iso(t), "channel": ch, "direction": "out", "step": id}),
            });
        }
        let mut c = c;
        c["events"] = Value::Array(events);
        let ev = evaluate(&c, &pb, now);
        if let Some(id) = ev["next"]["stepId"].as_str() {
            let i: usize = id[1..].parse().unwrap();
            if modes[i] == "reminder" {
                // The first later step for a person: an automatic send is the
                // sender's work, in `nextAuto`, and leaves the reminder open.
                // (A reminder due at its own instant, left open here as
                // reminders are, is offered after it; a step carried out
                // closes it.)
                let own = planned.iter().find(|(k, _)| *k == i).map(|&(_, t)| t);
                if let Some(&(k, after)) = planned.iter().find(|(k, _)| *k > i && modes[*k] != "auto") {
                    prop_assert!(now < after || (own == Some(after) && modes[k] == "reminder"),
                        "reminder {id} is next at {} though step s{} fell due at {}\n{pb}",
                        iso(now), k, iso(after));
                }
            }
        }
    }
}
