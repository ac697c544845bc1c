"""Dates counted from an event the text names, and publication dates known to
the month or year. The texts are written for these tests."""

from __future__ import annotations

import datetime
import json
from dataclasses import asdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.anchoring import resolve_anchored, shifted_value
from timeline.cli import main
from timeline.dates import parse_iso
from timeline.events import Event, load_events
from timeline.extract import extract_mentions
from timeline.mention import Mention

ROOT = Path(__file__).resolve().parent.parent
D = datetime.date


def event(id: str, when: str, keywords: list[str], importance: int = 1,
          end: str | None = None) -> Event:
    return Event(id=id, date=parse_iso(when), end=parse_iso(end) if end else None,
                 title={"en": id, "fr": id}, summary={"en": id, "fr": id}, category="x",
                 sources=(), keywords=tuple(keywords), importance=importance, line=1)


HISTORY = [
    event("withdrawal", "1966-03-07", ["de Gaulle", "Charles de Gaulle", "withdrawal",
                                       "retrait", "integrated command"], 3, end="1966-07-01"),
    event("press-conference", "1966-02-21", ["de Gaulle", "press conference"]),
    event("bucharest-summit", "2008-04-02", ["Bucharest", "Bucarest", "summit", "sommet"],
          end="2008-04-04"),
    event("lisbon-summit", "2010-11", ["Lisbon", "summit", "sommet"]),
]


def resolved(body: str, published: D | None, lang: str = "en",
             events: list[Event] | None = HISTORY, precision: str = "day",
             ) -> list[tuple[str, str, str]]:
    found = extract_mentions(body, published=published, lang=lang, precision=precision)
    return [(m.text, m.value, m.event) for m in resolve_anchored(found, events)]


# --------------------------------------------------------------------------
# The article bug: "N years after <event>" counts from the event
# --------------------------------------------------------------------------

GAULLE = ("The president announced yesterday that France intends to become a full member "
          "of NATO, 43 years after Charles de Gaulle pulled France out of its command.")


def test_years_after_an_event_count_from_the_event_not_the_paper() -> None:
    got = resolved(GAULLE, D(2009, 3, 12))
    assert ("43 years after", "2009", "withdrawal") in got
    assert all(v != "2052" for _, v, _ in got)


def test_the_extractor_alone_leaves_the_value_to_the_history() -> None:
    m = [m for m in extract_mentions(GAULLE, published=D(2009, 3, 12))
         if m.text == "43 years after"][0]
    assert (m.value, m.anchor, m.offset) == ("", "event", "+43Y")
    assert m.event_words.startswith("Charles de Gaulle pulled France out")


def test_no_event_recognised_means_no_date() -> None:
    assert [t for t, _, _ in resolved(GAULLE, D(2009, 3, 12), events=[])] == ["yesterday"]
    body = "Ten years after the flood, the village was rebuilt."
    assert resolved(body, D(2020, 5, 1)) == []
    kept = resolve_anchored(extract_mentions(body, published=D(2020, 5, 1)), HISTORY,
                            keep_unknown=True)
    assert [(m.text, m.value, m.event) for m in kept] == [("Ten years after", "XXXX", "")]


@pytest.mark.parametrize(("body", "lang", "expected"), [
    ("Georgia was still waiting two years after the Bucharest summit.", "en",
     ("two years after", "2010", "bucharest-summit")),
    ("Three days before the Bucharest summit, the allies disagreed.", "en",
     ("Three days before", "2008-03-30", "bucharest-summit")),
    ("Quarante ans après le retrait, la France revient.", "fr",
     ("Quarante ans après", "2006", "withdrawal")),
    ("Deux ans après le sommet de Bucarest, rien n'avait changé.", "fr",
     ("Deux ans après", "2010", "bucharest-summit")),
    # A span of days shifted by days: the first day is the start's.
    ("Two weeks after the Bucharest summit opened, talks resumed.", "en",
     ("Two weeks after", "2008-04-16", "bucharest-summit")),
])
def test_anchored_in_both_languages(body: str, lang: str, expected: tuple) -> None:
    assert expected in resolved(body, D(2012, 6, 1), lang)


def test_words_naming_events_at_different_dates_give_nothing() -> None:
    # "summit" names two summits two years apart: no date rather than a guess.
    assert resolved("Two years after the summit, nothing had changed.", D(2012, 1, 5)) == []


def test_events_that_agree_at_the_offsets_precision_are_not_ambiguous() -> None:
    # Both de Gaulle events are in 1966: forty years after either is 2006.
    got = resolved("Forty years after de Gaulle spoke, the debate returned.", D(2006, 5, 1))
    assert got == [("Forty years after", "2006", "withdrawal")]


