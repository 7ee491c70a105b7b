"""unspin.testing: the strategies, check_lexicon, and the README example run as written."""

import re
import textwrap

import pytest
from hypothesis import example, given

from conftest import ROOT
from unspin import Unspinner
from unspin.testing import ORDINARY_WORDS, check_lexicon, clean_text, entries_of, spun_text

README = ROOT / "README.md"


def readme_example():
    text = README.read_text(encoding="utf-8")
    start = text.index("### Testing your own lexicon")
    yaml_block = re.compile(r"```yaml\n(.*?)```", re.S).search(text, start).group(1)
    python = re.compile(r"```python\n(.*?)```", re.S).search(text, start)
    # Blank lines up to the block keep its line numbers those of README.md, so that
    # inspect.getsource (which hypothesis calls on each test) finds the real code.
    python_block = "\n" * text.count("\n", 0, python.start(1)) + python.group(1)
    return yaml_block, python_block


def test_readme_example_runs(tmp_path, monkeypatch):
    yaml_block, python_block = readme_example()
    (tmp_path / "my-lexicon.yaml").write_text(yaml_block, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    namespace = {}
    exec(compile(python_block, str(README), "exec"), namespace)
    tests = [value for name, value in namespace.items() if name.startswith("test_")]
    assert len(tests) == 2
    for test in tests:
        test()


def write(tmp_path, body):
    path = tmp_path / "user.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_check_lexicon_reports_lint_findings(tmp_path):
    path = write(
        tmp_path,
        """\
        name: user
        entries:
          - id: user.bird.fowl
            spun: fowl
            canonical: bird
            examples: [{spun: A fowl sang., fixed: A bird sang.}]
            clean: [The fowl were fed at dawn.]
        """,
    )
    with pytest.raises(AssertionError, match="clean sentence 'The fowl were fed at dawn.' is changed"):
        check_lexicon(path)


def test_check_lexicon_finds_a_repair_that_creates_another_spun_form(tmp_path):
    # Lint sees no chain ("bird" is no spun form), but "fowl house" repairs to
    # "bird house", which the second entry changes again: only a property finds it.
    path = write(
        tmp_path,
        """\
        name: user
        entries:
          - id: user.bird.fowl
            spun: fowl
            canonical: bird
            examples: [{spun: a fowl, fixed: a bird}]
          - id: user.birdhouse.bird-house
            spun: bird house
            canonical: birdhouse
            examples: [{spun: a bird house, fixed: a birdhouse}]
        """,
    )
    with pytest.raises(AssertionError, match="not idempotent"):
        check_lexicon(path, with_builtins=False, max_examples=500)


def test_entries_of_accepts_paths_lexicons_and_unspinners(tmp_path):
    path = write(tmp_path, "name: u\nentries:\n  - {id: u.a, spun: fowl, canonical: bird, examples: [{spun: fowl, fixed: bird}]}\n")
    unspinner = Unspinner(extra_lexicons=[str(path)], include=())
    assert [e.id for e in entries_of(path)] == [e.id for e in entries_of(unspinner)] == ["u.a"]
    assert len(entries_of(None)) > 1


VOCABULARY = {w for entry in entries_of(None) for form in entry.spun for w in re.findall(r"\w+", form.lower())}


@given(spun_text())
def test_spun_text_is_made_of_spun_forms_and_ordinary_words(text):
    assert set(re.findall(r"\w+", text.lower())) <= VOCABULARY | set(ORDINARY_WORDS) | {"s"}


@given(clean_text())
@example("Health is not only the province of wellbeing experts.\n\n")
def test_clean_text_of_the_builtin_lexicons_is_unchanged_in_its_own_document(text):
    # Each clean sentence is checked alone by the suite; joined, the document's
    # spin evidence may differ, but without spin assumed nothing may change.
    assert Unspinner(assume_spun=False).repair(text) == text
