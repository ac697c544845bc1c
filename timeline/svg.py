"""The chart as a static SVG picture, drawn at build time from the chart model.

Two drawings of one model (chart.ChartModel), made by one function:

- ``inline_svg``: inside every page with a chart, painted with the first
  paint and shown until plotly.js has drawn the interactive chart in the same
  box (and for good without JavaScript, in print, in reader modes). Across,
  it is measured in percentages of the plot, so it fits any width the page
  gives it, as plotly.js does; down, in percentages of the box's height, so
  it fills a box CSS stretches. Each mark is a link to its event, with one
  accessible name; the rest is decoration, hidden from assistive technology.
- ``standalone_svg``: build/data/timeline.svg, a file a teacher drops into
  slides or a word processor: fixed size, its own key, generic fonts, no
  reference outside itself, and no links (there is no page to go to).

Text is escaped for XML and its bidi controls made visible, like everywhere
else. Numbers are written with fixed decimals, so the files are identical
from one build to the next.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape

from timeline.chart import (
    BAND_HALF,
    BAND_OPACITY,
    BAND_RGB,
    BARE_TOP,
    ERA_FONT_SIZE,
    ERA_ROW_STEP,
    GRID_COLOR,
    LANE_FONT_SIZE,
    LANE_LABEL_RISE,
    LANE_LINE_COLOR,
    LEGEND_KEYS,
    MARGIN,
    MARK_OUTLINE,
    MUTED_TEXT_COLOR,
    ORIGIN_STYLE,
    TEXT_COLOR,
    TICK_FONT_SIZE,
    ChartModel,
)
from timeline.i18n import STRINGS
from timeline.text import neutralise_bidi

# Roughly how wide a character of a sans-serif font is, in ems: enough to
# tell when era labels would run into each other, never to lay text out.
CHAR_WIDTH_EM = 0.56
STANDALONE_WIDTH = 1200


def _text(value: str) -> str:
    return escape(neutralise_bidi(value), quote=True)


def _num(value: float, places: int = 2) -> str:
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _symbol_paths() -> dict[str, str]:
    """Return each mark's outline, centred on 0,0, as wide as plotly.js draws it."""
    paths = {}
    for origin, style in ORIGIN_STYLE.items():
        half = style["size"] / 2
        if style["symbol"] == "circle":
            paths[origin] = (f"M{_num(half)},0A{_num(half)},{_num(half)} 0 1,1 0,{_num(-half)}"
                             f"A{_num(half)},{_num(half)} 0 0,1 {_num(half)},0Z")
        elif style["symbol"] == "square":
            paths[origin] = (f"M{_num(-half)},{_num(-half)}H{_num(half)}V{_num(half)}"
                             f"H{_num(-half)}Z")
        else:  # a five-pointed star as plotly.js draws it: it reaches past its size
            corners = []
            for k in range(10):
                radius = half * 1.25 if k % 2 == 0 else half * 0.5
                angle = math.pi * (k / 5 - 0.5)
                corners.append(f"{_num(radius * math.cos(angle))},{_num(radius * math.sin(angle))}")
            paths[origin] = "M" + "L".join(corners) + "Z"
    return paths


SYMBOL_PATHS = _symbol_paths()


def _label_width(text: str, size: float) -> float:
    return len(text) * CHAR_WIDTH_EM * size


