"""Tests of the date extractor: values, spans, anchoring, robustness, cost."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extract import EXTRACTOR_VERSION, Mention, extract_mentions

ROOT = Path(__file__).resolve().parent.parent
D = datetime.date


def found(body: str, published: D | None = None, lang: str = "en") -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(body, published=published, lang=lang)]


# --------------------------------------------------------------------------
# One expression at a time: (sentence, expected (text, value) pairs)
# --------------------------------------------------------------------------

PUB = D(2026, 1, 19)  # a Monday

ENGLISH = [
    ("The treaty was signed in 1966.", [("1966", "1966")]),
    ("It happened on 7 March 1966 in Paris.", [("7 March 1966", "1966-03-07")]),
    ("It happened on March 7th, 1966.", [("March 7th, 1966", "1966-03-07")]),
    ("It happened on Monday, March 7, 1966.", [("Monday, March 7, 1966", "1966-03-07")]),
    ("The talks failed in March 1966.", [("March 1966", "1966-03")]),
    ("The talks failed in February of 1912.", [("February of 1912", "1912-02")]),
    ("By early October 1939 the city fell.", [("early October 1939", "1939-10")]),
    ("The factory opened in mid-1942.", [("mid-1942", "1942")]),
    ("They arrived by the end of 1923.", [("the end of 1923", "1923")]),
    ("Music changed in the 1960s.", [("the 1960s", "196")]),
    ("Music changed in the late 1960s.", [("the late 1960s", "196")]),
    ("Cities grew in the 19th century.", [("the 19th century", "18")]),
    ("Cities grew in the nineteenth century.", [("the nineteenth century", "18")]),
    ("The siege began in the summer of 1942.", [("the summer of 1942", "1942-SU")]),
    ("Sales fell over the second half of 1997.", [("the second half of 1997", "1997-H2")]),
    ("Sales rose in the first quarter of 2009.", [("the first quarter of 2009", "2009-Q1")]),
    ("Rome fell in 264 BC.", [("264 BC", "BC0264")]),
    ("The revolt lasted 499-493 BC.", [("499", "BC0499"), ("493 BC", "BC0493")]),
    ("Temples rose in the 4th century BC.", [("the 4th century BC", "BC03")]),
    ("Prices climbed in 2006-07.", [("2006", "2006"), ("07", "2007")]),
    ("The war ended at Christmas 1914.", [("Christmas 1914", "1914-12-25")]),
    ("They met this week.", [("this week", "2026-W04")]),
    ("They met last year.", [("last year", "2025")]),
    ("They will meet next month.", [("next month", "2026-02")]),
    ("They met yesterday.", [("yesterday", "2026-01-18")]),
    ("They meet today.", [("today", "2026-01-19")]),
    ("They met two years ago.", [("two years ago", "2024")]),
    ("They met years ago.", [("years ago", "PAST_REF")]),
    ("The alliance is now weaker.", [("now", "PRESENT_REF")]),
    ("The alliance is currently weaker.", [("currently", "PRESENT_REF")]),
    ("The bill was introduced last March.", [("last March", "2025-03")]),
    ("Its third-quarter profit rose.", [("third-quarter", "2026-Q3")]),
    ("Shares rose in the past two weeks.", []),  # a duration, not "the past"
    ("It will close by the end of the year.", [("the end of the year", "2026")]),
    ("Songs from the sixties and the '70s.", [("the sixties", "196"), ("the '70s", "197")]),
    ("The board meets on Jan. 12 at 3:30 p.m.", [("Jan. 12", "2026-01-12"),
                                                 ("3:30 p.m.", "2026-01-12")]),
    ("Filed on 1998-10-05, signed 10/5/1998.", [("1998-10-05", "1998-10-05"),
                                                ("10/5/1998", "1998-10-05")]),
    ("Rates will rise in the coming months.", [("the coming months", "FUTURE_REF")]),
    ("Rome was founded in AD 43; ad campaigns began in 1966.", [("AD 43", "0043"),
                                                               ("1966", "1966")]),
]

FRENCH = [
    ("Le traité fut signé le 7 mars 1966 à Paris.", [("le 7 mars 1966", "1966-03-07")]),
    ("La France quitta le commandement en 1966.", [("1966", "1966")]),
    ("Le musée a rouvert le 1er juin 1971.", [("le 1er juin 1971", "1971-06-01")]),
    ("La réforme date de mars 1966.", [("mars 1966", "1966-03")]),
    ("La loi a été votée en octobre 98.", [("octobre 98", "1998-10")]),
    ("La musique change dans les années 1960.", [("les années 1960", "196")]),
    ("Les villes grandissent au XIXe siècle.", [("XIXe siècle", "18")]),
    ("Il est venu la semaine dernière.", [("la semaine dernière", "2026-W03")]),
    ("Il est venu hier.", [("hier", "2026-01-18")]),
    ("Il est venu hier soir.", [("hier soir", "2026-01-18")]),
    ("Il vient aujourd'hui.", [("aujourd'hui", "2026-01-19")]),
    ("Il viendra demain.", [("demain", "2026-01-20")]),
    ("Les ventes ont chuté l'an dernier.", [("l'an dernier", "2025")]),
    ("Les ventes ont chuté l'année dernière.", [("l'année dernière", "2025")]),
    ("Il est parti il y a deux ans.", [("il y a deux ans", "2024")]),
    ("Le musée a ouvert cette semaine.", [("cette semaine", "2026-W04")]),
    ("Le musée est actuellement fermé.", [("actuellement", "PRESENT_REF")]),
    ("Il est arrivé vendredi dernier.", [("vendredi dernier", "2026-01-16")]),
    ("La séance reprendra en juin prochain.", [("juin prochain", "2026-06")]),
    ("Le festival aura lieu l'été 1966.", [("l'été 1966", "1966-SU")]),
    ("Le chantier durera jusqu'à la fin du mois.", [("la fin du mois", "2026-01")]),
    ("Les soldes commencent au mois de mai.", [("mois de mai", "2026-05")]),
    ("Un vol a eu lieu dans la nuit de samedi à dimanche.",
     [("la nuit de samedi à dimanche", "2026-01-17")]),
    ("La mode des années trente revient.", [("années trente", "193")]),
    ("Ils arrivent mi-mars.", [("mi-mars", "2026-03")]),
    ("Il part aujourd’hui ; l’an dernier il restait.", [("aujourd’hui", "2026-01-19"),
                                                        ("l’an dernier", "2025")]),
    ("Signé le 10/05/1999 à 14 heures.", [("10/05/1999", "1999-05-10"),
                                          ("14 heures", "1999-05-10")]),
    ("Le club ouvre pour la saison 2002/2003.", [("2002", "2002"), ("2003", "2003")]),
]


@pytest.mark.parametrize(("body", "expected"), ENGLISH, ids=[b for b, _ in ENGLISH])
def test_english_expressions(body: str, expected: list[tuple[str, str]]) -> None:
    assert found(body, PUB) == expected


@pytest.mark.parametrize(("body", "expected"), FRENCH, ids=[b for b, _ in FRENCH])
def test_french_expressions(body: str, expected: list[tuple[str, str]]) -> None:
    assert found(body, PUB, "fr") == expected


@pytest.mark.parametrize("body", [
    "We walked to the market on foot.",             # "We" is not Wednesday
    "You may leave whenever you like.",             # "may" the verb
    "The march on the capital was long.",           # "march" the noun
    "The brigade had 1500 men and 40 guns.",        # a count, not a year
    "It cost $1999 and weighed 2,000 tons.",        # money and thousands
    "Il a été élu sans difficulté.",                # "été" the participle
    "The fall of the old bridge surprised us.",     # "fall" the event
])
def test_not_dates(body: str) -> None:
    lang = "fr" if "été" in body else "en"
    assert found(body, PUB, lang) == []


# --------------------------------------------------------------------------
# Anchoring
# --------------------------------------------------------------------------

def test_deixis_without_publication_date_is_a_reference_not_a_date() -> None:
    got = found("They met this week, last year and yesterday, and meet today.")
    assert got == [("this week", "PRESENT_REF"), ("last year", "PAST_REF"),
                   ("yesterday", "PAST_REF"), ("today", "PRESENT_REF")]


def test_deixis_without_publication_date_ignores_the_narrative() -> None:
    got = found("In 1966 France left the command. Last year it argued again.")
    assert got == [("1966", "1966"), ("Last year", "PAST_REF")]


def test_french_anaphora() -> None:
    body = "Le 3 mars 1950, il part. Le lendemain, il pleut. Cette année-là fut dure."
    assert found(body, D(2020, 1, 1), "fr") == [
        ("Le 3 mars 1950", "1950-03-03"), ("Le lendemain", "1950-03-04"),
        ("Cette année-là", "1950")]


def test_deixis_never_reads_the_clock() -> None:
    # The same text gives the same values whatever day the tests run on.
    a = found("They met last week.", D(2001, 6, 15))
    b = found("They met last week.", D(2001, 6, 15))
    assert a == b == [("last week", "2001-W23")]


def test_anaphora_follow_the_narrative() -> None:
    body = ("The army landed on 6 June 1944. The following day it took the town. "
            "Two days later the bridge fell. On 20 August the last pocket surrendered. "
            "The following year the war ended.")
    assert found(body, D(2009, 12, 19)) == [
        ("6 June 1944", "1944-06-06"), ("The following day", "1944-06-07"),
        ("Two days later", "1944-06-09"), ("20 August", "1944-08-20"),
        ("The following year", "1945"),
    ]
    assert {m.anchor for m in extract_mentions(body, published=D(2009, 12, 19))} == {
        "explicit", "narrative"}


def test_news_that_recalls_history_stays_news() -> None:
    body = ("France rejoined the command in April 2009, after leaving it in 1966. "
            "Last month the minister met his allies. The treaty was signed on 4 April 1949. "
            "Seventy-five years later it has 32 members. Two weeks ago the ministers met. "
            "Earlier this year a new member joined. The summit is on 9-11 July.")
    assert found(body, D(2024, 6, 20)) == [
        ("April 2009", "2009-04"), ("1966", "1966"), ("Last month", "2024-05"),
        ("4 April 1949", "1949-04-04"), ("Seventy-five years later", "2024"),
        ("Two weeks ago", "2024-W23"), ("Earlier this year", "2024"),
        ("9", "2024-07-09"), ("11 July", "2024-07-11")]


def test_bare_dates_in_news_count_from_publication() -> None:
    body = "Le ministre est arrivé hier. La séance reprendra le 2 juin. Il a voté le 30 mai."
    got = found(body, D(1999, 5, 27), "fr")
    assert got == [("hier", "1999-05-26"), ("le 2 juin", "1999-06-02"),
                   ("le 30 mai", "1999-05-30")]


def test_weekday_beside_a_date_pins_the_year_near_publication() -> None:
    body = ("Il est arrivé à Dole le 4 avril 1950 et y a ouvert sa boutique le 1er juin "
            "1971. Le magasin fermera mardi 18 février.")
    assert found(body, D(2003, 2, 16), "fr")[-1] == ("mardi 18 février", "2003-02-18")


def test_bare_date_in_news_picks_the_nearest_year() -> None:
    # In February, "11 septembre" is the September just gone.
    assert found("Depuis le 11 septembre, tout a changé.", D(2002, 2, 9), "fr") == [
        ("le 11 septembre", "2001-09-11")]


def test_a_look_back_does_not_move_the_story() -> None:
    body = ("In March 1941 the offensive began. The previous year had been quiet. "
            "In May the offensive stalled.")
    assert found(body, D(2009, 1, 1)) == [
        ("March 1941", "1941-03"), ("The previous year", "1940"), ("May", "1941-05")]


def test_a_passing_year_does_not_move_the_story() -> None:
    # The end of a range and a year after "since" are background.
    body = ("On 12 May 1961 the strike began, planned for the 1961-1962 season. "
            "The mill had been shut since 1948. On 14 May the mill reopened.")
    got = found(body, D(2009, 12, 19))
    assert got[-1] == ("14 May", "1961-05-14")


def test_same_sentence_year_beats_publication_in_news() -> None:
    body = "Prices rose yesterday. The 2003 invasion, which began on March 20, was costly."
    assert found(body, D(2006, 9, 10))[-1] == ("March 20", "2003-03-20")


def test_month_words_are_normalised_by_dateparser() -> None:
    from timeline.extract import _dateparser_month

    assert _dateparser_month("févr.", "fr") == 2
    assert _dateparser_month("sept.", "en") == 9
    assert found("Signé le 3 févr. 2003.", PUB, "fr") == [("le 3 févr. 2003", "2003-02-03")]


def test_weekday_in_news_is_the_latest_before_publication() -> None:
    # 1999-05-20 is a Thursday: "mardi" is two days before.
    assert found("Il a été blessé mardi.", D(1999, 5, 20), "fr") == [("mardi", "1999-05-18")]


def test_clock_time_takes_its_day() -> None:
    assert found("Hier, vers 17 h, la foire a ouvert.", D(1999, 5, 21), "fr") == [
        ("Hier", "1999-05-20"), ("17 h", "1999-05-20")]


def test_shipped_article() -> None:
    from timeline.article import load_article

    art = load_article(ROOT / "articles" / "france-nato-guette-resolution.txt")
    assert art.published is not None
    got = found(art.body, art.published.first)
    assert got == [("this week", "2026-W04"), ("1966", "1966"), ("now", "PRESENT_REF"),
                   ("1966", "1966"), ("2009", "2009"), ("2019", "2019"),
                   ("years ago", "PAST_REF"), ("currently", "PRESENT_REF")]


# --------------------------------------------------------------------------
# Contract: spans, order, robustness, cost
# --------------------------------------------------------------------------

def _check_contract(body: str, mentions: list[Mention]) -> None:
    last_end = -1
    for m in mentions:
        assert 0 <= m.start < m.end <= len(body)
        assert m.text == body[m.start:m.end]
        assert m.start >= last_end
        last_end = m.end
        assert m.sentence_start >= 0
        assert body[m.sentence_start:].startswith(m.sentence)
        assert m.anchor in ("explicit", "publication", "narrative", "none")
        assert m.value


_DATEISH = st.sampled_from([
    "1966", " in March ", "7 mars 1966", "the 1960s", "yesterday", "hier", "mid-", "BC",
    "the following year", "2006-07", "le 1er", " 31 February 1999", "XIXe siècle", " h ",
    "Christmas", "İ", "ß", "\u0130stanbul", "\n", ". ", "years ago", "9999", "0 BC",
])
_TEXTS = st.lists(st.one_of(st.text(max_size=12), _DATEISH), max_size=12).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_TEXTS, lang=st.sampled_from(["en", "fr", "de"]),
       published=st.one_of(st.none(), st.dates()))
def test_never_raises_and_spans_are_exact(body: str, lang: str, published: D | None) -> None:
    _check_contract(body, extract_mentions(body, published=published, lang=lang))


def test_extreme_dates_do_not_raise() -> None:
    body = "On 31 December 9999, the day after, next year and 1 January 0001, then yesterday."
    for pub in (D(1, 1, 1), D(9999, 12, 31)):
        _check_contract(body, extract_mentions(body, published=pub))


def test_version_is_a_string() -> None:
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


def test_import_is_cheap() -> None:
    code = ("import sys, timeline.extract; "
            "print('dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_dateparser_only_when_a_month_name_needs_it() -> None:
    code = ("import sys, datetime; from timeline.extract import extract_mentions; "
            "extract_mentions('In 1966, now, the following year.', "
            "published=datetime.date(2020, 1, 1)); print('dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
