"""Infer: repair tortured phrases that no lexicon lists.

A spinner rewrites a technical term word by word with a thesaurus: "random
forest" becomes "irregular woodland", "arbitrary timberland", "irregular
backwoods".  Lists hold the variants curators have seen; new paper-mill
batches bring others.  This module generalises from the lists:

1. **Word maps and thesauri.**  Which canonical word a spun word may stand
   for: swaps learned from the lexicons' entries (irregular -> random,
   getting to know -> learning; unspin/wordmaps.py), and WordNet's and Moby's
   relations of the words of technical terms, inverted (timberland -> forest;
   unspin/thesaurus.py).  Words are compared by their base forms and spelling
   variants (unspin/wordforms.py).
   A word of ordinary prose (`common-words.txt`: "main", "working") is read
   through the thesaurus only where a learned map agrees with it, or weakly
   where WordNet and Moby agree ("genuine" / "true") or the spinner
   thesaurus lists it ("fee" / "rate"); a rarer word
   ("timberland", "haphazard") on the thesaurus alone.  A rarer word
   also reaches the swaps learned for its WordNet synonyms
   (`wordnet-synsets.txt`): "cerebration" shares a synset with "thinking",
   which was seen for "intelligence".
2. **Gazetteer.** The canonical technical terms a repair may produce: the
   canonical forms of the loaded lexicons plus the curated `gazetteer.txt`
   (unspin/wordlists.py).
3. **Composition.** Where a word may start a term (an automaton finds those),
   every word proposes itself (plurals, and spelling variants within one edit,
   measured with rapidfuzz) and the canonical words the maps and the
   thesaurus give it; a
   gazetteer term spelt out by these proposals, with at least one mapped
   word, is a candidate.  A phrase that starts with a hyphenated compound is
   also read part by part ("laptop-aided" for computer-aided), ending where
   a compound ends.
4. **Plausibility.** A candidate is dropped when the spun phrase is ordinary
   or technical language: it is itself a gazetteer term, lies inside one as
   the text writes it ("atomic force" in "atomic force microscopy"), or
   starts or ends with a function word, or when the text writes the term
   itself right beside it ("design acknowledgment pattern recognition": the
   repair would double the term).  Its score is the geometric mean of
   its swaps' reliability (sightings and share of the spun word's mappings,
   or the kind of thesaurus relation, combined as a noisy-or when both speak;
   less for a word that is itself a word of technical terms).  It is *sure*
   at STRONG_SCORE when it has two swapped words, or one next to words that
   ordinary prose does not use (`common-words.txt`): "Fourier change", but
   not "shortest way"; or at a lower score (TELLING_SCORE) when three of its
   words or more are swapped or rare ("touchy gut disorder", "convolution
   neural community"); and never sure when another term reads the same words
   about as well ("grouping calculation": clustering or classification
   algorithm), nor when it may be part of a longer phrase: the gazetteer
   has the term with one more word beside it, and the text has another word
   there that is rare or that the maps or thesauri relate to it
   ("programmed discourse acknowledgement" would become "programmed speech
   recognition", automatic speech recognition half repaired), or the word
   beside it may stand for the term's own word at that edge.  In two-fold
   cross-validation inside the train halves of bench/infer_eval.py (both
   splits, four folds), sure inferences of known canonicals restored 331
   rows with 27 wrong without this and 331 / 19 with it.  With an n-gram model (`Config(ngram=True)`), a
   spun phrase whose swapped word the model knows beside a neighbour
   ("pulmonary vein") is never sure, and one it never heard ("random
   backwoods") is sure at UNHEARD_SCORE even beside ordinary words.  The API
   applies sure inferences everywhere and the others (at least `min_score`)
   only where the document shows spin.
5. **Acronyms.** Papers define a term's acronym where they first use it, and a
   spinner leaves the acronym alone: "counterfeit consciousness (AI)".  An
   acronym that spells the term's initials makes the inference sure; one
   that spells something else drops it ("Automated Insights (AI)" is no
   "machine learning").  And a phrase whose words all read as one term's
   but one, which has no map, is repaired when the acronym after it spells
   that term alone ("digital reality (VR)": virtual reality).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import ahocorasick_rs

from .lexicon import Entry, fold_form
from .matcher import Candidate, automaton_text, whole_words, fold_text, is_word_char
from .thesaurus import RELATION_WEIGHTS, THESAURUS_WEIGHTS, Thesaurus
from .wordforms import (
    HYPHENS, MIN_FUZZY_LENGTH, WORD, base_form, forms_of, is_plural_of, looks_plural, parts, pluralize, same_word, words,
)
from .wordlists import FUNCTION_WORDS, common_words, curated_terms
from .wordmaps import MAX_PHRASE_WORDS, WordMaps

# A text may join two words of a term with spaces and at most one line break:
# the next word of a phrase is matched with what joins it, in one step.
_JOINED_WORD = re.compile(r"[ \t]*(?:\r?\n)?[ \t]*(" + WORD.pattern + ")")
# Words no preposition governs: auxiliaries and conjunctions (see Inferrer._nothing_governed).
_UNGOVERNED = frozenset(
    "is was are were be been being has have had will would can could may might must shall should do does did "
    "and or but nor so yet".split()
)
# The word a stretch of text ends with.
_LAST_WORD = re.compile(WORD.pattern + "$")
# A part of a hyphenated compound ("cross" and "approval" in "cross-approval"),
# the next one after spacing, and a hyphen inside a compound.
_PART = re.compile(r"\w+(?:['’]\w+)*")
_JOINED_PART = re.compile(r"[ \t]*(?:\r?\n)?[ \t]*(" + _PART.pattern + ")")
_INNER_HYPHEN = re.compile(r"(?<=\w)[-‐‑](?=\w)")

# The tier name that changes made by inference carry.
INFERRED_TIER = "inferred"
# Without other signs of spinning a document gets only inferences this sure;
# with them (or at --level aggressive), any inference of at least min_score.
# Cross-validation inside the train half of bench/infer_eval.py, with the
# thesaurus, favoured 0.5 (sure recall 0.106 -> 0.124 at precision 0.91), but
# through the whole API on 1.08M words of clean prose it made 0.42 false edits
# per 10k words against 0.28 at 0.55: too near the 0.5 limit.
STRONG_SCORE = 0.55
# With an n-gram model that has never seen the swapped words next to their
# neighbours ("random backwoods"), one swap beside ordinary words is sure at
# this score.  Chosen by cross-validation inside the train halves of
# bench/infer_eval.py (0.8 doubled the false edits on design prose, Debian's
# package descriptions; 0.9 kept them at the level of before).
UNHEARD_SCORE = 0.9
# A swapped word this much likelier (log10) beside its neighbour than
# anywhere makes an ordinary phrase ("pulmonary vein", "genetically altered"):
# not sure without other signs of spin.  (Dropping such candidates outright
# also lost right ones in spun documents: 117 -> 109 restored of 330 held-out
# rows inside the variant split's train half.)
ORDINARY_ASSOCIATION = 0.0

# A sure inference has no rival term for its words scoring this share of its
# score or more.  Chosen by two-fold cross-validation inside the train halves
# of bench/infer_eval.py (both splits, four folds): sure inferences restored
# 210 rows with 23 wrong at 0.9, 210 / 22 at 0.8, 209 / 20 at 0.7 and 207 / 20
# at 0.6; 0.7 is where a right one lost stops buying several wrong ones.
AMBIGUOUS_RATIO = 0.7

# Characters of spacing allowed between two words of one phrase.
MAX_GAP = 12
# How far back the word before a phrase is looked for (a longer word is cut).
LONGEST_WORD = 64
# Distinct words whose look-ups are cached per Inferrer.
WORDS_CACHED = 200_000
# Maximum number of words in a gazetteer term that inference will compose.
MAX_TERM_WORDS = 5
DEFAULT_MIN_SCORE = 0.3

# A phrase of which three words or more tell of a technical term, each swapped
# or kept but rare in ordinary prose (`common-words.txt`), at least one
# swapped, is sure at any score an inference is made at by default
# (DEFAULT_MIN_SCORE): ordinary prose does not line three such words up with
# a known term's by chance ("touchy gut disorder", "convolution neural
# community", "coronary corridor sickness"), though each swap alone be weak.
# In two-fold cross-validation inside the train halves of bench/infer_eval.py
# (both splits, four folds), sure inferences of known canonicals restored 269
# rows with 26 wrong without it and 301 / 30 with it.  Tuned beside a rule
# for a single rare listed swap that was later dropped (it took the canonical
# test half's precision below 0.95): there, three swapped words alone made
# 312 / 34 at a score of 0.45, 314 / 34 at 0.4 and 319 / 34 at 0.3; counting
# rare kept words too, 320 / 34 at 0.45, 326 / 34 at 0.4 and 334 / 35 at 0.3
# (the wrong ones added are partial repairs, "feed-forward" for
# "feedforward", and "machine learning methods" where the list says
# techniques).  False edits on clean prose stayed 0.40 per 10k words; two
# telling words at 0.45 made 373 / 43 but 1.18 false edits per 10k
# ("international trade" read as foreign exchange, "shortest way" as
# shortest path).
TELLING_WORDS = 3
TELLING_SCORE = DEFAULT_MIN_SCORE

# The weight of a swap that only the author's acronym vouches for ("digital
# reality (VR)": no map from "digital" worth as much, yet the initials tie it
# to a term).
ACRONYM_ONLY_WEIGHT = 0.5
VARIANT_PENALTY = 0.99
TECHNICAL_WORD_PENALTY = 0.5
# A word of ordinary prose that WordNet and Moby both relate to a term word
# (two thesauri agree: "genuine" / "true", "trail" / "path") stands for it at
# this weight, below DEFAULT_MIN_SCORE, and only in a phrase of TELLING_WORDS
# telling words ("genuine advantageous fee").  In the cross-validation of
# thesaurus.MOBY_WEIGHTS, sure inferences restored 316 rows with 28 wrong
# without it, 331 / 27 at 0.2 and 332 / 27 at 0.25; the false edits of sure
# inferences on clean prose stayed 0.33 per 10k words.  Beside one strong
# swap in a shorter phrase it made 56 more inferences in spun documents, 14
# of them wrong, and raised the false edits of every inference from 7.1 to
# 8.4 per 10k: hence the telling words (every inference 630 / 127 without the
# agreement, 645 / 123 with it).  A pair that the spinner thesaurus lists
# (thesaurus.SPINNER_WEIGHTS) is read the same way, at the same weight: in the
# same cross-validation, with the thesaurus's first 2,208 term words, sure
# inferences restored 373 rows with 17 wrong without its pairs for ordinary
# words and 392 / 21 with them (the two wrong ones more are partial repairs
# of TF-IDF; every inference 772 / 122 and 792 / 122; the false edits on
# clean prose stayed 0.40 per 10k words); with half of those words, 386 / 19
# at 0.2 and 413 / 23 at 0.3.
AGREED_COMMON_WEIGHT = 0.2


def _inside_compound(text: str, start: int) -> bool:
    """Is `start` just after the hyphen of a hyphenated compound ("pre-|programmed")?
    A term never starts there: the compound is one word."""
    return start > 1 and text[start - 1] in "-‐‑" and is_word_char(text[start - 2])


def _hyphen_goes_on(text: str, end: int) -> bool:
    """Does a hyphen at `end` join a compound's next part ("laptop|-aided")?"""
    return end + 1 < len(text) and text[end] in "-‐‑" and is_word_char(text[end + 1])


