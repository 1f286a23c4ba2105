//! The one error type of the engine.
//!
//! Every error names the field path it concerns (`events[3].at`) and says what was
//! expected. The binding turns it into a real JavaScript `Error` whose `message` is
//! [`Error`]'s `Display` and whose `code` and `path` are the fields below.

#![deny(clippy::arithmetic_side_effects)]

use std::fmt;

/// Stable, machine-readable error codes. The string form (`code.as_str()`) is part
/// of the public contract: it never changes for an existing kind of error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The input is not of the expected shape (wrong type, unknown or missing field).
    InvalidInput,
    /// A time could not be read or lies outside the supported range.
    InvalidTime,
    /// A time-zone name is not an IANA zone.
    UnknownTimeZone,
    /// A playbook is not valid (impossible values, contradictory fields).
    InvalidPlaybook,
    /// A value that is well-formed but not allowed in this place
    /// (for example a call outcome on an SMS activity).
    InvalidValue,
}

impl ErrorCode {
    /// The stable string form, e.g. `"E_INVALID_INPUT"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "E_INVALID_INPUT",
            ErrorCode::InvalidTime => "E_INVALID_TIME",
            ErrorCode::UnknownTimeZone => "E_UNKNOWN_TIME_ZONE",
            ErrorCode::InvalidPlaybook => "E_INVALID_PLAYBOOK",
            ErrorCode::InvalidValue => "E_INVALID_VALUE",
        }
    }
}

/// An error with a field path and a message saying what was expected.
///
/// `Display` gives `"path: message"`, or just the message when the path is empty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    /// Stable code.
    pub code: ErrorCode,
    /// Field path, e.g. `events[3].at`; empty for the value as a whole.
    pub path: String,
    /// What was expected and what was found.
    pub message: String,
    /// The record's other errors, when it had several (each with its own path).
    pub also: Vec<Error>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)?;
        } else {
            write!(f, "{}: {}", self.path, self.message)?;
        }
        for e in &self.also {
            write!(f, "; {e}")?;
        }
        Ok(())
    }
}

impl Error {
    /// A new error.
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            code,
            path: path.into(),
            message: message.into(),
            also: Vec::new(),
        }
    }

    /// An [`ErrorCode::InvalidInput`] error.
    pub fn input(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidInput, path, message)
    }

    /// An [`ErrorCode::InvalidValue`] error.
    pub fn value(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidValue, path, message)
    }

    /// An [`ErrorCode::InvalidPlaybook`] error.
    pub fn playbook(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidPlaybook, path, message)
    }

    /// This error with `also` as the record's other errors.
    pub fn with_also(mut self, also: Vec<Error>) -> Self {
        self.also = also;
        self
    }

    /// This error and the record's others, in order.
    pub fn all(&self) -> impl Iterator<Item = &Error> {
        std::iter::once(self).chain(self.also.iter())
    }

    /// The same error with `prefix` put in front of its path
    /// (`prefix` = `playbook`, path `steps[0].day` → `playbook.steps[0].day`).
    pub fn under(mut self, prefix: &str) -> Self {
        if prefix.is_empty() {
            return self;
        }
        self.also = std::mem::take(&mut self.also)
            .into_iter()
            .map(|e| e.under(prefix))
            .collect();
        self.path = if self.path.is_empty() {
            prefix.to_string()
        } else if self.path.starts_with('[') {
            format!("{prefix}{}", self.path)
        } else {
            format!("{prefix}.{}", self.path)
        };
        self
    }

    /// Turns a deserialization error carrying its path into an [`Error`].
    pub(crate) fn from_path<E: fmt::Display>(err: serde_path_to_error::Error<E>) -> Self {
        let path = err.path().to_string();
        let path = if path == "." { String::new() } else { path };
        Self::from_serde(path, &err.into_inner())
    }

    /// Turns a deserialization error found at `path` into an [`Error`].
    pub(crate) fn from_serde(mut path: String, err: &dyn fmt::Display) -> Self {
        let text = err.to_string();
        // serde-wasm-bindgen shows its errors as JS errors do: "Error: ...".
        let text = text.strip_prefix("Error: ").unwrap_or(&text);
        let inner = strip_position(text).to_string();
        // Errors raised by our own visitors carry a code marker; others are shape errors.
        if let Some(rest) = inner.strip_prefix(TIME_MARK) {
            return Error::new(ErrorCode::InvalidTime, path, rest);
        }
        if inner == "recursion limit exceeded" {
            return Error::input(path, NESTED_TOO_DEEP);
        }
        if let Some(rest) = inner.strip_prefix("missing field `") {
            let field = rest.trim_end_matches('`');
            path = if path.is_empty() {
                field.to_string()
            } else {
                format!("{path}.{field}")
            };
            return Error::input(path, "required, but missing");
        }
        Error::input(path, plain_names(tidy_serde_message(&inner)))
    }
}

