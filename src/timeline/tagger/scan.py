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
from typing import Any, Literal, Protocol, overload

from . import vocab
from .patterns import LED, NEEDS

#: How far before a trigger a phrase may start ("up until the end of March") and after it a
#: phrase and its look-ahead may reach ("16th of May", "2019's").
LEFT = 50
RIGHT = 24
_JOIN = "\x00"

_SPACE = re.compile(r"\s")
#: What may come between a clock's digit and the "m" of its "am" or "pm".
_AM_PM = r"(?<=[0-9][aApP]{m})|(?<=[0-9]\s[aApP]{m})|(?<=[0-9][aApP]\.{m})|(?<=[0-9]\s[aApP]\.{m})"
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


def _word_classes() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each trigger word (lower case): the classes it triggers in any case, and those it
    triggers only when Capitalised or in UPPER CASE."""
    table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for name, words in vocab.TRIGGERS.items():
        for word in words:
            # The word pass below relies on it: of the words that can end before a non-letter
            # at one place, there is then only one.
            assert word.isascii() and word.isalpha() and word.islower(), word
            plain, cased = table.get(word, ((), ()))
            if name in vocab.CASED_TRIGGERS:
                cased = (*cased, name)
            else:
                plain = (*plain, name)
            table[word] = (plain, cased)
    return table


_WORDS = _word_classes()
#: Every trigger word, in lower case, found in the lower-cased text in one pass; whether a
#: word is Capitalised or in UPPER CASE, as a month or weekday must be, is read from the text
#: afterwards. No look-behind: a pattern that starts with a character class is searched much
#: faster. A word must follow a character that is not a letter (the start of the text is
#: tried apart).
_WORD = re.compile(rf"[^a-z]({_trie(_WORDS)})(?![a-z])")
_FIRST_WORD = re.compile(rf"({_trie(_WORDS)})(?![a-z])")
#: Classes of digits, found by pattern: (class, pattern, how far before the match the trigger
#: may start). Each pattern starts with a literal character, so that the search skips at once
#: to the places it can match (a pattern that starts with a class of characters is searched
#: several times slower). Every trigger a phrase can hold is found; a few that no phrase can
#: hold are found too (a year inside a longer run of digits), which only widens a stretch.
_DIGIT_PATTERNS: tuple[tuple[str, re.Pattern[str], int], ...] = (
    # four digits that can be a year, even inside a longer run ("1990s")
    ("year", re.compile(r"1[0-9]{3}"), 0),
    ("year", re.compile(r"2[01][0-9]{2}"), 0),
    # "1990s", "'90s": found at their "0s"
    ("decade", re.compile(r"0(?:s|['’]s)"), 4),
    # "10:30", "18.00": found at their separator; "8pm", "7 p.m.": found at their "m"
    ("clock", re.compile(r":(?<=[0-9]:)[0-5][0-9]"), 1),
    ("clock", re.compile(r"\.(?<=[0-9]\.)[0-5][0-9]"), 1),
    *(("clock", re.compile(rf"{m}(?<=[aApP]{m}|\.{m})(?:{_AM_PM.format(m=m)})"), 4) for m in "mM"),
    # "01/03/2023", "1.3.2023": found at their first separator
    ("numeric", re.compile(r"/[0-9]{1,2}/[0-9]"), 2),
    ("numeric", re.compile(r"\.[0-9]{1,2}\.[0-9]"), 2),
    ("qcode", re.compile(r"Q[1-4]"), 0),
    # "480 BC", "31 B.C.E.", "the 5th century BC": found at the era
    ("era", re.compile(r"B(?<![A-Za-z]B)\.?C"), 6),
    # "AD 476", "476 CE": found at the era
    ("era", re.compile(r"A(?<![A-Za-z]A)\.?D"), 6),
    ("era", re.compile(r"C(?<![A-Za-z]C)\.?E"), 6),
)
ALL_CLASSES = frozenset(vocab.TRIGGERS) | frozenset(name for name, _, _ in _DIGIT_PATTERNS)


def triggers(text: str) -> dict[str, list[tuple[int, int]]]:
    """The spans of every trigger in ``text``, by class ("year", "month", ...)."""
    found: dict[str, list[tuple[int, int]]] = {name: [] for name in ALL_CLASSES}
    for name, pattern, back in _DIGIT_PATTERNS:
        if back:
            found[name].extend((max(0, m.start() - back), m.end()) for m in pattern.finditer(text))
        else:
            found[name].extend(m.span() for m in pattern.finditer(text))
    _word_triggers(text, found)
    for spans in found.values():
        spans.sort()
    return found


#: The same words, found in the text folded to ASCII bytes: letters in lower case, anything
#: else a space (a character that is no ASCII letter is no part of a trigger word, and each
#: character is one byte, so positions are kept). A pass that looks for a space first is
#: much faster than one that looks for any character that is not a letter.
_FOLD = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_FOLDED_WORD = re.compile(rf" ({_trie(_WORDS)})(?![a-z])".encode())
_BYTE_WORDS = {word.encode(): (word, *classes) for word, classes in _WORDS.items()}
#: The one character that is no ASCII letter but lowers to one: the Kelvin sign, "k".
_LOWERS_TO_ASCII = "\u212a"


def _word_triggers(text: str, found: dict[str, list[tuple[int, int]]]) -> None:
    if _LOWERS_TO_ASCII in text:
        _word_triggers_lowered(text, found)
        return
    folded = b" " + text.encode("ascii", "replace").translate(_FOLD)
    for m in _FOLDED_WORD.finditer(folded):
        start, end = m.span(1)
        span = (start - 1, end - 1)
        word, plain, cased = _BYTE_WORDS[m.group(1)]
        for name in plain:
            found[name].append(span)
        if cased and _capitalised(text, span, word):
            for name in cased:
                found[name].append(span)


def _word_triggers_lowered(text: str, found: dict[str, list[tuple[int, int]]]) -> None:
    """As :func:`_word_triggers`, reading the text lowered: for the rare text in which a
    character that is no ASCII letter lowers to one."""
    lower = text.lower()
    if len(lower) != len(text):  # a few characters change length when lowered
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    first = _FIRST_WORD.match(lower)
    for m in ([first] if first else []) + list(_WORD.finditer(lower)):
        span = m.span(1)
        word = m.group(1)
        plain, cased = _WORDS[word]
        for name in plain:
            found[name].append(span)
        if cased and _capitalised(text, span, word):
            for name in cased:
                found[name].append(span)


def _capitalised(text: str, span: tuple[int, int], word: str) -> bool:
    """True when ``word`` is spelt Capitalised or in UPPER CASE at ``span`` of ``text``, and
    not right after a letter."""
    start, end = span
    if start and text[start - 1].isalpha():
        return False
    return text[start:end] in (word.capitalize(), word.upper())


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
                end = ends.get(e)  # (looked up here: most triggers share their stretch's end)
                cur_end = _cached_end(text, e, size, ends) if end is None else end
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
        self.stretches = stretches
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

    def narrowed(self, need: re.Pattern[str]) -> Condensed:
        """The stretches that hold a match of ``need``, in a condensed text of their own.

        No phrase holds the joining character, so a phrase lies in one stretch and is matched
        there as the stretch reads alone, between two joining characters; a rule whose every
        phrase holds a match of ``need`` finds the same phrases in the stretches kept. A match
        of ``need`` that a longer one overlaps lies in the same stretch as that one."""
        starts, last = self.starts, -1
        keep: list[tuple[int, int]] = []
        for m in need.finditer(self.condensed):
            first = max(bisect_right(starts, m.start()) - 1, last + 1, 0)
            last = max(bisect_right(starts, max(m.end() - 1, m.start())) - 1, last)
            keep.extend(self.stretches[first : last + 1])
        return Condensed(self.text, keep)

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[Match]:
        """The matches of ``pattern`` in the condensed text, as matches in the source.

        Each is found again by matching, at its place in the source, the pattern it stands
        for: a match object of the source is read much faster than a :class:`Shifted` one.
        The condensed text shows the pattern what the source shows it, so the two agree;
        should they not, the condensed match is kept, shifted."""
        starts, shifts, text = self.starts, self.shifts, self.text
        plain = LED.get(pattern)
        if plain is not None:
            for m in _led_matches(pattern, self.condensed):
                shift = shifts[bisect_right(starts, m.start() + 1) - 1]
                again = plain.match(text, m.start() + 1 + shift)
                if again is not None and again.end() == m.end() + shift:
                    yield again
                else:
                    yield LedShifted(m, shift, text)
        else:
            for m in pattern.finditer(self.condensed):
                shift = shifts[bisect_right(starts, m.start()) - 1]
                again = pattern.match(text, m.start() + shift)
                if again is not None and again.end() == m.end() + shift:
                    yield again
                else:
                    yield Shifted(m, shift, text)


def _led_matches(pattern: re.Pattern[str], string: str) -> Iterator[re.Match[str]]:
    """The matches of a pattern compiled to read the character before its phrase (see
    ``patterns._c``), as ``finditer`` would give the phrases: each after the last."""
    search = pattern.search
    pos = 0
    while (m := search(string, pos)) is not None:
        yield m
        pos = max(m.end() - 1, m.start() + 1)


def matches(pattern: re.Pattern[str], text: str) -> Iterator[Match]:
    """Every match of a rule's pattern in the whole of ``text``."""
    if pattern not in LED:
        return pattern.finditer(text)
    return (LedShifted(m, -1, text) for m in _led_matches(pattern, _JOIN + text))


