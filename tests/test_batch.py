from datetime import date

import pytest

from timeline import batch
from timeline.article import Article
from timeline.cache import MentionCache, cache_key
from timeline.mention import EXTRACTOR_VERSION

SENTENCES = ["France left the integrated command in 1966.",
             "Sarkozy brought it back on 11 March 2009.",
             "This week a resolution was filed.",
             "In 2019 Macron called NATO brain dead; two years later came Madrid."]


def articles(n: int = 6) -> list[Article]:
    return [Article(path=f"a{i}.txt", id=f"a{i}", title=f"A{i}",
                    body=" ".join(SENTENCES[i % len(SENTENCES):] + SENTENCES[:i % 3]),
                    published=None if i % 2 else _day(2026, 1, 19 + i % 3))
            for i in range(n)]


def _day(y, m, d):
    from timeline.dates import parse_iso
    return parse_iso(f"{y:04d}-{m:02d}-{d:02d}")


def test_key_depends_on_everything_the_result_depends_on():
    base = cache_key("text 1966", date(2026, 1, 19), "en")
    assert base == cache_key("text 1966", date(2026, 1, 19), "en")
    assert base != cache_key("text 1967", date(2026, 1, 19), "en")
    assert base != cache_key("text 1966", date(2026, 1, 20), "en")
    assert base != cache_key("text 1966", None, "en")
    assert base != cache_key("text 1966", date(2026, 1, 19), "fr")


def test_key_changes_with_the_extractor_version(monkeypatch):
    before = cache_key("x", None, "en")
    monkeypatch.setattr("timeline.cache.EXTRACTOR_VERSION", EXTRACTOR_VERSION + "-next")
    assert cache_key("x", None, "en") != before


def test_cache_serves_and_only_re_extracts_what_changed(tmp_path, monkeypatch):
    cache = MentionCache(tmp_path / "cache")
    docs = articles(4)
    first, stats = batch.extract_all(docs, cache=cache)
    assert (stats.cached, stats.extracted) == (0, 4)
    calls = []
    real = batch.run_job
    monkeypatch.setattr(batch, "run_job", lambda job: calls.append(job.article_id) or real(job))
    changed = docs[:2] + [Article(path="a2.txt", id="a2", title="A2", body="New text of 1999.")] \
        + docs[3:]
    second, stats = batch.extract_all(changed, cache=cache)
    assert calls == ["a2"] and (stats.cached, stats.extracted) == (3, 1)
    assert {k: v for k, v in second.items() if k != "a2"} == \
        {k: v for k, v in first.items() if k != "a2"}
    assert [m.value for m in second["a2"]] == ["1999"]


def test_damaged_cache_entries_are_misses(tmp_path):
    cache = MentionCache(tmp_path)
    docs = articles(1)
    batch.extract_all(docs, cache=cache)
    for entry in tmp_path.rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    result, stats = batch.extract_all(docs, cache=cache)
    assert stats.extracted == 1 and result["a0"]


def test_processes_give_the_same_result_as_one_process():
    docs = articles(6)
    serial, _ = batch.extract_all(docs, jobs=1)
    parallel, _ = batch.extract_all(docs, jobs=2)
    assert serial == parallel
    assert any(serial.values())


def test_progress_counts_every_article(tmp_path):
    ticks = []
    batch.extract_all(articles(3), jobs=2, cache=MentionCache(tmp_path),
                      progress=ticks.append)
    batch.extract_all(articles(3), jobs=2, cache=MentionCache(tmp_path),
                      progress=ticks.append)
    assert sum(ticks) == 6


@pytest.mark.parametrize("jobs", [1, 2])
def test_meanwhile_runs_once_in_this_process_while_workers_extract(jobs):
    import os

    calls = []
    result, _ = batch.extract_all(articles(4), jobs=jobs,
                                  meanwhile=lambda: calls.append(os.getpid()))
    assert calls == [os.getpid()]
    assert len(result) == 4


def test_a_dask_cluster_gives_the_same_result_as_one_process():
    import distributed

    docs = articles(6)
    serial, _ = batch.extract_all(docs)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        on_dask, stats = batch.extract_all(docs, scheduler=cluster.scheduler_address)
    assert on_dask == serial and stats.extracted == 6


def test_unreachable_scheduler_is_one_clear_error():
    from timeline.errors import TimelineError
    with pytest.raises(TimelineError, match="cannot reach the Dask scheduler"):
        batch.extract_all(articles(1), scheduler="tcp://127.0.0.1:1")
