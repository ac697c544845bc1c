"""The English candidate patterns, built from the shared ``pieces``.

Each is (kind, regex over the lower-cased text, whether the span may take in
a modifier written before it); ``patterns._patterns`` compiles them.
"""

from __future__ import annotations

from timeline.extract.pieces import (
    _EN_FINITE,
    _ERA_AD,
    _ERA_BC,
    _NOT_NUM_AFTER,
    _YEAR4,
    _numeric_date_patterns,
)

_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_CENTURY_WORDS = r"(?:fifteen|sixteen|seventeen|eighteen|nineteen)"
_STRETCH = r"(?:days|weeks|months|years|quarters|decades)"
_CLIPPED = r"(?P<year>'\d{2})(?![\d'’]|s\b|\s*%)"
_CLIPPED_YEAR = rf"(?P<span>{_CLIPPED})"
_CLIPPED_AFTER = "|".join(rf"(?<=\b{w}\s'\d\d)" for w in (
    "in", "of", "since", "by", "until", "till", "from", "to", "through", "before", "after",
    "during", "and", "or")) + r"|(?<=[-–]'\d\d)"
# Not followed by "of", unless an amount follows it ("a loss for the third
# quarter of $2 million"): "the third quarter of 1998" is another pattern's.
_NOT_OF = r"(?!\s+of\b(?!\s*[$£€#\d]))"


