"""The chart model and plotly.js's figure of it."""

from pathlib import Path

import pytest

from timeline import chart
from timeline.article import Article
from timeline.events import load_events
from timeline.mention import Mention
from timeline.merge import build_timeline

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def shipped():
    catalog = load_events(ROOT / "events.yaml")
    return catalog, build_timeline(catalog, [], {})


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_figure_is_valid_for_plotly(shipped, lang):
    """plotly's own schema accepts the hand-written figure (graph objects validate it)."""
    import plotly.graph_objects as go

    catalog, timeline = shipped
    figure = chart.build_figure(timeline, catalog, lang)
    go.Figure(data=figure["data"], layout=figure["layout"])   # raises on an unknown key
    assert chart.plotted_count(figure) == len(timeline.items)


def test_eras_label_from_their_start_or_end_and_alternate_rows(shipped):
    catalog, timeline = shipped
    model = chart.build_chart(timeline, catalog, "en")
    assert [e.row for e in model.eras] == [i % 2 for i in range(len(model.eras))]
    for era in model.eras:
        # An era starting in the right half ends its label at its own end.
        right_half = model.x_fraction(era.start) >= 0.5
        assert era.side == ("end" if right_half else "start")
        assert era.anchor == (min(era.stop, model.x_range[1]) if right_half else era.start)


def test_marks_crowding_a_lane_step_off_its_line():
    catalog = load_events(FIXTURES / "mini-events.yaml")
    body = "Prices rose in March 1980, again in April 1980, and in May 1980."
    a = Article(path="a.txt", id="a", title="A", body=body)
    found = [Mention(body.index(t), body.index(t) + len(t), t, v, body, 0, "explicit")
             for t, v in (("March 1980", "1980-03"), ("April 1980", "1980-04"),
                          ("May 1980", "1980-05"))]
    model = chart.build_chart(build_timeline(catalog, [a], {"a": found}), catalog, "en")
    lane = {lane.id: lane.y for lane in model.lanes}["article"]
    ys = [p.y - lane for p in model.points if p.id.startswith("date-1980")]
    # Three months apart on an eighty-year axis: one on the line, one below, one above.
    assert sorted(ys) == sorted(chart.NUDGES)
