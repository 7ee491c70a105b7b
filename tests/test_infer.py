"""Inference of tortured phrases that no lexicon lists."""

import pytest

from unspin import Unspinner
from unspin.infer import Inferrer, select_longest
from unspin.lexicon import Entry, fold_form
from unspin.thesaurus import Thesaurus
from unspin.wordforms import base_form, pluralize, same_word
from unspin.wordlists import curated_terms
from unspin.wordmaps import WordMaps


def entry(spun, canonical, number=0):
    return Entry(id=f"t{number}", spun=(spun,), canonical=canonical)


# What a curator has listed: the inferrer learns its word maps from these.
LISTED = [
    entry("irregular woodland", "random forest", 1),
    entry("arbitrary backwoods", "random forest", 2),
    entry("counterfeit consciousness", "artificial intelligence", 3),
    entry("fake brainpower", "artificial intelligence", 4),
    entry("bosom peril", "breast cancer", 5),
    entry("lung malignancy", "lung cancer", 6),
    entry("profound neural organization", "deep neural network", 7),
    entry("man-made consciousness", "artificial intelligence", 8),
]
TERMS = ["random forest", "artificial intelligence", "breast cancer", "deep learning", "neural network", "computer network"]


def repaired(text, inferrer):
    pieces, last = [], 0
    for found in select_longest(inferrer.find(text)):
        pieces += [text[last : found.start], found.replacement()]
        last = found.end
    return "".join(pieces + [text[last:]])


@pytest.fixture
def inferrer():
    # Every pair above is seen once, so scores are low: accept any composition here.
    return Inferrer.from_entries(LISTED, TERMS, min_score=0.0)


def test_word_maps_align_equal_length_entries():
    maps = WordMaps.learn(LISTED + [entry("organization of profound", "deep network", 9)])
    assert maps.counts["irregular"] == {"random": 1}
    assert maps.counts["woodland"] == {"forest": 1}
    assert "of" not in maps.counts  # unequal lengths are not aligned


@pytest.mark.parametrize(
    "spun, fixed",
    [
        ("We fit an arbitrary woodland.", "We fit an random forest."),  # article agreement is repair's job
        ("Counterfeit brainpower is here.", "artificial intelligence is here."),
        ("irregular backwoods and fake consciousness", "random forest and artificial intelligence"),
        ("bosom malignancy screening", "breast cancer screening"),
        ("two irregular woodlands", "two random forests"),
        ("profound neural organizations", "deep neural networks"),
        ("man-made brainpower", "artificial intelligence"),
    ],
)
def test_unlisted_variants_are_composed_from_word_maps(inferrer, spun, fixed):
    assert repaired(spun, inferrer).lower() == fixed.lower()


def test_spelling_variants_of_kept_words_are_matched(inferrer):
    assert repaired("an irregular forrest", inferrer) == "an random forest"


def test_a_nodes_spelling_variants_are_every_child_same_word_takes_for_one():
    # spelling_variants() compares only children of a near length with the same
    # first or last two letters; it must find what a comparison with all finds.
    inferrer = Inferrer.default([])
    node = inferrer._root.children["data"]
    for word in ("analysis", "analysys", "anlysis", "analysiss", "mining", "minning", "warehouse", "warehose",
                 "xanalysis", "analysisx", "fusions", "compression", "compresion", "augmentatoin", "visualisation"):
        every = {other for other in node.children if abs(len(other) - len(word)) <= 1 and same_word(word, other)}
        assert {other for other, _ in node.spelling_variants(word)} == every, word


def test_the_reason_names_the_swaps_and_the_score(inferrer):
    [found] = inferrer.find("fake consciousness")
    assert found.reason().startswith("inferred: fake→artificial, consciousness→intelligence; score ")
    assert 0 < found.score <= 1


@pytest.mark.parametrize(
    "text",
    [
        "random forest and breast cancer",  # already canonical: nothing swapped
        "the woodland was irregular",  # not in the order of any term
        "neural network",  # a term itself
        "an irregular\n\nwoodland",  # a paragraph break is not a phrase
    ],
)
def test_ordinary_text_is_left_alone(inferrer, text):
    assert inferrer.find(text) == []


def test_a_phrase_that_is_itself_a_technical_term_is_not_changed():
    maps = Inferrer.from_entries([entry("computer network", "computer system")], ["computer system", "computer network"])
    assert maps.find("a computer network") == []


