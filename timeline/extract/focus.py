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


# "the quarter ended Sept. 30", "the fiscal year ending in June": a period
# reported on, whatever the calendar says.
_ENDED_AFTER = re.compile(r"[\s,]*(?:which\s+|that\s+)?(?:ended|ending|closed)\b", re.IGNORECASE)

# Results told for a period ("fourth-quarter earnings", "net income for the
# fourth quarter"): a fiscal period reported on, even if the calendar's is not over.
_RESULTS_AFTER = re.compile(r"\s+(?:net|earnings|profits?|loss(?:es)?|income|revenues?|sales|"
                            r"results|operating)\b", re.IGNORECASE)
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.IGNORECASE)


def note_focus(ctx: _Context, c: _Cand, value: str) -> None:
    """Make a quarter or half just named ("the third quarter": 1989-Q3) the focus."""
    if c.kind not in _NAMING_KINDS:
        return  # a comparison ("the year-ago quarter") keeps the focus where it is
    m = _PERIOD_VALUE.match(value)
    if m is None:
        return
    year, part = int(m.group("year")), m.group("part")
    reported = _ENDED_AFTER.match(ctx.body, c.end) or _RESULTS_AFTER.match(ctx.body, c.end) \
        or _FOR_BEFORE.search(ctx.body, max(0, c.start - 6), c.start)
    if reported or (_over_by_publication(ctx, year, part)
                    and _fresh_focus(ctx, c.start) in (None, (year, part), (year, _SPAN + part))):
        # Once a report has its period, another one named in passing ("after
        # a flat second quarter") does not take its place; one reported on does.
        ctx.focus = (year, part, c.end)


def _over_by_publication(ctx: _Context, year: int, part: str) -> bool:
    """Whether a quarter or half had ended when the paper came out: a report's
    results are of a past period; "losses through the third quarter of next
    year" or "a weak fourth quarter ahead" are forecasts, not its subject."""
    if ctx.published is None:
        return True
    last_month = int(part[1]) * (3 if part[0] == "Q" else 6)
    return (year, last_month) < (ctx.published.year, ctx.published.month)


# Results for a stretch TIMEX3 has no part for ("the first nine months", "the
# full year", "for the year ended June 30"): after one, a report compares that
# stretch, so "a year earlier" is the year before, not its quarter.
_SPAN_NAMED = re.compile(r"\b(?:(?:first\s+)?(?:nine|six|nine-|six-)\s*months?|"
                         r"(?:full|fiscal|whole)[\s-]year|for\s+the\s+year|"
                         r"year[\s-]to[\s-]date)\b", re.IGNORECASE)


_SPAN = "~"  # marks a focus part once the report has moved on to such a stretch


def _fresh_focus(ctx: _Context, at: int) -> tuple[int, str] | None:
    """The focus (year, part) if still in reach of ``at``; the part starts with
    ``_SPAN`` when the report has since moved to a stretch that has no part."""
    if ctx.focus is None or at - ctx.focus[2] > _FOCUS_REACH:
        return None
    year, part, since = ctx.focus
    if not part.startswith(_SPAN) and _SPAN_NAMED.search(ctx.body, since, at):
        part = _SPAN + part
        ctx.focus = (year, part, since)
    return year, part


def compare_with_focus(c: _Cand, value: str, ctx: _Context) -> str:
    """ "a year earlier" beside a quarter is that quarter a year before: 1988-Q3."""
    if c.kind not in _COMPARING_KINDS or not value.isdigit() or len(value) != 4:
        return value
    focus = _fresh_focus(ctx, c.start)
    if focus is None or not (_YEAR_BACK.search(ctx.body, c.start, c.end)
                             or _last_year_yardstick(c, ctx)):
        return value
    year, part = focus
    ctx.focus = (year, part, c.end)
    if part.startswith(_SPAN):
        return _year_text(year - 1)  # "nine-month net ... a year earlier": that year
    return f"{_year_text(year - 1)}-{part}"


# "Last year" is a yardstick for the figure it follows or owns ("compared
# with earnings of $33 million last year", "from last year's $1.55 billion").
_LAST_YEAR = re.compile(r"last\s+year$", re.IGNORECASE)
_AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|cents?|share|yen|marks|francs|pounds))"
                            r"\s*,?\s+$", re.IGNORECASE)
_AMOUNT_AFTER = re.compile(r"'s\s+(?:[$#£€]|C\$)?\d")


def _last_year_yardstick(c: _Cand, ctx: _Context) -> bool:
    if not _LAST_YEAR.match(ctx.body, c.start, c.end):
        return False
    return bool(_AMOUNT_BEFORE.search(ctx.body, max(0, c.start - 16), c.start)
                or _AMOUNT_AFTER.match(ctx.body, c.end))


def _r_focus_period(c: _Cand, ctx: _Context) -> _Result:
    """ "the year-ago quarter", "the 1988 period", "the quarter": the focus period's part."""
    gd = c.match.groupdict()
    focus = _fresh_focus(ctx, c.start)
    part = f"Q{_QUARTERS[gd['q'].lower()]}" if gd.get("q") else focus[1] if focus else None
    if part is None:
        return None  # no period to refer to: "the period" is no date here
    if part.startswith(_SPAN) and "quarter" in c.match.group().lower():
        # "the quarter" is still the report's quarter, and the report is back on it.
        part = part[len(_SPAN):]
        focus = (focus[0], part) if focus else None
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
    if part.startswith(_SPAN):
        return _year_text(year), anchor, None  # "the 1988 period" after nine months
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
