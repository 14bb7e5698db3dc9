"""The whole path as library calls: documents -> mentions -> candidates -> curated events.

Nothing here prints or exits; the command line (``cli.py``) and other programs call these.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .curation import Curation, Problem, apply_curation, load_curation, published_dates
from .dates import DateValue
from .documents import Collection, collect
from .events import assign_prefixes, candidates
from .models import Candidate, Document, Event, Kind
from .tagger import tag

#: Where ``timeline`` looks when it is given no paths.
DEFAULT_DOCUMENTS = Path("seeds")
DEFAULT_CURATION = Path("data/events.yaml")

DATED_KINDS = frozenset({Kind.DATE, Kind.TIME})


@dataclass
class Extraction:
    """The documents read and the candidate events found in them, before curation."""

    collection: Collection
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def documents(self) -> list[Document]:
        return self.collection.documents


@dataclass
class Timeline:
    """Curated events, plus everything a user should be told about how they were made."""

    extraction: Extraction
    curation: Curation | None
    events: list[Event]
    undated: list[Candidate]
    problems: list[Problem]


def extract_document(document: Document, prefix: str) -> list[Candidate]:
    """Candidates of one document: pure, so it can be mapped over many in any engine."""
    mentions = tag(document.text, document.published, kinds=set(DATED_KINDS))
    return candidates(document, mentions, prefix)


def extract(
    paths: Iterable[Path],
    *,
    curation: Curation | None = None,
    published: DateValue | None = None,
    exclude: Iterable[Path] = (),
) -> Extraction:
    """Read the documents under ``paths`` and find their candidate events.

    Publication dates come from the curated file's ``sources:`` first, then ``published``.
    """
    known = published_dates(curation) if curation else {}
    collection = collect(paths, exclude=exclude, published=known, default_published=published)
    prefixes = assign_prefixes([doc.path for doc in collection.documents])
    result = Extraction(collection)
    for document in collection.documents:
        result.candidates.extend(extract_document(document, prefixes[document.path]))
    return result


def load_optional_curation(path: Path | None) -> Curation | None:
    """The curated file at ``path``, the default one if it exists, or None."""
    if path is None:
        return load_curation(DEFAULT_CURATION) if DEFAULT_CURATION.is_file() else None
    return load_curation(path)


def build(
    paths: Iterable[Path],
    *,
    curation: Curation | None = None,
    published: DateValue | None = None,
) -> Timeline:
    """The timeline of the documents under ``paths`` with ``curation`` applied."""
    exclude = [Path(curation.path)] if curation else []
    extraction = extract(paths, curation=curation, published=published, exclude=exclude)
    documents = {doc.path: doc for doc in extraction.documents}
    result = apply_curation(extraction.candidates, curation, documents)
    return Timeline(extraction, curation, result.events, result.undated, result.problems)
