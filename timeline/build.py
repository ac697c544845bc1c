"""Gather everything a site needs, in memory: load, extract, merge, render.

Nothing here writes a file. Every input is read and checked before anything
is rendered, so a bad events file or article stops the build before the
output folder is touched (site.write_site is called only on success).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import InputError, Problem


@dataclass(frozen=True)
class BuildOptions:
    """What to build from, and how."""

    events_path: Path
    article_paths: Sequence[Path]
    default_lang: str = "en"
    plotlyjs: str = "local"
    cwd: Path | None = None


@dataclass
class BuildResult:
    """The rendered files, and what a person should hear about."""

    files: dict[str, bytes]
    warnings: list[str] = field(default_factory=list)
    items: int = 0
    mentions: int = 0
    links: int = 0


def build_site(options: BuildOptions) -> BuildResult:
    """Build the whole site in memory and return its files."""
    from timeline.article import load_article
    from timeline.events import load_events
    from timeline.extract import extract_mentions
    from timeline.merge import MENTIONS, build_timeline
    from timeline.render import render_site

    problems: list[Problem] = []
    catalog = None
    try:
        catalog = load_events(options.events_path)
    except InputError as exc:
        problems += exc.problems
    articles = []
    for path in options.article_paths:
        try:
            articles.append(load_article(path))
        except InputError as exc:
            problems += exc.problems
    seen: dict[str, str] = {}
    for a in articles:
        if a.id in seen:
            problems.append(Problem(f"article id {a.id!r} is also the id of {seen[a.id]}",
                                    a.path))
        seen[a.id] = a.path
    if problems or catalog is None:
        raise InputError(problems)

    mentions = {}
    for a in articles:
        day = a.published.first if a.published and a.published.precision == "day" else None
        mentions[a.id] = extract_mentions(a.body, published=day, lang=a.language)
    timeline = build_timeline(catalog, articles, mentions)
    files = render_site(catalog, articles, timeline, default_lang=options.default_lang,
                        plotlyjs=options.plotlyjs, cwd=options.cwd)
    links = sum(len(v) for v in timeline.items[MENTIONS])
    return BuildResult(files=files, items=len(timeline.items),
                       mentions=sum(len(v) for v in mentions.values()), links=links)
