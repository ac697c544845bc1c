"""Make untrusted text inert wherever it is shown.

HTML escaping (Jinja's autoescape, ``html.escape`` for Plotly's hover labels)
stops markup. What it does not stop are Unicode bidirectional controls: an
invisible RIGHT-TO-LEFT OVERRIDE in an event title can make the text after it,
including the page's own labels, read backwards ("Trojan Source"). Real
right-to-left text needs none of these explicit overrides and isolates, so
they are shown as visible code points instead of being obeyed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def neutralise_bidi(text: str) -> str:
    """Replace bidi override and isolate controls with a visible ``<U+202E>`` marker."""
    return BIDI_CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def inert(value: object) -> object:
    """Neutralise bidi controls in strings; leave other values alone (a Jinja finalize hook)."""
    if isinstance(value, str) and BIDI_CONTROLS.search(value):
        return neutralise_bidi(value)
    return value


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Guetté' matches 'guette' and 'OTAN' 'otan'.

    The one folding rule of the project: linking compares keywords with
    sentences through it, and the events file refuses two keywords it makes
    equal, so the two can never disagree.
    """
    if text.isascii():  # most English sentences: nothing to decompose
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join([c for c in decomposed if not unicodedata.combining(c)]).replace("’", "'")


@lru_cache(maxsize=4096)
def _folded(keyword: str) -> str:
    return fold(keyword)


@lru_cache(maxsize=4096)
def _whole_word(folded: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(folded) + r"(?!\w)")


def keywords_in(keywords: Iterable[str], folded_text: str) -> tuple[str, ...]:
    """Return the keywords ``folded_text`` (already through fold()) names as whole words, sorted.

    How the linker and the event-anchored dates both recognise an event. A
    substring test comes first: most keywords are absent, and it is far
    cheaper than the word-boundary regex that confirms a hit.
    """
    return tuple(sorted({k for k in keywords
                         if (f := _folded(k)) and f in folded_text
                         and _whole_word(f).search(folded_text)}))
