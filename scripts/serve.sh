#!/usr/bin/env bash
# Installs what is missing, builds the page and serves it on http://127.0.0.1:8080/ until
# interrupted. Rebuilds when a source file changes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
. scripts/env.sh
echo
echo "serve: open http://127.0.0.1:8080/ (a first visit opens on the example, analysed)."
echo
exec trunk serve --release