def test_adverbial_before_stays_relative_to_the_story() -> None:
    got = resolved("In March 1954 he resigned; a few months before had come the crisis.",
                   None)
    assert ("March 1954", "1954-03", "") in got
    assert any(t.endswith("months before") for t, _, _ in got)


def test_value_is_no_finer_than_the_offset_or_the_event() -> None:
    assert shifted_value(parse_iso("1966-03-07"), "+43Y") == "2009"
    assert shifted_value(parse_iso("1966-03-07"), "-2D") == "1966-03-05"
    assert shifted_value(parse_iso("2010-11"), "+1M") == "2010-12"
    # Two days after "November 2010" may be December: only the year is sure.
    assert shifted_value(parse_iso("2010-11"), "+2D") == "2010"
    assert shifted_value(parse_iso("2010-12"), "+10D") is None
    assert shifted_value(parse_iso("2008-02-29"), "+1Y") == "2009"
    assert shifted_value(parse_iso("9999-12-31"), "+1Y") is None
    assert shifted_value(parse_iso("1966"), "nonsense") is None


def test_resolving_is_idempotent_and_leaves_other_mentions_alone() -> None:
    found = extract_mentions(GAULLE, published=D(2009, 3, 12))
    once = resolve_anchored(found, HISTORY)
    assert resolve_anchored(once, HISTORY) == once
    assert [m for m in once if m.anchor != "event"] == [m for m in found if m.anchor != "event"]


def test_cache_round_trip_keeps_the_anchoring_fields() -> None:
    found = resolve_anchored(extract_mentions(GAULLE, published=D(2009, 3, 12)), HISTORY)
    rows = json.loads(json.dumps([asdict(m) for m in found]))
    assert [Mention(**r) for r in rows] == found
    # An entry written before the fields existed still loads.
    old = {k: v for k, v in rows[0].items() if k not in ("offset", "event_words", "event")}
    assert Mention(**old).event == ""


def test_the_shipped_history_anchors_the_article_bug() -> None:
    events = load_events(ROOT / "events.yaml").events
    got = resolved(GAULLE, D(2009, 3, 12), events=list(events))
    assert ("43 years after", "2009", "de-gaulle-withdrawal") in got


# --------------------------------------------------------------------------
# The CLI resolves through the events file
# --------------------------------------------------------------------------

def _article(folder: Path, body: str, published: str, lang: str = "en") -> Path:
    path = folder / "a.txt"
    path.write_text(f"---\ntitle: t\npublished: {published}\nlanguage: {lang}\n---\n{body}\n",
                    encoding="utf-8")
    return path


def test_cli_resolves_through_events_and_says_which(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # no ./events.yaml here
    art = _article(tmp_path, GAULLE, "2009-03-12")
    run = CliRunner().invoke(main, ["extract", "--format", "jsonl", "--events",
                                    str(ROOT / "events.yaml"), str(art)])
    assert run.exit_code == 0, run.output
    rows = [json.loads(line) for line in run.output.splitlines()]
    assert {"text": "43 years after", "value": "2009", "event": "de-gaulle-withdrawal"} \
        .items() <= next(r for r in rows if r["text"] == "43 years after").items()
    # Without the history the expression is listed, its date unknown, never 2052.
    bare = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(art)])
    assert [(r["text"], r["value"]) for r in map(json.loads, bare.output.splitlines())] == [
        ("yesterday", "2009-03-11"), ("43 years after", "XXXX")]


def test_cli_reads_the_default_events_file(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "events.yaml").write_text((ROOT / "events.yaml").read_text("utf-8"), "utf-8")
    monkeypatch.chdir(tmp_path)
    art = _article(tmp_path, GAULLE, "2009-03-12")
    run = CliRunner().invoke(main, ["extract", "--format", "json", str(art)])
    assert run.exit_code == 0, run.output
    assert any(r.get("event") == "de-gaulle-withdrawal" for r in json.loads(run.output))


def test_cli_bad_events_file_is_an_input_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("events: [\n", encoding="utf-8")
    art = _article(tmp_path, GAULLE, "2009-03-12")
    run = CliRunner().invoke(main, ["extract", "--events", str(bad), str(art)])
    assert run.exit_code == 2
    assert "bad.yaml" in run.output and "Traceback" not in run.output


# --------------------------------------------------------------------------
# Publication dates known to the month or the year
# --------------------------------------------------------------------------

def test_month_precision_anchors_day_and_month_to_its_year() -> None:
    body = "La députée a déposé sa résolution le 19 janvier."
    assert resolved(body, D(2026, 2, 1), "fr", precision="month") == [
        ("le 19 janvier", "2026-01-19", "")]


