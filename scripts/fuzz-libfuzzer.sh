#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer on stable Rust (no cargo-fuzz, no nightly): the same
# targets as `wiretrace-fuzz` (fuzz/src/lib.rs), instrumented with LLVM's SanitizerCoverage
# through stable `-C` flags, and linked with the libFuzzer that libfuzzer-sys compiles (C++).
#   bash scripts/fuzz-libfuzzer.sh TARGET [libFuzzer options...]
# e.g. bash scripts/fuzz-libfuzzer.sh permalink -max_total_time=3600
# TARGET is analyze, permalink or markup. New inputs it finds go to fuzz/artifacts/libfuzzer/TARGET
# (the repository's corpus stays small); crashes to fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz-libfuzzer.sh analyze|permalink|markup [libFuzzer options]}; shift
host=$(rustc -vV | sed -n 's/^host: //p')
# --target keeps the instrumentation off build scripts; its own target dir keeps it off the rest.
RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks --cfg fuzzing" \
    cargo build --offline --release -p wiretrace-fuzz --features libfuzzer --bin "libfuzzer-$target" \
    --target "$host" --target-dir target/libfuzzer
found=fuzz/artifacts/libfuzzer/$target
mkdir -p "$found"
exec "target/libfuzzer/$host/release/libfuzzer-$target" -max_len=4096 -timeout=30 -rss_limit_mb=2048 \
    -artifact_prefix=fuzz/artifacts/ "$@" "$found" "fuzz/corpus/$target"
