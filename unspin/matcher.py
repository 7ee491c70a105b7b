"""Matcher: find every whole-word occurrence of any spun form in a text.

The text is folded to a matching form of exactly the same length (lower case,
typographic apostrophes straightened, any whitespace as a plain space), so
offsets found in the folded text index the original text directly.  Runs of
whitespace are collapsed with an explicit offset map, so a phrase may span a
line break or several spaces.  An Aho-Corasick automaton (ahocorasick-rs)
reports all overlapping hits; word boundaries are then checked on the
original text with Unicode rules.  Choosing among overlapping candidates is
left to repair, after context has decided which of them hold.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from typing import Iterator, NamedTuple, Sequence

import ahocorasick_rs

from .lexicon import Entry, fold_form

# Every whitespace character but the common ASCII ones, and typographic
# apostrophes: each becomes one plain character, so lengths never change.
_RARE_SPACE = re.compile("[" + "".join(c for c in map(chr, range(0x3000 + 1)) if c.isspace() and c not in " \t\n\r") + "]")
# The ASCII ones among them (form feed, vertical tab, separators) need the scan too.
_RARE_ASCII_SPACE = [c for c in map(chr, range(0x80)) if c.isspace() and c not in " \t\n\r"]
# Written with a literal prefix so that `re` searches for it at C speed (2x " {2,}").
_WHITESPACE_RUN = re.compile(r"  +")


class Candidate(NamedTuple):
    """One whole-word hit.  A tuple, not a dataclass: a document can have a
    hundred thousand of them, and a tuple is made three times faster."""

    start: int
    end: int
    entry: Entry


def is_word_char(char: str) -> bool:
    """Unicode word character: letters, digits, underscore and combining marks."""
    if char.isascii():
        # Most neighbours of a hit are ASCII spaces and punctuation: skip the Unicode table.
        return char.isalnum() or char == "_"
    return char.isalnum() or unicodedata.category(char)[0] == "M"


def fold_text(text: str) -> str:
    """Same-length matching form of `text`."""
    lowered = text.lower()
    if len(lowered) != len(text):
        # A few characters lower-case to two ("İ" -> "i̇"); keep those as they are
        # so that every offset stays exact.
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    # str.replace and a regex character class scan at C speed; str.translate
    # with a table this large ran at under 10 MB/s.
    folded = lowered.replace("\n", " ").replace("\t", " ").replace("\r", " ")
    if not folded.isascii() or any(c in folded for c in _RARE_ASCII_SPACE):
        folded = _RARE_SPACE.sub(" ", folded).replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return folded


class _CollapsedText:
    """Folded text with whitespace runs collapsed, and the map back to offsets."""

    def __init__(self, folded: str):
        runs = [run.span() for run in _WHITESPACE_RUN.finditer(folded)]
        # Each piece runs from the end of one run to the first space of the next.
        piece_starts = [0] + [end for _, end in runs]
        piece_ends = [start + 1 for start, _ in runs] + [len(folded)]
        self.text = "".join(map(folded.__getitem__, map(slice, piece_starts, piece_ends))) if runs else folded
        # For each run: the collapsed offset of the space it keeps, and how many
        # characters were removed up to and including it.
        self.removed = list(itertools.accumulate(end - start - 1 for start, end in runs))
        self.kept = [start - removed_before for (start, _), removed_before in zip(runs, [0] + self.removed)]

    def original(self, offset: int) -> int:
        runs_before = bisect.bisect_left(self.kept, offset)
        return offset + (self.removed[runs_before - 1] if runs_before else 0)


class Matcher:
    """Compiled once from the entries; `candidates(text)` yields every whole-word hit."""

    def __init__(self, entries: Sequence[Entry]):
        keys, self._entries = [], []
        for entry in entries:
            for form in entry.spun:
                keys.append(fold_form(form))
                self._entries.append(entry)
        self._automaton = ahocorasick_rs.AhoCorasick(keys) if keys else None

    def candidates(self, text: str) -> Iterator[Candidate]:
        if self._automaton is None or not text:
            return
        collapsed = _CollapsedText(fold_text(text))
        for index, start, end in self._automaton.find_matches_as_indexes(collapsed.text, overlapping=True):
            if collapsed.kept:
                start, end = collapsed.original(start), collapsed.original(end - 1) + 1
            # Only an edge that is itself a word character needs a boundary:
            # a form like "U.S." may be followed by a letter-free word break.
            if start > 0 and is_word_char(text[start]) and is_word_char(text[start - 1]):
                continue
            if end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]):
                continue
            yield Candidate(start, end, self._entries[index])

