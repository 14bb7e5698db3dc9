"""Running the rules only where a date can be: near trigger words and digits.

Every phrase a rule recognises contains a *trigger*: a digit, a month, weekday or season name,
a unit of time, a relative-day word, and so on (see ``vocab.TRIGGERS``). One pass finds the
triggers; each class of triggers gets a *condensed* text made of the stretches of the source
around its triggers, joined by a character no phrase can hold. A rule then scans only the
condensed text of the classes it needs, and its matches are mapped back to the source.

A stretch starts right after a whitespace character at least ``LEFT`` characters before its
trigger and ends at a whitespace character at least ``RIGHT`` characters after it, so the
patterns' look-arounds see the same text they would see in the source. Each character of the
source is looked at a bounded number of times, so the whole pass is linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

from . import vocab
from .patterns import LED

#: How far before a trigger a phrase may start ("up until the end of March") and after it a
#: phrase and its look-ahead may reach ("16th of May", "2019's").
LEFT = 50
RIGHT = 24
_JOIN = "\x00"

_SPACE = re.compile(r"\s")
_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")


def _trie(words: Iterable[str]) -> str:
    """A regular expression for a set of words, factored on common prefixes."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        optional = "" in node
        alts = [re.escape(k) + build(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return build(root)


def _classes(cased: bool) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for name, words in vocab.TRIGGERS.items():
        if (name in vocab.CASED_TRIGGERS) != cased:
            continue
        for word in words:
            forms = (word.capitalize(), word.upper()) if cased else (word,)
            for form in forms:
                table[form] = (*table.get(form, ()), name)
    return table


_PLAIN = _classes(cased=False)
_CASED = _classes(cased=True)
# No look-behind: a pattern that starts with a character class or a literal is searched much
# faster. A lower-case word must follow a character that is not a letter (the start of the
# text is tried apart); a capitalised word found inside a word is dropped afterwards.
_PLAIN_WORDS = re.compile(rf"[^a-z]({_trie(_PLAIN)})(?![a-z])")
_PLAIN_FIRST = re.compile(rf"({_trie(_PLAIN)})(?![a-z])")
_CASED_WORDS = re.compile(rf"{_trie(_CASED)}(?![a-z])")
#: Classes of digits, found by pattern: (pattern, how far before the match the trigger
#: starts). Each pattern starts with a literal or a small class of characters, so that the
#: search skips quickly to the places it can match.
_DIGIT_CLASSES: dict[str, tuple[re.Pattern[str], ...]] = {
    # four digits that can be a year, even inside a longer run ("1990s")
    "year": (re.compile(r"(?:1[0-9]|2[01])[0-9]{2}"),),
    # "1990s", "'90s": found at their "0s"
    "decade": (re.compile(r"0(?:s|['’]s)"),),
    "clock": (re.compile(r"[0-9](?:[:.][0-5][0-9]|\s?[aApP]\.?[mM])"),),
    # "01/03/2023", "1.3.2023": found at their first separator
    "numeric": (re.compile(r"/[0-9]{1,2}/[0-9]"), re.compile(r"\.[0-9]{1,2}\.[0-9]")),
    "qcode": (re.compile(r"Q[1-4]"),),
    # "480 BC", "31 B.C.E.": found at the era
    "era": (re.compile(r"B(?<![A-Za-z]B)\.?C"),),
}
#: How many characters before its match a digit trigger may start.
_DIGIT_BACK = {"decade": 4, "numeric": 2, "era": 6}
ALL_CLASSES = frozenset(vocab.TRIGGERS) | frozenset(_DIGIT_CLASSES)


def triggers(text: str) -> dict[str, list[tuple[int, int]]]:
    """The spans of every trigger in ``text``, by class ("year", "month", ...)."""
    found: dict[str, list[tuple[int, int]]] = {name: [] for name in ALL_CLASSES}
    for name, patterns in _DIGIT_CLASSES.items():
        back = _DIGIT_BACK.get(name, 0)
        spans = found[name]
        for pattern in patterns:
            spans.extend((max(0, m.start() - back), m.end()) for m in pattern.finditer(text))
    for m in _CASED_WORDS.finditer(text):
        if m.start() and text[m.start() - 1].isalpha():
            continue
        for name in _CASED[m.group()]:
            found[name].append(m.span())
    lower = text.lower()
    if len(lower) != len(text):  # a few characters change length when lowered
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    first = _PLAIN_FIRST.match(lower)
    for m in ([first] if first else []) + list(_PLAIN_WORDS.finditer(lower)):
        for name in _PLAIN[m.group(1)]:
            found[name].append(m.span(1))
    for spans in found.values():
        spans.sort()
    return found


def segments(
    text: str,
    spans: Iterable[tuple[int, int]],
    ends: dict[int, int] | None = None,
    firsts: dict[int, int] | None = None,
) -> list[tuple[int, int]]:
    """Merged stretches of ``text`` around ``spans`` (which must be sorted by start).
    ``ends`` caches where a stretch ending near a position ends, and ``firsts`` where the
    first space before a trigger is, across calls."""
    out: list[tuple[int, int]] = []
    cur_start = cur_end = -1
    size = len(text)
    ends = {} if ends is None else ends
    firsts = {} if firsts is None else firsts
    for s, e in spans:
        if cur_end >= 0 and s - LEFT <= cur_end:
            if e + RIGHT > cur_end:  # (a stretch reaching the end of the text stops here)
                cur_end = _cached_end(text, e, size, ends)
            continue
        start = firsts.get(s, -1)
        if start < 0:
            start = _start_after_space(text, max(0, s - LEFT), s, max(cur_end, 0))
            if s - LEFT <= 0 or start > s - LEFT:  # found in [s - LEFT, s): the same for all
                firsts[s] = start
        if cur_end >= 0 and start <= cur_end:  # no space between: one stretch
            cur_end = max(cur_end, _cached_end(text, e, size, ends))
            continue
        if cur_end >= 0:
            out.append((cur_start, cur_end))
        cur_start, cur_end = start, _cached_end(text, e, size, ends)
    if cur_end >= 0:
        out.append((cur_start, cur_end))
    return out


def _cached_end(text: str, e: int, size: int, ends: dict[int, int]) -> int:
    end = ends.get(e)
    if end is None:
        end = ends[e] = _end_at_space(text, e + RIGHT, size)
    return end


def _start_after_space(text: str, lo: int, trigger: int, floor: int) -> int:
    """Just after the first whitespace in ``[lo, trigger)``, else after the last one before
    ``lo`` (but not before ``floor``), else ``floor``."""
    if lo == 0:
        return 0
    m = _SPACE.search(text, lo, trigger)
    if m:
        return m.end()
    m = _LAST_SPACE.search(text, floor, lo)
    return m.end() if m else floor


def _end_at_space(text: str, hi: int, size: int) -> int:
    if hi >= size:
        return size
    m = _SPACE.search(text, hi)
    return m.start() if m else size


class Condensed:
    """The stretches of a text around some triggers, joined, with a map back to the text.
    The condensed text starts with the joining character too, so that every stretch has one
    character before it."""

    def __init__(self, text: str, stretches: list[tuple[int, int]]) -> None:
        self.text = text
        self.starts: list[int] = []  # where each stretch starts in the condensed text
        self.shifts: list[int] = []  # source offset minus condensed offset
        pieces: list[str] = [""]
        at = len(_JOIN)
        for s, e in stretches:
            self.starts.append(at)
            self.shifts.append(s - at)
            pieces.append(text[s:e])
            at += e - s + len(_JOIN)
        self.condensed = _JOIN.join(pieces)

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[Shifted]:
        starts, shifts, text = self.starts, self.shifts, self.text
        if pattern in LED:
            for m in _led_matches(pattern, self.condensed):
                shift = shifts[bisect_right(starts, m.start() + 1) - 1]
                yield LedShifted(m, shift, text)
        else:
            for m in pattern.finditer(self.condensed):
                shift = shifts[bisect_right(starts, m.start()) - 1]
                yield Shifted(m, shift, text)


def _led_matches(pattern: re.Pattern[str], string: str) -> Iterator[re.Match[str]]:
    """The matches of a pattern compiled to read the character before its phrase (see
    ``patterns._c``), as ``finditer`` would give the phrases: each after the last."""
    search = pattern.search
    pos = 0
    while (m := search(string, pos)) is not None:
        yield m
        pos = max(m.end() - 1, m.start() + 1)


def matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str] | Shifted]:
    """Every match of a rule's pattern in the whole of ``text``."""
    if pattern not in LED:
        return pattern.finditer(text)
    return (LedShifted(m, -1, text) for m in _led_matches(pattern, _JOIN + text))


