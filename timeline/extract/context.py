"""What the resolvers know while reading: the publication date, the
narrative's reference date, and the readings of numbers, months and years
they all share."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from timeline.extract import lexicon as lex
from timeline.extract.calendar import _add_years, _from_date, _When
from timeline.extract.dateparse import _dateparser_month
from timeline.extract.patterns import _ERA_BC


@dataclass
class _Context:
    """What the resolvers know while reading the text from start to end."""

    lang: str
    body: str
    published: datetime.date | None
    news: bool
    narrative: _When | None = None   # the last date the text gave, for anaphora
    narrative_sentence: int = -1     # where the sentence that wrote it out starts
    sentence: int = 0                # where the sentence being read starts
    sentence_end: int = 0            # and where it ends
    last_day: _When | None = None    # the last day, for clock times
    # A date that ended a stretch ahead of the story ("ruled until his death
    # in 1975"): "two years later" counts from it, a bare month does not.
    stretch_end: _When | None = None
    # The last season the story was in, (year, code, where): a later bare
    # "winter" after its summer or autumn is the one that follows.
    season: tuple[int, str, int] | None = None
    # How much of ``published`` is known: "day", "month" or "year". A paper
    # dated to the month still anchors "le 19 janvier" and "last year", never
    # "yesterday" to one day.
    precision: str = "day"
    # The reporting period the text is about, (year, "Q3", where last named):
    # see timeline.extract.focus.
    focus: tuple[int, str, int] | None = None
    # Every date read so far with its sentence (start, end): where a step
    # from a named event looks for that event's date (timeline.extract.event_dates).
    dated: list[tuple[int, int, _When]] = field(default_factory=list)

    @property
    def dct(self) -> _When | None:
        if self.published is None:
            return None
        p = self.published
        if self.precision == "year":
            return _When(p.year)
        if self.precision == "month":
            return _When(p.year, p.month)
        return _from_date(p)

    @property
    def ref_year(self) -> int | None:
        """What a two-digit year is read against."""
        return self.published.year if self.published else None

    @property
    def pub_day(self) -> datetime.date | None:
        """The publication day, when it is known to the day."""
        return self.published if self.precision == "day" else None

    def pub_range(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and last days the publication date may be."""
        p = self.published
        if p is None:
            return None
        if self.precision == "year":
            return datetime.date(p.year, 1, 1), datetime.date(p.year, 12, 31)
        if self.precision == "month":
            nxt = datetime.date(p.year + p.month // 12, p.month % 12 + 1, 1) \
                if p.year < 9999 or p.month < 12 else datetime.date(9999, 12, 31)
            return p.replace(day=1), nxt - datetime.timedelta(days=1 if nxt.day == 1 else 0)
        return p, p

    def anaphora_base(self) -> tuple[_When | None, str]:
        """What "the following day" or "two years later" is counted from."""
        if self.stretch_end is not None:
            return self.stretch_end, "narrative"
        if self.narrative is not None:
            return self.narrative, "narrative"
        if self.published is not None:
            return self.dct, "publication"
        return None, "none"

    def bare_base(self) -> tuple[_When | None, str]:
        """What a date without a year ("20 August", "en juillet") is counted from."""
        if self.news and self.published is not None and (
                self.narrative is None or self.narrative_sentence != self.sentence):
            # News counts from its own date, unless the same sentence gave a
            # year ("the 2003 invasion, which began on March 20").
            return self.dct, "publication"
        if self.narrative is not None:
            return self.narrative, "narrative"
        return self.anaphora_base()


# A resolver's answer: (TIMEX3 value, anchor, the date the story moves to or
# None), or None to refuse the candidate.
_Result = tuple[str, str, "_When | None"] | None


def _num(text: str | None, lang: str) -> int | None:
    """A count written in digits or words, compounds included ("seventy-five")."""
    if text is None:
        return None
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t.isdigit():
        return int(t)
    if t in lex.NUMBERS[lang]:
        return lex.NUMBERS[lang][t]
    parts = [lex.NUMBERS[lang].get(w) for w in re.split(r"-|\s+et\s+", t)]
    return sum(parts) if parts and all(p is not None for p in parts) else None


def _month(m: re.Match[str], lang: str) -> int | None:
    """The month our own table gives the matched word: the cheap first test."""
    name = m.group("mon")
    if name is None:
        return None
    return lex.MONTHS[lang].get(name.lower().rstrip("."))


def _normalise_month(m: re.Match[str], lang: str, fallback: int) -> int:
    """The month as dateparser reads the word, once a candidate passed every cheap test."""
    return _dateparser_month(m.group("mon").lower(), lang) or fallback


def _year_of(m: re.Match[str], lang: str, ref: int | None = None) -> int | None:
    """The year written in a match, with its era (490 BC -> -490, '98 -> 1998).

    A two-digit year is the latest year so written up to the year after
    ``ref`` (the publication year): "octobre 98" in 2003 is 1998, "mars 31"
    in 2022 is 1931, not a year nine years ahead.
    """
    raw = m.groupdict().get("year")
    if raw is None:
        return None
    clipped = raw.startswith("'")  # "'99": a year cut to its last two digits
    raw = raw.lstrip("'")
    y = int(raw)
    era = m.groupdict().get("era")
    if era and re.match(_ERA_BC, era, re.IGNORECASE):
        return -y if y > 0 else None
    if len(raw) == 2 and (lang == "fr" or clipped) and not era:
        if ref is None or not 100 <= ref <= 9989:
            return 1900 + y if y >= 30 else 2000 + y
        out = (ref + 1) // 100 * 100 + y
        return out - 100 if out > ref + 1 else out
    if y == 0:
        return None
    return y


def _day(m: re.Match[str]) -> int | None:
    raw = m.groupdict().get("day")
    if raw is None:
        return None
    raw = raw.lower().replace("er", "")
    return int(raw) if raw.isdigit() else None


def _nearest_year(base: _When, month: int, day: int | None, rel: str | None) -> int:
    """The year putting month/day closest to ``base`` (or after/before it for
    "prochain"/"dernier")."""
    best = base.year
    if base.month is None:
        return best
    bday = base.day or 15
    here = base.month * 31 + bday
    there = month * 31 + (day or 15)
    if rel in ("prochain", "next"):
        return base.year if there >= here else _add_years(base.year, 1)
    if rel in ("dernier", "last"):
        return base.year if there <= here else _add_years(base.year, -1)
    diff = there - here
    if diff >= 6 * 31:
        best = _add_years(base.year, -1)
    elif diff < -6 * 31:
        best = _add_years(base.year, 1)
    return best


def _deixis_base(ctx: _Context) -> tuple[_When | None, str]:
    """What "last year" or "two years ago" counts from.

    In news, the publication date. In a narrative history (a dated text whose
    years are far from its date), such words stand in quoted speech or free
    indirect style and count from the story's own time. Without a publication
    date there is nothing to count from: the caller says PAST_REF and the like.
    """
    if ctx.published is None:
        return None, "none"
    if not ctx.news and ctx.narrative is not None:
        return ctx.narrative, "narrative"
    return ctx.dct, "publication"


# A year closing the noun phrase a date word opens: "the Spring Offensive of
# 1918", "the June battles of 1916". Up to two words between, none of them a
# word that starts a new phrase or clause.
_PHRASE_YEAR = re.compile(r"(?:\s+(?!(?:the|a|an|and|or|but|was|were|is|are|had|has|when|"
                          r"which|that|who|while|after|before|until|since|le|la|les|et|qui|"
                          r"que|était|a|ont)\b)[A-Za-zÀ-ÿ][\w’'-]*){1,2}\s+(?:of|de|d'|en)\s*"
                          r"(?P<year>1\d{3}|20\d{2})(?![\d%]|[.,]\d)", re.IGNORECASE)


# Or closing a pair the date opens: "the spring and early summer of 1943",
# "l'été et l'automne 1916".
_PAIR_YEAR = re.compile(r"\s+(?:and|or|to|et|ou|à)\s+(?:[A-Za-zÀ-ÿ][\w’'-]*\s+){0,1}"
                        r"(?:spring|summer|autumn|fall|winter|printemps|été|automne|hiver|"
                        r"january|february|march|april|may|june|july|august|september|october|"
                        r"november|december|janvier|février|mars|avril|mai|juin|juillet|août|"
                        r"septembre|octobre|novembre|décembre)\s+(?:of\s+|de\s+|d'|en\s+)?"
                        r"(?P<year>1\d{3}|20\d{2})(?![\d%]|[.,]\d)", re.IGNORECASE)


def _phrase_year(ctx: _Context, end: int) -> int | None:
    """The year written later in the same phrase as a date without one, if any."""
    m = _PHRASE_YEAR.match(ctx.body, end, min(len(ctx.body), end + 60)) \
        or _PAIR_YEAR.match(ctx.body, end, min(len(ctx.body), end + 60))
    return int(m.group("year")) if m else None

