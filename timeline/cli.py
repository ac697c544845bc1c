"""The ``timeline`` command: a thin layer over the library.

Heavy modules (pandas, plotly, dateparser) are imported inside the commands
that need them, so ``timeline --help`` and ``timeline validate`` start at once.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from timeline import __version__
from timeline.errors import InputError, OutputError, TimelineError

if TYPE_CHECKING:
    from timeline.archive import ArchiveListing

DEFAULT_EVENTS = "events.yaml"
# What `timeline extract` reads (timeline.extract.pipeline.FOREIGN after en, fr),
# written out so that --help never imports the extractor.
EXTRACT_LANGUAGES = ("en", "fr", "de", "es", "it", "pl", "nl")
DEFAULT_ARTICLES = "articles"


class TimelineGroup(click.Group):
    """A group that turns the project's own errors into one message and status 2."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except TimelineError as exc:
            from timeline.text import printable

            # One line per problem; a message is never split where a file
            # name or a value holds a newline (text.printable escapes it).
            lines = ([str(p) for p in exc.problems] if isinstance(exc, InputError)
                     else [printable(str(exc))])
            for line in lines:
                click.echo(f"Error: {line}", err=True)
            ctx.exit(2)


@click.group(cls=TimelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
def main() -> None:
    """Turn news articles and curated history into interactive timelines."""


def run() -> None:
    """The `timeline` command (and ``python -m timeline``): the CLI, then a quick exit."""
    # As the process ends, the interpreter runs one last full garbage
    # collection over every object the command made, and finds nothing worth
    # freeing; frozen objects are skipped (benchmarks/heap.py measures the
    # difference). Every file is written and closed by then, and worker pools
    # are shut down (their exit hooks run first).
    atexit.register(gc.freeze)
    main()


def _article_paths(articles: tuple[str, ...], folders: tuple[str, ...]) -> ArchiveListing:
    """Return the articles to build (archive.ArchiveListing): given, and found in folders."""
    from timeline.archive import ArchiveListing, list_articles

    listing = ArchiveListing(paths=[Path(a) for a in articles])
    default = not (articles or folders)
    if default:
        folders = (DEFAULT_ARTICLES,) if Path(DEFAULT_ARTICLES).is_dir() else ()
    for folder in folders:
        found = list_articles(Path(folder))
        listing.paths += found.paths
        listing.left_out += found.left_out
        listing.problems += found.problems
    if default and not listing.paths and not listing.problems:
        raise InputError(f"no articles given and none found in {DEFAULT_ARTICLES}/")
    return listing


# Exit status when the site was built but some articles had to be left out.
EXIT_SKIPPED = 3


def _scheduler_address(ctx: click.Context, param: click.Parameter,
                       value: str | None) -> str | None:
    if value is None:
        return None
    from timeline.batch import check_scheduler_address

    try:
        return check_scheduler_address(value)
    except ValueError as exc:
        raise TimelineError(f"--scheduler: {exc}") from None


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into SystemExit for the block, so a stopped build removes its staging folder.

    Python's default for SIGTERM ends the process on the spot, cleaning
    nothing up; SIGKILL cannot be caught, and the next build removes what it
    left (site.remove_leftovers). Only the main thread can set a handler.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    except BaseException:
        # The signal may have come before the staging folder's own `with`
        # began (or while it was being made): remove it here.
        from timeline.site import discard_unfinished

        discard_unfinished()
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)


