"""The candidate patterns of each language, and the trigger words that gate them.

Built from the word lists in ``timeline.extract.lexicon`` and compiled once
per language on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.extract import lexicon as lex


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
    # Set by the resolver of an event-anchored candidate: the Mention's
    # offset and event_words.
    extra: dict[str, str] | None = None


# Patterns run over a lower-cased copy of the body (much faster than
# IGNORECASE), so every literal in them is lower case.
_ERA_BC = r"(?:bce|bc|b\.c\.e\.|b\.c\.|av\.?\s*j\.?-?c\.?|avant\s+j\.?-?c\.?)"
# A bare "ad" is only taken where the original is written "AD" (see year_ad).
_ERA_AD = r"(?:a\.d\.|apr\.?\s*j\.?-?c\.?)"
_YEAR4 = r"(?:1\d{3}|20\d{2})"
_NOT_NUM_AFTER = r"(?![\d]|[.,]\d|\s*[%€$£]|\s*-\s*(?:year|an)s?\b)"
_ROMAN = r"(?:x{0,2}(?:ix|iv|v?i{0,3}))"
# Finite verbs that show "before"/"after" stands alone as an adverb.
_EN_FINITE = r"(?:had|has|have|was|were|is|are|would|will|could|did)\b"


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
            ("m", rf"\b(?:(?P<rel>last|next|the\s+following|the\s+next|the\s+previous|"
                  rf"the\s+preceding)\s+)?{mon}", True),
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
            # Two digits only after "the" (and a modifier: "the early 60s"):
            # "in their 60s" is an age.
            ("decade", r"\b(?:the\s+)?(?:years\s+)?(?P<dec>\d{2,3}0|(?:(?<=the\s)|"
                       r"(?<=the\searly\s)|(?<=the\slate\s)|(?<=the\smid-)|(?<=the\smid\s))"
                       r"\d0)'?s(?:\s+(?P<era>"
                       rf"{_ERA_BC}))?\b", True),
            ("decade", r"(?:\bthe\s+(?:(?:early|late|mid)(?:\s+|-))?)?'(?P<dec2>\d0)s\b", True),
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
            # So is a half ("second-half sales", "in the first half").
            ("half", r"\b(?:the\s+)?(?P<half>first|second)[\s-]+half\b(?P<thisyear>)"
                     r"(?!\s+(?:of|an?|the)\b)", False),
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
                           r"(?P<span>(?P<year>\d{3}))(?![\d,%]|\.\d)\b", True),
            # The count before the unit ("two", "a few", "almost 20") is
            # taken in by _take_quantity: starting on the unit keeps this fast.
            ("ago", rf"\b(?P<unit>{units})\s+(?P<dir>ago)\b", False),
            # "before"/"after" followed by words count from the event those
            # words name ("43 years after de Gaulle pulled France out"), not
            # from the narrative or the publication date: an anchored kind.
            # Before a finite verb they are adverbs ("who a few months before
            # had completed"): counted like "earlier".
            ("later", rf"\b(?P<unit>{units})\s+"
                      r"(?P<dir>later|earlier|afterwards?|previously|"
                      rf"(?:before|after)(?!\s+(?!{_EN_FINITE})[\w\"“'(]))\b",
             False),
            ("anchored", rf"\b(?P<span>(?P<unit>{units})\s+(?P<dir>after|before))"
                         rf"\s+(?!{_EN_FINITE})(?=[\w\"“'(])", False),
            ("anaphor", r"\b(?P<step>the\s+following|the\s+next|the\s+previous|the\s+preceding|"
                        r"the\s+subsequent|the\s+same|that\s+same|that|the\s+prior)\s+"
                        rf"(?P<unit>day|week|weekend|month|year|decade|century|{dayparts})\b",
             True),
            ("anaphor", r"\bthe\s+(?P<unit>day|year|month|week)\s+(?P<step2>before|after|"
                        r"following)\b(?!\s+(?:the|a|an|his|her|their|its|this|that)\b)",
             False),
            ("same_time", r"\b(?P<what>(?:the\s+same|that)\s+(?:time|date)|(?:the\s+same\s+"
                          r"period|this\s+time)(?=\s+(?:last\s+year|a\s+year\s+(?:ago|earlier))))"
                          r"\b", False),
            # "the last week of May" is part of May, not the week before this one.
            ("deictic_unit", rf"\b(?<!\bthe\s)(?P<step>this\s+past|this\s+coming|this|next|last|"
                             rf"the\s+coming)\s+(?P<unit>{units})\b(?!\s+of\b)", True),
            ("deictic_unit", r"\bthe\s+(?P<step>current|present)\s+(?:fiscal\s+)?"
                             r"(?P<unit>year|month|week)\b(?!\s+of\b)", True),
            # Financial news counts in quarters: "last quarter", "the current quarter".
            ("deictic_quarter", r"\b(?:the\s+)?(?P<step>this|last|next|current|previous|coming|"
                                r"latest|past)\s+(?:fiscal\s+)?quarter\b(?!\s+of\b)", True),
            ("deictic_day", rf"\b(?P<dd>{deictic_days})\b", True),
            # "over the weekend": the paper's weekend, as "this weekend" is.
            ("deictic_unit", r"(?:(?<=\bover\s)|(?<=\bduring\s)|(?<=\bon\s)|(?<=\bat\s))"
                             r"(?P<step>the)\s+(?P<unit>weekend)\b(?!\s+of\b)", False),
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
            ("end_of_unit", r"\b(?P<unit>year)[\s-]end\b(?!\s+of\b)", False),
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
                      r"(?!\s+[\w\"“«'(])", False),
            ("anchored", rf"\b(?P<span>(?P<unit>{units})\s+(?P<dir>après|avant))"
                         r"\s+(?=[\w\"“«'(])", False),
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
                           r"(?P<rel>dernière|dernier|prochaine|prochain|passée|passé|en\s+cours)|"
                           r"(?P<new>la\s+nouvelle\s+année))\b", True),
            ("deictic_fr", r"(?:(?<=\bpendant\s)|(?<=\bdurant\s)|(?<=\bau\scours\sdu\s))"
                           r"(?P<this>le)\s+(?P<unit>week-end|weekend)\b(?!\s+(?:de|du|des|d')\b)",
             False),
            ("deictic_quarter", r"\b(?:(?P<this>ce)\s+trimestre|(?:le\s+|(?<=\bdu\s)|(?<=\bau\s))"
                                r"trimestre\s+(?P<rel>dernier|"
                                r"prochain|précédent|passé|en\s+cours))\b", True),
            # "les prochains jours", "ces derniers mois": a stretch ahead or behind.
            ("deictic_plural", r"\b(?:les|des|ces)\s+(?P<rel>prochain(?:e)?s|dernier(?:e)?s)\s+"
                               r"(?P<unit>jours|semaines|mois|années|décennies)\b", False),
            ("deictic_day", rf"(?<![\w-])(?P<dd>{deictic_days})(?:\s+(?:{wds}))?"
                            rf"(?:\s+(?P<part>{dayparts}))?(?![\w-])", True),
            ("holiday", rf"(?<![\w-])(?P<hol>{holidays})(?:\s+{fr_year})?(?![\w-])", True),
            ("same_time", r"\b(?P<what>(?:ce\s+moment(?:[\s-]+là)?|la\s+même\s+(?:époque|période)|"
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
                            r"(?P<what>la\s+nuit|la\s+soirée|la\s+matinée|"
                            r"l'après-midi)(?![\w-])|"
                            r"\b(?P<what2>le\s+matin\s+même|le\s+soir\s+même)\b|"
                            # "en soirée", "en fin de matinée", "en début d'après-midi"
                            r"\b(?P<what3>en\s+(?:(?:début|fin|milieu)\s+de\s+)?"
                            r"(?:soirée|matinée|journée)|en\s+(?:début|fin|milieu)\s+"
                            r"d'après-midi)(?![\w-])", False),
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
        "anchored": units,
        "same_time": r"(?:time|period|point|date|moment|époque|période)",
        "deictic_unit": units, "deictic_fr": rf"(?:{units}|nouvelle)",
        "deictic_quarter": r"(?:quarter|trimestre)", "deictic_plural": units,
        "deictic_day": _alt(lex.DEICTIC_DAYS[lang]), "weekday": _alt(lex.WEEKDAYS[lang]),
        "ref": _alt(lex.REFERENCE_WORDS[lang]),
        "end_of_unit": r"(?:the\s+(?:year|month|week|decade|century)|year[\s-]end|fin|début|"
                       r"milieu)",
        "noon": r"(?:midi|minuit|noon|midnight)",
        "dayparts_fr": r"(?:nuit|soirée|matinée|matin|soir|journée|après-midi)",
    }
    return table
