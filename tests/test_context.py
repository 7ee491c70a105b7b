import textwrap

import pytest

from unspin import Unspinner
from unspin.context import Quotations, inside_quotation
from unspin.phrases import KnownPhrases, words_beside, words_of
from unspin.lexicon import LexiconError


def lexicon(tmp_path, context, spun="stated", canonical="said"):
    """A contextual entry (by default "stated" → said) beside two safe ones that make a text spun."""
    path = tmp_path / "ctx.yaml"
    path.write_text(
        textwrap.dedent(
            f"""\
            name: ctx
            entries:
              - id: ctx.{canonical.replace(" ", "-")}.{spun.replace(" ", "-")}
                spun: {spun}
                canonical: {canonical}
                tier: contextual
                context: {context}
              - id: ctx.red-bird.crimson-fowl
                spun: crimson fowl
                canonical: red bird
              - id: ctx.blue-ball.azure-orb
                spun: azure orb
                canonical: blue ball
            """
        ),
        encoding="utf-8",
    )
    return Unspinner(include=(), extra_lexicons=[str(path)])


@pytest.mark.parametrize(
    "context, changed, unchanged",
    [
        ("{before: ',\\s*$'}", "Yes, stated Ann.", "She stated her case."),
        ("{not_before: '\\bas\\s*$'}", "She stated it.", "As stated above."),
        ("{after: '\\s+(?-i:[A-Z])'}", "stated Ann.", "stated that."),
        ("{not_after: '\\s+above'}", "stated again.", "stated above."),
        ("{quotes: outside}", "Ann stated this.", "“Ann stated this.”"),
        ("{quotes: inside}", "“Ann stated this.”", "Ann stated this."),
        ("{document_has: [press release]}", "Ann stated it in a Press\nRelease.", "Ann stated it."),
        ("{evidence: spun}", "A crimson fowl and an azure orb stated.", "A crimson fowl stated."),
    ],
)
def test_each_condition_decides(tmp_path, context, changed, unchanged):
    unspinner = lexicon(tmp_path, context)
    assert "stated" not in unspinner.repair(changed)
    assert "stated" in unspinner.repair(unchanged)


def test_match_case_needs_the_case_of_a_spun_form(tmp_path):
    # Matching ignores case; with match_case the text must be written as a form is.
    unspinner = lexicon(tmp_path, "{match_case: true}")
    assert unspinner.repair("Ann stated it.") == "Ann said it."
    assert unspinner.repair("Ann Stated it.") == "Ann Stated it."
    assert unspinner.repair("ANN STATED IT.") == "ANN STATED IT."


def test_spin_suffices_stands_in_for_unmet_context_in_spun_documents_only(tmp_path):
    unspinner = lexicon(tmp_path, "{before: ',\\s*$', spin_suffices: true}")
    spun = "A crimson fowl and an azure orb. She stated her case."
    assert unspinner.repair(spun) == "A red bird and a blue ball. She said her case."
    [change] = [c for c in unspinner.scan(spun) if c.rule == "ctx.said.stated"]
    assert change.reason == ("spun form in context; the document's spin stands in for the unmet context, "
                             "outside quotations and set phrases")
    # Not in a document without spin, and not inside a quotation of a spun one.
    assert unspinner.repair("A crimson fowl. She stated her case.") == "A red bird. She stated her case."
    quoted = "A crimson fowl and an azure orb. “She stated her case.”"
    assert "stated" in unspinner.repair(quoted)
    # The condition itself still decides where it holds, in any document.
    assert unspinner.repair("Yes, stated Ann.") == "Yes, said Ann."


def test_a_word_repaired_where_its_context_held_is_repaired_throughout_a_spun_document(tmp_path):
    # The spinner swaps a word the same way throughout: one "stated" plainly
    # its "said" (after a comma) speaks for the document's other "stated"s.
    unspinner = lexicon(tmp_path, "{before: ',\\s*$', not_after: '\\s+above'}")
    spun = "A crimson fowl and an azure orb. Yes, stated Ann. She stated her case."
    assert unspinner.repair(spun) == "A red bird and a blue ball. Yes, said Ann. She said her case."
    echoed = [c for c in unspinner.scan(spun) if c.rule == "ctx.said.stated"][-1]
    assert echoed.reason == ("spun form in context; the same word was repaired where its context held elsewhere in this "
                             "document (the spinner swaps a word the same way throughout), outside quotations and set phrases")
    # Without a first repair where the context held; without spin; inside a
    # quotation; against the entry's exclusions; a capital in mid-sentence.
    assert "stated" in unspinner.repair("A crimson fowl and an azure orb. She stated her case.")
    assert unspinner.repair("Yes, stated Ann. She stated her case.") == "Yes, said Ann. She stated her case."
    for kept in ("“She stated her case.”", "As she stated above.", "The Stated Case."):
        assert kept in unspinner.repair(f"A crimson fowl and an azure orb. Yes, stated Ann. {kept}")


