//! Puts the region table into the module as Rust data: the data file,
//! `src/regions/regions.json`, keeps a description, each row's notes and each
//! citation's address for the people who check it (docs/consent.md is
//! rendered from them); the engine reads none of these, and the module's size
//! is budgeted. The rows are written as `static` values of the types
//! `src/regions/load.rs` reads, so the module carries no JSON reader for them
//! (about 20 KB gzipped less than parsing the text at the first lookup).
//! A field this writer does not know stops the build; `src/regions/tests.rs`
//! reads the whole file as JSON and checks that it resolves to the same rows.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

use serde_json::{Map, Value};

fn main() {
    let source = "src/regions/regions.json";
    println!("cargo::rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_else(|e| fail(&format!("{source}: {e}")));
    let data: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| fail(&format!("{source}: {e}")));
    let rows = data
        .get("regions")
        .and_then(Value::as_array)
        .unwrap_or_else(|| fail(&format!("{source}: expected an array `regions`")));
    let mut out = String::from("pub(super) static RAW: &[RawRow] = &[\n");
    for row in rows {
        out.push_str(&raw_row(row));
        out.push_str(",\n");
    }
    out.push_str("];\n");
    let dir = env::var("OUT_DIR").unwrap_or_else(|e| fail(&format!("OUT_DIR: {e}")));
    fs::write(Path::new(&dir).join("regions.rs"), out)
        .unwrap_or_else(|e| fail(&format!("{dir}/regions.rs: {e}")));
}

/// An object's fields, checked against those the type has (`people` are
/// read by people only and left out).
fn fields<'a>(v: &'a Value, ty: &str, known: &[&str], people: &[&str]) -> &'a Map<String, Value> {
    let o = v
        .as_object()
        .unwrap_or_else(|| fail(&format!("{ty}: expected an object, got {v}")));
    for k in o.keys() {
        if !known.contains(&k.as_str()) && !people.contains(&k.as_str()) {
            fail(&format!("{ty}: unknown field {k:?}"));
        }
    }
    o
}

fn text(v: Option<&Value>, what: &str) -> String {
    match v.and_then(Value::as_str) {
        Some(s) => format!("Cow::Borrowed({s:?})"),
        None => fail(&format!("{what}: expected a string")),
    }
}

fn option(v: Option<&Value>, f: impl Fn(&Value) -> String) -> String {
    match v {
        None | Some(Value::Null) => "None".into(),
        Some(x) => format!("Some({})", f(x)),
    }
}

fn list(v: Option<&Value>, what: &str, f: impl Fn(&Value) -> String) -> String {
    let items = v
        .and_then(Value::as_array)
        .unwrap_or_else(|| fail(&format!("{what}: expected an array")));
    let mut s = String::from("Cow::Borrowed(&[");
    for x in items {
        let _ = write!(s, "{}, ", f(x));
    }
    s.push_str("])");
    s
}

fn int(v: &Value, what: &str) -> String {
    v.as_i64()
        .map(|n| n.to_string())
        .unwrap_or_else(|| fail(&format!("{what}: expected an integer, got {v}")))
}

/// A unit variant of `ty` from its camelCase name (`"nearestWeekday"` is
/// `Observed::NearestWeekday`).
fn variant(v: &Value, ty: &str, names: &[&str]) -> String {
    let name = v.as_str().unwrap_or("");
    if !names.contains(&name) {
        fail(&format!("{ty}: expected one of {names:?}, got {v}"));
    }
    let mut chars = name.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('_');
    format!("{ty}::{first}{}", chars.as_str())
}

/// The fields of a row and of a holiday.
const ROW: &[&str] = &[
    "code",
    "name",
    "window",
    "banned",
    "caps",
    "coversTexts",
    "cite",
    "checked",
];
const HOLIDAY: &[&str] = &[
    "name",
    "date",
    "nth",
    "weekday",
    "month",
    "onOrBefore",
    "easter",
    "offset",
    "years",
    "observed",
];

fn raw_row(v: &Value) -> String {
    let o = fields(v, "row", ROW, &["notes"]);
    format!(
        "RawRow {{ code: {}, name: {}, window: {}, banned: {}, caps: {}, covers_texts: {}, cite: {}, checked: {} }}",
        text(o.get("code"), "code"),
        text(o.get("name"), "name"),
        option(o.get("window"), |w| list(Some(w), "window", raw_block)),
        option(o.get("banned"), raw_banned),
        option(o.get("caps"), |c| list(Some(c), "caps", raw_cap)),
        option(o.get("coversTexts"), |b| {
            b.as_bool()
                .unwrap_or_else(|| fail("coversTexts: expected a boolean"))
                .to_string()
        }),
        list(o.get("cite"), "cite", |c| {
            let c = fields(c, "cite", &["law"], &["url"]);
            format!("RawCite {{ law: {} }}", text(c.get("law"), "law"))
        }),
        text(o.get("checked"), "checked"),
    )
}

fn raw_block(v: &Value) -> String {
    let o = fields(v, "window", &["days", "from", "to"], &[]);
    format!(
        "RawBlock {{ days: {}, from: {}, to: {} }}",
        option(o.get("days"), |d| list(Some(d), "days", |x| text(
            Some(x),
            "day"
        ))),
        text(o.get("from"), "from"),
        text(o.get("to"), "to"),
    )
}

fn raw_banned(v: &Value) -> String {
    let o = fields(v, "banned", &["weekdays", "cite", "holidays"], &[]);
    format!(
        "RawBanned {{ weekdays: {}, cite: {}, holidays: {} }}",
        list(o.get("weekdays"), "weekdays", |x| text(Some(x), "weekday")),
        text(o.get("cite"), "cite"),
        list(o.get("holidays"), "holidays", raw_holiday),
    )
}

fn raw_holiday(v: &Value) -> String {
    let o = fields(v, "holiday", HOLIDAY, &[]);
    let num = |k: &str| option(o.get(k), |x| int(x, k));
    let txt = |k: &str| option(o.get(k), |x| text(Some(x), k));
    format!(
        "RawHoliday {{ name: {}, date: {}, nth: {}, weekday: {}, month: {}, on_or_before: {}, easter: {}, offset: {}, years: {}, observed: {} }}",
        text(o.get("name"), "name"),
        txt("date"),
        num("nth"),
        txt("weekday"),
        num("month"),
        txt("onOrBefore"),
        num("easter"),
        num("offset"),
        option(o.get("years"), |y| variant(y, "Years", &["all", "even"])),
        option(o.get("observed"), |y| variant(
            y,
            "Observed",
            &["sundayToMonday", "weekendToMonday", "nearestWeekday", "monday"]
        )),
    )
}

fn raw_cap(v: &Value) -> String {
    let o = fields(v, "cap", &["max", "hours", "days", "channels"], &[]);
    format!(
        "RawCap {{ max: {}, hours: {}, days: {}, channels: {} }}",
        int(o.get("max").unwrap_or(&Value::Null), "max"),
        option(o.get("hours"), |x| int(x, "hours")),
        option(o.get("days"), |x| int(x, "days")),
        list(o.get("channels"), "channels", |c| variant(
            c,
            "Channel",
            &["sms", "call", "email"]
        )),
    )
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1)
}
