"""One entry per happening: the date phrases of one document that date the same happening.

Two mentions are grouped when their dates can be the same days (one lies within the other)
and either

- they are in one clause, side by side ("yesterday (Monday 16 May)", "on Friday, Aug. 7",
  "the quarter ended Sept. 30"): the reason is ``same clause``; or
- they tell the same happening, in the same sentence ("last night's concert, which began
  at 8pm") or again in another: the same action (the verb the date belongs to, by its stem)
  and the same actors or object (content words that are rare in the document's dated
  sentences): ``same action and actors``.

A date that could hold several of the happenings around it ("this month", "in 2019") joins
none of them. Two happenings in one sentence ("Tarragona fell on 14 January, Barcelona on
26 January") have incompatible dates and stay apart.

Each candidate gets ``happening`` (the id of the first candidate of its group) and, when it
joined one, ``grouped`` (why). The work grows with the number of mentions, not its square:
a mention is compared only with the recent groups whose dates can meet its own.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..dates import DateValue
from ..disjoint import DisjointSets
from ..models import Candidate

__all__ = ["PERIOD_END", "SAME_ACTION", "SAME_CLAUSE", "Reading", "compatible", "group"]

SAME_CLAUSE = "same clause"
SAME_ACTION = "same action and actors"
#: "the quarter ended Sept. 30": the second date only says when the period ended.
PERIOD_END = "end of the period before it"

#: Groups of the same year a mention is compared with, the most recent first.
RECENT_GROUPS = 40
#: A term is rare when it is in at most this share of the document's dated sentences …
RARE_SHARE = 0.34
#: … or in at most this many of them.
RARE_COUNT = 2
#: Rare terms two mentions in different sentences must share (one of them the action).
SHARED_TERMS = 2

#: What may stand between two phrases of one clause that date one happening.
_BETWEEN_SAME = re.compile(
    r"\s*(?:[(\[,]\s*|[)\]]\s*[(\[]?\s*|\s+)?"
    r"(?:(?:on|at|in|of|the|quarter|period|year|month|week|ended|ending|ends|which|aired|"
    r"was|were|is|held|from|around|about|about|by)\s+){0,3}\s*",
    re.IGNORECASE,
)
_ENDED = re.compile(r"\b(?:ended|ending|ends|closing|closed)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """What a mention's happening is about, as far as the title tells: the stem of its action
    (the verb or noun the date belongs to) when known, and the stems of its content words."""

    action: str | None
    terms: frozenset[str] = field(default_factory=frozenset)


def compatible(a: DateValue | None, b: DateValue | None) -> bool:
    """Whether one of the dates lies within the other (same days, or a coarser date holding
    a finer one)."""
    if a is None or b is None:
        return False
    if a.edtf == b.edtf:
        return True
    if a.earliest is not None and a.latest is not None and b.earliest is not None \
            and b.latest is not None:  # fmt: skip
        return (a.earliest <= b.earliest and b.latest <= a.latest) or (
            b.earliest <= a.earliest and a.latest <= b.latest
        )
    if not (a.year_known and b.year_known):
        return False
    try:
        return a.contains(b) or b.contains(a)
    except (TypeError, ValueError):
        return False


def _finer(a: DateValue, b: DateValue) -> bool:
    """Whether ``a`` is at least as fine as ``b`` (lies within it)."""
    if a.edtf == b.edtf:
        return True
    try:
        return b.contains(a)
    except (TypeError, ValueError):
        return False


def _same_clause(text: str, a: Candidate, b: Candidate) -> bool:
    """Whether two phrases of one sentence, ``a`` before ``b``, sit side by side in one
    clause: "yesterday (Monday 16 May)", "Friday, Aug. 7", "the quarter ended Sept. 30"."""
    between = text[a.end : b.start]
    if len(between) > 40 or "\n" in between:
        return False
    match = _BETWEEN_SAME.fullmatch(between)
    return match is not None


def _rare(readings: Sequence[Reading], sentences: Sequence[tuple[str, int]]) -> frozenset[str]:
    """Terms rare in the document's dated sentences: in at most a third of them (or two)."""
    count: Counter[str] = Counter()
    seen: set[tuple[str, int]] = set()
    for reading, key in zip(readings, sentences, strict=True):
        if key in seen:
            continue
        seen.add(key)
        count.update(reading.terms)
    limit = max(RARE_COUNT, int(len(seen) * RARE_SHARE))
    return frozenset(term for term, n in count.items() if n <= limit)


def _same_action(a: Reading, b: Reading, rare: frozenset[str]) -> bool:
    if a.action is None or a.action != b.action:
        return False
    shared = (a.terms & b.terms & rare) - {a.action}
    return len(shared) >= SHARED_TERMS - 1


def group(
    candidates: Sequence[Candidate], readings: Sequence[Reading], text: str
) -> list[Candidate]:
    """The candidates with ``happening`` and ``grouped`` set; ``readings[i]`` is what the
    title of ``candidates[i]`` tells (see :class:`Reading`). Candidates with a ``reason`` or
    without a date stay alone."""
    n = len(candidates)
    groups = DisjointSets(n)
    why: dict[int, str] = {}
    eligible = [i for i, c in enumerate(candidates) if c.reason is None and c.date is not None]
    # Side by side in one clause.
    for x, y in zip(eligible, eligible[1:], strict=False):
        a, b = candidates[x], candidates[y]
        if (
            a.quote_start == b.quote_start
            and compatible(a.date, b.date)
            and _same_clause(text, a, b)
        ):
            groups.join(x, y)
            why[y] = PERIOD_END if _ENDED.search(text, a.end, b.start) else SAME_CLAUSE
    # The same happening told again in another sentence.
    sentences = [(c.quote, c.quote_start) for c in candidates]
    rare = _rare([readings[i] for i in eligible], [sentences[i] for i in eligible])
    by_year: dict[int | None, list[int]] = defaultdict(list)
    for i in eligible:
        date = candidates[i].date
        assert date is not None
        year = date.year if date.year_known else None
        recent = by_year[year]
        matches = []
        for j in reversed(recent[-RECENT_GROUPS:]):
            other = candidates[j]
            if not compatible(date, other.date):
                continue
            if _same_action(readings[i], readings[j], rare):
                matches.append(j)
        roots = {groups.find(j) for j in matches}
        if len(roots) == 1:
            j = matches[0]
            found = candidates[j].date
            assert found is not None  # ``recent`` holds eligible candidates only
            coarse = not _finer(date, found)
            # A coarse date joins a finer happening only when no other happening of its
            # span shares its action.
            if not coarse or _only_candidate(i, j, candidates, readings, recent, groups):
                groups.join(i, j)
                why.setdefault(i if i > j else j, SAME_ACTION)
        recent.append(i)
    leads: dict[int, str] = {}
    result = []
    for i, candidate in enumerate(candidates):
        root = groups.find(i)
        lead = leads.setdefault(root, candidates[root].id)
        result.append(
            replace(
                candidate,
                happening=lead,
                grouped=why.get(i) if root != i else None,
            )
        )
    return result


def _only_candidate(
    i: int,
    j: int,
    candidates: Sequence[Candidate],
    readings: Sequence[Reading],
    recent: Sequence[int],
    groups: DisjointSets,
) -> bool:
    """Whether happening ``j`` is the only one within ``candidates[i]``'s span that has the
    same action."""
    date = candidates[i].date
    action = readings[i].action
    others: set[int] = set()
    for k in reversed(recent):  # (the most recent first: a second one is found soonest)
        if readings[k].action == action and compatible(date, candidates[k].date):
            others.add(groups.find(k))
            if len(others) > 1:
                return False
    return True
