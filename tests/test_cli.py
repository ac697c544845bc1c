import hashlib
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tests.conftest import SHIPPED_ARTICLE, SHIPPED_EVENTS
from timeline.cli import main


def all_commands():
    return [(name, cmd) for name, cmd in main.commands.items()]


@pytest.mark.parametrize(("name", "command"), all_commands())
def test_every_command_and_option_has_help(name, command):
    assert command.help, f"{name} has no help"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help"


def test_version_and_help():
    runner = CliRunner()
    assert runner.invoke(main, ["--version"]).output.startswith("timeline, version ")
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0 and "build" in result.output and "extract" in result.output


def test_python_dash_m_runs_the_cli():
    done = subprocess.run([sys.executable, "-m", "timeline", "--help"], capture_output=True,
                          text=True, check=True)
    assert "Commands:" in done.stdout


HEAVY = ("pandas", "plotly", "dateparser", "jinja2")


def heavy_imports(*args: str, watch: tuple[str, ...] = HEAVY) -> set[str]:
    """Run the CLI in a fresh interpreter and return which ``watch`` modules it imported."""
    code = ("import sys\nfrom timeline.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {watch!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          check=True)
    return set(eval(done.stdout.strip().splitlines()[-1]))


def test_help_and_validate_import_nothing_heavy():
    assert heavy_imports("--help") == set()
    assert heavy_imports("validate", str(SHIPPED_EVENTS)) == set()


def test_extract_pays_only_for_dateparser(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Signed on 4 April 1949.\n", encoding="utf-8")
    assert heavy_imports("extract", "--format", "jsonl", str(article)) <= {"dateparser"}


def test_a_build_from_the_cache_compiles_no_extractor(tmp_path):
    # Every article cached: neither the extractor's patterns, dateparser,
    # plotly nor importlib.metadata (library versions come from dist-info names).
    # pandas is imported: the merge is made in pandas (issue 22).
    args = ("build", "--events", str(SHIPPED_EVENTS), "--article", str(SHIPPED_ARTICLE),
            "--cache-dir", str(tmp_path / "cache"), "--out", str(tmp_path / "site"), "--force")
    watch = ("timeline.extract", "dateparser", "plotly", "importlib.metadata")
    assert "timeline.extract" in heavy_imports(*args, watch=watch)  # cold cache
    assert heavy_imports(*args, watch=watch) == set()


def test_build_writes_the_site_and_says_where(tmp_path):
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--events", str(SHIPPED_EVENTS), "--article",
                                       str(SHIPPED_ARTICLE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"open {out / 'index.html'}" in result.output
    for name in ("index.html", "en/index.html", "fr/index.html", "assets/plotly.min.js",
                 "assets/timeline.js", "assets/timeline.css"):
        assert (out / name).is_file(), name


def test_build_with_cdn_copies_no_plotly(tmp_path):
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--events", str(SHIPPED_EVENTS), "--article",
                                       str(SHIPPED_ARTICLE), "--out", str(out),
                                       "--plotlyjs", "cdn"])
    assert result.exit_code == 0, result.output
    assert not (out / "assets" / "plotly.min.js").exists()
    page = (out / "index.html").read_text()
    # timeline.js loads plotly.js from the address in data-plotly, after the
    # first paint; nothing fetches it earlier.
    assert 'data-plotly="https://cdn.plot.ly/plotly-' in page
    assert 'rel="preload"' not in page
    assert 'data-plotly-crossorigin="anonymous"' in page


def test_bad_article_gives_one_line_and_status_2_and_no_output(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("---\npublished: 1966-02-30\n---\nText\n", encoding="utf-8")
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--events", str(SHIPPED_EVENTS), "--article",
                                       str(bad), "--out", str(out)])
    assert result.exit_code == 2
    assert result.output == (f"Error: {bad}:2:12: published: '1966-02-30': February 1966 "
                             "has no day 30\n")
    # Nothing left beside it either: not the folder the build was staged in.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt"]


