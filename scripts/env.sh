# Sourced by the scripts (from the repository's root): where the tools, the build outputs and
# the end-to-end test's inputs are.
export PATH="$HOME/.cargo/bin:/usr/local/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
export WIRETRACE_DIST="$PWD/dist"
export WIRETRACE_BIN="$TARGET_DIR/debug/wiretrace"
export WIRETRACE_SEEDS="$PWD/tests/fixtures/seeds"
export WIRETRACE_AXE="$PWD/tests/e2e/node_modules/axe-core/axe.min.js"
