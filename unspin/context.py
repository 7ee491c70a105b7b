"""Context: decide whether a candidate is repaired, and say why.

A candidate is kept when its entry's tier is enabled at the chosen level and
every context condition of the entry holds: the words just before and after,
inside or outside a quotation, the document's spin evidence, and other terms
the document must contain.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

import regex

from .lexicon import TIERS, ContextPattern, Entry
from .matcher import Candidate, fold_text

LEVELS = TIERS
DEFAULT_LEVEL = "contextual"

# How much text the before/after patterns see: enough for a few words.
WINDOW = 80

_OPEN_QUOTES = "“«"
_CLOSE_QUOTES = "”»"


class Document:
    """What context needs to know about the whole text."""

    def __init__(self, text: str, spun: bool):
        self.text = text
        self.spun = spun
        self._has = {}

    def inside_quotation(self, position: int) -> bool:
        return inside_quotation(self.text, position)

    @functools.cached_property
    def folded(self) -> str:
        return fold_text(self.text)

    def has(self, term: str) -> bool:
        """Does the document contain `term` (a folded form) as whole words?"""
        if term not in self._has:
            self._has[term] = term_pattern(term).search(self.folded) is not None
        return self._has[term]


@functools.lru_cache(maxsize=1024)
def term_pattern(term: str) -> regex.Pattern:
    """Whole-word search for a folded `document_has` term in folded text."""
    return regex.compile(r"(?<!\w)" + regex.escape(term).replace("\\ ", r"\s+") + r"(?!\w)")


def tier_enabled(tier: str, level: str) -> bool:
    return TIERS.index(tier) <= LEVELS.index(level)


@dataclass(frozen=True)
class QuoteState:
    """Quotation marks counted since the start of a paragraph."""

    typographic: int = 0  # opening minus closing typographic quotes
    straight: int = 0  # straight double quotes

    @property
    def inside(self) -> bool:
        return self.typographic > 0 or self.straight % 2 == 1

    def add(self, text: str, start: int, end: int) -> "QuoteState":
        """The state after text[start:end]."""
        opened = sum(text.count(q, start, end) for q in _OPEN_QUOTES)
        closed = sum(text.count(q, start, end) for q in _CLOSE_QUOTES)
        return QuoteState(self.typographic + opened - closed, self.straight + text.count('"', start, end))


def inside_quotation(text: str, position: int) -> bool:
    """Is `position` inside a quotation opened earlier in the same paragraph?"""
    paragraph_start = max(text.rfind("\n\n", 0, position), text.rfind("\r\n\r\n", 0, position), 0)
    return QuoteState().add(text, paragraph_start, position).inside


def _holds(pattern: Optional[ContextPattern], window: str) -> Optional[bool]:
    if pattern is None:
        return None
    try:
        return pattern.search(window)
    except TimeoutError:
        # A pattern that cannot decide in time does not allow a change.
        return None


def decide(candidate: Candidate, document: Document, level: str) -> Optional[str]:
    """The reason to repair the candidate, or None to leave it alone."""
    entry: Entry = candidate.entry
    if not tier_enabled(entry.tier, level):
        return None
    context = entry.context
    text = document.text
    reasons = []
    if context.evidence:
        if not document.spun:
            return None
        reasons.append("document shows spin")
    if context.before or context.not_before:
        window = text[max(0, candidate.start - WINDOW) : candidate.start]
        if context.before is not None:
            if not _holds(context.before, window):
                return None
            reasons.append("preceded by the required context")
        if context.not_before is not None and _holds(context.not_before, window) is not False:
            return None
    if context.after or context.not_after:
        window = text[candidate.end : candidate.end + WINDOW]
        if context.after is not None:
            if not _holds(context.after, window):
                return None
            reasons.append("followed by the required context")
        if context.not_after is not None and _holds(context.not_after, window) is not False:
            return None
    if context.quotes != "any":
        inside = document.inside_quotation(candidate.start)
        if inside != (context.quotes == "inside"):
            return None
        reasons.append(f"{context.quotes} a quotation")
    if context.document_has:
        found = [term for term in context.document_has if document.has(term)]
        if not found:
            return None
        reasons.append(f"document also has {found[0]!r}")
    kind = {"safe": "known spun form", "contextual": "spun form in context", "aggressive": "aggressive rule"}[entry.tier]
    return "; ".join([kind] + reasons)
