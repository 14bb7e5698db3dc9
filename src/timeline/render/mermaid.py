"""The timeline as a Mermaid ``timeline`` diagram: one section per year, one line per event.

Mermaid reads ``:`` as the separator between a period and its events, ``#`` and ``%%`` as the
start of a comment, ``;`` as the end of a statement in some versions, and a line break as the
end of an entry; ``<``, ``>`` and ``&`` reach its HTML labels. Each of these is written as a
Mermaid entity code (``#58;`` for ``:``), which Mermaid turns back into the character after
parsing, so every title reads as typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.models import Event
from timeline.render import group_events, one_line

__all__ = ["render_mermaid", "escape_mermaid", "FENCE"]

#: The Markdown fence that marks a block for Mermaid.
FENCE = "```"

# Characters Mermaid would read as syntax or markup, and their entity codes. "#" first, so the
# codes written for the others are not escaped again.
_ENTITIES = {"#": "#35;", ":": "#58;", ";": "#59;", "%": "#37;", "<": "#60;", ">": "#62;",
             "&": "#38;", "`": "#96;"}  # fmt: skip
_INDENT = "    "


def escape_mermaid(text: str) -> str:
    """``text`` on one line with every character Mermaid would read as syntax made literal."""
    return "".join(_ENTITIES.get(char, char) for char in one_line(text))


def _label(event: Event) -> str:
    flag = " (inferred)" if event.inferred else ""
    return escape_mermaid(one_line(event.title) + flag)


def _section(heading: str, events: list[Event]) -> list[str]:
    lines = [f"{_INDENT}section {escape_mermaid(heading)}"]
    previous = None
    for event in events:
        period = escape_mermaid(event.date.display())
        if period == previous:
            lines.append(f"{_INDENT * 2}{' ' * len(period)} : {_label(event)}")
        else:
            lines.append(f"{_INDENT * 2}{period} : {_label(event)}")
        previous = period
    return lines


def render_mermaid(
    events: Sequence[Event], *, title: str | None = None, fenced: bool = False
) -> str:
    """Mermaid ``timeline`` source for ``events`` (already in chronological order).

    With ``fenced`` the diagram is wrapped in a Markdown ```` ```mermaid ```` block.
    """
    lines = ["timeline", f"{_INDENT}title {escape_mermaid(title or 'Timeline')}"]
    for heading, group in group_events(events, "year"):
        lines += _section(heading, group)
    body = "\n".join(lines) + "\n"
    return f"{FENCE}mermaid\n{body}{FENCE}\n" if fenced else body