def test_an_entry_that_does_not_echo_is_repaired_only_where_its_own_context_holds(tmp_path):
    unspinner = lexicon(tmp_path, "{before: ',\\s*$', echo: false}")
    spun = "A crimson fowl and an azure orb. Yes, stated Ann. She stated her case."
    assert unspinner.repair(spun) == "A red bird and a blue ball. Yes, said Ann. She stated her case."


SPUN_OPENING = "A crimson fowl and an azure orb. "


def check_stand_in(unspinner, sentence, fixed, rule, reason, kept):
    """`sentence` after a spun opening repairs to `fixed` for `reason`; each of `kept` stays
    there; and `sentence` alone, in a document without spin, stays as it is."""
    assert unspinner.repair(SPUN_OPENING + sentence) == "A red bird and a blue ball. " + fixed
    [change] = [c for c in unspinner.scan(SPUN_OPENING + sentence) if c.rule == rule]
    assert change.reason == reason
    for sentence_kept in kept:
        assert sentence_kept in unspinner.repair(SPUN_OPENING + sentence_kept)
    assert unspinner.repair(sentence) == sentence


def test_an_article_that_fits_the_canonical_word_stands_in_for_unmet_context(tmp_path):
    # The spinner swapped the word and left its article: "a undertaking" was "a project".
    unspinner = lexicon(tmp_path, "{after: '\\s+(?:that|which)\\b'}", spun="undertaking", canonical="project")
    check_stand_in(unspinner, "They chose a undertaking of their own.", "They chose a project of their own.",
                   "ctx.project.undertaking",
                   "spun form in context; the article before it fits the canonical wording, not this word "
                   "(the spinner swapped the word and left its article), outside quotations and set phrases",
                   # Not where the article fits the word, not inside a quotation.
                   kept=("They chose an undertaking of their own.", "“They chose a undertaking of their own.”"))


@pytest.mark.parametrize(
    "before, word, canonical, calls_for",
    [
        ("introduce a ", "invoice", "bill", True),
        ("in an ", "workplace", "office", True),
        ("A ", "undertaking", "project", True),
        ("Plan a ", "invoice", "bill", True),
        ("an ", "undertaking", "project", False),  # the article fits the word
        ("a ", "invoice", "agreement", False),  # nor the canonical word: no sign either way
        ("an ", "hour", "era", False),
        ("a ", "union", "guild", False),
        ("an ", "8-bit byte", "eight", False),  # a figure's sound is not in its spelling
        ("an ", "FBI agent", "bureau", False),
        ("Ana ", "invoice", "bill", False),  # the end of a word, not an article
    ],
)
def test_article_calls_for(before, word, canonical, calls_for):
    from unspin.articles import article_calls_for

    assert article_calls_for(before + word, len(before), canonical) is calls_for


def test_a_form_of_function_words_is_not_repaired_throughout_on_one_occurrence(tmp_path):
    unspinner = lexicon(tmp_path, "{after: '\\s+(?-i:[A-Z])', evidence: spun}", spun="on the", canonical="at the")
    spun = "A crimson fowl and an azure orb. She was born on the Zoo. He sat on the bench."
    assert unspinner.repair(spun) == "A red bird and a blue ball. She was born at the Zoo. He sat on the bench."


def test_known_phrases_find_the_phrase_around_a_word():
    phrases = KnownPhrases(["final round", "U.N. General Assembly", "cease-fire", "last"])
    text = "the final round; the U.N. General Assembly met; a cease-fire; a final report"
    def around(word, occurrence=0):
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(word, start + 1)
        end = start + len(word)
        return phrases.around(words_of(word), words_beside(text, start, end), text, start, end)
    assert around("final") == "final round"
    assert around("Assembly") == "u n general assembly"
    assert around("General Assembly") == "u n general assembly"
    assert around("cease") == "cease fire"
    assert around("final", 1) is None  # "final report" is no known phrase
    assert phrases.around(("last",), ("", ""), "last", 0, 4) is None  # one word is no phrase


def test_waived_words_stay_inside_the_lexicons_set_phrases():
    # Entries that waive their context in spun text ("assembly" → meeting,
    # "meals" → food, "landing" → touchdown) leave their word inside a
    # canonical form of another entry or a gazetteer term.  (An assembly that
    # votes is a legislature, which news.meeting.assembly leaves alone.)
    text = ("The plane made an emergency landing. Volunteers served hot meals. The U.N. General Assembly met. "
            "Clinical practice guidelines changed. The assembly ended early.")
    repaired = Unspinner(assume_spun=True).repair(text)
    assert repaired == text.replace("The assembly", "The meeting")


