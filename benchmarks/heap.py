"""Benchmark what freezing the heap buys a build: with and without, side by side.

    .venv/bin/python benchmarks/heap.py [--articles 1000] [--runs 3]

The build freezes the garbage collector's view of its heap in three places
(timeline.batch.frozen_heap around the worker forks and the archive merge, and
timeline.cli.run at exit). This runs whole build processes over a generated
archive (--jobs 1 and --jobs 2, --no-cache --force) and over the shipped
site, alternating "as built" with "unfrozen": the same code with frozen_heap
replaced by a no-op and the exit freeze left out. For each it reports the
median wall time, the CPU time of the build and its workers, and the seconds
the main process spent in full (generation 2) collections.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from archive import write_archive  # benchmarks/archive.py, beside this script
from common import compile_bytecode

ROOT = Path(__file__).resolve().parent.parent

# Runs the CLI as the `timeline` command does, or with the freezes taken out,
# and reports the main process's full collections on stderr's last line.
DRIVER = r"""
import gc, json, sys, time
variant = sys.argv.pop(1)
spent = [0.0]
started = [0.0]
def watch(phase, info):
    if info["generation"] == 2:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            spent[0] += time.perf_counter() - started[0]
gc.callbacks.append(watch)
import atexit
atexit.register(lambda: print(json.dumps({"gen2_s": spent[0]}), file=sys.stderr))
if variant == "unfrozen":
    import contextlib
    import timeline.batch
    timeline.batch.frozen_heap = contextlib.nullcontext
    from timeline.cli import main as entry
else:
    from timeline.cli import run as entry
sys.argv[0] = "timeline"
entry()
"""


def one_build(variant: str, args: list[str]) -> dict[str, float]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", DRIVER, variant, *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"build failed: {err[-2000:]}")
    # ru_*time of wait4 covers the build and the workers it waited for.
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "gen2": json.loads(err.strip().splitlines()[-1])["gen2_s"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    compile_bytecode(ROOT)
    with tempfile.TemporaryDirectory(prefix="timeline-heap-") as tmp:
        work = Path(tmp)
        write_archive(work / "archive", args.articles)
        cases = {
            "shipped site": ["build", "--out", str(work / "site"), "--force"],
            f"{args.articles} articles, --jobs 1": [
                "build", "--articles", str(work / "archive"), "--out", str(work / "a1"),
                "--no-cache", "--force", "--jobs", "1"],
            f"{args.articles} articles, --jobs 2": [
                "build", "--articles", str(work / "archive"), "--out", str(work / "a2"),
                "--no-cache", "--force", "--jobs", "2"],
        }
        samples: dict[tuple[str, str], list[dict[str, float]]] = {}
        for run in range(args.runs):
            for case, build_args in cases.items():
                order = ("as built", "unfrozen") if run % 2 == 0 else ("unfrozen", "as built")
                for variant in order:
                    samples.setdefault((case, variant), []).append(
                        one_build("frozen" if variant == "as built" else "unfrozen",
                                  build_args))
            print(f"run {run + 1}/{args.runs} done", file=sys.stderr)
    load = os.getloadavg()[0]
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {os.cpu_count()} cores; "
          f"{args.runs} alternating runs; medians; load average {load:.1f} at the end")
    for case in cases:
        rows = {v: {k: statistics.median(s[k] for s in samples[(case, v)])
                    for k in ("wall", "cpu", "gen2")} for v in ("as built", "unfrozen")}
        a, u = rows["as built"], rows["unfrozen"]
        print(f"  {case}")
        for v, r in rows.items():
            print(f"    {v:9s} wall {r['wall']:6.2f} s   CPU {r['cpu']:6.2f} s   "
                  f"main-process full collections {r['gen2']:5.2f} s")
        print(f"    as built / unfrozen: wall {a['wall'] / u['wall']:.2f}x, "
              f"CPU {a['cpu'] / u['cpu']:.2f}x")


if __name__ == "__main__":
    main()
