import pytest

from unspin.case import carry_case


@pytest.mark.parametrize(
    "spun, canonical, expected",
    [
        ("mentioned", "said", "said"),
        ("Mentioned", "said", "Said"),
        ("MENTIONED", "said", "SAID"),
        ("Lawyer Common", "attorney general", "Attorney General"),
        ("lawyer common", "attorney general", "attorney general"),
        ("Legal professional Common", "attorney general", "Attorney General"),
        ("Legal professional common", "attorney general", "Attorney general"),
        ("Markov affix Monte Carlo", "Markov chain Monte Carlo", "Markov chain Monte Carlo"),
        ("Division of Justice", "department of justice", "Department of Justice"),
        ("In accordance with", "according to", "According to"),
        ("Based on", "according to", "According to"),
        ("within the", "in the", "in the"),
        ("Within the", "in the", "In the"),
        ("homeland safety", "Homeland Security", "Homeland Security"),
        ("US", "United States", "UNITED STATES"),
        ("4", "four", "four"),
        # Swapped word for word: each word keeps its own capital.
        ("Metropolis Council member", "city council member", "City Council member"),
        ("Metropolis council member", "city council member", "City council member"),
    ],
)
def test_case_is_carried(spun, canonical, expected):
    assert carry_case(spun, canonical) == expected


def test_exact_policy_keeps_canonical():
    assert carry_case("Mentioned", "said", "exact") == "said"
    assert carry_case("Center Japanese", "Middle Eastern", "exact") == "Middle Eastern"
    # Text set in capitals stays so.
    assert carry_case("UV-NOTICEABLE SPECTROSCOPY", "UV-visible spectroscopy", "exact") == "UV-VISIBLE SPECTROSCOPY"


@pytest.mark.parametrize(
    "spun, fixed",
    [
        ("It rained. 4 men were held.", "It rained. Four men were held."),
        ("It rained.\n1000’s of people fled.", "It rained.\nThousands of people fled."),
        ("“Go,” he said. 4 men ran.", "“Go,” he said. Four men ran."),
        ("Of the 4 men, two fled.", "Of the four men, two fled."),
        ("DETROIT (AP) — 1000’s of workers walked out.", "DETROIT (AP) — Thousands of workers walked out."),
        ("He struck out 9.", "He struck out nine."),
        ("The score was 3.4 points.", "The score was 3.4 points."),
    ],
)
def test_a_figure_that_starts_a_sentence_gives_a_capital(spun, fixed):
    from unspin import repair

    assert repair(spun, assume_spun=True) == fixed


@pytest.mark.parametrize(
    "spun, fixed",
    [
        # The canonical form has a straight apostrophe; a story set with curly ones keeps them.
        ("The County Sheriff’s Workplace said.", "The County Sheriff’s Office said."),
        ("The County Sheriff's Workplace said.", "The County Sheriff's Office said."),
    ],
)
def test_the_apostrophe_of_the_spun_text_is_kept(spun, fixed):
    from unspin import repair

    assert repair(spun, assume_spun=True) == fixed


def test_carry_apostrophe_changes_only_where_the_spun_text_used_one_kind():
    from unspin.case import carry_apostrophe

    assert carry_apostrophe("Sheriff’s Workplace", "Sheriff's Office") == "Sheriff’s Office"
    assert carry_apostrophe("Sheriff's Workplace", "Sheriff’s Office") == "Sheriff's Office"
    assert carry_apostrophe("sheriff workplace", "Sheriff's Office") == "Sheriff's Office"
    assert carry_apostrophe("it’s O'Hare’s", "it's O'Hare's") == "it's O'Hare's"
