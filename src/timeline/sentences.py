"""Where a sentence starts and ends: full stops that end sentences, and those that do not.

Shared by the tagger (the tense of a date's sentence, a time's day) and by the events (the
quote each event carries), so that both read "at 10 a.m. Friday" or "the U.S. embassy" as
one sentence.
"""

from __future__ import annotations

import re

#: Words ending in a full stop that do not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms messrs dr prof st no nos p pp para vol ch fig cf vs etc e.g i.e approx dept "
    "govt gov cllr coun sen rep gen col lt sgt jan feb mar apr jun jul aug sep sept oct nov "
    "dec inc ltd co corp jr sr ave".split()
)

#: Times of day, whose full stop may also end a sentence.
_CLOCK = frozenset({"a.m", "p.m"})
#: Words that go on a sentence after a time of day: weekdays, months and their shortenings.
_DAY_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec today tonight "
    "tomorrow yesterday".split()
)
_NEXT_WORD = re.compile(r"['\"”’)]*\s+(\S+?)[.,;:]?(?:\s|$)")
#: Sentence punctuation, closing quotes or brackets, space, then what may start a sentence.
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*\s+(?=[\"“‘'(`]{0,2}[A-Z0-9])")
#: Initials and dotted abbreviations: "U.S", "U.N", "a.m", "e.g".
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def sentence_bounds(text: str, start: int, end: int, window: int | None = None) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, bounded by lines and sentence punctuation, and
    by ``window`` characters each way when given (so that the cost per phrase is bounded)."""
    floor = 0 if window is None else max(0, start - window)
    ceiling = len(text) if window is None else min(len(text), end + window)
    lo = text.rfind("\n", floor, start) + 1 or floor
    hi = text.find("\n", end, ceiling)
    hi = ceiling if hi < 0 else hi
    # Within the line, cut at the last sentence end before the phrase and the first after it.
    for match in _SENTENCE_END.finditer(text, lo, min(hi, start + 3)):
        if match.end() <= start and not is_abbreviation(text, match.start()):
            lo = match.end()
    for match in _SENTENCE_END.finditer(text, end, hi):
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


def crosses_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, the text between two phrases, ends a sentence (including
    at the first phrase's own final full stop: "at 10 p.m. The next day")."""
    if "\n" in text[start:end]:
        return True
    if start > 0 and text[start - 1] == ".":
        start -= 1
    return any(
        not is_abbreviation(text, match.start())
        for match in _SENTENCE_END.finditer(text, start, end)
    )


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation ("Mr.", "Sept.", "U.S.", "a.m.",
    an initial) rather than a sentence."""
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot]
    if word.lower() in _CLOCK:
        return _clock_goes_on(text, dot + 1)
    if word.lower() in ABBREVIATIONS or _INITIALS.fullmatch(word):
        return True
    return len(word) == 1 and word.isalpha() and word.isupper()


def _clock_goes_on(text: str, after: int) -> bool:
    """After "10 a.m." a sentence goes on to a time zone, a day or a bracket ("10 a.m. EST
    Friday", "a.m. (0735 GMT)"); any other capitalised word starts a new one."""
    match = _NEXT_WORD.match(text, after)
    if match is None:
        return True
    word = match.group(1)
    return word.isupper() or word.lower() in _DAY_WORDS or not word[:1].isalpha()
