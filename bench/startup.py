"""Time `import unspin` plus the first repair of a short text, in a fresh process.

    python bench/startup.py [--runs 5]

Prints the median and the worst of the runs, in seconds.
"""

import argparse
import statistics
import subprocess
import sys

PROGRAM = (
    "import time; t = time.perf_counter(); import unspin; "
    "unspin.repair('Denver regulation enforcement and the Lawyer Common agreed.'); "
    "print(time.perf_counter() - t)"
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = [float(subprocess.check_output([sys.executable, "-c", PROGRAM], text=True)) for _ in range(args.runs)]
    print(f"import + first repair: median {statistics.median(times):.3f} s, worst {max(times):.3f} s over {args.runs} runs")


if __name__ == "__main__":
    main()
