"""Checks on the words around a match: what makes a number a count, a word a name.

Each check looks at a bounded window of text, so the cost per match is constant.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from . import patterns as P
from . import vocab

_WINDOW = 40


_TOKEN = re.compile(r"[\w£$€.'’]*")
_TOKEN_MARKS = frozenset("_£$€.'’")


def word_before(text: str, start: int) -> str:
    """The word (or token: letters, digits, "£$€.'’") right before ``start``, across at most
    three spaces, with its trailing full stop removed."""
    floor = max(0, start - _WINDOW)
    end = start
    while end > floor and start - end < 3 and text[end - 1].isspace():
        end -= 1
    # the token, read backwards: word characters are exactly what ``isalnum`` accepts, and "_"
    last = text[end - 1] if end > floor else ""
    if not last or not (last.isalnum() or last in _TOKEN_MARKS):
        return ""  # ("May 16, 2019": no token right before the year)
    token = _TOKEN.match(text[floor:end][::-1])
    assert token is not None  # the pattern matches the empty string too
    return text[end - token.end() : end].rstrip(".")


def word_after(text: str, end: int) -> str:
    match = P.WORD_AFTER.match(text, end, min(len(text), end + _WINDOW))
    return match.group(1) if match else ""


_DASHES = frozenset("-‐‑‒–—")


def dash_before(text: str, start: int) -> bool:
    """True when a dash comes right before ``start`` and what it follows is not a month, a day
    or a year ("COVID-19 May" is no date; the "24 August" of "14 August-24 August" is)."""
    if text[start - 1 : start] not in _DASHES:
        return False
    word = word_before(text, start - 1).lower()
    if word in vocab.MONTHS:
        return False
    return not (word.isdigit() and (len(word) <= 2 or len(word) == 4))


def sentence_start(text: str, start: int) -> bool:
    """True when only spaces, quotes or a sentence end lie between ``start`` and the last
    sentence."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\"'‘“(`[":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


def count_follows(text: str, end: int) -> bool:
    """True when a number ending at ``end`` is followed by what it counts ("1100 cases")."""
    word = word_after(text, end)
    if not word or not word.islower():
        return False
    if word in vocab.COUNT_WORDS:
        return True
    return len(word) > 3 and word.endswith("s") and word not in vocab.NOT_PLURAL


def reference_before(text: str, start: int) -> bool:
    """True after "page", "p.", "no." and the like, and after quantity verbs."""
    word = word_before(text, start).lower()
    return word in vocab.REFERENCE_WORDS


def quantity_before(text: str, prep_start: int) -> bool:
    """True for "rose by", "cut by": the number after the preposition is an amount."""
    return word_before(text, prep_start).lower() in vocab.QUANTITY_WORDS


def name_before(text: str, start: int) -> bool:
    """True when a capitalised word that is not a date word comes right before ("Theresa May",
    "Good Friday", "Arab Spring")."""
    if text[max(0, start - 1) : start] not in (" ", "\u00a0"):
        return False
    word = word_before(text, start)
    if not word or not word[0].isupper() or word.isupper():
        return False
    lower = word.lower()
    known = (
        lower in vocab.DATE_PREPOSITIONS or lower in vocab.MONTHS or lower in vocab.WEEKDAYS
        or lower in vocab.RELATIVE_MODES or lower in vocab.QUALIFIERS
        or lower in ("the", "and", "or", "to", "at", "of", "early", "late", "last", "next")
    )  # fmt: skip
    return not known and not sentence_start(text, start - len(word) - 1)


class Mask:
    """Spans where no date may be found: URLs, e-mail addresses, file names, paths."""

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        done = 0
        # each mark has its own literal pattern: searched much faster than one class
        marks = sorted(m.start() for pattern in P.TOKEN_MARKS for m in pattern.finditer(text))
        for start in marks:
            if start < done:
                continue
            mark_end = start + 1
            while start > done and not text[start - 1].isspace():
                start -= 1
            space = P.SPACE.search(text, mark_end)
            done = space.start() if space else len(text)
            if _masked(text[start:done]):
                self._starts.append(start)
                self._ends.append(done)

    def hides(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._ends[i] > start


def _masked(token: str) -> bool:
    if P.NUMERIC_TOKEN.fullmatch(token):
        return False  # "01/03/2023": a date, not a path
    if "://" in token or token.lower().startswith("www.") or "_" in token or "\\" in token:
        return True
    if "@" in token and "." in token.split("@", 1)[1]:
        return True
    if token.count("/") >= 2 or token.count(".") >= 3:
        return True
    return P.FILE_LIKE.search(token) is not None
