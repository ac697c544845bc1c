#!/usr/bin/env python
# ruff: noqa: E501  (the replaced source lines are quoted verbatim)
"""Make the scratch "candidate" the benchmark measures beside the current tree.

    .venv/bin/python benchmarks/make_candidate.py /tmp/scratch
    .venv/bin/python benchmarks/run.py --candidate /tmp/scratch

Copies timeline/ and templates/ to DIR and applies the proposed speed changes
there (never to this checkout): plotly.js bundle from timeline.plotlyjs, a
Jinja bytecode cache, unplotted mentions grouped once per build, no
multiprocessing import unless extraction runs in processes, and
content-visibility on list items. A change whose anchor text has moved fails
loudly instead of measuring something else.
"""
import shutil
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent
root = Path(sys.argv[1])
if root.exists():
    shutil.rmtree(root)
root.mkdir(parents=True)
for name in ("timeline", "templates"):
    shutil.copytree(SRC / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))

def sub(path, old, new):
    p = root / path
    s = p.read_text()
    assert old in s, (path, old[:60])
    p.write_text(s.replace(old, new, 1))

# 1. plotly.js bundle chosen by timeline.plotlyjs (basic when cached and intact).
sub("timeline/render.py", '''def plotly_bundle() -> bytes:
    """Return the plotly.js bundle that ships inside the installed plotly package."""
    import importlib.util

    spec = importlib.util.find_spec("plotly")
    assert spec is not None and spec.origin is not None
    return (Path(spec.origin).parent / "package_data" / "plotly.min.js").read_bytes()''',
'''def plotly_bundle() -> bytes:
    """Return plotly.js for assets/: the basic bundle when cached and intact, else the full one."""
    import warnings

    from timeline.plotlyjs import load_bundle

    bundle = load_bundle("auto")
    if bundle.warning:
        warnings.warn(bundle.warning, stacklevel=2)
    return bundle.data''')
sub("timeline/render.py", '''    head = plotly_bundle()[:400].decode("utf-8", "replace")
    found = re.search(r"plotly\\.js v(\\d+\\.\\d+\\.\\d+)", head)
    return found.group(1) if found else "latest"''',
'''    from timeline.plotlyjs import bundle_version, full_bundle_path

    with full_bundle_path().open("rb") as handle:
        return bundle_version(handle.read(400)) or "latest"''')
sub("timeline/render.py", "import re\n", "")   # only plotly_version used it
# 2. Jinja bytecode cache between builds.
sub("timeline/render.py", "        keep_trailing_newline=True,\n",
    "        keep_trailing_newline=True,\n        bytecode_cache=_bytecode_cache(),\n")
rp = root / "timeline/render.py"
rp.write_text(rp.read_text() + '''

def _bytecode_cache() -> Any:
    """Keep compiled templates between builds; entries are keyed by the template's source."""
    import os

    import jinja2

    from timeline import __version__

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(base) / "timeline" / f"jinja-{__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))
''')
# 3. article_views: unplotted records grouped once, not re-read per article.
sub("timeline/render.py", '''    for rec in timeline.unplotted.to_dict("records"):
        spans.setdefault(rec["article"], []).append((rec["start"], rec["end"], rec["value"]))
''', '''    unplotted: dict[str, list[dict[str, Any]]] = {}
    for rec in timeline.unplotted.to_dict("records"):
        spans.setdefault(rec["article"], []).append((rec["start"], rec["end"], rec["value"]))
        unplotted.setdefault(rec["article"], []).append(rec)
''')
sub("timeline/render.py", '''                          for r in timeline.unplotted.to_dict("records")
                          if r["article"] == a.id],''', '''                          for r in unplotted.get(a.id, [])],''')
# 4. batch: no multiprocessing import unless extraction runs in processes.
sub("timeline/batch.py", "from concurrent.futures import ProcessPoolExecutor\n", "")
sub("timeline/batch.py", "    workers = min(jobs, len(todo))\n",
    "    from concurrent.futures import ProcessPoolExecutor\n\n    workers = min(jobs, len(todo))\n")
# 5. CSS: skip layout and paint of list items off screen (long timelines).
css = root / "templates/assets/timeline.css"
css.write_text(css.read_text() + "\n/* candidate: long lists */\n"
               ".events > li { content-visibility: auto; contain-intrinsic-size: auto 9rem; }\n")
