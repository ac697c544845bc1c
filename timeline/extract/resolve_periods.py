"""Resolvers for seasons, quarters and halves of years, and nights in general."""

from __future__ import annotations

import re

from timeline.extract import lexicon as lex
from timeline.extract.calendar import _add_years, _When, _year_text
from timeline.extract.context import _Context, _deixis_base, _phrase_year, _Result, _year_of
from timeline.extract.patterns import _Cand
from timeline.extract.tense import _tense


def _season_code(m: re.Match[str], lang: str) -> str | None:
    gd = m.groupdict()
    name = gd.get("season") or gd.get("season2")
    if name is None:
        return None
    return lex.SEASONS[lang].get(name.lower())


def _r_season_y(c: _Cand, ctx: _Context) -> _Result:
    code = _season_code(c.match, ctx.lang)
    year = _year_of(c.match, ctx.lang, ctx.ref_year)
    if code is None or year is None:
        return None
    ctx.season = (year, code, c.start)
    return f"{_year_text(year)}-{code}", "explicit", _When(year)


def _r_season(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    code = _season_code(m, ctx.lang)
    if code is None:
        return None
    name = (m.groupdict().get("season") or "").lower()
    if name == "fall" and not _autumn_not_verb(c, ctx):
        return None
    year = _phrase_year(ctx, c.end)
    if year is not None:
        return f"{_year_text(year)}-{code}", "explicit", None
    base, anchor = ctx.bare_base()
    if base is None:
        return f"XXXX-{code}", "none", None
    if anchor == "publication" and _tense(c, ctx) == 0:
        # "la demande augmente en été": a paper in the present tense speaks of
        # every summer; which one is not said. (A history's present, "au
        # printemps, les troupes débarquent", has a story's date to go by.)
        return f"XXXX-{code}", "none", None
    year = base.year
    season = ctx.season
    if anchor == "narrative" and season is not None and season[0] == _add_years(base.year, 1) \
            and season[2] >= (ctx.dated[-1][0] if ctx.dated else -1):
        # "they passed the winter (480 BC). Early in spring ...": the story
        # went on into the winter's year.
        year = season[0]
    elif code == "WI" and anchor == "narrative" and _late_in_year(ctx, base):
        # A winter named after the story's autumn is the one that follows,
        # and TIMEX3 gives it the year of its January: "the summer and autumn
        # of 481 BC ... they passed the winter" is BC0480-WI.
        year = _add_years(base.year, 1)
    ctx.season = (year, code, c.start)
    return f"{_year_text(year)}-{code}", anchor, None


def _late_in_year(ctx: _Context, base: _When) -> bool:
    """Whether the story stands after midsummer of its year: its last date is
    in September or later, or a summer or autumn of that year came after it."""
    season = ctx.season
    dated_at = ctx.dated[-1][0] if ctx.dated else -1
    if season is not None and season[0] == base.year and season[2] >= dated_at:
        return season[1] in ("SU", "FA")
    return base.month is not None and base.month >= 9


_FALL_BEFORE = re.compile(r"\b(?:in|during|that|this|last|next|early|late|by|until|the)\s+$")
_FALL_AFTER = re.compile(r"\s+(?:of|back|apart|off|out|into|to|short|behind|through|in|on|"
                         r"from|under|down|away|silent|ill|victim|prey)\b")


def _autumn_not_verb(c: _Cand, ctx: _Context) -> bool:
    """ "fall" is the season after "in the", "that", "late"..., unless a
    particle follows ("fall back", "the fall of Rome")."""
    m = c.match
    head = ctx.body[max(0, m.start("season") - 20):m.start("season")].lower()
    return bool(_FALL_BEFORE.search(head)) and not _FALL_AFTER.match(ctx.body, m.end("season"))


def _r_season_rel(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    code = _season_code(m, ctx.lang)
    if code is None:
        return None
    gd = m.groupdict()
    word = re.sub(r"\s+", " ", (gd.get("step") or gd.get("rel") or gd.get("this") or "")).lower()
    deictic = word in ("this", "next", "last", "cet", "ce", "cette", "dernier", "prochain",
                       "passé")
    step = {"next": 1, "last": -1, "the following": 1, "the next": 1, "the previous": -1,
            "prochain": 1, "dernier": -1, "passé": -1, "suivant": 1,
            "précédent": -1}.get(word, 0)
    if deictic:
        base, anchor = _deixis_base(ctx)
        if base is None:
            return {1: "FUTURE_REF", -1: "PAST_REF"}.get(step, "PRESENT_REF"), "none", None
    else:
        base, anchor = ctx.anaphora_base()
    if base is None:
        return f"XXXX-{code}", "none", None
    if deictic and step and base.month is not None and code in _SEASON_MONTHS:
        # "last summer" in November is the summer just gone; in March, the
        # year before's. "next spring" in January is this year's.
        first, last = _SEASON_MONTHS[code]
        if step < 0:
            year = base.year if base.month > last else _add_years(base.year, -1)
        else:
            year = base.year if base.month < first else _add_years(base.year, 1)
        return f"{_year_text(year)}-{code}", anchor, None
    return f"{_year_text(_add_years(base.year, step))}-{code}", anchor, None


# The months a season covers within its year (winter straddles two: left out).
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


def _r_half(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    gd = m.groupdict()
    if gd.get("half"):
        part = "H1" if gd["half"].lower() == "first" else "H2"
    elif gd.get("qh"):
        part = gd["qh"].upper()
    elif gd.get("fq"):
        n = {"premier": 1, "1er": 1, "deuxième": 2, "2e": 2, "second": 2, "troisième": 3,
             "3e": 3, "quatrième": 4, "4e": 4}.get(gd["fq"].lower(), 4)
        if gd["fu"].lower() == "semestre":
            part = f"H{min(n, 2)}"
        else:
            part = f"Q{n}"
    else:
        q = lex.QUARTER_WORDS["en"].get(gd["q"].lower())
        part = f"Q{q}"
    if gd.get("thisyear") is not None:
        base, anchor = ctx.bare_base()
        if base is None:
            return f"XXXX-{part}", "none", None
        return f"{_year_text(base.year)}-{part}", anchor, None
    if gd.get("deic"):
        # "the third quarter of last year": counted like "last year".
        base, anchor = _deixis_base(ctx)
        step = {"last": -1, "this": 0, "next": 1}[gd["deic"].lower()]
        if base is None:
            return {1: "FUTURE_REF", -1: "PAST_REF"}.get(step, "PRESENT_REF"), "none", None
        return f"{_year_text(_add_years(base.year, step))}-{part}", anchor, None
    year = _year_of(m, ctx.lang, ctx.ref_year)
    if year is None:
        return None
    return f"{_year_text(year)}-{part}", "explicit", _When(year)


def _r_night(c: _Cand, ctx: _Context) -> _Result:
    """ "at night", "night raids": nights in general, of no one day (TIMEX3
    writes the part of the day after an unknown date)."""
    return "XXXX-XX-XXTNI", "none", None
