//! Text from the host into the module's memory: a JS string encoded by the
//! host's `TextEncoder` straight into place, or a `Uint8Array` copied once,
//! with room for the load that reads it taken in as few growths of the memory
//! as can be.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::Error;

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

/// An empty buffer with room for a batch's text of `len` bytes, then room
/// for what a load of the text keeps (see [`load_room`]): the text goes
/// where an earlier batch's text was when it fits there, and the load's room
/// is made in the same call (two growths of the memory in one call from the
/// host cost what one does).
fn batch_buffer(len: usize) -> Vec<u8> {
    let buffer = Vec::with_capacity(len);
    room(load_room(len));
    buffer
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
