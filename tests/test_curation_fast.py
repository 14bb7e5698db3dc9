"""The curated file read with libyaml gives the very same result as with PyYAML's own parser,
positions included; what does not load is told by PyYAML's parser, as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.curation import CurationError, loader, parse_curation
from timeline.curation.start import starter_text

ROOT = Path(__file__).resolve().parent.parent
TEXTS = {
    "seeds": (ROOT / "data/events.yaml").read_text(encoding="utf-8"),
    "corpus": (ROOT / "tests/fixtures/curation/corpus.yaml").read_text(encoding="utf-8"),
    "starter": starter_text(["articles/"]),
    "styles": "sources:\n  'a b.txt':\n    title: \"Ünïcode \\u00e9\"\n    note: |\n      two\n"
    "      lines\nevents:\n  001:x:\n    date: '3 March 2023'\n    tags: [a, 'b']\n"
    "    merge: [002:y]\n---\nadd:\n  z:\n    date: 2023\n    title: Z\n    note: N\n",
    "empty sections": "# nothing yet\nsources:\nevents:\n  001:x:\n    drop: true\nadd:\n",
}


@pytest.mark.skipif(loader._FAST_LOADER is None, reason="PyYAML built without libyaml")
@pytest.mark.parametrize("name", sorted(TEXTS))
def test_libyaml_and_pyyaml_read_the_same(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = parse_curation(TEXTS[name], "events.yaml")
    monkeypatch.setattr(loader, "_FAST_LOADER", None)
    assert parse_curation(TEXTS[name], "events.yaml") == fast


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("events:\n  a:\n\tdate: 2020\n", (3, 1)),  # a tab
        ("events: [" * 3000 + "]" * 3000 + "\n", (1, 1)),  # nested too deeply
        ("events:\n  a: {date: '\ud800'}\n", None),  # not encodable
    ],
)
def test_what_does_not_load_is_told_by_pyyaml(text: str, where: tuple | None) -> None:
    with pytest.raises(CurationError) as info:
        parse_curation(text, "events.yaml")
    if where:
        assert (info.value.line, info.value.column) == where


def test_an_alias_to_its_own_node_ends() -> None:
    with pytest.raises(CurationError, match="must be a mapping"):
        parse_curation("events: &a [*a]\n")
