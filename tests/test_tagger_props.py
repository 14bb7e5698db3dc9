"""Properties the tagger keeps on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import DateValue
from timeline.tagger import tag

PUBLISHED = st.one_of(
    st.none(),
    st.dates().filter(lambda d: d.year > 1).map(lambda d: DateValue.of_day(d.year, d.month, d.day)),
)
PIECES = st.sampled_from([
    "1", "16", "2020", "1999", " ", "-", "–", " to ", " and ", "May", "March", "Monday", "the",
    "in ", "since ", "until ", "between ", "late ", "mid-", "spring", "years", "ago", "last ",
    "this ", "yesterday", ",", ".", "\n", "£", "%", "th", "s", "'s", "at ", "pm", ":", "30",
])  # fmt: skip
DATE_LIKE = st.lists(PIECES, max_size=40).map("".join)
NOISE = st.sampled_from([
    "1 1 1 1 1 1 1 1 1 1", "2020-2020-2020-2020-2020", "May May May May", "1-1-1-1-1-1",
    "12 12 12 May 2020 2020 2020", "between 2012 and 2012 and 2012", "-" * 50, "9" * 200,
])  # fmt: skip


def _check(text: str, published: DateValue | None) -> None:
    mentions = tag(text, published)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end]
        assert m.start >= last_end
        last_end = m.end
        if m.value is not None and m.value.earliest and m.value.latest:
            assert m.value.earliest <= m.value.latest
    assert tag(text, published) == mentions


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), PUBLISHED)
def test_any_text(text: str, published: DateValue | None) -> None:
    _check(text, published)


@settings(max_examples=300, deadline=None)
@given(DATE_LIKE, PUBLISHED)
def test_date_like_text(text: str, published: DateValue | None) -> None:
    _check(text, published)


@settings(max_examples=30, deadline=None)
@given(NOISE, st.integers(min_value=1, max_value=20), PUBLISHED)
def test_repeated_noise(piece: str, times: int, published: DateValue | None) -> None:
    _check(" ".join([piece] * times), published)
