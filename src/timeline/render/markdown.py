"""The timeline as Markdown for articles: headings by year (or month), one item per event,
footnotes.

Each distinct source document gets one footnote, numbered in order of first appearance; an
event carries one marker for each document it was found in, and the footnote lists the lines
cited. Footnotes (``[^1]``) are not CommonMark: GitHub (GFM), GitLab, Pandoc and most static
site generators render them; a strict CommonMark renderer shows them as text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.models import Event, SourceRef
from timeline.render import (
    Sentence,
    cited_documents,
    cited_places,
    group_events,
    one_line,
    quoted_sentences,
)

__all__ = ["render_markdown", "escape"]

# Characters that can start or end inline markup anywhere in a line (and, in headings, "#").
_INLINE = re.compile(r"([\\`*_\[\]<>|&])")
_HEADING = re.compile(r"([\\`*_\[\]<>|&#])")
# What would open a block at the start of a line: heading, list item, thematic break, fence.
_BLOCK_START = re.compile(r"^(#|[-+~]|\d+(?=[.)]))")
# Only web addresses become links: a ``javascript:`` or ``data:`` URL is written as text.
_AUTOLINK = re.compile(r"https?://[^\s<>\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)


def escape(text: str, *, heading: bool = False) -> str:
    """``text`` as literal Markdown on one line: no markup, and no block it could open.

    With ``heading``, every ``#`` is escaped too, so none can close a heading.
    """
    return _guard_line_start(_inline(one_line(text), _HEADING if heading else _INLINE))


def _inline(text: str, pattern: re.Pattern[str] = _INLINE) -> str:
    return pattern.sub(r"\\\1", text)


def _guard_line_start(text: str) -> str:
    """Escape what would open a heading, list item, thematic break or fence."""
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    if match.group(1).isdigit():
        return f"{text[: match.end()]}\\{text[match.end() :]}"
    return f"\\{text}"


class _Notes:
    """Footnote numbers per source document, in order of first citation."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.refs: dict[str, list[SourceRef]] = {}

    def cite(self, source: str, refs: list[SourceRef]) -> str:
        """The marker for one document, noting the references cited in it."""
        number = self.numbers.setdefault(source, len(self.numbers) + 1)
        self.refs.setdefault(source, []).extend(refs)
        return f"[^{number}]"

    def lines(self) -> list[str]:
        return [f"[^{n}]: {_describe(self.refs[source])}" for source, n in self.numbers.items()]


def _describe(refs: list[SourceRef]) -> str:
    first = refs[0]
    parts = [f"*{escape(first.source_title)}*, {escape(first.source)}" if first.source_title
             else f"*{escape(first.source)}*"]  # fmt: skip
    place = cited_places(refs)
    if place:
        parts.append(place)
    text = ", ".join(parts)
    if first.source_published is not None:
        text += f" (published {escape(first.source_published.display())})"
    text += "."
    if first.source_url:
        url = first.source_url
        text += f" <{url}>" if _AUTOLINK.fullmatch(url) else f" {escape(url)}"
    return text


def _quote_line(sentence: Sentence) -> str:
    """The quote with its date phrases in bold."""
    if not any(marked for _, marked in sentence.pieces):
        return escape("".join(text for text, _ in sentence.pieces))
    text = "".join(f"**{_inline(piece)}**" if marked else _inline(piece)
                   for piece, marked in sentence.pieces)  # fmt: skip
    return _guard_line_start(text)


def _item(event: Event, notes: _Notes, quotes: bool) -> list[str]:
    cites = "".join(notes.cite(source, refs) for source, refs in cited_documents(event))
    flag = " (inferred)" if event.inferred else ""
    lines = [f"- **{escape(event.date.display())}**{flag}: {escape(event.title)}{cites}"]
    if event.note:
        lines.append(f"  *Note:* {escape(event.note)}")
    if quotes:
        quoted = [f"  > {_quote_line(sentence)}" for sentence in quoted_sentences(event.sources)]
        lines.extend(_join_paragraphs(quoted))
    return lines


def _join_paragraphs(quoted: list[str]) -> list[str]:
    """Several quotes as separate paragraphs of one blockquote."""
    out: list[str] = []
    for line in quoted:
        if out:
            out.append("  >")
        out.append(line)
    return out


def render_markdown(
    events: Sequence[Event],
    *,
    title: str | None = None,
    quotes: bool = False,
    mermaid: bool = False,
    group_by: str = "year",
) -> str:
    """Markdown for ``events`` (already in chronological order).

    ``group_by`` is one of :data:`timeline.render.GROUPINGS`: a ``##`` heading per year, per
    month (see :func:`timeline.render.group_events`), or none. With ``mermaid``, a Mermaid
    ``timeline`` diagram of the same events follows the list, before the footnotes.
    """
    out = [f"# {escape(title or 'Timeline', heading=True)}", ""]
    if not events:
        out += ["No events.", ""]
    notes = _Notes()
    for heading, group in group_events(events, group_by):
        if heading:
            out += [f"## {escape(heading, heading=True)}", ""]
        for event in group:
            out += _item(event, notes, quotes)
        out.append("")
    if mermaid and events:
        from timeline.render.mermaid import render_mermaid

        out += [render_mermaid(events, title=title, fenced=True)]
    footnotes = notes.lines()
    if footnotes:
        out += footnotes + [""]
    return "\n".join(out).rstrip("\n") + "\n"
