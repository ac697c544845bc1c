"""The words a page says about its own site, from the site block of events.yaml.

i18n.py holds the interface's words and the phrases that frame the site's
("{subject}: an interactive timeline"); the title, the description and the
years the history covers come from the events file. page_words() returns
both as one table, so the templates keep reading ``t.site_title`` and
``t.embed_title`` whatever history the file tells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.i18n import STRINGS

if TYPE_CHECKING:
    from timeline.catalog import Catalog

# The words of i18n.STRINGS that page_words() fills in from the data.
SITE_KEYS = ("site_title", "intro", "chart_label", "embed_title", "master_intro",
             "timeline_title", "chart_svg_desc")


def years_covered(catalog: Catalog) -> str:
    """Return the years the events and eras cover: "1949–2026", or "1966" for one year."""
    spans = [e.date for e in catalog.events] + [e.end for e in catalog.events if e.end]
    spans += [era.start for era in catalog.eras] + [era.end for era in catalog.eras]
    if not spans:
        return ""
    first = min(s.first for s in spans).year
    last = max(s.last for s in spans).year
    return str(first) if first == last else f"{first}–{last}"


def page_words(catalog: Catalog, lang: str) -> dict[str, str]:
    """Return the interface's words in ``lang`` with the site's own title and description."""
    words = STRINGS[lang]
    site = catalog.site
    span = years_covered(catalog)
    if site is None:
        title = words["default_title"]
        description = words["default_description"].format(count=len(catalog.events), span=span)
        subject = title
    else:
        title, description, subject = site.title[lang], site.description[lang], \
            site.subject(lang)
    # A short title frames well ("France and NATO: an interactive timeline");
    # a full title is used as it is.
    has_short = site is not None and site.short_title is not None
    return {
        **words,
        "site_title": title,
        "intro": description,
        "chart_label": words["pattern_chart_label"].format(subject=subject, span=span),
        "embed_title": words["pattern_embed_title"].format(subject=subject)
        if has_short else title,
        # The template counts the articles: {n} stays for it to fill.
        "master_intro": words["pattern_master_intro"].format(description=description, n="{n}"),
        "timeline_title": f"{subject}, {span}",
        "chart_svg_desc": words["pattern_chart_svg_desc"].format(subject=subject, span=span),
        **({"embed_address_note": words["embed_address_given"]}
           if site is not None and site.url else {}),
    }


def published_address(catalog: Catalog, path: str, relative: str) -> str:
    """Return a file's address for code pasted elsewhere (the embed's iframe and script).

    Absolute under the site's url when the events file gives one; else
    ``relative``, the address from the page that shows the code (which the
    page makes absolute itself when it is served over http(s)).
    """
    site = catalog.site
    return f"{site.url}{path}" if site is not None and site.url else relative
