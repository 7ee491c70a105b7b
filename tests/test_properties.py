"""Properties that hold for any input."""

import re
import string

from hypothesis import assume, example, given
from hypothesis import strategies as st

from unspin import Unspinner, apply_changes
from unspin.lexicon import load_lexicons

ENTRIES = [entry for lexicon in load_lexicons() for entry in lexicon.entries]
SPUN_FORMS = sorted({form for entry in ENTRIES for form in entry.spun})
CANONICAL_FORMS = sorted({entry.canonical for entry in ENTRIES})
ORDINARY_WORDS = "the a of and to it was we they city report on with for new old long short house river".split()
DEFAULT = Unspinner()
SPUN_DOCUMENT = Unspinner(assume_spun=True)

separators = st.sampled_from([" ", "  ", "\n", ", ", ". ", " — ", "\r\n", "’s "])
spun_pieces = st.sampled_from(SPUN_FORMS) | st.sampled_from(ORDINARY_WORDS)
DOUBLED_WORD = re.compile(r"\b(\w+)\W+\1\b", re.IGNORECASE)
TRIPLED_WORD = re.compile(r"\b(\w+)\W+\1\W+\1\b", re.IGNORECASE)
DOUBLED_OF = re.compile(r"\bof\W+of\b", re.IGNORECASE)
casing = st.sampled_from([str, str.upper, str.title, str.capitalize])


@st.composite
def spun_texts(draw):
    pieces = draw(st.lists(st.tuples(spun_pieces, casing, separators), max_size=30))
    return "".join(case(piece) + sep for piece, case, sep in pieces)


@st.composite
def canonical_texts(draw):
    pieces = draw(st.lists(st.tuples(st.sampled_from(CANONICAL_FORMS + ORDINARY_WORDS), separators), max_size=30))
    return "".join(piece + sep for piece, sep in pieces)


@given(st.text())
def test_arbitrary_unicode_never_raises_and_spans_fit(text):
    fixed, changes = SPUN_DOCUMENT.repair_and_explain(text)
    assert apply_changes(text, changes) == fixed


@given(spun_texts())
def test_every_change_span_matches_the_input(text):
    for unspinner in (DEFAULT, SPUN_DOCUMENT):
        fixed, changes = unspinner.repair_and_explain(text)
        for change in changes:
            assert text[change.start : change.end] == change.before
        assert apply_changes(text, changes) == fixed


@given(spun_texts())
# A repair before a candidate once changed what that candidate's condition saw
# ("division a ultimate" guarded as a designator like "Division A").
@example("brain tumor division a ultimate ")
# "a 12 months" (a year) took the start of "12 months-outdated" (year-old).
@example('" mentioned a 12 months-outdated ')
# "Huge 12" (Big 12) made "Tech Big" (tech giant) with its neighbour.
@example("Huge Tech Huge 12 ")
@example("new 12 months-outdated ")
@example("it mentioned in an announcement ")
@example("Atlantic Coast Convention center aged ")
@example('" mentioned Massive Tech Massive Oil 911 name ')
# A word repaired on spin evidence alone made another spun form with its
# neighbour: "residence Republicans" → "home Republicans" → "House Republicans".
@example("RESIDENCE REPUBLICANS advanced sign handling ")
@example("1000's new RESIDENCE DEMOCRATS #MeToo motion ")
@example("at house Speaker of the Residence #MeToo motion 911 name ")
# A repair after a form made its context: "a couple of half" → "about half",
# then "each different about" read as "each other about".
@example("each different a couple of half ")
# A name repaired before a lone "a" let the next pass read past a label that
# only its spun word had ("Division a airplane" stayed, "Department a airplane" did not).
@example("Well being & Science Division a airplane ")
@example("Well being & Science Division a web based ")
@example("Emergency Division a airplane ")
# A term a document must also contain, written as the spinner writes it.
@example("briefest way diagram convolutional organization ")
# A repair next to a name that no entry may start inside frees the words after it.
@example("knock out energy Department of Exertions ")
@example("Comptroller common Affiliation ")
@example("#MeToo motion nationwide security Convention ")
# A spun form that takes the first words of AP's "Health and Science Department" line.
@example("house Well being and Science Division ")
@example("Ho Chi Minh town Affiliation ")
# A canonical word before a repaired "price war" read as the spun "obesity price".
@example("#MeToo motion corpulence worth battle ")
@example("they mentioned in an announcement ")
# A form whose last word starts a hyphenated compound ("year-old", "cross-correlation").
@example("within the ultimate 12 months-outdated ")
@example("emergency landing cross-correlation ")
# A repaired "home game" read as the end of a spun "Speaker of the Home".
@example("SPEAKER OF THE RESIDENCE recreation ")
# "every and every" repaired to "each and every", whose "every of" a second pass read.
@example("every and every of ")
# A repaired "metropolis" capitalized, which a second pass read as a name before "Sq.".
@example("culver metropolis Sq. ")
@example("British movie institute Sq. ")
@example("14th modification Affiliation ")
@example("Cup closing Affiliation ")
@example("By means of Sq. #MeToo motion 1000's ")
# Two spun forms sharing "crowd": the first repaired left the second for a second pass.
@example("house crowd invulnerability ")
@example("1000’s of govt body of workers ")
@example("force quality Dc Engine ")
@example("evidence of stake mannequin 12 months ")
# Capitals repaired to an exact lower-case canonical form changed the next word's context.
@example("UV-NOTICEABLE SPECTROSCOPY center jap ")
# A repair capitalizing a hashtag ("#MeToo") met a name condition the lower case had not.
@example("#metoo motion Affiliation ")
@example("App store retailer Affiliation ")
@example("1000's Affiliation ")
@example("12-month-outdated Affiliation ")
@example("Court docket of appeals Affiliation ")
@example("division of agriculture Affiliation ")
@example("abc information Affiliation ")
@example("1000’S Of center eastern ")
@example("12 Months-Outdated center eastern ")
@example("Amazon internet companies Marketing campaign ")
@example('" mentioned #MeToo motion 1000\'s Marketing campaign " mentioned ')
@example("1 / 4 1 / 4 ")
@example("1 / 4 Affiliation ")
@example("fireplace danger administration ")
# A term the candidate started inside ("lattice constant"), taken apart by the repair before it.
@example("covariance lattice constant framework ")
# An exclusion ("1 / 4" before a name's capital) that the repair beside it takes away.
@example("1 / 4 Covid sickness ")
# A closed quotation in a document whose spin the first pass repaired away.
@example('" mentioned 1 / 4 normalized contrast vegetation record " mentioned ')
# Two spun forms sharing "warmth": the second read half repaired on a second pass.
@example("report warmth transition ")
# A school district's lawyer is no district attorney (two spun forms sharing "district").
@example("College district lawyer’s workplace ")
# Overlapping phrases, the first keeping the shared word as written ("record pace"), the second not.
@example("report pace bumps ")
# A join must not take the words of a phrase that starts after the first ends.
@example("maintain an eye on maintain an eye on ")
@example("#MeToo motion the report low back agony ")
@example('Closing 4 1 / 4 " mentioned #MeToo motion ')
@example("Common Assembly pace bumps ")
@example("attributable to #MeToo motion 1000's attributable to of ")
@example("#MeToo motion 1000's a a lot of the ")
@example("1 / 4 PC aided design ")
@example("again residence lawmakers acknowledged ")
@example("report diploma applications ")
def test_repair_is_idempotent(text):
    # "of of of" would need two passes; a spinner doubles a word once, never twice.
    assume(not TRIPLED_WORD.search(text))
    # A phrase ending in "of" wins over a doubled "of" right after it ("1000’s
    # of of"): a known interaction, kept in tests/test_fuzz.py's NOT_IDEMPOTENT.
    assume(not DOUBLED_OF.search(text))
    once = DEFAULT.repair(text)
    assert DEFAULT.repair(once) == once




