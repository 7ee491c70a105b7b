"""Benchmark: how long a large user lexicon takes to load and compile.

    PYTHONPATH=. python bench/lexicon_load.py [ENTRIES]     (default 100,000)

(PYTHONPATH=. makes it measure this checkout, not an installed unspin.)

Writes a generated lexicon (each entry with an id, a two-word spun form, a
canonical form and one example) to a temporary folder, then times
`load_file` alone and a first repair through `Unspinner` (load + matcher).
"""

import contextlib
import sys
import tempfile
import time
from pathlib import Path

from unspin import Unspinner
from unspin.lexicon import load_file


def write_lexicon(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("name: generated\nentries:\n")
        for i in range(count):
            out.write(
                f"  - id: generated.e{i}\n    spun: [spunword{i} phrase]\n    canonical: canon{i}\n"
                f"    examples:\n      - spun: a spunword{i} phrase here\n        fixed: a canon{i} here\n"
            )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.yaml"
        write_lexicon(path, count)
        size = path.stat().st_size / 1e6
        with timed(f"{count} entries ({size:.1f} MB): load_file"):
            lexicon = load_file(path)
        with timed("Unspinner (load + compile) and a first repair"):
            fixed = Unspinner(extra_lexicons=[str(path)]).repair(f"a spunword{count - 1} phrase")
    assert len(lexicon.entries) == count and fixed == f"a canon{count - 1}"


@contextlib.contextmanager
def timed(what: str):
    # CPU time beside wall time: this machine is shared, and wall time alone
    # swings with whatever else runs.
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    print(f"{what}: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU", flush=True)


if __name__ == "__main__":
    main()
