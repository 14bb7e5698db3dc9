"""Choosing among overlapping phrases, then joining neighbours into ranges and times."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TypeGuard

from ..models import Kind
from . import patterns as P
from . import vocab
from .specs import Calendar, Clock, Ending, Found, Range, RelativeDay, RelativeWeekday


def select(candidates: Iterable[tuple[int, Found]]) -> list[Found]:
    """Non-overlapping phrases, sorted: in each cluster of overlaps, longest first, then
    leftmost, then by rule rank."""
    keyed = [(f.start, -f.end, rank, i, f) for i, (rank, f) in enumerate(candidates)]
    keyed.sort()
    chosen: list[Found] = []
    cluster: list[tuple[int, Found]] = []
    reach = -1
    for start, neg_end, rank, _, found in keyed:
        if start >= reach and cluster:
            chosen.extend(_best_of(cluster))
            cluster = []
        cluster.append((rank, found))
        reach = max(reach, -neg_end)
    chosen.extend(_best_of(cluster))
    return sorted(chosen, key=lambda f: f.start)


def _best_of(cluster: list[tuple[int, Found]]) -> list[Found]:
    if len(cluster) == 1:
        return [cluster[0][1]]
    picked: list[Found] = []
    for _, found in sorted(cluster, key=lambda rf: (rf[1].start - rf[1].end, rf[1].start, rf[0])):
        if all(found.end <= p.start or p.end <= found.start for p in picked):
            picked.append(found)
    return picked


def join(text: str, found: list[Found]) -> list[Found]:
    """Join "16 May – 2 June 2022" into one range and "8pm on Monday" into one time, and
    "the year ended" to the date after it ("the year ended Aug. 31")."""
    out: list[Found] = []
    for item in (_with_prep(text, f) for f in found):
        if isinstance(item.spec, Calendar) and item.spec.month is not None:
            ending = _ended(text, item)
            if ending is not None:
                while out and out[-1].end > ending.start:
                    out.pop()  # (the duration "the nine months" of "the nine months ended")
                out.append(ending)
                continue
        if out:
            before = out[-2] if len(out) > 1 else None
            merged = _range(text, out[-1], item, before) or _timed(text, out[-1], item)
            if merged is not None:
                out[-1] = merged
                continue
        out.append(item)
    return out


def _ended(text: str, item: Found) -> Found | None:
    """A reporting period named by its length and its end: "the year ended Aug. 31", "the
    six months to June 30", "the 52 weeks ended July 2" (a fiscal year)."""
    spec = item.spec
    assert isinstance(spec, Calendar)
    tail = text[max(0, item.start - 11) : item.start].lower()
    if "end" not in tail and not tail.rstrip().endswith("to"):  # (most dates have neither)
        return None
    if spec.subyear is not None or spec.year_from is not None or spec.weekday is not None:
        return None
    match = P.ENDED_BEFORE.search(text, max(0, item.start - 60), item.start)
    if match is None:
        return None
    if match.group("year"):
        months = 12
    else:
        count = _count(match.group("n"))
        if match.group("u").lower() == "weeks":
            count = 12 if count in (52, 53) else 0  # a fiscal year of 52 or 53 weeks
        months = count
    if not 1 <= months <= 24:
        return None
    return Found(match.start(), item.end, Kind.DATE, Ending(months, spec))


def _count(word: str) -> int:
    """A count in digits or words ("nine", "twenty-four"), 0 when it is none."""
    if word.isdigit():
        return int(word)
    parts = word.lower().split("-")
    if not all(p in vocab.NUMBERS and p not in ("a", "an", "hundred") for p in parts):
        return 0
    return sum(vocab.NUMBERS[p] for p in parts)


