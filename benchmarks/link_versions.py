"""Check a change to the linker: link the archive's mentions with an earlier version too.

    .venv/bin/python benchmarks/link_versions.py [--rev 20e5f2b] [--size 44000]

Loads ``timeline/linking.py`` as it was at REV (``git show``) beside today's,
links the same mentions (benchmarks/linking.py's archive) with each, and
reports whether every column of the two linked frames is equal, and each
link's time (one run each, in this process, after the inputs are loaded).
README's "the integer codes were checked against that linker" is this
script's output with the defaults.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from linking import ROOT, sized  # benchmarks/linking.py, beside this script

from timeline import linking as now
from timeline.events import load_events
from timeline.merge import CATALOG_LANGUAGES, mentions_frame


def load_linking_at(rev: str):  # -> module
    source = subprocess.run(["git", "show", f"{rev}:timeline/linking.py"], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "linking_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("linking_before", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["linking_before"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rev", default="20e5f2b")
    ap.add_argument("--size", type=int, default=44000)
    a = ap.parse_args()
    before = load_linking_at(a.rev)
    articles, mentions = sized(a.size)
    catalog = load_events(ROOT / "events.yaml")
    langs = tuple(sorted(set(CATALOG_LANGUAGES) | {x.language for x in articles}))
    frame = mentions_frame(articles, mentions)
    results, seconds = [], []
    for module in (before, now):
        tables = module.catalog_tables(catalog.events, langs)
        start = time.perf_counter()
        results.append(module.link(frame, tables))
        seconds.append(time.perf_counter() - start)
    old, new = results
    same = list(old.columns) == list(new.columns) and all(
        all(x == y or (x is None and y is None) for x, y in zip(old[c], new[c], strict=True))
        for c in old.columns)
    print(f"{len(frame):,} mentions; linking.py at {a.rev}: {seconds[0]:.3f} s, now: "
          f"{seconds[1]:.3f} s; every column equal: {same}")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
