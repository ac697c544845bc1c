"""The reference time, the mode and the reporting period (issue 25).

Every text here was written for these tests; none comes from a scored corpus.
Each group pins one mechanism and, beside it, the counter-case it must leave
alone: a year in passing that must not move the story, a quotation that must
not flip a history into news.
"""

from __future__ import annotations

import datetime

import pytest

from timeline.extract import extract_mentions

D = datetime.date
PAPER = D(2020, 5, 4)  # the default publication date of these texts


def found(body: str, published: D | None = PAPER, lang: str = "en"
          ) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(body, published=published, lang=lang)]


def value_of(body: str, text: str, published: D | None = PAPER, lang: str = "en") -> str:
    values = [v for t, v in found(body, published, lang) if t == text]
    assert len(values) == 1, found(body, published, lang)
    return values[0]


# --- The story's reference time has a scope -------------------------------

@pytest.mark.parametrize(("body", "lang", "text", "expected"), [
    # A year in a parenthesis is an aside: the next bare month stays in the story's year.
    ("The siege began in March 1702. The old bastion (rebuilt in 1650) held. "
     "In May, the garrison surrendered.", "en", "May", "1702-05"),
    # ...and so is a year inside a quotation.
    ('The fleet sailed in June 1588. The admiral wrote that "the year 1571 was '
     'easier". In August, the storms came.', "en", "August", "1588-08"),
    # A "since"/"depuis" phrase says where a state began, not where the story is.
    ("Le traité fut signé en avril 1713. La ville, française depuis l'an 1659, "
     "fut cédée en juillet.", "fr", "juillet", "1713-07"),
    ("The rebels took the port in May 1820; the port, free since the summer of 1791, "
     "fell again in October.", "en", "October", "1820-10"),
])
def test_asides_do_not_move_the_story(body: str, lang: str, text: str, expected: str) -> None:
    assert value_of(body, text, lang=lang) == expected


def test_a_year_opening_a_sentence_still_moves_the_story() -> None:
    # The counter-case: outside any aside, a new year is where the story goes.
    body = "The siege began in March 1702. In 1704 the walls were rebuilt. In May, peace came."
    assert value_of(body, "May") == "1704-05"


@pytest.mark.parametrize(("body", "text", "expected"), [
    # A year later in the same phrase anchors the phrase, not the story's year.
    ("The armies wintered in 1917. The Autumn Offensive of 1916 was recalled by all.",
     "The Autumn", "1916-FA"),
    ("In 1923 the committee met. The July riots of 1921 were its subject.", "July", "1921-07"),
    ("In 1950 the front held. From the 2nd to the 9th of November 1951 the lines moved.",
     "2nd", "1951-11-02"),
])
def test_a_year_later_in_the_phrase_anchors_it(body: str, text: str, expected: str) -> None:
    assert value_of(body, text) == expected


def test_a_bare_season_without_a_phrase_year_follows_the_story() -> None:
    # Counter-case: a verb between the season and a later year ends the phrase.
    body = "The army marched in 1917. In the autumn, it was defeated in 1918 again."
    assert value_of(body, "the autumn") == "1917-FA"


# --- The mode: news or history, and quotations that do not vote -----------

def test_quoted_deixis_does_not_turn_a_history_into_news() -> None:
    history = ("The fortress fell in April 1862. A soldier wrote: \"Today the guns are "
               "quiet, tomorrow we march, and tomorrow evening we cross the river at 5 pm.\" "
               "In June, the army moved west. By September the campaign was over.")
    assert value_of(history, "June", published=D(2019, 9, 1)) == "1862-06"
    assert value_of(history, "September", published=D(2019, 9, 1)) == "1862-09"


def test_the_same_words_outside_quotes_do_make_news() -> None:
    # Counter-case: in the writer's own voice, "today" and "tomorrow" are the paper's.
    news = ("Today the council meets, and tomorrow it votes on the budget. "
            "In June, the new rules apply.")
    assert value_of(news, "Today", published=D(2019, 5, 14)) == "2019-05-14"
    assert value_of(news, "June", published=D(2019, 5, 14)) == "2019-06"


def test_a_paragraph_of_background_years_in_news_reads_as_history() -> None:
    body = ("The mayor resigned yesterday, and the council meets on Thursday.\n"
            "The town was founded in 1620 and burned in 1701, again in 1743 and in 1790. "
            "It was rebuilt in 1802, in 1811, in 1840 and in 1856. In March, a new hall opened.")
    # The background paragraph names eight old years and no deixis: its bare
    # March is the story's, not the paper's.
    assert value_of(body, "March", published=D(2021, 6, 9)) == "1856-03"
    assert value_of(body, "yesterday", published=D(2021, 6, 9)) == "2021-06-08"


