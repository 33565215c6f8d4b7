#!/usr/bin/env bash
# Prints the shared yardstick's numbers for the current code: cleaning on the pasted-pages corpus
# and on the clipboard corpus (text only and with its HTML, on the development and the held-out
# part), the seed scores, and the development bundles. Uses ../shared (the scorers and held data);
# it is a measurement, not a test, so it is not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${WIRETRACE_SHARED:-../shared}
[ -d "$shared/tools" ] || { echo "eval: $shared/tools not found (set WIRETRACE_SHARED)" >&2; exit 2; }
cargo build --release --quiet --bin wiretrace
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/wiretrace
report=$(mktemp)
trap 'rm -f "$report"' EXIT

echo "== Cleaning: pasted pages ($shared/corpus/pasted-pages-dev.jsonl)"
python3 "$shared/tools/clean_eval.py" "$shared/corpus/pasted-pages-dev.jsonl" "$bin" analyze --json

echo "== Cleaning: the clipboard's text/plain alone and with its text/html ($shared/corpus/pasted-clipboard-dev.jsonl)"
python3 scripts/clipboard_eval.py "$shared" "$bin"

echo "== Seeds ($shared/seeds)"
"$bin" analyze --json "$shared"/seeds/*.txt >"$report"
python3 "$shared/tools/score.py" "$shared/seeds/gold.json" "$report" "$shared/seeds"

echo "== Real news sentence pairs judged the same statement or not ($shared/pairs/msr-paraphrase-train.tsv)"
python3 scripts/pairs_eval.py "$shared/pairs/msr-paraphrase-train.tsv" "$bin"

echo "== Development bundles ($shared/bundles)"
python3 "$shared/tools/bundles.py" "$bin" "$shared"/bundles/*/

# PolNeAR (real US political news, hand-annotated attributions and wire credits): its train and dev
# compartments only (the scorers' default; the test compartment is held back). A bare git mirror of
# networkdynamics/PolNeAR is needed: POLNEAR_MIRROR=PATH, or where the search tool's fetch puts it.
polnear=${POLNEAR_MIRROR:-/work/.mirror/networkdynamics+PolNeAR/repo}
if [ -d "$polnear" ]; then
    echo "== PolNeAR credits (train + dev, $polnear)"
    python3 "$shared/tools/polnear/credits_eval.py" --mirror "$polnear" "$bin"
    echo "== PolNeAR attribution (train + dev)"
    python3 "$shared/tools/polnear/attrib_eval.py" --mirror "$polnear" "$bin"
    echo "== PolNeAR unrelated articles analysed together (train + dev)"
    python3 "$shared/tools/polnear/crosslink_eval.py" --mirror "$polnear" "$bin"
else
    echo "== PolNeAR: skipped (no mirror at $polnear; set POLNEAR_MIRROR)"
fi
