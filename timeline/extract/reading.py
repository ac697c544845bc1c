"""Reading the text as a whole: news or narrative, and its sentences."""

from __future__ import annotations

import bisect
import datetime
import re

from timeline.extract.context import _day, _month, _year_of
from timeline.extract.patterns import _Cand

_NEWS_KINDS = frozenset({"deictic_day", "deictic_fr", "deictic_unit", "weekday", "clock",
                         "noon", "daytime", "ago", "deictic_quarter"})
# A word that only makes sense against the publication date ("last month",
# "mardi") says "news" more surely than a year near that date does: histories
# quote such words now and then, news uses them in every other paragraph.
_DEIXIS_WEIGHT = 4


def _votes(c: _Cand, published: datetime.date, lang: str) -> tuple[int, int]:
    """What one candidate says for news (near) and for history (far)."""
    if c.kind in ("dmy", "my", "year", "season_y"):
        y = _year_of(c.match, lang, published.year)
        if y is None:
            return 0, 0
        return (1, 0) if abs(y - published.year) <= 1 else (0, 1)
    if c.kind == "deictic_day" and c.match.group("dd").lower() in _NARRATOR_TODAY:
        # A history says "today" too, of its own writing ("Today the war
        # is remembered..."): weaker evidence than "yesterday" or "mardi".
        return _DEIXIS_WEIGHT // 2, 0
    if c.kind in _NEWS_KINDS or (c.kind == "dm" and c.match.groupdict().get("wd")):
        return _DEIXIS_WEIGHT, 0  # "lundi 17 février" is a date of this week or next
    if c.kind == "dm" and _within_days(c, published, lang, _NEAR_DAYS):
        # A day written without its year, days from the paper's ("BERLIN,
        # March 3 (agency)" on the 4th): a history's days fall there by chance.
        return _DEIXIS_WEIGHT // 2, 0
    return 0, 0


_NEAR_DAYS = 3


def _within_days(c: _Cand, published: datetime.date, lang: str, days: int) -> bool:
    month, day = _month(c.match, lang), _day(c.match)
    if month is None or day is None:
        return False
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            if abs((datetime.date(year, month, day) - published).days) <= days:
                return True
        except ValueError:
            continue
    return False


def _is_news(cands: list[_Cand], published: datetime.date | None, lang: str,
             body: str = "") -> bool:
    """Read as news when the text talks mostly about its own time.

    Evidence for news: explicit years within a year of the publication date,
    and (weighted) words that only make sense against it ("yesterday",
    "mardi", "18 h", "two weeks ago"). Evidence for history: explicit years
    further away. A news story that recalls 1949 and 1966 stays news; a war
    history that quotes a "today" stays history: words inside a quotation
    do not vote, they are the speaker's time, not the text's.
    """
    if published is None:
        return False
    near = far = 0
    for c in cands:
        if body and _quoted(body, c.start):
            continue
        n, f = _votes(c, published, lang)
        near += n
        far += f
    return near >= far


# A paragraph overrides the document's mode only on this much evidence of
# its own: two words such as "yesterday" with no older year, or eight years
# far from the paper with nothing near it.
_PARAGRAPH_MARGIN = 2 * _DEIXIS_WEIGHT


def _paragraph_modes(cands: list[_Cand], published: datetime.date | None, lang: str,
                     body: str, news: bool) -> list[tuple[int, bool]]:
    """Where each paragraph starts and whether it reads as news.

    A history's last section on the war's memory today, or a news story's
    paragraph of background years, is read in its own mode when it says so
    clearly; otherwise the document's mode holds.
    """
    if published is None:
        return [(0, news)]
    starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(body)]
    score = [0] * len(starts)
    for c in cands:
        if _quoted(body, c.start):
            continue
        n, f = _votes(c, published, lang)
        score[bisect.bisect_right(starts, c.start) - 1] += n - f
    out = []
    for a, s in zip(starts, score, strict=True):
        mode = news
        if news and s <= -_PARAGRAPH_MARGIN:
            mode = False
        elif not news and s >= _PARAGRAPH_MARGIN:
            mode = True
        out.append((a, mode))
    return out


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*\S)")
_QUOTE_OPEN = re.compile(r"[“«\"]|``")


