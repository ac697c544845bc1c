"""Write events.yaml with its day and month dates in words, for the build benchmark.

    .venv/bin/python benchmarks/words_events.py /tmp/events-words.yaml

"1966-03-07" becomes 7 March 1966 and "2009-03" March 2009; years stay as
they are. The site built from the result is the shipped one, byte for byte
(only the inputs key in the output's marker differs).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from timeline.dates import MONTHS

ROOT = Path(__file__).resolve().parent.parent


def in_words(match: re.Match[str]) -> str:
    key, parts = match[1], match[2].split("-")
    if len(parts) == 3:
        return f"{key}: {int(parts[2])} {MONTHS['en'][int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{key}: {MONTHS['en'][int(parts[1]) - 1]} {parts[0]}"
    return match[0]


if __name__ == "__main__":
    text = (ROOT / "events.yaml").read_text(encoding="utf-8")
    Path(sys.argv[1]).write_text(re.sub(r'(date|start|end): "([0-9-]+)"', in_words, text),
                                 encoding="utf-8")
