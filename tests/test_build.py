"""The whole build: golden output and byte-for-byte reproducibility."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.build import BuildOptions, build_site
from timeline.errors import InputError
from timeline.plotlyjs import load_bundle
from timeline.render import packaged_templates, site_asset, style_element_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
EVENTS = FIXTURES / "mini-events.yaml"
ARTICLE = FIXTURES / "golden-article.txt"


def build_fixture(**kwargs):
    return build_site(BuildOptions(events_path=EVENTS, article_paths=[ARTICLE], cwd=ROOT,
                                   **kwargs))


# The golden pages are one language's (the other is the same templates with
# other words, checked in test_render); the stylesheet the index and embed
# carry inline is stored as this line, and the assets are checked against the
# package's own files, so a style edit changes no golden file.
GOLDEN_PAGES = ("en/index.html", "en/embed.html", "en/present.html")
INLINE_CSS_STANDIN = "<style>/* assets/timeline.css, inline */</style>"


def golden_view(files: dict[str, bytes]) -> dict[str, bytes]:
    """Return the files the golden folder holds, the inline stylesheet stood in for."""
    css = str(style_element_text(site_asset([packaged_templates()], "timeline.css")))
    kept = {}
    for name in (*GOLDEN_PAGES, *(n for n in files if n.startswith("data/"))):
        data = files[name]
        if name.endswith(".html"):
            text = data.decode("utf-8")
            if "<style>:root" in text:
                assert f"<style>{css}</style>" in text, f"{name}: inline CSS is not the asset's"
                text = text.replace(f"<style>{css}</style>", INLINE_CSS_STANDIN)
            data = text.encode("utf-8")
        kept[name] = data
    return kept


def test_golden_build():
    """Compare the English pages and the data with tests/golden (UPDATE_GOLDEN=1 rewrites it)."""
    files = build_fixture().files
    assert files.pop("assets/plotly.min.js") == load_bundle("auto").data
    for name in [n for n in files if n.startswith("assets/")]:
        assert files.pop(name) == site_asset([packaged_templates()], name.split("/", 1)[1])
    # The root pages are the default language's, one folder up.
    for name in GOLDEN_PAGES:
        root = name.split("/", 1)[1]
        # (addresses start "../" there, in attributes and in the embed code's text)
        one_up = files[name].replace(b'"../', b'"').replace(b"&#34;../", b"&#34;")
        assert files[root] == one_up, root
    kept = golden_view(files)
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for name, data in kept.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(data)
    stored = {p.relative_to(GOLDEN).as_posix(): p.read_bytes()
              for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(kept) == sorted(stored)
    for name in kept:
        assert kept[name] == stored[name], f"{name} differs from tests/golden/{name}"


def test_golden_content_is_meaningful():
    files = build_fixture().files
    page = files["en/index.html"].decode()
    # The article's "1966" is linked to the 1966 withdrawal, "this week" to the
    # resolution, and the date nobody curated is kept as an article-only item.
    assert 'href="#letter-to-johnson"><mark data-value="1966">1966</mark>' in page
    assert 'href="#resolution-filed"><mark data-value="2026-W04">this week</mark>' in page
    assert 'id="date-1980"' in page
    assert 'lang="fr"' in files["fr/index.html"].decode()
    assert "7 mars 1966" in files["fr/index.html"].decode()


def digest_build(env_overrides: dict[str, str], out: Path) -> dict[str, str]:
    env = {**os.environ, **env_overrides}
    subprocess.run([sys.executable, "-m", "timeline", "build", "--events", str(EVENTS),
                    "--article", str(ARTICLE), "--out", str(out)], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def test_builds_are_identical_across_time_zones_and_locales(tmp_path):
    a = digest_build({"TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}, tmp_path / "a")
    b = digest_build({"TZ": "Pacific/Kiritimati", "LC_ALL": "fr_FR.UTF-8",
                      "LANG": "fr_FR.UTF-8", "PYTHONHASHSEED": "12345"}, tmp_path / "b")
    assert a == b


def test_bad_inputs_are_all_reported_together(tmp_path):
    bad_article = tmp_path / "bad.txt"
    bad_article.write_text("---\nlanguage: de\n---\nText\n", encoding="utf-8")
    bad_events = tmp_path / "events.yaml"
    bad_events.write_text("events: [\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        build_site(BuildOptions(events_path=bad_events, article_paths=[bad_article]))
    messages = [str(p) for p in info.value.problems]
    assert messages[0].startswith(f"{bad_events}:")
    assert messages[1] == f"{bad_article}:2:11: language: 'de' is not one of en, fr"


def test_two_articles_with_one_id_are_refused(tmp_path):
    one = tmp_path / "a" / "story.txt"
    two = tmp_path / "b" / "story.txt"
    for p in (one, two):
        p.parent.mkdir()
        p.write_text("Text from 1966.\n", encoding="utf-8")
    with pytest.raises(InputError, match="article id 'story' is also the id of"):
        build_site(BuildOptions(events_path=EVENTS, article_paths=[one, two]))


def test_inputs_key_changes_with_every_input(tmp_path, monkeypatch):
    """Anything a build's output depends on is in the key that lets a rebuild be skipped."""
    from timeline.build import inputs_key

    events = tmp_path / "events.yaml"
    events.write_bytes(EVENTS.read_bytes())
    article = tmp_path / "a.txt"
    article.write_bytes(ARTICLE.read_bytes())

    def key(**kwargs):
        return inputs_key(BuildOptions(events_path=events, article_paths=[article],
                                       cwd=tmp_path, **kwargs))

    base = key()
    assert base == key() and len(base) == 64
    assert key(default_lang="fr") != base
    assert key(plotlyjs="cdn") != base
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert key() != base
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    article.write_bytes(article.read_bytes() + b"\n")
    assert key() != base
    base = key()
    events.write_bytes(events.read_bytes() + b"\n")
    assert key() != base
    base = key()
    # A templates/ folder in the working directory overrides the shipped ones.
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "_item.html").write_text("{{ item.title }}")
    assert key() != base
    article.unlink()
    assert key() is None
