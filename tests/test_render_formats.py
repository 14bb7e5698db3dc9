"""Mermaid, TimelineJS and HTML: what each must hold beyond its golden file."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from render_fixtures import BY_ID, EVENTS, GAZETTE, TITLE, ref
from timeline.dates import DateValue
from timeline.models import Event, Resolution
from timeline.render import date_parts, group_events, source_badges
from timeline.render.html import datetime_attribute, render_html
from timeline.render.markdown import render_markdown
from timeline.render.mermaid import escape_mermaid, render_mermaid
from timeline.render.timelinejs import render_timelinejs


# ----------------------------------------------------------------------------- shared helpers
@pytest.mark.parametrize(
    ("edtf", "expected"),
    [("2011", (2011, None, None)), ("2018-06", (2018, 6, None)), ("2020-01-15", (2020, 1, 15)),
     ("2022-21", (2022, None, None)), ("2022-W20", (2022, None, None)),
     ("late 2022", (2022, None, None)), ("2015~", (2015, None, None)), ("199X", (None, None, None)),
     ("XXXX-05-16", (None, 5, 16)), ("XXXX-05", (None, 5, None)),
     ("2012/2021", (2012, None, None)), ("../2018", (2018, None, None))],
)  # fmt: skip
def test_date_parts_give_only_what_the_precision_gave(edtf: str, expected) -> None:
    assert date_parts(DateValue.parse(edtf)) == expected


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        (["data/000_ab.txt", "data/001_cd.txt"], ["000", "001"]),
        (["x/minutes-2023.txt", "y/Gazette May.html"], ["minutes", "Gazette"]),
        (["a/report-1.txt", "a/report-2.txt"], ["report-1", "report-2"]),
        (["a/report.txt", "b/report.txt"], ["a/report.txt", "b/report.txt"]),
        ([".hidden", "notes"], [".hidden", "notes"]),
    ],
)
def test_source_badges_are_short_and_unique(paths: list[str], expected: list[str]) -> None:
    events = [Event(str(i), DateValue.of_year(2000), "t", [ref_for(p)])
              for i, p in enumerate(paths)]
    assert list(source_badges(events).values()) == expected


def ref_for(path: str):
    from timeline.models import SourceRef

    return SourceRef(path)


def test_group_by_month_gives_each_heading_once_the_years_own_events_first() -> None:
    groups = group_events(EVENTS, "month")
    assert [(label, [e.id for e in group]) for label, group in groups][6:9] == [
        ("January 2020", ["e-2020"]),
        ("2022", ["e-2022s", "e-2022l"]),
        ("May 2022", ["e-2022w", "e-2022d"]),
    ]
    labels = [label for label, _ in groups]
    assert len(labels) == len(set(labels))
    assert sorted(e.id for _, group in groups for e in group) == sorted(e.id for e in EVENTS)


# ----------------------------------------------------------------------------- mermaid
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("a: b", "a#58; b"),
        ("# no comment", "#35; no comment"),
        ("one; two", "one#59; two"),
        ("50%% off", "50#37;#37; off"),
        ("<b>&</b>", "#60;b#62;#38;#60;/b#62;"),
        ("line\nbreak\r\nhere", "line break here"),
        ("#58; typed", "#35;58#59; typed"),
        ("```", "#96;#96;#96;"),
    ],
)
def test_escape_mermaid(text: str, expected: str) -> None:
    assert escape_mermaid(text) == expected


def test_mermaid_has_one_section_per_year_and_one_line_per_event() -> None:
    lines = render_mermaid(EVENTS, title="A: B").splitlines()
    assert lines[:2] == ["timeline", "    title A#58; B"]
    sections = [line.strip().removeprefix("section ") for line in lines if "section" in line]
    assert sections == ["2011", "2012", "2015", "2017", "2018", "2019", "2020", "2022", "2023",
                        "Year unknown"]  # fmt: skip
    entries = [line for line in lines[2:] if "section" not in line]
    assert len(entries) == len(EVENTS)
    for line in entries:  # exactly one separator, and nothing else Mermaid would read
        assert line.count(":") == 1 and " : " in line
        literal = re.sub(r"#\d+;", "", line.split(" : ")[1])
        assert not set(literal) & set("#;%<>&:`\n"), line
    assert "        1 March 2023 : Audit of 1,100 open cases *begins* (inferred)" in lines


def test_mermaid_events_on_the_same_date_share_the_period() -> None:
    twin = replace(BY_ID["e-2022d"], id="twin", title="Second")
    lines = render_mermaid([BY_ID["e-2022d"], twin]).splitlines()
    assert lines[-2].startswith("        16 May 2022 : ")
    assert lines[-1] == " " * 8 + " " * len("16 May 2022") + " : Second"


def test_markdown_with_mermaid_appends_a_fenced_block_before_the_footnotes() -> None:
    plain = render_markdown(EVENTS, title=TITLE)
    text = render_markdown(EVENTS, title=TITLE, mermaid=True)
    block = render_mermaid(EVENTS, title=TITLE, fenced=True)
    assert block.startswith("```mermaid\ntimeline\n") and block.endswith("\n```\n")
    assert block in text
    assert text.index(block) < text.index("[^1]: ")
    assert text.replace(block + "\n", "") == plain
    assert render_markdown([], mermaid=True) == render_markdown([])


# ----------------------------------------------------------------------------- timelinejs
def test_timelinejs_shape() -> None:
    data = json.loads(render_timelinejs(EVENTS, title=TITLE))
    assert set(data) == {"title", "events"}
    assert data["title"]["text"]["headline"] == TITLE
    assert "1 event with no known year is not shown" in data["title"]["text"]["text"]
    allowed = {"start_date", "end_date", "display_date", "text", "group", "unique_id"}
    ids = [slide["unique_id"] for slide in data["events"]]
    assert ids == [e.id for e in EVENTS if e.id != "e-xxxx"]
    for slide in data["events"]:
        assert set(slide) <= allowed and {"start_date", "text", "unique_id"} <= set(slide)
        assert set(slide["text"]) == {"headline", "text"}
        for key in ("start_date", "end_date"):
            if key in slide:
                assert set(slide[key]) in ({"year"}, {"year", "month"}, {"year", "month", "day"})
                assert all(isinstance(v, int) for v in slide[key].values())


TJS_CASES = [
    ("e-2011", {"year": 2011}, None, "2011"),
    ("e-2012", {"year": 2012}, {"year": 2021}, "2012–2021"),
    ("e-2015", {"year": 2015}, None, "about 2015"),
    ("e-2017", {"year": 2017, "month": 9}, None, "September 2017"),
    ("e-2019", {"year": 2019}, None, "since 2019"),
    ("e-2020", {"year": 2020, "month": 1, "day": 15}, None, "15 January 2020"),
    ("e-2022s", {"year": 2022, "month": 3}, {"year": 2022, "month": 5}, "spring 2022"),
    ("e-2022w", {"year": 2022, "month": 5, "day": 16}, {"year": 2022, "month": 5, "day": 22},
     "week of 16 May 2022"),
    ("e-2022l", {"year": 2022, "month": 9}, {"year": 2022, "month": 12}, "late 2022"),
]  # fmt: skip


@pytest.mark.parametrize(("event_id", "start", "end", "display"), TJS_CASES,
                         ids=[c[0] for c in TJS_CASES])  # fmt: skip
def test_timelinejs_dates_are_as_precise_as_the_source(event_id, start, end, display) -> None:
    slide = json.loads(render_timelinejs([BY_ID[event_id]]))["events"][0]
    assert slide["start_date"] == start
    assert slide.get("end_date") == end
    assert slide["display_date"] == display


def test_timelinejs_text_is_escaped_html_citing_every_source() -> None:
    slides = {s["unique_id"]: s for s in json.loads(render_timelinejs(EVENTS))["events"]}
    spring = slides["e-2022s"]["text"]
    assert spring["headline"] == "Café owner’s complaint &lt;b>upheld&lt;/b>"
    money = slides["e-2022d"]["text"]["text"]
    assert money.count("<li>") == 3 and "3 sources" in money
    assert "<mark>16 May 2022</mark>" in money
    assert '<a href="https://example.org/news/council_change?id=7&amp;page=2">' in money
    assert "<cite>Council *promises* change | Valley_Gazette</cite>" in money
    assert slides["e-2022d"]["group"] == "money" and "group" not in slides["e-2012"]
    assert "publication date" in slides["e-2023"]["text"]["text"]
    assert "Note:" in slides["e-2017"]["text"]["text"]


def test_timelinejs_never_links_other_schemes() -> None:
    source = replace(ref(GAZETTE, 1, "In 2011.", "2011"), source_url="javascript:alert(1)")
    text = json.loads(render_timelinejs([Event("x", DateValue.of_year(2011), "T", [source])]))
    assert "<a " not in text["events"][0]["text"]["text"]


def test_timelinejs_until_is_placed_at_its_end_and_decades_span() -> None:
    until = Event("u", DateValue.parse("../2018-06"), "Until")
    decade = Event("d", DateValue.of_decade(1990), "Decade")
    slides = json.loads(render_timelinejs([until, decade]))["events"]
    assert slides[0]["start_date"] == {"year": 2018, "month": 6, "day": 30}
    assert "end_date" not in slides[0]
    assert slides[0]["display_date"] == "until June 2018"
    assert (slides[1]["start_date"], slides[1]["end_date"]) == ({"year": 1990}, {"year": 1999})


def test_timelinejs_without_unplaceable_events_says_nothing_about_them() -> None:
    data = json.loads(render_timelinejs([BY_ID["e-2011"]]))
    assert data["title"]["text"] == {"headline": "Timeline", "text": "<p>1 event.</p>"}


# ----------------------------------------------------------------------------- html
class _Page(HTMLParser):
    """Collects tags, attributes and the text inside elements of interest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "link", "img"):
            self.stack.append(tag)
            self.text.setdefault(tag, []).append("")

    def handle_endtag(self, tag) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data) -> None:
        for tag in set(self.stack):
            self.text[tag][-1] += data


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    assert page.stack == []
    return page


