"""The chart of a timeline: one model, drawn twice (plotly.js's figure, a static SVG).

``build_chart`` decides everything a reader sees on the chart, once: the
lanes and their labels, the x range and its year ticks, where each point,
band and era sits, their colours and symbols. ``plotly_figure`` writes that
model as the JSON plotly.js reads, and ``timeline.svg`` draws the same
model as an SVG picture that paints with the page, before plotly.js has
arrived (or when it never does: no JavaScript, print, a reader mode). The
two share the plot area exactly: the same margins in pixels, the same
ranges, lane labels drawn above their lanes rather than in a left margin
whose width only a browser could measure. So when plotly.js takes over, in
the same box, nothing moves.

The figure is written as a plain dictionary, not through
``plotly.graph_objects``: importing and validating graph objects costs more
than the whole rest of a build, and the tests check the dictionary against
Plotly's own schema instead. Points sit at the middle of their span, and
every date coarser than a day is drawn as a band over the whole span, so
"1966" reads as the year it is, never as 1 January. plotly.js stays fast on
large timelines: a fixed handful of traces whatever the number of items (all
the bands in one filled trace, one marker trace per origin).
"""

from __future__ import annotations

import bisect
import html
import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from timeline.i18n import STRINGS
from timeline.model import ARTICLE, ARTICLE_CATEGORY, BOTH, CURATED
from timeline.text import neutralise_bidi

if TYPE_CHECKING:
    from timeline.events import Catalog
    from timeline.model import Timeline

CHART_ID = "timeline-chart"

# Told apart by shape as well as colour, so the difference survives greyscale
# projectors and colour-blind readers. Colours pass 3:1 against white. The
# size is plotly's: the marker's width in pixels.
ORIGIN_STYLE = {
    CURATED: {"symbol": "circle", "color": "#1f5fa8", "size": 13},
    BOTH: {"symbol": "star", "color": "#b03a00", "size": 19},
    ARTICLE: {"symbol": "square", "color": "#6a3d9a", "size": 12},
}
MARK_OUTLINE = {"color": "#ffffff", "width": 1.5}
BAND_RGB, BAND_OPACITY = "#1f5fa8", 0.28
# Half the thickness of a band, in lanes (one lane is one unit of the y axis).
BAND_HALF = 0.1
ERA_FILLS = (("#787878", 0.07), ("#b03a00", 0.07), ("#1f5fa8", 0.07))
GRID_COLOR, LANE_LINE_COLOR = "#e6e6e6", "#f0f0f0"
TEXT_COLOR, MUTED_TEXT_COLOR = "#1a1a1a", "#444444"
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
TICK_FONT_SIZE, LANE_FONT_SIZE, ERA_FONT_SIZE = 12, 12, 11

# The box, in pixels. The height grows with the lanes; the margins hold the
# era labels (top) and the year ticks (bottom), the same for both drawings.
MARGIN = {"l": 10, "r": 10, "t": 56, "b": 40}
# The top margin when the era labels are not shown (a chart too narrow for
# them, or one without eras): the room they would take is given back, in
# both drawings, rather than left as an empty band.
BARE_TOP = 12
MIN_HEIGHT, BASE_HEIGHT, LANE_HEIGHT = 320, 90, 46
# Lane labels sit above their lane's line, their middle this far up, in
# lanes (about 19 px at the chart's own height): clear of the line's marks
# (the star reaches 12 px up) and of the lane above's. In lanes, not pixels,
# so that plotly.js, which can place text only in the axes' units or by its
# own fixed offsets, puts them exactly where the picture does.
LANE_LABEL_RISE = 0.42
# Era labels alternate between two rows, so neighbours never run into each
# other; the second row sits this much higher.
ERA_ROW_STEP = 16
# Marks of one lane closer than this (a fraction of the x range: the width of
# a star on a phone's 340 px plot) would sit on each other: the later one
# steps off the lane's line by NUDGE lanes, below first, then above.
CROWDED = 19 / 340
NUDGES = (0.0, -0.26, 0.26)

