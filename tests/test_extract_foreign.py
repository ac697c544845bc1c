"""Absolute dates in de, es, it, pl and nl, read through dateparser. The texts
are written for these tests."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main
from timeline.extract import extract_mentions

ROOT = Path(__file__).resolve().parent.parent
D = datetime.date
PUB = D(2009, 6, 1)


def found(body: str, lang: str, published: D | None = PUB) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(body, published=published, lang=lang)]


@pytest.mark.parametrize(("lang", "body", "expected"), [
    ("de", "Am 7. März 1966 schrieb de Gaulle an Johnson.", [("7. März 1966", "1966-03-07")]),
    ("de", "Im Juli 1966 verließ Frankreich das Kommando.", [("Juli 1966", "1966-07")]),
    ("de", "Datum: 07.03.1966.", [("07.03.1966", "1966-03-07")]),
    ("es", "El 7 de marzo de 1966, De Gaulle escribió.", [("7 de marzo de 1966", "1966-03-07")]),
    ("es", "En marzo de 2009 Francia volvió.", [("marzo de 2009", "2009-03")]),
    ("it", "Il 7 marzo 1966 de Gaulle scrisse.", [("7 marzo 1966", "1966-03-07")]),
    ("it", "Nel 1949 fu firmato il trattato.", [("1949", "1949")]),
    ("pl", "7 marca 1966 r. de Gaulle napisał list.", [("7 marca 1966 r.", "1966-03-07")]),
    ("pl", "W marcu 2009 Francja wróciła.", [("marcu 2009", "2009-03")]),
    ("nl", "Op 7 maart 1966 schreef de Gaulle.", [("7 maart 1966", "1966-03-07")]),
    ("nl", "In mei 1940 viel het land.", [("mei 1940", "1940-05")]),
])
def test_absolute_dates_with_honest_precision(lang: str, body: str, expected: list) -> None:
    assert found(body, lang) == expected


def test_a_day_without_a_year_takes_the_papers_nearest_or_stays_unknown() -> None:
    assert found("Am 4. April wird gefeiert.", "de") == [("4. April", "2009-04-04")]
    assert found("Am 4. April wird gefeiert.", "de", None) == [("4. April", "XXXX-04-04")]
    # A paper known to the month still gives the year.
    got = extract_mentions("El 19 de enero se votó.", published=D(2026, 2, 1), lang="es",
                           precision="month")
    assert [(m.text, m.value) for m in got] == [("19 de enero", "2026-01-19")]


def test_impossible_days_are_refused_and_the_shorter_reading_kept() -> None:
    assert found("Am 31. Februar 1999 geschah nichts.", "de") == [("Februar 1999", "1999-02")]


def test_sentences_are_not_cut_at_a_days_full_stop() -> None:
    m = extract_mentions("Es regnete. Am 7. März 1966 schrieb er.", published=PUB, lang="de")
    assert [x.sentence for x in m] == ["Am 7. März 1966 schrieb er."]


def test_no_relative_rules_are_invented_for_these_languages() -> None:
    # "gestern" (yesterday) is not read: only absolute dates, never a guess.
    assert found("Gestern, vor zwei Jahren, nächste Woche.", "de") == []


def test_cli_accepts_the_languages(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    art = tmp_path / "a.txt"
    art.write_text("---\ntitle: t\npublished: 2009-03-12\nlanguage: nl\n---\n"
                   "Op 7 maart 1966 schreef de Gaulle.\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(art)])
    assert run.exit_code == 0, run.output
    assert [json.loads(line)["value"] for line in run.output.splitlines()] == ["1966-03-07"]
    run = CliRunner().invoke(main, ["extract", "--format", "jsonl", "--lang", "it", str(art)])
    assert run.exit_code == 0, run.output
    bad = CliRunner().invoke(main, ["extract", "--lang", "xx", str(art)])
    assert bad.exit_code == 2


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "; print(sorted(sys.modules))"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return set(eval(out.stdout.strip().splitlines()[-1]))


def test_english_and_french_never_load_the_foreign_path_or_dateparser_search() -> None:
    mods = _modules_after(
        "import sys, datetime; from timeline.extract import extract_mentions; "
        "extract_mentions('Signed on 4 April 1949, on 3 fevrier 1950.', "
        "published=datetime.date(2020, 1, 1)); "
        "extract_mentions('Signé le 3 fevrier 1950.', published=None, lang='fr')")
    assert "timeline.extract.foreign" not in mods
    assert not {m for m in mods if m.startswith("dateparser.search")}


def test_the_foreign_path_does_not_use_dateparser_search_either() -> None:
    mods = _modules_after(
        "import sys; from timeline.extract import extract_mentions; "
        "extract_mentions('Am 7. März 1966.', lang='de')")
    assert "timeline.extract.foreign" in mods
    assert not {m for m in mods if m.startswith("dateparser.search")}
