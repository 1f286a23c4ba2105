//! The JavaScript binding: converts JS values in and out, and nothing else.
//!
//! Every value crosses through [`from_js`] and [`to_js`]: one configured
//! serializer (`json_compatible`: plain objects and `null`, never `Map`). Errors
//! become real JS `Error` objects with `code` and `path` properties.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{Error, ErrorCode};
use crate::evaluate::Evaluation;
use crate::model::{Channel, Contact};
use crate::playbook::Playbook;
use crate::time::Instant;
use crate::worklist::{Filter, Worklist as Core};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("types.d.ts");

/// Turns an engine error into a JS `Error` with `code` and `path`.
fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let obj: &JsValue = err.as_ref();
    let _ = js_sys::Reflect::set(obj, &"code".into(), &e.code.as_str().into());
    let _ = js_sys::Reflect::set(obj, &"path".into(), &e.path.as_str().into());
    err.into()
}

fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    v.serialize(&ser)
        .map_err(|e| js_error(&Error::input("", e.to_string())))
}

/// The JSON text of a JS value (`undefined` reads as `null`). Every input
/// crosses as JSON text and is read by the same serde_json code as natively, so
/// unknown fields are caught and paths are the same on every platform.
fn text_of(v: &JsValue, path: &str) -> Result<String, Error> {
    if v.is_undefined() {
        return Ok("null".to_string());
    }
    match js_sys::JSON::stringify(v) {
        Ok(s) => Ok(s.as_string().unwrap_or_else(|| "null".to_string())),
        Err(e) => {
            let msg = js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            Err(Error::input(
                path,
                format!("expected plain JSON-shaped data: {msg}"),
            ))
        }
    }
}

fn contact(v: &JsValue) -> Result<Contact, Error> {
    crate::input::contact_from_json(&text_of(v, "")?)
}

fn playbook(v: &JsValue, prefix: &str) -> Result<Playbook, Error> {
    Playbook::from_json(&text_of(v, prefix)?).map_err(|e| e.under(prefix))
}

fn time(v: &JsValue, path: &str) -> Result<Instant, Error> {
    if let Some(n) = v.as_f64() {
        return Instant::from_f64(n).map_err(|e| e.under(path));
    }
    if let Some(s) = v.as_string() {
        return Instant::parse(&s).map_err(|e| e.under(path));
    }
    let got = if v.is_null() {
        "null".to_string()
    } else if v.is_undefined() {
        "undefined".to_string()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    };
    Err(Error::new(
        ErrorCode::InvalidTime,
        path,
        format!("{}, got {got}", crate::time::EXPECTED_TIME),
    ))
}

/// Splits a JS array into the JSON text of each element.
fn elements(v: &JsValue, path: &str) -> Result<Vec<Box<serde_json::value::RawValue>>, Error> {
    if !js_sys::Array::is_array(v) {
        return Err(Error::input(path, "expected an array of contacts"));
    }
    let text = text_of(v, path)?;
    serde_json::from_str(&text).map_err(|e| Error::input(path, e.to_string()))
}

fn batch_error(raw: &str, i: usize, e: Error) -> BatchItem {
    let e = e.under(&format!("contacts[{i}]"));
    let id = serde_json::from_str::<serde_json::Value>(raw)
        .ok()
        .and_then(|v| v.get("id").cloned())
        .filter(|id| id.is_string() || id.is_number())
        .unwrap_or(serde_json::Value::Null);
    BatchItem::Err {
        id,
        error: e.to_string(),
        code: e.code.as_str(),
        path: e.path,
    }
}

fn channel(v: &JsValue, path: &str) -> Result<Channel, Error> {
    v.as_string()
        .as_deref()
        .and_then(Channel::parse)
        .ok_or_else(|| Error::value(path, "expected \"sms\", \"call\" or \"email\""))
}

fn run<T: Serialize>(f: impl FnOnce() -> Result<T, Error>) -> Result<JsValue, JsValue> {
    let v = f().map_err(|e| js_error(&e))?;
    to_js(&v)
}

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
    #[wasm_bindgen(unchecked_param_type = "Playbook")] playbook_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Time")] now: JsValue,
) -> Result<JsValue, JsValue> {
    run(|| {
        let pb = playbook(&playbook_value, "playbook")?;
        let now = time(&now, "now")?;
        let c = contact(&contact_value)?;
        Ok(crate::evaluate::evaluate(&c, &pb, now))
    })
}

#[derive(Serialize)]
#[serde(untagged)]
enum BatchItem {
    Ok(Box<Evaluation>),
    Err {
        id: serde_json::Value,
        error: String,
        code: &'static str,
        path: String,
    },
}

