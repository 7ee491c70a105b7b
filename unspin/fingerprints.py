"""Fingerprints: a research-integrity screener's export of tortured phrases, loaded as a Lexicon.

The export is a table (tab-separated `.tsv` or comma-separated `.csv`) with a
header row naming at least `spun` and `canonical`, and optionally `flags`,
`num_papers` and `pps_query` (the format of the Problematic Paper Screener's
public list).  Each row becomes one entry:

* the spun phrase (and any other phrase the query ORs with it) is the spun form;
* `"A" AND "B"` requires the document to contain B as well (context
  `document_has`; `AND ("B" OR "C")` requires one of them); it is never an exclusion;
* `"A" NOT "B"` requires the document not to contain B (context `document_lacks`);
* `"A B"~N` lets the words of A B stand up to N other words apart (entry `window`);
* notes are not part of the replacement: parentheses that the spun phrase does
  not share ("back propagation (BP)"), editorial brackets ("Bell [company]
  laboratories") and trailing references (", see https://...") are dropped, and
  of alternatives ("brain cancer / brain tumor", "HMI OR HCI") the first is kept;
* a canonical text that explains rather than gives the wording (quoted words,
  "cell -> mobile", "meaning unclear") has no replacement.

Rows with an AND term are `contextual`, the others `safe`: a screener lists a
phrase only after curators have seen it in papers.  A row whose canonical text
leaves nothing to write, or only the spun phrase itself, is skipped with a
LexiconWarning; a table without the required columns is a LexiconError.
"""

from __future__ import annotations

import csv
import re
import warnings
from pathlib import Path
from typing import List, Optional, Tuple

from .lexicon import MAX_WINDOW, Context, Entry, Lexicon, LexiconError, LexiconWarning, fold_form, summarize

REQUIRED_COLUMNS = ("spun", "canonical")

_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"(?:~(?P<window>\d+))?|(?P<op>AND|OR|NOT)\b|(?P<paren>[()])|(?P<word>[^\s"()]+)')
_PARENTHETICAL = re.compile(r"\s*\(([^()]*)\)")
_BRACKETED = re.compile(r"\s*\[[^\[\]]*\]")
_QUOTED_WHOLE = re.compile(r'^"(.*)"(.*)$')
# Curators sometimes explain instead of giving the wording: quoted words, "->", "meaning unclear".
_EXPLANATION = re.compile(r"‘|->|\bmeaning unclear\b", re.IGNORECASE)
_REFERENCE = re.compile(r",?\s*\(?\s*(?:see|cf\.)\s+\S*https?://.*$|,?\s*https?://\S+", re.IGNORECASE)


class QueryError(ValueError):
    """A screener query this module cannot read."""


def _terms(tokens: list, position: int) -> Tuple[List[Tuple[str, int]], int]:
    """One operand at `position`: a phrase or word, or a parenthesised OR-group."""
    if position >= len(tokens):
        raise QueryError("the query ends where a term was expected")
    kind, value, window = tokens[position]
    if kind == "term":
        return [(value, window)], position + 1
    if kind == "(":
        group, position = [], position + 1
        while position < len(tokens) and tokens[position][0] != ")":
            if tokens[position] == ("op", "OR", 0):
                position += 1
                continue
            more, position = _terms(tokens, position)
            group.extend(more)
        if position >= len(tokens):
            raise QueryError("unclosed parenthesis")
        return group, position + 1
    raise QueryError(f"unexpected {value!r}")


def parse_query(query: str) -> Tuple[List[Tuple[str, int]], List[List[str]], List[str]]:
    """Spun phrases with their windows, required groups (AND), excluded terms (NOT)."""
    tokens = []
    for match in _TOKEN.finditer(query):
        if match.group("phrase") is not None:
            tokens.append(("term", match.group("phrase"), int(match.group("window") or 0)))
        elif match.group("op"):
            tokens.append(("op", match.group("op"), 0))
        elif match.group("paren"):
            tokens.append((match.group("paren"), match.group("paren"), 0))
        else:
            tokens.append(("term", match.group("word"), 0))
    spun, required, excluded = [], [], []
    target, position = "spun", 0
    while position < len(tokens):
        kind, value, _ = tokens[position]
        if kind == "op":
            target = {"AND": "required", "NOT": "excluded", "OR": target}[value]
            position += 1
            continue
        terms, position = _terms(tokens, position)
        if target == "spun":
            spun.extend(terms)
        elif target == "required":
            # A required phrase with a window ("a b"~100) only asks for words that
            # the other requirements already name; it is left out.
            group = [phrase for phrase, window in terms if not window]
            if group:
                required.append(group)
        else:
            excluded.extend(phrase for phrase, _ in terms)
    if not spun:
        raise QueryError("no spun phrase in the query")
    return spun, required, excluded


