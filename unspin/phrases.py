"""Known phrases: where the spin evidence of a document does not stand in for context.

An entry with `spin_suffices` repairs its spun word anywhere outside quotations
in a document that shows spin, once its own context condition is unmet ("final"
→ "last": the spinner's "final 12 months").  It leaves the word alone

- inside a set phrase that no spinner made: "final round", "General
  Assembly", "cease-fire", "regression analysis" (every canonical form of two
  or more words in the built-in lexicons, and the gazetteer's terms);
- where its repair would make a spun form of several words with the words
  around it ("residence Republicans" → "home Republicans", the spinner's
  House Republicans): the word was not the spinner's there.

And no entry changes the last word of a name the lexicons know, capitalized
as names are, with the rest of the name before it, by reading it as the
start of a spun form: "Department of Homeland Security internet access"
holds no "security internet" (the spinner's "safety net"), "Downing Street
security" no "street security", and "Great Wall road" no "Wall Street" (a
repair that keeps the word but makes another phrase of it).  In a document that shows no spin, the same
holds for the last word of a technical term (the gazetteer's, and the
canonical forms of the scholarly lexicons): "analytic hierarchy process
power" holds no "process power" (the spinner's "task force").  In a spun
document the repair is made: there the words are more likely the spinner's.

Nor does any entry change words that stand inside a technical term of more
words, written out around them, in any document: "query optimizer" holds no
"query" (the spinner's question), "transfer function model" no "function
model" (role model).  A spinner that swaps words of ordinary prose does not
write a whole technical term around its swap; none of the news pairs'
repairs stands inside one.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Optional

import regex

from . import cache
from .lexicon import builtin_paths, load_lexicons
from .wordlists import FUNCTION_WORDS, curated_terms

_WORD = regex.compile(r"\w+")
_FIRST_WORD = regex.compile(r"\W*(\w+)")
# The same read backwards from the end of a stretch of text: its last word.
_LAST_WORD = regex.compile(r"(\w+)\W*\Z", regex.REVERSE)
_SPACE = regex.compile(r"\s")
# Characters read on each side of a word: more than the rest of any known phrase.
SIDE = 80
# How many indexes of the phrases around a span's words are kept: a few MB,
# and a long stream of text cannot grow them without bound.
_REMEMBERED = 100_000


def words_of(text: str) -> tuple:
    """Lower-case words: hyphens and punctuation only separate them ("cease-fire" is cease, fire)."""
    return tuple(_WORD.findall(text.lower()))


class KnownPhrases:
    def __init__(self, phrases: Iterable[str], terms: Iterable[str] = ()):
        """`phrases`, and among them the technical `terms` (see ends_term())."""
        by_word, name_heads, term_heads = defaultdict(set), defaultdict(set), defaultdict(set)
        for phrase in phrases:
            words = words_of(phrase)
            if len(words) > 1:
                for position, word in enumerate(words):
                    by_word[word].add((words, position))
                if phrase.rsplit(None, 1)[-1][:1].isupper():
                    # A name ("Department of Homeland Security", "Downing Street"): see ends_name().
                    name_heads[words[-1]].add(words[:-1])
        multiword_terms = set()
        for term in terms:
            words = words_of(term)
            if len(words) > 1:
                multiword_terms.add(words)
                if words[-1] not in FUNCTION_WORDS:
                    term_heads[words[-1]].add(words[:-1])
        # The technical terms of several words, as their words: see term_neighbours().
        self._terms = frozenset(multiword_terms)
        # Sorted, so that the first phrase found is the same in every process.
        self._by_word = {word: sorted(found) for word, found in by_word.items()}
        # Inner words -> the phrases that hold them, by the words beside them; see around().
        self._beside = {}
        # The last word of a name -> the words before it, in each name it ends;
        # the same for the technical terms that do not end with a function word.
        self._name_heads = {word: sorted(heads) for word, heads in name_heads.items()}
        self._term_heads = {word: sorted(heads) for word, heads in term_heads.items()}

    def knows(self, words: tuple) -> bool:
        """Could `words` stand in a known phrase at all (is its first word in one)?"""
        return bool(words) and words[0] in self._by_word

    def around(self, words: tuple, beside: tuple, text: str, start: int, end: int) -> Optional[str]:
        """The known phrase that `words`, standing at text[start:end] between the words
        `beside` it, belongs to with more of its words around, or None."""
        return self.around_among(self.neighbours(words), beside, text, start, end)

    @staticmethod
    def around_among(neighbours: dict, beside: tuple, text: str, start: int, end: int) -> Optional[str]:
        """around(), given the `neighbours()` of the words."""
        # The words right beside the span rule out most phrases before the
        # windows are read word by word (this runs for every candidate that
        # spin evidence would repair).
        phrases = _phrases_beside(neighbours, *beside) if neighbours else ()
        if not phrases:
            return None
        before = words_of(text[max(0, start - SIDE) : start])
        after = words_of(text[end : end + SIDE])
        for phrase, head, tail in phrases:
            if (not head or before[-len(head):] == head) and after[: len(tail)] == tail:
                return " ".join(phrase)
        return None

    def term_neighbours(self, words: tuple) -> dict:
        """neighbours() among the technical terms only."""
        found = {}
        for key, group in self.neighbours(words).items():
            terms = [item for item in group if item[1][0] in self._terms]
            if terms:
                found[key] = terms
        return found

    def ends_name(self, word: str, text: str, start: int) -> bool:
        """Does a known name of several words, capitalized at its end ("Downing Street"),
        end with the lower-case `word`, standing at `start`, its other words written
        just before it?"""
        return self._ends(self._name_heads, word, text, start)

    def ends_term(self, word: str, text: str, start: int) -> bool:
        """The same for a technical term of several words that ends with `word`
        (not a function word): "analytic hierarchy process"."""
        return self._ends(self._term_heads, word, text, start)

    def term_ends(self) -> frozenset:
        """The words that end a technical term of several words (function words aside)."""
        return frozenset(self._term_heads)

    @staticmethod
    def _ends(heads_of: dict, word: str, text: str, start: int) -> bool:
        heads = heads_of.get(word)
        if not heads:
            return False
        before = words_of(text[max(0, start - SIDE) : start])
        return any(before[-len(head):] == head for head in heads)

    def neighbours(self, words: tuple) -> dict:
        """The phrases that hold `words` with words of their own beside them, by (their
        word just before them or None, their word just after them or None), each group
        as (rank in the sorted phrases, (phrase, words before, words after)); empty
        where none does."""
        by_neighbours = self._beside.get(words)
        if by_neighbours is None:
            if len(self._beside) >= _REMEMBERED:
                self._beside.clear()
            by_neighbours = self._beside[words] = self._by_neighbours(words) if self.knows(words) else {}
        return by_neighbours

    def _by_neighbours(self, inner: tuple) -> dict:
        """neighbours(), built once for each `inner`: the phrases of a common first
        word run to hundreds, and the words beside a span vary far more than the span
        does: walked for each span and the words beside it, they took 0.06 s of the
        1.2 s of a first repair of the benchmark's first 10 MB."""
        size, found = len(inner), {}
        for rank, (words, position) in enumerate(self._by_word.get(inner[0], ())):
            head, tail = words[:position], words[position + size :]
            if words[position : position + size] != inner or not (head or tail):
                continue
            key = (head[-1] if head else None, tail[0] if tail else None)
            found.setdefault(key, []).append((rank, (words, head, tail)))
        return found