# The legend's words for each kind of mark (i18n.STRINGS keys).
LEGEND_KEYS = {CURATED: "legend_curated", BOTH: "legend_both", ARTICLE: "legend_article",
               "band": "legend_band"}


@dataclass(frozen=True, slots=True)
class Lane:
    """One row of the chart: a category, its label and its height on the y axis."""

    id: str
    label: str
    y: int               # top lane = the number of lanes, bottom lane = 1


@dataclass(frozen=True, slots=True)
class Point:
    """One item's mark."""

    id: str
    day: date            # where it is drawn (Item.midpoint)
    y: float             # its lane's, or a little off it when the lane is crowded there
    origin: str
    title: str
    date_label: str
    lane_label: str


@dataclass(frozen=True, slots=True)
class Band:
    """The span of an imprecise date, from its first day to the day after its last."""

    start: date
    stop: date
    y: int


@dataclass(frozen=True, slots=True)
class EraBand:
    """An era shaded behind the lanes, its label on one of two rows."""

    id: str
    start: date
    stop: date           # the day after its last
    label: str
    fill: tuple[str, float]
    row: int
    # Where its label is pinned: its start, or, for an era starting in the
    # right half, its end (the label then ends there instead of running off
    # the chart).
    anchor: date
    side: str            # "start" or "end"


@dataclass(frozen=True, slots=True)
class ChartModel:
    """Everything both drawings of the chart need, decided once."""

    lang: str
    lanes: tuple[Lane, ...]
    points: tuple[Point, ...]
    bands: tuple[Band, ...]
    eras: tuple[EraBand, ...]
    x_range: tuple[date, date]
    ticks: tuple[int, ...]          # years with a tick and a grid line
    height: int

    @property
    def y_range(self) -> tuple[float, float]:
        """Return the y axis's range: half a lane and a little more around the lanes."""
        return 0.4, len(self.lanes) + 0.6

    def x_fraction(self, day: date) -> float:
        """Return where a day sits across the plot, 0 at the left edge, 1 at the right."""
        first, last = self.x_range
        return (day - first).days / (last - first).days

    def y_fraction(self, y: float) -> float:
        """Return where a y value sits down the plot, 0 at its top edge, 1 at its bottom."""
        low, high = self.y_range
        return (high - y) / (high - low)

    @property
    def plot_height(self) -> int:
        """Return the height of the plot area at the chart's own height, in pixels."""
        return self.height - MARGIN["t"] - MARGIN["b"]


def lanes(catalog: Catalog, timeline: Timeline, lang: str) -> list[tuple[str, str]]:
    """Return the (category id, label) lanes in use, top to bottom, in declared order."""
    used = {item.category for item in timeline.items}
    out = [(c.id, c.label[lang]) for c in catalog.categories if c.id in used]
    if ARTICLE_CATEGORY in used:
        out.append((ARTICLE_CATEGORY, STRINGS[lang]["lane_article"]))
    return out


