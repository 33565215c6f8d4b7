#!/usr/bin/env python3
"""Body scores on the clipboard corpus (text/plain alone, then with its text/html), on the
development part and on the held-out part, with the shared scorer (clean_eval.py) unchanged.

usage: clipboard_eval.py SHARED BIN

The split is fixed by the page id: a page is held out when the first byte of sha256(id) is
divisible by 4 (23 of the 91 pages). Rules are written looking at the other part only.
The with-HTML run pairs each text/plain paste with its page's text/html through
`wiretrace analyze --json PASTE --html HTML`; a page whose clipboard carried no HTML is scored
on its text alone.
"""
import hashlib, json, os, subprocess, sys, tempfile

def held_out(row):
    return hashlib.sha256(row["id"].encode()).digest()[0] % 4 == 0

def with_html(corpus, bin_, paste):
    """The CMD clean_eval.py runs for the with-HTML score: finds the page by its text/plain."""
    text = open(paste, encoding="utf-8").read()
    html = next((r["html"] for r in map(json.loads, open(corpus, encoding="utf-8")) if r["pasted"] == text), "")
    if not html:
        os.execv(bin_, [bin_, "analyze", "--json", paste])
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as f:
        f.write(html)
    try:
        sys.stdout.buffer.write(subprocess.run([bin_, "analyze", "--json", paste, "--html", f.name], capture_output=True).stdout)
    finally:
        os.unlink(f.name)

def main():
    if sys.argv[1] == "--with-html":
        return with_html(*sys.argv[2:5])
    shared, bin_ = sys.argv[1], sys.argv[2]
    rows = [json.loads(l) for l in open(os.path.join(shared, "corpus", "pasted-clipboard-dev.jsonl"), encoding="utf-8")]
    scorer = os.path.join(shared, "tools", "clean_eval.py")
    with tempfile.TemporaryDirectory() as tmp:
        for part, keep in (("development", False), ("held-out", True)):
            corpus = os.path.join(tmp, part + ".jsonl")
            with open(corpus, "w", encoding="utf-8") as f:
                chosen = [r for r in rows if held_out(r) == keep]
                f.writelines(json.dumps(r) + "\n" for r in chosen)
            for form, cmd in (("text only", [bin_, "analyze", "--json"]),
                              ("with HTML", [sys.executable, __file__, "--with-html", corpus, bin_])):
                out = subprocess.run([sys.executable, scorer, corpus] + cmd, capture_output=True, text=True).stdout
                print(f"{part} ({len(chosen)} pages, {sum(1 for r in chosen if r['html'])} with HTML), {form}: " + " ".join(out.split("\n")[1:2]))
            sys.stdout.flush()

if __name__ == "__main__":
    main()
