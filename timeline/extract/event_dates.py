"""Steps counted from an event the text itself has dated.

"Five days after the fall of Girona" needs the fall's date. When an earlier
sentence of the same text names that event (the same content words) beside
a date ("Girona fell on 10 December 1809"), the step is counted from that
date. Otherwise the mention waits for the curated history
(``timeline.anchoring``) with no value: none is invented.
"""

from __future__ import annotations

import re

from timeline.anchoring import shifted_value
from timeline.dates import from_timex
from timeline.extract.calendar import _When
from timeline.extract.context import _Context
from timeline.text import fold

# Words that do not name an event: articles, possessives, prepositions.
_FILLER = frozenset({
    "the", "a", "an", "of", "his", "her", "their", "its", "this", "that", "these", "those",
    "le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "sa", "son", "ses", "leur",
    "leurs", "ce", "cette", "on", "in", "at", "to", "en", "au", "aux",
})
_STEP_FROM = re.compile(r"\b(?:after|before|apres|avant)\s+(?:[^\W\d_][\w'’-]*\s+){0,3}"
                        r"[^\W\d_][\w'’-]*", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PHRASE_WORDS = 4    # the event's name is in its first words ("the fall of Girona")
_STEM = 5            # "deployment" is found as "deployed", "Soviets" as "Soviet"
_LOOK_BACK = 40      # how many dated sentences back the event may be named


def _keys(words: str) -> list[tuple[str, bool]]:
    """The first content words naming the event, each folded and cut to a stem,
    with whether it is written as a name ("Girona", "Soviet")."""
    out: list[tuple[str, bool]] = []
    for w in _WORD.findall(words)[:_PHRASE_WORDS]:
        f = fold(w).strip("'’")
        if f not in _FILLER and len(f) >= 3:
            out.append((f[:_STEM], w[0].isupper()))
    return out


def _names(sentence: str, keys: list[tuple[str, bool]]) -> bool:
    """Whether a sentence names the event: every proper name of it ("the fall
    of Girona" is told as "Girona fell"), or every word when it has no name."""
    # An event named as the origin of another step ("January, 43 years after
    # de Gaulle") is not dated by that sentence: its date is the step's.
    folded = _STEP_FROM.sub(" ", fold(sentence))
    wanted = [k for k, name in keys if name] or [k for k, _ in keys]
    return all(re.search(rf"(?<!\w){re.escape(k)}", folded) for k in wanted)


def count_from_text(ctx: _Context, words: str, offset: str) -> tuple[str, _When | None] | None:
    """The value of a step from an event an earlier sentence dates, or None."""
    keys = _keys(words)
    if not keys:
        return None
    seen = 0
    for start, end, when in reversed(ctx.dated):
        if start >= ctx.sentence:
            continue  # the step's own sentence: its dates are not the event's
        seen += 1
        if seen > _LOOK_BACK:
            break
        if not _names(ctx.body[start:end], keys):
            continue
        span = from_timex(when.timex())
        value = shifted_value(span, offset) if span is not None else None
        if value is None:
            return None
        parts = [int(p) for p in value.split("-")]
        return value, _When(*parts)
    return None
