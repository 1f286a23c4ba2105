//! The JavaScript binding: converts JS values in and out, and nothing else.
//!
//! Every value crosses through [`from_js`] and [`to_js`]: one configured
//! serializer (`json_compatible`: plain objects and `null`, never `Map`). Errors
//! become real JS `Error` objects with `code` and `path` properties.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::{Error, ErrorCode};
use crate::evaluate::Evaluation;
use crate::model::{Channel, Contact};
use crate::playbook::Playbook;
use crate::time::Instant;
use crate::worklist::{Filter, Worklist as Core};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("types.d.ts");

/// Turns an engine error into a JS `Error` with `code`, `path` and `errors`
/// (every bad field of the record: `{path, message, code}`).
fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let obj: &JsValue = err.as_ref();
    let _ = js_sys::Reflect::set(obj, &"code".into(), &e.code.as_str().into());
    let _ = js_sys::Reflect::set(obj, &"path".into(), &e.path.as_str().into());
    if let Ok(list) = to_js(&field_errors(e)) {
        let _ = js_sys::Reflect::set(obj, &"errors".into(), &list);
    }
    err.into()
}

/// One bad field of a record.
#[derive(Serialize)]
struct FieldError {
    path: String,
    message: String,
    code: &'static str,
}

fn field_errors(e: &Error) -> Vec<FieldError> {
    e.all()
        .map(|x| FieldError {
            path: x.path.clone(),
            message: x.message.clone(),
            code: x.code.as_str(),
        })
        .collect()
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

fn contact(v: &JsValue, pb: &Playbook) -> Result<Contact, Error> {
    crate::read::contact(&text_of(v, "")?, pb)
}

fn playbook(v: &JsValue, prefix: &str) -> Result<Playbook, Error> {
    Playbook::from_json(&text_of(v, prefix)?).map_err(|e| e.under(prefix))
}

fn time(v: &JsValue, path: &str) -> Result<Instant, Error> {
    // A Date is read as its epoch milliseconds (inside a contact it already
    // crosses as ISO text through JSON.stringify).
    if let Some(d) = v.dyn_ref::<js_sys::Date>() {
        return Instant::from_f64(d.get_time()).map_err(|e| e.under(path));
    }
    if let Some(n) = v.as_f64() {
        return crate::read::time_number(n).map_err(|e| e.under(path));
    }
    if let Some(s) = v.as_string() {
        return crate::read::time_text(&s).map_err(|e| e.under(path));
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
        errors: field_errors(&e),
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

/// Results as one JSON text read by `JSON.parse` (measured against [`to_js`]
/// by `make bench`: slower for evaluations, so the package does not use it).
#[cfg(feature = "bench-boundary")]
fn to_js_bulk<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(v).map_err(|e| js_error(&Error::input("", e.to_string())))?;
    js_sys::JSON::parse(&text)
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
        let c = contact(&contact_value, &pb)?;
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
        errors: Vec<FieldError>,
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
    let items = (|| {
        let pb = playbook(&playbook_value, "playbook")?;
        let now = time(&now, "now")?;
        let list = elements(&contacts, "contacts")?;
        Ok(evaluate_list(&list, &pb, now))
    })()
    .map_err(|e: Error| js_error(&e))?;
    to_js(&items)
}

fn evaluate_list(
    list: &[Box<serde_json::value::RawValue>],
    pb: &Playbook,
    now: Instant,
) -> Vec<BatchItem> {
    let env = crate::context::Env::new(pb);
    list.iter()
        .enumerate()
        .map(|(i, raw)| match crate::read::contact(raw.get(), pb) {
            Ok(c) => BatchItem::Ok(Box::new(crate::evaluate::evaluate_in(&env, &c, now, true))),
            Err(e) => batch_error(raw.get(), i, e),
        })
        .collect()
}

/// `evaluateMany` for JSON text in and out: the contacts as one JSON array
/// text, the results as one JSON array text (for Node jobs that read and write
/// JSON anyway).
///
/// ```js
/// const out = JSON.parse(evaluateManyJson(JSON.stringify(contacts), playbook, now));
/// ```
/// Throws as `evaluateMany` does.
#[wasm_bindgen(js_name = evaluateManyJson)]
pub fn evaluate_many_json(
    json: &str,
    #[wasm_bindgen(unchecked_param_type = "Playbook")] playbook_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Time")] now: JsValue,
) -> Result<String, JsValue> {
    let run = || {
        let pb = playbook(&playbook_value, "playbook")?;
        let now = time(&now, "now")?;
        let list = json_elements(json)?;
        let items = evaluate_list(&list, &pb, now);
        serde_json::to_string(&items).map_err(|e| Error::input("", e.to_string()))
    };
    run().map_err(|e| js_error(&e))
}

fn json_elements(json: &str) -> Result<Vec<Box<serde_json::value::RawValue>>, Error> {
    serde_json::from_str(json).map_err(|e| {
        Error::input(
            "contacts",
            format!("expected a JSON array of contacts: {e}"),
        )
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
        let c = contact(&contact_value, &pb)?;
        Ok(crate::plan::plan(&c, &pb, now, until))
    })
}

/// Classifies an inbound message: `{intent, keyword?, match, scope, channels}`.
/// `channel` is the medium it came by: `"sms"` (the default) or `"email"`.
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
        let c = contact(&contact_value, &pb)?;
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

/// A resident index of contacts for instant filtering.
///
/// ```js
/// const wl = new Worklist(preset("monthly-campaign"), Date.now());
/// const errors = wl.upsert(contacts);        // bad contacts reported, the rest kept
/// wl.refresh(Date.now());                    // re-evaluates only what can have changed
/// wl.facets({ allowed: ["call"] });          // {status: {noSmsReply: 120, ...}, next, phase, allowed}
/// wl.query({ status: ["noSmsReply"], due: true }); // ids in work order
/// wl.get(ids[0]);                            // the contact's Evaluation
/// wl.free();
/// ```
/// Call `free()` when done: a FinalizationRegistry does not run inside
/// synchronous loops.
#[wasm_bindgen]
pub struct Worklist {
    inner: Core,
    /// The JS id of the contact in each slot, so that `query` hands back the
    /// very ids it was given without building strings.
    ids: js_sys::Array,
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
            ids: js_sys::Array::new(),
        })
    }

    /// Adds or replaces contacts (by id; when an id comes twice, the last one
    /// wins); only changed contacts are re-evaluated. Returns the errors of
    /// contacts that could not be read (the rest are kept).
    #[wasm_bindgen(unchecked_return_type = "BatchError[]")]
    pub fn upsert(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Contact[]")] contacts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let list = elements(&contacts, "contacts").map_err(|e| js_error(&e))?;
        self.upsert_raw(&list)
    }

    /// Adds or replaces contacts given as one JSON text (an array). Returns the
    /// errors as `upsert` does.
    #[wasm_bindgen(js_name = upsertJson, unchecked_return_type = "BatchError[]")]
    pub fn upsert_json(&mut self, json: &str) -> Result<JsValue, JsValue> {
        let list = json_elements(json).map_err(|e| js_error(&e))?;
        self.upsert_raw(&list)
    }

    fn upsert_raw(
        &mut self,
        list: &[Box<serde_json::value::RawValue>],
    ) -> Result<JsValue, JsValue> {
        let mut errors = Vec::new();
        let mut good = Vec::with_capacity(list.len());
        for (i, raw) in list.iter().enumerate() {
            match crate::read::contact(raw.get(), self.inner.playbook()) {
                Ok(c) => good.push(c),
                Err(e) => errors.push(batch_error(raw.get(), i, e)),
            }
        }
        let before = self.inner.len();
        self.inner.upsert(good);
        if self.inner.len() > before {
            // The new ids, in slot order, in one crossing.
            let added: Vec<&crate::model::ContactId> = self.inner.ids().skip(before).collect();
            let text = serde_json::to_string(&added)
                .map_err(|e| js_error(&Error::input("", e.to_string())))?;
            let arr = js_sys::Array::from(&js_sys::JSON::parse(&text)?);
            self.ids = self.ids.concat(&arr);
        }
        to_js(&errors)
    }

    /// Removes contacts by id; returns how many were there.
    pub fn remove(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Array<string | number>")] ids: JsValue,
    ) -> Result<u32, JsValue> {
        let arr = js_sys::Array::from(&ids);
        let keys: Vec<String> = arr.iter().map(|v| key_of(&v)).collect();
        let r = self.inner.remove(&keys);
        for (from, to) in r.moves {
            self.ids.set(to as u32, self.ids.get(from as u32));
        }
        self.ids.set_length(self.inner.len() as u32);
        Ok(r.removed as u32)
    }

    /// Re-evaluates at a new `now` (only contacts whose evaluation can have
    /// changed, unless `now` moved backwards). Returns how many were
    /// re-evaluated.
    pub fn refresh(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Time")] now: JsValue,
    ) -> Result<u32, JsValue> {
        let now = time(&now, "now").map_err(|e| js_error(&e))?;
        Ok(self.inner.refresh(now) as u32)
    }

    /// The ids matching `filter`, in work order (due first, then higher
    /// priority, then earlier due time, then id). With `page` (`{offset?,
    /// limit?}`), only that slice of them: a table showing one screen at a time
    /// asks for that screen.
    #[wasm_bindgen(unchecked_return_type = "Array<string | number>")]
    pub fn query(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Page")] page: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let f = filter_of(&filter).map_err(|e| js_error(&e))?;
        let (offset, limit) = page_of(page.as_ref()).map_err(|e| js_error(&e))?;
        let slots = self.inner.query_page(&f, offset, limit);
        gather(&self.ids, &slots)
    }

    /// Counts by status, next label, phase and allowed channel among the
    /// contacts matching `filter`.
    #[wasm_bindgen(unchecked_return_type = "Facets")]
    pub fn facets(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
    ) -> Result<JsValue, JsValue> {
        let f = filter_of(&filter).map_err(|e| js_error(&e))?;
        facets_js(&self.inner.facets(&f))
    }

    /// The contact's evaluation at the worklist's `now` (equal to `evaluate`
    /// for it), or `undefined` for an unknown id or before the first `now`.
    #[wasm_bindgen(unchecked_return_type = "Evaluation | undefined")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | number")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        match self.inner.get(&key_of(&id)) {
            Some(ev) => to_js(&ev),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// How many contacts it holds.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> u32 {
        self.inner.len() as u32
    }
}

