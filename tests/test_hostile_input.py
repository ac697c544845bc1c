"""Bad and hostile input, second round (issue 21): each way a tester broke a promise.

Every case runs the real thing (the loaders, the build, the command in a
fresh process where a process is what matters) and checks what README's
"Bad and hostile input" table says: one line, status 2 (or 3 for a skipped
article), no traceback, nothing left behind, and the site either complete
or exactly as it was.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from timeline.cli import main

MINI_EVENTS = ROOT / "tests" / "fixtures" / "mini-events.yaml"
STORY = "---\npublished: 2026-01-19\n---\nDe Gaulle wrote to Johnson on 7 March 1966.\n"
TIMELINE = Path(sys.executable).with_name("timeline")


def run_timeline(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    command = [str(TIMELINE)] if TIMELINE.is_file() else [sys.executable, "-m", "timeline"]
    return subprocess.run(command + list(args), capture_output=True, text=True, timeout=180,
                          **kwargs)


def build(*args: str, events: Path = MINI_EVENTS):
    return CliRunner().invoke(main, ["build", "--events", str(events), "--plotlyjs", "cdn",
                                     "--jobs", "1", *args])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".new-" in p.name or ".old-" in p.name)


def write(path: Path, text: str = STORY) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- iCalendar


def test_no_value_can_forge_an_icalendar_line(tmp_path):
    from icalendar import Calendar

    forged = "\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:INJECTED\r\nEND:VEVENT\r\n"
    events = MINI_EVENTS.read_text(encoding="utf-8").replace(
        "summary: {en: Twelve founders sign.,",
        f"summary: {{en: {json.dumps('Twelve; founders, sign' + forged)},", 1)
    assert events != MINI_EVENTS.read_text(encoding="utf-8")
    write(tmp_path / "events.yaml", events)
    write(tmp_path / "a.txt")
    result = build("--article", str(tmp_path / "a.txt"), "--out", str(tmp_path / "site"),
                   "--no-cache", events=tmp_path / "events.yaml")
    assert result.exit_code == 0, result.output
    raw = (tmp_path / "site" / "data" / "events.ics").read_bytes()
    # Every line ends CRLF and none starts a component the data wrote.
    lines = raw.split(b"\r\n")
    assert b"UID:evil" not in lines and lines.count(b"BEGIN:VEVENT") == len(
        json.loads((tmp_path / "site" / "data" / "events.json").read_text())["items"])
    calendar = Calendar.from_ical(raw)
    summaries = {str(e["UID"]): str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT")}
    assert summaries["treaty-signed@timeline.invalid"].startswith(
        "Twelve; founders, sign\nBEGIN:VEVENT\nUID:evil")


def test_an_article_source_with_a_line_break_is_refused(tmp_path):
    article = write(tmp_path / "a.txt", "---\nsource: \"https://e.org/\\r\\nBEGIN:VEVENT\"\n---\n"
                                        "In 1966.\n")
    result = build("--article", str(article), "--out", str(tmp_path / "site"), "--no-cache")
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"Error: {article}:2:9: source: must be an http(s) URL with a host, and no spaces or "
        "control characters"]
    assert not (tmp_path / "site").exists()


# --------------------------------------------------------------------------- the inputs key


def test_a_renamed_article_is_built_again(tmp_path):
    site = tmp_path / "site"
    write(tmp_path / "alpha.txt")
    args = ["--out", str(site), "--no-cache"]
    assert build("--article", str(tmp_path / "alpha.txt"), *args).exit_code == 0
    (tmp_path / "alpha.txt").rename(tmp_path / "alpha2.txt")
    again = build("--article", str(tmp_path / "alpha2.txt"), *args)
    assert not again.output.startswith("Up to date"), again.output
    assert (site / "en" / "index.html").read_text(encoding="utf-8").count("alpha2") >= 1
    same = build("--article", str(tmp_path / "alpha2.txt"), *args)
    assert same.output.startswith("Up to date")


def test_the_key_of_a_cdn_build_names_the_plotly_package(monkeypatch, tmp_path):
    from timeline.build import BuildOptions, inputs_key

    options = BuildOptions(events_path=MINI_EVENTS, article_paths=[write(tmp_path / "a.txt")],
                           plotlyjs="cdn", cwd=tmp_path)
    before = inputs_key(options)
    assert before is not None
    import timeline.versions  # build.inputs_key imports it when called: patched at its source

    original = timeline.versions.installed_version
    monkeypatch.setattr(timeline.versions, "installed_version",
                        lambda name: "0.0.1" if name == "plotly" else original(name))
    assert inputs_key(options) != before


def test_a_pipe_is_read_once_and_built(tmp_path):
    read, write_end = os.pipe()
    with os.fdopen(write_end, "w", encoding="utf-8") as fh:
        fh.write(STORY)
    try:
        done = run_timeline("build", "--events", str(MINI_EVENTS), "--article",
                            f"/dev/fd/{read}", "--out", str(tmp_path / "site"), "--no-cache",
                            "--plotlyjs", "cdn", pass_fds=(read,))
    finally:
        os.close(read)
    assert done.returncode == 0, done.stderr
    assert "1 article(s) (0 from cache), 1 date mention(s)" in done.stdout, done.stdout


def test_a_named_pipe_with_no_writer_does_not_hang(tmp_path):
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    done = run_timeline("build", "--events", str(MINI_EVENTS), "--article", str(fifo),
                        "--out", str(tmp_path / "site"), "--no-cache", "--plotlyjs", "cdn")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"Error: {fifo}: is a pipe with nothing written to it (no program writing)"]


# --------------------------------------------------------------------------- archives


def hostile_archive(root: Path) -> Path:
    archive = root / "archive"
    write(archive / "kept.txt")
    write(archive / "sub" / "deeper.md")
    write(archive / ".drafts" / "embargoed.txt")
    write(archive / ".hidden.txt")
    write(root / "outside" / "secret.txt")
    (archive / "leak.txt").symlink_to(root / "outside" / "secret.txt")
    (archive / "inside-link.txt").symlink_to(archive / "kept.txt")
    (archive / "linked-folder").symlink_to(root / "outside")
    (archive / "broken.txt").symlink_to(root / "nowhere.txt")
    os.mkfifo(archive / "pipe.txt")
    write(archive / "notes.json", "{}")
    return archive


def test_an_archive_takes_regular_files_and_reports_everything_it_leaves_out(tmp_path):
    archive = hostile_archive(tmp_path)
    result = run_timeline("build", "--events", str(MINI_EVENTS), "--articles", str(archive),
                          "--out", str(tmp_path / "site"), "--no-cache", "--plotlyjs", "cdn")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"Left out: {archive}/.drafts: a hidden folder (its name starts with a dot); not searched",
        f"Left out: {archive}/.hidden.txt: a hidden file (its name starts with a dot)",
        f"Left out: {archive}/broken.txt: a broken symbolic link",
        f"Left out: {archive}/inside-link.txt: a symbolic link; links are not followed (the "
        "file it points to is taken under its own name when it is in the archive)",
        f"Left out: {archive}/leak.txt: a symbolic link; links are not followed (the file it "
        "points to is taken under its own name when it is in the archive)",
        f"Left out: {archive}/linked-folder: a symbolic link to a folder; links are not followed",
        f"Left out: {archive}/pipe.txt: a named pipe, not a regular file",
    ]
    pages = sorted(p.name for p in (tmp_path / "site" / "articles").iterdir())
    assert pages == ["deeper.html", "kept.html"]


def test_a_folder_that_cannot_be_read_is_a_skipped_problem(tmp_path, monkeypatch):
    # Simulated: the tests run as root, whom mode 000 does not stop.
    from timeline import archive as archive_module

    archive = tmp_path / "archive"
    write(archive / "kept.txt")
    write(archive / "locked" / "inside.txt")
    real = os.scandir

    def scandir(path):
        if isinstance(path, str | os.PathLike) and Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(archive_module.os, "scandir", scandir)
    result = build("--articles", str(archive), "--out", str(tmp_path / "site"), "--no-cache")
    assert result.exit_code == 3, result.output
    assert (f"Skipped: {archive / 'locked'}: folder cannot be read (Permission denied); its "
            "articles are left out") in result.output
    strict = build("--articles", str(archive), "--out", str(tmp_path / "s2"), "--no-cache",
                   "--strict")
    assert strict.exit_code == 2 and not (tmp_path / "s2").exists()


def test_long_non_latin_and_newline_names_build_with_usable_ids_and_one_line_messages(tmp_path):
    archive = tmp_path / "archive"
    for name in ("Москва.txt", "Париж.txt", "東京.txt", "x" * 251 + ".txt"):
        write(archive / name)
    forged = archive / "new\nError: forged.txt"
    write(forged, "---\npublished: 2026-13-01\n---\nIn 1966.\n")
    result = run_timeline("build", "--events", str(MINI_EVENTS), "--articles", str(archive),
                          "--out", str(tmp_path / "site"), "--no-cache", "--plotlyjs", "cdn")
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"Skipped: {archive}/new\\nError: forged.txt:2:12: published: '2026-13-01': month 13 "
        "does not exist"]
    pages = list((tmp_path / "site" / "articles").iterdir())
    assert len(pages) == 4 and all(len(p.name.encode()) <= 90 for p in pages)


# --------------------------------------------------------------------------- the cache


def cache_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.json"))


@pytest.mark.parametrize("damage", ["empty list", "swapped", "wrong types", "old format",
                                    "link to /dev/zero", "named pipe", "huge"])
def test_a_cache_entry_is_trusted_only_after_it_is_checked(tmp_path, damage):
    archive = tmp_path / "archive"
    write(archive / "a.txt")
    write(archive / "b.txt", "---\npublished: 2026-01-19\n---\nThe treaty of 4 April 1949.\n")
    cache = tmp_path / "cache"
    args = ["--articles", str(archive), "--cache-dir", str(cache), "--force"]
    first = build(*args, "--out", str(tmp_path / "site"))
    assert "2 article(s) (0 from cache), 2 date mention(s)" in first.output, first.output
    expected = (tmp_path / "site" / "data" / "events.json").read_bytes()
    a, b = cache_files(cache)
    if damage == "empty list":
        a.write_text("[]")
    elif damage == "swapped":
        data_a, data_b = a.read_bytes(), b.read_bytes()
        a.write_bytes(data_b)
        b.write_bytes(data_a)
    elif damage == "wrong types":
        entry = json.loads(a.read_text())
        entry["mentions"][0]["start"] = "7"
        a.write_text(json.dumps(entry))
    elif damage == "old format":
        a.write_text(json.dumps(json.loads(a.read_text())["mentions"]))
    elif damage == "link to /dev/zero":
        a.unlink()
        a.symlink_to("/dev/zero")
    elif damage == "named pipe":
        a.unlink()
        os.mkfifo(a)
    elif damage == "huge":
        with a.open("r+b") as fh:
            fh.truncate(65 * 1024 * 1024)
    second = build(*args, "--out", str(tmp_path / "site"))
    assert second.exit_code == 0, second.output
    assert "2 date mention(s)" in second.output, second.output
    assert (tmp_path / "site" / "data" / "events.json").read_bytes() == expected
    # The bad entries were rewritten: a third build takes both from the cache.
    third = build(*args, "--out", str(tmp_path / "site"))
    assert "2 article(s) (2 from cache)" in third.output, third.output
    assert all(p.is_file() and not p.is_symlink() for p in cache_files(cache))


# --------------------------------------------------------------------------- text and ids


def test_control_characters_never_reach_the_svg_or_the_pages(tmp_path):
    bell = "---\ntitle: \"Bell \\a title\"\npublished: 2026-01-19\n---\n" \
           "De Gaulle\x07 wrote\x0b to Johnson\x1f on 7 March 1966.\ufffe\n"
    article = write(tmp_path / "bell.txt", bell)
    result = build("--article", str(article), "--out", str(tmp_path / "site"), "--no-cache")
    assert result.exit_code == 0, result.output
    site = tmp_path / "site"
    for svg in (site / "data").glob("*.svg"):
        ET.fromstring(svg.read_bytes())  # well-formed XML
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".svg", ".json", ".ics", ".csv"):
            text = path.read_text(encoding="utf-8")
            assert not any(c in text for c in "\x07\x0b\x1f\ufffe"), path


def test_an_events_file_with_an_escaped_control_character_is_refused_at_its_place(tmp_path):
    text = MINI_EVENTS.read_text(encoding="utf-8").replace(
        "title: {en: Treaty signed,", 'title: {en: "Treaty\\u0007 signed",', 1)
    events = write(tmp_path / "events.yaml", text)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "\\u0007" in row)
    result = CliRunner().invoke(main, ["validate", str(events)])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"Error: {events}:{line}:17: title 'en' holds the control character U+0007, which no "
        "page or export can carry; remove it"]


@pytest.mark.parametrize("event_id", ["present-next", "copy-embed", "timeline-figure",
                                      "era-outside", "article-story", "mention-a-1",
                                      "date-1966", "letter-title"])
def test_an_event_id_that_would_take_a_page_element_is_refused(tmp_path, event_id):
    text = MINI_EVENTS.read_text(encoding="utf-8").replace("id: treaty-signed",
                                                           f"id: {event_id}", 1)
    events = write(tmp_path / "events.yaml", text)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if f"id: {event_id}" in row)
    result = CliRunner().invoke(main, ["validate", str(events)])
    assert result.exit_code == 2
    [message] = result.output.splitlines()
    assert message.startswith(f"Error: {events}:{line}:9: id {event_id!r} ")
    assert "the pages" in message


# --------------------------------------------------------------------------- the output folder


def dead_staging(parent: Path, name: str) -> Path:
    from timeline.site import MARKER, MARKER_TEXT

    folder = parent / name
    folder.mkdir()
    (folder / MARKER).write_bytes(MARKER_TEXT)
    write(folder / "index.html", "half a site")
    return folder


def test_the_next_build_removes_what_killed_builds_left_and_nothing_alive(tmp_path):
    from timeline.site import MARKER

    write(tmp_path / "a.txt")
    dead_new = dead_staging(tmp_path, ".site.new-dead1")
    dead_old = dead_staging(tmp_path, ".site.old-dead2")
    (dead_old / "sub").mkdir()
    write(dead_old / "sub" / "page.html")
    os.chmod(dead_old / "sub", 0o500)  # a read-only --out, retired
    alive = dead_staging(tmp_path, ".site.new-alive")
    other = dead_staging(tmp_path, ".other.new-dead")
    # Killed between making its folder and writing its marker: the process
    # named in the folder's name is gone (no pid reaches 999,999,999).
    unmarked_dead = tmp_path / ".site.new-999999999-abc"
    unmarked_dead.mkdir()
    # A build of this very process, just starting: kept.
    starting = tmp_path / f".site.new-{os.getpid()}-abc"
    starting.mkdir()
    with open(alive / MARKER, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a running build holds its own
        result = build("--article", str(tmp_path / "a.txt"), "--out", str(tmp_path / "site"),
                       "--no-cache")
        assert result.exit_code == 0, result.output
        assert [n for n in leftovers(tmp_path) if n.startswith(".site.")] == [
            starting.name, ".site.new-alive"]
    assert not dead_new.exists() and not dead_old.exists() and other.exists()
    assert not unmarked_dead.exists()


def start_archive_build(tmp_path: Path, stderr: int) -> tuple[subprocess.Popen, Path]:
    """Start a 30-article build with two jobs; return once its staging folder exists
    (or it has ended), with the archive's folder."""
    archive = tmp_path / "archive"
    for i in range(30):
        write(archive / f"story-{i}.txt", STORY.replace("Johnson", f"Johnson {i}"))
    command = [str(TIMELINE)] if TIMELINE.is_file() else [sys.executable, "-m", "timeline"]
    proc = subprocess.Popen(command + ["build", "--events", str(MINI_EVENTS), "--articles",
                                       str(archive), "--out", str(tmp_path / "site"),
                                       "--no-cache", "--jobs", "2", "--plotlyjs", "cdn"],
                            stdout=subprocess.DEVNULL, stderr=stderr, text=True)
    deadline = time.monotonic() + 120
    while not leftovers(tmp_path) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    return proc, archive


