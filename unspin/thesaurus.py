"""Thesaurus: which term words a text word may stand for, by WordNet and Moby.

The spinner's thesaurus is not public, but WordNet's synonyms of the words of
technical terms, and their hyponyms and hypernyms one step away
(`synonyms.tsv`, built by bench/build_synonyms.py), are inverted: "anxious"
may stand for "nervous", "carcinoma" for "cancer".  Moby Thesaurus II's words
for the words of terms (`moby-synonyms.tsv`, bench/build_moby_synonyms.py:
pairs each of the two words' lists names, "phony" / "artificial") are
inverted too, at a weight too low to make an inference alone; a pair both
thesauri relate is kept as agreed ("genuine" / "true").  The spinner
thesaurus (`spinner-thesaurus.tsv`, curated for unspin: the loose words a
general thesaurus offers for each term word, "fee" for "rate", "wonderful"
for "positive") is inverted at a weight between the two, and its pairs, like
the agreed ones, let a word of ordinary prose stand for a term word weakly.  Every word's WordNet
synonyms (`wordnet-synsets.txt`) let a rarer word reach the swaps learned for
its synonyms: "cerebration" shares a synset with "thinking", which was seen
for "intelligence".  How a word of ordinary prose may be read through these
relations is inference's rule (unspin/infer.py); this module only knows them
and their weights.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Dict, Tuple

from .wordforms import entry_by_form, forms_of
from .wordlists import package_lines

# How much a thesaurus relation alone says that a text word stands for a term
# word (a learned swap says more, the more it was seen).  Tuned with
# infer.STRONG_SCORE by cross-validation inside the train half of
# bench/infer_eval.py's canonical split (never on its test half).
# One step up or down the is-a tree says less than a synonym: 0.4 added
# recall inside the train halves without changing the false edits of sure
# inferences on other prose (0.5 added some).
THESAURUS_WEIGHTS = {"synonym": 0.7, "similar": 0.6, "derived": 0.5, "hyponym": 0.4, "hypernym": 0.4}
# Moby Thesaurus II (unspin/moby-synonyms.tsv), for the pairs WordNet does
# not relate: its lists mix senses and distant associations ("forest" lists
# "sow"), so a pair says less than a WordNet one, and alone (below
# infer.DEFAULT_MIN_SCORE) makes no inference: it makes a learned swap surer, or
# adds a swap beside a stronger one.  In two-fold cross-validation inside the
# train halves of bench/infer_eval.py (both splits, four folds), sure
# inferences of known canonicals restored 301 rows with 30 wrong without
# Moby, 316 / 28 at 0.25, 319 / 29 at 0.3 and 331 / 32 at 0.5; every
# inference 606 / 122 without, 630 / 127 at 0.25 and 675 / 138 at 0.3.  On
# 1.08M words of clean prose, sure inferences changed 0.35 words per 10k
# without, 0.33 at 0.25, 0.37 at 0.3 and 0.57 at 0.5 ("profound knowledge"
# read as deep learning); every inference 5.8 without, 7.1 at 0.25 and 9.6
# at 0.3, where one Moby swap alone is an inference.
MOBY_WEIGHTS = {"moby": 0.25}
# The spinner thesaurus (unspin/spinner-thesaurus.tsv) lists what a spinner
# may write for a term word, loose senses included ("rate": fee, pace), so a
# pair says less than a WordNet synonym; it replaces a weaker kind (Moby) for
# the pairs it lists.  In two-fold cross-validation inside the train halves of
# bench/infer_eval.py (both splits, four folds), sure inferences of known
# canonicals restored 335 rows with 17 wrong without it and 393 / 21 at 0.4
# (with its pairs for ordinary words, infer.AGREED_COMMON_WEIGHT); every
# inference 658 / 122 without, 801 / 122 at 0.4.  With its first 2,208 term
# words, 392 / 21 at 0.4 and 415 / 21 at 0.5.  But on 1.08M words of clean
# prose (variant split, fold 1) sure inferences changed 0.35 words per 10k
# without it, 0.40 at 0.4 and 0.66 at 0.5 (the first 2,208 words; 0.99 at
# 0.7 with half of them: "clever scheme" read as smart system, "chief
# ingredient" as principal components); every inference 10.5 without, 13.2
# at 0.4.
SPINNER_WEIGHTS = {"spinner": 0.4}
# Every relation's weight by its kind.
RELATION_WEIGHTS = {**THESAURUS_WEIGHTS, **MOBY_WEIGHTS, **SPINNER_WEIGHTS}


@dataclass
class Thesaurus:
    """Which term words a text word may stand for, by a thesaurus relation:
    WordNet's synonyms of term words (unspin/synonyms.tsv) and Moby's
    (unspin/moby-synonyms.tsv) and the spinner thesaurus's
    (unspin/spinner-thesaurus.tsv), inverted; and
    every word's WordNet synonyms (unspin/wordnet-synsets.txt), through which a
    spun word reaches the swaps learned for its synonyms."""

    relations: Dict[str, Dict[str, str]]  # text word -> {term word: kind}
    synsets: Dict[str, Tuple[str, ...]] = field(default_factory=dict)  # word -> its synonyms
    # (text word, term word) pairs that both WordNet and Moby relate.
    agreed: frozenset = frozenset()
    # (text word, term word) pairs that the spinner thesaurus lists.
    spinner_pairs: frozenset = frozenset()

    @classmethod
    def shipped(cls) -> "Thesaurus":
        return _shipped_thesaurus()

    def targets(self, word: str) -> Dict[str, Tuple[float, bool]]:
        """Like WordMaps.targets: term words, their weight and whether `word` is their plural."""
        related, plural = self.kinds(word)
        return {target: (RELATION_WEIGHTS[kind], plural) for target, kind in related.items()}

    def kinds(self, word: str) -> Tuple[Dict[str, str], bool]:
        """The term words `word` is related to, with the kind of each relation, and
        whether `word` is their plural (a word of ordinary prose may have hundreds:
        the caller weighs only those it needs, RELATION_WEIGHTS)."""
        related, plural = entry_by_form(self.relations, word)
        return related or {}, plural

    def ordinary_targets(self, word: str) -> Tuple[Tuple[str, ...], bool]:
        """The term words that a word of ordinary prose may stand for, weakly: those
        WordNet and Moby both relate `word` to, or the spinner thesaurus lists it
        for; and whether `word` is their plural."""
        for form in forms_of(word):
            targets = self._ordinary.get(form)
            if targets:
                return targets, form != word
        return (), False

    @functools.cached_property
    def _ordinary(self) -> Dict[str, Tuple[str, ...]]:
        """ordinary_targets() of each word, gathered once from the pairs."""
        gathered: Dict[str, list] = defaultdict(list)
        for word, related in self.relations.items():
            for target in related:
                if (word, target) in self.agreed or (word, target) in self.spinner_pairs:
                    gathered[word].append(target)
        return {word: tuple(targets) for word, targets in gathered.items()}

    def synonyms(self, word: str) -> Tuple[Tuple[str, ...], bool]:
        """The words that share a WordNet synset with `word`, and whether `word` is their plural."""
        found, plural = entry_by_form(self.synsets, word)
        return found or (), plural


@functools.lru_cache(maxsize=1)
def _shipped_thesaurus() -> Thesaurus:
    relations: Dict[str, Dict[str, str]] = defaultdict(dict)
    rank = {kind: at for at, kind in enumerate(THESAURUS_WEIGHTS)}
    for line in package_lines("synonyms.tsv"):
        word, kind, others = line.split("\t")
        for other in others.split():
            known = relations[other].get(word)
            if known is None or rank[kind] < rank[known]:
                relations[other][word] = kind
    # A pair WordNet relates too keeps WordNet's kind, and the two agree on it.
    agreed = set()
    for line in package_lines("moby-synonyms.tsv"):
        word, kind, others = line.split("\t")
        for other in others.split():
            related = relations[other]
            if word in related:
                agreed.add((other, word))
            else:
                related[word] = kind
    spinner_pairs = set()
    for line in package_lines("spinner-thesaurus.tsv"):
        word, others = line.split("\t")
        for other in others.split():
            spinner_pairs.add((other, word))
            known = relations[other].get(word)
            if known is None or RELATION_WEIGHTS[known] < SPINNER_WEIGHTS["spinner"]:
                relations[other][word] = "spinner"
    synonyms: Dict[str, set] = defaultdict(set)
    for line in package_lines("wordnet-synsets.txt"):
        members = line.split()
        for word in members:
            synonyms[word].update(members)
    return Thesaurus(dict(relations), {word: tuple(sorted(others - {word})) for word, others in synonyms.items()},
                     frozenset(agreed), frozenset(spinner_pairs))

