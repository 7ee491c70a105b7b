"""The closing summary of a batch run: files, words, changes by rule, spin scores."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

# How many rules and how many most-spun files the summary lists.
TOP = 10


@dataclass
class Outcome:
    """What processing one file gave; picklable, so worker processes can return it."""

    shown: str
    output: bytes = b""  # what goes to standard output, when a worker produced it
    errors: List[str] = field(default_factory=list)
    skipped: Optional[str] = None
    words: int = 0
    documents: int = 0
    spun_documents: int = 0
    safe_hits: int = 0
    rules: Counter = field(default_factory=Counter)
    written: bool = False
    record: Optional[dict] = None  # for --format json

    @property
    def changes(self) -> int:
        return sum(self.rules.values())

    @property
    def density(self) -> float:
        """Safe-tier hits per 1,000 words over the whole file."""
        return 1000.0 * self.safe_hits / self.words if self.words else 0.0


@dataclass
class Tally:
    files: int = 0
    changed: int = 0
    written: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    documents: int = 0
    spun_documents: int = 0
    rules: Counter = field(default_factory=Counter)
    densities: List[Tuple[float, str]] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if outcome.skipped:
            self.skipped += 1
            return
        self.files += 1
        self.failed += bool(outcome.errors)
        self.changed += bool(outcome.changes)
        self.written += outcome.written
        self.words += outcome.words
        self.documents += outcome.documents
        self.spun_documents += outcome.spun_documents
        self.rules.update(outcome.rules)
        if outcome.safe_hits:
            self.densities.append((outcome.density, outcome.shown))

    def lines(self, writing: bool) -> List[str]:
        changes = sum(self.rules.values())
        written = f"{self.written} written, " if writing else ""
        head = (
            f"unspin: {self.files} files, {self.changed} changed, {written}{self.failed} with errors, "
            f"{self.skipped} skipped; {self.words:,} words, {changes:,} changes"
        )
        lines = [head]
        for rule, count in self.rules.most_common(TOP):
            lines.append(f"  {count:>8,}  {rule}")
        if len(self.rules) > TOP:
            lines.append(f"  ... and {len(self.rules) - TOP} more rules")
        if self.documents:
            lines.append(f"spin: {self.spun_documents:,} of {self.documents:,} documents show spin evidence")
        for density, shown in sorted(self.densities, reverse=True)[:TOP]:
            lines.append(f"  {density:8.1f} per 1,000 words  {shown}")
        return lines
