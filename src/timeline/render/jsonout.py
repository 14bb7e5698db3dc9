"""The timeline as JSON: ``{"title": ..., "events": [...]}``, UTF-8, indented."""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import Enum

from timeline.dates import DateValue
from timeline.models import Event, SourceRef

__all__ = ["render_json", "event_to_dict"]


def _enum(value: Enum | None) -> str | None:
    return value.value if value is not None else None


def _edtf(value: DateValue | None) -> str | None:
    return value.edtf if value is not None else None


def _date(value: DateValue) -> dict[str, str | None]:
    return {
        "edtf": value.edtf,
        "display": value.display(),
        "precision": value.precision.value,
        "qualifier": _enum(value.qualifier),
        "earliest": value.earliest.isoformat() if value.earliest else None,
        "latest": value.latest.isoformat() if value.latest else None,
    }


def _source(ref: SourceRef) -> dict[str, object]:
    return {
        "source": ref.source,
        "line": ref.line,
        "page": ref.page,
        "start": ref.start,
        "end": ref.end,
        "text": ref.text,
        "quote": ref.quote,
        "quote_start": ref.quote_start,
        "resolved_by": _enum(ref.resolved_by),
        "date": _edtf(ref.date),
        "candidate": ref.candidate,
        "source_title": ref.source_title,
        "source_url": ref.source_url,
        "source_published": _edtf(ref.source_published),
        "grouped": ref.grouped,
    }


def event_to_dict(event: Event) -> dict[str, object]:
    """One event as plain JSON-ready values."""
    return {
        "id": event.id,
        "date": _date(event.date),
        "title": event.title,
        "tags": list(event.tags),
        "note": event.note,
        "curated": event.curated,
        "resolved_by": _enum(event.resolved_by),
        "inferred": event.inferred,
        "sources": [_source(ref) for ref in event.sources],
    }


def render_json(events: Sequence[Event], *, title: str | None = None) -> str:
    """JSON text for ``events``, ending with a newline."""
    document = {"title": title, "events": [event_to_dict(event) for event in events]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
