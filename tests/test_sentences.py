"""Sentences: bounds found in time that grows with the sentence, not with its line."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import sentences
from timeline.dates import DateValue
from timeline.sentences import (
    REACH,
    crosses_sentence,
    is_abbreviation,
    quote_bounds,
    sentence_bounds,
)
from timeline.tagger import tag


def reference_bounds(text: str, start: int, end: int, window: int | None) -> tuple[int, int]:
    """The sentence as first specified: every sentence end of the line read from its start."""
    floor = 0 if window is None else max(0, start - window)
    ceiling = len(text) if window is None else min(len(text), end + window)
    lo = text.rfind("\n", floor, start) + 1 or floor
    hi = text.find("\n", end, ceiling)
    hi = ceiling if hi < 0 else hi
    for match in sentences._SENTENCE_END.finditer(text, lo, min(hi, start + 3)):
        if match.end() <= start and not is_abbreviation(text, match.start()):
            lo = match.end()
    for match in sentences._SENTENCE_END.finditer(text, end, hi):
        if not is_abbreviation(text, match.start()):
            hi = match.start() + 1
            while hi < len(text) and text[hi] in "'\"”’)":
                hi += 1
            break
    while lo < start and text[lo].isspace():
        lo += 1
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


PIECES = st.sampled_from([
    "word ", "Word ", "May ", "16 ", "2020", ". ", "! ", "? ", ".\" ", ".) ", "Mr. ", "U.S. ",
    "a.m. ", "p.m. Friday ", "e.g. ", "A. ", "Sept. ", "\n", "  ", "...", "“Quote.” ", "’ ",
    "(", ")", "J.", "x" * 40, " " * 30,
])  # fmt: skip
TEXTS = st.lists(PIECES, min_size=1, max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_sentence_bounds_are_those_read_from_the_line_start(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    window = data.draw(st.sampled_from([None, 1, 7, 60, 240]))
    assert sentence_bounds(text, start, end, window) == reference_bounds(text, start, end, window)


def _scanned(monkeypatch) -> list[int]:
    """A list that grows by the number of characters each sentence-end search is given."""
    spans: list[int] = []
    pattern = sentences._SENTENCE_END

    class Counted:
        def finditer(self, text: str, pos: int = 0, endpos: int = 2**63) -> object:
            spans.append(max(0, min(endpos, len(text)) - pos))
            return pattern.finditer(text, pos, endpos)

        def __getattr__(self, name: str) -> object:
            return getattr(pattern, name)

    monkeypatch.setattr(sentences, "_SENTENCE_END", Counted())
    return spans


def test_finding_a_sentence_reads_from_its_start_not_its_line_start(monkeypatch) -> None:
    spans = _scanned(monkeypatch)
    sentence = "The council met on 3 May 2021 and voted. "
    line = sentence * 2000  # one line of 82,000 characters
    start = line.rindex("3 May 2021")
    lo, hi = sentence_bounds(line, start, start + 10)
    assert line[lo:hi] == sentence.strip()
    assert sum(spans) < 10 * len(sentence)


def test_quotes_are_cut_at_word_edges_on_lines_without_sentence_ends() -> None:
    text = " ".join(f"word{i} on 3 May" for i in range(2000))
    start = text.index("3 May", len(text) // 2)
    lo, hi = quote_bounds(text, start, start + 5)
    assert start - lo <= REACH and hi - (start + 5) <= REACH
    assert hi - lo > REACH  # as much of the line as the reach allows
    assert text[lo - 1] == " " and text[hi] == " "  # whole words
    assert text[lo:hi] == text[lo:hi].strip()


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Before. The council met on 3 May 2021 and voted. After.", "3 May 2021"),
        ("A line\nOn 3 May, at 10 a.m. Friday, it rained.\nNext", "3 May"),
        ("He said: “It ended on 3 May.” Then he left.", "3 May"),
    ],
)
def test_quotes_of_ordinary_sentences_are_the_sentences(text: str, phrase: str) -> None:
    start = text.index(phrase)
    end = start + len(phrase)
    assert quote_bounds(text, start, end) == sentence_bounds(text, start, end)


def test_phrases_farther_apart_than_the_reach_are_not_in_one_sentence() -> None:
    text = "at 8pm " + "and more " * 100 + "on Monday"
    assert crosses_sentence(text, 0, REACH + 1)
    assert crosses_sentence(text, 6, len(text) - 9)
    assert not crosses_sentence(text, 6, 6 + REACH)


def test_a_time_takes_the_day_named_after_it_in_its_sentence() -> None:
    published = DateValue.of_day(2023, 3, 1)
    text = "Doors open at 7pm and the show at 8pm is sold out for Friday 3 March.\nAt 9pm it ended."
    values = {m.text: m.value.edtf if m.value else None for m in tag(text, published)}
    assert values["7pm"] == values["8pm"] == values["Friday 3 March"] == "2023-03-03"
    assert values["9pm"] is None  # (the day told before it is in another paragraph)


def _resolutions(monkeypatch) -> list[int]:
    calls: list[int] = []  # the characters each call may read (none past the reach)
    from timeline.tagger import resolve

    def counted(text: str, start: int, end: int) -> bool:
        calls.append(min(end - start, REACH + 1))
        return crosses_sentence(text, start, end)

    monkeypatch.setattr(resolve, "crosses_sentence", counted)
    return calls


@pytest.mark.parametrize(("unit", "tail"), [("at 8pm, ", ""), ("at 8pm and ", "on Monday 6 March")])
def test_times_without_a_day_cost_a_bounded_reading_each(monkeypatch, unit: str, tail: str) -> None:
    calls = _resolutions(monkeypatch)
    published = DateValue.of_day(2023, 3, 1)
    work = []
    for count in (200, 800):
        calls.clear()
        found = tag(unit * count + tail, published)
        times = len([m for m in found if re.search(r"\dpm", m.text)])
        work.append((len(calls), sum(calls)))
        assert len(calls) <= times  # one comparison per time at most
    # Four times the text, about four times the work (sixteen times, were it quadratic).
    assert work[1][0] <= 5 * work[0][0]
    assert work[1][1] <= 5 * work[0][1]
