import pickle

import pytest

import unspin
from unspin import Unspinner, apply_changes

SPUN = "Lawyer Common’s office said regulation enforcement has been told. Jeff Classes agreed."


def test_repair_restores_safe_phrases_and_keeps_possessive():
    assert unspin.repair(SPUN) == "Attorney General’s office said law enforcement has been told. Jeff Sessions agreed."


def test_scan_explains_every_change():
    changes = unspin.scan(SPUN)
    assert [(c.before, c.after, c.rule, c.tier) for c in changes] == [
        ("Lawyer Common", "Attorney General", "news.attorney-general.lawyer-common", "safe"),
        ("regulation enforcement", "law enforcement", "news.law-enforcement.regulation-enforcement", "safe"),
        ("Jeff Classes", "Jeff Sessions", "news.jeff-sessions.jeff-classes", "safe"),
    ]
    for change in changes:
        assert SPUN[change.start : change.end] == change.before
        assert change.reason


def test_a_change_behaves_as_a_frozen_dataclass():
    # Change has its own (faster) __init__; everything else a frozen dataclass gives must hold.
    import dataclasses

    [change, *_] = unspin.scan(SPUN)
    same = unspin.Change(**dataclasses.asdict(change))
    assert same == change and hash(same) == hash(change) and repr(same) == repr(change)
    assert change.to_dict() == {"start": 0, "end": 13, "before": "Lawyer Common", "after": "Attorney General",
                                "rule": "news.attorney-general.lawyer-common", "tier": "safe", "reason": change.reason}
    assert dataclasses.replace(change, start=1).start == 1 and pickle.loads(pickle.dumps(change)) == change
    with pytest.raises(dataclasses.FrozenInstanceError):
        change.start = 2


def test_applying_changes_reproduces_the_repair():
    text, changes = unspin.repair_and_explain(SPUN)
    assert apply_changes(SPUN, changes) == text


def test_apply_refuses_changes_that_do_not_fit():
    [first, *_] = unspin.scan(SPUN)
    with pytest.raises(ValueError):
        apply_changes("something else entirely", [first])


def test_upper_case_is_carried():
    assert unspin.repair("REGULATION ENFORCEMENT") == "LAW ENFORCEMENT"


def test_line_break_inside_a_phrase_is_kept():
    assert unspin.repair("Denver regulation\nenforcement agencies") == "Denver law\nenforcement agencies"


def test_contextual_entries_need_spin_evidence():
    sentence = "Lucero mentioned the agency will act."
    assert unspin.repair(sentence) == sentence
    assert unspin.repair(sentence, assume_spun=True) == "Lucero said the agency will act."
    spun_document = "Regulation enforcement and the Lawyer Common agreed. " + sentence
    assert "Lucero said the agency" in unspin.repair(spun_document)


def test_level_safe_skips_contextual_entries():
    sentence = "Lucero mentioned the agency will act."
    assert unspin.repair(sentence, level="safe", assume_spun=True) == sentence


def test_spin_evidence_reports_density():
    found = unspin.spin_evidence("Regulation enforcement and the Lawyer Common agreed.")
    assert found.hits == 2 and found.distinct == 2 and found.words == 7
    assert found.density == pytest.approx(2000 / 7)
    assert found.spun


def test_invalid_level_is_rejected():
    with pytest.raises(ValueError, match="level must be one of"):
        unspin.repair("text", level="extreme")


def test_excluding_a_lexicon_switches_its_entries_off():
    assert unspin.repair("regulation enforcement", exclude=["news-everyday"]) == "regulation enforcement"


def test_unspinner_pickles_and_works_after_unpickling():
    unspinner = Unspinner(level="safe")
    clone = pickle.loads(pickle.dumps(unspinner))
    assert clone.config == unspinner.config
    assert clone.repair(SPUN) == unspinner.repair(SPUN)


def test_empty_text():
    assert unspin.repair("") == ""
    assert unspin.scan("") == []


def test_an_article_rewritten_by_the_previous_change_is_not_taken_again():
    # "and not using a" -> "without a" ends on the article that the next
    # repair would make "an": the two changes would overlap (found by fuzzing).
    text = "and not using a additive white Gaussian commotion"
    fixed, changes = Unspinner(level="aggressive").repair_and_explain(text)
    assert fixed == "without a additive white Gaussian noise"
    assert apply_changes(text, changes) == fixed
    assert [c.before for c in changes] == ["and not using a", "additive white Gaussian commotion"]


