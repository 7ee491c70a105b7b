"""Learn: candidate lexicon entries from a spun text and its original.

The two texts are aligned word by word (a word-level Levenshtein alignment,
rapidfuzz opcodes); adjacent edits merge into one block, and each block that
replaces a few spun words by a few original words is a candidate
substitution.  Words are compared case-folded with straight apostrophes, so
case alone is never a substitution.  Candidates are counted, given the
contexts they were seen in, and printed as YAML in the lexicon format for a
curator to review: nothing is ever merged into a lexicon automatically.

A candidate's tier is a suggestion: `safe` when the spun words were replaced
everywhere they occur in the spun text, `contextual` when they also occur
unchanged (so they are ordinary words too), which a curator must then bound
with context conditions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Sequence, Tuple

import yaml
from rapidfuzz.distance import Levenshtein

from .evaluate import judge

# Larger blocks are rewrites of a clause, not a spinner's substitution.
MAX_WORDS = 4
CONTEXT_WORDS = 4
MAX_CONTEXTS = 3

_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return self.text.lower().replace("’", "'")


def words(text: str) -> List[Word]:
    return [Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


@dataclass(frozen=True)
class Block:
    """Spun words [spun_start, spun_end) stand where the original has [original_start, original_end)."""

    spun_start: int
    spun_end: int
    original_start: int
    original_end: int


def edit_blocks(spun: Sequence[Word], original: Sequence[Word]) -> List[Block]:
    """The aligned differences, adjacent edits merged into one block."""
    blocks: List[Block] = []
    opcodes = Levenshtein.opcodes([w.key for w in spun], [w.key for w in original])
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        if blocks and blocks[-1].spun_end == i1 and blocks[-1].original_end == j1:
            last = blocks.pop()
            i1, j1 = last.spun_start, last.original_start
        blocks.append(Block(i1, i2, j1, j2))
    return blocks


@dataclass
class Candidate:
    spun: str
    canonical: str
    count: int = 0
    unchanged: int = 0
    contexts: List[Tuple[str, str]] = field(default_factory=list)

    @property
    def tier(self) -> str:
        return "safe" if not self.unchanged else "contextual"

    def entry(self, prefix: str) -> dict:
        note = f"learned: replaced {_times(self.count)}"
        if self.unchanged:
            note += f", left unchanged {_times(self.unchanged)}: needs context conditions"
        return {
            "id": f"{prefix}.{_slug(self.canonical)}.{_slug(self.spun)}",
            "spun": self.spun,
            "canonical": self.canonical,
            "tier": self.tier,
            "note": note,
            "examples": [{"spun": spun, "fixed": fixed} for spun, fixed in self.contexts],
        }


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _slug(text: str) -> str:
    return re.sub(r"\W+", "-", text.lower()).strip("-") or "x"


def _phrase(words_: Sequence[Word]) -> str:
    return " ".join(w.text for w in words_)


def minimal_difference(before: str, after: str) -> Tuple[str, str]:
    """The folded words that differ, common leading and trailing words removed:
    ("regulation enforcement", "law enforcement") gives ("regulation", "law")."""
    a, b = [w.key for w in words(before)], [w.key for w in words(after)]
    while a and b and a[0] == b[0]:
        a, b = a[1:], b[1:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    return " ".join(a), " ".join(b)


def _ngram_counts(keys: Sequence[str], sizes) -> Counter:
    counts: Counter = Counter()
    for size in sizes:
        for i in range(len(keys) - size + 1):
            counts[" ".join(keys[i : i + size])] += 1
    return counts


def learn(spun_text: str, original_text: str, max_words: int = MAX_WORDS) -> List[Candidate]:
    """Candidate substitutions, the most frequent first."""
    spun, original = words(spun_text), words(original_text)
    found: Dict[Tuple[str, str], Candidate] = {}
    for block in edit_blocks(spun, original):
        spun_words = spun[block.spun_start : block.spun_end]
        original_words = original[block.original_start : block.original_end]
        if not spun_words or not original_words or max(len(spun_words), len(original_words)) > max_words:
            continue
        pieces = [block]
        if len(spun_words) == len(original_words) > 1:
            # A spinner swaps word for word: "officers despatched" for
            # "officials sent" is also "officers" → "officials" and
            # "despatched" → "sent"; the curator keeps the phrase or the words.
            pieces += [Block(i, i + 1, j, j + 1) for i, j in zip(range(block.spun_start, block.spun_end), range(block.original_start, block.original_end))]
        for piece in pieces:
            _count(found, spun_text, spun, original, piece)
    occurrences = _ngram_counts([w.key for w in spun], range(1, max_words + 1))
    for candidate in found.values():
        candidate.unchanged = max(0, occurrences[candidate.spun] - candidate.count)
    return sorted(found.values(), key=lambda c: (-c.count, c.spun, c.canonical))


def _count(found: Dict[Tuple[str, str], Candidate], text: str, spun: Sequence[Word], original: Sequence[Word], block: Block):
    spun_words = spun[block.spun_start : block.spun_end]
    original_words = original[block.original_start : block.original_end]
    key = (" ".join(w.key for w in spun_words), " ".join(w.key for w in original_words))
    candidate = found.setdefault(key, Candidate(key[0], _natural_case(spun_words, original_words)))
    candidate.count += 1
    if len(candidate.contexts) < MAX_CONTEXTS:
        candidate.contexts.append(_context(text, spun, block, _phrase(original_words)))


def _natural_case(spun_words: Sequence[Word], original_words: Sequence[Word]) -> str:
    """The canonical form in its natural case (the lexicon convention): a
    capital that only marks a sentence start (the spun word has it too) is
    dropped; capitals the spinner did not have (names, titles) are kept."""
    words_ = [w.text for w in original_words]
    first, spun_first = words_[0], spun_words[0].text
    if first[:1].isupper() and first[1:].islower() and spun_first[:1].isupper():
        words_[0] = first.lower()
    return " ".join(words_)


def _context(text: str, spun: Sequence[Word], block: Block, replacement: str) -> Tuple[str, str]:
    """A few words around the block, as spun and with only this substitution made."""
    first = spun[max(0, block.spun_start - CONTEXT_WORDS)]
    last = spun[min(len(spun), block.spun_end + CONTEXT_WORDS) - 1]
    start, end = spun[block.spun_start].start, spun[block.spun_end - 1].end
    snippet = " ".join(text[first.start : last.end].split())
    fixed = " ".join((text[first.start : start] + replacement + text[end : last.end]).split())
    return snippet, fixed


def to_yaml(candidates: Sequence[Candidate], name: str = "learned", source: str = "") -> str:
    """The candidates as a lexicon file for review."""
    header = (
        "# Candidate entries learned by `unspin lexicon learn`: review every one before\n"
        "# moving it into a lexicon (check its tier, add context and clean sentences).\n"
    )
    document = {
        "name": name,
        "description": f"Candidates learned from {source}" if source else "Learned candidates",
        "entries": [candidate.entry(name) for candidate in candidates],
    }
    return header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=1000)


@dataclass
class Coverage:
    """Of the substitutions a lexicon makes rightly on a spun text, those learn proposes."""

    covered: List[Tuple[str, str]]
    missing: List[Tuple[str, str]]

    @property
    def share(self) -> float:
        total = len(self.covered) + len(self.missing)
        return len(self.covered) / total if total else 1.0


def lexicon_coverage(unspinner, spun_text: str, original_text: str, candidates: Sequence[Candidate]) -> Coverage:
    """Which of the lexicon's right changes on the spun text (see
    `unspin.evaluate`) learn proposes, counted once per distinct substitution
    (its folded minimal difference, e.g. "regulation" → "law")."""
    changes = unspinner.scan(spun_text)
    verdicts = judge(spun_text, original_text, changes)
    wanted = sorted({minimal_difference(c.before, c.after) for c, right in zip(changes, verdicts) if right})
    proposed = {(c.spun, " ".join(w.key for w in words(c.canonical))) for c in candidates}
    return Coverage([p for p in wanted if p in proposed], [p for p in wanted if p not in proposed])
