"""The benchmark script still runs end to end (on a tiny corpus; no timing is checked)."""

import importlib.util
import re
import subprocess
import sys

from conftest import ROOT
from unspin import Unspinner


def test_throughput_benchmark_runs_on_a_tiny_corpus(tmp_path):
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "throughput.py"), "--size-mb", "0.3", "--repeats", "1",
         "--memory-sizes", "0.2", "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    rows = dict(re.findall(r"^\| (repair\([^|]*|bare [^|]*) \| ([\d.]+) \|", run.stdout, re.M))
    assert len(rows) == 6 and all(float(speed) > 0 for speed in rows.values())
    assert re.search(r"^\| 0 MB \| \d+ MB \|$", run.stdout, re.M)
    assert re.search(r"^\| 1 \| [\d.]+, [\d.]+ \| [\d.]+ \([\d.]+\) \| [\d.]+ \([\d.]+\) \| [\d.]+× \|$", run.stdout, re.M)
    assert re.search(r"^--jobs 2 over --jobs 1: ([\d.]+×, the median of the 1 of 1 pairs|no pair ran on two whole cores)", run.stdout, re.M)
    # Spun passages are there: the seed article opens the spun documents.
    assert any(b"regulation enforcement" in path.read_bytes() for path in (tmp_path / "docs").glob("*.txt"))


def test_generated_corpus_is_the_same_every_time(tmp_path):
    spec = importlib.util.spec_from_file_location("throughput", ROOT / "bench" / "throughput.py")
    throughput = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(throughput)
    entries = Unspinner().entries
    first = throughput.generate(tmp_path / "first", 0.3, entries)
    second = throughput.generate(tmp_path / "second", 0.3, entries)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert sum(p.stat().st_size for p in first) >= 0.3e6


def test_curated_coverage_counts_rows_changed_and_restored(tmp_path):
    listing = tmp_path / "list.tsv"
    listing.write_text(
        "spun\tcanonical\tnum_papers\tflags\tpps_query\n"
        "counterfeit consciousness\tartificial intelligence (AI)\t3\t\t\"counterfeit consciousness\"\n"
        "purple elephant wrangling\tzoology\t1\t\t\"purple elephant wrangling\"\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "curated_coverage.py"), str(listing), "--misses", "5"],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "2 rows: 1 changed (50.0%), 1 restored (50.0%)" in run.stdout
    assert "unchanged: purple elephant wrangling" in run.stdout


def test_waiver_stats_judges_the_waiver_of_each_entry(tmp_path):
    # The seed keeps a word of its own that news.won.received would take for the spinner's.
    for name in ("spun.txt", "reference.txt"):
        (tmp_path / name).write_bytes((ROOT / "corpora" / "seed" / name).read_bytes())
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "waiver_stats.py"), str(tmp_path), "--show", "50"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    rows = {entry: (int(right), int(wrong), int(clean))
            for right, wrong, clean, entry in re.findall(r"^ *(\d+) +(\d+) +(\d+)  (\S+)$", run.stdout, re.M)}
    # Every entry that could take spin_suffices is judged on the spun examples of all entries too.
    assert len(rows) > 100
    assert rows["news.won.received"][1] >= 1
    assert "- spun.txt: …" in run.stdout and "[received → won]" in run.stdout
