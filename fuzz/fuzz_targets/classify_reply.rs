//! Arbitrary bytes and strings → `classifyReply`: never panics, deterministic,
//! and the answer is one of the documented shapes, by text and by email.
#![no_main]

use cadence_engine::api;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = cadence_engine::classify(&text);
    let b = cadence_engine::classify(&text);
    assert_eq!(a, b, "classify is not deterministic");
    let mut intents = Vec::new();
    for channel in [Value::Null, Value::from("sms"), Value::from("email")] {
        let v = api::classify_reply(&Value::String(text.to_string()), &channel);
        let Ok(v) = v else {
            panic!("classifyReply failed on a string: {v:?}");
        };
        let intent = v
            .get("intent")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        assert!(
            ["optOut", "optIn", "help", "none"].contains(&intent.as_str()),
            "unexpected intent {v}"
        );
        let matched = v.get("match").cloned().unwrap_or(Value::Null);
        assert!(
            matched.is_null() || matched == "exact" || matched == "phrase",
            "unexpected match {v}"
        );
        // An opt-out names what it revokes; nothing else revokes anything.
        let channels = v
            .get("channels")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        assert_eq!(intent == "optOut", !channels.is_empty(), "channels {v}");
        let all = channels.len() == 3;
        let scope = v.get("scope").cloned().unwrap_or(Value::Null);
        assert_eq!(scope == "all", all, "scope {v}");
        intents.push(intent);
    }
    assert!(
        intents.windows(2).all(|w| w.first() == w.get(1)),
        "the medium changed the intent"
    );
    // Any JSON value that is not a string is an error, never a panic; so is a
    // medium other than "sms" or "email" (in any case, "text", "e-mail"; ""
    // is not given).
    if let Ok(other) = serde_json::from_slice::<Value>(data) {
        let r = api::classify_reply(&other, &Value::Null);
        assert_eq!(r.is_ok(), other.is_string());
        let r = api::classify_reply(&Value::from("STOP"), &other);
        let medium = other.as_str().is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !(c.is_whitespace() || matches!(c, '_' | '-')))
                .collect();
            // (The channels' aliases too: "MMS", and the plurals of a CRM's
            // "Do not: Texts / Emails" boxes.)
            ["", "sms", "text", "textmessage", "mms", "texts", "email", "emails"]
                .iter()
                .any(|n| s.eq_ignore_ascii_case(n))
        });
        assert_eq!(r.is_ok(), other.is_null() || medium);
    }
});
