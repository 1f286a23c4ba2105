//! Text from the host into the module's memory: a JS string encoded by the
//! host's `TextEncoder` straight into place, or a `Uint8Array` copied once,
//! with room for the load that reads it taken in as few growths of the memory
//! as can be.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::Error;

use super::convert::json_string;
use super::room::room;

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
    string_into(s, Vec::new()).unwrap_or_default()
}

/// [`string_of`], written into `bytes` (empty; its room is used first);
/// `None` when the module's memory cannot hold it.
fn string_into(s: &JsValue, bytes: Vec<u8>) -> Option<String> {
    Some(String::from_utf8(append_utf8(s, bytes)?).unwrap_or_default())
}

/// The UTF-8 of JS string `s` appended to `bytes` (its room is used first);
/// `None` when the module's memory cannot hold it (a batch of gigabytes:
/// an error to say, not the module's abort).
fn append_utf8(s: &JsValue, mut bytes: Vec<u8>) -> Option<Vec<u8>> {
    let Some(text) = s.dyn_ref::<js_sys::JsString>() else {
        return Some(bytes);
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
        // Room, not zeroed (zeroing 80 MB took 3% of a load): the host
        // writes into it, and only what it wrote is kept.
        bytes.try_reserve(room.max(4)).ok()?;
        // The view is made after the reserve: growing the memory detaches
        // earlier views.
        let (Ok(at), Ok(len)) = (
            u32::try_from(bytes.as_ptr() as usize + filled),
            u32::try_from(bytes.capacity() - filled),
        ) else {
            return Some(bytes);
        };
        let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
        let into = js_sys::Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), at, len);
        let done = ENCODER.with(|e| e.encode_into(&rest, &into));
        let written = (done.written() as usize).min(len as usize);
        // SAFETY: `encodeInto` wrote `written` bytes from `filled` on, within
        // the capacity (it writes no more than the view's length), so they
        // are initialized; the UTF-8 is checked when the bytes become text.
        unsafe {
            bytes.set_len(filled + written);
        }
        let units = rest.length();
        if done.read() >= units {
            break;
        }
        rest = rest.substring(done.read(), units);
        let left = (units - done.read()) as usize;
        room = left + left / 4;
    }
    Some(bytes)
}

/// Contacts stringified at a time by [`array_text`]: 100 make a string of
/// about 83 KB, which V8 makes in its young generation (a string past about
/// 128 KB goes to its large-object space, left for the full collections): a
/// load of 100,000 contacts from objects in Node, 925 and 941 ms with 1,000
/// at a time, 904 and 912 with 100 (medians of 9, builds alternating).
const SLICE: u32 = 100;

/// The JSON text of a JS array of contacts, stringified [`SLICE`] contacts at
/// a time, each slice encoded into the module's memory as soon as it is made:
/// the text of a whole book at once is a string of 80 MB on the host's heap,
/// garbage the moment it is copied in (stringified in slices, a load of
/// 100,000 contacts from objects in Node took 965 ms instead of 1,063). `None` when a slice has no
/// JSON form (the caller reads the contacts one by one to say which).
///
/// # Errors
/// When the module's memory cannot hold the text.
pub fn array_text(items: &js_sys::Array, path: &str) -> Result<Option<String>, Error> {
    let Some(n) = safe_length(items) else {
        return Ok(None);
    };
    let Some(slice_of) = array_slice() else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    for start in (0..n).step_by(SLICE as usize) {
        let end = start.saturating_add(SLICE).min(n);
        let args = js_sys::Array::of2(&JsValue::from(start), &JsValue::from(end));
        let Some(slice) = slice_of
            .apply(items, &args)
            .ok()
            .and_then(|s| json_string(&s, path).ok())
        else {
            return Ok(None);
        };
        if start == 0 {
            // Room for the whole text, judged from the first slice, and for
            // the load that reads it (a guess: the text grows past it).
            let Some(first) = slice.dyn_ref::<js_sys::JsString>().map(|s| s.length()) else {
                return Ok(None);
            };
            let guess = (first as usize / (end as usize).max(1)).saturating_mul(n as usize);
            bytes = batch_buffer(guess.saturating_add(guess / 8)).unwrap_or_default();
        }
        // `[a,b]` then `[c,d]` make `[a,b,c,d]`: the closing bracket goes,
        // and the next slice's opening one becomes a comma.
        let joint = (start > 0).then(|| {
            bytes.pop();
            bytes.len()
        });
        let filled = bytes.len();
        bytes = append_utf8(&slice, bytes).ok_or_else(|| too_large(path, filled))?;
        if let Some(b) = joint.and_then(|at| bytes.get_mut(at)) {
            *b = b',';
        }
    }
    if n == 0 {
        bytes.extend_from_slice(b"[]");
    }
    Ok(String::from_utf8(bytes).ok())
}

