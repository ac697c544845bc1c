"""Dates that keep their precision.

A history says "1966" or "March 1966" as often as "7 March 1966". Treating the
first as 1 January 1966 invents a day nobody claimed, so every date here is a
*span*: the first and last day it may refer to, plus the precision it was
given with. The TIMEX3 value is kept as the canonical text form, because the
extractor, the events file and the exports all speak it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

# Ordered from coarsest to finest; "week" sits between month and day because a
# week is finer than a month but may straddle two of them.
PRECISIONS = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "day")

LANGUAGES = ("en", "fr")

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}
SEASONS = {
    "en": {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"},
    "fr": {"SP": "printemps", "SU": "été", "FA": "automne", "WI": "hiver"},
}
# Meteorological seasons (northern hemisphere): an honest, documented convention
# for plotting "summer 1966" as a band rather than a point.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TIMEX = re.compile(
    r"^(?:(?P<day>\d{4}-\d{2}-\d{2})(?:T.*)?"
    # A day known only to its month or year ("1998-10-XX") is plotted as that.
    r"|(?P<month>\d{4}-\d{2})(?:-XX)?"
    r"|(?P<week>\d{4})-W(?P<wk>\d{2})(?:-WE)?"
    r"|(?P<quarter>\d{4})-Q(?P<q>[1-4])"
    r"|(?P<half>\d{4})-H(?P<h>[12])"
    r"|(?P<season>\d{4})-(?P<s>SP|SU|FA|WI)"
    r"|(?P<year>\d{4})(?:-XX-XX)?"
    r"|(?P<decade>\d{3})X?"
    r"|(?P<century>\d{2})(?:XX)?)$"
)


@dataclass(frozen=True, order=True)
class DateSpan:
    """A calendar date at some precision: every day from ``first`` to ``last``."""

    first: date
    last: date
    precision: str
    value: str

    @property
    def end_exclusive(self) -> date:
        """Return the day after ``last`` (what a half-open interval or iCalendar wants)."""
        return self.last + timedelta(days=1)

    @property
    def midpoint(self) -> date:
        """Return the middle day, where a point for this span is drawn."""
        return self.first + (self.last - self.first) // 2

    def contains(self, other: DateSpan) -> bool:
        """Return whether ``other`` lies wholly inside this span."""
        return self.first <= other.first and other.last <= self.last

    def overlaps(self, other: DateSpan) -> bool:
        """Return whether the two spans share at least one day."""
        return self.first <= other.last and other.first <= self.last


def parse_iso(text: str) -> DateSpan:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` keeping its precision.

    Raises ``ValueError`` with a readable reason for anything else, including
    impossible days such as 1966-02-30.
    """
    m = _ISO.match(text.strip())
    if not m:
        raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.group(1), m.group(2), m.group(3)
    y = int(year)
    if y < 1:
        raise ValueError(f"{text!r}: year 0 does not exist")
    if month is None:
        return year_span(y)
    mo = int(month)
    if not 1 <= mo <= 12:
        raise ValueError(f"{text!r}: month {mo} does not exist")
    if day is None:
        return month_span(y, mo)
    d = int(day)
    last = calendar.monthrange(y, mo)[1]
    if not 1 <= d <= last:
        raise ValueError(f"{text!r}: {MONTHS['en'][mo - 1]} {y} has no day {d}")
    return day_span(date(y, mo, d))


def drawable(span: DateSpan) -> bool:
    """Return whether the day after ``span`` exists.

    The chart, iCalendar and TimelineJS all draw a span up to the day after
    it, and Python's calendar stops on 31 December 9999: a span ending there
    is real but cannot be drawn, so it is refused or reported instead.
    """
    return span.last < date.max


def year_span(year: int) -> DateSpan:
    return DateSpan(date(year, 1, 1), date(year, 12, 31), "year", f"{year:04d}")


def month_span(year: int, month: int) -> DateSpan:
    last = calendar.monthrange(year, month)[1]
    value = f"{year:04d}-{month:02d}"
    return DateSpan(date(year, month, 1), date(year, month, last), "month", value)


def day_span(day: date) -> DateSpan:
    return DateSpan(day, day, "day", day.isoformat())


def week_span(year: int, week: int) -> DateSpan:
    monday = date.fromisocalendar(year, week, 1)
    return DateSpan(monday, monday + timedelta(days=6), "week", f"{year:04d}-W{week:02d}")


