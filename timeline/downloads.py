"""The downloads of a site, per language: chart PNGs, the social card, friezes, a slide deck.

All drawn from the one chart model (chart.build_chart) of the timeline the
index shows, with no browser. They cost more than the rest of a build
(rasterising, laying out PDFs), so each file is cached by content: its key
hashes everything it is made from (the drawing's inputs, the code that
draws it, the libraries' versions), and a build whose timeline did not
change reads them back instead of drawing them again. An archive build makes
them once, for its master timeline, not for each article page.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.dates import LANGUAGES
from timeline.download_words import WORDS
from timeline.i18n import STRINGS
from timeline.site_words import page_words, years_covered

if TYPE_CHECKING:
    from timeline.events import Catalog
    from timeline.model import Timeline

FOLDER = "downloads"
PAPERS = ("a4", "a3")
DRAWING_MODULES = ("fonts.py", "pictures.py", "frieze.py", "deck.py", "downloads.py")
DRAWING_LIBRARIES = ("resvg-py", "reportlab", "python-pptx", "lxml")
# Drawn once per process and content: test suites and `timeline serve` build often.
_MEMO: dict[str, bytes] = {}


@dataclass(frozen=True)
class Download:
    """One file of the downloads section, as the index lists it."""

    href: str            # relative to the site root
    label: str
    size: str            # "48 KB"


def file_name(kind: str, lang: str) -> str:
    """Return a download's path in the site ("downloads/frieze-a4.fr.pdf")."""
    return f"{FOLDER}/{kind}.{lang}.{kind_suffix(kind)}"


def kind_suffix(kind: str) -> str:
    """Return a kind of download's file suffix."""
    if kind.startswith("chart-") or kind == "card":
        return "png"
    return "pptx" if kind == "slides" else "pdf"


def card_path(lang: str) -> str:
    """Return where the social card of ``lang`` is, relative to the site root."""
    return file_name("card", lang)


