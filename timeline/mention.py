"""What extraction returns: the Mention record and the version of its rules.

They live apart from ``timeline.extract`` so that a build whose articles are
all in the cache can check and read it without compiling the extractor's
hundred-odd regular expressions (about 60 ms of start-up).
"""

from __future__ import annotations

from dataclasses import dataclass

# Bump whenever the timeline/extract/ package can return different
# mentions for the same text: it is part of every cache key.
EXTRACTOR_VERSION = "4"


@dataclass(frozen=True)
class Mention:
    """One date expression found in a body, with its TIMEX3 value."""

    start: int
    end: int
    text: str
    value: str
    sentence: str
    sentence_start: int
    anchor: str
