"""`timeline new DIR`: a project that validates and builds at once, and nothing overwritten."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from timeline.cli import main
from timeline.events import load_events


def test_new_then_build(tmp_path):
    project = tmp_path / "history"
    result = CliRunner().invoke(main, ["new", str(project)])
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*")
                  if p.is_file()) == [".gitignore", "README.md", "articles/example.txt",
                                      "events.schema.json", "events.yaml"]
    catalog = load_events(project / "events.yaml")
    assert catalog.site is not None
    assert catalog.site.title["en"] == "The early space age: a timeline"
    assert len(catalog.categories) == 2
    assert len(catalog.events) == 3
    # Marked as examples, and each with a source a reader can open.
    assert all(e.id.startswith("example-") and e.note and "Example" in e.note and e.sources
               for e in catalog.events)
    # Dates written in words and in ISO, at their precision.
    assert [e.date.value for e in catalog.events] == ["1957-10-04", "1961-04-12", "1969-07-20"]
    assert "timeline build" in (project / "README.md").read_text(encoding="utf-8")

    # The README's first command, from the project folder, in a fresh process.
    built = subprocess.run([sys.executable, "-m", "timeline", "build"], cwd=project,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    page = (project / "build" / "index.html").read_text(encoding="utf-8")
    assert "<h1>The early space age: a timeline</h1>" in page
    assert 'id="example-moon-landing"' in page
    assert "__timeline__" not in page  # no live-reload script outside `timeline serve`
    assert "Apollo 11 se pose sur la Lune" in \
        (project / "build" / "fr" / "index.html").read_text(encoding="utf-8")


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "timeline", "new", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == (f"Error: {tmp_path}: is not empty; `timeline new` starts a "
                             "project only in a new or empty folder\n")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_new_refuses_a_file_and_accepts_an_empty_folder(tmp_path):
    file = tmp_path / "taken"
    file.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["new", str(file)])
    assert result.exit_code == 2
    assert result.output == f"Error: {file}: exists and is not a folder; choose a new name\n"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert CliRunner().invoke(main, ["new", str(empty)]).exit_code == 0
    assert (empty / "events.yaml").is_file()


def test_starter_schema_is_the_projects(tmp_path):
    CliRunner().invoke(main, ["new", str(tmp_path / "p")])
    root = Path(__file__).resolve().parent.parent
    assert (tmp_path / "p" / "events.schema.json").read_bytes() == \
        (root / "events.schema.json").read_bytes()
