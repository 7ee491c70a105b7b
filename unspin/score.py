"""Scoring: word error rate of a text against a reference, for evaluation.

Words are compared case-sensitively, without punctuation, with typographic
apostrophes straightened; the distance is a word-level Levenshtein distance
(rapidfuzz), so substitutions, insertions and deletions each count one.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from rapidfuzz.distance import Levenshtein

_WORD = regex.compile(r"\w+(?:['’]\w+)*")


def words(text: str) -> list:
    return [w.replace("’", "'") for w in _WORD.findall(text)]


@dataclass(frozen=True)
class WordErrors:
    errors: int
    reference_words: int

    @property
    def rate(self) -> float:
        return self.errors / self.reference_words if self.reference_words else 0.0


def word_errors(text: str, reference: str) -> WordErrors:
    ref = words(reference)
    return WordErrors(Levenshtein.distance(words(text), ref), len(ref))
