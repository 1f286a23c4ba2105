//! JSON text of results, as `evaluateManyJson` hands it to a host; and JSON
//! text read into a value with a cut emoji's half read as U+FFFD
//! (`value_of_text`, for playbooks and a Worklist's arguments).
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

use crate::tape::{Tape, TapeError};

/// JSON text as serde_json writes it compactly, with every character past
/// ASCII escaped when `ascii` (UTF-16 units, so a character outside the BMP
/// is a surrogate pair, as JSON has it), and a whole number as JavaScript
/// writes it (`7`, not `7.0`: ids and priorities cross as `f64`). Written
/// from the value's tape ([`Tape::json`]), so that the serializers of the
/// results are in the module once.
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
pub fn text<T: Serialize + ?Sized>(v: &T, ascii: bool) -> Result<String, TapeError> {
    let tape = Tape::of(v)?;
    tape.json(ascii)
        .ok_or_else(|| serde::ser::Error::custom("a damaged tape"))
}

/// [`text`] with characters past ASCII escaped: for text only `JSON.parse`
/// reads.
///
/// # Errors
/// As [`text`].
pub fn ascii<T: Serialize + ?Sized>(v: &T) -> Result<String, TapeError> {
    text(v, true)
}

/// JSON text read as a JSON value, half of a UTF-16 surrogate pair (a
/// string the host cut in the middle of an emoji, which `JSON.stringify`
/// writes as a lone `\udXXX`) read as U+FFFD, as JavaScript's `TextEncoder`
/// reads it and as a contact's fields are read: never serde's "unexpected
/// end of hex escape".
///
/// # Errors
/// The text's syntax error.
pub(crate) fn value_of_text(text: &str) -> Result<serde_json::Value, crate::error::Error> {
    value_with_cuts(text, "\\ufffd", "")
}

/// JSON text read as a JSON value, each lone surrogate read as `mark` (an
/// escape); a syntax error at `path`.
pub(crate) fn value_with_cuts(
    text: &str,
    mark: &str,
    path: &str,
) -> Result<serde_json::Value, crate::error::Error> {
    serde_json::from_str(&marked_cuts(text, mark)).map_err(|e| {
        let mut err = crate::error::Error::from_serde(path.to_string(), &e);
        // A text that does not parse has no field path to name: where in
        // the text (a playbook file an admin edits) is what finds it.
        if e.line() > 0 {
            err.message = format!("{} at line {} column {}", err.message, e.line(), e.column());
        }
        err
    })
}

/// JSON text with each lone surrogate escape written `mark` (an escape).
fn marked_cuts<'t>(text: &'t str, mark: &str) -> std::borrow::Cow<'t, str> {
    if !text.contains("\\u") {
        return std::borrow::Cow::Borrowed(text);
    }
    let b = text.as_bytes();
    // The surrogate a `\uXXXX` escape at `i` writes, if it is one.
    let unit = |i: usize| {
        let hex = b.get(i + 2..i + 6)?;
        let u = u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
        (b.get(i..i + 2) == Some(b"\\u") && (0xD800..0xE000).contains(&u)).then_some(u)
    };
    // (Room is taken at the first cut: most texts have none.)
    let mut out = String::new();
    let (mut i, mut from) = (0, 0);
    while i < b.len() {
        if b.get(i) != Some(&b'\\') {
            i += 1;
            continue;
        }
        let Some(u) = unit(i) else {
            // Another escape ("\\", "\n", a whole character): as it is.
            i += 2;
            continue;
        };
        let pair = u < 0xDC00 && unit(i + 6).is_some_and(|l| l >= 0xDC00);
        if pair {
            i += 12;
            continue;
        }
        if out.is_empty() {
            out.reserve(text.len());
        }
        out.push_str(text.get(from..i).unwrap_or(""));
        out.push_str(mark);
        i += 6;
        from = i;
    }
    if from == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(text.get(from..).unwrap_or(""));
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_only_what_is_past_ascii() -> Result<(), Box<dyn std::error::Error>> {
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

    #[test]
    fn a_cut_emoji_reads_as_the_replacement_character() -> Result<(), Box<dyn std::error::Error>> {
        let v = value_of_text(r#"{"name": "Retail \ud83d", "ok": "\ud83d\ude00", "k\udc00": 1}"#)?;
        assert_eq!(
            v,
            serde_json::json!({"name": "Retail \u{fffd}", "ok": "😀", "k\u{fffd}": 1})
        );
        let p = crate::playbook::Playbook::from_json(r#"{"name": "Retail \ud83d"}"#)?;
        assert_eq!(p.name, "Retail \u{fffd}");
        Ok(())
    }

    /// A playbook file that does not parse says where: it has no field path.
    #[test]
    fn a_playbook_text_that_does_not_parse_says_the_line_and_column() {
        for (text, want) in [
            (
                "{\"name\":\"x\",\n \"holidays\":[\"2026-12-25\",]}",
                "trailing comma at line 2 column 27",
            ),
            (
                "{\"name\":\"x\",\"steps\":[{\"id\":\"a\" \"mode\":\"auto\"}]}",
                "expected \",\" or \"}\" at line 1 column 32",
            ),
            (
                "{\"name\":\"x\",\"followUpFraction\":1e400}",
                "number out of range at line 1 column 36",
            ),
        ] {
            let e = crate::playbook::Playbook::from_json(text)
                .err()
                .map(|e| e.message);
            assert_eq!(e.as_deref(), Some(want), "{text}");
        }
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
