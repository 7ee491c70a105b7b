"""Which contextual entries could let a spun document's evidence stand in for their context?

An entry's `before`/`after` condition keeps it from changing legitimate uses;
with `spin_suffices: true`, a document that shows spin waives that condition
(outside quotations).  Whether that helps is measured here, per entry, on
labelled text: every candidate that context rejects only for the unmet
condition is applied alone and judged as `unspin eval` judges a change
(right when it brings the text closer to its reference), on

- the spun news pairs of a folder (`NAME.spun.txt` beside `NAME.reference.txt`),
  minus the pairs held out with `--hold-out`;
- every lexicon example marked `assume_spun` (spun sentence → its fix);
- every clean sentence of every lexicon, judged as a spun document (any change is wrong).

    python bench/waiver_stats.py corpora/news --hold-out busdrivers-01 ... [--show N]

prints, per entry: right, wrong (pairs and examples), clean sentences changed.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
from pathlib import Path

from unspin import context
from unspin.api import Unspinner
from unspin.evaluate import is_right, parallel_pairs
from unspin.repair import make_change
from unspin.score import word_errors


def waived(candidate):
    entry = candidate.entry
    return candidate._replace(entry=dataclasses.replace(entry, context=dataclasses.replace(entry.context, spin_suffices=True)))


def rejected_for_context(unspinner: Unspinner, text: str):
    """(candidate as waived, reason) for each contextual candidate that a spun document
    rejects only for an unmet before/after condition, overlapping no accepted change."""
    taken = [(change.start, change.end) for change in unspinner.scan(text)]
    document = context.Document(text, spun=True)
    for candidate in unspinner.matcher.candidates(text):
        entry = candidate.entry
        if entry.tier != "contextual" or entry.context.spin_suffices or not (entry.context.before or entry.context.after):
            continue
        if context.decide(candidate, document, "contextual"):
            continue
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            continue
        candidate = waived(candidate)
        reason = context.decide(candidate, document, "contextual")
        if reason:
            yield candidate, reason


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--hold-out", nargs="*", default=[], metavar="NAME")
    parser.add_argument("--show", type=int, default=0, help="show up to N cases per entry")
    args = parser.parse_args(argv)
    spun_unspinner = Unspinner(assume_spun=True)
    unspinner = Unspinner()
    right, wrong, clean = collections.Counter(), collections.Counter(), collections.Counter()
    cases = collections.defaultdict(list)

    def judge(text, reference, unspinner, label):
        before = word_errors(text, reference).errors
        for candidate, reason in rejected_for_context(unspinner, text):
            change = make_change(text, candidate, reason, 0)
            ok = is_right(text, reference, change, before)
            (right if ok else wrong)[candidate.entry.id] += 1
            cases[candidate.entry.id].append(
                f"{'+' if ok else '-'} {label}: …{text[max(0, change.start - 40):change.start]}"
                f"[{change.before} → {change.after}]{text[change.end:change.end + 30]}…".replace("\n", " ")
            )

    held_out = set(args.hold_out)
    for spun, reference in parallel_pairs(args.folder):
        name = spun.name.removesuffix(".spun.txt")
        if name not in held_out and unspinner.spin_evidence(spun.read_text()).spun:
            judge(spun.read_text(), reference.read_text(), unspinner, name)
    for entry in unspinner.entries:
        for example in entry.examples:
            if example.assume_spun:
                judge(example.spun, example.fixed, spun_unspinner, entry.id)
        for sentence in entry.clean:
            for candidate, _ in rejected_for_context(spun_unspinner, sentence):
                clean[candidate.entry.id] += 1
                cases[candidate.entry.id].append(f"! clean of {entry.id}: {sentence}")

    ids = set(right) | set(wrong) | set(clean)
    for entry_id in sorted(ids, key=lambda i: (wrong[i] + clean[i] - right[i], i)):
        print(f"{right[entry_id]:4d} {wrong[entry_id]:4d} {clean[entry_id]:4d}  {entry_id}")
        for case in cases[entry_id][: args.show]:
            print("        ", case)


if __name__ == "__main__":
    main()
