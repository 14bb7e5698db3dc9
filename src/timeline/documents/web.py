"""HTML pages: the article's main text, without navigation, scripts, asides and footers.

Read in one pass of the standard library's parser, without building the page's tree: the
text is gathered as the tags open and close, with what is needed to choose the article
afterwards. What is read is what Beautiful Soup's tree (on the same parser) would give: the
same elements, closed where it closes them, the same strings. The text returned is the
page's visible main text, one block (paragraph, heading, list item, table cell) per line;
offsets and quotes refer to it. The publication date, title and address come from the page's
metadata.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.entities import html5
from html.parser import HTMLParser
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

#: Elements that hold nothing: closed as soon as they open. An end tag for one of them that
#: follows is then passed over, once for each.
VOID_TAGS = frozenset(
    "area base br col embed hr img input keygen link menuitem meta param source track wbr "
    "basefont bgsound command frame image isindex nextid spacer".split()
)
#: Elements whose strings are no part of the text of the elements around them (ruby text
#: and its parentheses, scripts, styles, templates): each string is of the innermost one's
#: kind. A <rt> or <rp> taken as the main element is read for its own kind of string only.
STRING_KINDS = frozenset({"rt", "rp", "script", "style", "template"})
#: Elements within which a string of nothing but white space is kept as it is; elsewhere
#: it stands as one space (or one line break, if it holds one).
_PRESERVE_TAGS = frozenset({"pre", "textarea"})
_ASCII_SPACES = " \n\t\f\r"
#: The elements whose place is noted while reading: the candidates for the main element and
#: the <time>s, wherever they are not set aside.
_NOTED = frozenset({"article", "main", "body", "time"})
#: Elements read from the whole page, set aside or not.
_PAGE_TAGS = frozenset({"meta", "title", "link", "time"})

#: Named character references: each name, with or without its semicolon (the parser hands
#: over the name alone); a name not among them is read as it is written, "&" and name.
_ENTITIES: dict[str, str] = {}
for _name, _character in sorted(html5.items()):
    _ENTITIES.setdefault(_name.removesuffix(";"), _character)
#: Numeric references to C1 controls are read as Windows-1252 (as HTML specifies), but the
#: five numbers it leaves undefined.
_C1 = {
    n: bytes([n]).decode("cp1252") for n in range(0x80, 0xA0) if n not in b"\x81\x8d\x8f\x90\x9d"
}
_DIGITS = {10: re.compile("([0-9]+)(.*)", re.S), 16: re.compile("([0-9a-f]+)(.*)", re.S)}
_WORDS = re.compile(r"\S+")


def read_html(data: bytes) -> Extracted:
    declared = _CHARSET.search(data[:4096])
    text, warning = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    text, stand_ins = _defused(text)
    reader = _Reader()
    try:
        reader.feed(text)
        reader.close()
    except AssertionError as err:  # the parser's word for markup it cannot go on with
        raise DocumentError("", f"HTML the parser cannot read ({err})") from None
    reader.finish()

    def plain(value: Any) -> Any:
        """A string read from the page, with the characters that stood in for others back."""
        if stand_ins and isinstance(value, str):
            for stand_in, character in stand_ins.items():
                value = value.replace(stand_in, character)
        return value

    published = _meta_date(reader.metas, plain) or _time_date(reader, reader.marked_time, plain)
    title, url = plain(_title(reader)), plain(_url(reader))
    main = reader.main_element()
    if published is None:
        published = _time_date(reader, reader.first_dated_time(main), plain)
    body = plain(_block_text(reader.main_text(main)))
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


# The page is read as the parser goes, with the stack of the elements open, as Beautiful Soup
# builds its tree: a start tag opens an element inside the innermost one open; an end tag
# closes the innermost open element of its name and every one opened inside it (and nothing,
# if none of its name is open); what is open at the end of the page closes there. An element
# holds what was read while it was open, so its text is a stretch of what was read: the text
# outside the elements set aside is gathered once, in order, with a mark at both ends of each
# block element and after each table cell, and each element that may be the article, or be
# asked for its text, notes where its stretch begins and ends.


class _Element:
    """An element whose place in what was read is noted: its stretch of the text gathered
    (``start``, ``end``), of every string (``all_start``, ``all_end``), the numbers of its
    start tag and of the last start tag within it (``first``, ``last``), and the length of
    its text (``chars``)."""

    __slots__ = ("name", "attrs", "start", "end", "all_start", "all_end", "first", "last", "chars")

    def __init__(self, reader: _Reader, name: str, attrs: dict[str, str]) -> None:
        self.name, self.attrs = name, attrs
        self.start = self.end = len(reader.pieces)
        self.all_start = self.all_end = len(reader.strings)
        self.first = self.last = reader.opened
        self.chars = reader.chars


class _Open:
    """What closing an element does, beyond closing it: a mark to add, the element whose end
    to note, the end of what is set aside, of a kind of string, of white space kept."""

    __slots__ = ("mark", "element", "undrop", "kind", "preserve", "article")

    def __init__(self, mark: str | None) -> None:
        self.mark = mark
        self.element: _Element | None = None
        self.undrop = self.kind = self.preserve = self.article = False


class _RubyText(str):
    """A string within a <rt>."""


class _RubyParenthesis(str):
    """A string within a <rp>."""


_RUBY: dict[str | None, type[str]] = {"rt": _RubyText, "rp": _RubyParenthesis}
_NO_ATTRIBUTES: dict[str, str] = {}


class _Reader(HTMLParser):
    """What the page holds, read as the parser hands it over (see above)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # references are read here (see handle_charref)
        self.names: list[str] = []  # the elements open, outermost first
        self.closing: list[str | _Open | None] = []  # what closing each of them does
        self.open_count: dict[str, int] = {}  # how many are open, by name
        self.void_closed: dict[str, int] = {}  # end tags to pass over, by name
        self.data: list[str] = []  # the string being read, in pieces
        self.pieces: list[str] = []  # the text outside what is set aside, with marks
        self.strings: list[str] = []  # every string of the page's text (for get_text())
        self.chars = 0  # the length of the text in ``pieces`` (its strings, not its marks)
        self.opened = 0  # start tags read
        self.dropped = False  # within an element set aside
        self.articles_open = 0
        self.kinds: list[str] = []  # the open elements with strings of their own kind
        self.kind: str | None = None  # the innermost of them
        self.preserving = 0  # <pre> and <textarea> open
        self.ruby = False  # whether ``pieces`` holds strings of ruby text
        # Read from the whole page:
        self.metas: list[dict[str, str]] = []
        self.title: _Element | None = None
        self.canonical: dict[str, str] | None = None
        self.item_time: _Element | None = None
        self.pub_time: _Element | None = None
        # Outside what is set aside:
        self.articles: list[_Element] = []
        self.main: _Element | None = None
        self.role_main: _Element | None = None
        self.body: _Element | None = None
        self.dated: list[_Element] = []  # the <time>s with a datetime attribute

    def updatepos(self, i: int, j: int) -> int:
        return j  # where a tag is in the page (its line and column) is not needed

    # The parser's events.

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs)
        if tag in VOID_TAGS:
            self._pop()
            self.void_closed[tag] = self.void_closed.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs)
        self._close(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.void_closed.get(tag):
            self.void_closed[tag] -= 1  # (the string being read goes on across it)
        else:
            self._close(tag)

    def handle_data(self, data: str) -> None:
        self.data.append(data)

    def handle_entityref(self, name: str) -> None:
        character = _ENTITIES.get(name)
        self.data.append("&" + name if character is None else character)

    def handle_charref(self, name: str) -> None:
        digits, base = (name[1:], 16) if name[:1] in ("x", "X") else (name, 10)
        rest = ""
        try:
            number = int(digits, base)
        except ValueError:
            match = _DIGITS[base].match(digits)
            if match is None:
                self.data.append(name)
                return
            number, rest = int(match.group(1), base), match.group(2)
        if number == 0 or number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
            character = "\ufffd"
        else:
            character = _C1.get(number) or chr(number)
        self.data += (character, rest)

    def handle_comment(self, data: str) -> None:
        self._end_string()

    def handle_decl(self, decl: str) -> None:
        self._end_string()

    def handle_pi(self, data: str) -> None:
        self._end_string()

    def unknown_decl(self, data: str) -> None:
        self._end_string()
        if data.upper().startswith("CDATA["):  # a CDATA section's text is text anywhere
            self.data.append(data[len("CDATA[") :])
            self._end_string(cdata=True)

    # Building.

    def _end_string(self, cdata: bool = False) -> None:
        """The string read so far, if any, ended by a tag, a comment or the page's end."""
        data = self.data
        if not data:
            return
        text = data[0] if len(data) == 1 else "".join(data)
        data.clear()
        if not self.preserving and not text.strip(_ASCII_SPACES):
            text = "\n" if "\n" in text else " "
        kind = None if cdata else self.kind
        if kind is None:
            self.strings.append(text)
            if not self.dropped:
                self.pieces.append(text)
                self.chars += len(text)
        elif kind in _RUBY and not self.dropped:
            self.pieces.append(_RUBY[kind](text))
            self.ruby = True

    def _open(self, name: str, attr_list: list[tuple[str, str | None]]) -> None:
        if self.data:
            self._end_string()
        self.opened += 1
        attrs = _NO_ATTRIBUTES
        if attr_list:
            attrs = {key: "" if value is None else value for key, value in attr_list}
        action: str | _Open | None = None
        element: _Element | None = None
        if self.dropped:
            pass
        elif (
            name in DROP_TAGS
            or (name in PAGE_LEVEL_TAGS and not self.articles_open)
            or (attrs and _hidden(attrs))
        ):
            self.dropped = True
            action = _Open(None)
            action.undrop = True
        else:
            if name in BLOCK_TAGS:
                self.pieces.append(_BREAK)
                action = _BREAK
            elif name in _CELL_TAGS:
                action = _CELL
            if name in _NOTED or attrs.get("role") == "main":
                element = self._noted(name, attrs)
        if name in _PAGE_TAGS:
            element = self._on_page(name, attrs, element)
        if element is not None or name in STRING_KINDS or name in _PRESERVE_TAGS:
            action = _Open(action) if not isinstance(action, _Open) else action
            action.element = element
            if name == "article" and element is not None:  # (one outside what is set aside)
                action.article = True
                self.articles_open += 1
            if name in STRING_KINDS:
                action.kind = True
                self.kinds.append(name)
                self.kind = name
            if name in _PRESERVE_TAGS:
                action.preserve = True
                self.preserving += 1
        self.names.append(name)
        self.closing.append(action)
        self.open_count[name] = self.open_count.get(name, 0) + 1

    def _noted(self, name: str, attrs: dict[str, str]) -> _Element | None:
        """The element to note, if it is outside what is set aside and may be asked for."""
        element = _Element(self, name, attrs)
        noted = False
        if name == "article":
            self.articles.append(element)
            noted = True
        elif name == "main" and self.main is None:
            self.main = element
            noted = True
        elif name == "body" and self.body is None:
            self.body = element
            noted = True
        elif name == "time" and attrs.get("datetime") is not None:
            self.dated.append(element)
            noted = True
        if self.role_main is None and attrs.get("role") == "main":
            self.role_main = element
            noted = True
        return element if noted else None

    def _on_page(self, name: str, attrs: dict[str, str], element: _Element | None) -> Any:
        """What the page's metadata takes from this element, wherever it is."""
        if name == "meta":
            self.metas.append(attrs)
        elif name == "link":
            if self.canonical is None and _canonical(attrs):
                self.canonical = attrs
        elif name == "title":
            if self.title is None:
                self.title = element = element or _Element(self, name, attrs)
        elif name == "time":
            if self.item_time is None and attrs.get("itemprop") == "datePublished":
                self.item_time = element = element or _Element(self, name, attrs)
            if self.pub_time is None and attrs.get("pubdate") is not None:
                self.pub_time = element = element or _Element(self, name, attrs)
        return element

    def _close(self, name: str) -> None:
        """An end tag: the innermost open element of this name closed, and all within it."""
        if self.data:
            self._end_string()
        if not self.open_count.get(name):
            return
        names, closing, pieces = self.names, self.closing, self.pieces
        while True:
            top = names.pop()
            self.open_count[top] -= 1
            action = closing.pop()
            if action is not None:
                if action.__class__ is str:
                    pieces.append(action)
                else:
                    self._closed(action)  # type: ignore[arg-type]
            if top == name:
                return

    def _pop(self) -> None:
        self._close(self.names[-1])

    def _closed(self, action: _Open) -> None:
        element = action.element
        if element is not None:
            element.end, element.all_end = len(self.pieces), len(self.strings)
            element.last = self.opened
            element.chars = self.chars - element.chars
        if action.mark is not None:
            self.pieces.append(action.mark)
        if action.undrop:
            self.dropped = False
        if action.article:
            self.articles_open -= 1
        if action.kind:
            self.kinds.pop()
            self.kind = self.kinds[-1] if self.kinds else None
        if action.preserve:
            self.preserving -= 1

    def finish(self) -> None:
        """The end of the page: every element still open closes."""
        if self.data:
            self._end_string()
        while self.names:
            self._pop()

    # What was read.

    @property
    def marked_time(self) -> _Element | None:
        """A <time> element marked as the publication date."""
        return self.item_time or self.pub_time

    def main_element(self) -> _Element | None:
        """The article with the longest text (the first of them), else <main>, else the
        element marked as the main one, else the page's body; None for the whole page."""
        if self.articles:
            return max(self.articles, key=lambda article: article.chars)
        return self.main or self.role_main or self.body

    def main_text(self, main: _Element | None) -> str:
        """The text of ``main`` (of the whole page if None), with its marks."""
        pieces = self.pieces if main is None else self.pieces[main.start : main.end]
        kind = _RUBY.get(main.name) if main is not None else None
        if kind is not None:  # a <rt> or <rp>: its own kind of string, without marks
            pieces = [piece for piece in pieces if type(piece) is kind]
        elif self.ruby:
            pieces = [piece for piece in pieces if type(piece) is str]
        return "".join(pieces)

    def first_dated_time(self, main: _Element | None) -> _Element | None:
        """The first <time> with a datetime attribute within ``main``."""
        for time in self.dated:
            if main is None or main.first < time.first <= main.last:
                return time
        return None

    def text_of(self, element: _Element) -> str:
        """The element's text, as get_text() reads it: what it holds, set aside or not."""
        return "".join(self.strings[element.all_start : element.all_end])


def _hidden(attrs: dict[str, str]) -> bool:
    role = attrs.get("role")
    return (
        (role is not None and role.lower() in DROP_ROLES)
        or attrs.get("hidden") is not None
        or attrs.get("aria-hidden") == "true"
    )


def _canonical(attrs: dict[str, str]) -> bool:
    rel = attrs.get("rel")
    return attrs.get("href") is not None and rel is not None and "canonical" in _WORDS.findall(rel)


def _meta(metas: list[dict[str, str]], table: tuple[tuple[str, str], ...]) -> str | None:
    for attribute, value in table:
        pattern = re.compile(f"^{re.escape(value)}$", re.I)
        found = next((m for m in metas if attribute in m and pattern.search(m[attribute])), None)
        if found is not None and found.get("content", "").strip():
            return found["content"].strip()
    return None


def _meta_date(metas: list[dict[str, str]], plain: Callable[[Any], Any]) -> DateValue | None:
    found = plain(_meta(metas, DATE_META))
    return parse_date_string(found) if found else None


def _title(reader: _Reader) -> str | None:
    found = _meta(reader.metas, TITLE_META)
    if found:
        return found
    text = " ".join(reader.text_of(reader.title).split()) if reader.title is not None else ""
    return text or None


def _url(reader: _Reader) -> str | None:
    if reader.canonical is not None:
        return reader.canonical["href"].strip() or None
    return _meta(reader.metas, URL_META)


def _time_date(
    reader: _Reader, time: _Element | None, plain: Callable[[Any], Any]
) -> DateValue | None:
    if time is None:
        return None
    return parse_date_string(plain(time.attrs.get("datetime") or reader.text_of(time)))


def _block_text(text: str) -> str:
    """The text, one block (or table row, cells tab-separated) per line; white space within
    a block, line breaks of the HTML source included, becomes one space."""
    lines = (_tidy_line(line) for line in text.split(_BREAK))
    return "\n".join(line for line in lines if line)


def _tidy_line(line: str) -> str:
    cells = (" ".join(cell.split()) for cell in line.split(_CELL))
    return "\t".join(cell for cell in cells if cell)
