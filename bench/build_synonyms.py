"""Build unspin/synonyms.tsv: WordNet's synonyms of the words of technical terms, for inference.

A paper-mill spinner swaps each word of a term for a thesaurus synonym
("nervous system" -> "anxious framework").  Inference inverts a thesaurus: a
text word that is a synonym of a word of a gazetteer term may stand for it.
Only the words of the package's terms are kept (unspin/gazetteer.txt and the
canonical forms of the built-in lexicons), each with the single-word lemmas
WordNet relates to it:

* synonym: the lemma shares a synset with a sense of the word (any part of
  speech: spinners do not check it);
* similar: the lemma is in an adjective synset "similar to" or "see also" one
  of the word's ("magnetic" / "attractive");
* derived: in a synset derivationally related to one of the word's ("deep" /
  "profound");
* hyponym: in a synset one step below one of the word's ("intelligence" /
  "brainpower");
* hypernym: in a synset one step above one of the word's ("device" / "machine").

Inflected words ("supervised", "networks", "learning") are looked up by their
base form and the lemmas inflected back the same way; plurals are left to
inference, which reads them itself.  The output starts with WordNet 3.0's
license notice, which must travel with every copy.

    python bench/build_synonyms.py /usr/share/wordnet > unspin/synonyms.tsv

With --synsets it writes unspin/wordnet-synsets.txt instead: every WordNet
synset of two or more single-word lemmas, one a line, whatever the words.
Inference reads a spun word through its synonyms to a swap learned for one of
them ("intellect" is a synonym of "mind", and "mind" was seen for
"intelligence"): a spinner's thesaurus offers one set of words for many.

    python bench/build_synonyms.py /usr/share/wordnet --synsets > unspin/wordnet-synsets.txt

WORDNET_DIR is a WordNet 3.0 dict folder (data.noun, data.verb, data.adj,
data.adv, *.exc; Debian's wordnet-base installs it in /usr/share/wordnet).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from unspin.lexicon import load_lexicons  # noqa: E402
from unspin.wordforms import parts, words  # noqa: E402
from unspin.wordlists import FUNCTION_WORDS, curated_terms  # noqa: E402

PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")
# The relations written, closest first (a lemma related in several ways is written once, as the closest).
KINDS = ("synonym", "similar", "derived", "hyponym", "hypernym")
SIMILAR_POINTERS = {"&", "^"}
DERIVED_POINTERS = {"+", "\\"}
# One step up or down WordNet's is-a tree: a spinner's thesaurus offers
# "brainpower" for "intelligence" (a hyponym) and "machine" for "device".
HYPONYM_POINTERS = {"~", "~i"}
HYPERNYM_POINTERS = {"@", "@i"}
# Every hyponym, even of a broad class ("system": "ecosystem"): with a cap of
# 5 hyponyms a sense (kept when the file was 0.36 MB), sure inferences
# restored 201 rows with 22 wrong instead of 209 / 20 in two-fold
# cross-validation inside the train halves of bench/infer_eval.py, for 2
# fewer false edits in 1.08M words of clean prose.
# Suffixes a term's word may carry on a WordNet lemma, and how to undo them
# (lemma = word minus suffix plus ending); the lemmas are inflected back.
INFLECTIONS = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("ies", "y"), ("es", ""), ("s", ""))


def read_wordnet(folder: Path):
    """Synsets as {key: (lemmas, pointers)} and the license notice of data.noun."""
    synsets, notice = {}, []
    for name in PARTS_OF_SPEECH:
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                if name == "noun":
                    notice.append(re.sub(r"^\s+\d+ ?", "", line).rstrip())
                continue
            fields = line.split(" | ")[0].split()
            kind = "a" if fields[2] == "s" else fields[2]
            count = int(fields[3], 16)
            lemmas = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
            at = 4 + 2 * count
            pointers = []
            for _ in range(int(fields[at])):
                symbol, offset, pos = fields[at + 1 : at + 4]
                pointers.append((symbol, ("a" if pos == "s" else pos, offset)))
                at += 4
            synsets[(kind, fields[0])] = (lemmas, pointers)
    return synsets, notice


def inflect(lemma: str, suffix: str, ending: str) -> str:
    stem = lemma[: len(lemma) - len(ending)] if ending and lemma.endswith(ending) else lemma
    if suffix in ("ed", "d"):
        return stem + ("d" if stem.endswith("e") else "ied" if re.search(r"[^aeiou]y$", stem) else "ed")
    if suffix == "ing":
        return (stem[:-1] if stem.endswith("e") and not stem.endswith("ee") else stem) + "ing"
    return lemma  # plurals: inference reads them itself


def term_words(lexicon_terms) -> set:
    found = set()
    for term in list(curated_terms()) + list(lexicon_terms):
        if len(words(term)) < 2:
            continue
        for word in set(words(term)) | set(parts(term)):
            if len(word) > 2 and word not in FUNCTION_WORDS and re.fullmatch(r"[a-z]+(?:-[a-z]+)*", word):
                found.add(word)
    return found


def related(word: str, index, synsets) -> dict:
    """{lemma: kind} for `word`, inflected like it; the closest kind wins."""
    found = {}
    readings = [(word, "", "")] + [
        (word[: -len(suffix)] + ending, suffix, ending)
        for suffix, ending in INFLECTIONS
        if word.endswith(suffix) and len(word) - len(suffix) >= 3
    ]
    for lemma, suffix, ending in readings:
        # An inflected word is read as a verb ("supervised", "learning"); a
        # plural as a noun, whose synonyms inference pluralizes itself.
        keys = [k for k in index.get(lemma, ()) if not suffix or k[0] == ("n" if suffix.endswith("s") else "v")]
        groups = {"synonym": set(keys), "similar": set(), "derived": set(), "hyponym": set(), "hypernym": set()}
        for key in keys:
            for symbol, target in synsets[key][1]:
                if symbol in SIMILAR_POINTERS:
                    groups["similar"].add(target)
                elif symbol in DERIVED_POINTERS and (not suffix or target[0] == key[0]):
                    groups["derived"].add(target)
                elif symbol in HYPONYM_POINTERS:
                    groups["hyponym"].add(target)
                elif symbol in HYPERNYM_POINTERS:
                    groups["hypernym"].add(target)
        for kind, group in groups.items():
            for key in group:
                for other in synsets[key][0]:
                    if "_" in other or other == lemma:
                        continue
                    form = inflect(other, suffix, ending) if suffix else other
                    if form != word and form not in found:
                        found[form] = kind
    return found


def single_word_synsets(synsets) -> list:
    """The synsets of two or more single-word lemmas (letters, inner hyphens), as sorted word lists."""
    found = set()
    for lemmas, _ in synsets.values():
        single = sorted({lemma for lemma in lemmas if re.fullmatch(r"[a-z]+(?:-[a-z]+)*", lemma) and lemma not in FUNCTION_WORDS})
        if len(single) >= 2:
            found.add(" ".join(single))
    return sorted(found)


def print_notice(title: str, columns: str, notice) -> None:
    print(f"# {title} (built by bench/build_synonyms.py).")
    print(f"# {columns}")
    print("#")
    for line in notice:
        print(f"# {line}".rstrip())
    print("#")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wordnet_dir", type=Path, help="a WordNet 3.0 dict folder (data.noun, ...)")
    parser.add_argument("--synsets", action="store_true", help="write unspin/wordnet-synsets.txt: every synset of two or more single words")
    args = parser.parse_args(argv)
    synsets, notice = read_wordnet(args.wordnet_dir)
    if args.synsets:
        print_notice("Synsets of WordNet 3.0 with two or more single-word lemmas", "the lemmas of one synset, space-separated", notice)
        for line in single_word_synsets(synsets):
            print(line)
        return 0
    index = defaultdict(list)
    for key, (lemmas, _) in synsets.items():
        for lemma in lemmas:
            index[lemma].append(key)
    lexicon_terms = [entry.canonical for lexicon in load_lexicons() for entry in lexicon.entries]
    print_notice("Synonyms of the words of technical terms, from WordNet 3.0",
                 f"term word <TAB> {' | '.join(KINDS)} <TAB> related words, space-separated", notice)
    for word in sorted(term_words(lexicon_terms)):
        by_kind = defaultdict(list)
        for other, kind in related(word, index, synsets).items():
            by_kind[kind].append(other)
        for kind in KINDS:
            if by_kind[kind]:
                print(f"{word}\t{kind}\t{' '.join(sorted(by_kind[kind]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
