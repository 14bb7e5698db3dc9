"""What the curated file holds once loaded, and the errors and problems it can raise.

Every loaded piece keeps the line and column (1-based) it was read from, so later findings
(a stale id, an ignored title) can point at the exact place in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..dates import DateValue
from ..errors import TimelineError

__all__ = [
    "AddedEvent",
    "Correction",
    "Curation",
    "CurationError",
    "CurationFileError",
    "DateReading",
    "Problem",
    "ProblemList",
    "Ref",
    "SourceMeta",
]


class CurationError(TimelineError, ValueError):
    """The curated file cannot be used: says what is wrong and where (1-based line/column)."""

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = path
        self.line = line
        self.column = column
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class CurationFileError(CurationError):
    """The file itself cannot be read: missing, a directory, unreadable, or not UTF-8.

    ``missing`` is True when nothing exists at the path, so a caller can decide that a
    missing default file simply means "no corrections".
    """

    def __init__(
        self, path: str, message: str, *, missing: bool = False, line: int = 1, column: int = 1
    ) -> None:
        super().__init__(path, line, column, message)
        self.missing = missing


Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """A finding about the curated file or a document, with the place to look.

    ``path``/``line``/``column`` point into the curated file for problems of the curation and
    into the source document for problems of a document. ``code`` names the kind of finding
    in a stable way for scripts ("stale-id", "contradiction", …); ``subject`` is the id of
    the candidate or event concerned, when there is one.
    """

    level: Level
    message: str
    path: str
    line: int
    column: int
    code: str = ""
    subject: str | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "level": self.level,
            "code": self.code,
            "subject": self.subject,
            "message": self.message,
        }


class ProblemList:
    """Errors and warnings of anything that carries a ``problems`` list."""

    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]


@dataclass(frozen=True)
class Ref:
    """An id named in the file (a merge entry), with where it was written."""

    id: str
    line: int
    column: int


@dataclass(frozen=True)
class SourceMeta:
    """What the curator knows about one source document."""

    path: str
    line: int
    column: int
    title: str | None = None
    published: DateValue | None = None
    url: str | None = None
    publisher: str | None = None
    note: str | None = None
    #: How to read numeric dates such as 01/03/2023: "day-first" or "month-first".
    numeric_dates: str | None = None


@dataclass(frozen=True)
class DateReading:
    """A date of the curated file written as in a text ("3 March 2023"), and how it was read."""

    text: str
    value: DateValue
    line: int
    column: int


@dataclass(frozen=True)
class Correction:
    """The curator's changes to one candidate, keyed by the candidate's id.

    ``positions`` maps each key written in the entry ("date", "title", …) to the line and
    column of its value.
    """

    id: str
    line: int
    column: int
    date: DateValue | None = None
    title: str | None = None
    tags: list[str] | None = None
    note: str | None = None
    #: True: not an event; False: on the timeline even if its mention is an aside (a
    #: heading, a name…); None: as found.
    drop: bool | None = None
    merge: list[Ref] = field(default_factory=list)
    #: Candidates the curator says are *not* the same happening as this one.
    distinct: list[Ref] = field(default_factory=list)
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def changes(self) -> list[str]:
        """The keys that would change the event itself (date, title, tags, note)."""
        return [key for key in ("date", "title", "tags", "note") if getattr(self, key) is not None]


@dataclass(frozen=True)
class AddedEvent:
    """An event the documents do not contain, added by the curator."""

    id: str
    line: int
    column: int
    date: DateValue
    title: str
    sources: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass(frozen=True)
class Curation:
    """The whole curated file."""

    path: str = ""
    sources: dict[str, SourceMeta] = field(default_factory=dict)
    corrections: dict[str, Correction] = field(default_factory=dict)
    added: dict[str, AddedEvent] = field(default_factory=dict)
    #: The documents of the timeline (``documents:``): folders or files, as written, each with
    #: where; the commands read them when given no paths.
    documents: list[Ref] = field(default_factory=list)
    #: Dates written as in a text rather than in EDTF, with how each was read.
    readings: list[DateReading] = field(default_factory=list)

    @classmethod
    def empty(cls, path: str = "") -> Curation:
        return cls(path=path)

    @property
    def is_empty(self) -> bool:
        return not (self.sources or self.corrections or self.added or self.documents)

    def named_documents(self) -> set[str]:
        """The document paths the file names: its sources and its added events' sources."""
        return {*self.sources, *(path for added in self.added.values() for path in added.sources)}

    def mentioned(self) -> set[str]:
        """Every candidate id the file names: as an entry, in a merge or in a distinct list."""
        ids = set(self.corrections)
        for correction in self.corrections.values():
            ids.update(ref.id for ref in correction.merge)
            ids.update(ref.id for ref in correction.distinct)
        return ids

    def merged_into(self) -> dict[str, str]:
        """Merged candidate id -> the id of the entry that merges it."""
        return {
            ref.id: correction.id
            for correction in self.corrections.values()
            for ref in correction.merge
        }


def numeric_orders(curation: Curation | None) -> dict[str, bool]:
    """Source path -> True to read 01/03/2023 day first, for every source the curator set."""
    if curation is None:
        return {}
    return {
        path: meta.numeric_dates == "day-first"
        for path, meta in curation.sources.items()
        if meta.numeric_dates
    }


def published_dates(curation: Curation | None) -> dict[str, DateValue]:
    """Source path -> publication date, for every source the curator dated."""
    if curation is None:
        return {}
    return {path: meta.published for path, meta in curation.sources.items() if meta.published}