def _spacing_start(text: str, end: int) -> int:
    """Where the spacing before `end` starts: spaces and tabs with at most one
    line break, as _JOINED_WORD allows between two words of a phrase."""
    start = end
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    if start > 0 and text[start - 1] == "\n":
        start -= 1
        if start > 0 and text[start - 1] == "\r":
            start -= 1
        while start > 0 and text[start - 1] in " \t":
            start -= 1
    return start



@dataclass(frozen=True)
class Inference:
    start: int
    end: int
    term: str
    plural: Optional[bool]  # the text's last word is plural (True) or singular (False) where the term's is not
    score: float
    substitutions: Tuple[Tuple[str, str, float], ...]
    # Two or more swapped words, or one next to words that ordinary prose
    # does not use ("Fourier change"; not "shortest way", "blood stream").
    anchored: bool = True
    # Whether an n-gram model knows a swapped word beside a neighbour as a
    # phrase ("pulmonary vein"): True, False ("random backwoods"), or None
    # without a model.
    heard: Optional[bool] = None
    # Another term that reads the same words about as well ("grouping
    # calculation": clustering or classification algorithm), or None: with
    # one, which term the spinner started from is a guess.
    rival: Optional[str] = None
    # A swap reached through a synonym of the spun word ("cerebration" ->
    # thinking -> intelligence): a guess worth making where the document
    # shows spin, never on its own ("module" -> faculty -> "school").
    bridged: bool = False
    # The text gives the term's acronym right after the phrase ("counterfeit
    # consciousness (AI)"): the author's own word for which term it is.
    acronym: bool = False
    # How many of its words tell of a technical term: swapped, or kept but
    # rare in ordinary prose (a phrase of several swapped words counts once).
    telling_words: int = 0
    # A longer term that the repair would leave half-done, or None
    # (Inferrer._half_repaired): "programmed speech recognition" is no
    # restoration of "automatic speech recognition".
    part_of: Optional[str] = None

    @property
    def sure(self) -> bool:
        """Sure enough for a document that shows no other sign of spinning."""
        if self.acronym and not self.rival:
            return True
        if self.heard or self.rival or self.bridged or self.part_of:
            # Ordinary English, a guess between terms, or maybe part of a
            # longer one: only where the document shows spin.
            return False
        return ((self.score >= STRONG_SCORE and self.anchored) or (self.heard is False and self.score >= UNHEARD_SCORE)
                or (self.telling_words >= TELLING_WORDS and self.score >= TELLING_SCORE))

    def replacement(self) -> str:
        if self.plural is None:
            return self.term
        head, _, last = self.term.rpartition(" ")
        last = pluralize(last) if self.plural else base_form(last)
        return f"{head} {last}".strip()

    def reason(self) -> str:
        swaps = ", ".join(f"{a}→{b}" for a, b, _ in self.substitutions)
        return (f"inferred: {swaps}; score {self.score:.2f}" + (f"; or {self.rival}" if self.rival else "")
                + ("; a swap through a WordNet synonym" if self.bridged else "")
                + (f"; maybe part of {self.part_of}" if self.part_of else "")
                + ("; the acronym after it spells the term" if self.acronym else ""))


