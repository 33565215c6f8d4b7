#!/usr/bin/env python3
"""Claim matching on real news sentence pairs that people judged the same statement or not
(../shared/pairs/msr-paraphrase-train.tsv, MSR Paraphrase corpus, train split, 4,076 pairs).

usage: pairs_eval.py PAIRS_TSV BIN

Each pair is analysed as one story of two pastes, one sentence each, through `wiretrace batch`
(JSON Lines in, one report per line out): the pair is judged the same statement when one claim
has mentions in both pastes. Nothing of the matcher is fit to this file, so the score printed
first is a held-out score. Then, as a reference for what a threshold fit here could reach, the
pair's strongest cross-paste link score is thresholded with the threshold chosen on nine tenths
and scored on the tenth left out (10-fold cross-validation, folds by line number).
"""
import csv, json, subprocess, sys

FOLDS = 10


def read_pairs(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        return [(int(r[0]), r[3], r[4]) for r in rows if len(r) >= 5]


def analyse(bin_, pairs):
    story = lambda k, a, b: json.dumps({"id": k, "articles": [{"name": "a.txt", "text": a}, {"name": "b.txt", "text": b}]})
    stdin = "\n".join(story(k, a, b) for k, (_, a, b) in enumerate(pairs)) + "\n"
    out = subprocess.run([bin_, "batch"], input=stdin, capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def judge(record):
    """(joined, strongest cross-paste link score) of one story's report."""
    report = record.get("report") or {}
    input_of = {a["id"]: a["input"] for a in report.get("articles", [])}
    joined, best = False, 0.0
    for claim in report.get("claims", []):
        inputs = [input_of.get(m["article"]) for m in claim["mentions"]]
        if 0 in inputs and 1 in inputs:
            joined = True
        for link in claim.get("links", []):
            if inputs[link["a"]] != inputs[link["b"]]:
                best = max(best, link["score"])
    return joined, best


def prf(gold, said):
    tp = sum(g and s for g, s in zip(gold, said))
    fp = sum(s and not g for g, s in zip(gold, said))
    fn = sum(g and not s for g, s in zip(gold, said))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    pairs_path, bin_ = sys.argv[1], sys.argv[2]
    pairs = read_pairs(pairs_path)
    records = sorted(analyse(bin_, pairs), key=lambda r: r["id"])
    if len(records) != len(pairs):
        sys.exit(f"pairs_eval: {len(records)} reports for {len(pairs)} pairs")
    gold = [label == 1 for label, _, _ in pairs]
    judged = [judge(r) for r in records]
    p, r, f = prf(gold, [j for j, _ in judged])
    print(f"pairs {len(pairs)} ({sum(gold)} same): as clustered P {p:.3f} R {r:.3f} F1 {f:.3f}")
    scores = [s for _, s in judged]
    cv_gold, cv_said = [], []
    for fold in range(FOLDS):
        train = [k for k in range(len(pairs)) if k % FOLDS != fold]
        test = [k for k in range(len(pairs)) if k % FOLDS == fold]
        threshold = max(sorted({scores[k] for k in train}), key=lambda t: prf([gold[k] for k in train], [scores[k] >= t for k in train])[2])
        cv_gold += [gold[k] for k in test]
        cv_said += [scores[k] >= threshold for k in test]
    p, r, f = prf(cv_gold, cv_said)
    print(f"pairs: strongest link, threshold by {FOLDS}-fold cross-validation P {p:.3f} R {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()