def test_same_word_uses_edit_distance_only_for_longer_words():
    assert same_word("forrest", "forest")
    assert same_word("networks", "network")
    assert not same_word("cat", "cut")


def test_inference_is_an_option_of_the_api_and_explains_itself():
    text = "We used counterfeit cognizance."
    fixed, [change] = Unspinner(infer=True).repair_and_explain(text)
    assert fixed == "We used artificial intelligence."
    assert change.tier == "inferred" and change.reason.startswith("inferred: counterfeit→artificial")
    assert Unspinner().repair(text) == text, "inference is off by default"
    assert Unspinner(infer=True, level="safe").repair(text) == text


def test_a_listed_phrase_rejected_by_its_context_is_not_inferred_either():
    # "profound learning" is listed as contextual; inference must not slip it through.
    assert Unspinner(infer=True).repair("He was a man of profound learning.") == "He was a man of profound learning."


def test_unsure_inferences_need_a_document_that_shows_spin():
    text = "The big information was stored."
    [weak] = Unspinner(infer=True)._inferrer.find(text)
    assert not weak.sure, "the example must give an unsure inference"
    assert Unspinner(infer=True).repair(text) == text
    assert Unspinner(infer=True, assume_spun=True).repair(text) == "The big data was stored."
    assert Unspinner(infer=True, level="aggressive").repair(text) == "The big data was stored."


@pytest.mark.parametrize(
    "spun, fixed",
    [
        ("We trained an irregular woodland.", "We trained a random forest."),
        ("An irregular woodland was trained.", "A random forest was trained."),
        ("It is a counterfeit consciousness system.", "It is an artificial intelligence system."),
        ("a unique irregular woodland", "a unique random forest"),  # the article belongs to another word
    ],
)
def test_the_article_agrees_with_the_replacement(spun, fixed):
    assert Unspinner(infer=True).repair(spun) == fixed


def test_cli_switches_inference_on_for_fix_and_off_for_screen(tmp_path, capsys):
    from unspin.cli import main

    paper = tmp_path / "paper.txt"
    paper.write_text("We used counterfeit cognizance.\n", encoding="utf-8")
    assert main(["fix", str(paper)]) == 0
    assert "counterfeit cognizance" in capsys.readouterr().out
    assert main(["fix", "--infer", str(paper)]) == 0
    assert "artificial intelligence" in capsys.readouterr().out
    assert main(["screen", "--format", "json", str(paper)]) in (0, 1)
    assert "inferred" in capsys.readouterr().out
    assert main(["screen", "--no-infer", "--format", "json", str(paper)]) in (0, 1)
    assert "inferred" not in capsys.readouterr().out


def test_a_term_that_starts_or_ends_with_a_function_word_is_never_composed():
    # News lexicons list "the same" and "according to": not technical terms.
    maps = WordMaps({"many": {"the": 3}, "identical": {"same": 3}, "following": {"according": 3}})
    inferrer = Inferrer(maps, ["the same", "according to", "same origin"], min_score=0.0)
    assert inferrer.find("They were many identical copies, following to plan.") == []
    [found] = inferrer.find("an identical origin")
    assert found.term == "same origin"


def test_several_spun_words_for_one_canonical_word_are_learned_between_aligned_words():
    maps = WordMaps.learn([
        entry("man-made consciousness", "artificial intelligence", 1),
        entry("man-made mental aptitude", "artificial intelligence", 2),  # man-made -> artificial lines up
        entry("transfer getting to know", "transfer learning", 3),
        entry("deep getting to know", "deep learning", 4),
        entry("trust the board", "trust management", 5),  # a phrase never starts with a function word
        entry("eccentric forest area", "random forest", 6),  # nothing of the canonical is left for "area"
    ])
    assert maps.phrases == {("mental", "aptitude"): {"intelligence": 1}, ("getting", "to", "know"): {"learning": 2}}
    assert maps.phrase_targets("getting") == [(("to", "know"), "learning", 0.75)]
    assert maps.phrase_targets("to") == []


