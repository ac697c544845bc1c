"""The entry point: candidates, then the mode, then values in reading order."""

from __future__ import annotations

import bisect
import datetime
import re

from timeline.extract.calendar import _When
from timeline.extract.candidates import _choose, _find_candidates
from timeline.extract.context import _Context
from timeline.extract.focus import compare_with_focus, note_focus
from timeline.extract.patterns import _Cand
from timeline.extract.reading import _is_news, _paragraph_modes, _sentence_of, _sentences
from timeline.extract.resolvers import _RESOLVERS
from timeline.mention import Mention

_LANGS = ("en", "fr")
# Read through dateparser, absolute dates only (timeline.extract.foreign).
FOREIGN = ("de", "es", "it", "pl", "nl")


def extract_mentions(body: str, *, published: datetime.date | None = None,
                     lang: str = "en", precision: str = "day") -> list[Mention]:
    """Return the date mentions of ``body``, sorted and non-overlapping.

    ``published`` anchors deictic expressions, known to ``precision`` ("day",
    "month": any day of its month, "year"); ``lang`` is "en" or "fr"
    (anything else is read as English). Never raises on any string.

    Event-anchored mentions ("43 years after de Gaulle pulled France out")
    come with an empty value: ``timeline.anchoring.resolve_anchored`` gives
    them one from the curated history, or drops them.
    """
    if not isinstance(body, str) or not body:
        return []
    lang = lang if lang in _LANGS or lang in FOREIGN else "en"
    if isinstance(published, datetime.datetime):
        published = published.date()
    elif not isinstance(published, datetime.date):
        published = None  # anything else anchors nothing, rather than failing
    if precision not in ("day", "month", "year"):
        precision = "day"
    if lang in FOREIGN:
        # Imported here: English and French never load dateparser's parser for it.
        from timeline.extract.foreign import extract_absolute

        return extract_absolute(body, published, lang, precision)
    found = _find_candidates(body, lang)
    cands = _choose(found, body, lang)
    news = _is_news(cands, published, lang, body)
    spans = _sentences(body)
    starts = [a for a, _ in spans]
    # A chosen span whose resolver refuses it ("31 February 1999", "May" the
    # verb) may have hidden a good shorter reading ("February 1999"): drop the
    # refused ones and choose again. Two more rounds settle every real text.
    for _round in range(3):
        out, refused = _resolve(cands, body, published, lang, news, starts, precision)
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
        body, spans, starts, c.start), anchor, **(c.extra or {})) for c, value, anchor in out]
    return _date_clock_times(out, cands, body, lang)


def _resolve(cands: list[_Cand], body: str, published: datetime.date | None, lang: str,
             news: bool, starts: list[int], precision: str = "day",
             ) -> tuple[list[tuple[_Cand, str, str]], set[int]]:
    """Values in reading order; also the ids of the candidates that were refused."""
    ctx = _Context(lang=lang, body=body, published=published, news=news, precision=precision)
    out: list[tuple[_Cand, str, str]] = []
    refused: set[int] = set()
    modes = _paragraph_modes(cands, published, lang, body, news)
    mode_starts = [a for a, _ in modes]
    for c in cands:
        ctx.news = modes[bisect.bisect_right(mode_starts, c.start) - 1][1]
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
        value = compare_with_focus(c, value, ctx)
        note_focus(ctx, c, value)
        if when is not None:
            ctx.dated.append((ctx.sentence, ctx.sentence_end, when))
            _advance(ctx, when, c, explicit=anchor == "explicit")
        out.append((c, value, anchor))
    return out, refused


_RANGE_END = re.compile(r"\d\s*[-–]\s*$")
# "since 214 BC", "depuis l'an 2000", "since the spring of 1614": the start of a
# state of things, a few words at most before the date.
_BACKGROUND = re.compile(r"\b(?:since|ever\s+since|depuis|dès)\s+(?:[\w'’-]+\s+){0,3}$",
                         re.IGNORECASE)


# "until the fall of the capital in 1945": the end of a stretch, named by an
# event, that the story has not reached yet.
_UNTIL_EVENT = re.compile(r"\b(?:until|till|jusqu'(?:à|au)|jusqu’(?:à|au))\s+"
                          r"(?:the\s+|la\s+|le\s+)?(?:[\w'’-]+\s+){1,5}(?:in|of|on|en|de)\s+$",
                          re.IGNORECASE)

# A date given as a yardstick, a few words after a comparison: "as against
# 3,500 in January 2007", "compared with $5 million in 1988", "from a high of
# 300 in summer 2007".
_COMPARED = re.compile(r"\b(?:as\s+against|as\s+opposed\s+to|compared\s+(?:with|to)|versus|"
                       r"from\s+a\s+(?:high|low|peak|record)\s+of|par\s+rapport\s+à)\s+"
                       r"(?:[\w$€£%.,'’-]+\s+){0,6}(?:in|of|on|en|de|au)\s+$", re.IGNORECASE)

_ASIDE_YEARS = 20
_WRITERS_TIME = 10


