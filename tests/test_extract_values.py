"""Values of news dates: the tense that points a weekday or a bare date, the
year of a bare month, and the reporting period of company news (issue 25).

Every text here was written for these tests; none comes from a scored corpus.
Each case stands beside its counter-case, the same words with the marker that
points the other way.
"""

from __future__ import annotations

import datetime

import pytest

from timeline.extract import extract_mentions

D = datetime.date
MONDAY = D(2020, 5, 4)  # the paper of most texts here: Monday 4 May 2020
OCTOBER = D(2020, 10, 28)


def value_of(body: str, text: str, published: D = MONDAY) -> str:
    found = [(m.text, m.value) for m in extract_mentions(body, published=published, lang="en")]
    values = [v for t, v in found if t == text]
    assert len(values) == 1, found
    return values[0]


# --- Tense: which markers speak for the date ---------------------------------

@pytest.mark.parametrize(("body", "text", "published", "expected"), [
    # A participle after a form of "be" is passive, the irregular ones too:
    # "would still be held" looks ahead, so April is this year's.
    ("The award ceremony would still be held on April 24.", "April 24",
     D(2020, 2, 10), "2020-04-24"),
    # ...while "was held" looks back: last year's April.
    ("The award ceremony was held on April 24.", "April 24", D(2020, 2, 10), "2019-04-24"),
    ("The appeal is heard in June by three judges.", "June", D(2020, 3, 20), "2020-06"),
    # A modal with "have" looks back: not next year's April.
    ("Detectives wonder how on April 20 the burglar could have got in.", "April 20",
     MONDAY, "2020-04-20"),
    # A bare modal still looks ahead, a date months back then being next year's.
    ("The board could meet on February 3 to settle it.", "February 3", MONDAY, "2021-02-03"),
    # A day a few weeks back is not next year's for a clause that looks ahead.
    ("Under the April 20 truce, the border could still reopen.", "April 20", MONDAY, "2020-04-20"),
    # A schedule that had been due is past: last Friday, not the coming one.
    ("The bid had been due to expire Friday evening.", "Friday evening", MONDAY, "2020-05-01"),
    ("The bid is due to expire Friday evening.", "Friday evening", MONDAY, "2020-05-08"),
    # A verb after "that" is what was said, not when: the warning came last Thursday.
    ("Warnings came from the capital on Thursday that strikes could follow.", "Thursday",
     MONDAY, "2020-04-30"),
    ("The strikes could resume on Thursday, the minister warned.", "Thursday",
     MONDAY, "2020-05-07"),
    # An intention told in the past still looks ahead, "were" notwithstanding.
    ("Fans cheered on Friday and were planning to march on Monday.", "Monday", D(2020, 5, 8),
     "2020-05-11"),
    ("Fans cheered on Friday and were marching on Monday.", "Monday", D(2020, 5, 8),
     "2020-05-04"),
    # "could not" is a failed attempt already made; "could" alone may still happen.
    ("The mayor could not be reached on Thursday.", "Thursday", MONDAY, "2020-04-30"),
    ("The mayor could be reached on Thursday.", "Thursday", MONDAY, "2020-05-07"),
    # An "-ed" word after an article is an adjective, not a past verb.
    ("The dividend would be paid on a still unspecified date in January.", "January",
     OCTOBER, "2021-01"),
    ("The dividend was paid in January.", "January", OCTOBER, "2020-01"),
    # A date between an article and its noun names a known thing: a clause that
    # looks ahead does not push it to next year...
    ("Talks could revive the June agreement with the union.", "June", OCTOBER, "2020-06"),
    ("Talks could resume in June.", "June", OCTOBER, "2021-06"),
    # ...and a past act that starts a stretch ahead leaves the nearest date.
    ("The board named a new chairman, effective Feb. 1.", "Feb. 1", OCTOBER, "2021-02-01"),
    ("The board named a new chairman on Feb. 1.", "Feb. 1", OCTOBER, "2020-02-01"),
    ("The talks that began in the spring are supposed to end by May.", "May",
     D(2020, 3, 22), "2020-05"),
    ("The talks concluded in May.", "May", D(2020, 3, 22), "2019-05"),
])
def test_tense_markers(body: str, text: str, published: D, expected: str) -> None:
    assert value_of(body, text, published) == expected


# --- The mode and the year of a bare date in news ----------------------------

