"""Matcher: find every whole-word occurrence of any spun form in a text.

The text is folded to a matching form of exactly the same length (lower case,
typographic apostrophes straightened, any whitespace as a plain space), so
offsets found in the folded text index the original text directly.  Runs of
whitespace are collapsed with an explicit offset map, so a phrase may span a
line break or several spaces.  An Aho-Corasick automaton (ahocorasick-rs)
reports all overlapping hits.  Forms of ASCII only are scanned in an ASCII
view of the folded text (see ascii_view), which is made faster and keeps
every character's word class, and in which the automaton itself finds whole
words only (see boundary_text); the few others (a dash, an accented letter)
in the folded text, by an automaton of their own that runs only on texts
that may hold them, and, for marks without case, only around each occurrence
of a mark; their word boundaries are checked on the original text with
Unicode rules.  Forms of an entry with a
proximity `window` also match with up to that many other words between their own words; such a spread hit keeps the
positions of the form's words, and is found only for entries whose canonical
form has as many words, so that repair can replace it word for word and keep
the words in between.  Choosing among overlapping candidates is left to
repair, after context has decided which of them hold.

The same scan finds which of the entries' document terms (`document_has`,
`document_lacks`) stand in the text as whole words, for context to look up.
"""

from __future__ import annotations

import bisect
import codecs
import itertools
import operator
import re
import unicodedata
from typing import Iterator, List, NamedTuple, Sequence, Tuple

import ahocorasick_rs
import regex

from .lexicon import Entry, fold_form

# Every whitespace character but the common ASCII ones, and typographic
# apostrophes: each becomes one plain character, so lengths never change.
_RARE_SPACE = re.compile("[" + "".join(c for c in map(chr, range(0x3000 + 1)) if c.isspace() and c not in " \t\n\r") + "]")
# Lone surrogates (undecodable bytes kept by `--errors surrogateescape`) cannot
# be handed to the automaton; it sees U+FFFD there, which no form contains.
_SURROGATE = re.compile("[\ud800-\udfff]")
# The ASCII ones among them (form feed, vertical tab, separators) need the scan too.
_RARE_ASCII_SPACE = [c for c in map(chr, range(0x80)) if c.isspace() and c not in " \t\n\r"]
# Written with a literal prefix of two spaces, so that `re` looks for a second
# space only after a first (the text's every word break): as "(  +)", whose
# prefix is one space, it began a match at each of them, and took a fifth of
# the scan (" {2,}" twice that).
_WHITESPACE_RUN_SPLIT = re.compile(r"(   *)")
_CONTIGUOUS = ahocorasick_rs.Implementation.ContiguousNFA


def automaton_text(folded: str) -> str:
    """Folded text as an automaton can take it: lone surrogates become U+FFFD (same length)."""
    return _SURROGATE.sub("\ufffd", folded) if not folded.isascii() else folded


class Candidate(NamedTuple):
    """One whole-word hit.  A tuple, not a dataclass: a document can have a
    hundred thousand of them, and a tuple is made three times faster."""

    start: int
    end: int
    entry: Entry
    # For a spread (proximity) hit: the (start, end) of each of the form's words.
    words: tuple = ()


class Terms(NamedTuple):
    """Which document terms a text holds, as the matcher's scan found them."""

    # The folded terms the matcher looks for (the others are searched by context).
    sought: frozenset
    # Those of them that stand in the text as whole words.
    found: frozenset


_ASCII_NON_WORD = frozenset(c for c in map(chr, range(0x80)) if not (c.isalnum() or c == "_"))


def is_word_char(char: str) -> bool:
    """Unicode word character: letters, digits, underscore and combining marks."""
    if char.isascii():
        # Most neighbours of a hit are ASCII spaces and punctuation: skip the Unicode table.
        return char.isalnum() or char == "_"
    return char.isalnum() or unicodedata.category(char)[0] == "M"


