"""The Plotly figure of the merged timeline, as a plain figure dictionary.

The figure is written as the JSON plotly.js reads (``data``, ``layout``,
``config``), not through ``plotly.graph_objects``: importing and validating
graph objects costs more than the whole rest of a build, and the tests check
the dictionary against Plotly's own schema instead. Points sit at the middle of
their span, and every date coarser than a day is drawn as a band over the whole
span, so "1966" reads as the year it is, never as 1 January.

The figure is shaped for plotly.js's speed on large timelines: a fixed handful
of traces whatever the number of items (all the bands in one filled trace,
drawn by plotly as a single SVG path; one marker trace per origin), and no
layout shapes but the few eras.
"""

from __future__ import annotations

import html
import json
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
# projectors and colour-blind readers. Colours pass 3:1 against white.
ORIGIN_STYLE = {
    CURATED: {"symbol": "circle", "color": "#1f5fa8", "size": 13},
    BOTH: {"symbol": "star", "color": "#b03a00", "size": 19},
    ARTICLE: {"symbol": "square", "color": "#6a3d9a", "size": 12},
}
BAND_COLOR = "rgba(31, 95, 168, 0.28)"
# Half the thickness of a band, in lanes (one lane is one unit of the y axis).
BAND_HALF = 0.1
ERA_COLORS = ("rgba(120, 120, 120, 0.07)", "rgba(176, 58, 0, 0.07)", "rgba(31, 95, 168, 0.07)")

# The legend's words for each trace (i18n.STRINGS keys).
LEGEND_KEYS = {CURATED: "legend_curated", BOTH: "legend_both", ARTICLE: "legend_article",
               "band": "legend_band"}


def lanes(catalog: Catalog, timeline: Timeline, lang: str) -> list[tuple[str, str]]:
    """Return the (category id, label) lanes in use, top to bottom, in declared order."""
    used = {item.category for item in timeline.items}
    out = [(c.id, c.label[lang]) for c in catalog.categories if c.id in used]
    if ARTICLE_CATEGORY in used:
        out.append((ARTICLE_CATEGORY, STRINGS[lang]["lane_article"]))
    return out


def _label(text: str) -> str:
    # plotly.js reads hover and tick text as a small subset of HTML; escaping
    # makes any markup in an article or events file show as the text it is.
    return html.escape(neutralise_bidi(text))


def _iso(d: date) -> str:
    return d.isoformat()


def build_figure(timeline: Timeline, catalog: Catalog, lang: str) -> dict[str, Any]:
    """Build the figure: one point per item, bands for imprecise dates, eras behind."""
    words = STRINGS[lang]
    lane_list = lanes(catalog, timeline, lang)
    # Top lane first: plotly counts y upwards, so the first lane gets the
    # highest number.
    lane_y = {cid: len(lane_list) - i for i, (cid, _) in enumerate(lane_list)}
    labels = {cid: label for cid, label in lane_list}

    band_x: list[str | None] = []
    band_y: list[float | None] = []
    points: dict[str, dict[str, list[Any]]] = {o: {"x": [], "y": [], "customdata": []}
                                               for o in ORIGIN_STYLE}
    for item in timeline.items:
        y = lane_y[item.category]
        first, last = item.first, item.last
        if first != last:
            # A rectangle from the first day to the end of the last one, so a
            # year covers the whole year on the axis. All the rectangles make
            # one trace, separated by gaps: plotly.js fills them as one SVG
            # path, where a line per band would cost an SVG element each.
            x0, x1 = _iso(first), _iso(last + timedelta(days=1))
            low, high = round(y - BAND_HALF, 3), round(y + BAND_HALF, 3)
            band_x += [x0, x1, x1, x0, None]
            band_y += [low, low, high, high, None]
        p = points[item.origin]
        p["x"].append(_iso(item.midpoint))
        p["y"].append(y)
        p["customdata"].append([item.id, _label(item.title_in(lang)),
                                _label(item.date_label(lang)), _label(labels[item.category])])

    data: list[dict[str, Any]] = [{
        "type": "scatter", "mode": "none", "fill": "toself", "fillcolor": BAND_COLOR,
        "name": words[LEGEND_KEYS["band"]], "x": band_x, "y": band_y, "hoverinfo": "skip",
        "connectgaps": False, "legendrank": 4, "meta": "bands",
    }]
    for rank, (origin, style) in enumerate(ORIGIN_STYLE.items(), start=1):
        p = points[origin]
        if not p["x"]:
            continue
        data.append({
            "type": "scatter", "mode": "markers", "name": words[LEGEND_KEYS[origin]], "x": p["x"],
            "y": p["y"], "customdata": p["customdata"], "legendrank": rank, "meta": origin,
            "marker": {"symbol": style["symbol"], "color": style["color"], "size": style["size"],
                       "line": {"color": "#ffffff", "width": 1.5}},
            "hovertemplate": "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>"
                             "%{customdata[3]}<extra></extra>",
        })

    shapes, annotations = [], []
    for i, era in enumerate(catalog.eras):
        x0, x1 = _iso(era.start.first), _iso(era.end.last + timedelta(days=1))
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1,
                       "y0": 0, "y1": 1, "fillcolor": ERA_COLORS[i % len(ERA_COLORS)],
                       "line": {"width": 0}, "layer": "below"})
        # Neighbouring eras alternate between two rows so long labels never
        # run into each other, whatever the width of the chart.
        annotations.append({"xref": "x", "yref": "paper", "x": x0, "xanchor": "left",
                            "y": 1.0 if i % 2 == 0 else 1.07, "yanchor": "bottom",
                            "showarrow": False,
                            "text": _label(era.label[lang]),
                            "font": {"size": 11, "color": "#444444"}})

    years = ([i.first.year for i in timeline.items] + [i.last.year for i in timeline.items]
             or [1949, 2026])
    x_range = [f"{min(years) - 2}-01-01", f"{max(years) + 3}-01-01"]
    layout = {
        "height": max(320, 90 + 46 * len(lane_list)),
        "margin": {"l": 10, "r": 10, "t": 56, "b": 40},
        "xaxis": {"type": "date", "range": x_range, "tickformat": "%Y", "showgrid": True,
                  "gridcolor": "#e6e6e6", "fixedrange": False},
        "yaxis": {"tickmode": "array", "tickvals": [lane_y[c] for c, _ in lane_list],
                  "ticktext": [_label(label) for _, label in lane_list],
                  "range": [0.4, len(lane_list) + 0.6], "fixedrange": True, "automargin": True,
                  "showgrid": True, "gridcolor": "#f0f0f0", "zeroline": False},
        "hovermode": "closest", "dragmode": "pan",
        "legend": {"orientation": "h", "x": 0, "y": -0.12, "yanchor": "top"},
        "shapes": shapes, "annotations": annotations,
        "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                 "color": "#1a1a1a"},
    }
    config = {"responsive": True, "displaylogo": False, "scrollZoom": False,
              "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"]}
    return {"data": data, "layout": layout, "config": config}


def figure_json(figure: dict[str, Any]) -> str:
    """Serialise a figure deterministically, safe inside a <script> element."""
    text = json.dumps(figure, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "</script>" or "<!--" in a title must not end the element it sits in.
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def plotted_count(figure: dict[str, Any]) -> int:
    """Count the points drawn, one per timeline item (bands are not points)."""
    return sum(len(t["x"]) for t in figure["data"] if t.get("mode") == "markers")
