"""Word forms: how inference splits a phrase into words and tells two forms of one word.

A hyphenated compound ("man-made", "cross-approval") is one word, and is also
read as its parts.  A word's base forms undo plurals and a few verb endings
("analyses" -> analysis); two spellings within one edit of each other
(rapidfuzz) are one word when both are long enough.  The word maps, the
thesaurus and the inference all compare words this way, so that a plural or
a variant spelling in a text finds what its base form would.
"""

from __future__ import annotations

import functools
import re
from typing import List, Tuple

from rapidfuzz.distance import Levenshtein

# Words: letters and digits with inner apostrophes; a hyphenated compound
# ("man-made", "cross-approval") is one word, and is also read as its parts
# where the parts line up ("cross approval" with "cross validation").
WORD = re.compile(r"\w+(?:['’‐‑-]\w+)*")
HYPHENS = re.compile(r"[-‐‑]")
# Shorter words differ too often by one letter ("cat", "cut") to count as variants.
MIN_FUZZY_LENGTH = 6


def words(text: str) -> List[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def parts(text: str) -> List[str]:
    """The words of `text` with hyphenated compounds split into their parts."""
    return words(HYPHENS.sub(" ", text))


@functools.lru_cache(maxsize=100_000)
def forms_of(word: str) -> Tuple[str, ...]:
    """The word and its likely base forms: plurals and a few verb endings."""
    forms = [word]
    if len(word) > 3:
        if word.endswith("ies"):
            forms.append(word[:-3] + "y")
        if word.endswith("es"):
            forms.append(word[:-2])
        # A Greek singular in -sis ("analysis", "basis") is no plural.
        if word.endswith("s") and not word.endswith(("ss", "sis")):
            forms.append(word[:-1])
        # Its plural is in -ses ("analyses", "hypotheses", "diagnoses"); other
        # words in -oses and -ases are plurals of -ose, -ase ("doses", "cases").
        if word.endswith(("yses", "eses", "noses")):
            forms.append(word[:-2] + "is")
    return tuple(dict.fromkeys(forms))


def entry_by_form(table: dict, word: str):
    """The table's entry for the word as written, else for its nearest base
    form, and whether it was a base form's (the word is then its plural)."""
    for form in forms_of(word):
        found = table.get(form)
        if found:
            return found, form != word
    return None, False


def base_form(word: str) -> str:
    """The word without a plural ending, if it has one."""
    return forms_of(word)[-1]


def looks_plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def is_plural_of(word: str, base: str) -> bool:
    return word != base and base in forms_of(word)


def pluralize(word: str) -> str:
    if word.endswith("sis"):
        return word[:-2] + "es"  # analysis, analyses
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def same_word(text_word: str, term_word: str) -> bool:
    """Spelling, inflection or hyphenation variants of one word (rapidfuzz edit distance)."""
    if text_word == term_word or term_word in forms_of(text_word):
        return True
    if min(len(text_word), len(term_word)) < MIN_FUZZY_LENGTH:
        return False
    return Levenshtein.distance(text_word, term_word, score_cutoff=1) <= 1
