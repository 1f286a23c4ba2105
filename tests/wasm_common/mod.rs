//! Checks shared by the wasm tests in Node and in headless Chromium: they call
//! the exported functions with real JS values, as a page or a script would.
//!
//! Every call that should succeed is asserted to succeed before its answer is
//! used ([`ok`]): two failed calls must never compare equal as two `null`s.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cadence_engine::wasm;
use js_sys::{Array, Error, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

pub fn js(text: &str) -> JsValue {
    JSON::parse(text).unwrap_or_else(|_| panic!("test data is not JSON: {text}"))
}

/// The answer of a call that must succeed; its error message otherwise.
fn ok<T>(r: Result<T, JsValue>, what: &str) -> T {
    match r {
        Ok(v) => v,
        Err(e) => panic!("{what} failed: {}", message_of(&e)),
    }
}

fn message_of(e: &JsValue) -> String {
    get_str(e, "message").unwrap_or_else(|| format!("{e:?}"))
}

/// The JSON text of a value that must serialise.
fn text(v: &JsValue) -> String {
    JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| panic!("not JSON-serialisable: {v:?}"))
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn preset(name: &str) -> JsValue {
    ok(wasm::preset(name.into()), name)
}

fn new_worklist(pb: &JsValue, now: &JsValue) -> wasm::Worklist {
    ok(
        wasm::Worklist::new(pb.clone(), Some(now.clone())),
        "new Worklist",
    )
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
    let pb = preset("monthly-campaign");
    let ev = ok(
        wasm::evaluate(js(CONTACT), pb, "2026-11-12T15:00:00Z".into()),
        "evaluate",
    );
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
    let pb = preset("monthly-campaign");
    let a = ok(
        wasm::evaluate(js(CONTACT), pb.clone(), "2026-11-12T15:00:00Z".into()),
        "evaluate at RFC 3339 now",
    );
    let b = ok(
        wasm::evaluate(js(CONTACT), pb, JsValue::from_f64(1_794_495_600_000.0)),
        "evaluate at epoch-ms now",
    );
    assert_eq!(get_str(&a, "status").as_deref(), Some("noSmsReply"));
    assert_eq!(text(&a), text(&b));
}

pub fn errors_are_real_errors_with_paths() {
    let pb = preset("monthly-campaign");
    let bad = js(
        r#"{"id":"x","addedAt":"2026-10-20T15:00:00Z","events":[{"kind":"message","at":"yesterday","channel":"sms","direction":"out"}]}"#,
    );
    let err = wasm::evaluate(bad, pb.clone(), "2026-11-12T15:00:00Z".into())
        .expect_err("a bad event time is an error");
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
        let e = wasm::evaluate(v.clone(), pb.clone(), "2026-11-12T15:00:00Z".into())
            .expect_err("a contact that is not an object is an error");
        assert!(e.is_instance_of::<Error>(), "{v:?}");
        assert!(message_of(&e).contains("contact"), "{}", message_of(&e));
    }
    let ev = ok(
        wasm::evaluate(js(CONTACT), pb, "2026-11-12T15:00:00Z".into()),
        "evaluate after errors",
    );
    assert_eq!(get_str(&ev, "id").as_deref(), Some("c1"));
}

