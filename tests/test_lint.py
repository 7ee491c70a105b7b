"""`unspin lexicon lint`: each defect class is found in a seeded bad lexicon,
and the built-in lexicons have none."""

import json
import pickle
from pathlib import Path

import pytest

from unspin import Unspinner
from unspin.cli import main
from unspin.lexicon import load_file
from unspin.lint import KINDS, lint_paths, top_level_alternatives

BAD = Path(__file__).parent / "data" / "bad-lexicon.yaml"

# The entry that carries each seeded defect (its id starts with the kind).
SEEDED = {
    "duplicate-id": "duplicate-id.huge",
    "duplicate-form": "duplicate-form.big.sizable",
    "self-map": "self-map.shop",
    "chain": "chain.automobile.motorcar",
    "cycle": "cycle.happy.glad",
    "not-idempotent": "not-idempotent.dog.pooch",
    "shadowed": "shadowed.hot.warm",
    "failing-example": "failing-example.cold.frosty",
    "missing-example": "missing-example.fast.speedy",
    "dead-alternative": "dead-alternative.glad.cheerful",
    "open-word": "open-word.angry.mad",
    "one-letter": "one-letter.sad.blue",
}


@pytest.fixture(scope="module")
def findings():
    return lint_paths([BAD])


@pytest.mark.parametrize("kind", sorted(SEEDED))
def test_each_seeded_defect_is_found(findings, kind):
    found = [f for f in findings if f.kind == kind]
    assert SEEDED[kind] in {f.entry_id for f in found}
    assert all(f.path == str(BAD) and f.line for f in found)


def test_entries_without_defects_have_no_findings(findings):
    flagged = {f.entry_id for f in findings}
    assert not {"good.large.sizable", "good.car.automobile", "good.hot-dog.warm-canine", "good.sad.unhappy"} & flagged


def test_alternatives_are_split_outside_groups_and_classes():
    assert top_level_alternatives(r"\s+(?:a|b(?:c|d)|[|,])|\s*,") == [r"\s+(?:a|b(?:c|d)|[|,])", r"\s*,"]
    # From just inside a group, up to its closing parenthesis.
    assert top_level_alternatives(r"to|that|,)\b|x") == ["to", "that", ","]


def test_a_failing_clean_sentence_is_found(tmp_path):
    path = tmp_path / "clean.yaml"
    path.write_text(
        "name: clean\nentries:\n  - id: x.cold.frosty\n    spun: frosty\n    canonical: cold\n"
        "    examples: [{spun: a frosty day, fixed: a cold day}]\n    clean: [Frosty the Snowman]\n",
        encoding="utf-8",
    )
    (finding,) = lint_paths([path])
    assert finding.kind == "failing-example" and "Frosty the Snowman" in finding.message


def test_a_file_that_does_not_load_is_reported_with_the_others(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: broken\nentries:\n  - id: x\n    spun: [a\n", encoding="utf-8")
    findings = lint_paths([broken, BAD])
    load_errors = [f for f in findings if f.kind == "load-error"]
    assert [(f.path, f.line) for f in load_errors] == [(str(broken), 5)]
    assert {f.kind for f in findings} == set(KINDS)


def test_duplicates_across_files_are_found(tmp_path):
    copy = tmp_path / "copy.yaml"
    copy.write_text(BAD.read_text(encoding="utf-8"), encoding="utf-8")
    findings = lint_paths([BAD, copy])
    across = [f for f in findings if f.kind == "duplicate-id" and f.path == str(copy)]
    assert any(str(BAD) in f.message for f in across)


def test_builtin_lexicons_pass_lint():
    findings = lint_paths()
    assert not findings, "\n".join(map(str, findings))


def test_cli_exit_codes_and_json(capsys):
    assert main(["lexicon", "lint"]) == 0
    capsys.readouterr()
    assert main(["lexicon", "lint", "--format", "json", str(BAD)]) == 1
    records = json.loads(capsys.readouterr().out)
    assert {r["kind"] for r in records} == set(SEEDED)
    assert main(["lexicon", "lint", str(BAD)]) == 1
    out = capsys.readouterr().out
    assert f"{BAD}:97: [missing-example.fast.speedy] missing-example: no spun example" in out


def test_a_repairer_over_loaded_lexicons_pickles_with_them():
    lexicon = load_file(BAD, allow_self_maps=True)
    unspinner = Unspinner.from_lexicons([lexicon])
    copy = pickle.loads(pickle.dumps(unspinner))
    assert copy.repair("a gargantuan house") == unspinner.repair("a gargantuan house") == "a huge house"


def test_a_canonical_form_that_another_entry_repairs_only_in_context_is_no_chain(tmp_path):
    # "lower than" is the other entry's form, but only after a count; standing
    # alone it stays, so repairing "decrease than" to it is no chain.  Without
    # the condition it is one.  (The n-gram model, which may stand in for an
    # unmet condition, is kept out as the lexicon entry keeps it out.)
    entries = (
        "name: c\nentries:\n"
        "  - id: x.lower-than.decrease-than\n    spun: decrease than\n    canonical: lower than\n"
        "    examples: [{spun: prices decrease than before, fixed: prices lower than before}]\n"
        "  - id: x.fewer-than.lower-than\n    spun: lower than\n    canonical: fewer than\n"
        "{context}"
        "    examples: [{spun: 13000 lower than before, fixed: 13000 fewer than before}]\n"
        "    clean: [prices lower than before]\n"
    )
    guarded = tmp_path / "guarded.yaml"
    guarded.write_text(entries.replace("{context}", "    tier: contextual\n    context: {before: '\\d\\s*$', ngram: false}\n"), encoding="utf-8")
    assert not lint_paths([guarded])
    bare = tmp_path / "bare.yaml"
    bare.write_text(entries.replace("{context}", "").replace("    clean: [prices lower than before]\n", ""), encoding="utf-8")
    assert [(f.kind, f.entry_id) for f in lint_paths([bare]) if f.kind == "chain"] == [("chain", "x.lower-than.decrease-than")]
