"""Property-based tests: whatever the input, each stage either works or says why.

Every property has the same shape. Feed a stage something generated (random
bytes, YAML-ish token soup, a valid file with a few lines broken, made-up
mentions) and accept exactly two outcomes: it succeeds and its result keeps
the stage's invariants, or it raises the project's own error (InputError),
every problem naming the file. Any other exception is a bug: a person would
see a traceback instead of a message.

Examples are capped so the whole file runs in a few seconds; the bugs these
properties found are pinned by plain regression tests at the end.
"""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from timeline import merge as m
from timeline.article import MAX_ARTICLE_BYTES, Article, load_article
from timeline.dates import LANGUAGES, drawable, from_timex, parse_iso
from timeline.errors import InputError, Problem
from timeline.events import Catalog, Event, load_events, validate_events
from timeline.events_checker import SLUG
from timeline.extract import extract_mentions
from timeline.mention import Mention
from timeline.model import ARTICLE, ARTICLE_CATEGORY, BOTH
from timeline.text import replace_forbidden

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI_EVENTS = FIXTURES / "mini-events.yaml"

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder per module: examples overwrite their file in it (tmp_path is per test)."""
    return tmp_path_factory.mktemp("props")


def write_bytes(folder: Path, data: bytes, name: str) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def assert_names_the_file(exc: InputError, path: Path, text: str | None = None) -> None:
    """Every problem names the file, and a line, when given, lies inside it."""
    assert exc.problems, "an InputError must carry at least one problem"
    # YAML also breaks lines at a lone \r, NEL, LS and PS.
    lines = len(_LINE_BREAKS.split(text)) + 1 if text is not None else None
    for p in exc.problems:
        assert isinstance(p, Problem)
        assert p.path == str(path), p
        assert p.message.strip(), p
        if p.line is not None and lines is not None:
            assert 1 <= p.line <= lines, (p, lines)
        if p.column is not None:
            assert p.column >= 1, p


# --------------------------------------------------------------------------- articles

# Pieces of front-matter values: impossible dates, non-text YAML, tags,
# anchors, markup, and plain text in and out of quotes.
impossible_dates = st.builds(lambda y, mo, d: f"{y:04d}-{mo:02d}-{d:02d}",
                             st.integers(0, 10000), st.integers(0, 99), st.integers(0, 99))
partial_dates = st.one_of(
    st.builds(lambda y, mo: f"{y:04d}-{mo:02d}", st.integers(0, 10000), st.integers(0, 99)),
    st.builds(lambda y: f"{y:04d}", st.integers(0, 10000)),
)
yaml_values = st.one_of(
    impossible_dates,
    partial_dates,
    impossible_dates.map(json.dumps),
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
    st.sampled_from(["", "~", "null", "true", "no", "[]", "{}", "[a, b]", "{en: x}",
                     "!!binary aGk=", "!custom x", "&a x", "*a", "|\n  block", ">-\n  fold",
                     "https://example.org/s", "javascript:alert(1)", "EN", "fr", "de",
                     "'2026-01-19'", "2026-01-19T10:00:00Z", '"<script>x</script>"',
                     "2026-02-29", "2024-02-29", "0000-01-01", "9999-12-31", "1e3", "0x10"]),
    st.text(max_size=20),
    st.text(max_size=20).map(lambda t: json.dumps(t, ensure_ascii=False)),
)
front_keys = st.one_of(
    st.sampled_from(["title", "byline", "published", "published_note", "source", "id",
                     "language", "tags"]),
    st.text(min_size=1, max_size=8),
)


@st.composite
def articles_with_front_matter(draw: st.DrawFn) -> str:
    fields = draw(st.lists(st.tuples(front_keys, yaml_values), max_size=6))
    head = "\n".join(f"{k}: {v}" for k, v in fields)
    fence = draw(st.sampled_from(["---\n", "---\r\n", "--- \n"]))
    body = draw(st.one_of(st.text(max_size=40), st.just(""), st.just("In 1966.\n")))
    return fence + head + "\n---\n" + body


def check_article(path: Path, text: str | None) -> None:
    try:
        article = load_article(path)
    except InputError as exc:
        assert_names_the_file(exc, path, text)
        return
    assert isinstance(article, Article)
    assert article.body.strip(), "an article without text must be refused"
    assert article.language in LANGUAGES
    assert article.published is None or article.published.precision in ("month", "day")
    assert article.source_url is None or article.source_url.startswith(("http://", "https://"))
    assert isinstance(article.title, str) and article.title
    assert SLUG.match(article.id) or article.id == "article"
    if text is not None:
        # The body is the file's tail, and body_line is the line it starts on,
        # so the offsets extraction reports map back to the file.
        # The loader reads a lone CR as LF and a character XML forbids as
        # U+FFFD, one character for one, so offsets still map to the file.
        read = replace_forbidden(re.sub(r"\r(?!\n)", "\n", text.removeprefix("\ufeff")))
        assert len(read) == len(text.removeprefix("\ufeff"))
        text = read
        assert text.endswith(article.body)
        head = text[: len(text) - len(article.body)]
        assert head.count("\n") + 1 == article.body_line


@FAST
@given(data=st.binary(max_size=300))
@example(data=b"\xef\xbb\xbf---\ntitle: x\n---\nBody")
@example(data=b"---\n\xff\n---\nBody")
@example(data=b"Ann\xe9e 1966")
def test_article_loader_on_arbitrary_bytes(workdir, data):
    path = write_bytes(workdir, data, "bytes.txt")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if b"\x00" in data or text is None:
        with pytest.raises(InputError) as info:
            load_article(path)
        assert_names_the_file(info.value, path)
        assert "binary" in str(info.value) or "not UTF-8" in str(info.value)
        return
    check_article(path, text)


@FAST
@given(text=st.text(max_size=200))
def test_article_loader_on_arbitrary_text(workdir, text):
    path = write_bytes(workdir, text.encode("utf-8"), "text.txt")
    check_article(path, text)


@settings(max_examples=120, deadline=None)
@given(text=articles_with_front_matter())
@example(text="---\npublished: 2026-13-40\n---\nBody\n")
@example(text="---\ntitle: 123\npublished: 2026-02-29\n---\nBody\n")
@example(text="---\ntitle: &a [*a]\n---\nBody\n")
@example(text="---\n? [a, b]\n: c\n---\nBody\n")
def test_article_loader_on_random_front_matter(workdir, text):
    check_article(write_bytes(workdir, text.encode("utf-8"), "front.txt"), text)


@FAST
@given(y=st.integers(0, 10000), mo=st.integers(0, 99), d=st.integers(0, 99))
@example(y=2026, mo=13, d=40)
@example(y=2026, mo=2, d=29)
@example(y=2024, mo=2, d=29)
@example(y=0, mo=1, d=1)
def test_published_is_accepted_exactly_when_the_day_exists(workdir, y, mo, d):
    text = f"---\npublished: {y:04d}-{mo:02d}-{d:02d}\n---\nBody\n"
    path = write_bytes(workdir, text.encode(), "published.txt")
    try:
        real = datetime.date(y, mo, d)
    except ValueError:
        real = None
    if real is None:
        with pytest.raises(InputError) as info:
            load_article(path)
        (problem,) = info.value.problems
        assert (problem.path, problem.line, problem.column) == (str(path), 2, 12)
        assert problem.message.startswith("published: ")
    else:
        assert load_article(path).published == parse_iso(real.isoformat())


# --------------------------------------------------------------------------- extraction

FRAGMENTS = [
    "January", "Jan.", "March", "May", "mars", "août", "Août", "décembre", "1er", "XXe",
    "siècle", "century", "1966", "20", "2026", "19", "7", "31", "0", "9999", "0001", "-", "–",
    "/", ".", ",", " ", "  ", "\n", "\n\n", "the", "in", "on", "le", "de", "en", "last",
    "next", "year", "years", "ago", "later", "yesterday", "hier", "demain", "week", "semaine",
    "mardi", "Monday", "spring", "été", "automne", "BC", "av. J.-C.", "’", "'", "h", ":",
    "18 h", "noon", "midi", "1960s", "années", "Q3", "mid-", "early", "fin", "début", "٣",
    "Ⅻ", "\u202e", "ǅ", "İ", "ß", "ﬁ", "\u0301", "🙂", "<script>", "=", "\t", "\r\n",
]
article_bodies = st.one_of(
    st.text(max_size=120),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40)
    .map("".join),
)


def _extract_contract(body: str, published: datetime.date | None, lang: str) -> None:
    mentions = extract_mentions(body, published=published, lang=lang)
    previous_end = 0
    for mention in mentions:
        assert isinstance(mention, Mention)
        assert 0 <= mention.start < mention.end <= len(body), mention
        assert mention.text == body[mention.start:mention.end], mention
        # Sorted and non-overlapping, as extract_mentions documents.
        assert mention.start >= previous_end, (mention, mentions)
        previous_end = mention.end
        assert isinstance(mention.value, str), mention
        # Empty only while waiting for the curated history (timeline.anchoring).
        assert mention.value or (mention.anchor == "event" and mention.offset), mention
        assert 0 <= mention.sentence_start <= len(body)
        assert body[mention.sentence_start:mention.sentence_start + len(mention.sentence)] \
            == mention.sentence, mention


@settings(max_examples=150, deadline=None)
@given(body=article_bodies,
       published=st.one_of(st.none(), st.dates()),
       lang=st.sampled_from(["en", "fr", "de"]))
@example(body="On 31 December 9999 and the next day.", published=datetime.date.max,
         lang="en")
@example(body="Le 1er janvier 0001, la veille.", published=datetime.date.min, lang="fr")
@example(body="İİİ 7 March 1966 İ", published=None, lang="en")
def test_extractor_never_raises_and_keeps_its_offsets(body, published, lang):
    _extract_contract(body, published, lang)


# Fragments of news that never point past the paper's date: no future tense,
# no "next", no count forwards from another date; event-anchored phrases
# whose events the small history below knows or does not.
PAST_FRAGMENTS = [
    f for f in FRAGMENTS if f not in ("next", "later", "demain", "Q3")
] + ["43 years after de Gaulle", "two years after the Bucharest summit", " years after the war ",
     "quarante ans après le retrait", "was", "a été", "3 November", "le 19 janvier",
     "in 1966", "ago", "il y a deux ans", "Sunday", "samedi", "this month", "last year",
     "the next day", "le lendemain", "two days later", "la nuit dernière", "last quarter",
     "the early 60s", "les années 60", "mars 20", "until December", "jusqu'à dimanche"]
_ANCHOR_HISTORY = [
    Event(id="gaulle", date=parse_iso("1966-03-07"), end=None, title={"en": "g", "fr": "g"},
          summary={"en": "g", "fr": "g"}, category="x", sources=(),
          keywords=("de Gaulle", "retrait"), importance=1, line=1),
    Event(id="bucharest", date=parse_iso("2008-04-02"), end=None, title={"en": "b", "fr": "b"},
          summary={"en": "b", "fr": "b"}, category="x", sources=(),
          keywords=("Bucharest",), importance=1, line=1),
]


@settings(max_examples=150, deadline=None)
@given(body=st.lists(st.sampled_from(PAST_FRAGMENTS), max_size=30).map(" ".join),
       published=st.dates(min_value=datetime.date(1900, 1, 1),
                          max_value=datetime.date(2100, 12, 31)),
       precision=st.sampled_from(["day", "month", "year"]),
       lang=st.sampled_from(["en", "fr"]))
@example(body="announced yesterday , 43 years after de Gaulle", published=datetime.date(
    2009, 3, 12), precision="day", lang="en")
# A step's own date is not its event's: the second step is not counted from "January".
@example(body="January 43 years after de Gaulle \n 43 years after de Gaulle",
         published=datetime.date(2000, 1, 1), precision="day", lang="en")
@example(body="le 19 janvier", published=datetime.date(2026, 2, 1), precision="month",
         lang="fr")
def test_no_value_lies_after_what_the_text_and_its_anchors_allow(body, published, precision,
                                                                 lang):
    """A text that never looks ahead dates nothing later than the year after
    its paper or after a year it writes (a bare "3 March" in a December paper
    may be the coming one), and an anchored mention is its event plus its
    offset."""
    from timeline.anchoring import resolve_anchored

    found = extract_mentions(body, published=published, lang=lang, precision=precision)
    written = [int(y) for y in re.findall(r"\d{4}", body)]
    limit = max([published.year, *written]) + 1
    for mention in resolve_anchored(found, _ANCHOR_HISTORY):
        year = re.match(r"(\d{4})", mention.value)
        if year is None:
            continue
        if mention.event:
            start = next(e for e in _ANCHOR_HISTORY if e.id == mention.event).date.first.year
            step = int(mention.offset[1:-1]) * (1 if mention.offset[0] == "+" else -1)
            assert int(year.group(1)) == start + step, (mention, body)
        else:
            assert int(year.group(1)) <= limit, (mention, body, published, precision)


# --------------------------------------------------------------------------- events files

YAML_TOKENS = [
    "categories:", "events:", "eras:", "- ", "id: ", "date: ", "end: ", "start: ", "label: ",
    "title: ", "summary: ", "category: ", "sources: ", "keywords: ", "importance: ", "note: ",
    "url: ", "publisher: ", "en: ", "fr: ", "  ", "    ", "\n", "{", "}", "[", "]", ":", ",",
    "&a ", "*a", "!!int ", "!!str ", "!x ", "? ", "---\n", "...\n", "|", ">", "'", '"', "#",
    "1966", "1966-02-30", "9999", "2009-04", "0", "-1", "treaty", "x-", "X", "https://e.org",
    "javascript:alert(1)", "\t", "\ufeff", "é", "\u2028",
]
yamlish = st.lists(st.one_of(st.sampled_from(YAML_TOKENS), st.text(max_size=3)),
                   max_size=60).map("".join)


def check_events(path: Path, text: str | None) -> Catalog | None:
    """validate_events and load_events agree; a success keeps the catalog's invariants."""
    problems = validate_events(path)
    assert isinstance(problems, list)
    try:
        catalog = load_events(path)
    except InputError as exc:
        assert problems, "load_events failed where validate_events saw nothing wrong"
        assert exc.problems == problems
        assert_names_the_file(exc, path, text)
        return None
    assert problems == []
    ids = [e.id for e in catalog.events]
    assert len(ids) == len(set(ids)) and all(SLUG.match(i) for i in ids)
    declared = {c.id for c in catalog.categories}
    assert all(e.category in declared for e in catalog.events)
    assert list(catalog.events) == sorted(catalog.events, key=lambda e: (e.date.first, e.id))
    for e in catalog.events:
        assert e.sources and all(s.url.startswith(("http://", "https://")) for s in e.sources)
        assert set(e.title) == set(e.summary) == set(LANGUAGES)
        assert drawable(e.date) and (e.end is None or drawable(e.end))
        assert e.end is None or e.end.last >= e.date.first
    for era in catalog.eras:
        assert era.start.first <= era.end.last and drawable(era.end)
    return catalog


