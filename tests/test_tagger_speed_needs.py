"""Rare rules scan only the stretches that hold a piece each of their phrases holds; words in
any case are matched by letter classes read with case. Both keep what the rules match."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline.tagger import firsts, guards, scan, vocab
from timeline.tagger import patterns as P
from timeline.tagger.rules import find_all

RANGE_PIECES = st.sampled_from([
    "1", "3", "16", "31st", "2020", "1914", "18", "2022", "05", "12", " ", "  ", "\n", "-", "–",
    "/", "'s", "’s", " to ", " and ", " through ", "to", "from ", "between ", "the years ",
    "March", "Sept.", "May", "of ", ",", ".", "year", "month", "-end", " end", " End", "end", "by ",
    "since ", "x", "a", "@", "\u00a0",
    # whole phrases of each narrowed rule, which the pieces around them cut or extend
    "1 to 3 March", "1–3 March 2020", "between 1 and 3 May", "16th through 18th of Sept.",
    "March 1-3, 2023", "May 1 to 3", "Sept. 16th – 18th", "2012 to 2021", "1914–18",
    "between 2012 and 2021", "the years 1990 till 1995", "by year-end", "at month end",
    "quarter-end", "since year end", "by yearend", "yearEnd", "2022/23", "2022/2023", "2022-05-16",
])  # fmt: skip
RANGE_TEXTS = st.lists(RANGE_PIECES, max_size=25).map("".join)


@pytest.mark.parametrize(
    ("char", "forms"),
    [("a", "aA"), ("i", "iI\u0130\u0131"), ("k", "kK\u212a"), ("s", "sS\u017f"), ("1", "1")],
)
def test_case_forms(char: str, forms: str) -> None:
    assert firsts.case_forms(char) == frozenset(forms)
    assert all(re.fullmatch(f"(?i:{char})", c) for c in forms)


WORD_SETS = [
    vocab.DATE_PREPOSITIONS, list(vocab.UNITS) + list(vocab.UNIT_PLURALS), vocab.SEASONS,
    vocab.ORDINALS, vocab.LATER_WORDS, ("early", "late", "mid"), ("in", "into", "i", "is"),
]  # fmt: skip
WORD_TEXTS = st.lists(
    st.sampled_from(["in", "IN", "In", "into", "\u0130nto", "\u0131n", "year", "YEARS", "up",
                     "  until", "c.", "ca.", "ſince", "dec", "ade", "s", "x", " ", "-", "\u212a"]),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(WORD_TEXTS)
def test_words_in_any_case_match_as_the_alternation_longest_first(text: str) -> None:
    for words in WORD_SETS:
        items = sorted(set(words), key=lambda w: (-len(w), w))
        body = "|".join(re.escape(w).replace(r"\ ", P.SP) for w in items)
        reference, grouped = re.compile(f"(?i:{body})x?"), re.compile(f"{P._nocase(words)}x?")
        for at in range(len(text) + 1):
            a, b = reference.match(text, at), grouped.match(text, at)
            assert (a and a.span()) == (b and b.span())


@settings(max_examples=300, deadline=None)
@given(RANGE_TEXTS)
def test_every_phrase_of_a_narrowed_rule_holds_its_piece(text: str) -> None:
    assert P.NEEDS
    for rule, piece in P.NEEDS.items():
        for m in scan.matches(rule, text):
            assert any(piece.match(text, at) for at in range(m.start(), m.end())), (rule, m)


@settings(max_examples=300, deadline=None)
@given(RANGE_TEXTS)
def test_narrowed_rules_find_what_a_full_scan_finds(text: str) -> None:
    assert set(find_all(text)) == set(find_all(text, full_scan=True))


@pytest.mark.parametrize(
    ("text", "stretches", "kept"),
    [
        ("ab 1-3 cd 7 ef 4-5", [(0, 6), (7, 11), (12, 18)], [(0, 6), (12, 18)]),
        ("ab 1-3 cd 7 ef 4-5", [(7, 11)], []),
        ("1-3", [(0, 3)], [(0, 3)]),
        ("", [], []),
    ],
)
def test_narrowed_keeps_the_stretches_holding_the_piece(
    text: str, stretches: list[tuple[int, int]], kept: list[tuple[int, int]]
) -> None:
    narrowed = scan.Condensed(text, stretches).narrowed(re.compile("[0-9]-[0-9]"))
    assert narrowed.stretches == kept
    assert narrowed.condensed == "".join("\x00" + text[s:e] for s, e in kept)


TOKEN_TEXTS = st.lists(
    st.sampled_from([
        "www", "WwW", "w", ".", "..", "...", "a", "b", "U.S.", "3.5", "report", ".pdf", ".PDF",
        ".pdfs", ".html", "x.docx", " ", "  ", "\n", "/", "//", "_", "@", ":", "://", "\\",
        "1/2/2020", "(01.03.2023)", "e.g.", "a.b.c", "example.com", "1", "May", "é", "£", "’s",
        ",", "\t",
    ]),
    max_size=20,
).map("".join)  # fmt: skip


def _mask_of_every_mark(text: str) -> list[tuple[int, int]]:
    """The spans ``guards.Mask`` hides when every mark of ``TOKEN_MARK`` is looked at."""
    spans, done = [], 0
    for mark in (m.start() for m in P.TOKEN_MARK.finditer(text)):
        if mark < done:
            continue
        start = mark
        while start > done and not text[start - 1].isspace():
            start -= 1
        space = P.SPACE.search(text, mark + 1)
        done = space.start() if space else len(text)
        if guards._masked(text[start:done]):
            spans.append((start, done))
    return spans


@settings(max_examples=400, deadline=None)
@given(TOKEN_TEXTS)
@example("see www. for it, or www.")  # a full stop that ends the token hides nothing
@example("the report.pdf and U.S. a.b.c. ... 3.5 x.y")
def test_the_mask_looks_only_at_full_stops_that_can_hide_a_token(text: str) -> None:
    mask = guards.Mask(text)
    assert list(zip(mask._starts, mask._ends, strict=True)) == _mask_of_every_mark(text)


def _word_before_by_reading_back(text: str, start: int) -> str:
    """``guards.word_before`` as it reads without its shortcut: the token read backwards."""
    floor, end = max(0, start - 40), start
    while end > floor and start - end < 3 and text[end - 1].isspace():
        end -= 1
    token = re.match(r"[\w£$€.'’]*", text[floor:end][::-1])
    assert token is not None
    return text[end - token.end() : end].rstrip(".")


@settings(max_examples=300, deadline=None)
@given(TOKEN_TEXTS, st.data())
def test_the_word_before_a_place_with_and_without_the_shortcut(text: str, data: st.DataObject):
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert guards.word_before(text, start) == _word_before_by_reading_back(text, start)
