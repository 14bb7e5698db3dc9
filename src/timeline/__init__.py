"""timeline: turn a folder of documents into a sourced, curated timeline.

The library API (the command line is a thin layer over it)::

    from timeline import tag, DateValue
    mentions = tag("The report was published on 1 March 2023.")

    from timeline import build, load_curation
    result = build([Path("seeds")], curation=load_curation("data/events.yaml"))

Names are imported on first use, so ``import timeline`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "DateValue": "timeline.dates",
    "DateError": "timeline.dates",
    "Precision": "timeline.dates",
    "Qualifier": "timeline.dates",
    "Document": "timeline.models",
    "Mention": "timeline.models",
    "Candidate": "timeline.models",
    "Event": "timeline.models",
    "Kind": "timeline.models",
    "Resolution": "timeline.models",
    "tag": "timeline.tagger",
    "load_curation": "timeline.curation",
    "apply_curation": "timeline.curation",
    "CurationError": "timeline.curation",
    "build": "timeline.pipeline",
    "extract": "timeline.pipeline",
    "extract_document": "timeline.pipeline",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
