"""The temporal tagger: finds date, time, duration and frequency expressions in English text.

>>> from timeline.dates import DateValue
>>> [(m.text, m.value.edtf) for m in tag("Published on 1 March 2023.")]
[('1 March 2023', '2023-03-01')]

``tag`` is a pure function: the same text and publication date always give the same
mentions, sorted by start and never overlapping, each with ``text == source[start:end]``.

The patterns are compiled when ``tag`` is first called, not when this package is imported:
a run that finds every document in the cache, or reads only the vocabulary (``vocab``),
never pays for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..dates import DateValue
    from ..models import Kind, Mention

__all__ = ["tag"]


def tag(
    text: str,
    published: DateValue | None = None,
    *,
    kinds: set[Kind] | None = None,
    day_first: bool = True,
    refs: bool = False,
) -> list[Mention]:
    """Every temporal expression in ``text``, resolved against ``published`` where needed.

    ``kinds`` keeps only mentions of those kinds (all kinds when ``None``). ``day_first`` reads
    an ambiguous numeric date such as 01/03/2023 as 1 March (``True``) or as 3 January
    (``False``); 25/12/2022 reads as 25 December either way. ``refs`` also returns what has
    no calendar value: vague references ("now", "recently", "the future"), as date mentions
    with ``value`` None and their TIMEX value (``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``)
    in ``duration``. Years before the common era are dates like any other ("480 BC" is
    EDTF ``-0479``).
    A publication date whose year or first day is unknown ("XXXX-05-16", "../2018") anchors
    nothing.
    """
    from .combine import join, select
    from .guards import Mask
    from .resolve import resolve_all
    from .rules import find_all
    from .specs import Timex

    if published is not None and (published.earliest is None or not published.year_known):
        published = None  # a publication date without a known start anchors nothing
    mask = Mask(text)
    candidates = (
        (rank, f)
        for rank, f in find_all(text, day_first=day_first, refs=refs)
        if not mask.hides(f.start, f.end) and (refs or not isinstance(f.spec, Timex))
    )
    found = join(text, select(candidates))
    mentions = resolve_all(text, found, published)
    if kinds is not None:
        mentions = [m for m in mentions if m.kind in kinds]
    return mentions