def _phrases_beside(neighbours: dict, left: str, right: str) -> tuple:
    """(phrase, its words before the span, its words after) for the phrases among
    `neighbours` that allow `left` just before the span and `right` just after it."""
    # A phrase with no word before the span allows any `left`: its key has
    # None there; the same after.  Each group keeps the phrases' order.
    # Looked up one by one, not in a loop: this runs for every candidate that
    # spin evidence would repair, and most find no group at all.
    get = neighbours.get
    groups = [found for found in (get((left, right)), get((left, None)), get((None, right)), get((None, None))) if found]
    if not groups:
        return ()
    if len(groups) == 1:
        return tuple(phrase for _, phrase in groups[0])
    return tuple(phrase for _, phrase in sorted(item for group in groups for item in group))


def _words_or_word(text: str) -> tuple:
    # Most spans are one plain ASCII word: no regex needed.
    return (text.lower(),) if text.isascii() and text.isalnum() else words_of(text)


def words_beside(text: str, start: int, end: int) -> tuple:
    """The lower-case words just before and just after text[start:end] ('' where there is none)."""
    return _word_before(text, start), _word_after(text, end)


def _word_before(text: str, start: int) -> str:
    """The lower-case word that ends nearest before `start` (within SIDE characters), or ''."""
    # Searched backwards from `start`, within the window: no copy of the window
    # is made and reversed (this runs for every candidate that spin evidence would repair).
    found = _LAST_WORD.search(text, max(0, start - SIDE), start)
    return found.group(1).lower() if found else ""


