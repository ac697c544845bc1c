"""Tests for the curated history (events.yaml), its checker and its JSON Schema.

Every kind of error is asserted with its exact message and position, because
the message is the interface: a teacher fixing the file reads it, not a
traceback. The shipped file is checked as data too: it must load, cover the
events the issue names, and claim no more date precision than its sources.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from timeline.cli import main
from timeline.dates import LANGUAGES, PRECISIONS, DateSpan, parse_iso
from timeline.errors import InputError, Problem
from timeline.events import Catalog, Event, load_events, validate_events

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "events.yaml"
SCHEMA = ROOT / "events.schema.json"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "events"

# A valid file that the error tests below break one piece at a time. Line
# numbers matter: the event starts on line 7.
HEADER = """\
categories:
  - id: treaty
    label: {en: Treaty, fr: Traité}
  - id: summit
    label: {en: Summit, fr: Sommet}
events:
"""
EVENT = """\
  - id: ev
    date: "1966-03-07"
    title: {en: T, fr: T}
    summary: {en: S, fr: S}
    category: treaty
    sources:
      - {title: Src, publisher: Pub, url: "https://example.org/a"}
"""


def write(tmp_path: Path, text: str, name: str = "events.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def found(path: Path) -> list[tuple[int | None, int | None, str]]:
    """Return the problems as (line, column, message), checking each names the file."""
    problems = validate_events(path)
    assert all(p.path == str(path) for p in problems)
    return [(p.line, p.column, p.message) for p in problems]


def event_with(old: str, new: str) -> str:
    assert old in EVENT, old
    return HEADER + EVENT.replace(old, new)


# --------------------------------------------------------------------------- valid input


def test_template_is_valid(tmp_path: Path) -> None:
    assert found(write(tmp_path, HEADER + EVENT)) == []


def test_valid_fixture_loads_with_precision_kept_and_sorted() -> None:
    catalog = load_events(FIXTURES / "valid.yaml")
    assert isinstance(catalog, Catalog)
    assert [e.id for e in catalog.events] == ["treaty-signed", "a-year-only",
                                              "withdrawal-announced"]
    by_id = {e.id: e for e in catalog.events}
    # Written as 1966 (unquoted: a YAML number), 1966-03 and 1949-04-04.
    assert by_id["a-year-only"].date == parse_iso("1966")
    assert by_id["a-year-only"].date.precision == "year"
    assert by_id["withdrawal-announced"].date.value == "1966-03"
    assert by_id["withdrawal-announced"].date.precision == "month"
    assert by_id["withdrawal-announced"].end == parse_iso("1966-07-01")
    assert by_id["treaty-signed"].date.precision == "day"
    assert by_id["treaty-signed"].end is None
    # Defaults and optional fields.
    assert by_id["treaty-signed"].importance == 2
    assert by_id["treaty-signed"].keywords == ()
    assert by_id["withdrawal-announced"].keywords == ("de Gaulle", "commandement intégré")
    assert by_id["withdrawal-announced"].importance == 3
    assert by_id["withdrawal-announced"].line == 15
    assert by_id["treaty-signed"].sources[0].url == "http://example.org/page"
    assert by_id["withdrawal-announced"].title == {"en": "Withdrawal announced",
                                                   "fr": "Retrait annoncé"}
    era = catalog.eras[0]
    assert (era.id, era.start.value, era.end.value, era.line) == (
        "founding-years", "1949-04-04", "1966", 10)
    assert catalog.category("treaty").label["fr"] == "Traité"
    with pytest.raises(KeyError):
        catalog.category("nope")
    assert catalog.path == str(FIXTURES / "valid.yaml")


def test_eras_are_optional_and_sorted(tmp_path: Path) -> None:
    text = HEADER.replace("events:\n", textwrap.dedent("""\
        eras:
          - {id: b, start: "2009-04", end: "2026-01", label: {en: B, fr: B}}
          - {id: a, start: "1949", end: "1966", label: {en: A, fr: A}}
        events:
        """)) + EVENT
    catalog = load_events(write(tmp_path, text))
    assert [e.id for e in catalog.eras] == ["a", "b"]
    assert load_events(write(tmp_path, HEADER + EVENT, "no-eras.yaml")).eras == ()


def test_folded_text_is_stripped_and_bom_is_accepted(tmp_path: Path) -> None:
    text = event_with("summary: {en: S, fr: S}",
                      "summary:\n      en: >-\n        Two\n        lines.\n      fr: S")
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load_events(path).events[0].summary["en"] == "Two lines."


# ----------------------------------------------------------- one test per kind of error


def test_invalid_yaml_is_reported_at_its_position() -> None:
    path = FIXTURES / "bad-syntax.yaml"
    assert found(path) == [(5, 1, "invalid YAML: found unexpected end of stream (while "
                           "scanning a quoted scalar that starts at line 3, column 29)")]


def test_invalid_yaml_mapping_value(tmp_path: Path) -> None:
    path = write(tmp_path, "categories:\n  - id: a: b\n")
    # libyaml (the C loader, used when present) and pure-Python PyYAML word
    # this one differently; the place is the same.
    assert found(path) in (
        [(2, 10, "invalid YAML: mapping values are not allowed in this context")],
        [(2, 10, "invalid YAML: mapping values are not allowed here")],
    )


def test_unknown_key_says_which_keys_are_allowed(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + EVENT + "    colour: red\n")
    assert found(path) == [(14, 5, "unknown key 'colour' in event; allowed: id, date, end, "
                                   "title, summary, category, sources, keywords, importance, "
                                   "note")]


def test_unknown_key_in_source_and_top_level(tmp_path: Path) -> None:
    text = ("version: 1\n" + HEADER + EVENT).replace(
        'url: "https://example.org/a"}', 'url: "https://example.org/a", page: 3}')
    assert found(write(tmp_path, text)) == [
        (1, 1, "unknown key 'version' in the file; allowed: site, categories, eras, events"),
        (14, 68, "unknown key 'page' in source; allowed: title, publisher, url"),
    ]


def test_missing_required_keys(tmp_path: Path) -> None:
    text = HEADER + "  - id: ev\n    date: \"1966\"\n"
    assert found(write(tmp_path, text)) == [
        (7, 5, "event has no 'title'"),
        (7, 5, "event has no 'summary'"),
        (7, 5, "event has no 'category'"),
        (7, 5, "event has no 'sources'"),
    ]


def test_missing_top_level_sections(tmp_path: Path) -> None:
    assert found(write(tmp_path, "eras: []\n")) == [
        (1, 1, "the file has no 'categories'"),
        (1, 1, "the file has no 'events'"),
    ]


def test_wrong_type_title_is_text(tmp_path: Path) -> None:
    path = write(tmp_path, event_with("title: {en: T, fr: T}", "title: De Gaulle leaves"))
    assert found(path) == [(9, 12, "title must be a mapping of languages, not text")]


def test_wrong_types_elsewhere(tmp_path: Path) -> None:
    text = (HEADER + EVENT
            .replace("category: treaty", "category: [treaty]")
            .replace("  - {title: Src", "  - - {title: Src")
            + "    keywords: de Gaulle\n    importance: high\n")
    assert found(write(tmp_path, text)) == [
        (11, 15, "category must be text, not a list"),
        (13, 9, "each source must be a mapping with title, publisher and url, not a list"),
        (14, 15, "keywords must be a list, not text"),
        (15, 17, "importance must be a whole number from 1 to 3, not text"),
    ]


def test_wrong_type_sections_and_items(tmp_path: Path) -> None:
    assert found(write(tmp_path, "- a\n- b\n")) == [
        (1, 1, "the file must be a mapping with categories, eras and events, not a list")]
    text = "categories: treaty\neras: {a: 1}\nevents:\n  - just text\n"
    assert found(write(tmp_path, text, "b.yaml")) == [
        (1, 13, "categories must be a list, not text"),
        (2, 7, "eras must be a list, not a mapping"),
        (4, 5, "each event must be a mapping, not text"),
    ]


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "# nothing yet\n")
    assert validate_events(path) == [
        Problem("is empty; expected categories, eras and events", str(path))]


def test_impossible_date(tmp_path: Path) -> None:
    path = write(tmp_path, event_with('date: "1966-03-07"', 'date: "1966-02-30"'))
    assert found(path) == [(8, 11, "date '1966-02-30': February 1966 has no day 30")]


def test_malformed_dates(tmp_path: Path) -> None:
    text = (HEADER + EVENT.replace('date: "1966-03-07"', "date: 7 Mrach 1966")
            + EVENT.replace("id: ev", "id: ev2").replace('date: "1966-03-07"', 'date: "1966-13"')
            + EVENT.replace("id: ev", "id: ev3").replace('date: "1966-03-07"', "date: yes")
            + EVENT.replace("id: ev", "id: ev4").replace('date: "1966-03-07"', "date: [1966]"))
    assert found(write(tmp_path, text)) == [
        (8, 11, "date '7 Mrach 1966' is not one date: 'Mrach' is not part of a date (only a day, "
                "a month and a year are; a weekday or a word such as 'circa' has no place)"),
        (15, 11, "date '1966-13': month 13 does not exist"),
        (22, 11, "date must be a date (such as 1966, March 1966, 7 March 1966 or 1966-03-07), "
                 "not true/false"),
        (29, 11, "date must be a date (such as 1966, March 1966, 7 March 1966 or 1966-03-07), "
                 "not a list"),
    ]


def test_end_before_start(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + EVENT + '    end: "1966-03-06"\n')
    assert found(path) == [(14, 10, "end '1966-03-06' is before date '1966-03-07'")]


def test_coarser_end_that_contains_the_start_is_not_before_it(tmp_path: Path) -> None:
    # "from 7 March 1966, in 1966" is vague but not wrong.
    assert found(write(tmp_path, HEADER + EVENT + '    end: "1966"\n')) == []


def test_era_end_before_start_and_missing_label(tmp_path: Path) -> None:
    text = HEADER.replace("events:\n", 'eras:\n  - {id: e, start: "2009", end: "1966"}\n'
                                       "events:\n") + EVENT
    assert found(write(tmp_path, text)) == [
        (7, 5, "era has no 'label'"),
        (7, 33, "end '1966' is before start '2009'"),
    ]


def test_duplicate_ids(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + EVENT + EVENT)
    assert found(path) == [(14, 9, "duplicate id 'ev' (first on line 7)")]


def test_duplicate_category_and_era_ids(tmp_path: Path) -> None:
    text = (HEADER.replace("id: summit", "id: treaty").replace(
        "events:\n", "eras:\n"
        '  - {id: e, start: "1949", end: "1966", label: {en: A, fr: A}}\n'
        '  - {id: e, start: "1966", end: "2009", label: {en: B, fr: B}}\n'
        "events:\n") + EVENT)
    assert found(write(tmp_path, text)) == [
        (4, 9, "duplicate id 'treaty' (first on line 2)"),
        (8, 10, "duplicate id 'e' (first on line 7)"),
    ]


def test_duplicate_key_is_an_error_not_a_silent_overwrite(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + EVENT + '    date: "1967"\n')
    assert found(path) == [(14, 5, "key 'date' repeats the one on line 8")]


def test_unknown_category_lists_the_declared_ones(tmp_path: Path) -> None:
    path = write(tmp_path, event_with("category: treaty", "category: foo"))
    assert found(path) == [(11, 15, "unknown category 'foo'; declared: treaty, summit")]


def test_categories_may_be_declared_after_events(tmp_path: Path) -> None:
    text = "events:\n" + EVENT + HEADER.replace("events:\n", "")
    assert found(write(tmp_path, text)) == []


def test_reserved_category(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER.replace("id: summit", "id: article") + EVENT)
    assert found(path) == [
        (4, 9, "category id 'article' is reserved for items found only in articles")]


def test_missing_language(tmp_path: Path) -> None:
    path = write(tmp_path, event_with("title: {en: T, fr: T}", "title: {en: T}"))
    assert found(path) == [(9, 12, "title has no 'fr'")]


def test_unknown_language_and_empty_or_non_text_translation(tmp_path: Path) -> None:
    path = write(tmp_path, event_with("title: {en: T, fr: T}", 'title: {en: "", fr: [T], de: T}'))
    assert found(path) == [
        (9, 17, "title 'en' is empty"),
        (9, 25, "title 'fr' must be text, not a list"),
        (9, 30, "title has unknown language 'de'; allowed: en, fr"),
    ]


def test_category_label_missing_language(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER.replace("{en: Summit, fr: Sommet}", "{fr: Sommet}") + EVENT)
    assert found(path) == [(5, 12, "label has no 'en'")]


def test_url_that_is_not_http(tmp_path: Path) -> None:
    text = HEADER + EVENT.replace('"https://example.org/a"', '"ftp://example.org/a"')
    text += EVENT.replace("id: ev", "id: ev2").replace('"https://example.org/a"', "example.org")
    text += EVENT.replace("id: ev", "id: ev3").replace('"https://example.org/a"', '"https://"')
    text += EVENT.replace("id: ev", "id: ev4").replace('"https://example.org/a"',
                                                       '"https://example.org/a b"')
    assert found(write(tmp_path, text)) == [
        (13, 43, "url 'ftp://example.org/a' is not an http(s) URL"),
        (20, 43, "url 'example.org' is not an http(s) URL"),
        (27, 43, "url 'https://' is not an http(s) URL"),
        (34, 43, "url 'https://example.org/a b' is not an http(s) URL"),
    ]


def test_source_missing_field(tmp_path: Path) -> None:
    path = write(tmp_path, event_with("{title: Src, publisher: Pub, ", "{title: Src, "))
    assert found(path) == [(13, 9, "source has no 'publisher'")]


def test_id_not_a_slug(tmp_path: Path) -> None:
    text = (HEADER + EVENT.replace("id: ev", "id: De Gaulle")
            + EVENT.replace("id: ev", "id: ev-")
            + EVENT.replace("id: ev", "id: 1966"))
    slug = "(lower-case letters, digits and single hyphens)"
    assert found(write(tmp_path, text)) == [
        (7, 9, f"id 'De Gaulle' is not a slug {slug}"),
        (14, 9, f"id 'ev-' is not a slug {slug}"),
        (21, 9, "id must be text, not a number; put it in quotes"),
    ]


def test_empty_sources_list(tmp_path: Path) -> None:
    text = HEADER + EVENT.replace(
        '    sources:\n      - {title: Src, publisher: Pub, url: "https://example.org/a"}\n',
        "    sources: []\n")
    assert found(write(tmp_path, text)) == [(12, 14, "sources is empty; give at least one")]


def test_importance_out_of_range(tmp_path: Path) -> None:
    text = (HEADER + EVENT + "    importance: 0\n"
            + EVENT.replace("id: ev", "id: ev2") + "    importance: 4\n"
            + EVENT.replace("id: ev", "id: ev3") + "    importance: 2.5\n")
    assert found(write(tmp_path, text)) == [
        (14, 17, "importance must be from 1 (minor) to 3 (major), not 0"),
        (22, 17, "importance must be from 1 (minor) to 3 (major), not 4"),
        (30, 17, "importance must be a whole number from 1 to 3, not a number"),
    ]


def test_keyword_problems(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + EVENT + '    keywords: [NATO, "", nato, Résolution,\n'
                                            "               resolution]\n")
    assert found(path) == [
        (14, 22, "keyword is empty"),
        (14, 26, "keyword 'nato' repeats 'NATO' (line 14); case and accents are ignored"),
        (15, 16, "keyword 'resolution' repeats 'Résolution' (line 14); case and accents are "
                 "ignored"),
    ]


def test_empty_note(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + EVENT + '    note: " "\n')
    assert found(path) == [(14, 11, "note is empty")]


def test_unquoted_non_text_gets_a_hint(tmp_path: Path) -> None:
    text = HEADER + EVENT.replace("title: {en: T, fr: T}", "title: {en: 2009-03-11, fr: yes}")
    assert found(write(tmp_path, text)) == [
        (9, 17, "title 'en' must be text, not a date; put it in quotes"),
        (9, 33, "title 'fr' must be text, not true/false; put it in quotes"),
    ]


def test_every_problem_is_reported_at_once_in_file_order() -> None:
    path = FIXTURES / "many-errors.yaml"
    assert found(path) == [
        (5, 9, "id 'Bad Id' is not a slug (lower-case letters, digits and single hyphens)"),
        (6, 11, "date '1966-02-30': February 1966 has no day 30"),
        (7, 12, "title must be a mapping of languages, not text"),
        (8, 14, "summary has no 'fr'"),
        (9, 15, "unknown category 'withdrawal'; declared: treaty"),
        (10, 14, "sources is empty; give at least one"),
        (11, 17, "importance must be from 1 (minor) to 3 (major), not 5"),
        (12, 5, "unknown key 'colour' in event; allowed: id, date, end, title, summary, "
                "category, sources, keywords, importance, note"),
        (15, 10, "end '1965' is before date '1966'"),
        (20, 39, "url 'ftp://example.org/x' is not an http(s) URL"),
        (21, 5, "event has no 'date'"),
        (21, 9, "duplicate id 'dup' (first on line 13)"),
    ]
    with pytest.raises(InputError) as info:
        load_events(path)
    assert len(info.value.problems) == 12
    assert str(info.value).splitlines()[0] == (
        f"{path}:5:9: id 'Bad Id' is not a slug (lower-case letters, digits and single hyphens)")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert validate_events(missing) == [Problem("file not found", str(missing))]
    assert validate_events(tmp_path) == [Problem("is a folder, not an events file", str(tmp_path))]
    with pytest.raises(InputError) as info:
        load_events(str(missing))
    assert str(info.value) == f"{missing}: file not found"


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("categories: []\nevents:\n  - id: caf\xe9\n".encode("latin-1"))
    assert validate_events(path) == [Problem("is not UTF-8 text", str(path), 3, 12)]


# --------------------------------------------------------------------------- command line


def test_cli_validate_reports_each_problem_and_exits_2() -> None:
    path = str(FIXTURES / "many-errors.yaml")
    result = CliRunner().invoke(main, ["validate", path])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 12
    assert lines[1] == f"Error: {path}:6:11: date '1966-02-30': February 1966 has no day 30"
    assert all(re.match(rf"Error: {re.escape(path)}:\d+:\d+: ", line) for line in lines)


def test_cli_validate_ok() -> None:
    result = CliRunner().invoke(main, ["validate", str(FIXTURES / "valid.yaml")])
    assert result.exit_code == 0
    assert result.stdout == f"{FIXTURES / 'valid.yaml'}: OK, 3 events, 1 eras\n"


def test_cli_build_refuses_a_bad_events_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("---\ntitle: A\npublished: 2026-01-19\n---\nIn 1966, de Gaulle left.\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    path = str(FIXTURES / "many-errors.yaml")
    result = CliRunner().invoke(main, ["build", "--events", path, "--article", str(article),
                                       "--out", str(out)])
    assert result.exit_code == 2
    assert f"Error: {path}:6:11: date '1966-02-30': February 1966 has no day 30" in (
        result.stderr.splitlines())
    assert not out.exists()


# --------------------------------------------------------------------------- the shipped file


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_events(SHIPPED)


def test_shipped_file_is_valid(shipped: Catalog) -> None:
    assert validate_events(SHIPPED) == []
    assert len(shipped.events) >= 20
    assert len(shipped.eras) >= 3
    assert shipped.events[0].date.first.year == 1949
    assert shipped.events[-1].date.value.startswith("2026-01")


def test_shipped_file_references_the_schema() -> None:
    first = SHIPPED.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./events.schema.json"


def test_shipped_file_has_the_events_the_issue_names(shipped: Catalog) -> None:
    by_id = {e.id: e for e in shipped.events}
    expected = {
        "north-atlantic-treaty": "1949-04-04",
        "mediterranean-fleet": "1959-03",
        "de-gaulle-withdrawal": "1966-03-07",
        "shape-leaves-france": "1967-03-31",
        "ailleret-lemnitzer-agreements": "1967-08",
        "ottawa-declaration": "1974-06-19",
        "military-committee-return": "1995-12-05",
        "sarkozy-announces-return": "2009-03-11",
        "vedrine-report": "2012-11-14",
        "macron-brain-dead": "2019-11-07",
        "guette-resolution": "2026-01-19",
    }
    assert {i: by_id[i].date.value for i in expected} == expected
    assert by_id["de-gaulle-withdrawal"].end == parse_iso("1966-07-01")
    assert any(e.date.first.year == 2003 for e in shipped.events)
    assert any(e.date.first.year >= 2022 for e in shipped.events
               if e.id not in ("guette-resolution",))
    for words, event_id in [(("de Gaulle", "commandement intégré"), "de-gaulle-withdrawal"),
                            (("Sarkozy",), "sarkozy-announces-return"),
                            (("brain dead", "mort cérébrale"), "macron-brain-dead"),
                            (("Guetté", "resolution", "LFI"), "guette-resolution")]:
        assert set(words) <= set(by_id[event_id].keywords), event_id


def test_shipped_file_says_france_left_the_command_not_the_alliance(shipped: Catalog) -> None:
    # The most common error about 1966 (see the research notes).
    event = next(e for e in shipped.events if e.id == "de-gaulle-withdrawal")
    assert "integrated command" in event.title["en"]
    assert "commandement intégré" in event.title["fr"]
    assert "remain" in event.summary["en"] or "stay" in event.summary["en"]
    eras = {e.id: e for e in shipped.eras}
    assert eras["outside-integrated-command"].start == parse_iso("1966-07-01")


def test_shipped_eras_meet_without_gap_or_overlap(shipped: Catalog) -> None:
    for before, after in zip(shipped.eras, shipped.eras[1:], strict=False):
        assert (after.start.first - before.end.last).days == 1, (before.id, after.id)


def test_shipped_sources_are_https_or_http_and_every_event_is_bilingual(
        shipped: Catalog) -> None:
    for event in shipped.events:
        assert event.sources, event.id
        assert set(event.title) == set(event.summary) == set(LANGUAGES)
        assert event.category in {c.id for c in shipped.categories}


# --------------------------------------------------------------------------- precision

# The finest date each shipped event's sources support, from the research notes
# and the sources cited in events.yaml. An event may be written more coarsely
# than this, never more finely, and must lie within it. A new event must be
# added here, which forces whoever adds it to say what the sources support.
SUPPORTED: dict[str, tuple[str, str | None]] = {
    "north-atlantic-treaty": ("1949-04-04", None),
    "de-gaulle-memorandum": ("1958-09-17", None),
    # The note was delivered in early March; only the month is certain.
    "mediterranean-fleet": ("1959-03", None),
    "de-gaulle-press-conference-1966": ("1966-02-21", None),
    "de-gaulle-withdrawal": ("1966-03-07", "1966-07-01"),
    "shape-leaves-france": ("1967-03-31", None),
    # 10 August (Wikipedia) and 22 August (often cited) are both unconfirmed.
    "ailleret-lemnitzer-agreements": ("1967-08", None),
    # Sources disagree: 16 or 18 October.
    "nato-hq-brussels": ("1967-10", None),
    "ottawa-declaration": ("1974-06-19", "1974-06-26"),
    "military-committee-return": ("1995-12-05", None),
    # The start day (22 January in the notes) was not read in a source.
    "iraq-turkey-dispute": ("2003-01", "2003-02-16"),
    "sarkozy-announces-return": ("2009-03-11", None),
    "confidence-vote-2009": ("2009-03-17", None),
    "strasbourg-kehl-summit": ("2009-04-03", "2009-04-04"),
    "vedrine-report": ("2012-11-14", None),
    # Published 7 November; conducted 21 October.
    "macron-brain-dead": ("2019-11-07", None),
    "lfi-resolution-2021": ("2021-11-25", None),
    "mission-aigle": ("2022-02-28", "2022-05-01"),
    "madrid-summit": ("2022-06-29", "2022-06-30"),
    "hague-summit": ("2025-06-24", "2025-06-25"),
    "guette-announcement": ("2026-01-08", None),
    "greenland-tariffs": ("2026-01-17", "2026-01-21"),
    # Formal filing; the article's "this week" and Anadolu's "Wednesday" are vaguer.
    "guette-resolution": ("2026-01-19", None),
}

# Days that are often quoted but that no source read supports: no event may
# claim them.
UNCONFIRMED_DAYS = {
    "ailleret-lemnitzer-agreements": {"1967-08-10", "1967-08-22"},
    "macron-brain-dead": {"2019-10-21"},
    "guette-resolution": {"2026-01-21"},
    "mediterranean-fleet": {"1966-02-21"},
}


def _not_finer(written: DateSpan, supported: DateSpan) -> bool:
    return PRECISIONS.index(written.precision) <= PRECISIONS.index(supported.precision)


def test_every_shipped_event_has_a_supported_precision_entry(shipped: Catalog) -> None:
    assert {e.id for e in shipped.events} == set(SUPPORTED)


@pytest.mark.parametrize("event_id", sorted(SUPPORTED))
def test_no_event_claims_more_precision_than_its_sources(shipped: Catalog,
                                                         event_id: str) -> None:
    event: Event = next(e for e in shipped.events if e.id == event_id)
    start, end = SUPPORTED[event_id]
    supported = parse_iso(start)
    assert _not_finer(event.date, supported), (event.date.value, start)
    assert event.date.contains(supported), (event.date.value, start)
    if end is None:
        assert event.end is None
    else:
        assert event.end is not None
        assert _not_finer(event.end, parse_iso(end))
        assert event.end.contains(parse_iso(end))
    assert event.date.value not in UNCONFIRMED_DAYS.get(event_id, set())


def test_ailleret_lemnitzer_is_month_precision(shipped: Catalog) -> None:
    event = next(e for e in shipped.events if e.id == "ailleret-lemnitzer-agreements")
    assert (event.date.precision, event.date.value) == ("month", "1967-08")
    assert event.note and "unconfirmed" in event.note


def _raw_dates(path: Path) -> list[tuple[int, str]]:
    """Return (line, raw text) for every events[*].date scalar, as written in the file."""
    root = yaml.compose(path.read_text(encoding="utf-8"))
    out = []
    for key, value in root.value:
        if key.value != "events":
            continue
        for item in value.value:
            for k, v in item.value:
                if k.value in ("date", "end"):
                    out.append((v.start_mark.line + 1, v.value))
    return out


@pytest.mark.parametrize("path", [SHIPPED, FIXTURES / "valid.yaml"], ids=["shipped", "fixture"])
def test_dates_are_kept_exactly_as_written(path: Path) -> None:
    catalog = load_events(path)
    written = {v for _, v in _raw_dates(path)}
    kept = {e.date.value for e in catalog.events} | {e.end.value for e in catalog.events
                                                     if e.end}
    assert kept == written
    components = {1: "year", 2: "month", 3: "day"}
    for event in catalog.events:
        for span in (event.date, event.end):
            if span is not None:
                assert span.precision == components[len(span.value.split("-"))], span.value


def test_year_stays_year_even_unquoted(tmp_path: Path) -> None:
    for raw in ("1966", '"1966"'):
        path = write(tmp_path, event_with('date: "1966-03-07"', f"date: {raw}"))
        date = load_events(path).events[0].date
        assert (date.precision, date.value) == ("year", "1966")
        assert (date.first.isoformat(), date.last.isoformat()) == ("1966-01-01", "1966-12-31")
    path = write(tmp_path, event_with('date: "1966-03-07"', "date: 1966-03-07"))
    assert load_events(path).events[0].date.precision == "day"


# --------------------------------------------------------------------------- JSON Schema


class _TextDates(yaml.SafeLoader):
    """A loader that leaves 1966-03-07 as text, as editors (YAML 1.2) read it."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_plain(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDates)  # noqa: S506


