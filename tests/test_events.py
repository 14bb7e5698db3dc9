"""Mentions to candidates: sentences, titles, stable ids, line numbers."""

from __future__ import annotations

import pytest

from timeline.dates import DateValue
from timeline.events import (
    DATE_ONLY_TITLE,
    LineIndex,
    assign_prefixes,
    candidates,
    document_prefix,
    make_title,
    sentence_bounds,
    slug,
)
from timeline.models import Document, Kind, Mention, Resolution


def mention(text: str, phrase: str, occurrence: int = 1, kind: Kind = Kind.DATE) -> Mention:
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return Mention(start, start + len(phrase), phrase, kind, DateValue.parse("2020"))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("June 2018", "june-2018"),
        ("Monday 16 May", "monday-16-may"),
        ("Yesterday", "yesterday"),
        ("1 March 2023", "1-march-2023"),
        ("2012–2021", "2012-2021"),
        ("today’s", "todays"),
        ("···", "date"),
    ],
)
def test_slug(phrase: str, expected: str) -> None:
    assert slug(phrase) == expected


@pytest.mark.parametrize(
    ("path", "prefix"),
    [
        ("seeds/004_da03c637154c1e3b.txt", "004"),
        ("a/12-council.md", "12"),
        ("reports/Council Report 2022.txt", "council-report-2022"),
        ("2022.txt", "2022"),
    ],
)
def test_document_prefix(path: str, prefix: str) -> None:
    assert document_prefix(path) == prefix


def test_colliding_prefixes_fall_back_to_the_path() -> None:
    prefixes = assign_prefixes(["a/001_x.txt", "b/001_y.txt", "c/002_z.txt"])
    assert prefixes == {
        "a/001_x.txt": "a/001_x.txt", "b/001_y.txt": "b/001_y.txt", "c/002_z.txt": "002",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "phrase", "sentence"),
    [
        ("First one. In June 2018, it rained. Then sun.", "June 2018", "In June 2018, it rained."),
        ("Mr. Smith came on 1 May 2020. Next.", "1 May 2020", "Mr. Smith came on 1 May 2020."),
        ("See p. 10 for 2019 figures! Yes.", "2019", "See p. 10 for 2019 figures!"),
        ("Heading\nMay 17\nBody text.", "May 17", "May 17"),
        ("He said “it ended in 2019.” She left.", "2019", "He said “it ended in 2019.”"),
        ("  In 2011 cuts came", "2011", "In 2011 cuts came"),
    ],
)
def test_sentence_bounds(text: str, phrase: str, sentence: str) -> None:
    start = text.index(phrase)
    lo, hi = sentence_bounds(text, start, start + len(phrase))
    assert text[lo:hi] == sentence


@pytest.mark.parametrize(
    ("sentence", "phrase", "title"),
    [
        (
            "In June 2018, the services were rated as needing improvement.",
            "June 2018",
            "Services rated as needing improvement",
        ),
        (
            "Following the programme broadcast yesterday (Monday 16 May).",
            "Monday 16 May",
            "Programme broadcast yesterday",
        ),
        ("May 17", "May 17", DATE_ONLY_TITLE),
        ("Cuts (2012–2021) hit services, it said.", "2012–2021", "Cuts hit services"),
        (
            "Since 2019 the new council has been turning the super-tanker around and around "
            "and around while the old one watched from the side of the road, for a long time.",
            "2019",
            "New council is turning super-tanker",
        ),
    ],
)
def test_make_title(sentence: str, phrase: str, title: str) -> None:
    start = sentence.index(phrase)
    assert make_title(sentence, start, start + len(phrase)) == title


def test_candidates_ids_lines_and_quotes() -> None:
    text = (
        "Intro line.\nIn 2011 cuts were made. Later, in 2011 more.\n\n"
        "Nothing 8 hours.\nIn 2019 it ended."
    )
    doc = Document(path="docs/007_note.txt", text=text)
    mentions = [
        mention(text, "2011"),
        mention(text, "2011", 2),
        mention(text, "8 hours", kind=Kind.DURATION),
        mention(text, "2019"),
    ]
    found = candidates(doc, mentions, "007")
    assert [c.id for c in found] == ["007:2011", "007:2011-2", "007:2019"]
    assert [(c.line, c.column) for c in found] == [(2, 4), (2, 35), (5, 4)]
    assert found[0].quote == "In 2011 cuts were made."
    assert found[1].quote == "Later, in 2011 more."
    for c in found:
        assert text[c.start : c.end] == c.text
        assert text[c.quote_start : c.quote_start + len(c.quote)] == c.quote
        assert c.source == "docs/007_note.txt"
        assert c.resolved_by is Resolution.EXPLICIT


@pytest.mark.parametrize("order", ["June 4 first", "June 4 last"])
def test_a_repeated_phrase_never_takes_another_phrase_s_id(order: str) -> None:
    """The fourth "June" would be ``june-4``, the id of "June 4" in the same text."""
    junes = "It rained in June. " * 4
    text = "It froze on June 4. " + junes if order == "June 4 first" else junes + "On June 4."
    marks = [mention(text, "June 4")] + [
        mention(text.replace("June 4", "xxxx 4"), "June", n) for n in range(1, 5)
    ]
    found = candidates(Document("x.txt", text), sorted(marks, key=lambda m: m.start), "x")
    ids = [c.id for c in found]
    assert len(set(ids)) == 5, ids
    assert ("x:june-4" in ids) and ids[:2] == (
        ["x:june-4", "x:june"] if order == "June 4 first" else ["x:june", "x:june-2"]
    )


def test_ids_do_not_move_when_other_text_changes() -> None:
    before = "In 2011 cuts came. In June 2018 a rating."
    after = "A new opening sentence from 1999. In 2011 cuts came. In June 2018 a rating."
    ids_before = {
        c.id
        for c in candidates(
            Document("x.txt", before), [mention(before, "2011"), mention(before, "June 2018")], "x"
        )
    }
    ids_after = {
        c.id
        for c in candidates(
            Document("x.txt", after),
            [mention(after, "1999"), mention(after, "2011"), mention(after, "June 2018")],
            "x",
        )
    }
    assert ids_before <= ids_after


def test_line_index() -> None:
    index = LineIndex("ab\ncd\n\ne")
    assert [index.locate(i) for i in (0, 1, 3, 6, 7)] == [(1, 1), (1, 2), (2, 1), (3, 1), (4, 1)]