# The options that say what to build from and how: `timeline build` and
# `timeline serve` take the same ones.
_INPUT_OPTIONS = (
    click.option("--events", "events_path", default=DEFAULT_EVENTS, show_default=True,
                 type=click.Path(), help="The curated events file (YAML)."),
    click.option("--article", "articles", multiple=True, type=click.Path(),
                 help="An article file with YAML front matter; repeat for several. "
                      f"Default: every .txt and .md file in {DEFAULT_ARTICLES}/."),
    click.option("--articles", "folders", multiple=True, type=click.Path(),
                 help="A folder of articles (.txt, .md, searched recursively); repeatable."),
    click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
                 help="Language of the root pages; both languages are always built. "
                      "Default: the first of the site block's languages, else en."),
    click.option("--plotlyjs", type=click.Choice(["local", "cdn"]), default="local",
                 show_default=True,
                 help="Copy plotly.js into the site's assets/ (works offline) or load it "
                      "from a CDN."),
    click.option("--plotly-bundle", type=click.Choice(["auto", "basic", "full"]),
                 default="auto", show_default=True,
                 help="Which plotly.js to copy: the 1.2 MB basic bundle that `timeline "
                      "fetch-plotly` caches (auto: when it is there), or the full 4.8 MB one."),
    click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                 help="Processes for date extraction and article pages. Default: the cores "
                      "available."),
    click.option("--scheduler", default=None, metavar="ADDRESS", callback=_scheduler_address,
                 help="Run extraction on an existing Dask cluster (e.g. tcp://host:8786)."),
    click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
                 help="Where extraction results are cached. Default: "
                      "$XDG_CACHE_HOME/timeline/mentions."),
    click.option("--no-cache", is_flag=True,
                 help="Extract every article and draw every download again; use no cache."),
    click.option("--site-url", default=None, metavar="URL",
                 help="The site's published address (https://example.org/timeline/): makes "
                      "social cards, oEmbed and the embed code absolute. Default: the events "
                      "file's site.url."),
    click.option("--strict", is_flag=True,
                 help=f"Fail (status 2) on any bad article instead of skipping it (status "
                      f"{EXIT_SKIPPED})."),
)


def _input_options(command):  # type: ignore[no-untyped-def]
    """Add the shared build options to a command, in the order --help lists them."""
    for option in reversed(_INPUT_OPTIONS):
        command = option(command)
    return command


def _build_options(events_path: str, articles: tuple[str, ...], folders: tuple[str, ...],
                   lang: str | None, plotlyjs: str, plotly_bundle: str, jobs: int | None,
                   scheduler: str | None, cache_dir: str | None, no_cache: bool,
                   site_url: str | None, strict: bool):  # type: ignore[no-untyped-def]
    """Return the BuildOptions the shared options describe (articles found now)."""
    from timeline.batch import available_cores
    from timeline.build import BuildOptions
    from timeline.cache import default_cache_dir

    listing = _article_paths(articles, folders)
    for left_out in listing.left_out:
        click.echo(f"Left out: {left_out}", err=True)
    cache = None if no_cache else Path(cache_dir) if cache_dir else default_cache_dir()
    return BuildOptions(events_path=Path(events_path), article_paths=listing.paths,
                        listing_problems=tuple(listing.problems), default_lang=lang,
                        plotlyjs=plotlyjs, plotly_bundle=plotly_bundle,
                        jobs=jobs or available_cores(), scheduler=scheduler,
                        cache_dir=cache, strict=strict, site_url=site_url,
                        drawing_cache=not no_cache)


@main.command()
@_input_options
@click.option("--out", "out_dir", default="build", show_default=True, type=click.Path(),
              help="Output folder; replaced whole, and only if timeline made it.")
@click.option("--force", is_flag=True,
              help="Build even when the output is up to date with every input.")
