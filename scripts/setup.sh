#!/usr/bin/env bash
# Installs what building and testing the widget needs, skipping what is already
# there. Sourced by scripts/demo.sh and scripts/test.sh; safe to run on its own.
#
#   - the wasm32-unknown-unknown Rust target
#   - Trunk 0.21.14 (0.22 needs a newer rustc)
#   - wasm-bindgen-cli, the same version as wasm-bindgen in Cargo.lock
#   - Debian's chromium and chromium-driver (browser and end-to-end tests)
#   - npm packages from package-lock.json (wasm-opt from `binaryen`, playwright-core, axe-core)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# Node.js and npm (present on these machines; installed from Debian if not).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing Node.js and npm"
  apt_install nodejs npm
fi

# Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk, pinned (built from source: 10 to 25 minutes, once).
trunk_version="0.21.14"
if ! trunk --version 2>/dev/null | grep -q "$trunk_version"; then
  say "installing trunk $trunk_version (compiles from source; this takes a while, once)"
  cargo install trunk --version "$trunk_version" --locked
fi

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock (no --locked: its
# lockfile names a crate version the registry mirror lacks).
bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)"
if [ -z "$bindgen_version" ]; then
  echo "setup: cannot find wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if ! grep -q "wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$bindgen_version\" (the version in Cargo.lock)" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
  say "installing wasm-bindgen-cli $bindgen_version"
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# Debian's Chromium and its driver (never a browser downloaded by a test tool).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  apt_install chromium chromium-driver
fi
export CHROMEDRIVER=/usr/bin/chromedriver

# npm packages, exactly as locked.
if [ ! -f node_modules/.lock-stamp ] || ! cmp -s package-lock.json node_modules/.lock-stamp; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.lock-stamp
fi
