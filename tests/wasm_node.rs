//! wasm-bindgen tests in Node.
#![cfg(target_arch = "wasm32")]

#[macro_use]
mod wasm_common;

all_wasm_checks!();