# --- Direction: tense and the paper's own weekday -------------------------

def test_a_weekday_ahead_in_that_weekday_s_paper_is_that_day() -> None:
    friday = D(2021, 6, 11)
    assert value_of("The committee will vote on Friday.", "Friday", published=friday) \
        == "2021-06-11"
    # "next Friday" still says the week after.
    assert value_of("The committee will vote next Friday.", "next Friday",
                    published=friday) == "2021-06-18"
    # A report looks back.
    assert value_of("The committee voted on Thursday.", "Thursday", published=friday) \
        == "2021-06-10"


def test_a_verb_inside_a_quotation_does_not_set_the_report_s_tense() -> None:
    # "will" is the speaker's, inside quotes; the report itself ("said") looks back.
    body = "``We will not give up,'' the minister said Tuesday."
    assert value_of(body, "Tuesday", published=D(2021, 6, 10)) == "2021-06-08"


# --- Steps from an event the text has dated --------------------------------

def test_a_step_from_a_named_event_counts_from_its_date_in_the_text() -> None:
    body = ("The harbour fort of Valdera surrendered on 3 August 1811 after a long siege. "
            "The fleet stayed in port. Nine days after the fall of Valdera, the army left.")
    assert value_of(body, "Nine days after") == "1811-08-12"


def test_a_step_from_an_event_dated_only_to_the_year_is_no_finer() -> None:
    body = ("The treaty of Orsenna was signed in May 1742. Two weeks after the Orsenna treaty, "
            "the envoys went home.")
    # Two weeks after some day of May may be in May or June: the year, nothing finer.
    assert value_of(body, "Two weeks after") == "1742"


def test_a_step_from_an_event_the_text_never_dates_stays_unknown() -> None:
    # Counter-case: no earlier sentence dates the event: no value is invented
    # (timeline.anchoring may still find it in the curated history).
    body = "The garrison was small. Nine days after the fall of Valdera, the army left."
    assert value_of(body, "Nine days after") == ""


# --- The reporting period a company report is about ------------------------

REPORT = ("Acme Corp. said net income for the third quarter rose 12% to $40 million. "
          "A year earlier, the company earned $35 million. Sales in the quarter rose, "
          "and year-earlier sales were hurt by a strike. Results for the 2018 period "
          "were restated.")


@pytest.mark.parametrize(("text", "expected"), [
    ("the third quarter", "2019-Q3"),
    ("A year earlier", "2018-Q3"),
    ("the quarter", "2019-Q3"),
    ("year-earlier", "2018-Q3"),
    ("the 2018 period", "2018-Q3"),
])
def test_comparisons_take_the_reporting_period(text: str, expected: str) -> None:
    assert value_of(REPORT, text, published=D(2019, 10, 24)) == expected


def test_last_year_in_a_report_is_the_whole_year() -> None:
    # Counter-case: "last year" is most often the year as a whole.
    body = "Net income for the third quarter rose. Last year the company earned $90 million."
    assert value_of(body, "Last year", published=D(2019, 10, 24)) == "2018"


def test_the_period_without_a_reporting_period_is_no_date() -> None:
    # Counter-case: with no quarter named nearby, "the quarter" and "the period" are not dates.
    body = "The old quarter of the city is quiet. The period of rebuilding was long."
    assert found(body, D(2019, 10, 24)) == []


# --- The earlier rules still hold ------------------------------------------

def test_we_is_not_wednesday_and_unknown_stays_unknown() -> None:
    assert found("We met the envoys.", None) == []
    assert value_of("The court sat on Tuesday.", "Tuesday", published=None) == "XXXX-WXX-2"


@pytest.mark.parametrize(("body", "text", "expected"), [
    # The part comes from the reporting period named before.
    ("The third quarter was strong; last year's quarter was weaker.", "last year's quarter",
     "2018-Q3"),
    ("Analysts expect next year's first quarter to be flat.", "next year's first quarter",
     "2020-Q1"),
])
def test_a_year_s_quarter_counts_like_the_year(body: str, text: str, expected: str) -> None:
    assert value_of(body, text, published=D(2019, 10, 24)) == expected


