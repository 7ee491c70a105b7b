"""Measure inference of unlisted tortured phrases on an honest split of a fingerprint list.

The list's rows are split by canonical wording (a hash of it, so the split is
stable and no canonical is on both sides).  Word maps are learned from the
train half only; the gazetteer is the package's curated list plus the train
half's canonicals.  Each test row is put in a neutral sentence and repaired by
inference alone (no lexicon), and the result is compared with the row's
replacement:

* restored: the sentence is the expected one, ignoring case, plural endings
  and how compounds are joined, by a hyphen, a space or nothing (the list
  itself writes "speech signal" for "discourse signs", and "feedforward"
  where the gazetteer has "feed-forward");
* wrong: something was changed, but not into the expected sentence; of
  these, *partial* repairs changed only words on the way to it (the
  word-level distances add up: spun -> repaired -> expected is no longer than
  spun -> expected), e.g. "programmed speech recognition" for "automatic
  speech recognition": they leave spun words but spoil none, and are still
  counted as wrong in the precision;
* missed: nothing was changed.

Precision = restored / (restored + wrong); recall = restored / rows.  At the
word level (a partial repair fixes some words and is not all wrong): word
recall = words brought to the reference / words that differ from it, word
precision = that gain / words changed (word-level Levenshtein distances).  Test
rows are reported in two groups: variants of known canonicals (the
canonical is in the gazetteer) and new canonicals (it is not).  False edits
are counted on clean prose: words changed per 10,000 words.

    python bench/infer_eval.py ../shared/data/tortured_phrases.tsv [--split variant] [--inner] [--ngram] [--lexicons] [--clean FILE ...]

Rules and thresholds are tuned with --inner: the train half split again
(by another hash), learned from one part and measured on the other, so
that the test half is only ever measured.  The constants of unspin/infer.py,
unspin/wordmaps.py and unspin/thesaurus.py cite two-fold cross-validation:
--inner 1 and --inner 2 of both splits, summed.

With --split variant, about half the variants of every canonical that has
several are held out instead, and the rest are learned from: the case of an
investigator who imports a screener's list and meets new variants of its terms.
"""

from __future__ import annotations

import argparse
import hashlib
import re

from rapidfuzz.distance import Levenshtein
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from unspin.evidence import count_words  # noqa: E402
from unspin.fingerprints import load_fingerprints  # noqa: E402
from unspin.infer import DEFAULT_MIN_SCORE, Inferrer, select_longest, term_key  # noqa: E402
from unspin.lexicon import LexiconWarning, fold_form, load_lexicons  # noqa: E402
from unspin.plausibility import default_model  # noqa: E402
from unspin.score import words as score_words  # noqa: E402
from unspin.thesaurus import Thesaurus  # noqa: E402
from unspin.wordforms import base_form, words  # noqa: E402
from unspin.wordlists import curated_terms  # noqa: E402


def in_test_half(canonical: str) -> bool:
    return hashlib.sha256(term_key(canonical).encode()).digest()[0] % 2 == 1