def _with_prep(text: str, item: Found) -> Found:
    """Note the preposition before a date whose rule did not read it ("since June 2018")."""
    if item.prep is not None or item.kind is not Kind.DATE or not isinstance(item.spec, Calendar):
        return item
    if not text[item.start - 1 : item.start].isspace():
        return item  # a preposition is followed by a space
    match = P.PREP_BEFORE.search(text, max(0, item.start - 20), item.start)
    if match is None:
        return item
    prep = " ".join(match.group(1).lower().split())
    return Found(item.start, item.end, item.kind, item.spec, prep)  # (``replace`` is slower)


def _range(text: str, a: Found, b: Found, before: Found | None = None) -> Found | None:
    if a.kind is not Kind.DATE or b.kind is not Kind.DATE:
        return None
    if not (_joinable(a.spec) and _joinable(b.spec)):
        return _days_named(text, a, b) if a.prep in _SPAN_PREPS else None
    gap = P.RANGE_GAP.fullmatch(text, a.end, b.start)
    if gap is None:
        return None
    if "and" in gap.group().lower() and a.prep != "between":
        if not _next_months(text, a, b, before):
            return None
    if a.spec.year is not None and b.spec.year is None:
        return None  # "2019 to May": too loose to be a range
    return Found(a.start, b.end, Kind.DATE, Range(a.spec, b.spec), a.prep)


_SPAN_PREPS = ("from", "between")


def _days_named(text: str, a: Found, b: Found) -> Found | None:
    """ "from Sept. 14 to Thursday", "between Monday and Friday": a span of days one of which
    is named by its weekday, after "from" or "between" only."""
    if not (_a_day(a.spec) and _a_day(b.spec)):
        return None
    gap = P.RANGE_GAP.fullmatch(text, a.end, b.start)
    if gap is None or ("and" in gap.group().lower()) != (a.prep == "between"):
        return None
    return Found(a.start, b.end, Kind.DATE, Range(a.spec, b.spec), a.prep)


def _a_day(spec: object) -> TypeGuard[Calendar | RelativeWeekday]:
    if isinstance(spec, RelativeWeekday):
        return spec.mode == "bare"
    return isinstance(spec, Calendar) and spec.day is not None and spec.qualifier is None


def _next_months(text: str, a: Found, b: Found, before: Found | None) -> bool:
    """Whether "January and February 1937" is a span of two months in a row, not two months
    of a list ("May, June and July") nor two apart ("March and November 1917")."""
    first, second = a.spec, b.spec
    assert isinstance(first, Calendar) and isinstance(second, Calendar)
    if first.year is not None or first.day is not None or second.day is not None:
        return False
    if first.month is None or second.month != first.month % 12 + 1:
        return False
    if before is None or before.kind is not Kind.DATE or not isinstance(before.spec, Calendar):
        return True  # not in a list of months
    return not P.LIST_BEFORE.fullmatch(text, before.end, a.start)


def _joinable(spec: object) -> TypeGuard[Calendar]:
    return (
        isinstance(spec, Calendar) and spec.qualifier is None and spec.decade is None
        and spec.century is None and (spec.month is not None or spec.year is not None)
    )  # fmt: skip


def _is_day(spec: object) -> bool:
    if isinstance(spec, Calendar):
        return spec.day is not None
    return isinstance(spec, RelativeDay | RelativeWeekday)


def _timed(text: str, a: Found, b: Found) -> Found | None:
    if a.kind is Kind.TIME and isinstance(a.spec, Clock) and a.spec.day is None and _is_day(b.spec):
        if P.TIME_BEFORE_DAY_GAP.fullmatch(text, a.end, b.start) and b.kind is Kind.DATE:
            return Found(a.start, b.end, Kind.TIME, replace(a.spec, day=b.spec), a.prep)
    if b.kind is Kind.TIME and isinstance(b.spec, Clock) and b.spec.day is None and _is_day(a.spec):
        if P.DAY_BEFORE_TIME_GAP.fullmatch(text, a.end, b.start) and a.kind is Kind.DATE:
            return Found(a.start, b.end, Kind.TIME, replace(b.spec, day=a.spec), a.prep)
    return None
