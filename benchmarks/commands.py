"""Whole-process sections: the build against the import floor (and which heavy
modules each command imports), extraction against dateparser, and a build
over 200 generated articles.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from common import (
    ARTICLE,
    EVENTS,
    FLOOR,
    HEAVY,
    PYTHON,
    ROOT,
    SHARED,
    log,
    median,
    ratio,
    run_timed,
    timeline_cmd,
)
from generate import generate_articles


def import_report(args: list[str], cwd: Path = ROOT) -> dict[str, Any]:
    """Which heavy modules a command imports, and its total import time (-X importtime)."""
    proc = subprocess.run([str(PYTHON), "-X", "importtime", "-m", "timeline", *args], cwd=cwd,
                          capture_output=True, text=True)
    mods: dict[str, int] = {}
    total = 0
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line[len("import time:"):].split("|")
        try:
            cumulative = int(parts[1])
        except ValueError:
            continue
        name = parts[2].rstrip()
        top = name.strip()
        if not name[1:2].isspace():      # a module imported at the top level
            total += cumulative
        if top in HEAVY:
            mods[top] = max(mods.get(top, 0), cumulative)
    return {"heavy": {k: round(v / 1000, 1) for k, v in sorted(mods.items())},
            "import_ms": round(total / 1000, 1), "rc": proc.returncode}


def bench_build(work: Path, runs: int, candidate: Path | None) -> dict[str, Any]:
    log("build: warming the extraction cache")
    cache = work / "mention-cache"
    contestants: dict[str, tuple[list[str], dict[str, str], Path]] = {}
    base_cmd, base_env, base_cwd = timeline_cmd(None)
    # --force: a build whose output is already up to date with its inputs is
    # skipped, and every run after the first builds into the same folder.
    common = ["--events", str(EVENTS), "--article", str(ARTICLE), "--force"]
    contestants["import floor"] = ([str(PYTHON), "-c", FLOOR], dict(os.environ), ROOT)
    contestants["timeline build"] = (
        base_cmd + ["build", *common, "--cache-dir", str(cache), "--out", str(work / "b1")],
        base_env, base_cwd)
    contestants["timeline build --no-cache"] = (
        base_cmd + ["build", *common, "--no-cache", "--out", str(work / "b2")], base_env,
        base_cwd)
    contestants["timeline --help"] = (base_cmd + ["--help"], base_env, base_cwd)
    contestants["timeline extract"] = (base_cmd + ["extract", "--format", "json", str(ARTICLE)],
                                       base_env, base_cwd)
    contestants["python -c pass"] = ([str(PYTHON), "-c", "pass"], dict(os.environ), ROOT)
    if candidate is not None:
        c_cmd, c_env, c_cwd = timeline_cmd(candidate)
        contestants["candidate build"] = (
            c_cmd + ["build", *common, "--cache-dir", str(work / "cand-cache"), "--out",
                     str(work / "b3")], c_env, c_cwd)
        contestants["candidate build --no-cache"] = (
            c_cmd + ["build", *common, "--no-cache", "--out", str(work / "b4")], c_env, c_cwd)
        contestants["candidate extract"] = (
            c_cmd + ["extract", "--format", "json", str(ARTICLE)], c_env, c_cwd)
    for cmd, env, cwd in contestants.values():   # warm-up: caches, .pyc, disk
        run_timed(cmd, cwd, env)
    walls: dict[str, list[float]] = {k: [] for k in contestants}
    cpus: dict[str, list[float]] = {k: [] for k in contestants}
    names = list(contestants)
    for run in range(runs):
        order = names[run % len(names):] + names[:run % len(names)]
        for name in order:
            cmd, env, cwd = contestants[name]
            r = run_timed(cmd, cwd, env)
            if r["rc"] not in (0, 3):
                raise RuntimeError(f"{name} failed: {r.get('stderr')}")
            walls[name].append(r["wall"])
            cpus[name].append(r["cpu"])
        log(f"build: run {run + 1}/{runs} done")
    floor = median(walls["import floor"])
    cpu_floor = median(cpus["import floor"])
    table = {name: {"median_s": median(w), "ratio_to_floor": ratio(median(w), floor),
                    "cpu_median_s": median(cpus[name]),
                    "cpu_ratio_to_floor": ratio(median(cpus[name]), cpu_floor),
                    "runs": [round(x, 3) for x in w]} for name, w in walls.items()}
    log("build: import checks")
    imports = {
        "timeline --help": import_report(["--help"]),
        "timeline validate": import_report(["validate", str(EVENTS)]),
        "timeline extract": import_report(["extract", "--format", "json", str(ARTICLE)]),
        "timeline build": import_report(["build", *common, "--cache-dir", str(cache), "--out",
                                         str(work / "b5")]),
    }
    if candidate is not None:
        imports["candidate build"] = import_report(
            ["build", *common, "--cache-dir", str(work / "cand-cache"), "--out",
             str(work / "b6")], cwd=candidate)
    return {"walls": table, "imports": imports}


# -------------------------------------------------------------- extract

def bench_extract(work: Path, runs: int) -> dict[str, Any]:
    tool = SHARED / "tools" / "timex_eval.py"
    corpus = SHARED / "corpora" / "wikiwars-dev"
    result: dict[str, Any] = {}
    if tool.is_file() and corpus.is_dir():
        log("extract: timex_eval.py --baseline")
        proc = subprocess.run([str(PYTHON), str(tool), str(corpus), "--cmd",
                               f"{ROOT / '.venv/bin/timeline'} extract", "--baseline"],
                              cwd=ROOT, capture_output=True, text=True)
        result["timex_eval"] = {"rc": proc.returncode, "output": proc.stdout[-4000:],
                                "stderr": proc.stderr[-1000:]}
    else:
        result["timex_eval"] = {"skipped": f"{tool} or {corpus} is missing"}
        log(f"extract: skipped timex_eval ({tool} or {corpus} missing); measuring in-process")
    # In-process throughput on the same texts, same machine, interleaved.
    texts = [ARTICLE.read_text(encoding="utf-8").split("---", 2)[2]]
    texts += [p.read_text(encoding="utf-8").split("---", 2)[2]
              for p in generate_articles(30, work / "extract-articles", seed=3)]
    code = r"""
