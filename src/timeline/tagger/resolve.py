"""Turning what the words said into dates, using the publication date and the text's years.

* A phrase that names its year is EXPLICIT and sets the context year for what follows.
* A phrase without a year takes it from the publication date (PUBLISHED), choosing the year
  that puts it nearest the publication date without contradicting the tense of its sentence;
  else from the nearest explicit year before it in the text (CONTEXT); else it stays
  UNRESOLVED, with the year unknown. A weekday that does not fit the chosen year but fits a
  neighbouring one moves the date there (WEEKDAY).
* "yesterday", "last week", "on Friday" need a publication date; without one they are
  returned with no value, UNRESOLVED.
* "August of that year" takes the year of the last date before it (CONTEXT); "June last
  year" counts from the publication date.
* A reporting period ("the quarter", "the latest period", "the year-ago quarter") is the last
  quarter the text named, or the last whole quarter before the publication date; "a year ago"
  or "a year earlier" shortly after a named quarter is that quarter a year before.
* A named day ("Christmas", "Thanksgiving") is placed like a date without a year.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from ..dates import DateError, DateValue, Precision, Qualifier, day_number
from ..models import Kind, Mention, Resolution
from ..sentences import crosses_sentence, sentence_bounds
from . import guards, vocab
from .specs import (
    Anaphoric,
    Calendar,
    Clock,
    Ending,
    Found,
    Holiday,
    Period,
    Range,
    RelativeDay,
    RelativeNamed,
    RelativeUnit,
    RelativeWeekday,
    RelativeWeekend,
    ReportPeriod,
    Timex,
    Told,
)
from .tense import delayed, looks_ahead
from .tense import tense as tense_of

_SLACK = timedelta(days=31)
_REPORT_SLACK = timedelta(days=92)
_FINE = (Precision.DAY, Precision.WEEK, Precision.MONTH)
#: Precisions precise enough to set the context year.
_YEARLY = (Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.SEASON, Precision.QUARTER,
           Precision.HALF, Precision.YEAR)  # fmt: skip

Result = tuple[DateValue | None, Resolution, DateValue | None]
_NONE: Result = (None, Resolution.UNRESOLVED, None)


@dataclass
class _State:
    text: str
    published: DateValue | None
    context_year: int | None = None
    #: The last day-precise date mention: (its end offset, value, how, anchor).
    last_day: tuple[int, DateValue, Resolution, DateValue | None] | None = None
    #: The last day told, the last of a span of days included ("May 6 and 7th"), and where
    #: its phrase ends.
    told_day: tuple[int, DateValue] | None = None
    #: The last single date with a known year, for "the next day", "that year", and where
    #: the phrase that told it starts.
    last_value: DateValue | None = None
    last_value_span: tuple[int, int] = (-1, -1)
    #: The same date whole (a span as told, not its end), with how it was resolved.
    last_whole: DateValue | None = None
    last_whole_how: Resolution = Resolution.UNRESOLVED
    #: The last quarter named, and where its mention ended: the period a report is about.
    last_quarter: DateValue | None = None
    last_quarter_end: int = -1

    @property
    def day(self) -> date | None:
        """The publication day, when the publication date is that precise."""
        p = self.published
        return (
            p.earliest
            if p is not None and p.precision is Precision.DAY and not p.is_interval
            else None
        )

    @property
    def week(self) -> date | None:
        """The Monday of the publication week, when the publication date gives the week."""
        p = self.published
        if p is None or p.is_interval or p.precision not in (Precision.DAY, Precision.WEEK):
            return None
        first = p.earliest
        if first is None:  # before the common era: no calendar week
            return None
        return first - timedelta(days=first.weekday())

    @property
    def month(self) -> date | None:
        p = self.published
        if p is None or p.is_interval or p.precision not in _FINE:
            return None
        return p.earliest

    @property
    def year(self) -> int | None:
        p = self.published
        if p is None or p.is_interval or p.precision not in _YEARLY:
            return None
        return p.year


def resolve_all(text: str, found: list[Found], published: DateValue | None) -> list[Mention]:
    state = _State(text, published)
    found = _share_years(text, found)
    mentions: list[Mention] = []
    dayless: list[tuple[int, DateValue | None]] = []  # times still without a day, each
    # with the last day told before it in its paragraph
    for index, item in enumerate(found):
        mention: Mention | None
        spec = item.spec
        if isinstance(spec, Anaphoric) and spec.event:
            if _counts_from_next(state.text, item, found[index + 1 : index + 2]):
                # "the day before 5 May": the "before" is the phrase's, not the date's
                following = replace(found[index + 1], prep=None)
                mention = _before_event(state, item, following)
                if mention.kind is not Kind.DURATION:  # (a count it is not: "two days before")
                    found[index + 1] = following
            else:
                mention = _before_event(state, item, None)
        else:
            mention = _mention(state, item)
        if mention is None:
            continue
        if mention.kind is Kind.TIME and mention.value is None:
            alone = isinstance(spec, Clock) and spec.day is None  # ("noon Saturday": its own)
            told = _day_told_before(state, mention.start) if alone else None
            dayless.append((len(mentions), told))
        mentions.append(mention)
        _remember(state, item, mention)
    _days_after(state, mentions, dayless)
    return mentions


#: Before a date the narrative looks ahead to, and does not move to: "an assault that lasted
#: until the fall of Budapest in February 1945".
_UNTIL = re.compile(r"\b(?:until|till|up to)\b[^.;:]*\Z", re.IGNORECASE)

#: What lies between the months of a list: "August and September 1914", "May, June or July".
_LIST_GAP = re.compile(r"\s{0,3}(?:,\s{0,3}(?:and\s{1,3}|or\s{1,3})?|and\s{1,3}|or\s{1,3})\Z")


_SEASON_CODES = frozenset(vocab.SEASONS.values())


def _share_years(text: str, found: list[Found]) -> list[Found]:
    """Months or seasons listed before one with a year take its year: "in August and
    September 1914" is August 1914, and "the spring and early summer of 1943" spring 1943, as
    the text says, whatever year came before."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        item, after = out[i], out[i + 1]
        spec, next_spec = item.spec, after.spec
        if not (isinstance(spec, Calendar) and isinstance(next_spec, Calendar)):
            continue
        if spec.year is not None or spec.year_from is not None or next_spec.year is None:
            continue
        place, next_place = _place_in_year(spec), _place_in_year(next_spec)
        if place is None or next_place is None or place[0] != next_place[0]:
            continue
        if place[1] < next_place[1] and _LIST_GAP.match(text[item.end : after.start]):
            out[i] = replace(item, spec=spec.with_year(next_spec.year))
    return out


