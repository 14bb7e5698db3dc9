"""Time per megabyte of one document, by its shape and size: whether reading any input costs
time in proportion to its size.

    PYTHONPATH=src python benchmarks/shapes.py [--sizes 10K,100K,1M,10M] [--shapes a,b] [--runs N]

Each shape is built from the seed documents' prose (deterministically: the same bytes on
every run), cut to the size asked (HTML between two elements), written to a temporary file
and read by the same path a document takes in ``timeline extract``
(``timeline.pipeline.process``: decoding, the format's extraction, tagging, the candidates
with their sentences, titles and groups), in this process, with no cache and no time limit.
The table gives the CPU seconds per MB of the file (the smallest of ``--runs``), each
shape's ratio to ordinary prose of its kind (plain text or HTML) at the same size, and the
candidates found. ``tests/test_scaling.py`` reads the same shapes, at sizes a test can
afford, and counts the work done rather than timing it.

Shapes:

* ``prose``: the seeds as they are, a paragraph per line (the reference for plain text);
* ``one-line``: the same text with every line break a space;
* ``no-punctuation``: one line, without full stops, commas or any other punctuation;
* ``dense-dates``: one line of nothing but dates of many forms ("May 1, 2020, 12 March
  1999, in 1999, 2020-05-01, …"), each a candidate;
* ``unicode-digits``: one line of prose whose numbers are written in other scripts' digits
  (Arabic-Indic, Devanagari, Thai, full-width …), with a date in ASCII digits opening each
  sentence;
* ``long-tokens``: prose with, between its paragraphs, tokens of 20,000 characters without
  a space (digits, dates joined by hyphens, letters, an address, "May1,2020." repeated);
* ``html-prose``: the seeds' words as an HTML article, a ``<p>`` of 60 words per line (the
  reference for HTML);
* ``html-siblings``: the same words two by two in sibling ``<div>``s (44,600 per MB:
  20,000 at 450 KB);
* ``html-deep``: the same in ``<div>``s opened and never closed, each inside the one before
  (61,000 deep per MB: 100,000 at 1.6 MB);
* ``html-unclosed``: a ``<b>``, ``<i>``, ``<span>``, ``<a>`` or ``<em>`` opened before each
  word and never closed (84,700 per MB: 300,000 at 3.5 MB).
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import cycle
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

MB = 1_000_000
KB = 1_000
DEFAULT_SIZES = "10K,100K,1M,10M"
PUBLISHED = "2023-03-01"


def seed_prose() -> str:
    """The seed documents, a paragraph per line, paragraphs in the seeds' order."""
    paragraphs = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs += [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n".join(paragraphs)


def _repeat(unit: str, size: int, sep: str = "\n") -> str:
    """``unit`` repeated (joined by ``sep``) and cut to ``size`` characters."""
    if not unit:
        raise ValueError("nothing to repeat")
    count = size // (len(unit) + len(sep)) + 1
    return sep.join([unit] * count)[:size]


def prose() -> str:
    return seed_prose()


def one_line() -> str:
    return seed_prose().replace("\n", " ")


_PUNCTUATION = re.compile(r"[^\w\s]+")


def no_punctuation() -> str:
    return " ".join(_PUNCTUATION.sub(" ", seed_prose()).split())


_DATES = (
    "May 1, 2020", "12 March 1999", "in 1999", "2020-05-01", "Monday 16 May", "12/03/2021",
    "the 1990s", "between 2012 and 2014", "last Friday", "3 June", "Q3 2019", "spring 2018",
    "10 a.m. on Tuesday", "two days later", "late 2022", "1 January 480 BC", "Sept. 9",
    "the next day", "mid-2017", "1 to 3 May 2015", "FY2021", "Christmas 2016", "yesterday",
)  # fmt: skip


def dense_dates() -> str:
    return ", ".join(_DATES)


#: Digits of other scripts, each a run of ten from zero to nine.
_DIGIT_ZEROS = (0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10, 0x1D7CE)


def unicode_digits() -> str:
    """Prose on one line whose numbers take other scripts' digits in turn, with the ASCII
    dates of ``dense-dates`` between its sentences."""
    zeros = cycle(_DIGIT_ZEROS)
    dates = cycle(_DATES)

    def script(match: re.Match[str]) -> str:
        zero = next(zeros)
        return "".join(chr(zero + int(d)) for d in match.group())

    text = re.sub(r"\d+", script, seed_prose().replace("\n", " "))
    return re.sub(r"\. ", lambda _: f". On {next(dates)}, ", text)


_LONG = 20_000


def long_tokens() -> str:
    tokens = (
        "7" * _LONG,
        _repeat("2020-", _LONG, ""),
        _repeat("abcdefghij", _LONG, ""),
        "https://example.org/" + _repeat("2020/05/01/", _LONG, ""),
        _repeat("May1,2020.", _LONG, ""),
    )
    paragraphs = seed_prose().split("\n")
    mixed = []
    for i, (paragraph, token) in enumerate(zip(paragraphs, cycle(tokens))):
        mixed.append(paragraph)
        if i % 4 == 1:
            mixed.append(token)
    return "\n".join(mixed)


def _html(body: str) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Shapes</title>"
        f"<meta property='article:published_time' content='{PUBLISHED}'></head>"
        f"<body><article>{body}</article></body></html>"
    )


def _words() -> list[str]:
    text = seed_prose().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.split()


def _chunks(words: list[str], n: int) -> list[str]:
    return [" ".join(words[i : i + n]) for i in range(0, len(words), n)]


def html_prose() -> list[str]:
    return [f"<p>{c}</p>\n" for c in _chunks(_words(), 60)]


