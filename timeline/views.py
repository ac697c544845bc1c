"""What the templates show, prepared from the timeline: typed views and page contexts.

Every decision about what a page says (which quotes, in which language, why
a mention was linked, where a link leads) is made here, in Python, where it
can be tested; the templates only lay the views out. Views are frozen
dataclasses, so a template can only read them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from timeline import chart, svg
from timeline.dates import LANGUAGES, format_range
from timeline.i18n import STRINGS
from timeline.model import ARTICLE, ARTICLE_CATEGORY, BOTH, Item, MentionRef, Source, Tally
from timeline.site_words import page_words

if TYPE_CHECKING:
    from markupsafe import Markup

    from timeline.events import Catalog
    from timeline.model import Timeline

# On a master timeline an event may be quoted by hundreds of articles: it shows
# this many quotes and links to every article instead.
QUOTES_ON_MASTER = 3
# One article may name a date thousands of times ("In 1966." 40,000 times
# made 265 MB of pages from 360 KB): a page quotes this many and counts the
# rest ("And 39,995 more quotes"), so what it shows grows with the dates,
# not with their repetitions. data/events.json keeps every one.
QUOTES_PER_ITEM = 5


@dataclass(frozen=True)
class PageSet:
    """Where a set of pages sits: its language and the way back to the site root."""

    lang: str
    prefix: str      # folder inside the site, "" or "fr/"
    root: str        # relative path from the page to the site root, "" or "../"


@dataclass(frozen=True)
class ArticleRef:
    """What an item needs to know of an article that mentions it."""

    title: str
    language: str
    href: str          # the article's annotated text, relative to the page ("" = this page)


@dataclass(frozen=True, slots=True)
class MentionView:
    """One quote under an item: the article's sentence, where it leads, why it was linked."""

    sentence: str
    language: str      # the article's language ("" when unknown)
    href: str          # the mention in the annotated article
    evidence: str      # "Linked because ..." for a curated event, else ""
    # The sentence around the date expression, which alone is the link: a
    # whole quote as one link is hard to read.
    before: str
    text: str
    after: str
    # What the evidence names, for pages that mark the article's own words
    # in its language inside their sentence.
    expression: str
    matched: tuple[str, ...]
    # Whether ``evidence`` starts with the link's sentence ("Linked because"),
    # and the sentence saying what the date was counted from ("Dated 43 years
    # after ..."), which a page rebuilding the first keeps as it is.
    linked: bool = False
    counted: str = ""


@dataclass(frozen=True, slots=True)
class ArticleLink:
    """An article an item of a master timeline links to."""

    id: str
    title: str
    href: str
    language: str


@dataclass(frozen=True, slots=True)
class ItemView:
    """One timeline item as the list, classroom mode and the embed show it."""

    id: str
    title: str
    title_lang: str    # the language of the title when it is an article's own words
    summary: str
    date_label: str
    datetime: str      # TIMEX3 value, for <time datetime>
    category: str
    category_label: str
    origin: str
    mentions: tuple[MentionView, ...]
    articles: tuple[ArticleLink, ...]
    sources: tuple[Source, ...]
    more_quotes: int = 0    # the item's mentions not quoted on the page


@dataclass(frozen=True, slots=True)
class EventLink:
    """An event a source supports."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class SourceView:
    """One source of the sources section, with the events it supports."""

    url: str
    title: str
    publisher: str
    events: tuple[EventLink, ...]


@dataclass(frozen=True, slots=True)
class EraView:
    """An era of the key under the chart, with the colour of its band."""

    id: str
    label: str
    dates: str
    color: str


@dataclass(frozen=True, slots=True)
class KeyMark:
    """A kind of mark the chart draws, for its key."""

    origin: str          # curated, both, article, or "band"
    label: str

    @property
    def color(self) -> str:
        """Return the mark's fill, as the chart draws it (a band has none)."""
        return chart.ORIGIN_STYLE[self.origin]["color"] if self.origin in chart.ORIGIN_STYLE else ""


def category_labels(catalog: Catalog, lang: str) -> dict[str, str]:
    """Return each category's label in ``lang``, the articles' own lane included."""
    labels = {c.id: c.label[lang] for c in catalog.categories}
    labels[ARTICLE_CATEGORY] = STRINGS[lang]["article_only"]
    return labels


