"""The spinner thesaurus that inference inverts (unspin/spinner-thesaurus.tsv, unspin/thesaurus.py)."""

import dataclasses
import importlib.resources
import re

from unspin.infer import AGREED_COMMON_WEIGHT, DEFAULT_MIN_SCORE, STRONG_SCORE, Inferrer
from unspin.lexicon import load_lexicons
from unspin.thesaurus import MOBY_WEIGHTS, SPINNER_WEIGHTS, THESAURUS_WEIGHTS, Thesaurus
from unspin.wordforms import parts, words
from unspin.wordlists import common_words, curated_terms, package_lines
from unspin.wordmaps import WordMaps


def rows():
    return [line.split("\t") for line in package_lines("spinner-thesaurus.tsv")]


def test_the_data_file_says_what_it_is_and_where_it_came_from():
    text = importlib.resources.files("unspin").joinpath("spinner-thesaurus.tsv").read_text(encoding="utf-8")
    header = " ".join(line.lstrip("# ") for line in text.splitlines() if line.startswith("#"))
    assert "curated" in header
    assert "no row of any screener's list" in header


def test_every_line_is_a_term_word_with_single_words_a_spinner_may_write_for_it():
    term_words = {word for term in list(curated_terms()) + [e.canonical for lexicon in load_lexicons() for e in lexicon.entries]
                  for word in set(words(term)) | set(parts(term))}
    keys = [key for key, _ in rows()]
    assert keys == sorted(set(keys)), "sorted, each term word once"
    assert set(keys) <= term_words, "only words of the package's terms: inference composes nothing else"
    for key, listed in rows():
        written = listed.split()
        assert written, key
        assert len(written) == len(set(written)), f"{key}: a word listed twice"
        assert key not in written, f"{key} lists itself"
        assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", word) for word in written), key


def test_a_spinner_pair_weighs_between_moby_and_a_wordnet_synonym_and_replaces_a_weaker_kind():
    thesaurus = Thesaurus.shipped()
    assert MOBY_WEIGHTS["moby"] < SPINNER_WEIGHTS["spinner"] < THESAURUS_WEIGHTS["synonym"]
    assert SPINNER_WEIGHTS["spinner"] < STRONG_SCORE, "one pair alone is no sure inference"
    # WordNet does not relate "cavernous" to "deep"; the spinner thesaurus lists it.
    assert thesaurus.targets("cavernous")["deep"] == (SPINNER_WEIGHTS["spinner"], False)
    assert ("cavernous", "deep") in thesaurus.spinner_pairs
    # A pair WordNet relates as closely keeps WordNet's kind.
    assert thesaurus.targets("clever")["smart"] == (THESAURUS_WEIGHTS["similar"], False)


def test_a_rare_spinner_swap_is_an_inference_only_where_the_document_shows_spin():
    thesaurus = Thesaurus.shipped()
    assert "cavernous" not in common_words()
    [found] = Inferrer(WordMaps({}), ["deep learning"], thesaurus=thesaurus).find("a cavernous learning model")
    assert found.term == "deep learning" and ("cavernous", "deep", SPINNER_WEIGHTS["spinner"]) in found.substitutions
    assert DEFAULT_MIN_SCORE <= found.score < STRONG_SCORE and not found.sure
    without = dataclasses.replace(thesaurus, relations={w: {t: k for t, k in related.items() if k != "spinner"}
                                                        for w, related in thesaurus.relations.items()})
    assert Inferrer(WordMaps({}), ["deep learning"], thesaurus=without).find("a cavernous learning model") == []


def test_an_ordinary_word_the_spinner_thesaurus_lists_counts_weakly_beside_other_swaps():
    thesaurus = Thesaurus.shipped()
    assert {"wonderful", "fee", "pace"} <= common_words()
    assert "positive" in thesaurus.ordinary_targets("wonderful")[0]
    assert thesaurus.ordinary_targets("paces") == (thesaurus.ordinary_targets("pace")[0], True)
    learned = WordMaps({"actual": {"true": 2}})
    [found] = Inferrer(learned, ["true positive rate"], thesaurus=thesaurus).find("the actual wonderful fee")
    assert found.term == "true positive rate"
    assert ("wonderful", "positive", AGREED_COMMON_WEIGHT) in found.substitutions
    assert found.sure, "three telling words"
    unlisted = dataclasses.replace(thesaurus, spinner_pairs=frozenset())
    assert Inferrer(learned, ["true positive rate"], thesaurus=unlisted).find("the actual wonderful fee") == []
    assert Inferrer(WordMaps({}), ["positive rate"], thesaurus=thesaurus).find("a wonderful fee") == [], "never alone"
