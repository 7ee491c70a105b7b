"""Measure what the lexicons do to clean prose and how spin evidence separates it from spun text.

Clean files are judged in 40-line pieces, as tests/test_clean.py does (a piece is about
one news article; --lines N for other sizes).  Prints, per clean file: words, edits at
the default level, safe-tier hits by entry, the highest spin density of any piece, and
the most contextual entries supporting spin (unspin.evidence) in a piece with a safe hit
and in one without; then the evidence of each spun text.  Run from the repository root:

    python bench/clean_hits.py [--lines N] [CLEAN_FILE_OR_DIR ...]

With no arguments it reads corpora/clean and, when present, ../shared/data/clean.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from unspin import Unspinner, context  # noqa: E402
from unspin.evidence import count_words  # noqa: E402

PIECE_LINES = 40


def pieces(text, lines_per_piece=PIECE_LINES):
    lines = text.splitlines(keepends=True)
    for start in range(0, len(lines), lines_per_piece):
        yield "".join(lines[start : start + lines_per_piece])


def supporting(unspinner, text):
    """How many contextual entries would support spin in `text` (counted here for every piece)."""
    candidates = unspinner.matcher.candidates(text)
    return len(unspinner.supporting_entries(candidates, context.Document(text, spun=True)))


def clean_files(arguments):
    roots = [Path(a) for a in arguments] or [ROOT / "corpora" / "clean", ROOT.parent / "shared" / "data" / "clean"]
    for root in roots:
        if root.is_dir():
            yield from sorted(root.glob("*.txt"))
        elif root.is_file():
            yield root


def spun_files():
    yield ROOT / "corpora" / "seed" / "spun.txt"
    yield from sorted((ROOT / "corpora" / "news").glob("*.spun.txt"))


def main(arguments):
    lines_per_piece = PIECE_LINES
    if arguments[:1] == ["--lines"]:
        lines_per_piece, arguments = int(arguments[1]), arguments[2:]
    default = Unspinner()
    safe_only = Unspinner(level="safe", assume_spun=False)
    header = f"{'file':32} {'words':>8} {'edited':>7} {'per10k':>7} {'maxdens':>8} {'spun pieces':>12}"
    print(f"{header} {'support, safe hit':>17} {'support, none':>13}")
    for path in clean_files(arguments):
        text = path.read_text(encoding="utf-8")
        edited, safe_hits, max_density, spun_pieces = 0, Counter(), 0.0, 0
        support_with_hit = support_without = 0
        for piece in pieces(text, lines_per_piece):
            result = default.analyze(piece)
            edited += sum(len(c.before.split()) for c in result.changes)
            safe_hits.update(f"{c.rule} [{c.before}]" for c in safe_only.scan(piece))
            max_density = max(max_density, result.evidence.density)
            spun_pieces += result.evidence.spun
            if result.evidence.distinct:
                support_with_hit = max(support_with_hit, supporting(default, piece))
            else:
                support_without = max(support_without, supporting(default, piece))
        words = count_words(text)
        row = f"{path.name:32} {words:8d} {edited:7d} {10_000 * edited / words:7.2f} {max_density:8.2f} {spun_pieces:12d}"
        print(f"{row} {support_with_hit:17d} {support_without:13d}")
        for rule, count in safe_hits.most_common():
            print(f"    safe hit {count:4d}  {rule}")
    print()
    print(f"{'spun text':32} {'words':>8} {'hits':>5} {'entries':>7} {'density':>8} {'support':>7} {'spun':>5}")
    for path in spun_files():
        text = path.read_text(encoding="utf-8")
        found = default.spin_evidence(text)
        print(
            f"{path.name:32} {found.words:8d} {found.hits:5d} {found.distinct:7d} {found.density:8.2f}"
            f" {supporting(default, text):7d} {str(found.spun):>5}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
