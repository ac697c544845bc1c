from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from timeline import merge as m
from timeline import model
from timeline.article import Article
from timeline.events import load_events
from timeline.mention import Mention
from timeline.model import ARTICLE, BOTH, CURATED
from timeline.text import fold, keywords_in

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def catalog():
    return load_events(FIXTURES / "mini-events.yaml")


def mention(body: str, text: str, value: str, anchor: str = "explicit") -> Mention:
    start = body.index(text)
    return Mention(start=start, end=start + len(text), text=text, value=value, sentence=body,
                   sentence_start=0, anchor=anchor)


def article(body: str, id: str = "story") -> Article:
    return Article(path=f"{id}.txt", id=id, title="Story", body=body)


def by_id(tl):
    return {i.id: i for i in tl.items}


def ids(tl, origin=None):
    return [i.id for i in tl.items if origin is None or i.origin == origin]


def test_year_mention_links_to_the_event_its_sentence_supports(catalog):
    body = "De Gaulle's withdrawal from the integrated command in 1966 still matters."
    a = article(body)
    tl = m.build_timeline(catalog, [a], {a.id: [mention(body, "1966", "1966")]})
    items = by_id(tl)
    assert items["letter-to-johnson"].origin == BOTH
    assert items["forces-leave"].origin == CURATED
    (ref,) = items["letter-to-johnson"].mentions
    assert ref.matched == ("de Gaulle", "integrated command", "withdrawal")
    assert ref.date_fit == "1966 contains 1966-03-07"


def test_the_whole_timeline_for_a_small_case_and_its_frame(catalog):
    body = "A resolution was filed this week."
    a = article(body)
    tl = m.build_timeline(catalog, [a], {a.id: [mention(body, "this week", "2026-W04",
                                                        "publication")]})
    expected = pd.DataFrame({
        model.ID: ["treaty-signed", "letter-to-johnson", "forces-leave", "resolution-filed"],
        model.START: [date(1949, 4, 4), date(1966, 3, 7), date(1966, 7, 1), date(2026, 1, 19)],
        model.END: [date(1949, 4, 4), date(1966, 3, 7), date(1966, 7, 1), date(2026, 1, 19)],
        model.PRECISION: ["day"] * 4,
        model.VALUE: ["1949-04-04", "1966-03-07", "1966-07-01", "2026-01-19"],
        model.ORIGIN: [m.CURATED, m.CURATED, m.CURATED, m.BOTH],
    }, dtype=object)
    assert ids(tl) == expected[model.ID].tolist()
    assert [i.origin for i in tl.items] == expected[model.ORIGIN].tolist()
    assert [ref.text for ref in tl.items[3].mentions] == ["this week"]
    frame = tl.to_frame()
    columns = [model.ID, model.START, model.END, model.PRECISION, model.VALUE, model.ORIGIN]
    assert_frame_equal(frame[columns], expected)
    assert list(frame.columns) == list(model.COLUMNS)
    assert [r["text"] for r in frame[model.MENTIONS][3]] == ["this week"]


def test_ties_break_on_importance_then_date_then_id(catalog):
    # Both 1966 events share the keyword "de Gaulle"; the more important wins.
    body = "De Gaulle acted in 1966."
    a = article(body)
    tl = m.build_timeline(catalog, [a], {a.id: [mention(body, "1966", "1966")]})
    assert ids(tl, BOTH) == ["letter-to-johnson"]


def test_date_without_supporting_words_becomes_article_only(catalog):
    body = "Prices rose in 1966 and again in 1966."
    a = article(body)
    first = mention(body, "1966", "1966")
    second_start = body.rindex("1966")
    second = Mention(second_start, second_start + 4, "1966", "1966", body, 0, "explicit")
    tl = m.build_timeline(catalog, [a], {a.id: [first, second]})
    (only,) = [i for i in tl.items if i.origin == ARTICLE]
    assert only.id == "date-1966" and only.span.precision == "year"
    assert [ref.start for ref in only.mentions] == [first.start, second_start]
    assert only.summary == {"en": body, "fr": body}


