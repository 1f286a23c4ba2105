//! Values across the boundary: JS values in as JSON text (read by the same
//! readers as natively), results out through one configured serializer, and
//! engine errors as real JS `Error`s.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::{Error, ErrorCode};
use crate::model::{Channel, Contact};
use crate::playbook::Playbook;
use crate::read::TimeArg;
use crate::time::Instant;

use super::text::string_of;

/// Turns an engine error into a JS `Error` with `code`, `path` and `errors`
/// (every bad field of the record: `{path, message, code}`).
pub fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&bounded(e.to_string()));
    let obj: &JsValue = err.as_ref();
    let _ = js_sys::Reflect::set(obj, &"code".into(), &e.code.as_str().into());
    let _ = js_sys::Reflect::set(obj, &"path".into(), &e.path.as_str().into());
    if let Ok(list) = to_js(&field_errors(e)) {
        let _ = js_sys::Reflect::set(obj, &"errors".into(), &list);
    }
    err.into()
}

/// The longest error text that crosses, in bytes.
const TEXT_MAX: usize = 2000;

/// `text`, or its first and last part with " … " between when it is longer
/// than [`TEXT_MAX`] bytes: an error that quotes a huge bad value (a 10 MB
/// string in a zone) must not make a batch's results too large for the host
/// to hold.
pub fn bounded(text: String) -> String {
    if text.len() <= TEXT_MAX {
        return text;
    }
    let cut = |at: usize| (0..=at).rev().find(|&i| text.is_char_boundary(i));
    let head = cut(TEXT_MAX * 2 / 3).unwrap_or(0);
    let tail = cut(text.len() - TEXT_MAX / 4).unwrap_or(0);
    match (text.get(..head), text.get(tail..)) {
        (Some(a), Some(b)) => [a, " … ", b].concat(),
        _ => text,
    }
}

/// One bad field of a record.
#[derive(Serialize)]
pub struct FieldError {
    path: String,
    message: String,
    code: &'static str,
}

/// Every bad field of a record, the first one first.
pub fn field_errors(e: &Error) -> Vec<FieldError> {
    e.all()
        .map(|x| FieldError {
            path: x.path.clone(),
            message: bounded(x.message.clone()),
            code: x.code.as_str(),
        })
        .collect()
}

/// The one way results cross: a tape of the values that the host builds
/// plain objects from ([`super::tape`]) — plain objects and `null`, never
/// `Map`, the values `JSON.parse` makes of serde_json's text.
pub fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    super::tape::to_js(v).map_err(|e| js_error(&Error::input("", e)))
}

/// Runs `f` and serializes its result, or throws its error.
pub fn run<T: Serialize>(f: impl FnOnce() -> Result<T, Error>) -> Result<JsValue, JsValue> {
    let v = f().map_err(|e| js_error(&e))?;
    to_js(&v)
}

/// The JSON text of a JS value (`undefined` reads as `null`). Every input
/// crosses as JSON text and is read by the same code as natively, so paths
/// and messages are the same on every platform.
pub fn text_of(v: &JsValue, path: &str) -> Result<String, Error> {
    if v.is_undefined() {
        return Ok("null".to_string());
    }
    json_string(v, path).map(|s| string_of(&s))
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array_or_throw(v: &JsValue) -> Result<bool, JsValue>;
}

/// `Array.isArray(v)`; `None` when asking throws (a revoked `Proxy`): no JS
/// exception may unwind through the module, or a Worklist method's borrow
/// of its object would stay taken and the Worklist could not be used again.
pub fn is_array(v: &JsValue) -> Option<bool> {
    is_array_or_throw(v).ok()
}

#[wasm_bindgen(module = "/js/tape.js")]
extern "C" {
    /// `JSON.stringify` with BigInts as numbers (or their digits) and
    /// references back to an enclosing object left out (js/tape.js).
    #[wasm_bindgen(js_name = stringifyLenient, catch)]
    fn stringify_lenient(v: &JsValue) -> Result<JsValue, JsValue>;

    /// `[path, what]` of the first value JSON would lose (js/tape.js).
    #[wasm_bindgen(js_name = firstLost, catch)]
    fn first_lost(v: &JsValue, path: &str) -> Result<JsValue, JsValue>;
}

