import re

from hypothesis import given
from hypothesis import strategies as st

from unspin.lexicon import Entry, fold_form
from unspin.matcher import Matcher, fold_text, whole_words


def entries(*pairs):
    return [Entry(id=f"t{i}", spun=(spun,), canonical=canonical) for i, (spun, canonical) in enumerate(pairs)]


def hits(matcher, text):
    return [(c.start, c.end, text[c.start : c.end]) for c in matcher.candidates(text)]


def test_fold_keeps_length_for_characters_whose_lower_case_is_longer():
    text = "İstanbul ß ﬁ ǅ"
    assert len(fold_text(text)) == len(text)


def test_whole_words_only():
    m = Matcher(entries(("girl", "woman")))
    assert hits(m, "girls girl ungirl girl_ girl.") == [(6, 10, "girl"), (24, 28, "girl")]


def test_unicode_word_boundaries():
    m = Matcher(entries(("cafe", "x"), ("elan", "y")))
    # "é" is a letter, and a combining accent belongs to the word before it.
    assert hits(m, "caféelan élan cafe\u0301 cafe") == [(20, 24, "cafe")]


def test_offsets_stay_exact_after_length_changing_characters():
    m = Matcher(entries(("regulation enforcement", "law enforcement")))
    text = "İİ ßß ﬁﬁ Regulation Enforcement"
    assert hits(m, text) == [(9, 31, "Regulation Enforcement")]


def test_phrase_spans_any_whitespace():
    m = Matcher(entries(("regulation enforcement", "law enforcement")))
    text = "a  b\r\n regulation\n\t  enforcement  c"
    [(start, end, found)] = hits(m, text)
    assert found == "regulation\n\t  enforcement"


def test_overlapping_candidates_are_all_reported():
    m = Matcher(entries(("within the", "in the"), ("the place", "where")))
    assert [h[2] for h in hits(m, "within the place")] == ["within the", "the place"]


def test_typographic_apostrophe_matches_straight_one():
    m = Matcher(entries(("who've", "who have")))
    assert hits(m, "people who’ve") == [(7, 13, "who’ve")]


def test_possessive_after_phrase_is_kept_out_of_the_span():
    m = Matcher(entries(("lawyer common", "attorney general")))
    assert hits(m, "the Lawyer Common's office") == [(4, 17, "Lawyer Common")]


def test_forms_beyond_ascii_match_the_folded_text():
    # Such forms (and a form with the ASCII view's "?") take the slower path over the folded text.
    m = Matcher(entries(("déjà vu", "x"), ("why?", "y")))
    assert hits(m, "Déjà\n vu, déja vu, why? \udcff déjà vu") == [(0, 8, "Déjà\n vu"), (19, 23, "why?"), (26, 33, "déjà vu")]


def test_ascii_forms_match_across_spaces_beyond_ascii_only():
    m = Matcher(entries(("regulation enforcement", "law enforcement")))
    text = "regulation\u00a0enforcement regulation—enforcement \udcff regulation\u3000 enforcement"
    assert [h[2] for h in hits(m, text)] == ["regulation\u00a0enforcement", "regulation\u3000 enforcement"]


def test_a_form_of_punctuation_beyond_ascii_is_found_beside_ascii_forms():
    # The dash has its own automaton over the folded text; the ASCII form keeps the fast view.
    m = Matcher(entries(("–", "—"), ("girl", "woman")))
    text = "Girl– he said; a girl — and 2019–2020."
    assert sorted(hits(m, text)) == [(0, 4, "Girl"), (4, 5, "–"), (17, 21, "girl"), (32, 33, "–")]
    assert hits(m, "no dash here, girl") == [(14, 18, "girl")]


def test_a_cased_letter_beyond_ascii_is_found_in_either_case():
    m = Matcher(entries(("déjà", "x"), ("girl", "woman")))
    assert hits(m, "DÉJÀ girl") == [(5, 9, "girl"), (0, 4, "DÉJÀ")]


def test_forms_beyond_ascii_are_found_around_each_mark_of_a_long_text():
    # Only the text within reach of each dash is folded and scanned; offsets are the whole text's.
    m = Matcher(entries(("x–", "y"), ("– he", "z"), ("girl", "woman")))
    filler = "word " * 400
    text = filler + "x– he " + filler + "girl – he\n\n   he " + filler + "–x"
    first = len(filler)
    second = text.index("– he", first + 6)
    assert sorted(hits(m, text)) == [
        (first, first + 2, "x–"),
        (first + 1, first + 5, "– he"),
        (second - 5, second - 1, "girl"),
        (second, second + 4, "– he"),
    ]


# Forms with every kind of edge and inside: words, digits, punctuation, spaces,
# apostrophes, letters and marks beyond ASCII.
_FORMS = ["a", "ab", "s", "a s", "--", ". ,", "b a", "a b a", "b.", "a-b", "'s", "a's", "_a", "1", "a1", "é", "aé", "a—b", "b?", "—", ". a"]


def _reference_hits(forms, text):
    """The definition: every whole-word match of each folded form, whitespace in it matching any run."""
    folded = fold_text(text)
    found = []
    for index, form in enumerate(forms):
        pattern = re.compile(re.escape(fold_form(form)).replace(r"\ ", " +"))
        for start in range(len(folded)):
            match = pattern.match(folded, start)
            if match and whole_words(text, start, match.end()):
                found.append((start, match.end(), f"t{index}"))
    return sorted(found)


@given(st.lists(st.sampled_from(_FORMS), min_size=1, max_size=6, unique=True),
       st.text(alphabet="aAbB1_ .,--'\u2019?\n\t\u00a0éÉ\u0301—日İ", max_size=40))
def test_candidates_are_every_whole_word_match(forms, text):
    matcher = Matcher(entries(*[(form, "x") for form in forms]))
    assert sorted((c.start, c.end, c.entry.id) for c in matcher.candidates(text)) == _reference_hits(forms, text)
