"""Check the ``site:`` block of an events file: what the site is called and where it lives.

Kept beside events_checker (which walks the rest of the file and lends its
helpers) because the block describes the site, not the history.
"""

from __future__ import annotations

from typing import Protocol
from urllib.parse import urlsplit

from timeline.catalog import Site
from timeline.dates import LANGUAGES
from timeline.yamlsource import MappingNode, Node, ScalarNode, SequenceNode, kind


class EventsChecker(Protocol):
    """What this block borrows from events_checker.EventsChecker (which calls check_site)."""

    def problem(self, node: Node, message: str) -> None: ...
    def fields(self, node: MappingNode, what: str, allowed: tuple[str, ...],
               required: tuple[str, ...]) -> dict[str, Node]: ...
    def mapping(self, node: Node, message: str) -> MappingNode | None: ...
    def text(self, node: Node, name: str) -> str | None: ...
    def languages(self, node: Node, name: str) -> dict[str, str] | None: ...

SITE_KEYS = ("title", "description", "short_title", "url", "languages")
SITE_REQUIRED = ("title", "description")


def check_site(checker: EventsChecker, node: Node | None) -> Site | None:
    """Return the site the block describes, or None when it is absent or wrong (reported)."""
    if node is None:
        return None
    m = checker.mapping(node, "site must be a mapping with title and description")
    if m is None:
        return None
    f = checker.fields(m, "site", SITE_KEYS, SITE_REQUIRED)
    title = checker.languages(f["title"], "site title") if "title" in f else None
    description = (checker.languages(f["description"], "site description")
                   if "description" in f else None)
    short_title = (checker.languages(f["short_title"], "short_title")
                   if "short_title" in f else None)
    url = _url(checker, f["url"]) if "url" in f else None
    languages = _languages(checker, f["languages"]) if "languages" in f else LANGUAGES
    if title is None or description is None or languages is None \
            or ("short_title" in f and short_title is None) or ("url" in f and url is None):
        return None
    return Site(title, description, short_title, url, languages)


def _url(checker: EventsChecker, node: Node) -> str | None:
    url = checker.text(node, "url")
    if url is None:
        return None
    parts = urlsplit(url)
    if any(c.isspace() for c in url) or parts.scheme not in ("http", "https") \
            or not parts.netloc or parts.query or parts.fragment:
        checker.problem(node, f"url {url!r} is not the http(s) address of the site's folder, "
                              "such as https://example.org/timeline/")
        return None
    # The pages are files in that folder: the address is a folder's, with its slash.
    return url if url.endswith("/") else url + "/"


def _languages(checker: EventsChecker, node: Node) -> tuple[str, ...] | None:
    """Return the site's languages in order (the first is the root pages' language)."""
    if not isinstance(node, SequenceNode):
        checker.problem(node, f"languages must be a list such as [en, fr], not {kind(node)}")
        return None
    found: list[str] = []
    for item in node.value:
        code = checker.text(item, "language") if isinstance(item, ScalarNode) else None
        if code is None:
            if not isinstance(item, ScalarNode):
                checker.problem(item, f"a language must be a code such as en, not {kind(item)}")
            return None
        if code not in LANGUAGES:
            checker.problem(item, f"unknown language {code!r}; allowed: " + ", ".join(LANGUAGES))
            return None
        if code in found:
            checker.problem(item, f"language {code!r} is listed twice")
            return None
        found.append(code)
    missing = [code for code in LANGUAGES if code not in found]
    if missing:
        # Every page, export and label is made in each language; a site in
        # fewer languages would need its own templates.
        checker.problem(node, "languages must list " + " and ".join(LANGUAGES) + " (every "
                              "page is built in each); missing: " + ", ".join(missing))
        return None
    return tuple(found)
