"""Reading a document costs work in proportion to its size, whatever its shape.

The work is counted, not timed: the lines of Python run (ours and the standard library's
HTML parser's) while one document of each shape of
``benchmarks/shapes.py`` is read as ``timeline extract`` reads it, at two sizes. Four times
the text may cost about four times the work; a loop over what came before (the sentence
ends of a whole line, the siblings of an element) would cost sixteen. Work done inside one
call of the regular-expression engine escapes this count: the parser's searches are counted
by the characters they are given (below), and ``benchmarks/shapes.py`` times the whole.
"""

from __future__ import annotations

import _markupbase
import html.parser
import importlib.util
import sys
import threading
from pathlib import Path

import pytest

import timeline
from timeline.dates import DateValue
from timeline.documents import web
from timeline.pipeline import Task, process

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("shapes", ROOT / "benchmarks" / "shapes.py")
shapes = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(shapes)  # type: ignore[union-attr]

#: Where the counted lines live.
_COUNTED = (
    str(Path(timeline.__file__).parent),
    str(Path(html.parser.__file__).parent),
    _markupbase.__file__,
)

#: Each shape is read at about this many characters, then twice and four times as long
#: (its content repeated). From the first to the second reading the work may grow by about
#: as much as from the first size to nothing, from the second to the third by about twice
#: that (a constant part cancels out), and would grow by four times that were the work to
#: grow with the square of the size.
SIZE = 8_000
STEP_RATIO = 2.25
#: Shapes whose every few characters make a candidate are read smaller (tracing is slow).
SMALLER = {"dense-dates": 10}
#: Four times the size may cost at most this many times the parser's searches.
RATIO = 5.0


def _lines_run(run) -> int:
    """The lines of counted code run by ``run()``."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def starts(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(_COUNTED) else None

    sys.settrace(starts)
    try:
        run()
    finally:
        sys.settrace(None)
    return count


def _work(tmp_path: Path, shape: str, size: int, times: int) -> int:
    suffix, data = shapes.repeated(shape, size, times)
    path = tmp_path / f"{shape}-{times}{suffix}"
    path.write_bytes(data)
    published = DateValue.parse(shapes.PUBLISHED)
    task = Task(0, str(path), path.name, "doc", published, None, None, "")
    process(task)  # once untraced: patterns compiled, modules imported
    return _lines_run(lambda: process(task))


@pytest.mark.parametrize("shape", list(shapes.SHAPES))
def test_work_grows_in_proportion_to_the_size(tmp_path: Path, shape: str) -> None:
    if threading.current_thread() is not threading.main_thread():  # pragma: no cover
        pytest.skip("tracing is per thread")
    size = SIZE // SMALLER.get(shape, 1)
    one, two, four = (_work(tmp_path, shape, size, times) for times in (1, 2, 4))
    first, second = two - one, four - two
    assert 0 < first and second <= STEP_RATIO * first, (
        f"{shape}: {one}, {two} and {four} lines for its text once, twice and four times"
    )


#: The patterns with which the standard library's parser looks for the end of a construct.
_SEARCHES = [
    (html.parser, "locatestarttagend_tolerant"),
    (html.parser, "endendtag"),
    (html.parser, "piclose"),
    (_markupbase, "_commentclose"),
    (_markupbase, "_markedsectionclose"),
    (_markupbase, "_msmarkedsectionclose"),
]


def _characters_searched(monkeypatch) -> list[int]:
    """A list that grows by the characters each of the parser's end searches reads (up to
    the end it finds, or all it is given)."""
    read: list[int] = []

    class Counted:
        def __init__(self, pattern) -> None:
            self.pattern = pattern

        def search(self, text: str, pos: int = 0, endpos: int | None = None):
            found = self.pattern.search(text, pos, *([] if endpos is None else [endpos]))
            last = found.end() if found else len(text) if endpos is None else endpos
            read.append(max(0, last - pos))
            return found

        def match(self, text: str, pos: int = 0, endpos: int | None = None):
            found = self.pattern.match(text, pos, *([] if endpos is None else [endpos]))
            read.append(found.end() - pos if found else 0)
            return found

        def __getattr__(self, name: str):
            return getattr(self.pattern, name)

    for module, name in _SEARCHES:
        monkeypatch.setattr(module, name, Counted(getattr(module, name)))
    return read


@pytest.mark.parametrize(
    "unit",
    ["<a ", "</ ", "<? x ", "<!-- x > ", "<![CDATA[ x > ", "<![if x] > ", "<b>x <i y='z' "],
)
def test_constructs_without_an_end_are_not_each_searched_to_the_page_end(
    monkeypatch, unit: str
) -> None:
    given = _characters_searched(monkeypatch)
    work = []
    for count in (300, 1200):
        given.clear()
        read = web.read_html(("<html><body><p>Intro</p>" + unit * count).encode())
        assert read.text.startswith("Intro")
        work.append(sum(given))
    assert work[1] <= RATIO * work[0] + 1000, work
