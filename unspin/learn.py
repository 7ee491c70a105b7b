"""Learn: candidate lexicon entries from a spun text and its original.

The two texts are aligned word by word (a word-level Levenshtein alignment,
rapidfuzz opcodes); adjacent edits merge into one block, and each block that
replaces a few spun words by a few original words is a candidate
substitution.  Words are compared case-folded with straight apostrophes, so
case alone is never a substitution.  Candidates are counted, given the
contexts they were seen in, and printed as YAML in the lexicon format for a
curator to review: nothing is ever merged into a lexicon automatically.

A candidate's tier is a suggestion: `safe` when the spun words were replaced
everywhere they occur in the spun text, `contextual` (with the minimal
condition `evidence: spun`) when they also occur unchanged, so they are
ordinary words too and a curator must bound them with better conditions.
The output loads as a lexicon, so `unspin lexicon lint` can check it.
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


def _unit_pieces(opcodes) -> List[Block]:
    """The smallest substitutions inside one merged block: an equal-length
    replacement word for word (a spinner swaps word for word), any other
    replacement whole, and an insertion or deletion joined to the replacement
    before it and, as another candidate, to the one after it ("they've" →
    "they" + "have" is "they've" → "they have")."""
    units: List[Block] = []
    gaps = []  # (index in units where an insertion or deletion sits, its opcode)
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "replace" and i2 - i1 == j2 - j1:
            units.extend(Block(i, i + 1, j, j + 1) for i, j in zip(range(i1, i2), range(j1, j2)))
        elif tag == "replace":
            units.append(Block(i1, i2, j1, j2))
        else:
            gaps.append((len(units), Block(i1, i2, j1, j2)))
    joined = []
    for at, gap in gaps:
        if at > 0:
            before = units[at - 1]
            joined.append(Block(before.spun_start, gap.spun_end, before.original_start, gap.original_end))
        if at < len(units):
            after = units[at]
            joined.append(Block(gap.spun_start, after.spun_end, gap.original_start, after.original_end))
    return units + joined


def edit_blocks(spun: Sequence[Word], original: Sequence[Word]) -> List[Tuple[Block, List[Block]]]:
    """The aligned differences: each block of adjacent edits with its smallest substitutions."""
    merged: List[list] = []
    opcodes = Levenshtein.opcodes([w.key for w in spun], [w.key for w in original])
    for op in opcodes:
        tag, i1, i2, j1, j2 = op
        if tag == "equal":
            continue
        if merged and merged[-1][-1][2] == i1 and merged[-1][-1][4] == j1:
            merged[-1].append(op)
        else:
            merged.append([op])
    blocks = []
    for ops in merged:
        block = Block(ops[0][1], ops[-1][2], ops[0][3], ops[-1][4])
        units = _unit_pieces(ops)
        blocks.append((block, units if units != [block] else []))
    return blocks


def _with_neighbour(block: Block, spun_count: int, original_count: int) -> Block:
    """A pure deletion or insertion, widened by the next word (or the one
    before) so that both sides have words: "insurance" deleted before
    "policies" is "insurance policies" → "policies"."""
    if block.spun_end < spun_count and block.original_end < original_count:
        return Block(block.spun_start, block.spun_end + 1, block.original_start, block.original_end + 1)
    if block.spun_start > 0 and block.original_start > 0:
        return Block(block.spun_start - 1, block.spun_end, block.original_start - 1, block.original_end)
    return block


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
        entry = {
            "id": f"{prefix}.{_slug(self.canonical)}.{_slug(self.spun)}",
            "spun": self.spun,
            "canonical": self.canonical,
            "tier": self.tier,
        }
        if self.tier == "contextual":
            # The least a contextual entry needs; the curator adds the rest.
            entry["context"] = {"evidence": "spun"}
        entry["note"] = note
        entry["examples"] = [{"spun": spun, "fixed": fixed, "assume_spun": True} for spun, fixed in self.contexts]
        return entry


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
    for block, units in edit_blocks(spun, original):
        for piece in [block] + units:
            if piece.spun_start == piece.spun_end or piece.original_start == piece.original_end:
                piece = _with_neighbour(piece, len(spun), len(original))
            sizes = (piece.spun_end - piece.spun_start, piece.original_end - piece.original_start)
            if min(sizes) > 0 and max(sizes) <= max_words:
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
    (its folded minimal difference, e.g. "regulation" → "law").  A substitution
    is proposed when learn proposes it whole, or, with as many words on both
    sides, word for word ("authorized and unlawful" → "legal and illegal" as
    "authorized" → "legal" and "unlawful" → "illegal")."""
    changes = unspinner.scan(spun_text)
    verdicts = judge(spun_text, original_text, changes)
    wanted = sorted({minimal_difference(c.before, c.after) for c, right in zip(changes, verdicts) if right})
    proposed = {minimal_difference(c.spun, c.canonical) for c in candidates}

    def is_proposed(pair) -> bool:
        spun_words, canonical_words = pair[0].split(), pair[1].split()
        if pair in proposed:
            return True
        return len(spun_words) == len(canonical_words) > 1 and all(
            a == b or (a, b) in proposed for a, b in zip(spun_words, canonical_words)
        )

    return Coverage([p for p in wanted if is_proposed(p)], [p for p in wanted if not is_proposed(p)])
