#!/usr/bin/env python3
"""Fits matching's STORY_THRESHOLD (src/matching/stories.rs) on unrelated articles only, and
shows what it keeps of articles that tell one story.

usage: fit_story_threshold.py POLNEAR_MIRROR [BUNDLE_DIR...]

PolNeAR's train compartment (real US political news, mostly different stories; the test
compartment is held back and never read) is cut into calls of 50 articles, in the order the
shared crosslink scorer uses, and `examples/story_similarity` gives every pair's similarity.
The threshold is the value that 1 in 100 of those pairs reach (TARGET_SHARE), to two decimals.
Bundle directories (one story each, their gold.json lists the pastes) show the share of
one-story pairs that reach it; they are not used to fit it.
"""
import json, os, subprocess, sys, tempfile
sys.dont_write_bytecode = True
TARGET_SHARE = 0.01
BATCH = 50
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, "..", "shared", "tools", "polnear"))
import polnear_common as pc  # noqa: E402


def similarities(binary, files):
    out = subprocess.run([binary] + files, capture_output=True, check=True, text=True).stdout
    return [float(line.rsplit(" ", 1)[1]) for line in out.splitlines()]


def main():
    mirror, bundles = sys.argv[1], sys.argv[2:]
    subprocess.run(["cargo", "build", "--release", "--offline", "--quiet", "--example", "story_similarity"], cwd=root, check=True)
    binary = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target")), "release", "examples", "story_similarity")
    m = pc.Mirror(mirror)
    arts = pc.sample(pc.load_articles(m, ["train"]), None)
    unrelated = []
    with tempfile.TemporaryDirectory() as tmp:
        for start in range(0, len(arts), BATCH):
            files = []
            for k, a in enumerate(arts[start:start + BATCH]):
                path = os.path.join(tmp, f"{start + k:04d}.txt")
                open(path, "wb").write(m.read(a["text_path"]))
                files.append(path)
            unrelated += similarities(binary, files)
    unrelated.sort()
    threshold = round(unrelated[int((1 - TARGET_SHARE) * (len(unrelated) - 1))], 2)
    print(f"unrelated pairs: {len(unrelated)}; threshold reached by {TARGET_SHARE:.0%} of them: {threshold:.2f}")
    one_story = []
    for d in bundles:
        names = sorted({a["file"] for a in json.load(open(os.path.join(d, "gold.json")))["articles"]})
        one_story += similarities(binary, [os.path.join(d, n) for n in names])
    if one_story:
        kept = sum(s >= threshold for s in one_story) / len(one_story)
        print(f"one-story pairs: {len(one_story)}; reaching it: {kept:.3f}")


if __name__ == "__main__":
    main()
