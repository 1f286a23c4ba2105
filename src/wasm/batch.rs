//! A batch of contacts as one JSON array text, and the error item that stands
//! in the place of each contact that could not be read.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::Error;
use crate::model::Contact;
use crate::playbook::Playbook;

use super::convert::{field_errors, record_text, FieldError, JsHost, MOST_ITEMS};
use super::room::room;
use super::text::{array_text, load_room, safe_length, string_of, too_large};

/// A batch of contacts as one JSON array text, read in one pass when used.
pub struct Batch {
    text: String,
    path: &'static str,
    /// Contacts that have no JSON form (a BigInt, an object that contains
    /// itself), by index, each with its error and its id as JSON text; `null`
    /// stands in their place in `text`.
    unjson: Vec<(usize, Error, String)>,
    /// The JS array the text was written from, if it was ([`JsHost`]).
    source: Option<js_sys::Array>,
}

impl Batch {
    /// A JSON array text; `path` names the argument in errors. Room for the
    /// load is made here ([`load_room`]); nothing grows when it was taken
    /// already, with the text's buffer.
    pub fn of_text(text: String, path: &'static str) -> Batch {
        room(load_room(text.len()));
        Batch {
            text,
            path,
            unjson: Vec::new(),
            source: None,
        }
    }

    /// The length of the batch's JSON text, in bytes.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// A JS array of contacts. One contact that JSON cannot hold yields its
    /// own error; the rest are read.
    pub fn of_array(v: &JsValue, path: &'static str) -> Result<Batch, Error> {
        match super::convert::is_array(v) {
            Some(true) => {}
            Some(false) => return Err(Error::input(path, "expected an array of contacts")),
            None => {
                return Err(Error::input(
                    path,
                    "expected an array of contacts (reading it threw)",
                ))
            }
        }
        let items: &js_sys::Array = v.unchecked_ref();
        if let Some(n) = safe_length(items).filter(|&n| n > MOST_ITEMS) {
            return Err(too_many(path, n));
        }
        let source = Some(items.clone());
        if let Some(text) = array_text(items, path)? {
            // Room for the load was made with the text's buffer.
            return Ok(Batch {
                text,
                path,
                unjson: Vec::new(),
                source,
            });
        }
        // Some contact has no JSON form: each on its own, each read through
        // Reflect (an array that throws when touched is an error, not a
        // JS exception through the module).
        let Some(n) = safe_length(items) else {
            return Err(Error::input(
                path,
                "expected an array of contacts (reading it threw)",
            ));
        };
        let mut text = String::from("[");
        let mut unjson = Vec::new();
        for i in 0..n {
            // A contact that throws when read (an ORM's row that fails to
            // load) is that contact's error: the rest of the batch is read.
            let c = js_sys::Reflect::get_u32(items, i);
            let i = i as usize;
            if i > 0 {
                text.push(',');
            }
            let read = match &c {
                // No contact at all (a function, a symbol, `undefined`):
                // read as JSON writes it, `null`, and named as in a batch
                // that JSON could write whole.
                Ok(c) if c.is_function() || c.is_symbol() || c.is_undefined() => {
                    Ok("null".to_string())
                }
                Ok(c) => record_text(c, ""),
                Err(_) => Err(Error::input("", "expected a contact (reading it threw)")),
            };
            match read {
                Ok(t) => {
                    text.try_reserve(t.len() + 1)
                        .map_err(|_| too_large(path, text.len()))?;
                    text.push_str(&t);
                }
                Err(e) => {
                    text.push_str("null");
                    let id = c
                        .ok()
                        .and_then(|c| js_sys::Reflect::get(&c, &"id".into()).ok())
                        .filter(|id| id.is_string() || id.as_f64().is_some())
                        .and_then(|id| js_sys::JSON::stringify(&id).ok())
                        .map(|s| string_of(&s))
                        .unwrap_or_else(|| "null".to_string());
                    unjson.push((i, e, format!("{{\"id\":{id}}}")));
                }
            }
        }
        text.push(']');
        Ok(Batch {
            unjson,
            source,
            ..Batch::of_text(text, path)
        })
    }

    /// Reads each contact for `playbook` and gives it to `f` with its index
    /// and its JSON text.
    ///
    /// # Errors
    /// When the text is not a JSON array (nothing is given to `f` then that
    /// the caller should keep).
    pub fn each(
        &self,
        playbook: &Playbook,
        mut f: impl FnMut(usize, &str, crate::Result<Contact>),
    ) -> Result<(), Error> {
        let mut unjson = self.unjson.iter().peekable();
        let host = self.source.as_ref().map(JsHost::Many);
        let items = match &host {
            Some(host) => crate::read::contacts_from_host(&self.text, playbook, host),
            None => crate::read::contacts(&self.text, playbook),
        };
        for (i, item) in items.enumerate() {
            let (range, c) = item.map_err(|e| e.under(self.path))?;
            if let Some((_, e, id)) = unjson.next_if(|(j, _, _)| *j == i) {
                f(i, id, Err(e.clone()));
                continue;
            }
            f(i, self.text.get(range).unwrap_or(""), c);
        }
        Ok(())
    }

