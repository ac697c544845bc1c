"""What is taken as a date expression, and what is not (issue 25, spans).

Every text here was written for these tests; each case came with its
counter-case, so that a rule that takes too much or too little fails.
"""

from __future__ import annotations

import datetime

import pytest

from timeline.extract import extract_mentions

D = datetime.date
PAPER = D(1998, 3, 3)  # a Tuesday


def found(body: str, published: D | None = PAPER, lang: str = "en") -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(body, published=published, lang=lang)]


@pytest.mark.parametrize(("body", "expected"), [
    # A stretch up to or from the writer's time, with no count or a vague one.
    ("Ticket sales have doubled in recent years.", [("recent years", "PAST_REF")]),
    ("The bakery expects slower trade in coming months.", [("coming months", "FUTURE_REF")]),
    ("Rents have climbed over the last few months.", [("the last few months", "PAST_REF")]),
    ("The chain lost money over the past several quarters.",
     [("the past several quarters", "PAST_REF")]),
    ("Ferries ran late in recent weeks and months.",
     [("recent weeks and months", "PAST_REF")]),
    # A written count makes it a duration, and "of" a part of something else.
    ("The pool was shut for the past three weeks.", []),
    ("She spent the last months of the war in Lyon.", []),
    # One period back from the writer's.
    ("Membership of the club rose over the past year.", [("the past year", "1997")]),
    ("Wages lagged prices in the last decade.", [("the last decade", "198")]),
    # "the last week of May" and "the last year before the war" are parts of
    # other periods, not the week or year before the paper.
    ("Rain fell in the last week of May.", [("the last week of May", "1997-05")]),
    ("Grain ran short in the last year before the war.", []),
])
def test_stretches_before_and_after_the_writer(body: str, expected: list) -> None:
    assert found(body) == expected


def test_at_the_same_time_is_a_date_in_a_history_only() -> None:
    history = ("The siege of the port began in March 1711. At the same time, a second "
               "army crossed the river.")
    assert found(history, None) == [("March 1711", "1711-03"), ("the same time", "1711-03")]
    # In a report it joins two facts ("meanwhile", "also"), as TimeML leaves it.
    report = ("The mill said on Monday it would cut 200 jobs. At the same time, it "
              "will open a plant next year.")
    assert found(report) == [("Monday", "1998-03-02"), ("next year", "1999")]
    # Set against last year it is the paper's month, a year back.
    assert found("Prices were lower at the same time last year.") == [
        ("the same time", "1997-03"), ("last year", "1997")]


@pytest.mark.parametrize(("body", "published", "lang", "expected"), [
    # Feasts on the nth weekday of a month, counted for the year nearest the paper.
    ("The ferry capsized on Thanksgiving Day.", D(2004, 1, 9), "en",
     [("Thanksgiving Day", "2003-11-27")]),
    ("She moved here last Thanksgiving.", D(2004, 3, 1), "en",
     [("last Thanksgiving", "2003-11-27")]),
    ("The count will run until Election Day.", D(2010, 10, 20), "en",
     [("Election Day", "2010-11-02")]),
    ("The parade is held on Memorial Day.", D(2011, 5, 2), "en",
     [("Memorial Day", "2011-05-30")]),
    ("Labor Day, 1995 was hot.", None, "en", [("Labor Day, 1995", "1995-09-04")]),
    # Feasts counted from Easter.
    ("Shops closed on Good Friday 2019.", None, "en", [("Good Friday 2019", "2019-04-19")]),
    ("Le vendredi saint 2019, les cloches se sont tues.", None, "fr",
     [("vendredi saint 2019", "2019-04-19")]),
    # A feast in lower case is a word ("a thanksgiving service"), and Easter
    # before the Gregorian calendar keeps only its year.
    ("They held a thanksgiving service.", D(2004, 1, 9), "en", []),
    ("The town fell at Easter 1350.", None, "en", [("Easter 1350", "1350")]),
])
def test_feasts_whose_day_is_computed(body: str, published: D | None, lang: str,
                                      expected: list) -> None:
    assert found(body, published, lang) == expected


