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
from urllib.parse import urlsplit

# LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def neutralise_bidi(text: str) -> str:
    """Replace bidi override and isolate controls with a visible ``<U+202E>`` marker."""
    return BIDI_CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


# Characters XML 1.0 forbids (C0 controls but tab, LF and CR; the surrogates a
# YAML escape such as "\ud800" can make; U+FFFE and U+FFFF): one of them in an
# SVG or XHTML reader's input makes the whole file unreadable.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What a one-line message must not carry raw: controls (a newline would start a
# forged "Error:" line), line and paragraph separators, bidi controls.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                          "\ud800-\udfff]")


def replace_forbidden(text: str) -> str:
    """Replace characters XML forbids with U+FFFD, one for one (offsets stay valid)."""
    return XML_FORBIDDEN.sub("\ufffd", text)


def forbidden_character(text: str) -> str | None:
    """Return the first character XML forbids in ``text`` as ``U+0007``, or None."""
    found = XML_FORBIDDEN.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def printable(text: str) -> str:
    """Write control, separator and bidi characters of a message as escapes (``\\n``)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace")
                            .decode("ascii"), text)


def is_web_url(url: str) -> bool:
    """Return whether ``url`` is an absolute http(s) address with a host, nothing hidden in it.

    Parsed, not matched against a prefix: whitespace or a control character
    anywhere (a CR/LF would forge lines in the iCalendar export), no host, a
    bad port or any other scheme are refused.
    """
    if not url or any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp")
                      for c in url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


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
