import re
import textwrap

import pytest

from unspin import LexiconError, Unspinner
from unspin.lexicon import builtin_names, load_file, load_lexicons


def write(tmp_path, body, name="user.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


GOOD = """\
    name: user
    entries:
      - id: user.bird
        spun: fowl of the air
        canonical: bird
        examples:
          - spun: a fowl of the air sang
            fixed: a bird sang
    """


def test_user_lexicon_is_loaded_and_used(tmp_path):
    path = write(tmp_path, GOOD)
    unspinner = Unspinner(extra_lexicons=[str(path)], include=())
    assert unspinner.repair("A Fowl of the Air sang") == "A Bird sang"


def test_builtin_lexicons_can_be_switched_off():
    names = builtin_names()
    assert names
    lexicons = load_lexicons(exclude=names[:1])
    assert names[0] not in {lexicon.name for lexicon in lexicons}


def test_unknown_builtin_name_is_an_error():
    with pytest.raises(LexiconError, match="no built-in lexicon"):
        load_lexicons(include=["no-such-lexicon"])


@pytest.mark.parametrize(
    "body, message, line",
    [
        ("name: user\nentries:\n  - id: a\n    spun: x\n    canonical: y\n    colour: red\n", "unknown key 'colour'", 6),
        ("name: user\nentries:\n  - id: a\n    spun: []\n    canonical: y\n", "'spun' must be a non-empty", 4),
        ("name: user\nentries:\n  - id: a\n    spun: ['  ']\n    canonical: y\n", "empty or non-string spun form", 4),
        ("name: user\nentries:\n  - id: a\n    spun: x\n    canonical: 3\n", "'canonical' must be a string", 5),
        ("name: user\nentries:\n  - id: a\n    spun: x\n    canonical: y\n    tier: wild\n", "must be one of", 6),
        ("name: user\nentries:\n  - id: a\n    spun: x\n    canonical: y\n    tier: contextual\n", "needs at least one context", 3),
        ("name: user\nentries:\n  - id: a\n    spun: x\n    canonical: y\n    context: {before: '(unclosed'}\n", "invalid pattern", 6),
        ("name: user\nentries:\n  - id: a\n    spun: X\n    canonical: x\n", "is the canonical form itself", 4),
        ("name: user\nentries:\n  - id: a\n    id: b\n", "duplicate key 'id'", 4),
        ("name: user\nentries: [\n", "YAML error", 3),
        ("name: user\nentries:\n  - !!python/object:os.system {}\n", "YAML error", 3),
    ],
)
def test_invalid_lexicons_name_file_line_and_problem(tmp_path, body, message, line):
    path = write(tmp_path, body)
    with pytest.raises(LexiconError) as error:
        load_file(path)
    assert message in str(error.value)
    assert error.value.line == line
    assert str(path) in str(error.value)


def test_duplicates_across_files_are_errors(tmp_path):
    first = write(tmp_path, GOOD, "a.yaml")
    second = write(tmp_path, GOOD.replace("id: user.bird", "id: user.bird2"), "b.yaml")
    with pytest.raises(LexiconError, match="duplicate spun form 'fowl of the air'"):
        load_lexicons(include=(), extra_paths=[first, second])
    third = write(tmp_path, GOOD.replace("spun: fowl of the air", "spun: fowls"), "c.yaml")
    with pytest.raises(LexiconError, match="duplicate id"):
        load_lexicons(include=(), extra_paths=[first, third])


FOLKS = """\
      - id: user.folks.individuals
        spun: individuals
        canonical: folks
        examples:
          - {spun: two individuals, fixed: two folks}
"""
AMERICANS = """\
      - id: user.americans.individuals
        spun: Individuals
        canonical: Americans
        tier: contextual
        context:
          match_case: true
          not_before: '(?:^|[.!?]\\s*)$'
        examples:
          - {spun: half of Individuals, fixed: half of Americans}
        clean:
          - Individuals differ.
"""
HEADER = "    name: cased\n    entries:\n"
CASED = HEADER + FOLKS + AMERICANS


SHARED_CASE = ("Half of Individuals and two individuals came. Individuals differ.",
               "Half of Americans and two folks came. Folks differ.")


def test_a_form_shared_without_match_case_is_still_a_duplicate(tmp_path):
    path = write(tmp_path, CASED.replace("          match_case: true\n", ""))
    with pytest.raises(LexiconError, match="duplicate spun form 'Individuals'"):
        load_lexicons(include=(), extra_paths=[path])


AGAINST = """\
      - id: user.against.towards
        spun: towards
        canonical: against
        tier: contextual
        context:
          before: '\\bcharges\\s+$'
        examples:
          - {spun: charges towards him, fixed: charges against him}
        clean:
          - walked towards him
"""
TOWARD = """\
      - id: user.toward.towards
        spun: towards
        canonical: toward
        tier: contextual
        yields_to: user.against.towards
        context:
          not_after: '\\s+a\\s+deal\\b'
        examples:
          - {spun: walked towards him, fixed: walked toward him}
        clean:
          - working towards a deal
"""


SHARED_YIELD = ("Charges towards him; he walked towards them, working towards a deal.",
                "Charges against him; he walked toward them, working towards a deal.")


@pytest.mark.parametrize(
    "entries, text_and_repair",
    [
        (FOLKS + AMERICANS, SHARED_CASE),
        (AMERICANS + FOLKS, SHARED_CASE),
        (AGAINST + TOWARD, SHARED_YIELD),
        (TOWARD + AGAINST, SHARED_YIELD),
    ],
    ids=["folks-first", "americans-first", "owner-first", "yielding-first"],
)
def test_entries_that_share_a_form_decide_in_either_order(tmp_path, entries, text_and_repair):
    # An entry with match_case decides where its case holds; one yielded to, where
    # its context holds; in either order of the entries in the file.
    path = write(tmp_path, HEADER + entries)
    unspinner = Unspinner(extra_lexicons=[str(path)], include=())
    text, repaired = text_and_repair
    assert unspinner.repair(text) == repaired


@pytest.mark.parametrize(
    "change, message",
    [
        (("yields_to: user.against.towards", "yields_to: user.nobody"), "'yields_to' names 'user.nobody', which is not loaded"),
        (("spun: towards\n        canonical: toward", "spun: [towards, toward-ish]\n        canonical: toward"),
         "spun form 'toward-ish' is not one of user.against.towards's, which it yields to"),
    ],
)
def test_an_entry_yields_only_to_a_loaded_entry_that_lists_its_forms(tmp_path, change, message):
    path = write(tmp_path, HEADER + AGAINST + TOWARD.replace(*change))
    with pytest.raises(LexiconError, match=re.escape(message)):
        load_lexicons(include=(), extra_paths=[path])


def test_a_safe_entry_may_not_yield(tmp_path):
    path = write(tmp_path, HEADER + AGAINST + TOWARD.replace("        tier: contextual\n        yields_to", "        yields_to"))
    with pytest.raises(LexiconError, match="'yields_to' is for a contextual entry"):
        load_file(path)


def test_error_names_the_entry(tmp_path):
    path = write(tmp_path, "name: user\nentries:\n  - id: user.broken\n    spun: x\n")
    with pytest.raises(LexiconError, match=r"\[entry user.broken\] missing required field 'canonical'"):
        load_file(path)


def test_document_conditions_and_window_from_yaml(tmp_path):
    path = write(
        tmp_path,
        """\
        name: user
        entries:
          - id: user.hall
            spun: corridor impact
            canonical: Hall effect
            case: exact
            tier: contextual
            context:
              document_has: [[magnetic, voltage], [sensor]]
              document_lacks: [hallway]
          - id: user.cement
            spun: cement disappointment
            canonical: cement failure
            window: 2
        """,
    )
    unspinner = Unspinner(extra_lexicons=[str(path)], include=())
    assert unspinner.repair("A corridor impact sensor in a magnetic field.") == "A Hall effect sensor in a magnetic field."
    assert unspinner.repair("A corridor impact sensor.") == "A corridor impact sensor."
    assert unspinner.repair("A corridor impact sensor, magnetic, in the hallway.") == "A corridor impact sensor, magnetic, in the hallway."
    assert unspinner.repair("cement bond disappointment") == "cement bond failure"


@pytest.mark.parametrize("window", ["-1", "51", "two", "true"])
def test_invalid_window_is_an_error(tmp_path, window):
    path = write(tmp_path, f"name: user\nentries:\n  - id: a\n    spun: x y\n    canonical: z w\n    window: {window}\n")
    with pytest.raises(LexiconError, match="'window' must be a whole number"):
        load_file(path)


@pytest.mark.parametrize(
    "extra, message",
    [
        ("    tier: contextual\n    context: {match_case: yes please}\n", "'match_case' must be true or false"),
        ("    window: 2\n    tier: contextual\n    context: {match_case: true}\n", "'match_case' compares the phrase as written"),
    ],
)
def test_invalid_match_case_is_an_error(tmp_path, extra, message):
    path = write(tmp_path, f"name: user\nentries:\n  - id: a\n    spun: x y\n    canonical: z w\n{extra}")
    with pytest.raises(LexiconError, match=message):
        load_file(path)


def test_compile_patterns_compiles_every_condition_of_the_lexicon():
    from unspin.lexicon import builtin_paths, load_file

    lexicon = load_file(builtin_paths()[0], eager=False)
    patterns = [pattern for entry in lexicon.entries for pattern in entry.context.patterns()]
    assert patterns and any(pattern._compiled is None for pattern in patterns)
    lexicon.compile_patterns()
    assert all(pattern._compiled is not None for pattern in patterns)


def test_a_built_in_entry_yields_only_to_an_entry_of_its_own_file():
    # So that --exclude or --include of whole files never leaves one without the entry it names.
    lexicons = load_lexicons()
    entries = {entry.id: lexicon.name for lexicon in lexicons for entry in lexicon.entries}
    for lexicon in lexicons:
        for entry in lexicon.entries:
            if entry.yields_to:
                assert entries[entry.yields_to] == lexicon.name, (entry.id, entry.yields_to)