/// Refuses a value that JSON would turn into `null` or leave out (`NaN`,
/// `Infinity`, a function, a symbol) anywhere in `v`, a rule's input whose
/// fields are strict: `frequencyCap: {max: NaN}` is an error at
/// `frequencyCap.max`, not a cap left out.
///
/// # Errors
/// The first such value, at its path under `path`.
pub fn strict(v: &JsValue, path: &str) -> Result<(), Error> {
    // (A value that is no object has its own error where it is read.)
    if !v.is_object() {
        return Ok(());
    }
    let Some(found) = Reading::enter().and_then(|_reading| first_lost(v, path).ok()) else {
        return Ok(());
    };
    match found.dyn_ref::<js_sys::Array>() {
        Some(f) => Err(Error::input(
            f.get(0).as_string().unwrap_or_default(),
            [
                "expected a JSON value, got ",
                &f.get(1).as_string().unwrap_or_default(),
            ]
            .concat(),
        )),
        None => Ok(()),
    }
}

/// The JSON text of a contact record: as [`text_of`], and where that fails,
/// with a BigInt read as its number (an ORM's BIGINT column) and a reference
/// back to an enclosing object (an ORM's back-reference) left out: a record's
/// fields the engine does not read are ignored, never an error.
pub fn record_text(v: &JsValue, path: &str) -> Result<String, Error> {
    match text_of(v, path) {
        Ok(t) => Ok(t),
        Err(e) => match Reading::enter().map(|_reading| stringify_lenient(v)) {
            Some(Ok(s)) if s.is_string() => Ok(string_of(&s)),
            _ => Err(e),
        },
    }
}

/// How many readings of a JS value are under way, one inside another: a
/// getter may call back into the package while its object is read, and so
/// on; past [`Reading::MAX`] levels a reading is refused, before the
/// module's stack runs out (which would leave the module unusable).
static READING: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// One reading under way ([`READING`]), until dropped.
struct Reading;

impl Reading {
    /// Levels of readings one inside another (a failed reading reads its
    /// value again to say where it failed: kept low).
    const MAX: u32 = 4;

    fn enter() -> Option<Reading> {
        use std::sync::atomic::Ordering::Relaxed;
        if READING.fetch_add(1, Relaxed) >= Self::MAX {
            READING.fetch_sub(1, Relaxed);
            return None;
        }
        Some(Reading)
    }
}