def load_rows(export):
    """The rows of a fingerprint export, without the warnings about its duplicates."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LexiconWarning)
        return load_fingerprints(export).entries


def split(entries, how: str):
    """(train, test): by canonical (a stable hash of it) or by variant (split_by_variant)."""
    if how == "canonical":
        return [e for e in entries if not in_test_half(e.canonical)], [e for e in entries if in_test_half(e.canonical)]
    return split_by_variant(entries)


def without_notes(canonical: str) -> str:
    """The canonical without notes in parentheses (an acronym the spun phrase shares)."""
    return re.sub(r"\s*\([^()]*\)", "", canonical)


def split_by_variant(entries):
    """Hold out about half the variants of every canonical that has several; at least one stays to learn from."""
    groups = {}
    for entry in entries:
        groups.setdefault(term_key(without_notes(entry.canonical)), []).append(entry)
    train, test = [], []
    for group in groups.values():
        held = [e for e in group if hashlib.sha256(e.spun[0].encode()).digest()[0] % 2 == 1] if len(group) > 1 else []
        if len(held) == len(group):
            held = held[1:]
        test.extend(held)
        train.extend(e for e in group if e not in held)
    return train, test


def _second_hash(text: str) -> int:
    return hashlib.sha256(text.encode()).digest()[1] % 2


def inner_split(train, how: str):
    """The train half split again, by a hash byte the outer split does not use:
    rules and thresholds are tuned on these parts, never on the test half."""
    if how == "canonical":
        return ([e for e in train if not _second_hash(term_key(e.canonical))],
                [e for e in train if _second_hash(term_key(e.canonical))])
    groups = {}
    for entry in train:
        groups.setdefault(term_key(without_notes(entry.canonical)), []).append(entry)
    learn, held_out = [], []
    for group in groups.values():
        held = [e for e in group if _second_hash(e.spun[0])] if len(group) > 1 else []
        if len(held) == len(group):
            held = held[1:]
        held_out.extend(held)
        learn.extend(e for e in group if e not in held)
    return learn, held_out


# An acronym written bare after the phrase: two capitals or more ("FN", "QoS").
_BARE_ACRONYM = re.compile(r"\s+(?=(?:[a-z]*[A-Z]){2})[A-Za-z]{2,6}$")


def with_spun_acronym(entry) -> str:
    """The canonical, with the spun phrase's acronym where the canonical leaves
    it out: a repair keeps the author's "(HPF)" after "high pass channel", and
    the list's "high pass filter" omits it; so too a bare one ("bogus negative
    FN": false negative)."""
    acronym = re.search(r"\s*\([^()]*\)$", entry.spun[0]) or _BARE_ACRONYM.search(entry.spun[0])
    if acronym and "(" not in entry.canonical and acronym.group().strip() not in entry.canonical.split():
        return entry.canonical + acronym.group()
    return entry.canonical


def repair(inferrer: Inferrer, text: str, sure_only: bool) -> str:
    pieces, last = [], 0
    for inference in select_longest(inferrer.find(text)):
        if sure_only and not inference.sure:
            continue
        pieces += [text[last : inference.start], inference.replacement()]
        last = inference.end
    return "".join(pieces + [text[last:]])


def comparable(text: str) -> str:
    return " ".join(base_form(word) for word in words(text.replace("-", " ")))


def same_restoration(a: str, b: str) -> bool:
    """The same text but for case, plural endings and how compounds are
    joined: "feed-forward" and "feedforward", "eigen values" and "eigenvalues"
    are one term spelt two ways."""
    return comparable(a).replace(" ", "") == comparable(b).replace(" ", "")


def word_distance(a: str, b: str) -> int:
    return Levenshtein.distance(comparable(a).split(), comparable(b).split())


def evaluate(inferrer: Inferrer, rows, known, sure_only: bool) -> dict:
    # restored, wrong, missed rows; then words changed, words fixed, words to fix; then partial repairs (of the wrong)
    groups = {"known canonical": [0] * 7, "new canonical": [0] * 7}
    examples = {"wrong": [], "missed": []}
    for entry in rows:
        # An acronym in parentheses shared with the spun phrase is not part of what inference restores.
        is_known = term_key(without_notes(entry.canonical)) in known
        group = groups["known canonical" if is_known else "new canonical"]
        text = f"In this study, {entry.spun[0]} was considered."
        expected = f"In this study, {with_spun_acronym(entry)} was considered."
        repaired = repair(inferrer, text, sure_only)
        changed, to_fix, left = word_distance(text, repaired), word_distance(text, expected), word_distance(repaired, expected)
        group[3] += changed
        group[4] += to_fix - left
        group[5] += to_fix
        if same_restoration(repaired, expected):
            group[0] += 1
        elif repaired != text:
            group[1] += 1
            group[6] += changed + left == to_fix
            examples["wrong"].append((is_known, entry.spun[0], repaired, entry.canonical))
        else:
            group[2] += 1
            if is_known:  # a new canonical cannot be restored: only misses of known ones teach anything
                examples["missed"].append((entry.spun[0], entry.canonical))
    return groups, examples