@FAST
@given(text=st.one_of(st.text(max_size=200), yamlish))
@example(text="events: &e [*e]\ncategories: []\n")
@example(text="categories: " + "[" * 2000)
@example(text="a: 1\n---\nb: 2\n")
def test_events_loader_on_arbitrary_text(workdir, text):
    path = write_bytes(workdir, text.encode("utf-8"), "soup.yaml")
    check_events(path, text)


@FAST
@given(data=st.binary(max_size=200))
def test_events_loader_on_arbitrary_bytes(workdir, data):
    check_events(write_bytes(workdir, data, "bytes.yaml"), None)


MINI_LINES = MINI_EVENTS.read_text(encoding="utf-8").splitlines(keepends=True)


@st.composite
def mutated_events(draw: st.DrawFn) -> str:
    """The small valid history with one to four of its lines broken."""
    lines = list(MINI_LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "value", "insert", "indent",
                                   "truncate"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "value":
            key, sep, _ = lines[i].partition(": ")
            if sep:
                lines[i] = f"{key}: {draw(yaml_values)}\n"
        elif op == "insert":
            lines.insert(i, draw(st.sampled_from(YAML_TOKENS)) + draw(st.text(max_size=10))
                         + "\n")
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["", " ", "  ", "\t"])) + lines[i].lstrip(" ")
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        if not lines:
            break
    return "".join(lines)


