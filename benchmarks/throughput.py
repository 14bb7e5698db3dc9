"""Throughput of the temporal tagger next to datefinder and dateparser, on the same text.

    PYTHONPATH=src python benchmarks/throughput.py [--corpora PATH] [--size MB] [--runs N]

Builds one text sample from the annotated corpora and the seed documents (repeated up to
``--size`` megabytes), then times, in this one process, ``timeline.tagger.tag``,
``datefinder.find_dates`` and ``dateparser.search.search_dates`` on it: the median of
``--runs`` runs, as megabytes per second, and the ratios. The tagger's and datefinder's runs
alternate, and their ratio is the median of the ratios of each pair of runs (with the range),
so that the machine's load, which moves during a run, weighs on both sides alike. dateparser is
slow, so it gets a smaller slice of the same sample, and its rate is measured on that slice. A
library that is not installed is skipped with a message; neither is a dependency of the project.

Then a linearity check: the tagger's time on growing inputs of seed-like text and of date-like
noise ("1 1 1 …", "2020-2020-…"), with the time per megabyte, which stays flat when the time
grows linearly.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from score_tagger import read_tbaq, read_wikiwars  # noqa: E402

from timeline.tagger import tag  # noqa: E402

MB = 1_000_000


def sample(corpora: Path, size: int) -> str:
    """Corpus and seed text, joined by blank lines, repeated or cut to ``size`` characters."""
    texts: list[str] = []
    if (corpora / "tbaq").is_dir():
        texts += [doc.text for doc in read_tbaq(corpora / "tbaq")]
    if (corpora / "wikiwars-dev").is_dir():
        texts += [doc.text for doc in read_wikiwars(corpora / "wikiwars-dev")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if not texts:
        raise SystemExit("throughput: no corpora and no seeds to build a sample from")
    blob = "\n\n".join(texts)
    while len(blob) < size:
        blob += "\n\n" + blob
    return blob[:size]


def median_seconds(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _optional(module: str) -> object | None:
    try:
        return importlib.import_module(module)
    except ImportError:
        print(f"  {module} is not installed: skipped (pip install {module.split('.')[0]})")
        return None


def throughput(text: str, runs: int, slow_share: float) -> None:
    print(f"\n== throughput on {len(text) / MB:.2f} MB of corpus and seed text, median of {runs}")
    ours = lambda: tag(text)  # noqa: E731
    tools: dict[str, Callable[[], object]] = {}
    datefinder = _optional("datefinder")
    if datefinder is not None:
        tools["datefinder.find_dates"] = lambda: list(datefinder.find_dates(text))  # type: ignore[attr-defined]
    # The runs alternate (ours, then each other tool), so that a change in the machine's load
    # during the benchmark weighs on both sides of each ratio alike.
    ours_times: list[float] = []
    times: dict[str, list[float]] = {name: [] for name in tools}
    ratios: dict[str, list[float]] = {name: [] for name in tools}
    for _ in range(runs):
        ours_time = median_seconds(ours, 1)
        ours_times.append(ours_time)
        for name, run in tools.items():
            seconds = median_seconds(run, 1)
            times[name].append(seconds)
            ratios[name].append(seconds / ours_time)
    rates = {"timeline tag": len(text) / MB / statistics.median(ours_times)}
    shown = {"timeline tag": ""}
    for name in tools:
        rates[name] = len(text) / MB / statistics.median(times[name])
        low, mid, high = min(ratios[name]), statistics.median(ratios[name]), max(ratios[name])
        shown[name] = f"{mid:7.1f}x  ({low:.1f}-{high:.1f}x run by run)"
    search = _optional("dateparser.search")
    if search is not None:
        piece = text[: int(len(text) * slow_share)]
        call = lambda: search.search_dates(piece, languages=["en"])  # type: ignore[attr-defined]  # noqa: E731
        call()  # dateparser loads its language data on first use
        seconds = median_seconds(call, max(1, runs // 2))
        rates["dateparser.search_dates"] = len(piece) / MB / seconds
        shown["dateparser.search_dates"] = (
            f"{rates['timeline tag'] / rates['dateparser.search_dates']:7.1f}x"
        )
    print(f"  {'tagger':28s} {'MB/s':>8s}  {'ours is':>8s}")
    for name, rate in rates.items():
        print(f"  {name:28s} {rate:8.3f}  {shown[name]}")


NOISE = {
    "seed-like text": None,
    "'1 1 1 …'": "1 ",
    "'2020-2020-…'": "2020-",
    "'May 1, May 1, …'": "May 1, ",
    "'in 1999 in 1999 …'": "in 1999 ",
}


def linearity(seed_text: str, sizes: list[int]) -> None:
    print("\n== linearity: seconds (and seconds per MB) by input size, one line per input")
    print(f"  {'input':22s}" + "".join(f"{size // 1000:>10d} KB" for size in sizes))
    for label, unit in NOISE.items():
        cells = []
        for size in sizes:
            if unit is None:
                text = (seed_text * (size // max(1, len(seed_text)) + 1))[:size]
            else:
                text = (unit * (size // len(unit) + 1))[:size]
            seconds = median_seconds(lambda t=text: tag(t), 1)
            cells.append(f"{seconds:6.2f}({seconds / (size / MB):4.2f})")
        print(f"  {label:22s}" + "".join(f"{c:>13s}" for c in cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT / ".." / "shared" / "corpora")
    parser.add_argument("--size", type=float, default=1.0, help="sample size in MB")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dateparser-share", type=float, default=0.02,
                        help="share of the sample given to dateparser (it is slow)")  # fmt: skip
    parser.add_argument("--no-linearity", action="store_true")
    args = parser.parse_args(argv)
    text = sample(args.corpora, int(args.size * MB))
    throughput(text, args.runs, args.dateparser_share)
    if not args.no_linearity:
        paths = sorted((ROOT / "seeds").glob("*.txt"))
        seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in paths)
        linearity(seeds, [125_000, 250_000, 500_000, 1_000_000])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
