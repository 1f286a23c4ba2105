//! Time arguments: `now`, `at`, `until` and a queue's times, read as the
//! times inside a contact are (RFC 3339 with an offset, epoch milliseconds,
//! or a local date-time in a zone).

use std::borrow::Cow;

use crate::error::{Error, ErrorCode, Result};
use crate::model::Contact;
use crate::playbook::Playbook;
use crate::time::{Instant, Zone};

use super::value::{clip, epoch, when, Val, When};
use super::EXPECTED_TIME;

/// Reads a time argument given as a number (epoch milliseconds; what looks
/// like seconds is refused).
///
/// # Errors
/// [`ErrorCode::InvalidTime`], with an empty path.
pub fn time_number(n: f64) -> Result<Instant> {
    // As JavaScript writes it: "Infinity", not Rust's "inf".
    let text = if n.fract() == 0.0 && n.abs() < 1e17 {
        format!("{}", n as i64)
    } else if n.is_infinite() {
        (if n > 0.0 { "Infinity" } else { "-Infinity" }).to_string()
    } else {
        format!("{n}")
    };
    epoch(n, &text).map_err(|(code, m)| Error::new(code, "", m))
}

/// An error about a time that belongs to no one contact (a Worklist's clock,
/// a follow-up's dates), in words that offer no local date-time: what it
/// proposes is then what the argument takes (a spreadsheet's serial date:
/// "write it with an offset").
pub fn alone(mut e: Error) -> Error {
    e.message = offset_fix(
        &e.message
            .replace(", a local date-time (read in the contact's zone) or", " or"),
    );
    e
}

/// `message` with a fix proposed as a local time read in the contact's zone
/// proposed instead as the time with an offset (where no zone reads one).
pub(super) fn offset_fix(message: &str) -> String {
    message.replace(
        " (read in the contact's zone) or with an offset",
        " with an offset",
    )
}

/// Reads a time argument given as text that belongs to no one contact
/// (`evaluateMany`'s `now` is [`TimeArg`]'s; a Worklist's clock, a follow-up's
/// dates): RFC 3339 with an offset, or a string of digits as epoch
/// milliseconds. A local date-time is refused: there is no one contact whose
/// zone could read it.
///
/// # Errors
/// [`ErrorCode::InvalidTime`], with an empty path.
pub fn time_text(text: &str) -> Result<Instant> {
    // (Not read at all: what was expected, without the local date-time a
    // contact's own time may be.)
    let arg = TimeArg::text(text).map_err(|mut e| {
        if e.message.starts_with(EXPECTED_TIME) {
            e.message = format!(
                "expected an RFC 3339 time with an offset or epoch milliseconds, got {:?}",
                clip(text)
            );
        }
        e
    })?;
    match arg.0 {
        When::At(t) => Ok(t),
        When::Local(..) => Err(Error::new(
            ErrorCode::InvalidTime,
            "",
            format!(
                "expected a time with an offset (\"2026-11-03T10:15:00-05:00\") or epoch milliseconds, got {:?}: a local date-time is read in a contact's zone, and this time is not one contact's",
                clip(text)
            ),
        )),
    }
}

/// A time argument that belongs to one contact (`evaluate`'s `now`,
/// `checkChannel`'s `at`, `plan`'s `now` and `until`, `evaluateMany`'s `now`
/// for each contact), read before the contact is: an instant, or a local
/// date-time (`2026-11-03 10:15`) that [`TimeArg::in_zone`] reads in the
/// contact's zone by the DST rule, as a local time in its events is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeArg(When);

impl TimeArg {
    /// An instant given as such (a number, a `Date`).
    pub fn at(t: Instant) -> TimeArg {
        TimeArg(When::At(t))
    }

    /// Reads RFC 3339 text with an offset, a string of digits (epoch
    /// milliseconds) or a local date-time.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidTime`], with an empty path.
    pub fn text(text: &str) -> Result<TimeArg> {
        when(Val::Str(Cow::Borrowed(text)))
            .map(TimeArg)
            .map_err(|(code, m)| Error::new(code, "", m))
    }

