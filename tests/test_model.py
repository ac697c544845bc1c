"""The typed timeline: the facts every writer reads, computed in one place."""

from datetime import date

import pytest

from timeline.dates import parse_iso
from timeline.model import ARTICLE, CURATED, Item, MentionRef, Timeline, Unplotted


def item(value: str, end: str | None = None, **kw) -> Item:
    fields = dict(id="x", title={"en": "Treaty", "fr": "Traité"},
                  summary={"en": "Signed."}, category="treaty", importance=3,
                  origin=CURATED, mentions=(), sources=(), keywords=())
    fields.update(kw)
    return Item(span=parse_iso(value), end=parse_iso(end) if end else None, **fields)


def test_a_year_is_drawn_mid_year_and_labelled_as_the_year():
    year = item("1966")
    assert (year.first, year.last) == (date(1966, 1, 1), date(1966, 12, 31))
    assert year.midpoint == date(1966, 7, 2)
    assert year.date_label("en") == "1966"


def test_a_period_runs_to_the_end_of_its_end_date_and_is_drawn_from_its_start():
    period = item("1966-03-07", "1966-07")
    assert period.last == date(1966, 7, 31) and period.midpoint == date(1966, 3, 7)
    assert period.date_label("fr") == "7 mars 1966 – juillet 1966"


def test_words_fall_back_to_english():
    it = item("1949-04-04")
    assert it.title_in("fr") == "Traité" and it.summary_in("fr") == "Signed."


def test_items_and_records_are_frozen_and_articles_are_sorted():
    ref = MentionRef(article="b", article_title="B", text="1966", start=0, end=4, value="1966",
                     sentence="In 1966.", anchor="explicit", date_fit=None, matched=("x",))
    it = item("1966", mentions=(ref, ref.__class__(**{**ref.record(), "article": "a",
                                                       "matched": ()})), origin=ARTICLE)
    assert it.articles() == ["a", "b"]
    assert ref.record()["matched"] == ["x"]
    with pytest.raises(AttributeError):
        it.id = "y"  # type: ignore[misc]


def test_unplotted_says_why_in_each_language():
    u = Unplotted(article="a", start=0, end=3, text="now", value="PRESENT_REF",
                  sentence="now.", kind="ref")
    assert u.reason_in("en") != u.reason_in("fr")
    assert u.record()["reason"] == u.reason_in("en")


def test_to_frame_gives_one_row_per_item_for_library_users():
    frame = Timeline(items=(item("1949-04-04"), item("1966", id="y"))).to_frame()
    assert frame["id"].tolist() == ["x", "y"]
    assert frame["end"].tolist() == [date(1949, 4, 4), date(1966, 12, 31)]
    assert frame["importance"].dtype == "int64"


def test_a_mention_splits_its_sentence_around_itself_or_not_at_all():
    ref = MentionRef(article="a", article_title="A", text="1966", start=14, end=18,
                     value="1966", sentence="It left in 1966.", anchor="explicit",
                     date_fit=None, matched=(), sentence_start=3)
    assert ref.in_sentence() == ("It left in ", "1966", ".")
    # Offsets that do not fall on the text (a hand-made record): the whole sentence.
    moved = MentionRef(**{**ref.record(), "matched": (), "start": 0, "end": 4})
    assert moved.in_sentence() == ("It left in 1966.", "", "")
