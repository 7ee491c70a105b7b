"""Evidence: how strongly a whole document shows the marks of a spinner.

High-precision (safe tier) hits are counted per 1,000 words.  A document
counts as spun when it has enough of them, from more than one entry, so that a
single coincidence in clean prose never unlocks the contextual tier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Measured with bench/clean_hits.py (numbers in lexicons/README.md): no 40-line
# piece of 1.27M words of clean prose has safe hits from two entries, and the
# densest has 3.6 per 1,000 words from one; spun news articles show 18-62.
MIN_DENSITY = 2.0
MIN_DISTINCT_ENTRIES = 2

_WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


@dataclass(frozen=True)
class SpinEvidence:
    words: int
    hits: int
    distinct: int

    @property
    def density(self) -> float:
        """Safe-tier hits per 1,000 words."""
        return 1000.0 * self.hits / self.words if self.words else 0.0

    @property
    def spun(self) -> bool:
        return self.distinct >= MIN_DISTINCT_ENTRIES and self.density >= MIN_DENSITY


def measure(text: str, safe_hits) -> SpinEvidence:
    """Evidence from the safe-tier candidates that context accepted."""
    hits = list(safe_hits)
    return SpinEvidence(count_words(text), len(hits), len({c.entry.id for c in hits}))
