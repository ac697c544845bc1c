"""The element ids a page gives itself, which no id from the data may take.

Each timeline item is an element whose id is its event's id (the stable
``#<event-id>`` anchors), on pages that also have elements of their own
(classroom mode's buttons, the embed snippet, the chart's holder) found by
those ids. An event named ``present-next`` would take the Next button's
place, so such ids are refused where the events file is checked, at their
``file:line:column``. Ids the pages build from data have a prefix of their
own (``era-<id>``, ``article-<id>``, ``mention-<article>-<offset>``,
``date-<value>`` for dates no event explains, ``tl-`` inside the chart's
picture) or the suffix ``-title``; an event id may start or end with none.
tests/test_pageids.py checks that every literal id in the templates and the
script is listed here.
"""

from __future__ import annotations

PAGE_IDS = frozenset({
    "articles", "chart-caption", "chart-heading", "chart-help", "copy-embed", "copy-status",
    "downloads", "downloads-heading", "embed", "embed-caption", "embed-code", "embed-full",
    "embed-heading", "embed-hint", "embed-note", "events", "events-heading", "nav-articles",
    "nav-present", "present", "present-bar", "present-chart", "present-chart-toggle",
    "present-controls", "present-count",
    "present-exit", "present-fullscreen", "present-help", "present-more", "present-next",
    "present-prev", "present-stage", "present-status", "sources", "sources-heading", "steps",
    "timeline-chart", "timeline-figure", "timeline-words",
})
DATA_PREFIXES = ("article-", "date-", "era-", "mention-", "tl-")
DATA_SUFFIXES = ("-title",)


def reserved_id_problem(value: str) -> str | None:
    """Return why ``value`` cannot be an event's id on a page, or None when it can."""
    if value in PAGE_IDS:
        return f"id {value!r} is the id of an element of the pages themselves; choose another"
    prefix = next((p for p in DATA_PREFIXES if value.startswith(p)), None)
    if prefix:
        return (f"id {value!r} starts with {prefix!r}, which the pages keep for ids of their "
                "own; choose another")
    suffix = next((s for s in DATA_SUFFIXES if value.endswith(s)), None)
    if suffix:
        return (f"id {value!r} ends with {suffix!r}, which the pages keep for ids of their "
                "own; choose another")
    return None
