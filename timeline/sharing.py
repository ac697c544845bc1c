"""What a shared link shows: social cards (Open Graph, Twitter) and oEmbed for CMSs.

Cards and oEmbed want absolute addresses; they are absolute when the site's
published address is known (the events file's ``site.url``, or ``timeline
build --site-url``), and relative otherwise (good for a preview, not for
the networks that fetch cards).
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from timeline.download_words import WORDS
from timeline.downloads import card_path
from timeline.errors import InputError
from timeline.i18n import STRINGS
from timeline.pictures import CARD_SIZE
from timeline.site_words import page_words, published_address, years_covered

if TYPE_CHECKING:
    from timeline.catalog import Catalog
    from timeline.model import Timeline

LOCALES = {"en": "en_GB", "fr": "fr_FR"}
OEMBED_FILE = "oembed.json"
OEMBED_WIDTH = 640


def checked_site_url(url: str) -> str:
    """Return ``--site-url`` as a folder's address ending in "/"; InputError when it is not one."""
    parts = urlsplit(url)
    if any(c.isspace() for c in url) or parts.scheme not in ("http", "https") \
            or not parts.netloc or parts.query or parts.fragment:
        raise InputError(f"--site-url: {url!r} is not the http(s) address of the site's "
                         "folder, such as https://example.org/timeline/")
    return url if url.endswith("/") else url + "/"


def with_site_url(catalog: Catalog, url: str | None) -> Catalog:
    """Return the catalog with its site's address set to ``url`` (``--site-url`` wins)."""
    from timeline.catalog import Site

    if url is None:
        return catalog
    site = catalog.site
    if site is None:  # no site block: the generic words, now with an address
        words = {lang: page_words(catalog, lang) for lang in STRINGS}
        site = Site(title={lang: w["site_title"] for lang, w in words.items()},
                    description={lang: w["intro"] for lang, w in words.items()})
    return dataclasses.replace(catalog, site=dataclasses.replace(site, url=url))


def site_base(catalog: Catalog) -> str:
    """Return the site's address ("https://…/"), or "" when it is not known."""
    return catalog.site.url if catalog.site is not None and catalog.site.url else ""


@dataclass(frozen=True)
class ShareView:
    """The card of a page, for base.html's <head>."""

    title: str
    description: str
    url: str             # the page's own address; "" when unknown
    image: str
    image_alt: str
    image_width: int
    image_height: int
    locale: str
    locale_alternates: tuple[str, ...]
    oembed: str


def share_view(catalog: Catalog, lang: str, page_path: str, root: str,
               title: str | None = None) -> ShareView:
    """Return the card of one page.

    ``page_path`` is the page's path in the site ("fr/index.html"), ``root``
    the way back from it to the site root ("../").
    """
    words = page_words(catalog, lang)
    base = site_base(catalog)
    at = base or root
    return ShareView(
        title=title or words["site_title"], description=words["intro"],
        url=f"{base}{page_path}" if base else "",
        image=f"{at}{card_path(lang)}",
        image_alt=WORDS[lang]["card_alt"].format(title=words["site_title"],
                                                 span=years_covered(catalog)),
        image_width=CARD_SIZE[0], image_height=CARD_SIZE[1], locale=LOCALES[lang],
        locale_alternates=tuple(LOCALES[code] for code in LOCALES if code != lang),
        oembed=f"{at}{lang}/{OEMBED_FILE}")


def render_oembed(catalog: Catalog, lang: str, prefix: str, snippet: str) -> bytes:
    """Return the oEmbed document (type rich) of the embed in ``lang``.

    ``snippet`` is the code the index offers to paste (views.embed_snippet):
    the oEmbed html is the same code, so a CMS embeds what a journalist
    would paste. Its height is the snippet's own.
    """
    words = page_words(catalog, lang)
    base = site_base(catalog)
    found = re.search(r'height="(\d+)"', snippet)
    document = {
        "version": "1.0",
        "type": "rich",
        "title": words["embed_title"],
        "provider_name": words["site_title"],
        "provider_url": f"{base}{prefix}index.html" if base else "",
        "html": snippet,
        "width": OEMBED_WIDTH,
        "height": int(found.group(1)) if found else 480,
        "thumbnail_url": f"{base}{card_path(lang)}" if base else card_path(lang),
        "thumbnail_width": CARD_SIZE[0],
        "thumbnail_height": CARD_SIZE[1],
    }
    if not base:
        del document["provider_url"]
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
            + "\n").encode("utf-8")


def oembed_files(catalog: Catalog, timeline: Timeline, default_lang: str) -> dict[str, bytes]:
    """Return oembed.json at the site root (default language) and in each language folder."""
    from timeline.chart import box_height, lanes
    from timeline.views import EMBED_SCRIPT, embed_snippet

    out = {}
    for lang, prefix in [(default_lang, ""), *((code, f"{code}/") for code in LOCALES)]:
        snippet = embed_snippet(
            published_address(catalog, f"{prefix}embed.html", "embed.html"),
            published_address(catalog, EMBED_SCRIPT, EMBED_SCRIPT),
            page_words(catalog, lang)["embed_title"],
            box_height(len(lanes(catalog, timeline, lang))))
        out[f"{prefix}{OEMBED_FILE}"] = render_oembed(catalog, lang, prefix, snippet)
    return out
