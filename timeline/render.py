"""Render the site's pages and copy its assets, in memory, as bytes ready to write.

One Jinja environment is built here, with autoescaping on: every string from
an article or the events file reaches the page as text, never as markup. A
``templates/`` folder in the working directory overrides the packaged
templates file by file, the way a theme override works in mkdocs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.article_views import article_entry, article_order, article_view
from timeline.dates import LANGUAGES
from timeline.export import data_file
from timeline.site_words import page_words, published_address
from timeline.views import (
    EMBED_SCRIPT,
    ArticleRef,
    PageSet,
    chart_context,
    chart_view,
    embed_snippet,
    item_views,
    other_language,
)

if TYPE_CHECKING:
    import jinja2
    from markupsafe import Markup

    from timeline.article import Article
    from timeline.events import Catalog
    from timeline.model import Timeline

PACKAGE_DIR = Path(__file__).resolve().parent
ASSET_FILES = ("timeline.css", "present.css", "timeline.js", "present.js", "embed.js")
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
    """Create the one Jinja environment of a build.

    With a ``templates/`` folder of the working directory among ``dirs`` (an
    override), every template renders in Jinja's sandbox: templates are
    data someone else may have written (a downloaded project, a shared
    folder), and a plain environment lets ``{{ cycler.__init__.__globals__
    .os.system(...) }}`` run any command. The sandbox refuses such access
    (jinja2.exceptions.SecurityError, reported as one line) and renders the
    shipped templates to the same bytes, a little slower; the shipped
    templates alone are the package's own code and render unsandboxed.
    """
    import jinja2
    import jinja2.sandbox

    from timeline.text import inert

    sandboxed = any(Path(d).resolve() != packaged_templates().resolve() for d in dirs)
    environment = jinja2.sandbox.SandboxedEnvironment if sandboxed else jinja2.Environment
    env = environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        bytecode_cache=_bytecode_cache("templates-sandboxed" if sandboxed else "templates"),
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


def _bytecode_cache(name: str) -> jinja2.BytecodeCache | None:
    """Keep compiled templates between builds (a fifth of a small build is compiling them).

    Jinja keys each entry by the template's name and a checksum of its source,
    so an edited or overriding template is never served stale. No cache when
    the folder cannot be made.
    """
    import jinja2

    from timeline.cache import user_cache_dir

    # Sandboxed templates are kept apart: code compiled for one kind of
    # environment is never loaded by the other.
    folder = user_cache_dir(name)
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


def site_asset(dirs: Sequence[Path], name: str) -> bytes:
    """Return an asset as the site serves it: the script and stylesheet minified.

    The embed is what every reader of an article pays for, and much of these
    files is comments written for the people who maintain them (timeline.js
    36 KB -> 19 KB, timeline.css 12 KB -> 8 KB; the embed test holds the
    page and its script under 60 KiB). rJSmin and rCSSmin only drop comments
    and spaces, deterministically.
    """
    data = read_asset(dirs, name)
    if name.endswith(".js"):
        import rjsmin

        return rjsmin.jsmin(data.decode("utf-8")).encode("utf-8") + b"\n"
    if name.endswith(".css"):
        import rcssmin

        return rcssmin.cssmin(data.decode("utf-8")).encode("utf-8") + b"\n"
    return data


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
class PageSettings:
    """What rendering needs besides the timeline: plain, picklable data for page workers."""

    dirs: tuple[Path, ...]
    plotlyjs: str           # "local" (assets/plotly.min.js) or "cdn"
    default_lang: str       # the language of the pages at the site root


def plotly_src(root: str, plotlyjs: str) -> str:
    """Return where a page loads plotly.js from, given the way back to the site root."""
    return f"{root}{PLOTLY_ASSET}" if plotlyjs == "local" else \
        PLOTLY_CDN.format(version=plotly_version())


def plotly_integrity(plotlyjs: str) -> str:
    """Return the integrity a page checks plotly.js against: the CDN's pinned SRI, or ""."""
    if plotlyjs == "local":
        return ""  # a file of the site itself, served with the page
    from timeline.plotlyjs import cdn_integrity

    return cdn_integrity(plotly_version())


def asset_files(settings: PageSettings, plotly_bundle: bytes | None) -> dict[str, bytes]:
    """Return the shared assets: the site's style and script, and plotly.js when local.

    ``plotly_bundle`` defaults to the full bundle of the plotly package.
    """
    files = {f"assets/{name}": site_asset(settings.dirs, name) for name in ASSET_FILES}
    if settings.plotlyjs == "local":
        if plotly_bundle is None:
            from timeline.plotlyjs import load_bundle

            plotly_bundle = load_bundle("full").data
        files[PLOTLY_ASSET] = plotly_bundle
    return files


