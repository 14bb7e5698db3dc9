"""Rules for reporting periods, named days and spoken years.

* "the quarter", "the latest quarter", "the year-ago period", "year-earlier" (results): the
  period a report is about, or the same period a year before;
* "Christmas", "Thanksgiving Day", "Christmas 1963";
* "nineteen ninety-six", "the year two thousand", "January nineteen ninety-seven".
"""

from __future__ import annotations

from ..models import Kind
from . import guards, vocab
from . import patterns as P
from .scan import Match
from .specs import Calendar, Found, Holiday, ReportPeriod

_ONES = "|".join(vocab.ONES)
_TENS = "|".join(vocab.TENS)
_TEENS = "|".join(w for w, v in vocab.NUMBERS.items() if 10 <= v < 20)
_CENTURY = "|".join(vocab.SPOKEN_CENTURIES)
_YEAR_AGO = P._nocase(vocab.YEAR_AGO).replace(r"\ ", " ")

#: "the quarter", "the latest period", "the year-ago third quarter", "that quarter".
REPORT = P._c(
    rf"{P.WORD_START}(?:(?P<det>(?i:the|that|this|its)){P.SP})?"
    rf"(?:(?P<adj>{P._nocase(vocab.REPORT_ADJECTIVES)}){P.SP})?"
    rf"(?:(?P<ago>{_YEAR_AGO}){P.SP})?"
    rf"(?:(?P<qw>(?i:first|second|third|fourth))(?:{P.SP}|{P.DASH}))?"
    r"(?P<noun>quarter|period)(?![\w@\-‐‑])"
)
#: "the 1988 period", "the 1988 third quarter", "this year's third quarter".
REPORT_YEAR = P._c(
    rf"{P.WORD_START}(?:(?i:the|its){P.SP}(?P<y>(?:1[0-9]|2[01])[0-9]{{2}})"
    rf"|(?P<rel>(?i:this|last|next)){P.SP}(?i:year)['’]s)"
    rf"(?:{P.SP}(?i:fiscal))?(?:{P.SP}(?P<qw>(?i:first|second|third|fourth)))?"
    r"\s{1,3}(?P<noun>(?i:quarter|period))(?![\w@\-‐‑])"
)
#: "year-ago", "year-earlier" before a noun: "a year-earlier loss".
YEAR_AGO_ADJ = P._c(rf"{P.WORD_START}(?P<ago>(?i:year-ago|year-earlier))(?![\w@\-‐‑])")
#: "Christmas", "Christmas 1963", "last Thanksgiving", "New Year's Eve".
_NAMES = sorted({n.replace("'", q) for n in vocab.HOLIDAYS for q in ("'", "’")}, key=len)
HOLIDAY = P._c(
    rf"{P.WORD_START}(?:(?P<mode>(?i:last|next|this)){P.SP})?"
    rf"(?P<h>{P._alt(_NAMES)}){P.END}(?:,?{P.SP}{P.year('y')})?"
)
#: "nineteen ninety-six", "nineteen oh five", "two thousand", "the year two thousand one".
SPOKEN_YEAR = P._c(
    rf"{P.WORD_START}(?:(?P<m>{P.MONTH_WORD}){P.SP})?(?:(?P<the>(?i:the){P.SP}(?i:year)){P.SP})?"
    rf"(?i:(?P<c>{_CENTURY})(?:{P.SP}|-)"
    rf"(?:(?P<teen>{_TEENS})|(?P<tens>{_TENS})(?:[-\s](?P<ones>{_ONES}))?|(?:oh|o)[-\s](?P<oh>{_ONES}))"
    rf"|two{P.SP}thousand(?:{P.SP}(?:and{P.SP})?(?P<after>{_TEENS}|{_ONES}))?)"
    r"(?![\w@\-‐‑])"
)


def report(text: str, m: Match) -> Found | None:
    det, adj = (m.group("det") or "").lower(), (m.group("adj") or "").lower()
    ago, noun, qw = m.group("ago"), m.group("noun"), m.group("qw")
    if not (det or ago) or (qw and not ago):
        return None  # "the third quarter" has its own rule
    if noun == "period" and not (ago or adj in ("latest", "comparable", "recent")):
        return None  # "the period" alone names no date
    if det in ("this", "its") and not (ago or adj):
        return None
    if adj == "same" and not ago and det != "the":
        return None
    subyear = vocab.QUARTERS[qw.lower()] if qw else None
    spec = ReportPeriod(-4 if ago else 0, adj == "current", subyear)
    start = m.start() if det in ("the", "that") else m.start("adj") if adj else m.start("ago")
    return Found(start, m.end(), Kind.DATE, spec)


def report_year(text: str, m: Match) -> Found | None:
    qw = m.group("qw")
    subyear = vocab.QUARTERS[qw.lower()] if qw else None
    year = int(m.group("y")) if m.group("y") else None
    offset = vocab.RELATIVE_MODES[m.group("rel").lower()] if m.group("rel") else None
    if subyear is not None and year is not None:
        return Found(m.start(), m.end(), Kind.DATE, Calendar(year, subyear=subyear))
    spec = ReportPeriod(subyear=subyear, year=year, year_offset=offset)
    return Found(m.start(), m.end(), Kind.DATE, spec)


def year_ago_adjective(text: str, m: Match) -> Found | None:
    return Found(m.start(), m.end(), Kind.DATE, ReportPeriod(-4))


def holiday(text: str, m: Match) -> Found | None:
    if guards.name_before(text, m.start("h")):
        return None
    name = m.group("h").replace("’", "'")
    year = int(m.group("y")) if m.group("y") else None
    mode = (m.group("mode") or "").lower()
    return Found(m.start(), m.end(), Kind.DATE, Holiday(name, year, mode))


def spoken_year(text: str, m: Match) -> Found | None:
    century = m.group("c")
    if century:
        base = vocab.SPOKEN_CENTURIES[century.lower()]
        part = m.group("teen") or m.group("oh")
        if part:
            year = base + vocab.NUMBERS[part.lower()]
        else:
            year = base + vocab.NUMBERS[m.group("tens").lower()]
            year += vocab.NUMBERS[m.group("ones").lower()] if m.group("ones") else 0
    else:
        after = m.group("after")
        year = 2000 + (vocab.NUMBERS[after.lower()] if after else 0)
    word = m.group("m")
    month = vocab.MONTHS[" ".join(word.lower().rstrip(".").split())] if word else None
    if guards.count_follows(text, m.end()):
        return None  # "nineteen twenty-pound notes"
    return Found(m.start(), m.end(), Kind.DATE, Calendar(year, month))
