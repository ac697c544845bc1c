"""An archive's article pages, rendered by a pool of worker processes.

Each article's page needs only that article, its mentions and the catalog,
not the master timeline, so the pages can start as soon as extraction ends
and run while the main process merges the whole archive. The workers write
their pages straight into the build's staging folder (site.write_staged):
sending some 70 MB of pages back through the main process to be written at
the end cost more than rendering them in parallel saved.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline import merge
from timeline.render import (
    PageSettings,
    article_page_path,
    build_environment,
    render_article_page,
)
from timeline.site import write_staged

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from timeline.article import Article
    from timeline.events import Catalog
    from timeline.mention import Mention
    from timeline.merge import Link, Links

# An article, its mentions and their links (merge.Link or None, one per mention).
Task = tuple["Article", list["Mention"], list["Link | None"]]

# One worker process's catalog, Jinja environment and articles, set once by
# _start_worker. The articles come as the pool's initargs: a forked worker
# inherits them, where passing them with each task would pickle every article
# and its mentions through the main process.
_WORKER: dict[str, Any] = {}


def _start_worker(catalog: Catalog, settings: PageSettings, tasks: Sequence[Task] = (),
                  staging: Path | None = None, parent_pid: int | None = None) -> None:
    if parent_pid is not None:
        from timeline.batch import die_with_parent

        die_with_parent(parent_pid)
    _WORKER.update(catalog=catalog, settings=settings,
                   env=build_environment(settings.dirs), tasks=tasks, staging=staging)


def _article_pages_task(start: int, stop: int) -> list[tuple[str, str]]:
    """Render and write the pages of articles ``start`` to ``stop`` (one task sent to a
    worker); return each page's path and SHA-256."""
    staging = _WORKER["staging"]
    return [(path, write_staged(staging, path, page))
            for path, page in map(_article_page_task, _WORKER["tasks"][start:stop])]


def _article_page_task(task: Task) -> tuple[str, bytes]:
    """Merge one article with the catalog and render its page."""
    article, found, links = task
    catalog = _WORKER["catalog"]
    # The article's own timeline is the merge of that article alone, from the
    # links the whole archive's linking made (no pandas in the workers).
    own = merge.assemble(catalog, [article], {article.id: found}, {article.id: links})
    page = render_article_page(_WORKER["env"], _WORKER["settings"], catalog, article, own)
    return article_page_path(article.id), page


class ArticlePages:
    """Article pages being rendered: ``result()`` waits for them, ``cancel()`` drops them.

    With one job the pages are rendered when the result is asked for; with
    more, a pool of processes starts on them at once, so the caller can merge
    the archive and render the master pages meanwhile. Given a ``staging``
    folder (site.Staging), the pages are written into it as they are rendered,
    by the workers themselves, and ``written`` holds their digests; without
    one, ``result()`` returns them. ``progress`` is told of every page done,
    as it is done.
    """

    # Pages per task: enough to make a task's overhead small, few enough that
    # at the end one worker does not idle long while the other finishes.
    CHUNK = 16

    def __init__(self, catalog: Catalog, settings: PageSettings, tasks: list[Task], jobs: int,
                 progress: Callable[[int], None] | None = None,
                 staging: Path | None = None) -> None:
        self._catalog, self._settings, self._tasks = catalog, settings, tasks
        self._progress, self._staging = progress, staging
        self.written: dict[str, str] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[tuple[str, str]]]] = []
        if jobs > 1 and len(tasks) > 1 and staging is not None:
            from concurrent.futures import ProcessPoolExecutor

            from timeline.batch import frozen_heap

            workers = min(jobs, len(tasks))
            size = max(1, min(self.CHUNK, len(tasks) // (workers * 8)))
            self._pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                                             initargs=(catalog, settings, tasks, staging,
                                                       os.getpid()))
            with frozen_heap():  # the workers fork at the first submit
                for start in range(0, len(tasks), size):
                    future = self._pool.submit(_article_pages_task, start, start + size)
                    if progress is not None:
                        # Run by the pool's own thread as each chunk lands.
                        future.add_done_callback(
                            lambda f: None if f.cancelled() or f.exception()
                            else progress(len(f.result())))
                    self._futures.append(future)

    def result(self) -> dict[str, bytes]:
        """Wait for every page; return those not written into the staging folder.

        A page that cannot be written (disk full, a name the file system
        refuses) is an OutputError, in a worker or here.
        """
        try:
            return self._result()
        except OSError as exc:
            from timeline.errors import OutputError

            raise OutputError(f"could not write the site ({exc.strerror or exc}); the "
                              "previous build, if any, is unchanged") from None

    def _result(self) -> dict[str, bytes]:
        if self._pool is None:
            _start_worker(self._catalog, self._settings)
            pages = {}
            for task in self._tasks:
                path, page = _article_page_task(task)
                if self._staging is None:
                    pages[path] = page
                else:
                    self.written[path] = write_staged(self._staging, path, page)
                if self._progress is not None:
                    self._progress(1)
            return pages
        try:
            self.written.update(pair for future in self._futures for pair in future.result())
            return {}
        except BaseException:
            self.cancel()
            raise
        finally:
            self._pool.shutdown()

    def cancel(self) -> None:
        """Stop the workers, dropping every chunk not yet started (the build failed).

        The chunks already running finish first: a worker still writing would
        otherwise put files back into a staging folder being deleted.
        """
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def start_article_pages(catalog: Catalog, articles: Sequence[Article],
                        mentions: Mapping[str, Sequence[Mention]], links: Links,
                        settings: PageSettings, *,
                        jobs: int = 1, progress: Callable[[int], None] | None = None,
                        staging: Path | None = None) -> ArticlePages:
    """Start rendering every article's own page (into ``staging`` when given).

    ``links`` are merge.LinkedArchive.links(): each mention's link. Worker
    processes are used only with a staging folder to write into, so that the
    pages never travel back through the main process.
    """
    tasks = [(a, list(mentions.get(a.id, ())), list(links.get(a.id, ()))) for a in articles]
    return ArticlePages(catalog, settings, tasks, jobs, progress, staging)
