"""Read an input file without trusting the size it claims.

``stat`` says 0 bytes for /dev/zero, a pipe or a /proc file, and a file may
grow while it is read: a loader that checked the size and then read "the
whole file" could read forever. These reads stop one byte past a limit.
"""

from __future__ import annotations

import os
from pathlib import Path

_CHUNK = 1 << 20


def read_at_most(path: Path, limit: int) -> bytes:
    """Return the file's bytes, or its first ``limit + 1`` when it holds more.

    A result longer than ``limit`` means "too big". Reads in chunks, so memory
    follows what the file holds rather than the limit. OSError is the caller's.
    """
    chunks: list[bytes] = []
    total = 0
    # Opened without blocking: opening a named pipe waits for a writer, for
    # ever if none comes. Reads then block as usual; a pipe nobody has open
    # for writing reads as empty at once.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    os.set_blocking(fd, True)
    with open(fd, "rb", buffering=0) as fh:
        while total <= limit:
            chunk = fh.read(min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks)


def is_pipe(path: Path) -> bool:
    """Return whether ``path`` is a named pipe or a shell's ``<(...)``; False when unknown."""
    import stat

    try:
        return stat.S_ISFIFO(path.stat().st_mode)
    except OSError:
        return False
