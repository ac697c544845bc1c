"""Printable friezes (PDF, A4 and A3 landscape): the chart across the page, every event named.

Drawn with reportlab straight from the chart model (chart.ChartModel), not
by converting the SVG: svglib reads only part of SVG (no <use> of a symbol
with its own fill, no paint-order), and a frieze needs what the picture has
no room for anyway: every event's date and title beside its mark, in print.
Those labels are placed in rows above and below the chart, each in the
first row where it overlaps no other label and no leader line, with a
leader line from its mark; when they cannot all be placed, the type gets
smaller, and below a size that prints legibly the labels become numbers
listed on the following page. Text is real text in an embedded font
(fonts.py), so it can be selected and searched; reportlab's invariant mode
fixes the dates and the document id, so two builds give the same bytes.

The blank frieze, for exercises, has the same axis, lanes and marks with a
number instead of each label; page 2 lists the events to place, with their
dates hidden, in alphabetical order (so the list gives no order away);
page 3 is the answer key.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape as _html_escape

from timeline import fonts
from timeline.chart import (
    BAND_HALF,
    BAND_OPACITY,
    BAND_RGB,
    LEGEND_KEYS,
    MUTED_TEXT_COLOR,
    ORIGIN_STYLE,
    TEXT_COLOR,
    ChartModel,
)
from timeline.i18n import STRINGS

A4 = (841.89, 595.28)
A3 = (1190.55, 841.89)
SIZES = {"a4": A4, "a3": A3}


def escape(text: str) -> str:
    """Escape text for reportlab's paragraph markup (&, < and >).

    Not xml.sax.saxutils.escape: importing it brings urllib and http.client,
    40 ms of every build, even one that draws nothing.
    """
    return _html_escape(text, quote=False)
# The smallest type a label may be set in before labels turn into numbers.
MIN_LABEL_SIZE = 6.0


@dataclass(frozen=True)
class Entry:
    """One event as the frieze names it."""

    id: str
    day: date            # where its mark sits
    y: float             # its lane (chart model units)
    origin: str
    date_label: str
    title: str


@dataclass(frozen=True)
class SourceLine:
    """One source of the last page, with the titles of the events it supports."""

    title: str
    publisher: str
    url: str
    events: tuple[str, ...]


@dataclass(frozen=True)
class FriezeText:
    """The words of a frieze: its title and subtitle, and the interface's words."""

    title: str
    subtitle: str
    words: dict[str, str]


@dataclass
class _Label:
    entry: Entry
    number: int
    x: float             # the mark's place on the page
    y: float
    lines: list[tuple[str, str]]   # (font, text)
    width: float
    height: float
    box: tuple[float, float, float, float] | None = None   # x0, y0, x1, y1
    route: list[tuple[float, float]] | None = None          # the leader, mark to box


