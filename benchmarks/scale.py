"""Reading many documents: first and cached runs, documents per second, peak memory.

Run from the project root:  python benchmarks/scale.py [--docs 10000] [--jobs 1,2]

Generates a corpus of ``--docs`` documents (about 10 kB each: plain text, Markdown and HTML)
from the development corpora's text (../shared/corpora) in a temporary folder, then for each
``--jobs`` value runs the extraction twice in a fresh process with an empty cache: the first
run reads and tags everything, the second finds every document in the cache. Peak memory is
the largest resident size of the whole process tree (the run and its workers), sampled.
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


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    return total


def measured(argv: list[str], env: dict[str, str]) -> tuple[dict, float, int]:
    """Run ``argv``; its printed result, wall time and the tree's peak resident bytes."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, env=env, text=True)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    if process.returncode:
        sys.exit(f"run failed: {' '.join(argv)}")
    return json.loads(out), wall, peak[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents to generate")
    parser.add_argument("--size", type=int, default=10_000, help="characters per document")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values")
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="timeline-scale-") as temp:
        # A snapshot of the code, so every run measures the same code (and the cache's
        # fingerprint of it stays the same between the first and the cached run).
        shutil.copytree(ROOT / "src", Path(temp) / "src")
        env = {**os.environ, "PYTHONPATH": str(Path(temp) / "src")}
        corpus = Path(temp) / "corpus"
        corpus.mkdir()
        made = generate(corpus, args.docs, args.size, args.corpora)
        print(f"corpus: {args.docs} documents, {made / 1e6:.1f} MB of text (txt, md, html)")
        print(f"{'jobs':>4} {'run':>6} {'wall s':>8} {'docs/s':>8} {'peak MB':>8} "
              f"{'cached':>7} {'candidates':>10}")  # fmt: skip
        firsts: dict[int, float] = {}
        for jobs in (int(j) for j in args.jobs.split(",")):
            cache = Path(temp) / f"cache-{jobs}"
            for run in ("first", "cached"):
                argv = [sys.executable, "-c", RUN, str(corpus), str(jobs), str(cache)]
                result, wall, peak = measured(argv, env)
                firsts.setdefault(jobs, wall)
                print(f"{jobs:>4} {run:>6} {wall:>8.1f} {result['documents'] / wall:>8.0f} "
                      f"{peak / 1e6:>8.0f} {result['cached']:>7} {result['candidates']:>10}",
                      flush=True)  # fmt: skip
        if 1 in firsts and 2 in firsts:
            print(f"speed-up of --jobs 2 over --jobs 1 (first runs): {firsts[1] / firsts[2]:.2f}x")


if __name__ == "__main__":
    main()