class DrawingCache:
    """Drawn files on disk, one per key; a miss draws, a damaged entry is drawn again."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.salt = _code_salt()

    def get(self, parts: tuple[object, ...], draw: Callable[[], bytes]) -> bytes:
        """Return the file ``parts`` describe, drawing it with ``draw`` when not cached."""
        key = hashlib.sha256((self.salt + repr(parts)).encode("utf-8")).hexdigest()
        if key in _MEMO:
            return _MEMO[key]
        path = self.folder / key[:2] / key if self.folder else None
        data = None
        if path is not None:
            try:
                stored = path.read_bytes()
                if hashlib.sha256(stored).hexdigest() == path.with_suffix(".sha").read_text():
                    data = stored
            except OSError:
                pass
        if data is None:
            data = draw()
            if path is not None:
                _store(path, data)
        _MEMO[key] = data
        return data


def _store(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for target, content in ((path, data),
                                (path.with_suffix(".sha"),
                                 hashlib.sha256(data).hexdigest().encode())):
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
            os.replace(tmp, target)
    except OSError:
        pass  # a cache that cannot be written is skipped; the build goes on


def _code_salt() -> str:
    from timeline.versions import installed_version

    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in DRAWING_MODULES:
        h.update((here / name).read_bytes())
    h.update(" ".join(f"{n}={installed_version(n)}" for n in DRAWING_LIBRARIES).encode())
    return h.hexdigest()


def render_downloads(timeline: Timeline, catalog: Catalog,
                     cache_dir: Path | None) -> dict[str, bytes]:
    """Return every download of every language, keyed by its path in the site."""
    from timeline import deck, frieze, pictures
    from timeline.chart import build_chart
    from timeline.svg import standalone_svg
    from timeline.views import item_views, source_views

    cache = DrawingCache(cache_dir)
    files: dict[str, bytes] = {}
    span = years_covered(catalog)
    for lang in LANGUAGES:
        model = build_chart(timeline, catalog, lang)
        words = page_words(catalog, lang)
        own = WORDS[lang]
        svg_text = standalone_svg(model, title=words["timeline_title"],
                                  description=words["chart_svg_desc"])
        pngs = {}
        for width in pictures.CHART_WIDTHS:
            pngs[width] = cache.get(("png", svg_text, width),
                                    partial(pictures.render_png, svg_text, width))
            files[file_name(f"chart-{width}", lang)] = pngs[width]
        # Keyed by what the card is drawn from: laying its title out measures
        # text with reportlab's fonts, which a build with every drawing cached
        # need not load.
        card_parts = (model, svg_text, words["site_title"], words["timeline_title"])
        files[card_path(lang)] = cache.get(
            ("card", *card_parts),
            lambda parts=card_parts: pictures.render_png(pictures.card_svg(*parts), 1200))

        points = {p.id: p for p in model.points}
        items = item_views(timeline, catalog, lang)
        entries = tuple(frieze.Entry(i.id, points[i.id].day, points[i.id].y, i.origin,
                                     i.date_label, i.title) for i in items)
        sources = tuple(frieze.SourceLine(s.title, s.publisher, s.url,
                                          tuple(e.title for e in s.events))
                        for s in source_views(items))
        text = frieze.FriezeText(words["site_title"], words["timeline_title"],
                                 {**STRINGS[lang], **own})
        for paper in PAPERS:
            for blank in (False, True):
                kind = f"frieze-{'blank-' if blank else ''}{paper}"
                files[file_name(kind, lang)] = cache.get(
                    ("frieze", model, entries, sources, text, paper, blank),
                    partial(frieze.render_frieze, model, entries, sources, text, paper,
                            blank=blank))

        slides = tuple(deck.Slide(i.id, i.date_label, i.title, i.summary,
                                  tuple(m.sentence for m in i.mentions[:deck.MAX_QUOTES]),
                                  tuple(f"{s.title}, {s.publisher}: {s.url}"
                                        for s in i.sources)) for i in items)
        deck_text = deck.DeckText(words["site_title"],
                                  own["deck_subtitle"].format(span=span, count=len(items)),
                                  own["deck_quote"], own["deck_sources"])
        chart = pngs[pictures.CHART_WIDTHS[-1]]
        size = (pictures.CHART_WIDTHS[-1], _png_height(chart))
        files[file_name("slides", lang)] = cache.get(
            ("slides", model, slides, deck_text, hashlib.sha256(chart).hexdigest()),
            partial(deck.render_deck, model, chart, size, slides, deck_text))
    return files


def _png_height(png: bytes) -> int:
    """Read a PNG's height from its header."""
    return int.from_bytes(png[20:24], "big")


def human_size(size: int, lang: str) -> str:
    """Return a file size as readers say it: "48 KB", "1.2 MB" (decimal units)."""
    words = WORDS[lang]
    if size < 1_000_000:
        return words["size_kb"].format(n=max(1, round(size / 1000)))
    figure = f"{size / 1_000_000:.1f}"
    return words["size_mb"].format(n=figure.replace(".", ",") if lang == "fr" else figure)


def download_views(files: dict[str, bytes], lang: str) -> list[Download]:
    """List a language's downloads for the index, in the order a reader needs them."""
    from timeline.pictures import CHART_WIDTHS

    words = WORDS[lang]
    order: list[tuple[str, str]] = []
    for paper in PAPERS:
        order.append((f"frieze-{paper}", words["download_frieze"].format(paper=paper.upper())))
    for paper in PAPERS:
        order.append((f"frieze-blank-{paper}",
                      words["download_blank"].format(paper=paper.upper())))
    order.append(("slides", words["download_deck"]))
    order += [(f"chart-{w}", words["download_png"].format(width=w)) for w in CHART_WIDTHS]
    order.append(("card", words["download_card"]))
    return [Download(file_name(kind, lang), label,
                     human_size(len(files[file_name(kind, lang)]), lang))
            for kind, label in order if file_name(kind, lang) in files]
