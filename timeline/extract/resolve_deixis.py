"""Resolvers for words counted from the publication date (or the story's
day): "this week", "yesterday", "mardi", clock times, PRESENT_REF words."""

from __future__ import annotations

import datetime
import re

from timeline.extract import lexicon as lex
from timeline.extract.calendar import _from_date, _shift
from timeline.extract.context import _Context, _deixis_base, _Result
from timeline.extract.focus import _fresh_focus
from timeline.extract.patterns import _Cand
from timeline.extract.tense import _SINCE_BEFORE, _tense


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
    step = {"this": 0, "next": 1, "last": -1, "past": -1, "the coming": 1, "this past": -1,
            "this coming": 1, "current": 0, "present": 0}.get(word, 0)
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
    if ctx.pub_day is None:
        return 0
    day = ctx.pub_day.weekday()
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
    if ctx.pub_day is None:
        # A paper dated to the month: "today" is in that month, "yesterday"
        # perhaps in the one before. Give the unit that holds every day it may be.
        span = ctx.pub_range()
        assert span is not None
        lo, hi = (d + datetime.timedelta(days=offset) for d in span)
        if (lo.year, lo.month) == (hi.year, hi.month):
            return f"{lo.year:04d}-{lo.month:02d}", "publication", None
        if lo.year == hi.year:
            return f"{lo.year:04d}", "publication", None
        return ref, "none", None
    out = ctx.published + datetime.timedelta(days=offset)
    return out.isoformat(), "publication", _from_date(out)


# "until 9 a.m. Tuesday": a clock may stand between "until" and its day.
_UNTIL_CLOCK_BEFORE = re.compile(r"\b(?:until|till|through|jusqu'(?:à|au)|jusqu’(?:à|au))\s+"
                                 r"(?:(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?|h\d*)?|noon|midnight)"
                                 r"\s+(?:[A-Z]{3}\s+)?)?$", re.IGNORECASE)
# Putting off: "postponed until Tuesday", "gave them until Friday" set a day
# still to come, whatever the tense of the report.
_DEFERRAL = re.compile(r"\b(?:postpon|delay|extend|adjourn|suspend|defer|recess|put\s+off|"
                       r"gave|give|given|grant)\w*\b", re.IGNORECASE)


_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_AHEAD_BEFORE = re.compile(r"\b(?:ahead\s+of|upcoming|coming|awaiting|await|awaits|until|"
                           r"till)\s+$", re.IGNORECASE)


def _possessive_past(c: _Cand, ctx: _Context) -> bool:
    """ "get around Wednesday's ruling": a weekday owning a thing names what
    has happened (the ruling, the close, the debate), whatever the verb
    around it; "ahead of Sunday's vote" still looks forward."""
    return ctx.lang == "en" and bool(_POSSESSIVE_AFTER.match(ctx.body, c.end)) \
        and not _AHEAD_BEFORE.search(ctx.body, max(0, c.start - 16), c.start)


def _until_ahead(c: _Cand, ctx: _Context) -> bool:
    """Whether a weekday closes a stretch that runs ahead: "visible jusqu'à
    dimanche" with no tense, or one put off until then."""
    until = _UNTIL_CLOCK_BEFORE.search(ctx.body, max(0, c.start - 32), c.start)
    if until is None:
        return False
    if _tense(c, ctx) == 0:
        return True
    head = ctx.body[max(ctx.sentence, until.start() - 80):until.start()]
    return ctx.lang == "en" and bool(_DEFERRAL.search(head))


_EVERY_BEFORE = re.compile(r"\b(?:every|each|chaque)\s+$", re.IGNORECASE)


_AROUND_BEFORE = re.compile(r"\bthe\s+(previous|preceding|following)\s+$", re.IGNORECASE)


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
    around = _AROUND_BEFORE.search(ctx.body, max(0, c.start - 16), c.start)
    if around and not gd.get("step") and ctx.lang == "en":
        # "down 4% from the previous Friday", "the following Monday": counted
        # from the day the text is on, not from the paper's.
        base, anchor = ctx.anaphora_base()
        d = base.as_date() if base else None
        if d is not None:
            if around.group(1).lower() in ("previous", "preceding"):
                out = d - datetime.timedelta(days=(d.weekday() - want) % 7 or 7)
            else:
                out = d + datetime.timedelta(days=(want - d.weekday()) % 7 or 7)
            return out.isoformat(), anchor, _from_date(out)
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
    elif word not in ("last", "dernier") and anchor == "publication" \
            and not _SINCE_BEFORE.search(ctx.body[max(0, c.start - 12):c.start]) and (
            (_tense(c, ctx) > 0 and not _possessive_past(c, ctx)) or _until_ahead(c, ctx)):
        # A clause that looks ahead, or a stretch running until a weekday
        # ("visible jusqu'à dimanche"): the coming one.
        # "Le gouvernement présentera son projet mardi": the coming Tuesday;
        # "will vote on Friday" in Friday's paper is that day ("next Friday"
        # would say the other).
        out = d + datetime.timedelta(days=(want - d.weekday()) % 7)
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
    if word == "future" and ctx.news and ctx.lang == "en" \
            and not _FUTURE_AS_NOUN.match(ctx.body, c.end):
        # "future earnings", "future restructuring" in a news report: a
        # property of a plan or a figure, which news annotation leaves out;
        # a history's "future campaign" is the story's coming time and stays.
        return None
    if word == "soon" and not (
            ctx.news and not _SOON_LINKED.match(ctx.body, c.end)
            and not _SOON_DEGREE.search(ctx.body, max(0, c.start - 5), c.start)
            and (_SOON_MODAL.search(ctx.body, max(0, c.start - 8), c.start)
                 or _tense(c, ctx) > 0)):
        # "may soon seek", "will begin soon": the writer's time to come. In a
        # past clause ("was soon released") or tied to an event ("soon after
        # the vote", "as soon as he lands") it places nothing on a calendar.
        return None
    if word == "now" and _DISCOURSE_NOW.match(ctx.body, c.end) \
            and _opens_sentence_here(ctx.body, c.start):
        return None  # "Now, he says, ...": a turn in the argument, not a time
    if value == "PRESENT_REF" and ctx.lang == "en" and _THEN_BEFORE.search(
            ctx.body, max(0, c.start - 6), c.start):
        return "PAST_REF", "none", None  # "the then-current chairman": a present gone by
    if word == "à terme" and _TERM_VERB_BEFORE.search(ctx.body[max(0, c.start - 16):c.start]):
        return None  # "le contrat arrive à terme": it ends, no time is referred to
    return value, "none", None


