"""Corroboration: candidates from different sources that tell of one happening.

Two candidates tell of one happening when their dates can mean the same days *and* they name
the same actors doing the same thing: a shared name (a person, a place, an organisation) and
a shared action (the verb's stem, or a word of the same kind of happening: "invaded" and
"occupation"), read in the clause the date phrase belongs to (:mod:`.signature`), not shared
common words anywhere in the sentence. Linked candidates are grouped; a group is proposed
only when it spans two sources or more, when its dates have a common core (one member's date
lies within every other's), and when it holds one happening of each source: a wide or vague
date ("this week", a year) joins one happening, never several (:mod:`.link`).

Two candidates of different sources that name the same actors and action with dates that
cannot agree are a *mismatch*, which ``timeline check`` reports.

The curated file decides: a ``merge:`` accepts a proposal, a ``distinct:`` list rejects it,
and a rejected pair is never grouped again. :func:`merge_groups` applies the open proposals
to a list of events, for a timeline grouped automatically before any curation.

Candidates are compared through indexes (by name and date window, by name and action), so
the work grows with the candidates that share something rare, not with the square of all.
Nothing here knows any particular document: the vocabulary is general English in tables
(:mod:`.vocab`) and the rarity of words in the documents read (:mod:`.words`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..dates import DateValue
from ..models import Event, SourceRef
from .fit import core_date, date_fit, named_date
from .link import Group, Mismatch, find_mismatches, propose_groups
from .signature import Reader, Signature
from .words import TermIndex, words

if TYPE_CHECKING:
    from ..pipeline import Timeline

__all__ = [
    "AUTO_TAG",
    "Group",
    "Mismatch",
    "Reader",
    "Signature",
    "TermIndex",
    "core_date",
    "date_fit",
    "find_mismatches",
    "index_for",
    "merge_groups",
    "named_date",
    "propose_groups",
    "words",
]

#: The tag an automatically grouped event carries, so every output can tell it apart.
AUTO_TAG = "auto-merged"
AUTO_NOTE = "Grouped automatically as the same happening; not yet confirmed in the curated file."


# --------------------------------------------------------------------------- merging


def merge_groups(events: Sequence[Event], groups: Sequence[Group]) -> list[Event]:
    """The events with each group's events made one, marked as grouped automatically.

    The merged event keeps the id, title, tags and note of the event holding the group's
    lead (a curated one when there is one), takes the group's date unless a curator set
    one, and cites every source of the events it joins, in order.
    """
    home: dict[str, int] = {}
    for n, event in enumerate(events):
        for ref in event.sources:
            if ref.candidate:
                home[ref.candidate] = n
    joined: dict[int, list[int]] = {}
    taken: set[int] = set()
    for group in groups:
        indexes = list(dict.fromkeys(home[i] for i in group.ids if i in home))
        if len(indexes) < 2 or taken & set(indexes):
            continue
        lead = home.get(group.lead, indexes[0])
        joined[lead] = [lead] + [i for i in indexes if i != lead]
        taken.update(indexes)
    result = []
    for n, event in enumerate(events):
        if n in joined:
            result.append(_merged([events[i] for i in joined[n]], _group_date(groups, event)))
        elif n not in taken:
            result.append(event)
    result.sort(key=_event_order)
    return result


def _group_date(groups: Sequence[Group], event: Event) -> DateValue | None:
    ids = {ref.candidate for ref in event.sources}
    return next((g.date for g in groups if ids & set(g.ids)), None)


def _merged(events: list[Event], date_: DateValue | None) -> Event:
    lead = events[0]
    sources: list[SourceRef] = [ref for event in events for ref in event.sources]
    curated = next((e for e in events if e.curated), None)
    when, resolved_by = (
        (curated.date, curated.resolved_by) if curated else (date_ or lead.date, lead.resolved_by)
    )
    if curated is None and date_ is not None:
        for event in events:
            if event.date == date_:
                resolved_by = event.resolved_by
                break
    note = f"{lead.note} ({AUTO_NOTE})" if lead.note else AUTO_NOTE
    return replace(
        lead,
        date=when,
        sources=sources,
        tags=[*lead.tags, AUTO_TAG] if AUTO_TAG not in lead.tags else list(lead.tags),
        note=note,
        curated=curated is not None,
        resolved_by=resolved_by,
    )


def _event_order(event: Event) -> tuple[tuple[int, int, int, str], str, int, str]:
    first = event.sources[0] if event.sources else SourceRef(source="")
    start = first.start if first.start is not None else -1
    return (event.date.sort_key(), first.source, start, event.id)


# --------------------------------------------------------------------------- the index of a run


def index_for(timeline: Timeline) -> TermIndex:
    """The term index of a built timeline: its candidates' sentences, by document.

    Nothing is read again (a cached run reads no document at all), so ``check``, ``review``
    and ``show --merge`` weigh words alike and in time that grows with the candidates.
    """
    return TermIndex.of(timeline.extraction.candidates)
