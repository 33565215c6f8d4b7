#!/usr/bin/env python3
"""Fits data/checkable_model.tsv: which unattributed clauses are claims (src/claims/checkable.rs).

usage: train_checkable.py [--mirror PATH] [--tools DIR] [--features BIN] [--out FILE] [--held-out dev]

Runs the `claim_features` example (every candidate claim with the features of
claims::checkable) on PolNeAR's train compartment, labels each unattributed statement that names
nobody and holds no figure or date by whether it overlaps the content of some annotated attribution, and fits a logistic regression
(L2, Newton's method). The threshold is the one that maximises the attribution F1 the shared
scorer measures (quote and statement mentions against the gold contents), computed on claims
article by article from predictions out of 5 folds of articles; the model written is then fitted
on the whole compartment. `--held-out dev` prints the same numbers on the dev compartment (never
fitted on). The test compartment is never read. Standard library only.
"""
import argparse
import functools
import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
L2 = 1.0


def load(tools, mirror_path, split, features_bin):
    """Candidate claims of one compartment: dicts with features, kind, labels."""
    sys.path.insert(0, tools)
    import attrib_eval as ae
    import polnear_common as pc
    mirror = pc.Mirror(mirror_path)
    arts = [a for a in pc.load_articles(mirror, (split,)) if a["ann_path"]]
    rows = []
    n_gold = 0
    with tempfile.TemporaryDirectory(prefix="checkable-") as tmp:
        golds, paths = {}, []
        for i, a in enumerate(arts):
            raw = mirror.read(a["text_path"])
            text = raw.decode("utf-8")
            offsets = pc.char_to_byte_map(text)
            gold = ae.parse_ann(mirror.read(a["ann_path"]).decode("utf-8"), text)
            for g in gold:
                g["content"] = [(offsets[s], offsets[e]) for s, e in g["content"]]
                g["len"] = sum(e - s for s, e in g["content"])
            path = os.path.join(tmp, f"a{i:04d}.txt")
            with open(path, "wb") as f:
                f.write(raw)
            golds[path] = [(a["filename"], j, g) for j, g in enumerate(gold) if g["len"] > 0]
            n_gold += len(golds[path])
            paths.append(path)
        mirror.close()
        for start in range(0, len(paths), 100):
            out = subprocess.run([features_bin] + paths[start:start + 100], capture_output=True, check=True).stdout
            for line in out.decode("utf-8").splitlines():
                c = json.loads(line)
                if c["headline"] or c["kind"] not in ("quote", "statement"):
                    continue  # headline claims join no cluster on their own; figures are not scored
                s, e = c["span"]
                gold = golds[c["file"]]
                overlaps = [ae.overlap(g["content"], s, e) for _, _, g in gold]
                rows.append({
                    "article": gold[0][0] if gold else c["file"],
                    "judged": c["kind"] == "statement" and not c["attributed"] and not c["fact"],
                    "x": c["features"],
                    "overlaps": any(overlaps),
                    "inside": any(ov >= 0.5 * (e - s) for ov in overlaps),
                    "covers": {(fn, j) for (fn, j, g), ov in zip(gold, overlaps) if ov >= 0.5 * g["len"]},
                })
    return rows, n_gold


def solve(a, b):
    """a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(n):
            if r != col and m[col][col]:
                f = m[r][col] / m[col][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col])]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(xs, ys, iterations=12):
    """L2-regularised logistic regression (the bias unpenalised) by Newton's method."""
    k = len(xs[0])
    w = [0.0] * k
    for _ in range(iterations):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y in zip(xs, ys):
            p = sigmoid(sum(a * b for a, b in zip(w, x)))
            d, v = p - y, p * (1 - p)
            for i, xi in enumerate(x):
                if xi:
                    grad[i] += d * xi
                    vi = v * xi
                    row = hess[i]
                    for j, xj in enumerate(x):
                        if xj:
                            row[j] += vi * xj
        for i in range(1, k):
            grad[i] += L2 * w[i]
            hess[i][i] += L2
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def predict(w, x):
    return sigmoid(sum(a * b for a, b in zip(w, x)))


