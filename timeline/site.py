"""Write the built site to disk: the only module that touches the output folder.

Everything is rendered in memory first (see build.py); this module then writes
it into a fresh temporary folder beside the output and swaps that folder in at
the very end. A failure at any point leaves the previous build exactly as it
was. It replaces only a folder that timeline itself made, recognised by a
marker file, so ``--out ~`` or ``--out .`` can never wipe someone's files.
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


def marker_bytes(files: Mapping[str, bytes], inputs_key: str | None) -> bytes:
    """Return the marker file: its text, then (for a complete build) inputs and outputs."""
    if inputs_key is None:
        return MARKER_TEXT
    lines = [MARKER_TEXT, INPUTS_PREFIX + inputs_key.encode("ascii") + b"\n"]
    lines += [f"{hashlib.sha256(files[name]).hexdigest()}  {name}\n".encode()
              for name in sorted(files)]
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


def write_site(files: Mapping[str, bytes], out: Path, inputs_key: str | None = None) -> Path:
    """Write ``files`` (relative POSIX path -> bytes) as the folder ``out``, atomically.

    ``inputs_key`` (see build.inputs_key) is recorded for complete builds only.
    """
    check_output_folder(out)
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=parent))
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    try:
        for name in sorted(files):
            _write_file(staging / _safe_relative(name), files[name])
        (staging / MARKER).write_bytes(marker_bytes(files, inputs_key))
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a site is meant to be served
        _swap_in(staging, out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{out}: could not write the site ({exc}); the previous build, "
                          f"if any, is unchanged") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
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
