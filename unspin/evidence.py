"""Evidence: how strongly a whole document shows the marks of a spinner.

High-precision (safe tier) hits are counted per 1,000 words.  A document
counts as spun when it has enough of them, from more than one entry, so that a
single coincidence in clean prose never unlocks the contextual tier.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Measured with bench/clean_hits.py (numbers in lexicons/README.md): no 40-line
# piece of 1.08M words of clean prose has safe hits from two entries, and the
# densest has 3.6 per 1,000 words from one; spun news articles show 13-97.
MIN_DENSITY = 2.0
MIN_DISTINCT_ENTRIES = 2
# A short story often shows one safe hit only.  It counts as spun when, besides
# that hit, contextual entries of this many kinds find their own conditions
# met.  Measured with `bench/clean_hits.py --lines 40|10|5`: clean pieces with
# a safe hit have at most 1 such entry (pieces without one, up to 10, which is
# why the safe hit is needed too); the spun news texts have 3 to 85.
MIN_SUPPORTING_ENTRIES = 3

# Counting words is on the hot path of every repair: a match object per word
# costs more than the whole Aho-Corasick scan.  So each character is reduced to
# its class, a word byte or a space, and word starts are counted in C.  ASCII is
# classified by a byte table; the (rare) runs of other characters by the codec
# error handler below, one call per run.
_WORD_CHAR = re.compile(r"\w")
_WORD_BYTE, _OTHER_BYTE = b"w", b" "
_CLASS_OF_BYTE = bytes(_WORD_BYTE[0] if _WORD_CHAR.match(chr(b)) else _OTHER_BYTE[0] for b in range(128))
_CLASS_OF_BYTE += _OTHER_BYTE * 128  # never looked up: the text is ASCII by then
_CLASSIFY_NON_ASCII = "unspin.word-classes"


def _classify_non_ascii(error: UnicodeEncodeError):
    run = error.object[error.start : error.end]
    return "".join("w" if _WORD_CHAR.match(char) else " " for char in run), error.end


codecs.register_error(_CLASSIFY_NON_ASCII, _classify_non_ascii)


def count_words(text: str) -> int:
    """How many runs of word characters the text has: what `re.findall(r"\\w+", text)` counts."""
    classes = text.encode("ascii", _CLASSIFY_NON_ASCII).translate(_CLASS_OF_BYTE)
    return classes.count(_OTHER_BYTE + _WORD_BYTE) + classes.startswith(_WORD_BYTE)


@dataclass(frozen=True)
class SpinEvidence:
    words: int
    hits: int
    distinct: int
    # Contextual entries whose conditions besides spin evidence hold; only
    # counted where it can decide (one safe entry, dense enough).
    supporting: int = 0

    @property
    def density(self) -> float:
        """Safe-tier hits per 1,000 words."""
        return 1000.0 * self.hits / self.words if self.words else 0.0

    @property
    def spun(self) -> bool:
        if self.density < MIN_DENSITY:
            return False
        return self.distinct >= MIN_DISTINCT_ENTRIES or (self.distinct > 0 and self.supporting >= MIN_SUPPORTING_ENTRIES)

    @property
    def needs_support(self) -> bool:
        """Would contextual support decide whether the document is spun?"""
        return 0 < self.distinct < MIN_DISTINCT_ENTRIES and self.density >= MIN_DENSITY


def measure(text: str, safe_hits) -> SpinEvidence:
    """Evidence from the safe-tier candidates that context accepted."""
    hits = list(safe_hits)
    return SpinEvidence(count_words(text), len(hits), len({c.entry.id for c in hits}))
