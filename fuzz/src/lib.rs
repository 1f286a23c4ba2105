//! Generators shared by the structured fuzz targets: contacts with histories
//! of every event kind at times around daylight-saving changes, month ends and
//! the ends of the supported range, in several zones and regions, and
//! playbooks from the presets with changes. `arbitrary` decides the shape;
//! these turn it into the JSON a CRM would hand the engine.

use arbitrary::Arbitrary;
use cadence_engine::region::Region;
use cadence_engine::{api, Contact, Instant, Playbook};
use serde_json::{json, Value};

/// Zones with DST changes of every kind (half-hour, at midnight, a skipped day).
pub const ZONES: [&str; 12] = [
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",
    "Pacific/Apia",
    "Asia/Kolkata",
    "America/St_Johns",
    "UTC",
    "Pacific/Kiritimati",
    "America/Santiago",
    "Asia/Tehran",
    "Africa/Casablanca",
    "America/Havana",
];
/// Regions, three of them with frequency caps.
pub const REGIONS: [&str; 5] = ["US", "US-FL", "US-OK", "US-MD", "CA"];
/// Instants near DST changes, month ends and the ends of the supported range.
pub const ANCHORS: [&str; 14] = [
    "2026-03-08T07:00:00Z",
    "2026-11-01T06:00:00Z",
    "2026-03-29T01:00:00Z",
    "2026-10-25T01:00:00Z",
    "2026-01-31T12:00:00Z",
    "2026-02-28T23:00:00Z",
    "2028-02-29T12:00:00Z",
    "2026-12-31T23:30:00Z",
    "2026-04-05T15:00:00Z",
    "2026-09-06T04:00:00Z",
    "2011-12-29T10:00:00Z",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "2026-11-30T23:59:59Z",
];

#[derive(Arbitrary, Debug)]
/// A time: an anchor and minutes from it.
pub struct T {
    pub anchor: u8,
    pub minutes: i32,
}

impl T {
    /// Epoch milliseconds, within the supported range.
    pub fn ms(&self) -> i64 {
        let a = ANCHORS
            .get(usize::from(self.anchor) % ANCHORS.len())
            .copied()
            .unwrap_or("2026-11-01T00:00:00Z");
        let base = Instant::parse(a).map(|t| t.ms()).unwrap_or(0);
        // Within ±~60 days of the anchor.
        let m = i64::from(self.minutes % 90_000);
        (base + m * 60_000).clamp(cadence_engine::time::MIN_MS, cadence_engine::time::MAX_MS)
    }
}

#[derive(Arbitrary, Debug)]
/// An event of the history.
pub enum Ev {
    Message {
        at: T,
        email: bool,
        inbound: bool,
        text: u8,
        step: Option<u8>,
    },
    Activity {
        at: T,
        interaction: u8,
        outcome: u8,
    },
    Dnd {
        at: T,
        channel: u8,
        active: bool,
        source: u8,
    },
    StepDone {
        at: T,
        step: u8,
    },
    Callback {
        at: T,
        due: T,
        scheduled: bool,
    },
    Horizon {
        at: T,
        days: u16,
    },
}

#[derive(Arbitrary, Debug)]
/// A change to a preset playbook.
pub enum Tweak {
    ReplyWithin(u16),
    Region(u8),
    Zone(u8),
    Sticky(u8),
    Holiday(T),
    Cap(u8, u8),
    Window(u16, u16, u8),
    StopOn(u8),
    Fraction(u8),
    DropStep(u8),
    StepAfter(u8, u16, bool),
    StepDay(u8, u16),
}

/// Customers' and reps' message texts.
pub const TEXTS: [&str; 10] = [
    "STOP",
    "stop all",
    "Please stop texting me",
    "START",
    "yes",
    "HELP",
    "I'll stop by tomorrow",
    "sounds good",
    "Arrêt",
    "",
];
/// Step ids of the presets, and unknown ones.
pub const STEPS: [&str; 8] = [
    "call-asap",
    "text-intro",
    "redial-2",
    "email-1",
    "text-personal",
    "call",
    "research",
    "x",
];
/// The status ids.
pub const STATUSES: [&str; 10] = [
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

/// The item at `i`, wrapping around.
pub fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list.get(usize::from(i) % list.len()).copied().unwrap_or("")
}

/// An event as JSON.
pub fn event(e: &Ev) -> Value {
    match e {
        Ev::Message {
            at,
            email,
            inbound,
            text,
            step,
        } => {
            let mut v = json!({"kind": "message", "at": at.ms(),
                "channel": if *email { "email" } else { "sms" },
                "direction": if *inbound { "in" } else { "out" },
                "text": pick(&TEXTS, *text)});
            if let (Some(s), Some(o)) = (step, v.as_object_mut()) {
                o.insert("step".into(), json!(pick(&STEPS, *s)));
            }
            v
        }
        Ev::Activity {
            at,
            interaction,
            outcome,
        } => {
            let i = pick(&["call", "sms", "email", "inStore"], *interaction);
            let o = pick(
                &[
                    "connected",
                    "noAnswer",
                    "leftVoicemail",
                    "wrongNumber",
                    "saleInProgress",
                    "sold",
                    "noSale",
                ],
                *outcome,
            );
            // Call outcomes only with calls (anything else is bad input).
            let i = if *outcome % 7 < 4 { "call" } else { i };
            json!({"kind": "activity", "at": at.ms(), "interaction": i, "outcome": o,
                "reason": if *outcome % 3 == 0 { "satisfied" } else { "other" }})
        }
        Ev::Dnd {
            at,
            channel,
            active,
            source,
        } => json!({"kind": "dnd", "at": at.ms(),
            "channel": pick(&["sms", "call", "email", "all"], *channel), "active": active,
            "source": pick(&["keyword", "manual", "unsubscribe", "bounce", "complaint"], *source)}),
        Ev::StepDone { at, step } => {
            json!({"kind": "stepDone", "at": at.ms(), "step": pick(&STEPS, *step)})
        }
        Ev::Callback { at, due, scheduled } => {
            json!({"kind": "callback", "at": at.ms(), "dueAt": due.ms(), "scheduled": scheduled})
        }
        Ev::Horizon { at, days } => {
            let a = at.ms();
            let b = a
                .saturating_add(i64::from(*days) * 86_400_000)
                .min(cadence_engine::time::MAX_MS);
            json!({"kind": "horizon", "at": a, "buyAt": b})
        }
    }
}

