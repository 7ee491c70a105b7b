"""Throughput benchmark: repair speed beside bare scans, peak memory, and jobs.

    python bench/throughput.py [--size-mb 50] [--repeats 3] [--workdir DIR]

Generates a deterministic corpus of at least --size-mb MB (10^6 UTF-8 bytes)
of prose from corpora/: contiguous passages of the clean texts, a third of the
documents spun (the seed article, and clean passages in which canonical
wording of the built-in lexicons is turned back into its spun forms).  Then,
in the same run, with the repeats interleaved so that a slow moment of the
machine hits every method alike, it measures:

- a bare `re.finditer(r"\\w+")` pass over every document (a ceiling for any
  word-level Python pass);
- a bare ahocorasick-rs scan of the lower-cased documents for the same folded
  spun forms (leftmost-longest, no boundaries, no context: the fastest bare
  multi-pattern matcher measured in shared notes);
- `Unspinner().repair` at the default level with all built-in lexicons, one
  call per document, and once on the whole corpus as one string; and per
  document with inference of unlisted phrases (`infer=True`);
- peak resident memory of `python -m unspin fix FILE` on single files of
  growing size (a separate process for each; its VmHWM);
- `unspin fix --jobs 1` and `--jobs 2 --out-dir` over the directory of
  documents: wall time and CPU time, start-up included; before and after each
  pair of runs, two copies of a plain CPU loop, to show how much of two cores
  the machine gave (a pair counts towards the speed-up only on two cores).

Single-process speeds are MB per CPU second of this process (per-core speed,
steady when other work shares the machine); the command-line runs are wall-clock.
All are medians of the repeats.  This is a measurement, never a test.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ahocorasick_rs  # noqa: E402

from unspin import Unspinner  # noqa: E402
from unspin.case import carry_case  # noqa: E402
from unspin.lexicon import fold_form  # noqa: E402

SEED = 20261130
CLEAN = sorted((ROOT / "corpora" / "clean").glob("*.txt"))
SPUN_ARTICLE = ROOT / "corpora" / "seed" / "spun.txt"
DOCUMENT_BYTES = (40_000, 160_000)
SPUN_SHARE = 1 / 3
# How often a canonical phrase in a spun passage is turned into a spun form.
SPIN_RATE = 0.6
WORD = re.compile(r"\w+")


def spinner_for(entries):
    """A function that turns canonical wording back into spun forms, as a spinner would."""
    spun_of = {}
    for entry in entries:
        spun_of.setdefault(fold_form(entry.canonical), []).extend(entry.spun)
    if not spun_of:
        return lambda text, rng: text
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(spun_of, key=len, reverse=True)) + r")(?!\w)",
        re.IGNORECASE,
    )

    def spin(text, rng):
        def replace(match):
            if rng.random() >= SPIN_RATE:
                return match.group(0)
            form = rng.choice(spun_of[fold_form(match.group(0))])
            return carry_case(match.group(0), form)

        return pattern.sub(replace, text)

    return spin


def generate(directory: Path, size_mb: float, entries) -> list:
    """Write documents totalling at least size_mb MB into directory; return their paths."""
    # Two generators: the documents' layout (sizes, which are spun, which
    # passages) draws from one, the spinner's choices from the other.  With
    # one, every entry added changed how many numbers spinning drew, and so
    # the rest of the corpus: 150 of 463 documents spun with one version of
    # the lexicons, 163 of 459 with the next, 17% more changes to make.
    rng = random.Random(SEED)
    spin_rng = random.Random(SEED + 1)
    sources = [path.read_text(encoding="utf-8") for path in CLEAN]
    article = SPUN_ARTICLE.read_text(encoding="utf-8")
    spin = spinner_for(entries)
    directory.mkdir(parents=True, exist_ok=True)
    paths, total = [], 0
    while total < size_mb * 1e6:
        target = rng.randint(*DOCUMENT_BYTES)
        parts, length = [], 0
        spun = rng.random() < SPUN_SHARE
        if spun:
            parts.append(article)
            length += len(article)
        while length < target:
            source = rng.choice(sources)
            start = source.find("\n", rng.randrange(len(source) - 20_000)) + 1
            passage = source[start : start + rng.randint(2_000, 20_000)]
            passage = passage[: passage.rfind("\n") + 1] or passage
            parts.append(spin(passage, spin_rng) if spun else passage)
            length += len(passage)
        path = directory / f"doc{len(paths):05d}.txt"
        data = "\n\n".join(parts).encode("utf-8")
        path.write_bytes(data)
        paths.append(path)
        total += len(data)
    return paths


def bare_word_pass(documents):
    return sum(sum(1 for _ in WORD.finditer(text)) for text in documents)


def bare_automaton(entries):
    keys = sorted({fold_form(form) for entry in entries for form in entry.spun})
    automaton = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return lambda documents: sum(len(automaton.find_matches_as_indexes(text.lower())) for text in documents)


def cpu_timed(function, argument):
    """CPU seconds of this process: per-core speed, steady on a machine that others share."""
    start = time.process_time()
    function(argument)
    return time.process_time() - start


def fix_with_jobs(directory: Path, jobs: int, out_dir: Path) -> tuple:
    """(wall seconds, CPU seconds) of `unspin fix --jobs N --out-dir OUT DIRECTORY`, start-up included."""
    shutil.rmtree(out_dir, ignore_errors=True)
    command = [sys.executable, "-m", "unspin", "fix", "--jobs", str(jobs), "--out-dir", str(out_dir), "--quiet", str(directory)]
    before = os.times()
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = os.times()
    if len(list(out_dir.glob("*.txt"))) != len(list(directory.glob("*.txt"))):
        raise SystemExit(f"unspin fix --jobs {jobs} did not write every document to {out_dir}")
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


# A pure-Python loop of about a second that prints the CPU time it got.
_CPU_LOOP = "import time\ntotal = 0\nfor i in range(20_000_000):\n    total += i\nprint(time.process_time())"


# Two CPU loops that got this many CPU seconds per wall second had two cores.
TWO_CORES = 1.9


def cores_available() -> float:
    """Two copies of the CPU loop at once: the CPU seconds they got per second of wall time.

    2.0 when both had a core to themselves; less when the machine gave them less."""
    start = time.perf_counter()
    loops = [subprocess.Popen([sys.executable, "-c", _CPU_LOOP], stdout=subprocess.PIPE, text=True) for _ in range(2)]
    cpu = sum(float(loop.communicate()[0]) for loop in loops)
    return cpu / (time.perf_counter() - start)


# Runs `unspin fix PATH` in this process and prints its peak resident memory.
# VmHWM is per process image and starts afresh at exec; the rusage of a child
# would instead carry over the peak of the (large) benchmark process that forked it.
_PEAK_OF_FIX = """
import os, sys
from unspin.cli import main
sys.stdout = open(os.devnull, "w")
status = main(["fix", sys.argv[1]])
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
sys.stderr.write(peak.split()[1] + "\\n")
sys.exit(status)
"""


def peak_memory_mb(path: Path) -> float:
    """Peak RSS of `unspin fix` over `path`, in MB."""
    run = subprocess.run([sys.executable, "-c", _PEAK_OF_FIX, str(path)], cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"unspin fix {path} failed: {run.stderr.strip()}")
    return int(run.stderr.split()[-1]) / 1024  # kB


def join_documents(paths, size_mb: float, target: Path) -> Path:
    """One file of at least size_mb MB: the documents in order, again from the first if need be."""
    with target.open("wb") as out:
        while out.tell() < size_mb * 1e6:
            for path in paths:
                out.write(path.read_bytes())
                out.write(b"\n\n")
                if out.tell() >= size_mb * 1e6:
                    break
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=50.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workdir", type=Path, help="where the corpus is written (default: a temporary folder)")
    parser.add_argument("--memory-sizes", default="10,50", help="single-file sizes in MB for the peak-memory runs")
    args = parser.parse_args(argv)

    unspinner = Unspinner()
    # The optional n-gram model (extra `ngram`, `--ngram`): what it costs.
    with_ngram = Unspinner(ngram=True)
    inferring = Unspinner(infer=True)
    entries = unspinner.entries
    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.workdir or Path(scratch)
        paths = generate(workdir / "docs", args.size_mb, entries)
        documents = [p.read_text(encoding="utf-8") for p in paths]
        corpus = "\n\n".join(documents)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        lexicons = ", ".join(lexicon.name for lexicon in unspinner.lexicons)
        forms = sum(len(entry.spun) for entry in entries)
        print(f"corpus: {len(paths)} documents, {megabytes:.1f} MB; lexicons: {lexicons} ({len(entries)} entries, {forms} spun forms)")
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load}\n")

        automaton = bare_automaton(entries)
        methods = {
            r"bare re.finditer(r'\w+') per document": (bare_word_pass, documents),
            "bare ahocorasick-rs, lower-cased, same forms": (automaton, documents),
            "repair(), default level, per document": (lambda docs: sum(len(unspinner.repair(t)) for t in docs), documents),
            "repair(ngram=True), with the optional n-gram model": (
                lambda docs: sum(len(with_ngram.repair(t)) for t in docs),
                documents,
            ),
            "repair(), whole corpus as one string": (lambda text: len(unspinner.repair(text)), corpus),
            # The same with inference of unlisted phrases (unspin.infer, off by default): what it costs.
            "repair(infer=True), per document": (lambda docs: sum(len(inferring.repair(t)) for t in docs), documents),
        }
        seconds = {name: [] for name in methods}
        for _ in range(args.repeats):
            for name, (function, argument) in methods.items():
                seconds[name].append(cpu_timed(function, argument))
        word_pass = statistics.median(seconds[next(iter(methods))])
        print("| method (one process) | MB/s of CPU time (median) | × bare \\w+ pass |")
        print("|---|---|---|")
        for name, times in seconds.items():
            median = statistics.median(times)
            print(f"| {name} | {megabytes / median:.1f} | {word_pass / median:.2f} |")

        results = [unspinner.analyze(t) for t in documents]
        spun = [r for r in results if r.evidence.spun]
        spun_rate = 1000 * sum(len(r.changes) for r in spun) / max(1, sum(r.evidence.words for r in spun))
        seed = unspinner.analyze(SPUN_ARTICLE.read_text(encoding="utf-8"))
        print(
            f"\nrepair made {sum(len(r.changes) for r in results)} changes; {len(spun)} of {len(documents)} documents "
            f"counted as spun, with {spun_rate:.0f} changes per 1,000 words (the seed article: "
            f"{1000 * len(seed.changes) / seed.evidence.words:.0f})"
        )
        del results

        print("\n| single file | peak RSS of `unspin fix FILE` |")
        print("|---|---|")
        for size in [float(s) for s in args.memory_sizes.split(",")]:
            single = join_documents(paths, size, workdir / f"single-{size:g}MB.txt")
            print(f"| {single.stat().st_size / 1e6:.0f} MB | {peak_memory_mb(single):.0f} MB |")
            single.unlink()

        # The command line as a user runs it: start-up, lexicon loading, reading
        # and atomic writing included.  Wall time is what the user waits; CPU
        # time (all processes) shows what the workers cost beyond one process.
        # A virtual machine's second core may be shared with other guests, so
        # two busy processes are timed before and after each pair of runs: a
        # speed-up says something about --jobs only when both got two cores.
        print("\n| `unspin fix --jobs N --out-dir` over the directory, pair | cores got before, after | --jobs 1: wall s (CPU s) | --jobs 2: wall s (CPU s) | speed-up (wall) |")
        print("|---|---|---|---|---|")
        speedups, on_two_cores = [], []
        for pair in range(1, args.repeats + 1):
            before = cores_available()
            one, two = (fix_with_jobs(workdir / "docs", jobs, workdir / "fixed") for jobs in (1, 2))
            after = cores_available()
            speedups.append(one[0] / two[0])
            if min(before, after) >= TWO_CORES:
                on_two_cores.append(speedups[-1])
            print(f"| {pair} | {before:.2f}, {after:.2f} | {one[0]:.2f} ({one[1]:.2f}) | {two[0]:.2f} ({two[1]:.2f}) | {speedups[-1]:.2f}× |")
        if on_two_cores:
            print(f"\n--jobs 2 over --jobs 1: {statistics.median(on_two_cores):.2f}×, the median of the {len(on_two_cores)} "
                  f"of {len(speedups)} pairs run on two whole cores (two CPU loops got {TWO_CORES} or more CPU seconds per wall second)")
        else:
            print(f"\n--jobs 2 over --jobs 1: no pair ran on two whole cores; the median of all {len(speedups)} "
                  f"pairs is {statistics.median(speedups):.2f}×")
        shutil.rmtree(workdir / "fixed", ignore_errors=True)


if __name__ == "__main__":
    main()
