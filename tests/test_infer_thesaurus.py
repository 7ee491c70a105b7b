"""The WordNet thesaurus that inference inverts (unspin/synonyms.tsv, bench/build_synonyms.py)."""

import importlib.resources
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from unspin.infer import Inferrer, select_longest
from unspin.thesaurus import Thesaurus
from unspin.wordlists import common_words
from unspin.wordmaps import WordMaps

NOTICE = "WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved."
# Debian's wordnet-base puts WordNet here; WORDNET_DIR names another copy.
WORDNET = Path(os.environ.get("WORDNET_DIR", "/usr/share/wordnet"))


def synonyms_text():
    return importlib.resources.files("unspin").joinpath("synonyms.tsv").read_text(encoding="utf-8")


def test_the_data_file_carries_the_wordnet_license_and_the_readme_repeats_it():
    text = synonyms_text()
    for line in (NOTICE, 'THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON',
                 "Princeton University and LICENSEE agrees to preserve same."):
        assert f"# {line}" in text
    readme = (ROOT / "lexicons" / "README.md").read_text(encoding="utf-8")
    assert NOTICE in readme and "bench/build_synonyms.py WORDNET_DIR" in readme


def test_the_shipped_thesaurus_loads_and_inverts_real_synonyms():
    thesaurus = Thesaurus.shipped()
    assert len(thesaurus.relations) > 10_000
    assert thesaurus.targets("anxious")["nervous"] == (0.7, False)  # a shared synset
    assert "random" in thesaurus.targets("haphazard")  # an adjective "similar to"
    assert "magnetic" in thesaurus.targets("attractive")
    assert "learning" in thesaurus.targets("studying")  # read as a verb and inflected back
    assert "forest" in thesaurus.targets("timberland")
    assert thesaurus.targets("carcinoma")["cancer"] == (0.4, False)  # a hyponym of a sense of cancer
    assert thesaurus.targets("malady")["disease"] == (0.4, False)  # a hypernym of a sense of disease
    # Every hyponym, of a broad class too: a spinner's thesaurus offers "brainpower" for "intelligence".
    assert thesaurus.targets("brainpower")["intelligence"] == (0.4, False)
    weight, plural = thesaurus.targets("woodlands")["forest"]
    assert plural and weight > 0, "a plural is read through its singular"
    assert thesaurus.targets("zzzz") == {}


def test_a_rare_word_is_read_through_the_thesaurus_alone():
    inferrer = Inferrer(WordMaps({}), ["random forest", "nervous system"], thesaurus=Thesaurus.shipped())
    assert "haphazard" not in common_words() and "timberland" not in common_words()
    [found] = select_longest(inferrer.find("We fit a haphazard timberland."))
    assert found.term == "random forest" and found.sure
    assert found.reason().startswith("inferred: haphazard→random, timberland→forest")


def test_a_common_word_needs_a_learned_map_that_the_thesaurus_confirms():
    terms = ["deep learning", "principal components"]
    assert {"profound", "studying", "main"} <= common_words()
    alone = Inferrer(WordMaps({}), terms, thesaurus=Thesaurus.shipped())
    assert alone.find("profound studying") == [], "ordinary words are not read through the thesaurus alone"
    learned = WordMaps({"profound": {"deep": 1}, "studying": {"learning": 1}})
    without = Inferrer(learned, terms).find("profound studying")
    [confirmed] = Inferrer(learned, terms, thesaurus=Thesaurus.shipped()).find("profound studying")
    assert confirmed.term == "deep learning"
    assert confirmed.score > without[0].score, "the thesaurus makes a learned swap surer"


def test_a_rare_word_reaches_the_swap_learned_for_its_synonym():
    # "cerebration" shares a WordNet synset with "thinking"; only "thinking" was seen for "intelligence".
    assert "thinking" in Thesaurus.shipped().synonyms("cerebration")[0]
    assert "cerebration" not in common_words()
    learned = WordMaps({"counterfeit": {"artificial": 3}, "thinking": {"intelligence": 3}})
    terms = ["artificial intelligence"]
    [found] = Inferrer(learned, terms, thesaurus=Thesaurus.shipped()).find("counterfeit cerebration")
    assert found.term == "artificial intelligence"
    assert ("cerebration", "intelligence", 0.7 * learned.targets("thinking")["intelligence"][0]) in found.substitutions
    assert found.bridged and not found.sure, "a bridged swap is a guess for documents that show spin"
    assert found.reason().endswith("; a swap through a WordNet synonym")
    assert Inferrer(learned, terms).find("counterfeit cerebration") == [], "without the thesaurus, no bridge"
    [plural] = Inferrer(learned, terms, thesaurus=Thesaurus.shipped()).find("counterfeit cerebrations")
    assert plural.replacement() == "artificial intelligences"