WIRE = ("OSLO, May 3 (Wire) -- The three ports, opened to trade in June 2017, will "
        "close on June 15. The council approved the plan on April 28.")


def test_a_dateline_day_beside_the_paper_s_makes_a_wire_story_news() -> None:
    # One year two years back and no deictic word: the dateline's day, a day
    # from the paper's, is what says news, so April is this April.
    assert value_of(WIRE, "April 28") == "2020-04-28"


def test_a_sentence_s_year_does_not_hold_a_date_its_clause_puts_ahead() -> None:
    assert value_of(WIRE, "June 15") == "2020-06-15"
    body = ("The minister said on Friday that the three states, invited in July 2017, "
            "will join on June 12.")
    assert value_of(body, "June 12") == "2020-06-12"
    # In a past clause the sentence's year still holds in news.
    body = ("BERGEN, May 2 (Wire) -- The dock, sold in August 2018, was repaired on "
            "June 3 of that summer. Work resumed on April 30.")
    assert value_of(body, "June 3") == "2018-06-03"


def test_a_history_s_bare_days_stay_in_the_story() -> None:
    body = "The fort fell in June 1917. On May 20, the relief column arrived."
    assert value_of(body, "May 20") == "1917-05-20"


# --- The reporting period of company news ------------------------------------


def test_a_period_named_in_passing_does_not_replace_the_report_s() -> None:
    body = ("Harbor Mills posted third-quarter net of $4 million. After a weak second "
            "quarter blamed on freight costs, orders recovered. In the year-earlier "
            "period, the company lost $1 million.")
    assert value_of(body, "the year-earlier period", OCTOBER) == "2019-Q3"
    # The counter-case: the only period the text names is the one compared with.
    alone = ("After a weak second quarter blamed on freight costs, orders recovered. "
             "In the year-earlier period, the company lost $1 million.")
    assert value_of(alone, "the year-earlier period", OCTOBER) == "2019-Q2"


def test_a_forecast_period_is_not_the_report_s() -> None:
    body = ("Harbor Mills posted third-quarter net of $4 million. Analysts expect losses "
            "to persist through the second quarter of 2021. A year earlier, it earned "
            "$3 million.")
    assert value_of(body, "A year earlier", OCTOBER) == "2019-Q3"


def test_a_fiscal_quarter_reported_on_is_the_focus_before_the_calendar_s_ends() -> None:
    body = ("Dunmore Foods said fourth-quarter earnings fell 10% to $5 million, from "
            "$6 million a year earlier.")
    assert value_of(body, "a year earlier", OCTOBER) == "2019-Q4"
    # A quarter still to come, with nothing reported for it, is no focus.
    ahead = "Dunmore expects a weak fourth quarter. Prices rose 5% from a year earlier."
    assert value_of(ahead, "a year earlier", OCTOBER) == "2019"


def test_after_nine_months_a_year_earlier_is_the_year_before() -> None:
    body = ("Alder Bank earned $2 million in the third quarter, up from $1 million a year "
            "earlier. For the first nine months, it earned $9 million, against $7 million "
            "in the year-ago period. Deposits grew in the quarter, and fees rose from a "
            "year ago.")
    found = [(m.text, m.value) for m in extract_mentions(body, published=OCTOBER, lang="en")]
    assert ("a year earlier", "2019-Q3") in found
    assert ("the year-ago period", "2019") in found  # the nine months of 2019: that year
    # The quarter is still the report's, and the report is back on it.
    assert ("the quarter", "2020-Q3") in found
    assert ("a year ago", "2019-Q3") in found


# --- Clock times, time zones and parentheses ---------------------------------

def test_a_clock_time_takes_the_day_written_after_its_time_zone() -> None:
    # In English the clock, its zone and its day are one expression, as TimeML writes it.
    assert value_of("Bids close at 5 p.m. EST, May 8, the agency said.", "5 p.m. EST, May 8") \
        == "2020-05-08"


def test_a_colon_after_a_day_does_not_make_it_a_clock() -> None:
    body = "The paper said in an editorial on Tuesday, May 5: the vote was fair."
    assert value_of(body, "Tuesday, May 5") == "2020-05-05"


@pytest.mark.parametrize(("verb", "expected"), [("will sail", "2020-05-07"),
                                                ("sailed", "2020-04-30")])