class _Trie:
    def __init__(self):
        self.children: Dict[str, "_Trie"] = {}
        self.term: Optional[str] = None
        # The children by the length of their word and its first two letters,
        # and by the length and its last two (spelling_variants), built on the
        # first look: a node may have hundreds of children ("data").
        self._by_ends: Optional[Dict[Tuple[int, Tuple[str, str]], List[Tuple[str, "_Trie"]]]] = None

    def spelling_variants(self, word: str) -> List[Tuple[str, "_Trie"]]:
        """The children whose word same_word() takes for a spelling variant of
        `word`: one edit apart, so at most one character longer or shorter, and
        (both being at least MIN_FUZZY_LENGTH long) with the same first two
        letters or the same last two.  Only those are compared."""
        if self._by_ends is None:
            self._by_ends = defaultdict(list)
            for other, child in self.children.items():
                for ends in {("head", other[:2]), ("tail", other[-2:])}:
                    self._by_ends[len(other), ends].append((other, child))
        found = {}
        for length in (len(word) - 1, len(word), len(word) + 1):
            for ends in (("head", word[:2]), ("tail", word[-2:])):
                for other, child in self._by_ends.get((length, ends), ()):
                    if other not in found and same_word(word, other):
                        found[other] = child
        return list(found.items())


class Inferrer:
    """Compiled once from word maps and a gazetteer; `find(text)` yields inferred repairs."""

    def __init__(self, maps: WordMaps, terms: Iterable[str], min_score: float = DEFAULT_MIN_SCORE, common=None,
                 thesaurus: Optional[Thesaurus] = None, plausibility=None):
        self.maps = maps
        self.thesaurus = thesaurus
        # An n-gram model (unspin.plausibility.Plausibility), optional: it tells
        # ordinary phrases from a spinner's swaps.
        self.plausibility = plausibility
        self._common = common_words() if common is None else frozenset(common)
        self.min_score = min_score
        self._root = _Trie()
        # Terms by their initials, for the acronym a text gives in parentheses.
        self._by_initials: Dict[str, List[str]] = defaultdict(list)
        self._known = set()
        # Longer terms by the term they extend by one word, and that word:
        # "speech recognition" -> {"automatic": "automatic speech recognition"}
        # (words before), "gaussian mixture" -> {"model": ...} (words after).
        self._extended_before: Dict[str, Dict[str, str]] = defaultdict(dict)
        self._extended_after: Dict[str, Dict[str, str]] = defaultdict(dict)
        self._vocabulary = set()
        self._written = set()
        for term in terms:
            if len(words(term)) >= 2:
                self._written.add(fold_form(term))
            for key in (words(term), parts(term)):
                if not 2 <= len(key) <= MAX_TERM_WORDS:
                    continue
                self._known.add(" ".join(key))
                if key[0] in FUNCTION_WORDS or key[-1] in FUNCTION_WORDS:
                    # A news lexicon's phrase ("the same", "according to") is no
                    # technical term: composing it from ordinary words
                    # ("many identical") only makes false edits.  It still
                    # protects its own spelling, above.
                    continue
                self._vocabulary.update(key)
                node = self._root
                for word in key:
                    node = node.children.setdefault(word, _Trie())
                if node.term is None:
                    node.term = " ".join(term.split())
                    for initials in set(_initials(node.term)):
                        self._by_initials[initials].append(node.term)
                if len(key) >= 3:
                    self._extended_before[" ".join(key[1:])].setdefault(key[0], node.term)
                    self._extended_after[" ".join(key[:-1])].setdefault(key[-1], node.term)
        starters = set(self._root.children) | set(self.maps.counts) | {phrase[0] for phrase in self.maps.phrases}
        if thesaurus:
            starters |= {w for w, targets in thesaurus.relations.items()
                         # A view on both sides: isdisjoint then walks the smaller one.
                         if w not in self._common and not targets.keys().isdisjoint(self._root.children.keys())}
            # An ordinary word starts a term only through the pairs it may be read by.
            starters |= {w for w in thesaurus.relations.keys() & self._common
                         if not self._root.children.keys().isdisjoint(thesaurus.ordinary_targets(w)[0])}
        starters = {w for w in starters if w not in FUNCTION_WORDS and len(w) > 2}
        # Canonical terms as they are written: a phrase inside one is not spun
        # ("atomic force" in "atomic force microscopy" is no "nuclear power").
        spellings = {" ".join(key) for key in map(str.split, self._written)} - {""}
        self._spellings = [same_term_key(spelling) for spelling in sorted(spellings)]
        self._terms = ahocorasick_rs.AhoCorasick(sorted(spellings) or ["\x00"])
        # Leftmost-longest is exact here: a starter is one word, so a match
        # inside one word never hides the start of the next.
        self._starters = ahocorasick_rs.AhoCorasick(
            sorted(starters) or ["\x00"], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )
        # Texts repeat their words: look each distinct word up once.
        self._lookup = functools.lru_cache(maxsize=WORDS_CACHED)(self._proposals)
        # (text word, term word) swaps that _proposals reached through a synonym.
        self._bridged = set()
        # (text word, term word) swaps of ordinary words that only the thesauri's agreement supports.
        self._agreed_only = set()
        self._can_start = functools.lru_cache(maxsize=WORDS_CACHED)(self._starts)
        self._can_pair = functools.lru_cache(maxsize=WORDS_CACHED)(self._pairs)
        self._spelled = functools.lru_cache(maxsize=WORDS_CACHED)(self._spelled_words)
        # A text meets the same word at the same trie node again and again
        # ("system" after "operating"): the children it may spell are looked up once.
        self._next = functools.lru_cache(maxsize=WORDS_CACHED)(self._children)

    @classmethod
    def from_entries(cls, entries: Sequence[Entry], extra_terms: Iterable[str] = (), maps: Optional[WordMaps] = None, **options) -> "Inferrer":
        """Maps learned from `entries` (plus `maps`); gazetteer: their canonical forms plus `extra_terms`."""
        learned = WordMaps.learn(entries)
        terms = [entry.canonical for entry in entries] + list(extra_terms)
        return cls(learned.merged(maps) if maps else learned, terms, **options)

    @classmethod
    def default(cls, entries: Sequence[Entry], **options) -> "Inferrer":
        """What the API uses: the loaded lexicons plus the package's word maps and gazetteer
        (and `plausibility`, an n-gram model, when given)."""
        return cls.from_entries(entries, curated_terms(), WordMaps.shipped(), thesaurus=Thesaurus.shipped(), **options)

    def _children(self, node: _Trie, word: str) -> List[Tuple[str, _Trie]]:
        """Children of `node` that the text word may spell: mapped words, itself or a
        base form of itself, and (below the root) a spelling variant of itself."""
        found = [(c, node.children[c]) for c in dict.fromkeys((*self._lookup(word), *forms_of(word))) if c in node.children]
        if node is self._root or len(word) < MIN_FUZZY_LENGTH:
            return found
        seen = {c for c, _ in found}
        return found + [(child_word, child) for child_word, child in node.spelling_variants(word) if child_word not in seen]

    def _proposals(self, word: str) -> Dict[str, Tuple[float, bool]]:
        proposals = self.maps.targets(word, rare=word not in self._common)
        if self.thesaurus:
            # A common word ("main", "working") stands for a term word in
            # ordinary prose too often to be read through the thesaurus alone;
            # its learned swaps the thesaurus confirms are still surer (noisy-or).
            rare = word not in self._common
            kinds, plural = self.thesaurus.kinds(word)
            # A common word may have hundreds of relations: only those its learned swaps name are weighed.
            for target in (kinds if rare else [target for target in proposals if target in kinds]):
                if target in self._vocabulary:
                    known, _ = proposals.get(target, (0.0, plural))
                    proposals[target] = (1 - (1 - known) * (1 - RELATION_WEIGHTS[kinds[target]]), plural)
            if not rare:
                # Unless two thesauri agree on the pair, or the spinner thesaurus
                # lists it; even then too weak to make an inference alone
                # (AGREED_COMMON_WEIGHT).
                targets, plural = self.thesaurus.ordinary_targets(word)
                for target in targets:
                    if target in self._vocabulary and target not in proposals:
                        proposals[target] = (AGREED_COMMON_WEIGHT, plural)
                        self._agreed_only.add((word, target))
            if rare:
                # A swap learned for a synonym of the word ("thinking" for
                # "intelligence": then "cerebration" may stand for it too), as
                # sure as that swap times a thesaurus synonym's weight, where
                # nothing else proposes the term word.
                synonyms, plural = self.thesaurus.synonyms(word)
                bridged: Dict[str, Tuple[float, bool]] = {}
                for synonym in synonyms:
                    for target, (weight, synonym_plural) in self.maps.targets(synonym).items():
                        weight *= THESAURUS_WEIGHTS["synonym"]
                        if target in self._vocabulary and target not in proposals and weight > bridged.get(target, (0.0,))[0]:
                            bridged[target] = (weight, plural or synonym_plural)
                proposals.update(bridged)
                self._bridged.update((word, target) for target in bridged)
        proposals.pop(word, None)
        if word in self._vocabulary or base_form(word) in self._vocabulary:
            # The word is itself a word of technical terms ("system", "data"):
            # reading it as a spinner's swap is a weak guess.
            proposals = {t: (w * TECHNICAL_WORD_PENALTY, p) for t, (w, p) in proposals.items()}
        return proposals

    def _starts(self, word: str) -> bool:
        """Can a term start at this word? (Most words of a text cannot: they are skipped at once.)"""
        if word in FUNCTION_WORDS:
            return False
        return bool(self._next(self._root, word)) or any(
            target in self._root.children for _, target, _ in self.maps.phrase_targets(word))

    def _pairs(self, word: str, following: str) -> bool:
        """Can a term start with `word` and go on with `following`? (A phrase
        standing for one word of a term, "getting to know", always may.)"""
        if self.maps.phrase_targets(word):
            return True
        # What _next(child, following) would find, tested as sets: most pairs
        # find nothing, and a word may reach dozens of first words of terms.
        spelled = self._spelled(following)
        phrased = {target for _, target, _ in self.maps.phrase_targets(following)}
        firsts = [child for _, child in self._next(self._root, word)]
        if any(not spelled.isdisjoint(child.children) or not phrased.isdisjoint(child.children) for child in firsts):
            return True
        # Or a spelling variant of a second word, as _children finds them below the root.
        return len(following) >= MIN_FUZZY_LENGTH and any(child.spelling_variants(following) for child in firsts)

    def _spelled_words(self, word: str) -> frozenset:
        """The term words a text word may spell exactly: its proposals and its own forms."""
        return frozenset((*self._lookup(word), *forms_of(word)))

    def find(self, text: str) -> List[Inference]:
        # Folded text has the same length, so its offsets index `text` directly.
        folded = automaton_text(fold_text(text))
        found = []
        # Only words that may start a term (or their plurals) are worth a walk:
        # the automaton finds them without tokenizing the whole text.
        for _, start, _ in self._starters.find_matches_as_indexes(folded):
            if start > 0 and (is_word_char(folded[start - 1]) or _inside_compound(folded, start)):
                continue
            first = WORD.match(folded, start)
            if first and self._can_start(first.group()):
                # Most starts go no further than the next word: a cached look at
                # the pair spares the walk.
                following = self._next_word(text, folded, first.end())
                if following and self._can_pair(first.group(), following[2]):
                    found.extend(self._walk(text, folded, (first.start(), first.end(), first.group())))
        found.extend(self._walk_compounds(text, folded))
        if "(" in text:
            # Where the walk read the same words as the same term, it stands.
            walked = {(i.start, i.end, same_term_key(i.term)) for i in found}
            found.extend(i for i in self._spelled_by_acronyms(text, folded)
                         if (i.start, i.end, same_term_key(i.term)) not in walked)
        if not found:
            return found
        # An inference overlapping a span that spells a term is dropped (unless
        # it keeps the term whole inside, _overlaps_written).  The
        # spans sorted by start, with the furthest end reached so far: one
        # bisection per inference instead of a pass over every span.
        written = sorted(self._written_terms(text, folded))
        starts = [start for start, _, _ in written]
        reach = list(itertools.accumulate((end for _, end, _ in written), max))
        # The term each written span ends or starts at: a phrase glossed by its
        # own term beside it ("design acknowledgment pattern recognition")
        # would be repaired into the term twice.
        beside = {(end, "end"): key for _, end, key in written} | {(start, "start"): key for start, _, key in written}
        kept = []
        for inference in found:
            key = same_term_key(inference.term)
            if self._overlaps_written(inference, key, written, starts, reach):
                continue
            after = _JOINED_WORD.match(text, inference.end)
            if (after and beside.get((after.start(1), "start")) == key) or beside.get(
                    (_spacing_start(text, inference.start), "end")) == key:
                continue
            confirmed = _acronym_confirms(text, inference)
            if confirmed is False:
                continue
            if confirmed:
                inference = dataclasses.replace(inference, acronym=True)
            elif inference.sure:
                longer = self._half_repaired(folded, inference)
                if longer:
                    inference = dataclasses.replace(inference, part_of=longer)
            kept.append(inference)
        return _mark_ambiguous(kept)

    def _half_repaired(self, folded: str, inference: Inference) -> Optional[str]:
        """A longer term that the inference would leave half-repaired: the
        gazetteer has the term with one more word before or after it, and the
        text has another word there that the spinner may have swapped for that
        word ("programmed discourse acknowledgement": speech recognition, where
        automatic speech recognition is meant).  That word is rare in ordinary
        prose, or the maps or thesauri relate it to the longer term's word
        (any weight: a map too weak to make the longer inference still tells
        of it); an ordinary word beside the term ("the proposed neural
        organization") is no sign.  Or the word beside it may itself stand for
        the term's word at that edge: the phrase is read one word off, and the
        repair would say that word twice ("choice emotionally supportive
        network": Decision Support Systems network)."""
        spacing = _spacing_start(folded, inference.start)
        before = _LAST_WORD.search(folded, max(0, spacing - LONGEST_WORD), spacing) if spacing < inference.start else None
        after = _JOINED_WORD.match(folded, inference.end)
        for neighbour, extensions in ((before and before.group(), self._extended_before),
                                      (after and after.group(1), self._extended_after)):
            if not neighbour or neighbour in FUNCTION_WORDS:
                continue
            term_words = words(inference.term)
            edge = term_words[0] if extensions is self._extended_before else term_words[-1]
            if not same_word(neighbour, edge) and self._may_stand_for(neighbour, edge):
                return f"{neighbour} {inference.term}" if extensions is self._extended_before else f"{inference.term} {neighbour}"
            for key in dict.fromkeys((" ".join(words(inference.term)), " ".join(parts(inference.term)))):
                for word, longer in extensions.get(key, {}).items():
                    if not same_word(neighbour, word) and (neighbour not in self._common or self._may_stand_for(neighbour, word)):
                        return longer
        return None

    def _may_stand_for(self, word: str, term_word: str) -> bool:
        """Do the maps or thesauri relate `word` to `term_word` at all (a learned
        swap, a thesaurus relation, or a swap learned for a WordNet synonym)?"""
        if term_word in self.maps.targets(word) or term_word in self._lookup(word):
            return True
        if self.thesaurus is None:
            return False
        if term_word in self.thesaurus.targets(word):
            return True
        synonyms, _ = self.thesaurus.synonyms(word)
        return any(term_word in self.maps.targets(synonym) for synonym in synonyms)

    def _spelled_by_acronyms(self, text: str, folded: str) -> List[Inference]:
        """Phrases that an acronym after them ties to one term, word for word,
        where at most one word has no map to the term's ("digital reality
        (VR)": only "virtual reality" has those initials and the word
        "reality").  The walk needs every word mapped; the author's acronym
        stands in for one of them.  (Of 20,000 English compounds from WordNet,
        each followed by its own acronym, none was changed this way.)"""
        found = []
        for acronym in _ACRONYM.finditer(text):
            pieces = _words_before(folded, acronym.start())
            spelled = _spelled(acronym.group(1), bool(pieces) and looks_plural(pieces[-1][2]))
            terms = {term for key in spelled for term in self._by_initials.get(key, ())}
            best, rivals = None, []
            for term in terms:
                # Compounds whole ("self-emphatic woods" for "random forest")
                # or as their parts ("element-of-speech" for "part-of-speech").
                for tokens, key in ((_whole_words(pieces), words(term)), (pieces, parts(term))):
                    # A phrase never starts inside a compound.
                    if len(key) > len(tokens) or tokens[-len(key)][3]:
                        continue
                    span = tokens[-len(key):]
                    reading = self._read_as(span, key)
                    if reading is None:
                        continue
                    if best is None or reading[0] > best[0][0]:
                        best, rivals = (reading, term, span), []
                    elif reading[0] == best[0][0] and same_term_key(term) != same_term_key(best[1]):
                        rivals.append(term)
            if best is None or rivals:
                continue
            (score, swaps, plural), term, span = best
            if score >= self.min_score:
                found.append(Inference(span[0][0], span[-1][1], term, plural, score, swaps, acronym=True))
        return found

    def _read_as(self, tokens, key) -> Optional[Tuple[float, tuple, Optional[bool]]]:
        """How the text's words read as the term's words `key`: (score, swaps,
        plural), or None when more than one word has no map, when a function
        word differs, or when nothing differs."""
        swaps, plural = [], None
        for (_, _, word, _), term_word in zip(tokens, key):
            # The number of the last word carries over (see _walk); an unmapped one says nothing.
            plural = None
            if same_word(word, term_word) or (word in FUNCTION_WORDS and word == term_word):
                plural = True if is_plural_of(word, term_word) else (False if is_plural_of(term_word, word) else None)
                continue
            if word in FUNCTION_WORDS or term_word in FUNCTION_WORDS:
                return None
            weight, mapped_plural = self._lookup(word).get(term_word, (0.0, False))
            swaps.append([word, term_word, weight])
            plural = True if weight and mapped_plural and not looks_plural(term_word) else None
        # The acronym vouches for one swap that no map (or only a weak one:
        # "digital" -> virtual) supports; every other word must read as the
        # term's on its own, and there must be one (a compound read whole,
        # "e-commerce", is a single word).
        if len(key) < 2 or not swaps or sum(not weight for _, _, weight in swaps) > 1:
            return None
        weakest = min(swaps, key=lambda swap: swap[2])
        weakest[2] = max(weakest[2], ACRONYM_ONLY_WEIGHT)
        product = 1.0
        for _, _, weight in swaps:
            product *= weight
        return product ** (1 / len(swaps)), tuple(map(tuple, swaps)), plural

    @staticmethod
    def _overlaps_written(inference, key, written, starts, reach) -> bool:
        """Does a term the text writes overlap the inference, other than one it
        keeps whole inside ("wireless sensor" in "wireless sensor community",
        which becomes "wireless sensor network")?"""
        at = bisect.bisect_left(starts, inference.end) - 1
        # Spans that start before the inference ends, back while any reaches into it.
        while at >= 0 and reach[at] > inference.start:
            start, end, written_key = written[at]
            if end > inference.start:
                inside = start >= inference.start and end <= inference.end
                if not inside or f" {written_key} " not in f" {key} ":
                    return True
            at -= 1
        return False

    def _written_terms(self, text: str, folded: str) -> List[Tuple[int, int, str]]:
        """Spans where the text already spells a canonical term (whole words), with the term's key."""
        spans = []
        for index, start, end in self._terms.find_matches_as_indexes(folded, overlapping=True):
            if whole_words(text, start, end):
                spans.append((start, end, self._spellings[index]))
        return spans

    def _next_word(self, text: str, folded: str, end: int, joined: re.Pattern = _JOINED_WORD):
        """The word after offset `end` if only plain spacing separates them, else None."""
        # The spacing is read in the text as written: folding turns line breaks into spaces.
        following = joined.match(text, end)
        if not following or following.start(1) - end > MAX_GAP:
            return None
        start, stop = following.span(1)
        return start, stop, folded[start:stop]

    def _nothing_governed(self, text: str, folded: str, end: int) -> bool:
        """Does nothing that a preposition could govern follow offset `end`: the
        text ends, punctuation follows, or an auxiliary or a conjunction ("was",
        "and"), not a noun or an article ("of images", "of the")?"""
        following = self._next_word(text, folded, end)
        return following is None or following[2] in _UNGOVERNED

    def _next_part(self, text: str, folded: str, end: int):
        """The next part of a hyphenated compound after offset `end`, else the
        first part of the next word, as _next_word."""
        if _hyphen_goes_on(folded, end):
            part = _PART.match(folded, end + 1)
            return part.start(), part.end(), part.group()
        return self._next_word(text, folded, end, _JOINED_PART)

    def _walk_compounds(self, text: str, folded: str) -> List[Inference]:
        """Phrases that start with a hyphenated compound, read part by part: a
        spinner swaps the parts one by one ("cross-approval" for
        cross-validation, "laptop-aided" for computer-aided), and no map need
        know the whole compound.  Where the whole-word walk read the same
        words as the same term, the two inferences are one for select_longest."""
        results, walked = [], set()
        for hyphen in _INNER_HYPHEN.finditer(folded):
            start = hyphen.start()
            # Back to the start of the compound: a phrase never starts inside one.
            while start > 0 and (is_word_char(folded[start - 1]) or folded[start - 1] in "'’"
                                 or _inside_compound(folded, start)):
                start -= 1
            if start in walked:
                continue
            walked.add(start)
            first = _PART.match(folded, start)
            if first and self._can_start(first.group()):
                results.extend(self._walk(text, folded, (first.start(), first.end(), first.group()), by_parts=True))
        return results

    def _walk(self, text: str, folded: str, first: tuple, by_parts: bool = False) -> List[Inference]:
        """Follow the trie from the word `first` on, one word at a time while any
        path goes on (or one part of a hyphenated compound at a time, `by_parts`)."""
        next_token = self._next_part if by_parts else self._next_word
        results, tokens = [], [first]
        # Each path: trie node, swaps so far, the factor of variant spellings so far,
        # the number of the last word when it differs from the term's
        # (True plural, False singular, None same), and the words still to
        # read of a phrase that stands for one word of the term.
        paths = [(self._root, (), 1.0, None, ())]
        while True:
            word = tokens[-1][2]
            proposals = self._lookup(word)
            # A mapped phrase is words a spinner wrote apart: in "electronic-mail"
            # the writer made one compound of them.
            hyphened = by_parts and len(tokens) > 1 and folded[tokens[-2][1]] in "-‐‑"
            extended = []
            for node, swaps, kept, number, pending in paths:
                if pending:
                    if word == pending[0] and not hyphened:
                        extended.append((node, swaps, kept, number, pending[1:]))
                    continue
                for rest, target, weight in self.maps.phrase_targets(word):
                    if target in node.children:
                        phrase = " ".join((word,) + rest)
                        extended.append((node.children[target], swaps + ((phrase, target, weight),), kept, None, rest))
                for child_word, child in self._next(node, word):
                    if child_word in proposals:
                        weight, plural = proposals[child_word]
                        number = True if plural and not looks_plural(child_word) else None
                        extended.append((child, swaps + ((word, child_word, weight),), kept, number, ()))
                    elif word == child_word:
                        extended.append((child, swaps, kept, None, ()))
                    else:
                        # A variant spelling counts a little less, so that an exact spelling wins a tie.
                        number = True if is_plural_of(word, child_word) else (False if is_plural_of(child_word, word) else None)
                        extended.append((child, swaps, kept * VARIANT_PENALTY, number, ()))
            paths = extended
            # A repair read by parts never ends inside a compound.
            inside = by_parts and _hyphen_goes_on(folded, tokens[-1][1])
            for node, swaps, kept, plural, pending in paths:
                if node.term and swaps and not pending and not inside:
                    inference = self._accept(tokens, node.term, swaps, kept, plural, text, folded)
                    if inference:
                        results.append(inference)
            paths = [path for path in paths if path[4] or path[0].children]
            if not paths or len(tokens) == MAX_TERM_WORDS + MAX_PHRASE_WORDS - 1:
                return results
            following = next_token(text, folded, tokens[-1][1])
            if following is None:
                return results
            tokens.append(following)

    def _accept(self, tokens, term, swaps, variants, plural, text: str, folded: str) -> Optional[Inference]:
        spun_words = [word for _, _, word in tokens]
        # A phrase never ends with a function word, unless a spun phrase the
        # maps know ends with it ("gaining knowledge of": learning) and it
        # governs nothing after it: "machine-gaining knowledge of was used",
        # but not "transfer gaining knowledge of images".
        if spun_words[-1] in FUNCTION_WORDS and not (
                " " in swaps[-1][0] and swaps[-1][0].endswith(" " + spun_words[-1])
                and self._nothing_governed(text, folded, tokens[-1][1])):
            return None
        singular = spun_words[:-1] + [base_form(spun_words[-1])]
        if " ".join(spun_words) in self._known or " ".join(singular) in self._known:
            return None  # the phrase is itself a technical term
        # How reliable the swaps are, as their geometric mean: a longer phrase
        # is no less likely tortured for having more swapped words.
        product = 1.0
        for _, _, weight in swaps:
            product *= weight
        score = variants * product ** (1 / len(swaps))
        if score < self.min_score:
            return None
        swapped = {word for spun, _, _ in swaps for word in spun.split(" ")}
        heard = None if self.plausibility is None else self._heard(spun_words, swapped)
        kept = [word for word in spun_words if word not in swapped]
        # A phrase that stands for one word ("getting to know") is two swapped words.
        anchored = len(swapped) >= 2 or all(word not in self._common for word in kept)
        bridged = any((spun, target) in self._bridged for spun, target, _ in swaps)
        # A swapped function word ("to" for "of") tells of no technical term.
        telling = (sum(spun not in FUNCTION_WORDS for spun, _, _ in swaps)
                   + sum(word not in self._common for word in kept))
        if telling < TELLING_WORDS and any((spun, target) in self._agreed_only for spun, target, _ in swaps):
            return None
        return Inference(tokens[0][0], tokens[-1][1], term, plural, score, swaps, anchored, heard, bridged=bridged,
                         telling_words=telling)

    def _heard(self, spun_words, swapped) -> bool:
        """Does the n-gram model know a swapped word beside a neighbour as a phrase?
        (A word it does not know at all it never saw beside anything.)"""
        # The model's words: lower case, hyphenated compounds as their parts.
        sequence = [(part, word in swapped) for word in spun_words for part in HYPHENS.sub(" ", word).split()]
        for (first, first_swapped), (second, second_swapped) in zip(sequence, sequence[1:]):
            if first_swapped or second_swapped:
                association = self.plausibility.association(first, second)
                if association is not None and association >= ORDINARY_ASSOCIATION:
                    return True
        return False


