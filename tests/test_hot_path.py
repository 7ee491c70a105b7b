"""The fast paths (word count, folding, backwards search, quotation index, term index) agree with their plain definitions."""

import re

from hypothesis import example, given
from hypothesis import strategies as st

from conftest import CORPORA
import regex

from unspin.context import WINDOW, Document, Quotations, term_pattern
from unspin.evidence import count_words
from unspin.lexicon import Context, Entry, load_lexicons
from unspin.matcher import Matcher, _CollapsedText, ascii_view, fold_text, is_word_char

# Text that mixes ASCII with letters, marks, spaces and quotes from elsewhere in Unicode.
mixed_text = st.text(
    alphabet=st.one_of(
        st.characters(max_codepoint=0x7F),
        st.sampled_from("éßİﬁ\u0301\u00a0\u2028\u3000\u2019\u2018\u02bc—日本\udcff_\u212a"),
        st.characters(),
    )
)


@given(mixed_text)
def test_count_words_counts_word_runs(text):
    assert count_words(text) == len(re.findall(r"\w+", text))


_PLAIN_FOLD = str.maketrans(
    {**{chr(c): " " for c in range(0x3000 + 1) if chr(c).isspace()}, "\u2019": "'", "\u2018": "'", "\u02bc": "'"}
)


@given(mixed_text)
def test_fold_text_is_lower_case_with_plain_spaces_and_apostrophes(text):
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    assert fold_text(text) == lowered.translate(_PLAIN_FOLD)


@given(mixed_text)
def test_ascii_view_is_the_folded_text_with_a_stand_in_beyond_ascii(text):
    stand_ins = ("_" if is_word_char(c) else "?" for c in text)
    assert ascii_view(text) == "".join(f if f.isascii() else s for f, s in zip(fold_text(text), stand_ins))


def _patterns(*conditions):
    """Each distinct built-in pattern of these context conditions, with its entries' examples and clean texts."""
    patterns = {}
    for lexicon in load_lexicons():
        for entry in lexicon.entries:
            for condition in conditions:
                pattern = getattr(entry.context, condition)
                if pattern is not None:
                    texts = [example.spun for example in entry.examples] + list(entry.clean)
                    patterns.setdefault(pattern.source, (pattern, []))[1].extend(texts)
    return list(patterns.values())


def _windows():
    texts = [(CORPORA / "seed" / "spun.txt").read_text(encoding="utf-8")]
    texts += [path.read_text(encoding="utf-8")[:60_000] for path in sorted((CORPORA / "clean").glob("*.txt"))]
    return [text[max(0, end - WINDOW) : end] for text in texts for end in range(1, len(text), 211)]


def test_before_patterns_give_the_same_verdict_searched_backwards():
    windows = _windows()
    for pattern, _ in _patterns("before", "not_before"):
        assert pattern.compiled().flags & regex.REVERSE
        forwards = regex.compile(f"(?:{pattern.source})\\Z", regex.IGNORECASE)
        for window in windows:
            assert pattern.search(window) == (forwards.search(window) is not None), (pattern.source, window)


# Letters whose case folding differs between engines if either gets it wrong.
_CASE_TRAPS = [" \u212aeep", " \u017fay", " \u0130stanbul", " STRASSE stra\u00dfe", " \u03a3\u03c3\u03c2 city", " \ufb01le"]


