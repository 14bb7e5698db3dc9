"""The timeline as one self-contained HTML5 page: readable on a phone, printable, no scripts.

Everything the page needs is inside it (the style sheet is inline; no fonts, images or scripts
are loaded), so it can be mailed, archived or opened offline. The only links that leave the
page are the sources' own addresses (``http``/``https`` only). Every piece of text is escaped.

Dates keep their precision in ``<time datetime>``: ``2023-03-01`` for a day, ``2018-06`` for
a month, ``2022-W20`` for a week, ``2011`` for a year or a part of one ("late 2022", "spring
2022"), ``05-16`` for a day whose year is unknown. Spans without one such value (intervals,
decades, centuries) are written as text with their EDTF value in ``data-edtf``.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TypeGuard

from timeline.dates import DateValue, Precision
from timeline.models import Event, SourceRef
from timeline.render import (
    INFERRED_HOW,
    Sentence,
    cited_documents,
    cited_places,
    group_events,
    one_line,
    quoted_sentences,
    source_badges,
)

__all__ = ["render_html", "datetime_attribute", "STYLE"]

_SAFE_SCHEMES = ("http://", "https://")

#: The page's style sheet: a rule joining the events, dates beside the titles on wide screens
#: and above them on narrow ones, quiet colours for print.
STYLE = """\
:root { color-scheme: light dark; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0;
  --dot: #0969da; --paper: #ffffff; --mark: #fff1a8; --quote: #f6f8fa; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6edf3; --muted: #9198a1; --rule: #3d444d; --dot: #4493f8;
    --paper: #0d1117; --mark: #5c4a00; --quote: #151b23; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 50rem; padding: 1.25rem 1rem 3rem; color: var(--ink);
  background: var(--paper); font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
.summary, .legend { color: var(--muted); margin: 0 0 1.5rem; font-size: .9rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .75rem; font-variant-numeric: tabular-nums; }
.events { list-style: none; margin: 0; padding: 0 0 0 1.25rem;
  border-left: 2px solid var(--rule); }
.event { position: relative; padding: 0 0 1.25rem; }
.event::before { content: ""; position: absolute; left: calc(-1.25rem - 7px); top: .45rem;
  width: 12px; height: 12px; border-radius: 50%; background: var(--dot);
  border: 2px solid var(--paper); }
.event.inferred::before, .event.unplaced::before { background: var(--paper);
  border-color: var(--dot); }
.when { margin: 0; font-weight: 600; color: var(--muted); font-variant-numeric: tabular-nums; }
.badge { display: inline-block; margin-left: .35rem; padding: 0 .4rem; border: 1px solid
  var(--rule); border-radius: 1rem; font-size: .75rem; font-weight: 500; }
.title { font-size: 1.05rem; font-weight: 600; line-height: 1.35; margin: .1rem 0 .25rem; }
.cites, .note { margin: .15rem 0; font-size: .875rem; color: var(--muted); }
.note { font-style: italic; }
blockquote { margin: .5rem 0 0; padding: .4rem .75rem; background: var(--quote);
  border-left: 3px solid var(--rule); border-radius: 0 4px 4px 0; font-size: .925rem; }
blockquote p { margin: 0; }
blockquote footer { font-size: .8rem; color: var(--muted); }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
a { color: var(--dot); }
.sources { margin-top: 2.5rem; border-top: 1px solid var(--rule); }
.keys { list-style: none; padding: 0; font-size: .9rem; }
.keys li { margin: .5rem 0; padding-left: 3.5rem; text-indent: -3.5rem; }
.key { display: inline-block; min-width: 3.25rem; text-indent: 0; font-weight: 600; }
.path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: .85em; }
@media (min-width: 42rem) {
  .events { border-left: 0; padding-left: 0; }
  .event { display: grid; grid-template-columns: 10.5rem 1fr; column-gap: 1.5rem;
    padding-bottom: 0; }
  .event::before { left: calc(12rem - 5px); }
  .when { text-align: right; padding-top: .05rem; }
  .what { border-left: 2px solid var(--rule); padding: 0 0 1.25rem 1.5rem; }
}
@media print {
  :root { --ink: #000; --muted: #333; --rule: #999; --dot: #000; --paper: #fff;
    --mark: transparent; --quote: transparent; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  .event { break-inside: avoid; }
  mark { font-weight: 700; text-decoration: underline; }
  a { color: inherit; text-decoration: none; }
  .sources a[href^="http"]::after { content: " <" attr(href) ">"; }
}
"""


def datetime_attribute(value: DateValue) -> str | None:
    """The HTML ``datetime`` value at the date's precision, or None where none fits."""
    if value.is_interval or value.precision in (Precision.DECADE, Precision.CENTURY):
        return None
    if value.is_before_common_era:
        return None  # HTML's valid years start at 1
    base = value.without_qualifier().edtf
    if not value.year_known:
        return base[5:] if value.precision is Precision.DAY else None
    if value.precision in (Precision.DAY, Precision.MONTH, Precision.WEEK):
        return base
    return base[:4]


def _date(value: DateValue) -> str:
    text = escape(value.display())
    stamp = datetime_attribute(value)
    if stamp is None:
        return f'<span class="date" data-edtf="{escape(value.edtf)}">{text}</span>'
    return f'<time datetime="{stamp}" data-edtf="{escape(value.edtf)}">{text}</time>'


def _is_web(url: str | None) -> TypeGuard[str]:
    return bool(url and url.lower().startswith(_SAFE_SCHEMES))


def _cite(refs: list[SourceRef], badges: dict[str, str]) -> str:
    badge = badges[refs[0].source]
    place = cited_places(refs)
    link = f'<a href="#source-{_ident(badge)}">[{escape(badge)}]</a>'
    return f"{link} {place}" if place else link


def _quote(sentence: Sentence, badges: dict[str, str]) -> str:
    text = "".join(f"<mark>{escape(piece)}</mark>" if marked else escape(piece)
                   for piece, marked in sentence.pieces)  # fmt: skip
    return (f"<blockquote><p>“{text}”</p>"
            f"<footer>{_cite(list(sentence.refs), badges)}</footer></blockquote>")  # fmt: skip


def _when(event: Event) -> str:
    badge = ""
    if event.inferred:
        how = INFERRED_HOW.get(event.resolved_by.value, "inferred")
        badge = f' <span class="badge" title="Date {escape(how)}">inferred</span>'
    return f'<p class="when">{_date(event.date)}{badge}</p>'


def _cites(event: Event, badges: dict[str, str]) -> str | None:
    if not event.sources:
        return None if event.note else '<p class="cites">No source.</p>'
    documents = cited_documents(event)
    count = len(documents)
    label = "1 source" if count == 1 else f"{count} sources"
    cites = "; ".join(_cite(refs, badges) for _, refs in documents)
    return f'<p class="cites">{label}: {cites}</p>'


def _event(event: Event, badges: dict[str, str], quotes: bool) -> list[str]:
    classes = "event" + (" inferred" if event.inferred else "")
    classes += "" if event.date.year_known and event.date.year is not None else " unplaced"
    what = [f'<h3 class="title">{escape(one_line(event.title))}</h3>']
    cites = _cites(event, badges)
    if cites:
        what.append(cites)
    if event.note:
        what.append(f'<p class="note">Note: {escape(one_line(event.note))}</p>')
    if quotes:
        what += [_quote(sentence, badges) for sentence in quoted_sentences(event.sources)]
    return [
        f'<li class="{classes}" id="event-{_ident(event.id)}">',
        _when(event),
        '<div class="what">',
        *what,
        "</div>",
        "</li>",
    ]


def _ident(text: str) -> str:
    return escape("-".join(text.split()) or "_")


def _source_item(badge: str, refs: list[SourceRef]) -> str:
    first = refs[0]
    parts = []
    if first.source_title:
        parts.append(f"<cite>{escape(first.source_title)}</cite><br>")
    parts.append(f'<span class="path">{escape(first.source)}</span>')
    place = cited_places(refs)
    if place:
        parts.append(f", {place}")
    if first.source_published is not None:
        parts.append(f", published {escape(first.source_published.display())}")
    url = first.source_url
    if _is_web(url):
        parts.append(f'<br><a href="{escape(url)}">{escape(url)}</a>')
    elif url:
        parts.append(f"<br>{escape(url)}")
    return (f'<li id="source-{_ident(badge)}"><span class="key">[{escape(badge)}]</span> '
            f'{"".join(parts)}</li>')  # fmt: skip


def _sources(events: Sequence[Event], badges: dict[str, str]) -> list[str]:
    if not badges:
        return []
    refs: dict[str, list[SourceRef]] = {}
    for event in events:
        for ref in event.sources:
            refs.setdefault(ref.source, []).append(ref)
    items = [_source_item(badge, refs[source]) for source, badge in badges.items()]
    return ['<section class="sources">', "<h2>Sources</h2>", '<ul class="keys">', *items,
            "</ul>", "</section>"]  # fmt: skip


def _summary(events: Sequence[Event], badges: dict[str, str]) -> str:
    count = len(events)
    text = f"{count} event{'s' if count != 1 else ''}"
    if badges:
        text += f" from {len(badges)} source{'s' if len(badges) != 1 else ''}"
    return f'<p class="summary">{text}.</p>'


def _groups(events: Sequence[Event], badges: dict[str, str], quotes: bool,
            group_by: str) -> list[str]:  # fmt: skip
    out: list[str] = []
    for index, (heading, group) in enumerate(group_events(events, group_by), start=1):
        out.append(f'<section class="period" aria-labelledby="period-{index}">')
        if heading:
            out.append(f'<h2 id="period-{index}">{escape(heading)}</h2>')
        out.append('<ol class="events">')
        for event in group:
            out += _event(event, badges, quotes)
        out += ["</ol>", "</section>"]
    return out


def _legend(events: Sequence[Event]) -> list[str]:
    if any(event.inferred for event in events):
        return ['<p class="legend">“inferred”: the sentence does not give the whole date; it '
                "was worked out from the document (its publication date, an earlier date in "
                "the text, or the weekday named).</p>"]
    return []


def render_html(
    events: Sequence[Event],
    *,
    title: str | None = None,
    quotes: bool = True,
    group_by: str = "year",
) -> str:
    """A complete HTML5 page for ``events`` (already in chronological order)."""
    heading = escape(one_line(title or "Timeline"))
    badges = source_badges(events)
    body = _groups(events, badges, quotes, group_by) if events else ["<p>No events.</p>"]
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="timeline">',
        f"<title>{heading}</title>",
        "<style>",
        STYLE.rstrip("\n"),
        "</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{heading}</h1>",
        _summary(events, badges),
        "</header>",
        "<main>",
        *body,
        "</main>",
        "<footer>",
        *_sources(events, badges),
        *_legend(events),
        "</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"
