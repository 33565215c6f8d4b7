#!/usr/bin/env bash
# Runs every test: installs what is missing, then
#   1. the core's native tests (cargo test), then a short fuzz run (fuzz/),
#   2. the web glue's tests in headless Chromium (wasm-bindgen-test),
#   3. the release build of the page (trunk build --release, offline),
#   4. the end-to-end test: dist/ served on 127.0.0.1, driven through chromedriver,
#   5. (after 1) the Spark job's test: examples/spark/ in local mode against `wiretrace batch`.
# The last line is the summary; any failure exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
step="installing tools"
trap 'status=$?; rm -f "$log"; [ $status = 0 ] || echo "wiretrace test summary: FAILED while $step (exit $status)"; exit $status' EXIT

bash scripts/install.sh </dev/null
. scripts/env.sh

# Runs a cargo test command, echoing its output, and adds its passed-test count to $1.
count_tests() {
    local counter=$1; shift
    "$@" 2>&1 </dev/null | tee "$log"
    local passed
    passed=$(awk '/^test result: ok\./ { n += $4 } END { print n + 0 }' "$log")
    printf -v "$counter" '%s' "$passed"
}

step="running the native tests (cargo test)"
echo "== $step"
count_tests native cargo test --offline

step="fuzzing briefly (fuzz/: analyze, permalink, markup; 45 s in all)"
echo "== $step"
# The test profile reuses the library `cargo test` just built, with overflow checks on.
cargo run --offline --quiet --profile test -p wiretrace-fuzz --bin wiretrace-fuzz -- --seconds 45 </dev/null | tee "$log"
fuzz_runs=$(grep -o '[0-9]* runs' "$log" | awk '{ n += $1 } END { print n + 0 }')

step="running the Spark job's test (PySpark in local mode)"
echo "== $step"
cargo build --offline --quiet --bin wiretrace
python3 -m unittest -v examples/spark/test_spark.py 2>&1 </dev/null | tee "$log"
spark=$(grep -c ' \.\.\. ok$' "$log" || true)

step="running the in-browser tests (wasm-bindgen-test, headless Chromium)"
echo "== $step"
count_tests browser cargo test --offline --target wasm32-unknown-unknown --test web

step="building the page (trunk build --release)"
echo "== $step"
trunk build --release </dev/null
bash scripts/bundle-size.sh

step="running the end-to-end test (Chromium over WebDriver)"
echo "== $step"
cargo build --offline --quiet --bin wiretrace
count_tests e2e cargo test --offline -p wiretrace-e2e -- --test-threads=1 --nocapture

step="summarising"
echo "wiretrace test summary: PASSED (native $native, in-browser $browser, end-to-end $e2e, Spark $spark tests; fuzz $fuzz_runs runs, 0 crashes)"
