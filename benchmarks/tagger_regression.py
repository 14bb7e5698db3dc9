"""Checks that the tagger's output is unchanged, on a large and varied sample.

    PYTHONPATH=src python benchmarks/tagger_regression.py save [FILE]
    PYTHONPATH=src python benchmarks/tagger_regression.py check [FILE]

``save`` runs ``timeline.tagger.tag`` over every text of the sample, in every setting (with
and without a publication date, ``refs`` on and off, day-first and month-first), and writes
every mention (its full ``repr``) to FILE. ``check`` runs it again and reports each text and
setting whose mentions differ from the saved ones. The sample: the annotated corpora (tbaq
with each document's creation time, wikiwars-dev), the seed documents, date-like noise and
pseudo-random strings of date-like pieces (the same ones on every run).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from score_tagger import read_tbaq, read_wikiwars  # noqa: E402

from timeline.dates import DateValue  # noqa: E402
from timeline.tagger import tag  # noqa: E402

DEFAULT = ROOT / "benchmarks" / ".tagger_regression.json"
FIXED = DateValue.of_day(2023, 3, 1)
PIECES = [
    "1", "16", "2020", "1999", " ", "-", "–", " to ", " and ", "May", "March", "Monday", "the",
    "in ", "since ", "until ", "between ", "late ", "mid-", "spring", "years", "ago", "last ",
    "/", "BC", "now", "the next day", "later", "fiscal ", "FY", "23", "Q3", "8pm", " the ",
    "this ", "yesterday", ",", ".", "\n", "£", "%", "th", "s", "'s", "at ", "pm", ":", "30",
    "Christmas", "quarter", "the year-ago", "nineteen ninety", "-six", "every ", "week",
    "10.30", "01/03/2023", "12.5.2022", "1990s", "'90s", "20th century", "www.", "_", "@",
    "Sept.", "Tue", "a.m.", "B.C.", "480", "each", "twice a ", "monthly", "decades-long",
    "the following", "that", "earlier this", "the same day", "x", "Jan", "Dec.", "\u00a0",
]  # fmt: skip
NOISE = [
    "1 ",
    "2020-",
    "May 1, ",
    "in 1999 ",
    "12 12 May 2020 ",
    "between 2012 and ",
    "9",
    "March ",
    "the 1990s ",
    "01/02/03 ",
    "Monday 16 May ",
    "- ",
]


def _random_texts(count: int) -> Iterator[tuple[str, str]]:
    rng = random.Random(20231)
    for i in range(count):
        yield f"random-{i}", "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 120)))


def sample(corpora: Path) -> Iterator[tuple[str, str, DateValue | None]]:
    """(name, text, publication date) for every text of the sample."""
    for doc in read_tbaq(corpora / "tbaq"):
        yield f"tbaq/{doc.name}", doc.text, doc.published
    for doc in read_wikiwars(corpora / "wikiwars-dev"):
        yield f"wikiwars/{doc.name}", doc.text, FIXED
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield f"seed/{path.name}", path.read_text(encoding="utf-8"), FIXED
    for unit in NOISE:
        yield f"noise/{unit!r}", unit * (3000 // len(unit)), FIXED
    for name, text in _random_texts(3000):
        yield name, text, FIXED


def outputs(corpora: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, text, published in sample(corpora):
        for pub in (published, None) if published is not None else (None,):
            for refs in (False, True):
                for day_first in (True, False):
                    key = f"{name} pub={pub and pub.edtf} refs={refs} day_first={day_first}"
                    mentions = tag(text, pub, refs=refs, day_first=day_first)
                    out[key] = [repr(m) for m in mentions]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("file", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--corpora", type=Path, default=ROOT / ".." / "shared" / "corpora")
    args = parser.parse_args(argv)
    current = outputs(args.corpora)
    total = sum(len(v) for v in current.values())
    if args.action == "save":
        args.file.write_text(json.dumps(current), encoding="utf-8")
        print(f"saved {len(current)} runs, {total} mentions, to {args.file}")
        return 0
    saved = json.loads(args.file.read_text(encoding="utf-8"))
    differ = [k for k in saved.keys() | current.keys() if saved.get(k) != current.get(k)]
    for key in sorted(differ)[:20]:
        old, new = saved.get(key) or [], current.get(key) or []
        print(f"DIFFERS: {key}")
        for line in sorted(set(old) ^ set(new))[:6]:
            print(("  - " if line in old else "  + ") + line[:300])
    print(f"{len(current)} runs, {total} mentions: {len(differ)} runs differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
