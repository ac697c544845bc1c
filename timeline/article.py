"""Load an article: YAML front matter, then the body the dates are found in."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from timeline import yamlsource as ys
from timeline.dates import LANGUAGES, DateSpan, parse_iso
from timeline.errors import InputError, Problem
from timeline.readfile import is_pipe, read_at_most
from timeline.text import is_web_url, replace_forbidden

# Far above any news article or book chapter (War and Peace is ~3.2 MB), low
# enough that a stray log file or dump is refused before it is read.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024

_FENCE = re.compile(r"^---[ \t]*\r?\n", re.M)
_SLUG = re.compile(r"[^a-z0-9]+")
# An id names a page (articles/<id>.html): far below the 255 bytes a file name
# may have, room left for the suffix.
MAX_ID_LENGTH = 80
# A CR not followed by LF: the line ending of old Mac files, read as LF.
_LONE_CR = re.compile(r"\r(?!\n)")


class LocalizedText(str):
    """Text in the article's language that also knows its other languages.

    It is that text (a str) wherever one language is enough; ``texts`` maps
    each language given to its text, and :meth:`for_language` gives what a
    page in a language shows. Equality and hashing are the str's.
    """

    texts: dict[str, str]
    language: str

    def __new__(cls, texts: dict[str, str], language: str) -> LocalizedText:
        self = super().__new__(cls, texts[language])
        self.texts = dict(texts)
        self.language = language
        return self

    def __getnewargs__(self) -> tuple[dict[str, str], str]:  # type: ignore[override]
        return self.texts, self.language

    def for_language(self, lang: str) -> tuple[str, str]:
        """Return (text, its language) for a page in ``lang``.

        The page's language when the text is given in it, else the article's
        own text, in the language that text is written in.
        """
        if lang in self.texts:
            return self.texts[lang], lang
        return str(self), self.language


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
    # Text, or LocalizedText when the front matter gives it per language.
    published_note: str | None = None
    source_url: str | None = None
    body_line: int = 1


def slugify(text: str) -> str:
    """Make a stable, URL-safe id from a file name or title.

    Accented Latin letters lose their accents ("Guetté" -> "guette"). Letters
    that have no ASCII form (Cyrillic, Japanese...) cannot be spelled in the
    id, so a short hash of the whole text is added: "Москва-1966" and
    "Париж-1966" get different ids, stable from build to build. Long names
    are cut, the hash keeping them apart.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _SLUG.sub("-", ascii_text.lower()).strip("-")
    lost = any(c.isalnum() and not unicodedata.normalize("NFKD", c).encode("ascii", "ignore")
               for c in text)
    if not lost and slug and len(slug) <= MAX_ID_LENGTH:
        return slug
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    stem = slug[:MAX_ID_LENGTH - len(digest) - 1].rstrip("-")
    return f"{stem}-{digest}" if stem else f"article-{digest}"


def read_bytes(path: Path) -> bytes:
    """Read an article file once, refusing folders and huge files; its bytes."""
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
    if not data and is_pipe(path):
        raise InputError("is a pipe with nothing written to it (no program writing)", where)
    return data


