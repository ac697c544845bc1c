"""Linking as pandas operations (timeline/linking.py), its evidence (evidence.py), and
the same link on a Dask cluster (cluster.py)."""

import random
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from timeline import evidence, linking, merge, views
from timeline.anchoring import resolve_all
from timeline.article import Article, load_article
from timeline.batch import extract_all
from timeline.dates import from_timex
from timeline.events import load_events
from timeline.mention import Mention
from timeline.model import Tally

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
OWN = FIXTURES / "linking"
EXPECTED = yaml.safe_load((OWN / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shipped():
    return load_events(ROOT / "events.yaml")


@pytest.fixture(scope="module")
def own_articles(shipped):
    articles = [load_article(p) for p in sorted(OWN.glob("*.txt"))]
    found, _ = extract_all(articles)
    return articles, resolve_all(found, shipped.events)


def one(body: str, text: str, value: str, lang: str = "en", at: int = 0):
    start = body.index(text, at)
    article = Article(path="a.txt", id="a", title="A", body=body, language=lang)
    return article, {"a": [Mention(start, start + len(text), text, value, body, 0, "explicit")]}


def linked_event(catalog, body, text, value, lang="en"):
    article, found = one(body, text, value, lang)
    (link,) = merge.link_archive(catalog, [article], found).links()["a"]
    return link.event_id if link else None


def test_own_articles_are_at_least_ten_in_both_languages(own_articles):
    articles, _ = own_articles
    assert len(articles) >= 10 and {a.language for a in articles} == {"en", "fr"}
    assert sorted(EXPECTED) == sorted(a.id for a in articles)


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_own_article_gives_its_links_and_no_other(shipped, own_articles, article_id):
    articles, found = own_articles
    links = merge.link_archive(shipped, articles, found).links()[article_id]
    got = [[m.text, link.event_id if link else None]
           for m, link in zip(found[article_id], links, strict=True)]
    assert got == EXPECTED[article_id]


@pytest.mark.parametrize("word", ["withdraw", "withdrew", "withdrawn", "withdrawing"])
def test_inflections_of_a_keyword_are_the_keyword(shipped, word):
    body = f"In 1966 de Gaulle's France {word} from the command structure."
    article, found = one(body, "1966", "1966")
    (link,) = merge.link_archive(shipped, [article], found).links()["a"]
    assert link.event_id == "de-gaulle-withdrawal" and "withdrawal" in link.matched


def test_stems_agree_across_derivations_and_hyphens():
    def terms(text, lang):
        return [w.stem for w in evidence.words(text, lang)]

    assert terms("réintégré", "fr") == terms("réintégration", "fr")
    assert terms("brain-death", "en") == terms("brain death", "en")
    assert terms("création", "fr") == terms("crée", "fr")
    assert terms("Réintégré", "fr") == terms("REINTEGRE", "fr")  # folded the one way


@pytest.mark.parametrize("body", [
    "NATO met again in 1966.", "France said so in 1966.", "L'OTAN et la France en 1966.",
    "In 1966, 1966 was the year."])
def test_a_common_word_or_a_year_alone_never_links(shipped, body):
    assert linked_event(shipped, body, "1966", "1966") is None


def test_the_very_same_day_links_without_words_but_a_year_does_not(shipped):
    assert linked_event(shipped, "It rained on 4 April 1949.", "4 April 1949",
                        "1949-04-04") == "north-atlantic-treaty"
    assert linked_event(shipped, "It rained in 1959.", "1959", "1959") is None


def test_interval_join_finds_exactly_the_pairs_a_brute_force_finds(shipped):
    rng = random.Random(22)
    values = {e.date.value for e in shipped.events}
    for _ in range(300):
        y = rng.randint(1948, 2027)
        values.add(rng.choice([str(y), f"{y}-{rng.randint(1, 12):02d}",
                               f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                               f"{y}-W{rng.randint(1, 52):02d}", f"{y // 10}", "PAST_REF"]))
    import pandas as pd

    tables = linking.catalog_tables(shipped.events)
    fits = linking.date_fits(linking.distinct_spans(pd.Series(sorted(values))), tables)
    got = set(zip(fits[linking.VALUE], fits[linking.EVENT], strict=True))
    want = set()
    for value in values:
        span = from_timex(value)
        if span is None:
            continue
        for i, e in enumerate(shipped.events):
            whole = merge.DateSpan(e.date.first, (e.end or e.date).last, "day", "")
            if span.contains(e.date) or whole.contains(span):
                want.add((value, i))
    assert got == want and want


def test_the_choice_does_not_depend_on_the_order_of_articles(shipped, own_articles):
    articles, found = own_articles
    shuffled = articles[:]
    random.Random(1).shuffle(shuffled)
    assert merge.link_archive(shipped, shuffled, found).links() == \
        merge.link_archive(shipped, articles, found).links()


def test_aggregates_count_articles_quotes_and_shared_dates(shipped):
    bodies = {f"s{i}": "De Gaulle withdrew from the integrated command in 1966. Rain in 1980."
              for i in range(5)}
    articles = [Article(path=f"{k}.txt", id=k, title=k, body=b) for k, b in bodies.items()]
    found = {}
    for k, b in bodies.items():
        found[k] = [Mention(b.index(y), b.index(y) + 4, y, y, s, b.index(s), "explicit")
                    for y, s in (("1966", b.split(". ")[0]), ("1980", "Rain in 1980."))]
    linked = merge.link_archive(shipped, articles, found)
    agg = linked.aggregated()
    withdrawal = [e.id for e in shipped.events].index("de-gaulle-withdrawal")
    assert agg.per_event.loc[withdrawal].tolist() == [5, 5]
    assert agg.quotes[linking.ARTICLE].tolist() == ["s0", "s1", "s2"]
    assert agg.shared_dates["articles"].to_dict() == {"1980": 5}
    assert linked.linked_counts() == {k: 1 for k in bodies}
    shown = linked.master(linked.timeline())
    assert "date-1980" in [i.id for i in shown.items]
    # The master page's counts and quotes are these aggregates, as tallies.
    (tally,) = shown.tallies
    assert tally.event == "de-gaulle-withdrawal" and tally.mentions == 5
    assert tally.articles == tuple(sorted(bodies))
    assert tally.quotes == tuple((k, bodies[k].index("1966")) for k in ("s0", "s1", "s2"))


def test_master_views_read_the_tallies_not_the_items(shipped, own_articles):
    articles, found = own_articles
    linked = merge.link_archive(shipped, articles, found)
    shown = linked.master(linked.timeline())
    assert shown.tallies
    refs = {a.id: views.ArticleRef(a.title, a.language, f"{a.id}.html") for a in articles}
    for tally in shown.tallies:
        item = next(i for i in shown.items if i.id == tally.event)
        # What the typed items say agrees with the aggregates...
        assert tally.articles == tuple(item.articles())
        assert tally.mentions == len(item.mentions)
        assert tally.quotes == tuple((m.article, m.start) for m in item.mentions[:3])
    # ...and the page says what the tally says: one that names only the last
    # mention, in one article, makes a page quoting that one alone.
    tally = shown.tallies[0]
    item = next(i for i in shown.items if i.id == tally.event)
    last = item.mentions[-1]
    alone = replace(shown, tallies=(Tally(tally.event, (last.article,), 7,
                                          ((last.article, last.start),)),))
    view = next(v for v in views.item_views(alone, shipped, "en", refs, master=True)
                if v.id == tally.event)
    assert [a.id for a in view.articles] == [last.article]
    assert [m.text for m in view.mentions] == [last.text] and view.more_quotes == 6


def test_the_cluster_links_and_aggregates_as_one_process_does(shipped, own_articles,
                                                             monkeypatch):
    distributed = pytest.importorskip("distributed")
    from timeline import cluster

    articles, found = own_articles
    local = merge.link_archive(shipped, articles, found)
    # Several partitions, so that the merge of per-partition quotes is tested.
    monkeypatch.setattr(cluster, "PARTITION_MENTIONS", 5)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        remote = cluster.link_on_cluster(shipped, articles, found, c.scheduler_address)
    assert remote.links() == local.links()
    timeline = local.timeline()
    assert remote.timeline() == timeline and remote.master(timeline) == local.master(timeline)
    assert remote.linked_counts() == local.linked_counts()
    mine, theirs = local.aggregated(), remote.aggregated()
    assert mine.per_event.astype("int64").equals(theirs.per_event.astype("int64"))
    columns = [linking.ARTICLE, linking.POS, linking.EVENT]
    assert mine.quotes[columns].values.tolist() == theirs.quotes[columns].values.tolist()


def test_an_unreachable_scheduler_is_one_clear_error(shipped, own_articles):
    from timeline.cluster import link_on_cluster
    from timeline.errors import TimelineError

    articles, found = own_articles
    with pytest.raises(TimelineError, match="cannot reach the Dask scheduler"):
        link_on_cluster(shipped, articles, found, "tcp://127.0.0.1:1")


def test_an_offset_dated_quote_says_dated_in_both_languages_never_linked_because(tmp_path):
    from timeline.build import BuildOptions, build_site

    story = tmp_path / "recul.txt"
    story.write_text("---\ntitle: Recul\npublished: 2024-01-01\nlanguage: fr\n---\n"
                     "Quarante-trois ans après le retrait décidé par de Gaulle, le débat "
                     "continuait à Paris.\n", encoding="utf-8")
    files = build_site(BuildOptions(events_path=ROOT / "events.yaml", article_paths=[story],
                                    cwd=ROOT, plotlyjs="cdn")).files
    english, french = files["en/index.html"].decode(), files["fr/index.html"].decode()
    assert "Dated 43 years after" in english and "Daté 43 ans après" in french
    assert "Linked because" not in english and "Relié car" not in french


def test_a_build_on_a_cluster_writes_the_same_site(tmp_path):
    distributed = pytest.importorskip("distributed")
    from timeline.build import BuildOptions, build_site, find_articles

    def build(scheduler):
        options = BuildOptions(events_path=ROOT / "events.yaml", article_paths=find_articles(OWN),
                               cwd=ROOT, plotlyjs="cdn", scheduler=scheduler)
        return build_site(options).files

    here = build(None)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        there = build(c.scheduler_address)
    assert sorted(there) == sorted(here)
    assert all(there[name] == here[name] for name in here)
    assert b"Mentioned in" in here["en/index.html"]


def test_vectorised_sentence_terms_are_what_one_sentence_reads(shipped, own_articles):
    import pandas as pd

    articles, found = own_articles
    lang = {a.id: a.language for a in articles}
    rows = sorted({(m.sentence, lang[a]) for a, ms in found.items() for m in ms})
    rows += [("The U.S. (NATO) and «l'OTAN» — 1966, 1966!", "fr"), ("", "en"),
             ("North Atlantic Treaty, 5% of GDP, integrated military command", "en")]
    sentences = pd.DataFrame(rows, columns=[linking.SENTENCE, linking.LANG])
    tables = linking.catalog_tables(shipped.events)
    vocabulary, langs = tables.vocabulary, tables.languages
    got = linking.sentence_terms(sentences, tables)
    for sid, (sentence, language) in enumerate(rows):
        read = evidence.words(sentence, language)
        want = set()
        for term, _, _ in (*evidence.runs(read, tables.words), *evidence.pairs(read)):
            stems = term.split()
            if all(w in vocabulary for w in stems):
                want.add(linking.term_code([vocabulary[w] for w in stems], langs.index(language),
                                           len(vocabulary) + 1, len(langs)))
        assert set(got[got[linking.SID] == sid][linking.CODE]) == want, sentence
    assert len(got) > 20


def test_codes_too_wide_for_int64_are_python_integers_and_still_match(shipped):
    import pandas as pd

    narrow = linking.catalog_tables(shipped.events)
    assert narrow.code_dtype == "int64"
    wide = linking.CatalogTables(narrow.events, narrow.terms.astype({linking.CODE: object}),
                                 narrow.longest, narrow.words, narrow.vocabulary,
                                 narrow.languages, "object")
    sentences = pd.DataFrame({linking.SENTENCE: ["De Gaulle left the integrated command."],
                              linking.LANG: ["en"]})
    assert sorted(linking.sentence_terms(sentences, wide)[linking.CODE]) == \
        sorted(linking.sentence_terms(sentences, narrow)[linking.CODE])
