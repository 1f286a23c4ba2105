//! The JavaScript contract's operations by name, as the case files call them:
//! shared by the golden runner (`tests/golden.rs`) and the regression runner
//! (`tests/robustness.rs`).

use cadence_engine::api;
use serde_json::Value;

/// The case's playbook: a preset name or a playbook object. A misspelled preset
/// name fails the test (as a `null` playbook it would pass any case that
/// expects a playbook error).
#[allow(clippy::panic)]
pub fn playbook_of(case: &Value) -> Value {
    match case.get("playbook") {
        Some(Value::String(name)) => match api::preset(name) {
            Ok(pb) => pb,
            Err(e) => panic!("the case names an unknown preset: {e}"),
        },
        Some(v) => v.clone(),
        None => Value::Null,
    }
}

/// Runs the case's `op` (default `evaluate`) with its arguments.
pub fn run(case: &Value) -> Result<Value, cadence_engine::Error> {
    let g = |k: &str| case.get(k).cloned().unwrap_or(Value::Null);
    let op = case.get("op").and_then(Value::as_str).unwrap_or("evaluate");
    let pb = playbook_of(case);
    match op {
        "evaluate" => api::evaluate(&g("contact"), &pb, &g("now")),
        "evaluateMany" => api::evaluate_many(&g("contacts"), &pb, &g("now")),
        "plan" => api::plan(&g("contact"), &pb, &g("now"), &g("until")),
        "checkChannel" => api::check_channel(&g("contact"), &g("channel"), &g("at"), &pb),
        "classifyReply" => api::classify_reply(&g("text"), &g("channel")),
        "followUpDate" => api::follow_up_date(&g("engagedAt"), &g("horizonAt"), &g("fraction")),
        "planQueue" => api::plan_queue(&g("items"), &g("options")),
        "validatePlaybook" => api::validate_playbook(&pb).map(Value::Bool),
        // The playbook as JSON text, read as the package reads every JS value
        // (a repeated key, which no JSON value can hold, reaches the reader).
        "validatePlaybookJson" => match case.get("playbookJson") {
            Some(Value::String(text)) => {
                cadence_engine::Playbook::from_json(text).map(|_| Value::Bool(true))
            }
            _ => Err(cadence_engine::Error::input(
                "playbookJson",
                "expected the playbook's JSON text",
            )),
        },
        other => Err(cadence_engine::Error::input(
            "op",
            format!("unknown op {other}"),
        )),
    }
}
