"""The versions of installed libraries, without importing them or importlib.metadata.

Build keys name the versions of the libraries that shape the output. Asking
``importlib.metadata`` costs 30–50 ms of imports on every build (email,
zipfile, csv...), and importing dateparser itself costs more when every
article is cached. An installed wheel's version is already in the name of its
``<name>-<version>.dist-info`` folder, so that is read first; anything
unusual falls back to importlib.metadata.
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache


def _normalise(name: str) -> str:
    # The spelling rules of PEP 503 / the wheel spec: case and -_. runs are equal.
    return re.sub(r"[-_.]+", "_", name).lower()


@cache
def installed_version(distribution: str) -> str:
    """Return the installed version of ``distribution``, or "?" when it is absent."""
    wanted = _normalise(distribution)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if not name.endswith(".dist-info"):
                continue
            dist, sep, version = name[: -len(".dist-info")].rpartition("-")
            if sep and _normalise(dist) == wanted:
                return version
    return _from_metadata(distribution)


def _from_metadata(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "?"
