"""`unspin lexicon learn`: candidate entries from a spun text and its original."""

import yaml

from unspin import Unspinner
from unspin.cli import main
from unspin.learn import learn, lexicon_coverage, minimal_difference, to_yaml
from unspin.lexicon import load_file

from conftest import CORPORA

SPUN = "The regulation enforcement officers mentioned it. Officers arrested him. Regulation enforcement mentioned."
ORIGINAL = "The law enforcement officials said it. Officers arrested him. Law enforcement said."


def by_pair(candidates):
    return {(c.spun, c.canonical): c for c in candidates}


def test_substitutions_are_counted_with_context_and_a_tier():
    found = by_pair(learn(SPUN, ORIGINAL))
    law = found[("regulation", "law")]
    assert law.count == 2 and law.tier == "safe"
    assert law.contexts[0] == ("The regulation enforcement officers mentioned it", "The law enforcement officers mentioned it")
    # "officers" also stays unchanged once: an ordinary word too, so contextual.
    officers = found[("officers", "officials")]
    assert (officers.count, officers.unchanged, officers.tier) == (1, 1, "contextual")
    assert found[("mentioned", "said")].count == 2
    assert ("officers mentioned", "officials said") in found  # the whole phrase, for the curator to choose


def test_insertions_and_deletions_take_a_neighbour():
    found = by_pair(learn("these insurance policies might", "these policies might"))
    assert ("insurance policies", "policies") in found
    found = by_pair(learn("she said they’ve the right", "she said they have the right"))
    assert ("they've", "they have") in found


def test_case_alone_is_no_substitution_and_sentence_capitals_are_dropped():
    found = by_pair(learn("Regulation matters. ICE", "Law matters. Ice"))
    assert list(found) == [("regulation", "law")]
    # A capital the spinner did not write is kept: a name or a title.
    assert ("lawyer common", "Attorney General") in by_pair(learn("the lawyer common", "the Attorney General"))


def test_candidates_print_as_a_lexicon_that_loads(tmp_path):
    path = tmp_path / "learned.yaml"
    path.write_text(to_yaml(learn(SPUN, ORIGINAL), "mine", "a test"), encoding="utf-8")
    lexicon = load_file(path)
    assert lexicon.name == "mine" and {e.id for e in lexicon.entries} >= {"mine.law.regulation", "mine.officials.officers"}
    contextual = [e for e in lexicon.entries if e.tier == "contextual"]
    assert contextual and all(e.context.evidence for e in contextual)


def test_minimal_difference():
    assert minimal_difference("regulation enforcement", "law enforcement") == ("regulation", "law")
    assert minimal_difference("these insurance policies", "these policies") == ("insurance", "")


def test_learn_proposes_most_of_what_the_lexicons_repair_on_the_seed():
    # Target of issue 7: at least 80% of the seed substitutions our lexicons
    # make rightly (each change judged against the reference, unspin.evaluate).
    spun = (CORPORA / "seed" / "spun.txt").read_text(encoding="utf-8")
    reference = (CORPORA / "seed" / "reference.txt").read_text(encoding="utf-8")
    coverage = lexicon_coverage(Unspinner(), spun, reference, learn(spun, reference))
    assert len(coverage.covered) >= 20, "too few right changes on the seed for the measure to mean anything"
    assert coverage.share >= 0.8, coverage.missing


def test_cli_prints_yaml_and_reports_coverage(capsys):
    seed = CORPORA / "seed"
    assert main(["lexicon", "learn", str(seed / "spun.txt"), str(seed / "reference.txt"), "--min-count", "3", "--coverage"]) == 0
    out, err = capsys.readouterr()
    entries = yaml.safe_load(out)["entries"]
    assert entries and all(e["note"].startswith("learned: replaced") for e in entries)
    assert "learn proposes" in err


def test_cli_reports_an_unreadable_file(tmp_path, capsys):
    assert main(["lexicon", "learn", str(tmp_path / "missing.txt"), str(tmp_path / "other.txt")]) == 2
    assert "missing.txt: cannot read" in capsys.readouterr().err
