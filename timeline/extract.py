"""Find the date expressions in an article and give each its TIMEX3 value.

The work is split in three passes, each cheap on its own:

1. *Candidates.* Hand-written regular expressions, built from the word lists in
   ``timeline.extract_lexicon``, propose spans drawn the way TimeML draws them
   ("1966", not "in 1966"; "early October" with its modifier). They run over a
   lower-cased copy of the text, and only in windows around cheap trigger
   words. Overlaps are settled by keeping the longest span; a span whose
   value cannot be given is dropped and the overlaps settled again.
2. *Mode.* A text with a publication date whose explicit years sit near it,
   or that says "yesterday", "mardi", "18 h", reads as news; one whose years
   are far from it reads as narrative history. The mode decides what a bare
   "20 August", "in March" or "last year" is counted from.
3. *Values,* in reading order. Deictic expressions ("yesterday", "this week",
   "l'an dernier") are counted from the publication date in news; anaphoric
   ones ("the following year", "that day", "two days later") from the last
   date the narrative gave. A news date without its year or week ("mardi",
   "le 3 mars", "in June") falls on the side of the publication date that
   the tense of its clause points to ("présentera", "was held"). Nothing
   ever reads the machine's clock: without a publication date a deictic
   expression becomes PRESENT_REF, PAST_REF or FUTURE_REF.

dateparser is imported only when a candidate with a month name has passed
every cheap test; it normalises the month word (cached per spelling and
language), always told the language, never reading the clock.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from timeline import extract_lexicon as lex
from timeline.mention import Mention  # and EXTRACTOR_VERSION: bump it there on any change here

_LANGS = ("en", "fr")
# dateparser never sees the clock: relative words are resolved here, and this
# fixed base only fills parts that REQUIRE_PARTS already forbids it to invent.
_FIXED_BASE = datetime.datetime(2000, 1, 1)


# --------------------------------------------------------------------------
# Calendar values
# --------------------------------------------------------------------------

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


# --------------------------------------------------------------------------
# dateparser, used to normalise month names
# --------------------------------------------------------------------------
#
# Our patterns find the candidates and read the digits (day, year, era); the
# month word is what needs a language's knowledge ("févr.", "Sept.", "août",
# "juil"). dateparser knows month names and their abbreviations in some 200
# locales: its locale data reads the word first; a spelling the data lacks
# ("fevrier" without its accent) goes through dateparser's translation step,
# which normalises accents and forms, and then its full parser. Asking about
# the month word alone keeps the cache to a few dozen entries a language. The
# order is set by cost: the locale data comes with the import; the
# translation compiles some hundred regexes on first use (about 0.25 s); the
# full parser (DateDataParser) costs about 4 ms a call plus half a second of
# timezone-regex building. Paying those for every process would miss the 5x
# throughput target. Nothing here ever sees the machine's clock: the full
# parser gets a fixed RELATIVE_BASE, the one language it is told, and only
# its absolute-time parser.

_EN_MONTHS = {name: i + 1 for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}


@functools.lru_cache(maxsize=4)
def _dp_locale(lang: str):  # noqa: ANN202 - a dateparser Locale
    from dateparser.languages.loader import default_loader

    return default_loader.get_locale(lang)


@functools.lru_cache(maxsize=4)
def _date_parser(lang: str):  # noqa: ANN202 - a dateparser DateDataParser
    from dateparser.date import DateDataParser

    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["month"],
        "RELATIVE_BASE": _FIXED_BASE,
        "PARSERS": ["absolute-time"],
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "DMY" if lang == "fr" else "MDY",
    }
    return DateDataParser(languages=[lang], settings=settings)


@functools.lru_cache(maxsize=4)
def _dp_month_names(lang: str) -> dict[str, int]:
    """Month names and abbreviations of ``lang`` from dateparser's locale data."""
    try:
        info = _dp_locale(lang).info
    except Exception:  # missing locale data or an API change: use the other paths
        return {}
    return {name.lower().rstrip("."): number for key, number in _EN_MONTHS.items()
            for name in info.get(key, []) if isinstance(name, str)}


@functools.lru_cache(maxsize=1024)
def _dateparser_month(word: str, lang: str) -> int | None:
    """The month number of a month word in ``lang`` ("févr." -> 2), or None."""
    known = _dp_month_names(lang).get(word.lower().rstrip("."))
    if known is not None:
        return known
    try:
        from dateparser.conf import settings as dp_settings

        english = _dp_locale(lang).translate(word, settings=dp_settings)
    except Exception:  # missing locale data or an API change: try the full parser
        english = ""
    for tok in re.findall(r"[a-z]+", english.lower()):
        if tok in _EN_MONTHS:
            return _EN_MONTHS[tok]
    try:
        data = _date_parser(lang).get_date_data(word)
    except Exception:  # dateparser raises a variety of errors on odd input
        return None
    return data.date_obj.month if data is not None and data.date_obj is not None else None


# --------------------------------------------------------------------------
# Candidate patterns
# --------------------------------------------------------------------------

def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first so that "september" beats "sep"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                    sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Pattern:
    kind: str
    regex: re.Pattern[str]
    # Kinds whose span may grow to take in a modifier written before it.
    modifiable: bool = False
    # A cheap regex for a word every match contains: the full pattern only
    # runs in windows around its hits (see _windows).
    trigger: str = ""


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    match: re.Match[str]
    order: int
    modifiable: bool = False
    mod_start: int | None = None
    qty: str | None = None
    core_start: int = 0  # the start before any modifier was taken in


# Patterns run over a lower-cased copy of the body (much faster than
# IGNORECASE), so every literal in them is lower case.
_ERA_BC = r"(?:bce|bc|b\.c\.e\.|b\.c\.|av\.?\s*j\.?-?c\.?|avant\s+j\.?-?c\.?)"
# A bare "ad" is only taken where the original is written "AD" (see year_ad).
_ERA_AD = r"(?:a\.d\.|apr\.?\s*j\.?-?c\.?)"
_YEAR4 = r"(?:1\d{3}|20\d{2})"
_NOT_NUM_AFTER = r"(?![\d]|[.,]\d|\s*[%€$£]|\s*-\s*(?:year|an)s?\b)"
_ROMAN = r"(?:x{0,2}(?:ix|iv|v?i{0,3}))"


@functools.lru_cache(maxsize=4)
def _abbreviations(lang: str) -> frozenset[str]:
    """Names that shorten a longer name of the same month ("sept" of "september")."""
    names = lex.MONTHS[lang]
    return frozenset(k for k, v in names.items()
                     if any(o != k and names[o] == v and o.startswith(k) for o in names))