def test_a_common_word_does_not_reach_the_swaps_of_its_synonyms():
    # "thought" shares a synset with "thinking" too, but ordinary prose uses it in many senses.
    assert "thought" in common_words() and "thinking" in Thesaurus.shipped().synonyms("thought")[0]
    learned = WordMaps({"counterfeit": {"artificial": 3}, "thinking": {"intelligence": 3}})
    assert Inferrer(learned, ["artificial intelligence"], thesaurus=Thesaurus.shipped()).find("counterfeit thought") == []


def test_the_api_uses_the_shipped_thesaurus():
    assert Inferrer.default([]).thesaurus is Thesaurus.shipped()


WORDNET_FIXTURE = {
    # A license header (lines starting with two spaces) and two synsets sharing "forest".
    "data.noun": "  1 Test notice.  \n  2 Second line.  \n"
    "00000001 03 n 02 forest 0 woodland 0 001 ~ 00000002 n 0000 | a tract of trees\n"
    "00000002 03 n 01 timberland 0 001 @ 00000001 n 0000 | land of timber\n",
    "data.adj": "00000003 00 a 01 random 0 001 & 00000004 a 0000 | by chance\n"
    "00000004 00 s 01 haphazard 0 001 & 00000003 a 0000 | without plan\n",
    "data.verb": "", "data.adv": "",
}


def test_the_build_script_reads_a_wordnet_folder(tmp_path):
    for name, text in WORDNET_FIXTURE.items():
        (tmp_path / name).write_text(text, encoding="latin-1")
    built = subprocess.run([sys.executable, str(ROOT / "bench" / "build_synonyms.py"), str(tmp_path)],
                           capture_output=True, text=True, timeout=120, check=True).stdout
    assert "# Test notice." in built and "# Second line." in built
    rows = {tuple(line.split("\t")[:2]): line.split("\t")[2].split() for line in built.splitlines() if not line.startswith("#")}
    assert rows[("forest", "synonym")] == ["woodland"]
    assert rows[("random", "similar")] == ["haphazard"]
    assert ("forest", "similar") not in rows and ("forest", "synonym") in rows, "a hyponym is no synonym"
    assert rows[("forest", "hyponym")] == ["timberland"], "one step down the is-a tree is its own kind"


def test_the_build_script_writes_every_synset_of_single_words(tmp_path):
    for name, text in WORDNET_FIXTURE.items():
        (tmp_path / name).write_text(text, encoding="latin-1")
    built = subprocess.run([sys.executable, str(ROOT / "bench" / "build_synonyms.py"), str(tmp_path), "--synsets"],
                           capture_output=True, text=True, timeout=120, check=True).stdout
    assert "# Test notice." in built
    assert [line for line in built.splitlines() if not line.startswith("#")] == ["forest woodland"]


@pytest.mark.skipif(not (WORDNET / "data.noun").is_file(), reason="WordNet 3.0 is not installed (Debian: wordnet-base)")
def test_the_shipped_synsets_are_built_from_wordnet():
    build = [sys.executable, str(ROOT / "bench" / "build_synonyms.py"), str(WORDNET), "--synsets"]
    built = subprocess.run(build, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    shipped = importlib.resources.files("unspin").joinpath("wordnet-synsets.txt").read_text(encoding="utf-8")
    assert built == shipped, "stale: python bench/build_synonyms.py WORDNET_DIR --synsets > unspin/wordnet-synsets.txt"
    assert NOTICE in shipped


@pytest.mark.skipif(not (WORDNET / "data.noun").is_file(), reason="WordNet 3.0 is not installed (Debian: wordnet-base)")
def test_the_shipped_thesaurus_is_built_from_the_current_lexicons():
    # The file lists synonyms of the lexicons' canonical words: new entries need a rebuild.
    build = [sys.executable, str(ROOT / "bench" / "build_synonyms.py"), str(WORDNET)]
    built = subprocess.run(build, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert built == synonyms_text(), "stale: python bench/build_synonyms.py WORDNET_DIR > unspin/synonyms.tsv"