def test_a_phrase_may_end_with_a_dangling_function_word_and_may_end_with_a_word_of_its_own_swap():
    maps = WordMaps.learn([
        entry("knowledge", "learning", 1),  # a swap of its own: "knowledge" -> "learning"
        entry("deep gaining knowledge", "deep learning", 2),  # the phrase is "gaining knowledge", not "gaining"
        entry("device gaining knowledge of algorithm", "machine learning algorithm", 3),
        entry("device", "machine", 4),
    ])
    assert maps.phrases == {("gaining", "knowledge"): {"learning": 2}, ("gaining", "knowledge", "of"): {"learning": 1}}
    inferrer = Inferrer(maps, ["machine learning", "machine learning algorithm", "transfer learning"], min_score=0.0)
    assert [f.term for f in select_longest(inferrer.find("a device gaining knowledge of algorithm"))] == ["machine learning algorithm"]
    # The dangling "of" is not part of a repair that ends before it, where it governs
    # what follows; it is, where nothing follows that it could govern.
    [found] = select_longest(inferrer.find("transfer gaining knowledge of images"))
    assert (found.term, found.end) == ("transfer learning", len("transfer gaining knowledge"))
    [found] = select_longest(inferrer.find("transfer gaining knowledge of the images"))
    assert found.end == len("transfer gaining knowledge")
    [found] = select_longest(inferrer.find("transfer gaining knowledge of was used"))
    assert (found.term, found.end) == ("transfer learning", len("transfer gaining knowledge of"))


def test_a_phrase_stands_for_one_word_of_a_term():
    learned = [entry("transfer getting to know", "transfer learning", 1), entry("deep getting to know", "deep learning", 2),
               entry("man-made consciousness", "artificial intelligence", 3)]
    inferrer = Inferrer.from_entries(learned, ["reinforcement learning", "machine learning"])
    [found] = select_longest(inferrer.find("We use reinforcement getting to know here."))
    assert (found.term, found.reason()) == ("reinforcement learning", "inferred: getting to know→learning; score 0.75")
    assert found.sure, "a phrase for one word is two swapped words: anchored"
    assert inferrer.find("reinforcement getting to the point") == []
    assert inferrer.find("getting to know machine") == []


def test_shipped_phrases_load_from_the_word_map_file():
    shipped = WordMaps.shipped()
    assert shipped.phrases and all(len(phrase) >= 2 for phrase in shipped.phrases)
    assert all(" " not in word for word in shipped.counts)


def test_the_shipped_word_maps_are_learned_from_the_current_shared_list(shared):
    # unspin/spinner-words.tsv is generated: a change to learning needs a rebuild.
    import importlib.resources
    import subprocess
    import sys

    from conftest import ROOT

    export = shared / "data" / "tortured_phrases.tsv"
    built = subprocess.run([sys.executable, str(ROOT / "bench" / "learn_word_maps.py"), str(export)],
                           capture_output=True, text=True, check=True, timeout=300).stdout
    shipped = importlib.resources.files("unspin").joinpath("spinner-words.tsv").read_text(encoding="utf-8")
    assert built == shipped, "stale: python bench/learn_word_maps.py ../shared/data/tortured_phrases.tsv > unspin/spinner-words.tsv"


def test_a_term_never_starts_inside_a_hyphenated_compound():
    learned = [entry("programmed discourse acknowledgement", "automatic speech recognition", n) for n in range(3)]
    inferrer = Inferrer.from_entries(learned, [])
    assert inferrer.find("a pre-programmed discourse acknowledgement") == [], "not 'pre-automatic speech recognition'"
    [found] = inferrer.find("a programmed discourse acknowledgement")
    assert found.term == "automatic speech recognition"


def test_two_terms_that_read_a_phrase_about_as_well_make_no_sure_inference():
    # "grouping" stood once for "clustering" and once for "classification".
    listed = [entry("grouping technique", "clustering technique", 1), entry("grouping strategy", "classification method", 2),
              entry("arrangement calculation", "classification algorithm", 3)]
    inferrer = Inferrer.from_entries(listed, ["clustering algorithm", "classification algorithm"], min_score=0.0)
    rivals = inferrer.find("a grouping calculation")
    assert {found.term for found in rivals} == {"clustering algorithm", "classification algorithm"}
    assert all(found.rival and not found.sure for found in rivals)
    assert {found.rival for found in rivals} == {found.term for found in rivals}, "each names the other"
    assert all(found.reason().endswith(f"; or {found.rival}") for found in rivals), "the reason says what else it may be"
    alone = [entry("grouping technique", "clustering technique", 1), entry("arrangement calculation", "sorting algorithm", 3)]
    [alone] = Inferrer.from_entries(alone, ["clustering algorithm"], min_score=0.0).find("a grouping calculation")
    assert alone.rival is None