def test_the_period_a_report_is_in() -> None:
    report = ("The brewer said net income rose 8% in the third quarter. Sales in the latest "
              "period grew 5%. For the full year, it expects flat volume. For the week, its "
              "shares fell 2%.")
    assert found(report, D(1998, 10, 22)) == [
        ("the third quarter", "1998-Q3"), ("the latest period", "1998-Q3"),
        ("the full year", "1998"), ("the week", "1998-W43")]
    # Without a period named, "the latest period" refers to nothing.
    assert found("Sales in the latest period grew.", D(1998, 10, 22)) == []
    # "the year of", "the year before" and "the year-ago" say something else.
    assert found("It was the year of the great flood.", D(1998, 10, 22)) == []
    assert ("the year", "1998") not in found(
        "Profit fell to $3 million from $5 million the year before.", D(1998, 10, 22))


def test_the_year_in_a_history_is_the_storys() -> None:
    history = ("In 1712 the duke raised a new army. Drought cut the year's harvest by half, "
               "and the week brought more rain.")
    assert found(history, None) == [("1712", "1712"), ("the year", "1712")]


@pytest.mark.parametrize(("body", "expected"), [
    # A clock time just before its day is one expression with that day's date.
    ("The strike ended at noon Thursday.", [("noon Thursday", "1998-02-26")]),
    ("Bids close at 5 p.m. EST, Feb. 27.", [("5 p.m. EST, Feb. 27", "1998-02-27")]),
    ("The ferry sailed at 6 a.m. on Sunday.", [("6 a.m. on Sunday", "1998-03-01")]),
    ("The shelling began 15:00 GMT Saturday.", [("15:00 GMT Saturday", "1998-02-28")]),
    # Without a zone or a preposition four digits and a colon are a score.
    ("It was 15:00 at half time.", []),
    # A sentence between them keeps them apart.
    ("The ferry sailed at 6 a.m. Crews came back Sunday.",
     [("6 a.m.", "1998-03-03"), ("Sunday", "1998-03-01")]),
])
def test_a_clock_time_and_its_day_are_one_expression(body: str, expected: list) -> None:
    assert found(body) == expected


def test_a_french_clock_time_keeps_its_own_span() -> None:
    assert found("Vers 15 h 30, samedi, la grange a brûlé.", PAPER, "fr") == [
        ("15 h 30", "1998-02-28"), ("samedi", "1998-02-28")]


@pytest.mark.parametrize(("body", "expected"), [
    # A month with "this/last/next year" is one expression, in that year.
    ("The dam was closed in June last year.", [("June last year", "1997-06")]),
    ("Works start in early May next year.", [("early May next year", "1999-05")]),
    ("Sales peaked on March 3 this year.", [("March 3 this year", "1998-03-03")]),
    # "last year's" is a year of its own, and a verb "may" no month.
    ("In June, profit beat last year's.", [("June", "1998-06"), ("last year", "1997")]),
    ("They may next year expand.", [("next year", "1999")]),
])
def test_a_month_of_last_or_next_year(body: str, expected: list) -> None:
    assert found(body, D(1998, 12, 3)) == expected


def test_a_date_before_a_colon() -> None:
    # A dateline or heading ends with a colon; a clock time starts one.
    assert found("The Courier said in an editorial on Saturday, Feb. 28: the court erred.") == [
        ("Saturday, Feb. 28", "1998-02-28")]
    assert found("Doors open on March 6 at 10:30.") == [("March 6", "1998-03-06"),
                                                         ("10:30", "1998-03-06")]


