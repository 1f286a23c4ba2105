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

mod batch;
mod event;
mod fields;
mod json;
mod names;
mod order;
mod record;
mod repeated;
mod time_arg;
mod value;

pub use batch::{array_elements, contacts, contacts_from_host, Contacts, Element};
pub use fields::queue_item;
pub(crate) use json::invisible_trimmed;
pub(crate) use names::channel_named;
pub(crate) use repeated::repeated_key;
pub use time_arg::{alone, contact_zone, time_number, time_text, time_value, TimeArg};

use crate::context::Fallback;
use crate::error::{Error, Result};
use crate::model::Contact;
use crate::playbook::{Keywords, Playbook};

use json::Reader;
use record::{read_contact, Batch};
use value::Val;

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
    contact_with(text, Fallback::of(playbook), &playbook.keywords)
}

/// Reads a contact from JSON text: local date-times without an offset in the
/// contact's `timeZone`, else the playbook's (`fallback`, a zone alone
/// or [`Fallback::of`] a playbook); messages classified with the
/// built-in keywords and `keywords`.
///
/// # Errors
/// As [`contact`].
pub fn contact_with(
    text: &str,
    fallback: impl Into<Fallback>,
    keywords: &Keywords,
) -> Result<Contact> {
    let mut r = Reader::new(text);
    let mut out = Errors::default();
    read_whole(&mut r, &mut out, fallback.into(), &mut Batch::new(keywords))
}

/// The id of a refused record's JSON text, for its error: "id", else as
/// an export spells it ("ID", "_id"), as the record is read (an empty or
/// `null` one is not given), when it is one as `id` reads it (a
/// number past 2^53 or a cut string is none: the error would name another
/// contact). The other values are skipped unread, so that a number past an
/// `f64` (`1e400`) in another field, the likely reason for the refusal, does
/// not lose the id.
#[cold]
#[inline(never)]
pub fn record_id(text: &str) -> Option<crate::model::ContactId> {
    let mut r = Reader::new(text);
    let (mut id, mut alias) = (None, None);
    r.ws();
    r.expect(b'{', "").ok()?;
    // (A record broken after its id, at its own level — a trailing comma,
    // `NaN`, a single-quoted key — still names its contact: the walk stops
    // at the break with what it read before it.)
    // (A key read as any value: one more copy of the walk over members
    // would cost the module 0.8 KB.)
    while let Ok(Val::Str(k)) = r.value() {
        if r.expect(b':', "").is_err() {
            break;
        }
        let lone = r.lone;
        let Ok(v) = r.value() else {
            break;
        };
        if v.blank() {
        } else if k == "id" {
            id = Some((v, r.lone != lone));
        } else if alias.is_none() && names::folded_key(&k, &["id"]).is_some() {
            alias = Some((v, r.lone != lone));
        }
        if r.expect(b',', "").is_err() {
            break;
        }
    }
    let (v, cut) = id.or(alias)?;
    fields::id(v, cut, &mut Errors::default())
}

/// What a host had where the JSON text it wrote has `null`: `JSON.stringify`
/// writes `NaN` and `±Infinity` as `null`, which the reader would take as
/// "not given" (and a CRM's `Number("")` is `NaN`). Given one, the reader
/// asks it about each `null` of a field it reads, and reads the number the
/// host had there instead, which is then an error in the field's own words.
pub trait NonFinite {
    /// The number field `field` of record `record` of the batch held in the
    /// host, when it held a number there; else `None`. Asked about the
    /// contact's own fields (`events` as a whole too); an event's, below.
    fn number(&self, record: usize, field: &str) -> Option<f64>;

    /// As [`NonFinite::number`], for field `field` of event `event` of
    /// record `record`.
    fn event_number(&self, record: usize, event: usize, field: &str) -> Option<f64> {
        let _ = (record, event, field);
        None
    }

    /// What the host held where the text has `null` for record `record`
    /// itself, or for its event `event` (`JSON.stringify` writes
    /// `undefined`, a symbol, a function, `NaN` and `±Infinity` in an array
    /// so): its name for an error ("undefined", "a function", "NaN"), or
    /// `None` when it held `null`.
    fn null_named(&self, record: usize, event: Option<usize>) -> Option<String> {
        let _ = (record, event);
        None
    }
}

/// Whether `key` is field `field` (as the contract spells it) under another
/// spelling the reader reads: in another letter case, with `_`, `-` or
/// spaces between its words.
pub fn same_key(key: &str, field: &str) -> bool {
    names::loosely(key, field)
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

/// A number as JavaScript writes it, for an error: `NaN`, `Infinity`,
/// `-Infinity`, `3` (not `3.0` nor `inf`).
pub fn js_number(x: f64) -> String {
    match non_finite_name(x) {
        Some(name) => name.to_string(),
        None => x.to_string(),
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
    read_whole(&mut r, &mut out, Fallback::of(playbook), &mut batch)
}

/// A text that is one contact record and nothing more.
fn read_whole(
    r: &mut Reader<'_>,
    out: &mut Errors,
    fallback: Fallback,
    batch: &mut Batch<'_>,
) -> Result<Contact> {
    r.ws();
    let c = match r.peek() {
        Some(b'{') => read_contact(r, out, fallback, batch),
        _ => {
            let got = r.describe_value().unwrap_or_else(|e| e);
            let got = match got.as_str() {
                "null" => batch.null_named(None).unwrap_or(got),
                _ => got,
            };
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

/// Errors of one record, in the order met: the first [`Errors::KEPT`], and
/// how many more.
#[derive(Default)]
struct Errors(Vec<Error>, usize);

impl Errors {
    /// A record's errors kept: an `events` array of 16 million holes (a
    /// sparse array whose length was set) is refused in a second, with its
    /// first errors and a count, not a gigabyte of message a minute later.
    const KEPT: usize = 100;

    fn push(&mut self, e: Error) {
        if self.0.len() < Self::KEPT {
            self.0.push(e);
        } else {
            self.1 = self.1.saturating_add(1);
        }
    }

    /// Each fix proposed as a local time read in the contact's zone, as the
    /// time with an offset: for a contact whose zone is unknown.
    #[cold]
    fn no_local_fix(&mut self) {
        for e in &mut self.0 {
            e.message = time_arg::offset_fix(&e.message);
        }
    }

    /// Whether no more errors are kept: the next is only counted.
    fn full(&self) -> bool {
        self.0.len() >= Self::KEPT
    }

    /// One more error past the errors kept.
    fn push_counted(&mut self) {
        self.1 = self.1.saturating_add(1);
    }

    /// How many errors the record has, kept or counted.
    fn count(&self) -> usize {
        self.0.len().saturating_add(self.1)
    }

    /// Drops the errors of field `key` and of the fields inside it: a key
    /// given again replaces its value, as `JSON.parse` takes the last one.
    fn forget(&mut self, key: &str) {
        self.0.retain(|e| {
            !e.path
                .strip_prefix(key)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        });
    }

    /// Whether field `path` has an error already.
    fn has(&self, path: &str) -> bool {
        self.0.iter().any(|e| e.path == path)
    }

    fn finish<T>(self, v: T) -> Result<T> {
        let more = self.1;
        let mut all = self.0.into_iter();
        match all.next() {
            None => Ok(v),
            Some(first) => {
                let mut also: Vec<Error> = all.collect();
                if more > 0 {
                    also.push(Error::input("", format!("and {more} more errors")));
                }
                Err(first.with_also(also))
            }
        }
    }
}

#[cfg(test)]
mod tests;
