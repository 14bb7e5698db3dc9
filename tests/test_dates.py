"""DateValue: EDTF spelling, bounds, precision, qualifiers, display and order."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import DateError, DateValue, Precision, Qualifier, day_number

D = date.fromisoformat

# text given to DateValue.parse, EDTF, precision, earliest, latest, display
PARSE_CASES = [
    ("2011", "2011", Precision.YEAR, "2011-01-01", "2011-12-31", "2011"),
    ("2018-06", "2018-06", Precision.MONTH, "2018-06-01", "2018-06-30", "June 2018"),
    ("2024-02", "2024-02", Precision.MONTH, "2024-02-01", "2024-02-29", "February 2024"),
    ("2023-03-01", "2023-03-01", Precision.DAY, "2023-03-01", "2023-03-01", "1 March 2023"),
    ("2022-21", "2022-21", Precision.SEASON, "2022-03-01", "2022-05-31", "spring 2022"),
    ("2022-24", "2022-24", Precision.SEASON, "2022-12-01", "2023-02-28", "winter 2022"),
    ("2023-33", "2023-33", Precision.QUARTER, "2023-01-01", "2023-03-31", "Q1 2023"),
    ("2023-41", "2023-41", Precision.HALF, "2023-07-01", "2023-12-31", "second half of 2023"),
    ("2022-W20", "2022-W20", Precision.WEEK, "2022-05-16", "2022-05-22", "week of 16 May 2022"),
    ("199X", "199X", Precision.DECADE, "1990-01-01", "1999-12-31", "1990s"),
    ("19XX", "19XX", Precision.CENTURY, "1900-01-01", "1999-12-31", "20th century"),
    ("2012/2021", "2012/2021", Precision.YEAR, "2012-01-01", "2021-12-31", "2012–2021"),
    ("2023-03-01/2023-03-03", "2023-03-01/2023-03-03", Precision.DAY,
     "2023-03-01", "2023-03-03", "1–3 March 2023"),
    ("2022-06/2022-09", "2022-06/2022-09", Precision.MONTH,
     "2022-06-01", "2022-09-30", "June–September 2022"),
    ("2019/..", "2019/..", Precision.YEAR, "2019-01-01", None, "since 2019"),
    ("../2018", "../2018", Precision.YEAR, None, "2018-12-31", "until 2018"),
    ("XXXX-05-16", "XXXX-05-16", Precision.DAY, None, None, "16 May"),
    ("late 2022", "2022", Precision.YEAR, "2022-09-01", "2022-12-31", "late 2022"),
    ("early 2023-03", "2023-03", Precision.MONTH, "2023-03-01", "2023-03-10", "early March 2023"),
    ("mid 2021", "2021", Precision.YEAR, "2021-05-01", "2021-08-31", "mid-2021"),
    ("before 2019", "2019", Precision.YEAR, None, "2018-12-31", "before 2019"),
    ("after 2019", "2019", Precision.YEAR, "2020-01-01", None, "after 2019"),
    ("2022~", "2022~", Precision.YEAR, "2022-01-01", "2022-12-31", "about 2022"),
]  # fmt: skip


def test_parse_cases_are_unique() -> None:
    inputs = [case[0] for case in PARSE_CASES]
    assert len(inputs) == len(set(inputs))


@pytest.mark.parametrize(("text", "edtf", "precision", "earliest", "latest", "shown"), PARSE_CASES)
def test_parse(text, edtf, precision, earliest, latest, shown) -> None:
    value = DateValue.parse(text)
    assert value.edtf == edtf
    assert value.precision is precision
    assert value.earliest == (D(earliest) if earliest else None)
    assert value.latest == (D(latest) if latest else None)
    assert value.display() == shown


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ("2023-02-30", "February has no day 30", 0),
        ("2023-13", "month 13", 0),
        ("20x1", "not an EDTF date", 0),
        ("2023-03-01/2022", "ends before it starts", 0),
        ("late 2023-02-30", "not a real day", 5),
        ("2022-W54", "no ISO week 54", 0),
        ("XXXX-02-30", "February has no day 30", 0),
        ("late 2012/2021", "interval cannot carry a qualifier", 5),
    ],
)
def test_parse_rejects(text: str, message: str, column: int) -> None:
    with pytest.raises(DateError, match=message) as info:
        DateValue.parse(text)
    assert info.value.column == column


def test_constructors_agree_with_parse() -> None:
    assert DateValue.of_day(2022, 5, 16) == DateValue.parse("2022-05-16")
    assert DateValue.of_season(2022, "Spring") == DateValue.parse("2022-21")
    assert DateValue.of_season(2022, "fall") == DateValue.parse("2022-23")
    assert DateValue.week_containing(D("2022-05-19")) == DateValue.parse("2022-W20")
    assert DateValue.of_decade(1994) == DateValue.parse("199X")
    assert DateValue.of_year(2022).with_qualifier("late") == DateValue.parse("late 2022")
    assert DateValue.parse("late 2022").qualifier is Qualifier.LATE


def test_no_day_or_month_is_invented() -> None:
    assert DateValue.parse("2018-06").to_dict() == {
        "date": "2018-06",
        "display": "June 2018",
        "precision": "month",
        "qualifier": None,
        "earliest": "2018-06-01",
        "latest": "2018-06-30",
    }


def test_sorting_mixed_precision() -> None:
    texts = ["2023-03-01", "late 2022", "2022-W20", "2018-06", "2018", "XXXX-05-16",
             "../2018", "2012/2021", "2022-21", "2011", "2022-09"]  # fmt: skip
    ordered = sorted((DateValue.parse(t) for t in texts), key=DateValue.sort_key)
    assert [v.display() for v in ordered] == [
        "2011", "2012–2021", "2018", "June 2018", "until 2018", "spring 2022",
        "week of 16 May 2022", "late 2022", "September 2022", "1 March 2023", "16 May",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ("2022-05-16", "2022-W20", True),
        ("2022-05-16", "2022-05", True),
        ("2022-05-16", "2022-05-17", False),
        ("late 2022", "2022-09", True),
        ("late 2022", "2022-03", False),
        ("2019/..", "2024", True),
        ("../2018", "2019", False),
        ("XXXX-05-16", "2022-05-16", True),
        ("XXXX-05-16", "2022-05-17", False),
    ],
)
def test_overlaps(a: str, b: str, overlap: bool) -> None:
    x, y = DateValue.parse(a), DateValue.parse(b)
    assert x.overlaps(y) is overlap
    assert y.overlaps(x) is overlap


# ------------------------------------------------------------------ before the common era
# (text, EDTF, display, astronomical year)
BEFORE_COMMON_ERA = [
    ("-0479", "-0479", "480 BC", -479),
    ("480 BC", "-0479", "480 BC", -479),
    ("31 BCE", "-0030", "31 BC", -30),
    ("490 B.C.", "-0489", "490 BC", -489),
    ("0000", "0000", "1 BC", 0),
    ("-04XX", "-04XX", "5th century BC", -499),
    ("-00XX", "-00XX", "1st century BC", -99),
    ("-0498/-0492", "-0498/-0492", "499–493 BC", -498),
    ("-0026/0014", "-0026/0014", "27 BC – AD 14", -26),
    ("late -0479", "-0479", "late 480 BC", -479),
    ("c. -0479", "-0479~", "about 480 BC", -479),
    ("-0479/..", "-0479/..", "since 480 BC", -479),
]


@pytest.mark.parametrize(("text", "edtf", "display", "year"), BEFORE_COMMON_ERA)
def test_years_before_the_common_era(text: str, edtf: str, display: str, year: int) -> None:
    value = DateValue.parse(text)
    assert (value.edtf, value.display(), value.year) == (edtf, display, year)
    assert value.year_known and value.earliest is None  # a Python date starts at year 1
    if value.qualifier is None:
        assert DateValue.parse(value.edtf) == value  # the EDTF spelling reads back the same


def test_day_numbers_continue_before_year_one() -> None:
    assert day_number(1, 1, 1) == 1 == date(1, 1, 1).toordinal()
    assert day_number(0) == 1 - 366  # 1 BC is a leap year in the proleptic calendar
    assert day_number(-479 + 1) - day_number(-479) == 365
    assert day_number(-400) - day_number(-800) == 146097  # a whole number of 400-year cycles
    value = DateValue.parse("-0479")
    assert (value.first_day, value.last_day) == (day_number(-479), day_number(-478) - 1)


def test_before_the_common_era_sorts_first_and_compares() -> None:
    texts = ["1999", "XXXX-05", "-0479", "0000", "-04XX", "-0498/-0492", "2011"]
    ordered = sorted((DateValue.parse(t) for t in texts), key=DateValue.sort_key)
    assert [v.display() for v in ordered] == [
        "5th century BC", "499–493 BC", "480 BC", "1 BC", "1999", "2011", "May",
    ]  # fmt: skip
    century, year = DateValue.parse("-04XX"), DateValue.parse("-0479")
    assert century.contains(year) and year.overlaps(century)
    assert not year.overlaps(DateValue.parse("1999"))
    assert not year.overlaps(DateValue.parse("XXXX-05"))  # no month is placed before 1 CE
    before = DateValue.parse("before -0479")
    assert before.first_day is None and before.last_day == day_number(-479) - 1


@pytest.mark.parametrize(
    ("text", "display", "first", "last"),
    [
        ("-0479-08", "August 480 BC", (-479, 8, 1), (-479, 8, 31)),
        ("-0479-08-17", "17 August 480 BC", (-479, 8, 17), (-479, 8, 17)),
        ("-0479-22", "summer 480 BC", (-479, 6, 1), (-479, 8, 31)),
        ("-0479-24", "winter 480 BC", (-479, 12, 1), (-478, 2, 28)),
        ("-0480-24", "winter 481 BC", (-480, 12, 1), (-479, 2, 28)),
        ("-0480-02", "February 481 BC", (-480, 2, 1), (-480, 2, 29)),  # a leap year
        ("0000-03", "March 1 BC", (0, 3, 1), (0, 3, 31)),
        ("-0479-36", "Q4 480 BC", (-479, 10, 1), (-479, 12, 31)),
        ("late -0479-08", "late August 480 BC", (-479, 8, 21), (-479, 8, 31)),
    ],
)
def test_months_days_and_seasons_before_the_common_era(
    text: str, display: str, first: tuple[int, int, int], last: tuple[int, int, int]
) -> None:
    value = DateValue.parse(text)
    assert value.display() == display
    assert (value.first_day, value.last_day) == (day_number(*first), day_number(*last))
    assert value.earliest is None and value.latest is None  # no Python date before year 1
    assert value.year == first[0] and value.is_before_common_era
    assert DateValue.parse(value.edtf) == value.without_qualifier()


def test_months_before_the_common_era_sort_and_compare() -> None:
    texts = ["-0479-09", "-0479", "-0479-08-17", "-0480-24", "-0479-08"]
    ordered = sorted((DateValue.parse(t) for t in texts), key=DateValue.sort_key)
    assert [v.edtf for v in ordered] == ["-0480-24", "-0479", "-0479-08", "-0479-08-17", "-0479-09"]
    august, year = DateValue.parse("-0479-08"), DateValue.parse("-0479")
    assert year.contains(august) and year.contains(DateValue.parse("-0479-08-17"))
    assert not august.overlaps(DateValue.parse("-0479-09"))


@pytest.mark.parametrize("text", ["-0479-13", "-0479-02-30", "-0479-02-29", "-10000-01"])
def test_impossible_days_before_the_common_era_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        DateValue.parse(text)


def test_months_and_days_before_the_supported_range_are_refused() -> None:
    for make in (
        lambda: DateValue.of_month(-10000, 1),
        lambda: DateValue.of_day(-10000, 1, 1),
        lambda: DateValue.of_subyear(-10000, 21),
    ):
        with pytest.raises(DateError, match="before the supported range"):
            make()