impl Drop for Reading {
    fn drop(&mut self) {
        READING.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}

/// The most items an array argument holds (js/tape.js keeps the same
/// number): 2^24 contacts, ids or queue items at 256 B each fill the 4 GiB
/// a module can have. A longer array (a sparse one whose `length` was set to
/// 2^32 − 1) is refused at once, where stringifying it and then walking it
/// for the error took minutes, and its text would end in the module's
/// abort.
pub const MOST_ITEMS: u32 = 1 << 24;

/// The length of `v` when it is an array longer than [`MOST_ITEMS`].
fn too_long(v: &JsValue) -> Option<u32> {
    if is_array(v) != Some(true) {
        return None;
    }
    let len = js_sys::Reflect::get(v, &"length".into()).ok()?.as_f64()? as u32;
    (len > MOST_ITEMS).then_some(len)
}

/// An error at `path` when `v` is an array longer than [`MOST_ITEMS`], before
/// anything walks it.
///
/// # Errors
/// That one.
pub fn refuse_long(v: &JsValue, path: &str) -> Result<(), Error> {
    match too_long(v) {
        Some(len) => Err(not_json(path, &long_array(len))),
        None => Ok(()),
    }
}

/// What an array longer than [`MOST_ITEMS`] is called in an error.
#[cold]
#[inline(never)]
fn long_array(len: u32) -> String {
    format!("an array of length {len} (at most {MOST_ITEMS} items)")
}

/// `JSON.stringify(v)`, as a JS string; a value with no JSON form is an
/// error at `path`.
pub(super) fn json_string(v: &JsValue, path: &str) -> Result<JsValue, Error> {
    let Some(_reading) = Reading::enter() else {
        return Err(not_json(
            path,
            "a value whose getters call back into the package, too deeply",
        ));
    };
    refuse_long(v, path)?;
    match js_sys::JSON::stringify(v) {
        // A symbol or a function has no JSON form: `JSON.stringify` gives
        // `undefined`.
        Ok(s) if s.is_undefined() => Err(not_json(path, &type_of(v))),
        Ok(s) => Ok(s.into()),
        Err(_) => Err(match first_not_json(v, path) {
            Some((at, what)) => not_json(&at, &what),
            None => not_json(path, "a value JSON.stringify refuses"),
        }),
    }
}

/// A JS value as a JSON value (through its JSON text). Rules that read their
/// input with serde read it from a JSON value only, so that their readers are
/// compiled once.
///
/// # Errors
/// As [`text_of`].
pub fn value_of(v: &JsValue, path: &str) -> Result<serde_json::Value, Error> {
    crate::json::value_of_text(&text_of(v, path)?).map_err(|e| e.under(path))
}

/// As [`value_of`], with each half of a UTF-16 surrogate pair (a string the
/// host cut in the middle of an emoji: `JSON.stringify` writes it as a lone
/// `\udXXX`, which no UTF-8 text holds) read as U+FFFF, a noncharacter no
/// CRM writes: a field the reader ignores stays ignored, and one it reads
/// says what it holds (`queue_item`'s id).
pub fn value_marking_cuts(v: &JsValue, path: &str) -> Result<serde_json::Value, Error> {
    let text = text_of(v, path)?;
    crate::json::value_with_cuts(&text, "\\uffff", path)
}

/// As [`value_marking_cuts`], for a list of records whose fields the engine
/// does not read are ignored, never an error ([`record_text`]): a queue row
/// with an ORM's BIGINT column or back-reference.
///
/// # Errors
/// As [`record_text`].
pub fn records_marking_cuts(v: &JsValue, path: &str) -> Result<serde_json::Value, Error> {
    let text = record_text(v, path)?;
    match crate::json::value_with_cuts(&text, "\\uffff", path) {
        // A field nested deeper than the JSON reader goes (a CRM's custom
        // field): the lenient text leaves out what lies below the levels a
        // record is read to.
        Err(e) if e.message.starts_with(crate::error::NESTED_TOO_DEEP) => {
            match Reading::enter().map(|_reading| stringify_lenient(v)) {
                Some(Ok(s)) if s.is_string() => {
                    crate::json::value_with_cuts(&string_of(&s), "\\uffff", path)
                }
                _ => Err(e),
            }
        }
        read => read,
    }
}

/// What JSON-shaped data is, and what came instead.
fn not_json(path: &str, got: &str) -> Error {
    Error::input(
        path,
        format!("expected JSON-shaped data (strings, numbers, booleans, null, arrays and plain objects), got {got}"),
    )
}

/// `typeof v`, with an article: "a symbol", "a function", "a bigint".
fn type_of(v: &JsValue) -> String {
    let t = v.js_typeof().as_string().unwrap_or_default();
    match t.as_str() {
        "bigint" => "a BigInt".to_string(),
        "undefined" => "undefined".to_string(),
        "object" => "an object".to_string(),
        _ => format!("a {t}"),
    }
}

/// Where in `v` JSON.stringify fails, and why: the path of the first BigInt
/// or of the first object that contains itself. Walked only after a failure,
/// so that the error names the field (`events[2].at: ... got a BigInt`).
fn first_not_json(v: &JsValue, path: &str) -> Option<(String, String)> {
    fn walk(v: &JsValue, path: &str, up: &mut Vec<JsValue>) -> Option<(String, String)> {
        if v.is_bigint() {
            return Some((path.to_string(), "a BigInt".to_string()));
        }
        if !v.is_object() || v.is_function() || up.len() > 64 {
            return None;
        }
        if up.iter().any(|a| js_sys::Object::is(a, v)) {
            return Some((
                path.to_string(),
                "an object that contains itself".to_string(),
            ));
        }
        up.push(v.clone());
        // Every access through Reflect, whose throws are caught: a value that
        // throws when touched (a Proxy) must not unwind through the module
        // (a method's borrow of its object would stay taken).
        let found = if let Some(len) = too_long(v) {
            Some((path.to_string(), long_array(len)))
        } else if is_array(v) == Some(true) {
            let len = js_sys::Reflect::get(v, &"length".into())
                .ok()
                .and_then(|n| n.as_f64())
                .unwrap_or(0.0) as u32;
            (0..len).find_map(|i| {
                let x = js_sys::Reflect::get_u32(v, i).unwrap_or(JsValue::UNDEFINED);
                walk(&x, &format!("{path}[{i}]"), up)
            })
        } else {
            let keys = js_sys::Reflect::own_keys(v).unwrap_or_else(|_| js_sys::Array::new());
            keys.iter().filter(|k| k.is_string()).find_map(|k| {
                let key = k.as_string().unwrap_or_default();
                let x = js_sys::Reflect::get(v, &k).unwrap_or(JsValue::UNDEFINED);
                let at = if path.is_empty() {
                    key
                } else {
                    format!("{path}.{key}")
                };
                walk(&x, &at, up)
            })
        };
        up.pop();
        found
    }
    walk(v, path, &mut Vec::new())
}

/// A time argument that belongs to no one contact: RFC 3339 text with an
/// offset, epoch milliseconds or a `Date`.
pub fn time(v: &JsValue, path: &str) -> Result<Instant, Error> {
    if let Some(s) = v.as_string().or_else(|| json_text(v)) {
        return crate::read::time_text(&s).map_err(|e| e.under(path));
    }
    // (This time is no one contact's: what was expected without the local
    // date-time a contact's own time may be, as for text.)
    time_arg(v, path)
        .map_err(crate::read::alone)?
        .in_zone(None)
        .map_err(|e| crate::read::alone(e).under(path))
}

/// The text a date library's object gives as JSON (Luxon, Day.js, Moment,
/// Temporal's PlainDateTime), as `JSON.stringify` writes it inside a
/// contact; not for a `Date` or a Temporal instant, read by their numbers.
pub fn json_text(v: &JsValue) -> Option<String> {
    if !v.is_object()
        || v.is_instance_of::<js_sys::Date>()
        || number_at(v, "epochMilliseconds").is_some()
    {
        return None;
    }
    call_method(v, "toJSON")?.as_string()
}

/// What `v[name]()` returns, when `v[name]` is a function and the call does
/// not throw (a throw is `None`, not an exception through the module).
fn call_method(v: &JsValue, name: &str) -> Option<JsValue> {
    let f = js_sys::Reflect::get(v, &JsValue::from_str(name)).ok()?;
    f.dyn_into::<js_sys::Function>().ok()?.call0(v).ok()
}

/// A time argument of one contact: as [`time`], or a local date-time the
/// caller reads in the contact's zone ([`TimeArg::for_contact`]).
pub fn time_arg(v: &JsValue, path: &str) -> Result<TimeArg, Error> {
    // A Date is read as its epoch milliseconds (inside a contact it already
    // crosses as ISO text through JSON.stringify).
    if v.is_instance_of::<js_sys::Date>() {
        let Some(ms) = date_time(v) else {
            return Err(Error::new(
                ErrorCode::InvalidTime,
                path,
                format!(
                    "{}, got a Date whose time cannot be read (getTime threw: a Proxy of a Date?)",
                    crate::time::EXPECTED_TIME
                ),
            ));
        };
        return Instant::from_f64(ms)
            .map(TimeArg::at)
            .map_err(|e| e.under(path));
    }
    if let Some(n) = v.as_f64() {
        return crate::read::time_number(n)
            .map(TimeArg::at)
            .map_err(|e| e.under(path));
    }
    if let Some(s) = v.as_string() {
        return TimeArg::text(&s).map_err(|e| e.under(path));
    }
    // A Temporal.Instant or ZonedDateTime by its epoch milliseconds; another
    // date library's object by its JSON text.
    if let Some(ms) = number_at(v, "epochMilliseconds").filter(|_| v.is_object()) {
        return Instant::from_f64(ms)
            .map(TimeArg::at)
            .map_err(|e| e.under(path));
    }
    if let Some(s) = json_text(v) {
        return TimeArg::text(&s).map_err(|e| e.under(path));
    }
    let got = got_js(v);
    Err(Error::new(
        ErrorCode::InvalidTime,
        path,
        format!("{}, got {got}", crate::time::EXPECTED_TIME),
    ))
}

/// A channel argument: `"sms"`, `"call"` or `"email"`, as a host writes it
/// ([`crate::api::channel_named`]: `"SMS"`, `"Phone Call"`).
pub fn channel(v: &JsValue, path: &str) -> Result<Channel, Error> {
    let text = v.as_string();
    text.as_deref()
        .and_then(crate::api::channel_named)
        .ok_or_else(|| {
            let got = text.map_or_else(|| got_js(v), |s| format!("\"{s}\""));
            Error::value(
                path,
                format!("expected \"sms\", \"call\" or \"email\", got {got}"),
            )
        })
}

/// What a JS value that is not a string is, for an error on an argument:
/// `undefined (the argument is missing)`, `null`, `the number 42`, `true`,
/// `an array`, `an object`, `a function`.
pub fn got_arg(v: &JsValue) -> String {
    if v.is_undefined() {
        "undefined (the argument is missing)".to_string()
    } else if let Some(n) = v.as_f64() {
        match crate::read::non_finite_name(n) {
            Some(name) => name.to_string(),
            None => format!("the number {n}"),
        }
    } else if let Some(b) = v.as_bool() {
        b.to_string()
    } else if is_array(v) == Some(true) {
        "an array".to_string()
    } else if v.is_null() {
        "null".to_string()
    } else {
        type_of(v)
    }
}

/// What a JS value is, for an error: `null`, `undefined` or its type.
pub fn got_js(v: &JsValue) -> String {
    if v.is_null() {
        "null".to_string()
    } else if v.is_undefined() {
        "undefined".to_string()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
}

/// Refuses a key of the options object `o` that is none of `known`
/// (`expected` names them): a typo (`{explian: false}`) is caught, as in a
/// playbook, not silently ignored.
pub fn only_keys(o: &JsValue, known: &[&str], expected: &str, path: &str) -> Result<(), Error> {
    // (Through Reflect, whose throws are caught: see [`is_array`].)
    let keys = js_sys::Reflect::own_keys(o)
        .map_err(|_| Error::input(path, format!("expected {{{expected}}} (reading it threw)")))?;
    for key in keys.iter().filter(JsValue::is_string) {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(Error::input(
                [path, ".", &key].concat(),
                ["unknown field \"", &key, "\"; expected one of ", expected].concat(),
            ));
        }
    }
    Ok(())
}

/// One contact, for `playbook`.
pub fn contact(v: &JsValue, pb: &Playbook) -> Result<Contact, Error> {
    // A fault of the whole record is at the argument's name ("contact:
    // expected a contact object, got null"); a field's stays its own
    // ("events[3].at").
    let whole = |mut e: Error| {
        if e.path.is_empty() {
            e.path = "contact".to_string();
        }
        e
    };
    if v.is_undefined() {
        return Err(Error::input(
            "contact",
            "expected a contact object, got undefined",
        ));
    }
    let text = record_text(v, "").map_err(whole)?;
    crate::read::contact_from_host(&text, pb, &JsHost::One(v)).map_err(whole)
}

/// The JS values a contact's JSON text was written from: one contact object,
/// or an array of them. The reader asks it what a field was where the text
/// has `null` (`JSON.stringify` writes `NaN` and `±Infinity` so).
pub enum JsHost<'a> {
    One(&'a JsValue),
    Many(&'a js_sys::Array),
}

impl crate::read::NonFinite for JsHost<'_> {
    fn number(&self, record: usize, field: &str) -> Option<f64> {
        match self {
            JsHost::One(v) => number_at(v, field),
            JsHost::Many(list) => number_at(&list.get(u32::try_from(record).ok()?), field),
        }
    }

    fn event_number(&self, record: usize, event: usize, field: &str) -> Option<f64> {
        let contact = match self {
            JsHost::One(v) => (*v).clone(),
            JsHost::Many(list) => list.get(u32::try_from(record).ok()?),
        };
        number_at(&event_of(&contact, event)?, field)
    }

    fn null_named(&self, record: usize, event: Option<usize>) -> Option<String> {
        // (Through Reflect, whose throws are caught: a slot or a getter that
        // throws when read leaves the error as the text says it.)
        let contact = match self {
            JsHost::One(v) => (*v).clone(),
            JsHost::Many(list) => {
                js_sys::Reflect::get_u32(list, u32::try_from(record).ok()?).ok()?
            }
        };
        let v = match event {
            None => contact,
            Some(i) => event_of(&contact, i)?,
        };
        match v.as_f64() {
            _ if v.is_null() => None,
            Some(n) => crate::read::non_finite_name(n).map(str::to_string),
            None => Some(type_of(&v)),
        }
    }
}

/// Event `event` of a contact's `events`, read through Reflect.
fn event_of(contact: &JsValue, event: usize) -> Option<JsValue> {
    let events = js_sys::Reflect::get(contact, &JsValue::from_str("events")).ok()?;
    js_sys::Reflect::get_u32(&events, u32::try_from(event).ok()?).ok()
}

/// The number field `key` of the object `o` holds, if it holds one; an
/// invalid `Date` (which `JSON.stringify` also writes as `null`) as its time
/// value, `NaN`.
pub fn number_at(o: &JsValue, key: &str) -> Option<f64> {
    let number = |v: JsValue| {
        v.as_f64().or_else(|| {
            v.is_instance_of::<js_sys::Date>()
                .then(|| date_time(&v))
                .flatten()
        })
    };
    let v = js_sys::Reflect::get(o, &JsValue::from_str(key)).ok()?;
    if !v.is_undefined() {
        return number(v);
    }
    // The field under another spelling the reader reads (`At`, `_id`).
    let o = o.dyn_ref::<js_sys::Object>()?;
    js_sys::Object::keys(o)
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| crate::read::same_key(k, key))
        .find_map(|k| {
            js_sys::Reflect::get(o, &JsValue::from_str(&k))
                .ok()
                .and_then(number)
        })
}