    /// The instant, a local date-time read in `zone` (the contact's
    /// `timeZone`, else the playbook's: [`contact_zone`]).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidTime`], with an empty path, for a local date-time
    /// when `zone` is `None`.
    pub fn in_zone(self, zone: Option<Zone>) -> Result<Instant> {
        match (self.0, zone) {
            (When::At(t), _) => Ok(t),
            (When::Local(l, _), Some(z)) => Ok(z.instant(l)),
            (When::Local(l, dated), None) => Err(Error::new(
                ErrorCode::InvalidTime,
                "",
                format!(
                    "{} is read in the contact's zone, but the contact has no timeZone (nor the playbook): give a timeZone or an offset",
                    super::value::local_named(l, dated)
                ),
            )),
        }
    }
}

/// The zone a contact's local times are read in: the zone it is known to be
/// in ([`crate::context::Fallback::known`]: its own `timeZone`, else the
/// playbook's where the region keeps its clock); `None` when unknown.
pub fn contact_zone(c: &Contact, pb: &Playbook) -> Option<Zone> {
    crate::context::Fallback::of(pb)
        .known(c.time_zone, c.region)
        .map(|(z, _)| z)
}

impl TimeArg {
    /// The instant for contact `c`: a local date-time read in its zone
    /// ([`contact_zone`]).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidTime`] at `path`, for a local date-time when the
    /// contact has no zone.
    pub fn for_contact(self, c: &Contact, pb: &Playbook, path: &str) -> Result<Instant> {
        match self.0 {
            When::At(t) => Ok(t),
            When::Local(l, dated) => match contact_zone(c, pb) {
                Some(z) => Ok(z.instant(l)),
                None => Err(Error::new(
                    ErrorCode::InvalidTime,
                    path,
                    format!(
                        "{} is read in the contact's zone, but {}",
                        super::value::local_named(l, dated),
                        crate::context::Fallback::of(pb).unknown_why(c.time_zone, c.region)
                    ),
                )),
            },
        }
    }
}

/// Reads a time given as a JSON value outside a contact (a queue item's
/// `dueAt`, a queue's `from`): an RFC 3339 string with an offset, epoch
/// milliseconds as a number or a string of digits (what looks like seconds is
/// refused), or a local date-time read in `zone` by the DST rule.
/// `zone_field` names where a zone would come from, for the error when none is
/// given.
///
/// # Errors
/// [`ErrorCode::InvalidTime`], with an empty path.
pub fn time_value(v: &serde_json::Value, zone: Option<Zone>, zone_field: &str) -> Result<Instant> {
    let got = match v {
        // (A queue's times are read in its zone, not a contact's.)
        serde_json::Value::Number(n) => {
            return time_number(n.as_f64().unwrap_or(f64::NAN)).map_err(|mut e| {
                if zone.is_none() {
                    return alone(e);
                }
                e.message = e.message.replace("the contact's zone", zone_field);
                e
            });
        }
        serde_json::Value::String(s) => match when(Val::Str(Cow::Borrowed(s))) {
            Ok(When::At(t)) => return Ok(t),
            Ok(When::Local(l, dated)) => {
                return match zone {
                    Some(z) => Ok(z.instant(l)),
                    None => Err(Error::new(
                        ErrorCode::InvalidTime,
                        "",
                        format!(
                            "{} is read in {zone_field}, but none was given: give {zone_field} or an offset",
                            super::value::local_named(l, dated)
                        ),
                    )),
                };
            }
            // (A queue's times are read in its zone, not a contact's.)
            Err((code, m)) => {
                return Err(Error::new(
                    code,
                    "",
                    m.replace("the contact's zone", zone_field),
                ))
            }
        },
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(true) => "true",
        serde_json::Value::Bool(false) => "false",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    };
    Err(Error::new(
        ErrorCode::InvalidTime,
        "",
        format!("expected an RFC 3339 time with an offset, a local date-time (read in {zone_field}) or epoch milliseconds, got {got}"),
    ))
}