def render_frieze(model: ChartModel, entries: Sequence[Entry], sources: Sequence[SourceLine],
                  text: FriezeText, size: str, *, blank: bool = False) -> bytes:
    """Return the frieze as a PDF: page 1 the chart, then the sources (or the exercise)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    fonts.register()
    page = SIZES[size]
    margin = 28 * page[0] / A4[0]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=page, invariant=1, lang=model.lang,
                            title=text.title, author=text.subtitle, subject=text.subtitle,
                            creator="timeline", producer="timeline", leftMargin=margin,
                            rightMargin=margin, topMargin=margin, bottomMargin=margin)
    scale = page[0] / A4[0]
    numbers = {e.id: n for n, e in enumerate(entries, start=1)}
    numbered = blank or not _fits(model, entries, page, margin, scale)

    def first_page(canvas, _doc):  # type: ignore[no-untyped-def]
        _draw_chart_page(canvas, model, entries, text, page, margin, scale,
                         numbers if numbered else None)

    body = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=9 * scale,
                          leading=12 * scale, spaceAfter=3 * scale)
    heading = ParagraphStyle("heading", fontName=fonts.BOLD, fontSize=14 * scale,
                             leading=18 * scale, spaceAfter=8 * scale)
    words = text.words
    story: list = [Spacer(1, 1), _NextPage()]
    if blank:
        story += [Paragraph(escape(words["frieze_to_place"]), heading),
                  Paragraph(escape(words["frieze_to_place_help"]), body)]
        by_title = sorted(entries, key=lambda e: (e.title.casefold(), e.id))
        for letter, entry in zip(_letters(len(by_title)), by_title, strict=True):
            story.append(Paragraph(f"<b>{letter}</b>. {_para(entry.title)} "
                                   f"&#160;&#160;n° ______", body))
        story += [_NextPage(), Paragraph(escape(words["frieze_answers"]), heading)]
        letters = dict(zip((e.id for e in by_title), _letters(len(by_title)), strict=True))
        for entry in entries:
            story.append(Paragraph(f"<b>{numbers[entry.id]}</b> ({letters[entry.id]}). "
                                   f"{_para(entry.date_label)}: {_para(entry.title)}", body))
    else:
        if numbered:
            story.append(Paragraph(escape(words["frieze_events"]), heading))
            for entry in entries:
                story.append(Paragraph(f"<b>{numbers[entry.id]}</b>. "
                                       f"{_para(entry.date_label)}: {_para(entry.title)}", body))
            story.append(Spacer(1, 10 * scale))
        story.append(Paragraph(escape(words["sources"]), heading))
        for n, source in enumerate(sources, start=1):
            supports = words["list_separator"].join(source.events)
            story.append(Paragraph(
                f"{n}. <b>{_para(source.title)}</b>, {_para(source.publisher)}. "
                f"{_para(source.url)} ({_para(supports)})", body))
    doc.build(story, onFirstPage=first_page)
    return buf.getvalue()


def _para(value: str) -> str:
    return escape(fonts.printable(value))


def _letters(count: int) -> list[str]:
    """Return A, B, ... Z, AA, AB, ...: labels that say nothing of the order of dates."""
    out = []
    for i in range(count):
        label, n = "", i
        while True:
            label = chr(ord("A") + n % 26) + label
            n = n // 26 - 1
            if n < 0:
                break
        out.append(label)
    return out


def _NextPage():  # type: ignore[no-untyped-def]  # noqa: N802 (a flowable, named like one)
    from reportlab.platypus import PageBreak

    return PageBreak()


@dataclass(frozen=True)
class _Frame:
    """Where the parts of page 1 go, in points from the bottom left."""

    left: float
    right: float
    chart_top: float
    chart_bottom: float
    above: tuple[float, float]      # the labels' band above the chart: bottom, top
    below: tuple[float, float]      # and below it (under the years)
    key_top: float


def _frame(model: ChartModel, page: tuple[float, float], margin: float,
           scale: float) -> _Frame:
    width, height = page
    header = 34 * scale
    key_height = (14 + 12 * math.ceil(len(model.eras) / 2)) * scale
    lane_height = 15 * scale
    chart_height = lane_height * (len(model.lanes) + 0.6)
    middle = margin + key_height + (height - 2 * margin - header - key_height) * 0.46
    chart_top = middle + chart_height / 2
    chart_bottom = middle - chart_height / 2
    years = 14 * scale
    return _Frame(left=margin, right=width - margin, chart_top=chart_top,
                  chart_bottom=chart_bottom,
                  above=(chart_top + 6 * scale, height - margin - header),
                  below=(margin + key_height + 4 * scale, chart_bottom - years - 4 * scale),
                  key_top=margin + key_height)


def _x(model: ChartModel, frame: _Frame, day: date) -> float:
    return frame.left + model.x_fraction(day) * (frame.right - frame.left)


def _y(model: ChartModel, frame: _Frame, y: float) -> float:
    return frame.chart_top - model.y_fraction(y) * (frame.chart_top - frame.chart_bottom)


def _labels(model: ChartModel, entries: Sequence[Entry], frame: _Frame, scale: float,
            size: float, numbers: dict[str, int] | None) -> list[_Label]:
    out = []
    for n, e in enumerate(entries, start=1):
        if numbers is not None:
            num = str(numbers[e.id])
            lines = [(fonts.BOLD, num)]
            width = fonts.width(num, fonts.BOLD, size) + 6
        else:
            max_width = 120 * scale * size / 7
            title = fonts.wrap(e.title, fonts.REGULAR, size, max_width, max_lines=3)
            lines = [(fonts.BOLD, fonts.printable(e.date_label))] + \
                [(fonts.REGULAR, t) for t in title]
            width = max(fonts.width(t, f, size) for f, t in lines) + 4
        out.append(_Label(e, n, _x(model, frame, e.day), _y(model, frame, e.y), lines,
                          width, len(lines) * size * 1.18 + 3))
    return out


def _place(labels: list[_Label], model: ChartModel, frame: _Frame, scale: float,
           size: float, numbered: bool) -> bool:
    """Give each label a box and a leader line; False when they cannot all be placed.

    The labels, in the order of their marks, go alternately above and below
    the chart. On each side the width is cut into as many columns as labels,
    and label k's box starts at column k, on row k mod R (R rows): boxes of
    one row are R columns apart, so no two overlap, and a box is R columns
    wide. The leader leaves the mark, fans out to column k - r beside the
    chart (fan lines keep the marks' order, so they never cross), and climbs
    a staircase through the gaps at the columns' edges, one column a row, to
    its box: it never crosses a box. R is the fewest rows that give each box
    the width its text needs; False when those rows do not fit the page.
    """
    gap = 3 * scale
    fan = 16 * scale
    ordered = sorted(labels, key=lambda lb: (lb.x, lb.number))
    for side, members in (("above", ordered[0::2]), ("below", ordered[1::2])):
        if not members:
            continue
        bottom, top = frame.above if side == "above" else frame.below
        need = max(lb.width for lb in members) + 2 * gap
        rows = 1
        while True:  # the last box ends at the right edge: n - 1 + R columns in all
            column = (frame.right - frame.left) / (len(members) - 1 + rows)
            if rows * column >= need or numbered:
                break
            rows += 1
        if rows * column < need:
            return False
        row_height = max(lb.height for lb in members) + 2 * gap
        if fan + rows * row_height > top - bottom:
            return False
        for k, label in enumerate(members):
            row = k % rows
            x0 = frame.left + k * column + gap
            x1 = min(x0 + rows * column - 2 * gap, frame.right)
            if side == "above":
                y0 = bottom + fan + row * row_height + gap
            else:
                y0 = top - fan - (row + 1) * row_height + gap
            label.box = (x0, y0, x1, y0 + row_height - 2 * gap)
            base = k - row
            label.route = _route(label, frame, side, base, row, column, row_height, fan,
                                 bottom, top, gap)
    return True


def _route(label: _Label, frame: _Frame, side: str, base: int, row: int, column: float,
           row_height: float, fan: float, bottom: float, top: float,
           gap: float) -> list[tuple[float, float]]:
    """Return the leader's points, from the mark to its box (see _place)."""
    sign = 1 if side == "above" else -1
    edge = frame.chart_top if side == "above" else frame.chart_bottom
    start = bottom if side == "above" else top
    # Leaders sharing a staircase run side by side, a little apart.
    offset = min(gap * 0.8, 1.2 * row)
    points = [(label.x, label.y), (label.x, edge)]
    x = frame.left + base * column + offset
    y = start + sign * fan
    points.append((x, y - sign * fan * 0.3))
    points.append((x, y))
    for step in range(row):
        y = start + sign * (fan + (step + 1) * row_height)
        points.append((x, y))
        x = frame.left + (base + step + 1) * column + offset
        points.append((x, y))
    points.append((x, y + sign * gap))
    return points


def _layout(model: ChartModel, entries: Sequence[Entry], page: tuple[float, float],
            margin: float, scale: float, numbers: dict[str, int] | None
            ) -> tuple[_Frame, list[_Label], float] | None:
    frame = _frame(model, page, margin, scale)
    size = 7.5 * scale if numbers is None else 7 * scale
    while size >= MIN_LABEL_SIZE:
        labels = _labels(model, entries, frame, scale, size, numbers)
        if _place(labels, model, frame, scale, size, numbers is not None):
            return frame, labels, size
        size = round(size * 0.9, 2)
    return None


def _fits(model: ChartModel, entries: Sequence[Entry], page: tuple[float, float],
          margin: float, scale: float) -> bool:
    return _layout(model, entries, page, margin, scale, None) is not None


def _draw_chart_page(canvas, model: ChartModel, entries: Sequence[Entry], text: FriezeText,
                     page: tuple[float, float], margin: float, scale: float,
                     numbers: dict[str, int] | None) -> None:  # type: ignore[no-untyped-def]
    layout = _layout(model, entries, page, margin, scale, numbers)
    if layout is None:  # too many even as numbers: numbers in the smallest type, unplaced
        frame = _frame(model, page, margin, scale)
        labels, size = [], MIN_LABEL_SIZE
    else:
        frame, labels, size = layout
    width, height = page
    canvas.setFillColor(TEXT_COLOR)
    canvas.setFont(fonts.BOLD, 16 * scale)
    canvas.drawString(margin, height - margin - 16 * scale, fonts.printable(text.title))
    canvas.setFont(fonts.REGULAR, 10 * scale)
    canvas.setFillColor(MUTED_TEXT_COLOR)
    canvas.drawString(margin, height - margin - 29 * scale, fonts.printable(text.subtitle))
    _draw_chart(canvas, model, frame, scale)
    for label in labels:
        _draw_label(canvas, label, size, frame, numbered=numbers is not None)
    _draw_marks(canvas, model, entries, frame, scale)
    _draw_key(canvas, model, text.words, frame, scale)


def _draw_chart(canvas, model: ChartModel, frame: _Frame, scale: float) -> None:  # type: ignore[no-untyped-def]
    top, bottom = frame.chart_top, frame.chart_bottom
    for era in model.eras:
        x0 = _x(model, frame, max(era.start, model.x_range[0]))
        x1 = _x(model, frame, min(era.stop, model.x_range[1]))
        rgb, alpha = era.fill
        canvas.setFillColor(rgb, alpha=min(1.0, alpha * 1.6))
        canvas.rect(x0, bottom, x1 - x0, top - bottom, stroke=0, fill=1)
    canvas.setStrokeColor("#d0d0d0")
    canvas.setLineWidth(0.4)
    for year in model.ticks:
        x = _x(model, frame, date(year, 1, 1))
        canvas.line(x, bottom, x, top)
    canvas.setStrokeColor("#cccccc")
    for lane in model.lanes:
        y = _y(model, frame, lane.y)
        canvas.line(frame.left, y, frame.right, y)
    canvas.setFillColor(BAND_RGB, alpha=BAND_OPACITY)
    half = BAND_HALF * (top - bottom) / (model.y_range[1] - model.y_range[0])
    for band in model.bands:
        x0, x1 = _x(model, frame, band.start), _x(model, frame, band.stop)
        canvas.rect(x0, _y(model, frame, band.y) - half, max(x1 - x0, 0.5), 2 * half,
                    stroke=0, fill=1)
    canvas.setFillColor(MUTED_TEXT_COLOR)
    canvas.setFont(fonts.REGULAR, 6.5 * scale)
    for lane in model.lanes:
        canvas.drawString(frame.left + 2, _y(model, frame, lane.y) + 3 * scale,
                          fonts.printable(lane.label))
    canvas.setStrokeColor(TEXT_COLOR)
    canvas.setLineWidth(0.8)
    canvas.line(frame.left, bottom, frame.right, bottom)
    canvas.setFillColor(TEXT_COLOR)
    canvas.setFont(fonts.REGULAR, 8 * scale)
    for year in model.ticks:
        x = _x(model, frame, date(year, 1, 1))
        canvas.line(x, bottom, x, bottom - 3 * scale)
        canvas.drawCentredString(x, bottom - 11 * scale, str(year))


def _draw_label(canvas, label: _Label, size: float, frame: _Frame, *, numbered: bool) -> None:  # type: ignore[no-untyped-def]
    x0, y0, x1, y1 = label.box
    canvas.setStrokeColor("#777777")
    canvas.setLineWidth(0.5)
    path = canvas.beginPath()
    path.moveTo(*label.route[0])
    for point in label.route[1:]:
        path.lineTo(*point)
    canvas.drawPath(path, stroke=1, fill=0)
    if numbered:
        canvas.setFillColor("#ffffff")
        canvas.roundRect(x0, y0, x1 - x0, y1 - y0, 2, stroke=1, fill=1)
    canvas.setFillColor(TEXT_COLOR)
    baseline = y1 - 1.5 - size * 0.9
    for font, line in label.lines:
        canvas.setFont(font, size)
        if numbered:
            canvas.drawCentredString((x0 + x1) / 2, baseline, line)
        else:
            canvas.drawString(x0 + 2, baseline, line)
        baseline -= size * 1.18


def _mark(canvas, origin: str, x: float, y: float, radius: float) -> None:  # type: ignore[no-untyped-def]
    style = ORIGIN_STYLE[origin]
    canvas.setFillColor(style["color"])
    canvas.setStrokeColor("#ffffff")
    canvas.setLineWidth(0.6)
    if style["symbol"] == "circle":
        canvas.circle(x, y, radius, stroke=1, fill=1)
    elif style["symbol"] == "square":
        canvas.rect(x - radius, y - radius, 2 * radius, 2 * radius, stroke=1, fill=1)
    else:
        path = canvas.beginPath()
        for k in range(10):
            r = radius * 1.35 if k % 2 == 0 else radius * 0.55
            angle = math.pi * (0.5 - k / 5)
            point = (x + r * math.cos(angle), y + r * math.sin(angle))
            path.moveTo(*point) if k == 0 else path.lineTo(*point)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)


