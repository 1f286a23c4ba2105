//! Puts the region table into the module as the engine reads it: the data
//! file, `src/regions/regions.json`, keeps a description, each row's notes and
//! each citation's address for the people who check it (docs/consent.md is
//! rendered from them); the engine reads none of these, and the module's size
//! is budgeted, so the copy compiled in leaves them out and has no white
//! space (about 5 KB gzipped less). `src/regions/tests.rs` checks the whole
//! file.

use std::{env, fs, path::Path};

fn main() {
    let source = "src/regions/regions.json";
    println!("cargo::rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_else(|e| fail(&format!("{source}: {e}")));
    let mut data: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| fail(&format!("{source}: {e}")));
    remove_field(&mut data, "description");
    for row in items(&mut data, "regions") {
        remove_field(row, "notes");
        for cite in items(row, "cite") {
            remove_field(cite, "url");
        }
    }
    let out = env::var("OUT_DIR").unwrap_or_else(|e| fail(&format!("OUT_DIR: {e}")));
    let min = serde_json::to_string(&data).unwrap_or_else(|e| fail(&e.to_string()));
    fs::write(Path::new(&out).join("regions.json"), min)
        .unwrap_or_else(|e| fail(&format!("{out}/regions.json: {e}")));
}

/// Removes field `key` of object `v`.
fn remove_field(v: &mut serde_json::Value, key: &str) {
    if let Some(object) = v.as_object_mut() {
        object.remove(key);
    }
}

/// The elements of array field `key` of object `v`.
fn items<'a>(
    v: &'a mut serde_json::Value,
    key: &str,
) -> impl Iterator<Item = &'a mut serde_json::Value> {
    v.get_mut(key)
        .and_then(|a| a.as_array_mut())
        .into_iter()
        .flatten()
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1)
}