def fold_text(text: str) -> str:
    """Same-length matching form of `text`."""
    lowered = text.lower()
    if len(lowered) != len(text):
        # A few characters lower-case to two ("İ" -> "i̇"); keep those as they are
        # so that every offset stays exact.
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    # str.replace and a regex character class scan at C speed; str.translate
    # with a table this large ran at under 10 MB/s.
    folded = lowered.replace("\n", " ").replace("\t", " ").replace("\r", " ")
    if not folded.isascii() or any(c in folded for c in _RARE_ASCII_SPACE):
        folded = _RARE_SPACE.sub(" ", folded).replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return folded


# The ASCII view of a text (below) keeps whitespace and apostrophes from
# outside ASCII as they fold, and puts one of these for every other such
# character, a word character or not: what no form of ASCII can match there
# either, and of the same class as the character for word boundaries.
_NON_ASCII_STAND_IN = "?"
_NON_ASCII_WORD_STAND_IN = "_"
_STAND_INS = _NON_ASCII_STAND_IN + _NON_ASCII_WORD_STAND_IN
_FOLD_TO_ASCII = "unspin.ascii-view"


def _fold_char(char: str) -> str:
    """What one character outside ASCII becomes in the ASCII view."""
    lowered = char.lower()
    if len(lowered) != 1:
        lowered = char  # as fold_text keeps it
    if lowered.isascii():
        return lowered  # the Kelvin sign "K" lower-cases to "k"
    if lowered.isspace():
        return " "
    if lowered in "\u2019\u2018\u02bc":
        return "'"
    return _NON_ASCII_WORD_STAND_IN if is_word_char(char) else _NON_ASCII_STAND_IN


def _fold_to_ascii(error: UnicodeEncodeError):
    return "".join(map(_fold_char, error.object[error.start : error.end])), error.end


codecs.register_error(_FOLD_TO_ASCII, _fold_to_ascii)
# ASCII in lower case, and every ASCII whitespace character as a plain space
# (bytes beyond ASCII never occur).
_ASCII_FOLD = bytes(ord(" ") if chr(b).isspace() else ord(chr(b).lower()) if b < 0x80 else b for b in range(256))


def found_in_ascii_view(key: str) -> bool:
    """Is a folded form or term found in the ASCII view wherever the folded text has it?"""
    return key.isascii() and not any(c in key for c in _STAND_INS)


def ascii_view(text: str) -> str:
    """fold_text(text) with every other character outside ASCII as "_" (a word character) or "?", in three passes at C speed.

    Forms of ASCII only without a stand-in (every built-in one) match this
    view exactly where they match the folded text, and a word boundary lies
    between the same characters.  It is made faster than the folded text,
    whose wide characters (one typographic quote makes a str two bytes a
    character) slow down lower-casing and every regex pass; the characters
    outside ASCII, usually few, are folded one run at a time by the codec's
    error handler.  Lone surrogates, which the automaton refuses, need no
    pass of their own.  Folding and collapsing 6 MB of the benchmark's
    documents took 0.06 s of CPU against 0.13 s.
    """
    return text.encode("ascii", _FOLD_TO_ASCII).translate(_ASCII_FOLD).decode("ascii")


class _CollapsedText:
    """Folded text with whitespace runs collapsed, and the map back to offsets."""

    def __init__(self, folded: str):
        # The text between runs and the runs, alternately; measured by len() in
        # C loops, not as a match object per run (a paragraph break is a run).
        parts = _WHITESPACE_RUN_SPLIT.split(folded)
        pieces, runs = parts[0::2], parts[1::2]
        self.text = " ".join(pieces) if runs else folded
        # For each run: the collapsed offset of the space it keeps.  And for
        # each number of runs, how many characters were removed by so many.
        self.kept = list(map(operator.add, itertools.accumulate(map(len, pieces[:-1])), itertools.count()))
        self.shifts = [0, *itertools.accumulate(map(operator.sub, map(len, runs), itertools.repeat(1)))]

    def original(self, offset: int) -> int:
        return offset + self.shifts[bisect.bisect_left(self.kept, offset)]

    def original_spans(self, hits) -> list:
        """(index, start, end) hits in the collapsed text, with the offsets of the original."""
        # `original` inlined: this runs for every hit of the automaton.
        kept, shifts, runs = self.kept, self.shifts, len(self.kept)
        find = bisect.bisect_left
        spans = []
        for index, start, end in hits:
            runs_before = find(kept, start)
            shift = shifts[runs_before]
            if runs_before < runs and kept[runs_before] < end - 1:
                # A run of whitespace inside the hit: its end moves further.
                spans.append((index, start + shift, self.original(end - 1) + 1))
            else:
                spans.append((index, start + shift, end + shift))
        return spans