# --- Years said as words (broadcast transcripts) ---------------------------

@pytest.mark.parametrize(("body", "expected"), [
    ("The dam was finished in nineteen eighty-two.", [("nineteen eighty-two", "1982")]),
    ("Talks resumed in March nineteen ninety-one.", [("March nineteen ninety-one", "1991-03")]),
    ("Prices doubled by the year two thousand.", [("the year two thousand", "2000")]),
    ("The mill opened in eighteen oh seven.", [("eighteen oh seven", "1807")]),
    # Counter-cases: counts said as words are no years.
    ("The plant employs two thousand people.", []),
    ("Nineteen people were hurt.", []),
])
def test_years_said_as_words(body: str, expected: list) -> None:
    assert found(body, D(1998, 6, 1)) == expected


def test_the_end_of_a_stretch_is_not_moved_back_by_a_past_verb() -> None:
    # October's paper: the loans were extended (past) until a January still ahead.
    body = "The banks extended the loans through January."
    assert value_of(body, "January", published=D(2019, 10, 24)) == "2020-01"
    # Counter-case: without "through", the past verb still looks back.
    assert value_of("The banks extended the loans in January.", "January",
                    published=D(2019, 10, 24)) == "2019-01"


def test_the_end_of_a_stretch_named_by_an_event_does_not_move_the_story() -> None:
    # issue 25 (values): "until the fall of X in <date>" tells where a state
    # ended, ahead of the story; "the citadel fell in <date>" moves it.
    body = ("In May 1701 the siege began; the blockade lasted until the fall of the "
            "citadel in March 1703. By the start of July, the army had moved north.")
    assert value_of(body, "the start of July") == "1701-07"
    moved = ("In May 1701 the siege began. The citadel fell in March 1703. By the start "
             "of July, the army had moved north.")
    assert value_of(moved, "the start of July") == "1703-07"
    # A step still counts from the end just read: "two years later" is 1705.
    step = ("In May 1701 the siege began; the blockade lasted until the fall of the "
            "citadel in March 1703. Two years later, peace was signed.")
    assert value_of(step, "Two years later") == "1705"


@pytest.mark.parametrize(("body", "text", "expected"), [
    # A winter named after the story's summer or autumn is the one that
    # follows, given the year of its January as TIMEX3 writes it...
    ("In 1702 the war spread. The army gathered in the summer and autumn of 1702. It "
     "passed the winter at Dijon. Early in spring it marched north.", "the winter", "1703-WI"),
    # ...and the story goes on into that year.
    ("In 1702 the war spread. The army gathered in the summer and autumn of 1702. It "
     "passed the winter at Dijon. Early in spring it marched north.", "Early in spring",
     "1703-SP"),
    ("On 3 October 1702 the army reached Dijon and spent the winter there.",
     "the winter", "1703-WI"),
    # Counter-case: a story still in its spring names that year's winter.
    ("In March 1702 the army gathered at Lyon. It passed the winter at Dijon.",
     "the winter", "1702-WI"),
])
def test_a_winter_after_the_story_s_autumn_is_the_next(body: str, text: str,
                                                       expected: str) -> None:
    assert value_of(body, text) == expected


def test_a_date_given_as_a_yardstick_does_not_move_the_story() -> None:
    body = ("In 1851 the harvest recovered. Wheat fetched 40 shillings in November 1851, as "
            "against 70 shillings in January 1847. In May, the mills reopened.")
    assert value_of(body, "May") == "1851-05"
    plain = ("In 1851 the harvest recovered. Wheat had fetched 70 shillings in January 1847. "
             "In May, the mills reopened.")
    assert value_of(plain, "May") == "1847-05"


def test_a_year_closing_a_pair_anchors_both() -> None:
    body = ("In April 1944 the front was quiet. Both armies had spent the spring and early "
            "summer of 1943 rebuilding. In the spring, the offensive began.")
    found = [(m.text, m.value) for m in extract_mentions(body, published=PAPER)]
    assert ("the spring", "1943-SP") in found
    assert ("the spring", "1944-SP") in found  # the second, alone, is the story's


def test_of_that_year_is_the_year_just_named() -> None:
    body = ("In March 1941 the front held. The war in the east had stalled by 1940. In "
            "August of that year, a new offensive began.")
    assert value_of(body, "August of that year") == "1940-08"
    plain = "In March 1941 the front held. In August of that year, a new offensive began."
    assert value_of(plain, "August of that year") == "1941-08"