def test_a_date_in_its_own_parenthesis_takes_the_clause_s_tense(verb: str, expected: str
                                                                ) -> None:
    body = f"The ferry {verb} at dawn (5 a.m. GMT Thursday), the captain said."
    assert value_of(body, "5 a.m. GMT Thursday") == expected


def test_this_month_is_this_year_s() -> None:
    february = D(2020, 2, 5)
    assert value_of("The election due this September worries the party.", "September",
                    february) == "2020-09"
    # Without "this", the nearest September: the one five months back.
    assert value_of("Turnout in September was low.", "September", february) == "2019-09"


def test_last_before_a_month_and_day_is_the_latest_such_day() -> None:
    body = "The plant closed last Oct. 23 after a fire and reopens next March 3."
    assert value_of(body, "last Oct. 23") == "2019-10-23"
    assert value_of(body, "next March 3") == "2021-03-03"
    assert value_of("The plant closed last October.", "last October") == "2019-10"


def test_a_day_half_a_year_either_way_is_the_past_one() -> None:
    # News tells of the past more than it announces: a tie goes back.
    february = D(2020, 2, 6)
    assert value_of("The index set its record on Aug. 6.", "Aug. 6", february) == "2019-08-06"
    assert value_of("The index set its record on Aug. 5.", "Aug. 5", february) == "2020-08-05"


def test_no_sentence_ends_after_a_title_so_the_verb_still_counts() -> None:
    assert value_of("The envoy will meet Gen. Ortiz on Friday.", "Friday") == "2020-05-08"
    assert value_of("The envoy met Gen. Ortiz on Friday.", "Friday") == "2020-05-01"


def test_a_date_opening_its_sentence_waits_for_the_verb() -> None:
    body = ("In January, a week after the Smith vs. Jones ruling on river rights and "
            "the fishing quotas of the northern coast, a fire at the old cannery killed two.")
    assert value_of(body, "January", D(2020, 10, 25)) == "2020-01"
    ahead = body.replace("killed", "will close")
    assert value_of(ahead, "January", D(2020, 10, 25)) == "2021-01"


def test_a_quarter_of_an_amount_is_the_report_s_and_the_quarter_a_year_ago_its_twin() -> None:
    body = ("Keel Shipping posted a loss for the third quarter of $12 million. For the "
            "quarter a year ago, it earned $3 million.")
    assert value_of(body, "the third quarter", OCTOBER) == "2020-Q3"
    assert value_of(body, "the quarter a year ago", OCTOBER) == "2019-Q3"
    # "of" before a year still reads that year.
    assert value_of("Sales fell in the third quarter of 2018.", "the third quarter of 2018",
                    OCTOBER) == "2018-Q3"


def test_the_previous_weekday_counts_from_the_day_the_text_is_on() -> None:
    body = ("The index closed at 2,080 on Wednesday, down 3% from the previous Wednesday. "
            "Traders expect a rebound the following Monday.")
    found = [(m.text, m.value) for m in extract_mentions(body, published=MONDAY, lang="en")]
    assert found[:3] == [("Wednesday", "2020-04-29"), ("Wednesday", "2020-04-22"),
                         ("Monday", "2020-04-27")]
    # Without "the previous", a bare weekday counts from the paper.
    assert value_of("Traders expect a rebound on Monday.", "Monday") == "2020-05-04"


@pytest.mark.parametrize(("body", "expected"), [
    # Put off until a weekday: the coming one, though the report is past.
    ("The court postponed until Tuesday any ruling on the appeal.", "2020-05-05"),
    ("The agency gave the tenants until 9 a.m. Tuesday to leave.", "2020-05-05"),
    # A stretch that ran until a weekday in a past clause: the last one.
    ("The exhibition stayed open until Tuesday.", "2020-04-28"),
])
def test_a_weekday_things_are_put_off_until_is_ahead(body: str, expected: str) -> None:
    found = [m for m in extract_mentions(body, published=MONDAY, lang="en")
             if m.text.endswith("Tuesday")]
    assert [m.value for m in found] == [expected]


