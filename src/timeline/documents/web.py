"""HTML pages: the article's main text, without navigation, scripts, asides and footers.

Parsed with Beautiful Soup on the standard library's parser. The text returned is the page's
visible main text, one block (paragraph, heading, list item, table cell) per line; offsets and
quotes refer to it. The publication date, title and address come from the page's metadata.
"""

from __future__ import annotations

import gc
import re
import warnings
from collections.abc import Callable, Iterator
from typing import Any

from ..dates import DateValue
from ..errors import DocumentError
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
_CELL_TAGS = frozenset({"td", "th"})


def read_html(data: bytes) -> Extracted:
    # The collector paused: its passes over the page's tree, many objects that hold one
    # another, cost a fifth of the time of a page of tags, and more the deeper the tree.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _read_page(data)
    finally:
        if enabled:
            gc.enable()


def _read_page(data: bytes) -> Extracted:
    from bs4 import BeautifulSoup
    from bs4.builder import ParserRejectedMarkup

    declared = _CHARSET.search(data[:4096])
    text, warning = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    text, stand_ins = _defused(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the parser's hints about odd markup are not for users
        try:
            soup = BeautifulSoup(text, "html.parser")
        except ParserRejectedMarkup as err:
            raise DocumentError("", f"HTML the parser cannot read ({err})") from None

    def plain(value: Any) -> Any:
        """A string read from the page, with the characters that stood in for others back."""
        if stand_ins and isinstance(value, str):
            for stand_in, character in stand_ins.items():
                value = value.replace(stand_in, character)
        return value

    page = _Page(soup)
    published = _meta_date(page.metas, plain) or _time_date(page.marked_time, plain)
    title, url = plain(_title(page)), plain(_url(page))
    dropped = _boilerplate(soup)
    main = _main_container(soup, dropped)
    if published is None:
        dated = next((t for t in _tags(main, dropped) if _is_dated_time(t)), None)
        published = _time_date(dated, plain)
    body = plain(_block_text(main, dropped))
    published = published or dateline_date(body)
    return Extracted(
        body, published=published, title=title, url=url, warnings=[warning] if warning else []
    )


#: The ends the standard library's parser looks for after "<!--" and after "<![name[".
_COMMENT_END = re.compile(r"--\s*>")
_SECTION_END = re.compile(r"]\s*]\s*>")
_MS_SECTION_END = re.compile(r"]\s*>")  # "<![if …]>", "<![endif]>"
_SECTION_START = re.compile(r"<!\[([a-zA-Z][-_.a-zA-Z0-9]*)?")
_SECTIONS = frozenset({"temp", "cdata", "ignore", "include", "rcdata"})
_MS_SECTIONS = frozenset({"if", "else", "endif"})


#: How many constructs with no end a page may hold before they are handed to the parser as
#: text: the parser searches the rest of the page for the end of each.
UNENDED_MAX = 32


def _defused(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with the constructs that have no end made plain text, if there are more than
    :data:`UNENDED_MAX` of them, and the private-use characters (absent from the page) that
    stand in it for "<" and "&", to be turned back in what is read.

    A construct has no end when it is a tag, comment or declaration after the page's last
    ">", a comment after the last "-->", or a marked section ("<![CDATA[") after the last
    end of one. The parser reads each as text (the tags after the last ">" as they are, with
    no entity replaced), but only after searching the rest of the page for its end: on a page
    of many, time grew with the square of its length. A marked section the parser cannot read
    ("<![ x"), which made it give up on the whole page, is always made text.
    """
    last = text.rfind(">")
    ends = [m.start() for m in _COMMENT_END.finditer(text, 0, last + 1)]
    begin = max(0, ends[-1] - 3) if ends else 0
    unended = [begin + m.start() for m in re.finditer("<!--", text[begin : last + 1])]
    unreadable: list[int] = []
    if "<![" in text:
        sections, unreadable = _unended_sections(text, last + 1)
        unended += sections
    many = len(unended) + text.count("<", last + 1) > UNENDED_MAX
    if not (many or unreadable):
        return text, {}
    absent = (chr(c) for c in range(0xE002, 0xF900) if chr(c) not in text)
    lt, amp = next(absent), next(absent)

    def as_read(raw: str) -> str:
        """Text the parser reads as it is: no entity replaced, no tag opened in it (an end
        tag is left to close, so that no script or style runs on past its end)."""
        return raw.replace("&", amp).replace("<", lt).replace(lt + "/", "</")

    pieces, done = [], 0
    for at in sorted(unreadable + unended if many else unreadable):
        if at < done:
            continue  # within the text of an earlier one
        stop = text.find(">", at + 1) + 1 if many and at <= last else at + 1
        pieces += [text[done:at], lt + as_read(text[at + 1 : stop])]
        done = stop
    tail = text.find("<", max(done, last + 1))
    if many and tail >= 0:
        pieces.append(text[done:tail])
        split = text[tail + 1 :].split("<")
        for count, piece in enumerate(split, 1):
            # A tag, comment or declaration is read as it is up to the next "<"; after a
            # "<" that starts none, or the last one, the text is read as text is.
            raw = piece[:1].isascii() and (piece[:1].isalpha() or piece[:1] in "/!?")
            pieces.append(lt + (piece.replace("&", amp) if raw and count < len(split) else piece))
        done = len(text)
    pieces.append(text[done:])
    return "".join(pieces), {lt: "<", amp: "&"}


def _unended_sections(text: str, stop: int) -> tuple[list[int], list[int]]:
    """Where the marked sections before ``stop`` that have no end start, and where those the
    parser cannot read (of no known kind) do, wherever they are."""
    section_end = max((m.start() for m in _SECTION_END.finditer(text)), default=-1)
    ms_section_end = max((m.start() for m in _MS_SECTION_END.finditer(text)), default=-1)
    unended, unreadable = [], []
    for match in _SECTION_START.finditer(text):
        at, name = match.start(), (match.group(1) or "").lower()
        if name in _SECTIONS:
            if at + 3 > section_end and at < stop:
                unended.append(at)
        elif name in _MS_SECTIONS:
            if at + 3 > ms_section_end and at < stop:
                unended.append(at)
        elif name or match.end() < len(text):
            unreadable.append(at)
    return unended, unreadable


# The page is read in a few walks of its tree, each in document order with a stack of its own
# (so that no depth of nesting is too deep), and the tree is not changed: elements that are no
# part of the text are set aside by identity rather than removed one by one, which would cost
# time in proportion to the number of their siblings each.


def _tags(root: Any, dropped: set[int] | frozenset[int] = frozenset()) -> Iterator[Any]:
    """The elements under ``root``, in document order, but the ``dropped`` ones (by ``id``)
    and what they hold."""
    stack = list(reversed(root.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, str) or id(node) in dropped:
            continue
        yield node
        stack.extend(reversed(node.contents))


def _attribute_is(tag: Any, attribute: str, accept: Callable[[str], object]) -> bool:
    """Whether ``tag`` has ``attribute`` and ``accept`` takes its value, as Beautiful Soup's
    searches read one: a value of several words (``rel``) if one of them or the whole does."""
    value = tag.get(attribute)
    if value is None:
        return False
    if isinstance(value, list):
        return any(accept(v) for v in value) or (len(value) != 1 and bool(accept(" ".join(value))))
    return bool(accept(value))


class _Page:
    """What is read from the whole page before its boilerplate is set aside: its <meta>
    elements, the first <title>, the first canonical <link> and the first <time> marked as
    the publication date."""

    def __init__(self, soup: Any) -> None:
        self.metas: list[Any] = []
        self.title = self.canonical = self.item_time = self.pub_time = None
        for tag in _tags(soup):
            name = tag.name
            if name == "meta":
                self.metas.append(tag)
            elif name == "title" and self.title is None:
                self.title = tag
            elif name == "link" and self.canonical is None and _canonical(tag):
                self.canonical = tag
            elif name == "time":
                if self.item_time is None and _attribute_is(tag, "itemprop", _PUBLISHED):
                    self.item_time = tag
                if self.pub_time is None and tag.get("pubdate") is not None:
                    self.pub_time = tag

    @property
    def marked_time(self) -> Any:
        """A <time> element marked as the publication date."""
        return self.item_time or self.pub_time


def _canonical(link: Any) -> bool:
    return link.get("href") is not None and _attribute_is(link, "rel", "canonical".__eq__)


_PUBLISHED = "datePublished".__eq__


def _meta(metas: list[Any], table: tuple[tuple[str, str], ...]) -> str | None:
    for attribute, value in table:
        pattern = re.compile(f"^{re.escape(value)}$", re.I)
        tag = next((m for m in metas if _attribute_is(m, attribute, pattern.search)), None)
        if tag is not None and tag.get("content", "").strip():
            return str(tag["content"]).strip()
    return None


def _meta_date(metas: list[Any], plain: Callable[[Any], Any]) -> DateValue | None:
    found = plain(_meta(metas, DATE_META))
    return parse_date_string(found) if found else None


def _title(page: _Page) -> str | None:
    found = _meta(page.metas, TITLE_META)
    if found:
        return found
    tag = page.title
    text = " ".join(tag.get_text().split()) if tag is not None else ""
    return text or None


def _url(page: _Page) -> str | None:
    if page.canonical is not None:
        return str(page.canonical["href"]).strip() or None
    return _meta(page.metas, URL_META)


def _boilerplate(soup: Any) -> set[int]:
    """The ``id`` of each element that is no part of the article's text (what it holds is not
    either): scripts, navigation, forms, asides, hidden elements; page-level banners and
    footers, outside any <article>."""
    dropped: set[int] = set()
    stack = [(child, False) for child in reversed(soup.contents)]
    while stack:
        node, in_article = stack.pop()
        if isinstance(node, str):
            continue
        name = node.name
        if name in DROP_TAGS or (name in PAGE_LEVEL_TAGS and not in_article) or _hidden(node):
            dropped.add(id(node))
            continue
        inside = in_article or name == "article"
        stack.extend((child, inside) for child in reversed(node.contents))
    return dropped


def _hidden(tag: Any) -> bool:
    role = tag.get("role")
    return (
        (role is not None and str(role).lower() in DROP_ROLES)
        or tag.get("hidden") is not None
        or _attribute_is(tag, "aria-hidden", "true".__eq__)
    )


def _main_container(soup: Any, dropped: set[int]) -> Any:
    """The article with the longest text (the first of them), else <main>, else the page's
    body."""
    from bs4 import Tag

    counted = Tag.MAIN_CONTENT_STRING_TYPES  # the strings an article's get_text() joins
    articles: list[Any] = []  # in document order
    lengths: list[int] = []  # the length of each one's text
    main = role_main = body = None
    chars = 0  # the length of the text read so far
    stack: list[tuple[Any, int]] = [(child, -1) for child in reversed(soup.contents)]
    while stack:
        node, leaving = stack.pop()
        if leaving >= 0:  # the end of the article numbered ``leaving``
            lengths[leaving] = chars - lengths[leaving]
            continue
        if isinstance(node, str):
            if type(node) in counted:
                chars += len(node)
            continue
        if id(node) in dropped:
            continue
        name = node.name
        if name == "article":
            stack.append((node, len(articles)))
            articles.append(node)
            lengths.append(chars)
        elif name == "main":
            main = main or node
        elif name == "body":
            body = body or node
        if role_main is None and _attribute_is(node, "role", "main".__eq__):
            role_main = node
        stack.extend((child, -1) for child in reversed(node.contents))
    if articles:
        return articles[max(range(len(articles)), key=lengths.__getitem__)]
    return main or role_main or body or soup


def _is_dated_time(tag: Any) -> bool:
    return tag.name == "time" and tag.get("datetime") is not None


def _time_date(tag: Any, plain: Callable[[Any], Any]) -> DateValue | None:
    if tag is None:
        return None
    return parse_date_string(plain(str(tag.get("datetime") or tag.get_text())))


def _block_text(container: Any, dropped: set[int]) -> str:
    """The container's text, one block (or table row, cells tab-separated) per line; white
    space within a block, line breaks of the HTML source included, becomes one space."""
    text = "".join(_marked_strings(container, dropped))
    lines = (_tidy_line(line) for line in text.split(_BREAK))
    return "\n".join(line for line in lines if line)


def _marked_strings(container: Any, dropped: set[int]) -> Iterator[str]:
    """The strings ``container.get_text()`` joins, in order, without the ``dropped``
    elements, with a block mark before and after each block element and a cell mark after
    each table cell."""
    from bs4.element import NavigableString, Tag

    kept = container.interesting_string_types or Tag.MAIN_CONTENT_STRING_TYPES
    if isinstance(kept, type):
        kept = {kept}
    # The marks are plain strings, which a container of another kind of string (<rt>) leaves
    # out of its text, as it would marks inserted in the tree.
    marks = NavigableString in kept
    stack: list[Any] = list(reversed(container.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if node is _BREAK or node is _CELL:
                yield node
            elif type(node) in kept:
                yield node
            continue
        if id(node) in dropped:
            continue
        name = node.name
        if name in BLOCK_TAGS:
            if marks:
                yield _BREAK
                stack.append(_BREAK)
        elif name in _CELL_TAGS and marks:
            stack.append(_CELL)
        stack.extend(reversed(node.contents))


def _tidy_line(line: str) -> str:
    cells = (" ".join(cell.split()) for cell in line.split(_CELL))
    return "\t".join(cell for cell in cells if cell)
