"""The build, from end to end: load, extract, merge, render, in memory.

Nothing here writes the site itself: the files come back in memory, except an
archive's article pages, which the workers rendering them write into the
staging folder site.Staging made (and deletes unless the build succeeds).
Every input is read and checked before anything is rendered, so a bad events
file stops the build before any page is written. A bad article among many
is skipped and reported instead, unless the build is strict: one unreadable
file in a newsroom's archive should not hold back the other thousand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.errors import InputError, Problem

if TYPE_CHECKING:
    from timeline.article import Article
    from timeline.events import Catalog
    from timeline.mention import Mention
    from timeline.merge import LinkedArchive
    from timeline.model import Timeline
    from timeline.render import PageSettings

# Progress of a build's long stages: called with a stage's label and size as it
# starts, it returns the function to call with each batch of units done.
Stages = Callable[[str, int], Callable[[int], None]]


@dataclass(frozen=True)
class BuildOptions:
    """What to build from, and how."""

    events_path: Path
    article_paths: Sequence[Path]
    # The language of the root pages; None: the first of the site block's
    # languages (en when the file has no site block).
    default_lang: str | None = None
    plotlyjs: str = "local"
    plotly_bundle: str = "auto"     # plotlyjs.KINDS: the basic bundle when cached, or full
    cwd: Path | None = None
    jobs: int = 1
    scheduler: str | None = None
    cache_dir: Path | None = None
    strict: bool = False
    # The site's published address (--site-url; else the events file's site.url):
    # makes social cards, oEmbed and the embed code absolute.
    site_url: str | None = None
    # Keep drawn downloads (PNG, PDF, slides) in $XDG_CACHE_HOME/timeline/downloads.
    drawing_cache: bool = True
    # Problems met while listing --articles folders (archive.list_articles): a
    # folder that cannot be read counts as a skipped article.
    listing_problems: Sequence[Problem] = ()


@dataclass
class BuildResult:
    """The rendered files, and what a person should hear about."""

    files: dict[str, bytes]
    # Files already in the staging folder (relative path -> SHA-256): an
    # archive's article pages, written by the workers that rendered them.
    written: dict[str, str] = field(default_factory=dict)
    skipped: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    articles: int = 0
    cached: int = 0
    items: int = 0
    mentions: int = 0
    links: int = 0


def find_articles(folder: Path) -> list[Path]:
    """Return the article files under ``folder``, in a stable order (archive.list_articles)."""
    from timeline.archive import find_articles as find

    return find(folder)


# Libraries whose version can change what a build writes (plotly: the
# plotly.js a CDN build loads is the version of the installed package).
OUTPUT_LIBRARIES = ("dateparser", "jinja2", "markupsafe", "plotly")


@dataclass
class InputFiles:
    """Every input file of a build, read once: its bytes, or why it could not be read.

    The inputs key is made from these bytes and the loaders parse the same
    bytes, so a pipe (``--article <(...)``) can be read at all, and a file
    edited during the build cannot be built from one version and recorded
    as the other.
    """

    events: bytes | InputError
    articles: list[bytes | InputError]


def read_inputs(options: BuildOptions) -> InputFiles:
    """Read the events file and every article once, each with its size limit."""
    from timeline.article import read_bytes as read_article
    from timeline.events import read_bytes as read_events

    def read(reader: Callable[[Path], bytes], path: Path) -> bytes | InputError:
        try:
            return reader(path)
        except InputError as exc:
            return exc

    return InputFiles(read(read_events, options.events_path),
                      [read(read_article, path) for path in options.article_paths])


def inputs_key(options: BuildOptions, inputs: InputFiles | None = None) -> str | None:
    """Hash everything a build's output depends on, without parsing any of it.

    The tool and library versions, the options, SOURCE_DATE_EPOCH, the plotly.js
    bundle that would be copied, the events file, every article (its name,
    which gives its id and default title, and its content), and every
    template and asset. None when an input cannot be read: then the real
    build runs and reports it.
    """
    import hashlib
    import os

    from timeline import __version__
    from timeline.mention import EXTRACTOR_VERSION
    from timeline.render import template_dirs
    from timeline.versions import installed_version

    inputs = inputs or read_inputs(options)
    h = hashlib.sha256()

    def part(label: str, data: bytes) -> None:
        h.update(label.encode("utf-8", "surrogateescape") + b"\0"
                 + len(data).to_bytes(8, "big") + data)

    libraries = [f"{name}={installed_version(name)}" for name in OUTPUT_LIBRARIES]
    part("tool", f"timeline={__version__} extractor={EXTRACTOR_VERSION} "
                 f"{' '.join(libraries)}".encode())
    part("options", repr((options.default_lang, options.plotlyjs, options.plotly_bundle,
                          options.strict, os.environ.get("SOURCE_DATE_EPOCH", ""),
                          options.site_url)).encode())
    if options.listing_problems or isinstance(inputs.events, InputError) or any(
            isinstance(a, InputError) for a in inputs.articles):
        return None
    try:
        if options.plotlyjs == "local":
            from timeline.plotlyjs import load_bundle

            part("plotly.js", load_bundle(options.plotly_bundle).data)
        part(f"events {options.events_path}", inputs.events)
        for path, data in zip(options.article_paths, inputs.articles, strict=True):
            assert isinstance(data, bytes)
            part(f"article {path}", data)
        for folder in template_dirs(options.cwd):
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                part(f"template {path.relative_to(folder).as_posix()}", path.read_bytes())
    except (OSError, ValueError):
        return None
    return h.hexdigest()


def _template_problem(exc: BaseException) -> Problem | None:
    """Return a template's error (bad syntax, an access the sandbox refused) as a Problem.

    Templates are inputs too: an override in ./templates that does not
    parse, or reaches for Python's internals, is one line, status 2.
    """
    import jinja2
    import jinja2.sandbox

    if not isinstance(exc, jinja2.TemplateError):
        return None
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return Problem(f"template: {exc.message}", exc.filename or exc.name, exc.lineno)
    if isinstance(exc, jinja2.sandbox.SecurityError):
        return Problem(f"a template override was refused by Jinja's sandbox: {exc.message}",
                       "templates")
    return Problem(f"a template cannot be rendered: {exc.message or exc}", "templates")


def _import_rendering() -> None:
    """Import the rendering libraries while extraction runs.

    Done here, before the article-page workers are forked, the workers
    inherit them instead of each importing them again.
    """
    import jinja2  # noqa: F401


def site_files(settings: PageSettings, catalog: Catalog, articles: Sequence[Article],
               mentions: Mapping[str, Sequence[Mention]], timeline: Timeline, *,
               shown: Timeline, linked: Mapping[str, int],
               plotly_bundle: bytes | None = None,
               drawing_cache: Path | None = None, jobs: int = 1) -> dict[str, bytes]:
    """Render the site's assets, data files and pages from a merged timeline.

    Everything but an archive's article pages (start_article_pages): what the
    index shows (``shown``, the master timeline for several articles, from
    merge.LinkedArchive's aggregates) is chosen once, and every writer gets
    that same timeline. ``linked`` counts each article's linked mentions;
    the downloads are drawn in ``jobs`` processes.
    """
    from timeline.downloads import render_downloads
    from timeline.export import render_exports
    from timeline.render import asset_files, build_environment, render_pages
    from timeline.sharing import oembed_files

    files = asset_files(settings, plotly_bundle)
    files.update(render_exports(shown, catalog))
    downloads = render_downloads(shown, catalog, drawing_cache, jobs)
    files.update(downloads)
    files.update(oembed_files(catalog, shown, settings.default_lang))
    files.update(render_pages(build_environment(settings.dirs), settings, catalog, articles,
                              timeline, shown,
                              found={a.id: len(mentions.get(a.id, ())) for a in articles},
                              linked=linked, downloads=downloads))
    return files


def build_site(options: BuildOptions, progress: Stages | None = None,
               staging: Path | None = None, inputs: InputFiles | None = None) -> BuildResult:
    """Build the whole site in memory and return its files.

    ``progress(label, total)``, when given, is called as each long stage
    starts and returns the function to call with the units done. Given the
    ``staging`` folder of a site.Staging, an archive's article pages are
    rendered in worker processes that write them there (BuildResult.written).
    ``inputs`` are the input files as read_inputs read them (for the inputs
    key); they are read here otherwise.
    """
    from timeline.anchoring import resolve_all
    from timeline.article import load_article
    from timeline.batch import extract_all, frozen_heap
    from timeline.cache import MentionCache, user_cache_dir
    from timeline.events import load_events
    from timeline.plotlyjs import load_bundle as load_plotly_bundle
    from timeline.render import PageSettings, template_dirs
    from timeline.workers import start_article_pages

    inputs = inputs or read_inputs(options)
    fatal: list[Problem] = []
    skipped: list[Problem] = []
    catalog = None
    try:
        if isinstance(inputs.events, InputError):
            raise inputs.events
        catalog = load_events(options.events_path, data=inputs.events)
    except InputError as exc:
        fatal += exc.problems
    (fatal if options.strict else skipped).extend(options.listing_problems)
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for path, data in zip(options.article_paths, inputs.articles, strict=True):
        try:
            if isinstance(data, InputError):
                raise data
            article = load_article(path, data=data)
        except InputError as exc:
            (fatal if options.strict else skipped).extend(exc.problems)
            continue
        if article.id in seen:
            fatal.append(Problem(f"article id {article.id!r} is also the id of "
                                 f"{seen[article.id]}; rename one or set `id:` in its front "
                                 "matter", article.path))
            continue
        seen[article.id] = article.path
        articles.append(article)
    if skipped and not articles:
        # Nothing usable is left: that is a failed build, not a partial one.
        fatal, skipped = fatal + skipped, []
    if fatal or catalog is None:
        raise InputError(fatal)
    if options.site_url is not None:
        from timeline.sharing import checked_site_url, with_site_url

        catalog = with_site_url(catalog, checked_site_url(options.site_url))

    mentions, stats = extract_all(articles, jobs=options.jobs, scheduler=options.scheduler,
                                  cache=MentionCache(options.cache_dir),
                                  progress=progress("Extracting dates", len(articles))
                                  if progress else None,
                                  meanwhile=_import_rendering)
    # Event-anchored mentions ("43 years after de Gaulle pulled France out")
    # get their value from the catalog, after the cache, so that editing
    # events.yaml never makes a cache entry stale.
    mentions = resolve_all(mentions, catalog.events)
    linked = link_all(catalog, articles, mentions, options.scheduler)
    notes: list[str] = []
    bundle = None
    if options.plotlyjs == "local":
        try:
            loaded = load_plotly_bundle(options.plotly_bundle)
        except OSError as exc:  # no basic bundle for --plotly-bundle basic; an unreadable one
            raise InputError(f"plotly.js: {exc}") from None
        bundle = loaded.data
        notes.append(loaded.description)
    drawing_cache = user_cache_dir("downloads") if options.drawing_cache else None
    default_lang = options.default_lang or (catalog.site.languages[0] if catalog.site else "en")
    settings = PageSettings(dirs=tuple(template_dirs(options.cwd)), plotlyjs=options.plotlyjs,
                            default_lang=default_lang)
    # From here on, what is loaded lives until the build ends: out of the
    # collector's sight, and shared with the page workers forked below.
    with frozen_heap():
        article_pages = None
        if len(articles) > 1:
            # Each article's page needs only that article: start the workers on
            # them now, so they run while this process merges the whole archive.
            article_pages = start_article_pages(catalog, articles, mentions, linked.links(),
                                                settings,
                                                jobs=options.jobs, staging=staging,
                                                progress=progress("Rendering article pages",
                                                                  len(articles))
                                                if progress else None)
        try:
            timeline = linked.timeline()
            shown = linked.master(timeline)
            counts = linked.linked_counts()
            files = site_files(settings, catalog, articles, mentions, timeline,
                               plotly_bundle=bundle, shown=shown, linked=counts,
                               drawing_cache=drawing_cache, jobs=options.jobs)
            if article_pages is not None:
                files.update(article_pages.result())
        except BaseException as exc:
            if article_pages is not None:
                article_pages.cancel()
            problem = _template_problem(exc)
            if problem is not None:
                raise InputError(problem) from None
            raise
        return BuildResult(files=files, written=article_pages.written if article_pages else {},
                           skipped=skipped, notes=notes, articles=len(articles),
                           cached=stats.cached, items=len(shown.items),
                           mentions=sum(len(v) for v in mentions.values()),
                           links=sum(counts.values()))


def link_all(catalog: Catalog, articles: Sequence[Article],
             mentions: Mapping[str, Sequence[Mention]], scheduler: str | None) -> LinkedArchive:
    """Link every mention to the catalog: here in pandas, or on the Dask cluster."""
    if scheduler:
        from timeline.cluster import link_on_cluster

        return link_on_cluster(catalog, articles, mentions, scheduler)
    from timeline.merge import link_archive

    return link_archive(catalog, articles, mentions)