/// What the JSON reader says of a value nested past its depth (serde_json's
/// "recursion limit exceeded").
pub(crate) const NESTED_TOO_DEEP: &str =
    "expected JSON nested at most 128 levels deep, got a value nested deeper";

/// serde_json adds " at line L column C"; the field path says more.
fn strip_position(msg: &str) -> &str {
    match msg.rfind(" at line ") {
        Some(i) if msg.get(i..).is_some_and(|t| t.contains(" column ")) => {
            msg.get(..i).unwrap_or(msg)
        }
        _ => msg,
    }
}

/// Marker put in front of messages of time-parsing errors raised inside serde.
pub(crate) const TIME_MARK: &str = "\u{1}time:";

/// Serde's messages say "invalid type: string \"x\", expected ..."; keep them but
/// make them read "expected ..., got ..." like ours.
fn tidy_serde_message(msg: &str) -> String {
    json_words(&tidy_shape(msg))
}

/// "invalid type: string \"x\", expected ..." read as "expected ..., got ...".
fn tidy_shape(msg: &str) -> String {
    // "invalid type: string \"yesterday\", expected a boolean"
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((got, expected)) = rest.rsplit_once(", expected ") {
            return format!("expected {expected}, got {}", got_words(got));
        }
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        if let Some((got, expected)) = rest.rsplit_once(", expected ") {
            return format!("expected {expected}, got {}", got_words(got));
        }
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        if let Some((got, expected)) = rest.split_once(", expected ") {
            return format!("expected {expected}, got {got}");
        }
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        if let Some((got, expected)) = rest.split_once(", expected ") {
            return format!("unknown field {got}; expected {expected}");
        }
        return format!("unknown field {rest}");
    }
    msg.to_string()
}

/// What serde found, in the words of JSON: `string "x"` is `"x"`, an
/// `integer `5`` is `the number 5`, a `map` is `an object`.
fn got_words(got: &str) -> String {
    let unquote = |t: &str| t.trim_matches('`').to_string();
    match got {
        "unit value" | "null" => "null".to_string(),
        "map" => "an object".to_string(),
        "sequence" => "an array".to_string(),
        _ => {
            if let Some(s) = got.strip_prefix("string ") {
                s.to_string()
            } else if let Some(n) = got
                .strip_prefix("integer ")
                .or_else(|| got.strip_prefix("floating point "))
            {
                format!("the number {}", unquote(n))
            } else if let Some(b) = got.strip_prefix("boolean ") {
                unquote(b)
            } else {
                got.to_string()
            }
        }
    }
}

/// Rust's names for JSON's kinds of value, and its backticks, in the words of
/// JSON: `f64` is "a number", a `sequence` "an array", `` `sms` `` is `"sms"`.
fn json_words(msg: &str) -> String {
    let mut out = msg.to_string();
    for (rust, json) in [
        ("expected f64", "expected a number"),
        ("expected f32", "expected a number"),
        ("expected i64", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected u32", "expected a whole number"),
        ("expected usize", "expected a whole number"),
        ("a sequence", "an array"),
        ("a map", "an object"),
        ("unit value", "null"),
        // A name from a list (a channel, a mode) read as serde reads an
        // enum, which also takes `{"sms": null}`: a string is what is meant.
        ("expected string or map", "expected a string"),
        ("expected map with a single key", "expected a string"),
        ("expected unit", "expected null"),
    ] {
        out = out.replace(rust, json);
    }
    out.replace('`', "\"")
}

/// Serde names our private input structs ("struct RawContact"); say what they are.
fn plain_names(msg: String) -> String {
    let Some(at) = msg.find("struct Raw") else {
        return msg;
    };
    let (head, tail) = msg.split_at(at);
    let rest = tail.trim_start_matches("struct Raw");
    let end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let (name, after) = rest.split_at(end);
    let what = match name {
        "Contact" => "a contact object",
        "Event" => "an event object",
        "Playbook" => "a playbook object",
        "Step" => "a step object",
        "Item" => "a queue item object",
        "Options" => "an options object",
        "Filter" => "a filter object",
        _ => "an object",
    };
    plain_names(format!("{head}{what}{after}"))
}

/// Result with the engine's error.
pub type Result<T> = std::result::Result<T, Error>;
