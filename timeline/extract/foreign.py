"""Absolute dates in the languages of NATO allies' press that have no rule set
of their own here (German, Spanish, Italian, Polish, Dutch), through dateparser.

English and French have the full rules (relative, anchored, vague). For the
others, what dateparser knows is used: its locale data gives the month
names and abbreviations a pattern looks for ("7. März 1966", "7 de marzo de
1966", "7 marca 1966 r.", "maart 1966", "07.03.1966", "1966"), and its
absolute-time parser reads each span found, so an impossible day ("31.
Februar 1999") is refused. A value is only as precise as the text: a month
and year give "1966-03", never the 1 March dateparser fills in; a day and
month without a year take the year nearest the publication date, or stay
"XXXX-03-07" without one.

dateparser is imported on the first text in one of these languages only:
English and French extraction never pays for it here. Its search machinery
(``dateparser.search``) is never used: it is slow and reads relative words
against the clock.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

from timeline.extract.calendar import _valid, _When
from timeline.extract.candidates import _lower_same_length
from timeline.extract.context import _nearest_year
from timeline.extract.dateparse import _dp_month_names
from timeline.extract.pieces import _alt
from timeline.extract.reading import _sentence_of, _sentences
from timeline.mention import Mention

LANGUAGES = ("de", "es", "it", "pl", "nl")

# dateparser never sees the clock: this base only fills parts we then drop.
_FIXED_BASE = datetime.datetime(2000, 1, 1)
# Words joining a day, a month and a year ("7 de marzo de 1966").
_JOINERS = {"es": r"(?:\s+de(?:l)?\s+|\s+)", "it": r"(?:\s+del\s+|\s+)"}
# What may follow a Polish year ("1966 r.", "1966 roku").
_YEAR_TAIL = {"pl": r"(?:\s+r(?:oku|\.))?"}
_YEAR = r"(?P<year>1\d{3}|20\d{2})"


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    kind: str  # dmy, my, dm, m, numeric, year
    day: int | None
    month: int | None
    year: int | None


@functools.lru_cache(maxsize=8)
def _month_words(lang: str) -> tuple[dict[str, int], frozenset[str]]:
    """Month words of ``lang`` from dateparser's locale data, and which are abbreviations."""
    names = _dp_month_names(lang)
    abbrs = frozenset(k for k, v in names.items() if len(k) <= 3 or any(
        o != k and names[o] == v and o.startswith(k) for o in names))
    return names, abbrs


@functools.lru_cache(maxsize=8)
def _patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    names, abbrs = _month_words(lang)
    full = _alt([k for k in names if k not in abbrs])
    short = _alt(list(abbrs))
    mon = rf"(?P<mon>(?:{full})(?![\w])|(?:{short})\.?(?![\w]))"
    bare = rf"(?P<mon>(?:{_alt([k for k in names if k not in abbrs and len(k) >= 4])})(?![\w]))"
    join = _JOINERS.get(lang, r"\s+")
    tail = _YEAR_TAIL.get(lang, "")
    day = r"(?P<day>[0-3]?\d)(?:\.|º|°)?"
    return tuple((kind, re.compile(rx)) for kind, rx in (
        ("dmy", rf"(?<![\w.])\b{day}{join}{mon}{join}{_YEAR}{tail}(?![\d])"),
        ("my", rf"\b{mon}{join}{_YEAR}{tail}(?![\d])"),
        ("dm", rf"(?<![\w.])\b{day}{join}{mon}"),
        ("m", rf"\b{bare}"),
        ("numeric", r"(?<![\w./-])(?P<day>[0-3]?\d)([./])(?P<mo>[01]?\d)\2" + _YEAR
                    + r"(?![\w/-]|\.\d)"),
        ("numeric", r"(?<![\w./-])" + _YEAR + r"-(?P<mo>[01]\d)-(?P<day>[0-3]\d)(?![\w/-])"),
        ("year", r"(?<![\w$£€#/.,-])" + _YEAR + r"(?![\w%€$]|[.,]\d|\s*%)"),
    ))


@functools.lru_cache(maxsize=8)
def _parser(lang: str):  # noqa: ANN202 - a dateparser DateDataParser
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang], settings={
        "RELATIVE_BASE": _FIXED_BASE, "PARSERS": ["absolute-time"], "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first"})


