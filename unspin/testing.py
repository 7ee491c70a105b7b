"""Property-test a lexicon: hypothesis strategies and a pytest helper.

Needs `hypothesis` (the `test` extra).  A user tests their own lexicon with:

    from unspin.testing import check_lexicon

    def test_my_lexicon():
        check_lexicon("my-lexicon.yaml")

or writes their own properties with the strategies:

- `spun_text(lexicon)`: text built from the lexicon's spun forms in any case,
  ordinary words and separators (spaces, line breaks, punctuation);
- `clean_text(lexicon)`: text built from the lexicon's clean sentences, which
  must come out unchanged;
- `hostile_text()`: arbitrary Unicode with the characters that break offsets
  (length-changing case mappings, combining marks, right-to-left marks, CR).

`lexicon` is a path to a YAML file, a loaded `Lexicon`, an `Unspinner`, or
None for the built-in lexicons.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Sequence, Union

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .api import Config, Unspinner
from .lexicon import Entry, Lexicon, load_file, load_lexicons
from .lint import lint_lexicons
from .repair import apply_changes

LexiconLike = Union[None, str, Path, Lexicon, Unspinner]

ORDINARY_WORDS = tuple("the a of and to it was they city report on with for new old house river said".split())
SEPARATORS = (" ", "  ", "\n", "\r\n", ", ", ". ", " — ", "’s ", "\t", "\n\n")
# Characters whose case mapping changes length, combining marks, bidi marks,
# an emoji and a lone carriage return: the usual ways offsets go wrong.
TRICKY_CHARACTERS = "İßﬁǅ\u0301\u200f\u202e😀\r\u00a0ΣςΐᾳK"


def entries_of(lexicon: LexiconLike) -> List[Entry]:
    if lexicon is None:
        return [entry for loaded in load_lexicons() for entry in loaded.entries]
    if isinstance(lexicon, Unspinner):
        return lexicon.entries
    if isinstance(lexicon, Lexicon):
        return list(lexicon.entries)
    return list(load_file(lexicon).entries)


def _casing():
    return st.sampled_from([str, str.lower, str.upper, str.title, str.capitalize])


def spun_text(lexicon: LexiconLike = None, max_pieces: int = 30) -> st.SearchStrategy:
    """Text made of the lexicon's spun forms (in any case), their single words,
    ordinary words and separators.  The single words let a repair meet the rest
    of another spun form ("fowl house" -> "bird house", itself spun)."""
    forms = sorted({form for entry in entries_of(lexicon) for form in entry.spun})
    if not forms:
        raise ValueError("the lexicon has no spun forms")
    words = sorted({word for form in forms for word in form.split()})
    pieces = st.tuples(st.sampled_from(forms) | st.sampled_from(words) | st.sampled_from(ORDINARY_WORDS), _casing(),
                       st.sampled_from(SEPARATORS))
    return st.lists(pieces, max_size=max_pieces).map(lambda items: "".join(case(p) + sep for p, case, sep in items))


def clean_text(lexicon: LexiconLike = None, sentences: Sequence[str] = (), max_sentences: int = 8) -> st.SearchStrategy:
    """Text made of clean sentences: the lexicon's own `clean` examples, plus any given."""
    pool = sorted({s for entry in entries_of(lexicon) for s in entry.clean} | set(sentences))
    if not pool:
        raise ValueError("no clean sentences: give the entries `clean` examples or pass sentences")
    joined = st.lists(st.tuples(st.sampled_from(pool), st.sampled_from(["\n\n", "\n", "\r\n\r\n"])), min_size=1, max_size=max_sentences)
    return joined.map(lambda items: "".join(sentence + sep for sentence, sep in items))


def hostile_text(max_size: int = 300) -> st.SearchStrategy:
    """Arbitrary Unicode, weighted towards the characters that break offsets."""
    return st.text(max_size=max_size) | st.text(alphabet=st.sampled_from(TRICKY_CHARACTERS + " abc\n"), max_size=max_size)


def check_invariants(unspinner: Unspinner, text: str) -> str:
    """Repair `text` and check what must hold for any input: the changes'
    spans fit the input and replaying them gives the output.  Returns the output."""
    fixed, changes = unspinner.repair_and_explain(text)
    for change in changes:
        assert text[change.start : change.end] == change.before, f"span of {change} does not fit the input"
    assert apply_changes(text, changes) == fixed, "replaying the changes does not give the output"
    return fixed


def check_lexicon(
    path: Union[str, Path],
    *,
    with_builtins: bool = True,
    clean_sentences: Sequence[str] = (),
    max_examples: Optional[int] = None,
) -> None:
    """A pytest helper: fail (AssertionError) unless the lexicon at `path` is sound.

    It must load; lint must find nothing in it (with the built-in lexicons
    beside it unless `with_builtins=False`, since they are used together by
    default): examples and clean sentences hold, no duplicates, chains, cycles
    or shadowed entries.  Then, on generated text (`max_examples` cases each,
    the active hypothesis profile's by default): spans are exact, a repair in a
    document assumed spun is idempotent, and clean text is unchanged.
    """
    path = str(path)
    user = load_file(path)
    lexicons = list(load_lexicons()) if with_builtins else []
    findings = [f for f in lint_lexicons(lexicons + [user]) if f.path == user.path]
    assert not findings, "lint findings:\n" + "\n".join(map(str, findings))

    config = Config(extra_lexicons=(path,), include=None if with_builtins else ())
    unspinner = Unspinner(config)
    spun = Unspinner(Config(extra_lexicons=(path,), include=config.include, assume_spun=True))
    # No example database: these properties are defined anew for each lexicon
    # checked, under one name, so examples saved for one lexicon would be
    # replayed against the next.
    chosen = settings(
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        **({"max_examples": max_examples} if max_examples else {}),
    )

    @chosen
    @given(spun_text(user))
    def spans_exact_and_idempotent(text):
        once = check_invariants(spun, text)
        assert spun.repair(once) == once, f"not idempotent: {text!r} → {once!r} → {spun.repair(once)!r}"

    spans_exact_and_idempotent()

    if clean_sentences or any(entry.clean for entry in user.entries):

        @chosen
        @given(clean_text(user, clean_sentences))
        def clean_is_unchanged(text):
            assert unspinner.repair(text) == text

        clean_is_unchanged()
