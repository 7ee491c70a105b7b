"""Compiled regex programs, kept so that a process need not compile the built-in patterns again.

`re` and `regex` parse a pattern and generate its code in Python, then hand
the code to a constructor written in C.  For the 1,029 distinct context
patterns of the built-in lexicons the first part takes 0.4 s, which every
process paid again (each `unspin` command, and before a `--jobs` run forks
its workers); the second takes 6 ms.  So when the lexicon cache is built,
the arguments each pattern's constructor was called with are recorded (its
program), and later processes rebuild their patterns from them.

A program belongs to the engine that made it: the lexicon cache is keyed by
version(), and a program that cannot be rebuilt is simply compiled again.
"""

from __future__ import annotations

import array
import importlib
import re
import sys
import threading
from typing import Callable, Optional, Tuple

import regex


def _first_module(*names):
    for name in names:
        try:
            return importlib.import_module(name)
        except ImportError:
            pass
    return None


# Each engine's compiler, which calls its C module by a global name.  Their
# modules were renamed over the years (sre_compile before Python 3.11, and
# regex.regex before regex 2024); an engine whose compiler is not found here
# keeps no programs, and its patterns are compiled as ever.
_ENGINES = {
    engine: (module, name)
    for engine, module, name in (
        ("re", _first_module("re._compiler", "sre_compile"), "_sre"),
        ("regex", _first_module("regex._main", "regex.regex"), "_regex"),
    )
    if module is not None and hasattr(module, name)
}
_RECORDING = threading.Lock()


def version() -> str:
    """What a program depends on: the Python and the `regex` that made it."""
    return f"{sys.version}|{regex.__version__}"


class _Recorder:
    """Stands in for an engine's C module during a compile, and keeps the arguments of its constructor."""

    def __init__(self, module):
        self.module, self.calls = module, []

    def compile(self, *args):
        self.calls.append(args)
        return self.module.compile(*args)

    def __getattr__(self, name):
        return getattr(self.module, name)


def compile_recording(compile_pattern: Callable, *args) -> Tuple[object, Optional[tuple]]:
    """compile_pattern(*args), and the program it was built from, or None when that cannot be told."""
    with _RECORDING:
        # A pattern an engine finds in its own cache is not built again, and
        # so would leave nothing to record.
        re.purge()
        regex.purge()
        recorders = {}
        for engine, (owner, name) in _ENGINES.items():
            recorders[engine] = _Recorder(getattr(owner, name))
            setattr(owner, name, recorders[engine])
        try:
            compiled = compile_pattern(*args)
        finally:
            for engine, (owner, name) in _ENGINES.items():
                setattr(owner, name, recorders[engine].module)
    engine = "re" if isinstance(compiled, re.Pattern) else "regex"
    calls = recorders[engine].calls if engine in recorders else ()
    # One call for this very pattern, or no program: a compile of another
    # thread at the same moment is recorded too.
    if len(calls) != 1 or calls[0][0] != compiled.pattern:
        return compiled, None
    pattern, flags, code, *rest = calls[0]
    # An array of numbers, not the list of the engine's named constants: it
    # pickles as one block of bytes, and loads many times faster.
    return compiled, (engine, (pattern, flags, _numbers(code), *rest))


def _numbers(code: list) -> array.array:
    try:
        return array.array("I", code)  # four bytes a number, enough for nearly every program
    except OverflowError:
        return array.array("Q", code)


def rebuild(program: tuple):
    """The compiled pattern again, from its program; None if this engine cannot take it."""
    engine, (pattern, flags, code, *rest) = program
    try:
        owner, name = _ENGINES[engine]
        return getattr(owner, name).compile(pattern, flags, code.tolist(), *rest)
    except Exception:  # a program this engine does not read: compile the pattern instead
        return None
