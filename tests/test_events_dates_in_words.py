"""Dates in words in events.yaml: events and eras, each precision, both languages, and
every refusal reported at file:line:column with its reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from timeline.cli import main
from timeline.dates import day_span, month_span, year_span
from timeline.events import load_events, validate_events

CATEGORIES = """\
categories:
  - id: works
    label: {en: Works, fr: Travaux}
"""


def era(start: str, end: str, eid: str = "e1") -> str:
    return (f"  - id: {eid}\n    start: {start}\n    end: {end}\n"
            "    label: {en: An era, fr: Une période}\n")


def event(when: str, eid: str = "ev", end: str | None = None) -> str:
    return (f"  - id: {eid}\n    date: {when}\n" + (f"    end: {end}\n" if end else "")
            + "    title: {en: T, fr: T}\n    summary: {en: S, fr: S}\n"
            "    category: works\n"
            "    sources: [{title: Src, publisher: Pub, url: \"https://example.org/a\"}]\n")


def write(tmp_path: Path, eras: list[str], events: list[str]) -> Path:
    text = CATEGORIES + ("eras:\n" + "".join(eras) if eras else "") + "events:\n" + "".join(events)
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_events_and_eras_in_words_keep_their_precision(tmp_path):
    path = write(tmp_path, [era("1988", "décembre 1990"), era("March 1966", "2009-03", "e2")], [
        event("7 March 1966", "a"),
        event('"7 mars 1966"', "b"),
        event("March 1966", "c", end="le 1er juillet 1966"),
        event("mars 1966", "d"),
        event('"1966"', "e"),
        event("1966-03-07", "f"),
        event("July 4, 1976", "g"),
    ])
    catalog = load_events(path)
    spans = {e.id: e.date for e in catalog.events}
    assert spans == {"a": day_span(date(1966, 3, 7)), "b": day_span(date(1966, 3, 7)),
                     "c": month_span(1966, 3), "d": month_span(1966, 3), "e": year_span(1966),
                     "f": day_span(date(1966, 3, 7)), "g": day_span(date(1976, 7, 4))}
    assert {e.id: e.end for e in catalog.events}["c"] == day_span(date(1966, 7, 1))
    eras = {e.id: (e.start, e.end) for e in catalog.eras}
    assert eras == {"e1": (year_span(1988), month_span(1990, 12)),
                    "e2": (month_span(1966, 3), month_span(2009, 3))}


def test_every_refusal_is_placed_and_explained(tmp_path):
    path = write(tmp_path, [era('"03/04/1990"', "31 février 1991")], [
        event("31 February 1990", "a"),
        event("03/04/1990", "b"),
        event("7 March", "c"),
        event("1966 and 1967", "d"),
        event("We 1966", "e"),
        event("7 March 1966 10:00", "f"),
        event("March 1966", "g", end="February 1966"),
    ])
    problems = [(p.line, p.column, p.message) for p in validate_events(path)]
    assert problems == [
        (6, 12, "start '03/04/1990' could be 3 April 1990 (day first) or 4 March 1990 (month "
                "first); write 1990-04-03 or 1990-03-04, or the month in words"),
        (7, 10, "end '31 février 1991' does not exist: February 1991 has no day 31"),
        (11, 11, "date '31 February 1990' does not exist: February 1990 has no day 31"),
        (17, 11, "date '03/04/1990' could be 3 April 1990 (day first) or 4 March 1990 (month "
                 "first); write 1990-04-03 or 1990-03-04, or the month in words"),
        (23, 11, "date '7 March' has no year (four digits); a date needs one, such as "
                 "7 March 1966"),
        (29, 11, "date '1966 and 1967' is not one date: 'and' is not part of a date (only a "
                 "day, a month and a year are; a weekday or a word such as 'circa' has no "
                 "place)"),
        (35, 11, "date 'We 1966' is not one date: 'We' is not part of a date (only a day, a "
                 "month and a year are; a weekday or a word such as 'circa' has no place)"),
        (41, 11, "date '7 March 1966 10:00' has a time of day; write the date alone, such as "
                 "7 March 1966"),
        (48, 10, "end '1966-02' is before date '1966-03'"),
    ]


def test_validate_prints_file_line_column_and_exits_2(tmp_path):
    path = write(tmp_path, [], [event("03/04/1990")])
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.output == (f"Error: {path}:6:11: date '03/04/1990' could be 3 April 1990 "
                             "(day first) or 4 March 1990 (month first); write 1990-04-03 or "
                             "1990-03-04, or the month in words\n")
