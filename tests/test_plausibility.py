"""The n-gram model that may stand in for unmet context in spun documents."""

import pytest

from unspin import Config, Unspinner, api, plausibility
from unspin.cli import main
from unspin.lexicon import LexiconError, load_file
from unspin.plausibility import context_words

MODEL = plausibility.default_model()
needs_model = pytest.mark.skipif(MODEL is None, reason="pocketsphinx is not installed (extra: ngram)")

# A contextual entry whose `before` condition never holds in the texts below,
# so only the n-gram model can let it change anything.
LEXICON = """
name: test-plausibility
entries:
  - id: test.said.mentioned
    spun: mentioned
    canonical: said
    tier: contextual
    context:
      evidence: spun
      before: 'according\\s+to\\s+$'
    examples:
      - spun: according to mentioned
        fixed: according to said
        assume_spun: true
  - id: test.regulation-enforcement
    spun: regulation enforcement
    canonical: law enforcement
  - id: test.metropolis
    spun: Metropolis Corridor
    canonical: City Hall
"""


def _unspinner(tmp_path, **options):
    path = tmp_path / "test.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    return Unspinner.from_lexicons([load_file(path)], Config(**options))


SPUN = "Regulation enforcement met at Metropolis Corridor, he mentioned on Monday."
CLEAN = "She mentioned the plan to him on Monday."


def test_context_words_stop_at_sentence_boundaries():
    text = "It rained. He mentioned it to them."
    start = text.index("mentioned")
    assert context_words(text, start, start + len("mentioned")) == (["<s>", "he"], ["it", "to"])
    text = "They met him, he mentioned; then left"
    start = text.index("mentioned")
    assert context_words(text, start, start + len("mentioned")) == (["<s>", "he"], ["</s>"])
    text = "They met him as he mentioned them"
    start = text.index("mentioned")
    assert context_words(text, start, start + len("mentioned")) == (["as", "he"], ["them"])


@needs_model
def test_the_model_prefers_said_at_the_end_of_an_attribution():
    text = "The vote failed, he mentioned on Monday."
    start = text.index("mentioned")
    gain = MODEL.gain(text, start, start + len("mentioned"), "said")
    assert gain > plausibility.MARGIN


@needs_model
def test_curly_apostrophes_are_read_like_straight_ones():
    straight = "the agency doesn't want to talk"
    curly = "the agency doesn’t want to talk"
    start = straight.index("want")
    assert MODEL.gain(curly, start, start + 4, "need") == pytest.approx(MODEL.gain(straight, start, start + 4, "need"))


@needs_model
def test_words_the_model_does_not_know_give_no_verdict():
    text = "about 13,000 lower than last year"
    start = text.index("13,000")
    assert MODEL.gain(text, start, start + len("13,000"), "thirteen thousand") is None


@needs_model
def test_in_a_spun_document_the_model_stands_in_for_unmet_context(tmp_path):
    text, changes = _unspinner(tmp_path, ngram=True).repair_and_explain(SPUN)
    assert "he said on Monday" in text
    said = next(c for c in changes if c.rule == "test.said.mentioned")
    assert "n-gram model" in said.reason


@needs_model
def test_without_spin_evidence_the_model_is_never_asked(tmp_path):
    assert _unspinner(tmp_path, ngram=True).repair(CLEAN) == CLEAN


def test_off_by_default_the_unmet_context_holds(tmp_path):
    text = _unspinner(tmp_path).repair(SPUN)
    assert "he mentioned on Monday" in text
    assert text.startswith("Law enforcement met at City Hall")


def test_requiring_a_missing_model_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(plausibility, "default_model", lambda: None)
    with pytest.raises(ValueError, match="unspin\\[ngram\\]"):
        api._plausibility(Config(ngram=True))
    assert api._plausibility(Config()) is None


def test_the_ngram_key_must_be_true_or_false(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(LEXICON.replace("evidence: spun\n", "evidence: spun\n      ngram: maybe\n"), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.yaml:10.*'ngram' must be true or false"):
        load_file(path)


@needs_model
def test_an_entry_may_forbid_the_model_to_stand_in(tmp_path):
    path = tmp_path / "test.yaml"
    path.write_text(LEXICON.replace("evidence: spun\n", "evidence: spun\n      ngram: false\n"), encoding="utf-8")
    unspinner = Unspinner.from_lexicons([load_file(path)], Config(ngram=True))
    assert "he mentioned on Monday" in unspinner.repair(SPUN)


@needs_model
@pytest.mark.parametrize("switch, setting", [(["--ngram"], ""), ([], "ngram = true\n")])
def test_the_command_line_and_config_switch_the_model_on(tmp_path, monkeypatch, capsys, switch, setting):
    (tmp_path / "test.yaml").write_text(LEXICON, encoding="utf-8")
    (tmp_path / "story.txt").write_text(SPUN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # Only the test lexicon: its "mentioned" would clash with the built-in one.
    (tmp_path / "unspin.toml").write_text('include = []\nlexicon = ["test.yaml"]\n', encoding="utf-8")
    assert main(["check", "story.txt"]) == 1
    assert "test.said.mentioned" not in capsys.readouterr().out
    (tmp_path / "unspin.toml").write_text('include = []\nlexicon = ["test.yaml"]\n' + setting, encoding="utf-8")
    assert main(["check", *switch, "story.txt"]) == 1
    assert "test.said.mentioned" in capsys.readouterr().out


@needs_model
def test_association_tells_a_phrase_from_two_words_never_seen_together():
    assert MODEL.association("pulmonary", "vein") > 1
    assert MODEL.association("genetically", "altered") > 1
    assert MODEL.association("random", "backwoods") < 0
    assert MODEL.association("counterfeit", "consciousness") < 0
    assert MODEL.association("zzqx", "vein") is None


@needs_model
def test_inference_with_the_model_is_sure_of_an_unheard_swap_and_not_of_an_ordinary_phrase():
    from unspin.infer import Inferrer
    from unspin.wordmaps import WordMaps

    maps = WordMaps({"backwoods": {"forest": 9}, "vein": {"artery": 9}})
    terms = ["random forest", "pulmonary artery"]
    without = Inferrer(maps, terms)
    with_model = Inferrer(maps, terms, plausibility=MODEL)
    # One swap beside a common word: not sure on the word lists alone.
    [alone] = without.find("a random backwoods")
    assert alone.heard is None and not alone.sure
    [unheard] = with_model.find("a random backwoods")
    assert unheard.heard is False and unheard.sure
    # "pulmonary vein" is English: never sure, still a candidate where the document shows spin.
    [ordinary] = with_model.find("the pulmonary vein")
    assert ordinary.heard is True and not ordinary.sure and ordinary.score > 0.9


@needs_model
def test_config_ngram_gives_inference_the_model():
    assert Unspinner(infer=True, ngram=True).repair("The pulmonary vein was narrow.") == "The pulmonary vein was narrow."
    assert Unspinner(infer=True, ngram=True)._inferrer.plausibility is MODEL
    assert Unspinner(infer=True)._inferrer.plausibility is None