def _place_in_year(spec: Calendar) -> tuple[str, int] | None:
    """Whether ``spec`` names a month or a season alone, and which: what can be listed."""
    if spec.day is not None or spec.weekday is not None:
        return None
    if spec.month is not None and spec.subyear is None:
        return ("month", spec.month)
    if spec.month is None and spec.subyear in _SEASON_CODES:
        return ("season", spec.subyear)
    return None


#: How a date that sets the year of the story was resolved: its own year, or the year its
#: weekday fits ("Monday 18 March", after 2022, moves the story to 2024).
_SETS_YEAR = (Resolution.EXPLICIT, Resolution.WEEKDAY)


def _remember(state: _State, item: Found, mention: Mention) -> None:
    """Note what later phrases may count from: the last day, year, quarter named."""
    value = mention.value
    if value is not None and value.precision is Precision.DAY and not value.is_interval:
        state.last_day = (mention.end, value, mention.resolved_by, mention.anchor)
        if value.year_known:
            state.told_day = (mention.end, value)
    elif value is not None and value.endpoints is not None and _is_day(value.endpoints[1]):
        last = value.endpoints[1]  # ("May 6 and 7th": the 7th, the last day told)
        assert last is not None
        state.told_day = (mention.end, last)
    aside = False
    if mention.resolved_by in _SETS_YEAR and value is not None:
        year = _context_year(value)
        if year is not None and year != state.context_year:
            # a year named in passing moves neither the story nor what counts from it
            aside = _aside(state, item, value)
            if not aside and not _looks_ahead(state, item, year):
                state.context_year = year
    # "… a year earlier. … a year earlier." compare with the same date: they do not chain
    # "shortly thereafter", "at the same time" tell no date of their own
    chains = not aside and not (isinstance(item.spec, Anaphoric) and item.spec.offset < 0)
    chains = chains and not isinstance(item.spec, Told)
    if value is not None and chains and not _a_year_before(item.spec):
        if value.year_known and mention.kind is Kind.DATE:
            single = value.endpoints[1] or value.endpoints[0] if value.endpoints else value
            if single is not None and single.precision in _YEARLY:
                state.last_value, state.last_value_span = single, (mention.start, mention.end)
                state.last_whole, state.last_whole_how = value, mention.resolved_by
    quarter = value is not None and value.precision is Precision.QUARTER
    if quarter and isinstance(item.spec, Calendar) and _reported(state, mention):
        state.last_quarter, state.last_quarter_end = value, mention.end
    elif quarter and isinstance(item.spec, ReportPeriod) and _same_period(item.spec):
        # "the latest quarter": the quarter "a year earlier" counts back from
        state.last_quarter, state.last_quarter_end = value, mention.end
    elif quarter and state.last_quarter is not None and _near_quarter(state, mention.start):
        # "the quarter", "a year earlier": the report still speaks of its quarter
        state.last_quarter_end = mention.end
    elif mention.kind is Kind.DURATION and mention.duration in _YEAR_TO_DATE:
        state.last_quarter = None  # "in the nine months, … a year earlier": no quarter
    elif isinstance(item.spec, Ending) and item.spec.months > 3:
        state.last_quarter = None  # "in the nine months ended Sept. 30": no quarter either
    elif isinstance(item.spec, ReportPeriod) and (item.spec.months > 3 or _a_half(item.spec)):
        state.last_quarter = None  # nor "in the nine months", "for the first half"


def _aside(state: _State, item: Found, value: DateValue) -> bool:
    """A date named in passing, whose year a narrative does not move to:

    * a year alone in brackets, a work's or a battle's year ("How Wars Are Won (2003)",
      "Gallipoli (1915)");
    * a point of comparison ("more rain than in 1947", "compared with 1913");
    * the start of a span that reaches the story's time ("the largest flood since 1947"),
      unless it is later than the story's year;
    * before the story's year, a year that names a thing ("the 1921 treaty", "the flood of
      1947");
    * after the story's year, the year of a later source ("letters found in 2004", "a 2004
      study", "the 1911 Encyclopaedia")."""
    text = state.text
    words = _words_before(text, item.start)
    if _compared(words):
        return True
    context, year = state.context_year, _context_year(value)
    if year is None:
        return False
    if context is None:
        return _since(item, words) or _in_brackets(text, item, value)
    if year < context:
        if _since(item, words):
            return True
        if value.precision is Precision.YEAR and value.endpoints is None:
            if _names_thing(text, item, words):
                return True
    elif _later_source(text, item, words):
        return True
    return _in_brackets(text, item, value)


def _words_before(text: str, start: int) -> list[str]:
    """The last few words before ``start``, in lower case, with their punctuation (a word
    cut by the window is left out)."""
    low = max(0, start - 60)
    words = text[low:start].lower().split()
    if words and low and not text[low - 1].isspace() and not text[low].isspace():
        del words[0]
    return words


_COMPARISONS = tuple(tuple(lead.split()) for lead in vocab.COMPARISON_LEADS)


def _compared(words: list[str]) -> bool:
    """Whether the words before a date make it a point of comparison: "than (in)",
    "compared with"."""
    tail = words[:-1] if words[-1:] == ["in"] else words
    return any(tuple(tail[-len(lead) :]) == lead for lead in _COMPARISONS)


def _since(item: Found, words: list[str]) -> bool:
    """Whether a date starts a span that reaches the story's time: "since 1947", "since
    records began in 1910" ("since" and the clause it opens, in a few words)."""
    if item.prep in vocab.OPEN_AFTER:
        return True
    if "since" not in words or words[-1] not in ("in", "on", "of"):
        return False
    at = len(words) - 1 - words[::-1].index("since")
    between = words[at + 1 : -1]
    return 1 <= len(between) <= 5 and all(w[-1].isalnum() for w in between)


#: Words before a year used as a modifier ("the 1921 treaty").
_DETERMINERS = vocab.YEAR_DETERMINERS | {"an"}
_AUXILIARIES = frozenset({"was", "were", "is", "are", "be", "been", "being", "had", "has", "have"})


