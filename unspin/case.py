"""Case: carry the letter case of the spun text over to its replacement.

The canonical form is written in its natural case ("said", "Attorney General",
"U.S."); capitals written there are kept.  The spun text then decides:
UPPER stays UPPER (also for an entry whose case is `exact`), a phrase in Title Case gives Title Case (for a lower-case
canonical form, its first and last significant words capitalised are enough), a
capitalised first word alone (a sentence start) capitalises the first word of
the replacement, and where the spinner swapped word for word, each word keeps
its own capital ("Metropolis Council member": "City Council member").

The apostrophe is carried too: canonical forms are written with a straight
one ("Sheriff's Office"), and a story set with curly ones keeps them.
"""

from __future__ import annotations

# Words that stay lower case inside a title ("Department of Justice").
_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or per the to via with".split())


def _letters(text: str) -> str:
    joined = text.replace(" ", "")
    if joined.isalpha():
        # Most spun phrases are plain words and spaces: no need to walk the characters.
        return joined
    return "".join(c for c in text if c.isalpha())


def _capitalize(word: str) -> str:
    return word[:1].upper() + word[1:]


def _title(text: str) -> str:
    words = text.split(" ")
    return " ".join(
        w if (i and w.lower() in _SMALL_WORDS) else _capitalize(w) for i, w in enumerate(words)
    )


def _is_title(words: list, lower_canonical: bool) -> bool:
    significant = [w for w in words if _letters(w) and w.lower() not in _SMALL_WORDS]
    if not significant:
        return False
    if lower_canonical:
        # The spinner renders one capitalised word as two and capitalises only the
        # first of them ("Attorney General" → "Legal professional Common"), so the
        # first and last words decide.  A canonical form with capitals of its own
        # ("Markov chain Monte Carlo") keeps its inner lower-case words instead.
        return _letters(significant[0])[0].isupper() and _letters(significant[-1])[0].isupper()
    return all(_letters(w)[0].isupper() for w in significant)


def carry_case(spun: str, canonical: str, policy: str = "preserve") -> str:
    """The replacement for `spun`: `canonical` in the case the spun text used."""
    if spun.islower():
        # No capital letter at all (most spun text): the canonical form as written.
        return canonical
    letters = _letters(spun)
    if not letters:
        return canonical
    if len(letters) > 1 and letters.isupper():
        # Text set in capitals (a headline) stays so, even for a canonical form
        # whose own case is exact: "UV-visible spectroscopy" in lower case there
        # would also change what the words beside it look like.
        return canonical.upper()
    if policy == "exact" or not letters[0].isupper():
        return canonical
    words = spun.split()
    if len(words) > 1 and _is_title(words, canonical.islower()):
        return _title(canonical)
    replacement_words = canonical.split(" ")
    if len(words) > 1 and len(replacement_words) == len(words) and canonical.islower():
        # Word for word where the spinner swapped word for word: "Metropolis
        # Council member" is "City Council member", not "City council member".
        return " ".join(_capitalize(r) if _letters(w)[:1].isupper() else r for w, r in zip(words, replacement_words))
    return _capitalize(canonical)


def carry_apostrophe(spun: str, replacement: str) -> str:
    """`replacement` with the kind of apostrophe the spun text used, where it used one kind."""
    if "'" in replacement and "’" in spun and "'" not in spun:
        return replacement.replace("'", "’")
    if "’" in replacement and "'" in spun and "’" not in spun:
        return replacement.replace("’", "'")
    return replacement