class Match(Protocol):
    """What a rule reads of a match: a match in the source, or a :class:`Shifted` one."""

    @property
    def string(self) -> str: ...
    @property
    def re(self) -> re.Pattern[str]: ...
    def start(self, group: int | str = 0, /) -> int: ...
    def end(self, group: int | str = 0, /) -> int: ...
    def span(self, group: int | str = 0, /) -> tuple[int, int]: ...
    @overload
    def group(self, group: Literal[0] = 0, /) -> str: ...
    @overload
    def group(self, group: int | str, /) -> str | Any: ...
    @overload
    def group(
        self, group1: int | str, group2: int | str, /, *groups: int | str
    ) -> tuple[Any, ...]: ...
    def groupdict(self) -> dict[str, str | Any]: ...


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

    @property
    def re(self) -> re.Pattern[str]:
        return self._m.re


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

    def finditer(self, pattern: re.Pattern[str], classes: frozenset[str]) -> Iterator[Match]:
        condensed = self._cache.get(classes)
        if condensed is None:
            if len(classes) == 1:
                (name,) = classes
                spans = self._triggers[name]  # sorted already
            else:
                spans = sorted(s for name in classes for s in self._triggers[name])
            stretches = segments(self.text, spans, self._ends, self._firsts)
            condensed = Condensed(self.text, stretches)
            self._cache[classes] = condensed
        need = NEEDS.get(pattern)
        if need is not None:
            condensed = condensed.narrowed(need)
        return condensed.finditer(pattern)
