"""The public API: repair, scan, repair_and_explain, spin_evidence and Unspinner.

Text flows one way: the lexicons compile into a Matcher that yields candidate
spans, and into an Inferrer (unspin.infer) that proposes unlisted tortured
phrases; context decides each candidate with the document's spin evidence;
repair picks non-overlapping changes, carries case and applies them.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from dataclasses import dataclass, replace
from typing import List, NamedTuple, Optional, Tuple

from . import context, evidence, infer as inference, phrases, plausibility
from .lexicon import collector_paused, fold_form, load_lexicons
from .matcher import Matcher
from .repair import Change, make_change, replacement, select, starts_sentence


# Words whose sense is their context's (articles, prepositions, auxiliaries,
# quantifiers, conjunctions and the adverbs that go with them): a form made
# only of them is not repaired throughout a document on the strength of one
# occurrence (Unspinner.echoes).
_FUNCTION_WORDS = frozenset(
    "a an the of in on at to for from by with within into onto upon over under about after before "
    "as than that this these those it its is was were be been being had has have having do does did "
    "will would can could may might must shall should and or but so if when while because not no "
    "used some any all both each every either neither few many much more most other another such "
    "entire whole only also still yet even ever very too quite rather just simply however though "
    "although whereas thus then there here where which who whom whose what how why concerning "
    "regarding well almost nearly".split()
)


@dataclass(frozen=True)
class Config:
    """Everything that decides what a repair does; hashable, so compiled lexicons are shared."""

    level: str = context.DEFAULT_LEVEL
    include: Optional[Tuple[str, ...]] = None
    exclude: Tuple[str, ...] = ()
    extra_lexicons: Tuple[str, ...] = ()
    # True: treat every document as spun; False: never; None: decide from evidence.
    assume_spun: Optional[bool] = None
    # Repair tortured phrases no lexicon lists (unspin.infer).  Off by default:
    # it costs about four fifths of the throughput and makes rare false edits on
    # clean prose ("remote system" -> "wireless network"); `unspin screen` turns
    # it on.  When on, at the default level only sure inferences apply unless
    # the document shows spin; at `safe` none; at `aggressive` every inference
    # of at least infer_min_score.
    infer: bool = False
    infer_min_score: float = inference.DEFAULT_MIN_SCORE
    # Let an n-gram model stand in for unmet before/after conditions in spun
    # documents (unspin.plausibility; needs the extra `ngram`).  Off by default:
    # it removed 6% of the word errors left in the held-out news but costs a
    # quarter of the throughput and 60 MB of memory.  With `infer`, it also
    # tells inference which spun phrases are ordinary English (unspin.infer).
    ngram: bool = False

    def __post_init__(self):
        if self.level not in context.LEVELS:
            raise ValueError(f"level must be one of {', '.join(context.LEVELS)}, not {self.level!r}")
        for name in ("include", "exclude", "extra_lexicons"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,)
            if value is not None:
                object.__setattr__(self, name, tuple(str(v) for v in value))


class Decisions(NamedTuple):
    """What Unspinner.accept() made of a text's candidates."""

    # (candidate, reason) for every candidate and free inference that may change the text.
    accepted: list
    # In a spun document, of entries that echo (Entry.echoes): the accepted
    # candidates whose own before/after held, and those rejected for an unmet
    # before/after alone (context.UNMET).
    held: list
    rejected: list
    # The candidates rejected for an unmet before/after alone, or for what the
    # text beside them holds (context.BLOCKED: an exclusion, a name or term they
    # start inside), that an accepted candidate ends or starts near: the repair
    # beside them may yet meet the one or take away the other
    # (Unspinner.beside_repairs).
    beside: list


class _Overlaps:
    """Does a span overlap one of the accepted candidates?  One bisection, however long the text."""

    def __init__(self, accepted):
        # Accepted spans by start, with the furthest end reached so far: a span
        # overlaps one of them if one starting before its end reaches past its start.
        taken = sorted((candidate[0], candidate[1]) for candidate, _ in accepted)
        self._starts = [start for start, _ in taken]
        self._reach = list(itertools.accumulate((end for _, end in taken), max))

    def __call__(self, start: int, end: int) -> bool:
        before_end = bisect.bisect_left(self._starts, end)
        return before_end > 0 and self._reach[before_end - 1] > start


