"""Tense: which way a news date without a year or week points."""

from __future__ import annotations

import datetime
import functools
import re

from timeline.extract import lexicon as lex
from timeline.extract.calendar import _add_years, _valid, _When
from timeline.extract.context import _Context
from timeline.extract.patterns import _alt, _Cand

# "Le ministre présentera son projet mardi" is next Tuesday; "il a voté
# mardi" the last one. A clause's tense is read from the verb form nearest
# the date in its clause: auxiliaries and irregular forms from the lexicon,
# regular ones from their endings. Nothing here parses: a wrong guess only
# costs the choice a bare date already had to make, and a date is moved only
# when the nearest-year choice contradicts the tense.

_TENSE_REACH = 100  # characters either side of a date a verb may stand
_COMMA_PENALTY = 40
# Quotation marks end a clause too, the typewriter's `` and '' included: a
# verb inside a quote says nothing of the tense of the report around it.
_CLAUSE_BREAK = re.compile(r"[;:«»“”\"()\[\]—]|``|''")
# "since March", "depuis le 3 février": a start already behind the writer.
# "until March", "through January": the end of a stretch.
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through|jusqu'(?:en|à|au)|jusqu’(?:en|à|au))\s+"
                           r"(?:(?:the\s+)?(?:end|middle)\s+of\s+|(?:la\s+)?fin\s+|mi-)?$",
                           re.IGNORECASE)
_EFFECTIVE_BEFORE = re.compile(r"\b(?:effective|starting|beginning)\s+(?:on\s+)?$",
                               re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:that|que|qu'|qu’)(?![\w'’])", re.IGNORECASE)
# A participle with its agent after a date and no auxiliary before it qualifies
# a noun ("by August in search of markets untouched by the crisis"); it is no
# verb of the clause. "was hit by" is one.
_AGENT_AFTER = re.compile(r"\s+by\b")
_AUXILIARY_BEFORE = re.compile(r"\b(?:was|were|had|has|have|got|get|gets|been|being)\s+"
                               r"(?:\w+\s+)?$", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|these|those)\s+"
                                r"(?:(?:\w+ly|still|yet|not|now|newly)\s+)?$", re.IGNORECASE)
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
        # The present progressive of an arrangement: "is meeting Monday".
        fut_forms = r"(?:is|are|am)\s+(?:(?:not|also|still)\s+)?[a-z]{2,}ing"
        # A modal with "have" looks back ("could have emerged"), and so do a
        # schedule already past when told ("had been due to expire Friday")
        # and "could not", a news report's failed attempt ("could not be
        # reached Friday"); a bare "could" still looks ahead.
        before_future = (r"(?:could|would|might|should|must)(?:n't|\s+not)?\s+have|"
                         r"could(?:n't|\s+not)|"
                         r"had\s+(?:\w+\s+)?been\s+(?:due|scheduled|expected|set)\s+to(?:\s+\w+)?")
        past_forms = r"[a-z]+[^e\W]ed(?<!hundred)"
        # An intention told in the past still looks ahead: "were planning to
        # march on Monday" (read before "were" would count as a past).
        before_past = r"(?:was|were)\s+(?:planning|preparing|going)\s+to"
    else:
        # Simple futures ("présentera", "viendront", "pourra", "aura") and
        # imperfects ("votait"), participles after "est"/"sont" ("est arrivé").
        before_future = before_past = r"(?!)"
        fut_forms = (r"[a-zéèêàâîôûç]+(?:era|eront|erons|erez|erai|ira|iront|dra|dront|"
                     r"rra|rront|vra|vront)(?<!opéra)(?<!caméra)(?<!choléra)")
        past_forms = (r"[a-zéèêàâîôûç]{2,}(?:ait|aient)(?<!souhait)(?<!trait)(?<!lait)|"
                      r"(?:est|sont)\s+"
                      r"(?:(?:pas|plus|déjà|bien|toujours|aussi|encore|jamais|enfin|ainsi|"
                      r"finalement|alors)\s+)?[a-zéèêàâîôûç]+(?:é|ée|és|ées|i|ie|is|"
                      r"ise|ies|u|ue|us|ues|ts?|tes?)")
    # An elided pronoun may stand before the verb ("s'est noyée", "l'a dit").
    # In English a participle after a form of "be" is passive, not past, the
    # irregular ones ("will be held", "is heard") as much as "-ed" ones: the
    # auxiliary before it tells the tense.
    passive = (r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\bam )"
               if lang == "en" else "")
    return re.compile(rf"(?<![\w-])(?:(?P<pastmodal>(?i:{before_future}))|"
                      rf"(?P<fut>(?i:{before_past})|(?i:{fut})|{fut_forms})|"
                      rf"{passive}(?P<past>{past_forms}|(?i:{past})))(?![\w-])")


def _tense(c: _Cand, ctx: _Context) -> int:
    """+1 if the clause around a candidate looks ahead, -1 if it looks back, 0
    when it does not say: the tense marker nearest the candidate decides."""
    lo, hi = _clause(ctx, c.start, c.end)
    if lo > 0 and hi < len(ctx.body) and ctx.body[lo - 1] == "(" and ctx.body[hi] == ")" \
            and not _tense_rx(ctx.lang).search(ctx.body, lo, hi):
        # A date in a parenthesis of its own restates the one before it
        # ("will leave at dawn (4 a.m. Thursday)"): the clause around it tells.
        lo, hi = _clause(ctx, lo - 1, hi + 1)
    return _nearest_marker(c, ctx, lo, hi)