def _word_after(text: str, end: int) -> str:
    """The lower-case word that starts nearest after `end` (within SIDE characters), or ''."""
    found = _FIRST_WORD.match(text, end, end + SIDE)
    return found.group(1).lower() if found else ""


@functools.lru_cache(maxsize=1)
def _builtin_phrases() -> tuple:
    """(set phrases, spun forms) of the built-in lexicons and the gazetteer.

    Built once per version of them and of this module, then kept in the
    lexicon cache: building means loading every lexicon again (0.3 s at the
    first repair of a process); reading the stored indexes takes 0.03 s.
    """
    sources = [*builtin_paths(), Path(__file__).with_name("gazetteer.txt")]
    stamps = [f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}" for path, stat in ((p, p.stat()) for p in sources)]
    return cache.remember(Path(__file__), ["phrases", *stamps], _build_phrases)


def _build_phrases() -> tuple:
    lexicons = load_lexicons()
    entries = [entry for lexicon in lexicons for entry in lexicon.entries]
    # Technical terms: the gazetteer's, and the canonical forms of the scholarly lexicons.
    terms = set(curated_terms()) | {e.canonical for lexicon in lexicons if not lexicon.name.startswith("news") for e in lexicon.entries}
    return KnownPhrases({entry.canonical for entry in entries} | terms, terms), KnownPhrases({form for entry in entries for form in entry.spun})


def set_phrases() -> KnownPhrases:
    return _builtin_phrases()[0]


def spun_phrases() -> KnownPhrases:
    return _builtin_phrases()[1]


def spin_may_stand_in(text: str, start: int, end: int, canonical: str) -> bool:
    """May spin evidence alone repair text[start:end] to `canonical` (see the module's rules)?"""
    known, spun = _neighbours(text[start:end], canonical)
    if not (known or spun):
        return True
    beside = words_beside(text, start, end)
    around = KnownPhrases.around_among
    return not ((known and around(known, beside, text, start, end)) or (spun and around(spun, beside, text, start, end)))


@functools.lru_cache(maxsize=16384)
def _neighbours(written: str, canonical: str) -> tuple:
    """The neighbours() of the written words among the set phrases, and of the canonical
    words among the spun forms: the same for every occurrence of a form."""
    return set_phrases().neighbours(_words_or_word(written)), spun_phrases().neighbours(words_of(canonical))


def starts_inside_name(text: str, start: int, end: int) -> bool:
    """Does text[start:end], of several words, start with the capitalized last word
    of a known name whose other words stand just before it (see the module's
    rules)?  Its repair would change that word ("Fort Worth war": no "price
    war") or make another phrase of it ("Great Wall road": no "Wall Street")."""
    if not text[start].isupper() or text[start:end].isalnum() or _SPACE.search(text, start, end) is None:
        # Most candidates: lower-case, or a single word (a line break also parts
        # words); a span of letters alone is one without a search.
        return False
    first = _WORD.match(text, start, end)
    return first is not None and first.end() < end and set_phrases().ends_name(first.group().lower(), text, start)


def starts_inside_term(text: str, start: int, end: int) -> bool:
    """Does text[start:end], of several words, start with the last word of a
    technical term whose other words stand just before it?  Its repair would
    change that word ("analytic hierarchy process power": no "task force") or
    make another phrase of it ("natural frequency area": no "frequency
    domain").  Asked in documents that show no spin (see the module's rules)."""
    first = _WORD.match(text, start, end)
    return first is not None and first.end() < end and set_phrases().ends_term(first.group().lower(), text, start)


def inside_term(text: str, start: int, end: int) -> bool:
    """Does text[start:end] stand inside a technical term of more words, its
    other words written just around it (see the module's rules)?"""
    # Most spans stand in no term with words around them: that is ruled out by
    # one look-up, before the words beside the span are read.
    neighbours = _term_neighbours(text[start:end])
    return bool(neighbours) and KnownPhrases.around_among(neighbours, words_beside(text, start, end), text, start, end) is not None


@functools.lru_cache(maxsize=16384)
def _term_neighbours(written: str) -> dict:
    """The term_neighbours() of the written words: the same for every occurrence of a form."""
    return set_phrases().term_neighbours(_words_or_word(written))


def overlapping_entries(entries) -> frozenset:
    """The ids of the entries with a spun form of several words that starts with the
    last word of a technical term ("process power": analytic hierarchy process).
    Only their candidates are checked with starts_inside_term()."""
    ends = set_phrases().term_ends()
    return frozenset(
        entry.id
        for entry in entries
        if any(len(words) > 1 and words[0] in ends for words in map(words_of, entry.spun))
    )

