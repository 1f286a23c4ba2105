//! A contact's own fields, each checked as CRM records write it: the id, the
//! name, the zone, the region, when it was added and its priority.

use std::borrow::Cow;

use crate::error::{Error, ErrorCode};
use crate::model::ContactId;
use crate::region::Region;
use crate::time::{Instant, Zone};

use super::record::{Batch, Ctx};
use super::value::{text_of, TimeField, Val};
use super::{Errors, EXPECTED_TIME};

/// The largest number an id may be: past it, numbers skip integers.
const MAX_SAFE_ID: f64 = 9_007_199_254_740_991.0;

/// `id`: a non-empty string or a number up to 2^53 - 1; `cut` when the reader met
/// half of a UTF-16 surrogate pair in it.
pub(crate) fn id(v: Val<'_>, cut: bool, out: &mut Errors) -> Option<ContactId> {
    match v {
        // A string cut in the middle of an emoji (a CRM's field limit) holds
        // half of a UTF-16 pair, which no UTF-8 text can: read as U+FFFD,
        // two such ids would be one contact. Refused, not merged.
        Val::Str(_) if cut => {
            out.push(Error::input(
                "id",
                "expected whole characters, got half of a UTF-16 surrogate pair (a cut emoji)",
            ));
            None
        }
        Val::Str(s) if !s.trim().is_empty() => {
            Some(ContactId::Text(s.into_owned().into_boxed_str()))
        }
        // Past 2^53 a number has lost digits (two CRM ids of 19 digits read
        // as one): refused, not merged.
        Val::Num(n, _) if n.is_finite() && n.abs() <= MAX_SAFE_ID => Some(ContactId::Number(n)),
        Val::Num(n, text) if n.is_finite() => {
            out.push(Error::input(
                "id",
                format!("expected a string, or a number of at most 2^53 - 1 (9007199254740991), got {text}: a larger number has lost digits (give the id as a string)"),
            ));
            None
        }
        other => {
            out.push(Error::input(
                "id",
                format!(
                    "expected a non-empty string or a number, got {}",
                    other.got()
                ),
            ));
            None
        }
    }
}

/// `name`: a string (or a number, written as text), optional.
pub(super) fn name(v: Val<'_>, out: &mut Errors) -> Option<Box<str>> {
    match v.given().map(text_of) {
        None => None,
        Some(Ok(s)) => Some(s.into_boxed_str()),
        Some(Err(m)) => {
            out.push(Error::input("name", m));
            None
        }
    }
}

/// `timeZone`: an IANA zone name, optional.
pub(super) fn time_zone(v: Val<'_>, out: &mut Errors, batch: &mut Batch) -> Option<Zone> {
    named(
        v,
        out,
        |s| batch.zone(s).map_err(|e| e.under("timeZone")),
        |got| {
            // A number is an offset in hours, as some CRMs keep a zone.
            let hint = if got.starts_with("the number") {
                crate::time::OFFSET_IS_NO_ZONE
            } else {
                ""
            };
            Error::new(
                ErrorCode::UnknownTimeZone,
                "timeZone",
                format!("expected an IANA time zone such as \"America/New_York\", got {got}{hint}"),
            )
        },
    )
}

/// `region`: a region code, optional.
pub(super) fn region(v: Val<'_>, out: &mut Errors, batch: &mut Batch) -> Option<Region> {
    named(
        v,
        out,
        |s| batch.region(s).map_err(|m| Error::value("region", m)),
        |got| {
            Error::value(
                "region",
                format!("expected a region code such as \"US\" or \"US-TX\", got {got}"),
            )
        },
    )
}

/// An optional name from a fixed set given as text (`timeZone`, `region`):
/// `parse` reads it (spaces around ignored) or says why not; `not_text` is
/// the error for a value that is not text, given it in JSON's words.
fn named<T>(
    v: Val<'_>,
    out: &mut Errors,
    parse: impl FnOnce(&str) -> Result<T, Error>,
    not_text: impl FnOnce(String) -> Error,
) -> Option<T> {
    let e = match v.given()? {
        Val::Str(s) => match parse(s.trim()) {
            Ok(t) => return Some(t),
            Err(e) => e,
        },
        other => not_text(other.got()),
    };
    out.push(e);
    None
}

/// `addedAt`: a time, required.
pub(super) fn added_at(v: Val<'_>, cx: &mut Ctx, out: &mut Errors) -> Option<Instant> {
    match v.given() {
        None => {
            out.push(Error::new(
                ErrorCode::InvalidTime,
                "addedAt",
                format!("required: {EXPECTED_TIME}"),
            ));
            None
        }
        Some(v) => cx.time(v, None, TimeField::AddedAt, out),
    }
}

/// `priority`: a number from -1e9 to 1e9 (or its text), optional.
pub(super) fn priority(v: Val<'_>, out: &mut Errors) -> Option<f64> {
    ranked(v, out, Reach::Contact)
}

/// How far a priority may reach.
#[derive(Clone, Copy, PartialEq)]
enum Reach {
    /// A contact's own: ±1e9.
    Contact,
    /// A queue item's: what an evaluation gives, a contact's own and the
    /// playbook's opt-out boost (each up to 1e9), ±2e9.
    Evaluated,
}

fn ranked(v: Val<'_>, out: &mut Errors, reach: Reach) -> Option<f64> {
    let v = v.given()?;
    let n = match &v {
        Val::Num(n, _) => Some(*n),
        Val::Str(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    let (max, words) = match reach {
        Reach::Contact => (1e9, "-1e9 to 1e9"),
        Reach::Evaluated => (2e9, "-2e9 to 2e9"),
    };
    match n {
        Some(n) if n.is_finite() && n.abs() <= max => Some(n),
        _ => {
            out.push(Error::input(
                "priority",
                format!("expected a number from {words}, got {}", v.got()),
            ));
            None
        }
    }
}

/// A queue item's `id` and `priority`, read as a contact's are (a non-empty
/// string or a number of at most 2^53 - 1; a number from -2e9 to 2e9, every
/// priority an evaluation gives, or its digits, `""` or `null` not given): their errors, at `id` and `priority`,
/// and the priority. A string holding U+FFFF is one the host cut in the
/// middle of an emoji (the queue's text marks the half pair so).
pub fn queue_item(
    item_id: &serde_json::Value,
    item_priority: &serde_json::Value,
) -> (Vec<Error>, Option<f64>) {
    let mut out = Errors::default();
    let (id_text, pr_text) = (number_text(item_id), number_text(item_priority));
    let cut = item_id.as_str().is_some_and(|s| s.contains('\u{FFFF}'));
    id(val(item_id, &id_text), cut, &mut out);
    let p = ranked(val(item_priority, &pr_text), &mut out, Reach::Evaluated);
    (out.0, p)
}

/// The digits of a number value, for its error.
fn number_text(v: &serde_json::Value) -> String {
    v.as_number().map(ToString::to_string).unwrap_or_default()
}

/// A JSON value as the reader holds one (`text`: a number's digits).
fn val<'a>(v: &'a serde_json::Value, text: &'a str) -> Val<'a> {
    use serde_json::Value;
    match v {
        Value::Null => Val::Null,
        Value::Bool(true) => Val::True,
        Value::Bool(false) => Val::False,
        Value::Number(n) => Val::Num(n.as_f64().unwrap_or(f64::NAN), text),
        // (Read as a record's strings are: without invisible edges.)
        Value::String(s) => Val::Str(Cow::Borrowed(super::invisible_trimmed(s))),
        Value::Array(_) => Val::Array,
        Value::Object(_) => Val::Object,
    }
}
