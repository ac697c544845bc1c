"""Benchmark a newsroom archive: 1,000 generated articles, built whole and rebuilt.

    .venv/bin/python benchmarks/archive.py [--articles 1000] [--runs 3]

Measures, side by side in one run on this machine, whole `timeline build`
processes over the same generated archive:
  - wall time with --jobs 1 and --jobs 2 (no cache), and the speed-up;
  - a full build into an empty cache, then a rebuild with nothing changed
    (which finds the site up to date), the same forced (every extraction
    from the cache);
  - a rebuild after editing one article (only that one is re-extracted);
  - peak resident memory of the build process;
  - the machine's own ceiling for two processes: two `--jobs 1` builds run
    at the same time against one run alone. Two vCPUs rarely do twice the
    work of one (shared caches, memory bandwidth, clock boost, neighbours),
    and no --jobs 2 build can beat what two independent builds get.
The articles are written by this script from varied sentence templates and
dates (English and French, deterministic seed), never read from elsewhere.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import compile_bytecode  # benchmarks/common.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
TIMELINE = [sys.executable, "-m", "timeline"]

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
# Sentence templates in the register of news and analysis about France and
# NATO. Facts are right where they are fixed (1949, 1966, 2009, 2019, ...);
# {year}, {day} and {month} vary so that articles also carry dates no curated
# event explains, as real archives do.
EN = [
    "De Gaulle's withdrawal from NATO's integrated command in 1966 still shapes the debate.",
    "On 7 March 1966, de Gaulle wrote to President Johnson that France would leave the "
    "integrated command.",
    "The North Atlantic Treaty, signed in Washington on 4 April 1949, made France a founding "
    "member.",
    "Sarkozy announced the return to the integrated command in March 2009.",
    "Macron told The Economist in November 2019 that NATO was experiencing brain death.",
    "This week {name} filed a resolution asking France to leave NATO.",
    "Last month {name} repeated that the Alliance no longer served French interests.",
    "On {day} {month} {year}, ministers met in Brussels to discuss the budget.",
    "In {year}, {name} argued that the debate had barely moved since the 1960s.",
    "By early {month} {year}, the staff had moved out of the allied headquarters.",
    "Two years later the summit adopted a new strategic concept.",
    "Defence spending rose by {pct} per cent between {year} and {year2}.",
    "SHAPE left Rocquencourt for Belgium in 1967.",
    "France rejoined the Military Committee in December 1995.",
    "The 2012 Védrine report advised against leaving the integrated command again.",
    "Since February 2022, the war in Ukraine has changed the terms of the argument.",
    "Yesterday {name} said the vote would come before the summer.",
    "The government answered in {month} {year} with a white paper on defence.",
    "Critics recall the quarrel over Iraq in early 2003.",
    "{name} expects a decision next year at the earliest.",
    "A poll published on {day} {month} showed opinion divided.",
    "Nothing in the treaty obliges a member to stay in the integrated command.",
    "Officials who served in the 1990s describe a slow rapprochement.",
    "The debate will continue at the next summit, {name} said.",
]
FR = [
    "Le retrait du commandement intégré décidé par de Gaulle en 1966 reste dans les mémoires.",
    "Le 7 mars 1966, de Gaulle écrit au président Johnson.",
    "Le retour dans le commandement intégré, annoncé par Sarkozy en mars 2009, reste contesté "
    "par {name}.",
    "Cette semaine, {name} a déposé une résolution pour sortir de l'OTAN.",
    "Dans les années 1960, la France construit sa propre dissuasion.",
    "La semaine dernière, {name} a rappelé la « mort cérébrale » évoquée en novembre 2019.",
    "Au printemps {year}, le gouvernement a présenté un nouveau livre blanc.",
    "Le {day} {month_fr} {year}, les ministres se sont réunis à Bruxelles.",
    "Le traité de l'Atlantique Nord est signé à Washington le 4 avril 1949.",
    "Le rapport Védrine de 2012 déconseillait un nouveau retrait.",
    "Depuis février 2022, la guerre en Ukraine a changé les termes du débat.",
    "Le vote pourrait intervenir avant l'été, selon {name}.",
]
NAMES_EN = ["Clémence Guetté", "a senior deputy", "the minister", "an LFI spokesman",
            "a retired general", "the opposition"]
NAMES_FR = ["Clémence Guetté", "une députée", "le ministre", "un porte-parole de LFI",
            "un général à la retraite", "l'opposition"]


def write_archive(folder: Path, count: int, seed: int = 1966) -> list[Path]:
    """Write ``count`` articles (about 80% English, 20% French) of 25-60 sentences."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        french = rng.random() < 0.2
        templates, names = (FR, NAMES_FR) if french else (EN, NAMES_EN)
        published = f"20{rng.randint(10, 26):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        sentences = []
        for _ in range(rng.randint(25, 60)):
            year = rng.randint(1949, 2025)
            month = rng.randrange(12)
            sentences.append(rng.choice(templates).format(
                year=year, year2=year + 2, day=rng.randint(1, 28), month=MONTHS_EN[month],
                month_fr=MONTHS_FR[month], name=rng.choice(names), pct=rng.randint(2, 40)))
        paragraphs = [" ".join(sentences[k:k + 4]) for k in range(0, len(sentences), 4)]
        path = folder / f"article-{i:05d}.txt"
        path.write_text(f"---\ntitle: \"Generated story {i}\"\npublished: {published}\n"
                        f"language: {'fr' if french else 'en'}\n---\n"
                        + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def run_build(args: list[str]) -> tuple[float, int]:
    """Run one whole build process; return (wall seconds, peak RSS in MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(TIMELINE + ["build", *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0,):
        sys.exit(f"build failed ({proc.returncode}): {proc.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss // 1024


def fmt_runs(xs: list[float]) -> str:
    return ", ".join(f"{x:.1f}" for x in xs)


def run_pair(a: list[str], b: list[str]) -> float:
    """Run two whole builds at the same time; return the wall time until both end."""
    start = time.perf_counter()
    procs = [subprocess.Popen(TIMELINE + ["build", *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for args in (a, b)]
    if any(p.wait() != 0 for p in procs):
        sys.exit("a build of the pair failed")
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    compile_bytecode(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        paths = write_archive(t / "archive", a.articles)
        common = ["--articles", str(t / "archive"), "--out", str(t / "site")]
        one, two, pair, mem = [], [], [], []
        load_start = os.getloadavg()
        for _ in range(a.runs):  # interleaved, so drift in the machine hits all alike
            # --force: the same inputs again would otherwise be "up to date".
            w1, m1 = run_build(common + ["--no-cache", "--force", "--jobs", "1"])
            w2, m2 = run_build(common + ["--no-cache", "--force", "--jobs", "2"])
            pair.append(run_pair(
                ["--articles", str(t / "archive"), "--out", str(t / "pair-a"),
                 "--no-cache", "--force", "--jobs", "1"],
                ["--articles", str(t / "archive"), "--out", str(t / "pair-b"),
                 "--no-cache", "--force", "--jobs", "1"]))
            one.append(w1)
            two.append(w2)
            mem += [m1, m2]
        full, rebuild, forced, edited = [], [], [], []
        for r in range(a.runs):
            cache = ["--cache-dir", str(t / f"cache-{r}"), "--jobs", "2"]
            full.append(run_build(common + cache + ["--force"])[0])
            rebuild.append(run_build(common + cache)[0])
            forced.append(run_build(common + cache + ["--force"])[0])
            with paths[r].open("a", encoding="utf-8") as fh:
                fh.write(f"An edit made on {r + 1} March 2026.\n")
            edited.append(run_build(common + cache)[0])
    med = statistics.median
    ceiling = 2 * med(one) / med(pair)
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {os.cpu_count()} cores; "
          f"{a.articles} articles; {a.runs} interleaved runs; medians; load average "
          f"{load_start[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    print(f"  build --jobs 1 (no cache)   {med(one):7.2f} s   runs {fmt_runs(one)}")
    print(f"  build --jobs 2 (no cache)   {med(two):7.2f} s   runs {fmt_runs(two)}   "
          f"speed-up {med(one) / med(two):.2f}x")
    print(f"  two --jobs 1 builds at once {med(pair):7.2f} s   runs {fmt_runs(pair)}   "
          f"the machine's ceiling for two processes: {ceiling:.2f}x "
          f"(--jobs 2 reaches {med(one) / med(two) / ceiling:.0%} of it)")
    print(f"  full build into empty cache {med(full):7.2f} s   (--jobs 2)")
    print(f"  rebuild, nothing changed    {med(rebuild):7.2f} s   "
          f"= {med(rebuild) / med(full):.3f}x the full build (up to date: nothing to do)")
    print(f"  rebuild --force, all cached {med(forced):7.2f} s   "
          f"= {med(forced) / med(full):.3f}x the full build (every extraction from the cache)")
    print(f"  rebuild, one article edited {med(edited):7.2f} s   "
          f"= {med(edited) / med(full):.3f}x the full build")
    # wait4 reports the larger of the process and its reaped workers (RUSAGE_BOTH).
    print(f"  peak RSS of the largest build process (main or worker) {max(mem)} MiB")


if __name__ == "__main__":
    main()
