#!/usr/bin/env bash
# Prints what each core dependency adds to a wasm32 build made like the page's (opt-level z,
# LTO, wasm-opt -Oz), raw and gzipped, against the same probe without it. A measurement, not a
# test; the probe (scripts/dependency-size/) uses each crate the way the core does.
set -euo pipefail
cd "$(dirname "$0")/dependency-size"
export PATH="$HOME/.cargo/bin:/usr/local/bin:$PATH"
CHRONO_TZ_TIMEZONE_FILTER=$(sed -n 's/^CHRONO_TZ_TIMEZONE_FILTER = "\(.*\)"$/\1/p' ../../.cargo/config.toml)
export CHRONO_TZ_TIMEZONE_FILTER CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/../../target}/dependency-size
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
size() { # feature -> "raw gzip"
    cargo build --quiet --offline --release --target wasm32-unknown-unknown ${1:+--features "$1"}
    wasm-opt -Oz --strip-debug "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/dependency_size.wasm" -o "$out/probe.wasm"
    echo "$(wc -c <"$out/probe.wasm") $(gzip -9c "$out/probe.wasm" | wc -c)"
}
read -r base_raw base_gz < <(size "")
for feature in ${WIRETRACE_DEPENDENCIES:-re tz chr seg stem zip math html}; do
    read -r raw gz < <(size "$feature")
    printf 'dependency-size: %-6s %+8d bytes raw, %+7d bytes gzip\n' "$feature" $((raw - base_raw)) $((gz - base_gz))
done