class Matcher:
    """Compiled once from the entries; `candidates(text)` lists every whole-word hit."""

    def __init__(self, entries: Sequence[Entry]):
        # Forms of ASCII only are scanned in the ASCII view of a text, which is
        # made twice as fast as the folded text; the others (a dash, a letter
        # with an accent, a stand-in of the view, or punctuation alone) in the
        # folded text, and only when the text holds one of their special
        # characters, so that one such form does not slow down every scan.
        # For each key of the automaton, the forms it stands for ("'s" and "s"
        # share " s "), each as (where it starts and ends in the ASCII view,
        # counted from the hit's start and end in boundary_text, which puts a
        # space before the view, and the key a space before and after the form
        # where it needs a word boundary; itself to compare or None when
        # nothing else can match the key (a single word); its entry or None
        # for a document term).
        plain, special = {}, ([], [])
        # An entry with match_case may share a folded form with another entry
        # (lexicon.form_key): its candidate comes first, so that where its case
        # holds, repair.select() keeps it over the other's at the same span.
        # One that yields_to another comes after it, for the same reason.
        for entry in sorted(entries, key=lambda entry: (not entry.context.match_case, bool(entry.yields_to))):
            for form in entry.spun:
                key = fold_form(form)
                if not found_in_ascii_view(key) or not _WORD_CHAR.search(key):
                    special[0].append(key)
                    special[1].append(entry)
                    continue
                before, after = key[0] not in _ASCII_NON_WORD, key[-1] not in _ASCII_NON_WORD
                owner = (before - 1, -after - 1, None if key.isalnum() else key, entry)
                plain.setdefault(_boundary_key(key, before, after), []).append(owner)
        # Document terms, with None for the entry: whole words whatever their
        # edges, as context.term_pattern finds them ("u.s." not in "u.s.a").
        # Those the ASCII view cannot show are left to context.  Found in this
        # scan they cost 12,000 more hits per 10 MB of the benchmark's text;
        # context's own search (a pass over the text for their first words,
        # then a regex search through it for each term not ruled out) took
        # 0.06 s of repair's 1.1 s there.
        terms = {term for entry in entries for group in entry.context.document_has for term in group}
        terms.update(term for entry in entries for term in entry.context.document_lacks)
        self.terms = frozenset(term for term in terms if found_in_ascii_view(term) and _WORD_CHAR.search(term))
        for term in sorted(self.terms):
            plain.setdefault(_boundary_key(term, True, True), []).append((0, -2, term, None))
        # Over bytes, as a contiguous NFA: 0.127 s per 10 MB of the benchmark's
        # text against 0.180 s for the default automaton over str, for 1.7 MB
        # more memory.  A DFA scans in 0.102 s alone, but takes 38 MB, and
        # repair as a whole ran 8% slower with it (the caches, measured).
        self._automaton = (
            ahocorasick_rs.BytesAhoCorasick([key.encode("ascii") for key in plain], implementation=_CONTIGUOUS)
            if plain else None
        )
        self._owners = list(plain.values())
        # For each key that stands for one word of one entry only, that entry
        # (else None): its hit is that word, from the hit's first character to
        # the space after it, with nothing to compare.  Most hits are of such
        # keys (77,000 of 146,000 per 10 MB of the benchmark's text), and
        # _scan_ascii takes them without a walk over their owners.
        self._sole_words = [
            owners[0][3] if len(owners) == 1 and owners[0][2] is None and owners[0][3] is not None else None
            for owners in self._owners
        ]
        self._special_automaton = ahocorasick_rs.AhoCorasick(special[0]) if special[0] else None
        self._special_entries = special[1]
        # A form's marks: its characters beyond ASCII or the view's stand-ins,
        # or for a form of ASCII punctuation alone ("--"), its own characters.
        marks = {
            char
            for key in special[0]
            for char in ({c for c in key if not c.isascii() or c in _STAND_INS} or set(key) - {" "})
        }
        # A text can hold a cased mark in another case (fold_text lower-cases
        # it): any text beyond ASCII may match then.  An uncased one (a dash,
        # a curly quotation mark) matches only itself, so only the text around
        # each of its occurrences is folded and scanned.
        self._marks = None if any(char.upper() != char for char in marks) else tuple(marks)
        self._reach = max(map(len, special[0]), default=0) + _MARK_SLACK
        # Can an ASCII text hold none of these forms (no stand-in character among them)?
        self._special_beyond_ascii = not any(key.isascii() for key in special[0])
        self._proximity = [
            (_proximity_pattern(form, entry.window), len(form.split()) + entry.window, entry)
            for entry in entries
            if entry.window and len(entry.canonical.split()) > 1
            for form in entry.spun
            if len(form.split()) == len(entry.canonical.split())
        ]

    def candidates(self, text: str) -> List[Candidate]:
        """Every whole-word hit: the spread ones first, then the automaton's."""
        return self.scan(text)[0]

    def scan(self, text: str) -> Tuple[List[Candidate], Terms]:
        """candidates(text), and which of the document terms the text holds."""
        found, terms = [], set()
        if text:
            found = list(self._spread(text)) if self._proximity else []
            if self._automaton is not None:
                found += self._scan_ascii(text, terms)
            if self._special_automaton is not None:
                found += self._special_candidates(text)
        return found, Terms(self.terms, frozenset(terms))

    def _special_candidates(self, text: str) -> List[Candidate]:
        automaton, entries = self._special_automaton, self._special_entries
        if self._marks is None:
            if text.isascii() and self._special_beyond_ascii:
                return []
            return self._scan(automaton, entries, text, automaton_text(fold_text(text)))
        found = []
        for start, end in self._mark_windows(text):
            found += self._scan(automaton, entries, text, automaton_text(fold_text(text[start:end])), start)
        return found

    def _mark_windows(self, text: str) -> List[list]:
        """Spans of the text within reach of a mark, merged where they overlap."""
        positions = sorted(i for mark in self._marks for i in occurrences(text, mark))
        windows: List[list] = []
        for i in positions:
            start, end = max(0, i - self._reach), min(len(text), i + self._reach)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
        return windows

    def _scan_ascii(self, text: str, terms: set) -> List[Candidate]:
        """Whole-word hits of the forms of ASCII only, found in the ASCII view with no check per hit;
        the document terms found are added to `terms`."""
        collapsed = _CollapsedText(ascii_view(text))
        view = collapsed.text
        hits = self._automaton.find_matches_as_indexes(boundary_text(view), overlapping=True)
        # CollapsedText.original_spans inlined, and tuples made without
        # Candidate's Python-level __new__: this loop runs for every hit (a
        # second pass through original_spans made repair 5% slower).
        owners, sole_words, found, make = self._owners, self._sole_words, [], tuple.__new__
        kept, shifts, runs, find = collapsed.kept, collapsed.shifts, len(collapsed.kept), bisect.bisect_left
        for index, hit_start, hit_end in hits:
            entry = sole_words[index]
            if entry is not None:
                # One word: the key is the word and the space after it (_boundary_key;
                # the space before it is boundary_text's, one before the view).
                # No whitespace inside it either: its shift is that of its start.
                shift = shifts[find(kept, hit_start)] if runs else 0
                found.append(make(Candidate, (hit_start + shift, hit_end - 2 + shift, entry, ())))
                continue
            for lead, trail, form, entry in owners[index]:
                start, end = hit_start + lead, hit_end + trail
                # A space or mark of the key stands for any character that is not a word character.
                if form is not None and view[start:end] != form:
                    continue
                if entry is None:  # a document term, not a form
                    terms.add(form)
                    continue
                if runs:
                    runs_before = find(kept, start)
                    shift = shifts[runs_before]
                    if runs_before < runs and kept[runs_before] < end - 1:
                        # A run of whitespace inside the hit: its end moves further.
                        end = collapsed.original(end - 1) + 1
                    else:
                        end += shift
                    start += shift
                found.append(make(Candidate, (start, end, entry, ())))
        return found

    @staticmethod
    def _hits(automaton, view: str):
        collapsed = _CollapsedText(view)
        hits = automaton.find_matches_as_indexes(collapsed.text, overlapping=True)
        return collapsed.original_spans(hits) if collapsed.kept else hits

    @classmethod
    def _scan(cls, automaton, entries, text: str, view: str, offset: int = 0) -> List[Candidate]:
        """Whole-word hits in `view`, the folded text from `offset` on; word boundaries are read in `text`."""
        hits = cls._hits(automaton, view)
        if offset:
            hits = [(index, offset + start, offset + end) for index, start, end in hits]
        # A list, not a generator: every caller takes them all, and a hit costs less.
        return [Candidate(start, end, entries[index]) for index, start, end in hits if whole_words(text, start, end)]

    def _spread(self, text: str) -> Iterator[Candidate]:
        folded = fold_text(text)
        for pattern, most_words, entry in self._proximity:
            for match in pattern.finditer(folded):
                words = tuple(match.span(i) for i in range(1, len(match.groups()) + 1))
                gaps = [folded[a[1] : b[0]] for a, b in zip(words, words[1:])]
                if all(not gap.strip() for gap in gaps):
                    continue  # adjacent: the automaton reports it as a plain hit
                if len(_WORD.findall(match.group(0))) > most_words:
                    continue
                if whole_words(text, match.start(), match.end()):
                    yield Candidate(match.start(), match.end(), entry, words)


