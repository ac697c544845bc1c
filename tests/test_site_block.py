"""The site in the data: the site block of events.yaml, the words pages take from it,
and a second history, built end to end, that says nothing of France and NATO."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.build import BuildOptions, build_site
from timeline.events import load_events, validate_events
from timeline.site_words import page_words, published_address, years_covered

ROOT = Path(__file__).resolve().parent.parent
TUNNEL = Path(__file__).resolve().parent / "fixtures" / "tunnel"
# Words of the shipped history that must not leak into another one's site.
FRANCE_NATO = re.compile(r"NATO|OTAN|France|Gaulle|Guetté|Alliance|1949|integrated command",
                         re.IGNORECASE)

REST = """\
categories:
  - id: works
    label: {en: Works, fr: Travaux}
events:
  - id: ev
    date: 7 March 1966
    title: {en: T, fr: T}
    summary: {en: S, fr: S}
    category: works
    sources: [{title: Src, publisher: Pub, url: "https://example.org/a"}]
"""


def write(tmp_path: Path, site: str) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(site + REST, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tunnel_site() -> dict[str, bytes]:
    return build_site(BuildOptions(events_path=TUNNEL / "events.yaml",
                                   article_paths=[TUNNEL / "article.txt"], cwd=ROOT)).files


def test_second_history_builds_with_its_own_words_only(tunnel_site):
    checked = 0
    for name, data in tunnel_site.items():
        if name == "assets/plotly.min.js" or name.startswith("downloads/"):
            continue  # plotly.js's own code, not ours; the drawn (binary) downloads
        text = data.decode("utf-8")
        assert not FRANCE_NATO.search(text), (name, FRANCE_NATO.search(text)[0])
        checked += 1
    assert checked >= 18
    # languages: [fr, en] makes the root pages French.
    root = tunnel_site["index.html"].decode()
    assert '<html lang="fr"' in root
    assert "<title>Sous la Manche\u00a0: une chronologie</title>" in root
    english = tunnel_site["en/index.html"].decode()
    assert "<h1>Under the Channel: a timeline</h1>" in english
    assert ('<meta name="description" content="How a railway came to run beneath the sea '
            'between Kent and the Pas-de-Calais.">') in english
    assert "Timeline: The Channel Tunnel, 1986–1994." in english
    assert "<title>The Channel Tunnel: an interactive timeline</title>" in \
        tunnel_site["en/embed.html"].decode()
    svg = tunnel_site["data/timeline.svg"].decode()
    assert "<title>The Channel Tunnel, 1986–1994</title>" in svg
    assert '"headline": "The Channel Tunnel, 1986–1994"' in \
        tunnel_site["data/timelinejs.json"].decode()
    # Dates written in words reached the pages at their precision.
    assert "1 December 1990" in english and "May 1994" in english
    assert "1er décembre 1990" in root


def test_url_makes_the_embed_code_absolute(tunnel_site):
    english = tunnel_site["en/index.html"].decode()
    assert "&lt;iframe src=&#34;https://example.org/tunnel/en/embed.html&#34;" in english
    assert "given by the url of the site block in events.yaml" in english
    root = tunnel_site["index.html"].decode()
    assert "&lt;iframe src=&#34;https://example.org/tunnel/embed.html&#34;" in root


def test_shipped_site_keeps_its_words(shipped_site):
    page = (shipped_site / "en" / "index.html").read_text(encoding="utf-8")
    assert "<title>France and NATO: a timeline</title>" in page
    assert ('<p class="intro">From the founding treaty of 1949 to the call to leave NATO in '
            "January 2026: the curated history of France’s place in the Alliance, and the "
            "moments a news article brings back.</p>") in page
    assert "title=&#34;France and NATO: an interactive timeline&#34;" in page
    assert "&lt;iframe src=&#34;embed.html&#34;" in page  # no url: relative, as before
    fr = (shipped_site / "fr" / "index.html").read_text(encoding="utf-8")
    assert "<h1>La France et l’OTAN\u00a0: une chronologie</h1>" in fr
    svg = (shipped_site / "data" / "timeline.fr.svg").read_text(encoding="utf-8")
    assert "<title>La France et l’OTAN, 1949–2026</title>" in svg


def test_a_file_without_site_block_gets_generic_words(tmp_path):
    catalog = load_events(write(tmp_path, ""))
    assert catalog.site is None
    words = page_words(catalog, "en")
    assert words["site_title"] == "A timeline"
    assert words["intro"] == "1 dated, sourced events, 1966."
    assert words["embed_title"] == "A timeline"
    assert page_words(catalog, "fr")["site_title"] == "Une chronologie"
    assert published_address(catalog, "fr/embed.html", "embed.html") == "embed.html"


def test_site_block_values(tmp_path):
    catalog = load_events(write(tmp_path, """\