@pytest.mark.parametrize(("body", "expected"), [
    # A capital inside a sentence makes a word of time part of a name.
    ('The minister said on the "This Week" programme that talks failed.', []),
    ("You are listening to Radio Harbour Today.", []),
    ("They screened High Noon at the club.", []),
    # At the head of a sentence or a quotation, or in a line of capitals, it is a date.
    ("Today, the mill is shut.", [("Today", "1998-03-03")]),
    ('He said: "Tomorrow we vote."', [("Tomorrow", "1998-03-04")]),
    ("FERRY STRIKE ENDS TODAY", [("TODAY", "1998-03-03")]),
    ('"This week is hard," he said.', [("This week", "1998-W10")]),
])
def test_words_of_time_inside_names(body: str, expected: list) -> None:
    assert found(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # Times of day said in words take the day they are in.
    ("The court rose at midday.", [("midday", "1998-03-03")]),
    ("By mid-afternoon the road was clear.", [("mid-afternoon", "1998-03-03")]),
    ("The convoy left at 5 in the morning.", [("5 in the morning", "1998-03-03")]),
    ("The bells rang at nine o'clock.", []),  # a number in words is left alone
    ("The bells rang at 9 o'clock.", [("9 o'clock", "1998-03-03")]),
    # A count of things in the morning is no time.
    ("She answered 5 in the morning and 3 after lunch.", []),
])
def test_times_of_day_in_words(body: str, expected: list) -> None:
    assert found(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "of" before an amount does not make a period part of something else.
    ("The mill reported a loss for the third quarter of $4.1 million.",
     [("the third quarter", "1998-Q3")]),
    ("Its shares hit a high for the year of $31.",
     [("the year", "1998")]),
    # "of" before a period does: one expression.
    ("Output fell in the third quarter of 1996.", [("the third quarter of 1996", "1996-Q3")]),
    ("New rules take effect by year's end.", [("year's end", "1998")]),
])
def test_periods_before_an_amount(body: str, expected: list) -> None:
    assert found(body, D(1998, 11, 4)) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # Nights in general, of no one day.
    ("The scouts crossed the ridge at night.", [("night", "XXXX-XX-XXTNI")]),
    ("The rebels relied on night raids.", [("night", "XXXX-XX-XXTNI")]),
    ("A night-time march followed.", [("night-time", "XXXX-XX-XXTNI")]),
    # A night of a known day keeps that day.
    ("The Friday night raid failed.", [("Friday night", "1998-02-27")]),
    ("They argued last night.", [("last night", "1998-03-02")]),
    # "night" as a noun of its own is no time ("a night in the cells").
    ("He spent a night in the cells.", []),
])
def test_nights_in_general(body: str, expected: list) -> None:
    assert found(body) == expected


def test_the_latest_quarter_is_the_one_before_the_paper() -> None:
    report = ("Net income rose in the fourth quarter of last year. In the latest quarter, "
              "sales fell; the quarter-to-quarter comparison was hurt by a strike.")
    assert found(report, D(1998, 11, 4)) == [
        ("the fourth quarter of last year", "1997-Q4"), ("the latest quarter", "1998-Q3")]


@pytest.mark.parametrize(("body", "expected"), [
    # "Now," opening a sentence turns the argument; it refers to no time.
    ("The mill lost money for years. Now, its owners say, the worst is over.", []),
    ('"Now, let us be clear," the mayor said.', []),
    # "now" inside the clause, or opening it without a comma, is the present.
    ("The mill lost money for years. Now the worst is over.", [("Now", "PRESENT_REF")]),
    ("Its owners now say the worst is over.", [("now", "PRESENT_REF")]),
    ("The fund holds more cash now, analysts say.", [("now", "PRESENT_REF")]),
])
def test_now_as_a_turn_in_the_argument(body: str, expected: list) -> None:
    assert found(body) == expected


@pytest.mark.parametrize(("body", "lang", "expected"), [
    # Years cut to two digits after an apostrophe, where a word of time
    # introduces them: the latest such year up to the one after the paper's.
    ("Prices peaked in '99 and fell after.", "en", [("'99", "1999")]),
    ("The drought of the summer of '76 is remembered.", "en",
     [("the summer of '76", "1976-SU")]),
    ("The harbour froze in January '63.", "en", [("January '63", "1963-01")]),
    # A title, a decade and a count are not years.
    ("The band played '99 Red Balloons' twice.", "en", []),
    ("Rents doubled in the '80s.", "en", [("the '80s", "198")]),
    # French: "en 97" where nothing counted follows.
    ("Le club est né en 97 à Dole.", "fr", [("97", "1997")]),
    ("Le gâteau est coupé en 12 et servi.", "fr", []),
    ("Le trajet se fait en 10 à 15 minutes.", "fr", []),
    # An era whose last full stop is missing.
    ("The port was burnt in 146 B.C and rebuilt.", "en", [("146 B.C", "BC0146")]),
    # The present as an adjective.
    ("The fort stood in present-day Ghana.", "en", [("present-day", "PRESENT_REF")]),
])
def test_short_year_forms(body: str, lang: str, expected: list) -> None:
    assert found(body, D(2001, 3, 6), lang) == expected


