"""The downloads: chart PNGs, cards and their tags, oEmbed, friezes, blank friezes, the deck."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from timeline.build import BuildOptions, build_site
from timeline.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
EVENTS = FIXTURES / "mini-events.yaml"
ARTICLE = FIXTURES / "golden-article.txt"
SITE = "https://news.example/history/"


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return build_site(BuildOptions(events_path=EVENTS, article_paths=[ARTICLE], cwd=ROOT,
                                   site_url=SITE, drawing_cache=False)).files


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def pdf_pages(data: bytes, tmp_path: Path, name: str) -> list[str]:
    path = tmp_path / name
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def pdf_page_sizes(data: bytes, tmp_path: Path) -> list[tuple[float, float]]:
    path = tmp_path / "sizes.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", "-l", "99", str(path)], check=True,
                          capture_output=True, text=True).stdout
    return [(float(w), float(h)) for w, h in
            re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_chart_pngs_have_their_widths(files, lang):
    for width in (1200, 2400):
        w, h = png_size(files[f"downloads/chart-{width}.{lang}.png"])
        assert w == width and 0.3 < h / w < 0.8


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_card_is_1200_by_630_and_every_page_names_it(files, lang):
    assert png_size(files[f"downloads/card.{lang}.png"]) == (1200, 630)
    pages = [n for n in files if n.endswith(".html") and (n.startswith(f"{lang}/"))]
    assert pages
    for name in pages:
        page = files[name].decode()
        tags = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" '
                               r'content="([^"]*)"', page))
        assert tags["og:image"] == f"{SITE}downloads/card.{lang}.png", name
        assert tags["og:url"] == f"{SITE}{name}"
        assert tags["og:title"] and tags["og:description"] and tags["og:image:alt"]
        assert tags["og:locale"] == {"en": "en_GB", "fr": "fr_FR"}[lang]
        assert tags["og:image:width"] == "1200" and tags["og:image:height"] == "630"
        assert tags["twitter:card"] == "summary_large_image"
        assert (f'<link rel="alternate" type="application/json+oembed" '
                f'href="{SITE}{lang}/oembed.json"') in page


def test_oembed_documents(files):
    for name in ("oembed.json", "en/oembed.json", "fr/oembed.json"):
        doc = json.loads(files[name])
        assert doc["version"] == "1.0" and doc["type"] == "rich"
        assert doc["html"].startswith(f'<iframe src="{SITE}')
        assert isinstance(doc["width"], int) and isinstance(doc["height"], int)
        assert f'height="{doc["height"]}"' in doc["html"]
        assert doc["title"] and doc["provider_name"]
        assert doc["provider_url"].startswith(SITE)
        assert doc["thumbnail_url"].startswith(f"{SITE}downloads/card.")
        assert (doc["thumbnail_width"], doc["thumbnail_height"]) == (1200, 630)
    assert "fr/embed.html" in json.loads(files["fr/oembed.json"])["html"]


def test_without_an_address_the_card_is_relative(tmp_path):
    result = build_site(BuildOptions(events_path=EVENTS, article_paths=[ARTICLE], cwd=ROOT))
    page = result.files["fr/index.html"].decode()
    assert '<meta property="og:image" content="../downloads/card.fr.png">' in page
    assert "og:url" not in page
    assert "provider_url" not in json.loads(result.files["oembed.json"])


def test_a_bad_site_url_is_refused():
    with pytest.raises(InputError, match="--site-url: 'ftp://x' is not the http"):
        build_site(BuildOptions(events_path=EVENTS, article_paths=[ARTICLE], cwd=ROOT,
                                site_url="ftp://x"))


@pytest.mark.parametrize(("paper", "size"), [("a4", (841.89, 595.28)),
                                             ("a3", (1190.55, 841.89))])
def test_frieze_pages_and_text(files, tmp_path, paper, size):
    data = files[f"downloads/frieze-{paper}.en.pdf"]
    assert all(s == size for s in pdf_page_sizes(data, tmp_path))
    pages = pdf_pages(data, tmp_path, "frieze.pdf")
    first = " ".join(pages[0].split())
    for words in ("Treaty signed", "4 April 1949", "Letter to Johnson", "7 March 1966",
                  "Curated event", "Outside the integrated command"):
        assert words in first
    assert "https://www.nato.int/treaty" in pages[-1]


def test_blank_frieze_has_numbers_then_the_events_then_the_answers(files, tmp_path):
    data = files["downloads/frieze-blank-a4.fr.pdf"]
    pages = pdf_pages(data, tmp_path, "blank.pdf")
    assert len(pages) == 3
    for title in ("Traité signé", "Lettre à Johnson"):
        assert title not in pages[0]
        assert title in pages[1]
        assert title in pages[2]
    assert "7 mars 1966" not in pages[1] and "7 mars 1966" in pages[2]
    assert re.search(r"\b1\b", pages[0]) and re.search(r"\b2\b", pages[0])


def test_downloads_are_listed_with_their_sizes(files):
    page = files["en/index.html"].decode()
    for name in ("frieze-a4.en.pdf", "frieze-blank-a3.en.pdf", "slides.en.pptx",
                 "chart-2400.en.png"):
        assert re.search(rf'href="../downloads/{re.escape(name)}" download>[^<]+</a> '
                         r'<span class="download-size">\(\d+ KB\)</span>', page), name


def test_deck_slides_titles_notes_and_pictures(files):
    from pptx import Presentation

    deck = Presentation(io.BytesIO(files["downloads/slides.fr.pptx"]))
    slides = list(deck.slides)
    events = json.loads(files["data/events.json"])["items"]
    assert len(slides) == 1 + len(events)
    texts = [" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
             for slide in slides]
    assert "La France" in texts[0] or "chronologie" in texts[0].lower()
    for slide, text, item in zip(slides[1:], texts[1:], events, strict=True):
        assert item["title"]["fr"] in text
        assert any(s.shape_type == 13 for s in slide.shapes)  # a picture
        assert any(s.name == "highlight" for s in slide.shapes)
        notes = slide.notes_slide.notes_text_frame.text
        for source in item["sources"]:
            assert source["url"] in notes
    assert deck.core_properties.language == "fr-FR"
    langs = set(re.findall(rb'lang="([^"]+)"', zipfile.ZipFile(
        io.BytesIO(files["downloads/slides.fr.pptx"])).read("ppt/slides/slide2.xml")))
    assert langs == {b"fr-FR"}


def test_downloads_are_byte_identical_and_cached(tmp_path):
    from timeline import downloads

    options = dict(events_path=EVENTS, article_paths=[ARTICLE], cwd=ROOT, drawing_cache=False)
    downloads._MEMO.clear()
    first = build_site(BuildOptions(**options)).files
    downloads._MEMO.clear()
    second = build_site(BuildOptions(**options)).files
    names = [n for n in first if n.startswith("downloads/")]
    assert len(names) == 16
    for name in names:
        assert first[name] == second[name], name


def test_downloads_drawn_in_two_processes_are_the_same_bytes(tmp_path):
    from timeline import downloads

    options = dict(events_path=EVENTS, article_paths=[ARTICLE], cwd=ROOT, drawing_cache=False)
    downloads._MEMO.clear()
    alone = build_site(BuildOptions(**options, jobs=1)).files
    downloads._MEMO.clear()
    shared = build_site(BuildOptions(**options, jobs=2)).files
    names = [n for n in alone if n.startswith("downloads/")]
    assert len(names) == 16 and all(alone[n] == shared[n] for n in names)


def test_the_deck_s_tally_of_part_names_gives_python_pptx_s_own_bytes(monkeypatch):
    from timeline import deck, downloads

    downloads._MEMO.clear()
    tallied = build_site(BuildOptions(events_path=EVENTS, article_paths=[ARTICLE], cwd=ROOT,
                                      drawing_cache=False)).files
    monkeypatch.setattr(deck, "_tally_partnames", lambda package: None)
    downloads._MEMO.clear()
    walked = build_site(BuildOptions(events_path=EVENTS, article_paths=[ARTICLE], cwd=ROOT,
                                     drawing_cache=False)).files
    for lang in ("en", "fr"):
        name = downloads.file_name("slides", lang)
        assert tallied[name] == walked[name], name


def _this_process() -> bytes:
    return str(os.getpid()).encode()


def test_drawings_missing_from_the_cache_are_drawn_in_other_processes(tmp_path):
    from functools import partial

    from timeline import downloads

    downloads._MEMO.clear()
    cache = downloads.DrawingCache(tmp_path)
    drawings = [downloads.Drawing(f"d{i}", ("pid", i), partial(_this_process))
                for i in range(4)]
    drawn = cache.get_many(drawings, jobs=2)
    assert sorted(drawn) == ["d0", "d1", "d2", "d3"]
    assert str(os.getpid()).encode() not in drawn.values()
    # Drawn once: read back from the cache (this process's memo, then disk).
    assert cache.get_many(drawings, jobs=2) == drawn
    downloads._MEMO.clear()
    assert downloads.DrawingCache(tmp_path).get_many(drawings, jobs=1) == drawn


def test_drawing_cache_is_used_and_survives_damage(tmp_path, monkeypatch):
    from timeline import downloads

    calls = []
    cache = downloads.DrawingCache(tmp_path)
    draw = lambda: calls.append(1) or b"drawn"  # noqa: E731
    downloads._MEMO.clear()
    assert cache.get(("x", 1), draw) == b"drawn"
    downloads._MEMO.clear()
    assert cache.get(("x", 1), draw) == b"drawn" and len(calls) == 1
    for entry in tmp_path.rglob("*"):
        if entry.is_file() and not entry.suffix:
            entry.write_bytes(b"damaged")
    downloads._MEMO.clear()
    assert cache.get(("x", 1), draw) == b"drawn" and len(calls) == 2


def test_cli_start_up_imports_no_drawing_library():
    code = ("import sys, timeline.cli, timeline.build, timeline.render;"
            "print(sorted(m for m in ('reportlab', 'pptx', 'resvg_py') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr
