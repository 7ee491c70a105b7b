"""Word maps: which canonical word each spun word stood for in the lexicons.

A spinner rewrites a technical term word by word ("random forest" becomes
"irregular woodland"), so the lists of tortured phrases also say how it swaps
single words.  Every entry whose spun form and canonical form have as many
words (hyphenated compounds whole or split) is aligned word by word
(irregular -> random, woodland -> forest), and the counts are kept:
`WordMaps.learn(entries)`, plus the package's `spinner-words.tsv` (learned
from a screener's list by bench/learn_word_maps.py).  An entry with more spun
words gives a phrase for one canonical word where the words around it line
up by those maps ("transfer getting to know" / "transfer learning": getting
to know -> learning).  Inference (unspin/infer.py) reads a text's words
through these maps, and through the thesaurus (unspin/thesaurus.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Tuple

from .lexicon import Entry
from .wordforms import entry_by_form, forms_of, parts, same_word, words
from .wordlists import FUNCTION_WORDS, package_lines

# Most words a spinner writes for one word of a term ("getting to know" for
# "learning", "honest to goodness" for "true").
MAX_PHRASE_WORDS = 4
# How many sightings more a swap of a rare spun word counts (_weight).  In
# two-fold cross-validation inside the train halves of bench/infer_eval.py,
# sure inferences restored 191 rows with 19 wrong at 0, 209 / 20 at 0.5,
# 210 / 20 at 1 and 216 / 23 at 2.
RARE_SIGHTINGS = 0.5


def alignment(spun: str, canonical: str) -> Optional[List[Tuple[str, str]]]:
    """Word pairs of two phrases of as many words, compounds whole or split; None if they never line up."""
    for source in (words(spun), parts(spun)):
        for target in (words(canonical), parts(canonical)):
            if len(source) == len(target):
                return list(zip(source, target))
    return None


def _weight(count: int, total: int, rare: bool = False) -> float:
    """How reliable a swap seen `count` times is, of `total` swaps of its spun word(s):
    sightings make it reliable (1 - 1/2^count), and so does being the usual target.
    A rare spun word counts RARE_SIGHTINGS more sightings: ordinary prose does not
    use it, so one sighting of it in a list says more than one of a common word."""
    return (1 - 0.5 ** (count + (RARE_SIGHTINGS if rare else 0))) * (0.5 + 0.5 * count / total)


def phrase_alignment(spun: str, canonical: str, counts: Dict[str, Counter]) -> Optional[Tuple[Tuple[str, ...], str]]:
    """The several spun words that stand for one canonical word, if that is all
    that is left when the words on both sides line up (same word, or a swap in
    `counts`): "deep transfer getting to know" / "deep transfer learning" gives
    (("getting", "to", "know"), "learning").  None otherwise."""

    def match(spun_word: str, canonical_word: str) -> bool:
        return same_word(spun_word, canonical_word) or any(canonical_word in counts.get(f, ()) for f in forms_of(spun_word))

    for source in (words(spun), parts(spun)):
        for target in (words(canonical), parts(canonical)):
            if not target or len(source) <= len(target):
                continue
            most_left = 0
            while most_left < len(target) - 1 and match(source[most_left], target[most_left]):
                most_left += 1
            most_right = 0
            while most_right < len(target) - 1 and match(source[-1 - most_right], target[-1 - most_right]):
                most_right += 1
            # Each split that leaves one canonical word, the most words lined up
            # on the left first: a phrase's last word may also be a swap of its
            # own ("deep gaining knowledge": knowledge -> learning), and then
            # the phrase is "gaining knowledge", not "gaining".
            for left in range(most_left, -1, -1):
                right = len(target) - 1 - left
                middle = source[left : len(source) - right]
                # A phrase may end with a dangling function word ("gaining
                # knowledge of" for "learning"); it may not start with one,
                # nor hold the canonical word itself ("trust the" for "trust"
                # is a misalignment, and would read "trust the management" as
                # "trust management").
                if (right <= most_right and 2 <= len(middle) <= MAX_PHRASE_WORDS and middle[0] not in FUNCTION_WORDS
                        and not any(same_word(word, target[left]) for word in middle)):
                    return tuple(middle), target[left]
    return None


def without_dangling(phrase: Tuple[str, ...]) -> Tuple[str, ...]:
    """A phrase without the function words it ends with: "gaining knowledge of"
    is also written "gaining knowledge" where the spinner's "of" has no place."""
    end = len(phrase)
    while end and phrase[end - 1] in FUNCTION_WORDS:
        end -= 1
    return phrase[:end]


@dataclass
class WordMaps:
    """How often each spun word stood for each canonical word in the lexicons."""

    counts: Dict[str, Counter]
    # Several spun words for one canonical word ("getting to know" -> "learning").
    phrases: Dict[Tuple[str, ...], Counter] = field(default_factory=dict)

    def __post_init__(self):
        # Phrases by their first word, which is all a walk through a text knows at first.
        self._phrase_index: Dict[str, List[Tuple[Tuple[str, ...], str, float]]] = defaultdict(list)
        for phrase, counter in self.phrases.items():
            total = sum(counter.values())
            for target, count in counter.items():
                self._phrase_index[phrase[0]].append((phrase[1:], target, _weight(count, total)))

    @classmethod
    def learn(cls, entries: Iterable[Entry]) -> "WordMaps":
        entries = list(entries)
        counts: Dict[str, Counter] = defaultdict(Counter)
        unaligned = []
        for entry in entries:
            for form in entry.spun:
                pairs = alignment(form, entry.canonical)
                if pairs is None:
                    unaligned.append((form, entry.canonical))
                for spun_word, canonical_word in pairs or ():
                    if spun_word != canonical_word and not same_word(spun_word, canonical_word):
                        counts[spun_word][canonical_word] += 1
        # The phrases are what is left of the other entries once the word
        # swaps learned above line their other words up.
        phrases: Dict[Tuple[str, ...], Counter] = defaultdict(Counter)
        for form, canonical in unaligned:
            found = phrase_alignment(form, canonical, counts)
            if found:
                phrases[found[0]][found[1]] += 1
                shorter = without_dangling(found[0])
                if len(found[0]) > len(shorter) >= 2:
                    phrases[shorter][found[1]] += 1
        return cls(dict(counts), dict(phrases))

    def targets(self, word: str, rare: bool = False) -> Dict[str, Tuple[float, bool]]:
        """Canonical words that `word` may stand for: their reliability, and whether
        `word` is a plural of the mapped form (so the canonical word becomes plural).
        `rare`: ordinary prose does not use the word (see _weight)."""
        counter, plural = entry_by_form(self.counts, word)
        if not counter:
            return {}
        total = sum(counter.values())
        return {target: (_weight(count, total, rare), plural) for target, count in counter.items()}

    def phrase_targets(self, word: str) -> List[Tuple[Tuple[str, ...], str, float]]:
        """The phrases that start with `word`: (their other words, canonical word, reliability)."""
        return self._phrase_index.get(word, [])

    @classmethod
    def shipped(cls) -> "WordMaps":
        """The word maps shipped with the package (unspin/spinner-words.tsv)."""
        counts: Dict[str, Counter] = defaultdict(Counter)
        phrases: Dict[Tuple[str, ...], Counter] = defaultdict(Counter)
        for line in package_lines("spinner-words.tsv"):
            spun, canonical, count = line.split("\t")
            if " " in spun:
                phrases[tuple(spun.split())][canonical] += int(count)
            else:
                counts[spun][canonical] += int(count)
        return cls(dict(counts), dict(phrases))

    def merged(self, other: "WordMaps") -> "WordMaps":
        counts = {word: Counter(counter) for word, counter in self.counts.items()}
        for word, counter in other.counts.items():
            counts.setdefault(word, Counter()).update(counter)
        phrases = {phrase: Counter(counter) for phrase, counter in self.phrases.items()}
        for phrase, counter in other.phrases.items():
            phrases.setdefault(phrase, Counter()).update(counter)
        return WordMaps(counts, phrases)
