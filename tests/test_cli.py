import json
import subprocess
import sys

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


def heavy_imports(*args: str) -> set[str]:
    """Run the CLI in a fresh interpreter and return the heavy libraries it imported."""
    code = ("import sys\nfrom timeline.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pandas', 'plotly', 'dateparser', 'jinja2')"
            " if m in sys.modules))")
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
    assert 'src="https://cdn.plot.ly/plotly-' in (out / "index.html").read_text()


def test_bad_article_gives_one_line_and_status_2_and_no_output(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("---\npublished: 1966-02-30\n---\nText\n", encoding="utf-8")
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--events", str(SHIPPED_EVENTS), "--article",
                                       str(bad), "--out", str(out)])
    assert result.exit_code == 2
    assert result.output == (f"Error: {bad}:2:12: published: '1966-02-30': February 1966 "
                             "has no day 30\n")
    assert not out.exists()


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