def _start(item) -> int:
    return item[0][0]


def _before_with(text: str, span, made: str, start: int, window: int) -> str:
    """The text before `start`, with text[span[0]:span[1]] (a repair before it) written as `made`."""
    return text[max(0, span[0] - window) : span[0]] + made + text[span[1] : start]


def _after_with(text: str, span, made: str, end: int, window: int) -> str:
    """The text from `end`, with text[span[0]:span[1]] (a repair after it) written as `made`."""
    return text[end : span[0]] + made + text[span[1] : span[1] + window]


# How close a chosen repair must come to a candidate to change what its
# before/after conditions read: beside it, or a word or two away ("a invoice
# that might": once "a bill that", "might" is would).  Over the 437 news pairs
# (twenty-first session) the candidates within 6 characters made 12188 word
# errors, within 8 12171, within 12 12159 (26 more changes, all right), within
# 16 12158; the references judged spun kept their 323 changes at each, and a
# repair's speed did not change measurably (within 1% at 6 and 12).
_NEAR = 12


@functools.lru_cache(maxsize=4096)
def _echoing_form(written: str) -> Optional[str]:
    """The folded form of a candidate's text, or None where an echo may not repair it
    (Unspinner.echoes): with a figure, a capital after its first letter, or
    made of function words alone."""
    if any(c.isdigit() for c in written) or any(c.isupper() for c in written[1:]):
        return None
    folded = fold_form(written)
    return None if all(word in _FUNCTION_WORDS for word in folded.split()) else folded


# The first item of what held_forms() and swapped_words() note for echoes: no entry has this id.
SWAPPED = "(a word swapped back inside a phrase)"

# fold_form() remembered: a spun document's held candidates (Unspinner.held_forms)
# are written in a few hundred ways, and folding one took three times a look-up.
_folded = functools.lru_cache(maxsize=4096)(fold_form)


@dataclass(frozen=True)
class Result:
    text: str
    changes: List[Change]
    evidence: evidence.SpinEvidence


def _plausibility(config: Config) -> Optional[plausibility.Plausibility]:
    if not config.ngram:
        return None
    model = plausibility.default_model()
    if model is None:
        raise ValueError("ngram=True needs the n-gram model: pip install 'unspin[ngram]'")
    return model


@functools.lru_cache(maxsize=16)
def _compile(include, exclude, extra_lexicons):
    """Load and compile lexicons once per process for each selection."""
    lexicons = load_lexicons(include, exclude, extra_lexicons)
    entries = [entry for lexicon in lexicons for entry in lexicon.entries]
    return lexicons, Matcher(entries), phrases.overlapping_entries(entries), _phrase_words(entries)


def _phrase_words(entries) -> frozenset:
    """The words of the canonical phrases: only a one-word entry whose canonical word is
    one of them may echo a word that a repair of a phrase swapped back (Unspinner.swapped_words)."""
    return frozenset(word for entry in entries if len(entry.canonical_words) > 1 for word in entry.canonical_words)


@functools.lru_cache(maxsize=16)
def _compile_inferrer(include, exclude, extra_lexicons, min_score, model):
    lexicons = _compile(include, exclude, extra_lexicons)[0]
    entries = [entry for lexicon in lexicons for entry in lexicon.entries]
    return inference.Inferrer.default(entries, min_score=min_score, plausibility=model)


