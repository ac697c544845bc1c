"""Allow ``python -m timeline``."""

from timeline.cli import run

run()
