//! Property tests over generated histories and playbooks.
//!
//! Histories hold every event kind at times around daylight-saving transitions
//! and month ends, in several zones and regions; playbooks are the three presets
//! and random variations of them. Each property says what must hold for every
//! contact, whatever its history.

use cadence_engine::time::{Zone, MAX_MS, MIN_MS};
use cadence_engine::{api, input, Channel, Evaluation, Instant, Playbook};
use chrono::{Datelike, NaiveDate, Timelike};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Value};

const ZONES: [&str; 10] = [
    "America/New_York",
    "America/Los_Angeles",
    "Europe/London",
    "Australia/Lord_Howe",
    "America/St_Johns",
    "Asia/Kolkata",
    "America/Santiago",
    "America/Havana",
    "Pacific/Apia",
    "UTC",
];
const REGIONS: [&str; 5] = ["US", "US-FL", "US-OK", "US-MD", "CA"];
const STATUSES: [&str; 10] = [
    "newAccount",
    "noSmsReply",
    "smsInProgress",
    "saleInProgress",
    "satisfied",
    "noSale",
    "sold",
    "noAnswer",
    "leftVoicemail",
    "wrongNumber",
];
/// Instants near DST changes (US, EU, southern hemisphere, midnight changes),
/// month ends and a leap day.
const ANCHORS: [&str; 12] = [
    "2026-03-08T07:00:00Z",
    "2026-11-01T06:00:00Z",
    "2026-03-29T01:00:00Z",
    "2026-10-25T01:00:00Z",
    "2026-04-05T15:00:00Z",
    "2026-09-06T04:00:00Z",
    "2026-01-31T12:00:00Z",
    "2026-02-28T23:00:00Z",
    "2028-02-29T12:00:00Z",
    "2026-12-31T23:30:00Z",
    "2026-11-30T23:59:59Z",
    "2026-04-30T22:00:00Z",
];
const TEXTS: [&str; 11] = [
    "STOP",
    "stop all",
    "Please stop texting me",
    "START",
    "yes",
    "HELP",
    "I'll stop by tomorrow",
    "sounds good",
    "Arrêt",
    "remove me from your list",
    "",
];
const STEPS: [&str; 8] = [
    "call-asap",
    "text-intro",
    "redial-2",
    "email-1",
    "text-personal",
    "call",
    "research",
    "unknown-step",
];

/// `cases` cases, or `PROPTEST_CASES` when set (for longer runs).
fn cfg(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        // Some properties take only capped, or only uncapped, contacts.
        max_global_rejects: cases.saturating_mul(2).max(1024),
        max_local_rejects: cases.saturating_mul(2).max(65536),
        failure_persistence: None,
        ..Config::default()
    }
}

fn anchor_ms(i: usize) -> i64 {
    let a = ANCHORS.get(i % ANCHORS.len()).copied().unwrap_or("");
    Instant::parse(a).map(|t| t.ms()).unwrap_or(0)
}

/// A time within about 40 days of an anchor, to the minute or the millisecond.
fn time() -> impl Strategy<Value = i64> {
    (
        0..ANCHORS.len(),
        -60_000i64..60_000,
        prop_oneof![3 => Just(0i64), 1 => 0i64..60_000],
    )
        .prop_map(|(a, min, ms)| (anchor_ms(a) + min * 60_000 + ms).clamp(MIN_MS, MAX_MS))
}

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    proptest::sample::select(list)
}

