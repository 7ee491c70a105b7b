"""Lint: the defects that keep a large lexicon from being correct.

The loader refuses what is malformed; lint looks at the entries together and
at what they do.  Each finding names the file, the line, the entry and one of
these kinds:

| kind | the entry … |
|---|---|
| load-error | could not be loaded (the loader's message) |
| duplicate-id | has an id another entry has too (same file or another) |
| duplicate-form | has a spun form another entry has too |
| self-map | maps a form to itself (differs only in case or spacing) |
| chain | has a canonical form that is another entry's spun form, which that entry would repair |
| cycle | is part of a loop of chains (a → b → … → a) |
| not-idempotent | has a canonical form that an entry (itself or another) would change |
| shadowed | loses its own example to a longer overlapping form of another entry |
| failing-example | has an example that does not repair to its `fixed` text, or a `clean` sentence it changes |
| missing-example | has no spun example, or is not `safe` and has no clean sentence |
| open-word | has an `after` pattern that ends in `\\s+(?:is|was|…)` with no `\\b`: "is" also accepts "island" |
| one-letter | has a `\\s+(?:[A-Z]|…)\\b` pattern: the word boundary after one capital letter holds only for a one-letter word, never for a name |
| dead-alternative | has an `after`/`not_after` pattern `\\s+(?:…)` with an alternative that starts with punctuation: prose writes a comma or a full stop right after the word, so it never follows a space there |

Examples run as the test suite runs them: at the entry's tier, over all the
linted files together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from . import plausibility
from .api import Config, Unspinner
from .lexicon import Entry, Example, Lexicon, LexiconError, builtin_paths, form_key, is_self_map, load_file
from .matcher import Matcher
from .repair import rules_of, select

KINDS = (
    "load-error",
    "duplicate-id",
    "duplicate-form",
    "self-map",
    "chain",
    "cycle",
    "not-idempotent",
    "shadowed",
    "failing-example",
    "missing-example",
    "open-word",
    "one-letter",
    "dead-alternative",
)

# The level an example of each tier is run at: a safe entry must also hold at
# the default level, where contextual entries compete with it.
EXAMPLE_LEVEL = {"safe": "contextual", "contextual": "contextual", "aggressive": "aggressive"}


@dataclass(frozen=True)
class Finding:
    kind: str
    path: str
    line: Optional[int]
    entry_id: Optional[str]
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        entry = f" [{self.entry_id}]" if self.entry_id else ""
        return f"{where}:{entry} {self.kind}: {self.message}"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "path": self.path, "line": self.line, "entry": self.entry_id, "message": self.message}


def _finding(kind: str, entry: Entry, message: str) -> Finding:
    return Finding(kind, entry.path, entry.line, entry.id, message)


def duplicates(entries: Sequence[Entry]) -> List[Finding]:
    findings = []
    ids: Dict[str, Entry] = {}
    forms: Dict[str, Entry] = {}
    for entry in entries:
        if entry.id in ids:
            first = ids[entry.id]
            findings.append(_finding("duplicate-id", entry, f"id also used at {first.path}:{first.line}"))
        ids.setdefault(entry.id, entry)
        for form in entry.spun:
            key = form_key(entry, form)
            first = forms.setdefault(key, entry)
            if first is not entry:
                findings.append(
                    _finding("duplicate-form", entry, f"spun form {form!r} also in {first.id} ({first.path}:{first.line})")
                )
    return findings


def self_maps(entries: Sequence[Entry]) -> List[Finding]:
    return [
        _finding("self-map", entry, f"spun form {form!r} is the canonical form {entry.canonical!r}")
        for entry in entries
        for form in entry.spun
        if is_self_map(form, entry.canonical)
    ]


def rewrites(lexicons: Sequence[Lexicon]) -> List[Finding]:
    """Chains, cycles and canonical forms that a repair would change again.

    A chain: the whole canonical form is another entry's spun form, and a
    repair of the canonical form alone, at the aggressive level in a document
    assumed spun, would change it as that form.  A canonical form is not
    idempotent when such a repair changes part of it.  The words of the
    canonical form itself are the context then, so an entry whose conditions
    exclude them is no finding: "removal officers" for "officers", or "lower
    than" → "fewer than" only after a count ("13,000 lower than"), while
    "decrease than" → "lower than" restores a "lower" the spinner really had.
    """
    entries = [entry for lexicon in lexicons for entry in lexicon.entries]
    matcher = Matcher(entries)
    # With the n-gram model when it is installed: it may stand in for context.
    strictest = Unspinner.from_lexicons(lexicons, Config(level="aggressive", assume_spun=True, ngram=plausibility.available()))
    findings = []
    chains: Dict[str, List[Entry]] = {}
    for entry in entries:
        canonical = entry.canonical
        changes = strictest.scan(canonical)
        whole = rules_of(change for change in changes if change.start == 0 and change.end == len(canonical))
        for candidate in matcher.candidates(canonical):
            other = candidate.entry
            if other is not entry and candidate.start == 0 and candidate.end == len(canonical) and other.id in whole:
                chains.setdefault(entry.id, []).append(other)
                findings.append(
                    _finding("chain", entry, f"canonical {canonical!r} is a spun form of {other.id} (→ {other.canonical!r})")
                )
        for change in changes:
            if change.start == 0 and change.end == len(canonical):
                continue  # a chain or a self-map, reported as such
            findings.append(
                _finding(
                    "not-idempotent",
                    entry,
                    f"canonical {canonical!r} contains {change.before!r}, which {change.rule} changes to {change.after!r}",
                )
            )
    findings.extend(_cycles(entries, chains))
    return findings


def _cycles(entries: Sequence[Entry], chains: Dict[str, List[Entry]]) -> List[Finding]:
    by_id = {entry.id: entry for entry in entries}
    findings, reported = [], set()
    for start in chains:
        # Follow chains from `start`; a path that comes back to it is a cycle.
        stack = [(start, [start])]
        while stack:
            current, path = stack.pop()
            for nxt in chains.get(current, ()):
                if nxt.id == start:
                    loop = frozenset(path)
                    if loop not in reported:
                        reported.add(loop)
                        shown = " → ".join(path + [start])
                        findings.append(_finding("cycle", by_id[start], f"repairs loop: {shown}"))
                elif nxt.id not in path:
                    stack.append((nxt.id, path + [nxt.id]))
    return findings


def missing_examples(entries: Sequence[Entry]) -> List[Finding]:
    findings = []
    for entry in entries:
        if not entry.examples:
            findings.append(_finding("missing-example", entry, "no spun example"))
        if entry.tier != "safe" and not entry.clean:
            findings.append(_finding("missing-example", entry, f"a {entry.tier} entry needs a clean sentence"))
    return findings


def clean_sentence_settings(entry: Entry) -> List[Tuple[Optional[bool], bool]]:
    """(assume_spun, ngram) settings under which the entry's clean sentences must stay unchanged.

    A clean sentence is a document of its own; where the entry has conditions
    besides spin evidence, they must protect it even in a spun document, and
    there also with the n-gram model on where it is installed (unless the entry
    says `ngram: false`).  The lint and the test suite both read them here.
    """
    settings: List[Tuple[Optional[bool], bool]] = [(None, False)]
    if entry.context.guards_spun_documents:
        settings.append((True, False))
        if plausibility.available():
            settings.append((True, True))
    return settings


class ExampleRunner:
    """Runs entries' examples and clean sentences as the test suite does."""

    def __init__(self, lexicons: Sequence[Lexicon]):
        self.lexicons = tuple(lexicons)
        self._unspinners: Dict[tuple, Unspinner] = {}
        self._matcher: Optional[Matcher] = None

    def unspinner(self, tier: str, assume_spun: Optional[bool], ngram: bool = False) -> Unspinner:
        key = (EXAMPLE_LEVEL[tier], assume_spun, ngram)
        if key not in self._unspinners:
            config = Config(level=key[0], assume_spun=assume_spun, ngram=ngram)
            self._unspinners[key] = Unspinner.from_lexicons(self.lexicons, config)
        return self._unspinners[key]

    def example_problem(self, entry: Entry, example: Example) -> Optional[Finding]:
        unspinner = self.unspinner(entry.tier, True if example.assume_spun else None)
        repaired, changes = unspinner.repair_and_explain(example.spun)
        if entry.id not in rules_of(changes):
            winner = self._longer_winner(entry, example.spun)
            if winner is not None:
                return _finding(
                    "shadowed", entry, f"in {example.spun!r} the longer {winner!r} of another entry takes the span"
                )
            return _finding("failing-example", entry, f"example {example.spun!r} does not exercise this entry")
        if repaired != example.fixed:
            return _finding("failing-example", entry, f"example {example.spun!r} gives {repaired!r}, not {example.fixed!r}")
        return None

    def clean_problem(self, entry: Entry, sentence: str) -> Optional[Finding]:
        for assume_spun, ngram in clean_sentence_settings(entry):
            changes = self.unspinner(entry.tier, assume_spun, ngram).scan(sentence)
            if entry.id in rules_of(changes):
                return _finding("failing-example", entry, f"clean sentence {sentence!r} is changed")
        return None

    def _longer_winner(self, entry: Entry, text: str) -> Optional[str]:
        """The text of a longer candidate that wins over this entry's own, if any."""
        if self._matcher is None:
            self._matcher = Matcher([e for lexicon in self.lexicons for e in lexicon.entries])
        candidates = self._matcher.candidates(text)
        own = [c for c in candidates if c.entry is entry]
        chosen = [c for c, _ in select((c, "") for c in candidates)]
        for candidate in own:
            for winner in chosen:
                overlaps = winner.start < candidate.end and candidate.start < winner.end
                if winner.entry is not entry and overlaps and winner.end - winner.start > candidate.end - candidate.start:
                    return text[winner.start : winner.end]
        return None

    def problems(self, entries: Iterable[Entry]) -> List[Finding]:
        findings = []
        for entry in entries:
            for example in entry.examples:
                finding = self.example_problem(entry, example)
                if finding:
                    findings.append(finding)
            for sentence in entry.clean:
                finding = self.clean_problem(entry, sentence)
                if finding:
                    findings.append(finding)
        return findings


