"""The rewritings that make the rules' patterns faster keep what they match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.tagger import firsts, guards, scan, vocab
from timeline.tagger import patterns as P

PIECES = st.sampled_from([
    "1", "16", "2020", " ", "  ", "-", "–", " to ", "May", "March", "Monday", "the", "The",
    "in ", "since ", "late ", "mid-", "spring", "years", "ago", "last ", "/", "BC", "now",
    "later", "£", "'", "’", ".", ",", "\n", "a", "an", "twenty", "one", "-one", "hundred",
    "few", "couple", " of", "seven", "teen", "ty", "S", "x", "_", "@", "é", "\u00a0",
])  # fmt: skip
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def _plain_form(led: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern compiled to read the character before its phrase, as the look-behind it
    stands for: the leading class dropped."""
    return re.compile(led.pattern[led.pattern.index("]") + 1 :])


def _read(matches: object) -> list[tuple[tuple[int, int], dict[str, tuple[int, int]]]]:
    return [
        (m.span(), {name: m.span(name) for name in m.groupdict()})  # type: ignore[attr-defined]
        for m in matches  # type: ignore[attr-defined]
    ]


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_a_pattern_reading_the_character_before_finds_what_its_look_behind_finds(
    text: str,
) -> None:
    assert P.LED
    for led, plain in P.LED.items():
        expected = _read(plain.finditer(text))
        assert _read(scan.matches(led, text)) == expected
        assert _read(_plain_form(led).finditer(text)) == expected


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_counts_spelt_as_a_tree_read_like_the_alternation_longest_first(text: str) -> None:
    tens_ones = [f"{t}[-\\s]{o}" for t in vocab.TENS for o in vocab.ONES]
    words = [
        "hundred", *(f"{w}{P.SP}hundred" for w in ("a", *vocab.ONES)), *vocab.TENS,
        *[w for w, v in vocab.NUMBERS.items() if 10 <= v < 20], *vocab.ONES,
        *(w.replace(" ", P.SP) for w in P.VAGUE), "an", "a",
    ]  # fmt: skip
    plain = sorted(words, key=len, reverse=True)
    reference = re.compile(rf"(?i:{'|'.join(tens_ones + plain)})(?P<rest>\s{{1,3}}\w+)?")
    spelt = re.compile(rf"(?i:{P._spelt(P._NUMBER_PHRASES + P.VAGUE + ['an', 'a'])})"
                       r"(?P<rest>\s{1,3}\w+)?")  # fmt: skip
    for at in range(len(text) + 1):
        expected, got = reference.match(text, at), spelt.match(text, at)
        assert (expected and expected.span("rest")) == (got and got.span("rest"))
        assert (expected and expected.span()) == (got and got.span())


@pytest.mark.parametrize(
    ("pattern", "texts"),
    [
        (r"(?:ab)?a", ["a", "aba", "ab", "b"]),
        (r"(?P<x>ab)?(?:c|abd)", ["abc", "abd", "c", "ab"]),
        (r"(?:(?P<y>\d{1,2})(?:st|nd)?\s)?May", ["1st May", "12 May", "May", "1stMay"]),
        (r"(?i:the)?\s?x(?=y)?", ["The x", "x", "thexy", " xy"]),
        (r"(?:a|ab)??b", ["ab", "abb", "b"]),
    ],
)
def test_optional_groups_written_as_alternations_match_the_same(
    pattern: str, texts: list[str]
) -> None:
    folded = P._fold(pattern)
    for text in texts:
        for at in range(len(text) + 1):
            a, b = re.match(pattern, text[at:]), re.match(folded, text[at:])
            assert (a and a.groupdict(), a and a.span()) == (b and b.groupdict(), b and b.span())


@pytest.mark.parametrize(
    ("text", "start", "word"),
    [
        ("rose by 2019", 8, "by"),
        ("page   12", 7, "page"),
        ("page    12", 8, ""),  # more than three spaces: no word before
        ("costs £1,500 x", 13, "500"),  # a comma ends the token
        ("U.S. 2019", 5, "U.S"),
        ("x_y 2019", 4, "x_y"),
        ("①② 5", 3, "①②"),
        ("", 0, ""),
        ("abc", 0, ""),
        ("a" * 60 + " 1", 61, "a" * 39),  # read at most 40 characters back
    ],
)
def test_word_before(text: str, start: int, word: str) -> None:
    assert guards.word_before(text, start) == word


@pytest.mark.parametrize(
    ("pattern", "chars"),
    [
        (r"(?:ab|)c", "ac"),
        (r"(?:a\s|b?)[0-9x]", "0123456789abx"),
        (r"(?i:k)", "kK\u212a"),
        (r"(?i:the|its)x", "tTiI\u0130\u0131"),
        (r"(?=q)(?<!z)(?P<n>y{1,2})", "y"),
        (r"a?", None),  # can match nothing
        (r"[^a]b", None),  # nearly any character
        (r"\sb", None),
        (r"(?i:\u00e9)", None),  # case-insensitive outside ASCII
    ],
)
def test_first_characters_of_a_pattern(pattern: str, chars: str | None) -> None:
    assert firsts.first_chars(pattern) == (None if chars is None else frozenset(chars))


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_a_pattern_behind_its_first_characters_matches_the_same(text: str) -> None:
    for plain in P.LED.values():
        gated = re.compile(firsts.gate(plain.pattern) + plain.pattern)
        for at in range(len(text) + 1):
            a, b = plain.match(text, at), gated.match(text, at)
            assert (a and a.span()) == (b and b.span())


def _word_spans(text: str) -> dict[str, set[tuple[int, int]]]:
    """Each trigger word found on its own: in any case after a character that is not a
    letter, or Capitalised or in UPPER CASE (and not after a letter) for the cased classes."""
    found: dict[str, set[tuple[int, int]]] = {}
    lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # "İ" stays
    for name, words in vocab.TRIGGERS.items():
        spans = found.setdefault(name, set())
        for word in words:
            for m in re.finditer(rf"(?<![a-z]){word}(?![a-z])", lower):
                piece = text[m.start() : m.end()]
                if name not in vocab.CASED_TRIGGERS:
                    spans.add(m.span())
                elif piece in (word.capitalize(), word.upper()) and not (
                    m.start() and text[m.start() - 1].isalpha()
                ):
                    spans.add(m.span())
    return found


WORDY = st.lists(
    st.sampled_from(
        [
            "May",
            "may",
            "MAY",
            "year",
            "Year",
            "years",
            "ago",
            "day",
            "Monday",
            "mon",
            "Mon",
            "FY",
            "fy",
            "Christmas",
            "christmas",
            " ",
            "-",
            "x",
            "é",
            "1",
            "now",
            "Now",
            "sat",
            "Sat",
            "quarter",
            "the",
            ".",
            "\n",
            "İ",
            "\u212a",
        ]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(WORDY)
def test_trigger_words_found_in_one_pass_are_those_found_one_by_one(text: str) -> None:
    found = scan.triggers(text)
    for name, spans in _word_spans(text).items():
        assert set(found[name]) == spans, name