def _names_thing(text: str, item: Found, words: list[str]) -> bool:
    """Whether a year names a thing: "the 1921 treaty", "the treaty of 1921"."""
    if words[-1:] and words[-1] in _DETERMINERS:
        return guards.word_after(text, item.end) != ""
    if words[-1:] != ["of"] or len(words) < 2:
        return False
    noun = words[-2]
    return noun.isalpha() and noun not in vocab.TIME_OF_NOUNS


def _later_source(text: str, item: Found, words: list[str]) -> bool:
    """Whether a date is the time of a source: "a 2004 study", "letters found in 2004" (a
    participle after a noun: after an auxiliary, "was found in 1950" tells the story)."""
    if words[-1:] and words[-1] in _DETERMINERS:
        return guards.word_after(text, item.end).lower() in vocab.SOURCE_NOUNS
    if words[-1:] != ["in"] or len(words) < 2 or words[-2] not in vocab.SOURCE_PARTICIPLES:
        return False
    return len(words) < 3 or words[-3] not in _AUXILIARIES


def _in_brackets(text: str, item: Found, value: DateValue) -> bool:
    if value.precision is not Precision.YEAR:
        return False
    before, after = text[item.start - 1 : item.start], text[item.end : item.end + 1]
    return before == "(" and after == ")"


def _looks_ahead(state: _State, item: Found, year: int) -> bool:
    """Whether a narrative that has a year looks ahead to this date without moving to it:
    a date after "until" ("lasted until the fall of Budapest in February 1945"), or one in a
    sentence that looks ahead ("the road would be exposed for a planned campaign in 1976")."""
    if state.context_year is None:
        return False
    later = state.published is None and year > state.context_year
    if later and looks_ahead(state.text, item.start):
        return True
    start = max(0, item.start - 40)
    before = state.text[start : item.start]
    if before.isascii():  # (then what ``_UNTIL`` needs is looked for first: much faster)
        lower = before.lower()
        if "til" not in lower and "up to" not in lower:
            return False
    return _UNTIL.search(state.text, start, item.start) is not None


def _days_after(
    state: _State, mentions: list[Mention], dayless: list[tuple[int, DateValue | None]]
) -> None:
    """A time of day with no day before it in its sentence takes the first day named after
    it there: "at 10:35 a.m. (07:35 GMT) Friday", "until 5 p.m. EST, Nov. 9"; else the last
    day the text told before it ("The fort fell on May 7. … ordered a cease-fire at 5:30PM"),
    never the publication's unless told ("yesterday"). (Each time is compared with the first
    day after it only: a span that crosses a sentence before that day crosses one before it
    too.)"""
    after = 0  # the first day after the time, found once for all the times before it
    for index, told in dayless:
        after = max(after, index + 1)
        while after < len(mentions) and not _is_day(mentions[after].value):
            after += 1
        time = mentions[index]
        if after < len(mentions) and not crosses_sentence(
            state.text, time.end, mentions[after].start
        ):
            later = mentions[after]
            mentions[index] = replace(
                time, value=later.value, resolved_by=later.resolved_by, anchor=later.anchor
            )
        elif told is not None:
            mentions[index] = replace(time, value=told, resolved_by=Resolution.CONTEXT, anchor=told)


#: How far before a time of day the day it takes may have been told.
_DAY_REACH = 1000


def _day_told_before(state: _State, start: int) -> DateValue | None:
    """The last day told before ``start`` in its paragraph (no line break between)."""
    if state.told_day is None:
        return None
    end, day = state.told_day
    if start - end > _DAY_REACH or state.text.find("\n", end, start) >= 0:
        return None
    return day


def _is_day(value: DateValue | None) -> bool:
    return value is not None and value.precision is Precision.DAY and not value.is_interval


def _same_period(spec: ReportPeriod) -> bool:
    """ "the quarter", "the latest quarter": the period reported on, not another one."""
    return spec.offset == 0 and spec.year is None and spec.year_offset is None


def _reported(state: _State, mention: Mention) -> bool:
    """Whether a named quarter is one the text reports on, not one it looks ahead to ("will
    result in a fourth-quarter charge"): the quarter that "the latest quarter" refers to."""
    return tense_of(state.text, mention.start, mention.end) != "future"


def _context_year(value: DateValue) -> int | None:
    if value.endpoints is not None:
        end = value.endpoints[1] or value.endpoints[0]
        if end is None:  # (an interval has an end)
            return None
        value = end
    if not value.year_known or value.precision not in _YEARLY:
        return None
    return value.year


def _mention(state: _State, item: Found) -> Mention | None:
    text = state.text[item.start : item.end]
    spec = item.spec
    if isinstance(spec, Period):
        return Mention(item.start, item.end, text, item.kind, None, Resolution.EXPLICIT, spec.iso)
    if isinstance(spec, Timex):
        return Mention(item.start, item.end, text, item.kind, None, Resolution.UNRESOLVED,
                       spec.value)  # fmt: skip
    try:
        value, how, anchor = _value(state, item)
        prep = item.prep
        if prep in _OPENS and _a_point(state.text, item, prep):  # (the rare case: looked at last)
            prep = None
        value = _apply_prep(value, prep)
    except DateError:
        return None  # "31 February": not a real day, so not a date
    if value is None and isinstance(spec, Told):
        return None  # "At the same time, we want …" names no time the text told
    if value is None and isinstance(spec, Anaphoric) and spec.duration is not None:
        return _as_duration(state, item, spec)  # "the following two years", nothing told
    if value is None and isinstance(spec, ReportPeriod) and spec.months:
        # "the nine months" with no quarter to end with: how long
        duration = f"P{spec.months}M"
        return Mention(item.start, item.end, text, Kind.DURATION, None, Resolution.EXPLICIT,
                       duration)  # fmt: skip
    return Mention(item.start, item.end, text, item.kind, value, how, None, anchor)


_OPENS = vocab.OPEN_AFTER | vocab.OPEN_BEFORE
#: Right after a date: the clause of the happening it dates ("since early December, when
#: Castro promised …").
_WHEN_AFTER = re.compile(r",?\s{1,3}when\b", re.IGNORECASE)
#: Right before "until" and a date: a span that ended then ("the battle lasted until May 8").
_LASTED = re.compile(
    rf"\b(?:{'|'.join(vocab.LASTING_VERBS)})\b(?:\s{{1,3}}[\w'’-]+){{0,3}}?\s{{1,3}}"
    rf"(?:until|till|up\s{{1,3}}until)\s{{1,3}}\Z",
    re.IGNORECASE,
)


