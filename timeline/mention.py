"""What extraction returns: the Mention record and the version of its rules.

They live apart from ``timeline.extract`` so that a build whose articles are
all in the cache can check and read it without compiling the extractor's
hundred-odd regular expressions (about 60 ms of start-up).
"""

from __future__ import annotations

from dataclasses import dataclass

# Bump whenever the timeline/extract/ package can return different
# mentions for the same text: it is part of every cache key.
# 6 (sentence splitting for scraped text) and 7 (the reference time) met here.
EXTRACTOR_VERSION = "10"


@dataclass(frozen=True)
class Mention:
    """One date expression found in a body, with its TIMEX3 value.

    ``anchor`` says what the value was counted from: "explicit" (written
    out), "publication", "narrative" (the last date the text gave), "none",
    or "event" for an expression counted from an event the text names ("43
    years after de Gaulle pulled France out"). The extractor cannot know when
    that event was: it leaves ``value`` empty and records ``offset`` (signed,
    "+43Y", "-2D") and ``event_words`` (the words naming the event), and
    ``timeline.anchoring`` fills ``value`` from the curated history, with
    ``event`` set to the id of the event it counted from. The defaults keep
    cache entries written before these fields readable.
    """

    start: int
    end: int
    text: str
    value: str
    sentence: str
    sentence_start: int
    anchor: str
    offset: str = ""
    event_words: str = ""
    event: str = ""
