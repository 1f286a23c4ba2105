//! Reading contacts from JSON-shaped data, with field paths in every error.
//!
//! Events are read into one flat shape and then checked per `kind`, so that a
//! field that does not belong to a kind, or a call outcome on an SMS activity,
//! is reported at its own path (`events[3].outcome`).

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::{
    Contact, ContactId, Direction, DndChannel, DndSource, Event, EventBody, Interaction,
    MessageChannel, Outcome,
};
use crate::time::{Instant, Zone};
use crate::window::Region;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawContact {
    id: ContactId,
    name: Option<String>,
    time_zone: Option<String>,
    region: Option<Region>,
    added_at: Instant,
    priority: Option<f64>,
    #[serde(default)]
    events: Vec<RawEvent>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
enum Kind {
    Message,
    Activity,
    Dnd,
    StepDone,
    Callback,
    Horizon,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Message => "message",
            Kind::Activity => "activity",
            Kind::Dnd => "dnd",
            Kind::StepDone => "stepDone",
            Kind::Callback => "callback",
            Kind::Horizon => "horizon",
        }
    }
}

/// Every field any event kind has; which ones a kind may carry is checked after.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawEvent {
    kind: Kind,
    at: Instant,
    channel: Option<String>,
    direction: Option<Direction>,
    text: Option<String>,
    step: Option<String>,
    interaction: Option<Interaction>,
    outcome: Option<Outcome>,
    reason: Option<String>,
    active: Option<bool>,
    source: Option<DndSource>,
    due_at: Option<Instant>,
    scheduled: Option<bool>,
    buy_at: Option<Instant>,
}

