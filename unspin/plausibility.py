"""Plausibility: would an English n-gram model rather read the canonical wording here?

A spinner swaps a word for a thesaurus synonym without looking at its
neighbours, so the swap often reads worse than the original would: at the end
of a clause an n-gram model reads "he said" as far likelier than "he
mentioned".  The `gain` of a candidate is how much likelier (log10) its
canonical wording is than the spun form with the same two words of context on
each side, beyond what the two wordings' own frequencies explain: "under the
table" is likelier than "beneath the table" only as much as "under" is
commoner than "beneath", so that gain is near zero.

In a document that shows spin, a large gain may stand in for a contextual
entry's `before`/`after` condition (unspin.context); it never unlocks anything
in a document without spin evidence, and never overrides the other conditions.

The model is the English trigram model that the `pocketsphinx` package ships
(BSD; `pip install 'unspin[ngram]'`), read from its own folder with no network.
It is consulted only with `Config(ngram=True)` / `--ngram`: it costs about a
quarter of the throughput.
"""

from __future__ import annotations

import functools
import os
import re
from typing import List, Optional

# A gain of 1 (ten times likelier in context than out of it) kept every repair
# of the seed right and added 62 repairs to the held-out news texts, 59 of them
# right; 0.5 added 96 (89 right) and a wrong one in the seed (measured with
# `unspin eval --parallel` on the 38 held-out pairs of then, see README).
MARGIN = 1.0

# Two words each side: the model is a trigram model.
CONTEXT_WORDS = 2
# Characters of text searched for those words: two long words and their spaces.
WINDOW = 40

# The model's probabilities are logs in base 1.0001; its "log of zero" marks a
# word it has never seen.
_TO_LOG10 = 0.000043427276862669
_LOG_ZERO = -536870912
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# The model was trained on speech transcripts, which have no punctuation: a mark
# between words is read as a boundary, so "the plan, however, failed" is never
# scored as "the plan however failed".
_BOUNDARY = re.compile(r"[^\w\s'’-]")
_APOSTROPHES = str.maketrans("’‘", "''")


def words_of(text: str) -> List[str]:
    """The model's tokens: lower-case words, with apostrophes as in "doesn't"."""
    return _WORD.findall(text.translate(_APOSTROPHES).lower())


class Plausibility:
    """Scores candidates with an n-gram model (pocketsphinx's NGramModel)."""

    def __init__(self, model):
        self._model = model

    @functools.lru_cache(maxsize=65536)
    def _log10(self, history_and_word: tuple) -> float:
        # pocketsphinx takes the word first, then its history, nearest first.
        return self._model.prob(list(reversed(history_and_word))) * _TO_LOG10

    @functools.lru_cache(maxsize=65536)
    def known(self, word: str) -> bool:
        return self._model.prob([word]) != _LOG_ZERO

    def score(self, words: tuple, first: int) -> float:
        """log10 probability of words[first:], each given the two words before it."""
        log10 = self._log10
        total = 0.0
        for i in range(first, len(words)):
            total += log10(words[max(0, i - 2) : i + 1])
        return total

    @functools.lru_cache(maxsize=65536)
    def association(self, first: str, second: str) -> Optional[float]:
        """How much likelier (log10) `second` is after `first` than anywhere:
        about 0 or below when the model never saw the two together, above
        when they make a phrase ("pulmonary vein" 3.2, "random backwoods" -0.3).
        None when the model does not know one of the words."""
        if not (self.known(first) and self.known(second)):
            return None
        return self._log10((first, second)) - self._log10((second,))

    def gain(self, text: str, start: int, end: int, canonical: str) -> Optional[float]:
        """How much likelier (log10) `canonical` reads than text[start:end] in its place.

        None when the model cannot judge: the canonical wording has capitals (a
        name), or a word of either wording is unknown to it (numbers written as
        digits, rare spellings).
        """
        if not canonical.islower():
            # The model is lower-case: it reads the month "May" as the verb.
            return None
        spun, replacement = tuple(words_of(text[start:end])), _words_of_canonical(canonical)
        prior = self._prior(spun, replacement)
        if prior is None:
            return None
        left, right = context_words(text, start, end)
        return self._in_context(tuple(left), spun, tuple(right), replacement) - prior

    @functools.lru_cache(maxsize=65536)
    def _prior(self, spun: tuple, replacement: tuple) -> Optional[float]:
        """What the two wordings' own frequencies explain (None: the model cannot judge them)."""
        if not spun or not replacement or not all(map(self.known, spun + replacement)):
            return None
        return self.score(replacement, 0) - self.score(spun, 0)

    # Spinners repeat themselves: the same swap in the same words recurs.
    @functools.lru_cache(maxsize=65536)
    def _in_context(self, left: tuple, spun: tuple, right: tuple, replacement: tuple) -> float:
        # A context word the model does not know scores alike on both sides,
        # but makes the model back off: drop it.
        left = tuple(w for w in left if w == "<s>" or self.known(w))
        right = tuple(w for w in right if w == "</s>" or self.known(w))
        return self.score(left + replacement + right, len(left)) - self.score(left + spun + right, len(left))


@functools.lru_cache(maxsize=8192)
def _words_of_canonical(canonical: str) -> tuple:
    return tuple(words_of(canonical))


def context_words(text: str, start: int, end: int):
    """Up to two words before `start` and after `end`, within the sentence.

    A sentence boundary inside the window becomes the model's <s> or </s>.
    """
    before = text[max(0, start - WINDOW) : start]
    # The nearest boundary before the phrase is the first in the reversed window.
    boundary = _BOUNDARY.search(before[::-1])
    left = words_of(before[len(before) - boundary.start() :] if boundary else before)
    if (boundary or start <= WINDOW) and len(left) < CONTEXT_WORDS:
        left = ["<s>"] + left
    after = text[end : end + WINDOW]
    boundary = _BOUNDARY.search(after)
    right = words_of(after[: boundary.start()] if boundary else after)
    if boundary and len(right) < CONTEXT_WORDS:
        right = right + ["</s>"]
    return left[-CONTEXT_WORDS:], right[:CONTEXT_WORDS]


@functools.lru_cache(maxsize=1)
def default_model() -> Optional[Plausibility]:
    """The pocketsphinx English model, read once per process; None when not installed."""
    try:
        from pocketsphinx import NGramModel, get_model_path
    except ImportError:
        return None
    path = os.path.join(get_model_path(), "en-us", "en-us.lm.bin")
    if not os.path.exists(path):
        return None
    return Plausibility(NGramModel.readfile(path))


def available() -> bool:
    return default_model() is not None
