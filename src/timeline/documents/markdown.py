"""Markdown: the file's text is kept as it is, for quotes and offsets; for tagging, markup
characters are replaced by spaces of the same length, so every offset still fits the file."""

from __future__ import annotations

import re

from ..dates import DateValue
from .published import dateline_date, parse_date_string
from .text import Extracted, decode_text

SUFFIXES = frozenset({".md", ".markdown"})

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_DATE = re.compile(
    r"^(?:date|published|pubdate|publishDate|date_published)\s*:\s*['\"]?([^'\"\n]+)",
    re.MULTILINE | re.IGNORECASE,
)

#: Markup to blank out for tagging, whole match: (name, pattern).
_WHOLE = [
    ("fence", r"^[ \t]{0,3}(?:```|~~~).*$"),
    ("link definition", r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$"),
    ("rule or underline", r"^[ \t]{0,3}(?:[-=*_][ \t]*){3,}$"),
    ("table rule", r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$"),
    ("heading mark", r"^[ \t]{0,3}#{1,6}(?=[ \t]|$)|[ \t]+#+[ \t]*$"),
    ("quote mark", r"^[ \t]{0,3}(?:>[ \t]?)+"),
    ("list mark", r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])"),
    ("link target", r"\]\([^)\n]*\)|\]\[[^\]\n]*\]"),
    ("link open", r"!?\[(?!\^)"),
    ("footnote", r"\[\^[^\]\n]+\]"),
    ("autolink or tag", r"<(?:https?://|mailto:)[^>\n]*>|</?[A-Za-z][^>\n]*>"),
    ("comment", r"<!--.*?-->"),
    ("escape", r"\\(?=[\\`*_{}\[\]()#+\-.!|>~])"),
    ("emphasis", r"\*+|~~|`+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])"),
    ("table cell", r"\|"),
]
_MARKUP = re.compile("|".join(f"(?:{p})" for _, p in _WHOLE), re.MULTILINE | re.DOTALL)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def mask(text: str) -> str:
    """``text`` with Markdown markup (and any front matter) replaced by spaces.

    The result has the same length and the same line breaks as ``text``.
    """
    front = _FRONT_MATTER.match(text)
    start = front.end() if front else 0
    head = re.sub(r"[^\n]", " ", text[:start])
    return head + _MARKUP.sub(_blank, text[start:])


def front_matter_date(text: str) -> DateValue | None:
    """The ``date:`` (or ``published:``) of a YAML front matter block, if there is one."""
    front = _FRONT_MATTER.match(text)
    if not front:
        return None
    found = _FRONT_MATTER_DATE.search(front.group(1))
    return parse_date_string(found.group(1)) if found else None


def read_markdown(data: bytes) -> Extracted:
    text, warning = decode_text(data)
    published = front_matter_date(text) or dateline_date(mask(text))
    return Extracted(text, published=published, warnings=[warning] if warning else [])