def year_ticks(first: int, last: int) -> tuple[int, ...]:
    """Return round years between ``first`` and ``last``, four to ten of them."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        ticks = tuple(y for y in range(first, last + 1) if y % step == 0)
        if len(ticks) <= 10:
            return ticks
    return (first, last)


def box_height(lane_count: int) -> int:
    """Return the chart's height in pixels for its number of lanes (the lanes' room, and more)."""
    return max(MIN_HEIGHT, BASE_HEIGHT + LANE_HEIGHT * lane_count)


def _place(day: int, lane: str, placed: dict[tuple[str, float], list[int]], span: int) -> float:
    """Return the first of NUDGES where no mark of ``lane`` sits within CROWDED of ``day``.

    ``placed`` holds each (lane, nudge) row's days (ordinals), sorted; the day
    joins the row chosen (the lane's own line when every row is crowded). A
    row is crowded at ``day`` exactly when its nearest day on either side is,
    so two bisections answer what comparing with every mark of the row did
    (quadratic: 10,000 events took 27 s): O(log n) comparisons per mark.
    """
    chosen = 0.0
    for nudge in NUDGES:
        row = placed.get((lane, nudge), ())
        at = bisect.bisect_left(row, day)
        neighbours = row[max(at - 1, 0):at + 1]
        if all(abs(day - other) / span >= CROWDED for other in neighbours):
            chosen = nudge
            break
    bisect.insort(placed.setdefault((lane, chosen), []), day)
    return chosen


def build_chart(timeline: Timeline, catalog: Catalog, lang: str) -> ChartModel:
    """Decide the chart of ``timeline`` in ``lang``: lanes, points, bands, eras, axes."""
    lane_list = lanes(catalog, timeline, lang)
    # Top lane first: the y axis counts upwards, so the first lane gets the
    # highest number.
    lane_y = {cid: len(lane_list) - i for i, (cid, _) in enumerate(lane_list)}
    labels = dict(lane_list)
    years = ([i.first.year for i in timeline.items] + [i.last.year for i in timeline.items]
             or [1949, 2026])
    first_year, last_year = min(years) - 2, max(years) + 3
    x_range = (date(first_year, 1, 1), date(last_year, 1, 1))
    span = (x_range[1] - x_range[0]).days
    points, bands = [], []
    placed: dict[tuple[str, float], list[int]] = {}
    for item in timeline.items:
        y = lane_y[item.category]
        if item.first != item.last:
            bands.append(Band(item.first, item.last + timedelta(days=1), y))
        day = item.midpoint
        nudge = _place(day.toordinal(), item.category, placed, span)
        points.append(Point(item.id, day, y + nudge, item.origin, item.title_in(lang),
                            item.date_label(lang), labels[item.category]))
    middle = x_range[0] + (x_range[1] - x_range[0]) / 2
    eras = []
    for i, era in enumerate(catalog.eras):
        start, stop = max(era.start.first, x_range[0]), era.end.last + timedelta(days=1)
        side = "start" if start < middle else "end"
        eras.append(EraBand(era.id, era.start.first, stop, era.label[lang],
                            ERA_FILLS[i % len(ERA_FILLS)], i % 2,
                            start if side == "start" else min(stop, x_range[1]), side))
    return ChartModel(
        lang=lang,
        lanes=tuple(Lane(cid, label, lane_y[cid]) for cid, label in lane_list),
        points=tuple(points), bands=tuple(bands), eras=tuple(eras), x_range=x_range,
        ticks=year_ticks(first_year, last_year),
        height=box_height(len(lane_list)))


def plotly_text(text: str) -> str:
    """Escape text for plotly.js, which reads labels as a small subset of HTML.

    Escaping makes any markup in an article or events file show as the text
    it is.
    """
    return html.escape(neutralise_bidi(text))


def _iso(d: date) -> str:
    return d.isoformat()


def _rgba(fill: tuple[str, float]) -> str:
    rgb, alpha = fill
    red, green, blue = (int(rgb[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha})"


def plotly_figure(model: ChartModel) -> dict[str, Any]:
    """Write the chart as plotly.js's figure: data, layout and config."""
    words = STRINGS[model.lang]
    band_x: list[str | None] = []
    band_y: list[float | None] = []
    for band in model.bands:
        # All the rectangles make one trace, separated by gaps: plotly.js
        # fills them as one SVG path, where a line per band would cost an
        # SVG element each.
        x0, x1 = _iso(band.start), _iso(band.stop)
        low, high = round(band.y - BAND_HALF, 3), round(band.y + BAND_HALF, 3)
        band_x += [x0, x1, x1, x0, None]
        band_y += [low, low, high, high, None]
    data: list[dict[str, Any]] = [{
        "type": "scatter", "mode": "none", "fill": "toself",
        "fillcolor": _rgba((BAND_RGB, BAND_OPACITY)), "name": words[LEGEND_KEYS["band"]],
        "x": band_x, "y": band_y, "hoverinfo": "skip", "connectgaps": False, "meta": "bands",
    }]
    if model.lanes:
        # Lane labels are text points at the plot's left edge, drawn before
        # the marks: a mark at the chart's first years stays on top of its
        # lane's label, as in the picture (annotations would cover it).
        data.append({
            "type": "scatter", "mode": "text", "meta": "lanes", "hoverinfo": "skip",
            "x": [_iso(model.x_range[0])] * len(model.lanes),
            "y": [lane.y + LANE_LABEL_RISE for lane in model.lanes],
            "text": [plotly_text(lane.label) for lane in model.lanes],
            "textposition": "middle right", "cliponaxis": False,
            "textfont": {"size": LANE_FONT_SIZE, "color": MUTED_TEXT_COLOR},
        })
    for origin, style in ORIGIN_STYLE.items():
        points = [p for p in model.points if p.origin == origin]
        if not points:
            continue
        data.append({
            "type": "scatter", "mode": "markers", "name": words[LEGEND_KEYS[origin]],
            "x": [_iso(p.day) for p in points], "y": [p.y for p in points],
            "customdata": [[p.id, plotly_text(p.title), plotly_text(p.date_label),
                            plotly_text(p.lane_label)] for p in points],
            "meta": origin,
            "marker": {"symbol": style["symbol"], "color": style["color"], "size": style["size"],
                       "line": dict(MARK_OUTLINE)},
            "hovertemplate": "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>"
                             "%{customdata[3]}<extra></extra>",
        })

    shapes, annotations = [], []
    for era in model.eras:
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": _iso(era.start),
                       "x1": _iso(era.stop), "y0": 0, "y1": 1, "fillcolor": _rgba(era.fill),
                       "line": {"width": 0}, "layer": "below"})
        annotations.append({"name": "era", "xref": "x", "yref": "paper", "x": _iso(era.anchor),
                            "xanchor": "left" if era.side == "start" else "right",
                            "y": 1, "yanchor": "bottom",
                            "yshift": 2 + ERA_ROW_STEP * era.row, "showarrow": False,
                            "text": plotly_text(era.label),
                            "font": {"size": ERA_FONT_SIZE, "color": MUTED_TEXT_COLOR}})
    low, high = model.y_range
    layout = {
        "height": model.height,
        "margin": dict(MARGIN),
        # Panning and zooming stay within the timeline's years.
        "xaxis": {"type": "date", "range": [_iso(d) for d in model.x_range],
                  "minallowed": _iso(model.x_range[0]), "maxallowed": _iso(model.x_range[1]),
                  "tickmode": "array", "tickvals": [f"{y}-01-01" for y in model.ticks],
                  "ticktext": [str(y) for y in model.ticks],
                  "tickfont": {"size": TICK_FONT_SIZE}, "showgrid": True,
                  "gridcolor": GRID_COLOR, "fixedrange": False, "zeroline": False},
        "yaxis": {"tickmode": "array", "tickvals": [lane.y for lane in model.lanes],
                  "showticklabels": False, "range": [low, high], "fixedrange": True,
                  "showgrid": True, "gridcolor": LANE_LINE_COLOR, "zeroline": False},
        "hovermode": "closest", "dragmode": "pan", "showlegend": False,
        "shapes": shapes, "annotations": annotations,
        "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
        "font": {"family": FONT_FAMILY, "color": TEXT_COLOR},
    }
    config = {"responsive": True, "displaylogo": False, "scrollZoom": False,
              "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"]}
    return {"data": data, "layout": layout, "config": config}


def build_figure(timeline: Timeline, catalog: Catalog, lang: str) -> dict[str, Any]:
    """Build plotly.js's figure of ``timeline`` in ``lang`` (build_chart, then plotly_figure)."""
    return plotly_figure(build_chart(timeline, catalog, lang))


def figure_json(figure: dict[str, Any]) -> str:
    """Serialise a figure deterministically, safe inside a <script> element."""
    text = json.dumps(figure, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "</script>" or "<!--" in a title must not end the element it sits in.
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def plotted_count(figure: dict[str, Any]) -> int:
    """Count the points drawn, one per timeline item (bands are not points)."""
    return sum(len(t["x"]) for t in figure["data"] if t.get("mode") == "markers")
