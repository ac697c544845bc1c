"""Dates written as people write them (written_dates.py): each precision, both languages,
every refusal, and properties that hold for any date or any text."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline.dates import MONTHS, day_span, month_span, year_span
from timeline.written_dates import parse_date

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("text, expected", [
    ("7 March 1966", day_span(date(1966, 3, 7))),
    ("March 7, 1966", day_span(date(1966, 3, 7))),
    ("the 7th of March 1966", day_span(date(1966, 3, 7))),
    ("7 mars 1966", day_span(date(1966, 3, 7))),
    ("le 1er mars 1966", day_span(date(1966, 3, 1))),
    ("1 janv. 2000", day_span(date(2000, 1, 1))),
    ("29 février 2000", day_span(date(2000, 2, 29))),
    ("March 1966", month_span(1966, 3)),
    ("mars 1966", month_span(1966, 3)),
    ("Sept 1966", month_span(1966, 9)),
    ("août 1944", month_span(1944, 8)),
    ("  décembre   1990 ", month_span(1990, 12)),
    ("1966", year_span(1966)),
    ("1966-03", month_span(1966, 3)),
    ("1966-03-07", day_span(date(1966, 3, 7))),
    # Numeric dates that can be read one way only.
    ("13/04/1990", day_span(date(1990, 4, 13))),
    ("04/13/1990", day_span(date(1990, 4, 13))),
    ("04/04/1990", day_span(date(1990, 4, 4))),
    ("1990/04/03", day_span(date(1990, 4, 3))),
    ("04/1990", month_span(1990, 4)),
])
def test_each_precision_in_both_languages(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, reason", [
    ("03/04/1990", "'03/04/1990' could be 3 April 1990 (day first) or 4 March 1990 (month "
                   "first); write 1990-04-03 or 1990-03-04, or the month in words"),
    ("3.4.1990", "'3.4.1990' could be 3 April 1990 (day first) or 4 March 1990"),
    ("31 February 1990", "'31 February 1990' does not exist: February 1990 has no day 31"),
    ("30 février 1990", "'30 février 1990' does not exist: February 1990 has no day 30"),
    ("29 February 1900", "February 1900 has no day 29"),
    ("31/02/1990", "is not a date with the day first (February 1990 has no day 31) nor with "
                   "the month first (there is no month 31)"),
    ("1966-02-30", "'1966-02-30': February 1966 has no day 30"),
    ("03/04/90", "has a 2-digit year; write the year in full"),
    ("7 March", "'7 March' has no year"),
    ("mars", "has no year"),
    ("1966 and 1967", "'and' is not part of a date"),
    ("March 1966 to April 1966", "'to' is not part of a date"),
    ("1966-1967", "'-' has no place in a date"),
    ("7 March 1966 10:00", "has a time of day"),
    ("We 1966", "'We' is not part of a date"),
    ("Wednesday 7 March 1966", "'Wednesday' is not part of a date"),
    ("yesterday", "'yesterday' is not part of a date"),
    ("spring 1966", "'spring' is not part of a date"),
    ("c. 1966", "'c' is not part of a date"),
    ("7 3 1966", "has numbers but no month"),
    ("March April 1966", "is not one date"),
    ("", "is empty"),
])
def test_refusals_say_why(text, reason):
    with pytest.raises(ValueError) as info:
        parse_date(text)
    assert reason in str(info.value)
    assert str(info.value).startswith(repr(text.strip()))


def _written(day: date, lang: str, precision: str, form: int) -> str:
    month = MONTHS[lang][day.month - 1]
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return (f"{month} {day.year}", f"{month.upper()} {day.year}",
                f"{day.year}-{day.month:02d}")[form % 3]
    number = "1er" if lang == "fr" and day.day == 1 and form % 2 else str(day.day)
    if lang == "en" and form % 3 == 1:
        return f"{month} {day.day}, {day.year}"
    if form % 3 == 2:
        return day.isoformat()
    return f"{number} {month} {day.year}"


@settings(max_examples=200)
@given(day=st.dates(min_value=date(1000, 1, 1), max_value=date(9998, 12, 31)),
       lang=st.sampled_from(("en", "fr")), precision=st.sampled_from(("day", "month", "year")),
       form=st.integers(0, 5))
@example(day=date(1966, 3, 7), lang="fr", precision="day", form=1)
@example(day=date(2000, 2, 29), lang="en", precision="day", form=0)
def test_any_date_reads_back_at_exactly_its_written_precision(day, lang, precision, form):
    text = _written(day, lang, precision, form)
    span = parse_date(text)
    # Never a guessed day: a month is the whole month, a year the whole year.
    expected = {"day": day_span(day), "month": month_span(day.year, day.month),
                "year": year_span(day.year)}[precision]
    assert span == expected, text


TOKENS = ["We", "we", "Wednesday", "today", "March", "mars", "Mar.", "1966", "2000", "7",
          "31", "1er", "7th", "the", "of", "le", "/", "-", ",", ".", ":", "03/04", "W"]


@settings(max_examples=300)
@given(text=st.lists(st.sampled_from(TOKENS), max_size=6).map(" ".join))
@example(text="We 1966")
@example(text="We 7 March 1966")
def test_any_text_is_read_exactly_or_refused(text):
    """Whatever the text, a date comes back only if every word of it was read."""
    try:
        span = parse_date(text)
    except ValueError as exc:
        assert str(exc)
        return
    words = text.lower().split()
    # "We" (or any weekday) is never silently dropped: a date has no such word.
    assert not {"we", "wednesday", "today", "w", "e"} & set(words), text
    if span.precision == "year":
        assert span.value in text
    else:
        assert span.first.year == int(span.value[:4])


def test_iso_only_files_do_not_import_dateparser():
    """Reading an ISO-only events file leaves dateparser unimported (start-up time)."""
    code = ("import sys; from timeline.events import load_events; "
            "load_events('events.yaml'); print('dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "False"