def _a_point(text: str, item: Found, prep: str) -> bool:
    """Whether a date after "since" or "until" is the day of a happening rather than the
    open end of a span: "since early December, when Castro promised", "the battle lasted
    until May 8" (it ended then), "postponed until Saturday" (it takes place then)."""
    if _WHEN_AFTER.match(text, item.end):
        return True
    if prep not in vocab.OPEN_BEFORE:
        return False
    return (
        delayed(text, item.start)
        or _LASTED.search(text, max(0, item.start - 60), item.start) is not None
    )


def _value(state: _State, item: Found) -> Result:
    spec = item.spec
    if isinstance(spec, Calendar):  # (the most frequent, first)
        return _calendar(state, item, spec)
    if _near_quarter(state, item.start) and _a_year_before(spec):
        return _report(state, ReportPeriod(-4))
    if isinstance(spec, ReportPeriod):
        return _report(state, spec)
    if isinstance(spec, Holiday):
        return _holiday(state, item, spec)
    if isinstance(spec, Ending):
        return _ending(state, item, spec)
    if isinstance(spec, Range):
        return _range(state, item, spec)
    if isinstance(spec, Clock):
        return _clock(state, item, spec)
    if isinstance(spec, Anaphoric):
        return _span(state, spec) if spec.span else _anaphoric(state, spec)
    if isinstance(spec, Told):
        return _told(state, item, spec)
    return _relative(state, item)


def _apply_prep(value: DateValue | None, prep: str | None) -> DateValue | None:
    if value is None or prep is None or value.is_interval:
        return value
    if prep in vocab.OPEN_AFTER:
        return DateValue.interval(value, None)
    if prep in vocab.OPEN_BEFORE:
        return DateValue.interval(None, value)
    if prep in vocab.BEFORE_AFTER and value.qualifier is None and value.year_known:
        return value.with_qualifier(vocab.BEFORE_AFTER[prep])
    return value


# ------------------------------------------------------------------------------ calendar
@lru_cache(maxsize=4096)
def build(spec: Calendar, year: int | None) -> DateValue | None:
    """The date ``spec`` names in ``year``; a partial date when the year is unknown. (Values
    are immutable: the same one is returned for the same question.)"""
    if spec.century is not None:
        value = (
            DateValue.of_century(spec.century)
            if spec.century > 0
            else DateValue.of_century_bc(-spec.century)
        )
    elif spec.decade is not None:
        value = DateValue.of_decade(spec.decade)
    elif year is None:
        if spec.month is None:
            return None
        value = DateValue.partial(spec.month, spec.day)
    elif spec.subyear is not None:
        value = DateValue.of_subyear(year, spec.subyear)
    elif spec.day is not None:
        value = DateValue.of_day(year, spec.month or 1, spec.day)
    elif spec.month is not None:
        value = DateValue.of_month(year, spec.month)
    else:
        value = DateValue.of_year(year)
    return value.with_qualifier(spec.qualifier) if spec.qualifier else value


def _calendar(state: _State, item: Found, spec: Calendar) -> Result:
    if spec.year_from == "context":
        year = state.last_value.year if state.last_value is not None else None
        value = build(spec, year)
        how = Resolution.CONTEXT if year is not None else Resolution.UNRESOLVED
        return value, how, DateValue.of_year(year) if year is not None else None
    if spec.year_from == "relative":
        if state.year is None:
            return build(spec, None), Resolution.UNRESOLVED, None
        return build(spec, state.year + spec.year_offset), Resolution.PUBLISHED, state.published
    if spec.year is not None or spec.decade is not None or spec.century is not None:
        return build(spec, spec.year), Resolution.EXPLICIT, None
    if spec.month is None and spec.subyear is None:
        return _NONE
    year, how, anchor = _year_for(state, item, spec)
    if year is not None and spec.weekday is not None and spec.day is not None:
        year, how = _check_weekday(spec, year, how)
    value = build(spec, year)
    return value, (how if value is not None else Resolution.UNRESOLVED), anchor


def _year_for(
    state: _State, item: Found, spec: Calendar
) -> tuple[int | None, Resolution, DateValue | None]:
    """The year of a date that did not name one, and how it was chosen."""
    if state.published is not None and (state.month or state.year):
        if state.month is None:
            return state.year, Resolution.PUBLISHED, state.published
        tense = tense_of(state.text, item.start, item.end, coarse=spec.day is None)
        return _nearest_year(spec, state.month, tense), Resolution.PUBLISHED, state.published
    if state.context_year is not None:
        year = state.context_year
        if delayed(state.text, item.start):
            year = _first_after_last(state, spec) or year
        return year, Resolution.CONTEXT, DateValue.of_year(year)
    return None, Resolution.UNRESOLVED, None


def _first_after_last(state: _State, spec: Calendar) -> int | None:
    """The year in which ``spec`` first falls after the last date the story told, when that
    one is finer than a year: "In September … postponed until the spring" is the next
    spring."""
    last = state.last_value
    if last is None or last.precision is Precision.YEAR or last.last_day is None:
        return None
    if last.year is None:  # (the last value's year is known)
        return None
    plain = Calendar(month=spec.month, day=spec.day, subyear=spec.subyear)
    for year in (last.year, last.year + 1):
        try:
            value = build(plain, year)
        except DateError:
            continue
        if value is not None and value.first_day is not None and value.first_day > last.last_day:
            return year
    return None


def _nearest_year(spec: Calendar, ref: date, tense: str) -> int:
    """The year placing ``spec`` nearest ``ref``: not well after it in a past-tense sentence,
    not well before it in a future-tense one."""
    best: tuple[int, int] | None = None
    plain = Calendar(month=spec.month, day=spec.day, subyear=spec.subyear)
    # a quarter's or a half's results are reported after it ends: "will report third-quarter
    # results" in November is about the quarter just ended; a month or a season looked ahead
    # to is not one already over ("is due to take effect in February", in March)
    if spec.subyear in vocab.REPORTED_SUBYEARS:
        behind = _REPORT_SLACK
    else:
        behind = _SLACK if spec.day is not None else timedelta(0)
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            value = build(plain, year)
        except DateError:
            continue
        if value is None or value.earliest is None or value.latest is None:
            continue  # (a month, day or season of a year of the common era has its days)
        lo, hi = value.earliest, value.latest
        if tense == "past" and lo > ref + _SLACK or tense == "future" and hi < ref - behind:
            continue
        gap = 0 if lo <= ref <= hi else min(abs((lo - ref).days), abs((hi - ref).days))
        if best is None or gap < best[0]:
            best = (gap, year)
    return best[1] if best else ref.year