def top_level_alternatives(pattern: str) -> List[str]:
    """The alternatives of a regex, split at each `|` outside groups and classes.

    Given the text just inside a group's opening, it stops at the group's closing parenthesis.
    """
    alternatives, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(pattern[start:index])
            start = index + 1
        index += 1
    return alternatives + [pattern[start:index]]


# An after-pattern branch that opens with required whitespace and a group: "\s+(?:would|will|,)".
_SPACED_GROUP = "\\s+(?:"
# What prose writes right after a word, never after a space.
_ATTACHED = (",", ";", ":", "\\.", "\\!", "\\?")


def _spaced_groups(pattern: str):
    """(branch, its group's alternatives, what follows the group) for each branch "\\s+(?:…)…" of a pattern."""
    for branch in top_level_alternatives(pattern):
        if branch.startswith(_SPACED_GROUP):
            body = branch[len(_SPACED_GROUP):]
            alternatives = top_level_alternatives(body)
            yield branch, alternatives, body[len("|".join(alternatives)) + 1:]


# An alternative that ends in a letter (or an optional one, "s?"), not an escape like "\\b".
_ENDS_IN_LETTER = re.compile(r"(?<!\\)[A-Za-z]\??$")
# An alternative that is one letter of a class: "[A-Z]", "(?-i:[A-Z])".
_ONE_LETTER = re.compile(r"(?:\(\?-i:)?\[[A-Za-z]-[A-Za-z]\]\)?")


