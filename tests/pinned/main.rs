//! Behaviours pinned because mutation testing (`make mutants`, see
//! docs/robustness.md) showed that no other test would notice them change:
//! each test states a rule of PRODUCT.md or docs/semantics.md that a specific
//! injected fault broke while the rest of the suite still passed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cadence_engine::api;
use serde_json::Value;

mod consent;
mod reply;
mod status;
mod time;
mod window;
mod worklist;
mod zones;

/// `evaluate` through the JavaScript contract; the answer must be an evaluation.
pub fn evaluate(contact: &Value, playbook: &Value, now: &str) -> Value {
    api::evaluate(contact, playbook, &Value::from(now))
        .unwrap_or_else(|e| panic!("evaluate failed: {e}"))
}

/// The evaluation's `explain` lines.
pub fn explain(eval: &Value) -> Vec<String> {
    eval["explain"]
        .as_array()
        .expect("explain is a list")
        .iter()
        .map(|l| l.as_str().expect("explain lines are text").to_string())
        .collect()
}
