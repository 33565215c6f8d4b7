"""The Spark job in local mode gives exactly the bytes of `wiretrace batch` on the same input.

Run by `make test` (scripts/test.sh): `python3 -m unittest -v examples/spark/test_spark.py`.
WIRETRACE_BIN names the binary (default target/debug/wiretrace).
"""

import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BINARY = os.environ.get("WIRETRACE_BIN", os.path.join(ROOT, "target", "debug", "wiretrace"))
BUNDLES = os.path.join(ROOT, "tests", "fixtures", "bundles")


def story_line(bundle, names):
    articles = []
    for name in names:
        with open(os.path.join(BUNDLES, bundle, name), encoding="utf-8") as f:
            articles.append({"name": name, "text": f.read()})
    return json.dumps({"id": f"{bundle}:{len(names)}", "articles": articles})


def stories():
    """Story lines from the bundles, a line that is not a story and a blank line."""
    lines = []
    for bundle in sorted(os.listdir(BUNDLES)):
        folder = os.path.join(BUNDLES, bundle)
        if not os.path.isdir(folder):
            continue
        names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
        for count in range(1, len(names) + 1):
            lines.append(story_line(bundle, names[:count]).encode())
    lines.insert(3, b"{not a story")
    lines.insert(12, b"")
    return lines


def run_both(tmp, lines):
    """`wiretrace batch` on the lines, and the Spark job on them split into two files."""
    half = len(lines) // 2
    inputs = []
    for i, part in enumerate([lines[:half], lines[half:]]):
        path = os.path.join(tmp, f"stories-{i}.jsonl")
        with open(path, "wb") as f:
            f.write(b"".join(line + b"\n" for line in part))
        inputs.append(path)
    batch = subprocess.run([BINARY, "batch"], input=b"".join(line + b"\n" for line in lines), capture_output=True)
    out = os.path.join(tmp, "reports")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    job = [sys.executable, os.path.join(HERE, "wiretrace_batch.py"), "--binary", BINARY, "--partitions", "4", *inputs, out]
    run = subprocess.run(job, env=env, capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        raise AssertionError(f"the Spark job failed: {run.stderr[-4000:]}")
    parts = sorted(glob.glob(os.path.join(out, "part-*")))
    spark = b""
    for part in parts:
        with open(part, "rb") as f:
            spark += f.read()
    return batch, spark, len(parts)


class SparkJobTest(unittest.TestCase):
    def test_spark_output_equals_batch(self):
        lines = stories()
        with tempfile.TemporaryDirectory() as tmp:
            batch, spark, parts = run_both(tmp, lines)
        self.assertEqual(batch.returncode, 1, batch.stderr)  # the line that is not a story
        self.assertGreater(parts, 1, "the job ran in several partitions")
        self.assertEqual(spark, batch.stdout)
        records = [json.loads(line) for line in spark.splitlines()]
        self.assertEqual(len(records), len([line for line in lines if line.strip()]))
        self.assertEqual([r["at"] for r in records if "error" in r], ["line 4"])
        self.assertEqual(records[0]["id"], "afcon-final-2024:1")

    def test_a_line_not_utf8_is_an_error_record_at_its_line(self):
        # Spark reads text as UTF-8, replacing a bad byte (U+FFFD), so the record says "not a
        # story" where batch says "not UTF-8": the same line, refused either way.
        lines = stories()[:6]
        lines.insert(4, b"\xff\xfe")
        with tempfile.TemporaryDirectory() as tmp:
            batch, spark, _ = run_both(tmp, lines)
        ours = [json.loads(line) for line in batch.stdout.splitlines()]
        theirs = [json.loads(line) for line in spark.splitlines()]
        self.assertEqual([r.get("at") for r in theirs], [r.get("at") for r in ours])
        self.assertEqual([r["at"] for r in theirs if "error" in r], ["line 4", "line 5"])
        self.assertIn("not UTF-8", ours[4]["error"])
        self.assertEqual([r.get("report") for r in theirs], [r.get("report") for r in ours])


if __name__ == "__main__":
    unittest.main()
