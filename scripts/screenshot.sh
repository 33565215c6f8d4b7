#!/usr/bin/env bash
# Builds the page and saves docs/screenshot.png: the first desktop screen (1280x900) once the
# example is analysed, as the end-to-end test sees it in headless Chromium. Pastes in Chinese
# need a CJK font to show (Debian: fonts-wqy-zenhei).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh </dev/null
. scripts/env.sh
trunk build --release </dev/null
cargo build --offline --quiet --bin wiretrace
mkdir -p docs
WIRETRACE_SCREENSHOT="$PWD/docs/screenshot.png" \
    cargo test --offline -p wiretrace-e2e --test ui the_first_screen -- --nocapture
