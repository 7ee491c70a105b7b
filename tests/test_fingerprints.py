"""Fingerprint exports (a screener's TSV/CSV list) loaded as lexicons."""

import csv
import warnings

import pytest

from unspin import LexiconError, Unspinner
from unspin.cli import main
from unspin.fingerprints import load_fingerprints, parse_query, replacement
from unspin.lexicon import LexiconWarning, load_lexicons

HEADER = ("spun", "canonical", "num_papers", "flags", "pps_query")


def export(tmp_path, *rows, name="list.tsv", header=HEADER):
    """A table as a screener exports it (fields with quotes are quoted and their quotes doubled)."""
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t" if name.endswith(".tsv") else ",", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def only(path, **options):
    """The export alone: no built-in lexicon, no inference."""
    return Unspinner(extra_lexicons=[str(path)], include=(), infer=False, **options)


@pytest.mark.parametrize(
    "query, spun, required, excluded",
    [
        ('"bosom peril"', [("bosom peril", 0)], [], []),
        ('"bosom" AND "breast"', [("bosom", 0)], [["breast"]], []),
        ('"back engendering" AND neural', [("back engendering", 0)], [["neural"]], []),
        ('"corridor impact" AND ("magnetic" OR "voltage")', [("corridor impact", 0)], [["magnetic", "voltage"]], []),
        ('"fit record" OR "fit file" AND "fit index"', [("fit record", 0), ("fit file", 0)], [["fit index"]], []),
        ('"attractive stirrer" NOT "repulsive"', [("attractive stirrer", 0)], [], ["repulsive"]),
        ('"beat width adjustment"~2', [("beat width adjustment", 2)], [], []),
        ('"a b" AND "c" AND "a b c"~100', [("a b", 0)], [["c"]], []),
    ],
)
def test_queries_are_read(query, spun, required, excluded):
    assert parse_query(query) == (spun, required, excluded)


@pytest.mark.parametrize(
    "canonical, spun, expected",
    [
        ("back propagation (BP)", "back engendering", "back propagation"),
        ("magnetic resonance imaging (MRI)", "attractive reverberation imaging (MRI)", "magnetic resonance imaging (MRI)"),
        ("performance expectancy, see https://example.org/utaut", "conduct expectation", "performance expectancy"),
        ("brain cancer / brain tumor", "cerebrum tumefaction", "brain cancer"),
        ("Bell [company] laboratories", "Chime labs", "Bell laboratories"),
        ('"No Free Lunch" theorem', "sans no lunch", "No Free Lunch theorem"),
        ('Gaussian mixture (as in \\"Gaussian mixture model (GMM)\\")', "Gaussian blend", "Gaussian mixture"),
        ("Human Machine Interface (HMI) OR Human-computer interaction (HCI)", "human-PC association", "Human Machine Interface"),
        ("The word ‘are’ as in the verb ‘be’", "area unit", ""),
        ("meaning unclear, see https://example.org/x", "furious nanoparticle", ""),
    ],
)
def test_notes_are_not_part_of_the_replacement(canonical, spun, expected):
    assert replacement(canonical, spun) == expected


def test_and_term_is_a_requirement_not_an_exclusion(tmp_path):
    path = export(tmp_path, ("bosom", "breast", "9", "needs_context", '"bosom" AND "breast"'))
    unspinner = only(path)
    assert unspinner.repair("Her bosom heaved.") == "Her bosom heaved."
    assert unspinner.repair("Bosom cancer is the most common breast tumour.") == (
        "Breast cancer is the most common breast tumour."
    )
    [change] = unspinner.scan("bosom and breast")
    assert change.tier == "contextual" and "breast" in change.reason


def test_not_term_excludes(tmp_path):
    path = export(tmp_path, ("attractive stirrer", "magnetic stirrer", "5", "has_exclusion", '"attractive stirrer" NOT "repulsive"'))
    unspinner = only(path)
    assert "magnetic stirrer" in unspinner.repair("An attractive stirrer was used.")
    assert unspinner.repair("An attractive stirrer, not a repulsive one.") == "An attractive stirrer, not a repulsive one."


