"""`timeline new DIR`: a project that builds at once, to edit into one's own.

The files are in timeline/starter_files (an events file with its site block,
two categories and three sourced example events, an example article, a
README with the next steps), plus the events file's JSON Schema, so that an
editor checks the file as it is typed.
"""

from __future__ import annotations

from pathlib import Path

from timeline.errors import InputError

STARTER_DIR = Path(__file__).resolve().parent / "starter_files"
STARTER_FILES = ("events.yaml", "articles/example.txt", "README.md")
GITIGNORE = "build/\n"


def schema_path() -> Path:
    """Return events.schema.json: inside the package (wheel) or beside it (checkout)."""
    inside = Path(__file__).resolve().parent / "events.schema.json"
    return inside if inside.is_file() else inside.parent.parent / "events.schema.json"


def write_starter(directory: Path) -> list[Path]:
    """Write a new project into ``directory`` (absent or empty); return the files written."""
    try:
        if directory.exists() and not directory.is_dir():
            raise InputError(f"{directory}: exists and is not a folder; choose a new name")
        if directory.is_dir() and any(directory.iterdir()):
            raise InputError(f"{directory}: is not empty; `timeline new` starts a project "
                             "only in a new or empty folder")
        files = {name: (STARTER_DIR / name).read_bytes() for name in STARTER_FILES}
        files["events.schema.json"] = schema_path().read_bytes()
        files[".gitignore"] = GITIGNORE.encode("utf-8")
        written = []
        for name in sorted(files):
            path = directory / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files[name])
            written.append(path)
    except OSError as exc:
        raise InputError(f"{directory}: cannot be written ({exc.strerror or exc})") from None
    return written
