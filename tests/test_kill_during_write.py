"""SIGKILL during `fix -w` over many files: every file holds its old or its new content.

The run is killed at a random moment after its first rewrite, within half the
time of a full run (timed first), alternating one process and two worker
processes (the whole process group is killed).  UNSPIN_KILL_RUNS sets how many kills (default 20).
"""

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from test_batch_cli import LEXICON, ROOT

RUNS = int(os.environ.get("UNSPIN_KILL_RUNS", "20"))
FILES = 60
PARAGRAPH = "The regulation enforcement came, and profound learning followed. " * 40 + "\n"


def _contents(number):
    old = f"File {number}.\n" + PARAGRAPH * (1 + number % 7)
    new = old.replace("regulation enforcement", "law enforcement").replace("profound learning", "deep learning")
    return old.encode(), new.encode()


def _start(folder, jobs):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "unspin", "fix", "-w", "-q", "--jobs", str(jobs), "d"]
    return subprocess.Popen(
        command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def _fill(folder):
    for number in range(FILES):
        (folder / "d" / f"{number:03}.txt").write_bytes(_contents(number)[0])


@pytest.fixture(scope="module")
def full_run_seconds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("timing")
    (folder / "d").mkdir()
    (folder / "unspin.toml").write_text(f'include = []\nlexicon = ["{LEXICON}"]\n')
    _fill(folder)
    started = time.monotonic()
    assert _start(folder, 1).wait() == 0
    elapsed = time.monotonic() - started
    assert all((folder / "d" / f"{n:03}.txt").read_bytes() == _contents(n)[1] for n in range(FILES))
    return elapsed


def _kill_once(folder, run, full_run_seconds):
    (folder / "d").mkdir(parents=True)
    (folder / "unspin.toml").write_text(f'include = []\nlexicon = ["{LEXICON}"]\n')
    _fill(folder)
    chance = random.Random(run)
    files = [folder / "d" / f"{number:03}.txt" for number in range(FILES)]
    first = {path: path.stat().st_mtime_ns for path in files}
    process = _start(folder, jobs=1 + run % 2)
    # Wait for the first rewrite (start-up time varies with the machine's load), then kill at random.
    while process.poll() is None and all(path.stat().st_mtime_ns == first[path] for path in files):
        time.sleep(0.005)
    time.sleep(chance.uniform(0, full_run_seconds / 2))
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    rewritten = 0
    for number in range(FILES):
        data = (folder / "d" / f"{number:03}.txt").read_bytes()
        old, new = _contents(number)
        assert data in (old, new), f"run {run}: file {number} is neither old nor new"
        rewritten += data == new
    # Leftover temporary files are the only trace of a kill; they never stand in for a file.
    leftovers = [p.name for p in (folder / "d").iterdir() if not p.name.endswith(".txt")]
    assert all(name.endswith(".unspin-tmp") for name in leftovers)
    return rewritten


def test_every_file_is_old_or_new_after_sigkill(tmp_path, full_run_seconds):
    rewritten = [_kill_once(tmp_path / str(run), run, full_run_seconds) for run in range(RUNS)]
    # The kills must land inside the run, or the test proves nothing.
    partial = sum(0 < count < FILES for count in rewritten)
    print(f"kills: {RUNS}, landed mid-run: {partial}, files rewritten per kill: {rewritten}")
    assert partial >= RUNS // 4, f"only {partial} of {RUNS} kills landed while files were being written: {rewritten}"