def _advance(ctx: _Context, when: _When, c: _Cand, *, explicit: bool) -> None:
    """Move the narrative's reference date to a date just read.

    A coarser mention of the same period keeps the finer date ("On 7 December
    1917 ... in 1917 ... in January" is January 1918), and the end of a range
    ("the 1920-1921 season") leaves the story at its start.
    """
    ctx.stretch_end = None
    if c.kind.startswith("year") and _RANGE_END.search(ctx.body[max(0, c.start - 3):c.start]):
        return
    if _BACKGROUND.search(ctx.body[max(ctx.sentence, c.start - 40):c.start]):
        return  # "since 214 BC", "depuis 1987": where a state began, not where the story is
    if _UNTIL_EVENT.search(ctx.body[max(ctx.sentence, c.start - 48):c.start]):
        # "lasted until the fall of Budapest in February 1945": where a stretch
        # ended, ahead of the story; only a step ("two years later") counts from it.
        ctx.stretch_end = when
        return
    if _COMPARED.search(ctx.body[max(ctx.sentence, c.start - 60):c.start]):
        return  # "490 in November 2008 as against 3,500 in January 2007": a yardstick
    if _in_aside(ctx.body, ctx.sentence, c.start):
        return  # "(born 1890)", "the treaty (signed in 1919)", a quoted "in 1066": asides
    old = ctx.narrative
    if old is not None and old.year == when.year:
        if when.month is None or (when.month == old.month and when.day is None):
            return
    if old is not None and old.month is not None and when.month is None \
            and abs(when.year - old.year) <= 1 and not _opens_sentence(ctx.body, c.start):
        # A bare year inside a sentence ("a plan drawn up for 1960") is a
        # passing mention; a story moves on with "In 1942, ..." at its head.
        return
    if old is not None and when.month is None and abs(when.year - old.year) > _ASIDE_YEARS \
            and ctx.published is not None and abs(ctx.published.year - when.year) <= _WRITERS_TIME \
            and not _opens_sentence(ctx.body, c.start):
        # A year of the writer's own time, decades from the story, inside a
        # sentence, is an aside ("a report declassified in 2005 revealed
        # ...") that the story does not follow; "his death in 1975; two
        # years later" is still the story.
        return
    ctx.narrative = when
    # Only a written year makes a same-sentence bare date follow it in news.
    ctx.narrative_sentence = ctx.sentence if explicit else -1
    if when.day is not None:
        ctx.last_day = when


def _in_aside(body: str, sentence: int, at: int) -> bool:
    """Whether ``at`` stands inside a parenthesis or a quotation opened in its sentence."""
    head = body[sentence:at]
    if head.rfind("(") > head.rfind(")") or head.rfind("[") > head.rfind("]"):
        return True
    if head.rfind("“") > head.rfind("”") or head.rfind("«") > head.rfind("»") \
            or head.rfind("``") > head.rfind("''"):
        return True
    return head.count('"') % 2 == 1


_SENTENCE_HEAD = re.compile(r"(?:[.!?:;\n]\s*|\(\s*)(?:[\"“(]\s*)?(?:\w+\s+){0,2}"
                            r"(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?$")


def _opens_sentence(body: str, start: int) -> bool:
    """Whether at most a couple of words stand between a sentence start and ``start``."""
    head = ("\n" if start < 40 else "") + body[max(0, start - 40):start]
    return bool(_SENTENCE_HEAD.search(head))


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# What may stand between a clock time and the day it belongs to: a time zone
# too ("5 p.m. EST, Nov. 6", "15 h GMT samedi").
_CLOCK_TO_DAY = re.compile(r"[\s,]*(?:(?-i:[ECMP][SD]T|GMT|UTC|CET|BST)\b[\s,]*)?"
                           r"(?:(?:on|ce|le)\s+)?", re.IGNORECASE)
# In English a time zone may stand between them too ("9 a.m. EST Tuesday"),
# and the two make one expression, as TimeML writes them.
_CLOCK_ZONE_DAY = re.compile(r"\s*(?:\(?\b[A-Z]{2,4}T\b\)?|\bGMT\b|\bUTC\b)?,?\s*(?:on\s+)?")
_DAY_KINDS = frozenset({"weekday", "dm", "dmy", "deictic_day", "holiday"})


def _date_clock_times(out: list[Mention], cands: list[_Cand], body: str,
                      lang: str = "en") -> list[Mention]:
    """A clock time written just before its day ("vers 5 h, samedi") takes that
    day; in English the two become one mention ("noon Thursday", "5 p.m. EST,
    Nov. 6")."""
    clocks = {(c.start, c.end) for c in cands if c.kind in ("clock", "noon", "daytime")}
    days = {(c.start, c.end) for c in cands if c.kind in _DAY_KINDS}
    merged: list[Mention] = []
    i = 0
    while i < len(out):
        m = out[i]
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is None or (m.start, m.end) not in clocks:
            merged.append(m)
            i += 1
            continue
        if lang == "en" and (nxt.start, nxt.end) in days \
                and _CLOCK_ZONE_DAY.fullmatch(body, m.end, nxt.start) \
                and "\n" not in body[m.end:nxt.start]:
            merged.append(Mention(m.start, nxt.end, body[m.start:nxt.end], nxt.value,
                                  m.sentence, m.sentence_start, nxt.anchor))
            i += 2
            continue
        if _DAY_VALUE.match(nxt.value) and _CLOCK_TO_DAY.fullmatch(body, m.end, nxt.start):
            m = Mention(m.start, m.end, m.text, nxt.value, m.sentence, m.sentence_start,
                        nxt.anchor)
        merged.append(m)
        i += 1
    return merged
