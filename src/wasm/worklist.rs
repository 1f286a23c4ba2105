//! The resident worklist, from JavaScript.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::batch::{id_key, Batch};
use super::convert::{js_error, playbook, time, to_js, value_of};
use super::text::source_text;
use crate::error::Error;
use crate::worklist::{Filter, Worklist as Core};

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
        #[wasm_bindgen(unchecked_param_type = "Playbook | string")] playbook_value: JsValue,
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
    /// contacts that could not be read (the rest are kept). A held contact
    /// whose new record cannot be read is taken out, as `remove` takes it:
    /// its old answers (texting allowed, a send due) may be what the new
    /// record's STOP has ended, and a sender loop must not read them.
    #[wasm_bindgen(unchecked_return_type = "BatchError[]")]
    pub fn upsert(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Contact[]")] contacts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let batch = Batch::of_array(&contacts, "contacts").map_err(|e| js_error(&e))?;
        self.upsert_batch(&batch)
    }

    /// Adds or replaces contacts given as one JSON text (an array), as a
    /// string or as its UTF-8 bytes (a `Uint8Array`, e.g. straight from a file
    /// or a fetch: no decoding to a string and back). Returns the errors as
    /// `upsert` does.
    #[wasm_bindgen(js_name = upsertJson, unchecked_return_type = "BatchError[]")]
    pub fn upsert_json(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] json: JsValue,
    ) -> Result<JsValue, JsValue> {
        let batch = source_text(&json, "contacts")
            .map(|t| Batch::of_text(t, "contacts"))
            .map_err(|e| js_error(&e))?;
        self.upsert_batch(&batch)
    }

    fn upsert_batch(&mut self, batch: &Batch) -> Result<JsValue, JsValue> {
        let (good, errors, gone) = batch
            .read(self.inner.playbook())
            .map_err(|e| js_error(&e))?;
        // The ids whose last record is unreadable: out, not kept as they
        // were.
        if !gone.is_empty() {
            self.take_out(&gone);
        }
        let before = self.inner.len();
        let done = self.inner.upsert(good);
        if !done.renamed.is_empty() {
            // The same contact by another form of its id: echoed as last
            // given, in the work order's ids too.
            let renamed: Vec<(u32, &crate::model::ContactId)> = done
                .renamed
                .iter()
                // Slots added by this call come with the new ids below.
                .filter(|&&s| (s as usize) < before)
                .filter_map(|&s| self.inner.id_at(s).map(|id| (s, id)))
                .collect();
            let ids: Vec<&crate::model::ContactId> = renamed.iter().map(|r| r.1).collect();
            let values = js_sys::Array::from(&to_js(&ids)?);
            for (&(slot, _), id) in renamed.iter().zip(values.iter()) {
                self.ids.set(slot, id);
            }
        }
        if self.inner.len() > before {
            // The new ids, in slot order, in one crossing.
            let added: Vec<&crate::model::ContactId> = self.inner.ids().skip(before).collect();
            let arr = js_sys::Array::from(&to_js(&added)?);
            if self.ids.length() == 0 {
                self.ids = arr;
            } else {
                append(&self.ids, &arr);
            }
        }
        to_js(&errors)
    }

    /// Removes contacts by id; returns how many were there. Throws, removing
    /// none, when an entry is not an id (`ids[2]: expected an id`): the
    /// records themselves passed by mistake.
    pub fn remove(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Array<string | number>")] ids: JsValue,
    ) -> Result<u32, JsValue> {
        // Read through its JSON text (JSON.stringify is caught): an argument
        // that throws when touched (a Proxy) is an error, not a worklist
        // left borrowed by a JS exception.
        // (An id cut in the middle of an emoji is marked U+FFFF, which no
        // resident id holds: it removes nothing, as `get` finds nothing,
        // never the contact whose id holds U+FFFD.)
        let list =
            match super::convert::value_marking_cuts(&ids, "ids").map_err(|e| js_error(&e))? {
                serde_json::Value::Array(list) => list,
                _ => {
                    return Err(js_error(&Error::input(
                        "ids",
                        "expected an array of ids (strings or numbers)",
                    )))
                }
            };
        // An entry that is no id is a mistake to say (`remove(contacts)`
        // passes the records): nothing is removed.
        let mut keys: Vec<String> = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            match id_key(v) {
                Some(k) => keys.push(k),
                None => {
                    return Err(js_error(&Error::input(
                        format!("ids[{i}]"),
                        "expected an id (a string or a number)",
                    )))
                }
            }
        }
        Ok(self.take_out(&keys))
    }

    /// Removes the contacts of `keys` (ids as the index keys them), keeping
    /// the ids array in step; how many were there.
    fn take_out(&mut self, keys: &[String]) -> u32 {
        let r = self.inner.remove(keys);
        for (from, to) in r.moves {
            self.ids.set(to as u32, self.ids.get(from as u32));
        }
        self.ids.set_length(self.inner.len() as u32);
        r.removed as u32
    }

    /// Re-evaluates at a new `now` (only contacts whose evaluation can have
    /// changed, unless `now` moved backwards). Returns how many were
    /// re-evaluated. A contact whose only change is its contact window opening
    /// or closing takes its place's answer without a re-evaluation and is not
    /// counted: 0 does not mean that no channel answer changed.
    pub fn refresh(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Time")] now: JsValue,
    ) -> Result<u32, JsValue> {
        let now = time(&now, "now").map_err(|e| js_error(&e))?;
        Ok(self.inner.refresh(now) as u32)
    }

    /// The ids matching `filter`, in work order (due first, then those with
    /// an action to come, those with none last; then higher priority, then
    /// overdue first, then earlier due time, then id). With `page` (`{offset?,
    /// limit?}`), only that slice of them: a table showing one screen at a time
    /// asks for that screen.
    #[wasm_bindgen(unchecked_return_type = "Array<string | number>")]
    pub fn query(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter")] filter: Option<JsValue>,
        #[wasm_bindgen(unchecked_param_type = "Page")] page: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let f = filter_of(&filter.unwrap_or(JsValue::UNDEFINED)).map_err(|e| js_error(&e))?;
        let (offset, limit) = page_of(page.as_ref()).map_err(|e| js_error(&e))?;
        let slots = self.inner.query_page(&f, offset, limit);
        gather(&self.ids, &slots)
    }

    /// Counts by status, next label, phase and allowed channel among the
    /// contacts matching `filter`.
    #[wasm_bindgen(unchecked_return_type = "Facets")]
    pub fn facets(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter")] filter: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let f = filter_of(&filter.unwrap_or(JsValue::UNDEFINED)).map_err(|e| js_error(&e))?;
        facets_js(&self.inner.facets(&f))
    }

    /// The contact's evaluation at the worklist's `now` (equal to `evaluate`
    /// for it), or `undefined` for an unknown id or before the first `now`.
    /// Throws when `id` is not a string or a number.
    #[wasm_bindgen(unchecked_return_type = "Evaluation | undefined")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | number")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        if id.as_string().is_none() && id.as_f64().is_none() {
            return Err(js_error(&Error::input(
                "id",
                "expected an id (a string or a number)",
            )));
        }
        // (Half of a UTF-16 pair is no contact's id: `upsert` refuses it.)
        if id
            .dyn_ref::<js_sys::JsString>()
            .is_some_and(|s| !s.is_valid_utf16())
        {
            return Ok(JsValue::UNDEFINED);
        }
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

    /// The facts of every contact as typed arrays, slot by slot (`ids[i]` is
    /// the contact of slot `i`): for a chart, an export or a filter of the
    /// host's own over 100,000 contacts without an object per contact. A
    /// snapshot: copies, valid until the next `upsert`, `remove` or
    /// `refresh` (views into the module's memory would break when it grows).
    #[wasm_bindgen(unchecked_return_type = "WorklistColumns")]
    pub fn columns(&self) -> Result<JsValue, JsValue> {
        let c = self.inner.columns();
        let out = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&out, &k.into(), v).map(|_| ());
        let n = u32::try_from(c.len()).unwrap_or(u32::MAX);
        set("ids", &self.ids.slice(0, n).into())?;
        set(
            "status",
            &js_sys::Uint8Array::from(c.status.as_slice()).into(),
        )?;
        let statuses: js_sys::Array = crate::status::Status::ALL
            .iter()
            .map(|s| JsValue::from_str(s.id()))
            .collect();
        set("statuses", &statuses.into())?;
        set(
            "next",
            &js_sys::Uint16Array::from(c.label.as_slice()).into(),
        )?;
        let names = |n: &crate::worklist::Names| -> js_sys::Array {
            (0..n.len()).map(|i| JsValue::from_str(n.name(i))).collect()
        };
        set("nextLabels", &names(self.inner.label_names()).into())?;
        set(
            "phase",
            &js_sys::Uint16Array::from(c.phase.as_slice()).into(),
        )?;
        set("phases", &names(self.inner.phase_names()).into())?;
        set(
            "flags",
            &js_sys::Uint8Array::from(c.flags.as_slice()).into(),
        )?;
        set(
            "priority",
            &js_sys::Float64Array::from(c.priority.as_slice()).into(),
        )?;
        // Epoch milliseconds as JS numbers; NaN for none (no next action, or
        // an evaluation that never changes by itself).
        let ms = |v: &[i64]| -> Vec<f64> {
            v.iter()
                .map(|&t| {
                    if t == i64::MAX || t == i64::MIN {
                        f64::NAN
                    } else {
                        t as f64
                    }
                })
                .collect()
        };
        set(
            "dueAt",
            &js_sys::Float64Array::from(ms(&c.due_ms).as_slice()).into(),
        )?;
        set(
            "validUntil",
            &js_sys::Float64Array::from(ms(&c.valid_until).as_slice()).into(),
        )?;
        Ok(out.into())
    }
}

