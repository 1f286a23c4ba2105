//! wasm-bindgen tests in Node.
#![cfg(target_arch = "wasm32")]

mod wasm_common;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn evaluate_returns_plain_objects() {
    wasm_common::evaluate_returns_plain_objects();
}
#[wasm_bindgen_test]
fn epoch_ms_and_text_agree() {
    wasm_common::epoch_ms_and_text_agree();
}
#[wasm_bindgen_test]
fn errors_are_real_errors_with_paths() {
    wasm_common::errors_are_real_errors_with_paths();
}
#[wasm_bindgen_test]
fn batch_isolates_bad_contacts() {
    wasm_common::batch_isolates_bad_contacts();
}
#[wasm_bindgen_test]
fn worklist_round_trip() {
    wasm_common::worklist_round_trip();
}
#[wasm_bindgen_test]
fn worklist_facets_agree_with_queries() {
    wasm_common::worklist_facets_agree_with_queries();
}
#[wasm_bindgen_test]
fn worklist_upsert_remove_refresh() {
    wasm_common::worklist_upsert_remove_refresh();
}
