//! The JavaScript contract over JSON values, for Rust callers, the golden-case
//! runner and the fuzzers: the same names and shapes as the wasm exports.

use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, ErrorCode, Result};
use crate::input::contact_from_value;
use crate::model::{Channel, MessageChannel};
use crate::playbook::Playbook;
use crate::read::TimeArg;
use crate::time::Instant;

fn json<T: Serialize>(v: &T) -> Result<Value> {
    serde_json::to_value(v).map_err(|e| Error::input("", e.to_string()))
}

/// Reads a time value that belongs to no one contact (RFC 3339 text with an
/// offset, or epoch ms) at `path`.
///
/// # Errors
/// [`ErrorCode::InvalidTime`] under `path`.
pub fn time(v: &Value, path: &str) -> Result<Instant> {
    if let Value::String(s) = v {
        return crate::read::time_text(s).map_err(|e| e.under(path));
    }
    time_arg(v, path)
        .map_err(crate::read::alone)?
        .in_zone(None)
        .map_err(|e| crate::read::alone(e).under(path))
}

/// Reads a time value of one contact at `path`: as [`time`], or a local
/// date-time for [`TimeArg::for_contact`].
///
/// # Errors
/// [`ErrorCode::InvalidTime`] under `path`.
pub fn time_arg(v: &Value, path: &str) -> Result<TimeArg> {
    let got = match v {
        Value::Number(n) => {
            return crate::read::time_number(n.as_f64().unwrap_or(f64::NAN))
                .map(TimeArg::at)
                .map_err(|e| e.under(path))
        }
        Value::String(s) => return TimeArg::text(s).map_err(|e| e.under(path)),
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    Err(Error::new(
        ErrorCode::InvalidTime,
        path,
        format!("{}, got {got}", crate::time::EXPECTED_TIME),
    ))
}

/// The JSON of a batch error: `{id, error, code, path, errors}`, where `errors`
/// lists each bad field of the record (`{path, message, code}`).
pub fn batch_error(id: Value, e: &Error) -> Value {
    let errors: Vec<Value> = e
        .all()
        .map(|x| serde_json::json!({"path": x.path, "message": x.message, "code": x.code.as_str()}))
        .collect();
    serde_json::json!({
        "id": id,
        "error": e.to_string(),
        "code": e.code.as_str(),
        "path": e.path,
        "errors": errors,
    })
}

/// Reads a playbook value; errors are put under `prefix`.
///
/// # Errors
/// Field-path errors.
pub fn playbook(v: &Value, prefix: &str) -> Result<Playbook> {
    Playbook::from_value(v).map_err(|e| e.under(prefix))
}

/// `evaluate(contact, playbook, now)`.
///
/// # Errors
/// Field-path errors.
pub fn evaluate(contact: &Value, pb: &Value, now: &Value) -> Result<Value> {
    let pb = playbook(pb, "playbook")?;
    let now = time_arg(now, "now")?;
    let c = contact_from_value(contact, &pb)?;
    let now = now.for_contact(&c, &pb, "now")?;
    json(&crate::evaluate::evaluate(&c, &pb, now))
}

/// `evaluateMany(contacts, playbook, now)`: a bad contact yields
/// `{id, error, code, path}`.
///
/// # Errors
/// For a bad playbook, `now`, or a `contacts` that is not an array.
pub fn evaluate_many(contacts: &Value, pb: &Value, now: &Value) -> Result<Value> {
    let pb = playbook(pb, "playbook")?;
    let now = time_arg(now, "now")?;
    let list = contacts
        .as_array()
        .ok_or_else(|| Error::input("contacts", "expected an array of contacts"))?;
    let mut out = Vec::with_capacity(list.len());
    let env = crate::context::Env::new(&pb);
    for (i, v) in list.iter().enumerate() {
        let read = contact_from_value(v, &pb)
            .and_then(|c| Ok((now.for_contact(&c, &pb, "now")?, c)))
            .map_err(|e| e.under(&format!("contacts[{i}]")));
        out.push(match read {
            Ok((now, c)) => json(&crate::evaluate::evaluate_in(&env, &c, now, true))?,
            Err(e) => {
                let id = v
                    .get("id")
                    .filter(|id| id.is_string() || id.is_number())
                    .cloned()
                    .unwrap_or(Value::Null);
                batch_error(id, &e)
            }
        });
    }
    Ok(Value::Array(out))
}

/// `plan(contact, playbook, now, until)`.
///
/// # Errors
/// Field-path errors.
pub fn plan(contact: &Value, pb: &Value, now: &Value, until: &Value) -> Result<Value> {
    let pb = playbook(pb, "playbook")?;
    let now = time_arg(now, "now")?;
    let until = time_arg(until, "until")?;
    let c = contact_from_value(contact, &pb)?;
    let now = now.for_contact(&c, &pb, "now")?;
    let until = until.for_contact(&c, &pb, "until")?;
    json(&crate::plan::plan(&c, &pb, now, until))
}

/// `checkChannel(contact, channel, at, playbook)`.
///
/// # Errors
/// Field-path errors.
pub fn check_channel(contact: &Value, channel: &Value, at: &Value, pb: &Value) -> Result<Value> {
    let ch = channel.as_str().and_then(channel_named).ok_or_else(|| {
        Error::value(
            "channel",
            format!("expected \"sms\", \"call\" or \"email\", got {channel}"),
        )
    })?;
    let at = time_arg(at, "at")?;
    let pb = playbook(pb, "playbook")?;
    let c = contact_from_value(contact, &pb)?;
    let at = at.for_contact(&c, &pb, "at")?;
    json(&crate::evaluate::check_channel(&c, &pb, ch, at))
}

/// `classifyReply(text, channel?)`: `channel` is the medium the message came
/// by, `"sms"` (the default, also for `null`) or `"email"`.
///
/// # Errors
/// When `text` is not a string or `channel` is not `"sms"` or `"email"`.
pub fn classify_reply(text: &Value, channel: &Value) -> Result<Value> {
    let t = text
        .as_str()
        .ok_or_else(|| Error::input("text", "expected a string"))?;
    let ch = match channel {
        Value::Null => MessageChannel::Sms,
        other => message_channel(other.as_str())?,
    };
    json(&crate::reply::classify_on(t, ch))
}

/// Reads the `channel` argument of `classifyReply` as an event's channel is
/// read: in any letter case, `"text"` for `"sms"`, `"e-mail"` for `"email"`;
/// `""` is not given (`"sms"`).
///
/// # Errors
/// Any other string, or not a string.
pub fn message_channel(v: Option<&str>) -> Result<MessageChannel> {
    // Nothing but spaces, `_` or `-` is not given.
    let blank = |s: &str| {
        s.chars()
            .all(|c| c.is_whitespace() || matches!(c, '_' | '-'))
    };
    match v.map(|s| (blank(s), channel_named(s))) {
        Some((true, _) | (_, Some(Channel::Sms))) => Ok(MessageChannel::Sms),
        Some((_, Some(Channel::Email))) => Ok(MessageChannel::Email),
        _ => Err(Error::value(
            "channel",
            match v {
                Some(s) => format!("expected \"sms\" or \"email\", got \"{s}\""),
                None => "expected \"sms\" or \"email\", got another type".to_string(),
            },
        )),
    }
}

/// A channel as a host writes it, read as an event's channel is
/// ([`crate::read::channel_named`]: in any letter case, with spaces, `_` or
/// `-`, and in the words CRMs and providers use): `"SMS"`, `"Text Message"`,
/// `"MMS"`, `"E_Mail"`, `"Phone Call"`, `"voice"`.
pub fn channel_named(s: &str) -> Option<Channel> {
    crate::read::channel_named(s)
}

/// `followUpDate(engagedAt, horizonAt, fraction?)`.
///
/// # Errors
/// Bad times, a horizon before the engagement, a fraction outside (0, 1].
pub fn follow_up_date(engaged: &Value, horizon: &Value, fraction: &Value) -> Result<Value> {
    let a = time(engaged, "engagedAt")?;
    let b = time(horizon, "horizonAt")?;
    follow_up_text(
        a,
        b,
        fraction.as_f64().or(if fraction.is_null() {
            None
        } else {
            Some(f64::NAN)
        }),
        engaged.as_str(),
    )
    .map(Value::String)
}

/// The follow-up date as text, in the offset of `engaged_text` when that is
/// RFC 3339 text (UTC otherwise).
///
/// # Errors
/// A horizon before the engagement, a fraction outside (0, 1].
pub fn follow_up_text(
    a: Instant,
    b: Instant,
    fraction: Option<f64>,
    engaged_text: Option<&str>,
) -> Result<String> {
    let f = match fraction {
        None => crate::playbook::DEFAULT_FOLLOW_UP_FRACTION,
        Some(f) if f.is_finite() && f > 0.0 && f <= 1.0 => f,
        Some(f) => {
            return Err(Error::input(
                "fraction",
                format!(
                    "expected a number greater than 0 and at most 1, got {}",
                    crate::read::js_number(f)
                ),
            ))
        }
    };
    if b < a {
        return Err(Error::value(
            "horizonAt",
            "expected a time at or after engagedAt",
        ));
    }
    let t = crate::cadence::follow_up_date(a, b, f);
    // (In every form of text with an offset that a time is read in: RFC
    // 3339 and ISO's other forms, RFC 2822 as Twilio writes it, and
    // `Date#toString`.)
    let offset = engaged_text
        .and_then(|t| crate::rfc3339::parse_iso(t).or_else(|| crate::rfc3339::parse_rfc2822(t)))
        .and_then(|(_, offset)| chrono::FixedOffset::east_opt(offset));
    Ok(crate::time::format_with_offset(t, offset))
}

/// `planQueue(items, options)`.
///
/// # Errors
/// Field-path errors.
pub fn plan_queue(items: &Value, options: &Value) -> Result<Value> {
    json(&crate::queue::plan_queue(items, options)?)
}

/// `preset(name)`.
///
/// # Errors
/// An unknown name.
pub fn preset(name: &str) -> Result<Value> {
    let text = crate::playbook::preset_json(name).ok_or_else(|| {
        Error::value(
            "name",
            format!(
                "expected one of \"monthly-campaign\", \"call-ladder\", \"sequence\", got {name:?}"
            ),
        )
    })?;
    serde_json::from_str(text).map_err(|e| Error::input("", e.to_string()))
}

/// `validatePlaybook(playbook)`.
///
/// # Errors
/// Field-path errors.
pub fn validate_playbook(pb: &Value) -> Result<bool> {
    playbook(pb, "").map(|_| true)
}