/// Evaluates many contacts at `now`. A bad contact yields `{id, error, code,
/// path}` in its place and never aborts the batch; a bad playbook or `now`
/// throws.
#[wasm_bindgen(js_name = evaluateMany, unchecked_return_type = "Array<Evaluation | BatchError>")]
pub fn evaluate_many(
    #[wasm_bindgen(unchecked_param_type = "Contact[]")] contacts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Playbook")] playbook_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Time")] now: JsValue,
) -> Result<JsValue, JsValue> {
    run(|| {
        let pb = playbook(&playbook_value, "playbook")?;
        let now = time(&now, "now")?;
        let list = elements(&contacts, "contacts")?;
        Ok(list
            .iter()
            .enumerate()
            .map(
                |(i, raw)| match crate::input::contact_from_json(raw.get()) {
                    Ok(c) => BatchItem::Ok(Box::new(crate::evaluate::evaluate(&c, &pb, now))),
                    Err(e) => batch_error(raw.get(), i, e),
                },
            )
            .collect::<Vec<_>>())
    })
}

/// The touches the playbook would still make from `now` to `until` if nobody
/// answers, in order.
#[wasm_bindgen(unchecked_return_type = "PlanItem[]")]
pub fn plan(
    #[wasm_bindgen(unchecked_param_type = "Contact")] contact_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Playbook")] playbook_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Time")] now: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Time")] until: JsValue,
) -> Result<JsValue, JsValue> {
    run(|| {
        let pb = playbook(&playbook_value, "playbook")?;
        let now = time(&now, "now")?;
        let until = time(&until, "until")?;
        let c = contact(&contact_value)?;
        Ok(crate::plan::plan(&c, &pb, now, until))
    })
}

/// Classifies an inbound text: `{intent, keyword?, match, scope}`.
#[wasm_bindgen(js_name = classifyReply, unchecked_return_type = "ReplyClass")]
pub fn classify_reply(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    run(|| {
        let t = text
            .as_string()
            .ok_or_else(|| Error::input("text", "expected a string"))?;
        Ok(crate::reply::classify(&t))
    })
}

/// Whether `channel` may be used for `contact` at `at`: `{allowed, reason?,
/// nextAllowedAt?}`.
#[wasm_bindgen(js_name = checkChannel, unchecked_return_type = "ChannelCheck")]
pub fn check_channel(
    #[wasm_bindgen(unchecked_param_type = "Contact")] contact_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Channel")] channel_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Time")] at: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Playbook")] playbook_value: JsValue,
) -> Result<JsValue, JsValue> {
    run(|| {
        let ch = channel(&channel_value, "channel")?;
        let at = time(&at, "at")?;
        let pb = playbook(&playbook_value, "playbook")?;
        let c = contact(&contact_value)?;
        Ok(crate::evaluate::check_channel(&c, &pb, ch, at))
    })
}

/// The follow-up date at `fraction` (default 1/3) of the way from `engagedAt`
/// to `horizonAt`, in `engagedAt`'s offset when it was given as text.
#[wasm_bindgen(js_name = followUpDate, unchecked_return_type = "string")]
pub fn follow_up_date(
    #[wasm_bindgen(js_name = engagedAt, unchecked_param_type = "Time")] engaged_at: JsValue,
    #[wasm_bindgen(js_name = horizonAt, unchecked_param_type = "Time")] horizon_at: JsValue,
    fraction: Option<f64>,
) -> Result<JsValue, JsValue> {
    run(|| {
        let a = time(&engaged_at, "engagedAt")?;
        let b = time(&horizon_at, "horizonAt")?;
        crate::api::follow_up_text(a, b, fraction, engaged_at.as_string().as_deref())
    })
}

/// Plans a call queue over a daily capacity.
#[wasm_bindgen(js_name = planQueue, unchecked_return_type = "PlannedItem[]")]
pub fn plan_queue(
    #[wasm_bindgen(unchecked_param_type = "QueueItem[]")] items: JsValue,
    #[wasm_bindgen(unchecked_param_type = "QueueOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    run(|| {
        let items = text_of(&items, "items")?;
        let options = text_of(&options, "options")?;
        crate::queue::plan_queue(
            &mut serde_json::Deserializer::from_str(&items),
            &mut serde_json::Deserializer::from_str(&options),
        )
    })
}

