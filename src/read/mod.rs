//! Reading contacts from JSON text, as CRMs keep them.
//!
//! A schema reader over the bytes: it reads the fields the engine uses and
//! skips every other field without looking inside it (CRM records carry phone,
//! owner, company and custom fields), treats `""` and `null` in an optional
//! field as "not given", reads a local date-time without an offset in the
//! contact's zone (its own `timeZone`, else the playbook's), refuses epoch
//! numbers that look like seconds, and reports every bad field of a record, not
//! only the first, each at its path (`events[3].at`) in the words of JSON.
//!
//! Playbooks are read strictly elsewhere (people write them; a typo must be
//! caught): this reader is for contacts only.

#![deny(clippy::arithmetic_side_effects)]

mod event;
mod json;
mod record;
mod repeated;
mod value;

pub(crate) use repeated::repeated_key;
pub(crate) use value::loosely;

use std::borrow::Cow;

use crate::error::{Error, ErrorCode, Result};
use crate::model::Contact;
use crate::playbook::{Keywords, Playbook};
use crate::time::{Instant, Zone};

use json::{Reader, Syntax};
use record::{read_contact, Batch};
use value::{clip, Val};
use value::{epoch, when, When};

/// Epoch numbers below this are refused: as milliseconds they are before
/// March 1973, so they are almost surely seconds (a CRM event is not from 1973);
/// earlier times are given as RFC 3339 text.
pub const MIN_EPOCH_MS: f64 = 100_000_000_000.0;

/// What every time field accepts, said once.
pub const EXPECTED_TIME: &str = "expected an RFC 3339 time with an offset, a local date-time (read in the contact's zone) or epoch milliseconds";

/// Reads a contact from JSON text for a playbook: local date-times without an
/// offset are read in the contact's `timeZone`, else the playbook's; customers'
/// messages are classified with the playbook's extra keywords too.
///
/// # Errors
/// Every bad field of the record, each with its path; the first is the error
/// itself and the rest are in [`Error::also`].
pub fn contact(text: &str, playbook: &Playbook) -> Result<Contact> {
    contact_with(text, playbook.time_zone, &playbook.keywords)
}

/// Reads a contact from JSON text: local date-times without an offset in the
/// contact's `timeZone`, else `default_zone`; messages classified with the
/// built-in keywords and `keywords`.
///
/// # Errors
/// As [`contact`].
pub fn contact_with(
    text: &str,
    default_zone: Option<Zone>,
    keywords: &Keywords,
) -> Result<Contact> {
    let mut r = Reader::new(text);
    let mut out = Errors::default();
    read_whole(&mut r, &mut out, default_zone, &mut Batch::new(keywords))
}

/// What a host had where the JSON text it wrote has `null`: `JSON.stringify`
/// writes `NaN` and `±Infinity` as `null`, which the reader would take as
/// "not given" (and a CRM's `Number("")` is `NaN`). Given one, the reader
/// asks it about each `null` of a field it reads, and reads the number the
/// host had there instead, which is then an error in the field's own words.
pub trait NonFinite {
    /// The number field `field` of record `record` of the batch held in the
    /// host, when it held a number there; else `None`. Asked about the
    /// contact's own fields (`events` as a whole too), not its events'.
    fn number(&self, record: usize, field: &str) -> Option<f64>;
}

/// How JavaScript writes `x` when it is a number JSON cannot hold (`NaN`,
/// `Infinity`, `-Infinity`); `None` for a finite number.
pub fn non_finite_name(x: f64) -> Option<&'static str> {
    match x {
        _ if x.is_nan() => Some("NaN"),
        f64::INFINITY => Some("Infinity"),
        f64::NEG_INFINITY => Some("-Infinity"),
        _ => None,
    }
}

/// [`contact`], for the JSON text a host wrote from its own values: see
/// [`NonFinite`] (the record is number 0).
///
/// # Errors
/// As [`contact`].
pub fn contact_from_host(text: &str, playbook: &Playbook, host: &dyn NonFinite) -> Result<Contact> {
    let mut r = Reader::new(text);
    let mut out = Errors::default();
    let mut batch = Batch::new(&playbook.keywords);
    batch.host = Some(host);
    read_whole(&mut r, &mut out, playbook.time_zone, &mut batch)
}

/// A text that is one contact record and nothing more.
fn read_whole(
    r: &mut Reader<'_>,
    out: &mut Errors,
    default_zone: Option<Zone>,
    batch: &mut Batch<'_>,
) -> Result<Contact> {
    r.ws();
    let c = match r.peek() {
        Some(b'{') => read_contact(r, out, default_zone, batch),
        _ => {
            let got = r.describe_value().unwrap_or_else(|e| e);
            return Err(Error::input(
                "",
                format!("expected a contact object, got {got}"),
            ));
        }
    };
    match c {
        Ok(c) => {
            r.ws();
            if r.pos < r.bytes.len() {
                out.push(Error::input(
                    "",
                    format!(
                        "expected the end of the contact, got more text at byte {}",
                        r.pos
                    ),
                ));
            }
            std::mem::take(out).finish(c)
        }
        Err(syntax) => Err(syntax),
    }
}

