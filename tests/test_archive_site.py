"""A site built from several articles: the master timeline, the articles index
and a page per article, with every link between them leading somewhere."""

from __future__ import annotations

import hashlib
import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest

from timeline.build import BuildOptions, build_site, find_articles

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
EVENTS = FIXTURES / "mini-events.yaml"
ARCHIVE = FIXTURES / "archive"
ARTICLE_IDS = ("brussels-summit", "retour-sarkozy", "undated-note")


@pytest.fixture(scope="module")
def result():
    return build_site(BuildOptions(events_path=EVENTS, article_paths=find_articles(ARCHIVE),
                                   cwd=ROOT))


@pytest.fixture(scope="module")
def files(result):
    return result.files


class Page(HTMLParser):
    """The ids, links and elements of one page."""

    def __init__(self, text: str):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in ("href", "src", "cite"):
            if attributes.get(name) and tag not in ("iframe",):
                self.links.append(attributes[name])


def html(files, name) -> str:
    return files[name].decode("utf-8")


def item_block(page: str, item_id: str) -> str:
    """The <li> of one item in a page's list of events."""
    found = re.search(rf'<li class="event[^"]*" id="{re.escape(item_id)}".*?</article>\s*</li>',
                      page, re.S)
    assert found, f"no item {item_id}"
    return found.group(0)


def test_every_article_gets_its_own_page_in_its_language(files):
    for article_id in ARTICLE_IDS:
        assert f"articles/{article_id}.html" in files
    french = html(files, "articles/retour-sarkozy.html")
    assert '<html lang="fr"' in french
    assert "La chronologie de cet article" in french
    assert '<mark data-value="1966">1966</mark>' in french
    english = html(files, "articles/brussels-summit.html")
    assert '<html lang="en"' in english
    # "this week" resolves against the publication date and links to the
    # resolution, on the article's own timeline, in the same page.
    assert re.search(r'<a class="mention" id="mention-brussels-summit-\d+" '
                     r'href="#resolution-filed"><mark data-value="2026-W04">this week</mark>',
                     english)
    assert 'id="resolution-filed"' in english


def test_an_article_page_keeps_its_own_dates_and_the_curated_context(files):
    page = html(files, "articles/retour-sarkozy.html")
    # 1992 is in this article only: on its page, not on the master timeline.
    assert 'id="date-1992"' in page
    assert 'id="date-1992"' not in html(files, "index.html")
    # Every curated event is there as context; only this article's quotes are.
    for event in ("treaty-signed", "letter-to-johnson", "forces-leave", "resolution-filed"):
        assert f'id="{event}"' in page
    assert "Ministers met in Brussels" not in page


def test_the_master_timeline_counts_and_links_the_articles(files):
    page = html(files, "index.html")
    block = item_block(page, "letter-to-johnson")
    assert "Mentioned in 1 article" in block
    assert 'href="articles/brussels-summit.html"' in block
    # A quote leads to the mention in its article's page.
    assert 'href="articles/brussels-summit.html#mention-brussels-summit-' in block
    # The French article's 1966 names "commandement", a word of this event's
    # French title (the fixture's other 1966 event has English keywords only).
    block = item_block(page, "forces-leave")
    assert "Mentioned in 1 article" in block
    # The French article's title is marked as French on the English page.
    assert '<a href="articles/retour-sarkozy.html" lang="fr">Le long chemin du retour</a>' in block
    assert "Mentioned in 1 article" in item_block(page, "treaty-signed")
    # 1980 is shared by two articles: kept, with both.
    block = item_block(page, "date-1980")
    assert "Mentioned in 2 articles" in block
    assert 'href="articles/brussels-summit.html"' in block
    assert 'href="articles/retour-sarkozy.html"' in block
    french = html(files, "fr/index.html")
    assert "Cité dans 2 articles" in item_block(french, "date-1980")
    assert 'href="../articles/retour-sarkozy.html"' in item_block(french, "forces-leave")


def test_the_articles_index_lists_every_article_newest_first(files):
    for name in ("articles.html", "en/articles.html", "fr/articles.html"):
        page = html(files, name)
        order = [page.index(f"articles/{a}.html\"") for a in
                 ("brussels-summit", "retour-sarkozy", "undated-note")]
        assert order == sorted(order), name
    assert "sans date" in html(files, "fr/articles.html")
    row = re.search(r'brussels-summit\.html".*?</tr>', html(files, "articles.html"), re.S)
    # Four dates found ("this week", 1966, 1980 and nothing else); two lead to history.
    assert re.findall(r'<td class="num">(\d+)</td>', row.group(0)) == ["3", "2"]


def test_the_index_links_to_the_articles_only_for_an_archive(files):
    assert 'id="nav-articles"' in html(files, "index.html")
    single = build_site(BuildOptions(events_path=EVENTS, cwd=ROOT,
                                     article_paths=[FIXTURES / "golden-article.txt"])).files
    assert "articles.html" not in single
    assert not any(name.startswith("articles/") for name in single)
    assert 'id="nav-articles"' not in single["index.html"].decode()