def _draw_marks(canvas, model: ChartModel, entries: Sequence[Entry], frame: _Frame,
                scale: float) -> None:  # type: ignore[no-untyped-def]
    for e in entries:
        _mark(canvas, e.origin, _x(model, frame, e.day), _y(model, frame, e.y), 3.2 * scale)


def _draw_key(canvas, model: ChartModel, words: dict[str, str], frame: _Frame,
              scale: float) -> None:  # type: ignore[no-untyped-def]
    y = frame.key_top - 9 * scale
    x = frame.left
    size = 7.5 * scale
    used = {p.origin for p in model.points}
    for origin in ORIGIN_STYLE:
        if origin not in used:
            continue
        label = STRINGS[model.lang][LEGEND_KEYS[origin]]
        _mark(canvas, origin, x + 4 * scale, y + 2.5 * scale, 3.2 * scale)
        canvas.setFillColor(TEXT_COLOR)
        canvas.setFont(fonts.REGULAR, size)
        canvas.drawString(x + 11 * scale, y, fonts.printable(label))
        x += 11 * scale + fonts.width(label, fonts.REGULAR, size) + 16 * scale
    if model.bands:
        label = STRINGS[model.lang][LEGEND_KEYS["band"]]
        canvas.setFillColor(BAND_RGB, alpha=BAND_OPACITY)
        canvas.rect(x, y, 12 * scale, 5 * scale, stroke=0, fill=1)
        canvas.setFillColor(TEXT_COLOR)
        canvas.drawString(x + 16 * scale, y, fonts.printable(label))
    half = (frame.right - frame.left) / 2
    for i, era in enumerate(model.eras):
        ex = frame.left + (i % 2) * half
        ey = y - 12 * scale * (1 + i // 2)
        rgb, alpha = era.fill
        canvas.setFillColor(rgb, alpha=min(1.0, alpha * 4))
        canvas.rect(ex, ey - 1, 12 * scale, 7 * scale, stroke=0, fill=1)
        canvas.setFillColor(TEXT_COLOR)
        canvas.setFont(fonts.REGULAR, size)
        canvas.drawString(ex + 16 * scale, ey, fonts.printable(era.label))