def same_term_key(term: str) -> str:
    """Terms that differ only in number ("integrated circuit", "integrated circuits") share this key."""
    return " ".join(base_form(word) for word in parts(term))


# An acronym in parentheses: two capitals or more, maybe digits and a plural "s" ("CNN", "CVDs", "B5G").
_ACRONYM = re.compile(r"[ \t]*\(([A-Z][A-Za-z0-9-]*[A-Z0-9]s?)\)")


def _words_before(folded: str, end: int, most: int = MAX_TERM_WORDS) -> List[Tuple[int, int, str, bool]]:
    """The words that end at `end`, joined by spacing or hyphens only, at most
    `most`: (start, end, word, whether a hyphen joins it to the word before)."""
    tokens = []
    at = end
    while len(tokens) < most:
        gap = at
        while gap > 0 and folded[gap - 1] in " \t-‐‑":
            gap -= 1
        if (gap == at and tokens) or gap == 0 or not is_word_char(folded[gap - 1]):
            break
        start = gap
        while start > 0 and (is_word_char(folded[start - 1]) or folded[start - 1] in "'’"):
            start -= 1
        if tokens:
            # The token read before this one (later in the text) is joined to it by a hyphen.
            tokens[-1] = tokens[-1][:3] + (any(c in "-‐‑" for c in folded[gap:at]),)
        tokens.append((start, gap, folded[start:gap].replace("’", "'"), start > 0 and folded[start - 1] in "-‐‑"))
        at = start
    return tokens[::-1]


