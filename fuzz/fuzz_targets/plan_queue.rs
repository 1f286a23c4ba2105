//! JSON text → `planQueue(items, options)`: never panics; when it answers, one
//! planned item per input item, none before its due day, none over capacity.
#![no_main]

use cadence_engine::api;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let items = doc.get("items").cloned().unwrap_or(Value::Null);
    let options = doc.get("options").cloned().unwrap_or(Value::Null);
    let Ok(out) = api::plan_queue(&items, &options) else {
        return;
    };
    let out = out.as_array().cloned().unwrap_or_default();
    assert_eq!(Some(out.len()), items.as_array().map(Vec::len));
    assert_eq!(
        Ok(Value::Array(out.clone())),
        api::plan_queue(&items, &options)
    );
    let cap = options
        .get("capacityPerDay")
        .and_then(Value::as_f64)
        .unwrap_or(f64::INFINITY);
    let mut per_day = std::collections::BTreeMap::<String, f64>::new();
    for p in &out {
        let day = p.get("plannedFor").and_then(Value::as_str).unwrap_or("");
        let due = p.get("dueAt").and_then(Value::as_str).unwrap_or("");
        assert!(
            due.get(..10).unwrap_or("") <= day,
            "planned before its due day: {p}"
        );
        *per_day.entry(day.to_string()).or_default() += 1.0;
    }
    for (day, n) in per_day {
        assert!(n <= cap.max(1.0), "{day}: {n} items over capacity {cap}");
    }
});
