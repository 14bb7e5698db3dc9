"""From dated mentions to candidate events: the sentence, a title and a stable id for each.

The titles' grammar, the noise rules and the grouping are imported when candidates are first
made, not with this package: a run that finds every document in the cache (it needs only the
ids, ``events.ids``) does not compile their patterns.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import partial

from ..dates import Precision
from ..models import Candidate, Document, Mention
from ..sentences import quote_bounds, sentence_bounds
from .ids import assign_prefixes, document_prefix, slug

__all__ = [
    "DATE_ONLY_TITLE",
    "LineIndex",
    "assign_prefixes",
    "candidate_to_dict",
    "candidates",
    "document_prefix",
    "make_title",
    "page_of",
    "sentence_bounds",
    "slug",
]


def __getattr__(name: str) -> object:
    """``DATE_ONLY_TITLE`` and ``make_title``, from ``titles``, loaded on first use."""
    if name in ("DATE_ONLY_TITLE", "make_title"):
        from . import titles

        return getattr(titles, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class LineIndex:
    """Maps character offsets to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def locate(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def bounds(self, offset: int, length: int) -> tuple[int, int]:
        """The start and end (before its line break) of the line holding ``offset``, in a
        text of ``length`` characters."""
        index = bisect.bisect_right(self._starts, offset) - 1
        end = self._starts[index + 1] - 1 if index + 1 < len(self._starts) else length
        return self._starts[index], end


def page_of(pages: Sequence[int] | None, offset: int) -> int | None:
    """The 1-based page holding ``offset``, given each page's start offset; None if not paged."""
    if not pages:
        return None
    return max(bisect.bisect_right(pages, offset), 1)


def candidates(
    document: Document, mentions: Iterable[Mention], prefix: str, *, every_kind: bool = False
) -> list[Candidate]:
    """One candidate per dated mention, with a stable id ``prefix:slug[-n]``, its sentence, a
    title, the reason it is not on the timeline by itself (if any), and the happening it
    dates (mentions of one happening share one).

    With ``every_kind``, durations, sets and vague references ("now", "recently": dates with
    a TIMEX value and no calendar value) are listed too, after the dated mentions are
    numbered, so the ids of dated candidates never depend on it.
    """
    from . import noise
    from .happenings import Reading, group
    from .titles import headline, make_title, sentence_tokens
    from .words import terms

    text = document.text
    lines = LineIndex(text)
    seen: Counter[str] = Counter()
    used: set[str] = set()
    found = list(mentions)
    chosen = [m for m in found if m.is_dated and m.duration is None]
    spans = [(m.start, m.end) for m in chosen]
    places = []
    for mention in chosen:
        lo, hi = quote_bounds(text, mention.start, mention.end)
        places.append((lo, hi, *_around(text, lo, hi, mention.start, mention.end)))
    result = []
    readings = []
    for index, mention in enumerate(chosen):
        ident = _next_id(f"{prefix}:{slug(mention.text)}", seen, used)
        lo, hi, near_lo, near_hi = places[index]
        sentence = text[lo:hi]
        line, column = lines.locate(mention.start)
        line_bounds = lines.bounds(mention.start, len(text))
        why = noise.reason(mention, text, (near_lo, near_hi), line_bounds)
        title = headline(
            text, near_lo, near_hi, mention.start, mention.end,
            others=_neighbours(spans, index, near_lo, near_hi),
            previous=partial(_previous_sentence, text, near_lo),
            toks=sentence_tokens(text, lo, hi, (near_lo, near_hi)),
        )  # fmt: skip
        if why is None and title.state and _coarse(mention):
            why = "state"
        readings.append(Reading(title.action, terms(title.text)))
        result.append(
            Candidate(
                id=ident,
                source=document.path,
                line=line,
                column=column,
                start=mention.start,
                end=mention.end,
                text=mention.text,
                kind=mention.kind,
                date=mention.value,
                resolved_by=mention.resolved_by,
                quote=sentence,
                title=title.text,
                quote_start=lo,
                page=page_of(document.pages, mention.start),
                timex=mention.duration,
                reason=why,
            )
        )
    result = group(result, readings, text)
    if every_kind:
        for mention in found:
            if mention.is_dated and mention.duration is None:
                continue
            ident = _next_id(f"{prefix}:{slug(mention.text)}", seen, used)
            lo, hi = quote_bounds(text, mention.start, mention.end)
            line, column = lines.locate(mention.start)
            result.append(
                Candidate(
                    id=ident, source=document.path, line=line, column=column,
                    start=mention.start, end=mention.end, text=mention.text, kind=mention.kind,
                    date=mention.value, resolved_by=mention.resolved_by, quote=text[lo:hi],
                    title=make_title(text[lo:hi], mention.start - lo, mention.end - lo),
                    quote_start=lo, page=page_of(document.pages, mention.start),
                    timex=mention.duration,
                )
            )  # fmt: skip
        result.sort(key=lambda c: c.start)
    return result


def _next_id(base: str, seen: Counter[str], used: set[str]) -> str:
    """The id of a phrase whose slug gives ``base``: ``base`` the first time, then ``base-2``,
    ``base-3`` ... as the phrase comes again; never one already given (the fourth "June" is
    not ``june-4`` when the text also says "June 4")."""
    while True:
        seen[base] += 1
        ident = base if seen[base] == 1 else f"{base}-{seen[base]}"
        if ident not in used:
            used.add(ident)
            return ident


#: The most of a sentence read on each side of a date phrase for its title and its reason:
#: a "sentence" of a megabyte (a text with no full stops) is read near the phrase only.
NEAR = 250


def _around(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The sentence ``[lo, hi)`` around a date phrase, narrowed to :data:`NEAR` characters on
    each side of it (at a space) when it is longer."""
    if start - lo > NEAR:
        cut = text.find(" ", start - NEAR, start)
        lo = cut + 1 if cut >= 0 else start - NEAR
    if hi - end > NEAR:
        cut = text.rfind(" ", end, end + NEAR)
        hi = cut if cut >= 0 else end + NEAR
    return lo, hi


def _coarse(mention: Mention) -> bool:
    """Whether a mention names a year or a longer stretch (or a span open at one end):
    such a date may time a state ("a decade ago, they were still under Soviet rule"); a
    day or a month times a happening."""
    value = mention.value
    if value is None:
        return False
    return value.is_interval or value.precision in (
        Precision.YEAR,
        Precision.DECADE,
        Precision.CENTURY,
    )


def _neighbours(
    spans: Sequence[tuple[int, int]], index: int, lo: int, hi: int
) -> list[tuple[int, int]]:
    """The spans of the other dated mentions within ``[lo, hi)``, found next to ``index``."""
    result = []
    for k in range(index - 1, -1, -1):
        if spans[k][1] <= lo:
            break
        result.append(spans[k])
    for k in range(index + 1, len(spans)):
        if spans[k][0] >= hi:
            break
        result.append(spans[k])
    return result


def _previous_sentence(text: str, lo: int) -> str:
    """The sentence that ends right before offset ``lo`` (empty at the start of a text)."""
    end = lo
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return ""
    a, b = sentence_bounds(text, end - 1, end, window=400)
    return text[a:b]


def candidate_to_dict(candidate: Candidate) -> dict[str, object]:
    """A candidate as plain data: the fields ``timeline extract`` prints."""
    date = candidate.date
    return {
        "id": candidate.id,
        "source": candidate.source,
        "line": candidate.line,
        "column": candidate.column,
        "page": candidate.page,
        "start": candidate.start,
        "end": candidate.end,
        "text": candidate.text,
        "kind": candidate.kind.value,
        "date": date.edtf if date else None,
        "value": candidate.timex,
        "display": date.display() if date else None,
        "earliest": date.earliest.isoformat() if date and date.earliest else None,
        "latest": date.latest.isoformat() if date and date.latest else None,
        "precision": date.precision.value if date else None,
        "qualifier": date.qualifier.value if date and date.qualifier else None,
        "resolved_by": candidate.resolved_by.value,
        "quote": candidate.quote,
        "title": candidate.title,
        "reason": candidate.reason,
        "happening": candidate.happening,
        "grouped": candidate.grouped,
    }