def html_siblings() -> list[str]:
    return [f"<div>{c}</div>" for c in _chunks(_words(), 2)]


def html_deep() -> list[str]:
    return [f"<div>{c}" for c in _chunks(_words(), 2)]


_INLINE = ("<b>", "<i>", "<span>", "<a href='#'>", "<em>")


def html_unclosed() -> list[str]:
    return [f"{t}{w} " for t, w in zip(cycle(_INLINE), _words())]


class Shape(NamedTuple):
    """A shape of document: its file suffix, the shape it is compared with, and what it is
    made of: a text repeated (joined by ``sep``) and cut anywhere, or the pieces of an HTML
    article repeated and cut between two pieces."""

    suffix: str
    reference: str
    text: Callable[[], str] | None = None
    sep: str = ""
    pieces: Callable[[], list[str]] | None = None


SHAPES: dict[str, Shape] = {
    "prose": Shape(".txt", "prose", prose, "\n"),
    "one-line": Shape(".txt", "prose", one_line, " "),
    "no-punctuation": Shape(".txt", "prose", no_punctuation, " "),
    "dense-dates": Shape(".txt", "prose", dense_dates, ", "),
    "unicode-digits": Shape(".txt", "prose", unicode_digits, " "),
    "long-tokens": Shape(".txt", "prose", long_tokens, "\n"),
    "html-prose": Shape(".html", "html-prose", pieces=html_prose),
    "html-siblings": Shape(".html", "html-prose", pieces=html_siblings),
    "html-deep": Shape(".html", "html-prose", pieces=html_deep),
    "html-unclosed": Shape(".html", "html-prose", pieces=html_unclosed),
}


def _body(shape: Shape, size: int) -> str:
    """The text, or the article's pieces, of about ``size`` characters in all."""
    if shape.text is not None:
        return _repeat(shape.text(), size, shape.sep)
    assert shape.pieces is not None
    room = size - len(_html(""))
    pieces = shape.pieces()
    taken: list[str] = []
    while room > 0:
        for piece in pieces:
            room -= len(piece)
            if room < 0:
                break
            taken.append(piece)
    return "".join(taken)


def generate(name: str, size: int) -> tuple[str, bytes]:
    """The file suffix and the bytes of the shape ``name`` at about ``size`` characters."""
    return repeated(name, size, 1)


def repeated(name: str, size: int, times: int) -> tuple[str, bytes]:
    """The shape ``name`` at about ``size`` characters, its text (or its article) then
    repeated ``times`` times in one document: the same content, ``times`` times as long."""
    shape = SHAPES[name]
    body = _body(shape, size)
    if shape.text is not None:
        return shape.suffix, shape.sep.join([body] * times).encode("utf-8")
    return shape.suffix, _html(body * times).encode("utf-8")


def read_once(path: Path) -> tuple[float, int, str | None]:
    """CPU seconds to read ``path`` as ``timeline extract`` does; candidates; skip reason."""
    from timeline.cache import Unpacker
    from timeline.dates import DateValue
    from timeline.pipeline import Task, process, unpack_outcome

    task = Task(0, str(path), path.name, "doc", DateValue.parse(PUBLISHED), None, None, "")
    gc.collect()
    start = time.process_time()
    _, body, _, _ = process(task)
    seconds = time.process_time() - start
    outcome = unpack_outcome(body, Unpacker(), 0, path.name, "doc")
    return seconds, len(outcome.candidates), outcome.skipped


def parse_size(text: str) -> int:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([KM]?)", text.strip().upper())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 10K, 1M, 50M)")
    return int(float(match.group(1)) * {"": 1, "K": KB, "M": MB}[match.group(2)])


def _label(size: int) -> str:
    return f"{size // MB} MB" if size >= MB else f"{size // KB} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="e.g. 10K,100K,1M,10M,50M")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="names, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per cell (the smallest)")
    args = parser.parse_args()
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    shapes = [s.strip() for s in args.shapes.split(",")]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        known = ", ".join(SHAPES)
        raise SystemExit(f"shapes: unknown shape(s) {', '.join(unknown)}; known: {known}")
    # The references first, so that every ratio can be printed as its row is.
    shapes = sorted(shapes, key=lambda s: s != SHAPES[s].reference)
    for shape in {SHAPES[s].reference for s in shapes} - set(shapes):
        shapes.insert(0, shape)
    print(f"CPU seconds per MB (smallest of {args.runs} runs); in brackets, the ratio to the "
          "reference of the same kind and size; n: candidates found")  # fmt: skip
    print("| shape | " + " | ".join(_label(s) for s in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    per_mb: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for shape in ("prose", "html-prose"):  # imports and compiled patterns, untimed
            suffix, data = generate(shape, 10 * KB)
            (Path(folder) / f"warm{suffix}").write_bytes(data)
            read_once(Path(folder) / f"warm{suffix}")
        for shape in shapes:
            cells = []
            for size in sizes:
                suffix, data = generate(shape, size)
                path = Path(folder) / f"{shape}{suffix}"
                path.write_bytes(data)
                best, found, skipped = min(read_once(path) for _ in range(max(1, args.runs)))
                path.unlink()
                if skipped:
                    cells.append(f"skipped: {skipped}")
                    continue
                per_mb[shape, size] = best / (len(data) / MB)
                reference = per_mb.get((SHAPES[shape].reference, size))
                ratio = f" ({per_mb[shape, size] / reference:.1f}×)" if reference else ""
                cells.append(f"{per_mb[shape, size]:.3f}{ratio} n={found}")
            print(f"| {shape} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
