#!/usr/bin/env bash
# Installs what building and testing the page needs, skipping whatever is already present at
# the right version: the wasm32 target, Trunk 0.21.14, wasm-bindgen-cli at the version pinned in
# Cargo.lock, wasm-opt (binaryen 132), brotli (to report the page's size), Chromium and its WebDriver, axe-core (the end-to-end
# test's accessibility checker, into tests/e2e/node_modules/), every crate (so the Trunk build
# can run offline), and Java and PySpark for the Spark example's test. Safe to run again and
# again; never reads standard input.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:/usr/local/bin:$PATH"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
AXE_VERSION=4.14.1
AXE_DIR=tests/e2e/node_modules/axe-core
say() { printf 'install: %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y -q "$@" </dev/null || { as_root apt-get update -q </dev/null && as_root apt-get install -y -q "$@" </dev/null; }
}

# The wasm-bindgen version the page links against; the CLI must match it exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "install: no wasm-bindgen in Cargo.lock" >&2; exit 1; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target present"
else
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION present"
else
    say "installing trunk $TRUNK_VERSION (takes 7-13 minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] && command -v wasm-bindgen-test-runner >/dev/null; then
    say "wasm-bindgen-cli $WASM_BINDGEN_VERSION present"
else
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # Its lockfile can pin a crate that was yanked since; then resolve afresh.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --force \
        || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Debian's binaryen is too old for what rustc emits; npm carries a current one.
if wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION\b"; then
    say "wasm-opt $BINARYEN_VERSION present"
else
    command -v npm >/dev/null || apt_install npm
    say "installing wasm-opt $BINARYEN_VERSION (npm binaryen)"
    as_root npm install -g --prefix /usr/local "binaryen@$BINARYEN_VERSION.0.0" </dev/null
fi

# brotli: how the page's size is reported (scripts/bundle-size.sh), as servers send it.
if command -v brotli >/dev/null; then
    say "brotli present"
else
    say "installing brotli (Debian)"
    apt_install brotli
fi

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    say "chromium and chromedriver present"
else
    say "installing chromium and chromium-driver"
    apt_install chromium chromium-driver
fi

# The Spark example's test (examples/spark/): Java only if none (Debian's 17), PySpark from PyPI.
PYSPARK_VERSION="3.5.*"
if command -v java >/dev/null; then
    say "java present"
else
    say "installing Java 17 (openjdk-17-jre-headless)"
    apt_install openjdk-17-jre-headless
fi
if python3 -c "import pyspark" 2>/dev/null; then
    say "pyspark present"
else
    python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
    say "installing pyspark $PYSPARK_VERSION (pip)"
    # Debian's own Python refuses pip installs unless told (PEP 668); other Pythons take them.
    python3 -m pip install -q "pyspark==$PYSPARK_VERSION" </dev/null \
        || python3 -m pip install -q --break-system-packages "pyspark==$PYSPARK_VERSION" </dev/null
fi

if [ -f "$AXE_DIR/axe.min.js" ] && grep -q "\"version\": \"$AXE_VERSION\"" "$AXE_DIR/package.json"; then
    say "axe-core $AXE_VERSION present"
else
    command -v npm >/dev/null || apt_install npm
    say "installing axe-core $AXE_VERSION (npm, into tests/e2e/node_modules)"
    npm install --prefix tests/e2e --no-save --no-package-lock --no-audit --no-fund "axe-core@$AXE_VERSION" </dev/null
fi

say "fetching crates (the builds after this run offline)"
cargo fetch --quiet
