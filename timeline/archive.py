"""Which files of a folder are articles: one rule, and every file left out said out loud.

An archive takes every regular file under the folder whose name ends in
``.txt`` or ``.md``, searching its subfolders, with three exceptions:

- hidden files and folders (a name starting with a dot: ``.drafts/``,
  ``.embargoed.txt``) are left out, and a hidden folder is not searched;
- symbolic links are never followed, to files or to folders, inside the
  archive or leaving it: a file a link points to is taken under its own name
  when it is in the archive, and not at all when it is elsewhere;
- special files (named pipes, devices, sockets) are left out: they are not
  documents, and reading one could wait for ever.

Each file or folder left out by these rules is reported with its reason
(files with other endings are not articles and are passed over in silence).
A folder that cannot be listed is a problem like an unreadable article:
reported, its articles missing, and the build's exit status 3 (fatal with
``--strict``). The folder given on the command line may itself be a link.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import InputError, Problem

ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass
class ArchiveListing:
    """The article files of a folder, what was left out and why, and what went wrong."""

    paths: list[Path] = field(default_factory=list)
    left_out: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _is_article_name(name: str) -> bool:
    return name.endswith(ARTICLE_SUFFIXES)


def _special_kind(entry: os.DirEntry[str]) -> str:
    import stat

    try:
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError:
        return "not a regular file"
    if stat.S_ISFIFO(mode):
        return "a named pipe, not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file"
    return "not a regular file"


def _link_reason(entry: os.DirEntry[str]) -> str | None:
    """Why a symbolic link is left out, or None when it is no candidate at all."""
    try:
        target_is_dir = entry.is_dir(follow_symlinks=True)
    except OSError:
        target_is_dir = False
    if target_is_dir:
        return "a symbolic link to a folder; links are not followed"
    if _is_article_name(entry.name):
        if not os.path.exists(entry.path):
            return "a broken symbolic link"
        return "a symbolic link; links are not followed (the file it points to is taken " \
               "under its own name when it is in the archive)"
    return None


def list_articles(folder: Path) -> ArchiveListing:
    """Return the article files under ``folder`` in a stable order, and everything left out."""
    if not folder.is_dir():
        raise InputError("not a folder of articles", folder)
    listing = ArchiveListing()
    pending = [Path(folder)]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            listing.problems.append(Problem(f"folder cannot be read ({exc.strerror or exc}); "
                                            "its articles are left out", str(current)))
            continue
        subfolders = []
        for entry in entries:
            path = current / entry.name
            if entry.is_symlink():
                reason = _link_reason(entry)
            elif entry.is_dir(follow_symlinks=False):
                if entry.name.startswith("."):
                    reason = "a hidden folder (its name starts with a dot); not searched"
                else:
                    subfolders.append(path)
                    continue
            elif not _is_article_name(entry.name):
                reason = None
            elif entry.name.startswith("."):
                reason = "a hidden file (its name starts with a dot)"
            elif not entry.is_file(follow_symlinks=False):
                reason = _special_kind(entry)
            else:
                listing.paths.append(path)
                continue
            if reason:
                listing.left_out.append(Problem(reason, str(path)))
        pending.extend(reversed(subfolders))
    listing.paths.sort()
    listing.left_out.sort(key=lambda p: p.path or "")
    return listing


def find_articles(folder: Path) -> list[Path]:
    """Return the article files under ``folder``, in a stable order (see list_articles)."""
    return list_articles(folder).paths