#: How many years from the year of the text's story a weekday may move a date to: any day
#: and month fall on each weekday within six years either way (but 29 February).
_WEEKDAY_REACH = 6


def _check_weekday(spec: Calendar, year: int, how: Resolution) -> tuple[int, Resolution]:
    """The year in which the date falls on the weekday named with it: ``year`` if it does,
    else the nearest that does (the later of two as near), one year away at most from a
    publication date, six from the last year of an undated story ("Monday 18 March" after
    2022 is 18 March 2024); ``year`` again if none does."""

    def fits(y: int) -> bool:
        try:
            return date(y, spec.month or 1, spec.day or 1).weekday() == spec.weekday
        except ValueError:
            return False

    if fits(year):
        return year, how
    reach = _WEEKDAY_REACH if how is Resolution.CONTEXT else 1
    for gap in range(1, reach + 1):
        for other in (year + gap, year - gap):
            if fits(other):
                return other, Resolution.WEEKDAY
    return year, how


def _range(state: _State, item: Found, spec: Range) -> Result:
    a, b = spec.start, spec.end
    assert a is not None and b is not None
    if not (isinstance(a, Calendar) and isinstance(b, Calendar)):
        return _weekday_range(state, item, a, b)
    how, anchor = Resolution.EXPLICIT, None
    if a.year is None and b.year is None:
        year, how, anchor = _year_for(state, item, a)
        if year is not None:
            a = a.with_year(year)
    if a.year is None and b.year is not None:
        a = a.with_year(b.year - (1 if a.month_day > b.month_day else 0))
    elif b.year is None and a.year is not None:
        b = b.with_year(a.year + (1 if b.month_day < a.month_day else 0))
    start, end = build(a, a.year), build(b, b.year)
    if start is None or end is None:
        return _NONE
    return DateValue.interval(start, end), how, anchor


def _weekday_range(
    state: _State, item: Found, a: Calendar | RelativeWeekday, b: Calendar | RelativeWeekday
) -> Result:
    """ "from Sept. 14 to Thursday": each end placed as it would be alone, and the span
    between them if the first comes first."""
    ends = [_value(state, Found(item.start, item.end, Kind.DATE, end)) for end in (a, b)]
    (first, how, anchor), (last, how_last, anchor_last) = ends
    if first is None or last is None or first.earliest is None or last.earliest is None:
        return _NONE
    if first.earliest > last.earliest:
        return _NONE
    if how is Resolution.EXPLICIT:
        how, anchor = how_last, anchor_last
    return DateValue.interval(first, last), how, anchor


# ------------------------------------------------------------------------------ times
def _clock(state: _State, item: Found, spec: Clock) -> Result:
    if spec.day is not None:
        value, how, anchor = _value(state, Found(item.start, item.end, Kind.DATE, spec.day))
        return value, how, anchor
    # A time with no day of its own takes the day named earlier in its sentence
    # ("last night's concert, which began at 8pm"); otherwise its day is not known.
    if state.last_day is not None:
        end, value, how, anchor = state.last_day
        if not crosses_sentence(state.text, end, item.start):
            return value, how, anchor
    return _NONE


# ------------------------------------------------------------------------------ relative
def _relative(state: _State, item: Found) -> Result:
    spec = item.spec
    value: DateValue | None = None
    if isinstance(spec, RelativeDay | RelativeWeekday) and state.day is not None:
        value = _day(state, item, state.day)
    elif isinstance(spec, RelativeWeekend) and state.week is not None:
        value = _weekend(state, item, spec)
    elif isinstance(spec, RelativeWeekday) and spec.mode == "this" and state.week is not None:
        when = state.week + timedelta(days=spec.weekday)
        value = DateValue.of_day(when.year, when.month, when.day)
    elif isinstance(spec, RelativeUnit):
        value = _unit(state, spec)
        if value is None and spec.definite and state.published is None:
            return _the_unit(state, spec)
    elif isinstance(spec, RelativeNamed):
        if state.month is None:
            return _partial_named(spec)
        value = _named(spec, state.month)
    if value is None:
        return _NONE
    return value, Resolution.PUBLISHED, state.published


def _day(state: _State, item: Found, ref: date) -> DateValue:
    spec = item.spec
    if isinstance(spec, RelativeDay):
        when = ref + timedelta(days=spec.offset)
    else:
        assert isinstance(spec, RelativeWeekday)
        when = _weekday(spec, ref, tense_of(state.text, item.start, item.end))
    return DateValue.of_day(when.year, when.month, when.day)


def _weekday(spec: RelativeWeekday, ref: date, tense: str) -> date:
    ahead = (spec.weekday - ref.weekday()) % 7
    if spec.mode == "this":
        return ref + timedelta(days=spec.weekday - ref.weekday())
    if spec.mode == "next":
        return ref + timedelta(days=ahead or 7)
    if spec.mode == "bare" and tense == "future":
        # the publication's own weekday is that day: "will meet Thursday" in Thursday's paper
        return ref + timedelta(days=ahead)
    behind = (ref.weekday() - spec.weekday) % 7
    if spec.mode == "last":
        return ref - timedelta(days=behind or 7)
    return ref - timedelta(days=behind)


def _weekend(state: _State, item: Found, spec: RelativeWeekend) -> DateValue | None:
    """Saturday and Sunday of the weekend meant: this week's, the last or the next; "the
    weekend" is the one just past (or under way) unless its sentence looks ahead."""
    assert state.week is not None
    saturday = state.week + timedelta(days=5)
    if spec.mode == "bare":
        if state.day is None:
            return None  # a publication week does not say which side of its weekend
        if state.day < saturday and tense_of(state.text, item.start, item.end) != "future":
            saturday -= timedelta(days=7)
    else:
        saturday += timedelta(days={"this": 0, "last": -7, "next": 7}[spec.mode])
    sunday = saturday + timedelta(days=1)
    return DateValue.interval(
        DateValue.of_day(saturday.year, saturday.month, saturday.day),
        DateValue.of_day(sunday.year, sunday.month, sunday.day),
    )


