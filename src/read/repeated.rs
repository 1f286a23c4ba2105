//! Keys given twice in one object of a playbook's JSON text.
//!
//! Playbooks are written by people, so a repeated key is a typo to catch, not
//! a value to guess; but a JSON value (`serde_json::Value`, or a JS object
//! after `JSON.parse`) keeps only the last, so the check reads the text.

use super::json::{Reader, Syntax};
use crate::error::Error;

/// How deep the check looks: the playbook's own nesting is four levels, and
/// the JSON parser refuses text nested past 128 before the check runs.
const MAX_DEPTH: usize = 128;

/// The first key given twice in one object of the JSON `text`, as an error at
/// the object's path saying `duplicate field "channel"` (path `steps[0]`).
/// In a `window` block `start` and `end` are `from` and `to` (their other
/// names), so `{"from": …, "start": …}` repeats `from`. `None` when no key
/// repeats, and when the text is not JSON (the parser says why).
pub(crate) fn repeated_key(text: &str) -> Option<Error> {
    let mut r = Reader::new(text);
    // A syntax error also ends the walk; only a repeated key is an answer.
    walk(&mut r, "", 0)
        .err()
        .filter(|e| e.message.starts_with(DUP))
}

/// The start of the message, in serde's words for the same fault.
const DUP: &str = "duplicate field ";

fn walk(r: &mut Reader<'_>, path: &str, depth: usize) -> Result<(), Syntax> {
    r.ws();
    if depth > MAX_DEPTH {
        return Err(r.syntax("less nesting"));
    }
    let deeper = depth.saturating_add(1);
    match r.peek() {
        Some(b'{') => {
            let window = path == "window" || path.starts_with("window[");
            let mut seen: Vec<String> = Vec::new();
            r.members(|r, key| {
                let name = match key {
                    "start" if window => "from",
                    "end" if window => "to",
                    k => k,
                };
                if seen.iter().any(|s| s == name) {
                    return Err(Error::input(path, format!("{DUP}{name:?}")));
                }
                seen.push(name.to_string());
                let inner = if path.is_empty() {
                    key.to_string()
                } else {
                    format!("{path}.{key}")
                };
                walk(r, &inner, deeper)
            })
        }
        Some(b'[') => r.elements(|r, i| walk(r, &format!("{path}[{i}]"), deeper)),
        _ => r.value().map(drop),
    }
}
