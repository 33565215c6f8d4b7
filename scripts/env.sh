# Sourced by the scripts: where the tools and build outputs are.
export PATH="$HOME/.cargo/bin:/usr/local/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
