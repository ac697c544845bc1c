from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from timeline import merge as m
from timeline.article import Article
from timeline.events import load_events
from timeline.mention import Mention

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


def test_year_mention_links_to_the_event_its_sentence_supports(catalog):
    body = "De Gaulle's withdrawal from the integrated command in 1966 still matters."
    a = article(body)
    tl = m.build_timeline(catalog, [a], {a.id: [mention(body, "1966", "1966")]})
    frame = tl.items.set_index(m.ID)
    assert frame.loc["letter-to-johnson", m.ORIGIN] == m.BOTH
    assert frame.loc["forces-leave", m.ORIGIN] == m.CURATED
    record = frame.loc["letter-to-johnson", m.MENTIONS][0]
    assert record["matched"] == ["de Gaulle", "integrated command", "withdrawal"]
    assert record["date_fit"] == "1966 contains 1966-03-07"


def test_the_whole_frame_for_a_small_case(catalog):
    body = "A resolution was filed this week."
    a = article(body)
    tl = m.build_timeline(catalog, [a], {a.id: [mention(body, "this week", "2026-W04",
                                                        "publication")]})
    expected = pd.DataFrame({
        m.ID: ["treaty-signed", "letter-to-johnson", "forces-leave", "resolution-filed"],
        m.START: [date(1949, 4, 4), date(1966, 3, 7), date(1966, 7, 1), date(2026, 1, 19)],
        m.END: [date(1949, 4, 4), date(1966, 3, 7), date(1966, 7, 1), date(2026, 1, 19)],
        m.PRECISION: ["day"] * 4,
        m.VALUE: ["1949-04-04", "1966-03-07", "1966-07-01", "2026-01-19"],
        m.ORIGIN: [m.CURATED, m.CURATED, m.CURATED, m.BOTH],
    }, dtype=object)
    got = tl.items[[m.ID, m.START, m.END, m.PRECISION, m.VALUE, m.ORIGIN]]
    assert_frame_equal(got, expected)
    assert [r["text"] for r in tl.items[m.MENTIONS][3]] == ["this week"]
    assert list(tl.items.columns) == list(m.COLUMNS)


def test_ties_break_on_importance_then_date_then_id(catalog):
    # Both 1966 events share the keyword "de Gaulle"; the more important wins.
    body = "De Gaulle acted in 1966."
    a = article(body)
    tl = m.build_timeline(catalog, [a], {a.id: [mention(body, "1966", "1966")]})
    linked = tl.items[tl.items[m.ORIGIN] == m.BOTH][m.ID].tolist()
    assert linked == ["letter-to-johnson"]


def test_date_without_supporting_words_becomes_article_only(catalog):
    body = "Prices rose in 1966 and again in 1966."
    a = article(body)
    first = mention(body, "1966", "1966")
    second_start = body.rindex("1966")
    second = Mention(second_start, second_start + 4, "1966", "1966", body, 0, "explicit")
    tl = m.build_timeline(catalog, [a], {a.id: [first, second]})
    only = tl.items[tl.items[m.ORIGIN] == m.ARTICLE]
    assert only[m.ID].tolist() == ["date-1966"]
    assert only[m.PRECISION].tolist() == ["year"]
    assert [r["start"] for r in only[m.MENTIONS].iloc[0]] == [first.start, second_start]
    assert only[m.SUMMARY].iloc[0] == {"en": body, "fr": body}


def test_same_day_links_even_without_words(catalog):
    body = "On 4 April 1949 something happened."
    a = article(body)
    tl = m.build_timeline(catalog, [a], {a.id: [mention(body, "4 April 1949", "1949-04-04")]})
    assert tl.items.set_index(m.ID).loc["treaty-signed", m.ORIGIN] == m.BOTH


def test_incompatible_dates_never_link(catalog):
    body = "De Gaulle's withdrawal from the integrated command in 1967."
    a = article(body)
    tl = m.build_timeline(catalog, [a], {a.id: [mention(body, "1967", "1967")]})
    assert set(tl.items[m.ORIGIN]) == {m.CURATED, m.ARTICLE}


def test_references_and_durations_are_reported_not_plotted(catalog):
    body = "Now, years ago, BC times."
    a = article(body)
    tl = m.build_timeline(catalog, [a], {a.id: [mention(body, "Now", "PRESENT_REF"),
                                               mention(body, "years ago", "PAST_REF")]})
    assert tl.unplotted[["text", "value"]].values.tolist() == [["Now", "PRESENT_REF"],
                                                              ["years ago", "PAST_REF"]]
    assert set(tl.items[m.ORIGIN]) == {m.CURATED}


def test_fold_ignores_case_and_accents():
    assert m.fold("Guetté’s OTAN") == "guette's otan"
    assert m._keyword_pattern("Guetté").search(m.fold("GUETTE said"))
    assert not m._keyword_pattern("LFI").search(m.fold("self-fished"))


def test_article_only_dates_are_shared_across_articles_and_filtered(catalog):
    bodies = {"a": "Prices rose in 1980.", "b": "In 1980 prices rose.", "c": "Rain in 1990."}
    arts = [article(body, id) for id, body in bodies.items()]
    found = {id: [mention(body, y, y) for y in ("1980", "1990") if y in body]
             for id, body in bodies.items()}
    everything = m.build_timeline(catalog, arts, found)
    shared = everything.items.set_index(m.ID).loc["date-1980"]
    assert m.articles_of(shared) == ["a", "b"]
    assert "date-1990" in set(everything.items[m.ID])
    master = m.build_timeline(catalog, arts, found, min_articles=2)
    assert "date-1980" in set(master.items[m.ID])
    assert "date-1990" not in set(master.items[m.ID])


def test_master_keeps_everything_for_one_article_and_shared_dates_for_many(catalog):
    bodies = {"a": "Prices in 1980.", "b": "Rain in 1990."}
    arts = [article(body, id) for id, body in bodies.items()]
    found = {id: [mention(body, y, y) for y in ("1980", "1990") if y in body]
             for id, body in bodies.items()}
    merged = m.build_timeline(catalog, arts, found)
    assert m.master(merged, 1) is merged
    assert {"date-1980", "date-1990"} & set(m.master(merged, 2).items[m.ID]) == set()
    assert m.curated_links(merged) == 0


def test_records_are_what_pandas_to_dict_gives(catalog):
    body = "De Gaulle left the integrated command in 1966; a resolution was filed this week."
    a = article(body)
    tl = m.build_timeline(catalog, [a], {a.id: [mention(body, "1966", "1966"),
                                                mention(body, "this week", "2026-W04"),
                                                mention(body, "this week", "PRESENT_REF")]})
    for frame in (tl.items, tl.unplotted, tl.items.iloc[0:0]):
        assert m.records(frame) == frame.to_dict("records")
    first = m.records(tl.items)[0]
    assert type(first[m.IMPORTANCE]) is int and isinstance(first[m.START], date)


@pytest.mark.parametrize("text", ["OTAN", "Guetté", "L’Alliance", "Straße", "ﬁn", "plain ascii"])
def test_fold_is_the_same_on_the_ascii_shortcut_and_off_it(text):
    import unicodedata

    slow = "".join(c for c in unicodedata.normalize("NFKD", text.casefold())
                   if not unicodedata.combining(c)).replace("’", "'")
    assert m.fold(text) == slow
