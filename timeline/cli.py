"""The ``timeline`` command: a thin layer over the library.

Heavy modules (pandas, plotly, dateparser) are imported inside the commands
that need them, so ``timeline --help`` and ``timeline validate`` start at once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from timeline import __version__
from timeline.errors import InputError, TimelineError

DEFAULT_EVENTS = "events.yaml"
DEFAULT_ARTICLES = "articles"


class TimelineGroup(click.Group):
    """A group that turns the project's own errors into one message and status 2."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except TimelineError as exc:
            for line in str(exc).splitlines():
                click.echo(f"Error: {line}", err=True)
            ctx.exit(2)


@click.group(cls=TimelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
def main() -> None:
    """Turn news articles and curated history into interactive timelines."""


def _article_paths(articles: tuple[str, ...]) -> list[Path]:
    if articles:
        return [Path(a) for a in articles]
    folder = Path(DEFAULT_ARTICLES)
    found = sorted(folder.glob("*.txt")) + sorted(folder.glob("*.md"))
    if not found:
        raise InputError(f"no articles given and none found in {DEFAULT_ARTICLES}/")
    return found


@main.command()
@click.option("--events", "events_path", default=DEFAULT_EVENTS, show_default=True,
              type=click.Path(dir_okay=True), help="The curated events file (YAML).")
@click.option("--article", "articles", multiple=True, type=click.Path(),
              help="An article file with YAML front matter; repeat for several. "
                   f"Default: every .txt and .md file in {DEFAULT_ARTICLES}/.")
@click.option("--out", "out_dir", default="build", show_default=True, type=click.Path(),
              help="Output folder; replaced whole, and only if timeline made it.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of the root index.html; both languages are always built.")
@click.option("--plotlyjs", type=click.Choice(["local", "cdn"]), default="local",
              show_default=True,
              help="Copy plotly.js into build/assets/ (works offline) or load it from a CDN.")
def build(events_path: str, articles: tuple[str, ...], out_dir: str, lang: str,
          plotlyjs: str) -> None:
    """Build the static site: article dates + curated events -> interactive timeline."""
    from timeline.build import BuildOptions, build_site
    from timeline.site import check_output_folder, write_site

    # Refuse a bad --out before spending time on the build; write_site checks again.
    check_output_folder(Path(out_dir))
    options = BuildOptions(events_path=Path(events_path), article_paths=_article_paths(articles),
                           default_lang=lang, plotlyjs=plotlyjs)
    result = build_site(options)
    out = write_site(result.files, Path(out_dir))
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    click.echo(f"Built {len(result.files)} files in {out}/ — open {out / 'index.html'}")


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
              help="Publication date to anchor 'this week', 'yesterday'...; overrides the "
                   "front matter.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
              help="Language of the text; overrides the front matter (default: en).")
def extract(files: tuple[str, ...], fmt: str, published: str | None, lang: str | None) -> None:
    """List the date expressions found in article FILES with their TIMEX3 values."""
    from timeline.article import load_article
    from timeline.dates import parse_iso
    from timeline.extract import extract_mentions

    anchor = None
    if published is not None:
        try:
            span = parse_iso(published)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--published") from None
        anchor = span.first if span.precision == "day" else None
    rows = []
    for name in files:
        article = load_article(name)
        day = anchor
        if published is None and article.published and article.published.precision == "day":
            day = article.published.first
        for m in extract_mentions(article.body, published=day, lang=lang or article.language):
            rows.append({"file": name, "start": m.start, "end": m.end, "text": m.text,
                         "value": m.value, "sentence": m.sentence})
    if fmt == "jsonl":
        out = sys.stdout
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _print_table(rows)


def _print_table(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("file", "where", "text", "value", box=None, header_style="bold")
    for r in rows:
        table.add_row(Path(r["file"]).name, f"{r['start']}–{r['end']}", r["text"], r["value"])
    console = Console()
    console.print(table)
    console.print(f"{len(rows)} date mention(s)")
