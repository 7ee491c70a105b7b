"""Context: decide whether a candidate is repaired, and say why.

A candidate is kept when its entry's tier is enabled at the chosen level and
every context condition of the entry holds: the words just before and after,
inside or outside a quotation, the document's spin evidence, and other terms
the document must contain.
"""

from __future__ import annotations

import functools
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

    @functools.cached_property
    def folded(self) -> str:
        return fold_text(self.text)

    def has(self, term: str) -> bool:
        """Does the document contain `term` (a folded form) as whole words?"""
        if term not in self._has:
            pattern = r"(?<!\w)" + regex.escape(term).replace("\\ ", r"\s+") + r"(?!\w)"
            self._has[term] = regex.search(pattern, self.folded) is not None
        return self._has[term]


def tier_enabled(tier: str, level: str) -> bool:
    return TIERS.index(tier) <= LEVELS.index(level)


def inside_quotation(text: str, position: int) -> bool:
    """Is `position` inside a quotation opened earlier in the same paragraph?"""
    paragraph_start = max(text.rfind("\n\n", 0, position), text.rfind("\r\n\r\n", 0, position), 0)
    before = text[paragraph_start:position]
    typographic = sum(before.count(q) for q in _OPEN_QUOTES) - sum(before.count(q) for q in _CLOSE_QUOTES)
    if typographic > 0:
        return True
    return before.count('"') % 2 == 1


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
        inside = inside_quotation(text, candidate.start)
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
