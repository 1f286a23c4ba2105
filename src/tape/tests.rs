#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The tape of `v` reads as serde_json's value of it.
fn same<T: Serialize>(v: &T) -> Value {
    let want = as_host(serde_json::from_str(&serde_json::to_string(v).unwrap()).unwrap());
    let got = Tape::of(v).unwrap().to_value().unwrap();
    assert_eq!(got, want);
    got
}

#[derive(Serialize)]
enum Kind {
    Unit,
    New(u8),
    Tuple(i32, String),
    Fields { a: Option<bool>, b: () },
}

#[derive(Serialize)]
struct Unit;

#[derive(Serialize)]
struct Keys {
    next: u32,
    #[serde(rename = "nextAuto")]
    next_auto: u32,
    #[serde(rename = "__proto__")]
    proto: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    gone: Option<u8>,
}

#[test]
fn numbers_as_json_reads_them() {
    same(&(
        i32::MIN,
        i32::MAX,
        i64::from(i32::MAX) + 1,
        i64::MIN,
        u64::MAX,
    ));
    same(&(i128::MAX, u128::MAX, -1i8, 255u8));
    same(&(
        0.5f64,
        -2.0f64,
        1e300f64,
        5e-324f64,
        0.1f32,
        1e20f32,
        f32::MIN_POSITIVE,
    ));
    // Not finite: null, as serde_json writes it.
    let v = Tape::of(&(f64::NAN, f64::INFINITY, f32::NEG_INFINITY)).unwrap();
    assert_eq!(v.to_value(), Some(json!([null, null, null])));
    // -0 stays a number, apart from 0.
    let t = Tape::of(&-0.0f64).unwrap();
    assert_eq!(t.parts().ops, &[op::NUM, 0]);
    assert!(t.parts().nums[0].is_sign_negative());
    assert_eq!(Tape::of(&7.0f64).unwrap().parts().ops, &[op::INT, 7]);
}

#[test]
fn strings_and_their_texts() {
    let long = "é".repeat(SHARED_MAX);
    let v = same(&vec![
        "",
        "a",
        "Zoë",
        "08:00–21:00",
        "😀",
        "a",
        &long,
        &long,
        "08:00–21:00",
        "\u{0}",
    ]);
    assert_eq!(v[3], "08:00–21:00");
    let t = Tape::of(&vec!["a", "Zoë", "a", "😀x", "Zoë"]).unwrap();
    let p = t.parts();
    // Each short string once; the ASCII ones in one text, the rest in
    // the other, spans in UTF-16 units.
    assert_eq!(p.ascii, "a");
    assert_eq!(String::from_utf16(p.wide).ok().as_deref(), Some("Zoë😀x"));
    assert_eq!(p.spans, &[0, 1, WIDE, 3, 3 | WIDE, 6]);
    assert_eq!(
        p.ops,
        &[
            op::LIST,
            5,
            op::STR,
            0,
            op::STR,
            1,
            op::STR,
            0,
            op::STR,
            2,
            op::STR,
            1
        ]
    );
    // A long one is written each time.
    let t = Tape::of(&vec![&long, &long]).unwrap();
    assert_eq!(t.parts().spans.len(), 4);
}

/// A string past ASCII is written as its UTF-16 units, and found again by
/// them: each of these once, at spans in units.
#[test]
fn strings_past_ascii_are_utf16_and_found_again() {
    for s in [
        "é",
        "–",
        "😀",
        "a😀é–\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}",
    ] {
        let t = Tape::of(&vec![s, "x", s]).unwrap();
        let p = t.parts();
        let units: Vec<u16> = s.encode_utf16().collect();
        assert_eq!(p.wide, &units[..], "{s}");
        assert_eq!(p.spans, &[WIDE, units.len() as u32, 0, 1], "{s}");
        assert_eq!(
            p.ops,
            &[op::LIST, 3, op::STR, 0, op::STR, 1, op::STR, 0],
            "{s}"
        );
    }
}

#[test]
fn more_strings_than_the_table_of_recent_ones() {
    let list: Vec<String> = (0..20_000).map(|i| format!("s{}", i % 9_000)).collect();
    same(&list);
    let t = Tape::of(&list).unwrap();
    assert!(t.parts().spans.len() / 2 < 20_000);
}

#[test]
fn enums_units_and_options() {
    same(&vec![
        Kind::Unit,
        Kind::New(3),
        Kind::Tuple(-1, "x".into()),
        Kind::Fields {
            a: Some(true),
            b: (),
        },
        Kind::Fields { a: None, b: () },
    ]);
    same(&(Unit, (), Some(Some(1)), None::<u8>, 'x', '😀'));
    same(&serde_bytes_like());
}

fn serde_bytes_like() -> impl Serialize {
    struct B;
    impl Serialize for B {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(&[0, 1, 255])
        }
    }
    B
}

#[test]
fn keys_by_address_and_by_text() {
    // "next" may share its address with "nextAuto": told apart by length.
    let v = same(&vec![
        Keys {
            next: 1,
            next_auto: 2,
            proto: "p",
            gone: None,
        },
        Keys {
            next: 3,
            next_auto: 4,
            proto: "q",
            gone: Some(5),
        },
    ]);
    assert_eq!(v[1]["gone"], 5.0);
    // Two lists of keys, the second with `gone`.
    let t = Tape::of(&v).unwrap();
    let shapes = t.parts().shapes;
    assert_eq!((shapes.len(), shapes[0], shapes[4]), (9, 3, 4));
    let mut m = BTreeMap::new();
    m.insert(2u32, "two");
    m.insert(10, "ten");
    same(&m);
    let mut m = BTreeMap::new();
    m.insert("__proto__", json!({"a": [1, {"b": null}]}));
    m.insert("", json!([]));
    same(&m);
    same(&json!({"a": {"a": {"a": {}}}, "b": [[], [[]], {}]}));
    let mut bad = BTreeMap::new();
    bad.insert(vec![1], 1);
    assert!(Tape::of(&bad).is_err());
}

#[test]
fn a_damaged_tape_reads_as_none() {
    let mut t = Tape::of(&json!({"a": [1, "x"]})).unwrap();
    t.ops.truncate(t.ops.len() - 1);
    assert_eq!(t.to_value(), None);
    let mut t = Tape::of(&json!([1])).unwrap();
    t.ops.push(op::NULL);
    assert_eq!(t.to_value(), None);
    let mut t = Tape::of(&json!("x")).unwrap();
    t.ops[0] = 99;
    assert_eq!(t.to_value(), None);
}
