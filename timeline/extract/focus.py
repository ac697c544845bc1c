"""The reporting period a text is about, and the phrases measured against it.

A company report names its period once ("net income for the third quarter")
and then compares with it: "a year earlier", "the year-ago quarter", "the
1988 period", "the quarter". Those phrases mean the same period of another
year, or that period again, so they take the focus period's part (Q3, H1),
not the bare year that counting from the paper would give.
"""

from __future__ import annotations

import re

from timeline.extract.calendar import _When, _year_text
from timeline.extract.context import _Context, _deixis_base, _Result
from timeline.extract.patterns import _Cand

# How far (in characters) a period stays the text's focus after it was last
# named or compared with: a few paragraphs of a report.
_FOCUS_REACH = 1500
_PERIOD_VALUE = re.compile(r"^(?P<year>\d{4})-(?P<part>[QH][1-4])$")
# The comparisons that mean "the same period a year before the focus".
# "Last year" is not one of them: in a report it is most often the whole
# year ("Last year the company earned ...").
_YEAR_BACK = re.compile(r"\b(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|year[\s-](?:ago|"
                        r"earlier))\b", re.IGNORECASE)
_COMPARING_KINDS = frozenset({"ago", "later", "deictic_unit", "same_time"})
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


_NAMING_KINDS = frozenset({"quarter", "half", "deictic_quarter"})


def note_focus(ctx: _Context, c: _Cand, value: str) -> None:
    """Make a quarter or half just named ("the third quarter": 1989-Q3) the focus."""
    if c.kind not in _NAMING_KINDS:
        return  # a comparison ("the year-ago quarter") keeps the focus where it is
    m = _PERIOD_VALUE.match(value)
    if m:
        ctx.focus = (int(m.group("year")), m.group("part"), c.end)


def _fresh_focus(ctx: _Context, at: int) -> tuple[int, str] | None:
    if ctx.focus is None or at - ctx.focus[2] > _FOCUS_REACH:
        return None
    year, part, _ = ctx.focus
    return year, part


def compare_with_focus(c: _Cand, value: str, ctx: _Context) -> str:
    """ "a year earlier" beside a quarter is that quarter a year before: 1988-Q3."""
    if c.kind not in _COMPARING_KINDS or not value.isdigit() or len(value) != 4:
        return value
    focus = _fresh_focus(ctx, c.start)
    if focus is None or not _YEAR_BACK.search(ctx.body, c.start, c.end):
        return value
    year, part = focus
    ctx.focus = (year, part, c.end)
    return f"{_year_text(year - 1)}-{part}"


def _r_focus_period(c: _Cand, ctx: _Context) -> _Result:
    """ "the year-ago quarter", "the 1988 period", "the quarter": the focus period's part."""
    gd = c.match.groupdict()
    focus = _fresh_focus(ctx, c.start)
    part = f"Q{_QUARTERS[gd['q'].lower()]}" if gd.get("q") else focus[1] if focus else None
    if part is None:
        return None  # no period to refer to: "the period" is no date here
    if gd.get("year"):
        year = int(gd["year"])
        anchor = "explicit"
    elif gd.get("deic"):
        # "last year's quarter", "next year's first quarter": counted like "last year".
        base, anchor = _deixis_base(ctx)
        if base is None:
            return None
        year = base.year + {"last": -1, "this": 0, "next": 1}[gd["deic"].lower()]
    elif focus is None:
        return None
    elif gd.get("back"):
        year, anchor = focus[0] - 1, "narrative"
    else:
        year, anchor = focus[0], "narrative"
    ctx.focus = (focus[0] if focus else year, focus[1] if focus else part, c.end)
    return f"{_year_text(year)}-{part}", anchor, None


def _r_the_period(c: _Cand, ctx: _Context) -> _Result:
    """ "for the year", "the full year", "the week's trading": in a report, the
    reporting period's year (or the paper's year and week); in a history, the
    story's year."""
    unit = c.match.group("unit").lower()
    if not ctx.news:
        if unit != "year" or ctx.narrative is None:
            return None
        return _year_text(ctx.narrative.year), "narrative", None
    focus = _fresh_focus(ctx, c.start)
    if unit == "year" and focus is not None:
        return _year_text(focus[0]), "narrative", None
    dct = ctx.dct
    if dct is None:
        return None
    if unit == "year":
        return _When(dct.year).timex(), "publication", None
    day = ctx.pub_day
    if day is None:
        return None
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}", "publication", None
