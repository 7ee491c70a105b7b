"""Spin evidence: when a document counts as spun."""

import pytest

from unspin import Unspinner
from unspin.evidence import SpinEvidence

# One safe entry, and three contextual ones that need spin evidence and a comma before them.
LEXICON = """\
name: short
entries:
  - id: short.red-bird.crimson-fowl
    spun: crimson fowl
    canonical: red bird
{contextual}"""
CONTEXTUAL = """\
  - id: short.{canonical}.{spun}
    spun: {spun}
    canonical: {canonical}
    tier: contextual
    context: {{evidence: spun, before: ',\\s*$'}}
"""
VERBS = [("said", "stated"), ("told", "informed"), ("asked", "requested")]


def unspinner(tmp_path, verbs):
    entries = "".join(CONTEXTUAL.format(canonical=c, spun=s) for c, s in verbs)
    path = tmp_path / "short.yaml"
    path.write_text(LEXICON.format(contextual=entries), encoding="utf-8")
    return Unspinner(include=(), extra_lexicons=[str(path)])


STORY = "A crimson fowl sang. Yes, stated Ann. Yes, informed Bo. Yes, requested Cy."


def test_one_safe_hit_with_three_supporting_entries_counts_as_spun(tmp_path):
    fixer = unspinner(tmp_path, VERBS)
    found = fixer.spin_evidence(STORY)
    assert (found.distinct, found.supporting, found.spun) == (1, 3, True)
    assert fixer.repair(STORY) == "A red bird sang. Yes, said Ann. Yes, told Bo. Yes, asked Cy."


def test_two_supporting_entries_are_not_enough(tmp_path):
    fixer = unspinner(tmp_path, VERBS[:2])
    found = fixer.spin_evidence(STORY)
    assert (found.distinct, found.supporting, found.spun) == (1, 2, False)
    assert fixer.repair(STORY) == STORY.replace("crimson fowl", "red bird")


def test_support_without_any_safe_hit_is_not_spin(tmp_path):
    text = STORY.replace("A crimson fowl sang. ", "")
    assert not unspinner(tmp_path, VERBS).spin_evidence(text).spun


@pytest.mark.parametrize(
    "evidence, spun",
    [
        (SpinEvidence(words=100, hits=2, distinct=2), True),
        (SpinEvidence(words=100, hits=1, distinct=1, supporting=3), True),
        (SpinEvidence(words=1000, hits=1, distinct=1, supporting=9), False),  # too sparse
        (SpinEvidence(words=2000, hits=3, distinct=3), False),
    ],
)
def test_density_is_needed_either_way(evidence, spun):
    assert evidence.spun is spun
