"""Reading many documents: first and cached runs, documents per second, peak memory; then
``show``, ``check`` and ``review`` over the whole collection.

Run from the project root:  python benchmarks/scale.py [--docs 10000] [--jobs 1,2] [--repeat 3]
                                [--commands show,check,review] [--skip-extract] [--src DIR]

Generates a corpus of ``--docs`` documents (about 10 kB each: plain text, Markdown and HTML)
from the development corpora's text (../shared/corpora) in a temporary folder, then for each
``--jobs`` value runs the extraction twice in a fresh process with an empty cache: the first
run reads and tags everything, the second finds every document in the cache. ``wall s`` is
the whole process (start, imports, the run, exit); ``extract s`` is the call to
``timeline.pipeline.extract`` alone. Generating the corpus is not timed. Peak memory is the
largest resident size of the whole process tree (the run and its workers), sampled every
50 ms. With ``--repeat``, the runs are repeated (interleaved, each first run with an empty
cache) and medians are shown. ``others`` is the share of the machine's CPU time that other
processes used during a run (anything above a few per cent slows it down).

Then each of ``--commands`` runs as a user runs it (``python -m timeline COMMAND CORPUS``, with
the largest ``--jobs`` value, output to /dev/null) in a project folder whose curated file is
empty, on a cache made beforehand (not timed), ``--repeat`` times interleaved: wall time and
peak memory of each, and ``check`` and ``review`` against ``show`` (target: within 2x of
``show``'s time, under 500 MB). ``--src`` measures another copy of the code.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"

RUN = """
import json, sys, time
from pathlib import Path
from timeline.pipeline import extract
start = time.perf_counter()
result = extract([Path(sys.argv[1])], jobs=int(sys.argv[2]), cache_dir=Path(sys.argv[3]))
print(json.dumps({"seconds": time.perf_counter() - start, "documents": len(result.documents),
                  "candidates": len(result.candidates), "cached": result.cached,
                  "skipped": len(result.collection.skipped)}))
"""


def paragraphs(corpora: Path) -> list[str]:
    """The plain text of the corpora's articles, as paragraphs."""
    found: list[str] = []
    for path in sorted(corpora.rglob("*")):
        if path.suffix not in (".tml", ".xml"):
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
        if body is None:
            continue
        text = re.sub(r"<[^>]+>", "", body.group(1))
        for block in re.split(r"\n\s*\n", text):
            block = " ".join(block.split())
            if len(block) > 40:
                found.append(block)
    return found


def document(number: int, pool: list[str], rng: random.Random, size: int) -> tuple[str, str]:
    """One generated document: its file name and text, unique by its first line."""
    chosen, length = [], 0
    while length < size:
        chosen.append(rng.choice(pool))
        length += len(chosen[-1]) + 2
    kind = number % 10
    if kind == 0:
        body = "\n\n".join(
            f"**{p[:30]}**{p[30:]}" if i % 3 == 0 else p for i, p in enumerate(chosen)
        )
        return f"{number:05d}.md", f"# Document {number}\n\n{body}\n"
    if kind == 1:
        paras = "\n".join(f"<p>{p}</p>" for p in chosen)
        return f"{number:05d}.html", (
            f"<!DOCTYPE html><html><head><title>Document {number}</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/2019'>2019</a></nav>"
            f"<article><h1>Document {number}</h1>\n{paras}</article>"
            "<footer>Updated 1 March 2023</footer></body></html>\n"
        )
    return f"{number:05d}.txt", f"Document {number}\n\n" + "\n\n".join(chosen) + "\n"


def generate(folder: Path, count: int, size: int, corpora: Path) -> int:
    pool = paragraphs(corpora)
    if not pool:
        sys.exit(f"no corpus text found under {corpora}")
    rng = random.Random(20240517)
    total = 0
    for number in range(count):
        name, text = document(number, pool, rng, size)
        sub = folder / f"{number // 1000:02d}"
        sub.mkdir(exist_ok=True)
        total += (sub / name).write_text(text, encoding="utf-8")
    return total