/// A preset (or a status-only playbook) with up to 8 of `tweaks` applied.
pub fn playbook(preset: u8, tweaks: &[Tweak]) -> Value {
    let name = pick(
        &["monthly-campaign", "call-ladder", "sequence", "none"],
        preset,
    );
    let mut pb = api::preset(name).unwrap_or_else(|_| json!({"name": "Status only"}));
    let Some(o) = pb.as_object_mut() else {
        return pb;
    };
    for t in tweaks.iter().take(8) {
        match t {
            Tweak::ReplyWithin(m) => {
                o.insert("replyWithin".into(), json!({"minutes": m % 10_000 + 1}));
            }
            Tweak::Region(r) => {
                o.insert("region".into(), json!(pick(&REGIONS, *r)));
            }
            Tweak::Zone(z) => {
                o.insert("timeZone".into(), json!(pick(&ZONES, *z)));
            }
            Tweak::Sticky(s) => {
                o.insert("stickyStatuses".into(), json!([pick(&STATUSES, *s)]));
            }
            Tweak::Holiday(t) => {
                let d = cadence_engine::time::Zone::UTC.format(Instant(t.ms()));
                o.insert(
                    "holidays".into(),
                    json!([d.get(..10).unwrap_or("2026-11-26")]),
                );
            }
            Tweak::Cap(m, h) => {
                o.insert(
                    "frequencyCap".into(),
                    json!({"max": m % 5 + 1, "hours": h % 72 + 1}),
                );
            }
            Tweak::Window(from, to, days) => {
                let hm = |m: u16| format!("{:02}:{:02}", (m / 60) % 24, m % 60);
                let days: Vec<&str> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| days & (1 << i) != 0)
                    .map(|(_, d)| *d)
                    .collect();
                let mut b = json!({"from": hm(*from), "to": hm(*to)});
                if !days.is_empty() {
                    if let Some(bo) = b.as_object_mut() {
                        bo.insert("days".into(), json!(days));
                    }
                }
                o.insert("window".into(), json!([b]));
            }
            Tweak::StopOn(s) => {
                let all = ["reply", "connected", "outcome"];
                let list: Vec<&str> = all
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| s & (1 << i) != 0)
                    .map(|(_, v)| *v)
                    .collect();
                o.insert("stopOn".into(), json!(list));
            }
            Tweak::Fraction(f) => {
                o.insert(
                    "followUpFraction".into(),
                    json!((f64::from(*f) + 1.0) / 256.0),
                );
            }
            Tweak::DropStep(i) => {
                if let Some(Value::Array(steps)) = o.get_mut("steps") {
                    if !steps.is_empty() {
                        steps.remove(usize::from(*i) % steps.len());
                    }
                }
            }
            Tweak::StepAfter(i, m, business) => {
                if let Some(Value::Array(steps)) = o.get_mut("steps") {
                    let n = steps.len().max(1);
                    if let Some(Value::Object(s)) = steps.get_mut(usize::from(*i) % n) {
                        s.remove("day");
                        s.insert("after".into(), json!({"minutes": m}));
                        s.insert("businessDays".into(), json!(business));
                    }
                }
            }
            Tweak::StepDay(i, d) => {
                if let Some(Value::Array(steps)) = o.get_mut("steps") {
                    let n = steps.len().max(1);
                    if let Some(Value::Object(s)) = steps.get_mut(usize::from(*i) % n) {
                        s.remove("after");
                        s.insert("day".into(), json!(d % 400));
                    }
                }
            }
        }
    }
    pb
}

/// What a contact record carries besides its history.
#[derive(Arbitrary, Debug)]
pub struct Record {
    pub zone: Option<u8>,
    pub region: Option<u8>,
    pub added: T,
    pub events: Vec<Ev>,
    pub priority: Option<i16>,
}

/// A contact record as JSON, with up to 32 events.
pub fn contact(id: Value, name: Option<&str>, r: &Record) -> Value {
    let mut c = json!({"id": id, "addedAt": r.added.ms(),
        "events": r.events.iter().take(32).map(event).collect::<Vec<_>>()});
    if let Some(o) = c.as_object_mut() {
        if let Some(n) = name {
            o.insert("name".into(), json!(n));
        }
        if let Some(z) = r.zone {
            o.insert("timeZone".into(), json!(pick(&ZONES, z)));
        }
        if let Some(reg) = r.region {
            o.insert("region".into(), json!(pick(&REGIONS, reg)));
        }
        if let Some(p) = r.priority {
            o.insert("priority".into(), json!(p));
        }
    }
    c
}

/// Whether a frequency cap binds the contact (the playbook's, or its
/// region's).
pub fn capped(contact: &Contact, pb: &Playbook) -> bool {
    pb.frequency_cap.is_some()
        || contact
            .region
            .or(pb.region)
            .is_some_and(|r: Region| !r.caps().is_empty())
}