def test_every_link_in_the_site_leads_to_a_file_and_an_anchor_in_it(files):
    pages = {name: Page(data.decode("utf-8")) for name, data in files.items()
             if name.endswith(".html")}
    broken = []
    for name, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("data:"):
                continue
            target = name
            if parts.path:
                target = str(PurePosixPath(name).parent / unquote(parts.path))
                target = str(PurePosixPath(*_normalise(PurePosixPath(target).parts)))
            if target not in files:
                broken.append(f"{name}: {link} (no file {target})")
            elif parts.fragment and target in pages and parts.fragment not in pages[target].ids:
                broken.append(f"{name}: {link} (no id {parts.fragment} in {target})")
    assert broken == []


def _normalise(parts: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if part == "..":
            out.pop()
        elif part not in (".", ""):
            out.append(part)
    return out


def test_the_data_files_hold_the_master_timeline(files):
    exported = [item["id"] for item in json.loads(files["data/events.json"])["items"]]
    page = Page(html(files, "index.html"))
    listed = [attrs["id"] for tag, attrs in page.tags
              if tag == "li" and "event" in (attrs.get("class") or "").split()]
    assert sorted(exported) == sorted(listed)
    assert "date-1992" not in exported


def test_the_summary_counts_links_to_history(result):
    assert result.articles == 3
    # brussels-summit: this week -> resolution, 1966 -> letter; retour-sarkozy:
    # 1966 -> letter; undated-note: 4 April 1949 -> treaty.
    assert result.links == 4
    assert result.items == 5


def test_pages_from_two_processes_equal_those_from_one(files, tmp_path):
    # With a staging folder the article pages are rendered and written by two
    # worker processes; the site is the one a single process renders.
    from timeline.site import MARKER, Staging

    out = tmp_path / "build"
    with Staging(out) as staging:
        result = build_site(BuildOptions(events_path=EVENTS, article_paths=find_articles(ARCHIVE),
                                         cwd=ROOT, jobs=2), staging=staging.path)
        # One page per article, written by the workers, none also in memory.
        assert len(result.written) == len(find_articles(ARCHIVE))
        assert not set(result.written) & set(result.files)
        staging.commit(result.files, result.written, inputs_key="k")
    on_disk = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
               if p.is_file() and p.name != MARKER}
    assert on_disk == files
    marker = (out / MARKER).read_text()
    assert all(f"{hashlib.sha256(data).hexdigest()}  {name}" in marker
               for name, data in files.items())


def test_a_failed_merge_cancels_the_article_pages(monkeypatch, tmp_path):
    # Article pages start before the archive is merged; when the merge
    # fails, the pages being rendered are cancelled, not waited for, and the
    # staging folder the workers were writing into goes.
    from timeline import merge, workers
    from timeline.site import Staging

    real_cancel = workers.ArticlePages.cancel
    cancelled = []

    def failing(self):  # the master merge, in this process
        raise RuntimeError("merge failed")

    def cancel(self):
        cancelled.append(self)
        real_cancel(self)

    monkeypatch.setattr(merge.LinkedArchive, "timeline", failing)
    monkeypatch.setattr(workers.ArticlePages, "cancel", cancel)
    out = tmp_path / "build"
    with pytest.raises(RuntimeError, match="merge failed"), Staging(out) as staging:
        build_site(BuildOptions(events_path=EVENTS, article_paths=find_articles(ARCHIVE),
                                cwd=ROOT, jobs=2), staging=staging.path)
    assert len(cancelled) == 1 and cancelled[0]._pool is not None
    assert list(tmp_path.iterdir()) == []


def test_cancelled_pages_stop_the_workers_early(tmp_path):
    import dataclasses
    import multiprocessing

    from timeline.article import load_article
    from timeline.events import load_events
    from timeline.render import PageSettings, template_dirs
    from timeline.workers import start_article_pages

    base = [load_article(p) for p in find_articles(ARCHIVE)]
    many = [dataclasses.replace(a, id=f"{a.id}-{i}") for i in range(200) for a in base]
    done = []
    settings = PageSettings(dirs=tuple(template_dirs(ROOT)), plotlyjs="local",
                            default_lang="en")
    pages = start_article_pages(load_events(EVENTS), many, {}, {}, settings, jobs=2,
                                progress=done.append, staging=tmp_path)
    pages.cancel()
    deadline = time.monotonic() + 60
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []
    # Only the chunks already handed to a worker were rendered.
    assert sum(done) < len(many) / 2


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_reports_each_long_stage_to_its_end(jobs):
    stages: dict[str, list[int]] = {}

    def stage(label, total):
        stages[label] = [total, 0]

        def advance(n):
            stages[label][1] += n
        return advance

    build_site(BuildOptions(events_path=EVENTS, article_paths=find_articles(ARCHIVE), cwd=ROOT,
                            jobs=jobs), progress=stage)
    count = len(ARTICLE_IDS)
    assert stages == {"Extracting dates": [count, count],
                      "Rendering article pages": [count, count]}
