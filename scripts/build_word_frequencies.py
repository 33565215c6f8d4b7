#!/usr/bin/env python3
"""Writes data/word_frequencies.txt: how common each common English word is, from the PyPI
package wordfreq (Robyn Speer et al.: Wikipedia, subtitles, news, books, the web, merged), as a
Zipf value (log10 of uses per billion words; "the" is about 7.7, "rescue" 4.5).

Matching reads it to tell whether two articles tell one story: words that every article uses
say nothing, rarer ones do. Only words at MIN_ZIPF or above are listed; every other word counts
as rare. MIN_ZIPF was chosen as the smallest table that separates as well as larger ones (3.5,
4.0, 4.5 and 5.0 all give the same separation of one-story and unrelated article pairs; see
ARCHITECTURE.md, matching). One line per Zipf value to a tenth, its words after a tab. Rerun with
    pip install wordfreq==3.1.1
    python3 scripts/build_word_frequencies.py > data/word_frequencies.txt
"""
import collections
import importlib.metadata
import wordfreq

MIN_ZIPF = 4.5
# wordfreq's list is frequency-ordered; 10,000 reaches well below MIN_ZIPF.
CANDIDATES = 10_000


def main():
    by_zipf = collections.defaultdict(list)
    for word in wordfreq.top_n_list("en", CANDIDATES):
        zipf = wordfreq.zipf_frequency(word, "en")
        if zipf >= MIN_ZIPF and word.isalpha():
            by_zipf[round(zipf, 1)].append(word)
    print(f"# Common English words by Zipf frequency (wordfreq {importlib.metadata.version('wordfreq')}, scripts/build_word_frequencies.py);")
    print(f"# words not listed are below {MIN_ZIPF}. One line per value: zipf<TAB>words.")
    for zipf in sorted(by_zipf, reverse=True):
        print(f"{zipf:.1f}\t{' '.join(sorted(by_zipf[zipf]))}")


if __name__ == "__main__":
    main()