/// A `Date`'s time value through its `getTime`, called so that a throw (a
/// Proxy of a Date, whose methods refuse the proxy) is `None`, not an
/// exception through the module.
fn date_time(v: &JsValue) -> Option<f64> {
    call_method(v, "getTime")?.as_f64()
}

/// A playbook, or its JSON text (a file a host read: read as it is, so a
/// key given twice is caught, which an object cannot show); errors under
/// `prefix`.
pub fn playbook(v: &JsValue, prefix: &str) -> Result<Playbook, Error> {
    given(v, prefix, "a playbook object")?;
    let Some(text) = v.as_string() else {
        strict(v, prefix)?;
        return Playbook::from_json(&text_of(v, prefix)?).map_err(|e| e.under(prefix));
    };
    // (A file read as UTF-8 keeps the byte order mark an editor wrote
    // before its text: RFC 8259 lets a reader pass over it.)
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    if !text.trim_start().starts_with('{') {
        return Err(Error::input(
            prefix,
            "expected a playbook object or its JSON text (an object), got another string; a preset is preset(name)",
        ));
    }
    Playbook::from_json(text).map_err(|e| e.under(prefix))
}

/// An argument that must be given: `undefined` (not passed) is an error
/// that says so, where reading it as JSON would say "got null".
pub fn given(v: &JsValue, path: &str, what: &str) -> Result<(), Error> {
    if v.is_undefined() {
        return Err(Error::input(
            path,
            format!("expected {what}, got undefined (the argument is missing)"),
        ));
    }
    Ok(())
}

/// A boolean option `name` of an options object (`undefined` when absent).
pub fn option_bool(
    options: Option<&JsValue>,
    name: &str,
    path: &str,
) -> Result<Option<bool>, Error> {
    let Some(o) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
        return Ok(None);
    };
    if !o.is_object() || is_array(o) != Some(false) {
        return Err(Error::input(
            path,
            format!("expected an options object, got {}", got_arg(o)),
        ));
    }
    only_keys(o, &[name], &["\"", name, "\""].concat(), path)?;
    let v = js_sys::Reflect::get(o, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() {
        return Ok(None);
    }
    v.as_bool()
        .map(Some)
        .ok_or_else(|| Error::input(format!("{path}.{name}"), "expected true or false"))
}
