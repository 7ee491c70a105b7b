"""Why inference misses variants of known canonicals, measured inside the train half only.

bench/infer_eval.py splits a fingerprint list into a train and a test half.
Rules must be designed without looking at the test half, so this script
splits the *train* half again (by another hash: half the variants of each
canonical for --split variant, half the canonicals for --split canonical),
learns from the first part and sorts each row of the second whose canonical
the gazetteer knows by what happened to it:

* restored (sure), or restored only where the document shows spin (not sure:
  those are counted by what kept each of their inferences from being sure:
  a rival term, a swap through a WordNet synonym, a score below
  STRONG_SCORE, or one swapped word beside ordinary words, itself ordinary
  prose or rare);
* wrong: a different repair was made (sure, or only at min_score);
* the right term was composed but scored below min_score;
* no candidate: the row's words do not line up with the canonical's (one
  spun word for two, or more), or they do but some spun word has no map to
  its canonical word.  Those unmapped pairs are counted by cause: the
  thesaurus relates them but the spun word is common (read through the
  thesaurus only where a learned map agrees); the spun word is learned or in
  the thesaurus, for other words; or it is unknown to both;
* every word mapped, yet no candidate (a plausibility filter dropped it).

    python bench/infer_misses.py ../shared/data/tortured_phrases.tsv [--split canonical] [--show 10]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from infer_eval import inner_split, load_rows, repair, same_restoration, split, with_spun_acronym, without_notes  # noqa: E402
from unspin.infer import STRONG_SCORE, Inferrer, select_longest, term_key  # noqa: E402
from unspin.thesaurus import Thesaurus  # noqa: E402
from unspin.wordforms import base_form, forms_of, same_word  # noqa: E402
from unspin.wordlists import common_words, curated_terms  # noqa: E402
from unspin.wordmaps import alignment  # noqa: E402


def unmapped_cause(inferrer: Inferrer, thesaurus: Thesaurus, spun_word: str, canonical_word: str) -> str:
    related = thesaurus.targets(spun_word)
    if canonical_word in related or base_form(canonical_word) in related:
        return "the thesaurus relates them, but the spun word is common"
    if any(form in inferrer.maps.counts for form in forms_of(spun_word)):
        return "the spun word is learned, for other words"
    if related:
        return "the spun word is in the thesaurus, for other words"
    return "the spun word is unknown to maps and thesaurus"


def unsure_cause(inference) -> str:
    """Why an inference is not sure (Inference.sure, checked in its order)."""
    if inference.heard:
        return "the n-gram model knows the phrase"
    if inference.rival:
        return "another term reads it about as well"
    if inference.bridged:
        return "a swap through a WordNet synonym"
    if inference.score < STRONG_SCORE:
        return "score below STRONG_SCORE"
    swapped = [part for spun, _, _ in inference.substitutions for part in re.split(r"[\s-]+", spun)]
    if any(part in common_words() for part in swapped):
        return "one swapped word, of ordinary prose, beside ordinary words"
    return "one rare swapped word beside ordinary words"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", help="a fingerprint export (.tsv/.csv)")
    parser.add_argument("--split", choices=("canonical", "variant"), default="variant")
    parser.add_argument("--show", type=int, default=8, help="examples per cause")
    args = parser.parse_args(argv)
    train, _ = split(load_rows(args.export), args.split)
    learn, held_out = inner_split(train, args.split)
    thesaurus = Thesaurus.shipped()
    inferrer = Inferrer.from_entries(learn, curated_terms(), thesaurus=thesaurus)
    anything = Inferrer.from_entries(learn, curated_terms(), thesaurus=thesaurus, min_score=0.0)
    known = {term_key(t) for t in curated_terms()} | {term_key(e.canonical) for e in learn}
    outcomes, causes, unsure, examples = Counter(), Counter(), Counter(), defaultdict(list)
    for entry in held_out:
        canonical = without_notes(entry.canonical)
        if term_key(canonical) not in known:
            continue
        spun = entry.spun[0]
        text, expected = f"In this study, {spun} was considered.", f"In this study, {with_spun_acronym(entry)} was considered."
        sure, spun_document = repair(inferrer, text, True), repair(inferrer, text, False)
        if same_restoration(sure, expected):
            outcome = "restored (sure)"
        elif same_restoration(spun_document, expected):
            outcome = "restored only where the document shows spin"
            for inference in select_longest(inferrer.find(text)):
                if not inference.sure:
                    cause = unsure_cause(inference)
                    unsure[cause] += 1
                    examples[cause].append(text[inference.start : inference.end])
        elif sure != text or spun_document != text:
            outcome = "wrong" + (" (sure)" if sure != text else " (only where the document shows spin)")
        elif any(same_restoration(i.term, canonical) for i in anything.find(text)):
            outcome = "the right term, scored below min_score"
        else:
            pairs = alignment(spun, entry.canonical) or alignment(spun, canonical)
            if pairs is None:
                outcome = "no candidate: the words do not line up (one spun word for several, or more)"
            else:
                unmapped = [(s, c) for s, c in pairs if not same_word(s, c) and c not in anything._lookup(s)]
                if not unmapped:
                    outcome = "no candidate though every word is mapped (dropped by a filter)"
                else:
                    outcome = f"no candidate: {'one word' if len(unmapped) == 1 else 'two or more words'} unmapped"
                    for pair in unmapped:
                        cause = unmapped_cause(anything, thesaurus, *pair)
                        causes[cause] += 1
                        examples[cause].append(pair)
        outcomes[outcome] += 1
        examples[outcome].append(spun)
    total = sum(outcomes.values())
    print(f"{args.split} split, inside its train half: learned from {len(learn)} rows, "
          f"{total} held-out rows with a known canonical")
    for outcome, count in outcomes.most_common():
        print(f"  {count:5d}  {count / total:6.1%}  {outcome}  e.g. {examples[outcome][: args.show]}")
    print("inferences restored only where the document shows spin, by what keeps them from being sure:")
    for cause, count in unsure.most_common():
        print(f"  {count:5d}  {cause}  e.g. {examples[cause][: args.show]}")
    print("unmapped word pairs (spun word, canonical word), by cause:")
    for cause, count in causes.most_common():
        print(f"  {count:5d}  {cause}  e.g. {examples[cause][: args.show]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
