"""Known phrases: set wording that the spin evidence of a document never breaks up.

An entry with `spin_suffices` repairs its spun word anywhere outside quotations
in a document that shows spin, once its own context condition is unmet ("final"
→ "last": the spinner's "final 12 months").  The same word also stands inside
set phrases that no spinner made: "final round", "General Assembly",
"cease-fire", "regression analysis".  There the word is left alone.  The
phrases known here are every canonical form of two or more words in the
built-in lexicons, and the gazetteer's technical terms.
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

    def surrounding(self, text: str, start: int, end: int) -> Optional[str]:
        """The known phrase that text[start:end] stands in, with more words of it around, or None."""
        inner = words_of(text[start:end])
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
def known_phrases() -> KnownPhrases:
    canonical = {entry.canonical for lexicon in load_lexicons() for entry in lexicon.entries}
    return KnownPhrases(canonical | set(curated_terms()))