/// Facets as plain objects whose keys are set with `Object.defineProperty`:
/// next labels and phase ids are strings people choose, and a plain `obj[key] =
/// n` with the key `"__proto__"` would set the object's prototype instead of
/// adding a count.
fn facets_js(f: &crate::worklist::Facets) -> Result<JsValue, JsValue> {
    fn map<'a, K: AsRef<str> + 'a>(
        entries: impl Iterator<Item = (&'a K, &'a u32)>,
    ) -> Result<JsValue, JsValue> {
        let obj = js_sys::Object::new();
        for (k, n) in entries {
            let desc = js_sys::Object::new();
            js_sys::Reflect::set(&desc, &"value".into(), &JsValue::from(*n))?;
            for flag in ["enumerable", "writable", "configurable"] {
                js_sys::Reflect::set(&desc, &flag.into(), &JsValue::TRUE)?;
            }
            js_sys::Object::define_property(&obj, &k.as_ref().into(), &desc);
        }
        Ok(obj.into())
    }
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"status".into(), &map(f.status.iter())?)?;
    js_sys::Reflect::set(&out, &"next".into(), &map(f.next.iter())?)?;
    js_sys::Reflect::set(&out, &"phase".into(), &map(f.phase.iter())?)?;
    js_sys::Reflect::set(&out, &"allowed".into(), &map(f.allowed.iter())?)?;
    Ok(out.into())
}

