"""Dates of events.yaml as people write them: "7 March 1966", "mars 1966", "1966".

Editors copy dates from their sources, and sources write them in words. A
date is read here into a span at exactly the precision written: "March 1966"
is the whole month, never 1 March. ISO forms (YYYY, YYYY-MM, YYYY-MM-DD) are
read by dates.parse_iso without importing dateparser, so a file written in
ISO alone starts as fast as before; everything else goes through dateparser's
DateDataParser, whose reported period (day, month, year) gives the precision.

dateparser is generous on purpose, for running text: it skips words it does
not know ("We 1966" is the year 1966 to it, the weekday dropped), reads
"03/04/1990" in one order without a word, and fills a missing day or month
from today unless told. A curated file needs the opposite, so the text is
first split into its words and numbers and checked here: one year, at most
one day, at most one month, nothing else but a few linking words. Only then
is dateparser asked, with settings that never fill in a part, and its answer
must agree with the words written. Numeric dates ("03/04/1990") are read here,
not by dateparser: both readings are tried, and one that could be either is
refused with both readings spelled out.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from timeline.dates import MONTHS, DateSpan, day_span, month_span, parse_iso, year_span

# The languages a date may be written in: the events file's own (dates.LANGUAGES).
DATE_LANGUAGES = ("en", "fr")

# Words that may sit in a date without changing it: "the 7th of March 1966",
# "le 7 mars 1966". Anything else (a weekday, "circa", "early") is refused,
# because dateparser would silently drop it.
LINKING_WORDS = frozenset({"the", "of", "le"})

_ISO_LIKE = re.compile(r"^\s*\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?\s*$")
_NUMERIC_DMY = re.compile(r"^\s*(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d+)\s*$")
_NUMERIC_YMD = re.compile(r"^\s*(\d{4})\s*([/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})\s*$")
_NUMERIC_MY = re.compile(r"^\s*(\d{1,2})\s*[/.]\s*(\d{4})\s*$")
_TIME = re.compile(r"\d{1,2}\s*[:h]\s*\d{2}")
# A token: a number with an optional ordinal ending (7th, 1er, 2e), or a word
# (letters, with the dot of an abbreviation such as "sept.").
_TOKEN = re.compile(r"(\d+)(st|nd|rd|th|er|re|e)?\b|([^\W\d_]+)\.?")
# What may separate tokens: spaces, commas, a dot after an abbreviation.
_SEPARATORS = re.compile(r"[\s,.]*")


def parse_date(text: str) -> DateSpan:
    """Read a date written in ISO or in English or French words, at its written precision.

    Raises ValueError with a reason that starts with the quoted text, e.g.
    "'03/04/1990' could be 3 April 1990 (day first) or 4 March 1990 ...".
    """
    if _ISO_LIKE.match(text):
        return parse_iso(text)
    return _parse_written(text.strip())


@lru_cache(maxsize=4096)
def _parse_written(text: str) -> DateSpan:
    # Cached: a file repeats its forms, and `timeline serve` reads it on every save.
    if not text:
        raise ValueError("'' is empty; write a date such as 1966, March 1966 or 7 March 1966")
    numeric = _numeric(text)
    if numeric is not None:
        return numeric
    if _TIME.search(text):
        raise ValueError(f"{text!r} has a time of day; write the date alone, such as "
                         "7 March 1966")
    day, month, year = _parts(text)
    return _normalise(text, day, month, year)


def _numeric(text: str) -> DateSpan | None:
    """Read 03/04/1990, 1990/04/03 or 04/1990, refusing an order that could be either."""
    if m := _NUMERIC_YMD.match(text):
        y, mo, d = int(m[1]), int(m[3]), int(m[4])
        if not _valid(y, mo, d):
            raise ValueError(f"{text!r} is not a date: {_why_not(y, mo, d)}")
        return day_span(date(y, mo, d))
    if m := _NUMERIC_MY.match(text):
        mo, y = int(m[1]), int(m[2])
        if not 1 <= mo <= 12 or y < 1:
            raise ValueError(f"{text!r} is not a month: {_why_not(y, mo, 1)}")
        return month_span(y, mo)
    m = _NUMERIC_DMY.match(text)
    if m is None:
        return None
    a, b, year_text = int(m[1]), int(m[3]), m[4]
    if len(year_text) != 4:
        raise ValueError(f"{text!r} has a {len(year_text)}-digit year; write the year in "
                         "full, such as 1990-04-03 or 3 April 1990")
    y = int(year_text)
    day_first = (y, b, a) if _valid(y, b, a) else None
    month_first = (y, a, b) if _valid(y, a, b) else None
    if day_first and month_first and day_first != month_first:
        d1, d2 = date(*day_first), date(*month_first)
        raise ValueError(
            f"{text!r} could be {_words(d1)} (day first) or {_words(d2)} (month first); "
            f"write {d1.isoformat()} or {d2.isoformat()}, or the month in words")
    chosen = day_first or month_first
    if chosen is None:
        raise ValueError(f"{text!r} is not a date with the day first ({_why_not(y, b, a)}) "
                         f"nor with the month first ({_why_not(y, a, b)})")
    return day_span(date(*chosen))


def _valid(y: int, mo: int, d: int) -> bool:
    return y >= 1 and 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]


def _why_not(y: int, mo: int, d: int) -> str:
    if y < 1:
        return "year 0 does not exist"
    if not 1 <= mo <= 12:
        return f"there is no month {mo}"
    return f"{MONTHS['en'][mo - 1]} {y} has no day {d}"


def _words(day: date) -> str:
    return f"{day.day} {MONTHS['en'][day.month - 1]} {day.year}"


def _parts(text: str) -> tuple[int | None, int | None, int]:
    """Split the text into its day, month and year, refusing anything else in it."""
    days: list[int] = []
    years: list[int] = []
    months: list[int] = []
    names = month_names()
    pos = 0
    for m in _TOKEN.finditer(text):
        gap = text[pos:m.start()]
        if not _SEPARATORS.fullmatch(gap):
            raise ValueError(f"{text!r} is not one date: {gap.strip()!r} has no place in a "
                             "date; write it like 7 March 1966, March 1966 or 1966")
        pos = m.end()
        number, ending, word = m[1], m[2], m[3]
        if number is not None:
            if len(number) == 4 and not ending:
                years.append(int(number))
            elif len(number) <= 2:
                days.append(int(number))
            else:
                raise ValueError(f"{text!r}: {number!r} is neither a day nor a four-digit year")
            continue
        folded = word.lower()
        if folded in names:
            months.append(names[folded])
        elif folded not in LINKING_WORDS:
            raise ValueError(f"{text!r} is not one date: {word!r} is not part of a date "
                             "(only a day, a month and a year are; a weekday or a word "
                             "such as 'circa' has no place)")
    if text[pos:] and not _SEPARATORS.fullmatch(text[pos:]):
        raise ValueError(f"{text!r} is not one date: {text[pos:].strip()!r} has no place in "
                         "a date")
    if not years:
        raise ValueError(f"{text!r} has no year (four digits); a date needs one, such as "
                         "7 March 1966")
    if len(days) > 1 and not months:
        raise ValueError(f"{text!r} has numbers but no month; write the month in words, "
                         "such as 7 March 1966, or use YYYY-MM-DD")
    if len(years) > 1 or len(months) > 1 or len(days) > 1:
        raise ValueError(f"{text!r} is not one date; a span is written as date and end")
    if days and not months:
        raise ValueError(f"{text!r} has a day but no month; write the month in words or "
                         "use YYYY-MM-DD")
    return (days[0] if days else None), (months[0] if months else None), years[0]


def _normalise(text: str, day: int | None, month: int | None, year: int) -> DateSpan:
    """Ask dateparser for the date and its period; check both against what was written."""
    if year < 1:
        raise ValueError(f"{text!r}: year 0 does not exist")
    if month is not None and day is not None and \
            not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"{text!r} does not exist: {MONTHS['en'][month - 1]} {year} has "
                         f"no day {day}")
    data = _parser().get_date_data(text)
    found, period = data.date_obj, data.period
    expected = "day" if day is not None else "month" if month is not None else "year"
    if found is None or period != expected or found.year != year \
            or (month is not None and found.month != month) \
            or (day is not None and found.day != day):
        raise ValueError(f"{text!r} could not be read as one date; write it like "
                         "7 March 1966, March 1966, 1966 or 1966-03-07")
    if period == "day":
        return day_span(found.date())
    if period == "month":
        return month_span(found.year, found.month)
    return year_span(found.year)


@lru_cache(maxsize=1)
def _parser():  # type: ignore[no-untyped-def]
    """Return the one DateDataParser, made on first use (importing dateparser takes ~0.6 s)."""
    from datetime import datetime

    from dateparser.date import DateDataParser

    return DateDataParser(languages=list(DATE_LANGUAGES), settings={
        # Only absolute dates: "yesterday" or "in two weeks" mean nothing in a history.
        "PARSERS": ["absolute-time"],
        # A date must name its year; the day and month are read as written and
        # never filled from today (the period says which parts were given; a
        # fixed base keeps any filled part the same on every machine).
        "REQUIRE_PARTS": ["year"],
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_MONTH_OF_YEAR": "first",
        "RELATIVE_BASE": datetime(2000, 1, 1),
        "RETURN_TIME_AS_PERIOD": False,
    })


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Return month names and abbreviations of every date language, lower-case -> number."""
    from timeline.extract.dateparse import _dp_month_names

    names: dict[str, int] = {}
    for lang in DATE_LANGUAGES:
        for number, name in enumerate(MONTHS[lang], start=1):
            names.setdefault(name.lower(), number)
        for name, number in _dp_month_names(lang).items():
            names.setdefault(name, number)
    return names
