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
A document judged spun is read once more between them, for the forms its
entries repair with their own context met, whose other occurrences follow
them (Unspinner.echoes).
Quotation state is carried from body to body, and where a quotation closes
(a closed one keeps the speaker's words in a spun document) is read ahead of
the windows in one more read of the stream.  The result equals
`Unspinner.analyze` on the whole text (a property test checks it for window
sizes down to one character) with one bound: a phrase whose own inner
whitespace is longer than `lookahead` characters is not found.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, List, Optional, Tuple

from . import context, infer as inference
from .api import Unspinner
from .evidence import SpinEvidence
from .repair import Change, make_change

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


def _cut(text: str, start: int, target: int) -> int:
    """Where to end a body: after the last line break, else space, in the second half before `target`."""
    low = start + (target - start) // 2
    for separator in ("\n", " "):
        found = text.rfind(separator, low, target)
        if found >= 0:
            return found + 1
    return target


def windows(pieces: Iterable[str], chunk: int, before: int, after: int) -> Iterator[Window]:
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


_PARAGRAPH_BREAK = re.compile(r"\n\n|\r\n\r\n")


def _positions(pattern: str, text: str, start: int, end: int) -> List[int]:
    return [match.start() for match in re.compile(pattern).finditer(text, start, end)]


class _CarriedQuotations:
    """Quotation state in a window, carried in from the bodies before it.

    Like `context.Quotations` (positions indexed once, then binary searches),
    but a paragraph that started in an earlier body starts from the state
    carried to this body's start, so a quotation opened any distance back in
    the same paragraph is still seen.
    """

    Counts = Tuple[int, int]  # (opening minus closing typographic quotes, straight quotes)

    def __init__(self, window: Window, carried: "Counts", ends: Optional[_QuotationEnds] = None):
        text, start, end = window.text, window.body_start, window.body_end
        self._body_start, self._carried = start, carried
        self._base, self._ends = window.base, ends
        # Paragraph starts (just after a break) inside the body, from a break that may
        # straddle its start; one that ended before it is in the carried state.
        breaks = _PARAGRAPH_BREAK.finditer(text, max(0, start - 3), end)
        self._paragraphs = [m.end() for m in breaks if m.end() > start]
        self._opening = _positions(f"[{context.OPEN_QUOTES}]", text, start, end)
        self._closing = _positions(f"[{context.CLOSE_QUOTES}]", text, start, end)
        self._straight = _positions('"', text, start, end)

    def counts(self, position: int) -> "Counts":
        index = bisect.bisect_right(self._paragraphs, position) - 1
        start, (typographic, straight) = (self._paragraphs[index], (0, 0)) if index >= 0 else (self._body_start, self._carried)

        def between(positions):
            return bisect.bisect_left(positions, position) - bisect.bisect_left(positions, start)

        return typographic + between(self._opening) - between(self._closing), straight + between(self._straight)

    def inside(self, position: int) -> bool:
        """Is `position` (in this body) inside a quotation opened earlier in the same paragraph?"""
        typographic, straight = self.counts(position)
        return typographic > 0 or straight % 2 == 1

    def inside_closed(self, position: int) -> bool:
        """Is `position` inside a quotation whose closing mark follows in the same paragraph?"""
        typographic, straight = self.counts(position)
        whole = self._base + position
        return (typographic > 0 and self._ends.closes(whole, straight=False)) or (
            straight % 2 == 1 and self._ends.closes(whole, straight=True)
        )


class _QuotationEnds:
    """Where quotations close, read ahead of the windows in a read of the stream of its own.

    A quotation counts as closed when its closing mark follows in the same
    paragraph (`context.Quotations.inside_closed`), which may lie far beyond
    a window.  Only the positions of closing marks and paragraph breaks are
    kept, from the current window on, and reading stops at the first one
    that answers: memory does not grow with the text.
    """

    _TAIL = 3  # a paragraph break ("\r\n\r\n") may be split across pieces

    def __init__(self, pieces: Iterable[str]):
        self._source = iter(pieces)
        self._read_to, self._tail, self._exhausted = 0, "", False
        # Absolute positions, ascending: closing typographic marks, straight marks, break starts.
        self._closing: List[int] = []
        self._straight: List[int] = []
        self._breaks: List[int] = []

    def forget_before(self, position: int) -> None:
        for positions in (self._closing, self._straight, self._breaks):
            del positions[: bisect.bisect_left(positions, position)]

    def _read(self) -> None:
        piece = next(self._source, None)
        if piece is None:
            self._exhausted = True
            return
        start = self._read_to
        self._closing += (start + i for i in _positions(f"[{context.CLOSE_QUOTES}]", piece, 0, len(piece)))
        self._straight += (start + i for i in _positions('"', piece, 0, len(piece)))
        # Breaks that end in this piece, overlapping ones too (as Quotations counts them).
        text, base = self._tail + piece, start - len(self._tail)
        self._breaks += sorted(
            base + i for mark in ("\n\n", "\r\n\r\n") for i in context.occurrences(text, mark) if base + i + len(mark) > start
        )
        self._read_to += len(piece)
        self._tail = text[-self._TAIL :]

    def closes(self, position: int, straight: bool) -> bool:
        """Does a closing mark (a straight one, with `straight`) follow `position` before its paragraph ends?"""
        marks = self._straight if straight else self._closing
        while True:
            index = bisect.bisect_left(marks, position)
            mark = marks[index] if index < len(marks) else None
            index = bisect.bisect_left(self._breaks, position)
            paragraph_end = self._breaks[index] if index < len(self._breaks) else None
            if paragraph_end is not None:
                return mark is not None and mark < paragraph_end
            if mark is not None:
                return True
            if self._exhausted:
                return False
            self._read()


class _WindowDocument(context.Document):
    """A window judged as part of the whole document.

    Its verdict and `document_has` terms come from pass one; its quotation
    state is carried in from the previous bodies.
    """

    def __init__(self, window: Window, spun: bool, terms: frozenset, quotations: _CarriedQuotations, plausibility,
                 overlapping: frozenset):
        super().__init__(window.text, spun, plausibility, overlapping=overlapping)
        self._terms = terms
        self.quotations = quotations

    def has(self, term: str) -> bool:
        return term in self._terms


@dataclass
class Survey:
    """Pass one: what the whole document shows."""

    evidence: SpinEvidence
    terms: frozenset
    candidates: int  # matches of any form, accepted or not: none means nothing can change
    # In a spun document, the forms its entries repaired with their own context met (Unspinner.held_forms).
    held: frozenset = frozenset()


@dataclass
class Repaired:
    """Pass two, one body: its original text, its repair and the changes (offsets in the whole stream)."""

    before: str
    after: str
    changes: List[Change]


class StreamRepairer:
    """Repairs a re-readable stream of text pieces (a function that starts it anew each call)."""

    def __init__(self, unspinner: Unspinner, chunk: Optional[int] = None, before: Optional[int] = None, after: Optional[int] = None):
        self.unspinner = unspinner
        self.sizes = (chunk or CHUNK, before or CONTEXT, after or LOOKAHEAD)
        entries = unspinner.entries
        self.terms = sorted({t for e in entries for group in e.context.document_has for t in group}
                            | {t for e in entries for t in e.context.document_lacks})
        # Pass one decides without the document's terms (not known yet) and applies them afterwards.
        self._conditions = {
            e.id: (e.context.document_has, e.context.document_lacks)
            for e in entries
            if e.context.document_has or e.context.document_lacks
        }
        self._termless = {
            e.id: dataclasses.replace(e, context=dataclasses.replace(e.context, document_has=(), document_lacks=()))
            for e in entries
            if e.context.document_has or e.context.document_lacks
        }

    def _documents(self, pieces: Iterable[str], spun: bool, terms: frozenset, with_model: bool = True,
                   reopen: Optional[Callable[[], Iterable[str]]] = None):
        """(window, document) for each body, with quotation state carried from body to body.

        The documents consult the unspinner's n-gram model, if any, when
        `with_model`.  A document judged spun reads where quotations close in
        another read of the same stream, which `reopen` starts.
        """
        model = self.unspinner.plausibility if with_model else None
        ends = _QuotationEnds(reopen()) if spun and reopen is not None else None
        carried = (0, 0)
        for window in windows(pieces, *self.sizes):
            if ends is not None:
                ends.forget_before(window.base)
            quotations = _CarriedQuotations(window, carried, ends)
            yield window, _WindowDocument(window, spun, terms, quotations, model, self.unspinner.overlapping)
            carried = quotations.counts(window.body_end)

    def _inferred(self, window: Window, reached: int):
        """Inferences chosen in this body (leftmost-longest, after those chosen before), and the new reach."""
        first = max(window.body_start, reached - window.base)
        found = [i for i in self.unspinner.found_inferences(window.text) if first <= i.start < window.body_end]
        chosen = inference.select_longest(found)
        return chosen, (chosen[-1].end + window.base if chosen else reached)

    def survey(self, pieces: Iterable[str]) -> Survey:
        words, found, terms = 0, 0, set()
        hits = Counter()  # safe hits by entry id: memory follows the lexicon, not the text
        inferred_reach = 0
        for window, document in self._documents(pieces, spun=False, terms=frozenset()):
            listed = self.unspinner.matcher.candidates(window.text)
            candidates = [c._replace(entry=self._termless.get(c.entry.id, c.entry)) for c in listed if _in_body(c, window)]
            inferred, inferred_reach = self._inferred(window, inferred_reach)
            free = self.unspinner.free_inferences(listed, inferred)
            found += len(candidates) + len(free)
            words += len(_WORD_START.findall(window.text, window.body_start, window.body_end))
            reasons = self.unspinner.safe_reasons(candidates, document)
            hits.update(c.entry.id for c, reason in zip(candidates, reasons) if reason)
            hits.update(inference.as_candidate(i, window.text).entry.id for i in free if i.sure)
            for term in self.terms:
                if term not in terms:
                    match = context.term_pattern(term).search(document.folded, window.body_start)
                    if match and match.start() < window.body_end:
                        terms.add(term)
        # Hits were taken without the term conditions; now the document's terms decide them.
        kept = {i: n for i, n in hits.items() if self._terms_hold(i, terms)}
        evidence = SpinEvidence(words, sum(kept.values()), len(kept))
        return Survey(evidence, frozenset(terms), found)

    def support(self, pieces: Iterable[str], survey: Survey, reopen: Callable[[], Iterable[str]]) -> Survey:
        """The survey with the contextual entries that support its one safe entry (as the whole text counts them).

        A read of its own (and one more, started by `reopen`, for where quotations
        close), needed only where the count can decide (SpinEvidence.needs_support).
        """
        supporting = set()
        for window, document in self._documents(pieces, spun=True, terms=survey.terms, with_model=False, reopen=reopen):
            candidates = [c for c in self.unspinner.matcher.candidates(window.text) if _in_body(c, window)]
            supporting |= self.unspinner.supporting_entries(candidates, document)
        return dataclasses.replace(survey, evidence=dataclasses.replace(survey.evidence, supporting=len(supporting)))

    def hold(self, pieces: Iterable[str], survey: Survey, reopen: Callable[[], Iterable[str]]) -> Survey:
        """The survey with the forms the spun document's entries repair with their own
        context met, and the words its repairs of phrases swap back (a read of its
        own, and one more, started by `reopen`, for where quotations close), for the
        repair of their other occurrences (Unspinner.echoes).

        The n-gram model is not consulted: a form it lets through does not count.
        """
        held = set()
        for window, document in self._documents(pieces, spun=True, terms=survey.terms, with_model=False, reopen=reopen):
            candidates = self.unspinner.matcher.candidates(window.text)
            decisions = self.unspinner.accept(candidates, document)
            held |= self.unspinner.held_forms([c for c in decisions.held if _in_body(c, window)], window.text)
            held |= self.unspinner.swapped_words([(c, r) for c, r in decisions.accepted if _in_body(c, window)], window.text)
        return dataclasses.replace(survey, held=frozenset(held))

    def _terms_hold(self, entry_id: str, terms: set) -> bool:
        """Do the `document_has` groups and `document_lacks` terms of the entry hold, given the document's terms?"""
        if entry_id not in self._conditions:
            return True
        groups, lacks = self._conditions[entry_id]
        return all(terms.intersection(group) for group in groups) and not terms.intersection(lacks)

    def repair(self, pieces: Iterable[str], survey: Survey, reopen: Callable[[], Iterable[str]]) -> Iterator[Repaired]:
        """Repair `pieces`; `reopen` starts another read of the same stream where the
        document is spun, for where quotations close."""
        spun = self.unspinner.is_spun(survey.evidence)
        reached = 0  # end of the last change, in the whole stream
        inferred_reach = 0
        for window, document in self._documents(pieces, spun, survey.terms, reopen=reopen):
            inferred, inferred_reach = self._inferred(window, inferred_reach)
            # Every candidate of the window is passed, so that an inference overlapping a listed
            # phrase just outside the body is dropped as in the whole text; only the body's are kept.
            candidates = self.unspinner.matcher.candidates(window.text)
            free = self.unspinner.free_inferences(candidates, inferred)
            decisions = self.unspinner.accept(candidates, document, free=free)
            # In order, none overlapping another; so are those of the body, which are kept.
            chosen = self.unspinner.choose(decisions, document, survey.held)
            chosen = [(c, reason) for c, reason in chosen if _in_body(c, window) and c.start + window.base >= reached]
            # A change of the previous body may have run into this one: its text is already out.
            start = cursor = max(window.body_start, reached - window.base)
            end = max(window.body_end, start)
            out, changes = [], []
            for candidate, reason in chosen:
                change = make_change(window.text, candidate, reason, cursor)
                out += [window.text[cursor : change.start], change.after]
                cursor, end = change.end, max(end, change.end)
                changes.append(dataclasses.replace(change, start=change.start + window.base, end=change.end + window.base))
                reached = change.end + window.base
            out.append(window.text[cursor:end])
            before = window.text[start:end]
            yield Repaired(before, "".join(out), changes)


def _in_body(candidate, window: Window) -> bool:
    return window.body_start <= candidate.start < window.body_end


def run(unspinner: Unspinner, open_pieces: Callable[[], Iterable[str]], **sizes) -> "tuple[Survey, Iterator[Repaired]]":
    """Survey the whole stream, then return the verdict and the lazy repair of a second read."""
    repairer = StreamRepairer(unspinner, **sizes)
    survey = repairer.survey(open_pieces())
    if survey.evidence.needs_support:
        survey = repairer.support(open_pieces(), survey, open_pieces)
    if unspinner.is_spun(survey.evidence):
        survey = repairer.hold(open_pieces(), survey, open_pieces)
    return survey, repairer.repair(open_pieces(), survey, open_pieces)
