"""Everything about one event: ``timeline explain ID``.

:func:`explain` gathers, as plain data, each source's sentence with the date phrase marked,
its place (path, line, column), how its date was found (as written, counted from the
publication date — and where that date came from —, or a year taken from an earlier date in
the text), and every line of the curated file that changed the event. :func:`format_explanation`
lays it out as text; :meth:`Explanation.to_dict` is for JSON.

The id may be an event's, or that of any candidate (one merged into an event, dropped, or
left undated is explained too, with what became of it).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .curation import Correction, Curation
from .dates import DateValue
from .errors import TimelineError
from .events.noise import REASONS
from .models import Candidate, Event, Resolution
from .review import RESOLVED, Marked, describe_date, mark

if TYPE_CHECKING:
    from .pipeline import Timeline

__all__ = [
    "Applied",
    "ExplainError",
    "Explanation",
    "SourceExplanation",
    "explain",
    "explain_timeline",
    "format_explanation",
]

#: Where a publication date came from, as told to the reader.
PUBLISHED_FROM = {"curation": "the curated file", "option": "the --published option"}


class ExplainError(TimelineError):
    """No event or candidate has the id asked for (the closest ids are suggested)."""


@dataclass(frozen=True)
class Applied:
    """One thing the curated file says about the event, and its line there."""

    key: str  # date, title, tags, note, drop, merge, distinct, published, added
    value: str
    line: int
    subject: str  # the entry's id, or the source path for 'published'

    def to_dict(self) -> dict[str, object]:
        return {"key": self.key, "value": self.value, "line": self.line, "subject": self.subject}


@dataclass(frozen=True)
class SourceExplanation:
    candidate: str | None
    path: str
    line: int | None
    column: int | None
    text: str | None  # the date phrase
    marked: Marked | None
    date: DateValue | None
    resolved_by: Resolution | None
    how: str  # how the date was found, in words
    anchor: DateValue | None = None  # the date it was counted from
    anchor_from: str | None = None  # where that date came from
    page: int | None = None  # the page of a paged document (PDF)
    #: Why the mention is one of the event's: "same clause", "same action and actors", …
    grouped: str | None = None
    #: Why the mention is kept off the timeline by itself (a heading, a name…), if it is.
    reason: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "candidate": self.candidate,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "page": self.page,
            "text": self.text,
            "quote": self.marked.text if self.marked else None,
            "phrase": list(self.marked.span) if self.marked else None,
            "marked": self.marked.plain() if self.marked else None,
            "date": self.date.to_dict() if self.date else None,
            "resolved_by": self.resolved_by.value if self.resolved_by else None,
            "how": self.how,
            "anchor": self.anchor.to_dict() if self.anchor else None,
            "anchor_from": self.anchor_from,
            "grouped": self.grouped,
            "reason": self.reason,
        }


@dataclass
class Explanation:
    id: str
    #: "on the timeline", "merged into ID", "dropped", or "undated (not on the timeline)".
    status: str
    title: str | None
    date: DateValue | None
    resolved_by: Resolution | None
    curated: bool = False
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    sources: list[SourceExplanation] = field(default_factory=list)
    corrections: list[Applied] = field(default_factory=list)
    curation_path: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "status": self.status,
            "title": self.title,
            "date": self.date.to_dict() if self.date else None,
            "resolved_by": self.resolved_by.value if self.resolved_by else None,
            "curated": self.curated,
            "tags": list(self.tags),
            "note": self.note,
            "sources": [s.to_dict() for s in self.sources],
            "corrections": [c.to_dict() for c in self.corrections],
            "curation": self.curation_path,
        }


# --------------------------------------------------------------------------- gathering


def explain(
    ident: str,
    events: Sequence[Event],
    candidates: Sequence[Candidate],
    curation: Curation | None = None,
    sources: Mapping[str, object] | None = None,
) -> Explanation:
    """Everything about the event (or candidate) ``ident``; ExplainError if there is none.

    ``sources`` maps document paths to their Document or DocumentInfo (for publication dates).
    """
    by_event = {e.id: e for e in events}
    by_candidate = {c.id: c for c in candidates}
    owner = curation.merged_into() if curation else {}
    event = by_event.get(ident) or by_event.get(owner.get(ident, ""))
    status = "on the timeline"
    if event is None:
        event = next((e for e in events if any(r.candidate == ident for r in e.sources)), None)
    if event is not None and event.id != ident:
        status = f"merged into {event.id}"
    if event is None and ident not in by_candidate:
        known = list(dict.fromkeys([*by_event, *by_candidate]))
        close = difflib.get_close_matches(ident, known, n=3)
        hint = f" (closest: {', '.join(close)})" if close else ""
        raise ExplainError(f"no event or candidate has the id {ident!r}{hint}")
    context = _Context(candidates, curation, sources or {})
    if event is None:
        return _lone(ident, by_candidate[ident], context)
    result = Explanation(
        id=event.id,
        status=status,
        title=event.title,
        date=event.date,
        resolved_by=event.resolved_by,
        curated=event.curated,
        tags=list(event.tags),
        note=event.note,
        curation_path=curation.path if curation else None,
    )
    for ref in event.sources:
        candidate = by_candidate.get(ref.candidate or "")
        result.sources.append(context.source(candidate, ref.source))
    result.corrections = context.applied(event.id, [r.candidate for r in event.sources])
    return result


def _lone(ident: str, candidate: Candidate, context: _Context) -> Explanation:
    """A candidate that is on no event: dropped, or left without a date."""
    curation = context.curation
    entry = curation.corrections.get(ident) if curation else None
    if entry is not None and entry.drop:
        status = "dropped"
    elif candidate.reason is not None:
        status = (
            f"kept off the timeline: {REASONS.get(candidate.reason, candidate.reason)} "
            "('drop: false' in the curated file puts it on)"
        )
    else:
        status = "undated (not on the timeline)"
    return Explanation(
        id=ident,
        status=status,
        title=candidate.title,
        date=candidate.date,
        resolved_by=candidate.resolved_by,
        sources=[context.source(candidate, candidate.source)],
        corrections=context.applied(ident, [ident]),
        curation_path=curation.path if curation else None,
    )


class _Context:
    def __init__(
        self,
        candidates: Sequence[Candidate],
        curation: Curation | None,
        sources: Mapping[str, object],
    ) -> None:
        self.candidates = candidates
        self.curation = curation
        self.sources = sources

    def source(self, candidate: Candidate | None, path: str) -> SourceExplanation:
        if candidate is None:  # an added event citing a document
            return SourceExplanation(None, path, None, None, None, None, None, None,
                                     "cited by the curator")  # fmt: skip
        anchor, anchor_from = self.anchor(candidate)
        return SourceExplanation(
            candidate=candidate.id,
            path=candidate.source,
            line=candidate.line,
            column=candidate.column,
            page=candidate.page,
            text=candidate.text,
            marked=mark(candidate),
            date=candidate.date,
            resolved_by=candidate.resolved_by,
            how=describe_date(candidate),
            anchor=anchor,
            anchor_from=anchor_from,
            grouped=candidate.grouped,
            reason=candidate.reason,
        )

    def anchor(self, candidate: Candidate) -> tuple[DateValue | None, str | None]:
        """The date a candidate was counted from, and where that date came from."""
        how = candidate.resolved_by
        if how is Resolution.PUBLISHED:
            info = self.sources.get(candidate.source)
            published = getattr(info, "published", None)
            return published, self.published_from(candidate.source, info)
        if how is Resolution.CONTEXT:
            earlier = self.context_of(candidate)
            if earlier is not None:
                return earlier.date, f"{earlier.text!r}, line {earlier.line} ({earlier.id})"
        return None, None

    def published_from(self, path: str, info: object) -> str | None:
        origin = getattr(info, "published_from", None)
        if origin == "curation" and self.curation and path in self.curation.sources:
            return f"{self.curation.path} line {self.curation.sources[path].line}"
        if origin is None:
            return None
        return PUBLISHED_FROM.get(origin, f"the document ({origin})")

    def context_of(self, candidate: Candidate) -> Candidate | None:
        """The last date written out in full before the candidate, in its document."""
        before = [
            c
            for c in self.candidates
            if c.source == candidate.source
            and c.start < candidate.start
            and c.resolved_by is Resolution.EXPLICIT
            and c.date is not None
            and c.date.year_known
        ]
        return before[-1] if before else None

    def applied(self, event_id: str, members: Sequence[str | None]) -> list[Applied]:
        """Every line of the curated file that bears on the event, in file order."""
        curation = self.curation
        if curation is None:
            return []
        found: list[Applied] = []
        entry = curation.corrections.get(event_id)
        if entry is not None:
            for key in ("date", "title", "tags", "note", "drop", "merge", "distinct"):
                value = _value_of(entry, key)
                if value is not None:
                    line = entry.positions.get(key, (entry.line, 0))[0]
                    found.append(Applied(key, value, line, event_id))
        for cid in members:
            if cid is None or cid == event_id:
                continue
            own = curation.corrections.get(cid)
            if own is not None:
                found.append(Applied("ignored", f"entry of {cid} (it is merged)", own.line, cid))
        added = curation.added.get(event_id)
        if added is not None:
            found.append(Applied("added", added.title, added.line, event_id))
        paths = {c.source for c in self.candidates if c.id in set(members)}
        paths |= set(added.sources) if added else set()
        for path in sorted(paths):
            meta = curation.sources.get(path)
            if meta is not None and meta.published is not None:
                found.append(Applied("published", meta.published.display(), meta.line, path))
        found.sort(key=lambda a: a.line)
        return found


def _value_of(entry: Correction, key: str) -> str | None:
    value = getattr(entry, key)
    if key == "drop":
        return "true" if value else None
    if key in ("merge", "distinct"):
        return ", ".join(ref.id for ref in value) if value else None
    if key == "tags":
        return ", ".join(value) if value else None
    if isinstance(value, DateValue):
        return f"{value.display()} ({value.edtf})"
    text: str | None = value  # the title or the note
    return text


def explain_timeline(timeline: Timeline, ident: str) -> Explanation:
    """:func:`explain` on a built timeline (``pipeline.build``)."""
    extraction = timeline.extraction
    sources = {info.path: info for info in extraction.documents}
    return explain(ident, timeline.events, extraction.candidates, timeline.curation, sources)


# --------------------------------------------------------------------------- text


def format_explanation(explanation: Explanation, marks: tuple[str, str] = ("«", "»")) -> str:
    e = explanation
    when = f"{e.date.display()} ({e.date.edtf})" if e.date else "no date"
    how = RESOLVED.get(e.resolved_by, "") if e.resolved_by else ""
    lines = [
        f"{e.id}: {e.title or ''}",
        f"  status: {e.status}",
        f"  date:   {when}" + (f", {how}" if how else ""),
    ]
    if e.tags:
        lines.append(f"  tags:   {', '.join(e.tags)}")
    if e.note:
        lines.append(f"  note:   {e.note}")
    count = len(e.sources)
    lines.append(f"  {count} source{'s' if count != 1 else ''}:")
    for s in e.sources:
        place = f"{s.path} line {s.line}, column {s.column}" if s.line else s.path
        if s.page is not None:
            place = f"{s.path} p. {s.page}, line {s.line}" if s.line else f"{s.path} p. {s.page}"
        lines.append(f"    {s.candidate or '(cited)'}  {place}")
        if s.marked is not None:
            lines.append(f"      {s.marked.plain(marks)}")
        lines.append(f"      date: {s.how}")
        if s.grouped is not None:
            lines.append(f"      the same happening: {s.grouped}")
        if s.reason is not None:
            lines.append(f"      an aside: {REASONS.get(s.reason, s.reason)}")
        if s.anchor is not None:
            where = f", from {s.anchor_from}" if s.anchor_from else ""
            lines.append(f"      counted from {s.anchor.display()}{where}")
    if e.corrections:
        lines.append(f"  in {e.curation_path}:")
        for a in e.corrections:
            lines.append(f"    line {a.line}: {a.key}: {a.value}"
                         + (f"  ({a.subject})" if a.subject != e.id else ""))  # fmt: skip
    elif e.curation_path:
        lines.append(f"  nothing in {e.curation_path} changes it")
    return "\n".join(lines) + "\n"
