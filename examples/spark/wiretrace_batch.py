"""wiretrace batch as a Spark job: story lines in, one report line per story out.

The story lines (JSON Lines, as `wiretrace batch` and `wiretrace group` read and write) are
read from files, each partition is piped through the same `wiretrace batch` binary (a map step
over partitions), and the report lines are written as text files, in input order (part-00000,
part-00001, ...). Concatenated, they are byte for byte what `wiretrace batch` writes for the
same input, error records included (each partition tells the binary its first line number);
only a line that is not UTF-8 differs in its error's words, as Spark reads text as UTF-8 and
replaces a bad byte before the binary sees it.

    spark-submit --files target/release/wiretrace examples/spark/wiretrace_batch.py \\
        --binary wiretrace INPUT... OUTPUT_DIR

The binary is found as given (a path), else among the files shipped with --files, else on the
PATH of the executors.
"""

import argparse
import os
import shutil
import subprocess
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession

# Exit statuses of `wiretrace batch` that still produced every record (1: some were errors).
DONE = (0, 1)


def resolve_binary(name):
    """The path of the wiretrace binary on this executor."""
    if os.path.isfile(name):
        return os.path.abspath(name)
    shipped = SparkFiles.get(os.path.basename(name))
    if os.path.isfile(shipped):
        # Files shipped with --files may arrive without their execute bit.
        os.chmod(shipped, 0o755)
        return shipped
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"no wiretrace binary {name!r} on this executor (ship it with --files)")
    return found


def batch_partition(binary, jobs):
    """A mapPartitions step: (line bytes, index) pairs in, report lines out, in order."""

    def run(pairs):
        pairs = iter(pairs)
        first = next(pairs, None)
        if first is None:
            return
        command = [resolve_binary(binary), "batch", "-j", str(jobs), "--first-line", str(first[1] + 1)]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

        def feed():
            # Written from a thread: the binary's output is read while its input is still coming.
            try:
                process.stdin.write(first[0] + b"\n")
                for line, _ in pairs:
                    process.stdin.write(line + b"\n")
            finally:
                process.stdin.close()

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        for line in process.stdout:
            yield line.rstrip(b"\n").decode("utf-8")
        feeder.join()
        if process.wait() not in DONE:
            raise RuntimeError(f"{' '.join(command)} failed with exit status {process.returncode}")

    return run


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="files of story lines (JSON Lines)")
    parser.add_argument("output", help="directory for the report lines (must not exist)")
    parser.add_argument("--binary", default="wiretrace", help="the wiretrace binary (path or shipped file name)")
    parser.add_argument("--partitions", type=int, default=None, help="minimum number of partitions")
    parser.add_argument("--jobs", type=int, default=1, help="wiretrace batch -j per partition (one core a task)")
    args = parser.parse_args(argv)
    spark = SparkSession.builder.appName("wiretrace-batch").getOrCreate()
    try:
        # Bytes: the lines reach the binary as Spark read them, undecoded in Python.
        lines = spark.sparkContext.textFile(",".join(args.inputs), minPartitions=args.partitions, use_unicode=False)
        reports = lines.zipWithIndex().mapPartitions(batch_partition(args.binary, args.jobs))
        reports.saveAsTextFile(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
