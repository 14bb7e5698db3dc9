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
* an infinitive ("subpoenaed him to testify on Feb. 10") or a present in -ing ("is calling
  the bonds on Dec. 7") nearer the date than any past says nothing of its side of today: the
  nearest date of that name is meant, unless a future comes before ("is scheduled to close
  Monday").
"""

from __future__ import annotations

import re

from ..sentences import sentence_bounds
from . import vocab
from .patterns import END, SP, WORD_START, _alt

#: How far from a date its sentence is read, at most, each way.
WINDOW = 240

#: After a form of "be" a participle is passive ("is expected", "been sold"): no tense.
_NOT_PASSIVE = r"(?<!\bbe )(?<!\bbeen )(?<!\bis )(?<!\bare )(?<!\bbeing )"
_MARKERS = re.compile(
    rf"{WORD_START}(?:(?P<none>(?i:{_alt(vocab.NOT_TENSE_MARKERS)})"
    rf"|(?i:was|were)(?={SP}(?:{_alt(vocab.LOOKING_AHEAD_ING)}){END}))"
    rf"|(?P<lead>(?i:{_alt(vocab.INFINITIVE_LEADS)})){SP}(?i:to)"
    rf"|(?P<future>(?i:{_alt(vocab.FUTURE_MARKERS)}))"
    rf"|(?P<infinitive>(?i:to){SP}(?i:{_alt(vocab.INFINITIVES)}))"
    rf"|(?P<present>(?i:is|are){SP}(?!{_alt(vocab.LOOKING_AHEAD_ING)})[a-z]{{2,}}ing)"
    rf"|{_NOT_PASSIVE}(?:(?P<past>(?i:{_alt(vocab.PAST_MARKERS)}))|(?P<ed>[a-z]{{2,}}ed))){END}"
)
_QUOTE_CLOSE = re.compile(r"[\"”]|''|’’")
_PAST_AUXILIARY = re.compile(rf"(?i:{_alt(vocab.PAST_AUXILIARIES)}){SP}(?:\w+{SP})?$")


def tense(text: str, start: int, end: int) -> str:
    """ "future", "past" or "" for the sentence around ``text[start:end]``."""
    begin, finish = sentence_bounds(text, start, end, WINDOW)
    best: tuple[int, str, int] | None = None
    last = ""  # the label of the marker before this one
    for match in _MARKERS.finditer(text, begin, finish):
        if start <= match.start() < end:
            continue
        after = match.start() >= end
        if after and _QUOTE_CLOSE.search(text, end, match.start()):
            break  # "… leave on Thursday," Castro said: the reporting verb is not its tense
        label = _label(match, after)
        if not label:
            continue
        if label == "either" and last == "future":
            label = "future"  # "is scheduled to close Monday"
        last = label
        distance = start - match.end() if match.end() <= start else 2 * (match.start() - end)
        if best is None or distance < best[0]:
            best = (distance, label, match.start())
    if best is None:
        return ""
    _, label, at = best
    if label == "future" and _PAST_AUXILIARY.search(text, max(begin, at - 24), at):
        marker = _MARKERS.match(text, at)
        if marker is not None and "ing" not in marker.group().lower():
            return "past"  # "was due to", but not "were planning to"
    return "" if label == "either" else label


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
        return "" if match.group().lower() in vocab.NOT_PAST_ED else "past"
    return kind
