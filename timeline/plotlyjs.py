"""Choose the plotly.js bundle a build copies into ``assets/plotly.min.js``.

The site draws only scatter traces (markers, lines), shapes and annotations on
a date axis, which plotly.js's *basic* partial bundle covers: 1.2 MB instead
of the 4.8 MB full bundle inside the plotly Python package, so phones and old
machines download, parse and compile a quarter of the script.

The basic bundle comes from the npm registry (package ``plotly.js-basic-dist-min``,
pinned below to the plotly.js version of the installed plotly package) and is
fetched by one documented command, never at build time::

    timeline fetch-plotly        # npm pack -> ${XDG_CACHE_HOME:-~/.cache}/timeline/plotly/

It is kept in a cache outside the repository (never committed) and used only
when its SHA-256 matches the one pinned here; anything else -- no cache, a
truncated or tampered file -- falls back to the full bundle from the plotly
package, with a warning. Nothing here imports plotly (the package is found with
importlib.util.find_spec) or touches the network, except ``fetch_basic``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import NamedTuple

# Pinned: the basic partial bundle of the same plotly.js as plotly 6.x/7.x ships
# (check with `head -2 <site-packages>/plotly/package_data/plotly.min.js`).
BASIC_PACKAGE = "plotly.js-basic-dist-min"
BASIC_VERSION = "4.1.1"
BASIC_MEMBER = "package/plotly-basic.min.js"
BASIC_FILENAME = f"plotly-basic-{BASIC_VERSION}.min.js"
# sha256 of package/plotly-basic.min.js inside the registry tarball.
BASIC_SHA256 = "99784e3abfb07b142a15e521a439e6d9addceadb3f79553fd24c72774f0649ba"
# The registry's own integrity string for the tarball (npm checks it on `npm pack`).
BASIC_TARBALL_INTEGRITY = ("sha512-1oNF8PeQx2hv/y7tqEVWKD3JGwn/MGEMQ8mL9HUwsaqG9FGy/OU5FHUHvzqbqxN4"
                           "mnwZGI9abTiE775C4kkjMQ==")
KINDS = ("auto", "basic", "full")
# Subresource Integrity of https://cdn.plot.ly/plotly-<version>.min.js, for
# --plotlyjs cdn: the browser runs the script only if its SHA-384 is this one.
# The CDN serves the same file as the plotly package's package_data/plotly.min.js
# and the npm package plotly.js-dist-min (checked for 4.1.1: same SHA-256,
# 3b6e15d4...). A version not pinned here gets the digest of the installed
# package's copy.
CDN_SRI = {
    "4.1.1": "sha384-AFNp2MtSm5/oZbEs/J19F/Ah57MEiVsoed8nE3fq2Wnccdl1u/EkyJ9XKKU8rt7+",
}


class Bundle(NamedTuple):
    """The bytes of a plotly.js bundle and a one-line description of which it is.

    The description starts with ``warning:`` when a cached basic bundle was
    there but could not be used.
    """

    data: bytes
    description: str

    @property
    def is_basic(self) -> bool:
        return b"(basic" in self.data[:200]

    @property
    def warning(self) -> str | None:
        return self.description if self.description.startswith("warning:") else None


def default_cache_dir() -> Path:
    """Return where the basic bundle is cached: $TIMELINE_PLOTLY_CACHE or the XDG cache."""
    if os.environ.get("TIMELINE_PLOTLY_CACHE"):
        return Path(os.environ["TIMELINE_PLOTLY_CACHE"])
    from timeline.cache import user_cache_dir

    return user_cache_dir("plotly")


def basic_path(cache_dir: Path | None = None) -> Path:
    """Return the path of the cached basic bundle (it may not exist)."""
    return (cache_dir or default_cache_dir()) / BASIC_FILENAME


def full_bundle_path() -> Path:
    """Return the full plotly.js bundle inside the installed plotly package, unimported."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("the plotly package is not installed")
    return Path(spec.origin).parent / "package_data" / "plotly.min.js"


