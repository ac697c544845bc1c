"""Export the merged timeline as data: CSV, JSON, TimelineJS3 JSON, iCalendar and SVG.

Each function returns text; site.py writes it. Every export keeps the
precision of its dates: a year stays a year (a TimelineJS date with only a
year, an all-day iCalendar event spanning the whole year).
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from timeline.dates import DateSpan
from timeline.i18n import STRINGS
from timeline.site_words import page_words
from timeline.text import is_web_url, neutralise_bidi

if TYPE_CHECKING:
    from timeline.events import Catalog
    from timeline.model import Item, Timeline

CSV_COLUMNS = ("id", "date", "end", "precision", "first_day", "last_day", "title_en", "title_fr",
               "summary_en", "summary_fr", "category", "origin", "mentions", "quotes",
               "source_urls")
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def defuse_cell(value: Any) -> str:
    """Return a CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else neutralise_bidi(str(value))
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _html(text: str) -> str:
    """Escape text for TimelineJS, which shows its text fields as HTML."""
    return html.escape(neutralise_bidi(text))


def _dumps(data: dict[str, Any]) -> str:
    """Write a JSON object with each entry of its lists on a line of its own.

    A diff of two builds then shows which items changed, as indented JSON
    would, but every line is made by json's C encoder: ``indent=`` falls back
    to the pure-Python one, which took seconds on an archive's 40,000 mentions.
    """
    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    fields = []
    for key in sorted(data):
        value = data[key]
        if isinstance(value, list) and value:
            body = ",\n    ".join(one(entry) for entry in value)
            fields.append(f"  {one(key)}: [\n    {body}\n  ]")
        else:
            fields.append(f"  {one(key)}: {one(value)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


def render_csv(timeline: Timeline) -> str:
    """Return the items as RFC 4180 CSV, safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for i in timeline.items:
        row = [i.id, i.span.value, i.end.value if i.end else "", i.span.precision,
               i.first.isoformat(), i.last.isoformat(), i.title.get("en", ""),
               i.title.get("fr", ""), i.summary.get("en", ""), i.summary.get("fr", ""),
               i.category, i.origin, len(i.mentions),
               " | ".join(ref.sentence for ref in i.mentions),
               " ".join(s.url for s in i.sources if s.url)]
        writer.writerow([defuse_cell(v) for v in row])
    return out.getvalue()


def render_json(timeline: Timeline, catalog: Catalog) -> str:
    """Return the whole timeline (items, unplotted mentions, eras, categories) as JSON."""
    items = []
    for i in timeline.items:
        items.append({
            "id": i.id, "date": i.span.value, "end": i.end.value if i.end else None,
            "precision": i.span.precision, "first_day": i.first.isoformat(),
            "last_day": i.last.isoformat(), "title": dict(i.title), "summary": dict(i.summary),
            "category": i.category, "importance": i.importance, "origin": i.origin,
            "mentions": [ref.record() for ref in i.mentions],
            "sources": [s.record() for s in i.sources],
            "date_label": {lang: i.date_label(lang) for lang in ("en", "fr")},
        })
    data = {
        "format": "timeline/1",
        "categories": [{"id": c.id, "label": c.label} for c in catalog.categories],
        "eras": [{"id": e.id, "start": e.start.value, "end": e.end.value, "label": e.label}
                 for e in catalog.eras],
        "items": items,
        "unplotted": [u.record() for u in timeline.unplotted],
    }
    return _dumps(data)


def _tljs_date(span: DateSpan, *, last: bool = False) -> dict[str, Any]:
    day = span.last if last else span.first
    if span.precision == "year":
        return {"year": day.year}
    if span.precision == "month":
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def render_timelinejs(timeline: Timeline, catalog: Catalog, lang: str = "en") -> str:
    """Return Knight Lab TimelineJS3 JSON for the same timeline.

    TimelineJS shows ``text`` fields as HTML, so every string is escaped. Dates
    keep their precision; spans TimelineJS has no word for (a week, a decade)
    become a start and end day with the honest label as ``display_date``.
    """
    labels = {c.id: c.label[lang] for c in catalog.categories}
    events = []
    for i in timeline.items:
        event: dict[str, Any] = {
            "unique_id": i.id,
            "start_date": _tljs_date(i.span),
            "text": {"headline": _html(i.title_in(lang)), "text": _tljs_body(i, lang)},
            "group": _html(labels.get(i.category, i.category)),
            "display_date": _html(i.date_label(lang)),
        }
        if i.end is not None:
            event["end_date"] = _tljs_date(i.end, last=True)
        elif i.span.precision not in ("year", "month", "day"):
            event["end_date"] = _tljs_date(i.span, last=True)
        events.append(event)
    eras = [{"start_date": _tljs_date(e.start), "end_date": _tljs_date(e.end, last=True),
             "text": {"headline": _html(e.label[lang])}} for e in catalog.eras]
    title = page_words(catalog, lang)["timeline_title"]
    return _dumps({"title": {"text": {"headline": _html(title), "text": ""}},
                   "events": events, "eras": eras, "scale": "human"})


# Quotes on one TimelineJS slide; the rest are counted (an event of an
# archive can be quoted by hundreds of articles, which no slide can show).
TIMELINEJS_QUOTES = 3


def _tljs_body(item: Item, lang: str) -> str:
    parts = [f"<p>{_html(item.summary_in(lang))}</p>"]
    quotes = item.mentions
    for ref in quotes[:TIMELINEJS_QUOTES]:
        parts.append(f"<blockquote>{_html(ref.sentence)}</blockquote>")
    if len(quotes) > TIMELINEJS_QUOTES:
        more = STRINGS[lang]["more_quotes"].format(n=len(quotes) - TIMELINEJS_QUOTES)
        parts.append(f"<p>{_html(more)}</p>")
    links = [f'<a href="{_html(s.url)}">{_html(s.title)}</a>'
             for s in item.sources if s.url.startswith(("http://", "https://"))]
    if links:
        parts.append("<p>" + " · ".join(links) + "</p>")
    return "".join(parts)


# RFC 5545 3.3.11: TEXT may hold no control character but HTAB; line breaks
# are written as the two characters "\n".
_ICS_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


def _ics_escape(text: str) -> str:
    """Write a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped.

    Every line break becomes "\\n" and any other control character goes, so
    no value can end its content line and start a forged one.
    """
    text = (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))
    return _ICS_CONTROLS.sub("", text)


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    if len(line) * 4 <= 75 or len(line.encode("utf-8")) <= 75:  # short: nothing to fold
        return line
    out, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out)


def _dtstamp(timeline: Timeline) -> str:
    # DTSTAMP is required. A build must not read the clock, so it is
    # SOURCE_DATE_EPOCH when set, else the last day the timeline covers.
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y%m%dT%H%M%SZ")
    last = (max(i.last for i in timeline.items) if timeline.items
            else datetime(1970, 1, 1).date())
    return last.strftime("%Y%m%dT000000Z")


def render_ics(timeline: Timeline, lang: str = "en") -> str:
    """Return an RFC 5545 calendar with one all-day event spanning each item's precision."""
    stamp = _dtstamp(timeline)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timeline//timeline//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for i in timeline.items:
        first = i.first
        after = i.last + timedelta(days=1)
        description = i.summary_in(lang)
        urls = [s.url for s in i.sources if s.url]
        if urls:
            description += "\n\n" + "\n".join(urls)
        lines += ["BEGIN:VEVENT", f"UID:{_ics_escape(i.id)}@timeline.invalid",
                  f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{first.strftime('%Y%m%d')}",
                  f"DTEND;VALUE=DATE:{after.strftime('%Y%m%d')}",
                  "SUMMARY:" + _ics_escape(i.title_in(lang)),
                  "DESCRIPTION:" + _ics_escape(description),
                  "CATEGORIES:" + _ics_escape(i.category)]
        # A URI value is not escaped (RFC 5545 3.3.13): only a checked web
        # address, which holds no space nor control character, is written.
        if urls and is_web_url(urls[0]):
            lines.append("URL:" + urls[0])
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def data_file(kind: str, lang: str) -> str:
    """Return the name in data/ of a per-language export ("timeline.svg", "timelinejs.fr.json")."""
    stem, suffix = {"svg": ("timeline", "svg"), "timelinejs": ("timelinejs", "json")}[kind]
    return f"{stem}.{suffix}" if lang == "en" else f"{stem}.{lang}.{suffix}"


def render_exports(timeline: Timeline, catalog: Catalog) -> dict[str, bytes]:
    """Return every data export, keyed by its path in the site."""
    from timeline.chart import build_chart
    from timeline.svg import standalone_svg

    words = {lang: page_words(catalog, lang) for lang in ("en", "fr")}
    pictures = {f"data/{data_file('svg', lang)}":
                standalone_svg(build_chart(timeline, catalog, lang),
                               title=words[lang]["timeline_title"],
                               description=words[lang]["chart_svg_desc"]).encode("utf-8")
                for lang in ("en", "fr")}
    return {**pictures,
        "data/events.csv": render_csv(timeline).encode("utf-8"),
        "data/events.json": render_json(timeline, catalog).encode("utf-8"),
        **{f"data/{data_file('timelinejs', lang)}":
           render_timelinejs(timeline, catalog, lang).encode("utf-8") for lang in ("en", "fr")},
        "data/events.ics": render_ics(timeline, "en").encode("utf-8"),
    }
