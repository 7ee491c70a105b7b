"""Repair: choose non-overlapping changes, carry case, apply and explain them."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Iterable, List, Sequence, Tuple

from .articles import agree_article
from .case import carry_apostrophe, carry_case
from .lexicon import TIERS, Entry
from .matcher import Candidate

_GAP = re.compile(r"\s+")
# The end of a sentence, a paragraph or a wire dateline ("DETROIT (AP) — ") just before a phrase.
_SENTENCE_END = re.compile(r"(?:[.!?][\"”’)]*[ \t]+|\n[ \t]*|\(AP\)[ \t]+[—–-]+[ \t]+)\Z")


@dataclass(frozen=True, init=False)
class Change:
    """One repair: text[start:end] was `before` and becomes `after`."""

    start: int
    end: int
    before: str
    after: str
    rule: str
    tier: str
    reason: str

    def __init__(self, start: int, end: int, before: str, after: str, rule: str, tier: str, reason: str):
        # What the frozen dataclass's own __init__ does with seven calls of
        # object.__setattr__ (frozen: there is no other way in), written into
        # the instance's dict.  A document can need tens of thousands of
        # changes: construction took 1.4 µs, half of make_change's time; 0.6
        # with one update of the dict by keywords, a quarter less item by item.
        fields = self.__dict__
        fields["start"], fields["end"], fields["before"], fields["after"] = start, end, before, after
        fields["rule"], fields["tier"], fields["reason"] = rule, tier, reason

    @property
    def rules(self) -> Tuple[str, ...]:
        """The ids of the entries that made the change: one, or those of phrases
        that overlap and were read as one (joined()), in order."""
        return entry_ids(self.rule)

    def to_dict(self) -> dict:
        return asdict(self)


def select(accepted: Iterable[Tuple[Candidate, str]], text: str = "") -> List[Tuple[Candidate, str]]:
    """Leftmost, then longest, non-overlapping candidates; of two at the same span, the first
    (the matcher lists an entry with match_case first, see Matcher).  Given the
    `text`, a candidate that overlaps the one chosen before it and reaches
    further is joined to it where both repair the words they share alike, or
    the first keeps them (joined()), unless a later one would be chosen from
    inside it (_claimed())."""
    # By index, not field name, and one integer (start first, then the longer
    # span): the key is computed for every accepted candidate.
    ordered = sorted(accepted, key=lambda item: (item[0][0] << 32) - item[0][1])
    chosen, reached = [], 0
    for index, item in enumerate(ordered):
        candidate = item[0]
        if candidate.start >= reached:
            chosen.append(item)
            reached = candidate.end
        elif (text and candidate.end > reached and not _claimed(ordered, index, reached, candidate.end)
                and (both := joined(text, chosen[-1], item))):
            chosen[-1] = both
            reached = candidate.end
    return chosen


def _claimed(ordered, index: int, reached: int, end: int) -> bool:
    """Does a candidate after ordered[index] start in [reached, end) and reach past
    `end`?  Left alone, it would be chosen there: a join must not take its first words
    ("maintain an eye on maintain an eye on" is no "keep an eye on hold").  One inside
    the join is read by it."""
    for later in range(index + 1, len(ordered)):
        start, later_end = ordered[later][0].start, ordered[later][0].end
        if start >= end:
            return False
        if start >= reached and later_end > end:
            return True
    return False


# Between the ids of the entries of a joined change's rule (entry ids hold no "+").
RULE_JOINER = "+"


def entry_ids(rule: str) -> Tuple[str, ...]:
    """The ids of the entries a change's rule names (see Change.rules)."""
    return tuple(rule.split(RULE_JOINER))


def rules_of(changes: Iterable[Change]) -> set:
    """The ids of every entry that made one of `changes`."""
    return {rule for change in changes for rule in change.rules}
_JOINED_REASON = "two overlapping phrases read as one: both repair the words they share alike, or the first keeps them"


