"""Inputs and contestants: generated events and articles, and the pages
measured side by side (our site with the full and the basic plotly.js bundle,
plotly's own write_html page, TimelineJS3, the 5,000-item timelines).

Deterministic: every generator takes a seed.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from api import load_timeline, plotly_default_page
from common import ARTICLE, EVENTS, NPM_CACHE, PYTHON, ROOT, TLJS_DIST, build_into, log

CITIES = ["Paris", "Brussels", "Washington", "London", "Bonn", "Rome", "Madrid", "Lisbon",
          "Ottawa", "Oslo", "Strasbourg", "Vilnius", "Riga", "Warsaw", "Prague"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]


def generate_events(n: int, path: Path, seed: int = 7) -> Path:
    """Write an events file of n items, valid per `timeline validate`, from the shipped one."""
    import yaml

    rng = random.Random(seed)
    shipped = yaml.safe_load(EVENTS.read_text(encoding="utf-8"))
    cats = [c["id"] for c in shipped["categories"]]
    start, span = date(1949, 4, 4), (date(2025, 12, 31) - date(1949, 4, 4)).days
    events = []
    for i in range(n):
        d = start + timedelta(days=rng.randrange(span))
        kind = rng.random()
        when = d.isoformat() if kind < 0.7 else d.strftime("%Y-%m") if kind < 0.9 else str(d.year)
        city = rng.choice(CITIES)
        events.append({
            "id": f"gen-{i:05d}", "date": when,
            "title": {"en": f"Meeting {i} of allied ministers in {city}",
                      "fr": f"Réunion {i} des ministres alliés à {city}"},
            "summary": {"en": f"Ministers meet in {city} to discuss item {i} of the agenda.",
                        "fr": f"Les ministres se réunissent à {city} pour le point {i}."},
            "category": rng.choice(cats), "importance": rng.randint(1, 3),
            "sources": [{"title": f"Record {i}", "publisher": "Archive",
                         "url": f"https://example.org/record/{i}"}],
        })
    doc = {"categories": shipped["categories"], "eras": shipped.get("eras", []),
           "events": events}
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def generate_articles(n: int, folder: Path, seed: int = 11) -> list[Path]:
    """Write n articles from varied sentence templates with dates (a sixth of them French)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    en = [
        "On {d} {M} {y}, ministers met in {c} to discuss the Alliance.",
        "In {M} {y}, the council in {c} approved a new command structure.",
        "The agreement signed in {y} was revised {k} years later.",
        "Last week, officials in {c} said the plan would be published on {M} {d}.",
        "Yesterday the delegation left {c}; talks resume on Tuesday.",
        "Between {y} and {y2}, France kept its forces outside the integrated command.",
        "The summit of {d} {M} {y} in {c} ended without a joint statement.",
        "By the end of {y}, {k} member states had ratified the protocol.",
        "Talks in {c} lasted from {M} {y} to {M2} {y2}.",
        "The minister recalled the crisis of the {dec}s and the treaty of {y}.",
        "Ten days later, on {M} {d}, {y}, the vote took place in {c}.",
        "Nothing was decided, a spokesman in {c} said this morning.",
    ]
    fr = [
        "Le {d} {m} {y}, les ministres se sont réunis à {c}.",
        "En {m} {y}, le conseil a approuvé une nouvelle structure à {c}.",
        "L'accord signé en {y} a été révisé {k} ans plus tard.",
        "La semaine dernière, des responsables à {c} ont parlé de l'alliance.",
        "Entre {y} et {y2}, la France est restée hors du commandement intégré.",
        "Le sommet du {d} {m} {y} à {c} s'est achevé sans déclaration commune.",
    ]
    paths = []
    for i in range(n):
        lang = "fr" if i % 6 == 5 else "en"
        pool = fr if lang == "fr" else en
        pub = date(2000, 1, 1) + timedelta(days=rng.randrange(9000))
        sentences = []
        for _ in range(rng.randint(18, 30)):
            y = rng.randint(1949, 2025)
            sentences.append(rng.choice(pool).format(
                d=rng.randint(1, 28), M=rng.choice(MONTHS_EN), M2=rng.choice(MONTHS_EN),
                m=rng.choice(MONTHS_FR), y=y, y2=min(2026, y + rng.randint(1, 20)),
                k=rng.randint(2, 12), c=rng.choice(CITIES), dec=(y // 10) * 10))
        paras = [" ".join(sentences[j:j + 5]) for j in range(0, len(sentences), 5)]
        path = folder / f"article-{i:03d}.txt"
        path.write_text(
            f"---\ntitle: \"Generated article {i}\"\npublished: {pub.isoformat()}\n"
            f"language: {lang}\n---\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------- pages

TLJS_BOOT = """
var tl = new TL.Timeline('tl', 'timelinejs.json', {language: 'en'});
tl.on('loaded', function () {
  if (window.__bench && window.__bench.tljs === null) { window.__bench.tljs = performance.now(); }
});
"""


def prepare_pages(work: Path, candidate: Path | None, quick: bool) -> dict[str, dict[str, Any]]:
    """Build every page under work/ and return name -> {path, ready metric, note}."""
    from timeline import plotlyjs

    pages: dict[str, dict[str, Any]] = {}
    log("pages: building the site")
    # The full bundle explicitly: a build picks the basic one by itself when
    # `timeline fetch-plotly` has cached it, and the full one is what a fresh
    # install builds (the README's first command). The basic variant is a
    # build of its own rather than this site with the bundle swapped in, so
    # that whatever a page says about its bundle (issue 14: embed.html
    # fetches it on the first touch) is what a build writes.
    full = ["--plotly-bundle", "full"]
    site = build_into(work / "site", extra=full)
    # "touch": also timed from the reader's first hover to the interactive chart.
    pages["ours index"] = {"path": "site/index.html", "ready": "afterplot", "touch": True}
    pages["ours embed"] = {"path": "site/embed.html", "ready": "afterplot", "touch": True}
    try:
        plotlyjs.load_bundle("basic")
        basic = ["--plotly-bundle", "basic"]
    except FileNotFoundError as exc:
        log(f"pages: no basic bundle ({exc}); the basic variant is left out")
        basic = None
    if basic is not None:
        build_into(work / "site-basic", extra=basic)
        pages["ours index, basic"] = {"path": "site-basic/index.html", "ready": "afterplot",
                                      "touch": True}
        pages["ours embed, basic"] = {"path": "site-basic/embed.html", "ready": "afterplot",
                                      "touch": True}
    if candidate is not None:
        build_into(work / "cand", tree=candidate)
        pages["candidate index"] = {"path": "cand/index.html", "ready": "afterplot",
                                    "touch": True}
        pages["candidate embed"] = {"path": "cand/embed.html", "ready": "afterplot",
                                    "touch": True}

    log("pages: plotly's write_html page")
    (work / "plotly").mkdir()
    items, catalog = load_timeline(EVENTS, ARTICLE)
    plotly_default_page(items, catalog, work / "plotly" / "index.html")
    pages["plotly default"] = {"path": "plotly/index.html", "ready": "afterplot"}

    if (TLJS_DIST / "js" / "timeline.js").is_file():
        tl = work / "tljs"
        tl.mkdir()
        shutil.copy(TLJS_DIST / "js" / "timeline.js", tl / "timeline.js")
        shutil.copy(TLJS_DIST / "css" / "timeline.css", tl / "timeline.css")
        shutil.copy(site / "data" / "timelinejs.json", tl / "timelinejs.json")
        (tl / "boot.js").write_text(TLJS_BOOT, encoding="utf-8")
        (tl / "index.html").write_text(
            "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            "<title>TimelineJS</title><link rel='stylesheet' href='timeline.css'>"
            "<script src='timeline.js'></script></head><body style='margin:0'>"
            "<div id='tl' style='width:100%;height:600px'></div>"
            "<script src='boot.js'></script></body></html>", encoding="utf-8")
        pages["TimelineJS3"] = {"path": "tljs/index.html", "ready": "tljs"}
    else:
        log(f"pages: TimelineJS3 not in {TLJS_DIST}; install it with: npm install --prefix "
            f"{NPM_CACHE} @knight-lab/timelinejs@3")

    log("pages: generating a 5,000-item timeline")
    big = generate_events(5000, work / "events-5000.yaml")
    check = subprocess.run([str(PYTHON), "-m", "timeline", "validate", str(big)], cwd=ROOT,
                           capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"generated events are invalid: {check.stdout}{check.stderr}")
    build_into(work / "scale", events=big, extra=full)
    pages["5,000 items index"] = {"path": "scale/index.html", "ready": "afterplot"}
    # An embed that waits for its reader (issue 14) is ready only once
    # touched, so its 5,000-item ratio is taken on hover → ready.
    pages["5,000 items embed"] = {"path": "scale/embed.html", "ready": "afterplot",
                                  "touch": ("settled",)}
    if basic is not None:
        build_into(work / "scale-basic", events=big, extra=basic)
        pages["5,000 items index, basic"] = {"path": "scale-basic/index.html",
                                             "ready": "afterplot"}
        pages["5,000 items embed, basic"] = {"path": "scale-basic/embed.html",
                                             "ready": "afterplot", "touch": ("settled",)}
    if candidate is not None:
        build_into(work / "scale-cand", tree=candidate, events=big)
        pages["candidate 5,000 items index"] = {"path": "scale-cand/index.html",
                                                "ready": "afterplot"}
        pages["candidate 5,000 items embed"] = {"path": "scale-cand/embed.html",
                                                "ready": "afterplot", "touch": ("settled",)}
    return pages
