"""Write the built site to disk: the only module that touches the output folder.

A build writes into a fresh temporary folder beside the output (Staging) and
swaps that folder in at the very end; a failure at any point removes it and
leaves the previous build exactly as it was. Most files are rendered in memory
and written here at the end; an archive's article pages are written into the
staging folder by the worker processes that render them (write_staged), so
that a hundred megabytes of pages never travel back through the main process.
It replaces only a folder that timeline itself made, recognised by a marker
file, so ``--out ~`` or ``--out .`` can never wipe someone's files.

A build killed outright (SIGKILL, the OOM killer) cannot clean up after
itself, so the next build does: every staging folder holds its marker file
locked (flock) for as long as its build lives, and so does a retired output
folder while it is being removed. A ``.<out>.new-*`` or ``.<out>.old-*``
folder whose marker nobody holds is a dead build's, and is removed; so is
one with no marker written yet whose build's process (its id is in the
folder's name) no longer exists. A
``--out`` that is a symbolic link is followed: the folder it points to is
replaced, the link stays.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath

from timeline.errors import OutputError

MARKER = ".timeline-build"
MARKER_TEXT = b"This folder was written by `timeline build` and is replaced whole by it.\n"
# After the text, a complete build records what it was built from and what it
# wrote, so that a build from the same inputs can see it has nothing to do.
INPUTS_PREFIX = b"inputs "


def check_output_folder(out: Path) -> None:
    """Refuse an output path that is not a folder timeline may replace."""
    try:
        if not out.exists():
            return
        if not out.is_dir():
            raise OutputError(f"{out}: exists and is not a folder; choose another --out")
        if (out / MARKER).is_file():
            return
        if any(out.iterdir()):
            raise OutputError(f"{out}: refusing to replace a folder that is not empty and was "
                              f"not made by timeline (no {MARKER} file in it)")
    except OSError as exc:  # a name too long, a folder we may not list
        raise OutputError(f"{out}: cannot be used as the output folder "
                          f"({exc.strerror or exc})") from None


def _safe_relative(name: str) -> PurePosixPath:
    rel = PurePosixPath(name)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise OutputError(f"refusing to write outside the output folder: {name!r}")
    return rel


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_staged(folder: Path, name: str, data: bytes) -> str:
    """Write one file of the site into the staging ``folder``; return its SHA-256.

    Called in the main process and in the workers that render article pages;
    the digest goes into the marker file that up_to_date() checks.
    """
    _write_file(folder / _safe_relative(name), data)
    return hashlib.sha256(data).hexdigest()


def marker_bytes(digests: Mapping[str, str], inputs_key: str | None) -> bytes:
    """Return the marker file: its text, then (for a complete build) inputs and outputs."""
    if inputs_key is None:
        return MARKER_TEXT
    lines = [MARKER_TEXT, INPUTS_PREFIX + inputs_key.encode("ascii") + b"\n"]
    lines += [f"{digests[name]}  {name}\n".encode() for name in sorted(digests)]
    return b"".join(lines)


def up_to_date(out: Path, inputs_key: str) -> int | None:
    """Return how many files ``out`` holds if a build from ``inputs_key`` wrote them, intact.

    Every file listed in the marker must be there with the bytes it was
    written with, and nothing else: an edited, deleted or added file means a
    real build, so the shortcut can never serve anything a build would not write.
    """
    try:
        lines = (out / MARKER).read_bytes().splitlines()
    except OSError:
        return None
    if len(lines) < 2 or lines[1] != INPUTS_PREFIX + inputs_key.encode("ascii"):
        return None
    expected = {}
    for line in lines[2:]:
        digest, _, name = line.decode("utf-8", "replace").partition("  ")
        expected[name] = digest
    found = {p.relative_to(out).as_posix() for p in out.rglob("*")
             if p.is_file() and p.name != MARKER}
    if found != set(expected):
        return None
    for name, digest in expected.items():
        if hashlib.sha256((out / name).read_bytes()).hexdigest() != digest:
            return None
    return len(expected)


def remove_tree(path: Path) -> None:
    """Delete a folder timeline made or retired, even where its modes forbid it (chmod u+w)."""
    def retry(func, name, _exc_info):  # type: ignore[no-untyped-def]
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(name), stat.S_IRWXU)
            if os.path.isdir(name) and not os.path.islink(name):
                os.chmod(name, stat.S_IRWXU)
            func(name)

    shutil.rmtree(path, onerror=retry)
    with contextlib.suppress(OSError):
        path.rmdir()


def _lock_marker(folder: Path, *, wait: bool) -> int | None:
    """Open ``folder``'s marker and take its lock; the file descriptor, or None.

    None when the folder has no marker or (``wait`` false) another process
    holds the lock. The lock lasts until the descriptor is closed, which the
    kernel does when the process dies, however it dies.
    """
    try:
        fd = os.open(folder / MARKER, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        os.close(fd)
        return None
    return fd


def remove_leftovers(out: Path) -> list[Path]:
    """Remove the staging and retired folders of dead builds beside ``out``; return them."""
    parent = out.absolute().parent
    removed = []
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return removed
    prefixes = (f".{out.name}.new-", f".{out.name}.old-")
    for entry in entries:
        if not entry.name.startswith(prefixes) or not entry.is_dir(follow_symlinks=False):
            continue
        folder = Path(entry.path)
        fd = _lock_marker(folder, wait=False)
        if fd is None or not os.pread(fd, len(MARKER_TEXT), 0):
            # Locked: a live build's. No marker, or one not written yet: a build
            # caught as it starts, or one killed in that instant; its process
            # says which.
            if fd is not None:
                os.close(fd)
            if (fd is None and (folder / MARKER).exists()) or \
                    _owner_alive(entry.name[len(prefixes[0]):]):  # one length
                continue
            fd = None
        try:
            remove_tree(folder)
            removed.append(folder)
        finally:
            if fd is not None:
                os.close(fd)
    return removed


def _owner_alive(suffix: str) -> bool:
    """Return whether the process named by a leftover's ``<pid>-<random>`` suffix exists.

    True when the name holds no process id: such a folder is not removed.
    """
    pid = suffix.split("-", 1)[0]
    if not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: it exists
        return True
    return True


def _prefix(out: Path, kind: str) -> str:
    """Return the name prefix of a build's staging ("new") or retired ("old") folder."""
    return f".{out.name}.{kind}-{os.getpid()}-"


