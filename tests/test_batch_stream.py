"""Large files are streamed by the batch runner: same result as whole-text repair, flat memory."""

import dataclasses
import random
import subprocess
import sys

import pytest

from unspin import Unspinner, batch, stream
from test_batch_cli import LEXICON, ROOT

UNSPINNER = Unspinner(include=(), extra_lexicons=(str(LEXICON),))
WORDS = "the of and a to in is was for on that with as by at from this had not but are".split()
SPUN = ["regulation enforcement", "profound learning", "counterfeit consciousness", '"Yes," mentioned', "officers"]


def prose(size, seed=1, separator=" "):
    chance = random.Random(seed)
    words, length = [], 0
    while length < size:
        word = chance.choice(SPUN) if chance.random() < 0.02 else chance.choice(WORDS)
        words.append(word)
        length += len(word) + 1
        if chance.random() < 0.05:
            words.append(chance.choice(["\n", "\r\n", "\n\n", "“", "”"]))
    return separator.join(words)


@pytest.fixture
def small_windows(monkeypatch):
    monkeypatch.setattr(stream, "CHUNK", 2000)
    monkeypatch.setattr(stream, "CONTEXT", 300)
    monkeypatch.setattr(stream, "LOOKAHEAD", 300)


@pytest.mark.parametrize("command", ["write", "check", "diff"])
def test_streamed_file_gives_whole_text_result(tmp_path, small_windows, capsysbinary, command):
    text = "\ufeff" + prose(20_000)
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode("utf-8"))
    whole = batch.Options(command="fix" if command != "check" else "check", write=command == "write", diff=command == "diff")
    streamed = dataclasses.replace(whole, stream_above=100)
    expected_code = batch.run([str(path)], whole, UNSPINNER)
    expected = capsysbinary.readouterr()
    expected_file = path.read_bytes()
    path.write_bytes(text.encode("utf-8"))
    assert batch.run([str(path)], streamed, UNSPINNER) == expected_code
    got = capsysbinary.readouterr()
    assert path.read_bytes() == expected_file
    if command == "write":
        assert expected_file.startswith(b"\xef\xbb\xbf") and b"law enforcement" in expected_file
    elif command == "check":
        assert got.out == expected.out and len(got.out) > 1000
    else:
        # Hunks are cut where the bodies are, so compare the removed and the added lines themselves.
        def changed(out, sign):
            return [line for line in out.splitlines() if line[:1] == sign and line[:3] != sign * 3]

        assert changed(got.out, b"-") == changed(expected.out, b"-") and len(changed(got.out, b"-")) > 20
        assert changed(got.out, b"+") == changed(expected.out, b"+")
    assert got.err == expected.err


def test_streamed_file_with_nothing_to_change_is_not_touched(tmp_path, small_windows):
    path = tmp_path / "clean.txt"
    path.write_text("plain words " * 5000)
    before = path.stat()
    assert batch.run([str(path)], batch.Options(command="fix", write=True, stream_above=100, summary=False), UNSPINNER) == 0
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_invalid_byte_far_into_a_streamed_file(tmp_path, small_windows, capsys):
    path = tmp_path / "bad.txt"
    data = prose(10_000).encode() + b" \xc3( " + b"tail regulation enforcement"
    path.write_bytes(data)
    options = batch.Options(command="fix", write=True, stream_above=100, summary=False)
    assert batch.run([str(path)], options, UNSPINNER) == 2
    offset = data.index(b"\xc3")
    assert f"{path}: not valid utf-8 at byte {offset} (invalid continuation byte)" in capsys.readouterr().err
    assert path.read_bytes() == data


def _peak_kib(folder, path):
    probe = (
        "import resource, runpy, sys\n"
        f"sys.argv = ['unspin', 'check', '-q', {str(path)!r}]\n"
        "try:\n    runpy.run_module('unspin', run_name='__main__')\n"
        "finally:\n    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=folder, capture_output=True, env={"PYTHONPATH": str(ROOT)})
    assert done.returncode == 1, done.stderr
    return int(done.stderr.split()[-1])


def test_memory_stays_flat_on_one_long_line(tmp_path):
    """One line of 10 MB needs little more memory than one of 5 MB (whole-text repair would need ~12x the text)."""
    (tmp_path / "unspin.toml").write_text(f'include = []\nlexicon = ["{LEXICON}"]\n')
    block = prose(1 << 20).replace("\n", " ").replace("\r", " ").replace("“", "\"").replace("”", "\"")
    line = " ".join([block] * 10)
    (tmp_path / "small.txt").write_text(line[: 5 << 20])
    (tmp_path / "large.txt").write_text(line)
    small, large = _peak_kib(tmp_path, tmp_path / "small.txt"), _peak_kib(tmp_path, tmp_path / "large.txt")
    assert large < small + 10 * 1024, f"peak {small} KiB for 5 MB, {large} KiB for 10 MB"