@functools.lru_cache(maxsize=4)
def _patterns(lang: str) -> tuple[_Pattern, ...]:
    """Compile the candidate patterns of one language (once, on first use)."""
    abbrs = _abbreviations(lang)
    full = _alt(k for k in lex.MONTHS[lang] if k not in abbrs)
    abbr = _alt(abbrs)
    # Only abbreviations take a full stop ("Sept."); a name at a sentence end does not.
    mon = rf"(?P<mon>(?:{full})(?![\w'])|(?:{abbr})\.?(?![\w']))"
    month_names = rf"(?:{_alt(lex.MONTHS[lang])})(?![\w'])"
    wds = _alt(lex.WEEKDAYS[lang])
    seasons = _alt(lex.SEASONS[lang])
    units = _alt(lex.UNITS[lang])
    numbers = _alt(list(lex.NUMBERS[lang]) + list(lex.VAGUE_QUANTITIES[lang]))
    ordinals = _alt(lex.ORDINALS[lang])
    refs = _alt(lex.REFERENCE_WORDS[lang])
    deictic_days = _alt(lex.DEICTIC_DAYS[lang])
    dayparts = _alt(lex.DAY_PARTS[lang])
    holidays = _alt(list(lex.HOLIDAYS[lang]) + list(lex.EASTER[lang]))
    decade_words = _alt(lex.DECADE_WORDS[lang])
    year = rf"(?P<year>{_YEAR4}|\d{{1,4}}(?=\s*{_ERA_BC}))(?:\s*(?P<era>{_ERA_BC}|{_ERA_AD}))?"
    p: list[tuple[str, str, bool]] = []
    if lang == "en":
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
        wd = rf"(?:(?P<wd>{wds}),?\s+)?"
        p += [
            ("dmy", rf"\b{wd}(?:the\s+)?{day}(?:\s+of)?\s+{mon},?\s+{year}\b", True),
            ("dmy", rf"\b{wd}{mon}\s+{day}(?:,?\s+|\s+of\s+){year}\b", True),
            ("my", rf"\b{mon}(?:,?\s+|\s+of\s+){year}\b", True),
            ("dm", rf"\b{wd}(?:the\s+)?{day}(?:\s+of)?\s+{mon}", True),
            ("dm", rf"\b{wd}{mon}\s+{day}(?!\s*(?:{_YEAR4}|\d+\s*(?:bc|ad)))", True),
            # The second day of a range keeps the month of the first: "April 6-7".
            ("dm_tail", rf"\b{mon}\s+[0-3]?\d\s*(?:-|–|and|to|&)\s*(?P<span>{day}"
                        rf"(?:,?\s+{year}\b)?)", False),
            ("dm_head", rf"\b(?P<span>{day})\s*(?:-|–|and|to|&)\s*[0-3]?\d(?:st|nd|rd|th)?"
                        rf"\s+{mon}", True),
            *(("mon_ofyear", rf"\b{head}\s+(?:of\s+)?(?:that|the\s+same|the\s+following|"
                             r"the\s+next|the\s+previous)\s+year\b", True)
              for head in (rf"{mon}\s+{day}", rf"{day}\s+{mon}", mon)),
            ("holiday", rf"\b(?P<hol>{holidays})(?:,?\s+(?:of\s+)?{year})?\b", True),
            # The first of a range takes the year written after the second:
            # "between May and August 1916", "June 28 to July 2, 1863".
            *(("range_head", rf"\b(?P<span>{head})\s*"
                             rf"(?:-|–|and|to|until|till|through)\s*(?:the\s+)?"
                             rf"(?:[0-3]?\d(?:st|nd|rd|th)?(?:\s+of)?\s+)?(?P<mon2>{month_names})"
                             rf"\.?(?:\s+[0-3]?\d(?:st|nd|rd|th)?)?,?\s+{year}\b", True)
              for head in (rf"{mon}(?:\s+{day})?", rf"{day}(?:\s+of)?\s+{mon}")),
            ("m", rf"\b(?:(?P<rel>last|next)\s+)?{mon}", True),
            # A day of the month the story is in: "on the 14th, the garrison ...".
            ("day_only", r"\b(?:on|by|until|till|from|since|after|before)\s+"
                         r"(?P<span>the\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th))"
                         r"(?=\s*(?:[,.;:)!?]|$|(?:and|or|to|when|as|at|in|the|a|an|he|she|it|"
                         r"they|we|his|her|their|its|with|after|before|until|while)\b))",
             False),
            ("century", rf"\b(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordinals})"
                        rf"[\s-]+centur(?:y|ies)(?:\s+(?P<era>{_ERA_BC}|{_ERA_AD}))?", True),
            # The first of two: "the 18th and 19th centuries".
            ("century", rf"\b(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordinals})"
                        rf"(?=\s+(?:and|or|to|-|–)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|"
                        rf"{ordinals})[\s-]+centuries)", True),
            # Two digits only after "the": "in their 60s" is an age.
            ("decade", r"\b(?:the\s+)?(?:years\s+)?(?P<dec>\d{2,3}0|(?<=the\s)\d0)'?s(?:\s+(?P<era>"
                       rf"{_ERA_BC}))?\b", True),
            ("decade", r"\b(?:the\s+)?'(?P<dec2>\d0)s\b", True),
            ("decade", rf"\bthe\s+(?P<decw>{decade_words})\b", True),
            # The second of two keeps the century of the first: "the 1960s and 70s".
            ("decade", r"\b(?P<head>1\d|20)\d0'?s\s*(?:and|or|to|-|–)\s*(?:the\s+)?"
                       r"(?P<span>(?P<dec>\d0)s)\b", False),
            ("season_y", rf"\b(?:the\s+)?(?P<season>{seasons})(?:\s+of)?,?\s+{year}\b", True),
            ("season_rel", rf"\b(?P<step>this|next|last|that|the\s+following|the\s+previous|"
                           rf"the\s+same|the\s+next)\s+(?P<season>{seasons})\b", True),
            ("season", rf"\b(?:the\s+)?(?P<season>{seasons})\b(?!\s+of\b)", True),
            ("half", r"\b(?:the\s+)?(?P<half>first|second|latter|last)\s+half\s+of\s+"
                     rf"(?:(?P<thisyear>the\s+year|that\s+year)|(?P<deic>last|this|next)\s+year|"
                     rf"{year})", False),
            ("quarter", r"\b(?:the\s+)?(?P<q>first|second|third|fourth|last|final)\s+quarter"
                        rf"\s+of\s+(?:(?P<thisyear>the\s+year|that\s+year)|"
                        rf"(?P<deic>last|this|next)\s+year|{year})", False),
            # A quarter without its year is the reporting year's ("third-quarter profit").
            ("quarter", r"\b(?:the\s+)?(?P<q>first|second|third|fourth)[\s-]+quarter\b"
                        r"(?P<thisyear>)(?!\s+of\b)", False),
            # Business shorthand: "Q3 2025", "H1 2009" (capitals checked in _written_as_name).
            ("quarter", rf"\b(?P<qh>q[1-4]|h[12])\s*(?:of\s+)?{year}\b", False),
            ("year_tail", r"(?<=[12]\d\d\d[-–/])(?P<tail>\d{2})\b(?!\s*(?:%|-))", False),
            ("year", r"(?<=[12]\d\d\d/)(?P<year>1\d{3}|20\d{2})\b", True),
            *_numeric_date_patterns("en"),
            ("year_bc_head", r"\b(?P<year>\d{1,4})(?=\s*(?:-|–|to|and)\s*\d{1,4}\s*"
                             rf"{_ERA_BC})", True),
            ("year", rf"(?<![\d$£€#/.,]){year}{_NOT_NUM_AFTER}(?:\b|(?<=\.))", True),
            # A year of one to three digits named as one: "the year 800".
            ("year_word", r"\bthe\s+year\s+(?P<year>\d{1,3})(?![\d%]|[.,]\d|\s*(?:bc|b\.c))\b",
             True),
            ("year_ad", r"\b(?:ad|a\.d\.)\s+(?P<year>\d{1,4})\b", True),
            ("year_ad", r"\b(?P<year>\d{1,4})\s+ad\b", True),
            ("year_small", r"\b(?:in|of|by|until|since|from|to|after|before)\s+"
                           r"(?P<span>(?P<year>\d{3}))(?![\d,.%])\b", True),
            # The count before the unit ("two", "a few", "almost 20") is
            # taken in by _take_quantity: starting on the unit keeps this fast.
            ("ago", rf"\b(?P<unit>{units})\s+(?P<dir>ago)\b", False),
            # "before"/"after" followed by a noun phrase count from an event
            # ("days after the ceremony"), not from the narrative date.
            ("later", rf"\b(?P<unit>{units})\s+"
                      r"(?P<dir>later|earlier|afterwards?|previously|"
                      r"(?:before|after)(?!\s+(?:the|a|an|his|her|their|its|this|that)\b))\b",
             False),
            ("anaphor", r"\b(?P<step>the\s+following|the\s+next|the\s+previous|the\s+preceding|"
                        r"the\s+subsequent|the\s+same|that\s+same|that|the\s+prior)\s+"
                        rf"(?P<unit>day|week|weekend|month|year|decade|century|{dayparts})\b",
             True),
            ("anaphor", r"\bthe\s+(?P<unit>day|year|month|week)\s+(?P<step2>before|after|"
                        r"following)\b(?!\s+(?:the|a|an|his|her|their|its|this|that)\b)",
             False),
            ("same_time", r"\b(?P<what>(?:the\s+same|that)\s+(?:time|date))\b",
             False),
            # "the last week of May" is part of May, not the week before this one.
            ("deictic_unit", rf"\b(?<!\bthe\s)(?P<step>this\s+past|this\s+coming|this|next|last|"
                             rf"the\s+coming)\s+(?P<unit>{units})\b(?!\s+of\b)", True),
            ("deictic_day", rf"\b(?P<dd>{deictic_days})\b", True),
            ("weekday", rf"\b(?:(?P<step>this\s+past|this\s+coming|this|next|last|that)\s+)?"
                        rf"(?P<wd>{wds})\b(?:\s+(?P<part>{dayparts}))?", True),
            ("clock", r"(?<![\w:.,])(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)\s*(?:a\.m\.|p\.m\.|am\b|pm\b)",
             False),
            ("clock", r"(?<![\w:.,])(?P<h>1[0-2]|0?[1-9])\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", False),
            ("clock", r"\b(?:at|by|until|till|from|before|after|around|about|since|to)\s+"
                      r"(?P<span>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d))(?![\d:])", False),
            ("noon", r"\b(?:noon|midnight)\b", False),
            # "the past two weeks" is a duration, not the past.
            ("ref", rf"(?<![\w-])(?P<ref>{refs})(?![\w-])"
                    rf"(?!\s+(?:\d|{numbers}|{units})\b)", False),
            ("end_of_unit", r"\b(?:the\s+(?:end|beginning|start|middle|rest|remainder|"
                            r"(?:latter|early|later|first|last)\s+(?:part|months|days))\s+of|"
                            r"(?:later|earlier|early|late)\s+in)\s+the\s+"
                            r"(?P<unit>year|month|week|decade|century)\b", False),
        ]
    else:
        day = r"(?P<day>1er|[0-3]?\d)(?![\d:])"
        wd = rf"(?:(?P<wd>{wds})\s+)?"
        # Two-digit years ("octobre 98") only where no word follows: "le 7 mars
        # 12 personnes" counts people.
        fr_year = rf"(?P<year>{_YEAR4}|\d{{1,4}}(?=\s*{_ERA_BC})|'?\d{{2}}(?!\d)(?!\s+[^\W\d_]))" \
                  rf"(?:\s*(?P<era>{_ERA_BC}|{_ERA_AD}))?"
        p += [
            ("dmy", rf"\b(?:le\s+)?{wd}{day}\s+{mon}\s+{fr_year}\b(?!\s*(?:h\b|%|[.,]\d))", True),
            ("my", rf"\b{mon}\s+(?:de\s+l'(?:an|année)\s+)?{fr_year}\b(?!\s*(?:h\b|%|[.,]\d))",
             True),
            ("dm", rf"\b(?:le\s+)?{wd}{day}\s+{mon}(?:\s+(?P<rel>dernier|prochain)s?)?", True),
            ("dm_head", rf"\b(?P<span>(?:les\s+)?{day})\s*(?:-|–|et|au|à)\s*(?:le\s+)?"
                        rf"(?:1er|[0-3]?\d)\s+{mon}", True),
            # "entre mai et août 1916", "du 3 mai au 4 juin 1916".
            *(("range_head", rf"\b(?P<span>{head})\s*(?:-|–|et|à|au)\s*"
                             rf"(?:le\s+)?(?:(?:1er|[0-3]?\d)\s+)?(?P<mon2>{month_names})\.?"
                             rf"\s+{fr_year}\b(?!\s*(?:h\b|%|[.,]\d))", True)
              for head in (rf"(?:le\s+)?{day}\s+{mon}", mon)),
            ("m", rf"\b(?:(?:le\s+)?mois\s+d(?:e\s+|'))?{mon}(?:\s+(?P<rel>dernier|prochain))?",
             True),
            ("century", rf"\b(?:le\s+)?(?P<ord>\d{{1,2}}|{_ROMAN})(?:e|è|ème|eme|er)\s+"
                        rf"siècles?(?:\s+(?P<era>{_ERA_BC}|{_ERA_AD}))?", True),
            ("decade", r"\b(?:les\s+)?années\s+(?P<dec>(?:1[0-9]|20)?\d0)\b", True),
            ("decade", rf"\b(?:les\s+)?années\s+(?P<decw>{decade_words})\b", True),
            # "les années 1960 et 1970", "les années 60 et 70": the second is a decade too.
            ("decade", r"\bannées\s+(?P<head>1\d|20)?\d0\s*(?:et|à|ou|,|-|–)\s*"
                       r"(?P<span>(?P<dec>(?:1\d|20)?\d0))\b(?!\s*(?:%|[.,]\d))", False),
            ("season_y", rf"\b(?:l'|le\s+)?(?P<season>{seasons})\s+(?:de\s+)?{year}\b",
             True),
            ("season_rel", r"\b(?:(?P<this>cet|ce|cette)\s+(?P<season>" + seasons + r")|"
                           r"(?:l'|le\s+|(?<=\bau\s))(?P<season2>" + seasons + r")\s+"
                           r"(?P<rel>dernier|"
                           r"prochain|passé|suivant|précédent))\b", True),
            # "été" is mostly the participle of "être": a season only after a
            # word that introduces one ("en été", "l'été", "au printemps").
            # (A sentence may also open on it: "Été comme hiver, ...".)
            ("season", rf"(?:\b(?:les\s+mois\s+d'|l'|le\s+)|(?<=\ben\s)|(?<=\bau\s)|"
                       rf"(?<=[.!?]\s)|(?<=\n)|^)(?P<season>{seasons})\b",
             True),
            # "le deuxième trimestre 2009", "au premier semestre": a quarter or a
            # half of the year written, else of the reporting year.
            ("quarter", r"\b(?:(?:le|ce)\s+)?(?P<fq>premier|1er|deuxième|2e|second|troisième|3e|"
                        r"quatrième|4e|dernier)\s+(?P<fu>trimestre|semestre)"
                        rf"(?:\s+(?:de\s+(?:l'(?:année|an)\s+)?)?{year}\b|(?P<thisyear>))", False),
            ("year", rf"(?<![\d$£€#/.,])(?:l'(?:année|an)\s+)?{year}{_NOT_NUM_AFTER}(?:\b|(?<=\.))",
             True),
            # "en l'an 800": a short year named as one.
            ("year_word", r"\bl'an(?:née)?\s+(?P<year>\d{1,3})(?![\d%]|[.,]\d|\s*av)\b", True),
            ("year_tail", r"(?<=[12]\d\d\d[-–/])(?P<tail>\d{2})\b(?!\s*(?:%|-))", False),
            ("year", r"(?<=[12]\d\d\d/)(?P<year>1\d{3}|20\d{2})\b", True),
            *_numeric_date_patterns("fr"),
            ("ago", rf"\bil\s+y\s+a\s+(?:(?:près\s+de|environ|plus\s+de|moins\s+de)\s+)?"
                    rf"(?:(?P<num>\d+|{numbers})\s+)?(?P<unit>{units})\b", False),
            ("later", rf"\b(?P<unit>{units})\s+"
                      r"(?P<dir>plus\s+tard|plus\s+tôt|auparavant|après|avant)\b"
                      r"(?!\s+(?:le|la|les|l'|un|une|son|sa|ses|leur)\b)", False),
            # "ce jour-là", "cette année-là": that day, that year (of the story).
            ("anaphor", r"\b(?:ce|cet|cette)\s+(?P<unit>jour|matin|soir|nuit|après-midi|semaine|"
                        r"mois|année|an)-là\b", True),
            ("anaphor", r"\b(?:(?:le|la|l')\s*(?P<unit>jour|lendemain|veille|semaine|mois|année|an)"
                        r"\s+(?P<stepw>suivante?|précédente?|même|d'après|d'avant)|"
                        r"le\s+même\s+(?P<unit2>jour|mois)|(?P<lend>le\s+lendemain|la\s+veille|"
                        r"l'avant-veille|le\s+surlendemain))\b", True),
            ("deictic_fr", r"\b(?:(?P<this>ce|cet|cette)\s+(?P<unit>semaine|mois|année|an|"
                           r"week-end|weekend)(?:-ci)?|"
                           r"(?:la|le|l')\s*(?P<unit2>semaine|mois|année|an|week-end|weekend)\s+"
                           r"(?P<rel>dernière|dernier|prochaine|prochain|passée|passé)|"
                           r"(?P<new>la\s+nouvelle\s+année))\b", True),
            ("deictic_day", rf"(?<![\w-])(?P<dd>{deictic_days})(?:\s+(?:{wds}))?"
                            rf"(?:\s+(?P<part>{dayparts}))?(?![\w-])", True),
            ("holiday", rf"(?<![\w-])(?P<hol>{holidays})(?:\s+{fr_year})?(?![\w-])", True),
            ("same_time", r"\b(?P<what>(?:ce\s+moment(?:[\s-]+là)?|la\s+même\s+époque|"
                          r"cette\s+époque|ce\s+moment-là))", False),
            ("weekday", rf"\b(?:la\s+)?(?:nuit|soirée|matinée|journée)\s+d[eu]\s+(?P<wd>{wds})\b"
                        rf"(?:\s+(?:à|au)\s+(?:{wds})\b)?",
             False),
            ("weekday", rf"\b(?:(?P<this>ce|ce\s+même)\s+)?(?P<wd>{wds})\b(?!s)"
                        rf"(?:\s+(?P<rel>dernier|prochain))?(?:\s+(?P<part>{dayparts}))?",
             False),
            ("clock", r"(?<![\w,.])(?P<h>[0-2]?\d)\s*h\s*(?P<mi>[0-5]\d)?(?![\w])", False),
            ("clock", r"\b(?:à|vers|dès|avant|après|jusqu'à)\s+(?P<span>(?P<h>[0-2]?\d)\s*heures?"
                      r"(?:\s*(?P<mi>[0-5]\d))?)\b", False),
            ("clock", r"\b(?:à|vers|dès|avant|après|jusqu'à)\s+"
                      r"(?P<span>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d))(?![\d:])", False),
            ("noon", r"(?<![\w-])(?:midi|minuit)(?![\w-])", False),
            # "dans la nuit", "pendant la soirée": a part of the day the text is
            # on; "la nuit tombe tôt en hiver" is no date.
            ("dayparts_fr", r"(?:(?<=\bdans\s)|(?<=\bpendant\s)|(?<=\bdurant\s)|(?<=\btoute\s)|"
                            r"(?<=\bdès\s)|(?<=\bvers\s)|(?<=\bdepuis\s)|(?<=\bde\s))"
                            r"(?P<what>la\s+nuit|la\s+soirée|la\s+matinée)\b|"
                            r"\b(?P<what2>le\s+matin\s+même|le\s+soir\s+même)\b", False),
            ("ref", rf"(?<![\w-])(?P<ref>{refs})(?![\w-])", False),
            ("end_of_unit", r"\b(?:(?:la\s+|le\s+)?(?:fin|début|milieu)\s+"
                            r"(?:de\s+l'|du\s+|de\s+la\s+)|"
                            r"(?<=\ben\s)(?:fin|début|milieu)\s+(?:d'|de\s+))"
                            r"(?P<unit>année|an|mois|semaine)\b(?!\s+(?:dernière?|prochaine?|passée?))",
             False),
        ]
    triggers = _triggers(lang)
    return tuple(_Pattern(kind, re.compile(rx), mod, triggers[kind]) for kind, rx, mod in p)