def test_a_build_killed_outright_is_cleaned_up_by_the_next(tmp_path):
    # Killed once it has made its staging folder and started its workers.
    proc, archive = start_archive_build(tmp_path, subprocess.DEVNULL)
    children = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # Its workers die with it (checked until they are gone, or for a minute).
    deadline = time.monotonic() + 60
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in children)
    done = run_timeline("build", "--events", str(MINI_EVENTS), "--articles", str(archive),
                        "--out", str(tmp_path / "site"), "--no-cache", "--plotlyjs", "cdn")
    assert done.returncode == 0, done.stderr
    assert leftovers(tmp_path) == []


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_die_with_the_process_that_made_them(tmp_path):
    # The pool's initializer (batch.die_with_parent), in a parent killed by SIGKILL.
    script = tmp_path / "parent.py"
    script.write_text(
        "import os, sys, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from timeline.batch import die_with_parent\n"
        "pool = ProcessPoolExecutor(2, initializer=die_with_parent, initargs=(os.getpid(),))\n"
        "list(pool.map(abs, [0, 1]))  # the workers exist once this returns\n"
        "print(' '.join(str(p.pid) for p in pool._processes.values()), flush=True)\n"
        "time.sleep(600)\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert len(workers) == 2 and all(_alive(p) for p in workers)
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 60
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(p) for p in workers)


