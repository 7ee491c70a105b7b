"""bench/infer_misses.py: why inference misses, measured inside the train half only."""

import re
import subprocess
import sys
import warnings
from types import SimpleNamespace

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import infer_eval  # noqa: E402
import infer_misses  # noqa: E402
from unspin.fingerprints import load_fingerprints  # noqa: E402
from unspin.lexicon import LexiconWarning  # noqa: E402


@pytest.mark.parametrize("split", ["variant", "canonical"])
def test_the_analysis_never_reads_the_test_half(shared, split):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LexiconWarning)
        entries = load_fingerprints(shared / "data" / "tortured_phrases.tsv").entries
    if split == "canonical":
        train = [e for e in entries if not infer_eval.in_test_half(e.canonical)]
    else:
        train, _ = infer_eval.split_by_variant(entries)
    learn, held_out = infer_misses.inner_split(train, split)
    ids = lambda rows: {id(e) for e in rows}  # noqa: E731
    assert ids(learn) | ids(held_out) == ids(train) and not ids(learn) & ids(held_out)
    assert len(held_out) > 100 and len(learn) > 100


def _export_of_many_variants(tmp_path):
    """A fingerprint export of one canonical with many variants, so both parts of every split have some."""
    rows = ["spun\tcanonical"]
    for first in ("irregular", "arbitrary", "haphazard", "random", "erratic", "chance"):
        for second in ("woodland", "timberland", "backwoods", "forest", "woods"):
            rows.append(f"{first} {second}\trandom forest")
    export = tmp_path / "list.tsv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return export


def test_the_script_sorts_held_out_rows_by_outcome(tmp_path):
    export = _export_of_many_variants(tmp_path)
    for split in ("variant", "canonical"):
        out = subprocess.run([sys.executable, str(ROOT / "bench" / "infer_misses.py"), str(export), "--split", split],
                             capture_output=True, text=True, check=True, timeout=300).stdout
        assert out.startswith(f"{split} split, inside its train half: learned from ")
    assert "restored (sure)" in subprocess.run(
        [sys.executable, str(ROOT / "bench" / "infer_misses.py"), str(export)], capture_output=True, text=True, check=True
    ).stdout


def test_infer_eval_measures_inside_the_train_half_in_two_folds(tmp_path):
    export = _export_of_many_variants(tmp_path)
    totals = []
    for fold in ("1", "2"):
        out = subprocess.run([sys.executable, str(ROOT / "bench" / "infer_eval.py"), str(export), "--split", "variant",
                              "--inner", fold, "--show", "0"], capture_output=True, text=True, check=True, timeout=300).stdout
        assert f"inside the train half, fold {fold}" in out
        train, test = (int(n) for n in re.search(r"train (\d+), test (\d+)", out).groups())
        totals.append((train, test))
    assert totals[0] == totals[1][::-1], "the second fold swaps the parts"


def test_a_restoration_may_join_a_compound_otherwise_than_the_list():
    assert infer_eval.same_restoration("a feed-forward neural network", "A feedforward neural networks")
    assert infer_eval.same_restoration("eigen values", "eigenvalues")
    assert infer_eval.same_restoration("high pass filter", "high-pass filter")
    assert not infer_eval.same_restoration("machine learning methods", "machine learning techniques")
    assert not infer_eval.same_restoration("programmed speech recognition", "automatic speech recognition")


def test_the_expected_restoration_keeps_the_acronym_the_spun_phrase_brings():
    row = lambda spun, canonical: SimpleNamespace(spun=(spun,), canonical=canonical)
    assert infer_eval.with_spun_acronym(row("high pass channel (HPF)", "high pass filter")) == "high pass filter (HPF)"
    assert infer_eval.with_spun_acronym(row("bogus negative FN", "false negative")) == "false negative FN"
    assert infer_eval.with_spun_acronym(row("Quality of administration QoS", "Quality of Service")) == "Quality of Service QoS"
    # A last word in capitals that the canonical also has, or an ordinary last word, is no acronym of the author's.
    assert infer_eval.with_spun_acronym(row("profound CNN", "deep CNN")) == "deep CNN"
    assert infer_eval.with_spun_acronym(row("irregular woodland", "random forest")) == "random forest"
