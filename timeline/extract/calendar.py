"""Calendar values at year, month or day precision, and the arithmetic on them.

Years are historical (490 BC is -490, no year 0) so that counting across
eras gives what readers expect; TIMEX3 spellings of years, decades and
centuries live here too.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class _When:
    """A calendar point at year, month or day precision.

    Years are historical: 490 BC is -490 and there is no year 0, so that the
    arithmetic of "the following year" works across eras as readers expect.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def timex(self) -> str:
        y = _year_text(self.year)
        if self.month is None:
            return y
        if self.day is None:
            return f"{y}-{self.month:02d}"
        return f"{y}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> datetime.date | None:
        if self.year < 1 or self.month is None or self.day is None:
            return None
        try:
            return datetime.date(self.year, self.month, self.day)
        except ValueError:
            return None


def _year_text(year: int) -> str:
    return f"BC{-year:04d}" if year < 0 else f"{year:04d}"


def _add_years(year: int, n: int) -> int:
    out = year + n
    if (year > 0) != (out > 0) or out == 0:  # step over the missing year 0
        out += -1 if n < 0 else 1
    return out


def _from_date(d: datetime.date) -> _When:
    return _When(d.year, d.month, d.day)


def _shift(base: _When, n: int, unit: str) -> tuple[str, _When | None] | None:
    """Move ``base`` by ``n`` units and give the value at that unit's precision."""
    if unit == "year":
        w = _When(_add_years(base.year, n))
        return w.timex(), w
    if unit == "decade":
        y = _add_years(base.year, 10 * n)
        return (_decade_text(y), None)
    if unit == "century":
        y = _add_years(base.year, 100 * n)
        return (_century_text(y), None)
    if base.month is None:
        return None
    if unit == "month":
        k = base.year * 12 + base.month - 1 + n
        w = _When(k // 12, k % 12 + 1)
        return w.timex(), w
    d = _When(base.year, base.month, base.day).as_date() if base.day else None
    if d is None:
        return None
    try:
        if unit == "day":
            out = d + datetime.timedelta(days=n)
            return out.isoformat(), _from_date(out)
        if unit in ("week", "weekend"):
            out = d + datetime.timedelta(weeks=n)
            y, w, _ = out.isocalendar()
            return f"{y:04d}-W{w:02d}" + ("-WE" if unit == "weekend" else ""), None
    except OverflowError:
        return None
    return None


def _decade_text(year: int) -> str:
    if year < 0:
        return f"BC{-year // 10:03d}"
    return f"{year // 10:03d}"


def _century_text(year: int) -> str:
    if year < 0:
        return f"BC{(-year - 1) // 100:02d}"
    return f"{(year - 1) // 100:02d}" if year % 100 else f"{year // 100 - 1:02d}"


def _valid(year: int, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    leap_year = year if year > 0 else 4  # proleptic; BC leap days do not matter here
    try:
        datetime.date(max(1, min(leap_year, 9999)), month, day)
    except ValueError:
        return False
    return True
