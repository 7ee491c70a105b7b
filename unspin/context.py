"""Context: decide whether a candidate is repaired, and say why.

A candidate is kept when its entry's tier is enabled at the chosen level and
every context condition of the entry holds: the words just before and after,
inside or outside a quotation, the document's spin evidence, other terms the
document must contain (every group of `document_has`) and terms it must not
(`document_lacks`).  In a document that shows spin, an n-gram model that reads
the canonical wording as much likelier (unspin.plausibility) may stand in for
an unmet `before`/`after` condition of a contextual entry.

In a document that shows spin, only safe entries change the words of a
quotation that closes in its paragraph: the spinner leaves those alone.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from typing import Optional

import regex

from .lexicon import TIERS, Entry
from .matcher import Candidate, Terms, ascii_view, fold_text, found_in_ascii_view, occurrences
from .phrases import inside_term, spin_may_stand_in, starts_inside_name, starts_inside_term
from .plausibility import MARGIN, Plausibility
from .articles import article_calls_for

LEVELS = TIERS
DEFAULT_LEVEL = "contextual"

# How much text the before/after patterns see: enough for a few words.
WINDOW = 80

OPEN_QUOTES = "“«"
CLOSE_QUOTES = "”»"


class Document:
    """What context needs to know about the whole text."""

    def __init__(self, text: str, spun: bool, plausibility: Optional[Plausibility] = None,
                 terms: Optional[Terms] = None, overlapping: frozenset = frozenset()):
        self.text = text
        self.spun = spun
        # Entries whose candidates may start inside a technical term (phrases.overlapping_entries).
        self.overlapping = overlapping
        # The n-gram model, consulted only when the document shows spin.
        self.plausibility = plausibility if spun else None
        # The document terms the matcher's scan of the text found, if it was scanned.
        self.terms = terms
        self._has = {}

    @functools.cached_property
    def folded(self) -> str:
        return fold_text(self.text)

    @functools.cached_property
    def ascii_view(self) -> str:
        # Made in a sixth of the time of the folded text; terms of ASCII are searched in it.
        return ascii_view(self.text)

    @functools.cached_property
    def quotations(self) -> "Quotations":
        return Quotations(self.text)

    def judged(self, spun: bool, plausibility: Optional[Plausibility] = None) -> "Document":
        """The same text judged spun or not; what was read of the text is shared, not read again."""
        other = Document(self.text, spun, plausibility, self.terms, self.overlapping)
        other._has = self._has
        # Every cached reading of the text made so far (none depends on `spun`).
        other.__dict__.update((name, value) for name, value in self.__dict__.items() if name in _READINGS)
        return other

    def has(self, term: str) -> bool:
        """Does the document contain `term` (a folded form) as whole words?"""
        if term not in self._has:
            # The matcher's scan of the text found the terms it seeks; another
            # (one beyond the ASCII view, or a text not scanned) is searched here.
            if self.terms is not None and term in self.terms.sought:
                self._has[term] = term in self.terms.found
            else:
                text = self.ascii_view if found_in_ascii_view(term) else self.folded
                self._has[term] = term_pattern(term).search(text) is not None
        return self._has[term]


# The cached properties of a Document: readings of its text, shared by Document.judged.
_READINGS = frozenset(name for name, value in vars(Document).items() if isinstance(value, functools.cached_property))


@functools.lru_cache(maxsize=1024)
def term_pattern(term: str) -> regex.Pattern:
    """Whole-word search for a folded `document_has` term in folded text."""
    return regex.compile(r"(?<!\w)" + regex.escape(term).replace("\\ ", r"\s+") + r"(?!\w)")


class Quotations:
    """Where quotations open and close in a text, indexed once.

    Asking whether a position is inside a quotation then takes a few binary
    searches, not a scan of its paragraph: a text with no blank lines is one
    long paragraph, and a scan per candidate would grow with the square of it.
    """

    def __init__(self, text: str):
        def starts(marks):
            # str.find in a loop: a regex character class tests every position
            # of the text in turn, and took eight times as long.
            return sorted(i for mark in marks for i in occurrences(text, mark))

        # Where every paragraph break ends, overlapping ones too ("\n\n\n" has two).
        self._break_ends = sorted([start + 2 for start in occurrences(text, "\n\n")]
                                  + [start + 4 for start in occurrences(text, "\r\n\r\n")])
        self._opening = starts(OPEN_QUOTES)
        self._closing = starts(CLOSE_QUOTES)
        self._straight = starts('"')

    @functools.cached_property
    def _open(self) -> tuple:
        """(points, states): inside(p) is the state of the last point at or before p (False before the first).

        The answer changes only just after a quotation mark and where a
        paragraph break ends, so one walk over those, in order, gives it
        everywhere; each question is then one binary search instead of eight
        (asked of every candidate whose entry has a quotation condition, and
        of those that spin evidence would repair).
        """
        # (point, what happens there): 0 a paragraph starts, 1 a typographic
        # quotation opens, -1 one closes, 2 a straight mark.  No two fall on the
        # same point: a break ends after a line break, a mark's point after the mark.
        events = sorted([(end, 0) for end in self._break_ends]
                        + [(mark + 1, 1) for mark in self._opening] + [(mark + 1, -1) for mark in self._closing]
                        + [(mark + 1, 2) for mark in self._straight])
        points, states = [], []
        typographic = straight = 0
        for point, kind in events:
            if kind == 0:
                typographic = straight = 0
            elif kind == 2:
                straight += 1
            else:
                typographic += kind
            state = typographic > 0 or straight % 2 == 1
            if not states or states[-1] != state:
                points.append(point)
                states.append(state)
        return points, states

    def inside(self, position: int) -> bool:
        """Is `position` inside a quotation opened earlier in the same paragraph?"""
        points, states = self._open
        index = bisect.bisect_right(points, position) - 1
        return index >= 0 and states[index]

    @functools.cached_property
    def _closed(self) -> tuple:
        """(lows, highs): inside_closed(p) holds exactly where low < p <= high for one pair.

        Built once per text, paragraph by paragraph, so that each question is
        one binary search (asked of most candidates of a spun document).  A
        paragraph with straight marks alone is a run of pairs, each a closed
        quotation; only those with typographic marks are walked mark by mark
        (walking every mark took three times as long: 27 ms against 9 for the
        benchmark's first 10 MB).
        """
        breaks = self._break_ends
        paragraph_of = functools.partial(bisect.bisect_right, breaks)
        typographic = sorted(self._opening + self._closing)
        mixed = set(map(paragraph_of, typographic))
        spans = []
        for paragraph, marks in itertools.groupby(self._straight, paragraph_of):
            if paragraph not in mixed:
                marks = list(marks)
                spans += zip(marks[0::2], marks[1::2])
        for paragraph in sorted(mixed):
            start = breaks[paragraph - 1] if paragraph else 0
            end = breaks[paragraph] if paragraph < len(breaks) else float("inf")
            spans += self._closed_in(self._marks_between(typographic, start, end),
                                     self._marks_between(self._straight, start, end))
        spans.sort()
        return [low for low, _ in spans], [high for _, high in spans]

    @staticmethod
    def _marks_between(marks: list, start, end) -> list:
        return marks[bisect.bisect_left(marks, start) : bisect.bisect_left(marks, end)]

    def _closed_in(self, typographic: list, straight: list) -> list:
        """(low, high) of each closed quotation in one paragraph with typographic marks."""
        opening = set(self._marks_between(self._opening, typographic[0], typographic[-1] + 1))
        kinds = {mark: "straight" for mark in straight}
        kinds.update((mark, "open" if mark in opening else "close") for mark in typographic)
        group = sorted(kinds)
        last_close = max((m for m in group if kinds[m] == "close"), default=-1)
        last_straight = max(straight, default=-1)
        spans = []
        typographic_open = straight_count = 0
        for k, mark in enumerate(group):
            kind = kinds[mark]
            typographic_open += (kind == "open") - (kind == "close")
            straight_count += kind == "straight"
            # Positions after this mark up to the next one (or on to the paragraph's end)
            # are inside a closed quotation up to the last closing mark of their kind.
            following = group[k + 1] if k + 1 < len(group) else None
            reach = max(last_close if typographic_open > 0 else -1, last_straight if straight_count % 2 else -1)
            high = reach if following is None else min(following, reach)
            if high > mark:
                spans.append((mark, high))
        return spans

    def inside_closed(self, position: int) -> bool:
        """Is `position` inside a quotation whose closing mark follows in the same paragraph?

        Inside a quotation as inside() says, with a closing mark of its kind
        (typographic, or straight) at or after `position`, before the
        paragraph ends.  The news spinner leaves such quotations alone: in the
        seed it kept "no cooperation at the Denver justice center" and "We
        want to protect the public" inside closed quotations, and spun the
        same kind of words ("cooperation" → "help") in a paragraph whose
        quotation stays open, as a quotation running on into the next
        paragraph does.
        """
        lows, highs = self._closed
        index = bisect.bisect_left(lows, position) - 1
        return index >= 0 and position <= highs[index]


def inside_quotation(text: str, position: int) -> bool:
    """Is `position` inside a quotation opened earlier in the same paragraph?"""
    return Quotations(text).inside(position)


# decide() runs for every candidate: the tiers each level enables and the
# first words of each reason are looked up, not rebuilt per call.
_ENABLED = {level: frozenset(TIERS[: TIERS.index(level) + 1]) for level in LEVELS}
_KIND = {"safe": "known spun form", "contextual": "spun form in context", "aggressive": "aggressive rule"}
# What decide() says of a safe candidate without conditions.
SAFE_REASON = _KIND["safe"]


def within_phrase(candidate: Candidate, document: Document) -> bool:
    """Does the candidate start with the last word of a known name, or (in a document
    without spin) of a technical term, whose other words stand just before it, or
    stand inside a technical term of more words (unspin.phrases)?"""
    text, start, end = document.text, candidate[0], candidate[1]
    # Cheap tests first: most candidates start with a lower-case letter, and
    # most entries' forms cannot start with a term's last word.
    return (text[start].isupper() and starts_inside_name(text, start, end)) or (
        not document.spun and candidate[2].id in document.overlapping and starts_inside_term(text, start, end)
    ) or inside_term(text, start, end)


# Pieces of a reason: an own before/after that held, and what may stand in for one that did not.
CONTEXT_MET = "the required context"
MODEL_REASON = "an n-gram model reads"
WAIVER_REASON = "the document's spin stands in for the unmet context, outside quotations and set phrases"
ECHO_REASON = (
    "the same word was repaired where its context held elsewhere in this document"
    " (the spinner swaps a word the same way throughout), outside quotations and set phrases"
)
SWAPPED_REASON = (
    "the same word was swapped back inside a phrase elsewhere in this document"
    " (the spinner swaps a word the same way throughout), outside quotations and set phrases"
)
BESIDE_REASON = "read with the repair beside it made"
ARTICLE_REASON = (
    "the article before it fits the canonical wording, not this word (the spinner swapped"
    " the word and left its article), outside quotations and set phrases"
)


# What decide() says of a candidate whose before/after went unmet with nothing to
# stand in for it: false, as a refusal, but told apart from the others, since an
# echo may yet stand in (Unspinner.echoes).
UNMET = ""
# What decide() says of a candidate refused for what the text beside it holds: an
# exclusion (not_before, not_after) found there, or a known name or technical term
# that the candidate stands inside (within_phrase).  False, as a refusal,
# but told apart by identity, since a repair beside it may take that away
# (Unspinner.beside_repairs).
BLOCKED = False


@functools.lru_cache(maxsize=4096)
def own_context_held(reason: str) -> bool:
    """Did the entry's own before/after hold, with nothing standing in for either?

    Remembered: decide() gives the same few reasons again and again (it keeps
    them), and this is asked of every candidate accepted in a spun document."""
    return (CONTEXT_MET in reason and MODEL_REASON not in reason and WAIVER_REASON not in reason
            and ECHO_REASON not in reason and SWAPPED_REASON not in reason and ARTICLE_REASON not in reason)


def decide(candidate: Candidate, document: Document, level: str, echo: Optional[str] = None,
           beside: Optional[tuple] = None) -> Optional[str]:
    """The reason to repair the candidate, or a false value to leave it alone:
    UNMET where a before/after condition went unmet and nothing stood in for it
    (the conditions after it are then not checked), None for any other refusal.

    `echo` (ECHO_REASON or SWAPPED_REASON, what it says): the entry repaired the
    same form elsewhere in this document with its own context met, or a repair
    of a phrase swapped the word back (see Unspinner.echoes); like `spin_suffices`, that may stand
    in for an unmet before/after in a spun document, outside quotations.  So
    may an article that fits the canonical wording and not the spun word.

    `beside` (the text before the candidate and the text after it, each as
    the repairs beside it make it; see Unspinner.beside_repairs): the
    before/after conditions read those instead of the document's text, and so
    do its exclusions and the check that it does not start inside a name or term.
    BLOCKED where an exclusion or that check refuses it.
    """
    entry: Entry = candidate[2]
    tier = entry.tier
    if tier not in _ENABLED[level]:
        return None
    context = entry.context
    text, start, end, spun = document.text, candidate[0], candidate[1], document.spun
    # within_phrase(), written out: it is asked of every candidate (its inside-a-term
    # part only where a reason would be returned, below).
    if beside is None:
        read, at, upto = text, start, end
    else:
        read = beside[0] + text[start:end]
        at, upto = len(beside[0]), len(read)
    if (read[at].isupper() and starts_inside_name(read, at, upto)) or (
            not spun and entry.id in document.overlapping and starts_inside_term(read, at, upto)):
        return BLOCKED
    # Whether it stands inside a longer technical term is asked last, only of
    # a candidate that would be repaired: most are refused before, and the
    # question took a seventh of a repair's time when asked of all.
    if context.unconditional:
        return BLOCKED if inside_term(read, at, upto) else _KIND[tier]
    if context.match_case and " ".join(text[start:end].split()) not in entry.spun:
        return None
    if context.evidence and not spun:
        return None
    # An unmet before/after condition; in a spun document the spin evidence
    # (where the entry says it suffices, or where its form was repaired
    # elsewhere in the document with this condition met: `echo`) or else the
    # n-gram model may stand in for it, once every other condition holds (the
    # model costs the most).
    # Otherwise an unmet condition settles it: the other patterns are not
    # searched (a third of the candidates of spun text end here).
    # A pattern that cannot tell in time (None) allows no change.
    # The conditions after the candidate are searched first: most are
    # compiled with `re`, which answers in half the time of the backwards
    # `regex` searches before it, and they settle more candidates (on the
    # benchmark's spun text about 10 ms per 10 MB, of decide's 0.3 s).
    # "a invoice": an article that fits the canonical wording and not the word
    # after it marks the word as the spinner's (article_calls_for); checked only
    # for contextual entries in spun text, and cheaply first: few candidates
    # follow "a " or "an ".
    article = (spun and tier == "contextual" and start > 1 and text[start - 2] in "aAnN"
               and article_calls_for(text, start, entry.canonical))
    waive = (context.spin_suffices or echo or article) and spun
    stand_in = waive or (document.plausibility is not None and tier == "contextual" and context.ngram)
    # For each side: True where its condition holds, False where it is unmet
    # and may be stood in for, None without a condition.  (Each condition is
    # read into a local once: this part runs for most candidates of spun text.)
    preceded = followed = None
    after, not_after = context.after, context.not_after
    if after is not None or not_after is not None:
        window = text[end : end + WINDOW] if beside is None else beside[1]
        if after is not None:
            if after.hits(window):
                followed = True
            elif stand_in:
                followed = False
            else:
                return UNMET
        if not_after is not None and not_after.blocks(window):
            return BLOCKED
    before, not_before = context.before, context.not_before
    if before is not None or not_before is not None:
        window = text[start - WINDOW if start > WINDOW else 0 : start] if beside is None else beside[0]
        if before is not None:
            if before.hits(window):
                preceded = True
            elif stand_in:
                preceded = False
            else:
                return UNMET
        if not_before is not None and not_before.blocks(window):
            return BLOCKED
    unmet = preceded is False or followed is False
    quotes = context.quotes
    if quotes != "any" and document.quotations.inside(start) != (quotes == "inside"):
        return None
    found_terms = ()
    if context.document_has:
        for group in context.document_has:
            found = next((term for term in group if document.has(term)), None)
            if found is None:
                return None
            found_terms += (found,)
    if context.document_lacks and any(document.has(term) for term in context.document_lacks):
        return None
    if tier != "safe" and quotes != "inside" and document.quotations.inside_closed(start):
        # The words of a closed quotation are the speaker's, not the spinner's.
        return None
    stood_in = None  # what stands in for an unmet before/after, in words
    if unmet and waive:
        if document.quotations.inside(start):
            return None
        if not spin_may_stand_in(text, start, end, entry.canonical):
            return None
        if context.spin_suffices:
            stood_in = WAIVER_REASON
        else:
            stood_in = ARTICLE_REASON if article else echo
    elif unmet:
        gain = document.plausibility.gain(text, start, end, entry.canonical)
        if gain is None or gain < MARGIN:
            return UNMET
        if inside_term(read, at, upto):
            return BLOCKED
        return _reason(tier, context, preceded, followed, found_terms,
                       f"{MODEL_REASON} {entry.canonical!r} {gain:.1f} orders of magnitude likelier here")
    if inside_term(read, at, upto):
        return BLOCKED
    # The same conditions met give the same words: half the candidates of spun
    # text are accepted, and joining each one's reason anew took 0.6 µs, 0.02 s
    # of the 1.1 s of a repair of the benchmark's first 10 MB (a look-up, 0.1 µs).
    key = (tier, preceded, followed, found_terms, stood_in)
    reason = context.reasons.get(key)
    if reason is None:
        reason = context.reasons[key] = _reason(tier, context, preceded, followed, found_terms, stood_in)
    return reason


def _reason(tier: str, context, preceded: Optional[bool], followed: Optional[bool], found_terms: tuple,
            stood_in: Optional[str]) -> str:
    """decide()'s reason for a candidate that holds: its kind, then each condition met, in order."""
    reasons = [_KIND[tier]]
    if context.match_case:
        reasons.append("written in the case of its spun form")
    if context.evidence:
        reasons.append("document shows spin")
    if preceded:
        reasons.append(f"preceded by {CONTEXT_MET}")
    if followed:
        reasons.append(f"followed by {CONTEXT_MET}")
    if context.quotes != "any":
        reasons.append(f"{context.quotes} a quotation")
    reasons += (f"document also has {found!r}" for found in found_terms)
    if context.document_lacks:
        reasons.append("document lacks the excluded terms")
    if stood_in is not None:
        reasons.append(stood_in)
    return "; ".join(reasons)
