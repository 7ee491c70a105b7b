"""Evidence for investigators: hits, fingerprints, risk band, in text and JSON."""

import json

import pytest

from unspin import Unspinner
from unspin.cli import main
from unspin.lexicon import LexiconWarning
from unspin.screen import Hit, Screening, screen

PAPER = (
    "In this paper, counterfeit consciousness is applied to bosom peril screening.\n"
    "We trained an irregular woodland on the data, and a counterfeit cognizance baseline.\n"
)


def hit(rule):
    return Hit(1, 1, 0, 1, "x", "y", "listed", rule, "known spun form", "x")


@pytest.mark.parametrize(
    "rules, words, band",
    [
        ([], 1000, "none"),
        (["a", "a", "a"], 1000, "low"),
        (["a", "b"], 1000, "medium"),
        (["a", "b", "c"], 10000, "medium"),
        (["a", "b", "c"], 1000, "high"),  # 3 distinct at 3 per 1,000 words
        (["a", "b", "c", "d", "e"], 100000, "high"),
    ],
)
def test_risk_bands_follow_the_documented_thresholds(rules, words, band):
    assert Screening("doc", words, [hit(r) for r in rules]).band == band


def test_each_hit_says_where_what_and_why():
    report = screen(PAPER, name="paper.txt")
    sources = {h.phrase.lower(): h.source for h in report.hits}
    assert sources["counterfeit consciousness"] == "listed"
    assert sources["counterfeit cognizance"] == "inferred"
    inferred = next(h for h in report.hits if h.source == "inferred")
    assert "score" in inferred.reason and inferred.line == 2
    assert all(h.phrase.lower() in h.context.lower() for h in report.hits)
    assert report.distinct == 4 and report.band == "high"
    assert report.per_1000_words == pytest.approx(1000 * 4 / report.words)


def test_imported_fingerprints_are_told_apart(tmp_path):
    export = tmp_path / "list.tsv"
    export.write_text("spun\tcanonical\nbosom peril\tbreast cancer\n", encoding="utf-8")
    with pytest.warns(LexiconWarning, match="override curated entries"):
        unspinner = Unspinner(extra_lexicons=[str(export)])
    report = screen(PAPER, unspinner)
    assert {h.phrase: h.source for h in report.hits}["bosom peril"] == "imported"


def test_clean_text_has_no_hits():
    report = screen("We trained a random forest on the data.")
    assert report.hits == [] and report.band == "none"


def test_cli_screen_text_and_json(tmp_path, capsys):
    paper = tmp_path / "paper.txt"
    paper.write_text(PAPER, encoding="utf-8")
    assert main(["screen", str(paper)]) == 1
    out = capsys.readouterr().out
    assert "risk HIGH" in out and "counterfeit consciousness" in out
    assert main(["screen", "--format", "json", str(paper)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["risk"] == "high" and data["distinct_fingerprints"] == 4
    assert {"line", "column", "phrase", "replacement", "source", "rule", "reason", "context"} <= set(data["evidence"][0])
    clean = tmp_path / "clean.txt"
    clean.write_text("Nothing to see here.\n", encoding="utf-8")
    assert main(["screen", str(clean)]) == 0
    assert main(["screen", str(tmp_path / "missing.txt")]) == 2