class Unspinner:
    """A reusable repairer; picklable (it carries only its Config and recompiles on load)."""

    def __init__(self, config: Optional[Config] = None, **options):
        self.config = config if config is not None else Config(**options)
        selection = (self.config.include, self.config.exclude, self.config.extra_lexicons)
        self.lexicons, self._matcher, self._overlapping, self._phrase_words = _compile(*selection)
        self._plausibility = _plausibility(self.config)
        self._inferrer = (_compile_inferrer(*selection, self.config.infer_min_score, self._plausibility)
                          if self.config.infer else None)

    @classmethod
    def from_lexicons(cls, lexicons, config: Optional[Config] = None) -> "Unspinner":
        """A repairer over lexicons already loaded (lint runs the examples of
        files that may not load together, e.g. with duplicate forms)."""
        unspinner = cls.__new__(cls)
        unspinner.config = config if config is not None else Config()
        unspinner.lexicons = tuple(lexicons)
        entries = [entry for lexicon in unspinner.lexicons for entry in lexicon.entries]
        unspinner._matcher = Matcher(entries)
        unspinner._overlapping = phrases.overlapping_entries(entries)
        unspinner._phrase_words = _phrase_words(entries)
        config = unspinner.config
        unspinner._plausibility = _plausibility(config)
        unspinner._inferrer = (inference.Inferrer.default(entries, min_score=config.infer_min_score,
                                                          plausibility=unspinner._plausibility)
                               if config.infer else None)
        unspinner._from_lexicons = True
        return unspinner

    _from_lexicons = False

    def __reduce__(self):
        if self._from_lexicons:
            return (Unspinner.from_lexicons, (self.lexicons, self.config))
        return (Unspinner, (self.config,))

    @property
    def overlapping(self) -> frozenset:
        """The ids of entries whose candidates may start inside a technical term (phrases.overlapping_entries)."""
        return self._overlapping

    @property
    def entries(self):
        return [entry for lexicon in self.lexicons for entry in lexicon.entries]

    @property
    def matcher(self) -> Matcher:
        return self._matcher

    @property
    def plausibility(self) -> Optional[plausibility.Plausibility]:
        """The n-gram model context may consult, or None."""
        return self._plausibility

    def found_inferences(self, text: str) -> list:
        """Every inference in `text`, overlapping ones too (none at the safe level)."""
        if self._inferrer is None or self.config.level == "safe":
            return []
        return self._inferrer.find(text)

    @staticmethod
    def safe_reasons(candidates, document: context.Document) -> list:
        """Each safe candidate's reason to count as spin evidence, or None; None for the other tiers."""
        decide, known, inside_phrase = context.decide, context.SAFE_REASON, context.within_phrase
        # Most safe entries have no condition: their reason needs no call of
        # decide(), only its check that the candidate does not start inside a
        # known name or technical term.
        return [
            ((None if inside_phrase(c, document) else known) if c[2].context.unconditional else decide(c, document, "safe"))
            if c[2].tier == "safe" else None
            for c in candidates
        ]

    @staticmethod
    def supporting_entries(candidates, as_if_spun: context.Document) -> set:
        """The contextual entries whose own conditions hold, spin evidence aside (a document judged spun).

        Only entries whose conditions guard legitimate uses in spun documents
        count (not those where spin evidence alone suffices).
        """
        return {
            c.entry.id
            for c in candidates
            if c.entry.tier == "contextual"
            and c.entry.context.guards_spun_documents
            and context.decide(c, as_if_spun, "contextual")
        }

    def is_spun(self, found: evidence.SpinEvidence) -> bool:
        return found.spun if self.config.assume_spun is None else self.config.assume_spun

    @staticmethod
    def free_inferences(candidates, inferred) -> list:
        """The inferences that overlap no listed phrase.

        A listed phrase speaks for itself: an inference overlapping it is dropped,
        even when context rejected the listed one ("a man of profound learning"),
        and it does not count twice as evidence either.
        """
        if not inferred:
            return []
        taken = [(c.start, c.end) for c in candidates]
        return [i for i in inferred if not any(i.start < end and start < i.end for start, end in taken)]

    def accept(self, candidates, document: context.Document, safe_reasons: Optional[list] = None, free=()) -> "Decisions":
        """What may change the text: (candidate, reason) for every candidate and free inference
        that may, and in a spun document what an echo (echoes()) needs.

        A reason from the evidence pass (`safe_reasons`) is reused: a safe
        candidate that holds in a document judged clean holds at every level
        and in a spun document too, for the same reason.  Every other
        candidate is decided here.
        """
        decide, level, held_context, unmet = context.decide, self.config.level, context.own_context_held, context.UNMET
        blocked = context.BLOCKED
        if safe_reasons is None:
            safe_reasons = itertools.repeat(None)
        accepted, held, rejected, beside, waiting = [], [], [], [], []
        # This loop runs for every candidate: names are bound once, outside it.
        # In a document without spin, the entries that need spin evidence (most
        # contextual ones) are passed over without a call of decide(), and
        # nothing is kept for an echo.  In a spun one, the candidates an echo
        # needs are noted here, not found again in another walk over them all.
        # So are those a repair beside them may help (Decisions.beside): the
        # end of the last accepted candidate tells those after one, and the
        # candidates `waiting` since then are looked at when the next is accepted.
        spun, near = document.spun, _NEAR
        for candidate, reason in zip(candidates, safe_reasons):
            if not reason:
                if not spun and candidate[2].context.evidence:
                    continue
                reason = decide(candidate, document, level)
                if not reason:
                    if reason == unmet or reason is blocked:
                        (beside if accepted and accepted[-1][0][1] > candidate[0] - near else waiting).append(candidate)
                        if reason == unmet and spun and candidate[2].echoes:
                            rejected.append(candidate)
                    continue
                if spun and candidate[2].echoes and held_context(reason):
                    held.append(candidate)
            accepted.append((candidate, reason))
            if waiting:
                for earlier in waiting:
                    if earlier[1] + near > candidate[0]:
                        beside.append(earlier)
                waiting.clear()
        usable = free if document.spun or self.config.level == "aggressive" else [i for i in free if i.sure]
        for item in usable:
            accepted.append((inference.as_candidate(item, document.text), item.reason()))
        return Decisions(accepted, held, rejected, beside)

    @staticmethod
    def held_forms(held, text: str) -> set:
        """(entry id, folded form) of each candidate accepted with its own before/after met (Decisions.held)."""
        return {(candidate[2].id, _folded(text[candidate[0] : candidate[1]])) for candidate in held}

    @staticmethod
    def swapped_words(accepted, text: str) -> set:
        """(SWAPPED, spun word, canonical word) for each word that an accepted repair of a
        phrase of the lexicons swapped back word for word ("Division of Motor Vehicles":
        division → department), without the n-gram model.  An echo (echoes()) may then
        repair the word alone elsewhere in the document ("the division said")."""
        swapped = set()
        # Most repairs are of one word: the canonical's length rules them out first.
        for candidate, reason in [item for item in accepted if len(item[0][2].canonical_words) > 1]:
            entry = candidate[2]
            canonical = entry.canonical_words
            if entry.tier == inference.INFERRED_TIER or context.MODEL_REASON in reason:
                continue
            written = _folded(text[candidate[0] : candidate[1]]).split()
            if len(written) == len(canonical):
                swapped.update((SWAPPED, a, b) for a, b in zip(written, canonical) if a != b)
        return swapped

    @staticmethod
    def echoes(decisions: "Decisions", document: context.Document, level: str, held: set) -> list:
        """(candidate, reason) for the other occurrences of a form that context repaired.

        The spinner swaps a word the same way throughout a document: where one
        "shops" was plainly its "stores" ("closing shops"), its other "shops"
        are too.  So in a spun document a contextual candidate whose entry
        repaired the same form elsewhere with its own before/after met (`held`,
        from held_forms() over the whole document) may stand without its
        before/after, outside quotations and set phrases.  Its other
        conditions (not_before, not_after, quotations, terms) still hold.  None overlaps an accepted candidate.  Figures, forms whose case
        matters and capitals other than a sentence's first letter are left out:
        their conditions place the word (a sentence's start, a name) rather than
        tell its sense, and a capital may be a name's ("Buckeye Waste
        Companies", "The Division of Housing").  So are forms of function words
        alone ("on the", "had been"): their sense is all in their context ("at
        the Port", but "jail on the charge").

        The spinner swaps a word inside a phrase as it does alone: where a repair
        of a phrase swapped a word back (swapped_words(), also in `held`: "the
        Division of Motor Vehicles"), the word alone is held too ("the division
        said").

        Only the candidates that decide() rejected for an unmet before/after, of
        entries that echo (Decisions.rejected), are looked at: any other refusal
        holds for an echo too, and a candidate it accepted overlaps itself.
        """
        if not (document.spun and held and decisions.rejected):
            return []
        text = document.text
        # Most of them are of other entries: their id, or for a single word the word,
        # rules them out before any slicing.
        held_entries = {held_form[0] for held_form in held}
        swapped_to = {held_form[2] for held_form in held if held_form[0] == SWAPPED}
        overlaps = None
        echoed = []
        rejected = [c for c in decisions.rejected if c[2].id in held_entries or c[2].canonical_words[0] in swapped_to]
        for candidate in rejected:
            start, end = candidate[0], candidate[1]
            written = text[start:end]
            folded = _echoing_form(written)
            if folded is None:
                continue
            if (candidate[2].id, folded) in held:
                echo = context.ECHO_REASON
            elif len(candidate[2].canonical_words) == 1 and (SWAPPED, folded, candidate[2].canonical_words[0]) in held:
                echo = context.SWAPPED_REASON
            else:
                continue
            if written[0].isupper() and not starts_sentence(text, start):
                continue
            if overlaps is None:
                overlaps = _Overlaps(decisions.accepted)
            if overlaps(start, end):
                continue
            if reason := context.decide(candidate, document, level, echo=echo):
                echoed.append((candidate, reason))
        return echoed

    def _decide(self, text: str):
        candidates, terms = self._matcher.scan(text)
        free = self.free_inferences(candidates, inference.select_longest(self.found_inferences(text)))
        # The text as judged clean; the judgements after it share what it read of the text.
        as_clean = context.Document(text, spun=False, terms=terms, overlapping=self._overlapping)
        safe_reasons = self.safe_reasons(candidates, as_clean)
        safe = [c for c, reason in zip(candidates, safe_reasons) if reason]
        found = evidence.measure(text, safe + [inference.as_candidate(i, text) for i in free if i.sure])
        if found.needs_support:
            supporting = self.supporting_entries(candidates, as_clean.judged(spun=True))
            found = replace(found, supporting=len(supporting))
        document = as_clean.judged(self.is_spun(found), self.plausibility)
        decisions = self.accept(candidates, document, safe_reasons, free)
        held = self.held_forms(decisions.held, text)
        # Words swapped back inside phrases count only for a rejected candidate whose
        # canonical word a phrase has: most documents have none, and the walk over
        # every accepted candidate is spared.
        phrase_words = self._phrase_words
        if any(candidate[2].canonical_words[0] in phrase_words for candidate in decisions.rejected):
            held |= self.swapped_words(decisions.accepted, text)
        return found, self.choose(decisions, document, held)

    def choose(self, decisions: "Decisions", document: context.Document, held: set) -> list:
        """The changes to make, in order: select()'s of the accepted candidates and
        their echoes (echoes()), with the repairs that the chosen ones beside them
        allow (beside_repairs())."""
        level = self.config.level
        chosen = select(decisions.accepted + self.echoes(decisions, document, level, held), document.text)
        for item in select(self.beside_repairs(chosen, decisions.beside, document, level)):
            # Each overlaps none of the chosen: put in its place, not sorted in again.
            bisect.insort(chosen, item, key=_start)
        return chosen

    @staticmethod
    def beside_repairs(chosen, near, document: context.Document, level: str) -> list:
        """(candidate, reason) for each candidate whose before/after went unmet in the
        text as written but holds in the text as the chosen repairs beside it make it,
        or that what the text beside it held against it (an exclusion, a name or
        term it starts inside) no longer blocks there.

        The spinner's swaps sit side by side, and one entry's context may be
        another's spun form: once "prior to now" is "in the past", the "12
        months" after it follows "past" and is a year.  `chosen` is select()'s,
        in order; a candidate accepted here overlaps none of them, and is not in
        turn a repair beside another (one round)."""
        if not (chosen and near):
            return []
        text, window = document.text, context.WINDOW
        starts = [candidate[0] for candidate, _ in chosen]
        # The end of the repair before each one (-_NEAR before the first: none is near).
        ends_before = [-_NEAR] + [candidate[1] for candidate, _ in chosen]
        starts.append(len(text) + _NEAR)  # and none after the last
        found = []
        for candidate in near:
            start, end = candidate[0], candidate[1]
            # chosen[following] is the first repair that starts at or after the candidate's end.
            following = bisect.bisect_left(starts, end)
            end_before = ends_before[following]
            if end_before > start:
                continue  # a chosen repair overlaps it
            before_changes = end_before > start - _NEAR
            after_changes = starts[following] < end + _NEAR
            if not (before_changes or after_changes):
                continue
            # Only a condition that must hold can come to hold, and only what the
            # text beside a candidate holds against it can go: an exclusion, or a
            # name or term it starts inside ("covariance lattice constant
            # framework": once "covariance matrix", no "lattice constant").  A
            # second pass would read the text so; the first reads it the same.
            conditions = candidate[2].context
            before_changes = before_changes and (
                conditions.before is not None or conditions.not_before is not None
                or context.within_phrase(candidate, document))
            after_changes = after_changes and (conditions.after is not None or conditions.not_after is not None)
            if not (before_changes or after_changes):
                continue
            before, after = text[max(0, start - window) : start], text[end : end + window]
            # What the side no repair is near holds against it still does.
            if not before_changes and (
                    (conditions.before is not None and not conditions.before.hits(before))
                    or (conditions.not_before is not None and conditions.not_before.blocks(before))):
                continue
            if not after_changes and (
                    (conditions.after is not None and not conditions.after.hits(after))
                    or (conditions.not_after is not None and conditions.not_after.blocks(after))):
                continue
            # The windows with the nearest repair on each side made: first roughly, in
            # its canonical wording as the lexicon writes it, which rules out nearly
            # all (731 of 757 over the benchmark's first 30 documents); then as
            # repair() makes it, case carried and article agreed.
            repair_before = chosen[following - 1][0] if before_changes else None
            repair_after = chosen[following][0] if after_changes else None
            if repair_before and conditions.before is not None and not conditions.before.hits(
                    _before_with(text, repair_before, repair_before[2].canonical, start, window)):
                continue
            if repair_after and conditions.after is not None and not conditions.after.hits(
                    _after_with(text, repair_after, repair_after[2].canonical, end, window)):
                continue
            # replacement(): (start, end, what that span becomes).
            if repair_before:
                made = replacement(text, repair_before, max(0, ends_before[following - 1]))
                before = _before_with(text, made, made[2], start, window)[-window:]
            if repair_after:
                made = replacement(text, repair_after, end)
                after = _after_with(text, made, made[2], end, window)[:window]
            if reason := context.decide(candidate, document, level, beside=(before, after)):
                found.append((candidate, f"{reason}; {context.BESIDE_REASON}"))
        return found

    def analyze(self, text: str) -> "Result":
        """Repaired text, the changes that made it, and the document's spin evidence, in one pass."""
        return self._repaired(text, explain=True)

    def _repaired(self, text: str, explain: bool) -> "Result":
        """analyze(), with the list of changes only when `explain`: a repair that
        returns the text alone builds no Change (unspin.repair.replacement)."""
        # Every candidate and change lives until the call returns, and none
        # refers back to another: the collector is paused (see collector_paused).
        with collector_paused():
            found, chosen = self._decide(text)
            # The repaired text is put together as the changes are made
            # (apply_changes would check each against the text again).
            changes, pieces, reached = [], [], 0
            for candidate, reason in chosen:
                if explain:
                    change = make_change(text, candidate, reason, reached)
                    changes.append(change)
                    start, end, after = change.start, change.end, change.after
                else:
                    start, end, after = replacement(text, candidate, reached)
                pieces += (text[reached:start], after)
                reached = end
            pieces.append(text[reached:])
            # Let go of the chosen candidates before the collector resumes: its
            # first pass then examines every object of this call still alive.
            del chosen
            return Result("".join(pieces), changes, found)

    def scan(self, text: str) -> List[Change]:
        """Every change repair() would make, in order, each with its rule and reason."""
        return self.analyze(text).changes

    def repair_and_explain(self, text: str) -> Tuple[str, List[Change]]:
        result = self.analyze(text)
        return result.text, result.changes

    def repair(self, text: str) -> str:
        """The repaired text: that of repair_and_explain(), made without explaining each change."""
        return self._repaired(text, explain=False).text

    def spin_evidence(self, text: str) -> evidence.SpinEvidence:
        """Safe-tier hits per 1,000 words, and whether the document counts as spun."""
        with collector_paused():
            return self._decide(text)[0]


@functools.lru_cache(maxsize=16)
def _default(config: Config) -> Unspinner:
    return Unspinner(config)


def _unspinner(options) -> Unspinner:
    return _default(Config(**options))


def repair(text: str, **options) -> str:
    """Repair spun phrases in `text`.  Options are those of Config."""
    return _unspinner(options).repair(text)


def scan(text: str, **options) -> List[Change]:
    """The changes repair() would make, without applying them."""
    return _unspinner(options).scan(text)


def repair_and_explain(text: str, **options) -> Tuple[str, List[Change]]:
    """The repaired text and the changes that made it."""
    return _unspinner(options).repair_and_explain(text)


def spin_evidence(text: str, **options) -> evidence.SpinEvidence:
    return _unspinner(options).spin_evidence(text)