    /// Reads each contact for `playbook`: the contacts read, and the error of
    /// each one that could not be.
    ///
    /// # Errors
    /// As [`Batch::each`].
    ///
    /// When an id comes twice the last one wins, a bad one too: a good
    /// record before a bad one of the same id is dropped with it (a
    /// Worklist takes the contact out, and the error says why), not kept as
    /// if it were the last.
    /// The third list is the ids (as a Worklist keys them) whose last record
    /// could not be read.
    pub fn read(&self, playbook: &Playbook) -> Result<Read, Error> {
        let mut good = Vec::new();
        let mut good_at: Vec<usize> = Vec::new();
        let mut bad = Vec::new();
        let mut failed: Vec<(String, usize)> = Vec::new();
        self.each(playbook, |i, raw, c| match c {
            Ok(c) => {
                good.push(c);
                good_at.push(i);
            }
            Err(e) => {
                let b = batch_error(raw, i, e);
                if let Some(key) = b.key() {
                    failed.push((key, i));
                }
                bad.push(b);
            }
        })?;
        let mut gone = Vec::new();
        if !failed.is_empty() {
            let mut last_bad: rustc_hash::FxHashMap<String, usize> = failed.into_iter().collect();
            let mut at = good_at.into_iter();
            good.retain(|c| {
                let i = at.next().unwrap_or(usize::MAX);
                let key = c.id.key();
                match last_bad.get(&*key) {
                    None => true,
                    Some(&b) if i > b => {
                        // A good record after the bad one: it is the last.
                        last_bad.remove(&*key);
                        true
                    }
                    Some(_) => false,
                }
            });
            gone.extend(last_bad.into_keys());
        }
        Ok((good, bad, gone))
    }
}

/// What [`Batch::read`] gives: the contacts read, the errors of those that
/// could not be, and the ids whose last record could not be.
pub type Read = (Vec<Contact>, Vec<BatchError>, Vec<String>);

/// The result of a batch's contact that could not be read, in its place:
/// `{id, error, code, path, errors}`.
#[derive(Serialize)]
pub struct BatchError {
    /// The contact's id when it could be read, else `null`.
    id: serde_json::Value,
    /// Every problem, each behind its path.
    error: String,
    /// The first problem's code.
    code: &'static str,
    /// The first problem's path.
    path: String,
    /// Every problem.
    errors: Vec<FieldError>,
}

/// The error of an array of more than [`MOST_ITEMS`] contacts: each takes
/// hundreds of bytes of the module's memory while it is read and evaluated.
#[cold]
#[inline(never)]
fn too_many(path: &str, n: u32) -> Error {
    Error::input(
        path,
        format!("expected at most {MOST_ITEMS} contacts in one call (the module's memory holds no more), got an array of length {n}: pass them in parts"),
    )
}

impl BatchError {
    /// The id's text, as the Worklist keys contacts.
    fn key(&self) -> Option<String> {
        id_key(&self.id)
    }
}

/// An id given as a JSON value as the Worklist keys contacts (`1` and `"1"`
/// alike); `None` for a value that is no id.
pub fn id_key(id: &serde_json::Value) -> Option<String> {
    match id {
        // As a record's id is read: without the invisible characters at its
        // edges (`crate::read::invisible_trimmed`).
        serde_json::Value::String(s) => Some(crate::read::invisible_trimmed(s).to_owned()),
        // (A number from 2^53 on has lost digits: an id of no contact, the
        // reader refuses it, never the one its digits read as.)
        serde_json::Value::Number(n) => n.as_f64().map(|n| match n.abs() {
            a if a <= 9_007_199_254_740_991.0 => crate::model::ContactId::Number(n).text(),
            _ => String::new(),
        }),
        _ => None,
    }
}

/// The error item of contact `i` of a batch.
pub fn batch_error(raw: &str, i: usize, e: Error) -> BatchError {
    error_of(raw, e.under(&format!("contacts[{i}]")))
}

/// The error of the record `raw`, its path whole.
fn error_of(raw: &str, e: Error) -> BatchError {
    let id = match crate::read::record_id(raw) {
        Some(crate::model::ContactId::Text(s)) => serde_json::Value::String(s.into()),
        Some(crate::model::ContactId::Number(n)) => serde_json::Number::from_f64(n)
            .map_or(serde_json::Value::Null, serde_json::Value::Number),
        None => serde_json::Value::Null,
    };
    BatchError {
        id,
        error: super::convert::bounded(e.to_string()),
        code: e.code.as_str(),
        errors: field_errors(&e),
        path: e.path,
    }
}
