"""A slide deck (.pptx) of the timeline: a title slide, then one slide per event.

Made with python-pptx (PowerPoint, LibreOffice and Google Slides open it).
Each event's slide carries its date, title, summary and up to two quotes
from the article, and the chart picture (pictures.py) with a ring drawn
over the event's mark: one picture for the whole deck, the ring a shape,
so the file stays small and the ring can be moved by hand. The sources go
in the speaker notes. Type is classroom-sized (titles 36 pt, text at least
20 pt), every run is marked in the site's language (spell-checkers, screen
readers), and the file is made reproducible: fixed document dates and
fixed dates inside the zip.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from timeline.chart import ChartModel
from timeline.pictures import point_position
from timeline.svg import STANDALONE_WIDTH

SLIDE_WIDTH_IN, SLIDE_HEIGHT_IN = 13.333, 7.5
LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR"}
MAX_QUOTES = 2
# The date the files inside the deck carry (zip entries, document properties).
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Slide:
    """One event's slide."""

    id: str
    date_label: str
    title: str
    summary: str
    quotes: tuple[str, ...]
    sources: tuple[str, ...]       # "title, publisher: url", for the notes


@dataclass(frozen=True)
class DeckText:
    """The deck's own words."""

    title: str
    subtitle: str
    quote_label: str
    sources_label: str