@given(canonical_texts())
@example("came House ")
@example("knock out power Great Barrier Reef ")
@example("Housing and Urban Development price cap ")
@example("bring home Republican National Committee ")
@example("big-name Middle East ")
@example("Customs and Border Protection business ")
@example("as soon as a day after ")
@example("Hurricane Center Eastern Conference ")
# A scholarly tortured phrase that is ordinary English as well, inside a name.
@example("Downing Street security apparatus ")
@example("global health emergency Division of Motor Vehicles ")
@example("Staples Center college admissions ")
# The last word of a name the lexicons know, read as the start of a spun form.
@example("Department of Homeland Security internet access ")
# The same for a technical term of the gazetteer, in a document without spin.
@example("fuzzy analytic hierarchy process power ")
@example("minimum value war ")
@example("natural frequency area ")
@example("frequency regulation Enforcement and Removal Operations ")
# A repair that keeps the name's last word but makes another name of it.
@example("Great Wall road conditions ")
@example("Republican National Convention Middle Eastern ")
@example("Fort Worth\nwar ")
# Two canonical forms side by side that a spun form spells ("hundreds of hundreds", now only in spun documents).
@example("hundreds of hundreds of ")
# A compound of ordinary words that a scholarly tortured phrase spells across.
@example("Cabinet meeting key agreement ")
@example("best picture Division of Motor Vehicles ")
# A spun form across a canonical phrase's last word and a name's first ("heat Weather").
@example("dead heat Weather Channel ")
@example("brain tumor Division of Motor Vehicles ")
@example("House climate ")
# A paper mill's "new Covid" (novel coronavirus) is ordinary news English.
@example("new COVID cases ")
@example("call center Eastern Conference ")
@example("Cabinet secretary Common Pleas Court ")
@example("information Middle East ")
@example("immediately clear power ")
@example("show of force flow field ")
@example("holiday meals Security Council ")
@example("air force network architecture ")
@example("at a news conference Middle Eastern ")
@example("knock out power lattice constant ")
@example("visitors accident ")
@example("visitors safety ")
@example("fair share cost ")
@example("mandatory vaccination price cap ")
@example("mandatory vaccination prices at the pump ")
@example("data center East End ")
@example("funeral home Republican National Committee ")
@example("drinking water Great Barrier Reef ")
def test_canonical_forms_and_ordinary_words_are_left_alone(text):
    # A doubled word ("of of") is a spinner's slip, not ordinary prose.
    assume(not DOUBLED_WORD.search(text))
    assert DEFAULT.repair(text) == text


@given(st.text(alphabet=string.ascii_letters + " İßﬁǅ\u0301\u200f😀", max_size=200))
def test_length_changing_case_mappings_keep_offsets(text):
    fixed, changes = SPUN_DOCUMENT.repair_and_explain(text + " regulation enforcement")
    assert fixed.endswith("law enforcement")
