"""The timeline as a chronology: one entry per happening, dated right, titled well.

    PYTHONPATH=src python benchmarks/events.py [--corpora PATH] [--rounds N] [--show N]

Accuracy: builds the timeline of the 22 documents of ``events-dev/`` (publication dates from
its ``published.tsv``, as a curated file would give them), writes it as ``export --format
json`` does, and scores it with the corpus's own ``score.py`` (recall of happenings, date
right, noise, duplicates, title ROUGE-1 and the share of titles scoring 0.5 or more).

Cost: the event stage (sentences, asides, titles, grouping: ``events.candidates``) against the
tagger alone, in milliseconds per MB of text, over the TempEval-3 TimeBank and WikiWars
documents; rounds alternate the two and the medians are printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from timeline.curation import parse_curation  # noqa: E402
from timeline.dates import DateValue  # noqa: E402
from timeline.events import candidates  # noqa: E402
from timeline.models import Document  # noqa: E402
from timeline.pipeline import build  # noqa: E402
from timeline.render import render  # noqa: E402
from timeline.tagger import tag  # noqa: E402


def accuracy(corpus: Path, show: int) -> str:
    """The score.py summary of the dev set, built through the library."""
    published = {}
    for line in (corpus / "published.tsv").read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            name, value = line.split("\t")
            published[f"docs/{name}"] = value
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        for path in sorted((corpus / "docs").glob("*.txt")):
            (docs / path.name).write_bytes(path.read_bytes())
        curated = "sources:\n" + "".join(
            f"  {path}:\n    published: {value}\n" for path, value in published.items()
        )
        here = os.getcwd()
        os.chdir(tmp)
        try:
            timeline = build([Path("docs")], curation=parse_curation(curated, "events.yaml"),
                             cache=False, jobs=1)  # fmt: skip
            exported = render("json", timeline.events)
        finally:
            os.chdir(here)
        out = Path(tmp) / "timeline.json"
        out.write_text(exported, encoding="utf-8")
        args = [sys.executable, str(corpus / "score.py"), str(corpus), "--json", str(out)]
        if show:
            args += ["--show", str(show)]
        result = subprocess.run(args, capture_output=True, text=True, check=True)
    return result.stdout


def texts(corpora: Path) -> list[tuple[str, DateValue | None]]:
    """The plain texts of the TimeBank and WikiWars documents (markup stripped)."""
    import re

    tag_re = re.compile(r"<[^>]+>")
    found = []
    for path in sorted((corpora / "tbaq" / "TimeBank").glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        body = raw.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
        found.append((tag_re.sub("", body), DateValue.parse("1998-03-01")))
    for path in sorted((corpora / "wikiwars-dev").glob("*.xml")):
        found.append((tag_re.sub("", path.read_text(encoding="utf-8")), None))
    return found


def cost(corpora: Path, rounds: int) -> str:
    docs = texts(corpora)
    size = sum(len(text.encode("utf-8")) for text, _ in docs) / 1e6
    tagged = [(text, when, tag(text, when)) for text, when in docs]  # warm up the patterns
    tagger_times, event_times = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        for text, when in docs:
            tag(text, when)
        tagger_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for k, (text, when, mentions) in enumerate(tagged):
            candidates(Document(path=f"d{k}.txt", text=text, published=when), mentions, f"d{k}")
        event_times.append(time.perf_counter() - start)
    tagger = statistics.median(tagger_times) / size * 1000
    events = statistics.median(event_times) / size * 1000
    return (
        f"{len(docs)} documents, {size:.2f} MB, {rounds} rounds (medians)\n"
        f"  tagger       {tagger:7.1f} ms per MB\n"
        f"  event stage  {events:7.1f} ms per MB  ({events / tagger:.2f}x the tagger)\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=ROOT / ".." / "shared" / "corpora")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the cost (0: none)")
    parser.add_argument("--show", type=int, default=0, help="misses and wrong dates/titles")
    args = parser.parse_args()
    corpus = args.corpora / "events-dev"
    if not (corpus / "score.py").is_file():
        sys.exit(f"no events-dev corpus with score.py under {args.corpora}")
    print("Accuracy on events-dev (score.py):")
    print(accuracy(corpus, args.show).rstrip())
    if args.rounds > 0:
        print()
        print("Cost of the event stage:")
        print(cost(args.corpora, args.rounds).rstrip())


if __name__ == "__main__":
    main()
