"""Link precision and recall on the project's own test articles (tests/fixtures/linking).

    .venv/bin/python benchmarks/link_quality.py [--linker pandas|plain]

Each article there comes with the link every date expression must give, or
none (expected.yaml). Precision: of the links made, the share that are
expected. Recall: of the expected links, the share made. ``--linker plain``
scores the plain-Python linker before issue 22 (benchmarks/plain_merge.py) on
the same mentions, for comparison.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
OWN = ROOT / "tests" / "fixtures" / "linking"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--linker", choices=("pandas", "plain"), default="pandas")
    a = ap.parse_args()
    from timeline.anchoring import resolve_all
    from timeline.article import load_article
    from timeline.batch import extract_all
    from timeline.events import load_events

    catalog = load_events(ROOT / "events.yaml")
    expected = yaml.safe_load((OWN / "expected.yaml").read_text(encoding="utf-8"))
    articles = [load_article(p) for p in sorted(OWN.glob("*.txt"))]
    found, _ = extract_all(articles)
    found = resolve_all(found, catalog.events)
    made: set[tuple[str, int, str]] = set()
    if a.linker == "pandas":
        from timeline import merge

        for article_id, links in merge.link_archive(catalog, articles, found).links().items():
            made |= {(article_id, i, link.event_id) for i, link in enumerate(links) if link}
    else:
        import plain_merge

        from timeline.dates import from_timex

        linker = plain_merge.Linker(catalog.events)
        for article in articles:
            for i, mention in enumerate(found[article.id]):
                span = from_timex(mention.value)
                link = linker.best(mention, span) if span else None
                if link:
                    made.add((article.id, i, link.event_id))
    want = set()
    for article_id, pairs in expected.items():
        texts = [m.text for m in found[article_id]]
        for i, (text, event) in enumerate(pairs):
            if event and i < len(texts) and texts[i] == text:
                want.add((article_id, i, event))
            elif event:
                want.add((article_id, -1 - i, event))  # the extractor missed it: a miss
    right = made & want
    print(f"{len(articles)} articles ({sum(a.language == 'fr' for a in articles)} French), "
          f"{sum(len(v) for v in found.values())} date expressions, {len(want)} expected links; "
          f"linker: {a.linker}")
    print(f"  links made {len(made)}, right {len(right)}, false {len(made - want)}, "
          f"missed {len(want - made)}")
    print(f"  precision {len(right) / len(made) if made else 1:.3f}   "
          f"recall {len(right) / len(want):.3f}")
    for article_id, i, event in sorted(made - want):
        print(f"  false: {article_id} #{i} -> {event}")
    for article_id, i, event in sorted(want - made):
        print(f"  missed: {article_id} #{i} -> {event}")


if __name__ == "__main__":
    main()
