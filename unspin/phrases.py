"""Known phrases: where the spin evidence of a document does not stand in for context.

An entry with `spin_suffices` repairs its spun word anywhere outside quotations
in a document that shows spin, once its own context condition is unmet ("final"
→ "last": the spinner's "final 12 months").  It leaves the word alone

- inside a set phrase that no spinner made: "final round", "General
  Assembly", "cease-fire", "regression analysis" (every canonical form of two
  or more words in the built-in lexicons, and the gazetteer's terms);
- where its repair would make a spun form of several words with the words
  around it ("residence Republicans" → "home Republicans", the spinner's
  House Republicans): the word was not the spinner's there.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import Iterable, Optional

import regex

from .infer import curated_terms
from .lexicon import load_lexicons

_WORD = regex.compile(r"\w+")
# Characters read on each side of a word: more than the rest of any known phrase.
SIDE = 80


def words_of(text: str) -> tuple:
    """Lower-case words: hyphens and punctuation only separate them ("cease-fire" is cease, fire)."""
    return tuple(_WORD.findall(text.lower()))


class KnownPhrases:
    def __init__(self, phrases: Iterable[str]):
        by_word = defaultdict(set)
        for phrase in phrases:
            words = words_of(phrase)
            if len(words) > 1:
                for position, word in enumerate(words):
                    by_word[word].add((words, position))
        self._by_word = dict(by_word)

    def surrounding(self, text: str, start: int, end: int, replacement: Optional[str] = None) -> Optional[str]:
        """The known phrase that text[start:end] (or `replacement` in its place) stands in,
        with more words of it around, or None."""
        inner = words_of(text[start:end] if replacement is None else replacement)
        if not inner:
            return None
        before = after = None
        for words, position in self._by_word.get(inner[0], ()):
            head, tail = words[:position], words[position + len(inner):]
            if words[position : position + len(inner)] != inner or not (head or tail):
                continue
            if before is None:
                before = words_of(text[max(0, start - SIDE) : start])
                after = words_of(text[end : end + SIDE])
            if (not head or before[-len(head):] == head) and after[: len(tail)] == tail:
                return " ".join(words)
        return None


@functools.lru_cache(maxsize=1)
def set_phrases() -> KnownPhrases:
    canonical = {entry.canonical for lexicon in load_lexicons() for entry in lexicon.entries}
    return KnownPhrases(canonical | set(curated_terms()))


@functools.lru_cache(maxsize=1)
def spun_phrases() -> KnownPhrases:
    return KnownPhrases({form for lexicon in load_lexicons() for entry in lexicon.entries for form in entry.spun})


def spin_may_stand_in(text: str, start: int, end: int, canonical: str) -> bool:
    """May spin evidence alone repair text[start:end] to `canonical` (see the module's rules)?"""
    return (set_phrases().surrounding(text, start, end) is None
            and spun_phrases().surrounding(text, start, end, canonical) is None)