def test_summer_time_the_clock_convention_is_no_season() -> None:
    assert found("The clocks go back when British Summer Time ends.") == []
    assert found("In summer, the ferries run every hour.") == [("summer", "XXXX-SU")]


@pytest.mark.parametrize(("body", "lang", "expected"), [
    # Agreements named after the day they were made are names.
    ("The Good Friday Agreement was signed in 1998.", "en", [("1998", "1998")]),
    ("L'accord du Vendredi saint a été signé en 1998.", "fr", [("1998", "1998")]),
    # The feast itself is a date.
    ("Shops shut on Good Friday.", "en", [("Good Friday", "2001-04-13")]),
])
def test_agreements_named_after_a_day(body: str, lang: str, expected: list) -> None:
    assert found(body, D(2001, 3, 6), lang) == expected


def test_dawn_of_a_day_is_that_day() -> None:
    assert found("At the dawn of 25 June 1950, the guns opened fire.", None) == [
        ("the dawn of 25 June 1950", "1950-06-25")]
    assert found("Since the dawn of history, men have farmed.", None) == []


@pytest.mark.parametrize(("body", "expected"), [
    ("Margins will stay thin in the near term.", [("the near term", "FUTURE_REF")]),
    ("Over the long term, rents follow wages.", [("the long term", "FUTURE_REF")]),
    ("The bridge will be widened at a later date.", [("a later date", "FUTURE_REF")]),
    # The adjectives refer to no time.
    ("The council repaid its short-term loans.", []),
    ("The long-term outlook is poor.", []),
])
def test_the_near_and_long_term(body: str, expected: list) -> None:
    assert found(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # News: the adjective qualifies a figure or a plan, not a time.
    ("The bakery warned that future profits would shrink.", []),
    ("Its future strategy is unclear, the mayor said.", []),
    # The noun is the time to come, in news as anywhere.
    ("Prices may fall in the future, the mayor said.", [("the future", "FUTURE_REF")]),
    ("Nobody knows what the future holds for the mill.", [("the future", "FUTURE_REF")]),
])
def test_future_in_news_is_the_noun_only(body: str, expected: list) -> None:
    assert found(body) == expected


def test_future_in_a_history_is_the_storys_time_to_come() -> None:
    body = ("In 1884 the general lost the vote. He began at once to gather arms "
            "for a future campaign against the capital.")
    assert ("future", "FUTURE_REF") in found(body, D(2020, 5, 1))


@pytest.mark.parametrize(("body", "expected"), [
    # A news clause that looks ahead: the writer's time to come.
    ("The council may soon close the old pool.", [("soon", "FUTURE_REF")]),
    ("The mill soon will hire forty workers, its owner said.", [("soon", "FUTURE_REF")]),
    ("The club hopes to reopen as soon as possible.", [("as soon as possible", "FUTURE_REF")]),
    # Looking back, or tied to an event: no time of its own.
    ("The driver was soon freed by the firemen.", []),
    ("The mayor will speak soon after the vote.", []),
    ("The ferry will leave as soon as the fog lifts.", []),
])
def test_soon_in_a_news_clause_that_looks_ahead(body: str, expected: list) -> None:
    assert found(body) == expected


def test_soon_in_a_history_is_no_date() -> None:
    body = "In 1812 the army crossed the river. The bridge will soon collapse under the guns."
    assert ("soon", "FUTURE_REF") not in found(body, D(2020, 5, 1))


def test_the_day_before_a_gerund_is_no_previous_day() -> None:
    body = ("The minister landed in Oslo on 3 May 2019 and spent the day before "
            "flying on to Bergen.")
    assert [t for t, _ in found(body)] == ["3 May 2019"]
    # Alone, it is the day before the one just told.
    assert ("The day before", "2019-05-02") in found(
        "The minister landed in Oslo on 3 May 2019. The day before, she was in Rome.")
