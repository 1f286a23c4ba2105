//! The JavaScript binding: converts JS values in and out, and nothing else.
//!
//! Inputs cross as JSON text and are read by the same readers as natively;
//! results cross as a tape of their values that the glue builds plain objects
//! from ([`tape`], [`convert::to_js`]: the values `JSON.parse` makes of
//! serde_json's text, `null` and never `Map`; one crossing for a whole
//! result).
//! Errors become real JS `Error` objects with `code`, `path` and `errors`.

mod batch;
mod convert;
mod room;
mod tape;
mod text;
mod worklist;

#[cfg(feature = "bench-boundary")]
pub mod boundary;

use std::cell::RefCell;

use serde::{ser::SerializeSeq, Serialize, Serializer};
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::playbook::Playbook;
use crate::read::TimeArg;
use batch::{batch_error, Batch, BatchError};
use convert::{channel, contact, js_error, option_bool, playbook, run, time, time_arg};
use text::source_text;
pub use worklist::Worklist;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("../types.d.ts");

/// Evaluates one contact at `now`: status, next action, channels, and the rest.
///
/// ```js
/// const ev = evaluate(contact, preset("monthly-campaign"), "2026-11-12T15:00:00Z");
/// ev.statusLabel; // "No SMS Reply"
/// ```
/// Throws an `Error` naming the field path (`events[3].at: ...`) on bad input.
#[wasm_bindgen(unchecked_return_type = "Evaluation")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Contact")] contact_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Playbook | string")] playbook_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Time")] now: JsValue,
) -> Result<JsValue, JsValue> {
    run(|| {
        let pb = playbook(&playbook_value, "playbook")?;
        let now = time_arg(&now, "now")?;
        let c = contact(&contact_value, &pb)?;
        let now = now.for_contact(&c, &pb, "now")?;
        Ok(crate::evaluate::evaluate(&c, &pb, now))
    })
}

/// Evaluates many contacts at `now`. A bad contact yields `{id, error, code,
/// path, errors}` in its place and never aborts the batch; a bad playbook or
/// `now` throws. `options.explain: false` leaves each `explain` empty (the
/// rest is the same), for jobs that keep only the facts.
#[wasm_bindgen(js_name = evaluateMany, unchecked_return_type = "Array<Evaluation | BatchError>")]
pub fn evaluate_many(
    #[wasm_bindgen(unchecked_param_type = "Contact[]")] contacts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Playbook | string")] playbook_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Time")] now: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluateManyOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    (|| {
        let explain = option_bool(options.as_ref(), "explain", "options")?.unwrap_or(true);
        let pb = playbook(&playbook_value, "playbook")?;
        let now = time_arg(&now, "now")?;
        let batch = Batch::of_array(&contacts, "contacts")?;
        Evaluated::new(&batch, &pb, now, explain).js()
    })()
    .map_err(|e: Error| js_error(&e))
}

/// A batch evaluated as its results are written (a tape, or JSON text for
/// `evaluateManyJson`): each contact is read, evaluated and written in turn,
/// in one environment (places worked out once), so that no more than one
/// evaluation is held at a time and it is written while it is still in the
/// cache.
pub(crate) struct Evaluated<'a> {
    batch: &'a Batch,
    pb: &'a Playbook,
    /// Read in each contact's zone when it is a local date-time.
    now: TimeArg,
    explain: bool,
    /// The batch's own error (not a JSON array), met while writing.
    failed: RefCell<Option<Error>>,
}

impl<'a> Evaluated<'a> {
    pub(crate) fn new(batch: &'a Batch, pb: &'a Playbook, now: TimeArg, explain: bool) -> Self {
        Evaluated {
            batch,
            pb,
            now,
            explain,
            failed: RefCell::new(None),
        }
    }