def decode_text(data: bytes, where: str) -> str:
    """Decode an article's bytes: UTF-8, no NUL, line endings and characters made safe.

    A lone CR (old Mac files) becomes LF and a character XML forbids (a
    stray U+0007 from a CMS) becomes U+FFFD, one for one, so the offsets of
    what is found in the text stay those of the file.
    """
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
    return replace_forbidden(_LONE_CR.sub("\n", text.removeprefix("\ufeff")))


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, refusing folders, huge files and undecodable bytes."""
    return decode_text(read_bytes(path), str(path))


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
# Fields that may also be a mapping of languages ({en: ..., fr: ...}), as
# event titles are in events.yaml.
_LOCALIZED_FIELDS = ("published_note",)


def _languages(node: ys.MappingNode, key: str, where: str,
               problems: list[Problem]) -> dict[str, str]:
    """Return {language: text} from a mapping node, reporting what is wrong with it."""
    texts: dict[str, str] = {}
    for lang, key_node, value in ys.mapping_items(node, where, problems, line_offset=1):
        if lang not in LANGUAGES:
            problems.append(ys.problem_at(key_node, where, f"{key} has unknown language "
                                          f"{lang!r}; allowed: {', '.join(LANGUAGES)}", 1))
        elif not isinstance(value, ys.ScalarNode) or value.tag == ys.NULL_TAG:
            problems.append(ys.problem_at(value, where, f"{key} {lang!r} must be text, not "
                                          f"{ys.kind(value)}", 1))
        elif not value.value.strip():
            problems.append(ys.problem_at(value, where, f"{key} {lang!r} is empty", 1))
        else:
            texts[lang] = replace_forbidden(value.value.strip())
    if not node.value:
        problems.append(ys.problem_at(node, where, f"{key} is an empty mapping of languages", 1))
    return texts


def _drop_repeated_byline(body: str, byline: str | None) -> tuple[str, int]:
    """Return the body without a first line that repeats the byline, and the lines dropped.

    Text pasted from a web page often starts with the byline the front matter
    already gives, and the page would show it twice in a row.
    """
    if not byline:
        return body, 0
    first, newline, rest = body.partition("\n")
    if " ".join(first.split()).casefold() != " ".join(byline.split()).casefold():
        return body, 0
    return rest, 1 if newline else 0


def load_article(path: str | Path, *, languages: tuple[str, ...] = LANGUAGES,
                 data: bytes | None = None) -> Article:
    """Load one article file, or raise InputError naming the file and line.

    ``languages`` are those its ``language:`` may name: the site's by default;
    ``timeline extract`` reads more. ``data``, when given, is the file's
    content, already read (read_bytes): a build reads each input once, hashes
    it and parses those same bytes, so a pipe works and a file changed
    meanwhile cannot be built from one version and recorded as another.
    """
    p = Path(path)
    where = str(path)
    text = decode_text(read_bytes(p) if data is None else data, where)
    head, body, body_line = split_front_matter(text)
    meta: dict[str, str] = {}
    nodes: dict[str, ys.Node] = {}
    localized: dict[str, tuple[dict[str, str], ys.Node]] = {}
    problems: list[Problem] = []
    if head is not None and head.strip():
        root = ys.compose(head, where, line_offset=1)
        if not isinstance(root, ys.MappingNode):
            raise InputError(Problem("front matter must be a mapping of fields", where, 2, 1))
        for key, _key_node, value in ys.mapping_items(root, where, problems, line_offset=1):
            if key in _LOCALIZED_FIELDS and isinstance(value, ys.MappingNode):
                localized[key] = (_languages(value, key, where, problems), value)
                continue
            if key in _TEXT_FIELDS + ("published", "language"):
                if not isinstance(value, ys.ScalarNode) or value.tag == ys.NULL_TAG:
                    problems.append(ys.problem_at(value, where, f"{key!r} must be text, not "
                                                  f"{ys.kind(value)}", 1))
                    continue
                # A YAML escape ("\\a") can still spell a character XML forbids;
                # the source URL is checked as written, and refused for it.
                raw = value.value.strip()
                meta[key] = raw if key == "source" else replace_forbidden(raw)
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
    notes: dict[str, str | None] = {"published_note": meta.get("published_note")}
    for key, (texts, node) in localized.items():
        if language in LANGUAGES and texts and language not in texts:
            # Every page falls back to the article's own language.
            problems.append(ys.problem_at(node, where, f"{key} has no {language!r}, the "
                                          "article's language", 1))
        elif texts:
            notes[key] = LocalizedText(texts, language)
    source = meta.get("source")
    if source and not is_web_url(source):
        problems.append(ys.problem_at(nodes["source"], where, "source: must be an http(s) URL "
                                      "with a host, and no spaces or control characters", 1))
    body, dropped = _drop_repeated_byline(body, meta.get("byline"))
    body_line += dropped
    if not body.strip():
        problems.append(Problem("the article has no text after its front matter", where,
                                body_line))
    if problems:
        raise InputError(problems)
    article_id = slugify(meta.get("id") or p.stem)
    title = meta.get("title") or p.stem.replace("-", " ").replace("_", " ").strip() or article_id
    return Article(path=where, id=article_id, title=title, body=body, language=language,
                   byline=meta.get("byline"), published=published,
                   published_note=notes["published_note"], source_url=source or None,
                   body_line=body_line)
