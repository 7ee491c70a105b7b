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
    ],
)
def test_case_is_carried(spun, canonical, expected):
    assert carry_case(spun, canonical) == expected


def test_exact_policy_keeps_canonical():
    assert carry_case("MENTIONED", "said", "exact") == "said"