def _quoted(body: str, at: int) -> bool:
    """Whether ``at`` is inside a quotation opened in the last few hundred characters."""
    lo = max(0, at - 400)
    head = body[lo:at]
    cut = max(head.rfind("\n"), 0)
    head = head[cut:]
    if head.rfind("“") > head.rfind("”") or head.rfind("«") > head.rfind("»") \
            or head.rfind("``") > head.rfind("''"):
        return True
    return head.count('"') % 2 == 1


_NARRATOR_TODAY = frozenset({"today", "aujourd'hui", "aujourd’hui"})


_UPPER, _LOWER = "A-ZÀ-ÖØ-Ý", "a-zß-öø-ÿ"
_OPEN, _CLOSE = "\"'“‘«(\\[", "\"'”’»)\\]"
_CLOSERS = re.compile(r"(?:[ \u00a0\u202f]?[" + _CLOSE + r"])*")
_SENTENCE_END = re.compile(
    # The usual end: a stop, closing quotes or brackets, space, a capital or digit.
    # French sets its closing guillemet off with a space: "Non. » Puis".
    # Not before a time zone: "at 4 a.m. EDT Thursday" is one phrase.
    r"(?<=[.!?…])(?:[ \u00a0\u202f]?[" + _CLOSE + r"])*\s+(?=[" + _OPEN + r"]?[" + _UPPER
    + r"0-9])(?!(?:[ECMP][SD]T|GMT|UTC)\b)"
    # Scraped text loses the space: "fin.»Puis", "l'Alliance ».Le président",
    # "Un texte.Deux". Before the stop, a word of two lowercase letters or a
    # closing quote, so that the stops inside "U.S.A." or "J.-M." never cut;
    # after it, a capitalised word.
    r"|(?<=[" + _LOWER + r"]{2}[.!?…])(?=[" + _OPEN + r"]?[" + _UPPER + r"][" + _LOWER + r"])"
    r"|(?<=[" + _LOWER + r"]{2}[.!?…][" + _CLOSE + r"])(?=[" + _UPPER + r"][" + _LOWER + r"])"
    r"|(?<=[" + _CLOSE + r"][.!?…])(?=[" + _OPEN + r"]?[" + _UPPER + r"][" + _LOWER + r"])"
    r"|\n\s*")
# A subheading glued to the next sentence ("… l'élargirLe président"): a word
# of three lowercase letters or more that runs into a capitalised one. A word
# that starts with a capital ("McDonald", "LinkedIn") or has a short lowercase
# head ("iPhone", "eBay") is a name, not two sentences.
_GLUED = re.compile(r"(?<!\w)[" + _LOWER + r"]{3,}(?=[" + _UPPER + r"][" + _LOWER + r"])")


# Titles and the like that a name always follows: no sentence ends after
# "Mr." or "vs."; nor after a month's abbreviation before its day ("Oct. 23").
_TITLE_STOP = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Messrs|Dr|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Maj|"
                         r"Gov|Sen|Rep|Rev|Prof|St|Mt|Ft|vs|Gens|Sens|Reps|Msgr|Mme|Mlle|M)\.$")
_MONTH_STOP = re.compile(r"(?<![\w.])(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$")


def _sentences(body: str) -> list[tuple[int, int]]:
    # Closing quotes after the stop end the sentence they close ("… non.”").
    cuts = [(m.start() + _CLOSERS.match(m.group()).end(), m.end())
            for m in _SENTENCE_END.finditer(body)
            if not _after_abbreviation(body, m.start(), m.end())]
    cuts += [(m.end(), m.end()) for m in _GLUED.finditer(body)]
    spans: list[tuple[int, int]] = []
    pos = 0
    for end, start in sorted(cuts):
        if end < pos:
            continue
        if end > pos:
            spans.append((pos, end))
        pos = start
    if pos < len(body):
        spans.append((pos, len(body)))
    return spans or [(0, len(body))]


def _after_abbreviation(body: str, stop: int, nxt: int) -> bool:
    """Whether the stop just before ``stop`` closes "Mr." or an "Oct." before its day."""
    head = body[max(0, stop - 8):stop]
    if _TITLE_STOP.search(head):
        return True
    return bool(_MONTH_STOP.search(head)) and body[nxt:nxt + 1].isdigit()


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