    /// The JSON array of the evaluations (or errors), in order; with
    /// characters past ASCII escaped when `ascii`, for text only `JSON.parse`
    /// reads ([`crate::tape::Tape::json`]).
    ///
    /// # Errors
    /// When the batch is not a JSON array.
    pub(crate) fn json(&self, ascii: bool) -> Result<String, Error> {
        let mut t = crate::tape::Tape::with_capacity(self.make_room());
        match self.serialize(&mut t) {
            Ok(()) => t
                .json(ascii)
                .ok_or_else(|| Error::input("", "a damaged tape")),
            Err(e) => Err(self.error(e)),
        }
    }

    /// The array of the evaluations (or errors), in order, as JS values
    /// ([`tape`]).
    ///
    /// # Errors
    /// When the batch is not a JSON array.
    pub(crate) fn js(&self) -> Result<JsValue, Error> {
        let mut t = crate::tape::Tape::with_capacity(self.make_room());
        match self.serialize(&mut t) {
            Ok(()) => Ok(tape::decode(&t)),
            Err(e) => Err(self.error(e)),
        }
    }

    /// Room in one growth of the memory (see `room`) for the results, whose
    /// JSON is about 2.8 times the contacts' text with explain (2.3 KB for
    /// 833 B), 1.8 without: that size, in bytes.
    fn make_room(&self) -> usize {
        let per = if self.explain { 3 } else { 2 };
        let json = self.batch.text_len().saturating_mul(per);
        room::room(json);
        json
    }

    /// The error that stopped the writing: the batch's own, met while
    /// reading it, or the serializer's.
    fn error(&self, e: impl std::fmt::Display) -> Error {
        self.failed
            .borrow_mut()
            .take()
            .unwrap_or_else(|| Error::input("", e.to_string()))
    }

    /// Evaluates every contact without writing (for the boundary benchmark's
    /// baseline): how many results there were.
    #[cfg(feature = "bench-boundary")]
    pub(crate) fn count(&self) -> Result<usize, Error> {
        let mut n = 0;
        self.each(&mut |item| {
            std::hint::black_box(item);
            n += 1;
        })?;
        Ok(n)
    }

    /// Each contact's result in order: its evaluation, or its error. One
    /// instance for both writers (a tape, JSON text): a `dyn` call a contact
    /// against a second copy of the reading and the evaluation in the module.
    #[inline(never)]
    fn each(&self, f: &mut dyn FnMut(Item)) -> Result<(), Error> {
        let env = crate::context::Env::new(self.pb);
        self.batch.each(self.pb, |i, raw, c| match c {
            Ok(c) => match self.now.for_contact(&c, self.pb, "now") {
                Ok(now) => f(Item::Ok(&crate::evaluate::evaluate_in(
                    &env,
                    &c,
                    now,
                    self.explain,
                ))),
                Err(e) => f(Item::Err(&batch_error(raw, i, e))),
            },
            Err(e) => f(Item::Err(&batch_error(raw, i, e))),
        })
    }
}

/// One result of a batch, while it is written.
#[derive(Serialize)]
#[serde(untagged)]
enum Item<'e> {
    Ok(&'e crate::evaluate::Evaluation),
    Err(&'e BatchError),
}

impl Serialize for Evaluated<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        let mut wrote = Ok(());
        let read = self.each(&mut |item| {
            if wrote.is_ok() {
                wrote = seq.serialize_element(&item);
            }
        });
        if let Err(e) = read {
            *self.failed.borrow_mut() = Some(e);
            return Err(serde::ser::Error::custom("contacts"));
        }
        wrote?;
        seq.end()
    }
}

/// `evaluateMany` for JSON text in and out: the contacts as one JSON array
/// text (a string, or its UTF-8 bytes as a `Uint8Array`), the results as one
/// JSON array text (for Node jobs that read and write JSON anyway).
///
/// ```js
/// const out = JSON.parse(evaluateManyJson(JSON.stringify(contacts), playbook, now));
/// ```
/// Throws as `evaluateMany` does.
#[wasm_bindgen(js_name = evaluateManyJson)]
pub fn evaluate_many_json(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] json: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Playbook | string")] playbook_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Time")] now: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluateManyOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    let run = || {
        let explain = option_bool(options.as_ref(), "explain", "options")?.unwrap_or(true);
        let pb = playbook(&playbook_value, "playbook")?;
        let now = time_arg(&now, "now")?;
        let batch = Batch::of_text(source_text(&json, "contacts")?, "contacts");
        Evaluated::new(&batch, &pb, now, explain).json(false)
    };
    run().map_err(|e| js_error(&e))
}