def test_a_stop_while_the_staging_folder_is_being_made_leaves_nothing(tmp_path, monkeypatch):
    # SIGTERM becomes SystemExit wherever the main thread is: here, as the
    # staging folder's lock is opened, before any `with` could remove it.
    from timeline import cli, site

    real_open = os.open

    def stopped(path, *args, **kwargs):
        if Path(path).name == site.MARKER:
            raise SystemExit(128 + signal.SIGTERM)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(site.os, "open", stopped)
    with pytest.raises(SystemExit), cli._stop_on_sigterm():
        site.Staging(tmp_path / "site")
    monkeypatch.undo()
    assert leftovers(tmp_path) == [] and site._UNFINISHED == []


def test_sigterm_removes_the_staging_folder(tmp_path):
    proc, _ = start_archive_build(tmp_path, subprocess.PIPE)
    proc.terminate()
    _, stderr = proc.communicate(timeout=120)
    assert "Traceback" not in stderr
    if proc.returncode == 0:  # it finished before the signal came: a complete site
        assert (tmp_path / "site" / "index.html").is_file()
    else:
        assert proc.returncode == 128 + signal.SIGTERM
    assert leftovers(tmp_path) == []


def test_a_linked_out_is_built_through_its_link(tmp_path):
    write(tmp_path / "a.txt")
    (tmp_path / "releases").mkdir()
    (tmp_path / "site").symlink_to(tmp_path / "releases" / "current")
    for _ in range(2):
        result = build("--article", str(tmp_path / "a.txt"), "--out", str(tmp_path / "site"),
                       "--no-cache", "--force")
        assert result.exit_code == 0, result.output
    assert (tmp_path / "site").is_symlink()
    assert (tmp_path / "releases" / "current" / "index.html").is_file()
    assert leftovers(tmp_path) == [] and leftovers(tmp_path / "releases") == []