def _numeric_date_patterns(lang: str) -> list[tuple[str, str, bool]]:
    """ISO dates, and day/month/year written in digits in the language's order
    (7/3/1966 is 3 July in English, 7 March in French)."""
    first, second = ("mo", "day") if lang == "en" else ("day", "mo")
    return [
        ("numeric", r"(?<![\w/.-])(?P<year>1\d{3}|20\d{2})-(?P<mo>[01]\d)-(?P<day>[0-3]\d)"
                    r"(?![\w/-]|\.\d)", False),
        ("numeric", r"(?<![\w/.-])(?P<year>1\d{3}|20\d{2})([/.])(?P<mo>[01]?\d)\2(?P<day>[0-3]?\d)"
                    r"(?![\w/-]|\.\d)", False),
        ("numeric", rf"(?<![\w/.-])(?P<{first}>[0-3]?\d)([/.-])(?P<{second}>[0-3]?\d)\2"
                    r"(?P<year>1\d{3}|20\d{2})(?![\w/-]|\.\d)", False),
    ]


def _triggers(lang: str) -> dict[str, str]:
    """For each kind, words one of which every match of that kind contains.

    They start with a literal, so the regex engine scans for them quickly.
    """
    months = rf"(?:{_alt(lex.MONTHS[lang])})(?![a-zé])"
    units = _alt(list(lex.UNITS[lang]) + list(lex.DAY_PARTS[lang]) +
                 ["lendemain", "veille", "surlendemain"])
    digit = r"[0-9]+"
    table = {
        "dmy": months, "my": months, "dm": months, "dm_tail": months, "dm_head": months,
        "mon_ofyear": months, "m": months, "range_head": months,
        "day_only": r"[0-9](?:st|nd|rd|th)\b",
        "holiday": _alt(list(lex.HOLIDAYS[lang]) + list(lex.EASTER[lang])),
        "century": r"(?:centur|siècle)",
        "decade": rf"(?:0'?s|années|{_alt(lex.DECADE_WORDS[lang])})",
        "season_y": _alt(lex.SEASONS[lang]), "season_rel": _alt(lex.SEASONS[lang]),
        "season": _alt(lex.SEASONS[lang]), "half": r"half",
        "quarter": r"(?:quarter|trimestre|semestre|\b[qh][1-4])",
        "year_tail": digit, "year_bc_head": digit, "year": digit, "year_ad": digit,
        "year_small": digit, "clock": digit, "numeric": digit, "year_word": digit,
        "ago": r"ago\b" if lang == "en" else r"y\s+a\b", "later": units, "anaphor": units,
        "same_time": r"(?:time|period|point|date|moment|époque)",
        "deictic_unit": units, "deictic_fr": rf"(?:{units}|nouvelle)",
        "deictic_day": _alt(lex.DEICTIC_DAYS[lang]), "weekday": _alt(lex.WEEKDAYS[lang]),
        "ref": _alt(lex.REFERENCE_WORDS[lang]),
        "end_of_unit": r"(?:the\s+(?:year|month|week|decade|century)|fin|début|milieu)",
        "noon": r"(?:midi|minuit|noon|midnight)",
        "dayparts_fr": r"(?:nuit|soirée|matinée|matin|soir)",
    }
    return table


