"""Lexicons: curated YAML files of spun forms and their canonical wording.

A lexicon file is loaded and validated once; every problem is reported as a
LexiconError that names the file, the line and the entry.  The format is
documented in lexicons/README.md.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import re
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

import regex
import yaml

from . import cache, programs

TIERS = ("safe", "contextual", "aggressive")
CASE_POLICIES = ("preserve", "exact")
QUOTE_POLICIES = ("any", "inside", "outside")

# A user pattern runs against a short window of text; this bounds any
# pattern that would backtrack catastrophically (seconds per search).
PATTERN_TIMEOUT = 0.05

# The widest proximity window a form may have (screeners use up to ~20 words).
MAX_WINDOW = 50

_FILE_KEYS = {"name", "description", "source", "license", "entries"}
_ENTRY_KEYS = {"id", "spun", "canonical", "tier", "context", "case", "window", "source", "note", "examples", "clean", "yields_to"}
_CONTEXT_KEYS = {"before", "not_before", "after", "not_after", "quotes", "evidence", "document_has", "document_lacks", "ngram", "match_case",
                 "spin_suffices", "echo"}

# Fingerprint exports (unspin.fingerprints) are recognised by their suffix.
FINGERPRINT_SUFFIXES = (".tsv", ".csv")
_EXAMPLE_KEYS = {"spun", "fixed", "assume_spun"}


class LexiconError(ValueError):
    """A lexicon could not be loaded; the message names file, line and entry."""

    def __init__(
        self, path: str, line: Optional[int], message: str, entry_id: Optional[str] = None, column: Optional[int] = None
    ):
        self.path, self.line, self.column, self.entry_id, self.reason = path, line, column, entry_id, message
        where = f"{path}:{line}" if line else path
        where = f"{where}:{column}" if line and column else where
        entry = f" [entry {entry_id}]" if entry_id else ""
        super().__init__(f"{where}:{entry} {message}")


class LexiconWarning(UserWarning):
    """A lexicon loaded, but something in it was skipped or overridden; the message says what."""


@dataclass(frozen=True)
class Example:
    spun: str
    fixed: str
    assume_spun: bool = False


_BACKREFERENCE = regex.compile(r"\\[1-9]|\\g<|\(\?P=")


# Compiled context patterns by (source, anchor, bounded), shared by every entry and lexicon of the process.
_COMPILED: dict = {}
# Their programs (unspin.programs), recorded for the lexicon cache.
_PROGRAMS: dict = {}


def _compile_pattern(source: str, anchor: str, bounded: bool):
    """The pattern anchored where the candidate ends (`anchor` "end", for
    `before`) or starts ("start", for `after`)."""
    if anchor == "end":
        # Searched backwards: the first try is then at the end, instead of at
        # every start position of the window.  Same verdicts, 6x faster over
        # the built-in patterns; but a backreference would be met before its
        # group, so those run forwards.
        backwards = 0 if _BACKREFERENCE.search(source) else regex.REVERSE
        return regex.compile(f"(?:{source})\\Z", regex.IGNORECASE | backwards)
    wrapped = f"\\A(?:{source})"
    if not bounded:
        # Every process compiles the patterns it meets, and Python's own `re`
        # compiles in half the time of `regex` (0.13 s against 0.28 s for the
        # built-in patterns: a tenth of a --jobs worker's start).  A pattern
        # `re` reads otherwise (a look-behind of varying width, a nested set)
        # stays with `regex`; a bounded pattern needs `regex`'s timeout.
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                return re.compile(wrapped, re.IGNORECASE)
        except (re.error, Warning):
            pass
    return regex.compile(wrapped, regex.IGNORECASE)


class ContextPattern:
    """A lexicon regex anchored at the candidate, compiled on first use.

    A `bounded` pattern (from a user's lexicon) is searched with a timeout, so
    one that backtracks catastrophically cannot hang a run.  The built-in
    patterns are reviewed and run by the suite; sparing them the timeout's
    bookkeeping made repair of spun news about a fifth faster.
    """

    # hits and blocks are set on first use (see __getattr__).
    __slots__ = ("source", "anchor", "bounded", "program", "_compiled", "hits", "blocks")

    def __init__(self, source: str, anchor: str, bounded: bool = True):
        self.source, self.anchor, self.bounded, self._compiled = source, anchor, bounded, None
        # What the regex engine built it from, once recorded for the lexicon cache.
        self.program: Optional[tuple] = None

    def compiled(self):
        if self._compiled is None:
            # Entries share many conditions (a third of the built-in patterns
            # are repeats), and compiling is slow: compile each once.
            key = (self.source, self.anchor, self.bounded)
            if key not in _COMPILED:
                rebuilt = programs.rebuild(self.program) if self.program else None
                _COMPILED[key] = rebuilt if rebuilt is not None else _compile_pattern(*key)
            self._compiled = _COMPILED[key]
        return self._compiled

    def record_program(self) -> None:
        """Compile the pattern now and keep its program, which a pickle of it carries along."""
        key = (self.source, self.anchor, self.bounded)
        if key not in _PROGRAMS:
            compiled, _PROGRAMS[key] = programs.compile_recording(_compile_pattern, *key)
            _COMPILED.setdefault(key, compiled)
        self.program = _PROGRAMS[key]

    def search(self, window: str) -> Optional[bool]:
        """Does the pattern match?  None when a bounded pattern backtracks too long to tell."""
        compiled = self._compiled or self.compiled()
        if not self.bounded:
            return compiled.search(window) is not None
        try:
            return compiled.search(window, timeout=PATTERN_TIMEOUT) is not None
        except TimeoutError:
            return None

    def __getattr__(self, name):
        """`hits(window)`: truthy where the pattern surely matches (a condition that
        must hold); `blocks(window)`: truthy where it matches or cannot tell (one
        that must not).  Bound on first use; for a built-in pattern both are the
        compiled regex's own search, with no call of ours between: decide()
        searches a hundred thousand windows per 10 MB of spun text."""
        if name not in ("hits", "blocks"):
            raise AttributeError(name)
        if not self.bounded:
            self.hits = self.blocks = (self._compiled or self.compiled()).search
        else:
            self.hits = lambda window: self.search(window) is True
            self.blocks = lambda window: self.search(window) is not False
        return getattr(self, name)

    def __getstate__(self):
        # Pickled (by the lexicon cache, or to a worker) with the program but
        # not the compiled regex, which would pickle only its source and be
        # compiled again.
        state = {"source": self.source, "anchor": self.anchor, "bounded": self.bounded, "program": self.program}
        return None, {**state, "_compiled": None}

    def __eq__(self, other):
        return isinstance(other, ContextPattern) and (self.source, self.anchor) == (other.source, other.anchor)

    def __hash__(self):
        return hash((self.source, self.anchor))

    def __repr__(self):
        return f"ContextPattern({self.source!r}, {self.anchor!r})"


@dataclass(frozen=True)
class Context:
    """Conditions under which a candidate may be repaired (all must hold)."""

    before: Optional[ContextPattern] = None
    not_before: Optional[ContextPattern] = None
    after: Optional[ContextPattern] = None
    not_after: Optional[ContextPattern] = None
    quotes: str = "any"
    evidence: bool = False
    # Groups of folded terms: the document must contain a term of every group.
    document_has: tuple = ()
    # Folded terms the document must not contain.
    document_lacks: tuple = ()
    # May the n-gram model stand in for an unmet before/after (unspin.plausibility)?
    ngram: bool = True
    # Must the text have the case of one of the spun forms?  Matching ignores
    # case; a capital in mid-sentence is sometimes the only sign of a name
    # ("200 People landed": Americans; "200 people": people).
    match_case: bool = False
    # In a document that shows spin, outside quotations, may the spin evidence
    # stand in for an unmet before/after?  For forms that spun news almost
    # never uses in their own sense (lexicons/README.md says how they were chosen).
    spin_suffices: bool = False
    # May a repair of the form where its before/after held stand in for them at the
    # form's other occurrences in a spun document (Entry.echoes)?  False where one
    # document uses the word in two senses ("throughout Idaho" and "throughout two weeks").
    echo: bool = True
    # Worked out from the others.  No condition at all: decide() answers at once.
    unconditional: bool = field(init=False, compare=False, repr=False)
    # Conditions besides spin evidence that keep legitimate uses unchanged even
    # in a spun document (so clean examples are checked there too).
    guards_spun_documents: bool = field(init=False, compare=False, repr=False)
    # The reasons context.decide() gave, by what held: built once, not per candidate.
    reasons: dict = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        patterns = (self.before, self.not_before, self.after, self.not_after)
        guards = any(p is not None for p in patterns) or self.match_case or self.quotes != "any"
        guards = guards or bool(self.document_has or self.document_lacks)
        object.__setattr__(self, "unconditional", not (guards or self.evidence))
        object.__setattr__(self, "guards_spun_documents", guards and not self.spin_suffices)
        object.__setattr__(self, "reasons", {})

    def is_empty(self) -> bool:
        return self == Context()

    def patterns(self) -> list:
        """The regex conditions that are set."""
        return [p for p in (self.before, self.not_before, self.after, self.not_after) if p is not None]


@dataclass(frozen=True)
class Entry:
    id: str
    spun: tuple
    canonical: str
    tier: str = "safe"
    context: Context = field(default_factory=Context)
    case: str = "preserve"
    # >0: the words of a spun form may stand up to this many other words apart.
    window: int = 0
    note: str = ""
    examples: tuple = ()
    clean: tuple = ()
    # The id of an entry that lists the same forms and repairs them first where
    # its context holds: this one is tried where it does not ("towards":
    # against after a lawsuit, toward elsewhere).
    yields_to: str = ""
    lexicon: str = ""
    path: str = ""
    line: int = 0
    # Worked out from the others.  May a repair of one of its forms with its
    # own before/after met carry to the form's other occurrences in a spun
    # document (unspin.api.Unspinner.echoes)?  Contextual entries with a
    # before/after, but not those where spin evidence already stands in for it
    # (spin_suffices), whose case tells what a form is (match_case), or that say
    # they do not (echo: false).
    echoes: bool = field(init=False, compare=False, repr=False)
    # The canonical form's folded words, which echoes compare with the words
    # that repairs of phrases swapped back (unspin.api.Unspinner.swapped_words).
    canonical_words: tuple = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        context = self.context
        object.__setattr__(self, "echoes", self.tier == "contextual" and context.echo
                           and not (context.spin_suffices or context.match_case)
                           and (context.before is not None or context.after is not None))
        object.__setattr__(self, "canonical_words", tuple(fold_form(self.canonical).split()))


@dataclass(frozen=True)
class Lexicon:
    name: str
    path: str
    description: str
    entries: tuple
    # Imported from a screener's fingerprint export rather than curated YAML.
    imported: bool = False

    def context_patterns(self) -> Iterator[ContextPattern]:
        """Every context pattern of every entry."""
        return (pattern for entry in self.entries for pattern in entry.context.patterns())

    def compile_patterns(self) -> None:
        """Compile every context pattern now, not when a candidate first needs it."""
        for pattern in self.context_patterns():
            pattern.compiled()

    def record_programs(self) -> None:
        """Compile every context pattern now and keep its program, for the lexicon cache."""
        for pattern in self.context_patterns():
            pattern.record_program()


_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
# Typed scalars the validator can name in an error ("must be a string, not int").
_PLAIN_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float"))
# Under YAML 1.1's implicit rules a plain scalar can be typed only when its
# first character has resolvers (digits, signs, "~", "!", "*", …); after a
# letter the only typed values are these bool and null words.
_TYPED_STARTS = frozenset(k for k in yaml.SafeLoader.yaml_implicit_resolvers if k and not k.isalpha())
_TYPED_WORDS = frozenset(
    w
    for word in "yes no true false on off null".split()
    for w in (word, word.capitalize(), word.upper())
)

_Base = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


class _NodeLoader(_Base):
    """Safe YAML parsing (libyaml when present) that resolves plain words fast.

    Most scalars in a lexicon are plain words; the generic resolver tries a
    dozen regular expressions on each, which dominated loading a 100,000-entry
    lexicon.  Anything that could be typed still goes through it.
    """

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if implicit[0] and value and value[0] not in _TYPED_STARTS and value not in _TYPED_WORDS:
                return _STR_TAG
        elif kind is yaml.MappingNode:
            return _MAP_TAG
        elif kind is yaml.SequenceNode:
            return _SEQ_TAG
        return super().resolve(kind, value, implicit)


class _Builder:
    """Builds plain Python data from YAML nodes, recording line numbers.

    Every mapping gets `__line__` (its first line) and `__lines__` (the line of
    each key); duplicate keys are an error.  Only plain data is built: any
    other tag (`!!python/object`, `!!binary`, a custom `!tag`) is refused.
    """

    def __init__(self, loader):
        self.loader = loader
        self.built = {}

    def build(self, node):
        # Aliases share nodes: build each once so an alias bomb stays small.
        key = id(node)
        if key not in self.built:
            self.built[key] = self._build(node)
        return self.built[key]

    def _build(self, node):
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR_TAG:
            return node.value
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ_TAG:
            return [self.build(item) for item in node.value]
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP_TAG:
            return self.mapping(node)
        if isinstance(node, yaml.ScalarNode) and node.tag in _PLAIN_SCALAR_TAGS:
            return self.loader.construct_object(node, deep=True)
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise yaml.MarkedYAMLError(
            problem=f"tag {shown!r} refused: a lexicon is plain YAML (strings, lists, mappings)",
            problem_mark=node.start_mark,
        )

    def mapping(self, node):
        mapping, lines = {}, {}
        for key_node, value_node in node.value:
            key = self.build(key_node)
            if not isinstance(key, str):
                raise yaml.MarkedYAMLError(problem=f"key {key!r} is not a string", problem_mark=key_node.start_mark)
            if key in lines:
                raise yaml.MarkedYAMLError(
                    problem=f"duplicate key {key!r} (first on line {lines[key]})",
                    problem_mark=key_node.start_mark,
                )
            lines[key] = key_node.start_mark.line + 1
            mapping[key] = self.build(value_node)
        mapping["__line__"] = node.start_mark.line + 1
        mapping["__lines__"] = lines
        return mapping


def parse_yaml(text: str) -> Any:
    """Safe YAML with line numbers; raises yaml.YAMLError."""
    loader = _NodeLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _Builder(loader).build(node)
    finally:
        loader.dispose()


def fold_form(form: str) -> str:
    """The matching key of a spun form: case-folded, whitespace collapsed."""
    return " ".join(form.lower().replace("\u2019", "'").split())


def form_key(entry: "Entry", form: str) -> str:
    """What makes a spun form one entry's own: its folded form, or for an entry
    with `match_case`, the form in its own case.  So "Individuals" in mid-sentence
    (Americans, match_case) and "individuals" (people) may belong to two entries;
    the matcher offers the match_case entry first (unspin.matcher).  An entry
    that `yields_to` another shares the other's forms: the matcher offers it
    after the other."""
    key = " ".join(form.replace("\u2019", "'").split()) if entry.context.match_case else fold_form(form)
    return f"{key} (after {entry.yields_to}, for {entry.id})" if entry.yields_to else key


def builtin_dir() -> Path:
    """Installed: the package folder `unspin/lexicons`; in a source checkout: the top-level lexicons/."""
    here = Path(__file__).resolve().parent
    installed = here / "lexicons"
    return installed if installed.is_dir() else here.parent / "lexicons"


def builtin_paths() -> list:
    return sorted(builtin_dir().glob("*.yaml"))


def builtin_names() -> list:
    return [p.stem for p in builtin_paths()]


def read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(str(path), None, f"cannot read: {exc}") from None
    try:
        return parse_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise LexiconError(str(path), line, f"YAML error: {problem}", column=column) from None
    except yaml.YAMLError as exc:
        raise LexiconError(str(path), None, f"YAML error: {exc}") from None


class _Validator:
    """Turns one parsed file into a Lexicon, raising on the first problem.

    With `eager`, context patterns are compiled (and so checked) at load; the
    built-in lexicons skip that, since the test suite compiles every one of
    their patterns and compiling them all would dominate start-up.
    `allow_self_maps` lets lint load entries that map a form to itself, so
    that it can report them together with every other defect.
    """

    def __init__(self, path: Path, eager: bool = True, allow_self_maps: bool = False):
        self.path = str(path)
        self.eager = eager
        self.allow_self_maps = allow_self_maps
        self.entry_id: Optional[str] = None

    def fail(self, line, message):
        raise LexiconError(self.path, line, message, self.entry_id)

    def check_keys(self, mapping, allowed, what):
        for key in mapping:
            if key.startswith("__"):
                continue
            if key not in allowed:
                self.fail(
                    mapping["__lines__"].get(key, mapping["__line__"]),
                    f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})",
                )

    def text(self, mapping, key, *, required=True, default=""):
        line = mapping["__lines__"].get(key, mapping["__line__"])
        if key not in mapping:
            if required:
                self.fail(mapping["__line__"], f"missing required field {key!r}")
            return default
        value = mapping[key]
        if not isinstance(value, str):
            self.fail(line, f"field {key!r} must be a string, not {type(value).__name__}")
        if required and not value.strip():
            self.fail(line, f"field {key!r} is empty")
        return value

    def choice(self, mapping, key, options, default):
        value = self.text(mapping, key, required=False, default=default)
        if value not in options:
            self.fail(mapping["__lines__"].get(key), f"field {key!r} must be one of {', '.join(options)}, not {value!r}")
        return value

    def pattern(self, mapping, key, anchor):
        source = self.text(mapping, key, required=False, default=None)
        if source is None:
            return None
        pattern = ContextPattern(source, anchor, bounded=self.eager)
        if self.eager:
            try:
                pattern.compiled()
            except regex.error as exc:
                self.fail(mapping["__lines__"].get(key), f"invalid pattern in {key!r}: {exc}")
        return pattern

    def context(self, raw, line):
        if raw is None:
            return Context()
        if not isinstance(raw, dict):
            self.fail(line, "field 'context' must be a mapping")
        self.check_keys(raw, _CONTEXT_KEYS, "context")
        evidence = raw.get("evidence", False)
        if evidence not in (False, "spun"):
            self.fail(raw["__lines__"].get("evidence"), "context 'evidence' must be 'spun'")
        spin_suffices = self.flag(raw, "spin_suffices", False)
        if spin_suffices and not (raw.get("before") or raw.get("after")):
            self.fail(raw["__lines__"].get("spin_suffices"), "context 'spin_suffices' needs a 'before' or 'after' to stand in for")
        return Context(
            before=self.pattern(raw, "before", "end"),
            not_before=self.pattern(raw, "not_before", "end"),
            after=self.pattern(raw, "after", "start"),
            not_after=self.pattern(raw, "not_after", "start"),
            quotes=self.choice(raw, "quotes", QUOTE_POLICIES, "any"),
            evidence=evidence == "spun",
            document_has=self.term_groups(raw, "document_has"),
            document_lacks=tuple(fold_form(t) for t in self.terms(raw, "document_lacks")),
            ngram=self.flag(raw, "ngram", True),
            match_case=self.flag(raw, "match_case", False),
            spin_suffices=spin_suffices,
            echo=self.flag(raw, "echo", True),
        )

    def flag(self, raw, key, default):
        value = raw.get(key, default)
        if not isinstance(value, bool):
            self.fail(raw["__lines__"].get(key), f"context '{key}' must be true or false")
        return value

    def terms(self, raw, key):
        value = raw.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
            self.fail(raw["__lines__"].get(key), f"context {key!r} must be a list of non-empty strings")
        return value

    def term_groups(self, raw, key):
        """A list of terms is one group (any of them); a list of lists is several groups (all of them)."""
        value = raw.get(key, [])
        if isinstance(value, list) and value and all(isinstance(group, list) for group in value):
            groups = [self.terms({key: group, "__lines__": raw["__lines__"]}, key) for group in value]
        else:
            groups = [self.terms(raw, key)] if value else []
        return tuple(tuple(fold_form(t) for t in group) for group in groups)

    def examples(self, raw, line):
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.fail(line, "field 'examples' must be a list")
        examples = []
        for item in raw:
            if not isinstance(item, dict):
                self.fail(line, "each example must be a mapping with 'spun' and 'fixed'")
            self.check_keys(item, _EXAMPLE_KEYS, "example")
            assume = item.get("assume_spun", False)
            if not isinstance(assume, bool):
                self.fail(item["__line__"], "example 'assume_spun' must be true or false")
            examples.append(Example(self.text(item, "spun"), self.text(item, "fixed"), assume))
        return tuple(examples)

    def clean(self, raw, line):
        if raw is None:
            return ()
        if not isinstance(raw, list) or not all(isinstance(s, str) and s.strip() for s in raw):
            self.fail(line, "field 'clean' must be a list of non-empty strings")
        return tuple(raw)

    def window(self, raw):
        value = raw.get("window", 0)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_WINDOW:
            self.fail(raw["__lines__"].get("window"), f"field 'window' must be a whole number from 0 to {MAX_WINDOW}")
        return value

    def entry(self, raw, lexicon_name):
        self.entry_id = None
        if not isinstance(raw, dict):
            self.fail(None, "each entry must be a mapping")
        line = raw["__line__"]
        lines = raw["__lines__"]
        self.entry_id = self.text(raw, "id")
        self.check_keys(raw, _ENTRY_KEYS, "entry")
        spun = raw.get("spun")
        if isinstance(spun, str):
            spun = [spun]
        if not isinstance(spun, list) or not spun:
            self.fail(lines.get("spun", line), "field 'spun' must be a non-empty string or list of strings")
        for form in spun:
            if not isinstance(form, str) or not fold_form(form):
                self.fail(lines.get("spun", line), f"empty or non-string spun form {form!r}")
        canonical = self.text(raw, "canonical")
        tier = self.choice(raw, "tier", TIERS, "safe")
        context = self.context(raw.get("context"), lines.get("context", line))
        if tier == "contextual" and context.is_empty():
            self.fail(line, "a contextual entry needs at least one context condition")
        for form in spun:
            if not self.allow_self_maps and is_self_map(form, canonical):
                self.fail(lines.get("spun", line), f"spun form {form!r} is the canonical form itself")
        window = self.window(raw)
        if window and context.match_case:
            self.fail(lines.get("window", line), "context 'match_case' compares the phrase as written; a 'window' spreads it out")
        yields_to = self.text(raw, "yields_to", required=False)
        if yields_to and tier != "contextual":
            self.fail(lines.get("yields_to", line),
                      "'yields_to' is for a contextual entry: a safe one would repair the forms everywhere")
        return Entry(
            id=self.entry_id,
            spun=tuple(spun),
            canonical=canonical,
            tier=tier,
            context=context,
            case=self.choice(raw, "case", CASE_POLICIES, "preserve"),
            window=window,
            note=self.text(raw, "note", required=False) or self.text(raw, "source", required=False),
            examples=self.examples(raw.get("examples"), lines.get("examples", line)),
            clean=self.clean(raw.get("clean"), lines.get("clean", line)),
            yields_to=yields_to,
            lexicon=lexicon_name,
            path=self.path,
            line=line,
        )

    def lexicon(self, data) -> Lexicon:
        if not isinstance(data, dict):
            self.fail(None, "a lexicon file must be a mapping with 'name' and 'entries'")
        self.check_keys(data, _FILE_KEYS, "lexicon file")
        name = self.text(data, "name")
        raw_entries = data.get("entries")
        if not isinstance(raw_entries, list):
            self.fail(data["__lines__"].get("entries", data["__line__"]), "field 'entries' must be a list")
        entries = tuple(self.entry(raw, name) for raw in raw_entries)
        return Lexicon(name, self.path, self.text(data, "description", required=False), entries)


@contextlib.contextmanager
def collector_paused():
    """The cyclic garbage collector paused, for work that builds many small
    objects which all stay alive until it ends and form no cycles: its passes
    over them find nothing.  Loading: they tripled the time to load a
    100,000-entry lexicon (measured: 18 s against 6 s).  Repair (unspin.api):
    a candidate per hit and a change per repair, alive until the call returns,
    were promoted to the oldest generation, whose full passes also walked every
    object of the lexicons (7% of repair's time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def is_self_map(form: str, canonical: str) -> bool:
    return fold_form(form) == fold_form(canonical)


def load_file(path, eager: bool = True, allow_self_maps: bool = False) -> Lexicon:
    """Load and validate one lexicon: curated YAML (see _Validator for the options),
    or a screener's fingerprint export (.tsv / .csv, see unspin.fingerprints)."""
    path = Path(path)
    if path.suffix.lower() in FINGERPRINT_SUFFIXES:
        from .fingerprints import load_fingerprints  # imported late: fingerprints builds on this module

        return load_fingerprints(path)
    with collector_paused():
        return _Validator(path, eager, allow_self_maps).lexicon(read_yaml(path))


def summarize(items: list, shown: int = 3) -> str:
    """The first few items and how many more: for warnings about long lists."""
    return ", ".join(items[:shown]) + (f" and {len(items) - shown} more" if len(items) > shown else "")


def _keep_forms(lexicon: Lexicon, keep) -> Lexicon:
    """The lexicon with only the forms `keep(entry, form)` accepts; entries left without forms go."""
    entries = []
    for entry in lexicon.entries:
        forms = tuple(form for form in entry.spun if keep(entry, form))
        if len(forms) == len(entry.spun):
            entries.append(entry)
        elif forms:
            entries.append(replace(entry, spun=forms))
    return replace(lexicon, entries=tuple(entries))


def _check_yields(lexicons: Sequence[Lexicon]) -> None:
    """An entry that yields_to another must name a loaded entry that lists each of its forms."""
    yielding = [entry for lexicon in lexicons for entry in lexicon.entries if entry.yields_to]
    if not yielding:
        return
    # Only the entries yielded to are folded: this runs at every start-up.
    targets = {entry.yields_to for entry in yielding}
    forms = {entry.id: {fold_form(form) for form in entry.spun}
             for lexicon in lexicons for entry in lexicon.entries if entry.id in targets}
    for entry in yielding:
        if entry.yields_to not in forms:
            raise LexiconError(entry.path, entry.line, f"'yields_to' names {entry.yields_to!r}, which is not loaded",
                               entry.id)
        for form in entry.spun:
            if fold_form(form) not in forms[entry.yields_to]:
                raise LexiconError(entry.path, entry.line,
                                   f"spun form {form!r} is not one of {entry.yields_to}'s, which it yields to", entry.id)


def resolve_clashes(lexicons: Iterable[Lexicon]) -> list:
    """Ids and spun forms must be unique across all loaded files.

    Curated YAML files must not clash: that is an error.  An imported
    fingerprint export is the user's own list and overrides a curated entry
    with the same spun form (the curated entry keeps its other forms); a form
    imported twice keeps its first row.  Both are reported as LexiconWarning.
    """
    lexicons = list(lexicons)
    ids = {}
    for lexicon in lexicons:
        for entry in lexicon.entries:
            if entry.id in ids:
                raise LexiconError(entry.path, entry.line, f"duplicate id (also at {ids[entry.id]})", entry.id)
            ids[entry.id] = f"{entry.path}:{entry.line}"

    imported, skipped = {}, {}

    def first_import(entry, form):
        key = fold_form(form)
        if key in imported and imported[key] != entry.id:
            skipped.setdefault(entry.path, []).append(f"{form!r} (kept {imported[key]})")
            return False
        imported[key] = entry.id
        return True

    curated, overridden = {}, {}

    def not_imported(entry, form):
        key = form_key(entry, form)
        if key in curated and curated[key] != entry.id:
            raise LexiconError(entry.path, entry.line, f"duplicate spun form {form!r} (also in entry {curated[key]})", entry.id)
        curated[key] = entry.id
        folded = fold_form(form)
        if folded in imported:
            overridden.setdefault(imported[folded], []).append(f"{form!r} (in {entry.id})")
            return False
        return True

    by_import = {id(x): _keep_forms(x, first_import) for x in lexicons if x.imported}
    result = [by_import[id(x)] if x.imported else _keep_forms(x, not_imported) for x in lexicons]
    _check_yields(lexicons)
    paths = {entry.id: entry.path for lexicon in result for entry in lexicon.entries}
    overridden_by_path = {}
    for entry_id, forms in overridden.items():
        overridden_by_path.setdefault(paths[entry_id], []).extend(forms)
    for path, forms in overridden_by_path.items():
        warnings.warn(f"{path}: {len(forms)} imported forms override curated entries: {summarize(forms)}", LexiconWarning)
    for path, forms in skipped.items():
        warnings.warn(f"{path}: {len(forms)} forms imported twice are skipped: {summarize(forms)}", LexiconWarning)
    return result


def load_lexicons(include=None, exclude=(), extra_paths=()) -> tuple:
    """Built-in lexicons (all, or those named in `include`, minus `exclude`) plus user files."""
    known = builtin_names()
    for name in list(include or ()) + list(exclude):
        if name not in known:
            raise LexiconError(name, None, f"no built-in lexicon of that name (known: {', '.join(known)})")
    chosen = [p for p in builtin_paths() if (include is None or p.stem in include) and p.stem not in exclude]
    lexicons = [_load_builtin(p) for p in chosen] + [load_file(p) for p in extra_paths]
    return tuple(resolve_clashes(lexicons))


def _load_builtin(path: Path) -> Lexicon:
    # Only the built-in files are cached: they are loaded by every process,
    # while a user's files come and go (the suite alone loads hundreds).
    # The path is part of the key because entries record where they were
    # read: two checkouts with the same bytes must not name each other's
    # files in their errors.
    with collector_paused():
        return cache.remember(
            path,
            ("builtin", str(path.resolve()), _code_version(), programs.version()),
            lambda: load_file(path, eager=False),
            before_storing=Lexicon.record_programs,
        )


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    """The source of this module, which defines what a pickled Lexicon holds."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
