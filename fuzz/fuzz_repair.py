"""Coverage-guided fuzzing of the repair pipeline with atheris (optional, not in CI).

    pip install atheris
    PYTHONPATH=. python fuzz/fuzz_repair.py -atheris_runs=100000 [CORPUS_DIR]

Each input is decoded as UTF-8 (invalid bytes replaced) and repaired at every
level, with and without spin assumed.  Any exception, a change whose span does
not fit the input, or changes that do not replay to the output is a crash that
atheris reports with the input that caused it.
"""

import sys

import atheris

with atheris.instrument_imports():
    from unspin import Unspinner
    from unspin.context import LEVELS
    from unspin.testing import check_invariants

UNSPINNERS = [Unspinner(level=level, assume_spun=spun) for level in LEVELS for spun in (None, True)]


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    for unspinner in UNSPINNERS:
        check_invariants(unspinner, text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
