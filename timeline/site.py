"""Write the built site to disk: the only module that touches the output folder.

A build writes into a fresh temporary folder beside the output (Staging) and
swaps that folder in at the very end; a failure at any point removes it and
leaves the previous build exactly as it was. Most files are rendered in memory
and written here at the end; an archive's article pages are written into the
staging folder by the worker processes that render them (write_staged), so
that a hundred megabytes of pages never travel back through the main process.
It replaces only a folder that timeline itself made, recognised by a marker
file, so ``--out ~`` or ``--out .`` can never wipe someone's files.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Mapping
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


class Staging:
    """The folder a build writes into, beside ``out``; it becomes ``out`` on commit().

    Use it as a context manager: leaving the block without commit() (an error,
    Ctrl-C) deletes the folder and everything in it, and ``out`` is untouched.
    """

    def __init__(self, out: Path) -> None:
        check_output_folder(out)
        self.out = out
        parent = out.absolute().parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            self.path = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=parent))
        except OSError as exc:
            raise OutputError(f"{out}: cannot create the output folder ({exc.strerror})"
                              ) from None
        self.committed = False

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self.committed:
            shutil.rmtree(self.path, ignore_errors=True)

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
            raise OutputError(f"{self.out}: could not write the site ({exc}); the previous "
                              f"build, if any, is unchanged") from None
        self.committed = True
        return len(digests)


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
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=staging.parent))
    os.rmdir(retired)
    os.rename(out, retired)
    try:
        os.rename(staging, out)
    except OSError:
        os.rename(retired, out)
        raise
    shutil.rmtree(retired, ignore_errors=True)
