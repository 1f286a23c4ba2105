//! wasm-bindgen tests in headless Chromium.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[macro_use]
mod wasm_common;

all_wasm_checks!();
