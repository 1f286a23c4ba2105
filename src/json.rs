//! JSON text of results, as `evaluateManyJson` hands it to a host.
//!
//! A host reads it with `JSON.parse` (the other calls hand over objects,
//! built from a tape: `wasm::tape`). A single
//! character past ASCII in that text (the en dash of a window, "08:00–21:00",
//! is in most evaluations) makes the host decode all of it into a two-byte
//! string, off its ASCII fast path. Written with such characters as `\uXXXX`
//! escapes, the text reads as the same values: for 20,000 evaluations (Node,
//! same run) the crossing and `JSON.parse` cost 18.1 µs per evaluation
//! against 27.5 µs with the dashes as they are.

use serde::Serialize;

/// JSON text as serde_json writes it compactly, with every character past
/// ASCII escaped when `ascii` (UTF-16 units, so a character outside the BMP
/// is a surrogate pair, as JSON has it). One formatter for both, so that the
/// serializers of the results are in the module once.
///
/// ```
/// let t = cadence_engine::json::text(&"08:00–21:00 😀", true).unwrap();
/// assert_eq!(t, r#""08:00\u201321:00 \ud83d\ude00""#);
/// assert_eq!(serde_json::from_str::<String>(&t).unwrap(), "08:00–21:00 😀");
/// assert_eq!(cadence_engine::json::text(&"a–b", false).unwrap(), "\"a–b\"");
/// ```
///
/// # Errors
/// Those of the value's `Serialize` (a map with keys that are not strings).
pub fn text<T: Serialize + ?Sized>(v: &T, ascii: bool) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(128);
    v.serialize(&mut serde_json::Serializer::with_formatter(
        &mut out,
        Formatter { ascii },
    ))?;
    // serde_json writes valid UTF-8, and the escapes are ASCII.
    String::from_utf8(out).map_err(|e| serde::ser::Error::custom(e.to_string()))
}

/// [`text`] with characters past ASCII escaped: for text only `JSON.parse`
/// reads.
///
/// # Errors
/// As [`text`].
pub fn ascii<T: Serialize + ?Sized>(v: &T) -> serde_json::Result<String> {
    text(v, true)
}

/// serde_json's compact formatter, with characters past ASCII escaped when
/// `ascii`.
struct Formatter {
    ascii: bool,
}

impl serde_json::ser::Formatter for Formatter {
    /// A whole number as JavaScript writes it (`7`, not serde_json's `7.0`):
    /// ids and priorities cross as `f64`.
    fn write_f64<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        value: f64,
    ) -> std::io::Result<()> {
        if value.fract() == 0.0
            && value.abs() < 9_007_199_254_740_992.0
            && !(value == 0.0 && value.is_sign_negative())
        {
            write!(w, "{}", value as i64)
        } else {
            serde_json::ser::CompactFormatter.write_f64(w, value)
        }
    }

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        if !self.ascii || fragment.is_ascii() {
            return w.write_all(fragment.as_bytes());
        }
        let mut units = [0u16; 2];
        // Each part is a run of ASCII ended by one wider character, or the
        // ASCII rest.
        for part in fragment.split_inclusive(|c: char| !c.is_ascii()) {
            let mut chars = part.chars();
            match chars.next_back() {
                Some(c) if !c.is_ascii() => {
                    w.write_all(chars.as_str().as_bytes())?;
                    for &u in c.encode_utf16(&mut units).iter() {
                        w.write_all(&escape(u))?;
                    }
                }
                _ => w.write_all(part.as_bytes())?,
            }
        }
        Ok(())
    }
}

/// `\uXXXX` for one UTF-16 unit, in lower-case hex.
fn escape(u: u16) -> [u8; 6] {
    let hex = |shift: u16| {
        let d = ((u >> shift) & 15) as u8;
        if d < 10 {
            b'0' + d
        } else {
            b'a' + d - 10
        }
    };
    [b'\\', b'u', hex(12), hex(8), hex(4), hex(0)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_only_what_is_past_ascii() -> serde_json::Result<()> {
        let v =
            serde_json::json!({"k–ey": ["a\"b\\c\n\u{1}\u{7f}", "é\u{80}", "日本", "x😀y", ""]});
        let t = ascii(&v)?;
        assert_eq!(
            t,
            "{\"k\\u2013ey\":[\"a\\\"b\\\\c\\n\\u0001\u{7f}\",\"\\u00e9\\u0080\",\
             \"\\u65e5\\u672c\",\"x\\ud83d\\ude00y\",\"\"]}"
        );
        assert_eq!(text(&v, false)?, serde_json::to_string(&v)?);
        Ok(())
    }

    proptest! {
        #[test]
        fn reads_back_as_the_same_value(s in ".*", k in "\\PC*") {
            let v = serde_json::json!({k: [s.clone(), {"n": 1.5, "s": s}]});
            let t = ascii(&v).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(t.is_ascii());
            let back: serde_json::Value =
                serde_json::from_str(&t).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back, v.clone());
            let plain = text(&v, false).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(plain, serde_json::to_string(&v).map_err(|e| TestCaseError::fail(e.to_string()))?);
        }
    }
}
