"""The plain values that flow through the pipeline.

documents -> Document -> Mention (tagger) -> Candidate (events) -> Event (curation) -> render
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .dates import DateValue
from .frozen import frozen


class Kind(str, Enum):
    """TIMEX3 types: what a temporal expression denotes."""

    DATE = "date"
    TIME = "time"
    DURATION = "duration"
    SET = "set"

    def __str__(self) -> str:
        return self.value


class Resolution(str, Enum):
    """How a mention's date was fixed."""

    EXPLICIT = "explicit"  # the text gave everything ("1 March 2023", "June 2018")
    PUBLISHED = "published"  # anchored to the document's publication date ("yesterday")
    CONTEXT = "context"  # year taken from the nearest explicit date before it in the text
    WEEKDAY = "weekday"  # year chosen because the weekday only fits that year
    UNRESOLVED = "unresolved"  # no anchor available: year unknown, or no date at all
    CURATED = "curated"  # set by hand in the curated file

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Document:
    """A source document: its decoded text and what is known of it."""

    path: str  # as shown to users and used in ids and the curated file (POSIX separators)
    text: str
    published: DateValue | None = None
    #: Where ``published`` came from: "curation", "option", or None.
    published_from: str | None = None
    title: str | None = None
    url: str | None = None
    #: For paged documents (PDF): the offset in ``text`` where each page starts, page 1 first.
    pages: tuple[int, ...] | None = None


@frozen
class Mention:
    """A temporal expression found in a text.

    ``text == source[start:end]`` always holds. ``value`` is the date for dates and times
    (``None`` where it could not be resolved, e.g. "yesterday" with no publication date);
    ``duration`` holds the ISO 8601 value of durations and sets ("P12Y", "P1D"), or for a
    set of named days or months its TimeML value ("XXXX-WXX-1" for "every Monday").
    """

    start: int
    end: int
    text: str
    kind: Kind
    value: DateValue | None
    resolved_by: Resolution = Resolution.EXPLICIT
    duration: str | None = None
    #: The date the mention was resolved against, when it was.
    anchor: DateValue | None = None

    @property
    def is_dated(self) -> bool:
        return self.kind in (Kind.DATE, Kind.TIME)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One dated mention in one document, proposed as an event."""

    id: str
    source: str
    line: int  # 1-based
    column: int  # 1-based
    start: int
    end: int
    text: str
    kind: Kind
    date: DateValue | None
    resolved_by: Resolution
    quote: str
    title: str
    quote_start: int = 0  # offset of the quote in the document, so the phrase can be marked
    page: int | None = None  # 1-based page of paged documents (PDF), else None
    #: The TIMEX3 value of a duration or set ("P12Y", "P1D"), for ``extract --all``.
    timex: str | None = None
    #: Why the mention is not on the timeline by itself ("heading", "name", "comparison"…;
    #: see ``timeline.events.noise.REASONS``); None when it may date a happening.
    reason: str | None = None
    #: The id of the first candidate of the happening this mention dates (its own id when it
    #: is the first or alone); None for mentions that date no happening.
    happening: str | None = None
    #: Why the mention was grouped with an earlier one of the same happening, when it was.
    grouped: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where an event was found: one candidate's place in one source."""

    source: str
    line: int | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    quote: str | None = None
    quote_start: int | None = None
    resolved_by: Resolution | None = None
    date: DateValue | None = None
    candidate: str | None = None
    source_title: str | None = None
    source_url: str | None = None
    source_published: DateValue | None = None
    page: int | None = None  # 1-based page of paged documents (PDF)
    #: Why this mention is one of the event's ("same clause", "same action and actors",
    #: "merged in the curated file"); None for the first.
    grouped: str | None = None


@dataclass(slots=True)
class Event:
    """An entry on the timeline, after curation."""

    id: str
    date: DateValue
    title: str
    sources: list[SourceRef] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    #: True when a curator set or confirmed the date by hand.
    curated: bool = False
    resolved_by: Resolution = Resolution.EXPLICIT

    @property
    def inferred(self) -> bool:
        """True when the date rests on an anchor rather than on the words alone."""
        return self.resolved_by in (Resolution.PUBLISHED, Resolution.CONTEXT, Resolution.WEEKDAY)

    @property
    def quote(self) -> str | None:
        return self.sources[0].quote if self.sources else None
