"""Benchmark: how long a large user lexicon takes to load and compile.

    python bench/lexicon_load.py [ENTRIES]     (default 100,000)

Writes a generated lexicon (each entry with an id, a two-word spun form, a
canonical form and one example) to a temporary folder, then times
`load_file` alone and a first repair through `Unspinner` (load + matcher).
"""

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
        started = time.perf_counter()
        lexicon = load_file(path)
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        fixed = Unspinner(extra_lexicons=[str(path)]).repair(f"a spunword{count - 1} phrase")
        compiled = time.perf_counter() - started
    assert len(lexicon.entries) == count and fixed == f"a canon{count - 1}"
    print(f"{count} entries ({size:.1f} MB): load_file {loaded:.2f} s; Unspinner + first repair {compiled:.2f} s")


if __name__ == "__main__":
    main()