class Shifted:
    """A match in a condensed text, read in the coordinates of the source text."""

    __slots__ = ("_m", "_shift", "string")

    def __init__(self, match: re.Match[str], shift: int, string: str) -> None:
        self._m = match
        self._shift = shift
        self.string = string

    def start(self, group: int | str = 0) -> int:
        at = self._m.start(group)
        return at + self._shift if at >= 0 else at

    def end(self, group: int | str = 0) -> int:
        at = self._m.end(group)
        return at + self._shift if at >= 0 else at

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, *groups: int | str) -> Any:
        return self._m.group(*groups)

    def groupdict(self) -> dict[str, str | None]:
        return self._m.groupdict()


class LedShifted(Shifted):
    """As :class:`Shifted`, for a match that starts with the character before its phrase."""

    __slots__ = ()

    def start(self, group: int | str = 0) -> int:
        at = self._m.start(group)
        if group == 0:
            return at + 1 + self._shift
        return at + self._shift if at >= 0 else at

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, *groups: int | str) -> Any:
        if len(groups) == 1 and groups[0] != 0:
            return self._m.group(groups[0])
        if not groups or groups == (0,):
            return self._m.group()[1:]
        return tuple(self.group(g) for g in groups)


class Scanner:
    """Condensed texts of one source, built on demand for each set of trigger classes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._triggers = triggers(text)
        self._cache: dict[frozenset[str], Condensed] = {}
        self._ends: dict[int, int] = {}
        self._firsts: dict[int, int] = {}

    def finditer(self, pattern: re.Pattern[str], classes: frozenset[str]) -> Iterator[Shifted]:
        condensed = self._cache.get(classes)
        if condensed is None:
            spans = sorted(s for name in classes for s in self._triggers[name])
            stretches = segments(self.text, spans, self._ends, self._firsts)
            condensed = Condensed(self.text, stretches)
            self._cache[classes] = condensed
        return condensed.finditer(pattern)
