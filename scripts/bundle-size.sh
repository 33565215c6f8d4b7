#!/usr/bin/env bash
# Prints the size of the built page in dist/: each wasm, js and css file, raw and compressed
# (brotli when the `brotli` tool is installed, else gzip).
set -euo pipefail
cd "$(dirname "$0")/../dist"
if command -v brotli >/dev/null; then method=brotli; squeeze() { brotli -c -q 11 "$1" | wc -c; }
else method=gzip; squeeze() { gzip -c -9 "$1" | wc -c; }; fi
for file in *.wasm *.js *.css; do
    [ -e "$file" ] || continue
    printf 'bundle: %-40s %8d bytes raw, %8d bytes %s\n' "$file" "$(wc -c <"$file")" "$(squeeze "$file")" "$method"
done
