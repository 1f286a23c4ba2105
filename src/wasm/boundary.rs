//! Boundary measurements for `make bench` (built only with the
//! `bench-boundary` feature; never in the package). Each function does the
//! same engine work and differs only in how data crosses.

use wasm_bindgen::prelude::*;

use super::batch::Batch;
use super::convert::{js_error, playbook, time_arg};
use super::text::source_text;
use super::Evaluated;

fn read_count(batch: &Batch, pb: JsValue) -> Result<u32, JsValue> {
    let pb = playbook(&pb, "playbook").map_err(|e| js_error(&e))?;
    let (good, _, _) = batch.read(&pb).map_err(|e| js_error(&e))?;
    Ok(u32::try_from(good.len()).unwrap_or(u32::MAX))
}

/// Contacts in as JS objects (`JSON.stringify`, then the reader): how many
/// were read.
#[wasm_bindgen(js_name = boundaryInObjects, skip_typescript)]
pub fn in_objects(contacts: JsValue, pb: JsValue) -> Result<u32, JsValue> {
    let batch = Batch::of_array(&contacts, "contacts").map_err(|e| js_error(&e))?;
    read_count(&batch, pb)
}

/// Contacts in as one JSON text or its bytes.
#[wasm_bindgen(js_name = boundaryInJson, skip_typescript)]
pub fn in_json(json: JsValue, pb: JsValue) -> Result<u32, JsValue> {
    let batch = source_text(&json, "contacts")
        .map(|t| Batch::of_text(t, "contacts"))
        .map_err(|e| js_error(&e))?;
    read_count(&batch, pb)
}

/// Contacts in as one JSON text through wasm-bindgen's own string copy.
#[wasm_bindgen(js_name = boundaryInStr, skip_typescript)]
pub fn in_str(json: &str, pb: JsValue) -> Result<u32, JsValue> {
    let batch = Batch::of_text(json.to_string(), "contacts");
    read_count(&batch, pb)
}

fn evaluated<T>(
    json: JsValue,
    pb: JsValue,
    now: JsValue,
    f: impl FnOnce(&Evaluated) -> Result<T, crate::Error>,
) -> Result<T, JsValue> {
    let pb = playbook(&pb, "playbook").map_err(|e| js_error(&e))?;
    let now = time_arg(&now, "now").map_err(|e| js_error(&e))?;
    let batch = source_text(&json, "contacts")
        .map(|t| Batch::of_text(t, "contacts"))
        .map_err(|e| js_error(&e))?;
    f(&Evaluated::new(&batch, &pb, now, true)).map_err(|e| js_error(&e))
}

/// Evaluations only, nothing out: the baseline of the one below.
#[wasm_bindgen(js_name = boundaryOutNone, skip_typescript)]
pub fn out_none(json: JsValue, pb: JsValue, now: JsValue) -> Result<u32, JsValue> {
    let n = evaluated(json, pb, now, |e| e.count())?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Evaluations out as a tape the glue builds objects from (the package's
/// path).
#[wasm_bindgen(js_name = boundaryOutTape, skip_typescript)]
pub fn out_tape(json: JsValue, pb: JsValue, now: JsValue) -> Result<JsValue, JsValue> {
    evaluated(json, pb, now, |e| e.js())
}

/// Evaluations out as one JSON text read by `JSON.parse` (the path before
/// the tape, and `evaluateManyJson`'s writer).
#[wasm_bindgen(js_name = boundaryOutJson, skip_typescript)]
pub fn out_json(json: JsValue, pb: JsValue, now: JsValue) -> Result<JsValue, JsValue> {
    let text = evaluated(json, pb, now, |e| e.json(true))?;
    js_sys::JSON::parse(&text)
}