def test_no_entry_changes_the_last_word_of_a_known_name():
    # "security internet" is the spinner's "safety net", but not where "Security"
    # ends "Department of Homeland Security"; a repair that keeps the word may
    # go on ("Circuit Court docket of Appeals"), and "U.S. military" is no name.
    unspinner = Unspinner(assume_spun=True)
    assert unspinner.repair("The Security internet programs help.") == "The Safety net programs help."
    kept = "The Department of Homeland Security internet office opened."
    assert unspinner.repair(kept) == kept
    assert unspinner.repair("the 5th U.S. Circuit Court docket of Appeals ruled") == "the 5th U.S. Circuit Court of Appeals ruled"
    assert unspinner.repair("The U.S. Military Corps of Engineers said") == "The U.S. Army Corps of Engineers said"


@pytest.mark.parametrize(
    "context, message",
    [("{spin_suffices: yes please}", "'spin_suffices' must be true or false"),
     ("{before: ',', echo: sometimes}", "'echo' must be true or false"),
     ("{evidence: spun, spin_suffices: true}", "'spin_suffices' needs a 'before' or 'after'")],
)
def test_spin_suffices_is_checked_on_load(tmp_path, context, message):
    with pytest.raises(LexiconError, match=message):
        lexicon(tmp_path, context)


def test_change_reason_names_the_conditions(tmp_path):
    unspinner = lexicon(tmp_path, "{before: ',\\s*$', quotes: outside}")
    [change] = unspinner.scan("Yes, stated Ann.")
    assert change.reason == "spun form in context; preceded by the required context; outside a quotation"


# Read backwards from the candidate, this pattern meets the "b" only after trying
# every way to split the run of "a"s: far longer than the timeout.
SLOW_PATTERN = "^(?:a|a)+c\\s*$"
SLOW_TEXT = "b" + "a" * 40 + "c stated"


def _timed_out(unspinner, kind):
    pattern = getattr(unspinner.entries[0].context, kind)
    return pattern.search(SLOW_TEXT[: SLOW_TEXT.index(" stated") + 1]) is None


def test_catastrophic_pattern_times_out_and_allows_no_change(tmp_path):
    unspinner = lexicon(tmp_path, f"{{before: '{SLOW_PATTERN}'}}")
    assert _timed_out(unspinner, "before")
    assert unspinner.repair(SLOW_TEXT) == SLOW_TEXT


def test_exclusion_that_times_out_allows_no_change(tmp_path):
    """A not_before pattern that cannot tell in time blocks the change, as one that matches does."""
    # Each lexicon in a folder of its own: a path already loaded is not read again.
    (tmp_path / "plain").mkdir(), (tmp_path / "slow").mkdir()
    assert lexicon(tmp_path / "plain", "{not_before: 'x$'}").repair(SLOW_TEXT).endswith("c said")
    unspinner = lexicon(tmp_path / "slow", f"{{not_before: '{SLOW_PATTERN}'}}")
    assert _timed_out(unspinner, "not_before")
    assert unspinner.repair(SLOW_TEXT) == SLOW_TEXT


@pytest.mark.parametrize(
    "text, inside",
    [("“Hello there", True), ("“Hello” there", False), ('"Hello there', True), ('"Hi" there', False), ("“Hi\n\nthere", False)],
)
def test_inside_quotation(text, inside):
    assert inside_quotation(text, len(text)) is inside


@pytest.mark.parametrize(
    "text, inside",
    [
        ("“Hello there,” she said.", True),
        ("“Hello there, she said.\n\n“Goodbye.”", False),  # left open: its paragraph ends first
        ('"Hello there," she said.', True),
        ("He said “Hello.” Then there was quiet.", False),
        ("“Outer ‘inner there’ and “nested there” too,” she said.", True),
    ],
)
def test_inside_closed_quotation(text, inside):
    assert Quotations(text).inside_closed(text.index("there")) is inside


def test_closed_quotation_keeps_the_speakers_words_in_a_spun_document(tmp_path):
    """The news spinner leaves a quotation that closes alone (seen in the seed), and spins one left open."""
    unspinner = lexicon(tmp_path, "{evidence: spun}")
    spun = "A crimson fowl and an azure orb. “It stated the rules,” she said. “It stated the rules, she said."
    repaired = unspinner.repair(spun)
    assert "“It stated the rules,”" in repaired
    assert "“It said the rules, she said." in repaired


