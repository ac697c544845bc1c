"""The rendered pages, read as HTML: every page in every language, no inline script."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from timeline.build import BuildOptions, build_site
from timeline.dates import LANGUAGES
from timeline.i18n import STRINGS
from timeline.render import PAGES

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
EVENTS = FIXTURES / "mini-events.yaml"
ARTICLE = FIXTURES / "golden-article.txt"
EVENT_IDS = ("treaty-signed", "letter-to-johnson", "forces-leave", "resolution-filed")


@pytest.fixture(scope="module")
def files():
    return build_site(BuildOptions(events_path=EVENTS, article_paths=[ARTICLE], cwd=ROOT)).files


def page_paths():
    return [f"{prefix}{page}.html" for prefix in ("", *(f"{c}/" for c in LANGUAGES))
            for page in PAGES]


class Tags(HTMLParser):
    """Collect every start tag with its attributes, and the text of each <script>."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag, **want):
        return [a for t, a in self.tags if t == tag
                and all(a.get(k.rstrip("_")) == v for k, v in want.items())]


def parse(data: bytes) -> Tags:
    tags = Tags()
    tags.feed(data.decode("utf-8"))
    return tags


def test_every_page_exists_at_the_root_and_in_each_language(files):
    for path in page_paths():
        assert path in files, path
    # One shared copy of the assets, at the root.
    assert not [p for p in files if "/assets/" in p]


@pytest.mark.parametrize("path", page_paths())
def test_pages_say_their_language_and_link_to_the_other(files, path):
    lang = path.split("/")[0] if "/" in path else "en"
    page = path.rsplit("/", 1)[-1]
    tags = parse(files[path])
    assert tags.find("html")[0]["lang"] == lang
    assert tags.find("html")[0]["data-page"] == page.removesuffix(".html")
    other = next(c for c in LANGUAGES if c != lang)
    switch = tags.find("a", hreflang=other)
    root = "" if "/" not in path else "../"
    assert switch and switch[0]["href"] == f"{root}{other}/{page}"
    # (the oEmbed link is an alternate too, of another type, with no hreflang)
    alternates = {a["hreflang"]: a["href"] for a in tags.find("link", rel="alternate")
                  if "hreflang" in a}
    assert alternates == {c: f"{root}{c}/{page}" for c in LANGUAGES}
    assert tags.find("script", type=None)[0]["src"] == f"{root}assets/timeline.js"
    for link in tags.find("link", rel="stylesheet"):   # where it is not inline
        assert link["href"] in (f"{root}assets/timeline.css", f"{root}assets/present.css")


@pytest.mark.parametrize("path", page_paths())
def test_no_inline_script_or_handler(files, path):
    tags = parse(files[path])
    for attrs in tags.find("script"):
        assert attrs.get("src") or attrs.get("type") == "application/json", attrs
    for tag, attrs in tags.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        assert not str(attrs.get("href", "")).startswith("javascript:")


@pytest.mark.parametrize("path", page_paths())
def test_the_chart_is_named_and_counts_its_points(files, path):
    tags = parse(files[path])
    (chart,) = tags.find("div", id="timeline-chart")
    # The figure is named once, by its caption; plotly's drawing is hidden
    # from assistive technology (the list or the slides say what it shows),
    # and so is the picture but for its marks.
    (figure,) = tags.find("figure")
    assert figure["aria-labelledby"] == "chart-caption"
    assert chart["aria-hidden"] == "true" and "role" not in chart
    text = files[path].decode()
    assert text.count('aria-labelledby="chart-caption"') == 1
    alt = "chart_alt_slides" if path.endswith("present.html") else "chart_alt_list"
    lang = "fr" if path.startswith("fr/") else "en"
    assert STRINGS[lang][alt] in html.unescape(text)
    assert int(chart["data-points"]) == len(EVENT_IDS) + 1   # + the article-only 1980


@pytest.mark.parametrize("page", PAGES)
def test_every_event_has_its_anchor_on_every_page(files, page):
    text = files[f"fr/{page}.html"].decode()
    for event_id in EVENT_IDS:
        assert f'id="{event_id}"' in text


def test_french_pages_write_dates_in_french(files):
    for page in PAGES:
        text = files[f"fr/{page}.html"].decode()
        assert "7 mars 1966" in text, page
        assert "March" not in text, page
    assert "7 March 1966" in files["en/present.html"].decode()


def test_index_has_every_section(files):
    text = files["en/index.html"].decode()
    tags = parse(files["en/index.html"])
    for section in ("events", "sources", "embed"):
        assert tags.find("section", id=section) or tags.find("ol", id=section), section
    assert 'id="article-golden-article"' in text
    assert tags.find("a", href="present.html")
    # The iframe code reads as text in a read-only box, escaped once.
    assert ('<textarea id="embed-code" class="embed-code" readonly' in text
            and "&lt;iframe src=&#34;embed.html&#34;" in text)


def test_present_page_holds_every_step_and_works_without_script(files):
    tags = parse(files["fr/present.html"])
    steps = [a["id"] for a in tags.find("li") if "step" in (a.get("class") or "").split()]
    # One step per item, in date order (the article-only 1980 among them).
    assert [s for s in steps if s in EVENT_IDS] == list(EVENT_IDS)
    assert len(steps) == len(EVENT_IDS) + 1
    # The controls only appear once the script runs.
    assert "hidden" in tags.find("footer", id="present-controls")[0]
    assert "{n}" in tags.find("p", id="present-status")[0]["data-template"]


def test_rendering_twice_gives_the_same_bytes(files):
    again = build_site(BuildOptions(events_path=EVENTS, article_paths=[ARTICLE], cwd=ROOT)).files
    for path in page_paths():
        assert files[path] == again[path], path
    assert not re.search(rb"\d{4}-\d\d-\d\dT\d\d:\d\d", files["index.html"])


def test_the_articles_own_words_keep_their_language_on_french_pages(files):
    text = files["fr/index.html"].decode()
    assert re.search(r'<blockquote class="quote" lang="en" cite="#mention-golden-article-', text)
    # The 1980 item exists only in the (English) article: its title is its sentence.
    assert re.search(r'<h3 id="[^"]*1980[^"]*-title" lang="en">', text)
    assert 'lang="en"' not in files["en/index.html"].decode().split("<main>")[1].split(
        '<section class="article"')[0]


@pytest.mark.parametrize("path", page_paths())
def test_landing_pages_fetch_nothing_before_their_first_paint(files, path):
    # index and embed carry the stylesheet itself; the index loads its
    # script async. Classroom mode links the shared stylesheet and runs its script
    # at once (it lays out the slide before the first paint).
    page = path.rsplit("/", 1)[-1].removesuffix(".html")
    text = files[path].decode("utf-8")
    tags = parse(files[path])
    script = tags.find("script", type=None)[0]
    if page in ("index", "embed"):
        assert not tags.find("link", rel="stylesheet")
        css = files["assets/timeline.css"].decode("utf-8")
        assert f"<style>{css}</style>" in text
    else:
        assert tags.find("link", rel="stylesheet")
        # The only style element is the chart's own rule for its era labels.
        assert re.findall(r"<style>(.*?)</style>", text, re.S) in (
            [], [re.search(r"<style>(@container chart[^<]*)</style>", text).group(1)])
    assert ("async" in script) == (page == "index") and "defer" not in script


def test_an_inline_stylesheet_cannot_end_its_element_early():
    from timeline.render import style_element_text

    css = b'a::after { content: "</style><script>x()</script>"; }'
    text = str(style_element_text(css))
    assert "</" not in text and text.replace("<\\/", "</") == css.decode()
