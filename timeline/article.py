"""Load an article: YAML front matter, then the body the dates are found in."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from timeline import yamlsource as ys
from timeline.dates import LANGUAGES, DateSpan, parse_iso
from timeline.errors import InputError, Problem
from timeline.readfile import read_at_most

# Far above any news article or book chapter (War and Peace is ~3.2 MB), low
# enough that a stray log file or dump is refused before it is read.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024

_FENCE = re.compile(r"^---[ \t]*\r?\n", re.M)
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Article:
    """One article, as given: its metadata and its body text."""

    path: str
    id: str
    title: str
    body: str
    language: str = "en"
    byline: str | None = None
    published: DateSpan | None = None
    published_note: str | None = None
    source_url: str | None = None
    body_line: int = 1


def slugify(text: str) -> str:
    """Make a stable, URL-safe id from a file name or title."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _SLUG.sub("-", ascii_text.lower()).strip("-") or "article"


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, refusing folders, huge files and undecodable bytes."""
    where = str(path)
    try:
        if not path.exists():
            raise InputError("file not found", where)
        if path.is_dir():
            raise InputError("is a folder, expected a file", where)
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(f"file is {size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,}",
                             where)
        # The size above is 0 for /dev/zero, pipes and /proc files: never
        # read more than the limit, whatever the file claims.
        data = read_at_most(path, MAX_ARTICLE_BYTES)
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", where) from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(f"file is more than {MAX_ARTICLE_BYTES:,} bytes, the limit", where)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"looks binary (NUL byte at offset {nul})", where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Guessing cp1252 would silently garble the quotes the chart shows; say
        # exactly where the file stops being UTF-8 so it can be re-saved.
        raise InputError(f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}",
                         where) from None
    return text.removeprefix("\ufeff")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter or None, body, 1-based line where the body starts)."""
    if not _FENCE.match(text):
        return None, text, 1
    first = _FENCE.match(text)
    assert first is not None
    closing = _FENCE.search(text, first.end())
    if closing is None:
        # A closing fence on the very last line, with no newline after it.
        tail = re.search(r"^---[ \t]*\Z", text[first.end():], re.M)
        if tail is None:
            return None, text, 1
        head = text[first.end(): first.end() + tail.start()]
        return head, "", head.count("\n") + 3
    head = text[first.end(): closing.start()]
    return head, text[closing.end():], head.count("\n") + 3


_TEXT_FIELDS = ("title", "byline", "published_note", "source", "id")


def load_article(path: str | Path, *, languages: tuple[str, ...] = LANGUAGES) -> Article:
    """Load one article file, or raise InputError naming the file and line.

    ``languages`` are those its ``language:`` may name: the site's by default;
    ``timeline extract`` reads more.
    """
    p = Path(path)
    where = str(path)
    text = read_text(p)
    head, body, body_line = split_front_matter(text)
    meta: dict[str, str] = {}
    nodes: dict[str, ys.Node] = {}
    problems: list[Problem] = []
    if head is not None and head.strip():
        root = ys.compose(head, where, line_offset=1)
        if not isinstance(root, ys.MappingNode):
            raise InputError(Problem("front matter must be a mapping of fields", where, 2, 1))
        for key, _key_node, value in ys.mapping_items(root, where, problems, line_offset=1):
            if key in _TEXT_FIELDS + ("published", "language"):
                if not isinstance(value, ys.ScalarNode) or value.tag == ys.NULL_TAG:
                    problems.append(ys.problem_at(value, where, f"{key!r} must be text, not "
                                                  f"{ys.kind(value)}", 1))
                    continue
                meta[key] = value.value.strip()
                nodes[key] = value
            # Other keys belong to whatever else reads this front matter
            # (a static site generator, a CMS export): leave them alone.
    published = None
    if "published" in meta:
        try:
            published = parse_iso(meta["published"])
        except ValueError as exc:
            problems.append(ys.problem_at(nodes["published"], where, f"published: {exc}", 1))
        else:
            if published.precision == "year":
                problems.append(ys.problem_at(nodes["published"], where,
                                              "published: give at least the month (YYYY-MM)", 1))
    language = meta.get("language", "en").lower()
    if language not in languages:
        node = nodes.get("language")
        problems.append(ys.problem_at(node, where, f"language: {language!r} is not one of "
                                      f"{', '.join(languages)}", 1) if node else
                        Problem(f"language {language!r} unsupported", where))
    source = meta.get("source")
    if source and not re.match(r"^https?://", source):
        problems.append(ys.problem_at(nodes["source"], where, "source: must be an http(s) URL", 1))
    if not body.strip():
        problems.append(Problem("the article has no text after its front matter", where,
                                body_line))
    if problems:
        raise InputError(problems)
    article_id = slugify(meta.get("id") or p.stem)
    title = meta.get("title") or p.stem.replace("-", " ").replace("_", " ").strip() or article_id
    return Article(path=where, id=article_id, title=title, body=body, language=language,
                   byline=meta.get("byline"), published=published,
                   published_note=meta.get("published_note"), source_url=source or None,
                   body_line=body_line)
