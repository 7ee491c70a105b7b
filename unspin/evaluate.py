"""Evaluation: how much a repair helps on spun text and how much it harms clean text.

On a spun text with its reference (the original wording), with word errors
counted by `unspin.score` (a word-level Levenshtein distance):

- **word error before / after**: errors of the input and of the repaired text
  against the reference, also as a rate per reference word.
- **a right change** is one that, applied alone to the input, lowers the
  number of word errors against the reference; every other change (one that
  raises it or leaves it equal) is **wrong**.  A change of punctuation only,
  which words cannot see, is right when it lowers the character-level
  distance to the reference instead.
- **precision**: right changes / all changes (1.0 when there are none).
- **recall**: the share of the input's word errors that the right changes,
  applied together, remove: (errors before − errors with only the right
  changes applied) / errors before (1.0 when the input has no errors).

On clean text (good prose with nothing to repair) every change is a false
edit; they are reported per 10,000 words.  Clean files are judged in pieces of
40 lines (about a news article; tests/test_clean.py does the same), since spin
evidence is measured per document and a whole novel is no one document.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, List, Sequence, Tuple

from rapidfuzz.distance import Levenshtein

from .api import Unspinner
from .evidence import count_words
from .files import read_text
from .repair import Change, apply_changes
from .score import word_errors, words

PIECE_LINES = 40


def is_right(text: str, reference: str, change: Change, errors_before: int) -> bool:
    """Does this change, applied alone, bring `text` closer to `reference`?"""
    changed = apply_changes(text, [change])
    if words(change.before) == words(change.after):
        # A change of punctuation only (an en dash back to an em dash) cannot
        # move the word count: it is judged by the characters instead.
        return Levenshtein.distance(changed, reference) < Levenshtein.distance(text, reference)
    return word_errors(changed, reference).errors < errors_before


def judge(text: str, reference: str, changes: Sequence[Change]) -> List[bool]:
    """For each change: is it right (see the module's definitions)?"""
    before = word_errors(text, reference).errors
    return [is_right(text, reference, change, before) for change in changes]


@dataclass
class ParallelScore:
    """One spun text scored against its reference."""

    name: str
    reference_words: int
    errors_before: int
    errors_after: int
    errors_after_right_only: int
    changes: int
    right: int
    wrong_changes: List[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.changes if self.changes else 1.0

    @property
    def recall(self) -> float:
        if not self.errors_before:
            return 1.0
        return (self.errors_before - self.errors_after_right_only) / self.errors_before

    def to_dict(self) -> dict:
        return {
            **asdict(self),
            "error_rate_before": _rate(self.errors_before, self.reference_words),
            "error_rate_after": _rate(self.errors_after, self.reference_words),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


@dataclass
class CleanScore:
    """One clean text: every change is a false edit."""

    name: str
    words: int
    false_edits: int
    examples: List[dict] = field(default_factory=list)

    @property
    def per_10k_words(self) -> float:
        return 10000.0 * self.false_edits / self.words if self.words else 0.0

    def to_dict(self) -> dict:
        return {**asdict(self), "per_10k_words": round(self.per_10k_words, 3)}


def _rate(errors: int, words: int) -> float:
    return round(errors / words, 4) if words else 0.0


def _describe(change: Change) -> dict:
    return {"start": change.start, "before": change.before, "after": change.after, "rule": change.rule}


def score_parallel(unspinner: Unspinner, name: str, text: str, reference: str) -> ParallelScore:
    result = unspinner.analyze(text)
    verdicts = judge(text, reference, result.changes)
    right_only = apply_changes(text, [c for c, ok in zip(result.changes, verdicts) if ok])
    before = word_errors(text, reference)
    return ParallelScore(
        name=name,
        reference_words=before.reference_words,
        errors_before=before.errors,
        errors_after=word_errors(result.text, reference).errors,
        errors_after_right_only=word_errors(right_only, reference).errors,
        changes=len(result.changes),
        right=sum(verdicts),
        wrong_changes=[_describe(c) for c, ok in zip(result.changes, verdicts) if not ok],
    )


def pieces(text: str, lines_per_piece: int) -> List[str]:
    """The text in pieces of so many lines (all of it when 0)."""
    if not lines_per_piece:
        return [text]
    lines = text.splitlines(keepends=True)
    return ["".join(lines[i : i + lines_per_piece]) for i in range(0, len(lines), lines_per_piece)]


def score_clean(unspinner: Unspinner, name: str, text: str, piece_lines: int = PIECE_LINES, shown: int = 20) -> CleanScore:
    changes = [change for piece in pieces(text, piece_lines) for change in unspinner.scan(piece)]
    return CleanScore(name, count_words(text), len(changes), [_describe(c) for c in changes[:shown]])


def parallel_pairs(folder: Path) -> List[Tuple[Path, Path]]:
    """Pairs in a corpus folder: each file whose name has 'spun' in it, with the
    file named the same with 'reference' instead (spun.txt / reference.txt,
    ap-01.spun.txt / ap-01.reference.txt)."""
    pairs = []
    for spun in sorted(folder.rglob("*spun*.txt")):
        reference = spun.with_name(spun.name.replace("spun", "reference"))
        if reference.is_file():
            pairs.append((spun, reference))
    return pairs


def clean_files(paths: Iterable[Path]) -> List[Path]:
    """The .txt files among `paths`, folders expanded."""
    found = []
    for path in paths:
        found.extend(sorted(path.rglob("*.txt")) if path.is_dir() else [path])
    return found


@dataclass
class Report:
    parallel: List[ParallelScore]
    clean: List[CleanScore]

    def totals(self) -> dict:
        totals = {}
        if self.parallel:
            words = sum(p.reference_words for p in self.parallel)
            before = sum(p.errors_before for p in self.parallel)
            changes = sum(p.changes for p in self.parallel)
            right_only = sum(p.errors_after_right_only for p in self.parallel)
            totals.update(
                reference_words=words,
                error_rate_before=_rate(before, words),
                error_rate_after=_rate(sum(p.errors_after for p in self.parallel), words),
                precision=round(sum(p.right for p in self.parallel) / changes, 4) if changes else 1.0,
                recall=round((before - right_only) / before, 4) if before else 1.0,
            )
        if self.clean:
            words = sum(c.words for c in self.clean)
            edits = sum(c.false_edits for c in self.clean)
            totals.update(
                clean_words=words,
                false_edits=edits,
                false_edits_per_10k_words=round(10000.0 * edits / words, 3) if words else 0.0,
            )
        return totals

    def to_dict(self) -> dict:
        return {
            "parallel": [p.to_dict() for p in self.parallel],
            "clean": [c.to_dict() for c in self.clean],
            "totals": self.totals(),
        }

    def to_text(self) -> str:
        lines = []
        for p in self.parallel:
            lines.append(
                f"{p.name}: word error {_rate(p.errors_before, p.reference_words):.2%} → "
                f"{_rate(p.errors_after, p.reference_words):.2%} ({p.errors_before} → {p.errors_after} errors, "
                f"{p.reference_words} reference words); {p.changes} changes, precision {p.precision:.1%}, "
                f"recall {p.recall:.1%}"
            )
            lines.extend(f"  wrong: {w['before']!r} → {w['after']!r} [{w['rule']}]" for w in p.wrong_changes)
        for c in self.clean:
            lines.append(f"{c.name}: {c.false_edits} false edits in {c.words} words ({c.per_10k_words:.2f} per 10,000)")
            lines.extend(f"  false: {e['before']!r} → {e['after']!r} [{e['rule']}]" for e in c.examples)
        totals = self.totals()
        if self.parallel:
            lines.append(
                f"spun total: word error {totals['error_rate_before']:.2%} → {totals['error_rate_after']:.2%}; "
                f"precision {totals['precision']:.1%}, recall {totals['recall']:.1%}"
            )
        if self.clean:
            lines.append(
                f"clean total: {totals['false_edits']} false edits in {totals['clean_words']} words "
                f"({totals['false_edits_per_10k_words']:.2f} per 10,000)"
            )
        return "\n".join(lines)


def evaluate(
    unspinner: Unspinner,
    pairs: Sequence[Tuple[Path, Path]] = (),
    clean: Sequence[Path] = (),
    piece_lines: int = PIECE_LINES,
) -> Report:
    """Score the repairer on spun/reference pairs and on clean files (raises files.InputError)."""
    parallel = [
        score_parallel(unspinner, str(spun), read_text(Path(spun)).text, read_text(Path(reference)).text)
        for spun, reference in pairs
    ]
    cleans = [
        score_clean(unspinner, str(path), read_text(Path(path)).text, piece_lines)
        for path in clean_files(map(Path, clean))
    ]
    return Report(parallel, cleans)