def _whole_words(tokens) -> List[Tuple[int, int, str, bool]]:
    """The tokens of _words_before with hyphenated compounds joined into one word."""
    joined = []
    for start, end, word, hyphen in tokens:
        if hyphen and joined:
            first = joined.pop()
            joined.append((first[0], end, f"{first[2]}-{word}", first[3]))
        else:
            joined.append((start, end, word, hyphen))
    return joined


def _spelled(acronym: str, after_plural: bool) -> set:
    """What an acronym spells: its capitals and digits, and without a final
    "S" where it may be a plural's, after a word that looks plural
    ("organisations (PVOS)": PVO; but "network filesystem (NFS)" is no
    "NF"); nothing with fewer than two capitals."""
    if sum(c.isupper() for c in acronym) < 2:
        return set()
    letters = "".join(c for c in acronym if c.isupper() or c.isdigit())
    return {letters} | ({letters[:-1]} if after_plural and letters.endswith("S") else set())


def _initials(term: str) -> Tuple[str, str]:
    """A term's initials, upper case: of every word ("OOAS"), and of its words
    other than function words ("OAS" for "Organization of American States");
    a hyphenated compound gives one letter a part ("POS" for "part-of-speech")."""
    every = [word for word in parts(term) if word]
    return "".join(w[0] for w in every).upper(), "".join(w[0] for w in every if w not in FUNCTION_WORDS).upper()


