import json
import os
import re
from datetime import date

import pytest

from timeline.article import MAX_ARTICLE_BYTES, load_article, slugify, split_front_matter
from timeline.errors import InputError

ARTICLE = """---
title: "A test article"
byline: "By a tester"
published: 2026-01-19
published_note: "inferred from the filing date"
language: fr
source: https://example.org/story
tags: [ignored, by, timeline]
---
Première ligne.
Le 7 mars 1966, de Gaulle écrit.
"""


def write(tmp_path, text, name="story.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_front_matter_and_body(tmp_path):
    article = load_article(write(tmp_path, ARTICLE))
    assert article.title == "A test article"
    assert article.byline == "By a tester"
    assert article.published is not None and article.published.first == date(2026, 1, 19)
    assert article.published_note == "inferred from the filing date"
    assert article.language == "fr"
    assert article.source_url == "https://example.org/story"
    assert article.body == "Première ligne.\nLe 7 mars 1966, de Gaulle écrit.\n"
    assert article.body_line == 10
    assert article.id == "story"


def test_body_offsets_follow_the_extraction_contract(tmp_path):
    # The body starts right after the closing fence line and its newline.
    text = "---\npublished: 2026-01\n---\nIn 1966."
    article = load_article(write(tmp_path, text))
    assert article.body == "In 1966."
    assert article.published is not None and article.published.precision == "month"


def test_file_without_front_matter_is_all_body(tmp_path):
    article = load_article(write(tmp_path, "Just text from 1966.\n", "Some Story.txt"))
    assert article.body == "Just text from 1966.\n"
    assert article.published is None
    assert article.id == "some-story"


def test_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff---\ntitle: x\n---\nBody.\n".encode())
    assert load_article(path).body == "Body.\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\npublished: 2026-02-30\n---\nBody\n",
         "story.txt:2:12: published: '2026-02-30': February 2026 has no day 30"),
        ("---\npublished: 2026\n---\nBody\n",
         "story.txt:2:12: published: give at least the month (YYYY-MM)"),
        ("---\nlanguage: de\n---\nBody\n", "story.txt:2:11: language: 'de' is not one of en, fr"),
        ("---\ntitle: [a, b]\n---\nBody\n", "story.txt:2:8: 'title' must be text, not a list"),
        ("---\ntitle: a\ntitle: b\n---\nBody\n",
         "story.txt:3:1: key 'title' repeats the one on line 2"),
        ("---\nsource: ftp://x\n---\nBody\n", "story.txt:2:9: source: must be an http(s) URL"),
        ("---\ntitle: \"unclosed\n---\nBody\n", "story.txt:3:1: invalid YAML"),
        ("---\n- a list\n---\nBody\n", "story.txt:2:1: front matter must be a mapping"),
        ("---\ntitle: x\n---\n   \n", "story.txt:4: the article has no text after its front"),
        # published_note given per language, like event titles in events.yaml
        ("---\npublished_note:\n  en: a\n  de: b\n---\nBody\n",
         "story.txt:4:3: published_note has unknown language 'de'; allowed: en, fr"),
        ("---\npublished_note:\n  en: [a]\n---\nBody\n",
         "story.txt:3:7: published_note 'en' must be text, not a list"),
        ("---\npublished_note:\n  en: \"\"\n---\nBody\n",
         "story.txt:3:7: published_note 'en' is empty"),
        ("---\npublished_note: {}\n---\nBody\n",
         "story.txt:2:17: published_note is an empty mapping of languages"),
        ("---\nlanguage: fr\npublished_note:\n  en: a\n---\nBody\n",
         "story.txt:4:3: published_note has no 'fr', the article's language"),
        ("---\npublished_note:\n  en: a\n  en: b\n---\nBody\n",
         "story.txt:4:3: key 'en' repeats the one on line 3"),
    ],
)
def test_bad_front_matter_is_reported_with_its_place(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as info:
        load_article(path)
    assert str(info.value).startswith(str(tmp_path / message.split(":", 1)[0]) + ":" +
                                      message.split(":", 1)[1])


def test_missing_file_folder_binary_and_non_utf8(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder, expected a file"):
        load_article(tmp_path)
    (tmp_path / "bin.txt").write_bytes(b"abc\x00def")
    with pytest.raises(InputError, match="looks binary \\(NUL byte at offset 3\\)"):
        load_article(tmp_path / "bin.txt")
    (tmp_path / "latin.txt").write_bytes("Année 1966".encode("cp1252"))
    with pytest.raises(InputError, match="not UTF-8: byte 0xe9 at offset 3"):
        load_article(tmp_path / "latin.txt")


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_ARTICLE_BYTES + 1)
    with pytest.raises(InputError, match="the limit is"):
        load_article(path)


def test_split_front_matter_without_closing_fence_is_body():
    assert split_front_matter("---\ntitle: x\nno end") == (None, "---\ntitle: x\nno end", 1)


def test_slugify():
    assert slugify("Clémence Guetté: résolution!") == "clemence-guette-resolution"
    # Nothing spellable: a stable id from a hash of the name, one per name.
    assert slugify("???") == slugify("???") != slugify("!!!")
    assert slugify("???").startswith("article-")


def test_non_latin_and_overlong_names_give_distinct_usable_ids(tmp_path):
    # Every Cyrillic or Japanese file name used to become "article", so an
    # archive of them failed on duplicate ids; a 255-byte name made a page
    # name the file system refused.
    names = ["Москва-1966", "Париж-1966", "東京", "大阪", "x" * 250]
    ids = [slugify(n) for n in names]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) and len(i) <= 80 for i in ids), ids
    assert ids[0].startswith("1966-")
    path = tmp_path / ("Ж" * 120 + ".txt")  # 240 bytes of name
    path.write_text("In 1966.\n", encoding="utf-8")
    article = load_article(path)
    assert len(article.id) <= 80 and article.title == "Ж" * 120


