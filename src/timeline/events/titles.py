"""Titles: a short headline for a dated mention, from the clause around its date phrase."""

from __future__ import annotations

import re

#: Little words dropped from the edge of a title where the date phrase was cut out.
EDGE_WORDS = frozenset(
    "in on at by since until till from to during of the a an and or but between as for "
    "before after around about through throughout up over this that which when".split()
)

#: Little words dropped after the date phrase when it opens the clause ("2012 to ...").
TRAILING_EDGE_WORDS = frozenset("to and or until till through".split())

#: Characters that separate clauses within a sentence.
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:()\[\]“”‘\"]|['’](?![A-Za-z])|\s[-–—]\s|—)\s*")
_MARKUP = re.compile(r"\*\*|__|^#+\s*|`")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_LEADING_JUNK = re.compile(r"^(?:(?:and|but|or|so|then)\s+|['’]s\s+)", re.I)

#: The title of a mention that stands alone on its line, such as a dateline.
DATE_ONLY_TITLE = "Date on a line of its own"
TITLE_MAX = 90  # characters
TITLE_MIN_WORDS = 4


def make_title(sentence: str, start: int, end: int) -> str:
    """A short title from the clause around the date phrase ``sentence[start:end]``.

    The date phrase is cut out along with the little words at the cut ("In June 2018, X was
    rated" -> "X was rated"); short clauses borrow their neighbours.
    """
    head, tail = sentence[:start].rstrip(), sentence[end:].lstrip()
    if head.endswith(("(", "[")) and tail.startswith((")", "]")):
        # A date given as an aside: title the sentence it is an aside to.
        sentence = head[:-1].rstrip() + " " + tail[1:].lstrip()
        start = end = len(head[:-1].rstrip())
    clauses = _clauses(sentence, start, end)
    home = next((i for i, (a, b) in enumerate(clauses) if a <= start <= b), 0)
    a, b = clauses[home]
    lo, hi = home, home
    while _word_count(_without(sentence, a, b, start, end)) < TITLE_MIN_WORDS:
        if hi + 1 < len(clauses):
            hi += 1
            b = clauses[hi][1]
        elif lo > 0:
            lo -= 1
            a = clauses[lo][0]
        else:
            break
    title = _without(sentence, a, b, start, end)
    if _word_count(title) < 2:
        rest = _tidy(sentence[:start] + sentence[end:])
        title = rest if _word_count(rest) >= 2 else DATE_ONLY_TITLE
    return _shorten(title)


def _clauses(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of a sentence; a break inside the date phrase itself does not count."""
    spans, pos = [], 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        if start < match.end() and match.start() < end:
            continue
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if pos < len(sentence):
        spans.append((pos, len(sentence)))
    return spans or [(0, len(sentence))]


def _without(sentence: str, a: int, b: int, start: int, end: int) -> str:
    """The clause ``sentence[a:b]`` with the date phrase and its little edge words cut out."""
    if not (a <= start < b):
        return _tidy(sentence[a:b])
    before = sentence[a:start].split()
    after = sentence[min(end, b) : b].split()
    while before and before[-1].lower().strip("'’") in EDGE_WORDS:
        before.pop()
    if after and after[0].lower() in ("'s", "’s"):
        after.pop(0)
    while not before and after and after[0].lower() in TRAILING_EDGE_WORDS:
        after.pop(0)
    return _tidy(" ".join(before + after))


def _tidy(text: str) -> str:
    text = _MARKUP.sub("", text)
    text = _EMPTY_BRACKETS.sub("", text)
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_JUNK.sub("", text.strip(" .,;:-–—'\"“”‘’*"))
    return text[:1].upper() + text[1:]


def _word_count(text: str) -> int:
    return len(text.split())


def _shorten(text: str) -> str:
    if len(text) <= TITLE_MAX:
        return text
    cut = text.rfind(" ", 0, TITLE_MAX - 1)
    return text[: cut if cut > 0 else TITLE_MAX - 1].rstrip(" ,;:") + "…"
