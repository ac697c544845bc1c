"""The only calls the benchmark makes into timeline.merge and timeline.chart.

Kept apart so that a change of those APIs (build_timeline's return type,
build_figure's arguments) is adapted in this one file: the build and page
benchmarks otherwise run `timeline` as a command, as its users do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def plotly_default_page(timeline: Any, catalog: Any, path: Path) -> Path:
    """The same figure the way plotly users write it: fig.write_html(include_plotlyjs=True)."""
    import plotly.graph_objects as go

    from timeline import chart

    figure = chart.build_figure(timeline, catalog, "en")
    fig = go.Figure({"data": figure["data"], "layout": figure["layout"]})
    fig.write_html(str(path), include_plotlyjs=True, config=figure.get("config"))
    return path


def load_timeline(events: Path, article: Path) -> tuple[Any, Any]:
    from timeline.article import load_article
    from timeline.batch import extract_all
    from timeline.events import load_events
    from timeline.merge import build_timeline

    catalog = load_events(events)
    articles = [load_article(article)]
    mentions, _ = extract_all(articles, jobs=1)
    return build_timeline(catalog, articles, mentions), catalog
