"""Every example of every built-in lexicon entry runs as a test."""

import re

import pytest

from unspin import Unspinner
from unspin.lexicon import load_lexicons
from unspin.lint import clean_sentence_settings
from unspin.plausibility import default_model
from unspin.repair import rules_of

ENTRIES = [entry for lexicon in load_lexicons() for entry in lexicon.entries]
LEVEL = {"safe": "contextual", "contextual": "contextual", "aggressive": "aggressive"}


def _cases(kind):
    for entry in ENTRIES:
        items = entry.examples if kind == "examples" else entry.clean
        for number, item in enumerate(items):
            yield pytest.param(entry, item, id=f"{entry.id}-{number}")


def _unspinner(tier, assume_spun=None, ngram=False):
    return Unspinner(level=LEVEL[tier], assume_spun=assume_spun, ngram=ngram)


@pytest.mark.parametrize("entry, example", list(_cases("examples")))
def test_spun_example_is_repaired(entry, example):
    unspinner = _unspinner(entry.tier, True if example.assume_spun else None)
    repaired, changes = unspinner.repair_and_explain(example.spun)
    assert repaired == example.fixed
    assert entry.id in rules_of(changes), "the example does not exercise its own entry"


@pytest.mark.parametrize("entry, sentence", list(_cases("clean")))
def test_clean_example_is_left_alone(entry, sentence):
    for assume_spun, ngram in clean_sentence_settings(entry):
        changes = _unspinner(entry.tier, assume_spun, ngram).scan(sentence)
        assert entry.id not in rules_of(changes), sentence


# An entry that lets spin evidence stand in for its context (`spin_suffices`)
# is held to its clean sentences only in a document without spin: in a spun one
# the evidence is what it waits for.  How many of those sentences it still
# changes there is pinned, so that a new waiver breaking ordinary English shows
# up here; lower it when exclusions improve (169 of 298 before the fourteenth
# session's exclusions, "children aged 5", "in accordance with the law"; 121 of
# 297 after them; 120 of 310 with the sixteenth session's seven waived entries;
# 120 of 343 with the seventeenth session's eleven).
MAX_WAIVED_CLEAN_SENTENCES_CHANGED = 120


def test_waived_entries_clean_sentences_changed_in_spun_documents_are_pinned():
    changed = [
        (entry.id, sentence)
        for entry in ENTRIES
        if entry.context.spin_suffices
        for sentence in entry.clean
        if entry.id in rules_of(_unspinner(entry.tier, True).scan(sentence))
    ]
    assert len(changed) <= MAX_WAIVED_CLEAN_SENTENCES_CHANGED, changed[:20]


def test_every_entry_has_examples():
    missing = [e.id for e in ENTRIES if not e.examples]
    assert not missing, f"entries without a spun example: {missing}"


def test_ambiguous_entries_carry_clean_examples():
    missing = [e.id for e in ENTRIES if e.tier != "safe" and not e.clean]
    assert not missing, f"contextual entries without a clean example: {missing}"


def test_every_builtin_context_pattern_compiles():
    # Built-in patterns compile lazily at run time; this is where they are checked.
    for entry in ENTRIES:
        for pattern in entry.context.patterns():
            pattern.compiled()


# How strongly (log10, unspin.plausibility) the n-gram model must know every
# pair of neighbouring words of a spun form before the form counts as ordinary
# English ("water contamination" 2.0, "basic plan" 0.96, "passing rate" 0.89;
# the tortured "bosom peril" -0.27, "irregular woodland" -0.21).
PLAIN_ENGLISH_ASSOCIATION = 0.5


def test_scholarly_forms_that_read_as_ordinary_english_need_spin_evidence():
    # A tortured phrase that is also an English phrase ("the town warned of water
    # contamination") may only be repaired where the document shows spin.
    model = default_model()
    if model is None:
        pytest.skip("the n-gram model (extra `ngram`) is not installed")
    plain = []
    scholarly = [entry for lexicon in load_lexicons() if lexicon.name.startswith("scholarly-") for entry in lexicon.entries]
    for entry in scholarly:
        if not entry.context.unconditional:
            continue
        for form in entry.spun:
            words = re.findall(r"[a-z]+", form.lower())
            associations = [model.association(a, b) for a, b in zip(words, words[1:])]
            if words[1:] and None not in associations and min(associations) >= PLAIN_ENGLISH_ASSOCIATION:
                plain.append((entry.id, form))
    assert not plain, plain[:20]


def _overlapping_forms():
    """Each pair of spun forms where one's last words are the other's first, written
    as one phrase ("Bayesian advancement" + "advancement calculation")."""
    forms = sorted({form for entry in ENTRIES for form in entry.spun if " " in form})
    by_start = {}
    for form in forms:
        words = form.lower().split()
        for size in range(1, len(words)):
            by_start.setdefault(tuple(words[:size]), []).append(form)
    texts = set()
    for form in forms:
        words = form.lower().split()
        for size in range(1, len(words)):
            for other in by_start.get(tuple(words[-size:]), ()):
                texts.add(form + " " + " ".join(other.split()[size:]) + " ")
    return sorted(texts)


# Of the phrases two overlapping spun forms make (74,060 at the eighteenth session's
# end), those that a second repair changes: the first repair took the leftmost form and
# left the rest for a second pass.  At the session's start (73,881 phrases) 3,774 at the
# default level and 13,341 in a spun document; 2,470 and 8,071 once two forms that repair
# their shared words alike were read as one (repair.joined()), 1,940 and 6,321 once a
# first that keeps them as written was too; 1,920 and 6,301 with "record framework"
# (file system) only in a spun paper on computing; 1,918 and 6,278 (74,695 phrases) after
# the nineteenth session's news entries ("the day by day" read as "daily" before a noun); 1,916
# and 6,276 after its second batch; 6,279 with "a duplicate of" (a copy of), whose "a" three
# other forms end with ("and not using a duplicate of" needs a second pass); 6,280 with "school
# rooms" (classrooms) after "legislation" (law school rooms).
# Lower the pins when entries improve.
MAX_OVERLAPS_NEEDING_A_SECOND_PASS = {None: 1916, True: 6280}


@pytest.mark.parametrize("assume_spun", [None, True], ids=["default", "spun"])
def test_overlapping_spun_forms_that_need_a_second_pass_are_pinned(assume_spun):
    unspinner = Unspinner(assume_spun=assume_spun)
    failing = []
    for text in _overlapping_forms():
        once = unspinner.repair(text)
        if unspinner.repair(once) != once:
            failing.append(text)
    assert len(failing) <= MAX_OVERLAPS_NEEDING_A_SECOND_PASS[assume_spun], failing[:10]
