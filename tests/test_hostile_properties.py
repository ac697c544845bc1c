"""Property: whatever an archive and the cache hold, a build ends in one of three honest ways.

Hypothesis makes archives of random names (non-Latin, hidden, very long,
with newlines), contents (valid, empty, binary, cp1252, UTF-16, bad front
matter, oversized), file kinds (links inside and leaving the folder, broken
links, folders behind links, named pipes, mode 000) and cache states (fresh,
emptied, garbage, an entry swapped for another, a link to /dev/zero, a
pipe). Every build must exit 0, 2 or 3, print no traceback, leave no
staging or retired folder behind, and leave either a complete site (every
file the marker lists, with its digest) or the previous site untouched.
Kept small (tiny inputs, few examples, no browser) so that it runs in
seconds; the command runs in-process, as CliRunner does.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from timeline.cli import main
from timeline.site import MARKER

MINI_EVENTS = ROOT / "tests" / "fixtures" / "mini-events.yaml"
VALID = "---\npublished: 2026-01-19\n---\nDe Gaulle wrote to Johnson on 7 March 1966.\n"

NAMES = st.sampled_from([
    "story", "Москва", "東京", ".hidden", "with space", "new\nError: forged", "x" * 245,
    "café", "a\u202eb", "-dash", "sub/inner", ".drafts/embargoed", "deep/er/still",
])
SUFFIXES = st.sampled_from([".txt", ".md", ".json", ""])
CONTENTS = st.sampled_from([
    ("valid", VALID.encode()),
    ("bom", b"\xef\xbb\xbf" + VALID.encode()),
    ("crlf", VALID.replace("\n", "\r\n").encode()),
    ("cr only", VALID.replace("\n", "\r").encode()),
    ("empty", b""),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ("cp1252", "---\ntitle: Été\n---\nEn 1966, l'été.\n".encode("cp1252")),
    ("utf-16", VALID.encode("utf-16")),
    ("bad front matter", b"---\npublished: 2026-02-30\n---\nIn 1966.\n"),
    ("control characters", b"---\ntitle: \"a\\ab\"\n---\nIn\x07 1966\x0b.\n"),
    ("oversized", None),
])
KINDS = st.sampled_from(["file", "file", "file", "link inside", "link outside", "broken link",
                         "folder link", "pipe", "mode 000"])
ENTRIES = st.lists(st.tuples(NAMES, SUFFIXES, CONTENTS, KINDS), min_size=1, max_size=4)
CACHE = st.sampled_from(["none", "fresh", "emptied", "garbage", "swapped", "dev zero", "pipe"])


def make_archive(root: Path, entries) -> Path:
    archive = root / "archive"
    archive.mkdir()
    (root / "outside").mkdir(exist_ok=True)
    (root / "outside" / "secret.txt").write_text(VALID, encoding="utf-8")
    for i, (name, suffix, (_, data), kind) in enumerate(entries):
        path = archive / f"{name}-{i}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "link inside":
            (archive / f"target-{i}.txt").write_text(VALID, encoding="utf-8")
            path.symlink_to(archive / f"target-{i}.txt")
        elif kind == "link outside":
            path.symlink_to(root / "outside" / "secret.txt")
        elif kind == "broken link":
            path.symlink_to(root / "nowhere.txt")
        elif kind == "folder link":
            path.symlink_to(root / "outside")
        elif kind == "pipe":
            os.mkfifo(path)
        elif data is None:
            with path.open("wb") as fh:
                fh.truncate(17 * 1024 * 1024)  # sparse: over the limit, nothing written
        else:
            path.write_bytes(data)
            if kind == "mode 000":
                path.chmod(0)
    return archive


def damage_cache(cache: Path, state: str) -> None:
    entries = sorted(cache.rglob("*.json")) if cache.is_dir() else []
    if state == "emptied":
        for entry in entries:
            entry.write_text("[]")
    elif state == "garbage":
        for entry in entries:
            entry.write_bytes(b"\x00{not json")
    elif state == "swapped" and len(entries) >= 2:
        first, second = entries[0].read_bytes(), entries[1].read_bytes()
        entries[0].write_bytes(second)
        entries[1].write_bytes(first)
    elif state in ("dev zero", "pipe"):
        for entry in entries:
            entry.unlink()
            if state == "dev zero":
                entry.symlink_to("/dev/zero")
            else:
                os.mkfifo(entry)


def digest_tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_complete(site: Path) -> None:
    """Every file the marker lists is there with its digest, and the pages are."""
    lines = (site / MARKER).read_bytes().splitlines()
    listed = {}
    for line in lines[2:]:
        digest, _, name = line.decode().partition("  ")
        listed[name] = digest
    tree = digest_tree(site)
    tree.pop(MARKER)
    if listed:  # a complete build records what it wrote
        assert tree == listed
    for page in ("index.html", "embed.html", "present.html", "data/events.json"):
        assert page in tree, page


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(ENTRIES, CACHE, st.booleans())
def test_any_archive_and_cache_give_a_complete_site_or_leave_the_last_one(entries, cache_state,
                                                                          previous):
    root = Path(tempfile.mkdtemp(prefix="timeline-prop-"))
    try:
        archive = make_archive(root, entries)
        site, cache = root / "site", root / "cache"
        if previous or cache_state != "none":
            # A previous site and a cache, from a good archive.
            good = root / "good"
            good.mkdir()
            (good / "one.txt").write_text(VALID, encoding="utf-8")
            (good / "two.txt").write_text(VALID.replace("7 March", "1 July"), encoding="utf-8")
            first = CliRunner().invoke(main, [
                "build", "--events", str(MINI_EVENTS), "--articles", str(good), "--articles",
                str(archive) if cache_state != "none" and not previous else str(good),
                "--out", str(site), "--plotlyjs", "cdn", "--jobs", "1", "--cache-dir",
                str(cache)])
            assert first.exit_code in (0, 2, 3), first.output
            if not previous:
                shutil.rmtree(site, ignore_errors=True)
        damage_cache(cache, cache_state)
        before = digest_tree(site) if site.exists() else None
        result = CliRunner().invoke(main, [
            "build", "--events", str(MINI_EVENTS), "--articles", str(archive), "--out",
            str(site), "--plotlyjs", "cdn", "--jobs", "1", "--force",
            *(["--no-cache"] if cache_state == "none" else ["--cache-dir", str(cache)])])
        assert result.exit_code in (0, 2, 3), (result.output, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit), \
            repr(result.exception)
        assert "Traceback" not in result.output
        assert not [p.name for p in root.iterdir() if ".new-" in p.name or ".old-" in p.name]
        if result.exit_code == 2:
            assert (digest_tree(site) if site.exists() else None) == before
            assert all(line.startswith(("Error: ", "Left out: ")) for line in
                       result.output.splitlines()), result.output
        else:
            assert_complete(site)
    finally:
        for path in root.rglob("*"):
            if not path.is_symlink():
                path.chmod(0o700)
        shutil.rmtree(root, ignore_errors=True)