def _acronym_confirms(text: str, inference: Inference) -> Optional[bool]:
    """True when the acronym after the phrase spells the term's initials; False
    when it spells something else (the author named another term: "Automated
    Insights (AI)" is no "machine learning"); None without an acronym, or when
    the acronym may stand for a longer phrase that ends with this one
    ("neural organization" in "convolutional neural organization (CNN)")."""
    found = _ACRONYM.match(text, inference.end)
    if not found:
        return None
    last_word = _LAST_WORD.search(text, max(0, inference.end - LONGEST_WORD), inference.end)
    spelled = _spelled(found.group(1), last_word is not None and looks_plural(last_word.group().lower()))
    if not spelled:
        return None
    initials = _initials(inference.term)
    if spelled & set(initials):
        return True
    if any(a.endswith(i) for a in spelled for i in initials if i):
        return None
    return False


def _mark_ambiguous(inferences: List[Inference]) -> List[Inference]:
    """Inferences whose span another term reads about as well (AMBIGUOUS_RATIO), with the best such rival."""
    by_span = defaultdict(list)
    for inference in inferences:
        by_span[inference.start, inference.end].append(inference)
    marked = []
    for inference in inferences:
        rivals = [other for other in by_span[inference.start, inference.end]
                  if same_term_key(other.term) != same_term_key(inference.term)]
        best = max(rivals, key=lambda other: other.score, default=None)
        if best is not None and best.score >= AMBIGUOUS_RATIO * inference.score:
            inference = dataclasses.replace(inference, rival=best.term)
        marked.append(inference)
    return marked


def as_candidate(inference: Inference, text: str) -> Candidate:
    """An inference in the shape the rest of the pipeline repairs and explains."""
    entry = Entry(
        id=f"inferred:{inference.term}",
        spun=(text[inference.start : inference.end],),
        canonical=inference.replacement(),
        tier=INFERRED_TIER,
        note=inference.reason(),
    )
    return Candidate(inference.start, inference.end, entry)


def select_longest(inferences: Iterable[Inference]) -> List[Inference]:
    """Leftmost, then longest, then best-scored non-overlapping inferences."""
    ordered = sorted(inferences, key=lambda i: (i.start, -i.end, -i.score))
    chosen, reached = [], 0
    for inference in ordered:
        if inference.start >= reached:
            chosen.append(inference)
            reached = inference.end
    return chosen


def term_key(term: str) -> str:
    """A term's comparison key: its words, lower case."""
    return fold_form(" ".join(words(term)))