def joined(text: str, left: Tuple[Candidate, str], right: Tuple[Candidate, str]):
    """The two overlapping candidates as one (candidate, reason), or None.

    A spinner's swaps run on: "Bayesian advancement calculation" holds
    "Bayesian advancement" (Bayesian optimization) and "advancement
    calculation" (optimization algorithm).  The leftmost alone would leave
    "Bayesian optimization calculation", which a second pass repairs.  Where
    each entry's form has as many words as its canonical wording, word for
    word, and both give the words they share the same canonical words (or
    the first leaves them as written: "report pace bumps", record speed
    bumps), the two read as one: "Bayesian optimization algorithm"."""
    (first, first_reason), (second, second_reason) = left, right
    a, b = first.entry, second.entry
    # Of lexicon entries only (an inference is never joined), neither a proximity hit.
    if first.words or second.words or a.case != b.case or not (a.tier in TIERS and b.tier in TIERS):
        return None
    first_canonical, second_canonical = a.canonical.split(" "), b.canonical.split(" ")
    if (len(text[first.start : first.end].split()) != len(first_canonical)
            or len(text[second.start : second.end].split()) != len(second_canonical)):
        return None
    shared_words = [w.casefold() for w in text[second.start : first.end].split()]
    shared = len(shared_words)
    if shared >= len(second_canonical):
        return None
    first_reads = [w.casefold() for w in first_canonical[-shared:]]
    # Alike, or left as written by the first ("report pace" is record pace, "pace
    # bumps" speed bumps): the second's reading of them is the only one given.
    if first_reads == [w.casefold() for w in second_canonical[:shared]]:
        # The first's own spelling of them ("Western Conference" before "conference finals").
        words = first_canonical + second_canonical[shared:]
    elif first_reads == shared_words:
        words = first_canonical[:-shared] + second_canonical
    else:
        return None
    tier = max(a.tier, b.tier, key=TIERS.index)  # the less sure of the two
    entry = Entry(id=f"{a.id}{RULE_JOINER}{b.id}", spun=(text[first.start : second.end],),
                  canonical=" ".join(words), tier=tier, case=a.case)
    return Candidate(first.start, second.end, entry), f"{first_reason}; {second_reason}; {_JOINED_REASON}"



def keep_spacing(before: str, after: str) -> str:
    """Reuse the spun phrase's own whitespace (a line break, say) between words.

    With as many words on both sides the gaps map one to one; otherwise the
    first line break the phrase spanned stays in the replacement's first gap.
    """
    gaps = _GAP.findall(before)
    if not gaps or all(gap == " " for gap in gaps):
        return after
    words = after.split(" ")
    if len(words) == len(gaps) + 1:
        return "".join(w + g for w, g in zip(words, gaps + [""]))
    if len(words) > 1:
        newline = next((g for g in gaps if "\n" in g or "\r" in g), " ")
        return words[0] + newline + " ".join(words[1:])
    return after


def spread_replacement(text: str, candidate: Candidate) -> str:
    """A proximity hit is replaced word for word; the words between its own stay as they are."""
    entry = candidate.entry
    pieces, last = [], candidate.start
    for (start, end), word in zip(candidate.words, entry.canonical.split()):
        pieces.append(text[last:start])
        pieces.append(carry_case(text[start:end], word, entry.case))
        last = end
    pieces.append(text[last : candidate.end])
    return "".join(pieces)


def make_change(text: str, candidate: Candidate, reason: str, floor: int = 0) -> Change:
    """The change for a chosen candidate; `floor` is where the previous change ended (see agree_article)."""
    start, end, after = replacement(text, candidate, floor)
    entry = candidate[2]
    # Arguments by position: keywords made the call half as slow again.
    return Change(start, end, text[start:end], after, entry.id, entry.tier, reason)


def replacement(text: str, candidate: Candidate, floor: int = 0) -> Tuple[int, int, str]:
    """(start, end, what text[start:end] becomes) for a chosen candidate: the
    change make_change() explains, without the explanation, which a repair
    that returns the text alone does not build (48,000 Change objects per
    10 MB of the benchmark's text)."""
    start, end, entry, words = candidate
    before = text[start:end]
    if words:
        after = spread_replacement(text, candidate)
    else:
        # Most spun text has no case to carry, and no whitespace to keep but
        # single plain spaces (every other whitespace character is unprintable).
        after = entry.canonical if before.islower() else carry_case(before, entry.canonical, entry.case)
        if "  " in before or not before.isprintable():
            after = keep_spacing(before, after)
    if "'" in after or "’" in after:
        after = carry_apostrophe(before, after)
    if before[:1].isdigit() and starts_sentence_with_figure(text, start, before, entry.case):
        # A figure has no case to carry: "4 men were held." at a sentence start is "Four men".
        after = after[:1].upper() + after[1:]
    # Most changes follow a word that cannot be the article: no search.  The
    # character before the space that comes first is usually that word's last.
    if start > 1 and text[start - 1] == " " and not text[start - 2].isspace():
        last = text[start - 2]
    else:
        last = text[max(0, start - 8) : start].rstrip()[-1:]
    if last.isascii() and last not in "aAnN":
        return start, end, after
    return agree_article(text, start, end, after, floor)


def starts_sentence(text: str, start: int) -> bool:
    """Does a sentence, a line or a wire story's lede start at `start`?"""
    return start == 0 or bool(_SENTENCE_END.search(text[max(0, start - 12) : start]))


def starts_sentence_with_figure(text: str, start: int, before: str, policy: str) -> bool:
    if policy == "exact" or not before[:1].isdigit():
        return False
    return starts_sentence(text, start)


def apply_changes(text: str, changes: Sequence[Change]) -> str:
    """Apply sorted, non-overlapping changes; replaying them reproduces repair()."""
    pieces, last = [], 0
    for change in changes:
        if change.start < last or text[change.start : change.end] != change.before:
            raise ValueError(f"change does not fit the text: {change}")
        pieces.append(text[last : change.start])
        pieces.append(change.after)
        last = change.end
    pieces.append(text[last:])
    return "".join(pieces)