@pytest.mark.parametrize("enabled", [True, False])
def test_repair_pauses_the_collector_only_while_it_runs(enabled, monkeypatch):
    import gc

    seen = []
    original = Unspinner._decide
    monkeypatch.setattr(Unspinner, "_decide", lambda self, text: seen.append(gc.isenabled()) or original(self, text))
    (gc.enable if enabled else gc.disable)()
    try:
        unspin.repair(SPUN)
        unspin.spin_evidence(SPUN)
        assert seen == [False, False] and gc.isenabled() == enabled
    finally:
        gc.enable()


def test_repair_leaves_no_cycles_for_the_paused_collector():
    # What pausing it rests on: the objects of a repair are freed when it
    # returns, by reference counting alone.  Checked on spun and clean text,
    # with the n-gram model and inference (which build the most).
    import gc

    from conftest import CORPORA

    texts = [(CORPORA / "seed" / "spun.txt").read_text(encoding="utf-8"),
             (CORPORA / "clean" / "devils_dictionary.txt").read_text(encoding="utf-8")[:50_000]]
    for options in ({}, {"infer": True}, {"level": "aggressive"}):
        unspinner = Unspinner(**options)
        unspinner.analyze(texts[0])  # caches filled before counting
        gc.collect()
        gc.disable()
        try:
            for text in texts:
                unspinner.analyze(text)
            assert gc.collect() == 0, options
        finally:
            gc.enable()


def _overlapping(tmp_path):
    """Four safe entries: "azure orb" and "orb game" share "orb" and repair it alike;
    "orb weaver" repairs it otherwise; "report orb" keeps it as written."""
    path = tmp_path / "overlap.yaml"
    path.write_text(
        "name: overlap\n"
        "entries:\n"
        "  - {id: t.blue-ball.azure-orb, spun: azure orb, canonical: blue ball}\n"
        "  - {id: t.ball-game.orb-game, spun: orb game, canonical: ball game}\n"
        "  - {id: t.round-spider.orb-weaver, spun: orb weaver, canonical: round spider}\n"
        "  - {id: t.record-orb.report-orb, spun: report orb, canonical: record orb}\n",
        encoding="utf-8",
    )
    return Unspinner(include=(), extra_lexicons=[str(path)])


def test_overlapping_phrases_that_repair_their_shared_word_alike_are_read_as_one(tmp_path):
    # The leftmost alone left "blue ball game" to a second pass ("ball game" is no spun form
    # here, but "orb game" was: a spinner's swaps run on).
    unspinner = _overlapping(tmp_path)
    text, [change] = unspinner.repair_and_explain("The azure orb game ended.")
    assert text == "The blue ball game ended." == unspinner.repair(text)
    assert change.before == "azure orb game"
    assert change.rules == ("t.blue-ball.azure-orb", "t.ball-game.orb-game")
    assert change.rule == "t.blue-ball.azure-orb+t.ball-game.orb-game"
    assert change.reason.endswith("both repair the words they share alike, or the first keeps them")
    assert apply_changes("The azure orb game ended.", [change]) == text


def test_overlapping_phrases_that_repair_their_shared_word_otherwise_are_not_joined(tmp_path):
    unspinner = _overlapping(tmp_path)
    text, [change] = unspinner.repair_and_explain("The azure orb weaver ended.")
    assert text == "The blue ball weaver ended."
    assert change.rules == ("t.blue-ball.azure-orb",)


def test_overlapping_phrases_where_the_first_keeps_the_shared_word_take_the_second_reading(tmp_path):
    # "record orb" keeps "orb"; a second pass would read "orb game" in it.
    unspinner = _overlapping(tmp_path)
    text, [change] = unspinner.repair_and_explain("A report orb game ended.")
    assert text == "A record ball game ended." == unspinner.repair(text)
    assert change.rules == ("t.record-orb.report-orb", "t.ball-game.orb-game")


def test_a_join_leaves_the_words_of_a_phrase_that_starts_after_the_first():
    # "on maintain" (on hold) overlaps the first "maintain an eye on"; joined, it took
    # the first word of the second "maintain an eye on" and left "keep an eye on hold".
    text = "Officials said they maintain an eye on maintain an eye on the storm."
    assert unspin.repair(text, assume_spun=True) == "Officials said they keep an eye on keep an eye on the storm."
