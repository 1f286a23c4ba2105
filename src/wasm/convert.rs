//! Values across the boundary: JS values in as JSON text (read by the same
//! readers as natively), results out through one configured serializer, and
//! engine errors as real JS `Error`s.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::{Error, ErrorCode};
use crate::model::{Channel, Contact};
use crate::playbook::Playbook;
use crate::time::Instant;

/// Turns an engine error into a JS `Error` with `code`, `path` and `errors`
/// (every bad field of the record: `{path, message, code}`).
pub fn js_error(e: &Error) -> JsValue {
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
            message: x.message.clone(),
            code: x.code.as_str(),
        })
        .collect()
}

/// The one way results cross: JSON text written by serde_json, read by the
/// host's `JSON.parse` — plain objects and `null`, never `Map`, and one
/// crossing for a whole result instead of one per field.
pub fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    let text = crate::json::ascii(v).map_err(|e| js_error(&Error::input("", e.to_string())))?;
    js_sys::JSON::parse(&text)
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

/// `JSON.stringify(v)`, as a JS string; a value with no JSON form is an
/// error at `path`.
fn json_string(v: &JsValue, path: &str) -> Result<JsValue, Error> {
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
    serde_json::from_str(&text_of(v, path)?).map_err(|e| Error::from_serde(path.to_string(), &e))
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
        let found = if js_sys::Array::is_array(v) {
            let a: &js_sys::Array = v.unchecked_ref();
            a.iter()
                .enumerate()
                .find_map(|(i, x)| walk(&x, &format!("{path}[{i}]"), up))
        } else {
            let o: &js_sys::Object = v.unchecked_ref();
            js_sys::Object::keys(o).iter().find_map(|k| {
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

#[wasm_bindgen]
extern "C" {
    /// The host's `TextEncoder` (every browser and Node has one).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(
        this: &TextEncoder,
        text: &js_sys::JsString,
        into: &js_sys::Uint8Array,
    ) -> EncodeResult;

    /// What `encodeInto` did: UTF-16 units read, bytes written.
    type EncodeResult;
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeResult) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeResult) -> u32;
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// A JS string as Rust text, encoded by the host's `TextEncoder` straight into
/// the module's memory: one pass, and no copy of the text on the JS heap
/// (wasm-bindgen's own copy walks the string a character at a time, and
/// `encode` then a copy makes a second 80 MB of garbage for a book of 100,000
/// contacts).
pub fn string_of(s: &JsValue) -> String {
    string_into(s, Vec::new())
}

/// [`string_of`], written into `bytes` (empty; its room is used first).
fn string_into(s: &JsValue, mut bytes: Vec<u8>) -> String {
    let Some(text) = s.dyn_ref::<js_sys::JsString>() else {
        return String::new();
    };
    let mut rest = text.clone();
    // ASCII (most JSON) takes a byte per UTF-16 unit: room for that first.
    // `encodeInto` stops before a character that does not fit; what is left
    // gets a quarter more room each round (a unit takes at most three bytes,
    // but a text with a few names in accents should not take three times its
    // size), so even text of three-byte characters alone is done in a few
    // rounds.
    let mut room = rest.length() as usize;
    loop {
        let filled = bytes.len();
        bytes.resize(filled.saturating_add(room.max(4)), 0);
        // The view is made after the resize: growing the memory detaches
        // earlier views.
        let (Ok(at), Ok(len)) = (
            u32::try_from(bytes.as_ptr() as usize + filled),
            u32::try_from(bytes.len() - filled),
        ) else {
            return String::new();
        };
        let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
        let into = js_sys::Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), at, len);
        let done = ENCODER.with(|e| e.encode_into(&rest, &into));
        bytes.truncate(filled.saturating_add(done.written() as usize));
        let units = rest.length();
        if done.read() >= units {
            break;
        }
        rest = rest.substring(done.read(), units);
        let left = (units - done.read()) as usize;
        room = left + left / 4;
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// An empty buffer with room for a batch's text of `len` bytes; when the
/// memory had to grow for it, room for what a load of the text keeps (see
/// [`Batch::of_text`]) is taken at once too.
///
/// In Node each growth of the memory can set off a full garbage collection.
/// A text copied in (one growth), then room made for the load once the host
/// had run again (a second), cost two per first load: a first load of
/// 100,000 contacts in a fresh process now sees one, and took 14.6, 15.2
/// and 14.9 µs a contact against 16.1, 14.9 and 19.5. Taking both in one
/// block instead would put the text in new memory even where an earlier
/// batch's text had left room for it: a second resident load would then grow
/// the memory by twice what it keeps.
fn batch_buffer(len: usize) -> Vec<u8> {
    let pages = || core::arch::wasm32::memory_size::<0>();
    let before = pages();
    let buffer = Vec::with_capacity(len);
    if pages() > before {
        reserve(len / 8 * 7);
    }
    buffer
}

/// A batch of JSON text given as a string or as UTF-8 bytes (`Uint8Array`).
pub fn source_text(v: &JsValue, path: &str) -> Result<String, Error> {
    if let Some(bytes) = v.dyn_ref::<js_sys::Uint8Array>() {
        let mut buffer = batch_buffer(bytes.length() as usize);
        buffer.resize(bytes.length() as usize, 0);
        bytes.copy_to(&mut buffer);
        return String::from_utf8(buffer)
            .map_err(|e| Error::input(path, format!("expected UTF-8 text: {e}")));
    }
    if let Some(text) = v.dyn_ref::<js_sys::JsString>() {
        return Ok(string_into(v, batch_buffer(text.length() as usize)));
    }
    Err(Error::input(
        path,
        "expected JSON text: a string or a Uint8Array of UTF-8",
    ))
}

/// Makes room for about `bytes` of allocations in one growth of the module's
/// memory, before a bulk load.
///
/// The allocator grows the memory a few 64 KiB pages at a time as it needs
/// them, and in Node each growth can set off a full garbage collection of a
/// JS heap that holds the contacts being loaded: first loads of 50,000
/// contacts cost 4.5 times as much per contact as loads of 10,000. A block
/// this size, taken and given back at once, stays with the allocator as free
/// room (wasm memory never shrinks), so the load's many small allocations are
/// carved from it; where there is room already, nothing grows.
///
/// The block's address goes through `black_box`: an allocation nothing reads
/// is one the optimizer may leave out (it does at `opt-level = 3`), and the
/// loads were then superlinear again.
pub fn reserve(bytes: usize) {
    let block = Vec::<u8>::with_capacity(bytes);
    std::hint::black_box(block.as_ptr());
    drop(block);
}

/// A batch of contacts as one JSON array text, read in one pass when used.
pub struct Batch {
    text: String,
    path: &'static str,
    /// Contacts that have no JSON form (a BigInt, an object that contains
    /// itself), by index, each with its error and its id as JSON text; `null`
    /// stands in their place in `text`.
    unjson: Vec<(usize, Error, String)>,
}

impl Batch {
    /// A JSON array text; `path` names the argument in errors.
    pub fn of_text(text: String, path: &'static str) -> Batch {
        // Resident contacts take about two thirds of their JSON text (541 B
        // for 831 B of text on the benchmark's contacts), and a load needs
        // more while it runs (the contacts read before they are kept, the
        // sort into work order). Room for seven eighths: a first load of
        // 100k then grows the memory once; with three quarters it grew twice
        // and took a quarter longer in Node (16.8 against 13.3 µs a
        // contact).
        reserve(text.len() / 8 * 7);
        Batch {
            text,
            path,
            unjson: Vec::new(),
        }
    }

    /// The length of the batch's JSON text, in bytes.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// A JS array of contacts. One contact that JSON cannot hold yields its
    /// own error; the rest are read.
    pub fn of_array(v: &JsValue, path: &'static str) -> Result<Batch, Error> {
        if !js_sys::Array::is_array(v) {
            return Err(Error::input(path, "expected an array of contacts"));
        }
        if let Ok(text) = json_string(v, path).and_then(|s| source_text(&s, path)) {
            return Ok(Batch::of_text(text, path));
        }
        // Some contact has no JSON form: each on its own.
        let items: &js_sys::Array = v.unchecked_ref();
        let mut text = String::from("[");
        let mut unjson = Vec::new();
        for (i, c) in items.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            match text_of(&c, "") {
                Ok(t) => text.push_str(&t),
                Err(e) => {
                    text.push_str("null");
                    let id = js_sys::Reflect::get(&c, &"id".into())
                        .ok()
                        .filter(|id| id.is_string() || id.as_f64().is_some())
                        .and_then(|id| js_sys::JSON::stringify(&id).ok())
                        .map(|s| string_of(&s))
                        .unwrap_or_else(|| "null".to_string());
                    unjson.push((i, e, format!("{{\"id\":{id}}}")));
                }
            }
        }
        text.push(']');
        let mut b = Batch::of_text(text, path);
        b.unjson = unjson;
        Ok(b)
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
        for (i, item) in crate::read::contacts(&self.text, playbook).enumerate() {
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
    pub fn read(&self, playbook: &Playbook) -> Result<(Vec<Contact>, Vec<BatchError>), Error> {
        let mut good = Vec::new();
        let mut bad = Vec::new();
        self.each(playbook, |i, raw, c| match c {
            Ok(c) => good.push(c),
            Err(e) => bad.push(batch_error(raw, i, e)),
        })?;
        Ok((good, bad))
    }
}

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

/// The error item of contact `i` of a batch.
pub fn batch_error(raw: &str, i: usize, e: Error) -> BatchError {
    let e = e.under(&format!("contacts[{i}]"));
    let id = serde_json::from_str::<serde_json::Value>(raw)
        .ok()
        .and_then(|v| v.get("id").cloned())
        .filter(|id| id.is_string() || id.is_number())
        .unwrap_or(serde_json::Value::Null);
    BatchError {
        id,
        error: e.to_string(),
        code: e.code.as_str(),
        errors: field_errors(&e),
        path: e.path,
    }
}

/// A time argument: RFC 3339 text with an offset, epoch milliseconds or a `Date`.
pub fn time(v: &JsValue, path: &str) -> Result<Instant, Error> {
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

/// A channel argument: `"sms"`, `"call"` or `"email"`.
pub fn channel(v: &JsValue, path: &str) -> Result<Channel, Error> {
    v.as_string()
        .as_deref()
        .and_then(Channel::parse)
        .ok_or_else(|| Error::value(path, "expected \"sms\", \"call\" or \"email\""))
}

/// One contact, for `playbook`.
pub fn contact(v: &JsValue, pb: &Playbook) -> Result<Contact, Error> {
    crate::read::contact(&text_of(v, "")?, pb)
}

/// A playbook; errors under `prefix`.
pub fn playbook(v: &JsValue, prefix: &str) -> Result<Playbook, Error> {
    Playbook::from_json(&text_of(v, prefix)?).map_err(|e| e.under(prefix))
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
    if !o.is_object() {
        return Err(Error::input(path, "expected an options object"));
    }
    let v = js_sys::Reflect::get(o, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() {
        return Ok(None);
    }
    v.as_bool()
        .map(Some)
        .ok_or_else(|| Error::input(format!("{path}.{name}"), "expected true or false"))
}