_WORD = regex.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
# Every ASCII character that is not a word character becomes a space.
_BOUNDARY_CLASSES = bytes(ord(" ") if chr(b) in _ASCII_NON_WORD else b for b in range(128)) + bytes(range(128, 256))


def boundary_text(view: str) -> bytes:
    """An ASCII view with every character but word characters as a space, and a space at each end, in bytes.

    A form's key (_boundary_key) has a space wherever the form needs a word
    boundary, so that the automaton reports whole-word hits only: a short form
    like "kin" or "ft" hits inside other words ("making", "after") far more
    often than as a word.
    """
    return (" " + view + " ").encode("ascii").translate(_BOUNDARY_CLASSES)


def _boundary_key(key: str, before: bool, after: bool) -> str:
    """The folded ASCII form as boundary_text shows it, with a space before and after if it needs a boundary there."""
    classes = key.encode("ascii").translate(_BOUNDARY_CLASSES).decode("ascii")
    return (" " if before else "") + classes + (" " if after else "")


# Forms beyond ASCII are looked for within their own length plus this many
# characters of a mark: a phrase whose inner whitespace runs longer is not found
# (as in streaming, unspin/stream.py, such runs are not news prose).
_MARK_SLACK = 256


def occurrences(text: str, needle: str) -> Iterator[int]:
    """Every index of `needle` in `text`, overlapping ones too, found at C speed."""
    i = text.find(needle)
    while i != -1:
        yield i
        i = text.find(needle, i + 1)


def _proximity_pattern(form: str, window: int) -> "regex.Pattern":
    """The form's words in order, with at most `window` other words between each two."""
    gap = rf"(?:\W+\w+){{0,{window}}}?\W+"
    return regex.compile(gap.join(f"({regex.escape(word)})" for word in fold_form(form).split(" ")))


def whole_words(text: str, start: int, end: int) -> bool:
    """Does text[start:end] begin and end at word boundaries?"""
    # Only an edge that is itself a word character needs a boundary:
    # a form like "U.S." may be followed by a letter-free word break.
    # The neighbour is tested first: it is usually a space or a punctuation
    # mark, which settles it with one look-up in a set.
    if start > 0:
        before = text[start - 1]
        if before not in _ASCII_NON_WORD and is_word_char(before) and is_word_char(text[start]):
            return False
    if end < len(text):
        after = text[end]
        if after not in _ASCII_NON_WORD and is_word_char(after) and is_word_char(text[end - 1]):
            return False
    return True