def table(*, mon: str,
          month_names: str,
          wds: str,
          seasons: str,
          units: str,
          numbers: str,
          ordinals: str,
          refs: str,
          deictic_days: str,
          dayparts: str,
          holidays: str,
          decade_words: str,
          year: str,
          **_: str) -> list[tuple[str, str, bool]]:
    """The English patterns, most specific first where order breaks ties."""
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
    wd = rf"(?:(?P<wd>{wds}),?\s+)?"
    return [
        ("dmy", rf"\b{wd}(?:the\s+)?{day}(?:\s+of)?\s+{mon},?\s+{year}\b", True),
        ("dmy", rf"\b{wd}{mon}\s+{day}(?:,?\s+|\s+of\s+){year}\b", True),
        ("my", rf"\b{mon}(?:,?\s+|\s+of\s+){year}\b", True),
        ("dm", rf"\b{wd}(?:the\s+)?{day}(?:\s+of)?\s+{mon}", True),
        # "last Oct. 23": the latest such day, not last October.
        ("dm", rf"\b(?:(?P<rel>last|next)\s+)?{wd}{mon}\s+{day}"
               rf"(?!\s*(?:{_YEAR4}|\d+\s*(?:bc|ad)))", True),
        # The second day of a range keeps the month of the first: "April 6-7".
        ("dm_tail", rf"\b{mon}\s+[0-3]?\d\s*(?:-|–|and|to|&)\s*(?P<span>{day}"
                    rf"(?:,?\s+{year}\b)?)", False),
        ("dm_head", rf"\b(?P<span>{day})\s*(?:-|–|and|to|&)\s*[0-3]?\d(?:st|nd|rd|th)?"
                    rf"\s+{mon}", True),
        # "the 13th to the 19th of October 1950": the first day takes the month.
        ("dm_head", rf"\bthe\s+(?P<span>{day})\s+(?:to|and|until|through)\s+the\s+"
                    rf"[0-3]?\d(?:st|nd|rd|th)\s+of\s+{mon}", False),
        *(("mon_ofyear", rf"\b{head}\s+(?:of\s+)?(?:that|the\s+same|the\s+following|"
                         r"the\s+next|the\s+previous)\s+year\b", True)
          for head in (rf"{mon}\s+{day}", rf"{day}\s+{mon}", mon)),
        # "June last year", "April 3 next year": counted like "last year".
        *(("mon_deictic_year", rf"\b{head},?\s+(?:of\s+)?(?P<step>this|last|next)\s+year\b"
                               r"(?![-'’])", True)
          for head in (rf"{mon}\s+{day}", rf"{day}\s+{mon}", mon)),
        ("holiday", rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<hol>{holidays})"
                    rf"(?:,?\s+(?:of\s+)?{year})?\b", True),
        # The first of a range takes the year written after the second:
        # "between May and August 1916", "June 28 to July 2, 1863".
        *(("range_head", rf"\b(?P<span>{head})\s*"
                         rf"(?:-|–|and|to|until|till|through)\s*(?:the\s+)?"
                         rf"(?:[0-3]?\d(?:st|nd|rd|th)?(?:\s+of)?\s+)?(?P<mon2>{month_names})"
                         rf"\.?(?:\s+[0-3]?\d(?:st|nd|rd|th)?)?,?\s+{year}\b", True)
          for head in (rf"{mon}(?:\s+{day})?", rf"{day}(?:\s+of)?\s+{mon}")),
        ("m", rf"\b(?:(?P<rel>last|next|the\s+following|the\s+next|the\s+previous|"
              rf"the\s+preceding)\s+)?{mon}", True),
        # A day of the month the story is in: "on the 14th, the garrison ...".
        ("day_only", r"\b(?:on|by|until|till|from|since|after|before)\s+"
                     r"(?P<span>the\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th))"
                     r"(?=\s*(?:[,.;:)!?]|$|(?:and|or|to|when|as|at|in|the|a|an|he|she|it|"
                     r"they|we|his|her|their|its|with|after|before|until|while)\b))",
         False),
        ("century", rf"\b(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordinals})"
                    rf"[\s-]+centur(?:y|ies)(?:\s+(?P<era>{_ERA_BC}|{_ERA_AD}))?", True),
        # The first of two: "the 18th and 19th centuries".
        ("century", rf"\b(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordinals})"
                    rf"(?=\s+(?:and|or|to|-|–)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|"
                    rf"{ordinals})[\s-]+centuries)", True),
        # Two digits only after "the" (and a modifier: "the early 60s"):
        # "in their 60s" is an age.
        ("decade", r"\b(?:the\s+)?(?:years\s+)?(?P<dec>\d{2,3}0|(?:(?<=the\s)|"
                   r"(?<=the\searly\s)|(?<=the\slate\s)|(?<=the\smid-)|(?<=the\smid\s))"
                   r"\d0)'?s(?:\s+(?P<era>"
                   rf"{_ERA_BC}))?\b", True),
        ("decade", r"(?:\bthe\s+(?:(?:early|late|mid)(?:\s+|-))?)?'(?P<dec2>\d0)s\b", True),
        ("decade", rf"\bthe\s+(?P<decw>{decade_words})\b", True),
        # The second of two keeps the century of the first: "the 1960s and 70s".
        ("decade", r"\b(?P<head>1\d|20)\d0'?s\s*(?:and|or|to|-|–)\s*(?:the\s+)?"
                   r"(?P<span>(?P<dec>\d0)s)\b", False),
        ("season_y", rf"\b(?:the\s+)?(?P<season>{seasons})(?:\s+of)?,?\s+{year}\b", True),
        ("season_rel", rf"\b(?P<step>this|next|last|that|the\s+following|the\s+previous|"
                       rf"the\s+same|the\s+next)\s+(?P<season>{seasons})\b", True),
        ("season", rf"\b(?:the\s+)?(?P<season>{seasons})\b(?!\s+of\b)", True),
        ("half", r"\b(?:the\s+)?(?P<half>first|second|latter|last)\s+half\s+of\s+"
                 rf"(?:(?P<thisyear>the\s+year|that\s+year)|(?P<deic>last|this|next)\s+year|"
                 rf"{year})", False),
        ("quarter", r"\b(?:the\s+)?(?P<q>first|second|third|fourth|last|final)\s+quarter"
                    rf"\s+of\s+(?:(?P<thisyear>the\s+year|that\s+year)|"
                    rf"(?P<deic>last|this|next)\s+year|{year})", False),
        # So is a half ("second-half sales", "in the first half").
        ("half", r"\b(?:the\s+)?(?P<half>first|second)[\s-]+half\b(?P<thisyear>)"
                 r"(?!\s+(?:of|an?|the)\b)", False),
        # Phrases that refer to the period a report is about, or to that period
        # a year before (timeline.extract.focus): "the year-ago quarter",
        # "year-earlier results", "the 1988 period", "the quarter".
        ("focus_period", r"\b(?:the\s+)?(?:(?:comparable|corresponding)\s+)?"
                         r"(?P<back>year-ago|year-earlier|prior-year)(?:\s+(?:(?P<q>first|second|"
                         r"third|fourth)[\s-]+|fiscal\s+)?(?:quarter|period)\b)?", False),
        ("focus_period", rf"\b(?:the\s+)?(?P<year>{_YEAR4})(?:\s+fiscal)?\s+(?:(?P<q>first|"
                         r"second|third|fourth)[\s-]+)?(?:quarter|period)\b(?!\s+of\b)", False),
        ("focus_period", r"\b(?P<deic>last|this|next)\s+year['’]s\s+(?:(?P<q>first|second|"
                         r"third|fourth)[\s-]+)?(?:fiscal\s+)?(?:quarter|period)\b", False),
        ("focus_period", r"\bthe\s+(?:(?:same|corresponding|comparable)\s+)?(?:quarter|period)\s+"
                         r"(?P<back>last\s+year|a\s+year\s+(?:ago|earlier))\b", False),
        # "the latest quarter" is a deictic quarter (below), "the latest period"
        # the report's; "quarter-to-quarter" compares, it names no quarter.
        ("focus_period", r"\b(?:the|that)\s+(?:(?:latest|most\s+recent)\s+(?=period))?"
                         r"(?:quarter|period)\b(?!-)"
                         r"(?!\s+(?:of|when|in|during|before|after|between|from)\b)", False),
        # "For the year", "sales for the full year", "the week's busiest
        # session": the period the text is in (the report's, or the story's).
        ("the_period", r"\bthe\s+(?:(?:full|whole|entire)\s+)?(?:fiscal\s+)?(?P<unit>year|week)\b"
                       r"(?!-|\s+(?:before|after|following|earlier|ago|two|nineteen|"
                       rf"eighteen|\d)\b){_NOT_OF}", True),
        # A quarter without its year is the reporting year's ("third-quarter profit").
        # "the third quarter of $226 million" is a result, not "of" a year.
        ("quarter", r"\b(?:the\s+)?(?P<q>first|second|third|fourth)[\s-]+quarter\b"
                    rf"(?P<thisyear>){_NOT_OF}", False),
        # Business shorthand: "Q3 2025", "H1 2009" (capitals checked in _written_as_name).
        ("quarter", rf"\b(?P<qh>q[1-4]|h[12])\s*(?:of\s+)?{year}\b", False),
        ("year_tail", r"(?<=[12]\d\d\d[-–/])(?P<tail>\d{2})\b(?!\s*(?:%|-))", False),
        ("year", r"(?<=[12]\d\d\d/)(?P<year>1\d{3}|20\d{2})\b", True),
        *_numeric_date_patterns("en"),
        ("year_bc_head", r"\b(?P<year>\d{1,4})(?=\s*(?:-|–|to|and)\s*\d{1,4}\s*"
                         rf"{_ERA_BC})", True),
        ("year", rf"(?<![\d$£€#/.,]){year}{_NOT_NUM_AFTER}(?:\b|(?<=\.))", True),
        # Years said as words, as transcripts write them: "nineteen ninety-six",
        # "January nineteen ninety-seven", "the year two thousand" ("two
        # thousand" alone is a count).
        ("year_spelled", rf"\b(?:(?P<mon>{month_names})\s+|the\s+year\s+)?(?P<hi>{_CENTURY_WORDS})"
                         rf"[\s-]+(?P<lo>{_TENS}(?:[\s-]+{_UNITS})?|{_TEENS}|oh[\s-]+{_UNITS})\b",
         True),
        ("year_spelled", rf"\b(?:(?P<mon>{month_names})\s+|the\s+year\s+)(?P<hi>two\s+thousand)"
                         rf"(?:\s+(?:and\s+)?(?P<lo>{_UNITS}|{_TEENS}))?\b", True),
        # A year of one to three digits named as one: "the year 800".
        ("year_word", r"\bthe\s+year\s+(?P<year>\d{1,3})(?![\d%]|[.,]\d|\s*(?:bc|b\.c))\b",
         True),
        # A year cut to two digits after an apostrophe ("in '99", "the summer of
        # '37", "June '44"), where a word of time introduces it.
        # (The apostrophe comes first, so that the engine looks for it alone.)
        ("year", rf"{_CLIPPED_YEAR}(?:{_CLIPPED_AFTER})", True),
        ("season_y", rf"\b(?:the\s+)?(?P<season>{seasons})(?:\s+of)?,?\s+{_CLIPPED}", True),
        ("my", rf"\b{mon},?\s+{_CLIPPED}", True),
        ("year_ad", r"\b(?:ad|a\.d\.)\s+(?P<year>\d{1,4})\b", True),
        ("year_ad", r"\b(?P<year>\d{1,4})\s+ad\b", True),
        ("year_small", r"\b(?:in|of|by|until|since|from|to|after|before)\s+"
                       r"(?P<span>(?P<year>\d{3}))(?![\d,%]|\.\d)\b", True),
        # The count before the unit ("two", "a few", "almost 20") is
        # taken in by _take_quantity: starting on the unit keeps this fast.
        ("ago", rf"\b(?P<unit>{units})\s+(?P<dir>ago)\b", False),
        # "before"/"after" followed by words count from the event those
        # words name ("43 years after de Gaulle pulled France out"), not
        # from the narrative or the publication date: an anchored kind.
        # Before a finite verb they are adverbs ("who a few months before
        # had completed"): counted like "earlier".
        ("later", rf"\b(?P<unit>{units})\s+"
                  r"(?P<dir>later|earlier|afterwards?|previously|"
                  rf"(?:before|after)(?!\s+(?!{_EN_FINITE})[\w\"“'(]))\b",
         False),
        ("anchored", rf"\b(?P<span>(?P<unit>{units})\s+(?P<dir>after|before))"
                     rf"\s+(?!{_EN_FINITE})(?=[\w\"“'(])", False),
        ("anaphor", r"\b(?P<step>the\s+following|the\s+next|the\s+previous|the\s+preceding|"
                    r"the\s+subsequent|the\s+same|that\s+same|that|the\s+prior)\s+"
                    rf"(?P<unit>day|week|weekend|month|year|decade|century|{dayparts})\b",
         True),
        ("anaphor", r"\bthe\s+(?P<unit>day|year|month|week)\s+(?P<step2>before|after|"
                    r"following)\b(?!\s+(?:the|a|an|his|her|their|its|this|that)\b)"
                    # "later in the day before returning home": "before" opens
                    # a clause on the day, it is not the day before.
                    r"(?!\s+\w+ing\b)",
         False),
        # "Until then", "by then": up to the date just told ("will expire on
        # Nov. 30. Until then, ..."); "since then" is a stretch, no date.
        ("same_time", r"(?:(?<=\buntil )|(?<=\btill )|(?<=\bby ))(?P<what>then)\b", False),
        ("same_time", r"\b(?P<what>(?:the\s+same|that)\s+(?:time|date)|(?:the\s+same\s+"
                      r"period|this\s+time)(?=\s+(?:last\s+year|a\s+year\s+(?:ago|earlier))))"
                      r"\b", False),
        # "the last week of May" is part of May, not the week before this one.
        ("deictic_unit", rf"\b(?<!\bthe\s)(?P<step>this\s+past|this\s+coming|this|next|last|"
                         rf"the\s+coming)\s+(?P<unit>{units})\b(?!\s+of\b)", True),
        # "the past year", "the last decade": the one before the writer's; "the
        # last week of May" and "the last year before the war" are parts of
        # something else.
        ("deictic_unit", r"\bthe\s+(?P<step>past|last)\s+(?P<unit>week|month|year|decade)\b"
                         r"(?![-'’])(?!\s+(?:of|before|after|when|that|which|in\s+which|"
                         r"or\s+so)\b)", True),
        # A stretch up to or from the writer's time, with no count or a vague
        # one: "in recent years", "over the past several quarters", "in coming
        # months" (PAST_REF, FUTURE_REF). A written count ("the past two
        # weeks") is a duration.
        ("deictic_plural", rf"\b(?:(?P<the>the|these)\s+)?(?P<rel>recent|past|last|coming|next|"
                           rf"upcoming)\s+(?:(?:few|several|couple\s+of)\s+)?"
                           rf"(?P<unit>{_STRETCH})(?:\s+(?:and|or)\s+{_STRETCH})?\b"
                           r"(?![-'’])(?!\s+of\b)", False),
        ("deictic_unit", r"\bthe\s+(?P<step>current|present)\s+(?:fiscal\s+)?"
                         r"(?P<unit>year|month|week)\b(?!\s+of\b)", True),
        # Financial news counts in quarters: "last quarter", "the current quarter".
        ("deictic_quarter", r"\b(?:the\s+)?(?P<step>this|last|next|current|previous|coming|"
                            r"latest|past)\s+(?:fiscal\s+)?quarter\b(?!\s+of\b)", True),
        ("deictic_day", rf"\b(?P<dd>{deictic_days})\b", True),
        # "over the weekend": the paper's weekend, as "this weekend" is.
        ("deictic_unit", r"(?:(?<=\bover\s)|(?<=\bduring\s)|(?<=\bon\s)|(?<=\bat\s))"
                         r"(?P<step>the)\s+(?P<unit>weekend)\b(?!\s+of\b)", False),
        ("weekday", rf"\b(?:(?P<step>this\s+past|this\s+coming|this|next|last|that)\s+)?"
                    rf"(?P<wd>{wds})\b(?:\s+(?P<part>{dayparts}))?", True),
        ("clock", r"(?<![\w:.,])(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)\s*(?:a\.m\.|p\.m\.|am\b|pm\b)",
         False),
        ("clock", r"(?<![\w:.,])(?P<h>1[0-2]|0?[1-9])\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", False),
        ("clock", r"\b(?:at|by|until|till|from|before|after|around|about|since|to)\s+"
                  r"(?P<span>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d))(?![\d:])", False),
        # A time of day with its zone needs no preposition ("15:00 GMT Saturday").
        # (These run only near a zone or the words of the hour: see their trigger.)
        ("daytime", r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?=\s*\(?(?:gmt|utc|bst|"
                    r"cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt)\b)", False),
        # Hours said in words: "at 4 in the morning", "by ten o'clock".
        ("daytime", r"\b(?:at|by|until|till|from|before|after|around|about|since)\s+"
                    r"(?P<span>(?P<h>1[0-2]|0?[1-9])(?:\s+o'clock)?\s+(?:in\s+the\s+(?:morning|"
                    r"afternoon|evening)|at\s+night))\b", False),
        ("daytime", r"\b(?P<h>1[0-2]|0?[1-9])\s+o'clock\b", False),
        # Nights in general, of no one day: "they moved at night", "night raids".
        ("night", r"\b(?:at|by)\s+(?P<span>night)\b(?![-'’])", False),
        ("night", r"\b(?P<span>night(?:[\s-]?time)?)(?=[\s-](?:raids?|attacks?|"
                  r"operations?|march(?:es)?|patrols?|assaults?|bombings?|retreat|crossings?|"
                  r"fighting|sorties?|missions?|landings?)\b)", False),
        ("night", r"\bnight-?time\b", False),
        ("noon", r"\b(?:noon|midnight|midday|mid-day|mid[\s-]?(?:morning|afternoon|evening))\b",
         False),
        # "the past two weeks" is a duration, not the past.
        ("ref", rf"(?<![\w-])(?P<ref>{refs})(?![\w-])"
                rf"(?!\s+(?:\d|{numbers}|{units})\b)", False),
        ("end_of_unit", r"\b(?P<unit>year)(?:[\s-]|['’]s\s+)end\b(?!\s+of\b)", False),
        ("end_of_unit", r"\b(?:the\s+(?:end|beginning|start|middle|rest|remainder|"
                        r"(?:latter|early|later|first|last)\s+(?:part|months|days))\s+of|"
                        r"(?:later|earlier|early|late)\s+in)\s+the\s+"
                        r"(?P<unit>year|month|week|decade|century)\b", False),
    ]