def test_a_read_only_out_is_replaced_without_leftovers(tmp_path):
    write(tmp_path / "a.txt")
    args = ["--article", str(tmp_path / "a.txt"), "--out", str(tmp_path / "site"), "--no-cache"]
    assert build(*args).exit_code == 0
    for folder in [tmp_path / "site", *(p for p in (tmp_path / "site").rglob("*") if p.is_dir())]:
        os.chmod(folder, 0o555)
    result = build(*args, "--force")
    assert result.exit_code == 0, result.output
    assert leftovers(tmp_path) == []


def test_bad_input_does_not_create_the_folders_of_a_new_out(tmp_path):
    bad = write(tmp_path / "a.txt", "---\npublished: 2026-13-01\n---\nIn 1966.\n")
    result = build("--article", str(bad), "--out", str(tmp_path / "new" / "deep" / "site"),
                   "--no-cache")
    assert result.exit_code == 2
    assert not (tmp_path / "new").exists()


def test_a_page_that_cannot_be_written_is_one_line(tmp_path):
    # The file size limit stands in for a full disk: the article pages, which
    # the workers write, are the first files too big for it.
    archive = tmp_path / "archive"
    for i in range(3):
        write(archive / f"story-{i}.txt", STORY)
    for jobs in ("1", "2"):
        def limit() -> None:
            import resource

            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (4_000, 4_000))

        done = run_timeline("build", "--events", str(MINI_EVENTS), "--articles", str(archive),
                            "--out", str(tmp_path / "site"), "--no-cache", "--plotlyjs", "cdn",
                            "--jobs", jobs, preexec_fn=limit)
        assert done.returncode == 2, done.stderr
        assert done.stderr.splitlines() == [
            f"Error: {tmp_path / 'site'}: could not write the site (File too large); the "
            "previous build, if any, is unchanged"], done.stderr
        assert not (tmp_path / "site").exists() and leftovers(tmp_path) == []


# --------------------------------------------------------------------------- options and tools


@pytest.mark.parametrize("address", ["not a url", "http://host:8786", "inproc://x",
                                     "ucx://host:1", "tcp://host:99999", "tcp://:8786"])
def test_a_bad_scheduler_address_is_one_line(tmp_path, address):
    write(tmp_path / "a.txt")
    result = build("--article", str(tmp_path / "a.txt"), "--out", str(tmp_path / "site"),
                   "--scheduler", address)
    assert result.exit_code == 2, result.output
    [line] = result.output.splitlines()
    assert line.startswith("Error: --scheduler: ") and "tcp://HOST:PORT" in line


def test_an_unreadable_plotly_bundle_is_a_warning_not_a_crash(tmp_path, monkeypatch):
    from timeline import plotlyjs

    cache = tmp_path / "plotly"
    cache.mkdir()
    (cache / plotlyjs.BASIC_FILENAME).write_bytes(b"x")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == plotlyjs.BASIC_FILENAME:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    bundle = plotlyjs.load_bundle("auto", cache)
    assert bundle.description.startswith("warning: ") and "cannot be read" in bundle.description
    checked = CliRunner().invoke(main, ["fetch-plotly", "--check", "--cache-dir", str(cache)])
    assert checked.exit_code == 1 and "cannot be read" in checked.output
    assert checked.exception is None or isinstance(checked.exception, SystemExit)


