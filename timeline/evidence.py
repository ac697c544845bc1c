"""Which words of a sentence name a curated event, and how much each one weighs.

A sentence rarely repeats an event's keyword as the events file writes it:
"Paris quit NATO's military command", "a letter announcing its intention to
withdraw", "depuis sa création en 1949". Both sides are therefore read the
same way: folded (``timeline.text.fold``, the project's one folding rule),
cut into words, common function words dropped, and every word reduced to its
Snowball stem in the text's language ("withdrawal" and "withdraw" give
"withdraw", "réintégré" and "réintégration" give "reintegr"; English's strong
verbs are first put back to their base form, which no stemmer does).

An event is named by its keywords, its title and its summary, in every
language, each a *term* (a stem, or several in a row) with a weight: a
keyword is strong evidence, a title word less, a summary word less again, and
two words that stand side by side in both texts add a little more. A word a
quarter of the events use ("NATO", "France", "OTAN", "the") weighs nothing,
and a number is never a word: a shared year is the date's business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.text import fold

if TYPE_CHECKING:
    from timeline.catalog import Event

KEYWORD, PART, TITLE, SUMMARY, PHRASE = "keyword", "part", "title", "summary", "phrase"
# How much one matched term weighs, by where the event gives it: a keyword;
# two words or more in a row of a longer keyword ("military command" of
# "integrated military command"); a word of the title; of the summary; two
# words side by side in the title or the summary.
WEIGHTS = {KEYWORD: 10, PART: 4, TITLE: 4, SUMMARY: 2, PHRASE: 2}
# A word used by this share of the events (and by at least COMMON_MIN_EVENTS
# of them, so that a small catalog keeps its words) says nothing about which.
COMMON_SHARE = 0.25
COMMON_MIN_EVENTS = 3
# Keywords are matched as runs of up to this many words.
MAX_TERM_WORDS = 5

_SNOWBALL = {"en": "english", "fr": "french", "de": "german", "es": "spanish",
             "it": "italian", "nl": "dutch", "pt": "portuguese"}
TOKEN = r"\w+"
_TOKEN = re.compile(TOKEN)

# Function words: they join the words that carry the sense, in every text.
STOP_WORDS = frozenset("""
a an and are as at be been but by for from had has have he her his in into is it its
out off about more most much other own same some such only just very up down""".split() + """
of on or our she that the their them they this those to was were which while who will
with would not than then there these when where what also after before over
au aux avec ce ces cet cette dans de des du elle en est et il ils la le les leur leurs
lui ma mais me mes ne nos notre ou par pas pour qu que qui sa se ses son sont sur ta
te tes un une vos votre depuis apres avant entre sans sous vers
""".split())

# English strong verbs, folded, put back to the base form their derived nouns
# stem to ("withdrew" and "withdrawn" are "withdraw", as "withdrawal" is).
_STRONG_EN = {
    "withdrew": "withdraw", "withdrawn": "withdraw", "left": "leave", "began": "begin",
    "begun": "begin", "broke": "break", "broken": "break", "chose": "choose",
    "chosen": "choose", "drew": "draw", "drawn": "draw", "fought": "fight",
    "gave": "give", "given": "give", "held": "hold", "led": "lead", "met": "meet",
    "rose": "rise", "risen": "rise", "sought": "seek", "spoke": "speak",
    "spoken": "speak", "stood": "stand", "struck": "strike", "took": "take",
    "taken": "take", "told": "tell", "wrote": "write", "written": "write",
    "won": "win", "undertook": "undertake", "undertaken": "undertake",
    "forbade": "forbid", "forbidden": "forbid", "overtook": "overtake",
    "brought": "bring", "sent": "send", "sold": "sell", "thought": "think",
    "went": "go", "gone": "go", "came": "come", "became": "become", "fell": "fall",
    "fallen": "fall", "signed": "sign", "quit": "quit", "founded": "found",
}


@lru_cache(maxsize=16)
def _stemmer(lang: str):  # -> snowballstemmer's stemmer, or None
    name = _SNOWBALL.get(lang)
    if name is None:
        return None
    # snowballstemmer hands out PyStemmer's C stemmers when PyStemmer is
    # installed (a dependency): the same Snowball algorithms, the same stems,
    # without importing 36 pure-Python modules at start-up.
    import snowballstemmer

    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=65536)
def stem(word: str, lang: str) -> str:
    """Return the stem of one folded word in ``lang`` (the word itself if no stemmer)."""
    if lang == "en":
        word = _STRONG_EN.get(word, word)
    stemmer = _stemmer(lang)
    if stemmer is None:
        return word
    s = stemmer.stemWord(word)
    # Snowball keeps a short noun's suffix where it strips a long one's: put
    # "création" with "crée", "creation" with "creates".
    if lang == "fr" and s.endswith("ation") and len(s) > 7:
        s = s[:-5]
    elif lang == "en" and s.endswith("ation") and len(s) > 7:
        s = s[:-3]
    return s


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a text as matching sees it: its stem, and where it stands."""

    stem: str
    start: int
    end: int
    number: bool


