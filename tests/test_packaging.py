"""A non-editable install must carry every built-in lexicon."""

import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT


def test_wheel_ships_every_lexicon(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {built.stderr.strip()[-300:]}")
    [wheel] = tmp_path.glob("unspin-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for lexicon in (ROOT / "lexicons").glob("*.yaml"):
        assert f"unspin/lexicons/{lexicon.name}" in names
    assert "unspin/py.typed" in names
    # Inference's data files (a missing one fails only when inference is switched on).
    for data in ("gazetteer.txt", "spinner-words.tsv", "common-words.txt", "synonyms.tsv", "moby-synonyms.tsv", "wordnet-synsets.txt"):
        assert f"unspin/{data}" in names