_MARGIN = 48  # characters of context a window keeps around a trigger word


def _snap_back(low: str, i: int) -> int:
    """Move a window start back onto a blank, so that lookbehinds and \\b see
    a real character before every match (the engine treats ``pos`` as the
    start of the string)."""
    lo = max(0, i - 200)  # bounded, so a text without blanks stays linear
    j = max(low.rfind(" ", lo, i + 1), low.rfind("\n", lo, i + 1))
    return j if j >= 0 else lo


def _snap_forward(low: str, i: int) -> int:
    hi = min(len(low), i + 200)
    cands = [k for k in (low.find(" ", i, hi), low.find("\n", i, hi)) if k >= 0]
    return min(cands) + 1 if cands else hi


def _windows(low: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged stretches of text around the trigger's hits."""
    out: list[tuple[int, int]] = []
    for m in trigger.finditer(low):
        a = _snap_back(low, max(0, m.start() - _MARGIN))
        if out and a <= out[-1][1]:
            if m.end() + _MARGIN > out[-1][1]:
                out[-1] = (out[-1][0], _snap_forward(low, m.end() + _MARGIN))
            continue
        out.append((a, _snap_forward(low, m.end() + _MARGIN)))
    return out


# Modifiers written before a date that TimeML keeps inside its span.
_EN_MOD = re.compile(
    r"(?<![\w-])(?:(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|rest|remainder|"
    r"turn|dawn|height|latter\s+part|early\s+part|first\s+part|later\s+part|early\s+months|"
    r"last\s+months|closing\s+months|final\s+months|early\s+days|last\s+days|final\s+days|"
    r"(?:first|second|third|fourth|last|final)\s+week)\s+"
    r"of\s+(?:the\s+)?|(?:the\s+)?(?:early|mid|late|middle)(?:\s*-\s*|\s+)|"
    r"(?:early|late|later|mid)\s+in\s+(?:the\s+)?|(?:ca\.|c\.|circa)\s*|"
    r"(?:later|earlier)\s+|"
    r"the\s+years\s+|"
    r"(?:(?:early\s+in\s+)?the\s+)?(?:(?:early\s+)?morning|afternoon|evening|night|"
    r"early\s+morning\s+hours|early\s+hours)\s+of\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_FR_MOD = re.compile(
    r"(?<![\w-])(?:(?:le\s+|la\s+)?(?:début|fin|milieu|"
    r"mi)(?:\s*-\s*|\s+)(?:de\s+l'|du\s+|de\s+la\s+|des\s+|de\s+|d')?|courant\s+|"
    r"(?:la\s+)?(?:nuit|soirée|matinée)\s+du\s+)$",
    re.IGNORECASE,
)

_KIND_RANK = {  # on equal length, the more specific reading wins
    "dmy": 0, "numeric": 0, "range_head": 0, "my": 1, "season_y": 1, "half": 1, "quarter": 1,
    "dm": 2, "century": 2, "decade": 2, "mon_ofyear": 2,
}


@functools.lru_cache(maxsize=128)
def _trigger_rx(trigger: str) -> re.Pattern[str]:
    return re.compile(trigger)


def _finditer_windows(rx: re.Pattern[str], low: str,
                      windows: list[tuple[int, int]]) -> Iterable[re.Match[str]]:
    for a, b in windows:
        yield from rx.finditer(low, a, b)


def _lower_same_length(body: str) -> str:
    """Lower-case ``body`` keeping every offset (a few letters grow when lowered),
    with typographic apostrophes made straight ("aujourd’hui", "l’an dernier")."""
    low = body.lower()
    if len(low) != len(body):
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in body)
    return low.replace("’", "'")


def _find_candidates(body: str, lang: str) -> list[_Cand]:
    """Every candidate any pattern proposes, overlapping ones included."""
    found: list[_Cand] = []
    low = _lower_same_length(body)
    windows: dict[str, list[tuple[int, int]]] = {}
    for order, pat in enumerate(_patterns(lang)):
        if pat.trigger not in windows:
            windows[pat.trigger] = _windows(low, _trigger_rx(pat.trigger))
        for m in _finditer_windows(pat.regex, low, windows[pat.trigger]):
            if "span" in m.re.groupindex and m.group("span") is not None:
                a, b = m.span("span")
            else:
                a, b = m.span()
            # Trailing blanks or punctuation never belong to a span.
            while b > a and body[b - 1] in " \t\n,;:":
                b -= 1
            if b <= a:
                continue
            if not _written_as_name(m, body, lang, pat.kind):
                continue
            c = _Cand(a, b, pat.kind, m, order, modifiable=pat.modifiable)
            if pat.kind in ("ago", "later") and "num" not in pat.regex.groupindex:
                _take_quantity(c, low, lang)
            c.core_start = c.start
            found.append(c)
    return found


def _choose(found: list[_Cand], body: str, lang: str) -> list[_Cand]:
    """Settle overlaps, then let the kept spans take in their modifiers.

    Modifiers are taken in only after the spans are chosen, so that "the
    night of" never makes a bare month outrank the full date it stands in.
    """
    mod_rx = _EN_MOD if lang == "en" else _FR_MOD
    for c in found:
        c.start, c.mod_start = c.core_start, None
    kept = _select(found)
    prev_end = 0
    for c in kept:
        if c.modifiable:
            head = body[max(prev_end, c.start - 60):c.start]
            mm = mod_rx.search(head)
            if mm:
                c.mod_start = c.start - (len(head) - mm.start())
                c.start = c.mod_start
        prev_end = c.end
    return kept


@functools.lru_cache(maxsize=4)
def _quantity_rx(lang: str) -> re.Pattern[str]:
    numbers = _alt(list(lex.NUMBERS[lang]) + list(lex.VAGUE_QUANTITIES[lang]))
    hedges = _alt(lex.HEDGES[lang])
    return re.compile(rf"(?<![\w-])(?:(?:{hedges})\s+)?"
                      rf"(?P<num>\d+|(?:{numbers})(?:(?:-|\s+et\s+)(?:{numbers}))*)\s+$")


def _take_quantity(c: _Cand, low: str, lang: str) -> None:
    """Extend a "later"/"ago" span back over its count ("almost two decades")."""
    head = low[max(0, c.start - 40):c.start]
    m = _quantity_rx(lang).search(head)
    if m:
        c.start -= len(head) - m.start()
        c.qty = m.group("num")