@settings(max_examples=150, deadline=None)
@given(text=mutated_events())
def test_events_loader_on_mutated_valid_files(workdir, text):
    check_events(write_bytes(workdir, text.encode("utf-8"), "mutated.yaml"), text)


def test_the_mutation_base_is_valid():
    assert check_events(MINI_EVENTS, None) is not None


# --------------------------------------------------------------------------- merging

TIMEX_VALUES = [
    "PRESENT_REF", "PAST_REF", "FUTURE_REF", "P2Y", "BC0490", "1966", "1966-03", "1966-03-07",
    "1949-04-04", "2026-01-19", "2026-W04", "196", "19", "XX", "", "9999", "9999-12",
    "9999-12-31", "9999-W52", "9999-W01", "9999-Q4", "999", "99", "0001-01-01", "0001-W01",
    "0000", "1966-Q1", "1966-H2", "1966-SU", "1966-WI", "9999-WI", "2026-01-19T10:00",
    "1966-02-30", "2020-W53", "2021-W53", "x",
]
timex_values = st.one_of(
    st.sampled_from(TIMEX_VALUES),
    impossible_dates,
    partial_dates,
    st.builds(lambda y, w: f"{y:04d}-W{w:02d}", st.integers(0, 9999), st.integers(0, 60)),
    st.builds(lambda y, q: f"{y:04d}-{q}", st.integers(0, 9999),
              st.sampled_from(["Q1", "Q4", "H1", "H2", "SP", "SU", "FA", "WI"])),
    st.text(max_size=8),
)
CATALOG = load_events(MINI_EVENTS)
KEYWORDS = sorted({k for e in CATALOG.events for k in e.keywords})
sentences = st.lists(st.one_of(st.sampled_from(KEYWORDS + ["NATO", "OTAN", "GUETTÉ"]),
                               st.text(max_size=6)), max_size=8).map(" ".join)


