"""The small corpus in tests/fixtures/curation/corpus, built through the real pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline.curation import Curation, load_curation, parse_curation
from timeline.dates import DateValue
from timeline.models import Candidate, Kind, Resolution

FIXTURES = Path(__file__).parent / "fixtures" / "curation"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the corpus as ``docs/`` with its curated file ``events.yaml``, as cwd."""
    shutil.copytree(FIXTURES / "corpus", tmp_path / "docs")
    shutil.copy(FIXTURES / "corpus.yaml", tmp_path / "events.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def build_corpus(extra_yaml: str = ""):  # noqa: ANN201 - a pipeline.Timeline
    from timeline.pipeline import build

    path = Path("events.yaml")
    if extra_yaml:
        path.write_text(path.read_text(encoding="utf-8") + extra_yaml, encoding="utf-8")
    return build([Path("docs")], curation=load_curation(path))


def make(
    cid: str,
    date: DateValue | None,
    quote: str,
    *,
    text: str | None = None,
    source: str | None = None,
    resolved_by: Resolution = Resolution.EXPLICIT,
    at: int = 0,
) -> Candidate:
    """A candidate whose phrase ``text`` (default: the date's display) is found in ``quote``;
    ``at`` is where the sentence starts in its document (sentences of one source differ)."""
    text = text if text is not None else (date.display() if date else "yesterday")
    offset = quote.find(text)
    assert offset >= 0, (text, quote)
    return Candidate(
        id=cid, source=source or f"docs/{cid.split(':')[0]}.txt", line=1 + at // 100,
        column=offset + 1, start=at + offset, end=at + offset + len(text), text=text,
        kind=Kind.DATE, date=date, resolved_by=resolved_by, quote=quote, title=quote[:40],
        quote_start=at,
    )  # fmt: skip


def curation(text: str) -> Curation:
    return parse_curation(text, "events.yaml")
