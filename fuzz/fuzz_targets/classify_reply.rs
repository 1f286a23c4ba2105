//! Arbitrary bytes and strings → `classifyReply`: never panics, deterministic,
//! and the answer is one of the documented shapes.
#![no_main]

use cadence_engine::api;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = cadence_engine::classify(&text);
    let b = cadence_engine::classify(&text);
    assert_eq!(a, b, "classify is not deterministic");
    let v = api::classify_reply(&Value::String(text.into_owned()));
    let Ok(v) = v else {
        panic!("classifyReply failed on a string: {v:?}");
    };
    let intent = v.get("intent").and_then(Value::as_str).unwrap_or("");
    assert!(
        ["optOut", "optIn", "help", "none"].contains(&intent),
        "unexpected intent {v}"
    );
    let matched = v.get("match").cloned().unwrap_or(Value::Null);
    assert!(
        matched.is_null() || matched == "exact" || matched == "phrase",
        "unexpected match {v}"
    );
    // Any JSON value that is not a string is an error, never a panic.
    if let Ok(other) = serde_json::from_slice::<Value>(data) {
        let r = api::classify_reply(&other);
        assert_eq!(r.is_ok(), other.is_string());
    }
});