def item_views(timeline: Timeline, catalog: Catalog, lang: str,
               refs: Mapping[str, ArticleRef] | None = None, *,
               master: bool = False) -> list[ItemView]:
    """Prepare every timeline item for the templates, in date order.

    ``refs`` says, for each article id, its language (a quote, or the title of
    an item only the article dates, is marked in the language it is written
    in, whatever the page's) and where its annotated text is. On a ``master``
    timeline of several articles an item lists the articles that mention it
    and shows only the first few quotes.
    """
    refs = refs or {}
    labels = category_labels(catalog, lang)
    by_id = {item.id: item for item in timeline.items}
    tallies = {t.event: t for t in timeline.tallies}
    return [item_view(item, lang, labels, refs, master, by_id, tallies.get(item.id))
            for item in timeline.items]


def item_view(item: Item, lang: str, labels: Mapping[str, str],
              refs: Mapping[str, ArticleRef], master: bool,
              by_id: Mapping[str, Item] | None = None, tally: Tally | None = None) -> ItemView:
    """Prepare one item (see item_views).

    On a master page, an event's articles, its count of mentions and its
    quotes are its ``tally`` when the archive's aggregates give one.
    """
    date_label = item.date_label(lang)
    if master and tally is not None:
        chosen = set(tally.quotes)
        quoted = tuple(m for m in item.mentions if (m.article, m.start) in chosen)
        cited, total = tally.articles, tally.mentions
    else:
        # A master page quotes only the first few of an event's mentions (of
        # thousands, in an archive): make views of those alone.
        quoted = item.mentions[:QUOTES_ON_MASTER if master else QUOTES_PER_ITEM]
        cited, total = tuple(item.articles()), len(item.mentions)
    by_id = by_id or {}
    mentions = tuple(mention_view(ref, refs.get(ref.article), date_label, lang,
                                  linked=item.origin == BOTH,
                                  counted=by_id.get(ref.counted_from)) for ref in quoted)
    own_words = item.origin == ARTICLE and mentions
    articles: tuple[ArticleLink, ...] = ()
    if master:
        articles = tuple(ArticleLink(a, refs[a].title, refs[a].href, refs[a].language)
                         for a in cited if a in refs)
    return ItemView(
        id=item.id, title=item.title_in(lang),
        title_lang=mentions[0].language if own_words else "",
        summary=item.summary_in(lang), date_label=date_label, datetime=item.span.value,
        category=item.category, category_label=labels.get(item.category, item.category),
        origin=item.origin, mentions=mentions, articles=articles, sources=item.sources,
        more_quotes=total - len(quoted))


def mention_view(ref: MentionRef, article: ArticleRef | None, date_label: str, lang: str, *,
                 linked: bool, counted: Item | None = None) -> MentionView:
    """Prepare one quote: where it leads, in which language, and why it was linked.

    ``counted`` is the event its date was counted from, when the sentence
    dates it from one ("43 years after de Gaulle pulled France out").
    """
    before, text, after = ref.in_sentence()
    evidence = link_evidence(ref, date_label, lang) if linked else ""
    said_counted = counted_evidence(ref, counted, lang) if counted is not None else ""
    evidence = " ".join(filter(None, [evidence, said_counted]))
    return MentionView(
        sentence=ref.sentence, language=article.language if article else "",
        href=(article.href if article else "") + "#" + mention_anchor(ref.article, ref.start),
        evidence=evidence,
        before=before, text=text, after=after, expression=ref.text, matched=ref.matched,
        linked=linked, counted=said_counted)


def link_evidence(ref: MentionRef, date_label: str, lang: str) -> str:
    """Say why a mention was linked to its event: the date that fits, the words that matched."""
    words = STRINGS[lang]
    said = words["evidence_date"].format(text=ref.text, date=date_label)
    if ref.matched:
        said += " " + words["evidence_words"].format(words=", ".join(ref.matched))
    return said


def counted_evidence(ref: MentionRef, event: Item, lang: str) -> str:
    """Say which event a date was counted from, and how far ("Dated 43 years after ...")."""
    from timeline.anchoring import parse_offset

    parsed = parse_offset(ref.offset)
    if parsed is None:
        return ""
    n, unit = parsed
    words = STRINGS[lang]
    one, many = words[f"unit_{unit}"].split("|")
    offset = words["offset_after" if n > 0 else "offset_before"].format(
        n=abs(n), unit=one if abs(n) == 1 else many)
    return words["evidence_counted"].format(offset=offset, event=event.title_in(lang),
                                            date=event.date_label(lang))


def source_views(items: Sequence[ItemView]) -> list[SourceView]:
    """List every source once, in the order the timeline first cites it, with its events."""
    by_url: dict[str, tuple[Source, dict[str, EventLink]]] = {}
    for item in items:
        for source in item.sources:
            events = by_url.setdefault(source.url, (source, {}))[1]
            events.setdefault(item.id, EventLink(item.id, item.title))
    return [SourceView(url=url, title=source.title, publisher=source.publisher or "",
                       events=tuple(events.values()))
            for url, (source, events) in by_url.items()]


