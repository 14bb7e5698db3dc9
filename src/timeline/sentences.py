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


#: The farthest a sentence is read from a phrase, each way. A quote is cut there (at the edge
#: of a word), and two phrases farther apart are not in one sentence: on text without
#: sentence punctuation (a list of dates, a table flattened to one line) the cost per phrase
#: stays bounded. Sentences of prose are far shorter: in the development corpora no date lies
#: more than 560 characters from either end of its sentence.
REACH = 600

#: How far back from a phrase its sentence's start is looked for at first; doubled until found.
_STEP = 128


def sentence_bounds(text: str, start: int, end: int, window: int | None = None) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, bounded by lines and sentence punctuation, and
    by ``window`` characters each way when given (so that the cost per phrase is bounded; the
    cut may fall within a word)."""
    floor = 0 if window is None else max(0, start - window)
    ceiling = len(text) if window is None else min(len(text), end + window)
    lo = text.rfind("\n", floor, start) + 1 or floor
    hi = text.find("\n", end, ceiling)
    hi = ceiling if hi < 0 else hi
    lo = _last_start(text, lo, start, min(hi, start + 3))
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


def _last_start(text: str, lo: int, start: int, stop: int) -> int:
    """Where the last sentence that ends before ``start`` (and after ``lo``) ends, else ``lo``.

    Read backwards in stretches that double, so that the cost is that of the distance to the
    sentence's start, not to the line's. (A sentence end found from a stretch's start is one
    found from the line's: what a match reads after its full stop cannot start another.)
    """
    step = _STEP
    while True:
        begin = max(lo, start - step)
        found = -1
        for match in _SENTENCE_END.finditer(text, begin, stop):
            if match.end() <= start and not is_abbreviation(text, match.start()):
                found = match.end()
        if found >= 0:
            return found
        if begin == lo:
            return lo
        step *= 2


def quote_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` as it is quoted: at most :data:`REACH`
    characters each way, a cut that falls within a word moved to that word's edge."""
    lo, hi = sentence_bounds(text, start, end, REACH)
    if lo > 0 and lo == start - REACH:
        while lo < start and not text[lo - 1].isspace():
            lo += 1
        while lo < start and text[lo].isspace():
            lo += 1
    if hi < len(text) and hi == end + REACH:
        while hi > end and not text[hi].isspace():
            hi -= 1
        while hi > end and text[hi - 1].isspace():
            hi -= 1
    return lo, hi


def crosses_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, the text between two phrases, ends a sentence (including
    at the first phrase's own final full stop: "at 10 p.m. The next day"). A span longer
    than :data:`REACH` does."""
    if end - start > REACH or text.find("\n", start, end) >= 0:
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