/// The byte ranges of the elements of a JSON array (a batch of contacts),
/// found without reading them: each is then read on its own, so a bad contact
/// yields its own error and the rest still read.
///
/// # Errors
/// When the text is not a JSON array, or its elements' brackets and quotes
/// do not close (an element with another fault is found all the same).
pub fn array_elements(text: &str) -> Result<Vec<std::ops::Range<usize>>> {
    let mut r = Reader::new(text);
    let fail = |e: Syntax| Error::input("", e.message);
    r.ws();
    if r.peek() != Some(b'[') {
        let got = r.describe_value().unwrap_or_else(|e| e);
        return Err(Error::input(
            "",
            format!("expected an array of contacts, got {got}"),
        ));
    }
    let mut out = Vec::new();
    r.elements(|r, _| {
        let start = r.pos;
        r.skip_element()?;
        // (JSON's whitespace only: a no-break space after an element is no
        // part of the outline.)
        let element = r.text.get(start..r.pos).unwrap_or("");
        let end = start.saturating_add(element.trim_end_matches([' ', '\n', '\r', '\t']).len());
        if end == start {
            // "[{},]": no element between the comma and the bracket.
            return Err(r.syntax("a JSON value"));
        }
        out.push(start..end);
        Ok(())
    })
    .map_err(fail)?;
    r.ws();
    if r.pos < r.bytes.len() {
        return Err(Error::input(
            "",
            format!(
                "expected the end of the array, got more text at byte {}",
                r.pos
            ),
        ));
    }
    Ok(out)
}

/// The contacts of a JSON array text (a batch), read in one pass: each
/// element's byte range with its contact or its own error, in order.
///
/// Yields `Err` once, and then nothing, when the text is not a JSON array of
/// values (what [`array_elements`] refuses); the items yielded before it are
/// then to be dropped with the batch.
pub fn contacts<'a>(text: &'a str, playbook: &'a Playbook) -> Contacts<'a> {
    Contacts {
        text,
        r: Reader::new(text),
        default_zone: playbook.time_zone,
        batch: Batch::new(&playbook.keywords),
        index: 0,
        state: Walk::Start,
    }
}

/// [`contacts`], for the JSON text a host wrote from its own values: see
/// [`NonFinite`] (records are numbered from 0, in the array's order).
pub fn contacts_from_host<'a>(
    text: &'a str,
    playbook: &'a Playbook,
    host: &'a dyn NonFinite,
) -> Contacts<'a> {
    let mut c = contacts(text, playbook);
    c.batch.host = Some(host);
    c
}

/// The iterator of [`contacts`].
pub struct Contacts<'a> {
    text: &'a str,
    r: Reader<'a>,
    default_zone: Option<Zone>,
    batch: Batch<'a>,
    index: usize,
    state: Walk,
}

/// Where a [`Contacts`] walk stands.
enum Walk {
    Start,
    Elements,
    /// A record was not valid JSON inside while the array around it is: the
    /// rest are read from the ranges the array's outline gives (as
    /// [`array_elements`] finds them), each on its own.
    Ranges(std::vec::IntoIter<std::ops::Range<usize>>),
    Done,
}

/// One item of [`contacts`]: an element's byte range and its contact or error.
pub type Element = (std::ops::Range<usize>, Result<Contact>);

impl Contacts<'_> {
    fn fail(&mut self, e: Error) -> Option<Result<Element>> {
        self.state = Walk::Done;
        Some(Err(e))
    }

    /// The next element read in place; `None` after the closing bracket.
    fn element(&mut self) -> Option<Result<Element>> {
        self.batch.record = self.index;
        let r = &mut self.r;
        r.ws();
        let start = r.pos;
        let item = if r.peek() == Some(b'{') {
            let mut out = Errors::default();
            match read_contact(r, &mut out, self.default_zone, &mut self.batch) {
                Ok(c) => out.finish(c),
                Err(_) => return self.outline(),
            }
        } else {
            if r.value().is_err() {
                return self.outline();
            }
            // Not an object: the element's own error, as `contact` words it.
            contact_with(self.slice(start), self.default_zone, self.batch.keywords)
        };
        let end = self.r.pos;
        self.r.ws();
        match self.r.peek() {
            Some(b',') => self.r.bump(),
            Some(b']') => {
                self.r.bump();
                self.r.ws();
                if self.r.pos < self.r.bytes.len() {
                    return self.outline();
                }
                self.state = Walk::Done;
            }
            _ => return self.outline(),
        }
        self.index = self.index.saturating_add(1);
        Some(Ok((start..end, item)))
    }

    fn slice(&self, from: usize) -> &str {
        self.text.get(from..self.r.pos).unwrap_or("")
    }

    /// A syntax error met in place: the array's outline decides. When it is
    /// not an array of values, that is the batch's error; when it is, the
    /// elements from this one on are read each on its own.
    fn outline(&mut self) -> Option<Result<Element>> {
        match array_elements(self.text) {
            Err(e) => self.fail(e),
            Ok(ranges) => {
                let mut rest = ranges.into_iter();
                for _ in 0..self.index {
                    rest.next();
                }
                self.state = Walk::Ranges(rest);
                self.next()
            }
        }
    }
}