/// `slots.map(i => ids[i])`, done by the JS engine in one call:
/// `Array.from(slots, Reflect.get.bind(null, ids))` (the map function also
/// receives the index, which `Reflect.get` takes as an unused receiver).
fn gather(ids: &js_sys::Array, slots: &[u32]) -> Result<JsValue, JsValue> {
    let global = js_sys::global();
    let reflect = js_sys::Reflect::get(&global, &"Reflect".into())?;
    let get: js_sys::Function = js_sys::Reflect::get(&reflect, &"get".into())?.unchecked_into();
    let array = js_sys::Reflect::get(&global, &"Array".into())?;
    let from: js_sys::Function = js_sys::Reflect::get(&array, &"from".into())?.unchecked_into();
    let pick = get.bind1(&JsValue::NULL, ids);
    let view = js_sys::Uint32Array::from(slots);
    from.call2(&array, &view, &pick)
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

/// Reads `{offset?, limit?}` (whole numbers of at least 0).
fn page_of(v: Option<&JsValue>) -> Result<(usize, usize), Error> {
    let Some(v) = v.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok((0, usize::MAX));
    };
    let field = |name: &str| -> Result<Option<usize>, Error> {
        let x = js_sys::Reflect::get(v, &name.into()).unwrap_or(JsValue::UNDEFINED);
        if x.is_undefined() || x.is_null() {
            return Ok(None);
        }
        match x.as_f64() {
            Some(n) if n.is_finite() && n >= 0.0 && n.fract() == 0.0 => Ok(Some(n as usize)),
            _ => Err(Error::input(
                format!("page.{name}"),
                "expected a whole number of at least 0",
            )),
        }
    };
    Ok((
        field("offset")?.unwrap_or(0),
        field("limit")?.unwrap_or(usize::MAX),
    ))
}

fn filter_of(v: &JsValue) -> Result<Filter, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(Filter::default());
    }
    let text = text_of(v, "filter")?;
    let mut d = serde_json::Deserializer::from_str(&text);
    Filter::from_deserializer(&mut d).map_err(|e| e.under("filter"))
}