def test_extract_writes_utf8_json_whatever_the_locale(tmp_path):
    article = write(tmp_path / "fr.txt", "---\nlanguage: fr\n---\nLe 7 mars 1966, de Gaulle "
                                         "écrit à Johnson.\n")
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    for fmt in ("jsonl", "json", "table"):
        done = subprocess.run([str(TIMELINE) if TIMELINE.is_file() else sys.executable,
                               *([] if TIMELINE.is_file() else ["-m", "timeline"]),
                               "extract", str(article), "--format", fmt],
                              capture_output=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        assert b"Traceback" not in done.stderr
        if fmt != "table":
            assert "écrit".encode() in done.stdout


# --------------------------------------------------------------------------- templates, CDN


def test_a_template_override_runs_in_the_sandbox(tmp_path):
    (tmp_path / "templates").mkdir()
    shipped = (ROOT / "templates" / "embed.html").read_text(encoding="utf-8")
    evil = shipped.replace("{% block title %}", "{% block title %}{{ cycler.__init__."
                                                 "__globals__.os.system('touch pwned') }}", 1)
    assert evil != shipped
    (tmp_path / "templates" / "embed.html").write_text(evil, encoding="utf-8")
    write(tmp_path / "a.txt")
    done = run_timeline("build", "--events", str(MINI_EVENTS), "--article", "a.txt", "--out",
                        "site", "--no-cache", "--plotlyjs", "cdn", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "Error: templates: a template override was refused by Jinja's sandbox: access to "
        "attribute '__init__' of 'type' object is unsafe."]
    assert not (tmp_path / "pwned").exists() and not (tmp_path / "site").exists()


def test_an_override_renders_the_shipped_pages_unchanged(tmp_path):
    from timeline.build import BuildOptions, build_site

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "embed.html").write_text(
        (ROOT / "templates" / "embed.html").read_text(encoding="utf-8"), encoding="utf-8")
    article = write(tmp_path / "a.txt")
    plain = build_site(BuildOptions(events_path=MINI_EVENTS, article_paths=[article], cwd=ROOT))
    sandboxed = build_site(BuildOptions(events_path=MINI_EVENTS, article_paths=[article],
                                        cwd=tmp_path))
    assert sandboxed.files == plain.files