def article_page_path(article_id: str) -> str:
    """Return where an article's own page is written, relative to the site root."""
    return f"{ARTICLES_DIR}/{article_id}.html"


def render_pages(env: jinja2.Environment, settings: PageSettings, catalog: Catalog,
                 articles: Sequence[Article], timeline: Timeline, shown: Timeline, *,
                 found: Mapping[str, int], linked: Mapping[str, int],
                 downloads: Mapping[str, bytes] | None = None) -> dict[str, bytes]:
    """Render the site's own pages in every language; return relative path -> bytes.

    One article: its annotated text sits on the index page. Several (an
    archive): the index shows ``shown``, the master timeline, whose events
    link to the articles that mention them, and an articles page lists them
    all (``found`` and ``linked`` count each one's mentions). The pages of
    the articles themselves are render_article_page's. ``downloads`` are
    the drawn files (downloads.render_downloads), listed with their sizes.
    """
    from timeline.downloads import download_views
    from timeline.sharing import share_view

    master = len(articles) > 1
    css = site_asset(settings.dirs, "timeline.css")
    inline_css = style_element_text(css)
    pages = PAGES + (("articles",) if master else ())
    page_sets = [PageSet(lang, f"{lang}/", "../") for lang in LANGUAGES]
    page_sets.append(PageSet(settings.default_lang, "", ""))
    files: dict[str, bytes] = {}
    charts: dict[str, dict[str, Any]] = {}
    for ps in page_sets:
        lang = ps.lang
        if lang not in charts:
            charts[lang] = chart_view(catalog, shown, lang)
        refs = {a.id: ArticleRef(a.title, a.language,
                                 f"{ps.root}{article_page_path(a.id)}" if master else "")
                for a in articles}
        items = item_views(shown, catalog, lang, refs, master=master)
        base = {
            **chart_context(ps, catalog, shown, items, plotly_src(ps.root, settings.plotlyjs),
                            charts[lang]),
            "master": master,
            "articles": [] if master else [article_view(a, timeline, lang) for a in articles],
            "article_list": sorted((article_entry(a, refs[a.id].href, lang,
                                                  found.get(a.id, 0), linked.get(a.id, 0))
                                    for a in articles), key=article_order) if master else [],
            "plotly_integrity": plotly_integrity(settings.plotlyjs),
            "embed_code": embed_snippet(
                published_address(catalog, f"{ps.prefix}embed.html", "embed.html"),
                published_address(catalog, EMBED_SCRIPT, f"{ps.root}{EMBED_SCRIPT}"),
                page_words(catalog, lang)["embed_title"], charts[lang]["chart_height"]),
            "chart_svg_file": data_file("svg", lang),
            "downloads": download_views(dict(downloads or {}), lang),
            "timelinejs_file": data_file("timelinejs", lang),
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
                "share": share_view(catalog, lang, f"{ps.prefix}{page}.html", ps.root),
            }
            html_text = env.get_template(f"{page}.html").render(context)
            files[f"{ps.prefix}{page}.html"] = html_text.encode("utf-8")
    return files


def render_article_page(env: jinja2.Environment, settings: PageSettings, catalog: Catalog,
                        article: Article, own: Timeline) -> bytes:
    """Render one article's page, in the article's own language.

    ``own`` is the merge of that article alone with the catalog. An article
    is written in one language, so its page is too (one page per article,
    not one per interface language); its links lead back to the master
    timeline in that language.
    """
    from timeline.sharing import share_view

    lang = article.language if article.language in LANGUAGES else settings.default_lang
    ps = PageSet(lang, f"{ARTICLES_DIR}/", "../")
    refs = {article.id: ArticleRef(article.title, article.language, "")}
    items = item_views(own, catalog, lang, refs)
    home = f"{ps.root}{lang}/"
    context = {
        **chart_context(ps, catalog, own, items, plotly_src(ps.root, settings.plotlyjs)),
        "page": "article",
        "plotly_integrity": plotly_integrity(settings.plotlyjs),
        "master": False,
        "article": article_view(article, own, lang),
        "home": home,
        "other_url": None,
        "inline_css": None,
        "async_script": False,
        "alternates": [],
        "urls": {name: f"{home}{name}.html" for name in (*PAGES, "articles")},
        "share": share_view(catalog, lang, article_page_path(article.id), ps.root,
                            title=article.title),
    }
    return env.get_template("article.html").render(context).encode("utf-8")
