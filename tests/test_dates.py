from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.dates import format_range, format_span, from_timex, parse_iso


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("1966", date(1966, 1, 1), date(1966, 12, 31), "year"),
        ("1966-03", date(1966, 3, 1), date(1966, 3, 31), "month"),
        ("1966-02", date(1966, 2, 1), date(1966, 2, 28), "month"),
        ("1966-03-07", date(1966, 3, 7), date(1966, 3, 7), "day"),
        ("2024-02-29", date(2024, 2, 29), date(2024, 2, 29), "day"),
    ],
)
def test_parse_iso_keeps_precision(text, first, last, precision):
    span = parse_iso(text)
    assert (span.first, span.last, span.precision, span.value) == (first, last, precision, text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1966-02-30", "February 1966 has no day 30"),
        ("2023-02-29", "February 2023 has no day 29"),
        ("1966-13", "month 13 does not exist"),
        ("0000", "year 0 does not exist"),
        ("66", "is not a date of the form"),
        ("1966/03/07", "is not a date of the form"),
        ("March 1966", "is not a date of the form"),
    ],
)
def test_parse_iso_rejects_impossible_dates(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_iso(text)


@pytest.mark.parametrize(
    ("value", "first", "last", "en", "fr"),
    [
        ("1966", date(1966, 1, 1), date(1966, 12, 31), "1966", "1966"),
        ("1966-03", date(1966, 3, 1), date(1966, 3, 31), "March 1966", "mars 1966"),
        ("1966-03-07", date(1966, 3, 7), date(1966, 3, 7), "7 March 1966", "7 mars 1966"),
        ("1967-04-01", date(1967, 4, 1), date(1967, 4, 1), "1 April 1967", "1er avril 1967"),
        ("2026-W04", date(2026, 1, 19), date(2026, 1, 25), "week of 19–25 January 2026",
         "semaine du 19 au 25 janvier 2026"),
        ("196", date(1960, 1, 1), date(1969, 12, 31), "1960s", "années 1960"),
        ("19", date(1900, 1, 1), date(1999, 12, 31), "20th century", "XXe siècle"),
        ("2009-Q2", date(2009, 4, 1), date(2009, 6, 30), "Q2 2009", "2e trimestre 2009"),
        ("2008-H2", date(2008, 7, 1), date(2008, 12, 31), "second half of 2008",
         "second semestre 2008"),
        ("1966-03-XX", date(1966, 3, 1), date(1966, 3, 31), "March 1966", "mars 1966"),
        ("1966-XX-XX", date(1966, 1, 1), date(1966, 12, 31), "1966", "1966"),
        ("1966-SU", date(1966, 6, 1), date(1966, 8, 31), "summer 1966", "été 1966"),
        ("1966-WI", date(1966, 12, 1), date(1967, 2, 28), "winter 1966", "hiver 1966"),
    ],
)
def test_from_timex_spans_and_labels(value, first, last, en, fr):
    span = from_timex(value)
    assert span is not None
    assert (span.first, span.last) == (first, last)
    assert format_span(span, "en") == en
    assert format_span(span, "fr") == fr


@pytest.mark.parametrize("value", ["PRESENT_REF", "PAST_REF", "FUTURE_REF", "BC0264", "P3Y", "",
                                   "1966-02-30", "garbage"])
def test_from_timex_refuses_what_cannot_be_plotted(value):
    assert from_timex(value) is None


def test_a_year_is_never_written_as_its_first_day():
    span = parse_iso("1966")
    assert "January" not in format_span(span, "en")
    assert format_range(span, parse_iso("2009-03-11"), "en") == "1966 – 11 March 2009"


def test_containment_and_overlap():
    year, day = parse_iso("1966"), parse_iso("1966-03-07")
    assert year.contains(day) and not day.contains(year)
    assert year.overlaps(day) and not year.overlaps(parse_iso("1967"))


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_every_real_day_round_trips(day):
    span = parse_iso(day.isoformat())
    assert span.first == span.last == day
    assert from_timex(span.value) == span


@given(st.text(max_size=20))
def test_parse_iso_only_ever_raises_value_error(text):
    try:
        parse_iso(text)
    except ValueError:
        pass
