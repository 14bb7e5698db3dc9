"""A small timeline built by hand, with the awkward content renderers must survive.

Markup characters (pipes, asterisks, underscores, brackets, backticks), titles that start like
a spreadsheet formula or a Markdown list, non-ASCII punctuation, a very long title, every
precision, a qualifier, closed and open intervals, a year-unknown date, an inferred date, an
event with three sources and one with none but a note.
"""

from __future__ import annotations

import io

from rich.console import Console

from timeline.dates import DateValue
from timeline.models import Event, Resolution, SourceRef

GAZETTE = "data/000_1ba681d719f63865.txt"
BULLETIN = "data/001_be30bcefd557b5c9.txt"
MINUTES = "data/002_f82ba60ffd874853.txt"

_DOCUMENTS = {
    GAZETTE: {
        "source_title": "Council *promises* change | Valley_Gazette",
        "source_url": "https://example.org/news/council_change?id=7&page=2",
        "source_published": DateValue.of_day(2022, 5, 17),
    },
    BULLETIN: {},
    MINUTES: {"source_published": DateValue.of_month(2023, 3)},
}


def ref(source: str, line: int, quote: str, phrase: str, *, quote_start: int = 400,
        resolved_by: Resolution = Resolution.EXPLICIT,
        date: DateValue | None = None) -> SourceRef:  # fmt: skip
    """A source reference whose offsets place ``phrase`` inside ``quote``."""
    start = quote_start + quote.index(phrase)
    return SourceRef(
        source=source,
        line=line,
        start=start,
        end=start + len(phrase),
        text=phrase,
        quote=quote,
        quote_start=quote_start,
        resolved_by=resolved_by,
        date=date,
        candidate=f"{source.rsplit('/', 1)[-1][:3]}-{line}",
        **_DOCUMENTS[source],
    )


LONG_TITLE = (
    "A review of every placement made between the spring and the autumn found that records "
    "were incomplete in nearly half of the cases examined, that supervision notes were missing "
    "for months at a time, and that the recommendations of the previous review had not been "
    "acted upon by the time the inspectors returned"
)


def _events() -> list[Event]:
    d = DateValue
    return [
        Event("e-2011", d.of_year(2011),
              'Council cuts *children\'s* services budget | "phase 1" of 2',
              [ref(GAZETTE, 31, "In 2011 the council cut the budget by £2m.", "2011")],
              tags=["budget", "cuts"]),
        Event("e-2012", d.parse("2012/2021"), "Ten years of under_funding, says [report]",
              [ref(BULLETIN, 4, "Between 2012 and 2021 funding fell\nevery year.",
                   "Between 2012 and 2021", date=d.parse("2012/2021"))]),
        Event("e-2015", d.parse("2015~"), "Caseloads reach 35-40 per worker",
              [ref(BULLETIN, 9, "Around 2015 caseloads reached 35-40.", "Around 2015")]),
        Event("e-2017", d.of_month(2017, 9), "1. Budget `meeting` held \\ minutes lost",
              note="Date from the council's published calendar; no article mentions it.",
              curated=True, resolved_by=Resolution.CURATED),
        Event("e-2018", d.of_month(2018, 6),
              "- Inspectors rate services ‘inadequate’ – the lowest grade",
              [ref(GAZETTE, 7, "In June 2018, inspectors rated services ‘inadequate’.",
                   "June 2018")]),
        Event("e-2019", d.parse("2019/.."), '=HYPERLINK("http://x.test") staff shortage begins',
              [ref(MINUTES, 12, "Since 2019 the service has been short of staff.", "Since 2019")],
              tags=["=staff"]),
        Event("e-2020", d.of_day(2020, 1, 15), LONG_TITLE,
              [ref(MINUTES, 20, "On 15 January 2020 a review of every placement was published.",
                   "15 January 2020")]),
        Event("e-2022s", d.of_season(2022, "spring"), "Café owner’s complaint <b>upheld</b>",
              [ref(BULLETIN, 15, "In spring 2022 the café complaint was upheld.", "spring 2022")]),
        Event("e-2022w", d.of_week(2022, 20), "# Not a heading: the programme is broadcast",
              [ref(GAZETTE, 3, "The programme was broadcast on Monday 16 May.", "Monday 16 May",
                   resolved_by=Resolution.PUBLISHED, date=d.of_day(2022, 5, 16))]),
        Event("e-2022d", d.of_day(2022, 5, 16),
              "+£11.5m extra promised after the programme airs",
              [ref(GAZETTE, 40, "It was shown on 16 May 2022, the council said.", "16 May 2022"),
               ref(BULLETIN, 2, "The programme, broadcast on 16 May 2022, drew complaints.",
                   "16 May 2022"),
               ref(MINUTES, 5, "@chair: since 16 May 2022 calls have doubled.", "16 May 2022")],
              tags=["money"]),
        Event("e-2022l", d.parse("late 2022"), "Interim director_appointed",
              [ref(MINUTES, 30, "A new director was appointed in late 2022.", "late 2022")]),
        Event("e-2023", d.of_day(2023, 3, 1), "Audit of 1,100 open cases *begins*",
              [ref(MINUTES, 2, "Yesterday the audit of open cases began.", "Yesterday",
                   resolved_by=Resolution.PUBLISHED)],
              resolved_by=Resolution.PUBLISHED),
        Event("e-xxxx", d.partial(5, 16), "Leader to be re-elected on Friday",
              [ref(BULLETIN, 22, "He is expected back in the role on Friday 16 May.",
                   "Friday 16 May", resolved_by=Resolution.UNRESOLVED)],
              resolved_by=Resolution.UNRESOLVED),
    ]  # fmt: skip


def build_events() -> list[Event]:
    """The fixture timeline, in the order a caller would pass it (chronological)."""
    return sorted(_events(), key=lambda event: event.date.sort_key())


TITLE = "Children’s services: a timeline"
EVENTS = build_events()
BY_ID = {event.id: event for event in EVENTS}


def terminal_text(events=EVENTS, width=80, **options) -> str:
    """The terminal rendering as plain text, at ``width`` columns."""
    from timeline.render.terminal import render_terminal

    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False)
    render_terminal(events, console, **options)
    return console.file.getvalue()


def terminal_ansi(events=EVENTS, width=80, **options) -> str:
    """The terminal rendering with colour codes, as a terminal would receive it."""
    from timeline.render.terminal import render_terminal

    console = Console(file=io.StringIO(), width=width, color_system="standard", force_terminal=True)
    render_terminal(events, console, **options)
    return console.file.getvalue()
