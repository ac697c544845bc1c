"""The pieces every language's candidate patterns share: era markers, years, numeric dates.

Apart from ``patterns`` so that the per-language tables (patterns_en,
patterns_fr) and the module that compiles them import these, and not each
other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first so that "september" beats "sep"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                    sorted(set(words), key=len, reverse=True))


# Patterns run over a lower-cased copy of the body (much faster than
# IGNORECASE), so every literal in them is lower case.
# "149 B.C" loses its last full stop at times (and a sentence's).
_ERA_BC = r"(?:bce|bc|b\.c\.e\.|b\.c\.|b\.c(?![\w.])|av\.?\s*j\.?-?c\.?|avant\s+j\.?-?c\.?)"
# A bare "ad" is only taken where the original is written "AD" (see year_ad).
_ERA_AD = r"(?:a\.d\.|apr\.?\s*j\.?-?c\.?)"
_YEAR4 = r"(?:1\d{3}|20\d{2})"
_NOT_NUM_AFTER = r"(?![\d]|[.,]\d|\s*[%€$£]|\s*-\s*(?:year|an)s?\b)"
_ROMAN = r"(?:x{0,2}(?:ix|iv|v?i{0,3}))"
# Finite verbs that show "before"/"after" stands alone as an adverb.
_EN_FINITE = r"(?:had|has|have|was|were|is|are|would|will|could|did)\b"


def _numeric_date_patterns(lang: str) -> list[tuple[str, str, bool]]:
    """ISO dates, and day/month/year written in digits in the language's order
    (7/3/1966 is 3 July in English, 7 March in French)."""
    first, second = ("mo", "day") if lang == "en" else ("day", "mo")
    return [
        ("numeric", r"(?<![\w/.-])(?P<year>1\d{3}|20\d{2})-(?P<mo>[01]\d)-(?P<day>[0-3]\d)"
                    r"(?![\w/-]|\.\d)", False),
        ("numeric", r"(?<![\w/.-])(?P<year>1\d{3}|20\d{2})([/.])(?P<mo>[01]?\d)\2(?P<day>[0-3]?\d)"
                    r"(?![\w/-]|\.\d)", False),
        ("numeric", rf"(?<![\w/.-])(?P<{first}>[0-3]?\d)([/.-])(?P<{second}>[0-3]?\d)\2"
                    r"(?P<year>1\d{3}|20\d{2})(?![\w/-]|\.\d)", False),
    ]