def render_deck(model: ChartModel, chart_png: bytes, chart_size: tuple[int, int],
                slides: Sequence[Slide], text: DeckText) -> bytes:
    """Return the deck as .pptx bytes."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    prs = Presentation()
    _tally_partnames(prs.part.package)
    prs.slide_width, prs.slide_height = Inches(SLIDE_WIDTH_IN), Inches(SLIDE_HEIGHT_IN)
    lang = LANGUAGE_TAGS.get(model.lang, model.lang)
    props = prs.core_properties
    props.title, props.subject, props.language = text.title, text.subtitle, lang
    props.author = props.last_modified_by = "timeline"
    props.created = props.modified = props.last_printed = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    blank = prs.slide_layouts[6]

    first = prs.slides.add_slide(blank)
    _text(first, text.title, Inches(0.6), Inches(0.4), Inches(12.1), Inches(1.3), Pt(44),
          bold=True, lang=lang)
    _text(first, text.subtitle, Inches(0.6), Inches(1.6), Inches(12.1), Inches(0.7), Pt(28),
          lang=lang, color="444444")
    _picture(first, chart_png, chart_size, Inches(0.6), Inches(2.4), Inches(12.1),
             Inches(4.9))

    for slide in slides:
        page = prs.slides.add_slide(blank)
        _text(page, slide.date_label, Inches(0.6), Inches(0.3), Inches(12.1), Inches(0.6),
              Pt(24), bold=True, lang=lang, color="B03A00")
        _text(page, slide.title, Inches(0.6), Inches(0.85), Inches(12.1), Inches(1.1),
              Pt(36), bold=True, lang=lang, name="title")
        body = [(slide.summary, False)]
        body += [(f"{text.quote_label}: « {q} »" if model.lang == "fr" else
                  f"{text.quote_label}: “{q}”", True) for q in slide.quotes[:MAX_QUOTES]]
        _paragraphs(page, body, Inches(0.6), Inches(1.95), Inches(12.1), Inches(2.45), lang)
        left, top, width, height = _picture(page, chart_png, chart_size, Inches(2.2),
                                            Inches(4.45), Inches(8.9), Inches(2.95))
        _ring(page, model, slide.id, chart_size, left, top, width, height)
        notes = page.notes_slide.notes_text_frame
        notes.text = f"{text.sources_label}:\n" + "\n".join(slide.sources)
    buf = io.BytesIO()
    prs.save(buf)
    return _reproducible_zip(buf.getvalue())


def _tally_partnames(package) -> None:  # type: ignore[no-untyped-def]
    """Name new parts from a tally instead of a walk over the whole package.

    python-pptx names each notes page by walking every part of the package,
    so a deck's notes cost time in the square of its slides (800 blank slides
    with notes took 11.3 s, 200 took 1.1 s). The tally, seeded by one walk
    per kind of name and kept up to date with each name handed out, gives the
    very same names: the lowest free number counting down from one past those
    taken (tests/test_downloads.py compares the bytes with python-pptx's own).
    """
    from pptx.opc.packuri import PackURI

    taken: dict[str, set[str]] = {}

    def next_partname(tmpl: str) -> PackURI:
        prefix = tmpl[: (tmpl % 42).find("42")]
        if prefix not in taken:
            taken[prefix] = {str(p.partname) for p in package.iter_parts()
                             if p.partname.startswith(prefix)}
        names = taken[prefix]
        for n in range(len(names) + 1, 0, -1):
            if tmpl % n not in names:
                names.add(tmpl % n)
                return PackURI(tmpl % n)
        raise AssertionError("no free part name")  # pragma: no cover - a full range

    package.next_partname = next_partname


def _text(slide, value: str, left, top, width, height, size, *, bold: bool = False,
          lang: str, color: str = "1A1A1A", name: str = ""):  # type: ignore[no-untyped-def]
    from pptx.dml.color import RGBColor

    box = slide.shapes.add_textbox(left, top, width, height)
    if name:
        box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = value
    run.font.size, run.font.bold = size, bold
    run.font.color.rgb = RGBColor.from_string(color)
    _language(run, lang)
    return box


def _paragraphs(slide, parts: list[tuple[str, bool]], left, top, width, height,
                lang: str) -> None:  # type: ignore[no-untyped-def]
    """Set the summary and quotes, in the largest classroom size that fits the box."""
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    chars = sum(len(p) for p, _ in parts)
    # About 70 characters a line at 24 pt across 12 inches; 6 lines fit the box.
    size = 24 if chars <= 70 * 5 else 20
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for i, (value, quote) in enumerate(parts):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(6)
        run = paragraph.add_run()
        run.text = value
        run.font.size = Pt(size)
        run.font.italic = quote
        run.font.color.rgb = RGBColor.from_string("444444" if quote else "1A1A1A")
        _language(run, lang)


def _language(run, lang: str) -> None:  # type: ignore[no-untyped-def]
    # python-pptx has no setter for a run's language tag: the attribute is set as
    # PowerPoint writes it, so spell-checking and speech use the site's language.
    run.font._rPr.set("lang", lang)


def _picture(slide, png: bytes, size: tuple[int, int], left, top, max_width, max_height):  # type: ignore[no-untyped-def]
    """Place the chart as large as fits the box, centred; return where it went."""
    pixels_w, pixels_h = size
    width = max_width
    height = int(width * pixels_h / pixels_w)
    if height > max_height:
        height = max_height
        width = int(height * pixels_w / pixels_h)
    left = left + (max_width - width) // 2
    slide.shapes.add_picture(io.BytesIO(png), left, top, width, height)
    return left, top, width, height


def _ring(slide, model: ChartModel, point_id: str, size: tuple[int, int], left, top,
          width, height) -> None:  # type: ignore[no-untyped-def]
    """Draw a ring over the event's mark on the chart picture."""
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Emu, Pt

    x, y = point_position(model, point_id)
    scale = width / STANDALONE_WIDTH  # EMU per pixel of the SVG the PNG was drawn from
    radius = int(width * 15 / STANDALONE_WIDTH)
    cx, cy = left + int(x * scale), top + int(y * scale)
    ring = slide.shapes.add_shape(MSO_SHAPE.OVAL, Emu(cx - radius), Emu(cy - radius),
                                  Emu(2 * radius), Emu(2 * radius))
    ring.name = "highlight"
    ring.fill.background()
    ring.line.color.rgb = RGBColor.from_string("111111")
    ring.line.width = Pt(3)
    ring.shadow.inherit = False


def _reproducible_zip(data: bytes) -> bytes:
    """Rewrite the zip with every entry dated FIXED_DATE (python-pptx stamps the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