def era_fit_width(model: ChartModel) -> float | None:
    """Return the narrowest plot, in pixels, on which no era label overlaps another or the edge.

    None when there are no eras; infinity when no width is enough. Labels on
    the same row must not touch (a 12 px gap); every label must stay inside
    the plot.
    """
    if not model.eras:
        return None
    spans = [(era.row, model.x_fraction(era.anchor), era.side,
              _label_width(era.label, ERA_FONT_SIZE)) for era in model.eras]
    need = 0.0
    for _row, at, side, width in spans:
        # Inside the plot: a label anchored at `at` needs at * w >= width (end)
        # or (1 - at) * w >= width (start).
        room = at if side == "end" else 1 - at
        need = max(need, width / room if room > 0 else math.inf)
    for i, (row, at, side, width) in enumerate(spans):
        for other_row, o_at, o_side, o_width in spans[i + 1:]:
            if other_row != row:
                continue
            # Right edge of the first label and left edge of the second, in
            # pixels, are at*w + extra; they must be 12 px apart.
            right_frac, right_px = (at, 0.0) if side == "end" else (at, width)
            left_frac, left_px = (o_at, -o_width) if o_side == "end" else (o_at, 0.0)
            gap = left_frac - right_frac
            wanted = right_px - left_px + 12
            need = max(need, wanted / gap if gap > 0 else math.inf)
    return need if need == math.inf else math.ceil(need)


def lane_label_em(model: ChartModel) -> float:
    """Return the width of the widest lane label in ems (an estimate on the safe side)."""
    widest = max((len(lane.label) for lane in model.lanes), default=0)
    return round(widest * (CHAR_WIDTH_EM + 0.04), 2)


def era_fit_chart_width(model: ChartModel) -> float | None:
    """Return the narrowest chart (the plot and its margins) that has room for its era labels.

    None when there are no eras; infinity when no width is enough. The page's
    CSS rule (era_fit_style) and timeline.js (data-era-fit) both use it.
    """
    need = era_fit_width(model)
    return None if need is None else need + MARGIN["l"] + MARGIN["r"]


def era_fit_style(model: ChartModel) -> str:
    """Return the CSS that hides the era labels on a chart too narrow for them.

    One rule, for this chart's own labels: below the width they need, the
    labels give way and an embed's key names the eras instead, and the chart
    gives their room back. A chart without eras never keeps that room.
    """
    width = era_fit_chart_width(model)
    # Without its era labels, the chart gives their room back (--era-drop:
    # the box is that much shorter and the plot starts that much higher).
    drop = f".chart-box{{--era-drop:{MARGIN['t'] - BARE_TOP}px}}"
    if width is None:
        return drop
    hide = ".chart-era-label{display:none}.embed .chart-key-eras{display:flex}" + drop
    if width == math.inf:
        return hide
    return f"@container chart (max-width:{int(width) - 1}px){{{hide}}}"


@dataclass(frozen=True)
class _Axes:
    """How places in the plot are written: as fractions of its width and of its height.

    Text that sits beside a place (a label above its lane, a year below the
    axis) is moved from it by ``dy``, in pixels, so it keeps its distance
    whatever size the plot is drawn at.
    """

    x: Callable[[float], str]
    y: Callable[[float], str]


