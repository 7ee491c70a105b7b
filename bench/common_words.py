"""Build unspin/common-words.txt: the words of ordinary English prose, for inference's plausibility check.

A word seen at least --min-count times in the given clean prose is common.
Inference trusts a single swapped word only next to words that are not
common (a technical anchor: "Fourier change", "dielectric steady"); next to
common words ("shortest way", "blood stream") one swap is too often plain
English.  Built from the repository's clean corpora (public domain and OANC
texts); the other clean texts in ../shared stay held out for measuring.

    python bench/common_words.py corpora/clean/*.txt > unspin/common-words.txt
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args(argv)
    counts = Counter()
    for path in args.paths:
        counts.update(_WORD.findall(Path(path).read_text(encoding="utf-8").lower().replace("’", "'")))
    print("# Words of ordinary English prose (built by bench/common_words.py from the repository's clean corpora)")
    for word in sorted(w for w, n in counts.items() if n >= args.min_count):
        print(word)
    return 0


if __name__ == "__main__":
    sys.exit(main())
