//! Checks shared by the wasm tests in Node and in headless Chromium: they call
//! the exported functions with real JS values, as a page or a script would.

use cadence_engine::wasm;
use js_sys::{Array, Error, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

pub fn js(text: &str) -> JsValue {
    JSON::parse(text).unwrap_or(JsValue::NULL)
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

pub fn get_str(v: &JsValue, path: &str) -> Option<String> {
    let mut cur = v.clone();
    for k in path.split('.') {
        cur = get(&cur, k);
    }
    cur.as_string()
}

const CONTACT: &str = r#"{"id":"c1","name":"Ana","timeZone":"America/New_York","addedAt":"2026-10-20T15:00:00Z",
  "events":[{"kind":"message","at":"2026-11-02T14:00:00Z","channel":"sms","direction":"out"}]}"#;

pub fn evaluate_returns_plain_objects() {
    let pb = wasm::preset("monthly-campaign".into()).unwrap_or(JsValue::NULL);
    let ev =
        wasm::evaluate(js(CONTACT), pb, "2026-11-12T15:00:00Z".into()).unwrap_or(JsValue::NULL);
    assert_eq!(get_str(&ev, "status").as_deref(), Some("noSmsReply"));
    assert_eq!(get_str(&ev, "next.label").as_deref(), Some("2nd Attempt"));
    assert_eq!(get_str(&ev, "campaign.phase").as_deref(), Some("followUp"));
    // Plain objects and null, never Map.
    assert!(get(&ev, "channels").is_instance_of::<Object>());
    assert!(!get(&ev, "channels").is_instance_of::<js_sys::Map>());
    assert!(get(&ev, "stage").is_null());
    assert!(Array::is_array(&get(&ev, "explain")));
}

pub fn epoch_ms_and_text_agree() {
    let pb = wasm::preset("monthly-campaign".into()).unwrap_or(JsValue::NULL);
    let a = wasm::evaluate(js(CONTACT), pb.clone(), "2026-11-12T15:00:00Z".into())
        .unwrap_or(JsValue::NULL);
    let b = wasm::evaluate(js(CONTACT), pb, JsValue::from_f64(1_794_495_600_000.0))
        .unwrap_or(JsValue::NULL);
    assert_eq!(
        JSON::stringify(&a).ok().and_then(|s| s.as_string()),
        JSON::stringify(&b).ok().and_then(|s| s.as_string())
    );
}

pub fn errors_are_real_errors_with_paths() {
    let pb = wasm::preset("monthly-campaign".into()).unwrap_or(JsValue::NULL);
    let bad = js(
        r#"{"id":"x","addedAt":0,"events":[{"kind":"message","at":"yesterday","channel":"sms","direction":"out"}]}"#,
    );
    let err = wasm::evaluate(bad, pb.clone(), "2026-11-12T15:00:00Z".into())
        .err()
        .unwrap_or(JsValue::NULL);
    assert!(err.is_instance_of::<Error>());
    let msg = get_str(&err, "message").unwrap_or_default();
    assert!(
        msg.starts_with("events[0].at: expected an RFC 3339 time"),
        "{msg}"
    );
    assert_eq!(get_str(&err, "code").as_deref(), Some("E_INVALID_TIME"));
    assert_eq!(get_str(&err, "path").as_deref(), Some("events[0].at"));
    // Hostile shapes: each an Error, and the module keeps working.
    for v in [
        JsValue::NULL,
        JsValue::from_f64(3.0),
        "text".into(),
        Array::new().into(),
    ] {
        let e = wasm::evaluate(v, pb.clone(), 0.into())
            .err()
            .unwrap_or(JsValue::NULL);
        assert!(e.is_instance_of::<Error>());
    }
    let ok = wasm::evaluate(js(CONTACT), pb, 0.into());
    assert!(ok.is_ok());
}

pub fn batch_isolates_bad_contacts() {
    let pb = wasm::preset("call-ladder".into()).unwrap_or(JsValue::NULL);
    let list = js(&format!(r#"[{CONTACT}, {{"id":"bad"}}, null, {CONTACT}]"#));
    let out = wasm::evaluate_many(list, pb, "2026-11-12T15:00:00Z".into()).unwrap_or(JsValue::NULL);
    let arr = Array::from(&out);
    assert_eq!(arr.length(), 4);
    assert_eq!(get_str(&arr.get(1), "id").as_deref(), Some("bad"));
    assert!(get_str(&arr.get(1), "error")
        .unwrap_or_default()
        .contains("contacts[1].addedAt"));
    assert!(get_str(&arr.get(2), "error").is_some());
    assert_eq!(
        get_str(&arr.get(3), "status").as_deref(),
        Some("noSmsReply")
    );
}

pub fn worklist_round_trip() {
    let pb = wasm::preset("monthly-campaign".into()).unwrap_or(JsValue::NULL);
    let mut wl = wasm::Worklist::new(pb.clone(), Some("2026-11-12T15:00:00Z".into()))
        .unwrap_or_else(|_| unreachable_worklist());
    let errs = wl
        .upsert(js(&format!("[{CONTACT}]")))
        .unwrap_or(JsValue::NULL);
    assert_eq!(Array::from(&errs).length(), 0);
    assert_eq!(wl.size(), 1);
    let got = wl.get("c1".into()).unwrap_or(JsValue::NULL);
    let direct =
        wasm::evaluate(js(CONTACT), pb, "2026-11-12T15:00:00Z".into()).unwrap_or(JsValue::NULL);
    assert_eq!(
        JSON::stringify(&got).ok().and_then(|s| s.as_string()),
        JSON::stringify(&direct).ok().and_then(|s| s.as_string())
    );
    let ids = wl
        .query(js(r#"{"status":["noSmsReply"]}"#))
        .unwrap_or(JsValue::NULL);
    assert_eq!(Array::from(&ids).length(), 1);
    drop(wl);
}

#[allow(clippy::panic)]
fn unreachable_worklist() -> wasm::Worklist {
    panic!("Worklist::new failed")
}
