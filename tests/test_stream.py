"""Streaming repair gives exactly the whole-text repair, whatever the window sizes."""

from pathlib import Path

import pytest
from hypothesis import example, given, strategies as st

from unspin import Unspinner
from unspin import stream

LEXICON = Path(__file__).parent / "data" / "batch-lexicon.yaml"
UNSPINNER = Unspinner(include=(), extra_lexicons=(str(LEXICON),))

PHRASES = [
    "regulation enforcement", "regulation\nenforcement", "regulation \r\n  enforcement", "Counterfeit Consciousness",
    "profound learning", "irregular woodland", "classifier", "bosom peril", "poetry", '“Yes,” mentioned', '"No," mentioned Lee',
    "officers", "“the officers”", "mentioned", "İstanbul", "straße", "ﬁne", "🙂", "\u05e9\u05dc\u05d5\u05dd",
    "e\u0301", "“", "”", '"', "\n\n", "\r\n\r\n", "\r\n", "\r", "\t", "\x00", " ", ", ", "word", "regulationenforcement",
]
texts = st.lists(st.sampled_from(PHRASES), max_size=60).map(" ".join)


def streamed(text, chunk, before=90, after=200, piece=7):
    pieces = lambda: (text[i : i + piece] for i in range(0, len(text), piece))  # noqa: E731
    survey, parts = stream.run(UNSPINNER, pieces, chunk=chunk, before=before, after=after)
    parts = list(parts)
    return survey, parts


def check_same_as_whole(text, chunk):
    whole = UNSPINNER.analyze(text)
    survey, parts = streamed(text, chunk)
    assert "".join(p.before for p in parts) == text
    assert "".join(p.after for p in parts) == whole.text
    assert [c for p in parts for c in p.changes] == whole.changes
    assert survey.evidence == whole.evidence


@given(texts, st.integers(min_value=1, max_value=120))
# A repair that follows another occurrence of its word, in another window.
@example(text="regulation enforcement Counterfeit Consciousness “Yes,” mentioned mentioned", chunk=1)
def test_streamed_repair_equals_whole_text_repair(text, chunk):
    check_same_as_whole(text, chunk)


@pytest.mark.parametrize(
    "story, echo",
    [
        # "closing shops" shows the spinner's "stores"; the story's other "shops" follow it.
        ("pharmacy-01", "same word was repaired"),
        # "pure fuel" → natural gas swaps fuel → gas; the story's other "fuel"s follow it.
        ("gasleak-01", "same word was swapped back inside a phrase"),
    ],
)
def test_a_word_repaired_in_one_window_is_followed_in_the_others(story, echo):
    unspinner = Unspinner()
    text = (Path(__file__).parent.parent / "corpora" / "news" / f"{story}.spun.txt").read_text(encoding="utf-8")
    whole = unspinner.analyze(text)
    assert any(echo in c.reason for c in whole.changes)
    pieces = lambda: (text[i : i + 7] for i in range(0, len(text), 7))  # noqa: E731
    survey, parts = stream.run(unspinner, pieces, chunk=60, before=90, after=200)
    parts = list(parts)
    assert "".join(p.after for p in parts) == whole.text
    assert [c for p in parts for c in p.changes] == whole.changes


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 8, 13, 21, 50, 1000])
def test_phrase_across_every_cut_is_found(chunk):
    text = ("Officials said regulation enforcement came. " * 3) + "x" * 37 + " regulation\r\nenforcement. " + "profound learning " * 5
    check_same_as_whole(text, chunk)
    _, parts = streamed(text, chunk)
    assert sum(len(p.changes) for p in parts) == 3 + 1 + 5


def test_evidence_is_judged_on_the_whole_document():
    # The spun phrases sit at the start; "mentioned" is far past the first windows.
    text = "regulation enforcement and profound learning. " * 4 + "word " * 300 + '"Yes," mentioned Lee.'
    survey, parts = streamed(text, chunk=40)
    assert survey.evidence.spun
    assert "said Lee" in "".join(p.after for p in parts)
    check_same_as_whole(text, 40)


def test_document_has_term_found_after_the_phrase():
    text = "An irregular woodland. " + "word " * 200 + "A classifier."
    survey, parts = streamed(text, chunk=30)
    assert "classifier" in survey.terms
    assert "random forest" in "".join(p.after for p in parts)
    check_same_as_whole(text, 30)


def test_quotation_opened_far_back_in_the_paragraph_is_seen():
    text = "regulation enforcement, profound learning. “" + "word " * 200 + "the officers. ” The officers.\n\nofficers"
    _, parts = streamed(text, chunk=30)
    fixed = "".join(p.after for p in parts)
    assert "the officers. ” The officials.\n\nofficials" in fixed
    check_same_as_whole(text, 30)


def test_empty_stream():
    survey, parts = streamed("", chunk=10)
    assert survey.evidence.words == 0
    assert "".join(p.after for p in parts) == ""


@pytest.mark.parametrize("chunk", [1, 7, 16, 1000])
def test_an_article_rewritten_by_the_previous_change_is_not_taken_again(chunk):
    text = "Results: and not using a additive white Gaussian commotion. " * 2
    for unspinner in (Unspinner(level="aggressive"), Unspinner(level="aggressive", assume_spun=True)):
        whole = unspinner.analyze(text)
        survey, parts = stream.run(unspinner, lambda: iter([text[i : i + chunk] for i in range(0, len(text), chunk)]))
        assert "".join(p.after for p in parts) == whole.text
        assert whole.text.count("without a additive white Gaussian noise") == 2


@pytest.mark.parametrize("chunk", [1, 7, 30, 1000])
def test_quotation_closed_far_ahead_keeps_its_words(chunk):
    """Whether a quotation closes may be decided far past the window; only a closed one is left alone."""
    spun = "Regulation enforcement, profound learning and counterfeit consciousness. "
    closed = "“Yes, mentioned Lee " + "word " * 120 + "end,” she said. "
    left_open = "“Yes, mentioned Lee.\n\n“More,” he said. "
    straight = '"Yes, mentioned Lee ' + "word " * 40 + 'end," he said.'
    text = spun * 2 + closed + left_open + straight
    _, parts = streamed(text, chunk)
    fixed = "".join(p.after for p in parts)
    assert "“Yes, mentioned Lee word" in fixed and '"Yes, mentioned Lee word' in fixed
    assert "“Yes, said Lee.\n\n" in fixed
    check_same_as_whole(text, chunk)