def _written_as_name(m: re.Match[str], body: str, lang: str, kind: str) -> bool:
    """Case tests, done before overlaps are settled so that a rejected long
    reading ("1966 ad campaigns") cannot hide a good short one ("1966").

    English writes months, weekdays and feasts as names: "may" and "march"
    in lower case are words. "AD" is an era only in capitals.
    """
    if kind == "year_ad":
        return bool(re.search(r"A\.?D", body[m.start():m.end()]))
    if "qh" in m.re.groupindex and m.group("qh") is not None:
        return body[m.start("qh")].isupper()
    if lang != "en":
        return True
    for group in ("mon", "wd", "hol"):
        if group in m.re.groupindex and m.group(group) is not None:
            if not body[m.start(group):m.start(group) + 1].isupper():
                return False
    return True


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Keep non-overlapping candidates, longest first (ties: more specific, earlier)."""
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), _KIND_RANK.get(c.kind, 5),
                                          c.order, c.start))
    taken = bytearray(max((c.end for c in cands), default=0))  # 1 = inside a kept span
    kept: list[_Cand] = []
    for c in ranked:
        if taken.find(1, c.start, c.end) >= 0:
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    kept.sort(key=lambda c: (c.start, c.end))
    return kept


# --------------------------------------------------------------------------
# Resolution context
# --------------------------------------------------------------------------

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

    @property
    def dct(self) -> _When | None:
        return _from_date(self.published) if self.published else None

    def anaphora_base(self) -> tuple[_When | None, str]:
        """What "the following day" or "two years later" is counted from."""
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


def _year_of(m: re.Match[str], lang: str) -> int | None:
    """The year written in a match, with its era (490 BC -> -490, '98 -> 1998)."""
    raw = m.groupdict().get("year")
    if raw is None:
        return None
    raw = raw.lstrip("'")
    y = int(raw)
    era = m.groupdict().get("era")
    if era and re.match(_ERA_BC, era, re.IGNORECASE):
        return -y if y > 0 else None
    if len(raw) == 2 and lang == "fr" and not era:
        return 1900 + y if y >= 30 else 2000 + y
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
    if diff > 6 * 31:
        best = _add_years(base.year, -1)
    elif diff < -6 * 31:
        best = _add_years(base.year, 1)
    return best


# --------------------------------------------------------------------------
# Tense: which way a news date without a year or week points
# --------------------------------------------------------------------------
#
# "Le ministre présentera son projet mardi" is next Tuesday; "il a voté
# mardi" the last one. A clause's tense is read from the verb form nearest
# the date in its clause: auxiliaries and irregular forms from the lexicon,
# regular ones from their endings. Nothing here parses: a wrong guess only
# costs the choice a bare date already had to make, and a date is moved only
# when the nearest-year choice contradicts the tense.

_TENSE_REACH = 100  # characters either side of a date a verb may stand
_CLAUSE_BREAK = re.compile(r"[;:«»“”\"()\[\]—]")
# "since March", "depuis le 3 février": a start already behind the writer.
_SINCE_BEFORE = re.compile(r"\b(?:since|depuis)\s+(?:le\s+)?$", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def _tense_rx(lang: str) -> re.Pattern[str]:
    fut = _alt(lex.FUTURE_WORDS[lang])
    past = _alt(lex.PAST_WORDS[lang])
    if lang == "en":
        # Regular pasts and participles ("voted", "has opened"); not "-eed"
        # words ("need", "proceed") nor "hundred".
        # A participle after a form of "be" is passive, not past: the
        # auxiliary before it tells the tense ("will be reviewed").
        fut_forms = r"(?!)"
        past_forms = (r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )"
                      r"[a-z]+[^e\W]ed(?<!hundred)")
    else:
        # Simple futures ("présentera", "viendront", "pourra", "aura") and
        # imperfects ("votait"), participles after "est"/"sont" ("est arrivé").
        fut_forms = (r"[a-zéèêàâîôûç]+(?:era|eront|erons|erez|erai|ira|iront|dra|dront|"
                     r"rra|rront|vra|vront)(?<!opéra)(?<!caméra)(?<!choléra)")
        past_forms = (r"[a-zéèêàâîôûç]{2,}(?:ait|aient)(?<!souhait)(?<!trait)(?<!lait)|"
                      r"(?:est|sont)\s+"
                      r"(?:(?:pas|plus|déjà|bien|toujours|aussi|encore|jamais|enfin|ainsi|"
                      r"finalement|alors)\s+)?[a-zéèêàâîôûç]+(?:é|ée|és|ées|i|ie|is|"
                      r"ise|ies|u|ue|us|ues|ts?|tes?)")
    # An elided pronoun may stand before the verb ("s'est noyée", "l'a dit").
    return re.compile(rf"(?<![\w-])(?:(?P<fut>(?i:{fut})|{fut_forms})|"
                      rf"(?P<past>(?i:{past})|{past_forms}))(?![\w-])")


def _tense(c: _Cand, ctx: _Context) -> int:
    """+1 if the clause around a candidate looks ahead, -1 if it looks back, 0
    when it does not say: the tense marker nearest the candidate decides."""
    best: tuple[int, int] | None = None
    lo = max(ctx.sentence, c.start - _TENSE_REACH)
    hi = min(ctx.sentence_end, c.end + _TENSE_REACH)
    cut = _CLAUSE_BREAK.search(ctx.body[lo:c.start][::-1])
    if cut:
        lo = c.start - cut.start()
    cut = _CLAUSE_BREAK.search(ctx.body, c.end, hi)
    if cut:
        hi = cut.start()
    for m in _tense_rx(ctx.lang).finditer(ctx.body, lo, hi):
        if m.start() < c.end and m.end() > c.start:
            continue  # a word of the date itself ("mars dernier")
        dist = c.start - m.end() if m.end() <= c.start else m.start() - c.end
        if best is None or dist < best[0]:
            best = (dist, 1 if m.group("fut") is not None else -1)
    return best[1] if best else 0


_TENSE_GRACE = datetime.timedelta(days=7)  # publication dates are often a day or two off
# A past clause about a date weeks ahead is common ("announced it will close
# on 30 October" read badly, an infinitive "avant de quitter ... le 30
# octobre"): only a date months ahead is moved back.
_PAST_GRACE = datetime.timedelta(days=62)


def _tense_year(w: _When, ctx: _Context, c: _Cand) -> _When:
    """A news date the nearest-year rule placed on the wrong side of the
    publication date for its clause's tense moves a year."""
    pub = ctx.published
    if pub is None or w.month is None or w.year < 1:
        return w
    since = bool(_SINCE_BEFORE.search(ctx.body[max(0, c.start - 12):c.start]))
    tense = -1 if since else _tense(c, ctx)
    if not tense:
        return w
    if w.day is None:
        ahead = (w.year * 12 + w.month) - (pub.year * 12 + pub.month)
        wrong = ahead < 0 if tense > 0 else ahead > (0 if since else 1)
    else:
        d = w.as_date()
        if d is None:
            return w
        wrong = d < pub - _TENSE_GRACE if tense > 0 else \
            d > pub + (datetime.timedelta(days=1) if since else _PAST_GRACE)
    if not wrong:
        return w
    moved = _When(_add_years(w.year, tense), w.month, w.day)
    if w.day is not None and not _valid(moved.year, moved.month, w.day):
        return w
    return moved


# --------------------------------------------------------------------------
# Resolvers, one per kind
# --------------------------------------------------------------------------

def _r_dmy(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    month, day, year = _month(m, ctx.lang), _day(m), _year_of(m, ctx.lang)
    if month is None or day is None or year is None:
        return None
    month = _normalise_month(m, ctx.lang, month)
    if not _valid(year, month, day):
        return None
    w = _When(year, month, day)
    return w.timex(), "explicit", w


def _r_my(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    month, year = _month(m, ctx.lang), _year_of(m, ctx.lang)
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
    written = _year_of(m, ctx.lang)
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
    if anchor == "publication" and rel is None:
        w = _tense_year(w, ctx, c)
    return w.timex(), anchor, w


@functools.lru_cache(maxsize=4)
def _range_year_rx(lang: str) -> re.Pattern[str]:
    """What may follow a day whose year is written after the range it opens
    or closes: the other day, its month, then the year."""
    month_names = _alt(lex.MONTHS[lang])
    return re.compile(
        r"(?:\s*(?:-|–|and|to|until|through|&|et|au|à)\s*(?:le\s+)?[0-3]?\d(?:st|nd|rd|th|er)?"
        rf"(?:\s+(?:of\s+)?(?:{month_names})\.?)?)?,?\s+(?P<year>1\d{{3}}|20\d{{2}})"
        r"(?![\d%]|[.,]\d)", re.IGNORECASE)


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
    rel = (m.groupdict().get("rel") or "").lower() or None
    base, anchor = ctx.bare_base()
    if base is None:
        return f"XXXX-{month:02d}", "none", None
    year = _nearest_year(base, month, None, rel)
    w = _When(year, month)
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
    month, day, year = _month(m, ctx.lang), _day(m), _year_of(m, ctx.lang)
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


def _r_mon_ofyear(c: _Cand, ctx: _Context) -> _Result:
    """ "June of that year", "June 3 of the same year"."""
    m = c.match
    month, day = _month(m, ctx.lang), _day(m)
    if month is None:
        return None
    month = _normalise_month(m, ctx.lang, month)
    if day is not None and not _valid(2000, month, day):
        return None
    base, anchor = ctx.anaphora_base()
    if base is None:
        return None
    text = c.match.group(0).lower()
    year = base.year
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


def _r_holiday(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    name = re.sub(r"\s+", " ", m.group("hol").lower()).replace("’", "'")
    year = _year_of(m, ctx.lang)
    anchor = "explicit"
    base: _When | None = None
    if year is None:
        base, anchor = ctx.bare_base()
        if base is None:
            return None
        year = base.year
    if year < 1583 and name in lex.EASTER[ctx.lang]:
        return _When(year).timex(), anchor, None
    if name in lex.EASTER[ctx.lang]:
        month, day = _easter(year)
    elif name in lex.HOLIDAYS[ctx.lang]:
        month, day = lex.HOLIDAYS[ctx.lang][name]
    else:
        return None
    if anchor != "explicit" and base is not None:
        # The feast nearest the reference: "on New Year's Day" after a
        # November is the next January's.
        near = _nearest_year(base, month, day, None)
        if near != year:
            year = near
            if name in lex.EASTER[ctx.lang]:
                if year < 1583:
                    return _When(year).timex(), anchor, None
                month, day = _easter(year)
    w = _When(year, month, day)
    return w.timex(), anchor, w


def _r_year(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    year = _year_of(m, ctx.lang)
    if year is None:
        return None
    if c.kind == "year" and m.groupdict().get("era") is None and abs(year) >= 1000:
        if (_counts_things(ctx.body, c.match.end()) and not _YEAR_HEAD.search(
                ctx.body[max(0, m.start("year") - 12):m.start("year")])) \
                or _looks_like_quantity(ctx.body, c):
            return None
        if _in_number_chain(ctx.body, m.start("year"), m.end("year")):
            return None
        if ctx.lang == "fr" and _french_count(ctx.body, m.start("year"), m.end("year")):
            return None
        if year > 2100:
            return None
    w = _When(year)
    return w.timex(), "explicit", w


# "In 1918 women won the vote": a number that opens its sentence after a
# preposition of time is a year, whatever noun follows.
_YEAR_HEAD = re.compile(r"(?:^|[.!?;:]\s+|\n\s*)(?:in|since|by|until|from|during|en|depuis|dès)"
                        r"\s+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[\s-]*([^\W\d_]+)")
# Words before a number that make it a label, not a year ("Resolution 1325").
_LABEL_BEFORE = re.compile(
    r"(?:\bno\.|\bnumber|\bnr\.?|\bn°|\bpage|\bp\.|\$|€|£|\bart\.|\barticle|\bloi|\broute|"
    r"\brt\.|\bresolution|\bflight|\bhighway|\bhill|\bheight|\bdivision|\bregiment|\bcode|"
    r"\bpoint|\broom|\bsuite|\bbus|\bline|\bgate|\bmodel|\bissue|\bchapter|\bsection|"
    r"\bamendment|\bvol\.|\bpp?\.|\btel\.?|\bn[o°]s?|\bphone|\bfax|\bnuméro|\brn|\brd|"
    r"\bautoroute|\bvol|\bsalle|\bchambre|\bligne|\btél\.?|\bdécret|\brésolution|"
    r"\bmodèle|\bchapitre|\bcote)\s*$")
# A group of digits joined to the next by one blank, dot or dash: the pieces
# of a telephone or reference number ("555-2019", "+1 212 555 1966").
_DIGITS_BEFORE = re.compile(r"(\+?)(\d+)[ .\-]$")
_DIGITS_AFTER = re.compile(r"[ .\-](\d+)")


def _in_number_chain(body: str, start: int, end: int) -> bool:
    """Whether the four digits at ``start:end`` are one group of a longer
    number written in pieces, not a year.

    Years stand alone or in twos ("1914-1918", "1966-67", "7 1966" is rare
    enough); a run of three or more groups, a group of three digits or more
    than four written just before, or a leading "+" say telephone or reference
    number. A count after a year ("in 1944 300 men") is left alone.
    """
    groups_before: list[str] = []
    plus = False
    pos = start
    while len(groups_before) < 3:
        m = _DIGITS_BEFORE.search(body, max(0, pos - 12), pos)
        if m is None or (m.start(2) > 0 and (body[m.start(2) - 1].isalnum()
                                             and not m.group(1))):
            break
        groups_before.append(m.group(2))
        plus = plus or bool(m.group(1))
        pos = m.start()
        if m.group(1):
            break
    groups_after: list[str] = []
    pos = end
    while len(groups_after) < 2:
        m = _DIGITS_AFTER.match(body, pos)
        if m is None or (m.end() < len(body) and body[m.end()].isalnum()):
            break
        groups_after.append(m.group(1))
        pos = m.end()
    if all(len(g) == 4 and 1000 <= int(g) <= 2100 for g in groups_before + groups_after) \
            and not plus:
        return False  # a list of years: "1914 1918 1939"
    if plus or len(groups_before) + len(groups_after) >= 2:
        return True
    if groups_before:
        g = groups_before[0]
        return len(g) == 3 or len(g) > 4
    if groups_after:
        sep = body[end]
        g = groups_after[0]
        return sep != " " and (len(g) == 3 or len(g) > 4)
    return False


# French writes no year before a noun: "les 1500 manifestants" counts people.
_FR_PLURAL_BEFORE = re.compile(
    r"\b(?:les|des|ces|ses|leurs|nos|vos|mes|quelque|quelques|environ|plus\s+de|"
    r"moins\s+de|près\s+de)\s+$", re.IGNORECASE)
_FR_NOT_A_NOUN = frozenset({"et", "à", "au", "aux", "ou", "de", "du", "en", "a", "avant",
                            "après"})


def _french_count(body: str, start: int, end: int) -> bool:
    """Whether a French number stands between a plural determiner and a noun."""
    if not _FR_PLURAL_BEFORE.search(body[max(0, start - 14):start]):
        return False
    m = _NEXT_WORD.match(body, end, end + 30)
    return bool(m and m.group(1).lower() not in _FR_NOT_A_NOUN and body[end:end + 1] == " ")


def _counts_things(body: str, end: int) -> bool:
    """Whether the number just read is followed by a noun it counts ("1500 men")."""
    m = _NEXT_WORD.match(body, end, end + 30)
    return bool(m and m.group(1).lower() in lex.COUNTED_NOUNS)


def _looks_like_quantity(body: str, c: _Cand) -> bool:
    """Whether the number is a label or an amount ("page 1999", "$1999")."""
    return bool(_LABEL_BEFORE.search(body[max(0, c.start - 12):c.start].lower()))


def _r_year_bc_head(c: _Cand, ctx: _Context) -> _Result:
    y = int(c.match.group("year"))
    if y <= 0:
        return None
    w = _When(-y)
    return w.timex(), "explicit", w


def _r_year_small(c: _Cand, ctx: _Context) -> _Result:
    """A three-digit number read as a year only beside a narrative of that era."""
    y = int(c.match.group("year"))
    base = ctx.narrative
    if base is None or y == 0:
        return None
    cand = -y if base.year < 0 else y
    if abs(cand - base.year) > 60:
        return None
    if _counts_things(ctx.body, c.match.end()):
        return None
    w = _When(cand)
    return w.timex(), "explicit", w


def _r_year_tail(c: _Cand, ctx: _Context) -> _Result:
    head = ctx.body[c.start - 5:c.start - 1]
    if not head.isdigit():
        return None
    first = int(head)
    tail = int(c.match.group("tail"))
    year = first // 100 * 100 + tail
    if year <= first:
        year += 100
    if year - first > 30:
        return None
    w = _When(year)
    return w.timex(), "explicit", w


def _r_century(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    raw = m.group("ord").lower()
    n: int | None
    digits = re.match(r"\d+", raw)
    if digits:
        n = int(digits.group(0))
    elif re.fullmatch(r"[ivxl]+", raw):
        n = _roman_value(raw.upper())
    else:
        n = lex.ORDINALS[ctx.lang].get(raw)
    if not n or n > 21:
        return None
    era = m.groupdict().get("era")
    if era and re.match(_ERA_BC, era, re.IGNORECASE):
        return f"BC{n - 1:02d}", "explicit", None
    return f"{n - 1:02d}", "explicit", None


def _roman_value(s: str) -> int | None:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        if i + 1 < len(s) and vals[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total or None


def _r_decade(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    gd = m.groupdict()
    raw = gd.get("dec") or gd.get("dec2")
    if gd.get("decw"):
        raw = f"{lex.DECADE_WORDS[ctx.lang][gd['decw']]}0"
    if raw is None:
        return None
    if len(raw) == 2 and gd.get("head"):
        raw = f"{gd['head']}{raw}"  # "the 1960s and 70s"
    if len(raw) == 2:
        # "the '60s", "les années 60": the century of the text, else the 1900s.
        base = ctx.narrative or ctx.dct
        century = (base.year // 100) if base and base.year > 0 else 19
        if century * 100 + int(raw) > (base.year if base else 2100):  # not a decade to come
            century -= 1
        raw = f"{century}{raw}"
    value = int(raw)
    if ctx.lang == "en" and len(raw) == 4 and raw.endswith("00") and raw.startswith("1") \
            and not gd.get("era"):
        # "the 1800s" is the nineteenth century; "the 2000s" stays the decade
        # it usually names.
        return f"{value // 100:02d}", "explicit", None
    if gd.get("era"):
        return f"BC{value // 10:03d}", "explicit", None
    return f"{value // 10:03d}", "explicit", None


def _season_code(m: re.Match[str], lang: str) -> str | None:
    gd = m.groupdict()
    name = gd.get("season") or gd.get("season2")
    if name is None:
        return None
    return lex.SEASONS[lang].get(name.lower())


def _r_season_y(c: _Cand, ctx: _Context) -> _Result:
    code = _season_code(c.match, ctx.lang)
    year = _year_of(c.match, ctx.lang)
    if code is None or year is None:
        return None
    return f"{_year_text(year)}-{code}", "explicit", _When(year)


def _r_season(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    code = _season_code(m, ctx.lang)
    if code is None:
        return None
    name = (m.groupdict().get("season") or "").lower()
    if name == "fall" and not _autumn_not_verb(c, ctx):
        return None
    base, anchor = ctx.bare_base()
    if base is None:
        return f"XXXX-{code}", "none", None
    return f"{_year_text(base.year)}-{code}", anchor, None


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
    year = _year_of(m, ctx.lang)
    if year is None:
        return None
    return f"{_year_text(year)}-{part}", "explicit", _When(year)


def _r_ago(c: _Cand, ctx: _Context) -> _Result:
    """ "two years ago", "il y a dix ans": deixis; "years ago" without a count is PAST_REF."""
    m = c.match
    unit = lex.UNITS[ctx.lang].get(m.group("unit").lower())
    n = _num(c.qty or m.groupdict().get("num"), ctx.lang)
    if unit is None or unit == "weekend":
        return None
    base, anchor = _deixis_base(ctx)
    got = _shift(base, -n, unit) if n is not None and base is not None else None
    if got is None:
        return "PAST_REF", "none", None
    return got[0], anchor, None


def _r_later(c: _Cand, ctx: _Context) -> _Result:
    """ "two days later", "a decade earlier": anaphora; "weeks later" is FUTURE_REF."""
    m = c.match
    unit = lex.UNITS[ctx.lang].get(m.group("unit").lower())
    if unit is None or unit == "weekend":
        return None
    sign = lex.LATER_WORDS[ctx.lang].get(re.sub(r"\s+", " ", m.group("dir").lower()), 1)
    n = _num(c.qty or m.groupdict().get("num"), ctx.lang)
    if n is None:
        return ("FUTURE_REF" if sign > 0 else "PAST_REF"), "none", None
    base, anchor = ctx.anaphora_base()
    if base is None:
        return ("FUTURE_REF" if sign > 0 else "PAST_REF"), "none", None
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
    got = _shift(base, step, unit)
    if got is None:
        # "the next day" after a bare year: the day is unknown, the year is not.
        return (base.timex(), anchor, None) if step == 0 or unit == "day" else None
    # Only a step forward moves the story on; "the previous year" is an aside.
    return got[0], anchor, got[1] if step > 0 else None


def _r_same_time(c: _Cand, ctx: _Context) -> _Result:
    """ "the same time", "that time", "à ce moment-là": the narrative's date."""
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


def _deictic_unit_value(step: int, unit: str, ctx: _Context) -> _Result:
    base, anchor = _deixis_base(ctx)
    if base is None:
        return {1: "FUTURE_REF", -1: "PAST_REF"}.get(step, "PRESENT_REF"), "none", None
    got = _shift(base, step, unit)
    if got is None:
        return {1: "FUTURE_REF", -1: "PAST_REF"}.get(step, "PRESENT_REF"), anchor, None
    return got[0], anchor, got[1] if unit == "day" and anchor == "publication" else None


def _r_deictic_unit(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    unit = lex.UNITS["en"].get(m.group("unit").lower())
    word = re.sub(r"\s+", " ", m.group("step").lower())
    step = {"this": 0, "next": 1, "last": -1, "the coming": 1, "this past": -1,
            "this coming": 1}.get(word, 0)
    if unit is None:
        return None
    if m.group("unit").lower().endswith("s") and unit != "weekend":
        # "the coming months", "the last years": a stretch, not one period
        return ("FUTURE_REF" if step > 0 else "PAST_REF" if step < 0 else "PRESENT_REF",
                "none", None)
    if unit == "weekend" and step == 0:
        step = _this_weekend_step(c, ctx)
    return _deictic_unit_value(step, unit, ctx)


def _r_deictic_fr(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    gd = m.groupdict()
    if gd.get("new"):
        return _deictic_unit_value(0, "year", ctx)
    raw = (gd.get("unit") or gd.get("unit2") or "").lower()
    unit = lex.UNITS["fr"].get(raw)
    if unit is None:
        return None
    rel = (gd.get("rel") or "").lower()
    step = lex.DEICTIC_STEPS["fr"].get(rel, 0)
    if unit == "weekend" and step == 0:
        step = _this_weekend_step(c, ctx)
    return _deictic_unit_value(step, unit, ctx)


def _this_weekend_step(c: _Cand, ctx: _Context) -> int:
    """Which weekend "this weekend" / "ce week-end" is: the one just past when
    the clause looks back (or, when it does not say, in Monday-to-Wednesday's
    paper), else the coming one."""
    if ctx.published is None:
        return 0
    day = ctx.published.weekday()
    tense = _tense(c, ctx)
    if tense < 0:
        return -1 if day < 5 else 0
    if tense > 0:
        return 0
    return -1 if day < 3 else 0


def _r_deictic_day(c: _Cand, ctx: _Context) -> _Result:
    word = re.sub(r"\s+", " ", c.match.group("dd").lower()).replace("’", "'")
    offset = lex.DEICTIC_DAYS[ctx.lang].get(word)
    if offset is None:
        return None
    ref = {1: "FUTURE_REF", -1: "PAST_REF"}.get(max(-1, min(1, offset)), "PRESENT_REF")
    if ctx.published is None:
        return ref, "none", None
    if not ctx.news:
        # "today" in a history is the narrator's present or a quoted one.
        base = ctx.narrative
        if offset == 0 or base is None or base.as_date() is None:
            return ref, "none", None
        d = base.as_date()
        assert d is not None
        out = d + datetime.timedelta(days=offset)
        return out.isoformat(), "narrative", _from_date(out)
    out = ctx.published + datetime.timedelta(days=offset)
    return out.isoformat(), "publication", _from_date(out)


_EVERY_BEFORE = re.compile(r"\b(?:every|each|chaque)\s+$", re.IGNORECASE)


def _r_weekday(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    gd = m.groupdict()
    name = gd["wd"]
    if ctx.lang == "fr":
        before = ctx.body[max(0, c.start - 4):c.start].lower()
        if re.search(r"\b(?:le|les)\s+$", before) and not gd.get("rel"):
            return None  # "le mercredi": every Wednesday, a SET
    if _EVERY_BEFORE.search(ctx.body[max(0, c.start - 8):c.start]):
        return None  # "every Monday", "chaque lundi": a SET, not a date
    want = lex.WEEKDAYS[ctx.lang][name.lower()]
    word = (gd.get("step") or gd.get("rel") or gd.get("this") or "").lower()
    word = re.sub(r"\s+", " ", word)
    narrative_day = ctx.narrative is not None and ctx.narrative.day is not None
    if word in ("that", "ce même") or (not ctx.news and narrative_day):
        base, anchor = ctx.anaphora_base()
        d = base.as_date() if base else None
        if d is not None and word not in ("next", "last", "prochain", "dernier"):
            # In a narrative the weekday is the one nearest the story's day.
            delta = (want - d.weekday()) % 7
            out = d + datetime.timedelta(days=delta if delta <= 3 else delta - 7)
            return out.isoformat(), anchor, _from_date(out)
    elif ctx.published is not None and (ctx.news or ctx.narrative is None):
        base, anchor = ctx.dct, "publication"
    else:
        base, anchor = None, "none"
    if base is None or base.as_date() is None:
        # A weekday with nothing to count from: say which weekday, not which date.
        return f"XXXX-WXX-{want + 1}", "none", None
    d = base.as_date()
    assert d is not None
    if word in ("next", "prochain", "this coming"):
        out = d + datetime.timedelta(days=(want - d.weekday()) % 7 or 7)
    elif word == "this past":
        out = d - datetime.timedelta(days=(d.weekday() - want) % 7 or 7)
    elif word in ("this", "ce", "ce même", "that"):
        out = d + datetime.timedelta(days=want - d.weekday())
        if anchor == "publication" and word in ("this", "ce"):
            # "ce samedi" in Wednesday's paper: the one just gone if the
            # clause looks back, the coming one if it looks ahead.
            tense = _tense(c, ctx)
            if tense < 0 and out > d:
                out -= datetime.timedelta(days=7)
            elif tense > 0 and out < d:
                out += datetime.timedelta(days=7)
    elif word not in ("last", "dernier") and anchor == "publication" and _tense(c, ctx) > 0:
        # "Le gouvernement présentera son projet mardi": the coming Tuesday.
        out = d + datetime.timedelta(days=(want - d.weekday()) % 7 or 7)
    else:
        # News reports look back: a bare weekday is the latest one up to the
        # reference day ("mardi" in Thursday's paper is two days ago; "Sunday"
        # in Sunday's paper is that day: the week before would be "last Sunday").
        back = (d.weekday() - want) % 7
        if back == 0 and word in ("last", "dernier"):
            back = 7
        out = d - datetime.timedelta(days=back)
    w = _from_date(out)
    return out.isoformat(), anchor, w


def _r_ref(c: _Cand, ctx: _Context) -> _Result:
    word = re.sub(r"\s+", " ", c.match.group("ref").lower()).replace("’", "'")
    value = lex.REFERENCE_WORDS[ctx.lang].get(word)
    if value is None:
        return None
    if word == "current" and _CURRENT_NOUN.match(ctx.body, c.end) or \
            word == "current" and _CURRENT_NOUN_BEFORE.search(
                ctx.body[max(0, c.start - 16):c.start]):
        return None  # "the electric current was weak": a flow, not the present
    return value, "none", None


# "current" is the adjective of time only before the noun it qualifies.
_CURRENT_NOUN = re.compile(r"\s*(?:[^\w\s-]|$|(?:of|was|is|were|are|flows?|flowed|that|which|"
                           r"in|and|to|from|through)\b)", re.IGNORECASE)
_CURRENT_NOUN_BEFORE = re.compile(r"\b(?:electric|electrical|alternating|direct|ocean|sea|rip|"
                                  r"cold|warm|strong|tidal|air|river)\s+$", re.IGNORECASE)


def _r_clock(c: _Cand, ctx: _Context) -> _Result:
    """A clock time ("18 h 30") is dated by the last day the text named."""
    if c.kind == "clock":
        h = int(c.match.group("h"))
        if h > 24:
            return None
    elif ctx.body[c.start:c.start + 1].isupper() and re.search(
            r"\b(?:le|du|au)\s+$", ctx.body[max(0, c.start - 4):c.start], re.IGNORECASE):
        return None  # "le Midi": the south of France, not noon
    base = ctx.last_day or ctx.dct
    if base is None or base.day is None:
        return None
    return base.timex(), "narrative" if ctx.last_day else "publication", None


_RESOLVERS: dict[str, Callable[[_Cand, _Context], _Result]] = {
    "dmy": _r_dmy, "my": _r_my, "dm": _r_dm, "dm_tail": _r_dm, "dm_head": _r_dm,
    "m": _r_month, "day_only": _r_day_only, "mon_ofyear": _r_mon_ofyear,
    "range_head": _r_range_head, "century": _r_century, "decade": _r_decade,
    "season_y": _r_season_y, "season_rel": _r_season_rel, "season": _r_season,
    "half": _r_half, "quarter": _r_half, "year": _r_year, "year_ad": _r_year,
    "year_bc_head": _r_year_bc_head, "year_word": _r_year, "year_small": _r_year_small,
    "year_tail": _r_year_tail,
    "ago": _r_ago, "later": _r_later, "anaphor": _r_anaphor, "same_time": _r_same_time,
    "end_of_unit": _r_end_of_unit, "deictic_unit": _r_deictic_unit,
    "deictic_fr": _r_deictic_fr, "deictic_day": _r_deictic_day, "weekday": _r_weekday,
    "ref": _r_ref, "clock": _r_clock, "holiday": _r_holiday, "noon": _r_clock,
    "dayparts_fr": _r_clock, "numeric": _r_numeric
}


# --------------------------------------------------------------------------
# Mode, sentences, entry point
# --------------------------------------------------------------------------

_NEWS_KINDS = frozenset({"deictic_day", "deictic_fr", "deictic_unit", "weekday", "clock",
                         "noon", "ago"})
# A word that only makes sense against the publication date ("last month",
# "mardi") says "news" more surely than a year near that date does: histories
# quote such words now and then, news uses them in every other paragraph.
_DEIXIS_WEIGHT = 4


def _is_news(cands: list[_Cand], published: datetime.date | None, lang: str) -> bool:
    """Read as news when the text talks mostly about its own time.

    Evidence for news: explicit years within a year of the publication date,
    and (weighted) words that only make sense against it ("yesterday",
    "mardi", "18 h", "two weeks ago"). Evidence for history: explicit years
    further away. A news story that recalls 1949 and 1966 stays news; a war
    history that quotes a "today" stays history.
    """
    if published is None:
        return False
    near = far = 0
    for c in cands:
        if c.kind in ("dmy", "my", "year", "season_y"):
            y = _year_of(c.match, lang)
            if y is None:
                continue
            if abs(y - published.year) <= 1:
                near += 1
            else:
                far += 1
        elif c.kind == "deictic_day" and c.match.group("dd").lower() in _NARRATOR_TODAY:
            # A history says "today" too, of its own writing ("Today the war
            # is remembered..."): weaker evidence than "yesterday" or "mardi".
            near += _DEIXIS_WEIGHT // 2
        elif c.kind in _NEWS_KINDS or (c.kind == "dm" and c.match.groupdict().get("wd")):
            near += _DEIXIS_WEIGHT  # "lundi 17 février" is a date of this week or next
    return near >= far


_NARRATOR_TODAY = frozenset({"today", "aujourd'hui", "aujourd’hui"})


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-ZÀ-Ý0-9])|\n\s*")


def _sentences(body: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(body):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(body):
        spans.append((pos, len(body)))
    return spans or [(0, len(body))]


_MAX_SENTENCE = 600


def _sentence_of(body: str, spans: list[tuple[int, int]], starts: list[int],
                 at: int) -> tuple[str, int]:
    i = max(0, bisect.bisect_right(starts, at) - 1)
    a, b = spans[i]
    if b - a > _MAX_SENTENCE:
        # Text without punctuation (a list, a dump): keep the words around the
        # mention rather than copying a huge "sentence" into every mention.
        lo, hi = max(a, at - _MAX_SENTENCE // 2), min(b, at + _MAX_SENTENCE // 2)
        cut = body.find(" ", lo, at)
        a = cut + 1 if lo > a and cut >= 0 else lo
        cut = body.rfind(" ", at, hi)
        b = cut if hi < b and cut > at else hi
    raw = body[a:b]
    lead = len(raw) - len(raw.lstrip())
    return raw.strip(), a + lead


def extract_mentions(body: str, *, published: datetime.date | None = None,
                     lang: str = "en") -> list[Mention]:
    """Return the date mentions of ``body``, sorted and non-overlapping.

    ``published`` anchors deictic expressions; ``lang`` is "en" or "fr"
    (anything else is read as English). Never raises on any string.
    """
    if not isinstance(body, str) or not body:
        return []
    lang = lang if lang in _LANGS else "en"
    if isinstance(published, datetime.datetime):
        published = published.date()
    elif not isinstance(published, datetime.date):
        published = None  # anything else anchors nothing, rather than failing
    found = _find_candidates(body, lang)
    cands = _choose(found, body, lang)
    news = _is_news(cands, published, lang)
    spans = _sentences(body)
    starts = [a for a, _ in spans]
    # A chosen span whose resolver refuses it ("31 February 1999", "May" the
    # verb) may have hidden a good shorter reading ("February 1999"): drop the
    # refused ones and choose again. Two more rounds settle every real text.
    for _round in range(3):
        out, refused = _resolve(cands, body, published, lang, news, starts)
        if not refused or _round == 2:
            break
        chosen = {id(c) for c in cands}
        gaps = bytearray(len(body) + 1)  # 1 = under a refused span
        for c in cands:
            if id(c) in refused:
                gaps[c.core_start:c.end] = b"\x01" * (c.end - c.core_start)
        if not any(id(c) not in chosen and gaps.find(1, c.start, c.end) >= 0 for c in found):
            break  # nothing was hidden under a refused span
        found = [c for c in found if id(c) not in refused]
        cands = _choose(found, body, lang)
    out = [Mention(c.start, c.end, body[c.start:c.end], value, *_sentence_of(
        body, spans, starts, c.start), anchor) for c, value, anchor in out]
    return _date_clock_times(out, cands, body)


def _resolve(cands: list[_Cand], body: str, published: datetime.date | None, lang: str,
             news: bool, starts: list[int]) -> tuple[list[tuple[_Cand, str, str]], set[int]]:
    """Values in reading order; also the ids of the candidates that were refused."""
    ctx = _Context(lang=lang, body=body, published=published, news=news)
    out: list[tuple[_Cand, str, str]] = []
    refused: set[int] = set()
    for c in cands:
        i = max(0, bisect.bisect_right(starts, c.start) - 1)
        ctx.sentence = starts[i]
        ctx.sentence_end = starts[i + 1] if i + 1 < len(starts) else len(body)
        try:
            res = _RESOLVERS[c.kind](c, ctx)
        except (ValueError, OverflowError, KeyError, IndexError, TypeError):
            res = None
        if res is None:
            refused.add(id(c))
            continue
        value, anchor, when = res
        if when is not None:
            _advance(ctx, when, c, explicit=anchor == "explicit")
        out.append((c, value, anchor))
    return out, refused


_RANGE_END = re.compile(r"\d\s*[-–]\s*$")
_BACKGROUND = re.compile(r"\b(?:since|ever\s+since|depuis|dès)\s+$", re.IGNORECASE)


def _advance(ctx: _Context, when: _When, c: _Cand, *, explicit: bool) -> None:
    """Move the narrative's reference date to a date just read.

    A coarser mention of the same period keeps the finer date ("On 7 December
    1917 ... in 1917 ... in January" is January 1918), and the end of a range
    ("the 1920-1921 season") leaves the story at its start.
    """
    if c.kind.startswith("year") and _RANGE_END.search(ctx.body[max(0, c.start - 3):c.start]):
        return
    if _BACKGROUND.search(ctx.body[max(0, c.start - 12):c.start]):
        return  # "since 214 BC", "depuis 1987": where a state began, not where the story is
    old = ctx.narrative
    if old is not None and old.year == when.year:
        if when.month is None or (when.month == old.month and when.day is None):
            return
    if old is not None and old.month is not None and when.month is None \
            and abs(when.year - old.year) <= 1 and not _opens_sentence(ctx.body, c.start):
        # A bare year inside a sentence ("a plan drawn up for 1960") is a
        # passing mention; a story moves on with "In 1942, ..." at its head.
        return
    ctx.narrative = when
    # Only a written year makes a same-sentence bare date follow it in news.
    ctx.narrative_sentence = ctx.sentence if explicit else -1
    if when.day is not None:
        ctx.last_day = when


_SENTENCE_HEAD = re.compile(r"(?:[.!?:;\n]\s*|\(\s*)(?:[\"“(]\s*)?(?:\w+\s+){0,2}"
                            r"(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?$")


def _opens_sentence(body: str, start: int) -> bool:
    """Whether at most a couple of words stand between a sentence start and ``start``."""
    head = ("\n" if start < 40 else "") + body[max(0, start - 40):start]
    return bool(_SENTENCE_HEAD.search(head))


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# What may stand between a clock time and the day it belongs to.
_CLOCK_TO_DAY = re.compile(r"[\s,]*(?:(?:on|ce|le)\s+)?", re.IGNORECASE)


def _date_clock_times(out: list[Mention], cands: list[_Cand], body: str) -> list[Mention]:
    """A clock time written just before its day ("vers 5 h, samedi") takes that day."""
    clocks = {(c.start, c.end) for c in cands if c.kind in ("clock", "noon")}
    for i, m in enumerate(out[:-1]):
        nxt = out[i + 1]
        if (m.start, m.end) in clocks and _DAY_VALUE.match(nxt.value) \
                and _CLOCK_TO_DAY.fullmatch(body, m.end, nxt.start):
            out[i] = Mention(m.start, m.end, m.text, nxt.value, m.sentence, m.sentence_start,
                             nxt.anchor)
    return out