def test_cr_only_front_matter_is_front_matter(tmp_path):
    # Old Mac line endings: the fence was not seen, and the front matter was
    # published as the body.
    path = tmp_path / "mac.txt"
    path.write_bytes(b"---\rtitle: Old Mac\rpublished: 2026-01-19\r---\rIn 1966, France left.\r")
    article = load_article(path)
    assert article.title == "Old Mac" and article.published.value == "2026-01-19"
    assert article.body == "In 1966, France left.\n"


def test_characters_xml_forbids_become_replacement_characters(tmp_path):
    path = tmp_path / "bell.txt"
    path.write_text('---\ntitle: "Bell \\a here"\n---\nA bell\x07 rang\x0c in 1966\ufffe.\n',
                    encoding="utf-8")
    article = load_article(path)
    assert article.body == "A bell\ufffd rang\ufffd in 1966\ufffd.\n"
    assert article.title == "Bell \ufffd here"


@pytest.mark.parametrize("url", [
    "https://e.org/\r\nBEGIN:VEVENT", "https://e.org/a b", "https://", "http:///path",
    "https://e.org:port/", "https://e.org/\x07", "ftp://e.org/", "https:e.org",
])
def test_source_must_be_a_parsed_web_address(tmp_path, url):
    path = tmp_path / "a.txt"
    path.write_text(f"---\nsource: {json.dumps(url)}\n---\nIn 1966.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a.txt:2:9: source: must be an http\(s\) URL"):
        load_article(path)


def test_a_pipe_with_no_writer_is_refused_at_once(tmp_path):
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="is a pipe with nothing written to it"):
        load_article(fifo)


def test_the_shipped_article_has_its_note_in_both_languages_and_its_byline_once():
    from tests.conftest import SHIPPED_ARTICLE

    article = load_article(SHIPPED_ARTICLE)
    note = article.published_note
    assert note is not None and set(note.texts) == {"en", "fr"}   # type: ignore[attr-defined]
    assert note.for_language("fr")[1] == "fr"                       # type: ignore[attr-defined]
    assert article.byline and article.byline not in article.body


def test_published_note_in_several_languages(tmp_path):
    article = load_article(write(tmp_path, "---\nlanguage: fr\npublished_note:\n"
                                 "  en: inferred from the filing\n  fr: déduite du dépôt\n"
                                 "---\nLe 7 mars 1966.\n"))
    note = article.published_note
    # The article's own language wherever one text is enough...
    assert note == "déduite du dépôt"
    # ...and the page's when it is given, else the article's, with its language.
    assert note.for_language("en") == ("inferred from the filing", "en")     # type: ignore
    assert note.for_language("fr") == ("déduite du dépôt", "fr")             # type: ignore
    only = load_article(write(tmp_path, "---\npublished_note: {en: inferred}\n---\nIn 1966.\n",
                              "only.txt")).published_note
    assert only.for_language("fr") == ("inferred", "en")                      # type: ignore


def test_published_note_survives_pickling_for_worker_processes(tmp_path):
    import pickle

    article = load_article(write(tmp_path, "---\npublished_note: {en: a, fr: b}\n---\nIn 1966.\n"))
    again = pickle.loads(pickle.dumps(article))
    assert again == article and again.published_note.texts == {"en": "a", "fr": "b"}  # type: ignore


@pytest.mark.parametrize("first", ["By a tester", "  by a   TESTER "])
def test_a_body_that_repeats_the_byline_starts_after_it(tmp_path, first):
    text = f"---\nbyline: By a tester\n---\n{first}\nIn 1966.\n"
    article = load_article(write(tmp_path, text))
    assert article.body == "In 1966.\n"
    assert article.body_line == 5     # where "In 1966." is in the file
    kept = load_article(write(tmp_path, "---\nbyline: By a tester\n---\nBy another\nIn 1966.\n",
                              "kept.txt"))
    assert kept.body.startswith("By another") and kept.body_line == 4


def test_a_body_that_is_only_the_byline_has_no_text(tmp_path):
    with pytest.raises(InputError, match="no text after its front matter"):
        load_article(write(tmp_path, "---\nbyline: By a tester\n---\nBy a tester\n"))