def _the_unit(state: _State, spec: RelativeUnit) -> Result:
    """ "the end of the month" in an undated text: of the month the text spoke of last."""
    value, how, anchor = _anaphoric(state, Anaphoric(spec.unit, 0))
    if value is None or spec.qualifier is None:
        return value, how, anchor
    return value.with_qualifier(spec.qualifier), how, anchor


def _unit(state: _State, spec: RelativeUnit) -> DateValue | None:
    if spec.unit == "day" and state.day is not None:
        when = state.day + timedelta(days=spec.offset)
        return DateValue.of_day(when.year, when.month, when.day)
    if spec.unit == "week" and state.week is not None:
        week = DateValue.week_containing(state.week + timedelta(weeks=spec.offset))
        return week.with_qualifier(spec.qualifier) if spec.qualifier else week
    value: DateValue | None = None
    if spec.unit == "month" and state.month is not None:
        index = state.month.year * 12 + state.month.month - 1 + spec.offset
        value = DateValue.of_month(index // 12, index % 12 + 1)
    elif spec.unit == "quarter" and state.month is not None:
        index = state.month.year * 4 + (state.month.month - 1) // 3 + spec.offset
        value = DateValue.of_subyear(index // 4, 33 + index % 4)
    elif spec.unit == "year" and state.year is not None:
        value = DateValue.of_year(state.year + spec.offset)
    if value is not None and spec.qualifier:
        value = value.with_qualifier(spec.qualifier)
    return value


def _named(spec: RelativeNamed, ref: date) -> DateValue:
    year = ref.year
    if spec.month is not None:
        if spec.mode == "last":
            year -= 0 if spec.month < ref.month else 1
        elif spec.mode == "next":
            year += 0 if spec.month > ref.month else 1
        value = DateValue.of_month(year, spec.month)
    else:
        assert spec.subyear is not None
        value = DateValue.of_subyear(year, spec.subyear)
        lo, hi = value.earliest, value.latest
        assert lo is not None and hi is not None  # ``ref``'s year, of the common era
        if spec.mode == "last" and hi >= ref:
            value = DateValue.of_subyear(year - 1, spec.subyear)
        elif spec.mode == "next" and lo <= ref:
            value = DateValue.of_subyear(year + 1, spec.subyear)
    return value.with_qualifier(spec.qualifier) if spec.qualifier else value


def _partial_named(spec: RelativeNamed) -> Result:
    if spec.month is None:
        return _NONE
    value = DateValue.partial(spec.month)
    return (
        (value.with_qualifier(spec.qualifier) if spec.qualifier else value),
        Resolution.UNRESOLVED,
        None,
    )


# ------------------------------------------------------------------------------ anaphoric
#: The precisions an anchor needs for each unit counted from it.
_ANCHOR_PRECISION = {
    "day": (Precision.DAY,),
    "week": (Precision.DAY, Precision.WEEK),
    "month": (Precision.DAY, Precision.MONTH),
    "quarter": (Precision.DAY, Precision.MONTH, Precision.QUARTER),
    "year": _YEARLY,
    "century": _YEARLY,
}


#: Qualifiers that keep a date's year, month or quarter: "late 1990", "the following year".
_PART_OF = (Qualifier.EARLY, Qualifier.MID, Qualifier.LATE)


#: What may lie between "the day before" and the date it counts from: "the day before the 5
#: May vote".
_GAPS = ("", "the")


def _counts_from_next(text: str, item: Found, following: list[Found]) -> bool:
    """Whether the phrase after "the day before" is the date it counts from."""
    return bool(following) and text[item.end : following[0].start].strip().lower() in _GAPS


def _before_event(state: _State, item: Found, following: Found | None) -> Mention:
    """ "the day before last Tuesday's hearing" counts from the date named right after it,
    "eight days before the new year" from its first day; "five days after the fall of
    Girona" from the last date told, when the happening was told with it ("… and Girona on
    5 February."); "the day before the shooting", a happening the text does not date, gives
    no date, and "two days before the vote" is the duration "two days"."""
    spec = item.spec
    assert isinstance(spec, Anaphoric)
    value: DateValue | None = None
    anchor: DateValue | None = None
    if following is not None:
        after = _mention(state, following)
        if after is not None and after.value is not None and not after.value.is_interval:
            value, _, anchor = _anaphoric(state, spec, _counted_back(spec, after.value))
    elif _told_happening(state, item):
        value, _, anchor = _anaphoric(state, replace(spec, event=False))
    if value is None and spec.duration is not None:
        return _as_duration(state, item, spec)
    text = state.text[item.start : item.end]
    if value is None:
        return Mention(item.start, item.end, text, item.kind, None, Resolution.UNRESOLVED)
    return Mention(item.start, item.end, text, item.kind, value, Resolution.CONTEXT, None, anchor)


def _as_duration(state: _State, item: Found, spec: Anaphoric) -> Mention:
    """A count from which no date could be counted, as the duration it names ("two days" of
    "two days before the vote")."""
    assert spec.duration is not None
    end = item.start + spec.length
    words = state.text[item.start : end]
    return Mention(item.start, end, words, Kind.DURATION, None, Resolution.EXPLICIT,
                   spec.duration)  # fmt: skip


def _span(state: _State, spec: Anaphoric) -> Result:
    """ "the following two years": from the first unit after the last date told to the last
    of them (1937 to 1938 after 1936); "the preceding three months", the months before it."""
    first, how, anchor = _anaphoric(state, replace(spec, span=0))
    last, _, _ = _anaphoric(state, replace(spec, offset=spec.offset * spec.span, span=0))
    if first is None or last is None:
        return _NONE
    if spec.offset < 0:
        first, last = last, first
    return DateValue.interval(first, last), how, anchor


def _counted_back(spec: Anaphoric, anchor: DateValue) -> DateValue:
    """What days or weeks counted back from a longer period count from: its first day
    ("eight days before the new year" is 24 December)."""
    if spec.offset >= 0 or spec.unit not in ("day", "week") or anchor.precision in _FINE:
        return anchor
    first = anchor.earliest
    if first is None or anchor.qualifier is not None:
        return anchor
    return DateValue.of_day(first.year, first.month, first.day)


#: How far after the phrase that told the last date a happening may be counted from.
_HAPPENING_REACH = 1000
#: What names the happening after "after" or "before": the words up to a comma or a full
#: stop.
_HAPPENING = re.compile(r"[^,.;:!?()\n\[\]\"“”]{1,80}")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _told_happening(state: _State, item: Found) -> bool:
    """Whether the happening named after a count ("two days after the fall of Girona") was
    told with the last date, or after it: a word of its name (a name, a noun, a verb's stem)
    is in the sentence that told the date or in those between.

    The date must have been told in an earlier sentence: in its own ("On 27 June, two days
    after the invasion, …", "resumed work Friday, two months after his team was blocked")
    the count says when the sentence's date falls, not a date after it. And a date still to
    come when the text was published is no happening told, unless the count looks ahead too."""
    last, last_end = state.last_value_span
    anchor = state.last_value
    if anchor is None or last < 0 or item.start - last > _HAPPENING_REACH:
        return False
    if not crosses_sentence(state.text, last_end, item.start + 1):  # (+1: its capital)
        return False
    day = state.day
    if day is not None and anchor.earliest is not None and anchor.earliest > day:
        if tense_of(state.text, item.start, item.end) != "future":
            return False
    named = _HAPPENING.match(state.text, item.end)
    if named is None:
        return False
    words = {_stem(w) for w in _WORD.findall(named.group())[:6] if _telling(w)}
    if not words:
        return False
    lo = sentence_bounds(state.text, last, last + 1, 400)[0]
    return any(_stem(w) in words for w in _WORD.findall(state.text, lo, item.start))


def _telling(word: str) -> bool:
    """Whether a word can tell which happening is meant: a name ("KPA", "Girona") or a word
    of four letters or more that is not a function word."""
    if len(word) < 4 and not word[:1].isupper():
        return False
    return word.lower() not in vocab.FUNCTION_WORDS


def _stem(word: str) -> str:
    """The first five letters, after an ending ("relieving", "relieved": "relie"; "closure",
    "closed": "clos")."""
    low = word.lower()
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            low = low[: -len(ending)]
            break
    return low[:5]


_ENDINGS = ("ing", "ure", "ion", "ed", "es", "s")


def _anaphoric(state: _State, spec: Anaphoric, anchor: DateValue | None = None) -> Result:
    """Count from ``anchor``, else from the last date in the text precise enough, else from
    the publication date."""
    needed = _ANCHOR_PRECISION[spec.unit]
    how = Resolution.CONTEXT
    if anchor is not None:
        if anchor.precision not in needed:
            return _NONE
    else:
        anchor = state.last_value
        vague = anchor is not None and anchor.qualifier not in (None, *_PART_OF)
        if anchor is not None and not vague and _same_day_within(spec, anchor):
            # "last October, when … was killed. … crossed out that same day": a day of that
            # month, which the text does not tell
            return anchor, how, anchor
        if anchor is None or anchor.precision not in needed or vague:
            if spec.told:
                return _NONE
            anchor, how = state.published, Resolution.PUBLISHED
            if anchor is None or anchor.is_interval or anchor.precision not in needed:
                return _NONE
    if spec.named is not None:
        value = _named_next(anchor, spec.named, spec.offset)
        return (value, how, anchor) if value is not None else _NONE
    ref = anchor.earliest
    if ref is None and anchor.is_before_common_era and spec.unit == "year":
        # "the following year" after "492 BC": years count on across the era
        year = anchor.year
        assert year is not None  # a year before the common era is known by its number
        return DateValue.of_year(year + spec.offset), how, anchor
    if ref is None:  # an anchor whose year is unknown ("May 16") counts nothing
        return _NONE
    if spec.weekday is not None:  # the first such weekday after, or before, the anchor
        if spec.offset > 0:
            when = ref + timedelta(days=(spec.weekday - ref.weekday()) % 7 or 7)
        else:
            when = ref - timedelta(days=(ref.weekday() - spec.weekday) % 7 or 7)
        value = DateValue.of_day(when.year, when.month, when.day)
    elif spec.unit == "day":
        when = ref + timedelta(days=spec.offset)
        value = DateValue.of_day(when.year, when.month, when.day)
    elif spec.unit == "week":
        value = DateValue.week_containing(ref + timedelta(weeks=spec.offset))
    elif spec.unit == "month":
        index = ref.year * 12 + ref.month - 1 + spec.offset
        value = DateValue.of_month(index // 12, index % 12 + 1)
    elif spec.unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + spec.offset
        value = DateValue.of_subyear(index // 4, 33 + index % 4)
    elif spec.unit == "century":  # the turn of the century nearest the anchor
        value = DateValue.of_year(max(100, round(ref.year / 100) * 100)).with_qualifier(
            "approximate"
        )
    else:
        value = DateValue.of_year(ref.year + spec.offset)
    return value, how, anchor


def _told(state: _State, item: Found, spec: Told) -> Result:
    """ "shortly thereafter": soon after the last date told, at a coarser precision than its
    own (the month of a day, the year of a month, a season or a year); "at the same time": the
    last date told, as told (a span whole), when the text told it in the phrase's sentence or
    the one before, to the day or the month, and not by counting from the publication date."""
    if spec.soon:
        anchor = state.last_value
        if anchor is None or anchor.year is None:
            return _NONE
        if anchor.precision in (Precision.DAY, Precision.WEEK) and anchor.earliest is not None:
            value = DateValue.of_month(anchor.earliest.year, anchor.earliest.month)
        elif anchor.precision in _YEARLY:
            value = DateValue.of_year(anchor.year)
        else:
            return _NONE
        return value, Resolution.CONTEXT, anchor
    whole, start = state.last_whole, state.last_value_span[0]
    if whole is None or state.last_whole_how not in _TOLD or not _near_before(state, start, item):
        return _NONE
    ends = whole.endpoints or (whole, whole)
    if not all(end is not None and end.precision in _FINE for end in ends):
        return _NONE
    return whole, Resolution.CONTEXT, whole


#: How a date the text told was resolved: by its own words or by the story's year.
_TOLD = (Resolution.EXPLICIT, Resolution.CONTEXT, Resolution.WEEKDAY)


def _near_before(state: _State, start: int, item: Found) -> bool:
    """Whether a phrase that starts at ``start`` lies in the sentence of ``item`` or in the one
    before it."""
    if start < 0 or item.start - start > 2 * _SENTENCE_WINDOW:
        return False
    text = state.text
    lo = sentence_bounds(text, item.start, item.end, _SENTENCE_WINDOW)[0]
    if start >= lo:
        return True
    before = lo - 1
    while before > 0 and text[before].isspace():
        before -= 1
    return start >= sentence_bounds(text, before, before + 1, _SENTENCE_WINDOW)[0]


_SENTENCE_WINDOW = 400


def _same_day_within(spec: Anaphoric, anchor: DateValue) -> bool:
    """Whether ``spec`` is "that day", "the same day" after a month or a week."""
    plain = spec.weekday is None and spec.named is None and not spec.event
    same_day = spec.unit == "day" and spec.offset == 0 and plain
    return same_day and anchor.precision in (Precision.MONTH, Precision.WEEK)


def _named_next(anchor: DateValue, named: int, offset: int) -> DateValue | None:
    """The first month (1-12) or season (its EDTF code) ``named`` after ``anchor`` ends
    (``offset`` 1), or the last before it starts (-1): "the next spring" after the winter of
    1777 is the spring of 1778, in any era."""
    year, first, last = anchor.year, anchor.first_day, anchor.last_day
    if year is None or first is None or last is None:
        return None

    def make(y: int) -> DateValue:
        return DateValue.of_month(y, named) if named <= 12 else DateValue.of_subyear(y, named)

    years = (year, year + 1, year + 2) if offset > 0 else (year, year - 1, year - 2)
    for y in years:
        value = make(y)
        start, end = value.first_day, value.last_day
        assert start is not None and end is not None  # a month or a season of a known year
        if offset > 0 and start > last or offset < 0 and end < first:
            return value
    return None


# ------------------------------------------------------------------------------ reports, holidays
#: How far after a quarter's mention "a year ago" still means that quarter a year before.
_QUARTER_REACH = 600
#: Reporting periods longer than a quarter: "the first half", "the nine months".
_YEAR_TO_DATE = frozenset({"P6M", "P9M"})


def _a_half(spec: ReportPeriod) -> bool:
    """ "the first half" of a report."""
    return spec.subyear in (40, 41) and spec.year is None and spec.year_offset is None


def _a_year_before(spec: object) -> bool:
    """ "a year ago", "a year earlier"."""
    if isinstance(spec, RelativeUnit):
        return spec.unit == "year" and spec.offset == -1 and spec.qualifier is None and spec.ago
    return isinstance(spec, Anaphoric) and spec.unit == "year" and spec.offset == -1


def _near_quarter(state: _State, start: int) -> bool:
    return state.last_quarter is not None and 0 <= start - state.last_quarter_end <= _QUARTER_REACH


def _report(state: _State, spec: ReportPeriod) -> Result:
    """The quarter a report is about: the last one named, else the last whole quarter before
    the publication date (the publication's own for "the current quarter")."""
    if state.last_quarter is not None and not spec.current:
        base, how, anchor = state.last_quarter, Resolution.CONTEXT, state.last_quarter
    elif spec.subyear is not None and (spec.year is not None or spec.year_offset is not None):
        base, how, anchor = DateValue.of_subyear(2000, spec.subyear), Resolution.EXPLICIT, None
    elif state.month is not None:
        ref = state.month
        index = ref.year * 4 + (ref.month - 1) // 3 - (0 if spec.current else 1)
        base = DateValue.of_subyear(index // 4, 33 + index % 4)
        how, anchor = Resolution.PUBLISHED, state.published
    else:
        return _NONE
    code = int(base.edtf[5:7])
    base_year = base.year
    assert base_year is not None  # a quarter of a known year
    index = base_year * 4 + code - 33 + spec.offset
    year, code = index // 4, 33 + index % 4
    if spec.subyear is not None:
        code = spec.subyear
    if spec.year is not None:
        year, how, anchor = spec.year, Resolution.EXPLICIT, None
    elif spec.year_offset is not None:
        if state.year is None:
            return _NONE
        year, how, anchor = state.year + spec.year_offset, Resolution.PUBLISHED, state.published
    if spec.months:  # "the nine months": to the end of the quarter (January to September)
        last = year * 12 + (code - 33) * 3 + 2
        first = last - spec.months + 1
        start = DateValue.of_month(first // 12, first % 12 + 1)
        return DateValue.interval(start, DateValue.of_month(year, last % 12 + 1)), how, anchor
    return DateValue.of_subyear(year, code), how, anchor


def _ending(state: _State, item: Found, spec: Ending) -> Result:
    """The months of a reporting period up to its end ("the year ended Aug. 31" is September
    to August), or its days when the end is no month's last ("the 52 weeks ended July 2")."""
    end, how, anchor = _calendar(state, item, spec.end)
    if end is None or end.earliest is None:
        return end, how, anchor  # (its year unknown: the end, "XXXX-06", is all there is)
    last = end.latest
    assert last is not None
    index = last.year * 12 + last.month - 1
    if end.precision is Precision.MONTH or last == _month_end(last):
        first = index - spec.months + 1
        start = DateValue.of_month(first // 12, first % 12 + 1)
        return DateValue.interval(start, DateValue.of_month(last.year, last.month)), how, anchor
    first = index - spec.months
    year, month = first // 12, first % 12 + 1
    day = min(last.day, monthrange(year, month)[1])  # (clamped to that month's days)
    begin = date(year, month, day) + timedelta(days=1)
    start = DateValue.of_day(begin.year, begin.month, begin.day)
    return DateValue.interval(start, DateValue.of_day(last.year, last.month, last.day)), how, anchor


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _holiday(state: _State, item: Found, spec: Holiday) -> Result:
    rule = vocab.HOLIDAYS[spec.name]
    month, day = (11, 25) if isinstance(rule, str) else rule
    year: int | None
    if spec.year is not None:
        year, how, anchor = spec.year, Resolution.EXPLICIT, None
    elif spec.mode and state.day is not None:
        named = _named(RelativeNamed(spec.mode, month=month), state.day)
        year, how, anchor = named.year, Resolution.PUBLISHED, state.published
    else:
        year, how, anchor = _year_for(state, item, Calendar(month=month, day=day))
    if year is None:
        return DateValue.partial(month, day if isinstance(rule, tuple) else None), how, anchor
    if isinstance(rule, str):  # the fourth Thursday of November (in any era)
        day = 22 + (3 - (day_number(year, 11, 1) - 1) % 7) % 7
    return DateValue.of_day(year, month, day), how, anchor