fn event() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => (time(), any::<bool>(), any::<bool>(), pick(&TEXTS), proptest::option::of(pick(&STEPS)))
            .prop_map(|(at, email, inbound, text, step)| {
                let mut v = json!({"kind": "message", "at": at,
                    "channel": if email { "email" } else { "sms" },
                    "direction": if inbound { "in" } else { "out" }, "text": text});
                if let (Some(s), Some(o)) = (step, v.as_object_mut()) {
                    o.insert("step".into(), json!(s));
                }
                v
            }),
        2 => (time(), pick(&["connected", "noAnswer", "leftVoicemail", "wrongNumber"]))
            .prop_map(|(at, o)| json!({"kind": "activity", "at": at, "interaction": "call", "outcome": o})),
        1 => (time(), pick(&["call", "sms", "email", "inStore"]),
              pick(&["saleInProgress", "sold", "noSale"]), pick(&["satisfied", "price", ""]))
            .prop_map(|(at, i, o, r)| json!({"kind": "activity", "at": at, "interaction": i, "outcome": o, "reason": r})),
        1 => (time(), pick(&["sms", "call", "email", "all"]), any::<bool>(),
              pick(&["keyword", "manual", "unsubscribe", "bounce", "complaint"]))
            .prop_map(|(at, c, active, s)| json!({"kind": "dnd", "at": at, "channel": c, "active": active, "source": s})),
        1 => (time(), pick(&STEPS)).prop_map(|(at, s)| json!({"kind": "stepDone", "at": at, "step": s})),
        1 => (time(), time(), any::<bool>())
            .prop_map(|(at, due, s)| json!({"kind": "callback", "at": at, "dueAt": due, "scheduled": s})),
        1 => (time(), 0i64..400).prop_map(|(at, d)| json!({"kind": "horizon", "at": at, "buyAt": (at + d * 86_400_000).min(MAX_MS)})),
    ]
}

fn contact() -> impl Strategy<Value = Value> {
    (
        proptest::option::of(pick(&ZONES)),
        proptest::option::of(pick(&REGIONS)),
        time(),
        proptest::collection::vec(event(), 0..12),
        proptest::option::of(-50i32..50),
    )
        .prop_map(|(zone, region, added, events, priority)| {
            let mut c = json!({"id": "c1", "name": "Ana", "addedAt": added, "events": events});
            if let Some(o) = c.as_object_mut() {
                if let Some(z) = zone {
                    o.insert("timeZone".into(), json!(z));
                }
                if let Some(r) = region {
                    o.insert("region".into(), json!(r));
                }
                if let Some(p) = priority {
                    o.insert("priority".into(), json!(p));
                }
            }
            c
        })
}

