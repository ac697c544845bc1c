"""A cache of extraction results, keyed by what they depend on and nothing else.

The key is a hash of the extractor and dateparser versions, the language, the publication
date and the body text, so an entry can never be stale: change any of them and
the key changes. Entries are written atomically (a temporary file renamed into
place), so a crash or two builds at once never leave half an entry, and the
whole folder is safe to delete at any time.

An entry is trusted only as far as it is checked: it must be a regular file
(not a link, a pipe or /dev/zero) of at most MAX_ENTRY_BYTES, name its own
key (two entries swapped are two misses), and hold mentions of the right
shape and types whose offsets spell their text in the article. Anything else
is a miss: the article is extracted again and the entry rewritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from dataclasses import MISSING, asdict, fields
from datetime import date
from pathlib import Path

from timeline.mention import EXTRACTOR_VERSION, Mention
from timeline.versions import installed_version


def user_cache_dir(name: str) -> Path:
    """Return ``$XDG_CACHE_HOME/timeline/<name>`` (``~/.cache/...`` by default).

    The one rule for where timeline keeps what it can rebuild: extraction
    results, compiled templates, the fetched plotly.js bundle.
    """
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "timeline" / name


def default_cache_dir() -> Path:
    """Return where extraction results are cached."""
    return user_cache_dir("mentions")


def dateparser_version() -> str:
    """dateparser normalises month names: a new version may read them differently."""
    return installed_version("dateparser")


# Far above the entry of the largest article allowed (16 MB of text); a bigger
# file is not an entry this code wrote.
MAX_ENTRY_BYTES = 64 * 1024 * 1024
# Every field of a Mention is an int or a str (mention.py); the ones with no
# default must be there.
_FIELD_TYPES = {f.name: (int if f.type in ("int", int) else str) for f in fields(Mention)}
_REQUIRED = frozenset(f.name for f in fields(Mention) if f.default is MISSING)


def cache_key(body: str, published: date | None, lang: str, precision: str = "day") -> str:
    """Return the key of one extraction: everything its result depends on."""
    h = hashlib.sha256()
    for part in (EXTRACTOR_VERSION, dateparser_version(), lang,
                 published.isoformat() if published else "-", precision):
        h.update(part.encode("utf-8") + b"\0")
    h.update(body.encode("utf-8"))
    return h.hexdigest()


def read_entry(path: Path) -> bytes | None:
    """Return an entry's bytes if it is a regular file within the size limit, else None.

    Opened without following a link and without blocking (a named pipe put
    there waits for no writer), then checked on the open file itself.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        data = fh.read(MAX_ENTRY_BYTES + 1)
    return data if len(data) <= MAX_ENTRY_BYTES else None


def parse_entry(data: bytes, key: str, body: str | None = None) -> list[Mention] | None:
    """Return the mentions an entry holds if it is one for ``key`` of the right shape, else None.

    With ``body``, every mention's offsets must also spell its text there.
    """
    try:
        entry = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    rows = entry.get("mentions")
    if not isinstance(rows, list):
        return None
    out = []
    for row in rows:
        if not isinstance(row, dict) or not _REQUIRED <= row.keys() <= _FIELD_TYPES.keys():
            return None
        # bool is an int to isinstance, and never a valid offset.
        if any(type(value) is not _FIELD_TYPES[name] for name, value in row.items()):
            return None
        mention = Mention(**row)
        if body is not None and not (0 <= mention.start <= mention.end <= len(body)
                                     and body[mention.start:mention.end] == mention.text):
            return None
        out.append(mention)
    return out


class MentionCache:
    """Extraction results on disk, one small JSON file per key."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, body: str | None = None) -> list[Mention] | None:
        """Return the cached mentions, or None (absent, disabled, or not a valid entry).

        A damaged, foreign or swapped entry is a miss, not an error and never
        data: the article is extracted again and put() replaces the entry.
        """
        if self.folder is None:
            return None
        data = read_entry(self._path(key))
        return None if data is None else parse_entry(data, key, body)

    def put(self, key: str, mentions: list[Mention]) -> None:
        """Store mentions; a cache that cannot be written is silently skipped."""
        if self.folder is None:
            return
        path = self._path(key)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"key": key, "mentions": [asdict(m) for m in mentions]}, fh,
                          ensure_ascii=False)
            # A link, a pipe or /dev/zero's name in the entry's place is
            # replaced without being opened.
            os.replace(tmp, path)
        except OSError:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
