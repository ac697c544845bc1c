"""Benchmark a newsroom archive: 1,000 generated articles, built whole and rebuilt.

    .venv/bin/python benchmarks/archive.py [--articles 1000] [--runs 3]

Measures, side by side in one run on this machine, whole `timeline build`
processes over the same generated archive:
  - wall time with --jobs 1 and --jobs 2 (no cache), and the speed-up;
  - a full build into an empty cache, then a rebuild with nothing changed;
  - a rebuild after editing one article (only that one is re-extracted);
  - peak resident memory of the build process.
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

ROOT = Path(__file__).resolve().parent.parent
TIMELINE = [sys.executable, "-m", "timeline"]

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
EN = [
    "De Gaulle's withdrawal from the integrated command in {year} still shapes the debate.",
    "On {day} {month} {year}, ministers met in Brussels to discuss the alliance.",
    "The Sarkozy return of 2009 was, critics say, a mistake that {name} wants undone.",
    "This week the opposition filed a resolution asking France to leave NATO.",
    "Two years later, in {month} {year2}, the summit adopted a new strategic concept.",
    "In the 1960s France built its own deterrent; {name} recalls that history.",
    "Macron called NATO brain dead in 2019, a remark {name} quoted again last month.",
    "By early {month} {year}, the army had left the allied command structure.",
    "The treaty signed on 4 April 1949 made France a founding member.",
    "Yesterday {name} said the debate would continue until the summer.",
    "Budgets rose by {pct} per cent between {year} and {year2}.",
]
FR = [
    "Le retrait du commandement intégré décidé par de Gaulle en {year} reste dans les mémoires.",
    "Le {day} {month_fr} {year}, les ministres se sont réunis à Bruxelles.",
    "Le retour voulu par Sarkozy en 2009 est contesté par {name}.",
    "Cette semaine, l'opposition a déposé une résolution pour sortir de l'OTAN.",
    "Dans les années 1960, la France construit sa propre dissuasion.",
    "La semaine dernière, {name} a rappelé la « mort cérébrale » évoquée en 2019.",
    "Au printemps {year}, le gouvernement a présenté un nouveau livre blanc.",
]
NAMES = ["Guetté", "a senior deputy", "the minister", "an LFI spokesman", "the general"]


def write_archive(folder: Path, count: int, seed: int = 1966) -> list[Path]:
    """Write ``count`` varied articles (about 80% English, 20% French)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        french = rng.random() < 0.2
        templates = FR if french else EN
        published = f"20{rng.randint(10, 26):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lines = []
        for _ in range(rng.randint(8, 20)):
            year = rng.randint(1949, 2025)
            month = rng.randrange(12)
            lines.append(rng.choice(templates).format(
                year=year, year2=year + 2, day=rng.randint(1, 28), month=MONTHS_EN[month],
                month_fr=MONTHS_FR[month], name=rng.choice(NAMES), pct=rng.randint(2, 40)))
        path = folder / f"article-{i:05d}.txt"
        path.write_text(f"---\ntitle: \"Generated story {i}\"\npublished: {published}\n"
                        f"language: {'fr' if french else 'en'}\n---\n" + "\n".join(lines) + "\n",
                        encoding="utf-8")
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        paths = write_archive(t / "archive", a.articles)
        common = ["--articles", str(t / "archive"), "--out", str(t / "site")]
        one, two, mem = [], [], []
        for _ in range(a.runs):  # interleaved, so drift in the machine hits both alike
            w1, m1 = run_build(common + ["--no-cache", "--jobs", "1"])
            w2, m2 = run_build(common + ["--no-cache", "--jobs", "2"])
            one.append(w1)
            two.append(w2)
            mem += [m1, m2]
        full, rebuild, edited = [], [], []
        for r in range(a.runs):
            cache = ["--cache-dir", str(t / f"cache-{r}")]
            full.append(run_build(common + cache + ["--jobs", "2"])[0])
            rebuild.append(run_build(common + cache + ["--jobs", "2"])[0])
            with paths[r].open("a", encoding="utf-8") as fh:
                fh.write(f"An edit made on {r + 1} March 2026.\n")
            edited.append(run_build(common + cache + ["--jobs", "2"])[0])
    med = statistics.median
    print(f"machine: {os.cpu_count()} cores; {a.articles} articles; {a.runs} runs; medians")
    print(f"  build --jobs 1 (no cache)   {med(one):7.2f} s")
    print(f"  build --jobs 2 (no cache)   {med(two):7.2f} s   speed-up {med(one) / med(two):.2f}x")
    print(f"  full build into empty cache {med(full):7.2f} s")
    print(f"  rebuild, nothing changed    {med(rebuild):7.2f} s   "
          f"= {med(rebuild) / med(full):.3f}x the full build")
    print(f"  rebuild, one article edited {med(edited):7.2f} s   "
          f"= {med(edited) / med(full):.3f}x the full build")
    print(f"  peak RSS of a build process {max(mem)} MiB")


if __name__ == "__main__":
    main()
