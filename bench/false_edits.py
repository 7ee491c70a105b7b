"""False edits on clean prose: words changed per 10,000 words, as `unspin fix FILE` would change them.

Each file is one document (evidence is measured over the whole file).  Every
change is listed with its rule and reason, so a regression can be traced.

    python bench/false_edits.py corpora/clean/*.txt ../shared/data/clean/*.txt [--level contextual] [--no-infer] [--ngram]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from unspin import Unspinner  # noqa: E402
from unspin.context import DEFAULT_LEVEL, LEVELS  # noqa: E402
from unspin.evidence import count_words  # noqa: E402
from unspin.score import words  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--level", choices=LEVELS, default=DEFAULT_LEVEL)
    parser.add_argument("--no-infer", action="store_true", help="switch inference of unlisted phrases off")
    parser.add_argument("--ngram", action="store_true", help="with the n-gram model (Config(ngram=True))")
    parser.add_argument("--show", type=int, default=30, help="how many changes to list")
    args = parser.parse_args(argv)
    unspinner = Unspinner(level=args.level, infer=not args.no_infer, ngram=args.ngram)
    total_words = total_changed = 0
    listed = 0
    for path in args.paths:
        text = Path(path).read_text(encoding="utf-8")
        result = unspinner.analyze(text)
        changed = sum(len(words(change.before)) for change in result.changes)
        total_words += count_words(text)
        total_changed += changed
        print(f"{Path(path).name}: {count_words(text)} words, {changed} changed, spun={result.evidence.spun}")
        for change in result.changes:
            if listed < args.show:
                listed += 1
                print(f"  {' '.join(change.before.split())!r} -> {change.after!r} [{change.rule}] {change.reason}")
    rate = 10000 * total_changed / total_words if total_words else 0.0
    print(f"total: {total_words} words, {total_changed} changed = {rate:.2f} per 10,000 words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