@pytest.mark.parametrize(("body", "lang", "expected"), [
    ("The plant closed on 3 November.", "en", [("3 November", "2025-11-03")]),
    ("The plant will reopen on 3 March.", "en", [("3 March", "2026-03-03")]),
    ("Last year the plant closed.", "en", [("Last year", "2025")]),
    ("This month the plant closed.", "en", [("This month", "2026-02")]),
    # The day is not known: no invented day, the unit that holds them all.
    ("Today the plant closed.", "en", [("Today", "2026-02")]),
    ("Hier, l'usine a fermé.", "fr", [("Hier", "2026")]),
    ("This week the plant closed.", "en", [("This week", "PRESENT_REF")]),
])
def test_month_precision_never_invents_a_day(body: str, lang: str, expected: list) -> None:
    got = extract_mentions(body, published=D(2026, 2, 1), lang=lang, precision="month")
    assert [(m.text, m.value) for m in got] == expected


def test_year_precision_gives_the_year_to_dates_without_one() -> None:
    got = extract_mentions("The plant closed on 3 November.", published=D(2026, 1, 1),
                           precision="year")
    assert [(m.text, m.value) for m in got] == [("3 November", "2026-11-03")]


def test_cli_month_precision_front_matter(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    art = _article(tmp_path, "La résolution a été déposée le 19 janvier.", "2026-02", "fr")
    run = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(art)])
    assert [json.loads(line)["value"] for line in run.output.splitlines()] == ["2026-01-19"]
    run = CliRunner().invoke(main, ["extract", "--format", "jsonl", "--published", "2025-03",
                                    str(art)])
    assert [json.loads(line)["value"] for line in run.output.splitlines()] == ["2025-01-19"]


def test_a_build_extracts_month_precision_articles_with_their_month(tmp_path: Path) -> None:
    from timeline.article import load_article
    from timeline.batch import job_for, run_job

    art = load_article(_article(tmp_path, "Déposée le 19 janvier.", "2026-02", "fr"))
    job = job_for(art)
    assert job.precision == "month"
    assert [m.value for m in run_job(job)] == ["2026-01-19"]
    # The same first day known to the day is another extraction: another key.
    day = type(job)(job.article_id, job.body, job.published, job.lang, "day")
    assert day.key != job.key


def test_a_build_resolves_anchored_mentions_cached_or_not(tmp_path: Path) -> None:
    art = _article(tmp_path, GAULLE, "2009-03-12")
    for run in ("cold", "warm"):
        out = tmp_path / f"site-{run}"
        result = CliRunner().invoke(main, [
            "build", "--events", str(ROOT / "events.yaml"), "--article", str(art),
            "--out", str(out), "--cache-dir", str(tmp_path / "cache"), "--jobs", "1",
            "--force"])
        assert result.exit_code == 0, result.output
        data = (out / "data" / "events.json").read_text(encoding="utf-8")
        assert '"text": "43 years after", "value": "2009"' in data, run
        assert '"value": "2052"' not in data and '"value": ""' not in data


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.lists(st.sampled_from([
    "hier", "yesterday", "today", "le 19 janvier", "3 November", "this week", "last quarter",
    "43 years after de Gaulle", "la nuit dernière", "Am 7. März", "31. Februar 1999", "1966",
    "the next day", "mai 20", " ", ".", "İ", "\n"]), max_size=12).map(" ".join),
       published=st.dates(), precision=st.sampled_from(["day", "month", "year", "bogus"]),
       lang=st.sampled_from(["en", "fr", "de", "es", "it", "pl", "nl", "xx"]))
def test_any_precision_and_language_never_raises(body: str, published: D, precision: str,
                                                 lang: str) -> None:
    found = extract_mentions(body, published=published, lang=lang, precision=precision)
    for m in resolve_anchored(found, HISTORY, keep_unknown=True):
        assert m.text == body[m.start:m.end] and m.value


def test_a_tie_on_keywords_is_broken_by_the_events_title() -> None:
    # Both the treaty and the 2026 resolution list "North Atlantic Treaty";
    # only the treaty's title says it was signed.
    events = list(load_events(ROOT / "events.yaml").events)
    body = "Sixty years after the North Atlantic Treaty was signed, the allies met again."
    assert resolved(body, D(2009, 4, 3), events=events) == [
        ("Sixty years after", "2009", "north-atlantic-treaty")]


def test_the_table_says_which_event_a_value_was_counted_from(tmp_path: Path,
                                                              monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    art = _article(tmp_path, GAULLE, "2009-03-12")
    run = CliRunner().invoke(main, ["extract", "--events", str(ROOT / "events.yaml"), str(art)])
    assert run.exit_code == 0, run.output
    assert "counted from" in run.output and "de-gaulle-withdrawal" in run.output
    bare = CliRunner().invoke(main, ["extract", str(art)])
    assert "counted from" not in bare.output
