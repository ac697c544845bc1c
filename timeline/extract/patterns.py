"""The candidate patterns of each language, and the trigger words that gate them.

Built from the word lists in ``timeline.extract.lexicon`` and compiled once
per language on first use.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from timeline.extract import lexicon as lex
from timeline.extract.pieces import _ERA_AD, _ERA_BC, _YEAR4, _alt

# Shared with the resolvers, which import them from here.
__all__ = ["_ERA_BC", "_Cand", "_Pattern", "_abbreviations", "_alt", "_patterns"]


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
    # A possessive is the month itself ("December's figures").
    mon = rf"(?P<mon>(?:{full})(?!\w)(?!['’](?!s\b))|(?:{abbr})\.?(?![\w']))"
    month_names = rf"(?:{_alt(lex.MONTHS[lang])})(?![\w'])"
    wds = _alt(lex.WEEKDAYS[lang])
    seasons = _alt(lex.SEASONS[lang])
    units = _alt(lex.UNITS[lang])
    numbers = _alt(list(lex.NUMBERS[lang]) + list(lex.VAGUE_QUANTITIES[lang]))
    ordinals = _alt(lex.ORDINALS[lang])
    refs = _alt(lex.REFERENCE_WORDS[lang])
    deictic_days = _alt(lex.DEICTIC_DAYS[lang])
    dayparts = _alt(lex.DAY_PARTS[lang])
    holidays = _alt(list(lex.HOLIDAYS[lang]) + list(lex.EASTER[lang]) +
                    list(lex.WEEKDAY_FEASTS[lang]))
    decade_words = _alt(lex.DECADE_WORDS[lang])
    year = rf"(?P<year>{_YEAR4}|\d{{1,4}}(?=\s*{_ERA_BC}))(?:\s*(?P<era>{_ERA_BC}|{_ERA_AD}))?"
    pieces = {"mon": mon, "month_names": month_names, "wds": wds, "seasons": seasons,
              "units": units, "numbers": numbers, "ordinals": ordinals, "refs": refs,
              "deictic_days": deictic_days, "dayparts": dayparts, "holidays": holidays,
              "decade_words": decade_words, "year": year}
    if lang == "en":
        from timeline.extract.patterns_en import table
    else:
        from timeline.extract.patterns_fr import table
    p = table(**pieces)
    triggers = _triggers(lang)
    return tuple(_Pattern(kind, re.compile(rx), mod, triggers[kind]) for kind, rx, mod in p)


def _triggers(lang: str) -> dict[str, str]:
    """For each kind, words one of which every match of that kind contains.

    They start with a literal, so the regex engine scans for them quickly.
    """
    months = rf"(?:{_alt(lex.MONTHS[lang])})(?![a-zé])"
    # "quarters" for "over the past several quarters" (deictic_plural).
    units = _alt(list(lex.UNITS[lang]) + list(lex.DAY_PARTS[lang]) +
                 ["lendemain", "veille", "surlendemain", "quarters"])
    digit = r"[0-9]+"
    table = {
        "dmy": months, "my": months, "dm": months, "dm_tail": months, "dm_head": months,
        "mon_ofyear": months, "m": months, "range_head": months,
        "mon_deictic_year": r"(?:this|last|next)\s+year",
        "day_only": r"[0-9](?:st|nd|rd|th)\b",
        "holiday": _alt(list(lex.HOLIDAYS[lang]) + list(lex.EASTER[lang]) +
                        list(lex.WEEKDAY_FEASTS[lang])),
        "century": r"(?:centur|siècle)",
        "decade": rf"(?:0'?s|années|{_alt(lex.DECADE_WORDS[lang])})",
        "season_y": _alt(lex.SEASONS[lang]), "season_rel": _alt(lex.SEASONS[lang]),
        "season": _alt(lex.SEASONS[lang]), "half": r"half",
        "quarter": r"(?:quarter|trimestre|semestre|\b[qh][1-4])",
        "year_tail": digit, "year_bc_head": digit, "year": digit, "year_ad": digit,
        "year_small": digit, "clock": digit, "numeric": digit, "year_word": digit,
        "ago": r"ago\b" if lang == "en" else r"y\s+a\b", "later": units, "anaphor": units,
        "anchored": units,
        "same_time": r"(?:time|period|point|date|moment|époque|période|\bthen\b)",
        "deictic_unit": units, "deictic_fr": rf"(?:{units}|nouvelle)",
        "deictic_quarter": r"(?:quarter|trimestre)", "deictic_plural": units,
        "focus_period": r"(?:quarter|period|year-)",
        "the_period": units,
        "year_spelled": r"(?:teen|thousand)",
        "deictic_day": _alt(lex.DEICTIC_DAYS[lang]), "weekday": _alt(lex.WEEKDAYS[lang]),
        "ref": _alt(lex.REFERENCE_WORDS[lang]),
        "end_of_unit": r"(?:the\s+(?:year|month|week|decade|century)|year(?:[\s-]|'s\s+)end|"
                       r"fin|début|milieu)",
        "night": r"night",
        "daytime": r"(?:o'clock|in\s+the\s+(?:morning|afternoon|evening)|at\s+night|\b(?:gmt|utc|"
                   r"bst|cest|cet|est|edt|cst|cdt|mst|mdt|pst|pdt)\b)",
        "noon": r"(?:midi|minuit|noon|midnight|mid[\s-]?(?:day|morning|afternoon|evening))",
        "dayparts_fr": r"(?:nuit|soirée|matinée|matin|soir|journée|après-midi)",
    }
    return table