/// Facets as plain objects, built by the host's `JSON.parse` in one call:
/// next labels and phase ids are strings people choose, and `JSON.parse` makes
/// every key an own data property, `"__proto__"` too (a plain `obj[key] = n`
/// would set the object's prototype instead of adding a count).
fn facets_js(f: &crate::worklist::Facets) -> Result<JsValue, JsValue> {
    to_js(f)
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
        // As a record's id is read: without the invisible characters a copy
        // and paste leaves at its edges.
        match crate::read::invisible_trimmed(&s) {
            t if t.len() < s.len() => t.to_owned(),
            _ => s,
        }
    } else if let Some(n) = v.as_f64().filter(|n| n.abs() <= 9_007_199_254_740_991.0) {
        // (A number from 2^53 on has lost digits: no contact's id, which
        // the reader refuses, never another's — `remove([2 ** 53 + 1])`
        // took out "9007199254740992".)
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
    if !v.is_object() || super::convert::is_array(v) != Some(false) {
        return Err(Error::input("page", "expected {offset?, limit?}"));
    }
    super::convert::only_keys(v, &["offset", "limit"], "\"offset\", \"limit\"", "page")?;
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
    super::convert::strict(v, "filter")?;
    let value = value_of(v, "filter")?;
    if !value.is_object() {
        return Err(Error::input(
            "filter",
            "expected a filter object ({status?, next?, phase?, allowed?, due?, autoDue?, text?})",
        ));
    }
    Filter::from_deserializer(&value).map_err(|e| e.under("filter"))
}

thread_local! {
    /// `Array.prototype.push`.
    static PUSH: Option<js_sys::Function> =
        js_sys::Reflect::get(&js_sys::Array::new(), &JsValue::from_str("push"))
            .ok()
            .and_then(|f| f.dyn_into().ok());
}

/// Appends `more` to `ids` in place, [`APPEND_CHUNK`] at a time through
/// `push.apply`. `concat` made a new array of the whole book at each call, so
/// a book loaded a page at a time was copied page after page: 100 pages of
/// 1,000 made arrays of 5 million ids in all, each past 128 KB in V8's
/// large-object space, whose collections of a host heap holding the book
/// were most of the last pages' time.
fn append(ids: &js_sys::Array, more: &js_sys::Array) {
    let n = more.length();
    PUSH.with(|push| {
        let Some(push) = push else {
            for v in more.iter() {
                ids.push(&v);
            }
            return;
        };
        for start in (0..n).step_by(APPEND_CHUNK as usize) {
            let part = more.slice(start, start.saturating_add(APPEND_CHUNK).min(n));
            let _ = push.apply(ids, &part);
        }
    });
}

/// Arguments a `push.apply` takes at once: far below every engine's limit on
/// the arguments of a call.
const APPEND_CHUNK: u32 = 8192;
