"""How many rows of a screener's fingerprint list the curated lexicons alone restore.

The curated scholarly lexicons are written without reading the shared list,
so the rows they restore are the nearest measure we have of how they fare
on fingerprints that no list holds.  Each row's first spun form is put in
a neutral sentence and repaired by the built-in lexicons only (no import,
no inference), with the document taken as spun so that contextual entries
may act:

* changed: the sentence was changed at all;
* restored: it became the row's canonical sentence without its notes in
  parentheses, compared as bench/infer_eval.py compares (case, hyphens,
  punctuation and plural endings aside).

    python bench/curated_coverage.py ../shared/data/tortured_phrases.tsv [--misses N]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from infer_eval import load_rows, same_restoration  # noqa: E402
from unspin import Unspinner  # noqa: E402


# A curator's note in the canonical column, e.g. "back propagation (BP)".
NOTE = re.compile(r"\s*\([^()]*\)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("fingerprints", type=Path, help="a screener's export (.tsv / .csv)")
    parser.add_argument("--misses", type=int, default=0, help="print this many rows left unchanged")
    args = parser.parse_args(argv)
    rows = load_rows(args.fingerprints)
    unspinner = Unspinner(assume_spun=True)
    changed = restored = 0
    missed = []
    for row in rows:
        text = f"In this study, {row.spun[0]} was considered."
        expected = f"In this study, {NOTE.sub('', row.canonical)} was considered."
        repaired = unspinner.repair(text)
        if repaired == text:
            missed.append(row.spun[0])
            continue
        changed += 1
        restored += same_restoration(repaired, expected)
    total = len(rows)
    print(f"{total} rows: {changed} changed ({100 * changed / total:.1f}%), {restored} restored ({100 * restored / total:.1f}%)")
    for form in missed[: args.misses]:
        print(f"  unchanged: {form}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
