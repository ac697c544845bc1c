"""Resolvers for dates written with a month: day-month-year, month-year,
bare days and months, ranges, feasts."""

from __future__ import annotations

import datetime
import functools
import re

from timeline.extract import lexicon as lex
from timeline.extract.calendar import _add_years, _valid, _When
from timeline.extract.context import (
    _Context,
    _day,
    _deixis_base,
    _month,
    _nearest_year,
    _normalise_month,
    _phrase_year,
    _Result,
    _year_of,
)
from timeline.extract.patterns import _abbreviations, _alt, _Cand
from timeline.extract.tense import _looks_past_the_story, _tense_year


def _r_dmy(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    month, day, year = _month(m, ctx.lang), _day(m), _year_of(m, ctx.lang, ctx.ref_year)
    if month is None or day is None or year is None:
        return None
    month = _normalise_month(m, ctx.lang, month)
    if not _valid(year, month, day):
        return None
    w = _When(year, month, day)
    return w.timex(), "explicit", w


def _r_my(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    month, year = _month(m, ctx.lang), _year_of(m, ctx.lang, ctx.ref_year)
    if month is None or year is None:
        return None
    month = _normalise_month(m, ctx.lang, month)
    w = _When(year, month)
    return w.timex(), "explicit", w


def _r_numeric(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    year, month, day = int(m.group("year")), int(m.group("mo")), int(m.group("day"))
    if not _valid(year, month, day) and m.start("year") != m.start():
        # "20/01/2026" in an English text can only be day first (and
        # "01/20/2026" in a French one month first).
        month, day = day, month
    if not _valid(year, month, day):
        return None
    w = _When(year, month, day)
    return w.timex(), "explicit", w


_REL_WORDS = {"last": "last", "next": "next", "the following": "next", "the next": "next",
              "the previous": "last", "the preceding": "last", "dernier": "dernier",
              "prochain": "prochain", "": None}
# The end of a stretch the story is in: "lasted until December", "jusqu'en mars".
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through|to|jusqu'(?:en|au|à|à\s+la|à\s+fin)|"
                           r"jusqu’(?:en|au|à))\s+(?:(?:the\s+)?(?:end|middle)\s+of\s+|"
                           r"(?:early|late|mid-?)\s*|(?:la\s+)?(?:fin|mi-?)\s*(?:de\s+)?|le\s+)?$",
                           re.IGNORECASE)


# A pluperfect looks back from the story's date: "In March, the allies had landed".
_PLUPERFECT = re.compile(r"(?<![\w'’-])(?:had|avait|avaient|était|étaient)\s+"
                         r"(?:(?:not|never|already|pas|déjà|jamais)\s+)?(?:been\s+)?"
                         r"[a-zéèêàâîôûç]+(?:ed|en|wn|ght|é|ée|és|ées|i|is|u|us|t|te|ts)\b",
                         re.IGNORECASE)


_BY_BEFORE = re.compile(r"\b(?:by|par|dès|d'ici)\s+(?:the\s+|la\s+|le\s+)?"
                        r"(?:(?:end|start|beginning|middle|fin|début|mi)\s*(?:of|de|du|-)?\s*)?"
                        r"(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)


def _until_step(c: _Cand, ctx: _Context, anchor: str) -> str | None:
    """In a narrative, a month that closes a stretch comes after the story's date,
    never before it ("began in February 1916 and lasted until December"), and
    one in a pluperfect clause before it."""
    if anchor != "narrative":
        return None
    if _UNTIL_BEFORE.search(ctx.body[max(0, c.start - 40):c.start]):
        return "next"
    lo = max(ctx.sentence, c.start - 60)
    hi = min(ctx.sentence_end, c.end + 60)
    # "By the end of March they had launched": the date is where the story
    # stands, the pluperfect what was done by then.
    if _PLUPERFECT.search(ctx.body, lo, hi) and not _BY_BEFORE.search(
            ctx.body[max(0, c.start - 24):c.start]):
        return "last"
    return None


def _r_dm(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    month, day = _month(m, ctx.lang), _day(m)
    if month is None or day is None:
        return None
    month = _normalise_month(m, ctx.lang, month)
    if not _valid(2000, month, day):
        return None
    rel = (m.groupdict().get("rel") or "").lower() or None
    wd = m.groupdict().get("wd")
    written = _year_of(m, ctx.lang, ctx.ref_year)
    if written is None:
        after = _range_year_rx(ctx.lang).match(ctx.body, c.end)
        written = int(after.group("year")) if after else None
    if written is not None and rel is None:
        # A day range closed by its year: "1 and 3 May 1916", "May 5 to 7, 1916".
        year = written
        if not _valid(year, month, day):
            return None
        w = _When(year, month, day)
        return w.timex(), "explicit", w
    base, anchor = ctx.bare_base()
    rel = rel or _until_step(c, ctx, anchor)
    if wd:
        # A weekday beside the date pins the year: of the years next to the
        # reference (the publication date first in news), take the one where
        # that day falls on that weekday.
        want = lex.WEEKDAYS[ctx.lang][wd.lower()]
        refs = [(base, anchor), (ctx.dct, "publication")]
        if ctx.news:
            refs.reverse()
        for ref, how in refs:
            if ref is None or ref.year <= 0:
                continue
            for y in (_nearest_year(ref, month, day, rel), ref.year, ref.year + 1,
                      ref.year - 1):
                if 0 < y < 10000 and _valid(y, month, day) \
                        and datetime.date(y, month, day).weekday() == want:
                    w = _When(y, month, day)
                    return w.timex(), how, w
    if base is None:
        return f"XXXX-{month:02d}-{day:02d}", "none", None
    year = _nearest_year(base, month, day, rel)
    w = _When(year, month, day)
    if anchor == "narrative" and rel is None and _looks_past_the_story(w, ctx, c):
        base, anchor = ctx.dct, "publication"
        w = _When(_nearest_year(base, month, day, None), month, day)
    if anchor == "publication" and rel is None:
        w = _tense_year(w, ctx, c)
    return w.timex(), anchor, w


@functools.lru_cache(maxsize=4)
def _range_year_rx(lang: str) -> re.Pattern[str]:
    """What may follow a day whose year is written after the range it opens
    or closes: the other day, its month, then the year."""
    month_names = _alt(lex.MONTHS[lang])
    return re.compile(
        r"(?:\s*(?:-|–|and|to|until|through|&|et|au|à)\s*(?:le\s+|the\s+)?[0-3]?\d(?:st|nd|rd|th|er)?"
        rf"(?:\s+(?:of\s+)?(?:{month_names})\.?)?)?,?\s+(?P<year>1\d{{3}}|20\d{{2}})"
        r"(?![\d%]|[.,]\d)", re.IGNORECASE)


_THIS_BEFORE = re.compile(r"\bthis\s+$", re.IGNORECASE)


def _r_month(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    month = _month(m, ctx.lang)
    if month is None:
        return None
    name = m.group("mon")
    lower = name.lower().rstrip(".")
    # "mois de mai", "last March", "mars dernier" carry their own context.
    introduced = bool(m.groupdict().get("rel")) or m.start() < m.start("mon")
    if lower in lex.AMBIGUOUS_MONTHS[ctx.lang] and not (
            introduced or _date_context_before(c, ctx)):
        return None
    if lower in _abbreviations(ctx.lang) and not name.endswith("."):
        return None  # bare abbreviations ("Jan", "oct") are too often something else
    month = _normalise_month(m, ctx.lang, month)
    rel = _REL_WORDS.get(re.sub(r"\s+", " ", (m.groupdict().get("rel") or "").lower()))
    year = _phrase_year(ctx, c.end) if rel is None else None
    if year is not None:  # "the June battles of 1916"
        w = _When(year, month)
        return w.timex(), "explicit", w
    base, anchor = ctx.bare_base()
    if base is None:
        return f"XXXX-{month:02d}", "none", None
    rel = rel or _until_step(c, ctx, anchor)
    if rel is None and _THIS_BEFORE.search(ctx.body, max(0, c.start - 6), c.start):
        # "this September" in February's paper: this year's, not the nearest.
        w = _When(base.year, month)
        return w.timex(), anchor, w
    year = _nearest_year(base, month, None, rel)
    w = _When(year, month)
    if anchor == "narrative" and rel is None and _looks_past_the_story(w, ctx, c):
        base, anchor = ctx.dct, "publication"
        w = _When(_nearest_year(base, month, None, None), month)
    if anchor == "publication" and rel is None:
        w = _tense_year(w, ctx, c)
    return w.timex(), anchor, w


_EN_DATE_CONTEXT = re.compile(
    r"(?:\b(?:in|on|by|until|till|since|from|of|during|before|after|through|throughout|to|"
    r"early|late|mid|end|beginning|start|and|or|between|last|next|this|that|following)"
    r"|-)\s*$", re.IGNORECASE)
_FR_DATE_CONTEXT = re.compile(
    r"(?:\b(?:en|de|d'|depuis|dès|fin|début|mi|courant|jusqu'en|mois\s+de|mois\s+d'|à|et|ou)"
    r"|-|')\s*$", re.IGNORECASE)


def _date_context_before(c: _Cand, ctx: _Context) -> bool:
    if c.mod_start is not None:
        return True
    head = ctx.body[max(0, c.start - 20):c.start].replace("’", "'")
    rx = _EN_DATE_CONTEXT if ctx.lang == "en" else _FR_DATE_CONTEXT
    return bool(rx.search(head))


def _r_day_only(c: _Cand, ctx: _Context) -> _Result:
    """ "on the 14th": that day of the month the story (or the paper) is in."""
    day = _day(c.match)
    base, anchor = ctx.bare_base()
    if day is None or base is None or base.month is None \
            or not _valid(base.year, base.month, day):
        return None
    w = _When(base.year, base.month, day)
    return w.timex(), anchor, w


def _r_range_head(c: _Cand, ctx: _Context) -> _Result:
    """The first month or day of a range whose year is written after the second
    ("between May and August 1916"); a range across New Year ("November
    1916 to February 1917" written "November to February 1917") starts the year
    before."""
    m = c.match
    month, day, year = _month(m, ctx.lang), _day(m), _year_of(m, ctx.lang, ctx.ref_year)
    month2 = lex.MONTHS[ctx.lang].get(m.group("mon2").lower().rstrip("."))
    if month is None or year is None or month2 is None:
        return None
    month = _normalise_month(m, ctx.lang, month)
    if month > month2:
        year = _add_years(year, -1)
    if day is not None and not _valid(year, month, day):
        return None
    w = _When(year, month, day)
    return w.timex(), "explicit", w


_THAT_YEAR_REACH = 400  # characters from the sentence that named the year


def _month_and_day(m: re.Match[str], ctx: _Context) -> tuple[int, int | None] | None:
    """The month (and day, if written) a match names, or None for no valid date."""
    month, day = _month(m, ctx.lang), _day(m)
    if month is None:
        return None
    month = _normalise_month(m, ctx.lang, month)
    if day is not None and not _valid(2000, month, day):
        return None
    return month, day


def _r_mon_ofyear(c: _Cand, ctx: _Context) -> _Result:
    """ "June of that year", "June 3 of the same year"."""
    m = c.match
    found = _month_and_day(m, ctx)
    if found is None:
        return None
    month, day = found
    base, anchor = ctx.anaphora_base()
    if base is None:
        return None
    text = c.match.group(0).lower()
    year = base.year
    if ctx.dated and ctx.sentence - ctx.dated[-1][0] <= _THAT_YEAR_REACH \
            and anchor == "narrative":
        # "stalemated by 1940. In August of that year": the year just named,
        # even one that did not move the story.
        year = ctx.dated[-1][2].year
    if "following" in text or "next" in text:
        year = _add_years(year, 1)
    elif "previous" in text:
        year = _add_years(year, -1)
    w = _When(year, month, day)
    return w.timex(), anchor, w


def _easter(year: int) -> tuple[int, int]:
    """Gregorian Easter Sunday (anonymous computus), as (month, day)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return month, day + 1


def _feast_day(name: str, year: int, lang: str) -> tuple[int, int] | None:
    """The (month, day) of a named feast in ``year``, None where the calendar
    that computes it did not run yet (Easter before the Gregorian reform)."""
    if name in lex.HOLIDAYS[lang]:
        return lex.HOLIDAYS[lang][name]
    if name in lex.EASTER[lang]:
        if year < 1583:
            return None
        month, day = _easter(year)
        d = datetime.date(year, month, day) + datetime.timedelta(days=lex.EASTER[lang][name])
        return d.month, d.day
    if name in lex.WEEKDAY_FEASTS[lang]:
        if not 1 <= year <= 9998:
            return None
        month, weekday, nth, first = lex.WEEKDAY_FEASTS[lang][name]
        if nth < 0:  # the last one: a week back from the first of next month's
            d = datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=7)
        else:
            d = datetime.date(year, month, first) + datetime.timedelta(weeks=nth - 1)
        d += datetime.timedelta(days=(weekday - d.weekday()) % 7)
        return d.month, d.day
    return None


def _r_holiday(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    name = re.sub(r"\s+", " ", m.group("hol").lower()).replace("’", "'")
    rel = (m.groupdict().get("rel") or "").lower() or None
    year = _year_of(m, ctx.lang, ctx.ref_year)
    anchor = "explicit"
    base: _When | None = None
    if year is None:
        base, anchor = ctx.bare_base()
        if base is None:
            return None
        year = base.year
    md = _feast_day(name, year, ctx.lang)
    if md is None:
        return _When(year).timex(), anchor, None
    month, day = md
    if anchor != "explicit" and base is not None:
        # The feast nearest the reference ("on New Year's Day" after a
        # November is the next January's), or the one before or after it
        # ("last Thanksgiving").
        near = _nearest_year(base, month, day, rel if rel in ("last", "next") else None)
        if near != year:
            year = near
            md = _feast_day(name, year, ctx.lang)
            if md is None:
                return _When(year).timex(), anchor, None
            month, day = md
    w = _When(year, month, day)
    return w.timex(), anchor, w


def _r_mon_deictic_year(c: _Cand, ctx: _Context) -> _Result:
    """ "June last year", "April 3 next year": a month of the year that "last
    year" or "next year" alone would give."""
    m = c.match
    month, day = _month(m, ctx.lang), _day(m)
    if month is None:
        return None
    month = _normalise_month(m, ctx.lang, month)
    if day is not None and not _valid(2000, month, day):
        return None
    base, anchor = _deixis_base(ctx)
    if base is None:
        return None
    year = _add_years(base.year, {"this": 0, "last": -1, "next": 1}[m.group("step")])
    w = _When(year, month, day)
    return w.timex(), anchor, w
