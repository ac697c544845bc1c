"""Resolvers for expressions counted from another date: "two years ago",
"a decade later", "the following day", "at that time", "the end of the year"."""

from __future__ import annotations

import re

from timeline.extract import lexicon as lex
from timeline.extract.calendar import _add_years, _shift, _When
from timeline.extract.context import _Context, _deixis_base, _num, _Result
from timeline.extract.event_dates import count_from_text
from timeline.extract.patterns import _Cand
from timeline.extract.tense import _tense


def _r_ago(c: _Cand, ctx: _Context) -> _Result:
    """ "two years ago", "il y a dix ans": deixis; "years ago" without a count is PAST_REF."""
    m = c.match
    unit = lex.UNITS[ctx.lang].get(m.group("unit").lower())
    if unit is None or unit == "weekend":
        return None
    n, unit = _count(c, unit, ctx.lang)
    base, anchor = _deixis_base(ctx)
    hedged = ctx.body[c.start:c.end].lower().startswith(lex.HEDGES[ctx.lang])
    if unit in ("decade", "century") and n is not None and base is not None and not hedged:
        # "a decade ago" is a year, counted in tens, as "a decade earlier" is.
        return _When(_add_years(base.year, -n * (10 if unit == "decade" else 100))).timex(), \
            anchor, None
    got = _shift(base, -n, unit) if n is not None and base is not None else None
    if got is None:
        return "PAST_REF", "none", None
    return got[0], anchor, None


_UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}


def _after_the_paper_in_the_past(c: _Cand, ctx: _Context, anchor: str) -> bool:
    """ "Le lendemain, la police est intervenue" with no day told before: the
    next day of some event, not of the paper (that would be a date after
    publication in a past clause). The date is then unknown."""
    return anchor == "publication" and _tense(c, ctx) < 0


# "half a century" is fifty years: the count in the next smaller unit.
_HALVES = {"century": (50, "year"), "decade": (5, "year"), "year": (6, "month")}


def _count(c: _Cand, unit: str, lang: str) -> tuple[int | None, str]:
    """The count of a relative expression and the unit it counts in."""
    if c.qty == "half":
        return _HALVES.get(unit, (None, unit))
    return _num(c.qty or c.match.groupdict().get("num"), lang), unit


def _r_later(c: _Cand, ctx: _Context) -> _Result:
    """ "two days later", "a decade earlier": anaphora; "weeks later" is FUTURE_REF."""
    m = c.match
    unit = lex.UNITS[ctx.lang].get(m.group("unit").lower())
    if unit is None or unit == "weekend":
        return None
    sign = lex.LATER_WORDS[ctx.lang].get(re.sub(r"\s+", " ", m.group("dir").lower()), 1)
    n, unit = _count(c, unit, ctx.lang)
    if n is None:
        return ("FUTURE_REF" if sign > 0 else "PAST_REF"), "none", None
    base, anchor = ctx.anaphora_base()
    if base is None:
        return ("FUTURE_REF" if sign > 0 else "PAST_REF"), "none", None
    if sign > 0 and anchor == "publication" and _tense(c, ctx) <= 0:
        # "Quarante ans après, la France revient": later than some event, not
        # than the paper, unless the clause looks ahead ("will ... two days later").
        return _UNKNOWN.get(unit, "XXXX"), "none", None
    hedged = ctx.body[c.start:c.end].lower().startswith(lex.HEDGES[ctx.lang])
    if unit in ("decade", "century") and not hedged:
        # "a decade earlier" than 490 BC is 500 BC: a year, counted in tens;
        # "almost two decades earlier" is only known to the decade.
        w = _When(_add_years(base.year, sign * n * (10 if unit == "decade" else 100)))
        return w.timex(), anchor, w if sign > 0 else None
    got = _shift(base, sign * n, unit)
    if got is None:
        # "two days later" after a bare year: the day is unknown, the year is not.
        return base.timex(), anchor, None
    # A look back ("a decade earlier") is an aside: the story stays where it was.
    return got[0], anchor, got[1] if sign > 0 else None


