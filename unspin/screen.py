"""Screen: evidence of tortured phrases in a document, for research-integrity investigators.

For each document: every hit with its place, its context, the replacement and
what produced it - a curated lexicon entry (`listed`), a row of an imported
fingerprint export (`imported`), or inference with its score (`inferred`) -;
hits per 1,000 words; distinct fingerprints; and a risk band.

Risk bands (thresholds below).  One tortured phrase can be a coincidence or
a quotation; paper-mill products show many different ones.  On the clean
prose corpora (1.08 million words) the default level makes about one change
per 80,000 words, so two distinct fingerprints in one paper are already
unlikely by chance, and five practically impossible.

| band   | holds when |
|--------|------------|
| none   | no hit |
| low    | hits from one fingerprint only |
| medium | at least 2 distinct fingerprints |
| high   | at least 5 distinct fingerprints, or at least 3 at 2 or more hits per 1,000 words |
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import List, Optional, Tuple

from .api import Unspinner
from .findings import LinePosition, one_line
from .infer import INFERRED_TIER
from .repair import entry_ids

MEDIUM_DISTINCT = 2
HIGH_DISTINCT = 5
HIGH_DENSE_DISTINCT = 3
HIGH_DENSITY = 2.0

# Characters of text shown on each side of a hit.
CONTEXT_CHARS = 60


@dataclass(frozen=True)
class Hit:
    line: int
    column: int
    start: int
    end: int
    phrase: str
    replacement: str
    source: str  # listed | imported | inferred
    rule: str
    reason: str
    context: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Screening:
    name: str
    words: int
    hits: List[Hit]

    @property
    def per_1000_words(self) -> float:
        return 1000.0 * len(self.hits) / self.words if self.words else 0.0

    @property
    def distinct(self) -> int:
        """Distinct fingerprints: rules for listed and imported hits (each of a
        joined hit's), terms for inferred ones."""
        return len({rule for hit in self.hits for rule in entry_ids(hit.rule)})

    @property
    def band(self) -> str:
        if not self.hits:
            return "none"
        if self.distinct >= HIGH_DISTINCT or (
            self.distinct >= HIGH_DENSE_DISTINCT and self.per_1000_words >= HIGH_DENSITY
        ):
            return "high"
        if self.distinct >= MEDIUM_DISTINCT:
            return "medium"
        return "low"

    def to_dict(self) -> dict:
        return {
            "path": self.name,
            "words": self.words,
            "hits": len(self.hits),
            "per_1000_words": round(self.per_1000_words, 2),
            "distinct_fingerprints": self.distinct,
            "risk": self.band,
            "evidence": [hit.to_dict() for hit in self.hits],
        }

    def to_text(self) -> str:
        lines = [
            f"{self.name}: risk {self.band.upper()}: {len(self.hits)} hits from {self.distinct} distinct fingerprints, "
            f"{self.per_1000_words:.1f} per 1,000 words ({self.words} words)"
        ]
        for hit in self.hits:
            lines.append(
                f"  {self.name}:{hit.line}:{hit.column}: {hit.phrase!r} -> {hit.replacement!r} "
                f"[{hit.source} {hit.rule}: {hit.reason}]"
            )
            lines.append(f"      …{hit.context}…")
        return "\n".join(lines)


_ARTICLE = re.compile(r"(?i)an?\s+")


def _phrase(change) -> Tuple[int, str, str]:
    """Start, phrase and replacement without an article that repair took along for agreement."""
    article = _ARTICLE.match(change.before)
    if article and _ARTICLE.match(change.after):
        return change.start + article.end(), change.before[article.end() :], _ARTICLE.sub("", change.after, count=1)
    return change.start, change.before, change.after


def screen(text: str, unspinner: Optional[Unspinner] = None, name: str = "<text>", **options) -> Screening:
    """The evidence of tortured phrases in `text` (options are those of Config).

    Screening looks for unlisted phrases too: inference is on unless
    `infer=False` is given.
    """
    options.setdefault("infer", True)
    unspinner = unspinner if unspinner is not None else Unspinner(**options)
    imported = {entry.id for lexicon in unspinner.lexicons if lexicon.imported for entry in lexicon.entries}
    hits = []
    position = LinePosition()
    result = unspinner.analyze(text)
    for change in result.changes:
        if change.tier == INFERRED_TIER:
            source = "inferred"
        else:
            source = "imported" if any(rule in imported for rule in change.rules) else "listed"
        start, phrase, replacement = _phrase(change)
        line, column = position.locate(text, start)
        context = text[max(0, start - CONTEXT_CHARS) : change.end + CONTEXT_CHARS]
        hits.append(
            Hit(line, column, start, change.end, one_line(phrase), replacement,
                source, change.rule, change.reason, one_line(context))
        )
    return Screening(name, result.evidence.words, hits)