def _plot(model: ChartModel, axes: _Axes, *, links: bool) -> list[str]:
    """Draw the plot area: eras, grid, lanes, bands, labels, ticks and marks.

    What a kind of element shares (colour, size, anchor) is said once, on
    its group: the picture is part of every page, the embed's included.
    """
    x, y = axes.x, axes.y
    out = ['<g aria-hidden="true">']
    for era in model.eras:
        start, stop = max(0.0, model.x_fraction(era.start)), min(1.0, model.x_fraction(era.stop))
        rgb, alpha = era.fill
        out.append(f'<rect x="{x(start)}" width="{x(stop - start)}" height="{y(1)}" '
                   f'fill="{rgb}" fill-opacity="{alpha}"/>')
    out.append(f'<g stroke="{GRID_COLOR}">')
    for year in model.ticks:
        at = x(model.x_fraction(_jan1(year)))
        out.append(f'<line x1="{at}" x2="{at}" y2="{y(1)}"/>')
    out.append(f'</g><g stroke="{LANE_LINE_COLOR}">')
    for lane in model.lanes:
        at = y(model.y_fraction(lane.y))
        out.append(f'<line x2="{x(1)}" y1="{at}" y2="{at}"/>')
    low, high = model.y_range
    band_height = y(2 * BAND_HALF / (high - low))
    out.append(f'</g><g fill="{BAND_RGB}" fill-opacity="{BAND_OPACITY}">')
    for band in model.bands:
        start, stop = model.x_fraction(band.start), model.x_fraction(band.stop)
        out.append(f'<rect x="{x(start)}" y="{y(model.y_fraction(band.y + BAND_HALF))}" '
                   f'width="{x(stop - start)}" height="{band_height}"/>')
    out.append(f'</g><g class="chart-era-labels" font-size="{ERA_FONT_SIZE}" '
               f'fill="{MUTED_TEXT_COLOR}">')
    for era in model.eras:
        anchor = ' text-anchor="end"' if era.side == "end" else ""
        out.append(f'<text class="chart-era-label" x="{x(model.x_fraction(era.anchor))}" '
                   f'dy="{-(5 + ERA_ROW_STEP * era.row)}"{anchor}>{_text(era.label)}</text>')
    out.append(f'</g><g font-size="{LANE_FONT_SIZE}" fill="{MUTED_TEXT_COLOR}">'
               '<g stroke="#ffffff" stroke-width="3" stroke-linejoin="round" '
               'paint-order="stroke">')
    for lane in model.lanes:
        out.append(f'<text class="chart-lane-label" '
                   f'y="{y(model.y_fraction(lane.y + LANE_LABEL_RISE))}" '
                   f'dy="0.35em">{_text(lane.label)}</text>')
    out.append("</g>")
    if links:
        # Classroom mode's large type puts the labels left of the plot
        # instead, as plotly's axis does: only its stylesheet shows these.
        out.append('<g text-anchor="end">')
        for lane in model.lanes:
            out.append(f'<text class="chart-lane-label-side" display="none" '
                       f'y="{y(model.y_fraction(lane.y))}" dx="-6" dy="0.35em">'
                       f'{_text(lane.label)}</text>')
        out.append("</g>")
    out.append(f'</g><g font-size="{TICK_FONT_SIZE}" fill="{TEXT_COLOR}" text-anchor="middle">')
    for i, year in enumerate(model.ticks):
        # Every other year can give way on a narrow chart (CSS).
        kind = "chart-tick" + (" chart-tick-minor" if i % 2 else "")
        out.append(f'<text class="{kind}" x="{x(model.x_fraction(_jan1(year)))}" y="{y(1)}" '
                   f'dy="17">{year}</text>')
    out.append("</g></g>")
    # The marks' white outline is set on their group, not on the shapes they
    # use: a stroke on the shape would win over the page's focus and hover
    # rings, which are set on each mark.
    outline = f'stroke="{MARK_OUTLINE["color"]}" stroke-width="{MARK_OUTLINE["width"]}"'
    out.append(f'<g class="chart-marks" {outline}>')
    for p in model.points:
        place = f'x="{x(model.x_fraction(p.day))}" y="{y(model.y_fraction(p.y))}"'
        mark = f'<use href="#tl-mark-{p.origin}" fill="{ORIGIN_STYLE[p.origin]["color"]}" {place}/>'
        # The title is the mark's tooltip and, for a link, its accessible
        # name: the event and its date, as the list writes them.
        tip = f"<title>{_text(p.title)}, {_text(p.date_label)}</title>"
        if links:
            out.append(f'<a class="chart-mark" href="#{_text(p.id)}">{tip}{mark}</a>')
        else:
            out.append(f"<g>{tip}{mark}</g>")
    out.append("</g>")
    return out


def _jan1(year: int) -> date:
    return date(year, 1, 1)


def _defs() -> str:
    # Shapes only: each mark says its fill and the marks' group its outline,
    # so a page's stylesheet can restyle them (focus, forced colours), which
    # it could not do to the shapes a <use> copies.
    paths = "".join(f'<path id="tl-mark-{origin}" d="{SYMBOL_PATHS[origin]}"/>'
                    for origin in ORIGIN_STYLE)
    return f"<defs>{paths}</defs>"