def test_a_phrase_glossed_by_its_own_term_is_not_repaired_into_a_doubled_term(inferrer):
    assert inferrer.find("an irregular woodland random forest") == []
    assert inferrer.find("a random forest (irregular woodland)") != [], "a gloss in brackets is no neighbour"
    assert inferrer.find("random forest\nirregular woodland") == []
    assert [found.term for found in inferrer.find("an irregular woodland neural network")] == ["random forest"]


@pytest.mark.parametrize("word, base, plural", [("analyses", "analysis", "analyses"), ("hypotheses", "hypothesis", "hypotheses"),
                                                 ("basis", "basis", "bases"), ("doses", "dose", "doses"), ("cases", "case", "cases")])
def test_greek_plurals_in_ses_and_singulars_in_sis(word, base, plural):
    assert base_form(word) == base and pluralize(base) == plural


def test_one_sighting_of_a_rare_spun_word_says_more_than_one_of_a_common_word():
    listed = [entry("shrewd contract", "smart contract", 1), entry("keen contract", "smart contract", 2)]
    inferrer = Inferrer.from_entries(listed, ["smart home"], min_score=0.0, common={"keen", "home"})
    [rare] = inferrer.find("a shrewd home")
    [common] = inferrer.find("a keen home")
    assert rare.score > common.score == 0.5


def test_a_written_term_kept_whole_inside_a_longer_one_does_not_stop_it():
    listed = [entry("sensor community", "sensor network", 1), entry("social community", "social network", 2)]
    inferrer = Inferrer.from_entries(listed, ["wireless sensor", "wireless sensor network", "community detection"], min_score=0.0)
    assert "wireless sensor network" in {found.term for found in inferrer.find("a wireless sensor community")}
    # A written term that reaches beyond the inference still stops it.
    assert inferrer.find("a sensor community detection") == []


# Each of "counterfeit" and "consciousness" seen once for the term's word, twice for another.
ACRONYM_MAPS = WordMaps({"counterfeit": {"artificial": 1, "fake": 2}, "consciousness": {"intelligence": 1, "awareness": 2},
                         "woods": {"forest": 3}})
ACRONYM_TERMS = ["artificial intelligence", "random forest", "virtual reality", "augmented reality", "machine learning",
                 "Organization of American States"]


def test_an_acronym_that_spells_the_term_makes_a_weak_inference_sure():
    inferrer = Inferrer(ACRONYM_MAPS, ACRONYM_TERMS)
    [bare] = inferrer.find("We study counterfeit consciousness here.")
    assert bare.term == "artificial intelligence" and not bare.sure, "swaps seen once of three times are weak"
    [confirmed] = inferrer.find("We study counterfeit consciousness (AI) here.")
    assert confirmed.acronym and confirmed.sure
    assert confirmed.reason().endswith("; the acronym after it spells the term")
    assert confirmed.end == len("We study counterfeit consciousness"), "the acronym stays as the author wrote it"


def test_an_acronym_that_spells_another_term_drops_the_inference():
    inferrer = Inferrer(WordMaps({"device": {"machine": 3}, "gaining": {"learning": 3}}), ACRONYM_TERMS)
    assert [f.term for f in inferrer.find("a device gaining method")] == ["machine learning"]
    assert inferrer.find("a device gaining (AI) method") == [], "the author named another term"
    # An acronym of a longer phrase that ends with the term leaves it alone.
    assert [f.term for f in inferrer.find("a new device gaining (NML) method")] == ["machine learning"]


def test_an_acronym_ties_a_phrase_with_one_unmapped_word_to_the_only_term_it_spells():
    inferrer = Inferrer(ACRONYM_MAPS, ACRONYM_TERMS)
    [found] = select_longest(inferrer.find("Users of digital reality (VR) headsets"))
    assert (found.term, found.sure) == ("virtual reality", True)
    assert ("digital", "virtual", 0.5) in found.substitutions
    [found] = select_longest(inferrer.find("a self-emphatic woods (RF) model"))
    assert (found.term, found.start) == ("random forest", len("a "))
    [found] = select_longest(inferrer.find("the Association of American States (OAS) met"))
    assert found.replacement() == "Organization of American States"
    assert inferrer.find("digital camera (VR) headsets") == [], "two words without a map"
    assert inferrer.find("the virtual reality (VR) headsets") == [], "the term as it is written"
    assert inferrer.find("the Association for American States (OAS) met") == [], "function words must be the term's"