def false_edits(inferrer: Inferrer, paths, sure_only: bool) -> tuple:
    changed = total = 0
    samples = []
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        total += count_words(text)
        for inference in select_longest(inferrer.find(text)):
            if sure_only and not inference.sure:
                continue
            changed += len(score_words(text[inference.start : inference.end]))
            samples.append((Path(path).name, text[inference.start : inference.end], inference.replacement(), inference.reason()))
    return changed, total, samples


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", help="a fingerprint export (.tsv/.csv)")
    parser.add_argument("--clean", nargs="*", default=[], help="clean prose files for false edits")
    parser.add_argument("--min-score", type=float, default=DEFAULT_MIN_SCORE)
    parser.add_argument(
        "--split", choices=("canonical", "variant"), default="canonical",
        help="canonical: no canonical on both sides; variant: hold out half the variants of each canonical "
             "that has several (the others are learned, as when the list itself is imported)",
    )
    parser.add_argument("--no-thesaurus", action="store_true", help="without the shipped thesauri (unspin/synonyms.tsv, unspin/moby-synonyms.tsv)")
    parser.add_argument("--ngram", action="store_true", help="with the n-gram model (needs unspin[ngram]), as Config(ngram=True)")
    parser.add_argument(
        "--lexicons", action="store_true",
        help="also learn from the built-in lexicons (their word maps and canonical forms), as the API does; "
             "test rows whose spun form they list are set aside as listed",
    )
    parser.add_argument(
        "--inner", nargs="?", type=int, const=1, choices=(1, 2),
        help="evaluate inside the train half, split again as bench/infer_misses.py does: the numbers to tune on; "
             "--inner 2 swaps the two parts (learn from the second, measure the first) for two-fold cross-validation",
    )
    parser.add_argument("--show", type=int, default=15, help="how many wrong/missed rows and false edits to list")
    args = parser.parse_args(argv)
    entries = load_rows(args.export)
    train, test = split(entries, args.split)
    if args.inner:
        train, test = inner_split(train, args.split)
        if args.inner == 2:
            train, test = test, train
    listed = 0
    if args.lexicons:
        # What the API learns from besides the list; rows these lexicons list are not unlisted.
        builtin = [entry for lexicon in load_lexicons() for entry in lexicon.entries]
        spun_forms = {fold_form(form) for entry in builtin for form in entry.spun}
        unlisted = [e for e in test if fold_form(e.spun[0]) not in spun_forms]
        listed, test, train = len(test) - len(unlisted), unlisted, train + builtin
    started = time.perf_counter()
    curated = curated_terms()
    thesaurus = None if args.no_thesaurus else Thesaurus.shipped()
    model = None
    if args.ngram:
        model = default_model()
        if model is None:
            parser.error("--ngram needs the n-gram model: pip install 'unspin[ngram]'")
    inferrer = Inferrer.from_entries(train, curated, min_score=args.min_score, thesaurus=thesaurus, plausibility=model)
    known = {term_key(t) for t in curated} | {term_key(e.canonical) for e in train}
    print(f"rows: {len(entries)}; train {len(train)}, test {len(test)} (split by {args.split}"
          + (f", inside the train half, fold {args.inner}" if args.inner else "") + f"); min_score {args.min_score}"
          + (f"; with the built-in lexicons ({listed} test rows they list set aside)" if args.lexicons else ""))
    for sure_only in (True, False):
        setting = "sure inferences only (a document with no other sign of spin)" if sure_only else (
            "every inference >= min_score (a document that shows spin, or --level aggressive)")
        print(f"== {setting}")
        groups, examples = evaluate(inferrer, test, known, sure_only)
        for name, (restored, wrong, missed, changed, fixed, to_fix, partial) in groups.items():
            total = restored + wrong + missed
            precision = restored / (restored + wrong) if restored + wrong else float("nan")
            recall = restored / total if total else float("nan")
            print(f"{name}: {total} rows; restored {restored}, wrong {wrong} ({partial} partial), missed {missed}; "
                  f"recall {recall:.3f}, precision {precision:.3f}; words: "
                  f"recall {fixed / to_fix if to_fix else float('nan'):.3f}, "
                  f"precision {fixed / changed if changed else float('nan'):.3f}")
        for kind, items in examples.items():
            for item in items[: args.show]:
                print(f"  {kind}: {item}")
        if args.clean:
            changed, total, samples = false_edits(inferrer, args.clean, sure_only)
            print(f"clean prose: {total} words, {changed} words changed = {10000 * changed / total:.2f} per 10,000")
            for sample in samples[: args.show]:
                print(f"  false edit: {sample}")
    print(f"time: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
