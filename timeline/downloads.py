"""The downloads of a site, per language: chart PNGs, the social card, friezes, a slide deck.

All drawn from the one chart model (chart.build_chart) of the timeline the
index shows, with no browser. They cost more than the rest of a build
(rasterising, laying out PDFs), so each file is cached by content: its key
hashes everything it is made from (the drawing's inputs, the code that
draws it, the libraries' versions), and a build whose timeline did not
change reads them back instead of drawing them again. An archive build makes
them once, for its master timeline, not for each article page. Those not
in the cache are drawn in as many processes as the build has jobs: each file
is independent of the others, but for the deck, which shows a chart picture.
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


@dataclass(frozen=True)
class Drawing:
    """One file to draw: where it goes, what it is drawn from, and how."""

    name: str                    # its path in the site
    parts: tuple[object, ...]    # everything it is drawn from: its cache key
    draw: Callable[[], bytes]    # a partial of a module-level function, so it can be pickled


def _draw(drawing: Drawing) -> bytes:
    return drawing.draw()


class DrawingCache:
    """Drawn files on disk, one per key; a miss draws, a damaged entry is drawn again."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.salt = _code_salt()

    def get(self, parts: tuple[object, ...], draw: Callable[[], bytes]) -> bytes:
        """Return the file ``parts`` describe, drawing it with ``draw`` when not cached."""
        return self.get_many([Drawing("", parts, draw)])[""]

    def get_many(self, drawings: list[Drawing], jobs: int = 1) -> dict[str, bytes]:
        """Return every drawing's file by name, drawing those not cached.

        With ``jobs`` > 1 the misses are drawn in that many processes: each
        is independent of the others, and a large timeline's deck and
        friezes take seconds each (python-pptx, reportlab).
        """
        out: dict[str, bytes] = {}
        missing: list[tuple[Drawing, str]] = []
        for drawing in drawings:
            key = hashlib.sha256((self.salt + repr(drawing.parts)).encode("utf-8")).hexdigest()
            data = self._read(key)
            if data is None:
                missing.append((drawing, key))
            else:
                out[drawing.name] = data
        if jobs > 1 and len(missing) > 1:
            from concurrent.futures import ProcessPoolExecutor

            from timeline.batch import die_with_parent

            with ProcessPoolExecutor(max_workers=min(jobs, len(missing)),
                                     initializer=die_with_parent,
                                     initargs=(os.getpid(),)) as pool:
                drawn = list(pool.map(_draw, [d for d, _ in missing]))
        else:
            drawn = [_draw(d) for d, _ in missing]
        for (drawing, key), data in zip(missing, drawn, strict=True):
            _MEMO[key] = data
            if self.folder is not None:
                _store(self.folder / key[:2] / key, data)
            out[drawing.name] = data
        return out

    def _read(self, key: str) -> bytes | None:
        if key in _MEMO:
            return _MEMO[key]
        if self.folder is None:
            return None
        path = self.folder / key[:2] / key
        try:
            stored = path.read_bytes()
            if hashlib.sha256(stored).hexdigest() == path.with_suffix(".sha").read_text():
                _MEMO[key] = stored
                return stored
        except OSError:
            pass
        return None


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


def render_downloads(timeline: Timeline, catalog: Catalog, cache_dir: Path | None,
                     jobs: int = 1) -> dict[str, bytes]:
    """Return every download of every language, keyed by its path in the site.

    Drawn in two rounds, each in ``jobs`` processes: the pictures, then the
    friezes and decks (a deck shows the largest picture).
    """
    from timeline import deck, frieze, pictures
    from timeline.chart import build_chart
    from timeline.svg import standalone_svg
    from timeline.views import item_views, source_views

    cache = DrawingCache(cache_dir)
    span = years_covered(catalog)
    first: list[Drawing] = []
    later: list[Callable[[dict[str, bytes]], list[Drawing]]] = []
    for lang in LANGUAGES:
        model = build_chart(timeline, catalog, lang)
        words = page_words(catalog, lang)
        own = WORDS[lang]
        svg_text = standalone_svg(model, title=words["timeline_title"],
                                  description=words["chart_svg_desc"])
        for width in pictures.CHART_WIDTHS:
            first.append(Drawing(file_name(f"chart-{width}", lang), ("png", svg_text, width),
                                 partial(pictures.render_png, svg_text, width)))
        # Keyed by what the card is drawn from: laying its title out measures
        # text with reportlab's fonts, which a build with every drawing cached
        # need not load.
        card_parts = (model, svg_text, words["site_title"], words["timeline_title"])
        first.append(Drawing(card_path(lang), ("card", *card_parts),
                             partial(pictures.render_card, *card_parts)))

        points = {p.id: p for p in model.points}
        items = item_views(timeline, catalog, lang)
        entries = tuple(frieze.Entry(i.id, points[i.id].day, points[i.id].y, i.origin,
                                     i.date_label, i.title) for i in items)
        sources = tuple(frieze.SourceLine(s.title, s.publisher, s.url,
                                          tuple(e.title for e in s.events))
                        for s in source_views(items))
        text = frieze.FriezeText(words["site_title"], words["timeline_title"],
                                 {**STRINGS[lang], **own})
        documents = []
        for paper in PAPERS:
            for blank in (False, True):
                kind = f"frieze-{'blank-' if blank else ''}{paper}"
                documents.append(Drawing(
                    file_name(kind, lang), ("frieze", model, entries, sources, text, paper, blank),
                    partial(frieze.render_frieze, model, entries, sources, text, paper,
                            blank=blank)))

        slides = tuple(deck.Slide(i.id, i.date_label, i.title, i.summary,
                                  tuple(m.sentence for m in i.mentions[:deck.MAX_QUOTES]),
                                  tuple(f"{s.title}, {s.publisher}: {s.url}"
                                        for s in i.sources)) for i in items)
        deck_text = deck.DeckText(words["site_title"],
                                  own["deck_subtitle"].format(span=span, count=len(items)),
                                  own["deck_quote"], own["deck_sources"])
        widest = pictures.CHART_WIDTHS[-1]
        later.append(partial(_with_deck, documents, model, slides, deck_text,
                             (file_name(f"chart-{widest}", lang), widest),
                             file_name("slides", lang)))
    files = cache.get_many(first, jobs)
    files.update(cache.get_many([d for make in later for d in make(files)], jobs))
    return files


def _with_deck(documents: list[Drawing], model: object, slides: tuple[object, ...],
               deck_text: object, chart: tuple[str, int], name: str,
               pictures: dict[str, bytes]) -> list[Drawing]:
    """Add a language's deck, which shows its widest chart picture, to its documents."""
    from timeline import deck

    chart_name, width = chart
    picture = pictures[chart_name]
    size = (width, _png_height(picture))
    return [*documents, Drawing(
        name, ("slides", model, slides, deck_text, hashlib.sha256(picture).hexdigest()),
        partial(deck.render_deck, model, picture, size, slides, deck_text))]


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
