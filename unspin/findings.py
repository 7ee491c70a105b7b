"""How changes are shown: `check` lines, JSON records and unified diffs.

Texts may arrive in parts (a streamed file); line numbers and diff hunks are
kept right across parts by counting the lines that came before.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterator, List

from .repair import Change

_HUNK = re.compile(r"^@@ -(\d+)((?:,\d+)?) \+(\d+)((?:,\d+)?) @@")


def one_line(text: str) -> str:
    return " ".join(text.split())


class LinePosition:
    """Line and column of offsets in a text that is read part by part, offsets in increasing order."""

    def __init__(self):
        self.offset = 0  # offset of the current part in the whole text
        self.lines = 0  # line breaks before the cursor
        self.line_start = 0  # offset where the cursor's line starts
        self.cursor = 0  # offset in the current part up to which lines are counted

    def locate(self, part: str, offset: int):
        """Line and column (1-based) of `offset` (in the whole text), which lies in `part`."""
        local = offset - self.offset
        if local > self.cursor:
            newline = part.rfind("\n", self.cursor, local)
            if newline >= 0:
                self.lines += part.count("\n", self.cursor, newline + 1)
                self.line_start = self.offset + newline + 1
            self.cursor = local
        return self.lines + 1, offset - self.line_start + 1

    def advance(self, part: str) -> None:
        """Move past `part`, the one just located in."""
        self.locate(part, self.offset + len(part))
        self.offset += len(part)
        self.cursor = 0


def check_lines(name: str, part: str, changes: List[Change], position: LinePosition) -> Iterator[str]:
    for change in changes:
        line, column = position.locate(part, change.start)
        yield f"{name}:{line}:{column}: {one_line(change.before)} → {change.after} [{change.rule}]"


def change_record(change: Change, line: int, column: int) -> dict:
    return {**change.to_dict(), "line": line, "column": column}


class Differ:
    """A unified diff of a text given in parts, with hunk line numbers for the whole text."""

    def __init__(self, name: str):
        self.name = name
        self.old_lines = 0
        self.new_lines = 0
        self.started = False

    def _shift(self, header: str) -> str:
        match = _HUNK.match(header)
        old, old_count, new, new_count = match.groups()
        return f"@@ -{int(old) + self.old_lines}{old_count} +{int(new) + self.new_lines}{new_count} @@\n"

    def part(self, before: str, after: str) -> Iterator[str]:
        if before != after:
            lines = list(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), n=3))
            if not self.started:
                self.started = True
                yield f"--- a/{self.name}\n"
                yield f"+++ b/{self.name}\n"
            for line in lines[2:]:  # past difflib's own ---/+++ header
                if line.startswith("@@"):
                    line = self._shift(line)
                yield line if line.endswith("\n") else line + "\n"
        self.old_lines += before.count("\n")
        self.new_lines += after.count("\n")
