"""Patterns rebuilt from their recorded programs (unspin.programs) are the patterns compiled from source."""

import pickle
import re

import regex

from test_hot_path import _CASE_TRAPS, _windows
from unspin import programs
from unspin.lexicon import ContextPattern, _compile_pattern, load_lexicons


def _built_in_patterns():
    distinct = {(p.source, p.anchor): p for lexicon in load_lexicons() for p in lexicon.context_patterns()}
    return list(distinct.values())


def test_every_built_in_pattern_rebuilt_from_its_program_gives_the_same_verdicts():
    windows = _windows()[::4] + _CASE_TRAPS
    engines = set()
    for pattern in _built_in_patterns():
        compiled, program = programs.compile_recording(_compile_pattern, pattern.source, pattern.anchor, pattern.bounded)
        rebuilt = programs.rebuild(pickle.loads(pickle.dumps(program)))
        assert type(rebuilt) is type(compiled) and (rebuilt.pattern, rebuilt.flags) == (compiled.pattern, compiled.flags)
        engines.add(program[0])
        for window in windows:
            assert (rebuilt.search(window) is None) == (compiled.search(window) is None), (pattern.source, window)
    assert engines == {"re", "regex"}


def test_a_program_the_engine_does_not_read_is_compiled_from_source_instead():
    _, program = programs.compile_recording(re.compile, r"\bthe\s+(?:house|senate)\b", re.IGNORECASE)
    engine, (source, flags, code, *rest) = program
    assert programs.rebuild(program).search("THE Senate")
    damaged = (engine, (source, flags, code[:3], *rest))
    assert programs.rebuild(damaged) is None
    # A source no lexicon has, so that no pattern compiled before stands in for it.
    pattern = ContextPattern(r"\s+the\b(?#damaged program)", "start", bounded=False)
    pattern.program = damaged
    assert pattern.search(" the end") and not pattern.search(" then")


def test_a_pattern_the_engine_has_compiled_before_is_recorded_too():
    re.compile(r"already\s+cached", re.IGNORECASE)
    regex.compile(r"already\s+cached", regex.IGNORECASE)
    assert programs.compile_recording(re.compile, r"already\s+cached", re.IGNORECASE)[1][0] == "re"
    assert programs.compile_recording(regex.compile, r"already\s+cached", regex.IGNORECASE)[1][0] == "regex"


def test_a_compile_that_builds_nothing_records_no_program():
    compiled = re.compile(r"made\s+elsewhere")
    assert programs.compile_recording(lambda: compiled)[1] is None