def _clause(ctx: _Context, start: int, end: int) -> tuple[int, int]:
    """Where the clause around ``start``-``end`` begins and ends, within reach."""
    lo = max(ctx.sentence, start - _TENSE_REACH)
    # A date opening its sentence ("In January, a week after ..., a bomb
    # killed") waits for the subject before the verb comes.
    reach = 2 * _TENSE_REACH if start - ctx.sentence < 12 else _TENSE_REACH
    hi = min(ctx.sentence_end, end + reach)
    cut = _CLAUSE_BREAK.search(ctx.body[lo:start][::-1])
    if cut:
        lo = start - cut.start()
    cut = _CLAUSE_BREAK.search(ctx.body, end, hi)
    if cut:
        hi = cut.start()
    return lo, hi


def _nearest_marker(c: _Cand, ctx: _Context, lo: int, hi: int) -> int:
    best: tuple[int, int] | None = None
    for m in _tense_rx(ctx.lang).finditer(ctx.body, lo, hi):
        if m.start() < c.end and m.end() > c.start:
            continue  # a word of the date itself ("mars dernier")
        dist = c.start - m.end() if m.end() <= c.start else m.start() - c.end
        between = ctx.body[m.end():c.start] if m.end() <= c.start else ctx.body[c.end:m.start()]
        if m.group("past") and m.group().endswith("ed") and _DETERMINER_BEFORE.search(
                ctx.body, max(0, m.start() - 24), m.start()):
            continue  # an adjective: "a still unspecified date", "the rejected bid"
        if m.group("past") and m.start() >= c.end and ctx.lang == "en" \
                and _AGENT_AFTER.match(ctx.body, m.end()) \
                and not _AUXILIARY_BEFORE.search(ctx.body, max(0, m.start() - 24), m.start()):
            continue  # "new markets untouched by the crisis": a participle on a noun
        if m.start() >= c.end and _REPORTED.search(between):
            # "warned on Thursday that strikes could follow": the verb after
            # "that" is the report's content, not when it was made.
            continue
        if "," in between:
            # "Clinton, who returns on Sunday, said ...": a verb in the date's
            # own phrase outranks a nearer one across a comma.
            dist += _COMMA_PENALTY
        if best is None or dist < best[0]:
            best = (dist, 1 if m.group("fut") is not None else -1)
    return best[1] if best else 0


# Publication dates are often a day or two off, and a clause that looks ahead
# often names a date just gone ("the accord of April 20, which could still
# collapse"): a day weeks back is not next year's; one months back may be.
_TENSE_GRACE = datetime.timedelta(days=31)
# A past clause about a date weeks ahead is common ("announced it will close
# on 30 October" read badly, an infinitive "avant de quitter ... le 30
# octobre"): only a date months ahead is moved back.
_PAST_GRACE = datetime.timedelta(days=62)


def _tense_year(w: _When, ctx: _Context, c: _Cand) -> _When:
    """A news date the nearest-year rule placed on the wrong side of the
    publication date for its clause's tense moves a year."""
    pub_range = ctx.pub_range()
    if pub_range is None or w.month is None or w.year < 1:
        return w
    pub, pub_last = pub_range
    since = bool(_SINCE_BEFORE.search(ctx.body[max(0, c.start - 12):c.start]))
    tense = -1 if since else _tense(c, ctx)
    if not tense or (tense > 0 and _attributive(c, ctx)):
        return w
    if tense < 0 and (_UNTIL_BEFORE.search(ctx.body[max(0, c.start - 12):c.start])
                      or _EFFECTIVE_BEFORE.search(ctx.body, max(0, c.start - 14), c.start)):
        # "extended the loans through January", "named a chairman, effective
        # Feb. 1": a past act whose stretch ends or starts ahead; the nearest
        # such month stands.
        return w
    if w.day is None:
        ahead = (w.year * 12 + w.month) - (pub.year * 12 + pub.month)
        behind = (w.year * 12 + w.month) - (pub_last.year * 12 + pub_last.month)
        wrong = ahead < 0 if tense > 0 else behind > (0 if since else 1)
    else:
        d = w.as_date()
        if d is None:
            return w
        wrong = d < pub - _TENSE_GRACE if tense > 0 else \
            d > pub_last + (datetime.timedelta(days=1) if since else _PAST_GRACE)
    if not wrong:
        return w
    moved = _When(_add_years(w.year, tense), w.month, w.day)
    if w.day is not None and not _valid(moved.year, moved.month, w.day):
        return w
    return moved


def _looks_past_the_story(w: _When, ctx: _Context, c: _Cand) -> bool:
    """Whether a news date given the year its sentence wrote ("invited in July
    1997, they will join on March 12") lies before the paper's month although
    its clause looks ahead: the year then belonged to another phrase."""
    pub_range = ctx.pub_range()
    if not ctx.news or pub_range is None or w.month is None:
        return False
    pub = pub_range[0]
    return w.year * 12 + w.month < pub.year * 12 + pub.month and _tense(c, ctx) > 0


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|in|on|at|to|for|by|and|or|but|when|as|is|was|were|"
                         r"are|will|would|had|has|have|that|which|who|after|before|until|"
                         r"through|from|with|last|next|this|the|a|an)\b)[a-z][a-z-]+\b")


def _attributive(c: _Cand, ctx: _Context) -> bool:
    """A date between an article and its noun ("the Feb. 3 accord", "a June
    agreement") names a thing the text takes as known: a verb that looks ahead
    tells what is still to be done with it, not that it is to come."""
    if ctx.lang != "en" or c.kind not in ("dm", "m"):
        return False
    return bool(_ARTICLE_BEFORE.search(ctx.body, max(0, c.start - 8), c.start)
                and _NOUN_AFTER.match(ctx.body, c.end))