def test_proximity_window_repairs_word_for_word_and_keeps_the_words_between(tmp_path):
    path = export(tmp_path, ("cement disappointment", "cement failure", "2", "proximity~2", '"cement disappointment"~2'))
    unspinner = only(path)
    assert unspinner.repair("Cement disappointment occurred.") == "Cement failure occurred."
    assert unspinner.repair("The cement bond disappointment was seen.") == "The cement bond failure was seen."
    too_far = "The cement was poured and the disappointment was great."
    assert unspinner.repair(too_far) == too_far


def test_csv_exports_load_too(tmp_path):
    row = ("counterfeit consciousness", "artificial intelligence (AI)", "1,234", "", '"counterfeit consciousness"')
    path = export(tmp_path, row, name="list.csv")
    assert only(path).repair("Counterfeit consciousness is here.") == "Artificial intelligence is here."


def test_missing_columns_are_an_error_naming_the_file(tmp_path):
    path = export(tmp_path, ("a", "b"), header=("phrase", "canonical"))
    with pytest.raises(LexiconError, match=r"list.tsv:1: missing column\(s\) spun"):
        load_fingerprints(path)


def test_unreadable_query_names_the_line(tmp_path):
    path = export(tmp_path, ("a b", "c d", "1", "", '"a b" AND ("c"'))
    with pytest.raises(LexiconError, match=r"list.tsv:2: cannot read the query"):
        load_fingerprints(path)


def test_rows_without_a_replacement_are_skipped_with_a_warning(tmp_path):
    path = export(
        tmp_path,
        ("furious nanoparticle", "meaning unclear, see https://example.org", "1", "", ""),
        ("bosom peril", "breast cancer", "1", "", ""),
    )
    with pytest.warns(LexiconWarning, match="1 rows skipped"):
        lexicon = load_fingerprints(path)
    assert [e.spun for e in lexicon.entries] == [("bosom peril",)]


def test_an_import_overrides_a_curated_form_and_a_repeated_row_is_skipped(tmp_path):
    yaml_path = tmp_path / "mine.yaml"
    yaml_path.write_text(
        "name: mine\nentries:\n  - id: mine.ai\n    spun: [counterfeit consciousness, fake brain]\n"
        "    canonical: machine intelligence\n    examples: [{spun: fake brain, fixed: machine intelligence}]\n",
        encoding="utf-8",
    )
    path = export(
        tmp_path,
        ("counterfeit consciousness", "artificial intelligence", "1", "", ""),
        ("Counterfeit  consciousness", "AI", "1", "", ""),
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lexicons = load_lexicons(include=(), extra_paths=[yaml_path, path])
    messages = " ".join(str(w.message) for w in caught)
    assert "1 imported forms override curated entries" in messages and "mine.ai" in messages
    assert "1 forms imported twice are skipped" in messages
    curated, imported = lexicons
    assert curated.entries[0].spun == ("fake brain",)
    assert [e.canonical for e in imported.entries] == ["artificial intelligence"]


def test_cli_accepts_an_export(tmp_path, capsys):
    path = export(tmp_path, ("irregular woodland", "random forest", "3", "", '"irregular woodland"'))
    source = tmp_path / "paper.txt"
    source.write_text("We trained an irregular woodland.\n", encoding="utf-8")
    assert main(["fix", "--lexicon", str(path), str(source)]) == 0
    assert "random forest" in capsys.readouterr().out


def test_shared_list_rows_are_found_and_restored(shared):
    """The target: >= 99% of the shared list's rows, each in a neutral sentence, found and restored."""
    path = shared / "data" / "tortured_phrases.tsv"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LexiconWarning)
        entries = {entry.line: entry for entry in load_fingerprints(path).entries}
        unspinner = only(path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    failures = []
    for line, row in enumerate(rows, start=2):
        entry = entries.get(line)
        if entry is None:
            failures.append((row["spun"], "no replacement"))
            continue
        # The document also names what the fingerprint requires (its AND terms).
        also = "".join(f" It also discusses {group[0]}." for group in entry.context.document_has)
        text = f"In this study, {row['spun']} was considered.{also}"
        expected = f"In this study, {entry.canonical} was considered.{also}"
        repaired = unspinner.repair(text)
        if repaired.casefold() != expected.casefold():
            failures.append((row["spun"], repaired))
    assert len(failures) <= 0.01 * len(rows), failures[:20]