def test_same_day_links_even_without_words(catalog):
    body = "On 4 April 1949 something happened."
    a = article(body)
    tl = m.build_timeline(catalog, [a], {a.id: [mention(body, "4 April 1949", "1949-04-04")]})
    assert by_id(tl)["treaty-signed"].origin == BOTH


def test_incompatible_dates_never_link(catalog):
    body = "De Gaulle's withdrawal from the integrated command in 1967."
    a = article(body)
    tl = m.build_timeline(catalog, [a], {a.id: [mention(body, "1967", "1967")]})
    assert {i.origin for i in tl.items} == {CURATED, ARTICLE}


def test_references_and_durations_are_reported_not_plotted(catalog):
    body = "Now, years ago, BC times."
    a = article(body)
    tl = m.build_timeline(catalog, [a], {a.id: [mention(body, "Now", "PRESENT_REF"),
                                               mention(body, "years ago", "PAST_REF")]})
    assert [(u.text, u.value, u.kind) for u in tl.unplotted] == [
        ("Now", "PRESENT_REF", "ref"), ("years ago", "PAST_REF", "ref")]
    assert {i.origin for i in tl.items} == {CURATED}


def test_fold_ignores_case_and_accents():
    assert fold("Guetté’s OTAN") == "guette's otan"
    assert keywords_in(["Guetté"], fold("GUETTE said")) == ("Guetté",)
    assert keywords_in(["LFI"], fold("self-fished")) == ()


def test_article_only_dates_are_shared_across_articles_and_filtered(catalog):
    bodies = {"a": "Prices rose in 1980.", "b": "In 1980 prices rose.", "c": "Rain in 1990."}
    arts = [article(body, id) for id, body in bodies.items()]
    found = {id: [mention(body, y, y) for y in ("1980", "1990") if y in body]
             for id, body in bodies.items()}
    everything = m.build_timeline(catalog, arts, found)
    assert by_id(everything)["date-1980"].articles() == ["a", "b"]
    assert "date-1990" in ids(everything)
    master = m.build_timeline(catalog, arts, found, min_articles=2)
    assert "date-1980" in ids(master)
    assert "date-1990" not in ids(master)


def test_master_keeps_everything_for_one_article_and_shared_dates_for_many(catalog):
    bodies = {"a": "Prices in 1980.", "b": "Rain in 1990."}
    arts = [article(body, id) for id, body in bodies.items()]
    found = {id: [mention(body, y, y) for y in ("1980", "1990") if y in body]
             for id, body in bodies.items()}
    one = m.link_archive(catalog, arts[:1], {"a": found["a"]})
    alone = one.timeline()
    assert one.master(alone) is alone
    both = m.link_archive(catalog, arts, found)
    assert {"date-1980", "date-1990"} & set(ids(both.master(both.timeline()))) == set()
    assert both.linked_counts() == {}


def test_linked_counts_count_each_articles_links_to_curated_events(catalog):
    bodies = {"a": "De Gaulle's withdrawal in 1966; the treaty of 4 April 1949.",
              "b": "Prices in 1980."}
    arts = [article(body, id) for id, body in bodies.items()]
    found = {"a": [mention(bodies["a"], "1966", "1966"),
                   mention(bodies["a"], "4 April 1949", "1949-04-04")],
             "b": [mention(bodies["b"], "1980", "1980")]}
    assert m.link_archive(catalog, arts, found).linked_counts() == {"a": 2}


@pytest.mark.parametrize("text", ["OTAN", "Guetté", "L’Alliance", "Straße", "ﬁn", "plain ascii"])
def test_fold_is_the_same_on_the_ascii_shortcut_and_off_it(text):
    import unicodedata

    slow = "".join(c for c in unicodedata.normalize("NFKD", text.casefold())
                   if not unicodedata.combining(c)).replace("’", "'")
    assert fold(text) == slow
