"""A cache of extraction results, keyed by what they depend on and nothing else.

The key is a hash of the extractor and dateparser versions, the language, the publication
date and the body text, so an entry can never be stale: change any of them and
the key changes. Entries are written atomically (a temporary file renamed into
place), so a crash or two builds at once never leave half an entry, and the
whole folder is safe to delete at any time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
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


def cache_key(body: str, published: date | None, lang: str, precision: str = "day") -> str:
    """Return the key of one extraction: everything its result depends on."""
    h = hashlib.sha256()
    for part in (EXTRACTOR_VERSION, dateparser_version(), lang,
                 published.isoformat() if published else "-", precision):
        h.update(part.encode("utf-8") + b"\0")
    h.update(body.encode("utf-8"))
    return h.hexdigest()


class MentionCache:
    """Extraction results on disk, one small JSON file per key."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Mention] | None:
        """Return the cached mentions, or None (absent, disabled or unreadable)."""
        if self.folder is None:
            return None
        try:
            rows = json.loads(self._path(key).read_text(encoding="utf-8"))
            return [Mention(**row) for row in rows]
        except (OSError, ValueError, TypeError):
            # A damaged entry is a miss, not an error: it is recomputed and replaced.
            return None

    def put(self, key: str, mentions: list[Mention]) -> None:
        """Store mentions; a cache that cannot be written is silently skipped."""
        if self.folder is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump([asdict(m) for m in mentions], fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass
