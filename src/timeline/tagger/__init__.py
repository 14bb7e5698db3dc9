"""The temporal tagger: finds date, time, duration and frequency expressions in English text.

>>> from timeline.dates import DateValue
>>> [(m.text, m.value.edtf) for m in tag("Published on 1 March 2023.")]
[('1 March 2023', '2023-03-01')]

``tag`` is a pure function: the same text and publication date always give the same
mentions, sorted by start and never overlapping, each with ``text == source[start:end]``.
"""

from __future__ import annotations

from ..dates import DateValue
from ..models import Kind, Mention
from .combine import join, select
from .guards import Mask
from .resolve import resolve_all
from .rules import find_all

__all__ = ["tag"]


def tag(
    text: str, published: DateValue | None = None, *, kinds: set[Kind] | None = None
) -> list[Mention]:
    """Every temporal expression in ``text``, resolved against ``published`` where needed.

    ``kinds`` keeps only mentions of those kinds (all kinds when ``None``).
    """
    mask = Mask(text)
    candidates = ((rank, f) for rank, f in find_all(text) if not mask.hides(f.start, f.end))
    found = join(text, select(candidates))
    mentions = resolve_all(text, found, published)
    if kinds is not None:
        mentions = [m for m in mentions if m.kind in kinds]
    return mentions
