//! # cadence-engine
//!
//! A rules engine for sales outreach. Given a contact's history, a playbook and
//! `now`, it answers: what is this contact's status, what do I do next and when,
//! may I text / call / email them now, and when do I follow up?
//!
//! The core does no I/O and reads no clock: `now` is always an argument. It is
//! compiled to WebAssembly for JavaScript (see the `wasm` module, built only for
//! `wasm32`), and is plain Rust everywhere else:
//!
//! ```
//! use cadence_engine::{evaluate_json, Playbook};
//!
//! let playbook = Playbook::from_json(cadence_engine::preset_json("monthly-campaign").unwrap_or("")).unwrap();
//! let contact = r#"{"id": "c1", "name": "Ana", "timeZone": "America/New_York",
//!   "addedAt": "2026-10-20T15:00:00Z",
//!   "events": [{"kind": "message", "at": "2026-11-02T14:00:00Z", "channel": "sms", "direction": "out"}]}"#;
//! let ev = evaluate_json(contact, &playbook, "2026-11-12T15:00:00Z").unwrap();
//! assert_eq!(ev.status_label, "No SMS Reply");
//! assert_eq!(ev.next.as_ref().map(|n| n.label.as_str()), Some("2nd Attempt"));
//! ```

pub mod api;
pub mod cadence;
pub mod civil;
pub mod consent;
pub mod context;
pub mod error;
pub mod evaluate;
pub mod explain;
pub mod facts;
pub mod holiday;
pub mod input;
pub mod json;
pub mod model;
pub mod plan;
pub mod playbook;
pub mod queue;
pub mod read;
pub mod region;
pub mod rfc3339;
pub mod sort;
pub mod status;
pub mod tape;
pub mod time;
pub mod window;
pub mod worklist;
pub mod zones;

pub use cadence_reply as reply;
pub use cadence_reply::{channel, cp1252};

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorCode, Result};
pub use evaluate::{evaluate, Evaluation};
pub use model::{Channel, Contact};
pub use playbook::{preset_json, Playbook, PRESETS};
pub use reply::{classify, Classification};
pub use status::Status;
pub use time::Instant;

/// Reads `now` (or any time argument) given as JSON text: a quoted RFC 3339 string
/// or a number of epoch milliseconds — or as bare RFC 3339 text.
///
/// # Errors
/// An [`ErrorCode::InvalidTime`] error under `path`.
pub fn parse_time(text: &str, path: &str) -> Result<Instant> {
    let t = text.trim();
    let parsed = match serde_json::from_str::<serde_json::Value>(t) {
        Ok(v @ (serde_json::Value::String(_) | serde_json::Value::Number(_))) => api::time(&v, ""),
        _ => read::time_text(t),
    };
    parsed.map_err(|e| e.under(path))
}

/// Evaluates a contact given as JSON text, at `now` (RFC 3339 text).
///
/// # Errors
/// Field-path errors for a bad contact or time.
pub fn evaluate_json(contact: &str, playbook: &Playbook, now: &str) -> Result<Evaluation> {
    let c = read::contact(contact, playbook)?;
    let now = parse_time(now, "now")?;
    Ok(evaluate(&c, playbook, now))
}