def inline_svg(model: ChartModel) -> str:
    """Return the chart as an SVG element for a page (see the module's docstring).

    The element is the plot area alone: the page places it where plotly.js
    puts its plot (chart.MARGIN inside the chart's box), and what lies in
    the margins (era labels, years) overflows it.
    """
    # Thousandths of a percent: a hundredth of a pixel on the widest screens.
    def pct(value: float) -> str:
        return _num(100 * value, 3) + "%"

    axes = _Axes(x=pct, y=pct)
    # No name of its own: the figure around it is named by its caption, once;
    # its marks are links, each named.
    head = '<svg class="chart-static-svg" width="100%" height="100%" font-family="sans-serif">'
    return "".join([head, _defs(), *_plot(model, axes, links=True), "</svg>"])


def standalone_svg(model: ChartModel, *, title: str | None = None,
                   description: str | None = None) -> str:
    """Return the chart as an SVG file of its own, with a key of its marks and eras.

    ``title`` and ``description`` name the history (site_words.page_words;
    the exports give both); without them the picture is just "Timeline".
    """
    words = STRINGS[model.lang]
    plot_width = STANDALONE_WIDTH - MARGIN["l"] - MARGIN["r"]
    axes = _Axes(x=lambda f: _num(f * plot_width), y=lambda f: _num(f * model.plot_height))
    key_top = model.height + 6
    rows = 1 + len(model.eras)
    total = key_top + 22 * rows + 10
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{STANDALONE_WIDTH}" height="{total}" '
        f'viewBox="0 0 {STANDALONE_WIDTH} {total}" font-family="Arial, Helvetica, sans-serif" '
        f'lang="{model.lang}">',
        f"<title>{_text(title or words['chart_heading'])}</title>",
        *([f"<desc>{_text(description)}</desc>"] if description else []),
        f'<rect width="{STANDALONE_WIDTH}" height="{total}" fill="#ffffff"/>',
        _defs(),
        f'<g transform="translate({MARGIN["l"]},{MARGIN["t"]})">',
        *_plot(model, axes, links=False),
        "</g>",
    ]
    # The key: the marks on one row, then one row per era with its colour.
    x, base = float(MARGIN["l"]), key_top + 14
    used = {p.origin for p in model.points}
    entries = [(o, words[LEGEND_KEYS[o]]) for o in ORIGIN_STYLE if o in used]
    for origin, label in entries:
        out.append(f'<use href="#tl-mark-{origin}" fill="{ORIGIN_STYLE[origin]["color"]}" '
                   f'x="{_num(x + 8)}" y="{_num(base - 4)}"/>')
        out.append(f'<text x="{_num(x + 20)}" y="{_num(base)}" font-size="12" '
                   f'fill="{TEXT_COLOR}">{_text(label)}</text>')
        x += 20 + _label_width(label, 12) + 24
    if model.bands:
        out.append(f'<rect x="{_num(x)}" y="{_num(base - 8)}" width="16" height="8" '
                   f'fill="{BAND_RGB}" fill-opacity="{BAND_OPACITY}"/>')
        out.append(f'<text x="{_num(x + 22)}" y="{_num(base)}" font-size="12" '
                   f'fill="{TEXT_COLOR}">{_text(words[LEGEND_KEYS["band"]])}</text>')
    for i, era in enumerate(model.eras, start=1):
        row = base + 22 * i
        rgb, alpha = era.fill
        # The era's own fill is faint on purpose; the key shows it stronger.
        out.append(f'<rect x="{MARGIN["l"]}" y="{_num(row - 11)}" width="16" height="14" '
                   f'fill="{rgb}" fill-opacity="{_num(min(1.0, alpha * 4))}" '
                   f'stroke="{rgb}" stroke-opacity="0.5"/>')
        out.append(f'<text x="{MARGIN["l"] + 24}" y="{_num(row)}" font-size="12" '
                   f'fill="{TEXT_COLOR}">{_text(era.label)}</text>')
    out.append("</svg>\n")
    return "".join(out)