@pytest.fixture(scope="module")
def schema_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", [SHIPPED, FIXTURES / "valid.yaml"], ids=["shipped", "fixture"])
def test_json_schema_accepts_valid_files(schema_validator, path: Path) -> None:
    errors = sorted(schema_validator.iter_errors(_load_plain(path)), key=str)
    assert errors == []


def test_json_schema_rejects_bad_fixture(schema_validator) -> None:
    errors = list(schema_validator.iter_errors(_load_plain(FIXTURES / "many-errors.yaml")))
    where = {tuple(e.absolute_path) for e in errors}
    # The schema catches the shape errors (it cannot see impossible days,
    # duplicate ids or undeclared categories: the checker does).
    assert ("events", 0, "id") in where
    assert ("events", 0, "title") in where
    assert ("events", 0, "summary") in where
    assert ("events", 0, "sources") in where
    assert ("events", 0, "importance") in where
    assert ("events", 0) in where  # unknown key 'colour'
    assert ("events", 1, "sources", 0, "url") in where
    assert ("events", 2) in where  # no date


@pytest.mark.parametrize("bad", [
    {"categories": [], "events": [], "extra": 1},
    {"categories": [{"id": "article", "label": {"en": "A", "fr": "A"}}], "events": []},
    {"categories": [], "events": [{"id": "x", "date": "1966-3-7", "title": {"en": "T", "fr": "T"},
                                   "summary": {"en": "S", "fr": "S"}, "category": "c",
                                   "sources": [{"title": "t", "publisher": "p",
                                                "url": "https://e.org"}]}]},
    {"categories": [], "eras": [{"id": "e", "start": "1966", "label": {"en": "E", "fr": "E"}}],
     "events": []},
])
def test_json_schema_rejects_other_shapes(schema_validator, bad: dict) -> None:
    assert list(schema_validator.iter_errors(bad))
