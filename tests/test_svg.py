"""The chart's static picture: drawn from the chart model, in step with plotly's figure."""

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from timeline import chart, svg
from timeline.article import Article
from timeline.events import load_events
from timeline.mention import Mention
from timeline.merge import build_timeline

FIXTURES = Path(__file__).parent / "fixtures"
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script> "quoted" & \u202eevil'


@pytest.fixture(scope="module")
def catalog():
    return load_events(FIXTURES / "mini-events.yaml")


@pytest.fixture(scope="module")
def model(catalog):
    body = f"De Gaulle and the integrated command in 1966. Then 1980. {HOSTILE}"
    a = Article(path="a.txt", id="story", title="Story", body=body)
    found = [Mention(body.index("1966"), body.index("1966") + 4, "1966", "1966", body, 0,
                     "explicit"),
             Mention(body.index("1980"), body.index("1980") + 4, "1980", "1980",
                     f"In 1980 {HOSTILE}", 0, "explicit")]
    return chart.build_chart(build_timeline(catalog, [a], {a.id: found}), catalog, "fr")


def parse_inline(model) -> ET.Element:
    # The inline picture is well-formed XML too; give it the SVG namespace to parse it.
    text = svg.inline_svg(model).replace(
        "<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return ET.fromstring(text)


def percent(value: str) -> float:
    assert value.endswith("%"), value
    return float(value[:-1]) / 100


def test_every_point_is_a_link_named_as_the_list_names_it(model):
    root = parse_inline(model)
    marks = root.findall(f".//{SVG}a")
    assert [m.get("href") for m in marks] == [f"#{p.id}" for p in model.points]
    for mark, point in zip(marks, model.points, strict=True):
        assert mark.get("class") == "chart-mark"
        # Its name (and tooltip) is its title element: the event and its date.
        assert mark.find(f"{SVG}title").text == f"{point.title}, {point.date_label}".replace(
            "\u202e", "<U+202E>")
    # Everything but the marks is decoration, hidden from assistive technology.
    (decoration,) = [g for g in root.findall(f"{SVG}g") if g.get("aria-hidden") == "true"]
    assert not decoration.findall(f".//{SVG}a")
    # The picture has no name of its own: its figure's caption names the chart, once.
    assert root.get("role") is None and root.get("aria-labelledby") is None
    # Each mark says its fill and its group the outline, never the shape it
    # uses: a stroke there would beat the page's focus ring.
    (defs,) = root.findall(f"{SVG}defs")
    assert all(path.get("stroke") is None and path.get("fill") is None for path in defs)
    (marks,) = [g for g in root.findall(f"{SVG}g") if g.get("class") == "chart-marks"]
    assert marks.get("stroke") == chart.MARK_OUTLINE["color"]
    assert all(use.get("fill") for use in marks.iter(f"{SVG}use"))


def test_the_picture_and_plotlys_figure_put_every_point_in_the_same_place(model):
    figure = chart.plotly_figure(model)
    root = parse_inline(model)
    uses = {m.get("href"): m.find(f"{SVG}use") for m in root.findall(f".//{SVG}a")}
    first, last = (date.fromisoformat(d) for d in figure["layout"]["xaxis"]["range"])
    low, high = figure["layout"]["yaxis"]["range"]
    for trace in (t for t in figure["data"] if t["mode"] == "markers"):
        for x, y, data in zip(trace["x"], trace["y"], trace["customdata"], strict=True):
            use = uses[f"#{data[0]}"]
            across = (date.fromisoformat(x) - first).days / (last - first).days
            assert percent(use.get("x")) == pytest.approx(across, abs=1e-4)
            # Down as a fraction of the plot, which the page puts where plotly puts its own.
            assert percent(use.get("y")) == pytest.approx((high - y) / (high - low), abs=1e-5)
            assert use.get("href") == f"#tl-mark-{trace['meta']}"
    # Lanes are labelled above their lines, in both drawings.
    (lanes,) = [t for t in figure["data"] if t.get("meta") == "lanes"]
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart-lane-label"]
    assert lanes["text"] == labels == [lane.label for lane in model.lanes]
    # plotly draws the lane labels under the marks: their trace comes first.
    order = [t.get("meta") for t in figure["data"]]
    assert order.index("lanes") < min(order.index(o) for o in chart.ORIGIN_STYLE if o in order)


def test_imprecise_dates_are_bands_over_their_whole_span(model):
    (band,) = [b for b in model.bands if b.start.year == 1980]
    assert (band.start, band.stop) == (date(1980, 1, 1), date(1981, 1, 1))
    root = parse_inline(model)
    (bands,) = [g for g in root.iter(f"{SVG}g") if g.get("fill-opacity") == "0.28"]
    rects = bands.findall(f"{SVG}rect")
    year = model.x_fraction(date(1981, 1, 1)) - model.x_fraction(date(1980, 1, 1))
    assert any(abs(percent(r.get("width")) - year) < 1e-5 for r in rects)


def test_hostile_text_is_escaped_in_both_pictures(model):
    for text in (svg.inline_svg(model), svg.standalone_svg(model)):
        assert "<script>" not in text and "\u202e" not in text
        assert "&lt;script&gt;" in text and "&amp;" in text


def test_the_standalone_file_needs_nothing_outside_itself(model):
    named = {"title": "La France et l’OTAN, 1949–2026", "description": "Une chronologie."}
    text = svg.standalone_svg(model, **named)
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{SVG}svg" and root.get("viewBox").startswith("0 0 1200 ")
    assert root.get("font-family").endswith("sans-serif")
    assert root.find(f"{SVG}title").text == "La France et l’OTAN, 1949–2026"
    # No address but its own fragments: no link, image, stylesheet or font to fetch.
    refs = [v for el in root.iter() for k, v in el.attrib.items() if k.endswith("href")]
    assert refs and all(r.startswith("#tl-mark-") for r in refs)
    assert not re.search(r"url\(|@import|<image|<a ", text)
    # Its key names every kind of mark shown and every era.
    words = [t.text for t in root.iter(f"{SVG}text")]
    assert "Événement de la chronologie" in words
    assert all(era.label in words for era in model.eras)
    assert svg.standalone_svg(model, **named) == text  # deterministic


def test_era_labels_are_shown_from_the_width_they_fit(catalog):
    tl = build_timeline(catalog, [], {})
    model = chart.build_chart(tl, catalog, "en")
    need = svg.era_fit_width(model)
    assert need is not None and need > 0
    # Every label fits inside the plot at that width, and no two on a row touch.
    placed = []
    for era in model.eras:
        width = len(era.label) * svg.CHAR_WIDTH_EM * chart.ERA_FONT_SIZE
        at = model.x_fraction(era.anchor) * need
        left, right = (at, at + width) if era.side == "start" else (at - width, at)
        assert -0.5 <= left and right <= need + 0.5, era.id
        placed.append((era.row, left, right))
    for row, left, right in placed:
        for other_row, other_left, _ in placed:
            if other_row == row and other_left > left:
                assert other_left - right >= 11.5
    rule = svg.era_fit_style(model)
    assert rule == (f"@container chart (max-width:{need + 19}px){{.chart-era-label"
                    "{display:none}.embed .chart-key-eras{display:flex}"
                    f".chart-box{{--era-drop:{chart.MARGIN['t'] - chart.BARE_TOP}px}}}}")


def test_a_chart_without_eras_always_has_room_for_their_labels(catalog):
    from dataclasses import replace

    bare = replace(chart.build_chart(build_timeline(catalog, [], {}), catalog, "en"), eras=())
    assert svg.era_fit_width(bare) is None
    # ... and gives their room back at every width: no rule hides labels.
    drop = chart.MARGIN["t"] - chart.BARE_TOP
    assert svg.era_fit_style(bare) == f".chart-box{{--era-drop:{drop}px}}"


@pytest.mark.parametrize(("first", "last", "step"), [(1947, 2029, 10), (1998, 2003, 1),
                                                     (1, 2100, 200)])
def test_year_ticks_are_round_and_few(first, last, step):
    ticks = chart.year_ticks(first, last)
    assert 1 <= len(ticks) <= 10 and all(t % step == 0 for t in ticks)
