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
    rf"(?!{SP}{_nocase(vocab.DETERMINERS)}{END})"
    rf"|(?P<future>{_nocase(vocab.FUTURE_MARKERS)})"
    rf"|(?P<infinitive>(?P<due>(?i:due){SP})?(?i:to){SP}{_nocase(vocab.INFINITIVES)})"
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


def tense(text: str, start: int, end: int, *, coarse: bool = False) -> str:
    """ "future", "past" or "" for the sentence around ``text[start:end]``. ``coarse``: the
    date names no day (a month, a season), which a past verb of commitment before "to" dates
    ("agreed to buy the line in February": agreed in February), where it looks ahead to a
    day ("agreed to meet on Thursday")."""
    begin, finish = sentence_bounds(text, start, end, WINDOW)
    # the date's own stretch between commas: a verb there is the date's ("The deal, agreed in
    # October, will cost"); a relative clause elsewhere is not ("the plan, which will cost
    # more, in October")
    own_begin = text.rfind(",", begin, start) + 1 or begin
    own_end = text.find(",", end, finish)
    own_end = finish if own_end < 0 else own_end
    # (a relative clause can only close at the comma before the date, and only if no more
    # than a preposition lies between)
    relative = own_begin > begin and _TO_DATE.match(text, own_begin, start) is not None
    best: tuple[int, str, int] | None = None
    own: tuple[int, str, int] | None = None
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
        if label == "either" and last in _AHEAD_LABELS:
            label = last  # "is scheduled to close Monday"
        last = label
        distance = start - match.end() if match.end() <= start else 2 * (at - end)
        if own_begin <= at < own_end:
            if own is None or distance < own[0]:
                own = (distance, label, at)
        elif best is None or distance < best[0]:
            if not (relative and at < own_begin and _in_relative(text, begin, at, own_begin)):
                best = (distance, label, at)
    if own is not None:
        best = own
    label = ""
    if best is not None:
        _, label, at = best
        if label in _AHEAD_LABELS and _under_past_auxiliary(text, begin, at):
            label = "past"
        if label == "committed":
            label = "past" if coarse else "future"
    if label != "future" and delayed(text, start):
        return "future"  # "postponed until Saturday", "pushed back to August"
    if label == "past" and _SPAN_END.search(text, max(0, start - 16), start):
        return ""  # "an order that he stay until March 6": a deadline may lie ahead
    return "" if label == "either" else label


#: A relative clause between commas: ", which will cost more,".
_RELATIVE = re.compile(r"\s{0,3}(?:which|who|whom|whose)\b", re.IGNORECASE)


#: Between a relative clause's closing comma and the date after it: a preposition at most.
_TO_DATE = re.compile(r"\s{0,3}(?:(?:in|on|at|by|from|until|since|during)\s{1,3})?\Z", re.I)


def _in_relative(text: str, begin: int, at: int, own_begin: int) -> bool:
    """Whether the marker at ``at`` lies in a relative clause between commas that closes
    right before the date's own stretch (which starts at ``own_begin``): "agreed the plan,
    which will cost more, in October"."""
    comma = text.rfind(",", begin, at)
    if comma < 0 or not _RELATIVE.match(text, comma + 1):
        return False
    return text.find(",", at, own_begin) == own_begin - 1


#: Right before a date: a verb of delay and the preposition of the new date, a few words
#: apart at most ("postponed the vote until", "pushed the opening back to").
_WORDS = r"(?:\s{1,3}[\w'’-]+){0,4}?"
_DELAY = re.compile(
    rf"\b(?:(?:{'|'.join(vocab.DELAY_STEMS)})\w*"
    rf"|(?:{'|'.join(vocab.DELAY_PARTICLE_VERBS)}){_WORDS}\s{{1,3}}(?:{'|'.join(vocab.DELAY_PARTICLES)}))"
    rf"{_WORDS}\s{{1,3}}(?:until|till|to|for)\s{{1,3}}\Z",
    re.IGNORECASE,
)
#: The prepositions it ends with, looked for first: most dates follow none of them.
_DELAY_ENDS = ("until", "till", "to", "for")


def delayed(text: str, start: int) -> bool:
    """Whether the date at ``start`` is the one something was put off, or brought forward,
    to: "postponed until Saturday", "pushed the opening back to August"."""
    if not text[max(0, start - 9) : start].rstrip().lower().endswith(_DELAY_ENDS):
        return False
    return _DELAY.search(text, max(0, start - 90), start) is not None


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
                found = "future" if found == "committed" else found
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


#: Labels of markers that look ahead: a future, and a past verb of commitment before "to".
_AHEAD_LABELS = ("future", "committed")


def _label(match: re.Match[str], after: bool) -> str:
    """What one marker says: "future", "past", or "" for an -ed adjective."""
    kind = match.lastgroup or ""
    if kind == "none":
        return ""
    if kind == "lead":
        if not after:
            verb = match.group("lead").lower()
            return "committed" if verb in vocab.COMMITTED else "future"
        # "Saturday vowed to hunt them down": a past verb dates the day it was said;
        # "on Tuesday, the league plans to hold" still looks ahead
        verb = match.group("lead").lower()
        return "past" if verb.endswith("ed") or verb in vocab.PAST_MARKERS else "future"
    if kind == "present":
        return "either"
    if kind == "infinitive":
        if match.group("due"):
            return "future"  # "due to take effect"
        return "" if after else "either"
    if kind == "ed":
        return "" if match.group("ed").lower() in vocab.NOT_PAST_ED else "past"
    return kind