def test_refuses_to_overwrite_a_foreign_folder(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["build", "--events", str(SHIPPED_EVENTS), "--article",
                                       str(SHIPPED_ARTICLE), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "refusing to replace a folder" in result.output
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_missing_article_and_events(tmp_path):
    result = CliRunner().invoke(main, ["build", "--events", str(tmp_path / "none.yaml"),
                                       "--article", str(tmp_path / "none.txt"),
                                       "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines == [f"Error: {tmp_path / 'none.yaml'}: file not found",
                     f"Error: {tmp_path / 'none.txt'}: file not found"]


def test_extract_jsonl_follows_the_contract(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("---\npublished: 2026-01-19\nlanguage: en\n---\n"
                       "De Gaulle left the integrated command in 1966.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(article)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    body = "De Gaulle left the integrated command in 1966.\n"
    assert [(r["text"], r["value"]) for r in rows] == [("1966", "1966")]
    assert all(body[r["start"]:r["end"]] == r["text"] and r["file"] == str(article)
               for r in rows)


def test_extract_table_and_bad_published(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Signed on 4 April 1949.\n", encoding="utf-8")
    table = CliRunner().invoke(main, ["extract", str(article)])
    assert table.exit_code == 0 and "1949-04-04" in table.output
    bad = CliRunner().invoke(main, ["extract", "--published", "2026-02-30", str(article)])
    assert bad.exit_code == 2 and "February 2026 has no day 30" in bad.output


def test_validate_reports_ok_and_errors(tmp_path):
    ok = CliRunner().invoke(main, ["validate", str(SHIPPED_EVENTS)])
    assert ok.exit_code == 0 and "OK" in ok.output
    broken = tmp_path / "events.yaml"
    broken.write_text("events: [\n", encoding="utf-8")
    bad = CliRunner().invoke(main, ["validate", str(broken)])
    assert bad.exit_code == 2 and bad.output.startswith(f"Error: {broken}:")


def write_archive(folder, n=3, bad=()):
    folder.mkdir()
    for i in range(n):
        text = ("---\npublished: 1966-02-30\n---\nx\n" if i in bad else
                f"---\npublished: 2026-01-19\n---\nDe Gaulle's withdrawal in 1966, story {i}.\n")
        (folder / f"story-{i}.txt").write_text(text, encoding="utf-8")
    return folder


def test_archive_with_a_bad_article_is_built_and_says_so(tmp_path):
    archive = write_archive(tmp_path / "archive", bad=(1,))
    args = ["build", "--events", str(SHIPPED_EVENTS), "--articles", str(archive),
            "--cache-dir", str(tmp_path / "cache"), "--jobs", "2"]
    result = CliRunner().invoke(main, args + ["--out", str(tmp_path / "site")])
    assert result.exit_code == 3, result.output
    assert f"Skipped: {archive / 'story-1.txt'}:2:12: published:" in result.output
    assert "2 article(s) (0 from cache)" in result.output
    assert (tmp_path / "site" / "index.html").is_file()
    strict = CliRunner().invoke(main, args + ["--strict", "--out", str(tmp_path / "s2")])
    assert strict.exit_code == 2 and not (tmp_path / "s2").exists()


def test_rebuilds_do_only_the_work_their_changes_need(tmp_path):
    archive = write_archive(tmp_path / "archive")
    site = tmp_path / "site"
    args = ["build", "--events", str(SHIPPED_EVENTS), "--articles", str(archive),
            "--cache-dir", str(tmp_path / "cache"), "--out", str(site)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "3 article(s) (0 from cache)" in first.output
    built = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    # Nothing changed: nothing to do, and the site is left as it was.
    same = CliRunner().invoke(main, args)
    assert same.exit_code == 0 and same.output.startswith("Up to date: the "), same.output
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == built
    # --force builds anyway, every extraction from the cache, to the same bytes.
    forced = CliRunner().invoke(main, args + ["--force"])
    assert "3 article(s) (3 from cache)" in forced.output
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == built
    # One article edited: only that one is extracted again.
    with (archive / "story-0.txt").open("a", encoding="utf-8") as fh:
        fh.write("A new paragraph written on 3 March 2026.\n")
    edited = CliRunner().invoke(main, args)
    assert "3 article(s) (2 from cache)" in edited.output, edited.output


def test_a_damaged_or_differently_built_site_is_not_up_to_date(tmp_path):
    archive = write_archive(tmp_path / "archive")
    site = tmp_path / "site"
    args = ["build", "--events", str(SHIPPED_EVENTS), "--articles", str(archive),
            "--cache-dir", str(tmp_path / "cache"), "--out", str(site)]
    assert CliRunner().invoke(main, args).exit_code == 0
    (site / "index.html").write_text("defaced")
    assert "from cache" in CliRunner().invoke(main, args).output
    assert "defaced" not in (site / "index.html").read_text()
    (site / "stray.html").write_text("added by hand")
    assert "from cache" in CliRunner().invoke(main, args).output
    assert not (site / "stray.html").exists()
    # Another option is another build.
    assert "from cache" in CliRunner().invoke(main, args + ["--lang", "fr"]).output


# --------------------------------------------------------------------------- bad input, end to end
# The real command in a fresh process, as a person runs it: one line on stderr
# naming the file (and the line or byte), status 2, no traceback, and the
# previous build in --out exactly as it was.

TIMELINE = Path(sys.executable).with_name("timeline")


def run_timeline(*args: str) -> subprocess.CompletedProcess[str]:
    command = [str(TIMELINE)] if TIMELINE.is_file() else [sys.executable, "-m", "timeline"]
    return subprocess.run(command + list(args), capture_output=True, text=True, timeout=120)


def digest_tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def previous_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from timeline.build import BuildOptions, build_site
    from timeline.site import write_site

    out = tmp_path_factory.mktemp("previous") / "site"
    result = build_site(BuildOptions(events_path=SHIPPED_EVENTS,
                                     article_paths=[SHIPPED_ARTICLE]))
    return write_site(result.files, out)


def _bad_input(tmp_path: Path, case: str) -> tuple[str, Path, str]:
    """Return (which option is bad, its path, the one line timeline must print)."""
    path = tmp_path / "input.txt"
    if case == "article is a folder":
        path = tmp_path / "folder.txt"
        path.mkdir()
        return "--article", path, f"Error: {path}: is a folder, expected a file"
    if case == "events is a folder":
        path = tmp_path / "events.yaml"
        path.mkdir()
        return "--events", path, f"Error: {path}: is a folder, not an events file"
    if case == "missing article":
        return "--article", path, f"Error: {path}: file not found"
    if case == "empty article":
        path.write_bytes(b"")
        return "--article", path, f"Error: {path}:1: the article has no text after its front " \
                                  "matter"
    if case == "bad front-matter date":
        path.write_text("---\ntitle: x\npublished: 2026-13-40\n---\nIn 1966.\n",
                        encoding="utf-8")
        return "--article", path, f"Error: {path}:3:12: published: '2026-13-40': month 13 " \
                                  "does not exist"
    if case == "cp1252 article":
        path.write_bytes("De Gaulle quitte le commandement intégré en 1966.".encode("cp1252"))
        return "--article", path, f"Error: {path}: not UTF-8: byte 0xe9 at offset 36"
    if case == "binary article":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        return "--article", path, f"Error: {path}: looks binary (NUL byte at offset 8)"
    if case == "50 MB article":
        with path.open("wb") as fh:
            fh.truncate(50 * 1024 * 1024)
        return "--article", path, f"Error: {path}: file is 52,428,800 bytes; the limit is " \
                                  "16,777,216"
    if case == "cp1252 events":
        path = tmp_path / "events.yaml"
        path.write_bytes(SHIPPED_EVENTS.read_bytes() + "# mis-saved: é\n".encode("cp1252"))
        line = SHIPPED_EVENTS.read_bytes().count(b"\n") + 1
        return "--events", path, f"Error: {path}:{line}:14: is not UTF-8 text"
    raise AssertionError(case)


@pytest.mark.parametrize("case", [
    "article is a folder", "events is a folder", "missing article", "empty article",
    "bad front-matter date", "cp1252 article", "binary article", "50 MB article",
    "cp1252 events",
])
def test_bad_input_is_one_line_status_2_and_the_previous_build_stays(tmp_path, previous_build,
                                                                     case):
    option, path, expected = _bad_input(tmp_path, case)
    args = {"--events": str(SHIPPED_EVENTS), "--article": str(SHIPPED_ARTICLE)}
    args[option] = str(path)
    before = digest_tree(previous_build)
    done = run_timeline("build", "--no-cache", "--out", str(previous_build),
                        *(x for pair in args.items() for x in pair))
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [expected]
    assert "Traceback" not in done.stdout + done.stderr
    assert digest_tree(previous_build) == before


def test_an_oversized_article_is_refused_without_being_read(tmp_path):
    # The up-to-date check hashed every input whole before any was checked, so
    # a 50 MB article cost 100 MB of memory and /dev/zero never finished.
    import tracemalloc

    from timeline.article import load_article
    from timeline.build import BuildOptions, inputs_key
    from timeline.errors import InputError

    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    # Import and warm everything first: only the reading is measured.
    assert inputs_key(BuildOptions(events_path=SHIPPED_EVENTS, article_paths=[SHIPPED_ARTICLE],
                                   plotlyjs="cdn"))
    tracemalloc.start()
    try:
        key = inputs_key(BuildOptions(events_path=SHIPPED_EVENTS, article_paths=[big],
                                      plotlyjs="cdn"))
        with pytest.raises(InputError, match="the limit is"):
            load_article(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert key is None
    assert peak < 4 * 1024 * 1024, peak


def test_the_progress_bar_shows_on_a_terminal_only(monkeypatch):
    from timeline.cli import _progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    with _progress(100) as stages:
        assert stages is None  # piped or logged: no bar
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    with _progress(5) as stages:
        assert stages is None  # too small a build to be worth one
    bar = _progress(100)
    with bar as stages:
        stages("Extracting dates", 100)(60)
        stages("Rendering article pages", 100)(100)
        tasks = {t.description: t.completed for t in bar.bar.tasks}
    assert tasks == {"Extracting dates": 60, "Rendering article pages": 100}