/// One change to a preset.
#[derive(Debug, Clone)]
enum Tweak {
    ReplyWithin(u32),
    Region(&'static str),
    Zone(&'static str),
    Sticky(&'static str),
    Holiday(i64),
    Cap(u32, u32),
    StopOn(u8),
    Fraction(f64),
    DropStep(usize),
    StepAfter(usize, u32, bool),
    StepDay(usize, u32),
    Window(u32, u32),
}

fn tweak() -> impl Strategy<Value = Tweak> {
    prop_oneof![
        (1u32..3000).prop_map(Tweak::ReplyWithin),
        pick(&REGIONS).prop_map(Tweak::Region),
        pick(&ZONES).prop_map(Tweak::Zone),
        pick(&STATUSES).prop_map(Tweak::Sticky),
        time().prop_map(Tweak::Holiday),
        (1u32..6, 1u32..72).prop_map(|(m, h)| Tweak::Cap(m, h)),
        (0u8..8).prop_map(Tweak::StopOn),
        (0.01f64..=1.0).prop_map(Tweak::Fraction),
        (0usize..20).prop_map(Tweak::DropStep),
        (0usize..20, 0u32..5000, any::<bool>()).prop_map(|(i, m, b)| Tweak::StepAfter(i, m, b)),
        (0usize..20, 0u32..90).prop_map(|(i, d)| Tweak::StepDay(i, d)),
        (0u32..96, 1u32..96).prop_map(|(f, l)| Tweak::Window(f * 15, l * 15)),
    ]
}

fn hm(m: u32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

fn apply(pb: &mut Value, t: &Tweak) {
    let Some(o) = pb.as_object_mut() else { return };
    let step = |o: &mut serde_json::Map<String, Value>, i: usize| {
        if let Some(Value::Array(steps)) = o.get_mut("steps") {
            let n = steps.len().max(1);
            if let Some(Value::Object(s)) = steps.get_mut(i % n) {
                return Some(s.clone());
            }
        }
        None
    };
    let set_step = |o: &mut serde_json::Map<String, Value>, i: usize, s| {
        if let Some(Value::Array(steps)) = o.get_mut("steps") {
            let n = steps.len().max(1);
            if let Some(slot) = steps.get_mut(i % n) {
                *slot = Value::Object(s);
            }
        }
    };
    match t {
        Tweak::ReplyWithin(m) => {
            o.insert("replyWithin".into(), json!({"minutes": m}));
        }
        Tweak::Region(r) => {
            o.insert("region".into(), json!(r));
        }
        Tweak::Zone(z) => {
            o.insert("timeZone".into(), json!(z));
        }
        Tweak::Sticky(s) => {
            o.insert("stickyStatuses".into(), json!([s]));
        }
        Tweak::Holiday(t) => {
            let d = Zone::UTC.format(Instant(*t));
            o.insert("holidays".into(), json!([d.get(..10).unwrap_or("")]));
        }
        Tweak::Cap(m, h) => {
            o.insert("frequencyCap".into(), json!({"max": m, "hours": h}));
        }
        Tweak::StopOn(bits) => {
            let list: Vec<&str> = ["reply", "connected", "outcome"]
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, v)| *v)
                .collect();
            o.insert("stopOn".into(), json!(list));
        }
        Tweak::Fraction(f) => {
            o.insert("followUpFraction".into(), json!(f));
        }
        Tweak::DropStep(i) => {
            if let Some(Value::Array(steps)) = o.get_mut("steps") {
                if steps.len() > 1 {
                    steps.remove(i % steps.len());
                }
            }
        }
        Tweak::StepAfter(i, m, b) => {
            if let Some(mut s) = step(o, *i) {
                s.remove("day");
                s.insert("after".into(), json!({"minutes": m}));
                s.insert("businessDays".into(), json!(b));
                set_step(o, *i, s);
            }
        }
        Tweak::StepDay(i, d) => {
            if let Some(mut s) = step(o, *i) {
                s.remove("after");
                s.insert("day".into(), json!(d));
                set_step(o, *i, s);
            }
        }
        Tweak::Window(from, len) => {
            let to = (from + len) % 1440;
            let to = if to == *from { (to + 60) % 1440 } else { to };
            o.insert(
                "window".into(),
                json!([{"from": hm(*from % 1440), "to": hm(to)}]),
            );
        }
    }
}

fn playbook() -> impl Strategy<Value = Value> {
    (
        pick(&["monthly-campaign", "call-ladder", "sequence"]),
        proptest::collection::vec(tweak(), 0..4),
    )
        .prop_map(|(name, tweaks)| {
            let mut pb = api::preset(name).unwrap_or(Value::Null);
            for t in &tweaks {
                apply(&mut pb, t);
            }
            pb
        })
}

/// A contact, a playbook that validates, and `now`: half the time near one of
/// the contact's events (where deadlines and confirmation windows are), else
/// anywhere near an anchor.
fn scenario() -> impl Strategy<Value = (Value, Value, i64)> {
    (
        contact(),
        playbook(),
        time(),
        any::<proptest::sample::Index>(),
        prop_oneof![-600_000i64..600_000, 0i64..86_400_000],
        any::<bool>(),
    )
        .prop_map(|(c, pb, t, idx, delta, near)| {
            let times: Vec<i64> = c
                .get("events")
                .and_then(Value::as_array)
                .map(|es| {
                    es.iter()
                        .filter_map(|e| e.get("at").and_then(Value::as_i64))
                        .collect()
                })
                .unwrap_or_default();
            let near_event = times.get(idx.index(times.len().max(1))).copied();
            let now = match (near, near_event) {
                (true, Some(at)) => (at + delta).clamp(MIN_MS, MAX_MS),
                _ => t,
            };
            (c, pb, now)
        })
        .prop_filter("playbook must validate", |(_, pb, _)| {
            api::validate_playbook(pb).is_ok()
        })
}

fn native(
    c: &Value,
    pb: &Value,
    now: i64,
) -> Option<(Evaluation, cadence_engine::Contact, Playbook)> {
    let c = input::contact_from(c).ok()?;
    let pb = Playbook::from_deserializer(pb).ok()?;
    Some((cadence_engine::evaluate(&c, &pb, Instant(now)), c, pb))
}

/// The value a tape of a result reads as (`cadence_engine::tape`).
mod erased {
    pub trait Ser {
        fn tape(&self) -> Option<serde_json::Value>;
    }
    impl<T: serde::Serialize> Ser for T {
        fn tape(&self) -> Option<serde_json::Value> {
            cadence_engine::tape::Tape::of(self).ok()?.to_value()
        }
    }
}

fn ser(e: &Evaluation) -> Value {
    serde_json::to_value(e).unwrap_or(Value::Null)
}

fn ms_of(text: &str) -> i64 {
    Instant::parse(text).map(|t| t.ms()).unwrap_or(i64::MIN)
}

/// An independent reading of the contact window: minutes after local midnight
/// and weekday of `t` in `zone`, against blocks `(days Mon..Sun, from, to)`
/// where `to <= from` runs past midnight.
fn in_blocks(blocks: &[([bool; 7], u32, u32)], zone: chrono_tz::Tz, t: i64) -> bool {
    let Some(utc) = chrono::DateTime::from_timestamp_millis(t) else {
        return false;
    };
    let local = utc.with_timezone(&zone).naive_local();
    let m = local.hour() * 60 + local.minute();
    let wd = local.weekday().num_days_from_monday() as usize;
    let prev = (wd + 6) % 7;
    blocks.iter().any(|(days, from, to)| {
        let on = |d: usize| days.get(d).copied().unwrap_or(false);
        if to > from {
            on(wd) && m >= *from && m < *to
        } else {
            (on(wd) && m >= *from) || (on(prev) && m < *to)
        }
    })
}

fn region_blocks(region: &str) -> Vec<([bool; 7], u32, u32)> {
    let every = [true; 7];
    match region {
        "US-FL" | "US-OK" | "US-MD" => vec![(every, 480, 1200)],
        "CA" => vec![
            ([true, true, true, true, true, false, false], 540, 1290),
            ([false, false, false, false, false, true, true], 600, 1080),
        ],
        _ => vec![(every, 480, 1260)],
    }
}

/// The zones whose clocks bind a contact whose zone is unknown (PRODUCT.md:
/// "US: Hawaii to Eastern; US-FL: Central and Eastern; CA: Pacific to
/// Newfoundland"), read independently of the engine's region table.
/// Whether two zones show the same time mid-January and mid-July 2026.
fn same_clock(a: chrono_tz::Tz, b: chrono_tz::Tz) -> bool {
    use chrono::{Offset, TimeZone};
    [(1, 15), (7, 15)].iter().all(|&(m, d)| {
        let Some(t) = NaiveDate::from_ymd_opt(2026, m, d).and_then(|d| d.and_hms_opt(12, 0, 0))
        else {
            return false;
        };
        let off = |z: chrono_tz::Tz| z.offset_from_utc_datetime(&t).fix().local_minus_utc();
        off(a) == off(b)
    })
}

fn region_zones(region: &str) -> Vec<chrono_tz::Tz> {
    let names: &[&str] = match region {
        "US-FL" => &["America/New_York", "America/Chicago"],
        "US-OK" => &["America/Chicago"],
        "US-MD" => &["America/New_York"],
        "CA" => &[
            "America/Vancouver",
            "America/Edmonton",
            "America/Regina",
            "America/Winnipeg",
            "America/Toronto",
            "America/Halifax",
            "America/St_Johns",
        ],
        _ => &[
            "Pacific/Honolulu",
            "America/Anchorage",
            "America/Los_Angeles",
            "America/Phoenix",
            "America/Denver",
            "America/Chicago",
            "America/New_York",
        ],
    };
    names.iter().filter_map(|n| n.parse().ok()).collect()
}

/// Whether `t` is inside the contact window the contact is bound by: its
/// region's (contact, else playbook), the playbook's custom window, or the
/// default US window when neither region nor custom window is set — in the
/// contact's zone (contact, else playbook; a fixed offset set aside), or, when neither gives one, in
/// every zone of the region (the US when none).
fn inside_window(c: &Value, pb: &Value, t: i64) -> bool {
    let region = c
        .get("region")
        .or_else(|| pb.get("region"))
        .and_then(Value::as_str);
    // The contact's zone; else the playbook's where a zone of the region
    // keeps its clock (docs/semantics.md); else every zone of the region.
    let tz = |v: &Value| -> Option<chrono_tz::Tz> {
        v.get("timeZone")?
            .as_str()
            .map(|n| n.parse().unwrap_or(chrono_tz::UTC))
    };
    let of_region = region_zones(region.unwrap_or("US"));
    // (A contact's fixed offset, "UTC", is no place's clock: set aside unless
    // it keeps one of the region's, the US's when none is named.)
    let fixed = |z: chrono_tz::Tz| z.name() == "UTC" || z.name().starts_with("Etc/");
    let keeps = |z: chrono_tz::Tz| {
        (region.is_none() && !fixed(z)) || of_region.iter().any(|&r| same_clock(r, z))
    };
    let zones: Vec<chrono_tz::Tz> = match (tz(c).filter(|&z| !fixed(z) || keeps(z)), tz(pb)) {
        (Some(z), _) => vec![z],
        (None, Some(z)) if keeps(z) => vec![z],
        _ => of_region,
    };
    let custom = pb.get("window").and_then(Value::as_array).map(|blocks| {
        blocks
            .iter()
            .map(|b| {
                let m = |k: &str| {
                    b.get(k)
                        .and_then(Value::as_str)
                        .and_then(cadence_engine::time::parse_hhmm)
                        .unwrap_or(0)
                };
                ([true; 7], m("from"), m("to"))
            })
            .collect::<Vec<_>>()
    });
    zones.into_iter().all(|zone| {
        let region_ok = match (region, &custom) {
            (Some(r), _) => in_blocks(&region_blocks(r), zone, t),
            (None, Some(_)) => true,
            (None, None) => in_blocks(&region_blocks("US"), zone, t),
        };
        region_ok && custom.as_ref().map_or(true, |b| in_blocks(b, zone, t))
    })
}

/// The start of the phase that holds attempt `attempt` in the month `period`
/// (`YYYY-MM`), in `zone`.
fn phase_start(pb: &Value, period: &str, attempt: u32, zone: Zone) -> Option<i64> {
    let phases = pb.get("campaign")?.get("phases")?.as_array()?;
    let phase = phases
        .iter()
        .find(|p| p.get("attempt").and_then(Value::as_f64).unwrap_or(0.0) >= f64::from(attempt))?;
    let day = phase.get("fromDay")?.as_f64()? as u32;
    let y: i32 = period.get(..4)?.parse().ok()?;
    let m: u32 = period.get(5..7)?.parse().ok()?;
    let date = NaiveDate::from_ymd_opt(y, m, day)?;
    Some(zone.start_of_day(date).ms())
}

proptest! {
    #![proptest_config(cfg(96))]

    /// No panic; the same input gives the same output, through the JSON value
    /// path and the JSON text path alike; the status is one of the ten.
    #[test]
    fn deterministic_and_known_status((c, pb, now) in scenario()) {
        let a = api::evaluate(&c, &pb, &json!(now));
        let b = api::evaluate(&c, &pb, &json!(now));
        prop_assert_eq!(&a, &b);
        let pbn = Playbook::from_deserializer(&pb);
        prop_assert!(pbn.is_ok());
        if let (Ok(pbn), Ok(a)) = (pbn, &a) {
            let text = cadence_engine::evaluate_json(&c.to_string(), &pbn, &now.to_string())
                .map(|e| ser(&e));
            prop_assert_eq!(Ok(a.clone()), text);
            // What the host builds from the tape is the JSON's value, for one
            // evaluation and for three in one tape (strings shared).
            if let Ok(e) = cadence_engine::evaluate_json(&c.to_string(), &pbn, &now.to_string()) {
                let tape = |v: &dyn erased::Ser| v.tape();
                let host = cadence_engine::tape::as_host;
                prop_assert_eq!(tape(&e), Some(host(a.clone())));
                prop_assert_eq!(tape(&vec![&e, &e, &e]), Some(host(json!([a, a, a]))));
            }
            let status = a.get("status").and_then(Value::as_str).unwrap_or("");
            prop_assert!(STATUSES.contains(&status), "status {}", status);
        }
        // plan and checkChannel answer too, deterministically.
        let until = json!((now + 90 * 86_400_000).min(MAX_MS));
        prop_assert_eq!(api::plan(&c, &pb, &json!(now), &until), api::plan(&c, &pb, &json!(now), &until));
        for ch in ["sms", "call", "email"] {
            prop_assert!(api::check_channel(&c, &json!(ch), &json!(now), &pb).is_ok());
        }
    }

    /// `next` is never on a channel refused for good (DND, wrong number), but
    /// for the one confirmation text right after an opt-out.
    #[test]
    fn next_respects_lasting_refusals((c, pb, now) in scenario()) {
        let Some((ev, _, _)) = native(&c, &pb, now) else { return Ok(()) };
        if let Some(n) = &ev.next {
            if let Some(ch) = cadence_engine::Channel::parse(n.channel) {
                let reason = ev.channels.get(ch).reason;
                prop_assert!(
                    n.kind == "confirmOptOut" || !matches!(reason, Some("dnd") | Some("wrongNumber")),
                    "{} ({}) on {} refused by {:?}", n.label, n.kind, n.channel, reason
                );
            }
        }
    }

    /// The host's sender is never told a send is due on a channel it may
    /// not use now (quiet hours, a cap, a DND): `nextAuto.due` implies the
    /// channel is allowed.
    #[test]
    fn an_automatic_send_is_due_only_when_its_channel_is_allowed((c, pb, now) in scenario()) {
        let Some((ev, _, _)) = native(&c, &pb, now) else { return Ok(()) };
        if let Some(a) = ev.next_auto.as_ref().filter(|a| a.due) {
            if let Some(ch) = cadence_engine::Channel::parse(a.channel) {
                let answer = ev.channels.get(ch);
                prop_assert!(answer.allowed, "{} due on {} refused by {:?}", a.label, a.channel, answer.reason);
            }
        }
    }

    /// Every `next.dueAt` lies inside the contact window, but for reply and
    /// opt-out confirmation deadlines.
    #[test]
    fn next_due_inside_window((c, pb, now) in scenario()) {
        let Some((ev, _, _)) = native(&c, &pb, now) else { return Ok(()) };
        if let Some(n) = &ev.next {
            if n.kind != "reply" && n.kind != "confirmOptOut" {
                let t = ms_of(&n.due_at.to_string());
                prop_assert!(inside_window(&c, &pb, t),
                    "{} ({}) due {} outside the window", n.label, n.kind, n.due_at);
            }
        }
    }

    /// A campaign attempt is never due before its phase starts; a step never
    /// before enrollment.
    #[test]
    fn next_not_before_the_rule((c, pb, now) in scenario()) {
        let Some((ev, contact, _)) = native(&c, &pb, now) else { return Ok(()) };
        let Some(n) = &ev.next else { return Ok(()) };
        let due = ms_of(&n.due_at.to_string());
        match n.kind {
            "attempt" => {
                let zone = Zone::parse(ev.time_zone).unwrap_or(Zone::UTC);
                let period = ev.campaign.as_ref().map(|p| p.period.clone()).unwrap_or_default();
                let start = phase_start(&pb, &period, n.attempt.unwrap_or(1), zone);
                prop_assert!(start.is_some_and(|s| due >= s),
                    "{} due {} before its phase ({:?}, {})", n.label, n.due_at, start, period);
                prop_assert!(due >= contact.added_at.ms(), "{} due before enrollment", n.label);
            }
            "step" => prop_assert!(due >= contact.added_at.ms(),
                "step {:?} due {} before enrollment", n.step_id, n.due_at),
            _ => {}
        }
    }

    /// If `evaluate(c, t1).valid_until > t2 >= t1`, `evaluate(c, t2)` equals
    /// `evaluate(c, t1)` in every serialised field: contacts under no frequency
    /// cap.
    #[test]
    fn unchanged_before_valid_until((c, pb, now) in scenario(), frac in 0.0f64..1.0) {
        prop_assume!(!capped(&c, &pb));
        unchanged(&c, &pb, now, frac)?;
    }

    /// The same under frequency caps (regions US-FL, US-OK, US-MD, or the
    /// playbook's `frequencyCap`).
    #[test]
    fn unchanged_before_valid_until_with_caps((c, pb, now) in scenario(), frac in 0.0f64..1.0) {
        prop_assume!(capped(&c, &pb));
        unchanged(&c, &pb, now, frac)?;
    }
}

/// Whether a frequency cap binds the contact.
fn capped(c: &Value, pb: &Value) -> bool {
    let region = c
        .get("region")
        .or_else(|| pb.get("region"))
        .and_then(Value::as_str);
    pb.get("frequencyCap").is_some() || matches!(region, Some("US-FL" | "US-OK" | "US-MD"))
}

fn unchanged(c: &Value, pb: &Value, now: i64, frac: f64) -> Result<(), TestCaseError> {
    {
        let Some((a, contact, pbn)) = native(c, pb, now) else {
            return Ok(());
        };
        // `null` means never: check a year and more ahead.
        let until = a.valid_until_ms().min(now.saturating_add(400 * 86_400_000));
        let span = until.saturating_sub(now);
        prop_assume!(span > 0);
        let t2 = now + ((span as f64 * frac) as i64).min(span - 1);
        let b = cadence_engine::evaluate(&contact, &pbn, Instant(t2));
        prop_assert_eq!(
            ser(&a),
            ser(&b),
            "changed at {} before valid_until {}",
            t2,
            until
        );
        // And at the last millisecond before it.
        let last = cadence_engine::evaluate(&contact, &pbn, Instant(until - 1));
        prop_assert_eq!(
            ser(&a),
            ser(&last),
            "changed at valid_until - 1 = {}",
            until - 1
        );
    }
    Ok(())
}

/// A contact made bad in one of several ways, for `evaluateMany`.
fn spoil(c: &Value, how: u8) -> Value {
    let mut c = c.clone();
    if let Some(o) = c.as_object_mut() {
        match how % 6 {
            0 => {
                o.remove("addedAt");
            }
            1 => {
                o.insert("addedAt".into(), json!("yesterday"));
            }
            2 => {
                o.insert(
                    "events".into(),
                    json!([{"kind": "message", "at": f64::MAX}]),
                );
            }
            3 => {
                o.insert("timeZone".into(), json!("Mars/Base"));
            }
            4 => {
                o.insert("colour".into(), json!("blue"));
            }
            _ => return json!(null),
        }
    }
    c
}

proptest! {
    #![proptest_config(cfg(32))]

    /// One result per input, in order; a bad contact gives `{id, error}` in its
    /// place, a good one exactly what `evaluate` gives.
    #[test]
    fn evaluate_many_one_per_input(
        list in proptest::collection::vec((contact(), proptest::option::of(any::<u8>())), 0..6),
        pb in playbook(),
        now in time(),
    ) {
        prop_assume!(api::validate_playbook(&pb).is_ok());
        let inputs: Vec<Value> = list
            .iter()
            .enumerate()
            .map(|(i, (c, bad))| {
                let mut c = c.clone();
                if let Some(o) = c.as_object_mut() {
                    o.insert("id".into(), json!(format!("c{i}")));
                }
                match bad {
                    Some(how) => spoil(&c, *how),
                    None => c,
                }
            })
            .collect();
        let out = api::evaluate_many(&Value::Array(inputs.clone()), &pb, &json!(now));
        prop_assert!(out.is_ok(), "{:?}", out);
        let out = out.unwrap_or(Value::Null);
        let out = out.as_array().cloned().unwrap_or_default();
        prop_assert_eq!(out.len(), inputs.len());
        for (i, (input, got)) in inputs.iter().zip(&out).enumerate() {
            match api::evaluate(input, &pb, &json!(now)) {
                Ok(want) => prop_assert_eq!(&want, got),
                Err(_) => {
                    prop_assert!(got.get("error").and_then(Value::as_str).is_some_and(|e| e.starts_with(&format!("contacts[{i}]"))), "{}", got);
                    prop_assert_eq!(got.get("id"), Some(input.get("id").unwrap_or(&Value::Null)));
                }
            }
        }
    }
}

/// What the resident worklist keeps of each contact equals what `evaluate`
/// renders for it, field by field, after a load and after refreshes forward
/// (only what can have changed is re-evaluated) and backward.
fn kept_equals_evaluate(contacts: &[Value], pb: &Value, nows: &[i64]) -> Result<(), TestCaseError> {
    let Ok(pbn) = Playbook::from_value(pb) else {
        return Ok(());
    };
    let read: Vec<cadence_engine::Contact> = contacts
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let mut c = c.clone();
            if let Some(o) = c.as_object_mut() {
                o.insert("id".into(), json!(format!("c{i}")));
            }
            input::contact_from_value(&c, &pbn).ok()
        })
        .collect();
    let Some((&first, rest)) = nows.split_first() else {
        return Ok(());
    };
    let mut w = cadence_engine::worklist::Worklist::new(pbn.clone(), Some(Instant(first)));
    w.upsert(read.clone());
    for &now in std::iter::once(&first).chain(rest) {
        w.refresh(Instant(now));
        for c in &read {
            let id = c.id.text();
            let ev = cadence_engine::evaluate(c, &pbn, Instant(now));
            let kept = w.kept(&id);
            prop_assert!(kept.is_some(), "{id} not kept");
            let Some(k) = kept else { continue };
            let at = |t: &str| ms_of(t);
            prop_assert_eq!(k.status, ev.status, "{} status at {}", id, now);
            prop_assert_eq!(
                k.next.as_str(),
                ev.next.as_ref().map_or("none", |n| n.label.as_str()),
                "{} next at {}",
                id,
                now
            );
            prop_assert_eq!(
                k.phase.as_deref(),
                ev.campaign.as_ref().map(|c| c.phase.as_str())
            );
            let allowed: Vec<Channel> = Channel::ALL
                .into_iter()
                .filter(|c| ev.channels.get(*c).allowed)
                .collect();
            prop_assert_eq!(&k.allowed, &allowed, "{} allowed at {}", id, now);
            prop_assert_eq!(k.due, ev.next.as_ref().is_some_and(|n| n.due));
            prop_assert_eq!(k.overdue, ev.next.as_ref().is_some_and(|n| n.overdue));
            prop_assert_eq!(k.auto_due, ev.next_auto.as_ref().is_some_and(|n| n.due));
            prop_assert_eq!(
                k.texting_blocked,
                ev.dnd.sms.is_some() || ev.dnd.all.is_some()
            );
            prop_assert_eq!(k.priority, ev.priority);
            prop_assert_eq!(
                k.due_at,
                ev.next.as_ref().map(|n| at(&n.due_at.to_string()))
            );
            prop_assert_eq!(k.valid_until, ev.valid_until.map(|s| s.at.ms()));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(cfg(64))]

    #[test]
    fn worklist_keeps_what_evaluate_renders(
        contacts in proptest::collection::vec(contact(), 1..12),
        pb in playbook(),
        now in time(),
        steps in proptest::collection::vec(-3i64 * 86_400_000..3 * 86_400_000, 1..4),
    ) {
        let mut nows = vec![now];
        for s in steps {
            nows.push((now + s).clamp(MIN_MS, MAX_MS));
        }
        kept_equals_evaluate(&contacts, &pb, &nows)?;
    }
}

/// The facts of contacts folded one after the other with the consent lists
/// a batch lends (touches, violations, keyword replies) are the facts of
/// each folded afresh: nothing of one contact is left in the next.
fn lent_lists_leave_nothing(contacts: &[Value], pb: &Value, now: i64) -> Result<(), TestCaseError> {
    use cadence_engine::consent::Lent;
    use cadence_engine::context::{Ctx, Env};
    let Ok(pbn) = Playbook::from_value(pb) else {
        return Ok(());
    };
    let read: Vec<cadence_engine::Contact> = contacts
        .iter()
        .filter_map(|c| input::contact_from_value(c, &pbn).ok())
        .collect();
    let env = Env::new(&pbn);
    let mut lent = Lent::default();
    for (i, c) in read.iter().enumerate() {
        for lean in [true, false] {
            let mut fresh_ctx = Ctx::new(&env, c, Instant(now));
            fresh_ctx.lean = lean;
            let fresh = cadence_engine::facts::facts(&fresh_ctx);
            let mut ctx = Ctx::new(&env, c, Instant(now));
            ctx.lean = lean;
            ctx.lent.set(std::mem::take(&mut lent));
            let mut f = cadence_engine::facts::facts(&ctx);
            prop_assert_eq!(&f, &fresh, "contact {} (lean: {})", i, lean);
            lent.reclaim(&mut f.consent);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(cfg(64))]

    #[test]
    fn lent_lists_leave_nothing_behind(
        contacts in proptest::collection::vec(contact(), 1..8),
        pb in playbook(),
        now in time(),
    ) {
        lent_lists_leave_nothing(&contacts, &pb, now)?;
    }
}
