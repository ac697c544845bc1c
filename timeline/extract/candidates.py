"""Finding candidates: trigger windows, the patterns run in them, and the
choice of non-overlapping spans with their modifiers."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from timeline.extract import lexicon as lex
from timeline.extract.patterns import _alt, _Cand, _patterns

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
    r"(?:(?:early\s+in\s+)?the\s+)?(?:(?:early\s+)?morning|afternoon|evening|night|dawn|dusk|"
    r"daybreak|early\s+morning\s+hours|early\s+hours)\s+of\s+(?:the\s+)?)$",
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
    "dm": 2, "century": 2, "decade": 2, "mon_ofyear": 2, "mon_deictic_year": 2,
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
            if pat.kind in ("ago", "later", "anchored") and "num" not in pat.regex.groupindex:
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
    half = r"(?P<half>half\s+)?" if lang == "en" else ""
    return re.compile(rf"(?<![\w-])(?:(?:{hedges})\s+)?{half}"
                      rf"(?P<num>\d+|(?:{numbers})(?:(?:-|\s+et\s+)(?:{numbers}))*)\s+$")


def _take_quantity(c: _Cand, low: str, lang: str) -> None:
    """Extend a "later"/"ago" span back over its count ("almost two decades")."""
    head = low[max(0, c.start - 40):c.start]
    m = _quantity_rx(lang).search(head)
    if m:
        c.start -= len(head) - m.start()
        c.qty = "half" if m.groupdict().get("half") and m.group("num") in ("a", "an") \
            else m.group("num")


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
    if kind in ("holiday", "weekday") and (
            _AGREEMENT_AFTER.match(body, m.end())
            or _AGREEMENT_BEFORE.search(body[max(0, m.start() - 20):m.start()])):
        return False  # "the Good Friday Agreement", "l'accord du Vendredi saint": names
    if lang != "en":
        return True
    if kind in _DEICTIC_KINDS and _title_cased(body, m.start(), m.end()):
        return False
    if kind.startswith("season") and _ZONE_AFTER.match(body, m.end()):
        return False  # "British Summer Time": a time zone
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


# Agreements named after the day they were made.
_AGREEMENT_AFTER = re.compile(r"(?:\s+[Ss]aint)?\s+(?:Agreements?|Accords?|Treaty|Pact)\b")
_AGREEMENT_BEFORE = re.compile(r"\b(?:[Aa]ccords?|[Tt]raité|[Pp]acte)\s+(?:du|de)\s+$")
_ZONE_AFTER = re.compile(r"\s+Time\b")
# Words of time that English writes in lower case: a capital inside a
# sentence makes them part of a name ("VOA Today", "the film High Noon",
# ABC's "This Week").
_DEICTIC_KINDS = frozenset({"deictic_day", "deictic_unit", "noon", "ref"})
_OPENERS = ".!?:;\"“”'‘’`([—–-"


def _title_cased(body: str, start: int, end: int) -> bool:
    text = body[start:end]
    if text.isupper():
        return False  # a line in capitals ("TALKS RESUME TODAY") says nothing by its case
    words = text.split()
    if any(w[:1].isupper() for w in words[1:]):
        return True
    if not text[:1].isupper():
        return False
    head = body[max(0, start - 40):start].rstrip()
    return bool(head) and head[-1] not in _OPENERS
