#!/usr/bin/env bash
# Prints the size of the built page in dist/ (or the folder given): each wasm, js and css file,
# raw and compressed (brotli when the `brotli` tool is installed, else gzip), then two totals:
# what the page loads to open, and what its analysis worker loads on the first Analyze.
set -euo pipefail
cd "${1:-$(dirname "$0")/../dist}"
if command -v brotli >/dev/null; then method=brotli; squeeze() { brotli -c -q 11 "$1" | wc -c; }
else method=gzip; squeeze() { gzip -c -9 "$1" | wc -c; }; fi
declare -A raw_total=() packed_total=()
for file in *.wasm *.js *.css; do
    [ -e "$file" ] || continue
    raw=$(wc -c <"$file"); packed=$(squeeze "$file")
    printf 'bundle: %-40s %8d bytes raw, %8d bytes %s\n' "$file" "$raw" "$packed" "$method"
    # Trunk names the worker's files after its binary, without a hash.
    case "$file" in wiretrace-worker*) part=worker ;; *) part=page ;; esac
    raw_total[$part]=$(( ${raw_total[$part]:-0} + raw )); packed_total[$part]=$(( ${packed_total[$part]:-0} + packed ))
done
for part in page worker; do
    [ -n "${raw_total[$part]:-}" ] || continue
    printf 'bundle: %-40s %8d bytes raw, %8d bytes %s\n' "total $part" "${raw_total[$part]}" "${packed_total[$part]}" "$method"
done
