"""Compare multi-phrase matching backends on the built-in lexicons' spun forms.

    python bench/matchers.py [--megabytes 20]

Text: the clean corpus repeated to the requested size.  Each backend reports
every whole-word, case-insensitive hit (the raw material of the matcher);
MB/s are of UTF-8 input, measured in one run so they compare as ratios.
"""

import argparse
import re
import time
from pathlib import Path

import ahocorasick_rs

from unspin.lexicon import fold_form, load_lexicons
from unspin.matcher import Matcher, fold_text

ROOT = Path(__file__).resolve().parent.parent


def trie_regex(keys):
    """A stdlib `re` alternation shaped as a trie (shared prefixes factored out)."""
    trie = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node):
        alternatives = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        optional = "" in node
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if optional else body

    return re.compile(r"(?<!\w)(?:" + pattern(trie) + r")(?!\w)")


def timed(label, megabytes, function):
    start = time.perf_counter()
    hits = function()
    seconds = time.perf_counter() - start
    print(f"{label:<44} {megabytes / seconds:7.1f} MB/s  {hits:>9} hits")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20)
    args = parser.parse_args()
    clean = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "clean").glob("*.txt")))
    text = clean * max(1, int(args.megabytes * 1e6 / len(clean.encode())))
    megabytes = len(text.encode()) / 1e6
    entries = [entry for lexicon in load_lexicons() for entry in lexicon.entries]
    keys = sorted({fold_form(form) for entry in entries for form in entry.spun})
    print(f"{len(keys)} spun forms, {megabytes:.1f} MB of text")

    timed(r"re.finditer(r'\w+') (no matching: a ceiling)", megabytes, lambda: sum(1 for _ in re.finditer(r"\w+", text)))
    folded = fold_text(text)
    automaton = ahocorasick_rs.AhoCorasick(keys)
    timed("ahocorasick-rs, overlapping, on folded text", megabytes, lambda: len(automaton.find_matches_as_indexes(folded, overlapping=True)))
    trie = trie_regex(keys)
    timed("stdlib re trie alternation, on folded text", megabytes, lambda: sum(1 for _ in trie.finditer(folded)))
    matcher = Matcher(entries)
    timed("unspin Matcher (fold + automaton + boundaries)", megabytes, lambda: sum(1 for _ in matcher.candidates(text)))


if __name__ == "__main__":
    main()
