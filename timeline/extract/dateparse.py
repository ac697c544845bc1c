"""The dateparser adapter: month words of any language dateparser knows.

Imported lazily: only a candidate that passed every cheap test pays for
dateparser, and nothing here ever reads the clock.
"""

from __future__ import annotations

import datetime
import functools
import re

# dateparser never sees the clock: relative words are resolved here, and this
# fixed base only fills parts that REQUIRE_PARTS already forbids it to invent.
_FIXED_BASE = datetime.datetime(2000, 1, 1)


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


@functools.lru_cache(maxsize=8)  # English, French and the five dateparser languages
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


@functools.lru_cache(maxsize=8)
def _dp_month_names(lang: str) -> dict[str, int]:
    """Month names and abbreviations of ``lang`` from dateparser's locale data."""
    try:
        info = _dp_locale(lang).info
    except Exception:  # missing locale data or an API change: use the other paths
        return {}
    names: dict[str, int] = {}
    for key, number in _EN_MONTHS.items():
        for name in info.get(key, []):
            if isinstance(name, str) and name.strip(". "):
                # The first month a word names keeps it (a locale may list a
                # shared abbreviation under two months).
                names.setdefault(name.lower().rstrip("."), number)
    return names


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
