//! Results to the host through a [`Tape`]: written here, read in place by
//! `decodeTape` (js/tape.js), which builds plain objects.

use wasm_bindgen::prelude::*;

use crate::tape::Tape;

#[wasm_bindgen(module = "/js/tape.js")]
extern "C" {
    /// Builds the value of a tape (js/tape.js); reads the views before it
    /// returns and keeps none.
    #[wasm_bindgen(js_name = decodeTape)]
    fn decode_tape(
        ops: &[i32],
        nums: &[f64],
        ascii: &[u8],
        wide: &[u16],
        spans: &[u32],
        shapes: &[u32],
    ) -> JsValue;
}

/// Builds the tape's value on the host.
pub fn decode(t: &Tape) -> JsValue {
    let p = t.parts();
    decode_tape(p.ops, p.nums, p.ascii.as_bytes(), p.wide, p.spans, p.shapes)
}

/// `v` as a JS value, through a tape.
///
/// # Errors
/// Those of `v`'s `Serialize` (a map key that is not a string or a number).
pub fn to_js<T: serde::Serialize + ?Sized>(v: &T) -> Result<JsValue, String> {
    Tape::of(v).map(|t| decode(&t)).map_err(|e| e.to_string())
}
