"""Extract the mentions of many articles: from the cache, in processes, or on Dask.

Extraction is the only expensive stage of a build that is independent per
article, so it is the one that is spread out. Results come back keyed by
article id and are merged on the calling machine exactly as in a
single-process build, which is why every way of running gives the same site.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from timeline.cache import MentionCache, cache_key
from timeline.mention import Mention

if TYPE_CHECKING:
    from timeline.article import Article

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Job:
    """One article's extraction, as plain data that pickles cheaply."""

    article_id: str
    body: str
    published: date | None
    lang: str
    # How much of ``published`` is known ("day", "month", "year"): a month
    # still anchors "le 19 janvier" to its year.
    precision: str = "day"

    @property
    def key(self) -> str:
        return cache_key(self.body, self.published, self.lang, self.precision)


def job_for(article: Article) -> Job:
    """Describe the extraction of one article, anchored on what is known of its date."""
    span = article.published
    return Job(article.id, article.body, span.first if span else None, article.language,
               span.precision if span else "day")


def run_job(job: Job) -> list[Mention]:
    """Extract one article (the function every worker runs)."""
    # Imported here: compiling the extractor's patterns is wasted on a build
    # whose articles all come from the cache.
    from timeline.extract import extract_mentions

    return extract_mentions(job.body, published=job.published, lang=job.lang,
                            precision=job.precision)


# prctl(2)'s PR_SET_PDEATHSIG: the signal Linux sends a process when the
# thread that forked it dies.
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Make this worker process end when the build that forked it dies, however it dies.

    A pool's workers otherwise outlive a main process killed outright
    (SIGKILL, the OOM killer): orphans still extracting or writing pages
    minutes later. Run first thing in each worker (a pool's initializer).
    Linux only; elsewhere nothing changes.
    """
    import signal

    # The build's own SIGTERM handler (cli) is the main process's business.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        return
    if os.getppid() != parent_pid:  # the parent died before the line above
        os._exit(1)


def available_cores() -> int:
    """Return the cores this process may use (respects CPU affinity and cgroups' sets)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# How many frozen_heap() blocks are open: only the outermost one unfreezes.
_frozen_depth = 0


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """Hide what this process holds from the garbage collector, for the block.

    Two reasons. Forked workers inherit every object the main process holds
    (modules, catalog, articles, mentions): frozen at the fork, the workers'
    collections never walk those objects nor write to the memory pages they
    sit on, which would copy each page (copy-on-write). And in the main
    process a full collection walks everything loaded so far, again and again
    while the archive is merged and its pages rendered. benchmarks/heap.py
    measures builds with and without. Blocks nest; objects are unfrozen when
    the outermost one ends. Under a start method that does not fork, only the
    second reason holds.
    """
    global _frozen_depth
    gc.freeze()
    _frozen_depth += 1
    try:
        yield
    finally:
        _frozen_depth -= 1
        if not _frozen_depth:
            gc.unfreeze()


# What --scheduler may name: a Dask scheduler over TCP or TLS (the transports a
# cluster of machines uses; inproc:// is within one process, ucx:// needs
# hardware and libraries a build cannot assume).
SCHEDULER_SCHEMES = ("tcp", "tls")


def check_scheduler_address(address: str) -> str:
    """Return ``address`` if it names a Dask scheduler (tcp://HOST:PORT), else raise ValueError."""
    from urllib.parse import urlsplit

    from timeline.text import printable

    text = address if "://" in address else f"tcp://{address}"
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if (parts is None or parts.scheme not in SCHEDULER_SCHEMES or not parts.hostname
            or any(c.isspace() for c in address) or parts.path not in ("", "/")
            or parts.query or parts.fragment or parts.username or port == 0):
        raise ValueError(f"{printable(address)!r} is not a Dask scheduler address; expected "
                         "tcp://HOST:PORT (or tls://HOST:PORT), as `dask scheduler` prints")
    return address


@dataclass
class BatchStats:
    """What happened, for the build summary."""

    articles: int = 0
    cached: int = 0
    extracted: int = 0


def extract_all(articles: Sequence[Article], *, jobs: int = 1, scheduler: str | None = None,
                cache: MentionCache | None = None, progress: Progress | None = None,
                meanwhile: Callable[[], None] | None = None,
                ) -> tuple[dict[str, list[Mention]], BatchStats]:
    """Return every article's mentions, using the cache and running the rest in parallel.

    ``meanwhile`` is called in this process once the work is handed out, while
    workers extract (or before extracting here): time this process would
    otherwise spend waiting.
    """
    cache = cache or MentionCache(None)
    stats = BatchStats(articles=len(articles))
    results: dict[str, list[Mention]] = {}
    todo: list[Job] = []
    for article in articles:
        job = job_for(article)
        hit = cache.get(job.key, job.body)
        if hit is not None:
            results[job.article_id] = hit
            stats.cached += 1
            if progress:
                progress(1)
        else:
            todo.append(job)
    if scheduler:
        computed = _run_on_dask(todo, scheduler, progress, meanwhile)
    elif jobs > 1 and len(todo) > 1:
        computed = _run_in_processes(todo, jobs, progress, meanwhile)
    else:
        if meanwhile:
            meanwhile()
        computed = []
        for job in todo:
            computed.append(run_job(job))
            if progress:
                progress(1)
    for job, mentions in zip(todo, computed, strict=True):
        cache.put(job.key, mentions)
        results[job.article_id] = mentions
    stats.extracted = len(todo)
    return results, stats


def _run_in_processes(todo: list[Job], jobs: int, progress: Progress | None,
                      meanwhile: Callable[[], None] | None) -> list[list[Mention]]:
    # Chunks of up to 16 articles keep the per-task overhead small, and the
    # tail short where one worker idles while the other finishes its last
    # chunk; results keep the order of the jobs.
    from concurrent.futures import ProcessPoolExecutor  # only archives need it

    workers = min(jobs, len(todo))
    chunksize = max(1, min(16, len(todo) // (workers * 4)))
    out = []
    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        # map() submits everything, so the workers exist (forked) before
        # meanwhile() runs: nothing it imports is half-copied into them.
        with frozen_heap():
            results = pool.map(run_job, todo, chunksize=chunksize)
        if meanwhile:
            meanwhile()
        for mentions in results:
            out.append(mentions)
            if progress:
                progress(1)
    return out


def _run_on_dask(todo: list[Job], scheduler: str, progress: Progress | None,
                 meanwhile: Callable[[], None] | None) -> list[list[Mention]]:
    from timeline.errors import TimelineError

    try:
        from distributed import Client
    except ImportError:
        raise TimelineError("--scheduler needs dask.distributed: pip install "
                            "'timeline[cluster]'") from None
    try:
        client = Client(scheduler, timeout="10s", set_as_default=False)
    except Exception as exc:  # dask raises OSError, ValueError, TypeError... by transport
        raise TimelineError(f"cannot reach the Dask scheduler at {scheduler}: "
                            f"{exc or type(exc).__name__}") from None
    try:
        futures = client.map(run_job, todo, pure=False)
        if meanwhile:
            meanwhile()
        out = []
        # Gathered in order, one at a time, so the progress bar moves as
        # results arrive; the cluster keeps working on the rest meanwhile.
        for future in futures:
            out.append(client.gather(future))
            if progress:
                progress(1)
        return out
    finally:
        client.close()