def after_pattern_problems(entries: Sequence[Entry]) -> List[Finding]:
    """Branches "\\s+(?:…)" of after-patterns that cannot mean what they say.

    dead-alternative: a punctuation alternative ("\\s+(?:would|will|,)"): prose
    writes the comma right after the word, so it never follows the space.
    open-word: words with nothing after the group ("\\s+(?:is|was)"): "is" also
    accepts "island" (in `not_after` a longer word only blocks more, so it is left alone).
    one-letter: a capital letter as an alternative with a word boundary after the
    group ("\\s+(?:(?-i:[A-Z])|the)\\b"): it holds before "I", never before a name.
    """
    findings = []
    for entry in entries:
        for name in ("after", "not_after"):
            pattern = getattr(entry.context, name)
            if pattern is None:
                continue
            for branch, alternatives, rest in _spaced_groups(pattern.source):
                dead = [alt for alt in alternatives if alt.startswith(_ATTACHED)]
                if dead:
                    findings.append(_finding(
                        "dead-alternative", entry,
                        f"{name} {pattern.source!r}: {', '.join(map(repr, dead))} never follows the required whitespace; "
                        "write it as a branch of its own, e.g. '\\s*[,.]|\\s+(?:…)'"))
                if rest.startswith("\\b") and any(_ONE_LETTER.fullmatch(alt) for alt in alternatives):
                    findings.append(_finding(
                        "one-letter", entry, f"{name} {pattern.source!r}: a one-letter alternative before \\b matches no name; write [A-Z]\\w*"))
                if name == "after" and not rest and all(_ENDS_IN_LETTER.search(alt) for alt in alternatives):
                    findings.append(_finding(
                        "open-word", entry, f"after {pattern.source!r}: {branch!r} also accepts longer words; end it with \\b"))
    return findings


def lint_lexicons(lexicons: Sequence[Lexicon]) -> List[Finding]:
    entries = [entry for lexicon in lexicons for entry in lexicon.entries]
    findings = duplicates(entries) + self_maps(entries) + rewrites(lexicons) + missing_examples(entries)
    findings += after_pattern_problems(entries)
    findings += ExampleRunner(lexicons).problems(entries)
    return sorted(findings, key=lambda f: (f.path, f.line or 0, KINDS.index(f.kind), f.message))


def lint_paths(paths: Sequence = ()) -> List[Finding]:
    """Lint the given lexicon files together, or the built-in lexicons when none are given."""
    lexicons, findings = [], []
    for path in paths or builtin_paths():
        try:
            lexicons.append(load_file(path, allow_self_maps=True))
        except LexiconError as error:
            findings.append(Finding("load-error", error.path, error.line, error.entry_id, error.reason))
    return findings + lint_lexicons(lexicons)
