"""Start-up cost of the command line, next to a bare Python process.

Run from the project root after installing it:  python benchmarks/startup.py [--runs 15]

The commands are run in turn, round after round (interleaved), so that a change in the
machine's load touches them all alike. Prints each command's median wall time and the median,
over the rounds, of its ratio to ``python -c pass`` measured in the same round. The seeds are
read once first, so ``show`` and ``export`` find every document in the cache: what is measured
is the cost of starting, reading the curated file and rendering. The package's bytecode is
compiled first, as an installation does: with PYTHONDONTWRITEBYTECODE set and an editable
install, every run would otherwise compile the sources again.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import statistics
import subprocess
import sys
import time

TIMELINE = [sys.executable, "-m", "timeline"]
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import timeline'": [sys.executable, "-c", "import timeline"],
    "timeline --help": [*TIMELINE, "--help"],
    "timeline show --help": [*TIMELINE, "show", "--help"],
    "timeline show (seeds, cached)": [*TIMELINE, "show", "--no-color"],
    "timeline export --format csv": [*TIMELINE, "export", "-f", "csv"],
}


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    spec = importlib.util.find_spec("timeline")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)
    for argv in COMMANDS.values():
        timed(argv)  # warm the file cache and the documents' cache
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, argv in COMMANDS.items():
            times[name].append(timed(argv))
    base = times["python -c pass"]
    print(f"{'command':32} {'median ms':>10} {'x python':>9}   ({runs} interleaved rounds)")
    for name, values in times.items():
        ratio = statistics.median(value / b for value, b in zip(values, base, strict=True))
        print(f"{name:32} {statistics.median(values) * 1000:10.1f} {ratio:9.1f}")


if __name__ == "__main__":
    main()