impl<'de> Deserialize<'de> for ContactId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = ContactId;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a non-empty string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<ContactId, E> {
                if v.is_empty() {
                    return Err(E::custom(
                        "expected a non-empty string or a number, got \"\"",
                    ));
                }
                Ok(ContactId::Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<ContactId, E> {
                Ok(ContactId::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<ContactId, E> {
                Ok(ContactId::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<ContactId, E> {
                if v.is_finite() {
                    Ok(ContactId::Number(v))
                } else {
                    Err(E::custom(format!(
                        "expected a non-empty string or a finite number, got {v}"
                    )))
                }
            }
        }
        d.deserialize_any(V)
    }
}

const FIELDS: [&str; 12] = [
    "channel",
    "direction",
    "text",
    "step",
    "interaction",
    "outcome",
    "reason",
    "active",
    "source",
    "dueAt",
    "scheduled",
    "buyAt",
];

impl RawEvent {
    fn present(&self) -> [bool; 12] {
        [
            self.channel.is_some(),
            self.direction.is_some(),
            self.text.is_some(),
            self.step.is_some(),
            self.interaction.is_some(),
            self.outcome.is_some(),
            self.reason.is_some(),
            self.active.is_some(),
            self.source.is_some(),
            self.due_at.is_some(),
            self.scheduled.is_some(),
            self.buy_at.is_some(),
        ]
    }

    fn check(self, path: &str) -> Result<Event> {
        let allowed: &[&str] = match self.kind {
            Kind::Message => &["channel", "direction", "text", "step"],
            Kind::Activity => &["interaction", "outcome", "reason", "step"],
            Kind::Dnd => &["channel", "active", "source", "reason"],
            Kind::StepDone => &["step"],
            Kind::Callback => &["dueAt", "scheduled"],
            Kind::Horizon => &["buyAt"],
        };
        for (name, present) in FIELDS.iter().zip(self.present()) {
            if present && !allowed.contains(name) {
                return Err(Error::input(
                    format!("{path}.{name}"),
                    format!(
                        "not a field of a {} event (its fields: kind, at, {})",
                        self.kind.as_str(),
                        allowed.join(", ")
                    ),
                ));
            }
        }
        let need = |v: bool, name: &str, what: &str| -> Result<()> {
            if v {
                Ok(())
            } else {
                Err(Error::input(
                    format!("{path}.{name}"),
                    format!(
                        "required for a {} event: expected {what}",
                        self.kind.as_str()
                    ),
                ))
            }
        };
        let body = match self.kind {
            Kind::Message => {
                need(self.channel.is_some(), "channel", "\"sms\" or \"email\"")?;
                need(self.direction.is_some(), "direction", "\"in\" or \"out\"")?;
                let channel = match self.channel.as_deref() {
                    Some("sms") => MessageChannel::Sms,
                    Some("email") => MessageChannel::Email,
                    other => {
                        return Err(Error::value(
                            format!("{path}.channel"),
                            format!(
                                "expected \"sms\" or \"email\" for a message, got {:?}",
                                other.unwrap_or("")
                            ),
                        ))
                    }
                };
                EventBody::Message {
                    channel,
                    direction: self.direction.unwrap_or(Direction::Out),
                    text: self.text,
                    step: self.step,
                }
            }
            Kind::Activity => {
                need(
                    self.interaction.is_some(),
                    "interaction",
                    "\"call\", \"sms\", \"email\" or \"inStore\"",
                )?;
                need(
                    self.outcome.is_some(),
                    "outcome",
                    "an outcome such as \"noAnswer\"",
                )?;
                let interaction = self.interaction.unwrap_or(Interaction::Call);
                let outcome = self.outcome.unwrap_or(Outcome::Connected);
                if outcome.is_call_only() && interaction != Interaction::Call {
                    return Err(Error::value(
                        format!("{path}.outcome"),
                        format!(
                            "{:?} is a call outcome, valid only with interaction \"call\", got interaction {:?}",
                            outcome.as_str(),
                            interaction.as_str()
                        ),
                    ));
                }
                EventBody::Activity {
                    interaction,
                    outcome,
                    reason: self.reason,
                    step: self.step,
                }
            }
            Kind::Dnd => {
                need(
                    self.channel.is_some(),
                    "channel",
                    "\"sms\", \"call\", \"email\" or \"all\"",
                )?;
                need(self.active.is_some(), "active", "true or false")?;
                let channel = match self.channel.as_deref() {
                    Some("sms") => DndChannel::Sms,
                    Some("call") => DndChannel::Call,
                    Some("email") => DndChannel::Email,
                    Some("all") => DndChannel::All,
                    other => {
                        return Err(Error::value(
                            format!("{path}.channel"),
                            format!(
                                "expected \"sms\", \"call\", \"email\" or \"all\", got {:?}",
                                other.unwrap_or("")
                            ),
                        ))
                    }
                };
                EventBody::Dnd {
                    channel,
                    active: self.active.unwrap_or(true),
                    source: self.source.unwrap_or(DndSource::Manual),
                }
            }
            Kind::StepDone => {
                need(self.step.is_some(), "step", "the id of a step")?;
                EventBody::StepDone {
                    step: self.step.unwrap_or_default(),
                }
            }
            Kind::Callback => {
                need(self.due_at.is_some(), "dueAt", "the time of the callback")?;
                EventBody::Callback {
                    due_at: self.due_at.unwrap_or(self.at),
                    scheduled: self.scheduled.unwrap_or(false),
                }
            }
            Kind::Horizon => {
                need(
                    self.buy_at.is_some(),
                    "buyAt",
                    "the time the lead means to buy",
                )?;
                let buy_at = self.buy_at.unwrap_or(self.at);
                if buy_at < self.at {
                    return Err(Error::value(
                        format!("{path}.buyAt"),
                        "expected a time at or after the event's `at`",
                    ));
                }
                EventBody::Horizon { buy_at }
            }
        };
        Ok(Event { at: self.at, body })
    }
}

/// Reads a contact from any serde deserializer.
///
/// # Errors
/// An error naming the field path (`events[3].at`) and what was expected.
pub fn contact_from<'de, D>(d: D) -> Result<Contact>
where
    D: Deserializer<'de>,
    D::Error: fmt::Display,
{
    let raw: RawContact = serde_path_to_error::deserialize(d).map_err(Error::from_path)?;
    build(raw)
}

/// Reads a contact from JSON text.
///
/// # Errors
/// As [`contact_from`].
pub fn contact_from_json(text: &str) -> Result<Contact> {
    let mut de = serde_json::Deserializer::from_str(text);
    let c = contact_from(&mut de)?;
    de.end().map_err(|e| Error::input("", e.to_string()))?;
    Ok(c)
}

fn build(raw: RawContact) -> Result<Contact> {
    let time_zone = match &raw.time_zone {
        Some(z) => Some(Zone::parse(z).map_err(|e| e.under("timeZone"))?),
        None => None,
    };
    if let Some(p) = raw.priority {
        if !p.is_finite() || p.abs() > 1e9 {
            return Err(Error::input(
                "priority",
                format!("expected a finite number from -1e9 to 1e9, got {p}"),
            ));
        }
    }
    let mut events = Vec::with_capacity(raw.events.len());
    for (i, e) in raw.events.into_iter().enumerate() {
        events.push(e.check(&format!("events[{i}]"))?);
    }
    Ok(Contact {
        id: raw.id,
        name: raw.name,
        time_zone,
        region: raw.region,
        added_at: raw.added_at,
        priority: raw.priority,
        events,
    })
}

/// Reads the id of a contact that failed to read, for batch errors, from JSON.
pub fn id_of_json(value: &serde_json::Value) -> Option<serde_json::Value> {
    value.get("id").cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> Error {
        match contact_from_json(json) {
            Ok(_) => Error::input("", "no error"),
            Err(e) => e,
        }
    }

    #[test]
    fn paths() {
        let e = err(
            r#"{"id":"a","addedAt":"2026-11-01T00:00:00Z","events":[{"kind":"message","at":"2026-11-01T00:00:00Z","channel":"sms","direction":"out"},{"kind":"message","at":"yesterday","channel":"sms","direction":"out"}]}"#,
        );
        assert_eq!(e.to_string(), "events[1].at: expected an RFC 3339 time with offset or epoch milliseconds, got \"yesterday\"");
        let e = err(
            r#"{"id":"a","addedAt":0,"events":[{"kind":"activity","at":0,"interaction":"sms","outcome":"noAnswer"}]}"#,
        );
        assert_eq!(e.path, "events[0].outcome");
        let e = err(
            r#"{"id":"a","addedAt":0,"events":[{"kind":"dnd","at":0,"channel":"sms","active":true,"text":"x"}]}"#,
        );
        assert_eq!(e.path, "events[0].text");
        let e = err(r#"{"id":"a","addedAt":0,"colour":1}"#);
        assert!(e.to_string().contains("colour"), "{e}");
        let e = err(r#"{"id":"a"}"#);
        assert!(e.to_string().contains("addedAt"), "{e}");
        let e = err(r#"{"id":"a","addedAt":0,"timeZone":"Mars/Base"}"#);
        assert_eq!(e.path, "timeZone");
    }
}
