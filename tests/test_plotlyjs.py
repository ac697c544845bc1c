"""Choosing the plotly.js bundle: fast, offline, never the real cache."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from timeline import plotlyjs


def fake_basic(folder: Path, data: bytes) -> Path:
    path = plotlyjs.basic_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_full_bundle_is_the_plotly_package_file() -> None:
    bundle = plotlyjs.load_bundle("full")
    assert bundle.data == plotlyjs.full_bundle_path().read_bytes()
    assert not bundle.is_basic and bundle.warning is None
    assert plotlyjs.bundle_version(bundle.data) is not None


def test_auto_without_cache_falls_back_to_full_quietly(tmp_path: Path) -> None:
    bundle = plotlyjs.load_bundle("auto", tmp_path / "empty")
    assert bundle.data == plotlyjs.full_bundle_path().read_bytes()
    assert bundle.warning is None
    assert "fetch-plotly" in bundle.description


def test_hash_mismatch_is_never_used(tmp_path: Path) -> None:
    fake_basic(tmp_path, b"/** plotly.js (basic - minified) v4.1.1 */ window.evil = 1;")
    bundle = plotlyjs.load_bundle("auto", tmp_path)
    assert bundle.data == plotlyjs.full_bundle_path().read_bytes()
    assert not bundle.is_basic
    assert bundle.warning is not None and "SHA-256" in bundle.warning
    with pytest.raises(FileNotFoundError, match="SHA-256"):
        plotlyjs.load_bundle("basic", tmp_path)


def test_matching_hash_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"/**\n* plotly.js (basic - minified) v4.1.1\n*/ var Plotly = {};"
    fake_basic(tmp_path, data)
    monkeypatch.setattr(plotlyjs, "BASIC_SHA256", plotlyjs.sha256(data))
    bundle = plotlyjs.load_bundle("auto", tmp_path)
    assert bundle.data == data and bundle.is_basic and bundle.warning is None
    assert plotlyjs.bundle_version(data) == "4.1.1"
    # "full" ignores a good cache.
    assert not plotlyjs.load_bundle("full", tmp_path).is_basic


def test_unknown_kind() -> None:
    with pytest.raises(ValueError):
        plotlyjs.load_bundle("partial")


def test_pinned_version_matches_the_plotly_package() -> None:
    # Not fatal to a build (the figure uses only basic traces), but a bump of
    # the plotly package should come with a bump of the pin.
    full = plotlyjs.full_bundle_path().read_bytes()[:400]
    assert plotlyjs.bundle_version(full) == plotlyjs.BASIC_VERSION


def test_module_imports_neither_plotly_nor_the_network(tmp_path: Path) -> None:
    code = ("import sys, timeline.plotlyjs as p; p.load_bundle('auto', __import__('pathlib')"
            f".Path({str(tmp_path)!r})); "
            "print(sorted(m for m in ('plotly', 'pandas', 'urllib.request', 'http.client', "
            "'socket') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_fetch_refuses_a_wrong_hash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A fake npm that packs a tampered bundle: fetch_basic must not cache it.
    import io
    import tarfile

    def fake_run(cmd, cwd, **kwargs):  # type: ignore[no-untyped-def]
        payload = b"/** plotly.js (basic - minified) v4.1.1 */ tampered"
        with tarfile.open(Path(cwd) / "x.tgz", "w:gz") as tar:
            info = tarfile.TarInfo(plotlyjs.BASIC_MEMBER)
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(plotlyjs.shutil, "which", lambda name: "/bin/true")
    monkeypatch.setattr(plotlyjs.subprocess, "run", fake_run)
    with pytest.raises(RuntimeError, match="SHA-256"):
        plotlyjs.fetch_basic(tmp_path)
    assert not plotlyjs.basic_path(tmp_path).exists()
