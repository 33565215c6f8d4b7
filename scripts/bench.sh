#!/usr/bin/env bash
# Prints issue 17's speed figures beside the floor (a bare regex pass over the same bytes, same
# run): seeds, a 5 MB paste (core and CLI process), 1k -> 10k generated articles. See
# examples/bench.rs. A measurement, not a test: run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --offline --quiet --bin wiretrace --example bench
"${CARGO_TARGET_DIR:-target}/release/examples/bench"
