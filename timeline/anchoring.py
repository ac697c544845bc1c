"""Resolve event-anchored mentions through the curated history.

"43 years after de Gaulle pulled France out" is counted from an event, not
from the publication date. The extractor leaves such a mention without a
value (``Mention.offset`` and ``Mention.event_words`` say what it knows);
this module finds the curated event the words name and gives the event's
date plus the offset, recording the event's id as evidence.

It runs after the extraction cache, on cached and fresh mentions alike, so
editing the events file can never leave a stale cache entry. It does not
import the extractor: a build served from the cache stays as cheap as before.

Words are matched as the linker matches them (``timeline.text.keywords_in``:
folded, whole words). The event naming the most keywords wins; when several tie and would
give different values, nothing is given: a wrong date on a timeline is worse
than a missing one. A mention whose event is not found is dropped.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from timeline.mention import Mention
from timeline.text import fold, keywords_in

if TYPE_CHECKING:
    from timeline.dates import DateSpan
    from timeline.events import Event

_OFFSET = re.compile(r"^([+-])(\d{1,4})([YMWD])$")


def parse_offset(offset: str) -> tuple[int, str] | None:
    """Read an offset ("+43Y", "-2D") as a signed count and its unit; None if malformed."""
    m = _OFFSET.match(offset)
    return (int(m.group(2)) * (-1 if m.group(1) == "-" else 1), m.group(3)) if m else None


_WORD = re.compile(r"\w{4,}")


def _title_words(event: Event) -> set[str]:
    return {w for title in event.title.values() for w in _WORD.findall(fold(title))}


def named_events(words: str, events: Iterable[Event]) -> list[tuple[tuple[int, int], Event]]:
    """Return the events whose keywords ``words`` contains, best named first.

    An event is named by its keywords; among events named by as many, the
    one whose title shares more words with ``words`` ("the North Atlantic
    Treaty was signed" and "North Atlantic Treaty signed in Washington")
    is named better than one that only lists the treaty among its keywords.
    """
    folded = fold(words)
    said = set(_WORD.findall(folded))
    found = []
    for event in events:
        hits = keywords_in(event.keywords, folded)
        if hits:
            found.append(((len(hits), len(said & _title_words(event))), event))
    found.sort(key=lambda pair: (-pair[0][0], -pair[0][1], -pair[1].importance,
                                 pair[1].date.first, pair[1].id))
    return found


def _shift_day(d: date, n: int, unit: str) -> date | None:
    try:
        if unit == "D":
            return d + timedelta(days=n)
        if unit == "W":
            return d + timedelta(weeks=n)
        months = d.year * 12 + d.month - 1 + (n if unit == "M" else 12 * n)
        year, month = divmod(months, 12)
        month += 1
        # 29 February plus a year is 28 February: the day stays in its month.
        return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))
    except (ValueError, OverflowError):
        return None


def shifted_value(span: DateSpan, offset: str) -> str | None:
    """The TIMEX3 value of ``span`` moved by ``offset``, no finer than either.

    "43 years after" a day is known to the year; "two days after" a month
    is known to the month at best (or to the year, if the two days may cross
    into the next month): the value is the finest calendar unit, no finer
    than the offset's, that holds every day the shifted span may be.
    """
    parsed = parse_offset(offset)
    if parsed is None:
        return None
    n, unit = parsed
    first, last = _shift_day(span.first, n, unit), _shift_day(span.last, n, unit)
    if first is None or last is None:
        return None
    if unit in ("D", "W") and first == last:
        return first.isoformat()
    if unit in ("D", "W", "M") and (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    if first.year == last.year:
        return f"{first.year:04d}"
    return None


def resolve_one(mention: Mention, events: Sequence[Event]) -> Mention | None:
    """The mention with its value counted from the event it names, or None."""
    named = named_events(mention.event_words, events)
    if not named:
        return None
    best = named[0][0]
    values = {shifted_value(e.date, mention.offset) for score, e in named if score == best}
    if len(values) != 1 or None in values:
        return None  # the words name several events at different dates, or none usable
    value = values.pop()
    assert value is not None
    return replace(mention, value=value, event=named[0][1].id)


# TIMEX3's own spelling of a date whose digits are unknown, at the offset's precision.
_UNKNOWN = {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-XX-XX", "D": "XXXX-XX-XX"}


def unknown_value(offset: str) -> str:
    """The value of an anchored mention whose event is not known: a date, but which?"""
    parsed = parse_offset(offset)
    return _UNKNOWN[parsed[1]] if parsed else "XXXX"


def resolve_anchored(mentions: Sequence[Mention], events: Sequence[Event] | None, *,
                     keep_unknown: bool = False) -> list[Mention]:
    """Return ``mentions`` with every event-anchored one resolved, or else dropped.

    With ``keep_unknown`` an unresolved one stays, with an unknown value
    ("XXXX"): a listing of the text's date expressions shows it, a timeline
    cannot draw it. Mentions that are not waiting for an event pass through
    unchanged, so this is safe to call on any list, any number of times.
    """
    out = []
    for m in mentions:
        if m.anchor != "event" or m.value:
            out.append(m)
            continue
        got = resolve_one(m, events or ())
        if got is not None:
            out.append(got)
        elif keep_unknown:
            out.append(replace(m, value=unknown_value(m.offset)))
    return out


def resolve_all(mentions: dict[str, list[Mention]], events: Sequence[Event] | None
                ) -> dict[str, list[Mention]]:
    """``resolve_anchored`` over every article of a build."""
    return {key: resolve_anchored(found, events) for key, found in mentions.items()}
