"""Whether the sentence around a date looks back or ahead: how a reader chooses the year of
"16 May" or the week of "Friday" in a news report.

The marker nearest the date decides: a future ("will", "planned to", "is to") or a past
("said", "has been", a word in -ed). A marker after the date counts half as much, since the
verb before a date usually governs it. Refinements:

* a future marker under a past auxiliary looks back from the past ("was due to expire
  Friday", "had been expected to"), so the sentence counts as past;
* a word in -ed that is an adjective ("an unspecified date", "a hundred") is no past tense;
* words after a closing quotation mark report the quotation ("… on Thursday," he said): they
  do not give the tense of a date inside it;
* an infinitive ("subpoenaed him to testify on Feb. 10"), a present in -ing ("is calling
  the bonds on Dec. 7") or a present passive ("when the case is heard in May") nearer the
  date than any past says nothing of its side of today: the nearest date of that name is
  meant, unless a future comes before ("is scheduled to close Monday");
* nor does a past before "until", "till" or "through" and the date ("rejected an order that
  he stay until March 6", "has extended the loans through January"): the end of a span may
  lie ahead of the day it was set.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..sentences import sentence_bounds
from . import vocab
from .patterns import END, SP, WORD_START, _alt, _before, _nocase

#: How far from a date its sentence is read, at most, each way.
WINDOW = 240

#: After a form of "be" a participle is passive ("is expected", "been sold"): no tense.
_NOT_PASSIVE = r"(?<!\bbe )(?<!\bbeen )(?<!\bis )(?<!\bare )(?<!\bbeing )"
_MARKER = (
    rf"(?:(?P<none>{_nocase(vocab.NOT_TENSE_MARKERS)}"
    rf"|(?i:was|were)(?={SP}(?:{_alt(vocab.LOOKING_AHEAD_ING)}){END}))"
    rf"|(?P<lead>{_nocase(vocab.INFINITIVE_LEADS)}){SP}(?i:to)"
    rf"|(?P<future>{_nocase(vocab.FUTURE_MARKERS)})"
    rf"|(?P<infinitive>(?i:to){SP}{_nocase(vocab.INFINITIVES)})"
    rf"|(?P<present>(?i:is|are){SP}"
    rf"(?:(?!{_alt(vocab.LOOKING_AHEAD_ING)})[a-z]{{2,}}ing"
    rf"|(?!{_alt(vocab.FUTURE_MARKERS)})(?:{_alt(vocab.IRREGULAR_PARTICIPLES)}|[a-z]{{2,}}ed)))"
    rf"|{_NOT_PASSIVE}(?:(?P<past>{_nocase(vocab.PAST_MARKERS)})|(?P<ed>[a-z]{{2,}}ed))){END}"
)
_MARKERS = re.compile(rf"{WORD_START}{_MARKER}")
#: The same, reading the character before the marker instead of looking behind at every
#: place: the search skips to the places a word can start, several times faster.
_NOT_AFTER = WORD_START[4:-1]  # what may not come before a marker
_LED_MARKERS = re.compile(rf"{_before(_NOT_AFTER)}(?<!{_NOT_AFTER}){_MARKER}")
_QUOTE_CLOSE = re.compile(r"[\"”]|''|’’")
_PAST_AUXILIARY = re.compile(rf"(?i:{_alt(vocab.PAST_AUXILIARIES)}){SP}(?:\w+{SP})?$")


#: Right before a date: the end of a span ("until March 6", "through January").
_SPAN_END = re.compile(r"\b(?:until|till|through)\s{1,3}\Z", re.IGNORECASE)


def tense(text: str, start: int, end: int) -> str:
    """ "future", "past" or "" for the sentence around ``text[start:end]``."""
    begin, finish = sentence_bounds(text, start, end, WINDOW)
    best: tuple[int, str, int] | None = None
    last = ""  # the label of the marker before this one
    for at, match in _markers(text, begin, finish):
        if start <= at < end:
            continue
        after = at >= end
        if after and _QUOTE_CLOSE.search(text, end, at):
            break  # "… leave on Thursday," Castro said: the reporting verb is not its tense
        label = _label(match, after)
        if not label:
            continue
        if label == "either" and last == "future":
            label = "future"  # "is scheduled to close Monday"
        last = label
        distance = start - match.end() if match.end() <= start else 2 * (at - end)
        if best is None or distance < best[0]:
            best = (distance, label, at)
    if best is None:
        return ""
    _, label, at = best
    if label == "future" and _under_past_auxiliary(text, begin, at):
        label = "past"
    if label == "past" and _SPAN_END.search(text, max(0, start - 16), start):
        return ""  # "an order that he stay until March 6": a deadline may lie ahead
    return "" if label == "either" else label


#: What can make the words before a date look ahead: a future, or a verb such as "planned"
#: before "to"; in lower case, looked for first, as that costs much less than the markers.
_AHEAD_WORDS = {w.lower() for w in vocab.FUTURE_MARKERS} | {
    f"{w} to" for w in vocab.INFINITIVE_LEADS
}
_AHEAD = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(_AHEAD_WORDS, key=len)[::-1]))})\b")


def looks_ahead(text: str, start: int, reach: int = 80) -> bool:
    """Whether the words right before ``start``, in its sentence and at most ``reach``
    characters back, look ahead: the marker nearest before it is a future ("the road would
    be exposed for a planned campaign in 1976"), not under a past auxiliary. A cheaper reading
    than :func:`tense`, for the dates of a narrative."""
    begin = max(0, start - reach)
    if not _AHEAD.search(text[begin:start].lower()):
        return False
    for end in (". ", ".\n", "\n", "; "):  # (a sentence or clause that ends before it)
        cut = text.rfind(end, begin, start)
        if cut >= 0:
            begin = cut + len(end)
    label, at = "", -1
    for where, match in _markers(text, begin, start):
        if match.end() <= start:
            found = _label(match, False)
            if found:
                label = "future" if found == "either" and label == "future" else found
                at = where
    return label == "future" and not _under_past_auxiliary(text, begin, at)


def _under_past_auxiliary(text: str, begin: int, at: int) -> bool:
    """Whether the future marker at ``at`` looks ahead from the past: "was due to", "had been
    expected to", but not "were planning to"."""
    if not _PAST_AUXILIARY.search(text, max(begin, at - 24), at):
        return False
    marker = _MARKERS.match(text, at)
    return marker is not None and "ing" not in marker.group().lower()


def _markers(text: str, begin: int, finish: int) -> Iterator[tuple[int, re.Match[str]]]:
    """Each marker in ``text[begin:finish]``, with where it starts."""
    pos = max(0, begin - 1)
    if begin == 0:  # no character before the text to read
        first = _MARKERS.match(text, 0, finish)
        if first is not None:
            yield 0, first
            pos = first.end()
    for match in _LED_MARKERS.finditer(text, pos, finish):
        yield match.start() + 1, match


def _label(match: re.Match[str], after: bool) -> str:
    """What one marker says: "future", "past", or "" for an -ed adjective."""
    kind = match.lastgroup or ""
    if kind == "none":
        return ""
    if kind == "lead":
        if not after:
            return "future"
        # "Saturday vowed to hunt them down": a past verb dates the day it was said;
        # "on Tuesday, the league plans to hold" still looks ahead
        verb = match.group("lead").lower()
        return "past" if verb.endswith("ed") or verb in vocab.PAST_MARKERS else "future"
    if kind == "present":
        return "either"
    if kind == "infinitive":
        return "" if after else "either"
    if kind == "ed":
        return "" if match.group("ed").lower() in vocab.NOT_PAST_ED else "past"
    return kind
