"""The one typeface of the downloads (PNG, PDF, cards): Bitstream Vera, as reportlab ships it.

Pictures drawn with whatever fonts a machine has differ from one machine to
the next; the PNGs, the cards and the PDFs are drawn with the same font
files everywhere, the ones inside the reportlab wheel (a dependency anyway),
so a build gives the same bytes on any machine, and the PDF's text is
measured with the very font it is set in. Vera covers French (accents, œ,
guillemets, curly quotes); the narrow no-break space it lacks is written as
a plain no-break space.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

REGULAR, BOLD, ITALIC = "TimelineVera", "TimelineVera-Bold", "TimelineVera-Italic"
FILES = {REGULAR: "Vera.ttf", BOLD: "VeraBd.ttf", ITALIC: "VeraIt.ttf"}
# The family name inside the files, for SVG renderers.
FAMILY = "Bitstream Vera Sans"


def font_dir() -> Path:
    """Return reportlab's fonts folder, found without importing reportlab."""
    spec = find_spec("reportlab")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("reportlab is not installed; it ships the fonts the downloads use")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


def font_files() -> list[str]:
    """Return the font files, as paths, in a fixed order."""
    return [str(font_dir() / FILES[name]) for name in (REGULAR, BOLD, ITALIC)]


def printable(text: str) -> str:
    """Return ``text`` with the characters Vera lacks replaced by ones it has."""
    return text.replace("\u202f", "\u00a0").replace("\u2009", " ")


@lru_cache(maxsize=1)
def register() -> None:
    """Register the fonts with reportlab (once per process)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(font_dir() / file)))


def width(text: str, font: str, size: float) -> float:
    """Return the width of ``text`` set in ``font`` at ``size``, in the size's units."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register()
    return stringWidth(printable(text), font, size)


def wrap(text: str, font: str, size: float, max_width: float, max_lines: int = 0) -> list[str]:
    """Break ``text`` into lines no wider than ``max_width`` (a long word gets a line alone).

    With ``max_lines``, the last line kept ends with an ellipsis when text was left out.
    """
    lines: list[str] = []
    current = ""
    for word in printable(text).split():
        trial = f"{current} {word}" if current else word
        if current and width(trial, font, size) > max_width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    if max_lines and len(lines) > max_lines:
        kept = lines[:max_lines]
        last = kept[-1]
        while last and width(last + "…", font, size) > max_width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        kept[-1] = last + "…"
        return kept
    return lines