def build(events_path: str, articles: tuple[str, ...], folders: tuple[str, ...], out_dir: str,
          lang: str | None, plotlyjs: str, plotly_bundle: str, jobs: int | None,
          scheduler: str | None, cache_dir: str | None, no_cache: bool, force: bool,
          site_url: str | None, strict: bool) -> None:
    """Build the static site: article dates + curated events -> interactive timeline."""
    from timeline.build import build_site, inputs_key, read_inputs
    from timeline.site import Staging, check_output_folder, up_to_date

    # Refuse a bad --out before spending time on the build; Staging checks again.
    out = Path(out_dir)
    check_output_folder(out)
    options = _build_options(events_path, articles, folders, lang, plotlyjs, plotly_bundle,
                             jobs, scheduler, cache_dir, no_cache, site_url, strict)
    paths = options.article_paths
    # Like make: when the last complete build used exactly these inputs and its
    # files are intact, there is nothing to do.
    # Every input is read once, here: hashed for the key, then parsed from
    # the same bytes.
    inputs = read_inputs(options)
    key = inputs_key(options, inputs)
    if key and not force and (count := up_to_date(out, key)) is not None:
        click.echo(f"Up to date: the {count} files in {out}/ were built from these very "
                   f"inputs (--force rebuilds) — open {out / 'index.html'}")
        return
    with _stop_on_sigterm(), Staging(out) as staging, _progress(len(paths)) as stages:
        try:
            result = build_site(options, progress=stages, staging=staging.path, inputs=inputs)
        except OutputError as exc:  # a page the workers could not write: name the site
            raise OutputError(f"{out}: {exc}") from None
        count = staging.commit(result.files, result.written,
                               inputs_key=None if result.skipped else key)
    for problem in result.skipped:
        click.echo(f"Skipped: {problem}", err=True)
    for note in result.notes:
        if note.startswith("warning:"):
            click.echo(note, err=True)
    click.echo(f"{result.articles} article(s) ({result.cached} from cache), "
               f"{result.mentions} date mention(s), {result.links} linked to events, "
               f"{result.items} timeline items"
               + (f", {len(result.skipped)} problem(s) in skipped articles"
                  if result.skipped else ""))
    click.echo(f"Built {count} files in {out}/ — open {out / 'index.html'}")
    if result.skipped:
        sys.exit(EXIT_SKIPPED)


class _progress:
    """A rich progress bar on a terminal for builds of many articles; silent otherwise."""

    THRESHOLD = 20

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if self.total < self.THRESHOLD or not sys.stderr.isatty():
            return None
        from rich.console import Console
        from rich.progress import Progress

        bar = self.bar = Progress(transient=True, console=Console(stderr=True))
        bar.start()

        def stage(label: str, total: int):  # type: ignore[no-untyped-def]
            task = bar.add_task(label, total=total)
            return lambda n: bar.advance(task, n)
        return stage

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@main.command()
@click.option("--port", type=int, default=8000, show_default=True,
              help="The port to serve on; 0 picks a free one.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to serve on; the default is reachable from this machine only.")
@_input_options
def serve(port: int, host: str, events_path: str, articles: tuple[str, ...],
          folders: tuple[str, ...], lang: str | None, plotlyjs: str, plotly_bundle: str,
          jobs: int | None, scheduler: str | None, cache_dir: str | None, no_cache: bool,
          site_url: str | None, strict: bool) -> None:
    """Build into a private folder, serve it, and rebuild and reload on every change."""
    from timeline.render import template_dirs
    from timeline.serve import serve as serve_site
    from timeline.serve import watched

    def options():  # type: ignore[no-untyped-def]
        # Again at every build: a new article in a watched folder joins the site.
        return _build_options(events_path, articles, folders, lang, plotlyjs, plotly_bundle,
                              jobs, scheduler, cache_dir, no_cache, site_url, strict)

    default_folder = () if articles or folders else (DEFAULT_ARTICLES,)
    watch_dirs, relevant = watched(Path(events_path), [Path(a) for a in articles],
                                   [Path(f) for f in (*folders, *default_folder)],
                                   template_dirs())
    serve_site(options, host=host, port=port, plotlyjs=plotlyjs, watch_dirs=watch_dirs,
               relevant=relevant, echo=lambda line: click.echo(line, err=line.startswith(
                   ("Error:", "Skipped:"))))


@main.command()
@click.argument("directory", type=click.Path())
def new(directory: str) -> None:
    """Start a project in DIRECTORY: events file, example article, README; it builds at once."""
    from timeline.starter import write_starter

    written = write_starter(Path(directory))
    for path in written:
        click.echo(f"  {path}")
    click.echo(f"Created {directory}/. Next: cd {directory} && timeline build "
               "(or timeline serve); README.md says what to edit.")