@lru_cache(maxsize=8192)
def from_timex(value: str) -> DateSpan | None:
    """Turn a TIMEX3 date value into a span, or None when it names no plottable span.

    Cached: an archive repeats the same values many times, and spans are immutable.

    Reference values (PRESENT_REF, PAST_REF, FUTURE_REF), BC years and anything
    unrecognised give None: they are reported, never plotted.
    """
    m = _TIMEX.match(value.strip().upper())
    if not m:
        return None
    try:
        if m["day"]:
            return parse_iso(m["day"])
        if m["month"]:
            return parse_iso(m["month"])
        if m["week"]:
            return week_span(int(m["week"]), int(m["wk"]))
        if m["quarter"]:
            y, q = int(m["quarter"]), int(m["q"])
            first = date(y, 3 * q - 2, 1)
            last = month_span(y, 3 * q).last
            return DateSpan(first, last, "quarter", f"{y:04d}-Q{q}")
        if m["half"]:
            y, h = int(m["half"]), int(m["h"])
            if h == 1:
                return DateSpan(date(y, 1, 1), date(y, 6, 30), "half", f"{y:04d}-H1")
            return DateSpan(date(y, 7, 1), date(y, 12, 31), "half", f"{y:04d}-H2")
        if m["season"]:
            y, s = int(m["season"]), m["s"]
            a, b = SEASON_MONTHS[s]
            first = date(y, a, 1)
            last = month_span(y + 1 if b < a else y, b).last
            return DateSpan(first, last, "season", f"{y:04d}-{s}")
        if m["year"]:
            return parse_iso(m["year"])
        if m["decade"]:
            d = int(m["decade"]) * 10
            return DateSpan(date(max(d, 1), 1, 1), date(d + 9, 12, 31), "decade", m["decade"])
        if m["century"]:
            c = int(m["century"])
            first = date(max(c * 100, 1), 1, 1)
            return DateSpan(first, date(c * 100 + 99, 12, 31), "century", m["century"])
    except (ValueError, OverflowError):  # OverflowError: a week running past 9999
        return None
    return None


def _ordinal(n: int, lang: str) -> str:
    if lang == "fr":
        return "1er" if n == 1 else str(n)
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _en_ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def format_span(span: DateSpan, lang: str = "en") -> str:
    """Write the span as a person would, at exactly its precision ("1966", "7 mars 1966")."""
    months = MONTHS[lang]
    f = span.first
    p = span.precision
    if p == "day":
        return f"{_ordinal(f.day, lang)} {months[f.month - 1]} {f.year}"
    if p == "month":
        return f"{months[f.month - 1]} {f.year}"
    if p == "year":
        return str(f.year)
    if p == "week":
        a, b = span.first, span.last
        if a.month == b.month:
            head = f"{_ordinal(a.day, lang)}"
        else:
            head = f"{_ordinal(a.day, lang)} {months[a.month - 1]}"
            if a.year != b.year:
                head += f" {a.year}"
        tail = f"{_ordinal(b.day, lang)} {months[b.month - 1]} {b.year}"
        return (f"semaine du {head} au {tail}" if lang == "fr" else f"week of {head}–{tail}")
    if p == "quarter":
        q = (f.month - 1) // 3 + 1
        return f"{q}e trimestre {f.year}" if lang == "fr" else f"Q{q} {f.year}"
    if p == "half":
        h = 1 if f.month == 1 else 2
        if lang == "fr":
            return f"{'premier' if h == 1 else 'second'} semestre {f.year}"
        return f"{'first' if h == 1 else 'second'} half of {f.year}"
    if p == "season":
        s = span.value[-2:]
        return f"{SEASONS[lang][s]} {f.year}"
    if p == "decade":
        d = int(span.value) * 10
        return f"années {d}" if lang == "fr" else f"{d}s"
    if p == "century":
        c = int(span.value) + 1
        return f"{_roman(c)}e siècle" if lang == "fr" else f"{_en_ordinal_suffix(c)} century"
    raise ValueError(f"unknown precision {p!r}")


def format_range(start: DateSpan, end: DateSpan | None, lang: str = "en") -> str:
    """Write a start and optional end ("1966 – 2009")."""
    if end is None or end == start:
        return format_span(start, lang)
    return f"{format_span(start, lang)} – {format_span(end, lang)}"
