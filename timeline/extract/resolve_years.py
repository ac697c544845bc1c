"""Resolvers for years, decades and centuries, and the tests that tell a
year from a count, a label or a piece of a telephone number."""

from __future__ import annotations

import re

from timeline.extract import lexicon as lex
from timeline.extract.calendar import _When
from timeline.extract.context import _Context, _month, _Result, _year_of
from timeline.extract.patterns import _ERA_BC, _Cand


def _r_year(c: _Cand, ctx: _Context) -> _Result:
    m = c.match
    year = _year_of(m, ctx.lang, ctx.ref_year)
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
        # News speaks from its own date (an 1850 it recalls does not make
        # "les années 60" the 1860s); a history from the story's.
        base = ctx.dct if ctx.news and ctx.dct else ctx.narrative or ctx.dct
        century = (base.year // 100) if base and base.year > 0 else 19
        # Not a decade still to come for the writer.
        now = max(base.year, ctx.dct.year) if base and ctx.dct else base.year if base else 2100
        if century * 100 + int(raw) > now:
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


_SPELLED = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_SPELLED.update({w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())})


def _r_year_spelled(c: _Cand, ctx: _Context) -> _Result:
    """ "nineteen ninety-six" is 1996, "the year two thousand" 2000."""
    m = c.match
    hi = " ".join(m.group("hi").lower().split())
    century = 2000 if hi == "two thousand" else _SPELLED[hi] * 100
    lo = 0
    for word in re.split(r"[\s-]+", (m.group("lo") or "").lower()):
        if word and word != "oh":
            lo += _SPELLED[word]
    year = century + lo
    month = _month(m, ctx.lang) if m.groupdict().get("mon") else None
    w = _When(year, month)
    return w.timex(), "explicit", w

