#!/usr/bin/env bash
# The counts issue 20 tracks, printed (not a test): word lists of ten or more entries in code,
# month tables, OnceLock<Regex> getters, functions over 80 lines outside tests, and imports that
# run back up to the module orchestrating the importer. Usage: bash scripts/code-metrics.sh [-v] [DIR...]
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 - "$@" <<'PY'
import os, re, sys

verbose = "-v" in sys.argv
roots = [a for a in sys.argv[1:] if a != "-v"] or ["src"]
files = sorted(os.path.join(d, f) for r in roots for d, _, fs in os.walk(r) for f in fs if f.endswith(".rs"))

CHAR = re.compile(r"'(?:\\u\{[0-9a-fA-F]+\}|\\.|[^\\'\n])'")

def blank(src):
    """The source with comments removed and string/char contents replaced by spaces (newlines kept),
    so brackets and braces can be counted; string literals become `"…"` of the same length."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i); j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        elif src.startswith("/*", i):
            j = src.find("*/", i); j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j])); i = j
        elif c == "r" and re.match(r'r#*"', src[i:i+10]) and not (i and (src[i-1].isalnum() or src[i-1] == "_")):
            hashes = re.match(r'r(#*)"', src[i:]).group(1)
            end = src.find('"' + hashes, i + len(hashes) + 2)
            end = n if end < 0 else end + 1 + len(hashes)
            out.append('"' + re.sub(r"[^\n]", " ", src[i+1:end-1]) + '"'); i = end
        elif c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            out.append('"' + re.sub(r"[^\n]", " ", src[i+1:j]) + '"'); i = j + 1
        elif c == "'" and CHAR.match(src, i):
            m = CHAR.match(src, i); out.append("' '" + " " * (m.end() - i - 3)); i = m.end()
        else:
            out.append(c); i += 1
    return "".join(out)

def test_ranges(b):
    """Line ranges of `#[cfg(test)] mod ... { }` blocks."""
    ranges = []
    for m in re.finditer(r"#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{", b):
        depth, j = 1, m.end()
        while j < len(b) and depth:
            depth += {"{": 1, "}": -1}.get(b[j], 0); j += 1
        ranges.append((b.count("\n", 0, m.start()), b.count("\n", 0, j)))
    return ranges

def in_tests(line, ranges):
    return any(a <= line <= b for a, b in ranges)

def top_level_items(body):
    """Top-level comma-separated elements of a bracket's contents."""
    items, depth, cur = [], 0, []
    for c in body:
        if c in "([{": depth += 1
        if c in ")]}": depth -= 1
        if c == "," and depth == 0:
            items.append("".join(cur).strip()); cur = []
        else:
            cur.append(c)
    if "".join(cur).strip(): items.append("".join(cur).strip())
    return items

word_lists, months, getters, long_fns, upward = [], [], [], [], []
MONTH = re.compile(r"(?i)\bfeb(?:ruary|\.)?\b")
for path in files:
    src = open(path, encoding="utf-8").read()
    b = blank(src)
    tests = test_ranges(b)
    lines = src.split("\n")
    # Word lists: bracketed literals of >= 10 elements that are strings or tuples opening with one.
    for m in re.finditer(r"\[", b):
        depth, j = 1, m.end()
        while j < len(b) and depth:
            depth += {"[": 1, "]": -1}.get(b[j], 0); j += 1
        items = top_level_items(b[m.end():j-1])
        words = [x for x in items if x.startswith('"') or re.match(r'\(\s*"', x)]
        line = b.count("\n", 0, m.start())
        if len(items) >= 10 and len(words) == len(items) and not in_tests(line, tests):
            word_lists.append(f"{path}:{line+1} ({len(items)} entries)")
    # Month tables: lines naming February (any language's spelling that starts so), joined when close.
    last = -99
    for k, text in enumerate(lines):
        if MONTH.search(text) and not in_tests(k, tests) and not text.strip().startswith("//"):
            if k - last > 12: months.append(f"{path}:{k+1}")
            last = k
    # OnceLock getters of patterns.
    for k, text in enumerate(lines):
        if re.search(r"OnceLock<\(?(?:Regex|Patterns)", text) and not in_tests(k, tests):
            getters.append(f"{path}:{k+1}: {text.strip()}")
    # Functions over 80 lines.
    for m in re.finditer(r"\bfn\s+(\w+)", b):
        j = m.end(); depth = 0
        while j < len(b) and b[j] not in "{;":
            j += 1
        if j >= len(b) or b[j] == ";": continue
        start = j; depth = 1; j += 1
        while j < len(b) and depth:
            depth += {"{": 1, "}": -1}.get(b[j], 0); j += 1
        first, last_line = b.count("\n", 0, m.start()), b.count("\n", 0, j)
        if last_line - first + 1 > 80 and not in_tests(first, tests):
            long_fns.append(f"{path}:{first+1} {m.group(1)} ({last_line - first + 1} lines)")
    # Upward imports: an item of the parent module (not a sibling module), or of the crate root
    # (lib.rs wires the stages), imported by a stage module.
    here = os.path.dirname(path)
    siblings = {os.path.splitext(f)[0] for f in os.listdir(here)} | {d for d in os.listdir(here) if os.path.isdir(os.path.join(here, d))}
    is_root_child = here == "src"
    root_items = set(re.findall(r"(?m)^pub\s+(?:struct|enum|fn|type|const|static)\s+(\w+)", open("src/lib.rs").read()))
    for mm in re.finditer(r"(?m)^[ \t]*(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", b):
        line = b.count("\n", 0, mm.start())
        if in_tests(line, tests) or path.endswith("lib.rs"): continue
        use = re.sub(r"\s+", "", mm.group(1))
        def names(prefix):
            rest = use[len(prefix):]
            if rest.startswith("{"): return top_level_items(rest[1:-1])
            return [rest]
        bad = []
        if use.startswith("super::") and not path.endswith("mod.rs"):
            bad = [x for x in names("super::") if x.split("::")[0] not in siblings and x != "*"]
        if use.startswith("crate::"):
            bad += [x for x in names("crate::") if x.split("::")[0] in root_items]
            stage = os.path.relpath(here, "src").split(os.sep)[0]
            if not is_root_child and use.startswith(f"crate::{stage}::"):
                bad += [x for x in names(f"crate::{stage}::") if x.split("::")[0] not in siblings]
        for x in bad:
            upward.append(f"{path}:{line+1}: {x} (use {use})")

def show(title, rows):
    print(f"{title}: {len(rows)}")
    if verbose:
        for r in rows: print("   ", r)
show("word lists of >= 10 entries in code", word_lists)
show("month tables", months)
show("OnceLock<Regex> getters", getters)
show("functions over 80 lines outside tests", long_fns)
show("upward imports", upward)
PY