@functools.lru_cache(maxsize=2048)
def _dateparser_reads(text: str, lang: str) -> tuple[int, int, int] | None:
    """(year, month, day) as dateparser reads ``text``, or None when it cannot."""
    try:
        data = _parser(lang).get_date_data(text)
    except Exception:  # dateparser raises a variety of errors on odd input
        return None
    d = data.date_obj if data is not None else None
    return (d.year, d.month, d.day) if d is not None else None


def _candidates(body: str, lang: str) -> list[_Found]:
    low = _lower_same_length(body)
    names, _ = _month_words(lang)
    out: list[_Found] = []
    for kind, rx in _patterns(lang):
        for m in rx.finditer(low):
            gd = m.groupdict()
            year = int(gd["year"]) if gd.get("year") else None
            day = int(gd["day"]) if gd.get("day") else None
            if gd.get("mon"):
                month = names.get(gd["mon"].rstrip("."))
            else:
                month = int(gd["mo"]) if gd.get("mo") else None
            out.append(_Found(m.start(), m.end(), kind, day, month, year))
    return out


def _choose(found: list[_Found], body: str, lang: str, pub: _When | None,
            ) -> list[tuple[_Found, str, str]]:
    """Non-overlapping spans with their values, longest first (then earliest).

    A span refused a value leaves its place to a shorter reading: "31.
    Februar 1999" is no date, "1999" is.
    """
    kept: list[tuple[_Found, str, str]] = []
    taken = bytearray(max((f.end for f in found), default=0))
    for f in sorted(found, key=lambda f: (f.start - f.end, f.start, f.kind)):
        if taken.find(1, f.start, f.end) >= 0:
            continue
        got = _value(f, body, lang, pub)
        if got is None:
            continue
        taken[f.start:f.end] = b"\x01" * (f.end - f.start)
        kept.append((f, *got))
    return sorted(kept, key=lambda k: k[0].start)


def _value(f: _Found, body: str, lang: str, pub: _When | None) -> tuple[str, str] | None:
    if f.kind == "year":
        assert f.year is not None
        return f"{f.year:04d}", "explicit"
    if f.month is None:
        return None
    read = _dateparser_reads(body[f.start:f.end], lang)
    if read is None:
        return None  # dateparser refuses it: "31. Februar 1999", a word that is no month
    _, month, day = read
    if month != f.month or (f.day is not None and day != f.day):
        return None  # dateparser and the pattern disagree: no value rather than a guess
    if f.year is not None:
        if f.day is None:
            return f"{f.year:04d}-{month:02d}", "explicit"
        return (f"{f.year:04d}-{month:02d}-{day:02d}", "explicit") \
            if _valid(f.year, month, day) else None
    # No year written: the one nearest the paper's date, else unknown.
    if pub is None:
        return (f"XXXX-{month:02d}-{day:02d}" if f.day else f"XXXX-{month:02d}"), "none"
    year = _nearest_year(pub, month, f.day, None)
    if f.day is None:
        return f"{year:04d}-{month:02d}", "publication"
    return (f"{year:04d}-{month:02d}-{day:02d}", "publication") \
        if _valid(year, month, day) else None


_ORDINAL_END = re.compile(r"(?<![\d.])[0-3]?\d\.$")


def _ordinal_safe(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, except that "Am 7. März" is one: a day's full stop ends none."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _ORDINAL_END.search(body, max(0, out[-1][1] - 3), out[-1][1]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def extract_absolute(body: str, published: datetime.date | None, lang: str,
                     precision: str = "day") -> list[Mention]:
    """The absolute dates of ``body`` in ``lang`` (one of LANGUAGES)."""
    pub = None
    if published is not None:
        pub = _When(published.year, published.month if precision != "year" else None,
                    published.day if precision == "day" else None)
    spans = _ordinal_safe(body, _sentences(body))
    starts = [a for a, _ in spans]
    out: list[Mention] = []
    for f, value, anchor in _choose(_candidates(body, lang), body, lang, pub):
        out.append(Mention(f.start, f.end, body[f.start:f.end], value,
                           *_sentence_of(body, spans, starts, f.start), anchor))
    return out
