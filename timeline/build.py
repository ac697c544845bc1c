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

ARTICLE_SUFFIXES = (".txt", ".md")

# Progress of a build's long stages: called with a stage's label and size as it
# starts, it returns the function to call with each batch of units done.
Stages = Callable[[str, int], Callable[[int], None]]


@dataclass(frozen=True)
class BuildOptions:
    """What to build from, and how."""

    events_path: Path
    article_paths: Sequence[Path]
    default_lang: str = "en"
    plotlyjs: str = "local"
    plotly_bundle: str = "auto"     # plotlyjs.KINDS: the basic bundle when cached, or full
    cwd: Path | None = None
    jobs: int = 1
    scheduler: str | None = None
    cache_dir: Path | None = None
    strict: bool = False


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
    """Return the article files under ``folder``, in a stable order."""
    if not folder.is_dir():
        raise InputError("not a folder of articles", folder)
    return sorted(p for p in folder.rglob("*")
                  if p.suffix in ARTICLE_SUFFIXES and p.is_file() and not p.name.startswith("."))


# Libraries whose version can change what a build writes.
OUTPUT_LIBRARIES = ("dateparser", "jinja2", "markupsafe")


def inputs_key(options: BuildOptions) -> str | None:
    """Hash everything a build's output depends on, without parsing any of it.

    The tool and library versions, the options, SOURCE_DATE_EPOCH, the plotly.js
    bundle that would be copied, the events file, every article (by content),
    and every template and asset. None when an input cannot be read: then
    the real build runs and reports it.
    """
    import hashlib
    import os

    from timeline import __version__
    from timeline.article import MAX_ARTICLE_BYTES
    from timeline.events import MAX_EVENTS_BYTES
    from timeline.mention import EXTRACTOR_VERSION
    from timeline.readfile import read_at_most
    from timeline.render import template_dirs
    from timeline.versions import installed_version

    h = hashlib.sha256()

    def part(label: str, data: bytes) -> None:
        h.update(label.encode("utf-8") + b"\0" + len(data).to_bytes(8, "big") + data)

    def bounded(path: Path, limit: int) -> bytes:
        # The key is made before any input is checked, so an oversized file (a
        # 50 MB dump, /dev/zero) must not be read whole here: give no key and
        # let the loaders refuse it with their message.
        if path.stat().st_size > limit:
            raise ValueError(f"{path} is over {limit} bytes")
        data = read_at_most(path, limit)
        if len(data) > limit:
            raise ValueError(f"{path} is over {limit} bytes")
        return data

    libraries = [f"{name}={installed_version(name)}" for name in OUTPUT_LIBRARIES]
    part("tool", f"timeline={__version__} extractor={EXTRACTOR_VERSION} "
                 f"{' '.join(libraries)}".encode())
    part("options", repr((options.default_lang, options.plotlyjs, options.plotly_bundle,
                          options.strict, os.environ.get("SOURCE_DATE_EPOCH", ""))).encode())
    try:
        if options.plotlyjs == "local":
            from timeline.plotlyjs import load_bundle

            part("plotly.js", load_bundle(options.plotly_bundle).data)
        part("events", bounded(options.events_path, MAX_EVENTS_BYTES))
        for path in options.article_paths:
            part("article", bounded(path, MAX_ARTICLE_BYTES))
        for folder in template_dirs(options.cwd):
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                part(f"template {path.relative_to(folder).as_posix()}", path.read_bytes())
    except (OSError, ValueError):
        return None
    return h.hexdigest()


def _import_rendering() -> None:
    """Import the rendering libraries while extraction runs.

    Done here, before the article-page workers are forked, the workers
    inherit them instead of each importing them again.
    """
    import jinja2  # noqa: F401


def site_files(settings: PageSettings, catalog: Catalog, articles: Sequence[Article],
               mentions: Mapping[str, Sequence[Mention]], timeline: Timeline, *,
               plotly_bundle: bytes | None = None, shown: Timeline | None = None,
               linked: Mapping[str, int] | None = None) -> dict[str, bytes]:
    """Render the site's assets, data files and pages from a merged timeline.

    Everything but an archive's article pages (start_article_pages): what the
    index shows (``shown``, the master timeline for several articles, from
    merge.LinkedArchive's aggregates) is chosen once, and every writer gets
    that same timeline. ``linked`` counts each article's linked mentions.
    """
    from timeline.export import render_exports
    from timeline.merge import linked_counts, master
    from timeline.render import asset_files, build_environment, render_pages

    shown = shown if shown is not None else master(timeline, len(articles))
    linked = linked if linked is not None else linked_counts(timeline)
    files = asset_files(settings, plotly_bundle)
    files.update(render_exports(shown, catalog))
    files.update(render_pages(build_environment(settings.dirs), settings, catalog, articles,
                              timeline, shown,
                              found={a.id: len(mentions.get(a.id, ())) for a in articles},
                              linked=linked))
    return files


def build_site(options: BuildOptions, progress: Stages | None = None,
               staging: Path | None = None) -> BuildResult:
    """Build the whole site in memory and return its files.

    ``progress(label, total)``, when given, is called as each long stage
    starts and returns the function to call with the units done. Given the
    ``staging`` folder of a site.Staging, an archive's article pages are
    rendered in worker processes that write them there (BuildResult.written).
    """
    from timeline.anchoring import resolve_all
    from timeline.article import load_article
    from timeline.batch import extract_all, frozen_heap
    from timeline.cache import MentionCache
    from timeline.events import load_events
    from timeline.plotlyjs import load_bundle as load_plotly_bundle
    from timeline.render import PageSettings, template_dirs
    from timeline.workers import start_article_pages

    fatal: list[Problem] = []
    skipped: list[Problem] = []
    catalog = None
    try:
        catalog = load_events(options.events_path)
    except InputError as exc:
        fatal += exc.problems
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for path in options.article_paths:
        try:
            article = load_article(path)
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
        except FileNotFoundError as exc:
            raise InputError(f"plotly.js: {exc}") from None
        bundle = loaded.data
        notes.append(loaded.description)
    settings = PageSettings(dirs=tuple(template_dirs(options.cwd)), plotlyjs=options.plotlyjs,
                            default_lang=options.default_lang)
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
                               plotly_bundle=bundle, shown=shown, linked=counts)
            if article_pages is not None:
                files.update(article_pages.result())
        except BaseException:
            if article_pages is not None:
                article_pages.cancel()
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
