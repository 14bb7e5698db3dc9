"""HTML pages: the article's main text, without navigation, scripts, asides and footers.

Parsed with Beautiful Soup on the standard library's parser. The text returned is the page's
visible main text, one block (paragraph, heading, list item, table cell) per line; offsets and
quotes refer to it. The publication date, title and address come from the page's metadata.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from .published import dateline_date, parse_date_string
from .text import Extracted, decode_text

SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

#: Elements that are never part of an article's text.
DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg",
    "button", "select", "textarea", "dialog", "menu", "head",
)  # fmt: skip
#: Page-level banners and footers; inside an <article> they are kept (bylines live there).
PAGE_LEVEL_TAGS = ("header", "footer")
DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu"})
#: Elements that start a new line of text.
BLOCK_TAGS = frozenset(
    "p div section article main header footer h1 h2 h3 h4 h5 h6 li ul ol dl dt dd "
    "blockquote pre table tr caption figure figcaption address hr br".split()
)
#: Meta tags that carry a publication date, most trusted first: (attribute, value).
DATE_META = (
    ("property", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "article:published_time"),
    ("name", "dcterms.issued"),
    ("name", "dc.date.issued"),
    ("name", "citation_publication_date"),
    ("name", "pubdate"),
    ("name", "publish-date"),
    ("name", "date"),
    ("name", "dc.date"),
)
TITLE_META = (("property", "og:title"), ("name", "twitter:title"))
URL_META = (("property", "og:url"),)

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BREAK = "\ue000"  # private-use characters that mark block and cell ends while extracting
_CELL = "\ue001"


def read_html(data: bytes) -> Extracted:
    from bs4 import BeautifulSoup

    declared = _CHARSET.search(data[:4096])
    text, warning = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the parser's hints about odd markup are not for users
        soup = BeautifulSoup(text, "html.parser")
    published = _meta_date(soup) or _time_date(_marked_time(soup))
    title, url = _title(soup), _url(soup)
    _drop_boilerplate(soup)
    main = _main_container(soup)
    published = published or _time_date(main.find("time", datetime=True))
    body = _block_text(main)
    published = published or dateline_date(body)
    return Extracted(
        body, published=published, title=title, url=url, warnings=[warning] if warning else []
    )


def _meta(soup: Any, table: tuple[tuple[str, str], ...]) -> str | None:
    for attribute, value in table:
        tag = soup.find("meta", attrs={attribute: re.compile(f"^{re.escape(value)}$", re.I)})
        if tag is not None and tag.get("content", "").strip():
            return str(tag["content"]).strip()
    return None


def _meta_date(soup: Any):
    found = _meta(soup, DATE_META)
    return parse_date_string(found) if found else None


def _title(soup: Any) -> str | None:
    found = _meta(soup, TITLE_META)
    if found:
        return found
    tag = soup.find("title")
    text = " ".join(tag.get_text().split()) if tag is not None else ""
    return text or None


def _url(soup: Any) -> str | None:
    link = soup.find("link", rel="canonical", href=True)
    if link is not None:
        return str(link["href"]).strip() or None
    return _meta(soup, URL_META)


def _drop_boilerplate(soup: Any) -> None:
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(PAGE_LEVEL_TAGS):
        if tag.find_parent("article") is None:
            tag.decompose()
    for tag in soup.find_all(attrs={"role": True}):
        if not tag.decomposed and str(tag.get("role", "")).lower() in DROP_ROLES:
            tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        if not tag.decomposed:
            tag.decompose()
    for tag in soup.find_all(attrs={"aria-hidden": "true"}):
        if not tag.decomposed:
            tag.decompose()


def _main_container(soup: Any) -> Any:
    """The article (the longest, if several), else <main>, else the page's body."""
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda a: len(a.get_text()))
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    return main or soup.body or soup


def _marked_time(soup: Any) -> Any:
    """A <time> element marked as the publication date."""
    return soup.find("time", attrs={"itemprop": "datePublished"}) or soup.find(
        "time", attrs={"pubdate": True}
    )


def _time_date(tag: Any):
    if tag is None:
        return None
    return parse_date_string(str(tag.get("datetime") or tag.get_text()))


def _block_text(container: Any) -> str:
    """The container's text, one block (or table row, cells tab-separated) per line; white
    space within a block, line breaks of the HTML source included, becomes one space."""
    for tag in container.find_all(BLOCK_TAGS):
        tag.insert_before(_BREAK)
        tag.insert_after(_BREAK)
    for tag in container.find_all(("td", "th")):
        tag.insert_after(_CELL)
    lines = (_tidy_line(line) for line in container.get_text().split(_BREAK))
    return "\n".join(line for line in lines if line)


def _tidy_line(line: str) -> str:
    cells = (" ".join(cell.split()) for cell in line.split(_CELL))
    return "\t".join(cell for cell in cells if cell)