def tree_usage(pid: int) -> tuple[int, dict[int, float]]:
    """Resident bytes of ``pid`` and all its descendants, and the CPU seconds each has used."""
    children: dict[int, list[int]] = {}
    used: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            used[int(entry)] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
        except (OSError, IndexError, ValueError):
            continue
    total, todo, tree = 0, [pid], {}
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        tree[current] = used.get(current, 0.0)
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    return total, tree


def machine_busy() -> float:
    """CPU seconds used on every core since boot, by anything (from /proc/stat)."""
    with open("/proc/stat") as handle:
        fields = [int(value) for value in handle.readline().split()[1:9]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # less idle, iowait


def measured(
    argv: list[str],
    env: dict[str, str],
    *,
    cwd: Path | None = None,
    output: bool = True,
    allowed: tuple[int, ...] = (0,),
) -> tuple[dict, float, int, float]:
    """Run ``argv``; its printed result (JSON, when ``output``), wall time, the tree's peak
    resident bytes, and the share of the machine's CPU that other processes used meanwhile."""
    busy, start = machine_busy(), time.perf_counter()
    stdout = subprocess.PIPE if output else subprocess.DEVNULL
    stderr = None if output else subprocess.DEVNULL
    process = subprocess.Popen(argv, stdout=stdout, stderr=stderr, env=env, text=True, cwd=cwd)
    peak, cpu = [0], {}

    def sample() -> None:
        while process.poll() is None:
            rss, tree = tree_usage(process.pid)
            peak[0] = max(peak[0], rss)
            for member, seconds in tree.items():
                cpu[member] = max(cpu.get(member, 0.0), seconds)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    others = max(machine_busy() - busy - sum(cpu.values()), 0.0) / (wall * (os.cpu_count() or 1))
    if process.returncode not in allowed:
        sys.exit(f"run failed ({process.returncode}): {' '.join(argv)}")
    return (json.loads(out) if output else {}), wall, peak[0], others


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def measure_all(
    corpus: Path, temp: Path, env: dict[str, str], jobs_values: list[int], repeat: int
) -> dict[tuple[int, str], list[tuple[dict, float, int]]]:
    """Each --jobs value's first and cached runs, ``repeat`` times, interleaved so that a
    change in the machine's load touches every column alike."""
    print(f"{'jobs':>4} {'run':>6} {'wall s':>7} {'extract s':>9} {'docs/s':>7} {'peak MB':>7} "
          f"{'cached':>6} {'candidates':>10} {'others':>6}")  # fmt: skip
    found: dict[tuple[int, str], list[tuple[dict, float, int]]] = {}
    for attempt in range(repeat):
        for jobs in jobs_values:
            cache = temp / f"cache-{jobs}-{attempt}"
            for run in ("first", "cached"):
                argv = [sys.executable, "-c", RUN, str(corpus), str(jobs), str(cache)]
                result, wall, peak, others = measured(argv, env)
                found.setdefault((jobs, run), []).append((result, wall, peak))
                print(f"{jobs:>4} {run:>6} {wall:>7.1f} {result['seconds']:>9.1f} "
                      f"{result['documents'] / wall:>7.0f} {peak / 1e6:>7.0f} "
                      f"{result['cached']:>6} {result['candidates']:>10} {others:>6.0%}",
                      flush=True)  # fmt: skip
            shutil.rmtree(cache, ignore_errors=True)
    return found


def summarise(found: dict[tuple[int, str], list[tuple[dict, float, int]]], repeat: int) -> None:
    print(f"\nmedian of {repeat} (peak: the largest):")
    walls = {key: median([wall for _, wall, _ in runs]) for key, runs in found.items()}
    for (jobs, run), runs in found.items():
        peak = max(p for _, _, p in runs)
        rate = runs[0][0]["documents"] / walls[jobs, run]
        print(f"{jobs:>4} {run:>6} {walls[jobs, run]:>7.1f} s {rate:>7.0f} docs/s "
              f"{peak / 1e6:>5.0f} MB")  # fmt: skip
    for jobs in sorted({jobs for jobs, _ in walls}):
        share = walls[jobs, "cached"] / walls[jobs, "first"]
        print(f"cached run / first run, --jobs {jobs}: {share:.1%} (target: under 10%)")
    if (1, "first") in walls and (2, "first") in walls:
        speed_up = walls[1, "first"] / walls[2, "first"]
        print(f"speed-up of --jobs 2 over --jobs 1 (first runs): {speed_up:.2f}x (target: 1.6x)")
    peak = max(p for runs in found.values() for _, _, p in runs)
    print(f"peak memory: {peak / 1e6:.0f} MB (target: under 500 MB)")


#: Exit codes that are results, not failures: check exits 1 when it finds errors.
COMMAND_EXITS = {"check": (0, 1)}


def measure_commands(
    corpus: Path, temp: Path, env: dict[str, str], commands: list[str], jobs: int, repeat: int
) -> dict[str, list[tuple[float, int]]]:
    """Each command's wall time and peak memory on a warm cache, ``repeat`` times, interleaved."""
    project = temp / "project"
    (project / "data").mkdir(parents=True)
    (project / "data" / "events.yaml").write_text("events: {}\n", encoding="utf-8")
    cache = temp / "cache-commands"
    env = {**env, "TIMELINE_CACHE_DIR": str(cache)}
    warm = [sys.executable, "-c", RUN, str(corpus), str(jobs), str(cache)]
    measured(warm, env)  # the cache every command then reads (not timed)
    print(f"\n{'command':>8} {'wall s':>7} {'peak MB':>7} {'others':>6}")
    found: dict[str, list[tuple[float, int]]] = {}
    for _ in range(repeat):
        for command in commands:
            argv = [sys.executable, "-m", "timeline", command, str(corpus), "--jobs", str(jobs)]
            allowed = COMMAND_EXITS.get(command, (0,))
            _, wall, peak, others = measured(argv, env, cwd=project, output=False, allowed=allowed)
            found.setdefault(command, []).append((wall, peak))
            print(f"{command:>8} {wall:>7.1f} {peak / 1e6:>7.0f} {others:>6.0%}", flush=True)
    return found


def summarise_commands(found: dict[str, list[tuple[float, int]]], repeat: int) -> None:
    print(f"\nmedian of {repeat} (peak: the largest):")
    walls = {command: median([wall for wall, _ in runs]) for command, runs in found.items()}
    for command, runs in found.items():
        print(f"{command:>8} {walls[command]:>7.1f} s {max(p for _, p in runs) / 1e6:>5.0f} MB")
    if "show" in walls:
        for command in ("check", "review"):
            if command in walls:
                ratio = walls[command] / walls["show"]
                print(f"{command} / show: {ratio:.2f}x (target: within 2x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents to generate")
    parser.add_argument("--size", type=int, default=10_000, help="characters per document")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each kind; medians shown")
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument(
        "--commands", default="show,check,review", help="commands to time ('' for none)"
    )
    parser.add_argument("--skip-extract", action="store_true", help="time the commands only")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the code to measure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="timeline-scale-") as name:
        temp = Path(name)
        # A snapshot of the code, so every run measures the same code (and the cache's
        # fingerprint of it stays the same between the first and the cached run).
        shutil.copytree(args.src, temp / "src")
        env = {**os.environ, "PYTHONPATH": str(temp / "src")}
        corpus = temp / "corpus"
        corpus.mkdir()
        made = generate(corpus, args.docs, args.size, args.corpora)
        print(f"corpus: {args.docs} documents, {made / 1e6:.1f} MB of text (txt, md, html); "
              f"{os.cpu_count()} cores")  # fmt: skip
        jobs_values = [int(j) for j in args.jobs.split(",")]
        repeat = max(args.repeat, 1)
        if not args.skip_extract:
            found = measure_all(corpus, temp, env, jobs_values, repeat)
            summarise(found, repeat)
        commands = [c for c in args.commands.split(",") if c]
        if commands:
            timed = measure_commands(corpus, temp, env, commands, max(jobs_values), repeat)
            summarise_commands(timed, repeat)


if __name__ == "__main__":
    main()