def test_html_is_well_nested_with_headings_events_and_sources() -> None:
    page = parse(render_html(EVENTS, title=TITLE))
    assert page.text["h1"] == [TITLE] and page.text["title"] == [TITLE]
    assert page.text["h2"] == [*["2011", "2012", "2015", "2017", "2018", "2019",
                                             "2020", "2022", "2023", "Year unknown"], "Sources"]
    assert page.text["h3"] == [event.title for event in EVENTS]
    assert list(page.text["mark"])[:2] == ["2011", "Between 2012 and 2021"]
    assert len(page.text["blockquote"]) == sum(len(e.sources) for e in EVENTS)
    viewport = [a for t, a in page.tags if t == "meta" and a.get("name") == "viewport"]
    assert viewport and "width=device-width" in viewport[0]["content"]


def test_html_makes_no_requests() -> None:
    html = render_html(EVENTS, title=TITLE)
    page = parse(html)
    urls = {ref.source_url for e in EVENTS for ref in e.sources if ref.source_url}
    assert {t for t, _ in page.tags} & {"script", "link", "img", "iframe", "object"} == set()
    for tag, attrs in page.tags:
        assert "src" not in attrs and "srcset" not in attrs
        if "href" in attrs:
            assert tag == "a"
            assert attrs["href"].startswith("#") or attrs["href"] in urls, attrs["href"]
    style = page.text["style"][0]
    assert "url(" not in style and "@import" not in style
    assert "@media print" in style and "@media (min-width" in style