def test_after_patterns_give_the_same_verdict_with_re():
    windows = _windows() + _CASE_TRAPS
    after_windows = [text[start : start + WINDOW] for text in windows for start in (0, len(text) // 2)]
    with_re = 0
    for pattern, own_texts in _patterns("after", "not_after"):
        with_re += isinstance(pattern.compiled(), re.Pattern)
        reference = regex.compile(f"\\A(?:{pattern.source})", regex.IGNORECASE)
        own = [text[i : i + WINDOW] for text in own_texts for i in range(len(text)) if i == 0 or not text[i - 1].isalnum()]
        for window in after_windows + own:
            assert pattern.search(window) == (reference.search(window) is not None), (pattern.source, window)
    assert with_re > 400, "the built-in after patterns are compiled with re"


def _plain_inside_quotation(text, position):
    """The definition: count the quotation marks of the paragraph before `position`."""
    paragraph_start = max(text.rfind("\n\n", 0, position), text.rfind("\r\n\r\n", 0, position), 0)
    before = text[paragraph_start:position]
    typographic = sum(before.count(q) for q in "“«") - sum(before.count(q) for q in "”»")
    return typographic > 0 or before.count('"') % 2 == 1


@given(st.text(alphabet='ab "“”«»\n\r'), st.data())
def test_quotation_index_agrees_with_counting_the_paragraph(text, data):
    quotations = Quotations(text)
    for position in data.draw(st.lists(st.integers(0, len(text)), max_size=20)):
        assert quotations.inside(position) == _plain_inside_quotation(text, position)


def _plain_inside_closed_quotation(text, position):
    """The definition: inside a quotation, with a closing mark of its kind later in the paragraph."""
    if not _plain_inside_quotation(text, position):
        return False
    paragraph_start = max(text.rfind("\n\n", 0, position), text.rfind("\r\n\r\n", 0, position), 0)
    before = text[paragraph_start:position]
    ends = [i for i in (text.find("\n\n", position), text.find("\r\n\r\n", position)) if i != -1]
    after = text[position : min(ends, default=len(text))]
    typographic = sum(before.count(q) for q in "“«") - sum(before.count(q) for q in "”»") > 0
    straight = before.count('"') % 2 == 1
    return (typographic and any(q in after for q in "”»")) or (straight and '"' in after)


@given(st.text(alphabet='ab "“”«»\n\r'), st.data())
def test_closed_quotation_index_agrees_with_reading_the_paragraph(text, data):
    quotations = Quotations(text)
    # Asked where a candidate starts: never at a line break (inside a paragraph break the two part ways).
    for position in data.draw(st.lists(st.integers(0, len(text)), max_size=20)):
        if position < len(text) and text[position] in "\r\n":
            continue
        assert quotations.inside_closed(position) == _plain_inside_closed_quotation(text, position)


@given(st.text(alphabet="ab ", min_size=1), st.data())
def test_collapsed_text_maps_every_offset_back(text, data):
    collapsed = _CollapsedText(text)
    assert collapsed.text == re.sub("  +", " ", text)
    # The original offset of each character kept: every one but the second and later spaces of a run.
    kept = [i for i, c in enumerate(text) if not (c == " " and text[i - 1 : i] == " ")]
    assert [collapsed.original(i) for i in range(len(collapsed.text))] == kept
    if collapsed.kept:
        starts = data.draw(st.lists(st.integers(0, len(kept) - 1), max_size=10))
        spans = [(n, start, data.draw(st.integers(start + 1, len(kept)))) for n, start in enumerate(starts)]
        assert collapsed.original_spans(spans) == [(n, kept[start], kept[end - 1] + 1) for n, start, end in spans]


_TERMS = ["ab", "a", "b1", "ab cd", "cd", "é", "a-b", "ab é", "u.s.", "#ab", "s&p 1", "cd."]


def _matcher_seeking(terms):
    """A matcher whose one entry needs each of `terms` in the document."""
    context = Context(evidence=True, document_has=tuple((term,) for term in terms))
    return Matcher([Entry("test.zz.yy", ("zz",), "yy", tier="contextual", context=context)])


_TERM_MATCHER = _matcher_seeking(_TERMS)


@given(st.text(alphabet="aAbBcCdDsSpP1_ .,-#&\n\u00a0é—日İ", max_size=40))
# Edges: a term's last mark, or its first, next to a word; whitespace runs inside a term.
@example("cd.a cd.1")
@example("x#ab a#ab_")
@example("S&P\u00a0 1, s&p\n\n1")
@example("u.s.a a-b-c")
@example("AB\nCD.")
def test_the_terms_the_matcher_finds_agree_with_searching_each_term(text):
    candidates, terms = _TERM_MATCHER.scan(text)
    assert terms.sought == set(_TERMS) - {"é", "ab é"}, "terms beyond the ASCII view are left to context"
    scanned, plain = Document(text, spun=False, terms=terms), Document(text, spun=False)
    for term in _TERMS:
        assert scanned.has(term) == plain.has(term) == (term_pattern(term).search(fold_text(text)) is not None), term
    assert candidates == _TERM_MATCHER.candidates(text) and all(c.entry is not None for c in candidates)


def test_a_document_judged_again_shares_what_it_read_of_the_text():
    text = "Ab cd."
    clean = Document(text, spun=False, terms=_matcher_seeking(["ab cd"]).scan(text)[1])
    assert clean.has("ab cd") and clean.quotations is not None
    spun = clean.judged(spun=True)
    assert spun.spun and not clean.spun and spun.terms is clean.terms
    assert spun._has is clean._has and spun.quotations is clean.quotations