impl Iterator for Contacts<'_> {
    type Item = Result<Element>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.state {
            Walk::Done => None,
            Walk::Ranges(rest) => {
                let range = rest.next()?;
                let raw = self.text.get(range.clone()).unwrap_or("");
                let mut out = Errors::default();
                let mut r = Reader::new(raw);
                self.batch.record = self.index;
                self.index = self.index.saturating_add(1);
                let c = read_whole(&mut r, &mut out, self.default_zone, &mut self.batch);
                Some(Ok((range, c)))
            }
            Walk::Start => {
                self.r.ws();
                if self.r.peek() != Some(b'[') {
                    return self.outline();
                }
                self.r.bump();
                self.r.ws();
                if self.r.peek() == Some(b']') {
                    self.r.bump();
                    self.r.ws();
                    if self.r.pos < self.r.bytes.len() {
                        return self.outline();
                    }
                    self.state = Walk::Done;
                    return None;
                }
                self.state = Walk::Elements;
                self.element()
            }
            Walk::Elements => self.element(),
        }
    }
}

/// Reads a time argument given as a number (epoch milliseconds; what looks
/// like seconds is refused).
///
/// # Errors
/// [`ErrorCode::InvalidTime`], with an empty path.
pub fn time_number(n: f64) -> Result<Instant> {
    let text = if n.fract() == 0.0 && n.abs() < 1e17 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    };
    epoch(n, &text).map_err(|(code, m)| Error::new(code, "", m))
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
    match TimeArg::text(text)?.0 {
        When::At(t) => Ok(t),
        When::Local(_) => Err(Error::new(
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
            (When::Local(l), Some(z)) => Ok(z.instant(l)),
            (When::Local(l), None) => Err(Error::new(
                ErrorCode::InvalidTime,
                "",
                format!(
                    "a local date-time without an offset ({:?}) is read in the contact's zone, but the contact has no timeZone (nor the playbook): give a timeZone or an offset",
                    record::local_text(l)
                ),
            )),
        }
    }
}

/// The zone a contact's local times are read in: its own `timeZone`, else
/// the playbook's; `None` when neither has one.
pub fn contact_zone(c: &Contact, pb: &Playbook) -> Option<Zone> {
    c.time_zone.or(pb.time_zone)
}

impl TimeArg {
    /// The instant for contact `c`: a local date-time read in its zone
    /// ([`contact_zone`]).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidTime`] at `path`, for a local date-time when the
    /// contact has no zone.
    pub fn for_contact(self, c: &Contact, pb: &Playbook, path: &str) -> Result<Instant> {
        self.in_zone(contact_zone(c, pb)).map_err(|e| e.under(path))
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
        serde_json::Value::Number(n) => {
            return time_number(n.as_f64().unwrap_or(f64::NAN));
        }
        serde_json::Value::String(s) => match when(Val::Str(Cow::Borrowed(s))) {
            Ok(When::At(t)) => return Ok(t),
            Ok(When::Local(l)) => {
                return match zone {
                    Some(z) => Ok(z.instant(l)),
                    None => Err(Error::new(
                        ErrorCode::InvalidTime,
                        "",
                        format!(
                            "a local date-time without an offset ({:?}) is read in {zone_field}, but none was given: give {zone_field} or an offset",
                            clip(s)
                        ),
                    )),
                };
            }
            Err((code, m)) => return Err(Error::new(code, "", m)),
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

/// Errors of one record, in the order met.
#[derive(Default)]
struct Errors(Vec<Error>);

impl Errors {
    fn push(&mut self, e: Error) {
        self.0.push(e);
    }

    /// Whether field `path` has an error already.
    fn has(&self, path: &str) -> bool {
        self.0.iter().any(|e| e.path == path)
    }

    fn finish<T>(self, v: T) -> Result<T> {
        let mut all = self.0.into_iter();
        match all.next() {
            None => Ok(v),
            Some(first) => Err(first.with_also(all.collect())),
        }
    }
}

#[cfg(test)]
mod tests;
