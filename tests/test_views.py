"""Template views: what each page says, decided in Python before any template runs."""

from datetime import date
from pathlib import Path

import pytest

from timeline import article_views, merge, views
from timeline.article import Article
from timeline.dates import LANGUAGES, parse_iso
from timeline.events import load_events
from timeline.i18n import STRINGS
from timeline.mention import Mention
from timeline.model import Source

FIXTURES = Path(__file__).parent / "fixtures"
BODY = ("De Gaulle announced the withdrawal in 1966.\n\n"
        "Parliament voted this week. Nobody recalls 1980.")


@pytest.fixture(scope="module")
def catalog():
    return load_events(FIXTURES / "mini-events.yaml")


def mention(text: str, value: str) -> Mention:
    start = BODY.index(text)
    sentence_start = BODY.rfind("\n", 0, start) + 1
    return Mention(start=start, end=start + len(text), text=text, value=value,
                   sentence=BODY[sentence_start:BODY.index(".", start) + 1],
                   sentence_start=sentence_start, anchor="explicit")


@pytest.fixture(scope="module")
def story():
    return Article(path="story.txt", id="story", title="Story", body=BODY, language="en",
                   published=parse_iso("2026-01-19"))


@pytest.fixture(scope="module")
def timeline(catalog, story):
    found = [mention("1966", "1966"), mention("this week", "2026-W04"),
             mention("1980", "1980")]
    return merge.build_timeline(catalog, [story], {story.id: found})


def test_item_views_follow_the_timeline_and_say_why_a_quote_was_linked(catalog, timeline):
    refs = {"story": views.ArticleRef("Story", "en", "")}
    items = views.item_views(timeline, catalog, "fr", refs)
    assert [v.id for v in items] == [i.id for i in timeline.items]
    letter = next(v for v in items if v.id == "letter-to-johnson")
    assert letter.date_label == "7 mars 1966" and letter.datetime == "1966-03-07"
    (quote,) = letter.mentions
    assert quote.href == f"#{views.mention_anchor('story', BODY.index('1966'))}"
    assert quote.evidence.startswith(
        "Relié car «\u00a01966\u00a0» s’accorde avec la date 7 mars 1966.")
    assert "withdrawal" in quote.evidence
    # The date expression alone is the link; the sentence reads around it.
    assert (quote.before, quote.text, quote.after) == ("De Gaulle announced the withdrawal in ",
                                                      "1966", ".")
    assert quote.before + quote.text + quote.after == quote.sentence
    # An article-only date: its title is the article's sentence, marked in
    # the article's language, and it says nothing of a link.
    only = next(v for v in items if v.origin == "article")
    assert only.title_lang == "en" and only.mentions[0].evidence == ""
    assert only.category_label == STRINGS["fr"]["article_only"]


def test_master_views_quote_a_few_and_link_every_article(catalog, timeline):
    refs = {"story": views.ArticleRef("Story", "en", "../articles/story.html")}
    items = views.item_views(timeline, catalog, "en", refs, master=True)
    letter = next(v for v in items if v.id == "letter-to-johnson")
    assert [a.href for a in letter.articles] == ["../articles/story.html"]
    assert letter.mentions[0].href.startswith("../articles/story.html#mention-story-")
    assert all(len(v.mentions) <= views.QUOTES_ON_MASTER for v in items)


def test_sources_are_listed_once_with_their_events():
    s1, s2 = Source("S1", "", "u1"), Source("S2", "P", "u2")

    def item(id_, sources):
        return views.ItemView(id=id_, title=id_.upper(), title_lang="", summary="",
                              date_label="", datetime="", category="", category_label="",
                              origin="curated", mentions=(), articles=(), sources=sources)

    listed = views.source_views([item("a", (s1,)), item("b", (s1, s2))])
    assert [v.url for v in listed] == ["u1", "u2"]
    assert [e.id for e in listed[0].events] == ["a", "b"]
    assert listed[1].publisher == "P"


def test_article_view_marks_every_mention_and_keeps_paragraphs(timeline, story):
    view = article_views.article_view(story, timeline, "en")
    assert len(view.paragraphs) == 2
    marks = [seg for p in view.paragraphs for seg in p if seg.value is not None]
    assert [m.text for m in marks] == ["1966", "this week", "1980"]
    assert marks[0].item == "letter-to-johnson" and marks[2].item == "date-1980"
    assert "".join(seg.text for seg in view.paragraphs[0]) == BODY.split("\n")[0]
    assert view.published_label == "19 January 2026"


def test_unplotted_expressions_say_why_in_the_page_language(catalog, story):
    found = [Mention(0, 2, "De", "PRESENT_REF", BODY, 0, "explicit")]
    tl = merge.build_timeline(catalog, [story], {story.id: found})
    for lang in LANGUAGES:
        (u,) = article_views.article_view(story, tl, lang).unplotted
        assert u.reason == STRINGS[lang]["reason_ref_present"]
        assert "PRESENT_REF" not in u.reason


def test_embed_snippet():
    code = views.embed_snippet("embed.html", "../assets/embed.js", 'A "quoted" <title>', 500)
    frame, script = code.split("\n")
    assert frame.startswith('<iframe src="embed.html" title="A &#34;quoted&#34; &lt;title&gt;"')
    assert 'loading="lazy"' in frame and frame.endswith("</iframe>")
    assert f'height="{500 + views.EMBED_BELOW_CHART}"' in frame
    assert script == '<script src="../assets/embed.js" async></script>'


def test_articles_are_listed_newest_first_and_undated_last(story):
    older = Article(path="o.txt", id="o", title="Older", body="x",
                    published=parse_iso("2025-05"))
    undated = Article(path="u.txt", id="u", title="Undated", body="x")
    entries = [article_views.article_entry(a, "", "en", 0, 0) for a in (undated, older, story)]
    assert [e.id for e in sorted(entries, key=article_views.article_order)] == ["story", "o", "u"]
    assert entries[1].published.first == date(2025, 5, 1)


def test_a_date_counted_from_an_event_says_so(catalog, story):
    body = "De Gaulle's withdrawal came 43 years before this."
    a = Article(path="c.txt", id="c", title="C", body=body)
    start = body.index("43 years before")
    found = [Mention(start, start + 15, "43 years before", "1923", body, 0, "event",
                     offset="-43Y", event_words="De Gaulle's withdrawal",
                     event="letter-to-johnson")]
    tl = merge.build_timeline(catalog, [a], {"c": found})
    (ref,) = [r for i in tl.items for r in i.mentions]
    assert (ref.counted_from, ref.offset) == ("letter-to-johnson", "-43Y")
    assert ref.record()["counted_from"] == "letter-to-johnson"
    for lang, said in (("en", "Dated 43 years before “"), ("fr", "Daté 43 ans avant «\u00a0")):
        (view,) = [m for v in views.item_views(tl, catalog, lang) for m in v.mentions]
        assert said in view.evidence and "1966" in view.evidence
