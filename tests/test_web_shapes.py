"""HTML of any shape: read as Beautiful Soup's own searches and get_text() read it, in time
that grows with the page (see also test_scaling.py)."""

from __future__ import annotations

import re
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.documents import web
from timeline.errors import DocumentError

pytest.importorskip("bs4")


def reference_read(data: bytes) -> tuple[str, object, str | None, str | None]:
    """The page read as first specified: the boilerplate removed from the tree, a mark
    inserted before and after each block element, the text from get_text()."""
    from bs4 import BeautifulSoup

    text = data.decode("utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(text, "html.parser")

    def meta(table):
        for attribute, value in table:
            pattern = re.compile(f"^{re.escape(value)}$", re.I)
            tag = soup.find("meta", attrs={attribute: pattern})
            if tag is not None and tag.get("content", "").strip():
                return str(tag["content"]).strip()
        return None

    def time_date(tag):
        if tag is None:
            return None
        return web.parse_date_string(str(tag.get("datetime") or tag.get_text()))

    found = meta(web.DATE_META)
    published = web.parse_date_string(found) if found else None
    marked = soup.find("time", attrs={"itemprop": "datePublished"}) or soup.find(
        "time", attrs={"pubdate": True}
    )
    published = published or time_date(marked)
    title = meta(web.TITLE_META)
    if not title:
        tag = soup.find("title")
        title = " ".join(tag.get_text().split()) if tag is not None else ""
        title = title or None
    link = soup.find("link", rel="canonical", href=True)
    url = (str(link["href"]).strip() or None) if link is not None else meta(web.URL_META)
    for tag in soup.find_all(web.DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(web.PAGE_LEVEL_TAGS):
        if tag.find_parent("article") is None:
            tag.decompose()
    for tag in soup.find_all(attrs={"role": True}):
        if not tag.decomposed and str(tag.get("role", "")).lower() in web.DROP_ROLES:
            tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        if not tag.decomposed:
            tag.decompose()
    for tag in soup.find_all(attrs={"aria-hidden": "true"}):
        if not tag.decomposed:
            tag.decompose()
    articles = soup.find_all("article")
    if articles:
        main = max(articles, key=lambda a: len(a.get_text()))
    else:
        main = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.body or soup
    published = published or time_date(main.find("time", datetime=True))
    for tag in main.find_all(web.BLOCK_TAGS):
        tag.insert_before("\ue000")
        tag.insert_after("\ue000")
    for tag in main.find_all(("td", "th")):
        tag.insert_after("\ue001")
    lines = (web._tidy_line(line) for line in main.get_text().split("\ue000"))
    body = "\n".join(line for line in lines if line)
    published = published or web.dateline_date(body)
    return body, published, title, url


PIECES = st.sampled_from([
    "<div>", "</div>", "<p>", "</p>", "<span>", "<b>", "</b>", "<article>", "</article>",
    "<header>", "</header>", "<footer>", "<nav>", "</nav>", "<main>", "<section>", "<td>",
    "<th>", "<tr>", "</tr>", "<table>", "<br>", "<hr>", "<h1>", "<li>", "<ul>", "<script>",
    "</script>", "<aside>", "<rt>", "</rt>", "<ruby>", "<template>", "<title>", "</title>",
    "<div role='navigation'>", "<div role='main'>", "<p hidden>", "<p aria-hidden='true'>",
    "<time itemprop='datePublished'>", "<time pubdate>", "<time datetime='2020-05-01'>",
    "<link rel='canonical' href='http://x.org/a'>", "<link rel='x canonical' href='y'>",
    "<meta property='article:published_time' content='2021-02-03'>",
    "<meta name='DATE' content='1999-01-01'>", "<meta property='og:title' content='T'>",
    "May 1, 2020", "hello", "world.", "\n", " ", "&amp;", "<!-- c -->", "<![CDATA[x]]>",
    "In 1999 it rained", "Monday", "<!-- x >", "<![CDATA[ y >", "<![if z]>", "<![endif]>",
    "]]>", "-->", "<a ", "</ ", "<? ", "<!x ", "\ue000",
])  # fmt: skip
PAGES = st.lists(PIECES, max_size=60).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES)
def test_pages_are_read_as_get_text_reads_them(page: str) -> None:
    read = web.read_html(page.encode("utf-8"))
    assert (read.text, read.published, read.title, read.url) == reference_read(page.encode())


def test_nesting_deeper_than_any_recursion_limit_is_read() -> None:
    page = "<html><body>" + "<div>one more level " * 20_000 + "</body></html>"
    read = web.read_html(page.encode())
    assert read.text.split("\n") == ["one more level"] * 20_000


@pytest.mark.parametrize(
    "unit",
    ["<a &amp; ", "<!-- x &amp; > ", "<![CDATA[ &amp; <i> > ", "</ x ", "<? &lt; ", "<!x &amp; "],
)
def test_many_constructs_without_an_end_read_as_the_parser_reads_a_few(
    monkeypatch, unit: str
) -> None:
    page = ("<html><body><p>Intro &amp; more</p><p>" + unit * 100).encode()
    defused = web.read_html(page)
    assert web._defused(page.decode())[1]  # (the page is handed to the parser defused)
    monkeypatch.setattr(web, "UNENDED_MAX", 10**9)
    assert web._defused(page.decode())[1] == {}
    assert defused == web.read_html(page)


def test_a_marked_section_the_parser_cannot_read_is_text() -> None:
    read = web.read_html(b"<html><body><p>On 3 May 2021 <![ it rained</p></body></html>")
    assert read.text == "On 3 May 2021 <![ it rained"


def test_markup_the_parser_rejects_is_a_document_error(monkeypatch) -> None:
    from bs4.builder import ParserRejectedMarkup

    def rejects(*args, **kwargs):
        raise ParserRejectedMarkup("bad markup")

    monkeypatch.setattr("bs4.BeautifulSoup", rejects)
    with pytest.raises(DocumentError, match="HTML the parser cannot read"):
        web.read_html(b"<p>x</p>")
