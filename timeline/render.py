"""Render the site's pages and assets in memory, as bytes ready to write.

One Jinja environment is built here, with autoescaping on: every string from
an article or the events file reaches the page as text, never as markup. A
``templates/`` folder in the working directory overrides the packaged
templates file by file, the way a theme override works in mkdocs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline import chart
from timeline import merge as m
from timeline.dates import LANGUAGES
from timeline.export import render_exports
from timeline.i18n import STRINGS
from timeline.site import write_staged

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    import jinja2
    from markupsafe import Markup

    from timeline.article import Article
    from timeline.events import Catalog
    from timeline.mention import Mention
    from timeline.merge import Timeline

PACKAGE_DIR = Path(__file__).resolve().parent
ASSET_FILES = ("timeline.css", "timeline.js")
PLOTLY_ASSET = "assets/plotly.min.js"
PLOTLY_CDN = "https://cdn.plot.ly/plotly-{version}.min.js"
# Every page is written at the site root (default language) and in each
# language folder; all of them share assets/.
PAGES = ("index", "embed", "present")
# The pages readers land on (a shared link, an article's iframe) carry their
# stylesheet inline, so no fetch stands between the HTML and the first paint
# (41 alternating loads over loopback: first paint ~30 ms sooner on both;
# over a slow network, one request fewer to wait for). Article pages share
# the cached stylesheet.
INLINE_STYLE_PAGES = ("index", "embed")
# Pages whose script has nothing to do before the first paint load it async
# (not deferred: a deferred script would wait for the whole list, and the
# 5,000-item chart came 2.26x -> 2.87x its ten-item time). The embed page's
# may send an iframe to its ?lang= sibling, and classroom mode's marks the
# page as scripted so the first paint is a slide: both run before it.
ASYNC_SCRIPT_PAGES = ("index",)
# An archive's articles get a page each, here.
ARTICLES_DIR = "articles"


def packaged_templates() -> Path:
    """Return the templates shipped with the package (wheel) or beside it (checkout)."""
    inside = PACKAGE_DIR / "templates"
    return inside if inside.is_dir() else PACKAGE_DIR.parent / "templates"


def template_dirs(cwd: Path | None = None) -> list[Path]:
    """Return the template folders in lookup order: the working directory's first."""
    local = (cwd or Path.cwd()) / "templates"
    shipped = packaged_templates()
    dirs = [local] if local.is_dir() and local.resolve() != shipped.resolve() else []
    return dirs + [shipped]