@main.command()
@click.argument("path", default=DEFAULT_EVENTS, type=click.Path())
def validate(path: str) -> None:
    """Check an events file and report every problem as file:line:column."""
    from timeline.events import load_events

    catalog = load_events(Path(path))
    click.echo(f"{path}: OK, {len(catalog.events)} events, {len(catalog.eras)} eras")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True, help="table for people; json or jsonl (one object a line) "
                                      "for programs.")
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="Publication date (YYYY-MM-DD, YYYY-MM or YYYY) to anchor 'this week', "
                   "'yesterday', 'le 19 janvier'...; overrides the front matter.")
@click.option("--lang", type=click.Choice(EXTRACT_LANGUAGES), default=None,
              help="Language of the text; overrides the front matter (default: en). en and "
                   "fr have every rule; de, es, it, pl and nl absolute dates only.")
@click.option("--events", "events_path", type=click.Path(), default=None,
              help="Curated events that anchor '43 years after de Gaulle pulled France "
                   "out'. Default: ./events.yaml when it exists.")
def extract(files: tuple[str, ...], fmt: str, published: str | None, lang: str | None,
            events_path: str | None) -> None:
    """List the date expressions found in article FILES with their TIMEX3 values."""
    from timeline.anchoring import resolve_anchored
    from timeline.article import load_article
    from timeline.dates import parse_iso
    from timeline.extract import extract_mentions

    anchor = None
    if published is not None:
        try:
            anchor = parse_iso(published)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--published") from None
    events = None
    if events_path is None and Path(DEFAULT_EVENTS).is_file():
        events_path = DEFAULT_EVENTS
    if events_path is not None:
        from timeline.events import load_events

        events = load_events(events_path).events
    rows = []
    for name in files:
        article = load_article(name, languages=EXTRACT_LANGUAGES)
        span = anchor if published is not None else article.published
        found = extract_mentions(article.body, published=span.first if span else None,
                                 precision=span.precision if span else "day",
                                 lang=lang or article.language)
        for m in resolve_anchored(found, events, keep_unknown=True):
            row = {"file": name, "start": m.start, "end": m.end, "text": m.text,
                   "value": m.value, "sentence": m.sentence}
            if m.event:
                row["event"] = m.event
            rows.append(row)
    if fmt == "jsonl":
        _write_utf8("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    elif fmt == "json":
        _write_utf8(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        # For people: on a terminal that cannot show a character (LANG=C,
        # a Latin-1 console), an escape instead of a crash.
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="backslashreplace")
        _print_table(rows)


def _write_utf8(text: str) -> None:
    """Write JSON as UTF-8 (RFC 8259), whatever the locale says stdout's encoding is."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (some test runners): it takes str
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _print_table(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    # The column naming the curated event a value was counted from, only when one was.
    anchored = any("event" in r for r in rows)
    table = Table("file", "where", "text", "value", *(["counted from"] if anchored else []),
                  box=None, header_style="bold")
    for r in rows:
        table.add_row(Path(r["file"]).name, f"{r['start']}–{r['end']}", r["text"], r["value"],
                      *([r.get("event", "")] if anchored else []))
    console = Console()
    console.print(table)
    console.print(f"{len(rows)} date mention(s)")


@main.command("fetch-plotly")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Where to keep the bundle. Default: $TIMELINE_PLOTLY_CACHE or "
                   "$XDG_CACHE_HOME/timeline/plotly.")
@click.option("--check", is_flag=True, help="Only report which bundle a build would use.")
def fetch_plotly(cache_dir: str | None, check: bool) -> None:
    """Fetch plotly.js's basic bundle (1.2 MB, not 4.8) from npm into a cache; check SHA-256."""
    from timeline import plotlyjs

    folder = Path(cache_dir) if cache_dir else None
    if not check:
        try:
            plotlyjs.fetch_basic(folder)
        except RuntimeError as exc:
            raise TimelineError(str(exc)) from None
        except OSError as exc:  # a cache folder that cannot be written
            raise TimelineError(f"{exc.filename or folder}: cannot write the bundle there "
                                f"({exc.strerror or exc})") from None
    bundle = plotlyjs.load_bundle("auto", folder)
    click.echo(bundle.description)
    if check and not bundle.is_basic:
        sys.exit(1)