site:
  title: {en: "Trams: a timeline", fr: "Les tramways\u00a0: une chronologie"}
  description: {en: Trams in one town., fr: Les tramways d’une ville.}
  url: https://example.org/trams
"""))
    site = catalog.site
    assert site is not None and site.url == "https://example.org/trams/"
    assert site.languages == ("en", "fr") and site.short_title is None
    words = page_words(catalog, "en")
    # Without a short title, the title is used as it is, never framed twice.
    assert words["embed_title"] == "Trams: a timeline"
    assert words["timeline_title"] == "Trams: a timeline, 1966"
    assert words["master_intro"] == ("Trams in one town. This collection has {n} articles: "
                                     "each event says how many of them mention it and links "
                                     "to them; a date no curated event explains is shown when "
                                     "at least two articles share it.")
    assert published_address(catalog, "fr/embed.html", "x") == "https://example.org/trams/fr/embed.html"


def test_years_covered_reaches_from_first_to_last_day():
    catalog = load_events(TUNNEL / "events.yaml")
    assert years_covered(catalog) == "1986–1994"


@pytest.mark.parametrize("site, expected", [
    ("site: hello\n", [(1, 7, "site must be a mapping with title and description, not text")]),
    ("site:\n  title: {en: A, fr: B}\n",
     [(2, 3, "site has no 'description'")]),
    ("site:\n  title: {en: A}\n  description: {en: D, fr: D}\n  colour: red\n",
     [(2, 10, "site title has no 'fr'"),
      (4, 3, "unknown key 'colour' in site; allowed: title, description, short_title, url, "
             "languages")]),
    ("site:\n  title: {en: A, fr: B}\n  description: {en: D, fr: D}\n"
     "  url: ftp://example.org/x\n",
     [(4, 8, "url 'ftp://example.org/x' is not the http(s) address of the site's folder, "
             "such as https://example.org/timeline/")]),
    ("site:\n  title: {en: A, fr: B}\n  description: {en: D, fr: D}\n  languages: [en, de]\n",
     [(4, 19, "unknown language 'de'; allowed: en, fr")]),
    ("site:\n  title: {en: A, fr: B}\n  description: {en: D, fr: D}\n  languages: [en]\n",
     [(4, 14, "languages must list en and fr (every page is built in each); missing: fr")]),
    ("site:\n  title: {en: A, fr: B}\n  description: {en: D, fr: D}\n  languages: [en, en]\n",
     [(4, 19, "language 'en' is listed twice")]),
])
def test_site_block_problems_are_placed(tmp_path, site, expected):
    path = write(tmp_path, site)
    assert [(p.line, p.column, p.message) for p in validate_events(path)] == expected


def test_json_schema_accepts_site_blocks_and_dates_in_words(tmp_path):
    import json

    jsonschema = pytest.importorskip("jsonschema")
    from tests.test_events import _load_plain

    schema = json.loads((ROOT / "events.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    starter = ROOT / "timeline" / "starter_files" / "events.yaml"
    for path in (TUNNEL / "events.yaml", starter, ROOT / "events.yaml"):
        assert sorted(validator.iter_errors(_load_plain(path)), key=str) == [], path
    bad = _load_plain(TUNNEL / "events.yaml")
    bad["site"]["languages"] = ["en"]
    del bad["site"]["description"]
    bad["events"][0]["date"] = "1966-3-7"
    where = {tuple(e.absolute_path) for e in validator.iter_errors(bad)}
    assert where == {("site",), ("site", "languages"), ("events", 0, "date")}