def _resolve_output(out: Path) -> Path:
    """Return the folder a build replaces: ``out``, or the folder it links to."""
    return Path(os.path.realpath(out)) if out.is_symlink() else out


class Staging:
    """The folder a build writes into, beside ``out``; it becomes ``out`` on commit().

    Use it as a context manager: leaving the block without commit() (an error,
    Ctrl-C, SIGTERM) deletes the folder and everything in it, and the parent
    folders it had to make for a new ``out``; ``out`` is untouched.
    """

    def __init__(self, out: Path) -> None:
        check_output_folder(out)
        self.out = _resolve_output(out)
        parent = self.out.absolute().parent
        self._made_parents = [p for p in (parent, *parent.parents) if not p.exists()]
        self._lock: int | None = None
        self.committed = False
        try:
            parent.mkdir(parents=True, exist_ok=True)
            remove_leftovers(self.out)
            # The folder and its place in _UNFINISHED come together: a SIGTERM
            # or Ctrl-C waits (blocked) until both are done, so whatever stops
            # the build from then on finds it (discard_unfinished).
            with _signals_held():
                self.path = Path(tempfile.mkdtemp(prefix=_prefix(self.out, "new"), dir=parent))
                _UNFINISHED.append(self)
        except OSError as exc:
            self._remove_made_parents()
            raise OutputError(f"{out}: cannot create the output folder ({exc.strerror})"
                              ) from None
        try:
            # Locked before it says anything, and held until this build ends:
            # a later build sees the folder is alive (remove_leftovers).
            self._lock = os.open(self.path / MARKER, os.O_CREAT | os.O_EXCL | os.O_WRONLY
                                 | os.O_CLOEXEC, 0o644)
            fcntl.flock(self._lock, fcntl.LOCK_EX)
            os.write(self._lock, MARKER_TEXT)
        except OSError as exc:
            self.__exit__(None, None, None)
            raise OutputError(f"{out}: cannot create the output folder ({exc.strerror})"
                              ) from None

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            if not self.committed:
                remove_tree(self.path)
                self._remove_made_parents()
        finally:
            if self in _UNFINISHED:
                _UNFINISHED.remove(self)
            if self._lock is not None:
                os.close(self._lock)
                self._lock = None

    def _remove_made_parents(self) -> None:
        for folder in self._made_parents:  # the deepest first
            try:
                folder.rmdir()
            except OSError:
                break

    def commit(self, files: Mapping[str, bytes], written: Mapping[str, str] | None = None,
               inputs_key: str | None = None) -> int:
        """Write ``files``, then swap the folder in as ``out``; return how many files it holds.

        ``written`` names the files already in the folder (relative path ->
        SHA-256, from write_staged). ``inputs_key`` (see build.inputs_key) is
        recorded for complete builds only.
        """
        digests = dict(written or {})
        try:
            for name in sorted(files):
                digests[name] = write_staged(self.path, name, files[name])
            (self.path / MARKER).write_bytes(marker_bytes(digests, inputs_key))
            os.chmod(self.path, 0o755)  # mkdtemp makes it private; a site is meant to be served
            _swap_in(self.path, self.out)
        except OSError as exc:
            raise OutputError(f"{self.out}: could not write the site ({exc.strerror or exc}); "
                              "the previous build, if any, is unchanged") from None
        self.committed = True
        if self in _UNFINISHED:
            _UNFINISHED.remove(self)
        return len(digests)


# The staging folders this process made and has neither committed nor removed.
_UNFINISHED: list[Staging] = []


def discard_unfinished() -> None:
    """Remove every staging folder this process made and did not commit.

    For a build stopped by a signal: SystemExit can come between the folder's
    creation and the `with` block that would remove it.
    """
    for staging in list(_UNFINISHED):
        staging.__exit__(None, None, None)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGTERM and SIGINT for the block (main thread only); they arrive after it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def write_site(files: Mapping[str, bytes], out: Path, inputs_key: str | None = None) -> Path:
    """Write ``files`` (relative POSIX path -> bytes) as the folder ``out``, atomically."""
    with Staging(out) as staging:
        staging.commit(files, inputs_key=inputs_key)
    return out


def _swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` with ``staging`` using renames, so readers never see half a site."""
    if not out.exists():
        os.rename(staging, out)
        return
    retired = Path(tempfile.mkdtemp(prefix=_prefix(out, "old"), dir=staging.parent))
    os.rmdir(retired)
    # Locked before it is renamed, so no other build takes the retired folder
    # for a dead build's while this one still needs it.
    lock = _lock_marker(out, wait=True)
    try:
        os.rename(out, retired)
        try:
            os.rename(staging, out)
        except OSError:
            os.rename(retired, out)
            raise
        remove_tree(retired)
    finally:
        if lock is not None:
            os.close(lock)
