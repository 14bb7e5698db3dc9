"""Start-up cost of the command line, next to a bare Python process.

Run from the project root after installing it:  python benchmarks/startup.py [--runs 15]
Prints the median wall time of each command and its ratio to ``python -c pass``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import timeline'": [sys.executable, "-c", "import timeline"],
    "timeline --help": [sys.executable, "-m", "timeline", "--help"],
    "timeline show (seeds)": [sys.executable, "-m", "timeline", "show", "--no-color"],
    "timeline export --format csv": [sys.executable, "-m", "timeline", "export", "-f", "csv"],
}


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    medians = {}
    for name, argv in COMMANDS.items():
        timed(argv)  # warm the file cache
        medians[name] = statistics.median(timed(argv) for _ in range(runs))
    base = medians["python -c pass"]
    print(f"{'command':32} {'median ms':>10} {'x python':>9}   ({runs} runs each)")
    for name, value in medians.items():
        print(f"{name:32} {value * 1000:10.1f} {value / base:9.1f}")


if __name__ == "__main__":
    main()
