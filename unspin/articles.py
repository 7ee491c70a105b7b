"""Articles: which of "a" and "an" a word takes, and what a wrong one says.

A repair that changes a word's first sound takes its article along ("an
irregular woodland" -> "a random forest": agree_article, which repair calls
for each change).  And the spinner, which swaps the word and not its article,
leaves an article that fits the word it replaced: "introduce a invoice" was
"a bill" (article_calls_for, which context asks of candidates of spun text;
it reads the article by hand, not with _ARTICLE_BEFORE, being asked far more
often, and wants the one space the spinner leaves).
"""

from __future__ import annotations

import re
from typing import Tuple

# An article and the space after it, at the end of the text searched.
_ARTICLE_BEFORE = re.compile(r"(?<!\w)(an?)(\s+)\Z", re.IGNORECASE)
# Words spelt with a vowel but said with a consonant, and the reverse.
_CONSONANT_SOUND = re.compile(r"(?:uni|use|usu|uti|eu|one|once)", re.IGNORECASE)
_VOWEL_SOUND = re.compile(r"(?:hour|honest|honou?r|heir)", re.IGNORECASE)


def wants_an(word: str) -> bool:
    """Does `word` (or a phrase starting with it) take "an"?"""
    if _VOWEL_SOUND.match(word):
        return True
    return word[:1].lower() in "aeiou" and not _CONSONANT_SOUND.match(word)


def article_calls_for(text: str, start: int, canonical: str) -> bool:
    """Does the article just before `start` disagree with the word there and agree with `canonical`?

    "introduce a invoice", "in an workplace": the spinner swapped the word and
    left its article, which still fits the word it replaced ("a bill", "an
    office").  Words that start with a figure or a capital are left out: their
    sound is not in their spelling ("an 8-bit byte", "an FBI agent").
    """
    if start < 2 or text[start - 1] != " " or not text[start : start + 1].islower():
        return False
    if text[start - 2] in "aA" and (start == 2 or not _is_word_char(text[start - 3])):
        an = False
    elif text[start - 3 : start - 1].lower() == "an" and (start == 3 or not _is_word_char(text[start - 4])):
        an = True
    else:
        return False
    return wants_an(text[start : start + 8]) != an and wants_an(canonical) == an


def _is_word_char(character: str) -> bool:
    return character.isalnum() or character in "'’"


def agree_article(text: str, start: int, end: int, after: str, floor: int = 0) -> Tuple[int, int, str]:
    """'an irregular woodland' -> 'a random forest': take the article along when the sound changes.

    For the change of text[start:end] to `after`: the same span and words, or
    the span from the article on and the words with the article wanted.  Not
    an article before `floor`: it belongs to the previous change ("and not
    using a" -> "without a"), which already rewrote it.
    """
    near = max(0, start - 8)
    match = _ARTICLE_BEFORE.search(text, near, start)
    if not match or not after or match.start() < floor:
        return start, end, after
    article, gap = match.groups()
    wanted = "an" if wants_an(after) else "a"
    if article.lower() == wanted:
        return start, end, after
    fixed = wanted.capitalize() if article[0].isupper() else wanted
    return match.start(), end, fixed + gap + after