def _r_anaphor(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    gd = m.groupdict()
    if ctx.lang == "en":
        word = re.sub(r"\s+", " ", (gd.get("step") or gd.get("step2") or "").lower())
        step = lex.ANAPHORIC_STEPS["en"].get(word, 0)
        unit = gd["unit"].lower()
    else:
        lend = (gd.get("lend") or "").lower()
        if lend:
            unit = "day"
            step = lex.ANAPHORIC_STEPS["fr"].get(re.sub(r"\s+", " ", lend), 0)
        else:
            raw_unit = (gd.get("unit") or gd.get("unit2") or "").lower()
            word = (gd.get("stepw") or "même").lower()
            step = lex.ANAPHORIC_STEPS["fr"].get(word, 0)
            if raw_unit == "lendemain":
                raw_unit, step = "jour", 1
            elif raw_unit == "veille":
                raw_unit, step = "jour", -1
            unit = lex.UNITS["fr"].get(raw_unit, "day")
    if unit in lex.DAY_PARTS["en"]:
        unit, step = "day", (step if step else 0)
    base, anchor = ctx.anaphora_base()
    if base is None:
        return None
    if step > 0 and _after_the_paper_in_the_past(c, ctx, anchor):
        return _UNKNOWN.get(unit, "XXXX"), "none", None
    got = _shift(base, step, unit)
    if got is None:
        # "the next day" after a bare year: the day is unknown, the year is not;
        # TIMEX3 writes the unknown parts of a day as X ("1998-10-XX").
        if unit == "day":
            return _unknown_day(base.timex()), anchor, None
        return (base.timex(), anchor, None) if step == 0 else None
    # Only a step forward moves the story on; "the previous year" is an aside.
    return got[0], anchor, got[1] if step > 0 else None


def _unknown_day(timex: str) -> str:
    """A day within a year or month only: "1987" -> "1987-XX-XX"."""
    if re.fullmatch(r"\d{4}", timex):
        return timex + "-XX-XX"
    if re.fullmatch(r"\d{4}-\d{2}", timex):
        return timex + "-XX"
    return timex


# "l'année dernière à la même époque", "the same time last year": the paper's
# month, a year back.
_YEAR_BACK = re.compile(r"(?:l'an(?:née)?\s+(?:dernier|dernière|passé|passée)|last\s+year|"
                        r"a\s+year\s+(?:ago|earlier)|il\s+y\s+a\s+un\s+an)", re.IGNORECASE)


_THEN_TITLE = re.compile(r"[\s-]+(?:[A-Z]|current\b)")
_SAME_TIME = re.compile(r"the\s+same\s+time$", re.IGNORECASE)


def _r_same_time(c: _Cand, ctx: _Context) -> _Result:
    """ "the same time", "that time", "à ce moment-là": the narrative's date."""
    near = ctx.body[max(ctx.sentence, c.start - 28):c.start].replace("’", "'") + " | " + \
        ctx.body[c.end:min(ctx.sentence_end, c.end + 24)].replace("’", "'")
    dct = ctx.dct
    if ctx.news and dct is not None and dct.month is not None and dct.year > 1 \
            and _YEAR_BACK.search(near):
        return _When(_add_years(dct.year, -1), dct.month).timex(), "publication", None
    if ctx.news and ctx.lang == "en" and _SAME_TIME.match(c.match.group("what")):
        # A report's "at the same time" joins two facts ("meanwhile", "also");
        # a history's puts an event beside the date it just told.
        return None
    if c.match.group("what").lower() == "then" and (
            ctx.narrative is None or _THEN_TITLE.match(ctx.body, c.end)):
        # "until then" with no date told before it; "by then Senate chair
        # Biden", "the then current price": "then" qualifies, it is no time.
        return None
    base, anchor = ctx.anaphora_base()
    if base is None:
        return None
    return base.timex(), anchor, None


def _r_end_of_unit(c: _Cand, ctx: _Context) -> _Result:
    """ "the end of the year", "la fin du mois": the current one in news, the
    story's in a narrative."""
    unit = lex.UNITS[ctx.lang].get(c.match.group("unit").lower())
    if unit is None:
        return None
    base, anchor = ctx.bare_base()
    if base is None:
        return None
    got = _shift(base, 0, unit)
    if got is None:
        return base.timex(), anchor, None
    return got[0], anchor, None


# Where the words naming an event stop: the end of the clause.
_EVENT_WORDS_END = re.compile(r"[.,;:!?()\[\]—–\n«»\"“”]|\s(?:and|but|while|when|et|mais|alors)\s")
_EVENT_WORDS_MAX = 100
_OFFSET_UNITS = {"year": ("Y", 1), "decade": ("Y", 10), "century": ("Y", 100),
                 "month": ("M", 1), "week": ("W", 1), "day": ("D", 1)}


def _r_anchored(c: _Cand, ctx: _Context) -> _Result:
    """ "43 years after de Gaulle pulled France out": counted from an event.

    When an earlier sentence names the event beside a date, the step counts
    from it (``timeline.extract.event_dates``). Otherwise the curated history
    may know it (``timeline.anchoring``): the mention gets its offset and the
    words naming the event, and no value: none is invented.
    """
    m = c.match
    unit = lex.UNITS[ctx.lang].get(m.group("unit").lower())
    if unit is None:
        return None
    n, unit = _count(c, unit, ctx.lang)
    if unit not in _OFFSET_UNITS or n is None:
        return None  # "months after the war": no count, no date to give
    sign = lex.LATER_WORDS[ctx.lang].get(m.group("dir").lower(), 1)
    letter, size = _OFFSET_UNITS[unit]
    rest = ctx.body[c.end:c.end + _EVENT_WORDS_MAX]
    cut = _EVENT_WORDS_END.search(rest)
    words = " ".join((rest[:cut.start()] if cut else rest).split())
    if not words:
        return None
    offset = f"{'+' if sign > 0 else '-'}{n * size}{letter}"
    got = count_from_text(ctx, words, offset)
    if got is not None:
        # "Five days after the fall of Girona" where an earlier sentence dates the fall.
        return got[0], "narrative", got[1]
    c.extra = {"offset": offset, "event_words": words}
    return "", "event", None