def sri(data: bytes) -> str:
    """Return the Subresource Integrity string (SHA-384) of a script."""
    import base64

    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def cdn_integrity(version: str) -> str:
    """Return the integrity of the CDN's plotly.js ``version``: pinned, else the package's copy."""
    if version in CDN_SRI:
        return CDN_SRI[version]
    return sri(full_bundle_path().read_bytes())


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_basic(cache_dir: Path | None = None) -> tuple[bytes | None, str]:
    """Return (bytes, why) of the cached basic bundle; bytes is None unless it is intact."""
    path = basic_path(cache_dir)
    if not path.is_file():
        return None, f"no basic bundle at {path} (run `timeline fetch-plotly`)"
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, (f"{path} cannot be read ({exc.strerror or exc}); not used (delete it "
                      "and run `timeline fetch-plotly`)")
    digest = sha256(data)
    if digest != BASIC_SHA256:
        return None, (f"{path} has SHA-256 {digest[:16]}…, not the pinned {BASIC_SHA256[:16]}…; "
                      "not used (delete it and run `timeline fetch-plotly`)")
    return data, f"plotly.js {BASIC_VERSION} basic bundle from {path} (SHA-256 checked)"


def load_bundle(kind: str = "auto", cache_dir: Path | None = None) -> Bundle:
    """Return the plotly.js bundle for a build.

    ``auto``: the cached basic bundle if it is there and its hash matches, else
    the full bundle from the plotly package (with a warning in the description
    when a basic bundle was there but failed its check). ``full``: always the
    package's. ``basic``: the basic bundle or FileNotFoundError.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown plotly.js bundle kind {kind!r}; expected one of {KINDS}")
    if kind != "full":
        data, why = read_basic(cache_dir)
        if data is not None:
            return Bundle(data, why)
        if kind == "basic":
            raise FileNotFoundError(why)
        full = full_bundle_path()
        # A missing cache is the normal case, not worth a warning; a bad file is.
        note = (f"warning: {why}; using the full bundle {full}"
                if basic_path(cache_dir).exists() else f"full bundle {full} ({why})")
        return Bundle(full.read_bytes(), note)
    full = full_bundle_path()
    return Bundle(full.read_bytes(), f"full bundle {full}")


def bundle_version(data: bytes) -> str | None:
    """Read the plotly.js version from a bundle's header comment."""
    import re

    found = re.search(rb"plotly\.js (?:\([^)]*\) )?v(\d+\.\d+\.\d+)", data[:400])
    return found.group(1).decode() if found else None


def fetch_basic(cache_dir: Path | None = None, npm: str = "npm") -> Path:
    """Fetch the pinned basic bundle from the npm registry into the cache; check its hash.

    Runs ``npm pack plotly.js-basic-dist-min@<version>`` in a temporary folder
    (npm verifies the tarball against the registry's integrity), takes the one
    file out of the tarball without extracting anything else, and writes it
    to the cache only if its SHA-256 is the pinned one.
    """
    target = basic_path(cache_dir)
    if read_basic(cache_dir)[0] is not None:
        return target
    if shutil.which(npm) is None:
        raise RuntimeError(f"{npm} is not on PATH; install Node.js/npm to fetch the basic bundle")
    with tempfile.TemporaryDirectory(prefix="timeline-plotly-") as tmp:
        proc = subprocess.run(
            [npm, "pack", f"{BASIC_PACKAGE}@{BASIC_VERSION}", "--pack-destination", tmp,
             "--silent", "--no-audit", "--no-fund"],
            cwd=tmp, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            raise RuntimeError(f"npm pack failed: {proc.stderr.strip() or proc.stdout.strip()}")
        tarballs = list(Path(tmp).glob("*.tgz"))
        if len(tarballs) != 1:
            raise RuntimeError(f"npm pack left {len(tarballs)} tarballs in {tmp}")
        with tarfile.open(tarballs[0], "r:gz") as tar:
            member = tar.getmember(BASIC_MEMBER)
            handle = tar.extractfile(member)
            if handle is None:
                raise RuntimeError(f"{BASIC_MEMBER} is not a regular file in the tarball")
            data = handle.read()
    digest = sha256(data)
    if digest != BASIC_SHA256:
        raise RuntimeError(f"{BASIC_PACKAGE}@{BASIC_VERSION}: SHA-256 {digest} is not the pinned "
                           f"{BASIC_SHA256}; refusing to cache it")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    partial.replace(target)
    return target
