"""The curated file (``data/events.yaml``): strict loading, and applying it to candidates.

>>> curation = load_curation("data/events.yaml")          # raises CurationError with line:column
>>> result = apply_curation(candidates, curation, documents)
>>> result.events, result.problems, result.undated
"""

from .apply import CurationResult, apply_curation
from .loader import load_curation, parse_curation
from .model import (
    AddedEvent,
    Correction,
    Curation,
    CurationError,
    CurationFileError,
    Problem,
    Ref,
    SourceMeta,
    numeric_orders,
    published_dates,
)

__all__ = [
    "AddedEvent",
    "Correction",
    "Curation",
    "CurationError",
    "CurationFileError",
    "CurationResult",
    "Problem",
    "Ref",
    "SourceMeta",
    "apply_curation",
    "load_curation",
    "numeric_orders",
    "parse_curation",
    "published_dates",
]
