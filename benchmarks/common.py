"""What every part of the benchmark shares: paths, the browser's flags, small
statistics, the machine's description, and running whole processes (timed,
with the memory of their process tree) and `timeline build`.

Split from run.py (issue 17); run.py is the entry point.
"""

from __future__ import annotations

import contextlib
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
EVENTS = ROOT / "events.yaml"
ARTICLE = ROOT / "articles" / "france-nato-guette-resolution.txt"
OUT_JSON = ROOT / "benchmarks" / "results.json"
OUT_MD = ROOT / "benchmarks" / "RESULTS.md"
CHROMIUM = os.environ.get("TIMELINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
NPM_CACHE = Path(os.environ.get(
    "TIMELINE_NPM_CACHE",
    Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "timeline-test-npm"))
TLJS_DIST = NPM_CACHE / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
SHARED = ROOT.parent / "shared"
FLOOR = "import pandas, plotly, dateparser, jinja2"
HEAVY = ("pandas", "numpy", "plotly", "dateparser", "jinja2", "rich", "yaml", "regex")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def median(xs: list[float]) -> float | None:
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


# ----------------------------------------------------------------- machine

def machine() -> dict[str, Any]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_gb = None
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    chromium = (subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
                .stdout.strip() if Path(CHROMIUM).exists() else None)
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cores": os.cpu_count(),
            "loadavg_at_start": os.getloadavg(),
            "nproc": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(),
            "memory_gb": mem_gb, "cpu": cpu, "python": platform.python_version(),
            "chromium": chromium, "platform": platform.platform()}


# ------------------------------------------------------------ processes

def tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, in KiB."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            text = stat.read_text()
            parents[int(stat.parent.name)] = int(text.rsplit(")", 1)[1].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        for child, parent in parents.items():
            if parent == p and child not in tree:
                tree.add(child)
                frontier.append(child)
    total = 0
    for pid in tree:
        with contextlib.suppress(OSError, ValueError, IndexError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total


def run_timed(cmd: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None,
              sample_memory: bool = False) -> dict[str, Any]:
    """Run a whole process; return wall and CPU seconds, exit status, optionally peak tree RSS.

    CPU is user + system time of the process and the children it waited for
    (the change in this process's RUSAGE_CHILDREN: one command runs at a
    time), which scheduling noise on a shared machine disturbs less than wall time.
    """
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss_kb(proc.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True) if sample_memory else None
    if sampler:
        sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    stop.set()
    if sampler:
        sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result = {"wall": wall, "cpu": cpu, "rc": proc.returncode}
    if sample_memory:
        result["peak_mb"] = round(peak / 1024, 1)
    if proc.returncode not in (0, 3):
        result["stderr"] = err.decode("utf-8", "replace")[-2000:]
    return result


def timeline_cmd(tree: Path | None) -> tuple[list[str], dict[str, str], Path]:
    """The command, environment and working folder that run `timeline` from a tree."""
    env = dict(os.environ)
    if tree is None:
        return [str(PYTHON), "-m", "timeline"], env, ROOT
    env["PYTHONPATH"] = str(tree)
    return [str(PYTHON), "-m", "timeline"], env, tree


def compile_bytecode(tree: Path) -> None:
    """Write the bytecode of a tree's ``timeline`` package, as installing a wheel does.

    pip compiles every module it installs, and the import floor's libraries are
    compiled, but an editable checkout run with PYTHONDONTWRITEBYTECODE=1 (as
    on these machines) would recompile ~6,000 lines of source at every start,
    a cost no installed user pays. compileall writes the .pyc files even so;
    a later edit of a source file makes its .pyc stale, and Python then ignores it.
    """
    subprocess.run([str(PYTHON), "-m", "compileall", "-q", str(tree / "timeline")], check=True)


def build_into(out: Path, *, tree: Path | None = None, events: Path = EVENTS,
               articles: list[Path] | None = None, extra: list[str] | None = None) -> Path:
    cmd, env, cwd = timeline_cmd(tree)
    args = ["build", "--events", str(events), "--out", str(out)]
    for a in articles or [ARTICLE]:
        args += ["--article", str(a)]
    proc = subprocess.run(cmd + args + (extra or []), cwd=cwd, env=env, capture_output=True,
                          text=True)
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"build failed: {proc.stderr}")
    return out
