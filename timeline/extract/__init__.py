"""Find the date expressions in an article and give each its TIMEX3 value.

The work is split in three passes, each cheap on its own:

1. *Candidates* (``candidates``, from the patterns in ``patterns_en`` and
   ``patterns_fr``, compiled by ``patterns`` and built on
   the word lists in ``lexicon``). Hand-written regular expressions propose
   spans drawn the way TimeML draws them ("1966", not "in 1966"; "early
   October" with its modifier). They run over a lower-cased copy of the
   text, and only in windows around cheap trigger words. Overlaps are
   settled by keeping the longest span; a span whose value cannot be given
   is dropped and the overlaps settled again.
2. *Mode* (``reading``). A text with a publication date whose explicit years
   sit near it, or that says "yesterday", "mardi", "18 h", reads as news; one
   whose years are far from it reads as narrative history. The mode decides
   what a bare "20 August", "in March" or "last year" is counted from.
3. *Values* (``resolvers`` and the ``resolve_*`` modules, reading the
   ``context`` and ``tense``), in reading order. Deictic expressions
   ("yesterday", "this week", "l'an dernier") are counted from the
   publication date in news; anaphoric ones ("the following year", "that
   day", "two days later") from the last date the narrative gave. A news
   date without its year or week ("mardi", "le 3 mars", "in June") falls on
   the side of the publication date that the tense of its clause points to
   ("présentera", "was held"). Nothing ever reads the machine's clock:
   without a publication date a deictic expression becomes PRESENT_REF,
   PAST_REF or FUTURE_REF.

dateparser (``dateparse``) is imported only when a candidate with a month
name has passed every cheap test; it normalises the month word (cached per
spelling and language), always told the language, never reading the clock.

``extract_mentions`` and ``Mention`` are the package's public face; the
record itself lives in ``timeline.mention`` so that a build served from the
cache never imports this package.
"""

from __future__ import annotations

from timeline.extract.pipeline import extract_mentions
from timeline.mention import EXTRACTOR_VERSION, Mention

__all__ = ["EXTRACTOR_VERSION", "Mention", "extract_mentions"]
