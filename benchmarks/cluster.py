"""Reading many documents on a Dask cluster of this machine, against reading them here.

Run from the project root, with the dask extra installed:
    python benchmarks/cluster.py [--docs 10000] [--repeat 3] [--workers 2]

Generates the collection of ``benchmarks/scale.py`` (``--docs`` documents of about 10 kB:
plain text, Markdown and HTML) in a temporary folder, then reads it, each run in a fresh
process with an empty cache, in four ways:

- ``jobs 1``: this machine, one process; ``jobs 2``: this machine, ``--jobs 2``;
- ``paths``: a local cluster of ``--workers`` single-threaded worker processes that read the
  files themselves (``--scheduler local``);
- ``bytes``: the same cluster, sent each document's bytes (as a cluster of other machines
  that do not share the files is).

``start s`` is the cluster's start (scheduler, workers, the check of their code); ``extract
s`` the call to ``extract`` alone; ``wall s`` the whole process. ``driver ms/doc`` is the CPU
time of the process that asked (not its workers) per document: looking in the cache, sending,
receiving, unpacking and caching the results, the work that stays here however many workers
there are. The cost per document the cluster adds is the difference of the medians of
``extract s`` between a cluster run and ``jobs N`` with as many processes, divided by the
documents. ``others`` is the share of the machine's CPU used by other processes meanwhile.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from scale import CORPORA, ROOT, generate, measured, median

RUN = """
import json, resource, sys, time
from pathlib import Path
from timeline.pipeline import extract
mode, folder, cache, workers = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
def cpu():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime
began = time.perf_counter()
sent = 0
if mode.startswith("jobs"):
    ready, before = time.perf_counter(), cpu()
    result = extract([folder], jobs=int(mode[4:]), cache_dir=cache)
    done, after = time.perf_counter(), cpu()
else:
    import timeline.cluster as cluster_module
    if len(sys.argv) > 5:
        cluster_module.MAX_BATCH = int(sys.argv[5])
    with cluster_module.Cluster("local", workers=workers, shared_files=mode == "paths") as cluster:
        cluster.connect()
        ready, before = time.perf_counter(), cpu()
        result = extract([folder], engine=cluster, cache_dir=cache)
        done, after = time.perf_counter(), cpu()
        sent = cluster.sent_bytes
print(json.dumps({"start": ready - began, "seconds": done - ready,
                  "driver": after - before, "sent": sent,
                  "documents": len(result.documents), "candidates": len(result.candidates),
                  "skipped": len(result.collection.skipped)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents to generate")
    parser.add_argument("--size", type=int, default=10_000, help="characters per document")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the cluster")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each kind; medians shown")
    parser.add_argument("--batch", type=int, default=0, help="documents per task (0: as set)")
    parser.add_argument("--modes", default="jobs1,jobsN,paths,bytes", help="runs to make")
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    args = parser.parse_args()
    modes = [mode.replace("N", str(args.workers)) for mode in args.modes.split(",")]
    with tempfile.TemporaryDirectory(prefix="timeline-cluster-") as name:
        temp = Path(name)
        shutil.copytree(ROOT / "src", temp / "src")  # the same code for every run
        env = {**os.environ, "PYTHONPATH": str(temp / "src")}
        env.pop("TIMELINE_SCHEDULER", None)
        corpus = temp / "corpus"
        corpus.mkdir()
        made = generate(corpus, args.docs, args.size, args.corpora)
        print(f"corpus: {args.docs} documents, {made / 1e6:.1f} MB of text (txt, md, html); "
              f"{os.cpu_count()} cores; cluster: {args.workers} worker processes, 1 thread "
              "each")  # fmt: skip
        print(f"{'run':>6} {'wall s':>7} {'start s':>7} {'extract s':>9} {'docs/s':>7} "
              f"{'driver ms/doc':>13} {'sent MB':>7} {'peak MB':>7} {'others':>6}")  # fmt: skip
        found: dict[str, list[dict]] = {}
        outputs: dict[str, set[tuple[int, int, int]]] = {}
        for attempt in range(max(args.repeat, 1)):
            for mode in modes:
                cache = temp / f"cache-{mode}-{attempt}"
                argv = [sys.executable, "-c", RUN, mode, str(corpus), str(cache),
                        str(args.workers), *([str(args.batch)] if args.batch else [])]  # fmt: skip
                result, wall, peak, others = measured(argv, env)
                result.update(wall=wall, peak=peak)
                found.setdefault(mode, []).append(result)
                outputs.setdefault(mode, set()).add(
                    (result["documents"], result["candidates"], result["skipped"])
                )
                print(f"{mode:>6} {wall:>7.1f} {result['start']:>7.1f} {result['seconds']:>9.1f} "
                      f"{result['documents'] / result['seconds']:>7.0f} "
                      f"{1000 * result['driver'] / args.docs:>13.2f} {result['sent'] / 1e6:>7.0f} "
                      f"{peak / 1e6:>7.0f} {others:>6.0%}", flush=True)  # fmt: skip
                shutil.rmtree(cache, ignore_errors=True)
        summarise(found, outputs, args)


def summarise(found: dict[str, list[dict]], outputs: dict, args: argparse.Namespace) -> None:
    """Medians, and ratios taken run by run (the runs of one round were made one after the
    other, so a change in the machine's load touches both sides of a ratio alike)."""
    jobs = f"jobs{args.workers}"
    print(f"\nmedian of {args.repeat}:")
    seconds = {mode: median([r["seconds"] for r in runs]) for mode, runs in found.items()}
    for mode, runs in found.items():
        driver = median([r["driver"] for r in runs]) / args.docs
        start = median([r["start"] for r in runs])
        print(f"{mode:>6} extract {seconds[mode]:6.1f} s ({args.docs / seconds[mode]:4.0f} "
              f"docs/s), start {start:4.1f} s, driver {1000 * driver:.2f} ms/doc")  # fmt: skip
    for mode in ("paths", "bytes"):
        if mode not in found or jobs not in found:
            continue
        pairs = list(zip(found[mode], found[jobs], strict=True))
        ratio = median([a["seconds"] / b["seconds"] for a, b in pairs])
        added = median([(a["seconds"] - b["seconds"]) / args.docs for a, b in pairs])
        driver = median([(a["driver"] - b["driver"]) / args.docs for a, b in pairs])
        line = (f"{mode}: {ratio:.2f}x the time of --jobs {args.workers}; the cluster adds "
                f"{1000 * added:+.2f} ms per document (wall), {1000 * driver:+.2f} ms of the "
                "driver's CPU")  # fmt: skip
        if "jobs1" in found:
            faster = median([b["seconds"] / a["seconds"] for a, b in zip(found[mode],
                             found["jobs1"], strict=True)])  # fmt: skip
            line += f"; {faster:.2f}x faster than --jobs 1"
        print(line)
    same = len({next(iter(o)) for o in outputs.values()}) == 1 and all(
        len(o) == 1 for o in outputs.values()
    )
    print(f"every run found the same documents and candidates: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
