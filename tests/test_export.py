import csv
import io
import json
from datetime import date
from pathlib import Path

import icalendar
import pytest

from timeline import export
from timeline import merge as m
from timeline.article import Article
from timeline.events import load_events
from timeline.mention import Mention

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = '=HYPERLINK("http://evil.example","click") <script>alert(1)</script>'


@pytest.fixture(scope="module")
def catalog():
    return load_events(FIXTURES / "mini-events.yaml")


@pytest.fixture(scope="module")
def timeline(catalog):
    body = f"De Gaulle and the integrated command in 1966. Then 1980 happened. {HOSTILE}"
    a = Article(path="a.txt", id="story", title="Story", body=body)
    mentions = [Mention(body.index("1966"), body.index("1966") + 4, "1966", "1966", body, 0,
                        "explicit"),
                Mention(body.index("1980"), body.index("1980") + 4, "1980", "1980",
                        f"-1980 was the year {HOSTILE}", 0, "explicit")]
    return m.build_timeline(catalog, [a], {a.id: mentions})


def test_csv_parses_back_and_defuses_formulas(timeline):
    rows = list(csv.DictReader(io.StringIO(export.render_csv(timeline), newline="")))
    assert [r["id"] for r in rows] == [i.id for i in timeline.items]
    only = next(r for r in rows if r["origin"] == "article")
    assert only["date"] == "1980" and only["precision"] == "year"
    assert (only["first_day"], only["last_day"]) == ("1980-01-01", "1980-12-31")
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    assert only["title_en"].startswith("'-1980")


@pytest.mark.parametrize(("cell", "safe"), [("=1+1", "'=1+1"), ("+33 1", "'+33 1"),
                                            ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
                                            ("\tx", "'\tx"), ("1966", "1966"), (None, "")])
def test_defuse_cell(cell, safe):
    assert export.defuse_cell(cell) == safe


def test_json_parses_back_with_precision(timeline, catalog):
    data = json.loads(export.render_json(timeline, catalog))
    items = {i["id"]: i for i in data["items"]}
    assert items["letter-to-johnson"]["origin"] == "both"
    assert items["letter-to-johnson"]["mentions"][0]["text"] == "1966"
    assert items["date-1980"]["date_label"] == {"en": "1980", "fr": "1980"}
    assert data["eras"][0] == {"id": "outside", "start": "1966-07", "end": "2009-04",
                               "label": {"en": "Outside the integrated command",
                                         "fr": "Hors du commandement intégré"}}


def test_timelinejs_keeps_precision_and_escapes_html(timeline, catalog):
    data = json.loads(export.render_timelinejs(timeline, catalog, "en"))
    events = {e["unique_id"]: e for e in data["events"]}
    assert events["date-1980"]["start_date"] == {"year": 1980}
    assert events["treaty-signed"]["start_date"] == {"year": 1949, "month": 4, "day": 4}
    assert "<script>" not in json.dumps(data)
    assert "&lt;script&gt;" in events["date-1980"]["text"]["headline"]
    assert data["eras"][0]["start_date"] == {"year": 1966, "month": 7}
    assert data["eras"][0]["end_date"] == {"year": 2009, "month": 4}


def test_ics_parses_with_a_strict_reader_and_spans_precision(timeline):
    text = export.render_ics(timeline)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cal = icalendar.Calendar.from_ical(text)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    year = events["date-1980@timeline.invalid"]
    assert year.decoded("DTSTART") == date(1980, 1, 1)
    assert year.decoded("DTEND") == date(1981, 1, 1)
    day = events["treaty-signed@timeline.invalid"]
    assert (day.decoded("DTSTART"), day.decoded("DTEND")) == (date(1949, 4, 4), date(1949, 4, 5))
    assert str(year["SUMMARY"]).startswith("-1980 was the year =HYPERLINK(")


def test_ics_stamp_never_reads_the_clock(timeline, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert "DTSTAMP:20260119T000000Z" in export.render_ics(timeline)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert "DTSTAMP:20231114T221320Z" in export.render_ics(timeline)


def test_fold_never_splits_a_character():
    line = "SUMMARY:" + "é" * 100
    folded = export._fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode()) <= 75
        part.encode().decode("utf-8")
    assert folded.replace("\r\n ", "") == line


def test_a_short_line_is_not_folded():
    assert export._fold("SUMMARY:" + "é" * 33) == "SUMMARY:" + "é" * 33  # 74 octets
    assert "\r\n" in export._fold("SUMMARY:" + "é" * 34)  # 76 octets


def test_json_puts_each_list_entry_on_a_line_of_its_own(timeline, catalog):
    text = export.render_json(timeline, catalog)
    lines = text.splitlines()
    items = json.loads(text)["items"]
    # One line per item, so a diff between two builds names the items that changed.
    for item in items:
        line = json.dumps(item, ensure_ascii=False, sort_keys=True)
        assert f"    {line}," in lines or f"    {line}" in lines
    assert text.endswith("}\n") and lines[0] == "{"


@pytest.mark.parametrize("lang, more", [("en", "And 2 more quotes"), ("fr", "Et 2 autres")])
def test_a_timelinejs_slide_quotes_three_and_counts_the_rest(catalog, lang, more):
    body = "De Gaulle and the integrated command in 1966."
    articles = [Article(path=f"a{i}.txt", id=f"a{i}", title=f"A{i}", body=body) for i in range(5)]
    mentions = {a.id: [Mention(body.index("1966"), body.index("1966") + 4, "1966", "1966",
                               f"{body} (article {a.id})", 0, "explicit")] for a in articles}
    tl = m.build_timeline(catalog, articles, mentions)
    data = json.loads(export.render_timelinejs(tl, catalog, lang))
    slide = next(e for e in data["events"] if e["text"]["text"].count("<blockquote>"))
    assert slide["text"]["text"].count("<blockquote>") == 3
    assert more in slide["text"]["text"]
    # The JSON export keeps every quote.
    item = next(i for i in json.loads(export.render_json(tl, catalog))["items"]
                if i["id"] == slide["unique_id"])
    assert len(item["mentions"]) == 5