_DISCOURSE_NOW = re.compile(r"\s*,")
_SOON_LINKED = re.compile(r"\s+(?:after|afterwards?|thereafter|as|enough|than)\b", re.IGNORECASE)
# A modal or "to" just before says the clause looks ahead whatever verb the
# tense search meets first ("have told him they may soon seek").
_SOON_MODAL = re.compile(r"\b(?:will|may|might|shall|could|to|'ll)\s+$", re.IGNORECASE)
_SOON_DEGREE = re.compile(r"\b(?:as|so|too|how)\s+$", re.IGNORECASE)
# "future" is a noun (the time to come) before punctuation or a word that
# cannot be the noun it would qualify.
_FUTURE_AS_NOUN = re.compile(r"\s*(?:[^\w\s-]|$|(?:of|in|is|was|will|would|looks?|that|which|"
                             r"and|or|for|to|as|from|with|by|remains?|holds?|away)\b)",
                             re.IGNORECASE)


def _opens_sentence_here(body: str, start: int) -> bool:
    head = body[max(0, start - 8):start].rstrip(" \t\"“`'")
    return not head or head[-1] in ".!?:;\n"


_THEN_BEFORE = re.compile(r"\bthen[\s-]$", re.IGNORECASE)
_TERM_VERB_BEFORE = re.compile(r"\b(?:arriv|men|conduit|port|parv|venu)\w*\s+$",
                               re.IGNORECASE)


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


_QUARTER_STEPS = {"this": 0, "current": 0, "ce": 0, "en cours": 0, "next": 1, "coming": 1,
                  "prochain": 1, "last": -1, "previous": -1, "latest": -1, "past": -1,
                  "dernier": -1, "précédent": -1, "passé": -1}


_RESULTS_OWNED = re.compile(r"['’]s\s+(?:net|earnings|profits?|loss(?:es)?|income|revenues?|"
                            r"sales|results)\b", re.IGNORECASE)


def _r_deictic_quarter(c: _Cand, ctx: _Context) -> _Result:
    """ "last quarter", "le trimestre en cours": the quarter of the paper's date, moved."""
    gd = c.match.groupdict()
    word = re.sub(r"\s+", " ", (gd.get("step") or gd.get("rel") or gd.get("this") or "")
                  .lower())
    step = _QUARTER_STEPS.get(word, 0)
    if word == "this" and ctx.lang == "en" and _RESULTS_OWNED.match(ctx.body, c.end):
        # "This quarter's loss" in a report: results are of a quarter over,
        # the one the report is on, not the quarter the paper came out in.
        focus = _fresh_focus(ctx, c.start)
        if focus is not None and focus[1].startswith("Q"):
            return f"{focus[0]:04d}-{focus[1]}", "narrative", None
    base, anchor = _deixis_base(ctx)
    if base is None or base.month is None or base.year < 1:
        return {1: "FUTURE_REF", -1: "PAST_REF"}.get(step, "PRESENT_REF"), "none", None
    k = base.year * 4 + (base.month - 1) // 3 + step
    return f"{k // 4:04d}-Q{k % 4 + 1}", anchor, None


def _r_deictic_plural(c: _Cand, ctx: _Context) -> _Result:
    """ "les prochains jours", "ces derniers mois", "in recent years", "in coming
    months": ahead of or behind the writer."""
    m = c.match
    rel = m.group("rel").lower()
    if ctx.lang == "en" and rel in ("last", "next") and not m.groupdict().get("the"):
        return None  # "his last years", "next months" without "the": not this phrase
    ahead = rel.startswith(("prochain", "à", "coming", "next", "upcoming"))
    return ("FUTURE_REF" if ahead else "PAST_REF"), "none", None
