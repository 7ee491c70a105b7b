"""The batch runner in process: progress bar, output collisions, the picklable Unspinner in workers."""

import gc
import multiprocessing
import pickle

from unspin import Unspinner, batch, files
from test_batch_cli import FIXED, LEXICON, SPUN, tree

UNSPINNER = Unspinner(include=(), extra_lexicons=(str(LEXICON),))


def test_progress_bar_on_request(tmp_path, capsysbinary):
    tree(tmp_path, {f"d/{i}.txt": SPUN for i in range(3)})
    options = batch.Options(command="check", progress=True, summary=False)
    assert batch.run([str(tmp_path / "d")], options, UNSPINNER) == 1
    err = capsysbinary.readouterr().err
    assert b"0/3 [" in err and b"file/s" in err


def test_no_progress_bar_when_not_a_terminal(tmp_path, capsysbinary):
    tree(tmp_path, {f"d/{i}.txt": SPUN for i in range(3)})
    batch.run([str(tmp_path / "d")], batch.Options(command="check", summary=False), UNSPINNER)
    assert capsysbinary.readouterr().err == b""


def test_two_inputs_to_one_output_path_is_an_error(tmp_path, capsys):
    tree(tmp_path, {"a/x.txt": SPUN, "b/x.txt": SPUN})
    out = tmp_path / "out"
    options = batch.Options(command="fix", out_dir=out, summary=False)
    assert batch.run([str(tmp_path / "a/x.txt"), str(tmp_path / "b/x.txt")], options, UNSPINNER) == 2
    assert f"{out / 'x.txt'} is already written from {tmp_path / 'a/x.txt'}" in capsys.readouterr().err
    assert (out / "x.txt").read_text() == FIXED


def test_unspinner_pickles_to_an_equal_repairer():
    clone = pickle.loads(pickle.dumps(UNSPINNER))
    assert clone.config == UNSPINNER.config and clone.repair(SPUN) == FIXED


def test_jobs_write_every_file(tmp_path):
    tree(tmp_path, {f"d/{i}.txt": SPUN for i in range(6)})
    options = batch.Options(command="fix", write=True, jobs=2, summary=False)
    assert batch.run([str(tmp_path / "d")], options, UNSPINNER) == 0
    assert all((tmp_path / f"d/{i}.txt").read_text() == FIXED for i in range(6))


def test_jobs_hide_the_shared_objects_from_the_collector_only_while_the_workers_run(tmp_path, monkeypatch):
    frozen_at_the_fork = []
    pool = batch.ProcessPoolExecutor

    def recording_pool(*args, **kwargs):
        frozen_at_the_fork.append(gc.get_freeze_count())
        return pool(*args, **kwargs)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", recording_pool)
    tree(tmp_path, {f"d/{i}.txt": SPUN for i in range(3)})
    before = gc.get_freeze_count()
    batch.run([str(tmp_path / "d")], batch.Options(command="fix", write=True, jobs=2, summary=False), UNSPINNER)
    assert (tmp_path / "d/0.txt").read_text() == FIXED
    assert gc.get_freeze_count() == before
    if multiprocessing.get_start_method() == "fork":
        assert frozen_at_the_fork[0] > before


def test_files_written_in_place_are_synced_to_disk_and_copies_are_not(tmp_path, monkeypatch):
    synced = []
    monkeypatch.setattr(files.os, "fsync", synced.append)
    tree(tmp_path, {"d/a.txt": SPUN, "d/b.txt": SPUN})
    batch.run([str(tmp_path / "d")], batch.Options(command="fix", out_dir=tmp_path / "out", summary=False), UNSPINNER)
    assert (tmp_path / "out/a.txt").read_text() == FIXED and synced == []
    batch.run([str(tmp_path / "d")], batch.Options(command="fix", write=True, summary=False), UNSPINNER)
    assert (tmp_path / "d/a.txt").read_text() == FIXED
    assert len(synced) == 4  # each file, then its folder