def replacement(canonical: str, spun: str) -> str:
    """The canonical text without the curators' notes: what the spun phrase is repaired to."""
    text = _REFERENCE.sub("", canonical.replace('\\"', '"')).strip()
    if _EXPLANATION.search(text):
        return ""
    text = _QUOTED_WHOLE.sub(r"\1\2", text)
    text = _BRACKETED.sub("", text)
    shared = {fold_form(p) for p in re.findall(r"\(([^()]*)\)", spun)}
    while True:  # innermost parentheses first: "(as in "x (X)")"
        stripped = _PARENTHETICAL.sub(lambda m: m.group(0) if fold_form(m.group(1)) in shared else "", text)
        if stripped == text:
            break
        text = stripped
    for separator in (" / ", " OR ", " AND "):
        text = text.split(separator)[0]
    return " ".join(text.split()).strip(" ,;")


class _Table:
    """Rows of one export, each a dict with its line number."""

    def __init__(self, path: Path):
        self.path = path
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle, delimiter=delimiter)
                missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
                if missing:
                    raise LexiconError(str(path), 1, f"missing column(s) {', '.join(missing)} in the header")
                self.rows = [(reader.line_num, row) for row in reader]
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise LexiconError(str(path), None, f"cannot read: {exc}") from None


def _entry(path: Path, name: str, line: int, row: dict) -> Tuple[Optional[Entry], str]:
    """The entry of one row, or None and the reason it is skipped."""
    spun = " ".join((row.get("spun") or "").split())
    if not spun:
        return None, "no spun phrase"
    query = (row.get("pps_query") or "").strip()
    try:
        forms, required, excluded = parse_query(query) if query else ([(spun, 0)], [], [])
    except QueryError as exc:
        raise LexiconError(str(path), line, f"cannot read the query {query!r}: {exc}") from None
    window = max((w for _, w in forms), default=0)
    if window > MAX_WINDOW:
        raise LexiconError(str(path), line, f"proximity ~{window} is wider than {MAX_WINDOW} words")
    phrases = [spun] + [phrase for phrase, _ in forms if fold_form(phrase) != fold_form(spun)]
    canonical = replacement(row.get("canonical") or "", spun)
    if not canonical:
        return None, f"{spun!r}: no replacement in {row.get('canonical')!r}"
    if fold_form(canonical) == fold_form(spun):
        return None, f"{spun!r}: the replacement is the phrase itself"
    phrases = [p for p in phrases if fold_form(p) and fold_form(p) != fold_form(canonical)]
    context = Context(
        document_has=tuple(tuple(fold_form(t) for t in group) for group in required),
        document_lacks=tuple(fold_form(t) for t in excluded),
    )
    papers = (row.get("num_papers") or "").strip()
    return (
        Entry(
            id=f"{name}.{line}",
            spun=tuple(phrases),
            canonical=canonical,
            tier="contextual" if required else "safe",
            context=context,
            window=window,
            note=f"imported fingerprint; {papers or 'unknown number of'} papers; query {query or spun!r}",
            lexicon=name,
            path=str(path),
            line=line,
        ),
        "",
    )


def load_fingerprints(path) -> Lexicon:
    """Load a fingerprint export as a Lexicon (rows that cannot be repaired are skipped with a warning)."""
    path = Path(path)
    table = _Table(path)
    name = path.stem
    entries, skipped = [], []
    for line, row in table.rows:
        entry, why = _entry(path, name, line, row)
        if entry is None:
            skipped.append(f"line {line}: {why}")
        else:
            entries.append(entry)
    if skipped:
        warnings.warn(f"{path}: {len(skipped)} rows skipped ({summarize(skipped)})", LexiconWarning)
    return Lexicon(name, str(path), f"fingerprints imported from {path.name}", tuple(entries), imported=True)
