"""Streaming repair: a text of any size in windows, with the result of a whole-text repair.

The text arrives as decoded pieces and is cut into bodies of about `chunk`
characters, at a line break where one is near, else at a space.  Each body is
matched inside a window that adds `context` characters before it (for the
`before` patterns and for quotation state) and `lookahead` characters after it
(so a phrase that starts in the body and crosses its end is still found, with
the text that follows it).  A candidate belongs to the body it starts in, so
each is seen once.

Spin evidence is a property of the whole document, so the stream is read
twice: pass one counts words and safe-tier hits over the whole text and notes
which `document_has` terms occur anywhere; pass two repairs with that verdict.
The result equals `Unspinner.analyze` on the whole text, with two bounds: a
quotation opened more than `context` characters back is not seen, and a phrase
whose own whitespace runs longer than `lookahead` is not found.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, List, Optional

from . import context
from .api import Unspinner
from .evidence import SpinEvidence
from .repair import Change, make_change, select

# Characters, not bytes: memory is a few times CHUNK whatever the file's size.
CHUNK = 1 << 20
CONTEXT = 16 << 10
LOOKAHEAD = 16 << 10

_WORD_START = re.compile(r"(?<!\w)\w")


@dataclass
class Window:
    """One body of the stream inside its surrounding text."""

    text: str  # context + body + lookahead
    body_start: int  # offsets into `text`
    body_end: int
    base: int  # offset of text[0] in the whole stream

    @property
    def body(self) -> str:
        return self.text[self.body_start : self.body_end]


def _cut(text: str, start: int, target: int) -> int:
    """Where to end a body: after the last line break, else space, in the second half before `target`."""
    low = start + (target - start) // 2
    for separator in ("\n", " "):
        found = text.rfind(separator, low, target)
        if found >= 0:
            return found + 1
    return target


def windows(pieces: Iterable[str], chunk: int = CHUNK, before: int = CONTEXT, after: int = LOOKAHEAD) -> Iterator[Window]:
    text, base, position = "", 0, 0  # position: start of the next body, in the whole stream
    source = iter(pieces)
    exhausted = False
    while True:
        while not exhausted and len(text) - (position - base) < chunk + after:
            piece = next(source, None)
            if piece is None:
                exhausted = True
            else:
                text += piece
        start = position - base
        if exhausted and len(text) - start <= chunk + after:
            end = len(text)
        else:
            end = _cut(text, start, start + chunk)
        if end > start or position == 0:
            yield Window(text, start, end, base)
        if end == len(text) and exhausted:
            return
        position = base + end
        keep_from = max(0, end - before)
        text, base = text[keep_from:], base + keep_from


class _WindowDocument(context.Document):
    """A window judged as part of the whole document: its verdict and terms come from pass one."""

    def __init__(self, text: str, spun: bool, terms: Optional[frozenset]):
        super().__init__(text, spun)
        self._terms = terms

    def has(self, term: str) -> bool:
        # None: pass one, where every term counts as present and is checked afterwards.
        return True if self._terms is None else term in self._terms


@dataclass
class Survey:
    """Pass one: what the whole document shows."""

    evidence: SpinEvidence
    terms: frozenset
    candidates: int  # matches of any form, accepted or not: none means nothing can change


@dataclass
class Repaired:
    """Pass two, one body: its original text, its repair and the changes (offsets in the whole stream)."""

    before: str
    after: str
    changes: List[Change]


class StreamRepairer:
    """Repairs a re-readable stream of text pieces (a function that starts it anew each call)."""

    def __init__(self, unspinner: Unspinner, chunk: int = CHUNK, before: int = CONTEXT, after: int = LOOKAHEAD):
        self.unspinner = unspinner
        self.sizes = (chunk, before, after)
        self.terms = sorted({t for e in unspinner.entries for t in e.context.document_has})

    def _windows(self, pieces: Iterable[str]) -> Iterator[Window]:
        return windows(pieces, *self.sizes)

    def _candidates(self, window: Window):
        return [
            c
            for c in self.unspinner.matcher.candidates(window.text)
            if window.body_start <= c.start < window.body_end
        ]

    def survey(self, pieces: Iterable[str]) -> Survey:
        words, hits, terms, found = 0, [], set(), 0
        for window in self._windows(pieces):
            candidates = self._candidates(window)
            found += len(candidates)
            words += sum(1 for _ in _WORD_START.finditer(window.text, window.body_start, window.body_end))
            document = _WindowDocument(window.text, spun=False, terms=None)
            hits.extend(self.unspinner.safe_hits(candidates, document))
            for term in self.terms:
                if term not in terms:
                    match = context.term_pattern(term).search(document.folded, window.body_start)
                    if match and match.start() < window.body_end:
                        terms.add(term)
        # Hits were taken as if every `document_has` term were present; now the real terms decide.
        hits = [c for c in hits if not c.entry.context.document_has or terms.intersection(c.entry.context.document_has)]
        evidence = SpinEvidence(words, len(hits), len({c.entry.id for c in hits}))
        return Survey(evidence, frozenset(terms), found)

    def repair(self, pieces: Iterable[str], survey: Survey) -> Iterator[Repaired]:
        spun = self.unspinner.is_spun(survey.evidence)
        reached = 0  # end of the last change, in the whole stream
        for window in self._windows(pieces):
            document = _WindowDocument(window.text, spun=spun, terms=survey.terms)
            accepted = [
                (c, reason)
                for c, reason in self.unspinner.accept(self._candidates(window), document)
                if c.start + window.base >= reached
            ]
            # A change of the previous body may have run into this one: its text is already out.
            start = cursor = max(window.body_start, reached - window.base)
            end = max(window.body_end, start)
            out, changes = [], []
            for candidate, reason in select(accepted):
                change = make_change(window.text, candidate, reason)
                out += [window.text[cursor : change.start], change.after]
                cursor, end = change.end, max(end, change.end)
                changes.append(dataclasses.replace(change, start=change.start + window.base, end=change.end + window.base))
                reached = change.end + window.base
            out.append(window.text[cursor:end])
            before = window.text[start:end]
            yield Repaired(before, "".join(out), changes)


def run(unspinner: Unspinner, open_pieces: Callable[[], Iterable[str]], **sizes) -> "tuple[Survey, Iterator[Repaired]]":
    """Survey the whole stream, then return the verdict and the lazy repair of a second read."""
    repairer = StreamRepairer(unspinner, **sizes)
    survey = repairer.survey(open_pieces())
    return survey, repairer.repair(open_pieces(), survey)