/// The touches the playbook would still make from `now` to `until` if nobody
/// answers, in order.
#[wasm_bindgen(unchecked_return_type = "PlanItem[]")]
pub fn plan(
    #[wasm_bindgen(unchecked_param_type = "Contact")] contact_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Playbook | string")] playbook_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Time")] now: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Time")] until: JsValue,
) -> Result<JsValue, JsValue> {
    run(|| {
        let pb = playbook(&playbook_value, "playbook")?;
        let now = time_arg(&now, "now")?;
        let until = time_arg(&until, "until")?;
        let c = contact(&contact_value, &pb)?;
        let now = now.for_contact(&c, &pb, "now")?;
        let until = until.for_contact(&c, &pb, "until")?;
        Ok(crate::plan::plan(&c, &pb, now, until))
    })
}

/// Classifies an inbound message: `{intent, keyword?, match, scope, channels, automated?}`.
/// `channel` is the medium it came by: `"sms"` (the default; also `null`,
/// `""`) or `"email"`, in any letter case and spacing, and in the words an
/// event's channel is read in (`"text"`, `"Text Message"`, `"MMS"`,
/// `"e-mail"`, `"E_Mail"` too).
#[wasm_bindgen(js_name = classifyReply, unchecked_return_type = "ReplyClass")]
pub fn classify_reply(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "\"sms\" | \"email\"")] channel: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    run(|| {
        let t = text
            .as_string()
            .ok_or_else(|| Error::input("text", "expected a string"))?;
        let ch = match channel.filter(|v| !v.is_undefined() && !v.is_null()) {
            None => crate::model::MessageChannel::Sms,
            Some(v) => crate::api::message_channel(v.as_string().as_deref())?,
        };
        Ok(crate::reply::classify_on(&t, ch))
    })
}

/// Whether `channel` may be used for `contact` at `at`: `{allowed, reason?,
/// nextAllowedAt?}`. `channel` is `"sms"`, `"call"` or `"email"`, read as
/// hosts write it, and as an event's channel is (`"SMS"`, `"Text Message"`,
/// `"MMS"`, `"Phone Call"`, `"Voice"`, `"E-Mail"`).
#[wasm_bindgen(js_name = checkChannel, unchecked_return_type = "ChannelCheck")]
pub fn check_channel(
    #[wasm_bindgen(unchecked_param_type = "Contact")] contact_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Channel")] channel_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Time")] at: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Playbook | string")] playbook_value: JsValue,
) -> Result<JsValue, JsValue> {
    run(|| {
        let ch = channel(&channel_value, "channel")?;
        let at = time_arg(&at, "at")?;
        let pb = playbook(&playbook_value, "playbook")?;
        let c = contact(&contact_value, &pb)?;
        let at = at.for_contact(&c, &pb, "at")?;
        Ok(crate::evaluate::check_channel(&c, &pb, ch, at))
    })
}

/// The follow-up date at `fraction` (default 1/3) of the way from `engagedAt`
/// to `horizonAt`, in `engagedAt`'s offset when it was given as text (or as
/// a date library's object, by its `toJSON`).
#[wasm_bindgen(js_name = followUpDate, unchecked_return_type = "string")]
pub fn follow_up_date(
    #[wasm_bindgen(js_name = engagedAt, unchecked_param_type = "Time")] engaged_at: JsValue,
    #[wasm_bindgen(js_name = horizonAt, unchecked_param_type = "Time")] horizon_at: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] fraction: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    run(|| {
        let a = time(&engaged_at, "engagedAt")?;
        let b = time(&horizon_at, "horizonAt")?;
        // A number or nothing: not what JS would coerce to one (`true` is 1).
        let fraction = match fraction.filter(|f| !f.is_undefined() && !f.is_null()) {
            None => None,
            Some(fraction) => Some(fraction.as_f64().ok_or_else(|| {
                Error::input(
                    "fraction",
                    format!(
                        "expected a number greater than 0 and at most 1, got {}",
                        convert::got_arg(&fraction)
                    ),
                )
            })?),
        };
        // (A date library's object by the text its toJSON gives, as it is read.)
        let text = engaged_at
            .as_string()
            .or_else(|| convert::json_text(&engaged_at));
        crate::api::follow_up_text(a, b, fraction, text.as_deref())
    })
}

