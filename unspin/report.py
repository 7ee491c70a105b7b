"""Report: one self-contained HTML page that shows what a repair changed and why.

Each document is shown whole, with every change marked in place: the spun
wording struck through, the canonical wording beside it, and the rule and the
reason on hover (or keyboard focus).  Above the text: the document's spin
score and the changes counted by rule.  The page has its style inline and
loads nothing; every piece of text in it is HTML-escaped.
"""

from __future__ import annotations

import collections
import html
from dataclasses import dataclass
from typing import Iterable, List

from .api import Result
from .repair import Change

_STYLE = """
:root { color-scheme: light; --spun: #b3261e; --fixed: #146c2e; --muted: #5f6368; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #202124; background: #fafafa; }
header, section { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; }
header h1 { font-size: 1.4rem; margin: 0.5rem 0; }
section { background: #fff; border: 1px solid #e0e0e0; border-radius: 8px; margin-bottom: 1.5rem; }
h2 { font-size: 1.15rem; margin: 0.25rem 0 0.75rem; overflow-wrap: anywhere; }
.score { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.score b { font-size: 1.2rem; }
.verdict-spun { color: var(--spun); }
.verdict-clean { color: var(--fixed); }
table { border-collapse: collapse; margin-bottom: 1rem; font-size: 0.95rem; }
th, td { text-align: left; padding: 0.25rem 0.75rem 0.25rem 0; border-bottom: 1px solid #eee; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: 0.9em; }
.text { white-space: pre-wrap; overflow-wrap: break-word; font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem; }
.change { position: relative; background: #fff4d6; border-radius: 3px; padding: 0 2px; cursor: help; }
.change:hover, .change:focus { background: #ffe8a3; outline: 1px solid #d9a400; }
.change del { color: var(--spun); text-decoration-thickness: 2px; }
.change ins { color: var(--fixed); text-decoration: none; font-weight: 600; margin-left: 0.2em; }
/* Shown in a bar along the bottom of the window, so it never runs off the page's edge. */
.why { display: none; position: fixed; left: 1rem; right: 1rem; bottom: 1rem; z-index: 1; white-space: normal;
       font: 0.95rem/1.4 system-ui, sans-serif; color: #fff; background: #3c4043; padding: 0.5rem 0.75rem;
       border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.35); overflow-wrap: anywhere; }
.change:hover .why, .change:focus .why { display: block; }
.none { color: var(--muted); }
summary { cursor: pointer; color: var(--muted); margin-bottom: 0.5rem; }
a { color: #0b57d0; }
"""


@dataclass(frozen=True)
class Document:
    """One analysed text, as the report shows it."""

    name: str
    text: str
    result: Result


def counts_by_rule(changes: Iterable[Change]) -> List[tuple]:
    """(rule, tier, count), most frequent first, then by rule."""
    counts = collections.Counter((change.rule, change.tier) for change in changes)
    return sorted(((rule, tier, n) for (rule, tier), n in counts.items()), key=lambda item: (-item[2], item[0]))


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _marked_text(text: str, changes: List[Change]) -> str:
    pieces, last = [], 0
    for change in changes:
        why = f"{change.rule} ({change.tier}): {change.reason}"
        pieces.append(_escape(text[last : change.start]))
        pieces.append(
            f'<span class="change" tabindex="0" title="{_escape(why)}">'
            f"<del>{_escape(change.before)}</del><ins>{_escape(change.after)}</ins>"
            f'<span class="why" role="tooltip">{_escape(why)}</span></span>'
        )
        last = change.end
    pieces.append(_escape(text[last:]))
    return "".join(pieces)


# Longer tables start folded away, so that the text stays near the top of the page.
_RULES_SHOWN_OPEN = 10


def _rule_table(changes: List[Change]) -> str:
    if not changes:
        return '<p class="none">No changes.</p>'
    counts = counts_by_rule(changes)
    rows = "".join(
        f'<tr><td><code>{_escape(rule)}</code></td><td>{_escape(tier)}</td><td class="count">{n}</td></tr>'
        for rule, tier, n in counts
    )
    opened = " open" if len(counts) <= _RULES_SHOWN_OPEN else ""
    return (
        f"<details{opened}><summary>Changes by rule ({len(counts)} rules)</summary>"
        f"<table><thead><tr><th>rule</th><th>tier</th><th>changes</th></tr></thead><tbody>{rows}</tbody></table>"
        "</details>"
    )


def _document_index(documents: List[Document]) -> str:
    rows = "".join(
        f'<tr><td><a href="#document-{number}">{_escape(document.name)}</a></td>'
        f'<td class="count">{document.result.evidence.words:,}</td>'
        f'<td class="count">{len(document.result.changes)}</td>'
        f'<td class="count">{document.result.evidence.density:.1f}</td>'
        f"<td>{'shows spin' if document.result.evidence.spun else 'not shown to be spun'}</td></tr>"
        for number, document in enumerate(documents, 1)
    )
    return (
        "<table><thead><tr><th>document</th><th>words</th><th>changes</th><th>spin score</th><th></th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _section(document: Document, number: int) -> str:
    evidence, changes = document.result.evidence, document.result.changes
    verdict = (
        '<span class="verdict-spun">shows spin</span>'
        if evidence.spun
        else '<span class="verdict-clean">not shown to be spun</span>'
    )
    return (
        f'<section id="document-{number}"><h2>{_escape(document.name)}</h2>'
        '<ul class="score">'
        f"<li>spin score <b>{evidence.density:.1f}</b> safe hits per 1,000 words ({verdict})</li>"
        f"<li><b>{len(changes)}</b> changes</li>"
        f"<li><b>{evidence.words:,}</b> words</li>"
        f"<li><b>{evidence.distinct}</b> distinct safe rules</li>"
        "</ul>"
        f"{_rule_table(changes)}"
        f'<div class="text">{_marked_text(document.text, changes)}</div>'
        "</section>"
    )


def render(documents: Iterable[Document], title: str = "unspin report") -> str:
    """The whole HTML page for `documents`."""
    documents = list(documents)
    all_changes = [change for document in documents for change in document.result.changes]
    summary = ""
    if len(documents) > 1:
        summary = (
            f"<section><h2>All {len(documents)} documents: {len(all_changes)} changes</h2>"
            f"{_document_index(documents)}{_rule_table(all_changes)}</section>"
        )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>{_escape(title)}</h1>"
        '<p class="none">Struck through: the spun wording; beside it, the repair. '
        "Hover over or focus a change for its rule and reason.</p></header>"
        f"{summary}{''.join(_section(document, number) for number, document in enumerate(documents, 1))}"
        "</body></html>\n"
    )
