"""The chart as PNG pictures: the chart at 1200 and 2400 px, the social card, highlighted charts.

Every picture is the standalone SVG (svg.standalone_svg, drawn from the one
chart model) rasterised by resvg, a Rust renderer in a wheel: no browser,
no system library, and the fonts given explicitly (fonts.py), so the bytes
are the same on every machine. resvg writes no time or software chunk into
its PNGs, so nothing else needs pinning.
"""

from __future__ import annotations

import base64
import re
from html import escape

from timeline import fonts
from timeline.chart import MARGIN, ChartModel
from timeline.svg import STANDALONE_WIDTH

CHART_WIDTHS = (1200, 2400)
CARD_SIZE = (1200, 630)
CARD_ACCENT = "#1f5fa8"
HIGHLIGHT_COLOR = "#111111"


def render_png(svg_text: str, width: int) -> bytes:
    """Rasterise an SVG document to a PNG ``width`` pixels wide (its height in proportion)."""
    import resvg_py

    family = fonts.FAMILY
    return bytes(resvg_py.svg_to_bytes(
        svg_string=svg_text, width=width, background="#ffffff", skip_system_fonts=True,
        font_files=fonts.font_files(), font_family=family, sans_serif_family=family,
        serif_family=family, monospace_family=family))


def point_position(model: ChartModel, point_id: str) -> tuple[float, float]:
    """Return where a point's mark sits in the standalone SVG, in its pixels."""
    point = next(p for p in model.points if p.id == point_id)
    plot_width = STANDALONE_WIDTH - MARGIN["l"] - MARGIN["r"]
    return (MARGIN["l"] + model.x_fraction(point.day) * plot_width,
            MARGIN["t"] + model.y_fraction(point.y) * model.plot_height)


def highlighted(svg_text: str, model: ChartModel, point_id: str) -> str:
    """Return the standalone SVG with one point ringed and a line down to the axis.

    The slide deck's picture of each event: the ring says which mark the
    slide is about, in colour or in greyscale.
    """
    x, y = point_position(model, point_id)
    axis = MARGIN["t"] + model.plot_height
    ring = (f'<g fill="none" stroke="{HIGHLIGHT_COLOR}">'
            f'<line x1="{x:.2f}" y1="{y + 17:.2f}" x2="{x:.2f}" y2="{axis:.2f}" '
            f'stroke-width="2" stroke-dasharray="4 3"/>'
            f'<circle cx="{x:.2f}" cy="{y:.2f}" r="16" stroke-width="4"/>'
            f'<circle cx="{x:.2f}" cy="{y:.2f}" r="19" stroke="#ffffff" stroke-width="2"/></g>')
    head, _, _ = svg_text.rpartition("</svg>")
    return f"{head}{ring}</svg>\n"


def chart_only(svg_text: str, model: ChartModel) -> str:
    """Return the standalone SVG cut to the chart itself, without the key below it."""
    height = model.height - 6  # clear of the key's first row
    text = re.sub(r'height="\d+" viewBox="0 0 (\d+) \d+"',
                  lambda m: f'height="{height}" viewBox="0 0 {m.group(1)} {height}"',
                  svg_text, count=1)
    return text


def render_card(model: ChartModel, chart_svg: str, title: str, subtitle: str) -> bytes:
    """Draw the social card (card_svg) as a PNG."""
    return render_png(card_svg(model, chart_svg, title, subtitle), 1200)


def card_svg(model: ChartModel, chart_svg: str, title: str, subtitle: str) -> str:
    """Return the social card (1200 x 630): the site's title, large, over the chart.

    Shown as a thumbnail about 500 px wide in a feed, so the title is set at
    60 px (24 px there) on at most two lines; the chart below says "a timeline"
    at a glance. Nothing refers outside the file: the chart is nested as data.
    """
    width, height = CARD_SIZE
    pad = 48
    title_size = 60
    lines = fonts.wrap(title, fonts.BOLD, title_size, width - 2 * pad, max_lines=2)
    if len(lines) == 2:  # two long lines: one size down, so neither is cut
        title_size = 52
        lines = fonts.wrap(title, fonts.BOLD, title_size, width - 2 * pad, max_lines=2)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="{fonts.FAMILY}">',
           f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
           f'<rect width="{width}" height="12" fill="{CARD_ACCENT}"/>']
    baseline = 12 + pad + title_size * 0.8
    for line in lines:
        out.append(f'<text x="{pad}" y="{baseline:.1f}" font-size="{title_size}" '
                   f'font-weight="bold" fill="#1a1a1a">{escape(line)}</text>')
        baseline += title_size * 1.15
    sub_size = 30
    baseline += sub_size * 0.2
    out.append(f'<text x="{pad}" y="{baseline:.1f}" font-size="{sub_size}" '
               f'fill="#444444">{escape(fonts.printable(subtitle))}</text>')
    top = baseline + 22
    chart = chart_only(chart_svg, model)
    data = base64.b64encode(chart.encode("utf-8")).decode("ascii")
    out.append(f'<image x="0" y="{top:.1f}" width="{width}" height="{height - top - 8:.1f}" '
               f'preserveAspectRatio="xMidYMid meet" href="data:image/svg+xml;base64,{data}"/>')
    out.append("</svg>\n")
    return "".join(out)