@st.composite
def article_mentions(draw: st.DrawFn) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for article_id in draw(st.lists(st.sampled_from(["a", "b", "c"]), unique=True,
                                    max_size=3)):
        mentions = []
        for i, (value, sentence) in enumerate(draw(st.lists(st.tuples(timex_values, sentences),
                                                            max_size=12))):
            # The start is the mention's identity below: unique within an article.
            mentions.append(Mention(start=i, end=i + 1, text=f"m{i}", value=value,
                                    sentence=sentence, sentence_start=0,
                                    anchor=draw(st.sampled_from(["explicit", "publication",
                                                                 "narrative"]))))
        out[article_id] = mentions
    return out


@settings(max_examples=80, deadline=None)
@given(mentions=article_mentions())
@example(mentions={"a": [Mention(0, 1, "x", "9999-W52", "treaty", 0, "explicit"),
                         Mention(1, 2, "y", "9999-12-31", "treaty", 0, "explicit")]})
def test_merge_places_every_mention_exactly_once(mentions):
    articles = [Article(path=f"{a}.txt", id=a, title=f"Story {a}", body="x",
                        source_url=f"https://example.org/{a}") for a in sorted(mentions)]
    timeline = m.build_timeline(CATALOG, articles, mentions)
    items, unplotted = timeline.items, timeline.unplotted

    given_ = Counter((a, x.start) for a, ms in mentions.items() for x in ms)
    placed = Counter((ref.article, ref.start) for item in items for ref in item.mentions)
    placed.update((u.article, u.start) for u in unplotted)
    assert placed == given_

    ids = [item.id for item in items]
    assert len(ids) == len(set(ids))
    assert {e.id for e in CATALOG.events} <= set(ids)
    keys = [(item.first, item.last, item.id) for item in items]
    assert keys == sorted(keys)
    for item in items:
        assert item.first <= item.last < datetime.date.max, item.id
        if item.origin == ARTICLE:
            assert item.mentions and item.category == ARTICLE_CATEGORY
            assert {from_timex(ref.value).value for ref in item.mentions} == {item.span.value}
        else:
            assert (item.origin == BOTH) == bool(item.mentions)
        for ref in item.mentions:
            span = from_timex(ref.value)
            assert span is not None and drawable(span)
            if item.origin == BOTH:
                assert ref.date_fit
    for u in unplotted:
        span = from_timex(u.value)
        assert span is None or not drawable(span)
    # The library users' table holds the same items, in the same order.
    assert timeline.to_frame()["id"].tolist() == ids


