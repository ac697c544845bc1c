"""timeline: turn news articles and curated history into interactive timelines."""

from __future__ import annotations

__version__ = "0.1.0"
