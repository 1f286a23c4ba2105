//! Reading contacts from JSON-shaped data, with field paths in every error.
//!
//! Events are read into one flat shape and then checked per `kind`, so that a
//! field that does not belong to a kind, or a call outcome on an SMS activity,
//! is reported at its own path (`events[3].outcome`).

#![deny(clippy::arithmetic_side_effects)]

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::{
    Contact, ContactId, Direction, DndChannel, DndSource, Event, EventBody, Interaction,
    MessageChannel, Outcome,
};
use crate::region::Region;
use crate::time::{Instant, Zone};

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
    events: Vec<ObjectOnly<RawEvent>>,
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

/// A struct that must be given as an object. Serde's derived readers also
/// accept an array of the fields in order (`["c1", null, ...]`), which no JS
/// caller means; this reads objects only, so an array is reported as
/// "expected a contact object, got an array".
pub(crate) struct ObjectOnly<T>(pub(crate) T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectOnly<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>, &'static str);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = ObjectOnly<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(self.1)
            }
            fn visit_map<A: de::MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<ObjectOnly<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(ObjectOnly)
            }
        }
        let name = std::any::type_name::<T>();
        let what = if name.ends_with("RawEvent") {
            "an event object"
        } else if name.ends_with("RawPlaybook") {
            "a playbook object"
        } else {
            "a contact object"
        };
        d.deserialize_map(V(std::marker::PhantomData, what))
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
    let raw: ObjectOnly<RawContact> =
        serde_path_to_error::deserialize(d).map_err(Error::from_path)?;
    build(raw.0)
}

/// Reads a contact from JSON text.
///
/// A `\uXXXX` escape of a lone UTF-16 surrogate (what `JSON.stringify` writes
/// for a string cut in the middle of an emoji) is read as U+FFFD, the
/// replacement character, as JavaScript's own `TextEncoder` does: a contact is
/// not rejected for a broken character in its name or in a message text.
///
/// # Errors
/// As [`contact_from`].
pub fn contact_from_json(text: &str) -> Result<Contact> {
    let repaired = replace_lone_surrogates(text);
    let text = repaired.as_deref().unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(text);
    let c = contact_from(&mut de)?;
    de.end().map_err(|e| Error::input("", e.to_string()))?;
    Ok(c)
}

/// The four hex digits after `\u` at `i` (the index of the backslash), if any.
fn escape_at(bytes: &[u8], i: usize) -> Option<u16> {
    if bytes.get(i.checked_add(1)?) != Some(&b'u') {
        return None;
    }
    let hex = bytes.get(i.checked_add(2)?..i.checked_add(6)?)?;
    let hex = std::str::from_utf8(hex).ok()?;
    u16::from_str_radix(hex, 16).ok()
}

/// JSON text with every escaped lone surrogate (`\ud800` not followed by a low
/// surrogate escape, or a `\udc00` not preceded by a high one) replaced by
/// `\ufffd`; `None` when there is none (the common case: no copy).
///
/// Backslashes occur in JSON only inside strings, so scanning escape by escape
/// from the start is exact for valid JSON; invalid JSON stays invalid.
pub fn replace_lone_surrogates(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `text` already in `out`
    let mut i = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'\\'))
    {
        let at = i.saturating_add(off);
        let end = match escape_at(bytes, at) {
            Some(0xD800..=0xDBFF) => {
                let next = at.saturating_add(6);
                let paired = bytes.get(next) == Some(&b'\\')
                    && matches!(escape_at(bytes, next), Some(0xDC00..=0xDFFF));
                if paired {
                    i = next.saturating_add(6);
                    continue;
                }
                next
            }
            Some(0xDC00..=0xDFFF) => at.saturating_add(6),
            Some(_) => {
                i = at.saturating_add(6);
                continue;
            }
            // `\\`, `\"` and the other two-character escapes.
            None => {
                i = at.saturating_add(2);
                continue;
            }
        };
        let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
        o.push_str(text.get(copied..at).unwrap_or(""));
        o.push_str("\\ufffd");
        copied = end;
        i = end;
    }
    out.map(|mut o| {
        o.push_str(text.get(copied..).unwrap_or(""));
        o
    })
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
    for (i, ObjectOnly(e)) in raw.events.into_iter().enumerate() {
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

    #[test]
    fn arrays_are_not_objects() {
        let e = err(r#"["a", null, null, null, 0, null, []]"#);
        assert_eq!(e.to_string(), "expected a contact object, got an array");
        let e = err(r#"{"id":"a","addedAt":0,"events":[["message", 0]]}"#);
        assert_eq!(
            e.to_string(),
            "events[0]: expected an event object, got an array"
        );
    }

    #[test]
    fn lone_surrogates_read_as_replacement_characters() {
        let fix = |s: &str| replace_lone_surrogates(s);
        assert_eq!(fix(r#"{"a":"x\u00e9\"\\ud800"}"#), None);
        assert_eq!(fix(r#""\ud83d\ude00""#), None);
        assert_eq!(fix(r#""\ud83d""#).as_deref(), Some(r#""\ufffd""#));
        assert_eq!(
            fix(r#""a\uDC00b\ud800\ud800\udc00""#).as_deref(),
            Some(r#""a\ufffdb\ufffd\ud800\udc00""#)
        );
        assert_eq!(fix(r#""\ud800\n""#).as_deref(), Some(r#""\ufffd\n""#));
        assert_eq!(fix("\\u"), None);
        assert_eq!(fix("\\ud8"), None);
        let c = contact_from_json(
            r#"{"id":"a","name":"Ana \ud83d","addedAt":0,"events":[{"kind":"message","at":0,"channel":"sms","direction":"in","text":"STOP\udc00"}]}"#,
        );
        assert_eq!(c.map(|c| c.name), Ok(Some("Ana \u{fffd}".to_string())));
    }
}
