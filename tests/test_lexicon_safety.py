"""Broken and hostile lexicons: clear errors with file, line and column (or
entry and field), no code run from YAML, and catastrophic patterns bounded."""

import textwrap

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from unspin import LexiconError, Unspinner
from unspin.cli import main
from unspin.lexicon import _NodeLoader, load_file


def write(tmp_path, body, name="user.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_yaml_syntax_error_names_file_line_and_column(tmp_path):
    path = write(tmp_path, "name: user\nentries:\n  - id: a\n    spun: x\n   canonical: y\n")
    with pytest.raises(LexiconError) as error:
        load_file(path)
    assert (error.value.line, error.value.column) == (5, 4)
    assert str(error.value).startswith(f"{path}:5:4: YAML error: ")


def test_schema_error_names_entry_and_field(tmp_path):
    path = write(tmp_path, "name: user\nentries:\n  - id: user.two\n    spun: [x]\n    canonical: 2\n")
    with pytest.raises(LexiconError) as error:
        load_file(path)
    assert error.value.entry_id == "user.two" and error.value.line == 5
    assert "[entry user.two] field 'canonical' must be a string, not int" in str(error.value)


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object:os.system {{}}",
        "!!python/name:os.system ''",
        "!custom {{}}",
    ],
)
def test_python_tags_are_refused_and_never_run(tmp_path, capsys, tagged):
    marker = tmp_path / "ran"
    path = write(tmp_path, f"name: user\nentries:\n  - {tagged.format(marker=marker)}\n")
    assert main(["check", "--lexicon", str(path), str(write(tmp_path, "text", "in.txt"))]) == 2
    err = capsys.readouterr().err
    assert f"{path}:3:5: YAML error: tag " in err and "refused: a lexicon is plain YAML" in err
    assert not marker.exists()


def test_an_alias_bomb_is_built_once(tmp_path):
    # Nine levels of nine aliases: expanded it would be 9**9 strings.
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = write(tmp_path, "name: user\nbombs:\n" + "\n".join("  " + line for line in levels) + "\nentries: []\n")
    with pytest.raises(LexiconError, match="unknown key 'bombs'"):
        load_file(path)


def test_a_catastrophic_pattern_is_bounded(tmp_path):
    # `(?:(a+)+\1)+b` backtracks exponentially even in the `regex` module
    # (seconds on 40 letters); each search is cut off by the pattern timeout,
    # and a pattern that cannot decide never allows a change.
    path = write(
        tmp_path,
        r"""
        name: user
        entries:
          - id: user.bird
            spun: fowl
            canonical: bird
            tier: contextual
            context:
              before: '(?:(a+)+\1)+b\s*'
        """,
    )
    unspinner = Unspinner(extra_lexicons=[str(path)], include=())
    assert unspinner.repair("aab fowl") == "aab bird"
    hostile = " ".join(["a" * 40 + " fowl"] * 3)
    assert unspinner.repair(hostile) == hostile


SCALARS = st.one_of(
    st.text(max_size=12),
    st.text(alphabet="yYnNtTfFoOeEsSrRuUlLaA", max_size=6),
    st.sampled_from(["yes", "No", "ON", "off", "null", "~", "true", "False", "1", "-2.5", ".inf", "2020-01-02", "0x1f", "<<", "="]),
)


@given(SCALARS)
def test_fast_plain_word_resolution_agrees_with_pyyaml(value):
    implicit = (True, False)
    assert _NodeLoader("").resolve(yaml.ScalarNode, value, implicit) == yaml.SafeLoader("").resolve(
        yaml.ScalarNode, value, implicit
    )