def build_environment(dirs: Sequence[Path]) -> jinja2.Environment:
    """Create the one Jinja environment of a build."""
    import jinja2

    from timeline.text import inert

    class ViewEnvironment(jinja2.Environment):
        def getattr(self, obj: Any, attribute: str) -> Any:
            # The pages' views are plain dicts, so `item.title` means
            # item["title"]: look the key up first. Jinja tries the attribute
            # first and reaches the key through a caught AttributeError, a
            # tenth of an archive's page-rendering time.
            if type(obj) is dict and attribute in obj:
                return obj[attribute]
            return super().getattr(obj, attribute)

    env = ViewEnvironment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Templates do not change during a build: no stat() per page to check.
        auto_reload=False,
        # Every value printed into a page passes through text.inert, which
        # shows Unicode bidi overrides as visible code points.
        finalize=inert,
    )
    return env


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Keep compiled templates between builds (a fifth of a small build is compiling them).

    Jinja keys each entry by the template's name and a checksum of its source,
    so an edited or overriding template is never served stale. No cache when
    the folder cannot be made.
    """
    import jinja2

    from timeline.cache import user_cache_dir

    folder = user_cache_dir("templates")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def read_asset(dirs: Sequence[Path], name: str) -> bytes:
    """Read an asset from the first template folder that has it."""
    for d in dirs:
        path = d / "assets" / name
        if path.is_file():
            return path.read_bytes()
    raise FileNotFoundError(f"asset {name} not found in {', '.join(map(str, dirs))}")


def style_element_text(css: bytes) -> Markup:
    """Return a stylesheet as the text of a <style> element.

    Only "</" could end the element early; in CSS "<\\/" reads the same.
    """
    from markupsafe import Markup

    return Markup(css.decode("utf-8").replace("</", "<\\/"))


@lru_cache(maxsize=1)
def plotly_version() -> str:
    """Read plotly.js's version from the plotly package's bundle, without importing plotly."""
    from timeline.plotlyjs import bundle_version, full_bundle_path

    with full_bundle_path().open("rb") as fh:
        return bundle_version(fh.read(400)) or "latest"


@dataclass(frozen=True)
class PageSet:
    """Where a set of pages sits: its language and the way back to the site root."""

    lang: str
    prefix: str      # folder inside the site, "" or "fr/"
    root: str        # relative path from the page to the site root, "" or "../"


# On a master timeline an event may be quoted by hundreds of articles: it shows
# this many quotes and links to every article instead.
QUOTES_ON_MASTER = 3


@dataclass(frozen=True)
class ArticleRef:
    """What an item needs to know of an article that mentions it."""

    title: str
    language: str
    href: str          # the article's annotated text, relative to the page ("" = this page)


def item_views(frame: Any, catalog: Catalog, lang: str,
               refs: Mapping[str, ArticleRef] | None = None, *,
               master: bool = False) -> list[dict[str, Any]]:
    """Prepare every timeline item for the templates, in date order.

    ``refs`` says, for each article id, its language (a quote, or the title of
    an item only the article dates, is marked in the language it is written
    in, whatever the page's) and where its annotated text is. On a ``master``
    timeline of several articles an item lists the articles that mention it
    and shows only the first few quotes.
    """
    refs = refs or {}
    labels = {c.id: c.label[lang] for c in catalog.categories}
    labels[m.ARTICLE_CATEGORY] = STRINGS[lang]["article_only"]
    views = []
    for row in m.records(frame):
        mentions = []
        date_label = chart.item_date_label(row, lang)
        records = row[m.MENTIONS]
        # A master page quotes only the first few of an event's mentions (of
        # thousands, in an archive): make views of those alone.
        for rec in records[:QUOTES_ON_MASTER] if master else records:
            ref = refs.get(rec["article"])
            mentions.append({**rec, "language": ref.language if ref else "",
                             "href": (ref.href if ref else "") + "#"
                             + mention_anchor(rec["article"], rec["start"]),
                             "evidence": link_evidence(rec, date_label, lang)
                             if row[m.ORIGIN] == m.BOTH else ""})
        cited = list(dict.fromkeys(rec["article"] for rec in records))
        own_words = row[m.ORIGIN] == m.ARTICLE and mentions
        views.append({
            "id": row[m.ID],
            "title_lang": mentions[0]["language"] if own_words else "",
            "title": row[m.TITLE].get(lang) or row[m.TITLE]["en"],
            "summary": row[m.SUMMARY].get(lang) or row[m.SUMMARY]["en"],
            "date_label": date_label,
            "datetime": row[m.VALUE],
            "category": row[m.CATEGORY],
            "category_label": labels.get(row[m.CATEGORY], row[m.CATEGORY]),
            "origin": row[m.ORIGIN],
            "mentions": mentions,
            "articles": [{"id": a, "title": refs[a].title, "href": refs[a].href,
                          "language": refs[a].language} for a in sorted(cited) if a in refs]
                        if master else [],
            "sources": row[m.SOURCES],
        })
    return views


def link_evidence(record: Mapping[str, Any], date_label: str, lang: str) -> str:
    """Say why a mention was linked to its event: the date that fits, the words that matched."""
    words = STRINGS[lang]
    said = words["evidence_date"].format(text=record["text"], date=date_label)
    if record["matched"]:
        said += " " + words["evidence_words"].format(words=", ".join(record["matched"]))
    return said


def source_views(items: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """List every source once, in the order the timeline first cites it, with its events."""
    by_url: dict[str, dict[str, Any]] = {}
    for item in items:
        for source in item["sources"]:
            entry = by_url.setdefault(source["url"], {
                "url": source["url"], "title": source["title"],
                "publisher": source.get("publisher") or "", "events": []})
            if all(e["id"] != item["id"] for e in entry["events"]):
                entry["events"].append({"id": item["id"], "title": item["title"]})
    return list(by_url.values())


def mention_anchor(article_id: str, start: int) -> str:
    """Return the stable anchor of a mention in the annotated article."""
    return f"mention-{article_id}-{start}"


def annotate(article: Article, linked: Mapping[int, str], spans: Sequence[tuple[int, int, str]]
             ) -> list[list[dict[str, Any]]]:
    """Split the body into paragraphs of text segments, marking each date mention.

    ``spans`` are (start, end, value) of every mention; ``linked`` maps a
    mention's start to the item it belongs to, if any. Returns segments, not
    HTML, so the template escapes every piece of the article's text.
    """
    body = article.body
    segments: list[dict[str, Any]] = []
    cursor = 0
    for start, end, value in sorted(spans):
        if start < cursor:
            continue
        if start > cursor:
            segments.append({"text": body[cursor:start]})
        segments.append({"text": body[start:end], "value": value, "item": linked.get(start),
                         "anchor": mention_anchor(article.id, start)})
        cursor = end
    if cursor < len(body):
        segments.append({"text": body[cursor:]})
    # Break into paragraphs at newlines, keeping marks whole.
    paragraphs: list[list[dict[str, Any]]] = [[]]
    for seg in segments:
        if "value" in seg:
            paragraphs[-1].append(seg)
            continue
        parts = seg["text"].split("\n")
        for i, part in enumerate(parts):
            if i:
                paragraphs.append([])
            if part:
                paragraphs[-1].append({"text": part})
    return [p for p in paragraphs if p]


def unplotted_reason_key(value: str) -> str:
    """Return the i18n key saying why a time expression has no place on the chart.

    merge.py writes its reasons in English; the page says them in its own
    language, chosen from the kind of value rather than from the English text.
    """
    return "reason_" + m.unplotted_kind(value)


def embed_snippet(src: str, title: str) -> str:
    """Return the iframe code a journalist pastes into an article."""
    from markupsafe import escape

    return (f'<iframe src="{escape(src)}" title="{escape(title)}" width="100%" height="480" '
            'loading="lazy" style="border:0"></iframe>')


def article_view(article: Article, own: Timeline, lang: str) -> dict[str, Any]:
    """Prepare one article, annotated with its mentions, for the templates.

    ``own`` is a timeline whose items carry this article's mentions only
    (the merge of that article alone), so this costs the article's size, not
    the archive's.
    """
    linked: dict[int, str] = {}
    spans: list[tuple[int, int, str]] = []
    for item_id, records in zip(own.items[m.ID], own.items[m.MENTIONS], strict=True):
        for rec in records:
            linked[rec["start"]] = item_id
            spans.append((rec["start"], rec["end"], rec["value"]))
    unplotted = m.records(own.unplotted)
    spans += [(r["start"], r["end"], r["value"]) for r in unplotted]
    return {
        "id": article.id, "title": article.title, "byline": article.byline,
        "source_url": article.source_url, "published": article.published,
        "published_label": (chart.format_range(article.published, None, lang)
                            if article.published else None),
        "published_note": article.published_note, "language": article.language,
        "paragraphs": annotate(article, linked, spans),
        "unplotted": [{**r, "reason": STRINGS[lang][unplotted_reason_key(r["value"])]}
                      for r in unplotted],
    }


def article_page_path(article_id: str) -> str:
    """Return where an article's own page is written, relative to the site root."""
    return f"{ARTICLES_DIR}/{article_id}.html"


def render_site(catalog: Catalog, articles: Sequence[Article], timeline: Timeline, *,
                mentions: Mapping[str, Sequence[Mention]],
                default_lang: str = "en", plotlyjs: str = "local",
                plotly_bundle: bytes | None = None, cwd: Path | None = None,
                article_pages: ArticlePages | None = None) -> dict[str, bytes]:
    """Render every page and asset; return relative path -> bytes.

    One article: its annotated text sits on the index page. Several (an
    archive): the index is the master timeline, which keeps the curated events
    and the dates at least two articles share and links each event to the
    articles that mention it; every article gets a page of its own (its text
    annotated, its own timeline in the curated context), in its language, and
    an articles page lists them all. Article pages need only their own
    article, so the caller starts them (start_article_pages, in worker
    processes) before merging the archive and passes them as
    ``article_pages``; without them they are rendered here, one by one.
    ``plotly_bundle`` is copied to assets/ when plotly.js is ``local``
    (default: the plotly package's).
    """
    dirs = template_dirs(cwd)
    env = build_environment(dirs)
    master = len(articles) > 1
    if master and article_pages is None:
        article_pages = start_article_pages(catalog, articles, mentions,
                                            default_lang=default_lang, plotlyjs=plotlyjs,
                                            cwd=cwd)
    files: dict[str, bytes] = {f"assets/{name}": read_asset(dirs, name) for name in ASSET_FILES}
    inline_css = style_element_text(files["assets/timeline.css"])
    if plotlyjs == "local":
        if plotly_bundle is None:
            from timeline.plotlyjs import load_bundle

            plotly_bundle = load_bundle("full").data
        files[PLOTLY_ASSET] = plotly_bundle
    shown = m.master(timeline, len(articles))
    # The data files hold the timeline the index shows.
    files.update(render_exports(shown, catalog))
    pages = PAGES + (("articles",) if master else ())
    page_sets = [PageSet(lang, f"{lang}/", "../") for lang in LANGUAGES]
    page_sets.append(PageSet(default_lang, "", ""))
    counts = _linked_counts(timeline)
    for ps in page_sets:
        lang = ps.lang
        refs = {a.id: ArticleRef(a.title, a.language,
                                 f"{ps.root}{article_page_path(a.id)}" if master else "")
                for a in articles}
        items = item_views(shown.items, catalog, lang, refs, master=master)
        base = {
            **site_context(ps, catalog, shown, items, plotlyjs),
            "master": master,
            "articles": [] if master else [article_view(a, timeline, lang) for a in articles],
            "article_list": sorted((article_entry(a, refs[a.id].href, lang,
                                                  len(mentions.get(a.id, ())), counts.get(a.id, 0))
                                    for a in articles), key=article_order) if master else [],
            "embed_code": embed_snippet("embed.html", STRINGS[lang]["embed_title"]),
        }
        for page in pages:
            context = {
                **base,
                "page": page,
                "inline_css": inline_css if page in INLINE_STYLE_PAGES else None,
                "async_script": page in ASYNC_SCRIPT_PAGES,
                "other_url": f"{ps.root}{other_language(lang)}/{page}.html",
                "alternates": [(code, f"{ps.root}{code}/{page}.html") for code in LANGUAGES],
                "urls": {name: f"{name}.html" for name in pages},
            }
            html_text = env.get_template(f"{page}.html").render(context)
            files[f"{ps.prefix}{page}.html"] = html_text.encode("utf-8")
    if master and article_pages is not None:
        files.update(article_pages.result())
    return files


def _linked_counts(timeline: Timeline) -> dict[str, int]:
    """Count, per article, the mentions linked to a curated event."""
    counts: dict[str, int] = {}
    for origin, records in zip(timeline.items[m.ORIGIN], timeline.items[m.MENTIONS],
                               strict=True):
        if origin == m.BOTH:
            for rec in records:
                counts[rec["article"]] = counts.get(rec["article"], 0) + 1
    return counts


def article_entry(article: Article, href: str, lang: str, found: int, linked: int
                  ) -> dict[str, Any]:
    """Describe an article for the articles index: only what the table shows, not its text."""
    return {
        "id": article.id, "title": article.title, "byline": article.byline, "href": href,
        "language": article.language, "published": article.published,
        "published_label": (chart.format_range(article.published, None, lang)
                            if article.published else None),
        "mention_count": found, "linked_count": linked,
    }


@dataclass(frozen=True)
class PageSettings:
    """What every article page's rendering needs besides the article: plain, picklable data."""

    dirs: tuple[Path, ...]
    plotlyjs: str
    default_lang: str


# One worker process's catalog, Jinja environment and articles, set once by
# _start_worker. The articles come as the pool's initargs: a forked worker
# inherits them, where passing them with each task would pickle every article
# and its mentions through the main process.
_WORKER: dict[str, Any] = {}


def _start_worker(catalog: Catalog, settings: PageSettings,
                  tasks: Sequence[tuple[Article, list[Mention]]] = (),
                  staging: Path | None = None) -> None:
    _WORKER.update(catalog=catalog, settings=settings, linker=m.Linker(catalog.events),
                   env=build_environment(settings.dirs), tasks=tasks, staging=staging)


def _article_pages_task(start: int, stop: int) -> list[tuple[str, str]]:
    """Render and write the pages of articles ``start`` to ``stop`` (one task sent to a
    worker); return each page's path and SHA-256."""
    staging = _WORKER["staging"]
    return [(path, write_staged(staging, path, page))
            for path, page in map(_article_page_task, _WORKER["tasks"][start:stop])]


def _article_page_task(task: tuple[Article, list[Mention]]) -> tuple[str, bytes]:
    """Merge one article with the catalog and render its page."""
    article, found = task
    catalog, settings = _WORKER["catalog"], _WORKER["settings"]
    # The article's own timeline is the merge of that article alone.
    own = m.build_timeline(catalog, [article], {article.id: found}, linker=_WORKER["linker"])
    page = render_article_page(_WORKER["env"], catalog, article, own, settings)
    return article_page_path(article.id), page


class ArticlePages:
    """Article pages being rendered: ``result()`` waits for them, ``cancel()`` drops them.

    With one job the pages are rendered when the result is asked for; with
    more, a pool of processes starts on them at once, so the caller can merge
    the archive and render the master pages meanwhile. Given a ``staging``
    folder (site.Staging), the pages are written into it as they are rendered,
    by the workers themselves, and ``written`` holds their digests; without
    one, ``result()`` returns them. ``progress`` is told of every page done,
    as it is done.
    """

    # Pages per task: enough to make a task's overhead small, few enough that
    # at the end one worker does not idle long while the other finishes.
    CHUNK = 16

    def __init__(self, catalog: Catalog, settings: PageSettings,
                 tasks: list[tuple[Article, list[Mention]]], jobs: int,
                 progress: Callable[[int], None] | None = None,
                 staging: Path | None = None) -> None:
        self._catalog, self._settings, self._tasks = catalog, settings, tasks
        self._progress, self._staging = progress, staging
        self.written: dict[str, str] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[tuple[str, str]]]] = []
        if jobs > 1 and len(tasks) > 1 and staging is not None:
            from concurrent.futures import ProcessPoolExecutor

            from timeline.batch import frozen_heap

            workers = min(jobs, len(tasks))
            size = max(1, min(self.CHUNK, len(tasks) // (workers * 8)))
            self._pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                                             initargs=(catalog, settings, tasks, staging))
            with frozen_heap():  # the workers fork at the first submit
                for start in range(0, len(tasks), size):
                    future = self._pool.submit(_article_pages_task, start, start + size)
                    if progress is not None:
                        # Run by the pool's own thread as each chunk lands.
                        future.add_done_callback(
                            lambda f: None if f.cancelled() or f.exception()
                            else progress(len(f.result())))
                    self._futures.append(future)

    def result(self) -> dict[str, bytes]:
        """Wait for every page; return those not written into the staging folder."""
        if self._pool is None:
            _start_worker(self._catalog, self._settings)
            pages = {}
            for task in self._tasks:
                path, page = _article_page_task(task)
                if self._staging is None:
                    pages[path] = page
                else:
                    self.written[path] = write_staged(self._staging, path, page)
                if self._progress is not None:
                    self._progress(1)
            return pages
        try:
            self.written.update(pair for future in self._futures for pair in future.result())
            return {}
        except BaseException:
            self.cancel()
            raise
        finally:
            self._pool.shutdown()

    def cancel(self) -> None:
        """Stop the workers, dropping every chunk not yet started (the build failed).

        The chunks already running finish first: a worker still writing would
        otherwise put files back into a staging folder being deleted.
        """
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def start_article_pages(catalog: Catalog, articles: Sequence[Article],
                        mentions: Mapping[str, Sequence[Mention]], *,
                        default_lang: str = "en", plotlyjs: str = "local",
                        cwd: Path | None = None, jobs: int = 1,
                        progress: Callable[[int], None] | None = None,
                        staging: Path | None = None) -> ArticlePages:
    """Start rendering every article's own page (into ``staging`` when given).

    A page needs its article, its mentions and the catalog, not the master
    timeline, so it can start as soon as extraction ends. Worker processes
    are used only with a staging folder to write into, so that the pages
    never travel back through the main process.
    """
    settings = PageSettings(dirs=tuple(template_dirs(cwd)), plotlyjs=plotlyjs,
                            default_lang=default_lang)
    tasks = [(a, list(mentions.get(a.id, ()))) for a in articles]
    return ArticlePages(catalog, settings, tasks, jobs, progress, staging)


def render_article_page(env: jinja2.Environment, catalog: Catalog, article: Article,
                        own: Timeline, settings: PageSettings) -> bytes:
    """Render one article's page, in the article's own language.

    An article is written in one language, so its page is too (one page per
    article, not one per interface language); its links lead back to the
    master timeline in that language.
    """
    lang = article.language if article.language in LANGUAGES else settings.default_lang
    ps = PageSet(lang, f"{ARTICLES_DIR}/", "../")
    refs = {article.id: ArticleRef(article.title, article.language, "")}
    items = item_views(own.items, catalog, lang, refs)
    home = f"{ps.root}{lang}/"
    context = {
        **site_context(ps, catalog, own, items, settings.plotlyjs),
        "page": "article",
        "master": False,
        "article": article_view(article, own, lang),
        "home": home,
        "other_url": None,
        "inline_css": None,
        "async_script": False,
        "alternates": [],
        "urls": {name: f"{home}{name}.html" for name in (*PAGES, "articles")},
    }
    return env.get_template("article.html").render(context).encode("utf-8")


def site_context(ps: PageSet, catalog: Catalog, timeline: Timeline,
                 items: list[dict[str, Any]], plotlyjs: str) -> dict[str, Any]:
    """Return what every page with a chart needs: language, chart, items, sources, eras."""
    lang = ps.lang
    figure = chart.build_figure(timeline.items, catalog, lang)
    return {
        "lang": lang,
        "t": STRINGS[lang],
        "root": ps.root,
        "other_lang": other_language(lang),
        "plotly_src": (f"{ps.root}{PLOTLY_ASSET}" if plotlyjs == "local"
                       else PLOTLY_CDN.format(version=plotly_version())),
        "figure_json": figure_json_markup(figure),
        "chart_id": chart.CHART_ID,
        "point_count": chart.plotted_count(figure),
        "chart_height": figure["layout"]["height"],
        "items": items,
        "sources": source_views(items),
        "eras": [{"id": e.id, "label": e.label[lang],
                  "dates": chart.format_range(e.start, e.end, lang)} for e in catalog.eras],
    }


def other_language(lang: str) -> str:
    """Return the language the switch on a page leads to."""
    return next(code for code in LANGUAGES if code != lang)


def article_order(view: Mapping[str, Any]) -> tuple[Any, ...]:
    """Newest first, as a newsroom lists its archive; undated last; then by title and id."""
    published = view["published"]
    return (published is None, -(published.first.toordinal()) if published else 0,
            view["title"].casefold(), view["id"])


def figure_json_markup(figure: dict[str, Any]) -> Any:
    """Return the figure JSON marked safe: figure_json already escaped it for <script>."""
    from markupsafe import Markup

    return Markup(chart.figure_json(figure))