def mention_anchor(article_id: str, start: int) -> str:
    """Return the stable anchor of a mention in the annotated article."""
    return f"mention-{article_id}-{start}"


# The script a host page loads beside the iframe, to size it to its content.
EMBED_SCRIPT = "assets/embed.js"
# Below the chart's box in an embed: its key, the caption bar and the folded
# list, on a column of 600 px or more (narrower ones wrap the key: the
# script beside the iframe sizes it, and without the script the frame scrolls).
EMBED_BELOW_CHART = 120


def embed_snippet(src: str, script: str, title: str, chart_height: int) -> str:
    """Return the code a journalist pastes into an article: the iframe and its sizing script.

    The iframe's height fits the embed on a wide column; embed.js, loaded
    beside it, keeps it the height of its content at any width (the embed
    page reports it). Hosts that strip scripts keep the iframe alone.
    """
    from markupsafe import escape

    height = chart_height + EMBED_BELOW_CHART
    return (f'<iframe src="{escape(src)}" title="{escape(title)}" width="100%" '
            f'height="{height}" loading="lazy" style="border:0;display:block"></iframe>\n'
            f'<script src="{escape(script)}" async></script>')


def other_language(lang: str) -> str:
    """Return the language the switch on a page leads to."""
    return next(code for code in LANGUAGES if code != lang)


def chart_key(model: chart.ChartModel) -> list[KeyMark]:
    """List the kinds of mark the chart shows, for the key under it."""
    words = STRINGS[model.lang]
    used = {p.origin for p in model.points}
    marks = [KeyMark(o, words[chart.LEGEND_KEYS[o]]) for o in chart.ORIGIN_STYLE if o in used]
    if model.bands:
        marks.append(KeyMark("band", words[chart.LEGEND_KEYS["band"]]))
    return marks


def chart_view(catalog: Catalog, timeline: Timeline, lang: str) -> dict[str, Any]:
    """Return the chart of ``timeline`` in ``lang`` as the templates show it.

    The same for every page of a language (the site's root pages and its
    language folder show one chart): render_pages makes it once per language.
    """
    from markupsafe import Markup

    model = chart.build_chart(timeline, catalog, lang)
    figure = chart.plotly_figure(model)
    return {
        "figure_json": _figure_json_markup(figure),
        "chart_id": chart.CHART_ID,
        # Built from escaped text only (svg.py), so it is markup already.
        "chart_svg": Markup(svg.inline_svg(model)),
        # The widths at which era labels show (timeline.js reads the same rule).
        "chart_style": Markup(svg.era_fit_style(model)),
        "era_fit": _era_fit_attribute(model),
        "lane_em": svg.lane_label_em(model),
        # Where plotly.js puts its plot in the chart's box: the picture goes there.
        # (less the era labels' room where they do not show: svg.era_fit_style).
        "plot_inset": "calc({t}px - var(--era-drop, 0px)) {r}px {b}px {l}px".format(**chart.MARGIN),
        "bare_top": chart.BARE_TOP,
        "chart_key": chart_key(model),
        "point_count": chart.plotted_count(figure),
        "chart_height": model.height,
        "eras": [EraView(e.id, e.label[lang], format_range(e.start, e.end, lang), era.fill[0])
                 for e, era in zip(catalog.eras, model.eras, strict=True)],
    }


def chart_context(ps: PageSet, catalog: Catalog, timeline: Timeline, items: list[ItemView],
                  plotly_src: str, chart_parts: Mapping[str, Any] | None = None
                  ) -> dict[str, Any]:
    """Return what every page with a chart needs: language, chart, items, sources, eras.

    ``chart_parts`` is chart_view's result for this language, when the caller has it.
    """
    lang = ps.lang
    return {
        "lang": lang,
        "t": page_words(catalog, lang),
        "root": ps.root,
        "other_lang": other_language(lang),
        "plotly_src": plotly_src,
        **(chart_parts if chart_parts is not None else chart_view(catalog, timeline, lang)),
        "items": items,
        "sources": source_views(items),
    }


def _era_fit_attribute(model: chart.ChartModel) -> str:
    width = svg.era_fit_chart_width(model)
    return "0" if width is None else "never" if width == float("inf") else str(int(width))


def _figure_json_markup(figure: dict[str, Any]) -> Markup:
    """Return the figure JSON marked safe: figure_json already escaped it for <script>."""
    from markupsafe import Markup

    return Markup(chart.figure_json(figure))