def test_a_cdn_build_pins_plotly_js_with_subresource_integrity(tmp_path):
    import base64
    import hashlib

    from timeline import plotlyjs
    from timeline.render import plotly_version

    write(tmp_path / "a.txt")
    assert build("--article", str(tmp_path / "a.txt"), "--out", str(tmp_path / "site"),
                 "--no-cache").exit_code == 0
    version = plotly_version()
    integrity = plotlyjs.cdn_integrity(version)
    page = (tmp_path / "site" / "embed.html").read_text(encoding="utf-8")
    assert f'data-plotly-integrity="{integrity}"' in page
    assert 'data-plotly-crossorigin="anonymous"' in page
    # The pin is the digest of the very file the CDN serves for that version,
    # which is the plotly package's copy.
    data = plotlyjs.full_bundle_path().read_bytes()
    if version in plotlyjs.CDN_SRI:
        assert plotlyjs.CDN_SRI[version] == "sha384-" + base64.b64encode(
            hashlib.sha384(data).digest()).decode()
    local = tmp_path / "local"
    assert CliRunner().invoke(main, ["build", "--events", str(MINI_EVENTS), "--article",
                                     str(tmp_path / "a.txt"), "--out", str(local),
                                     "--no-cache", "--jobs", "1"]).exit_code == 0
    assert "data-plotly-integrity" not in (local / "embed.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- bounded output


def test_a_date_repeated_thousands_of_times_is_quoted_five_times_per_page(tmp_path):
    from timeline.views import QUOTES_PER_ITEM

    article = write(tmp_path / "rep.txt", "---\npublished: 2026-01-19\n---\n"
                    + "De Gaulle wrote to Johnson on 7 March 1966. " * 400 + "\n")
    result = build("--article", str(article), "--out", str(tmp_path / "site"), "--no-cache")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
    present = (tmp_path / "site" / "en" / "present.html").read_text(encoding="utf-8")
    assert page.count('class="quote"') == QUOTES_PER_ITEM
    assert f"And {400 - QUOTES_PER_ITEM} more quotes" in page
    assert present.count('class="quote step-quote"') == QUOTES_PER_ITEM
    assert f"And {400 - QUOTES_PER_ITEM} more quotes" in present
    # Every mention is still marked in the article and kept in the data.
    data = json.loads((tmp_path / "site" / "data" / "events.json").read_text(encoding="utf-8"))
    assert sum(len(i["mentions"]) for i in data["items"]) == 400