# --------------------------------------------------------------------------- regressions
# Plain tests for what the properties above found.


def test_a_week_running_past_the_calendar_is_not_plotted():
    # from_timex("9999-W52") raised OverflowError: the week's Sunday is in year 10000.
    assert from_timex("9999-W52") is None
    assert from_timex("9999-W01") is not None


def test_mentions_ending_on_the_calendars_last_day_are_reported_not_plotted():
    # An article published 9999-12-30 saying "this week", or naming 31 December
    # 9999, crashed the build in the chart and the iCalendar export, which draw
    # up to the day after.
    body = "The treaty this week, and on 31 December 9999."
    a = Article(path="a.txt", id="a", title="A", body=body)
    found = [Mention(0, 1, "this week", "9999-W52", body, 0, "publication"),
             Mention(2, 3, "31 December 9999", "9999-12-31", body, 0, "explicit")]
    timeline = m.build_timeline(CATALOG, [a], {"a": found})
    assert [u.value for u in timeline.unplotted] == ["9999-W52", "9999-12-31"]
    assert all(item.origin != ARTICLE for item in timeline.items)


@pytest.mark.parametrize("value", ["9999", "9999-12", "9999-12-31"])
def test_event_dates_reaching_the_calendars_last_day_are_refused(tmp_path, value):
    text = MINI_EVENTS.read_text(encoding="utf-8").replace("date: 2026-01-19",
                                                          f"date: {value}")
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    (problem,) = validate_events(path)
    assert problem.message == (f"date {value!r} runs to 31 December 9999, the last day the "
                               "calendar holds, and cannot be drawn; use an earlier date")
    assert (problem.line, problem.column) == (39, 11)


def test_an_endless_device_is_refused_without_reading_it_all(tmp_path):
    # /dev/zero reports size 0, so the size check let it through and the
    # loaders read until memory ran out.
    # Linux (where timeline is built and tested) always has /dev/zero: no skip.
    zero = Path("/dev/zero")
    with pytest.raises(InputError, match=f"more than {MAX_ARTICLE_BYTES:,} bytes"):
        load_article(zero)
    with pytest.raises(InputError, match="the limit for an events file"):
        load_events(zero)


def test_a_path_the_system_refuses_is_an_input_error(tmp_path):
    # A file name longer than the system allows made Path.exists() raise OSError.
    too_long = tmp_path / ("x" * 5000)
    with pytest.raises(InputError, match="cannot be read"):
        load_article(too_long)
    (problem,) = validate_events(too_long)
    assert problem.message.startswith("cannot be read") and problem.path == str(too_long)