/// Boundary measurements for `make bench` (built only with the
/// `bench-boundary` feature; not part of the package). Each function does the
/// same engine work and differs only in how data crosses.
#[cfg(feature = "bench-boundary")]
pub mod boundary {
    use super::*;

    fn parse_all(list: &[Box<serde_json::value::RawValue>]) -> Vec<Contact> {
        list.iter()
            .filter_map(|r| crate::input::contact_from_json(r.get()).ok())
            .collect()
    }

    /// Contacts in as JS objects, through `JSON.stringify` + serde_json (the
    /// package's path). Returns how many were read.
    #[wasm_bindgen(js_name = boundaryInStringify, skip_typescript)]
    pub fn in_stringify(contacts: JsValue) -> Result<u32, JsValue> {
        let list = elements(&contacts, "contacts").map_err(|e| js_error(&e))?;
        Ok(parse_all(&list).len() as u32)
    }

    /// Contacts in as one JSON text.
    #[wasm_bindgen(js_name = boundaryInJson, skip_typescript)]
    pub fn in_json(json: &str) -> Result<u32, JsValue> {
        let list = json_elements(json).map_err(|e| js_error(&e))?;
        Ok(parse_all(&list).len() as u32)
    }

    /// Contacts in as JS objects, read field by field by serde-wasm-bindgen.
    #[wasm_bindgen(js_name = boundaryInObjects, skip_typescript)]
    pub fn in_objects(contacts: JsValue) -> Result<u32, JsValue> {
        let arr = js_sys::Array::from(&contacts);
        let mut n = 0;
        for v in arr.iter() {
            let d = serde_wasm_bindgen::Deserializer::from(v);
            if crate::input::contact_from(d).is_ok() {
                n += 1;
            }
        }
        Ok(n)
    }

    fn evaluated(json: &str, pb: JsValue, now: JsValue) -> Result<Vec<BatchItem>, JsValue> {
        let pb = playbook(&pb, "playbook").map_err(|e| js_error(&e))?;
        let now = time(&now, "now").map_err(|e| js_error(&e))?;
        let list = json_elements(json).map_err(|e| js_error(&e))?;
        Ok(evaluate_list(&list, &pb, now))
    }

    /// Evaluations only, nothing out: the baseline of the three below.
    #[wasm_bindgen(js_name = boundaryOutNone, skip_typescript)]
    pub fn out_none(json: &str, pb: JsValue, now: JsValue) -> Result<u32, JsValue> {
        Ok(evaluated(json, pb, now)?.len() as u32)
    }

    /// Evaluations out as objects built by serde-wasm-bindgen.
    #[wasm_bindgen(js_name = boundaryOutObjects, skip_typescript)]
    pub fn out_objects(json: &str, pb: JsValue, now: JsValue) -> Result<JsValue, JsValue> {
        to_js(&evaluated(json, pb, now)?)
    }

    /// Evaluations out as JSON text, read by `JSON.parse` (the package's path).
    #[wasm_bindgen(js_name = boundaryOutJson, skip_typescript)]
    pub fn out_json(json: &str, pb: JsValue, now: JsValue) -> Result<JsValue, JsValue> {
        to_js_bulk(&evaluated(json, pb, now)?)
    }

    /// The worklist's key fields out as columns (typed arrays): status index,
    /// allowed bits, due flag and due time.
    #[wasm_bindgen(js_name = boundaryOutColumns, skip_typescript)]
    pub fn out_columns(json: &str, pb: JsValue, now: JsValue) -> Result<JsValue, JsValue> {
        let items = evaluated(json, pb, now)?;
        let mut status = Vec::with_capacity(items.len());
        let mut allowed = Vec::with_capacity(items.len());
        let mut due_at = Vec::with_capacity(items.len());
        for it in &items {
            if let BatchItem::Ok(ev) = it {
                let s = crate::status::Status::ALL
                    .iter()
                    .position(|x| *x == ev.status)
                    .unwrap_or(0);
                status.push(s as u8);
                let mut bits = 0u8;
                for (i, c) in Channel::ALL.iter().enumerate() {
                    if ev.channels.get(*c).allowed {
                        bits |= 1 << i;
                    }
                }
                allowed.push(bits);
                due_at.push(ev.due_ms.map_or(f64::NAN, |t| t.0 as f64));
            }
        }
        let out = js_sys::Object::new();
        js_sys::Reflect::set(
            &out,
            &"status".into(),
            &js_sys::Uint8Array::from(&status[..]),
        )?;
        js_sys::Reflect::set(
            &out,
            &"allowed".into(),
            &js_sys::Uint8Array::from(&allowed[..]),
        )?;
        js_sys::Reflect::set(
            &out,
            &"dueAt".into(),
            &js_sys::Float64Array::from(&due_at[..]),
        )?;
        Ok(out.into())
    }
}
