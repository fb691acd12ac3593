#!/usr/bin/env bash
# Runs every test: formatting, lints and function length, native tests (content, state,
# server-rendered components), browser tests (wasm-bindgen-test in headless Chromium),
# and end-to-end tests (node --test with playwright-core) against the release build.
# Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --features ssr -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# No function in scripts/ over about 60 lines without a `// Long:` reason (issue 16;
# tests/function_length.rs checks src/ and build/ among the native tests).
node --test tests/function_length.test.mjs
# ACR.md (the VPAT) covers every WCAG 2.2 A/AA criterion, is what scripts/acr.mjs writes, and
# agrees with ACCESSIBILITY.md; CHANGELOG.md names the whole public contract and this version (issue 26).
node --test tests/acr.test.mjs tests/changelog.test.mjs

step "native tests (cargo test)"
# --show-output prints what tests report, such as each section's reading grade and the
# longest functions; --no-fail-fast runs every test file even when one fails.
cargo test --features ssr --no-fail-fast -- --show-output

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown

step "release build (trunk; its post-build step writes the documents and the static HTML guide)"
trunk build --release

step "end-to-end tests (node --test, playwright-core, Chromium)"
node --test --test-concurrency=1 tests/e2e/