def words(text: str, lang: str) -> list[Word]:
    """Return the words of ``text`` that carry sense, stemmed in ``lang``, in order.

    Offsets point into ``text`` itself (fold() keeps the length of the
    letters it folds; where it would not, the word keeps its folded form's
    offsets, which only shortens the quote it is shown with).
    """
    folded = fold(text)
    aligned = len(folded) == len(text)
    out = []
    for m in _TOKEN.finditer(folded):
        token = m.group()
        if token in STOP_WORDS or (len(token) < 3 and not token.isdigit()):
            continue
        number = token.isdigit()
        out.append(Word(token if number else stem(token, lang),
                        m.start() if aligned else 0, m.end() if aligned else 0, number))
    return out


def runs(found: Sequence[Word], longest: int = MAX_TERM_WORDS) -> Iterable[tuple[str, int, int]]:
    """Yield every run of 1 to ``longest`` words as (term, start, end): a keyword's shape."""
    for i in range(len(found)):
        for n in range(1, min(longest, len(found) - i) + 1):
            part = found[i:i + n]
            yield " ".join(w.stem for w in part), part[0].start, part[-1].end


def pairs(found: Sequence[Word]) -> Iterable[tuple[str, int, int]]:
    """Yield each two words side by side, numbers left out: a title's or summary's phrases."""
    kept = [w for w in found if not w.number]
    for a, b in zip(kept, kept[1:], strict=False):
        yield f"{a.stem} {b.stem}", a.start, b.end


@dataclass(frozen=True, slots=True)
class Term:
    """One piece of evidence for one event, as read in one language."""

    event: int     # the event's position in the catalog
    lang: str
    term: str      # stems joined by spaces
    kind: str      # KEYWORD, TITLE, SUMMARY or PHRASE
    weight: int
    # The keywords as the events file writes them that read as this term
    # ("brain dead", "brain-dead"); () for other words.
    labels: tuple[str, ...]


@lru_cache(maxsize=8192)
def _event_words(text: str, lang: str) -> tuple[Word, ...]:
    # An events file's texts are read twice (common_stems, event_terms), and
    # again for each new language of articles.
    return tuple(words(text, lang))


def _texts(event: Event, lang: str) -> tuple[str, str]:
    return (event.title.get(lang) or event.title.get("en", ""),
            event.summary.get(lang) or event.summary.get("en", ""))


def common_stems(events: Sequence[Event], langs: Iterable[str]) -> frozenset[str]:
    """Return the stems so many events use that they cannot tell one from another."""
    used: dict[str, int] = {}
    for event in events:
        stems: set[str] = set()
        for lang in langs:
            texts = [*_texts(event, lang), *event.keywords]
            stems.update(w.stem for t in texts for w in _event_words(t, lang) if not w.number)
        for s in stems:
            used[s] = used.get(s, 0) + 1
    floor = max(COMMON_MIN_EVENTS, COMMON_SHARE * len(events))
    return frozenset(s for s, n in used.items() if n >= floor)


def event_terms(events: Sequence[Event], langs: Iterable[str]) -> list[Term]:
    """Return every event's evidence in each of ``langs``, strongest kind once per term."""
    langs = sorted(set(langs))
    common = common_stems(events, langs)

    def telling(ws: Sequence[Word]) -> bool:
        return any(not w.number and w.stem not in common for w in ws)

    best: dict[tuple[int, str, str], Term] = {}

    def add(term: Term) -> None:
        key = (term.event, term.lang, term.term)
        held = best.get(key)
        if held is None or term.weight > held.weight:
            best[key] = term
        elif term.weight == held.weight and term.labels:
            best[key] = Term(held.event, held.lang, held.term, held.kind, held.weight,
                             tuple(dict.fromkeys(held.labels + term.labels)))

    for index, event in enumerate(events):
        for lang in langs:
            for keyword in event.keywords:
                ws = _event_words(keyword, lang)[:MAX_TERM_WORDS]
                if ws and telling(ws):
                    add(Term(index, lang, " ".join(w.stem for w in ws), KEYWORD,
                             WEIGHTS[KEYWORD], (keyword,)))
                for n in range(2, len(ws)):
                    for i in range(len(ws) - n + 1):
                        add(Term(index, lang, " ".join(w.stem for w in ws[i:i + n]), PART,
                                 WEIGHTS[PART], ()))
            for kind, text in zip((TITLE, SUMMARY), _texts(event, lang), strict=True):
                ws = _event_words(text, lang)
                for w in ws:
                    if telling([w]):
                        add(Term(index, lang, w.stem, kind, WEIGHTS[kind], ()))
                kept = [w for w in ws if not w.number]
                # Two words side by side say more than each: a phrase counts
                # even when both its words are common ("military command").
                for a, b in zip(kept, kept[1:], strict=False):
                    add(Term(index, lang, f"{a.stem} {b.stem}", PHRASE, WEIGHTS[PHRASE], ()))
    return [best[k] for k in sorted(best)]