@pytest.mark.parametrize(("body", "expected"), [
    # A weekday that owns a thing names what has happened, whatever the verb.
    ("The tenants said they would appeal Thursday's ruling.", "2020-04-30"),
    # "ahead of" still looks forward...
    ("Parties will campaign ahead of Thursday's vote.", "2020-05-07"),
    # ...and without the possessive the modal does.
    ("The tenants said they would appeal on Thursday.", "2020-05-07"),
])
def test_a_weekday_s_thing_has_happened(body: str, expected: str) -> None:
    assert value_of(body, "Thursday") == expected


def test_then_current_is_a_present_gone_by() -> None:
    body = "The then current chairman resigned; the current chairman stays."
    found = [(m.text, m.value) for m in extract_mentions(body, published=MONDAY, lang="en")]
    assert found == [("current", "PAST_REF"), ("current", "PRESENT_REF")]


@pytest.mark.parametrize(("body", "expected"), [
    # A participle with its agent after the date qualifies a noun: "will" speaks.
    ("The ferry line will add two crossings by August to reach villages "
     "untouched by the railway.", "2020-08"),
    # With an auxiliary it is the clause's verb, and it looks back.
    ("The harbour wall rebuilt in August was damaged by the storm.", "2019-08"),
])
def test_a_participle_on_a_noun_is_no_verb_of_the_clause(body: str, expected: str) -> None:
    assert value_of(body, "August") == expected


@pytest.mark.parametrize(("body", "expected"), [
    # The yardstick of a quarter's figure: that quarter a year before.
    ("Harbor Mills earned $4 million in the third quarter, against a loss of "
     "$1 million last year.", "2019-Q3"),
    ("Harbor Mills said third-quarter sales rose 8% from last year's $50 million.", "2019-Q3"),
    # Not beside a figure: the whole year, as "last year" usually is in a report.
    ("Harbor Mills earned $4 million in the third quarter. Last year the company "
     "closed two plants.", "2019"),
])
def test_last_year_as_a_quarter_s_yardstick(body: str, expected: str) -> None:
    found = [(m.text.lower(), m.value) for m in extract_mentions(body, published=OCTOBER,
                                                                   lang="en")]
    assert ("last year", expected) in found, found


def test_a_month_s_possessive_is_that_month() -> None:
    body = "After a revision to December's figures, the bureau said hiring slowed."
    assert value_of(body, "December", D(2021, 2, 5)) == "2020-12"
    # A name that is also a month stays a name without a word of time before it.
    found = [m.text for m in extract_mentions("Theresa May's cabinet met.",
                                              published=D(2021, 2, 5), lang="en")]
    assert found == []


@pytest.mark.parametrize(("body", "expected"), [
    # The day is unknown, its month or year is not: TIMEX3 writes the rest as X.
    ("The quarry flooded in October 2019. The pumps failed that same day.", "2019-10-XX"),
    ("The quarry flooded in 2019. The pumps failed that same day.", "2019-XX-XX"),
    # A day named before: that day.
    ("The quarry flooded on 3 October 2019. The pumps failed that same day.", "2019-10-03"),
])
def test_that_day_after_a_month_or_year_has_an_unknown_day(body: str, expected: str) -> None:
    assert value_of(body, "that same day") == expected


@pytest.mark.parametrize(("body", "expected"), [
    # Up to the date just told.
    ("The offer expires on June 12. Until then, holders may sell their shares.",
     [("June 12", "2020-06-12"), ("then", "2020-06-12")]),
    # No date before it, or "then" qualifying a title: no time.
    ("Until then, holders may sell their shares.", []),
    ("The offer expires on June 12, said then Senator Hale.",
     [("June 12", "2020-06-12")]),
    # "since then" is a stretch from that date, no date of its own.
    ("The plant closed on June 12. Since then, prices have risen.",
     [("June 12", "2020-06-12")]),
])
def test_until_then_is_the_date_just_told(body: str, expected: list) -> None:
    found = [(m.text, m.value) for m in extract_mentions(body, published=MONDAY, lang="en")]
    assert found == expected


def test_this_quarter_s_results_are_the_report_s_quarter() -> None:
    body = ("Alder Bank posted a third-quarter loss of $2 million. This quarter's loss "
            "includes a charge for closing branches.")
    assert value_of(body, "This quarter", OCTOBER) == "2020-Q3"
    # Without results owned, "this quarter" is the paper's.
    ahead = ("Alder Bank posted a third-quarter loss of $2 million. It plans to close "
             "branches this quarter.")
    assert value_of(ahead, "this quarter", OCTOBER) == "2020-Q4"