def test_technical_term_is_not_read_as_the_start_of_a_spun_form_without_spin():
    """"process power" is the spinner's "task force"; after "analytic hierarchy" it is the end of a term."""
    unspinner = Unspinner()
    assert unspinner.repair("We used the analytic hierarchy process power rankings.") == "We used the analytic hierarchy process power rankings."
    assert unspinner.repair("The process power met on Monday.") == "The task force met on Monday."
    spun = "Regulation enforcement met the Lawyer Common. The analytic hierarchy process power met."
    assert "process power" not in unspinner.repair(spun)


@pytest.mark.parametrize(
    "term, outside, repaired",
    [
        # contextual entries ("query" → question; "2" → two) ...
        ("query optimizer", "He did not answer a query about the case.", "He did not answer a question about the case."),
        ("sodium-glucose cotransporter 2 inhibitors", "She has 2 sons.", "She has two sons."),
        # ... and a safe one ("function model" → role model)
        ("transfer function model", "She is a function model to many.", "She is a role model to many."),
    ],
)
def test_no_entry_changes_words_inside_a_technical_term_even_in_a_spun_document(term, outside, repaired):
    unspinner = Unspinner(assume_spun=True)
    assert unspinner.repair(f"In this study, {term} was considered.") == f"In this study, {term} was considered."
    assert unspinner.repair(outside) == repaired


def test_a_word_swapped_back_inside_a_phrase_is_repaired_alone_elsewhere_in_a_spun_document(tmp_path):
    # "crimson fowl" → red bird swaps fowl → bird inside the phrase: the spinner
    # swapped the document's other "fowl"s the same way ("the Division of Motor
    # Vehicles", and later "the division said").
    unspinner = lexicon(tmp_path, "{after: '\\s+song\\b', not_after: '\\s+play'}", spun="fowl", canonical="bird")
    check_stand_in(unspinner, "The fowl flew away.", "The bird flew away.", "ctx.bird.fowl",
                   "spun form in context; the same word was swapped back inside a phrase elsewhere in this "
                   "document (the spinner swaps a word the same way throughout), outside quotations and set phrases",
                   # Not inside a quotation, not against the entry's exclusions.
                   kept=("“The fowl flew away.”", "The fowl play ended."))


def test_a_closed_quotation_keeps_its_words_in_a_document_without_spin_too(tmp_path):
    # A first pass that repairs a document's spin leaves a text without it; the
    # second must leave the quotation as the first did.
    unspinner = lexicon(tmp_path, "{before: ',\\s*$'}")
    assert unspinner.repair("Yes, stated Ann.") == "Yes, said Ann."
    quoted = "He wrote: “Yes, stated Ann.” Then he left."
    assert unspinner.repair(quoted) == quoted


def test_a_term_that_the_repair_before_a_candidate_takes_apart_no_longer_holds_it():
    # "constant framework" (real-time system) starts with the last word of "lattice
    # constant", a term it must not break; but that "lattice" is itself spun
    # ("covariance lattice": covariance matrix), and a second pass would repair it.
    unspinner = Unspinner()
    spun = "We estimated the covariance lattice constant framework."
    fixed = "We estimated the covariance matrix real-time system."
    assert unspinner.repair(spun) == fixed == unspinner.repair(fixed)
    assert unspinner.scan(spun)[-1].reason.endswith("; read with the repair beside it made")
    kept = "We estimated the lattice constant framework."
    assert unspinner.repair(kept) == kept


@pytest.mark.parametrize(
    "context, spun, fixed, kept",
    [
        # The repair before the candidate makes its context: "crimson fowl" → red bird.
        ("{before: '\\bbird\\s+$'}", "A crimson fowl stated the rules.", "A red bird said the rules.",
         "A crimson fish stated the rules."),
        # The repair after it does: "azure orb" → blue ball.
        ("{after: '\\s+blue\\b'}", "It stated azure orb rules.", "It said blue ball rules.", "It stated azure rules."),
        # An exclusion that the repair after it takes away: a second pass would read "blue ball".
        ("{not_after: '\\s+azure\\b'}", "It stated azure orb rules.", "It said blue ball rules.",
         "It stated azure rules."),
    ],
)
def test_context_is_read_with_the_repairs_beside_it_made(tmp_path, context, spun, fixed, kept):
    # "prior to now 12 months": once "prior to now" is "in the past", "12 months" follows "past".
    unspinner = lexicon(tmp_path, context)
    assert unspinner.repair(spun) == fixed
    [change] = [c for c in unspinner.scan(spun) if c.rule == "ctx.said.stated"]
    assert change.reason.endswith("; read with the repair beside it made")
    assert unspinner.repair(kept) == kept