def f1(rows, n_gold, keep):
    kept = [r for r in rows if keep(r)]
    if not kept:
        return 0.0, 0.0, 0.0
    covered = set().union(*(r["covers"] for r in kept))
    p = sum(r["inside"] for r in kept) / len(kept)
    r = len(covered) / n_gold
    return r, p, 2 * p * r / (p + r) if p + r else 0.0


def auc(pairs):
    """Area under the ROC curve of (probability, label) pairs."""
    pairs = sorted(pairs)
    pos = sum(y for _, y in pairs)
    neg = len(pairs) - pos
    rank_sum = sum(i + 1 for i, (_, y) in enumerate(pairs) if y)
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg) if pos and neg else 0.0


def best_threshold(rows, n_gold):
    grid = [t / 100 for t in range(0, 100, 2)]
    scored = [(f1(rows, n_gold, lambda r, t=t: not r["judged"] or r["p"] >= t), t) for t in grid]
    return max(scored, key=lambda s: s[0][2])


def report(name, rows, n_gold, t):
    judged = [r for r in rows if r["judged"]]
    print(f"{name}: {len(judged)} unattributed statements of {len(rows)} quote/statement claims, "
          f"{sum(r['overlaps'] for r in judged)} overlap a gold content; AUC "
          f"{auc([(r['p'], r['overlaps']) for r in judged]):.3f}")
    for label, keep in (("keep all", lambda r: True), (f"threshold {t:.2f}", lambda r: not r["judged"] or r["p"] >= t)):
        rec, prec, f = f1(rows, n_gold, keep)
        print(f"  {label:15} R {rec:.3f} P {prec:.3f} F1 {f:.3f} (claims article by article, before matching)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--mirror", default=os.environ.get("POLNEAR_MIRROR", ""))
    ap.add_argument("--tools", default=os.path.join(ROOT, "..", "shared", "tools", "polnear"))
    ap.add_argument("--features", default=os.path.join(ROOT, "target", "release", "examples", "claim_features"))
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "checkable_model.tsv"))
    ap.add_argument("--held-out", default="", help="a compartment to report on, never fitted on (dev)")
    args = ap.parse_args()
    names = features_names()
    rows, n_gold = load(args.tools, args.mirror, "train", args.features)
    fold = lambda r: int(hashlib.sha1(r["article"].encode()).hexdigest(), 16) % 5
    for k in range(5):
        train = [r for r in rows if r["judged"] and fold(r) != k]
        w = fit([r["x"] for r in train], [float(r["overlaps"]) for r in train])
        for r in rows:
            if fold(r) == k:
                r["p"] = predict(w, r["x"])
    (rec, prec, f), t = best_threshold(rows, n_gold)
    report("train, 5-fold out-of-fold predictions", rows, n_gold, t)
    judged = [r for r in rows if r["judged"]]
    w = fit([r["x"] for r in judged], [float(r["overlaps"]) for r in judged])
    if args.held_out:
        held, n_held = load(args.tools, args.mirror, args.held_out, args.features)
        for r in held:
            r["p"] = predict(w, r["x"])
        report(f"{args.held_out} (held out)", held, n_held, t)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# The weights of src/claims/checkable.rs (feature<TAB>weight), then the probability below which\n"
                "# an unattributed clause is no claim. Written by scripts/train_checkable.py; do not edit by hand.\n")
        for name, weight in zip(names, w):
            f.write(f"{name}\t{weight:.4f}\n")
        f.write(f"threshold\t{t:.2f}\n")
    print("weights:", ", ".join(f"{n} {x:+.2f}" for n, x in zip(names, w)), f"threshold {t:.2f}")


@functools.cache
def features_names():
    """The feature names in src/claims/checkable.rs's FEATURES order."""
    src = open(os.path.join(ROOT, "src", "claims", "checkable.rs"), encoding="utf-8").read()
    block = src.split("pub const FEATURES: &[&str] = &[", 1)[1].split("];", 1)[0]
    return [line.strip().strip(",").strip('"') for line in block.splitlines() if line.strip()]


if __name__ == "__main__":
    main()