pub fn batch_isolates_bad_contacts() {
    let pb = preset("call-ladder");
    let list = js(&format!(r#"[{CONTACT}, {{"id":"bad"}}, null, {CONTACT}]"#));
    let out = ok(
        wasm::evaluate_many(list, pb, "2026-11-12T15:00:00Z".into(), None),
        "evaluateMany",
    );
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
    let pb = preset("monthly-campaign");
    let now: JsValue = "2026-11-12T15:00:00Z".into();
    let mut wl = new_worklist(&pb, &now);
    let errs = ok(wl.upsert(js(&format!("[{CONTACT}]"))), "upsert");
    assert!(Array::is_array(&errs));
    assert_eq!(Array::from(&errs).length(), 0);
    assert_eq!(wl.size(), 1);
    let got = ok(wl.get("c1".into()), "get");
    assert!(got.is_object(), "get c1: {got:?}");
    let direct = ok(wasm::evaluate(js(CONTACT), pb, now), "evaluate");
    assert_eq!(text(&got), text(&direct));
    let ids = ok(
        wl.query(Some(js(r#"{"status":["noSmsReply"]}"#)), None),
        "query",
    );
    assert_eq!(ids_of(&ids), vec!["c1".to_string()]);
    drop(wl);
}

fn ids_of(v: &JsValue) -> Vec<String> {
    assert!(Array::is_array(v), "not an array of ids: {v:?}");
    Array::from(v)
        .iter()
        .map(|x| {
            x.as_string()
                .unwrap_or_else(|| panic!("not a string id: {x:?}"))
        })
        .collect()
}

/// A count the facets must hold (facets list every status and channel).
fn count(facets: &JsValue, facet: &str, key: &str) -> u32 {
    get(&get(facets, facet), key)
        .as_f64()
        .unwrap_or_else(|| panic!("facets.{facet}.{key} is missing")) as u32
}

fn total(facets: &JsValue, facet: &str) -> u32 {
    let obj = get(facets, facet);
    assert!(obj.is_object(), "facets.{facet} is missing");
    Object::values(obj.unchecked_ref::<Object>())
        .iter()
        .map(|v| {
            v.as_f64()
                .unwrap_or_else(|| panic!("facets.{facet}: not a count")) as u32
        })
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
    let pb = preset("monthly-campaign");
    let now: JsValue = "2026-11-12T15:00:00Z".into();
    let mut wl = new_worklist(&pb, &now);
    let list = js(&some_contacts(40));
    let errs = ok(wl.upsert(list.clone()), "upsert");
    assert_eq!(Array::from(&errs).length(), 0);
    assert_eq!(wl.size(), 40);
    let facets = ok(wl.facets(None), "facets");
    assert_eq!(total(&facets, "status"), 40);
    assert_eq!(total(&facets, "next"), 40);
    for s in ["newAccount", "noSmsReply", "smsInProgress", "noAnswer"] {
        let q = ok(
            wl.query(Some(js(&format!(r#"{{"status":["{s}"]}}"#))), None),
            "query status",
        );
        assert_eq!(ids_of(&q).len() as u32, count(&facets, "status", s), "{s}");
    }
    for c in ["sms", "call", "email"] {
        let q = ok(
            wl.query(Some(js(&format!(r#"{{"allowed":["{c}"]}}"#))), None),
            "query allowed",
        );
        assert_eq!(ids_of(&q).len() as u32, count(&facets, "allowed", c), "{c}");
    }
    // get equals evaluate, byte for byte.
    for item in Array::from(&list).iter() {
        let id = get(&item, "id");
        let a = ok(wl.get(id.clone()), "get");
        assert!(a.is_object(), "get {id:?}: {a:?}");
        let b = ok(wasm::evaluate(item, pb.clone(), now.clone()), "evaluate");
        assert_eq!(text(&a), text(&b));
    }
    drop(wl);
}

pub fn worklist_upsert_remove_refresh() {
    let pb = preset("monthly-campaign");
    let now: JsValue = "2026-11-12T15:00:00Z".into();
    let mut wl = new_worklist(&pb, &now);
    let errs = ok(wl.upsert(js(&some_contacts(20))), "upsert");
    assert_eq!(Array::from(&errs).length(), 0);
    // Duplicates in one upsert: the last wins. A bad contact is reported.
    let batch = format!(
        "[{}, {}, {{\"id\":\"broken\",\"addedAt\":\"soon\"}}]",
        contact_text("k0", OUT),
        contact_text("k0", &format!("{OUT},{IN}"))
    );
    let errs = Array::from(&ok(wl.upsert(js(&batch)), "upsert with a bad contact"));
    assert_eq!(errs.length(), 1);
    assert_eq!(get_str(&errs.get(0), "id").as_deref(), Some("broken"));
    assert_eq!(
        get_str(&errs.get(0), "path").as_deref(),
        Some("contacts[2].addedAt")
    );
    assert_eq!(wl.size(), 20);
    let k0 = ok(wl.get("k0".into()), "get k0");
    assert_eq!(get_str(&k0, "status").as_deref(), Some("smsInProgress"));

    let removed = ok(wl.remove(js(r#"["k1","k5","k19","nobody"]"#)), "remove");
    assert_eq!(removed, 3);
    assert_eq!(wl.size(), 17);
    let ids = ids_of(&ok(wl.query(None, None), "query"));
    assert_eq!(ids.len(), 17);
    assert!(!ids.iter().any(|i| i == "k1" || i == "k5" || i == "k19"));
    assert!(ok(wl.get("k5".into()), "get k5").is_undefined());

    // Forward, backwards and forward again: each equals a fresh worklist.
    let remaining: Vec<JsValue> = ids.iter().map(|i| JsValue::from_str(i)).collect();
    for t in [
        "2026-11-12T15:01:00Z",
        "2026-11-21T14:00:00Z",
        "2026-11-02T05:00:00Z",
        "2026-12-01T16:00:00Z",
    ] {
        ok(wl.refresh(t.into()), "refresh");
        let mut fresh = new_worklist(&pb, &t.into());
        let errs = ok(fresh.upsert(js(&some_contacts(20))), "upsert");
        assert_eq!(Array::from(&errs).length(), 0);
        let k0 = format!("[{}]", contact_text("k0", &format!("{OUT},{IN}")));
        let errs = ok(fresh.upsert(js(&k0)), "upsert k0");
        assert_eq!(Array::from(&errs).length(), 0);
        assert_eq!(ok(fresh.remove(js(r#"["k1","k5","k19"]"#)), "remove"), 3);
        let a = ids_of(&ok(wl.query(None, None), "query"));
        let b = ids_of(&ok(fresh.query(None, None), "query"));
        assert_eq!(a.len(), 17, "{t}");
        assert_eq!(a, b, "{t}");
        let fa = ok(wl.facets(None), "facets");
        let fb = ok(fresh.facets(None), "facets");
        assert_eq!(total(&fa, "status"), 17, "{t}");
        assert_eq!(text(&fa), text(&fb), "{t}");
        for id in &remaining {
            let x = ok(wl.get(id.clone()), "get");
            let y = ok(fresh.get(id.clone()), "get");
            assert!(x.is_object(), "get {id:?} at {t}: {x:?}");
            assert_eq!(text(&x), text(&y));
        }
    }
    // A bad filter is a real Error naming the field.
    let err = wl
        .query(Some(js(r#"{"status":["lost"]}"#)), None)
        .expect_err("an unknown status in a filter is an error");
    assert!(err.is_instance_of::<Error>());
    assert!(
        message_of(&err).starts_with("filter.status"),
        "{}",
        message_of(&err)
    );
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
