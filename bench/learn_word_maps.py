"""Learn the spinner's word maps from a fingerprint export, for unspin/spinner-words.tsv.

Each row whose spun phrase and canonical wording have as many words is
aligned word by word; a pair seen at least --min-count times is written as
`spun word <TAB> canonical word <TAB> count`.  Rows with more spun words are
read as a phrase for one canonical word once the words around it line up
("getting to know" for "learning", unspin.wordmaps.phrase_alignment), written
the same way with the phrase's words separated by spaces.  Only word pairs
and phrases are kept, never the list's rows: the file says how the spinner
swaps words, as a thesaurus would.

    python bench/learn_word_maps.py ../shared/data/tortured_phrases.tsv > unspin/spinner-words.tsv
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from unspin.fingerprints import load_fingerprints  # noqa: E402
from unspin.lexicon import LexiconWarning  # noqa: E402
from unspin.wordmaps import WordMaps  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export")
    parser.add_argument("--min-count", type=int, default=2, help="keep pairs seen at least this often")
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LexiconWarning)
        maps = WordMaps.learn(load_fingerprints(args.export).entries)
    print("# spun word\tcanonical word\tcount (learned by bench/learn_word_maps.py)")
    for spun in sorted(maps.counts):
        for canonical, count in sorted(maps.counts[spun].items()):
            if count >= args.min_count and not spun.isdigit() and not canonical.isdigit():
                print(f"{spun}\t{canonical}\t{count}")
    print("# spun phrase (for one canonical word)\tcanonical word\tcount")
    for phrase in sorted(maps.phrases):
        for canonical, count in sorted(maps.phrases[phrase].items()):
            if count >= args.min_count and not any(word.isdigit() for word in phrase) and not canonical.isdigit():
                print(f"{' '.join(phrase)}\t{canonical}\t{count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