/// A preset playbook: `"monthly-campaign"`, `"call-ladder"` or `"sequence"`.
#[wasm_bindgen(unchecked_return_type = "Playbook")]
pub fn preset(
    #[wasm_bindgen(unchecked_param_type = "PresetName")] name: JsValue,
) -> Result<JsValue, JsValue> {
    run(|| {
        let n = name.as_string().unwrap_or_default();
        let text = crate::playbook::preset_json(&n).ok_or_else(|| {
            Error::value(
                "name",
                format!(
                    "expected one of \"monthly-campaign\", \"call-ladder\", \"sequence\", got {n:?}"
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
    #[wasm_bindgen(unchecked_param_type = "Playbook")] playbook_value: JsValue,
) -> Result<bool, JsValue> {
    playbook(&playbook_value, "")
        .map(|_| true)
        .map_err(|e| js_error(&e))
}

/// A resident index of contacts for instant filtering. Call `free()` when done:
/// a FinalizationRegistry does not run inside synchronous loops.
#[wasm_bindgen]
pub struct Worklist {
    inner: Core,
}

#[wasm_bindgen]
impl Worklist {
    /// A worklist for a playbook, evaluated at `now` when given (else at the
    /// first `refresh`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Playbook")] playbook_value: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Time")] now: Option<JsValue>,
    ) -> Result<Worklist, JsValue> {
        let pb = playbook(&playbook_value, "playbook").map_err(|e| js_error(&e))?;
        let now = match now.filter(|v| !v.is_null() && !v.is_undefined()) {
            None => None,
            Some(v) => Some(time(&v, "now").map_err(|e| js_error(&e))?),
        };
        Ok(Worklist {
            inner: Core::new(pb, now),
        })
    }

    /// Adds or replaces contacts (by id); only changed contacts are re-evaluated.
    /// Returns the errors of contacts that could not be read (the rest are kept).
    #[wasm_bindgen(unchecked_return_type = "BatchError[]")]
    pub fn upsert(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Contact[]")] contacts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let list = elements(&contacts, "contacts").map_err(|e| js_error(&e))?;
        self.upsert_raw(&list)
    }

    /// Adds or replaces contacts given as one JSON text (an array): the fast
    /// path for bulk loads. Returns the errors as `upsert` does.
    #[wasm_bindgen(js_name = upsertJson, unchecked_return_type = "BatchError[]")]
    pub fn upsert_json(&mut self, json: &str) -> Result<JsValue, JsValue> {
        let list: Vec<Box<serde_json::value::RawValue>> =
            serde_json::from_str(json).map_err(|e| {
                js_error(&Error::input(
                    "contacts",
                    format!("expected a JSON array of contacts: {e}"),
                ))
            })?;
        self.upsert_raw(&list)
    }

    fn upsert_raw(
        &mut self,
        list: &[Box<serde_json::value::RawValue>],
    ) -> Result<JsValue, JsValue> {
        let mut errors = Vec::new();
        let mut good = Vec::with_capacity(list.len());
        for (i, raw) in list.iter().enumerate() {
            match crate::input::contact_from_json(raw.get()) {
                Ok(c) => good.push(c),
                Err(e) => errors.push(batch_error(raw.get(), i, e)),
            }
        }
        self.inner.upsert(good);
        to_js(&errors)
    }

    /// Removes contacts by id; returns how many were there.
    pub fn remove(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Array<string | number>")] ids: JsValue,
    ) -> Result<u32, JsValue> {
        let arr = js_sys::Array::from(&ids);
        let keys: Vec<String> = arr.iter().map(|v| key_of(&v)).collect();
        Ok(self.inner.remove(&keys) as u32)
    }

    /// Re-evaluates at a new `now` (only contacts whose evaluation can have
    /// changed). Returns how many were re-evaluated.
    pub fn refresh(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Time")] now: JsValue,
    ) -> Result<u32, JsValue> {
        let now = time(&now, "now").map_err(|e| js_error(&e))?;
        Ok(self.inner.refresh(now) as u32)
    }

    /// The ids matching `filter`, in work order (due first, then priority, then
    /// due time).
    #[wasm_bindgen(unchecked_return_type = "Array<string | number>")]
    pub fn query(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
    ) -> Result<JsValue, JsValue> {
        let f = filter_of(&filter).map_err(|e| js_error(&e))?;
        let ids = self.inner.query(&f);
        let out = js_sys::Array::new_with_length(ids.len() as u32);
        for (i, id) in ids.iter().enumerate() {
            out.set(i as u32, id_value(id));
        }
        Ok(out.into())
    }

    /// Counts by status, next label, phase and allowed channel among the
    /// contacts matching `filter`.
    #[wasm_bindgen(unchecked_return_type = "Facets")]
    pub fn facets(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
    ) -> Result<JsValue, JsValue> {
        let f = filter_of(&filter).map_err(|e| js_error(&e))?;
        to_js(&self.inner.facets(&f))
    }

    /// The contact's evaluation (equal to `evaluate` for it), or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "Evaluation | undefined")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | number")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        match self.inner.get(&key_of(&id)) {
            Some(ev) => to_js(ev),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// How many contacts it holds.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> u32 {
        self.inner.len() as u32
    }
}

fn key_of(v: &JsValue) -> String {
    if let Some(s) = v.as_string() {
        s
    } else if let Some(n) = v.as_f64() {
        crate::model::ContactId::Number(n).text()
    } else {
        String::new()
    }
}

fn id_value(id: &crate::model::ContactId) -> JsValue {
    match id {
        crate::model::ContactId::Text(s) => JsValue::from_str(s),
        crate::model::ContactId::Number(n) => JsValue::from_f64(*n),
    }
}

fn filter_of(v: &JsValue) -> Result<Filter, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(Filter::default());
    }
    let text = text_of(v, "filter")?;
    let mut d = serde_json::Deserializer::from_str(&text);
    Filter::from_deserializer(&mut d).map_err(|e| e.under("filter"))
}