def test_an_acronym_vouches_for_a_weakly_mapped_word_as_for_an_unmapped_one_but_never_for_a_whole_term():
    maps = WordMaps({"digital": {"virtual": 1, "cyber": 5}})
    inferrer = Inferrer(maps, ["virtual reality", "e-commerce", "anti-inflammatory drug"])
    assert inferrer.find("a digital reality headset") == [], "a weak map alone is too weak"
    [found] = inferrer.find("a digital reality (VR) headset")
    assert (found.term, found.score, found.sure) == ("virtual reality", 0.5, True)
    # "e-commerce" read whole is one word: nothing else would read as the term's.
    assert inferrer.find("the European People Group (EC) met") == []


def test_a_final_capital_s_is_a_plural_only_after_a_plural_word():
    # "NFS" after a singular word is three letters, not a plural "NF"s: no
    # "network forensics" for "network filesystem".
    inferrer = Inferrer(WordMaps({"filesystem": {"forensics": 3}, "voluntary": {"volunteer": 3}}),
                        ["network forensics", "private volunteer organization"])
    assert [f.term for f in inferrer.find("the network filesystem here")] == ["network forensics"]
    assert inferrer.find("the network filesystem (NFS) here") == [], "the acronym names another term"
    [found] = select_longest(inferrer.find("private voluntary organizations (PVOS) here"))
    assert (found.term, found.acronym) == ("private volunteer organization", True)


def test_an_acronym_that_two_terms_spell_equally_is_left_alone():
    inferrer = Inferrer(WordMaps({}), ["random forest", "rain forest"])
    assert inferrer.find("a dense woods forest (RF) here") == [], "random or rain: a guess"
    [found] = inferrer.find("a dense random woods (RF) here")
    assert found.replacement() == "random forest", "only one term starts with 'random'"


def test_three_weak_swaps_or_rare_words_that_spell_one_term_are_sure_where_two_are_not():
    # Each swap seen once, of a word of ordinary prose: weak alone (0.5 each).
    listed = [entry("touchy skin", "irritable skin", 1), entry("gut cancer", "bowel cancer", 2),
              entry("viral disorder", "viral syndrome", 3)]
    common = {"touchy", "gut", "disorder"}
    inferrer = Inferrer.from_entries(listed, ["irritable bowel syndrome", "bowel syndrome"], common=common)
    [three] = [found for found in inferrer.find("a touchy gut disorder") if found.term == "irritable bowel syndrome"]
    assert len(three.substitutions) == 3 and three.score < 0.55 and three.sure
    [two] = inferrer.find("a gut disorder")
    assert len(two.substitutions) == 2 and two.score == three.score and not two.sure
    # A kept word that ordinary prose does not use tells of the term as a swap does.
    rare = Inferrer.from_entries(listed, ["colonic bowel syndrome"], common=common)
    [kept] = rare.find("a colonic gut disorder")
    assert len(kept.substitutions) == 2 and kept.score == two.score and kept.sure
    common_kept = Inferrer.from_entries(listed, ["colonic bowel syndrome"], common=common | {"colonic"})
    assert not common_kept.find("a colonic gut disorder")[0].sure


def test_a_repair_that_would_leave_a_longer_known_term_half_done_is_not_sure():
    listed = [entry("discourse acknowledgement", "speech recognition", 1), entry("discourse acknowledgment", "speech recognition", 2)]
    terms = ["speech recognition", "automatic speech recognition"]
    # "programmed" is rare here: a word the spinner may have swapped for "automatic".
    inferrer = Inferrer.from_entries(listed, terms, common={"proposed"})
    [half] = inferrer.find("the programmed discourse acknowledgement was tested")
    assert half.term == "speech recognition" and half.part_of == "automatic speech recognition"
    assert half.score >= 0.55 and half.anchored and not half.sure
    assert half.reason().endswith("; maybe part of automatic speech recognition")
    # An ordinary word beside it, which nothing relates to "automatic", is no sign.
    [plain] = Inferrer.from_entries(listed, terms, common={"proposed"}).find("the proposed discourse acknowledgement was tested")
    assert plain.part_of is None and plain.sure
    # Without the longer term in the gazetteer there is nothing to leave half done.
    [alone] = Inferrer.from_entries(listed, terms[:1], common={"proposed"}).find("the programmed discourse acknowledgement")
    assert alone.part_of is None and alone.sure
    # Nor where the words around the phrase are function words and punctuation.
    assert all(found.sure for found in inferrer.find("In this study, discourse acknowledgement was considered."))


