#!/usr/bin/env bash
# Installs what the build and tests need, each step skipped when already there.
#   scripts/setup.sh            the Rust and npm parts (build, Node tests)
#   scripts/setup.sh browser    also Debian's chromium and chromedriver
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen CLI at exactly the version Cargo.lock pins.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,"",$0); print; exit}' Cargo.lock 2>/dev/null || true)
if [ -z "$want" ]; then
  cargo generate-lockfile >/dev/null 2>&1 || true
  want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,"",$0); print; exit}' Cargo.lock)
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ] || ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  say "installing wasm-bindgen-cli $want (was: ${have:-none})"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# npm dev dependencies from the committed lock file. (Not `npm ci`: it refuses a
# lock that, like ours, records only this platform's optional binaries of a
# package; `install --no-save` installs from the lock and never rewrites it.)
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies"
  npm install --no-audit --no-fund --no-save --loglevel=error
fi

if [ "${1:-}" = "browser" ]; then
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    say "installing Debian chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
