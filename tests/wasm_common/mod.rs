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
        r#"{"id":"x","addedAt":1794000000000,"events":[{"kind":"message","at":"yesterday","channel":"sms","direction":"out"}]}"#,
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
        let e = wasm::evaluate(v, pb.clone(), "2026-11-12T15:00:00Z".into())
            .err()
            .unwrap_or(JsValue::NULL);
        assert!(e.is_instance_of::<Error>());
    }
    let ok = wasm::evaluate(js(CONTACT), pb, JsValue::from_f64(1_794_000_000_000.0));
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
        .query(js(r#"{"status":["noSmsReply"]}"#), None)
        .unwrap_or(JsValue::NULL);
    assert_eq!(Array::from(&ids).length(), 1);
    drop(wl);
}

#[allow(clippy::panic)]
fn unreachable_worklist() -> wasm::Worklist {
    panic!("Worklist::new failed")
}

fn ids_of(v: &JsValue) -> Vec<String> {
    Array::from(v)
        .iter()
        .map(|x| x.as_string().unwrap_or_default())
        .collect()
}

fn count(facets: &JsValue, facet: &str, key: &str) -> u32 {
    get(&get(facets, facet), key).as_f64().unwrap_or(0.0) as u32
}

fn total(facets: &JsValue, facet: &str) -> u32 {
    let obj = get(facets, facet);
    Object::values(obj.unchecked_ref::<Object>())
        .iter()
        .map(|v| v.as_f64().unwrap_or(0.0) as u32)
        .sum()
}

fn contact_text(id: &str, events: &str) -> String {
    format!(
        r#"{{"id":"{id}","name":"Name {id}","timeZone":"America/Chicago","addedAt":"2026-10-20T15:00:00Z","events":[{events}]}}"#
    )
}

const OUT: &str =
    r#"{"kind":"message","at":"2026-11-02T14:00:00Z","channel":"sms","direction":"out"}"#;
const IN: &str =
    r#"{"kind":"message","at":"2026-11-03T14:00:00Z","channel":"sms","direction":"in"}"#;
const CALL: &str =
    r#"{"kind":"activity","at":"2026-11-04T14:00:00Z","interaction":"call","outcome":"noAnswer"}"#;

fn some_contacts(n: usize) -> String {
    let items: Vec<String> = (0..n)
        .map(|i| {
            let ev = match i % 4 {
                0 => String::new(),
                1 => OUT.to_string(),
                2 => format!("{OUT},{IN}"),
                _ => format!("{OUT},{CALL}"),
            };
            contact_text(&format!("k{i}"), &ev)
        })
        .collect();
    format!("[{}]", items.join(","))
}

pub fn worklist_facets_agree_with_queries() {
    let pb = wasm::preset("monthly-campaign".into()).unwrap_or(JsValue::NULL);
    let now: JsValue = "2026-11-12T15:00:00Z".into();
    let mut wl = wasm::Worklist::new(pb.clone(), Some(now.clone()))
        .unwrap_or_else(|_| unreachable_worklist());
    let list = js(&some_contacts(40));
    let errs = wl.upsert(list.clone()).unwrap_or(JsValue::NULL);
    assert_eq!(Array::from(&errs).length(), 0);
    assert_eq!(wl.size(), 40);
    let facets = wl.facets(JsValue::UNDEFINED).unwrap_or(JsValue::NULL);
    assert_eq!(total(&facets, "status"), 40);
    assert_eq!(total(&facets, "next"), 40);
    for s in ["newAccount", "noSmsReply", "smsInProgress", "noAnswer"] {
        let q = wl
            .query(js(&format!(r#"{{"status":["{s}"]}}"#)), None)
            .unwrap_or(JsValue::NULL);
        assert_eq!(Array::from(&q).length(), count(&facets, "status", s), "{s}");
    }
    for c in ["sms", "call", "email"] {
        let q = wl
            .query(js(&format!(r#"{{"allowed":["{c}"]}}"#)), None)
            .unwrap_or(JsValue::NULL);
        assert_eq!(
            Array::from(&q).length(),
            count(&facets, "allowed", c),
            "{c}"
        );
    }
    // get equals evaluate, byte for byte.
    for item in Array::from(&list).iter() {
        let id = get(&item, "id");
        let a = wl.get(id).unwrap_or(JsValue::NULL);
        let b = wasm::evaluate(item, pb.clone(), now.clone()).unwrap_or(JsValue::NULL);
        assert_eq!(
            JSON::stringify(&a).ok().and_then(|s| s.as_string()),
            JSON::stringify(&b).ok().and_then(|s| s.as_string())
        );
    }
    drop(wl);
}

pub fn worklist_upsert_remove_refresh() {
    let pb = wasm::preset("monthly-campaign".into()).unwrap_or(JsValue::NULL);
    let now: JsValue = "2026-11-12T15:00:00Z".into();
    let mut wl = wasm::Worklist::new(pb.clone(), Some(now.clone()))
        .unwrap_or_else(|_| unreachable_worklist());
    let _ = wl.upsert(js(&some_contacts(20)));
    // Duplicates in one upsert: the last wins. A bad contact is reported.
    let batch = format!(
        "[{}, {}, {{\"id\":\"broken\",\"addedAt\":\"soon\"}}]",
        contact_text("k0", OUT),
        contact_text("k0", &format!("{OUT},{IN}"))
    );
    let errs = Array::from(&wl.upsert(js(&batch)).unwrap_or(JsValue::NULL));
    assert_eq!(errs.length(), 1);
    assert_eq!(get_str(&errs.get(0), "id").as_deref(), Some("broken"));
    assert_eq!(
        get_str(&errs.get(0), "path").as_deref(),
        Some("contacts[2].addedAt")
    );
    assert_eq!(wl.size(), 20);
    let k0 = wl.get("k0".into()).unwrap_or(JsValue::NULL);
    assert_eq!(get_str(&k0, "status").as_deref(), Some("smsInProgress"));

    let removed = wl.remove(js(r#"["k1","k5","k19","nobody"]"#)).unwrap_or(0);
    assert_eq!(removed, 3);
    assert_eq!(wl.size(), 17);
    let ids = ids_of(&wl.query(JsValue::UNDEFINED, None).unwrap_or(JsValue::NULL));
    assert_eq!(ids.len(), 17);
    assert!(!ids.iter().any(|i| i == "k1" || i == "k5" || i == "k19"));
    assert!(wl.get("k5".into()).unwrap_or(JsValue::NULL).is_undefined());

    // Forward, backwards and forward again: each equals a fresh worklist.
    let remaining: Vec<JsValue> = ids.iter().map(|i| JsValue::from_str(i)).collect();
    for t in [
        "2026-11-12T15:01:00Z",
        "2026-11-21T14:00:00Z",
        "2026-11-02T05:00:00Z",
        "2026-12-01T16:00:00Z",
    ] {
        let _ = wl.refresh(t.into());
        let mut fresh = wasm::Worklist::new(pb.clone(), Some(t.into()))
            .unwrap_or_else(|_| unreachable_worklist());
        let _ = fresh.upsert(js(&some_contacts(20)));
        let _ = fresh.upsert(js(&format!(
            "[{}]",
            contact_text("k0", &format!("{OUT},{IN}"))
        )));
        let _ = fresh.remove(js(r#"["k1","k5","k19"]"#));
        let a = wl.query(JsValue::UNDEFINED, None).unwrap_or(JsValue::NULL);
        let b = fresh
            .query(JsValue::UNDEFINED, None)
            .unwrap_or(JsValue::NULL);
        assert_eq!(ids_of(&a), ids_of(&b), "{t}");
        let fa = wl.facets(JsValue::UNDEFINED).unwrap_or(JsValue::NULL);
        let fb = fresh.facets(JsValue::UNDEFINED).unwrap_or(JsValue::NULL);
        assert_eq!(
            JSON::stringify(&fa).ok().and_then(|s| s.as_string()),
            JSON::stringify(&fb).ok().and_then(|s| s.as_string()),
            "{t}"
        );
        for id in &remaining {
            let x = wl.get(id.clone()).unwrap_or(JsValue::NULL);
            let y = fresh.get(id.clone()).unwrap_or(JsValue::NULL);
            assert_eq!(
                JSON::stringify(&x).ok().and_then(|s| s.as_string()),
                JSON::stringify(&y).ok().and_then(|s| s.as_string())
            );
        }
    }
    // A bad filter is a real Error naming the field.
    let err = wl
        .query(js(r#"{"status":["lost"]}"#), None)
        .err()
        .unwrap_or(JsValue::NULL);
    assert!(err.is_instance_of::<Error>());
    assert!(get_str(&err, "message")
        .unwrap_or_default()
        .starts_with("filter.status"));
}

/// Declares every check above as a wasm-bindgen test, once for each runner
/// (`tests/wasm_node.rs`, `tests/wasm_browser.rs`).
macro_rules! wasm_checks {
    ($($name:ident),* $(,)?) => {
        $(
            #[wasm_bindgen_test::wasm_bindgen_test]
            fn $name() {
                wasm_common::$name();
            }
        )*
    };
}

macro_rules! all_wasm_checks {
    () => {
        wasm_checks!(
            evaluate_returns_plain_objects,
            epoch_ms_and_text_agree,
            errors_are_real_errors_with_paths,
            batch_isolates_bad_contacts,
            worklist_round_trip,
            worklist_facets_agree_with_queries,
            worklist_upsert_remove_refresh,
        );
    };
}