def test_an_ordinary_word_beside_the_term_tells_of_a_longer_one_where_a_thesaurus_relates_it_at_any_weight():
    listed = [entry("discourse acknowledgement", "speech recognition", 1), entry("discourse acknowledgment", "speech recognition", 2)]
    terms = ["speech recognition", "automatic speech recognition"]
    # Moby alone, for a word of ordinary prose: too weak to compose the longer term.
    thesaurus = Thesaurus({"programmed": {"automatic": "moby"}})
    inferrer = Inferrer.from_entries(listed, terms, common={"programmed"}, thesaurus=thesaurus)
    [half] = inferrer.find("the programmed discourse acknowledgement")
    assert half.term == "speech recognition" and half.part_of == "automatic speech recognition" and not half.sure
    unrelated = Inferrer.from_entries(listed, terms, common={"programmed"}, thesaurus=Thesaurus({}))
    assert all(found.sure for found in unrelated.find("the programmed discourse acknowledgement"))


def test_a_phrase_read_one_word_off_would_say_the_terms_last_word_twice_and_is_not_sure():
    listed = [entry("choice help framework", "decision support system", 1), entry("choice help frameworks", "decision support systems", 2)]
    thesaurus = Thesaurus({"network": {"system": "hypernym"}})
    inferrer = Inferrer.from_entries(listed, ["decision support system"], thesaurus=thesaurus)
    [off] = inferrer.find("a choice help framework network")
    assert off.part_of == "decision support system network" and not off.sure
    [whole] = inferrer.find("a choice help framework was built")
    assert whole.part_of is None and whole.sure


def test_a_hyphenated_compound_is_read_part_by_part():
    learned = [entry("PC helped conclusion", "computer-aided diagnosis", 1), entry("laptop network", "computer network", 2),
               entry("laptop science", "computer science", 3), entry("electronic mail", "email", 4)]
    inferrer = Inferrer.from_entries(learned, ["computer-aided diagnosis", "email address"], min_score=0.0)
    # No map knows "laptop-aided": its parts are swapped one by one.
    assert repaired("a laptop-aided diagnosis tool", inferrer) == "a computer-aided diagnosis tool"
    # Never ends inside a compound, nor reads a writer's compound as a spinner's phrase.
    assert inferrer.find("a laptop-aided diagnosis-based tool") == []
    assert inferrer.find("your electronic-mail address") == []


def test_no_term_of_the_gazetteer_is_changed_in_a_document_without_spin():
    # The gazetteer lists the canonical terms inference may produce: a listed
    # entry or an inference that rewrites one ("face identification" read as a
    # spun "face detection", "differential protection" as "differential
    # privacy") breaks good text.  With inference on, every listed entry
    # applies too, so one run checks both.
    assert _changed_terms(Unspinner(infer=True)) == []


def test_no_term_of_the_gazetteer_is_changed_in_a_spun_document_unless_it_is_a_listed_spun_form():
    # In a spun document no entry changes words inside a term ("query
    # optimizer": no "question"); only a term that is itself a news entry's
    # spun form is repaired whole ("financial system": the spinner's economy).
    unspinner = Unspinner(infer=True, assume_spun=True)
    spun_forms = {fold_form(form) for entry in unspinner.entries if entry.lexicon.startswith("news") for form in entry.spun}
    changed = _changed_terms(unspinner)
    assert [term for term in changed if fold_form(term) not in spun_forms] == []
    assert len(changed) < 10


def _changed_terms(unspinner) -> list:
    return [term for term in curated_terms()
            if unspinner.repair(f"In this study, {term} was considered.") != f"In this study, {term} was considered."]