/// The error of a batch whose text the module's memory cannot hold, `bytes`
/// of it read so far. Out of line: no load pays for its words.
#[cold]
#[inline(never)]
pub fn too_large(path: &str, bytes: usize) -> Error {
    Error::input(
        path,
        format!(
            "expected a batch the module's memory can hold (4 GiB in all); its JSON text passed {} MB: pass the contacts in parts",
            bytes >> 20
        ),
    )
}

/// `items.length`, read through `Reflect` (whose throws are caught: a JS
/// exception unwinding through the module would leave a method's object
/// borrowed); `None` when reading it throws.
pub fn safe_length(items: &js_sys::Array) -> Option<u32> {
    let n = js_sys::Reflect::get(items, &JsValue::from_str("length")).ok()?;
    n.as_f64().map(|n| n as u32)
}

/// `Array.prototype.slice`, to call through `Function.apply`, whose throws
/// are caught (see [`safe_length`]).
fn array_slice() -> Option<js_sys::Function> {
    js_sys::Reflect::get(&js_sys::Array::new(), &JsValue::from_str("slice"))
        .ok()?
        .dyn_into()
        .ok()
}

/// An empty buffer with room for a batch's text of `len` bytes, then room
/// for what a load of the text keeps (see [`load_room`]): the text goes
/// where an earlier batch's text was when it fits there, and the load's room
/// is made in the same call (two growths of the memory in one call from the
/// host cost what one does).
/// `None` when the module's memory cannot hold `len` bytes.
fn batch_buffer(len: usize) -> Option<Vec<u8>> {
    let mut buffer = Vec::new();
    buffer.try_reserve_exact(len).ok()?;
    room(load_room(len));
    Some(buffer)
}

/// The room a load of `len` bytes of contacts' JSON takes up front, in
/// bytes: seven eighths of the text.
///
/// Resident contacts take about two thirds of their JSON text (541 B for
/// 831 B of text on the benchmark's contacts), and a load needs more while
/// it runs (the contacts read before they are kept, the sort into work
/// order). With seven eighths a first load of 100k grows the memory once;
/// with three quarters it grew twice and took a quarter longer in Node
/// (16.8 against 13.3 µs a contact).
pub fn load_room(len: usize) -> usize {
    len / 8 * 7
}

/// A batch of JSON text given as a string or as UTF-8 bytes (`Uint8Array`).
///
/// A byte that is not UTF-8 (a Windows export's Latin-1 "é", "ARRÊT") is
/// read as its Windows-1252 character: one such name does not refuse the
/// book, and a customer's "ARRÊT" in such an export is still an opt-out.
/// UTF-16 bytes (a spreadsheet's "Unicode Text") are read as such. A byte
/// order mark before the text (as spreadsheet programs write a file) is
/// skipped.
pub fn source_text(v: &JsValue, path: &str) -> Result<String, Error> {
    if let Some(bytes) = v.dyn_ref::<js_sys::Uint8Array>() {
        let len = bytes.length() as usize;
        let mut buffer = batch_buffer(len).ok_or_else(|| too_large(path, len))?;
        // Copied into room not zeroed first, as a string's text is.
        // (Nothing to copy from a view of a detached buffer, whose length
        // is 0: copying from it throws.)
        if let Some(room) = buffer
            .spare_capacity_mut()
            .get_mut(..len)
            .filter(|_| len > 0)
        {
            let copied = bytes.copy_to_uninit(room).len();
            // SAFETY: `copy_to_uninit` initialized the first `copied` bytes
            // of the spare capacity.
            unsafe { buffer.set_len(copied) };
        }
        if let Some(text) = utf16(&buffer) {
            return Ok(without_bom(text));
        }
        let text = crate::cp1252::decode(buffer);
        return Ok(without_bom(text));
    }
    if let Some(text) = v.dyn_ref::<js_sys::JsString>() {
        let len = text.length() as usize;
        let buffer = batch_buffer(len).ok_or_else(|| too_large(path, len))?;
        let text = string_into(v, buffer).ok_or_else(|| too_large(path, len))?;
        return Ok(without_bom(text));
    }
    Err(Error::input(
        path,
        "expected JSON text: a string or a Uint8Array of UTF-8",
    ))
}

/// The text of UTF-16 bytes, as Excel's "Unicode Text" and PowerShell's
/// `Out-File` save a file: little-endian after the mark FF FE, big-endian
/// after FE FF, or without a mark when a NUL byte beside the first
/// character says so (JSON text starts with ASCII). A half character
/// reads as U+FFFD. `None` for any other bytes (UTF-8 or Windows-1252).
fn utf16(bytes: &[u8]) -> Option<String> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        [a, 0, ..] if *a != 0 => true,
        [0, b, ..] if *b != 0 => false,
        _ => return None,
    };
    let units = bytes.chunks(2).map(|p| match (p, little) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// `text` without a leading byte order mark (U+FEFF).
fn without_bom(mut text: String) -> String {
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    text
}