/// Plans a call queue over a daily capacity.
#[wasm_bindgen(js_name = planQueue, unchecked_return_type = "PlannedItem[]")]
pub fn plan_queue(
    #[wasm_bindgen(unchecked_param_type = "QueueItem[]")] items: JsValue,
    #[wasm_bindgen(unchecked_param_type = "QueueOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    run(|| {
        convert::given(&items, "items", "an array")?;
        convert::refuse_long(&items, "items")?;
        // A priority JSON cannot hold would be read as none (`null`).
        if convert::is_array(&items) == Some(true) {
            let list: &js_sys::Array = items.unchecked_ref();
            for i in 0..list.length() {
                // (Read through Reflect, whose throw is caught: a lazy list
                // whose element fails to load is an error at its place.)
                let Ok(item) = js_sys::Reflect::get_u32(list, i) else {
                    return Err(Error::input(
                        format!("items[{i}]"),
                        "expected a queue item (reading it threw)",
                    ));
                };
                let number = convert::number_at(&item, "priority");
                if let Some(got) = number.and_then(crate::read::non_finite_name) {
                    return Err(Error::input(
                        format!("items[{i}].priority"),
                        format!("expected a finite number, got {got}"),
                    ));
                }
            }
        }
        // (A field cut in the middle of an emoji, read or not, is no reason
        // to refuse the queue: `convert::value_marking_cuts`.)
        let items = convert::records_marking_cuts(&items, "items")?;
        convert::given(
            &options,
            "options",
            "an object {capacityPerDay, timeZone, from}",
        )?;
        convert::strict(&options, "options")?;
        let options = convert::value_marking_cuts(&options, "options")?;
        crate::queue::plan_queue(&items, &options)
    })
}

/// A preset playbook: `"monthly-campaign"`, `"call-ladder"` or `"sequence"`.
#[wasm_bindgen(unchecked_return_type = "Playbook")]
pub fn preset(
    #[wasm_bindgen(unchecked_param_type = "PresetName")] name: JsValue,
) -> Result<JsValue, JsValue> {
    run(|| {
        let n = name.as_string();
        let text = n
            .as_deref()
            .and_then(crate::playbook::preset_json)
            .ok_or_else(|| {
                // (Not a string: what it is, not "".)
                let got = n.as_ref().map_or_else(|| convert::got_arg(&name), |n| format!("{n:?}"));
                Error::value(
                    "name",
                    format!(
                        "expected one of \"monthly-campaign\", \"call-ladder\", \"sequence\", got {got}"
                    ),
                )
            })?;
        serde_json::from_str::<serde_json::Value>(text).map_err(|e| Error::input("", e.to_string()))
    })
}

/// Checks a playbook; throws an `Error` naming the field path when it is bad,
/// returns `true` otherwise.
#[wasm_bindgen(js_name = validatePlaybook)]
pub fn validate_playbook(
    #[wasm_bindgen(unchecked_param_type = "Playbook | string")] playbook_value: JsValue,
) -> Result<bool, JsValue> {
    playbook(&playbook_value, "")
        .map(|_| true)
        .map_err(|mut e| {
            // (A value that is no playbook, and a problem of its JSON
            // text as a whole — a key given twice at its top, a syntax
            // error — are at the argument's name.)
            if e.path.is_empty() {
                e.path = "playbook".to_string();
            }
            js_error(&e)
        })
}