@pytest.mark.parametrize(
    ("edtf", "expected"),
    [("2023-03-01", "2023-03-01"), ("2018-06", "2018-06"), ("2011", "2011"),
     ("2022-W20", "2022-W20"), ("late 2022", "2022"), ("2015~", "2015"), ("2022-21", "2022"),
     ("XXXX-05-16", "05-16"), ("XXXX-05", None), ("2012/2021", None), ("199X", None)],
)  # fmt: skip
def test_html_datetime_at_the_dates_precision(edtf: str, expected) -> None:
    assert datetime_attribute(DateValue.parse(edtf)) == expected


def test_html_time_elements_and_escaping() -> None:
    html = render_html(EVENTS)
    assert '<time datetime="2020-01-15" data-edtf="2020-01-15">15 January 2020</time>' in html
    assert '<span class="date" data-edtf="2012/2021">2012–2021</span>' in html
    assert "Café owner’s complaint &lt;b&gt;upheld&lt;/b&gt;" in html
    assert "<b>" not in html
    assert '<a href="https://example.org/news/council_change?id=7&amp;page=2">' in html


def test_html_marks_inferred_dates_and_links_each_citation_to_its_source() -> None:
    page = parse(render_html(EVENTS))
    inferred = [a for t, a in page.tags if t == "li" and "inferred" in (a.get("class") or "")]
    assert [a["id"] for a in inferred] == ["event-e-2023"]
    targets = {a["href"] for t, a in page.tags if t == "a" and a["href"].startswith("#")}
    ids = {a["id"] for _, a in page.tags if "id" in a}
    assert targets == {"#source-000", "#source-001", "#source-002"} and targets <= {
        f"#{i}" for i in ids}


def test_html_never_links_other_schemes_and_escapes_attributes() -> None:
    source = replace(ref(GAZETTE, 1, "In 2011.", "2011"), source_url='javascript:x("1")')
    html = render_html([Event('a"b <c>', DateValue.of_year(2011), "T", [source],
                              resolved_by=Resolution.CONTEXT)])  # fmt: skip
    assert "javascript:x(&quot;1&quot;)" in html and 'href="javascript' not in html
    assert 'id="event-a&quot;b-&lt;c&gt;"' in html


def test_html_without_quotes_and_without_events() -> None:
    assert "<blockquote>" not in render_html(EVENTS, quotes=False)
    empty = render_html([])
    assert "<p>No events.</p>" in empty and "Sources" not in empty
    parse(empty)