import json, sys, time
texts = json.load(open(sys.argv[1]))
which = sys.argv[2]
if which == "timeline":
    from timeline.extract import extract_mentions
    extract_mentions(texts[0], published=None, lang="en")
    f = lambda t: extract_mentions(t, published=None, lang="en")
else:
    from dateparser.search import search_dates
    search_dates(texts[0], add_period=True, languages=["en"])
    f = lambda t: search_dates(t, add_period=True, languages=["en"])
t0 = time.perf_counter()
n = 0
for t in texts:
    n += len(f(t) or [])
print(json.dumps({"seconds": time.perf_counter() - t0, "found": n,
                  "chars": sum(map(len, texts))}))
"""
    data = work / "extract-texts.json"
    data.write_text(json.dumps(texts), encoding="utf-8")
    seconds: dict[str, list[float]] = {"timeline": [], "dateparser": []}
    found: dict[str, int] = {}
    chars = 0
    for _ in range(runs):
        for which in seconds:
            proc = subprocess.run([str(PYTHON), "-c", code, str(data), which], cwd=ROOT,
                                  capture_output=True, text=True, check=True)
            got = json.loads(proc.stdout)
            seconds[which].append(got["seconds"])
            found[which] = got["found"]
            chars = got["chars"]
    t, d = median(seconds["timeline"]), median(seconds["dateparser"])
    result["in_process"] = {
        "texts": len(texts), "chars": chars,
        "timeline_s": t, "dateparser_s": d, "found": found,
        "timeline_chars_per_s": chars / t if t else None,
        "dateparser_chars_per_s": chars / d if d else None,
        "speedup": ratio(d, t),
        "note": "search_dates(add_period=True, languages=['en']) vs extract_mentions(lang='en'),"
                " warm (first text excluded from timing), same texts",
    }
    return result


# ---------------------------------------------------------------- scale

def bench_scale(work: Path, runs: int, candidate: Path | None = None) -> dict[str, Any]:
    log("scale: 200 generated articles")
    articles = generate_articles(200, work / "articles-200")
    cmd, env, cwd = timeline_cmd(None)
    rows: dict[str, list[dict[str, Any]]] = {"cold (empty cache)": [], "warm (cached)": []}
    warm_cache = work / "cache-200-warm"
    base = cmd + ["build", "--events", str(EVENTS), "--articles", str(work / "articles-200")]
    run_timed(base + ["--cache-dir", str(warm_cache), "--out", str(work / "s0")], cwd, env)
    if candidate is not None:
        rows["candidate warm (cached)"] = []
        c_cmd, c_env, c_cwd = timeline_cmd(candidate)
        c_base = c_cmd + ["build", "--events", str(EVENTS), "--articles",
                          str(work / "articles-200"), "--cache-dir", str(warm_cache)]
        run_timed(c_base + ["--out", str(work / "sc0")], c_cwd, c_env)
    for run in range(runs):
        if candidate is not None:
            rows["candidate warm (cached)"].append(run_timed(
                c_base + ["--out", str(work / f"s{run}cw")], c_cwd, c_env, sample_memory=True))
        cold = work / f"cache-200-cold-{run}"
        rows["cold (empty cache)"].append(run_timed(
            base + ["--cache-dir", str(cold), "--out", str(work / f"s{run}c")], cwd, env,
            sample_memory=True))
        rows["warm (cached)"].append(run_timed(
            base + ["--cache-dir", str(warm_cache), "--out", str(work / f"s{run}w")], cwd, env,
            sample_memory=True))
        log(f"scale: run {run + 1}/{runs} done")
    for rs in rows.values():
        bad = [r for r in rs if r["rc"] not in (0, 3)]
        if bad:
            raise RuntimeError(f"200-article build failed: {bad[0].get('stderr')}")
    return {"articles": len(articles), "jobs": os.cpu_count(), **{
        name: {"median_s": median([r["wall"] for r in rs]),
               "peak_mb": max(r["peak_mb"] for r in rs),
               "runs": [round(r["wall"], 2) for r in rs]} for name, rs in rows.items()}}
