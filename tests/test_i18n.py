"""The interface's words exist in every language, and templates can reach them all."""

import re

import pytest

from timeline.dates import LANGUAGES
from timeline.i18n import STRINGS


def test_every_language_has_the_same_keys():
    assert set(STRINGS) == set(LANGUAGES)
    keys = {lang: set(strings) for lang, strings in STRINGS.items()}
    for lang in LANGUAGES:
        assert keys[lang] == keys["en"], f"{lang}: {sorted(keys[lang] ^ keys['en'])}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_string_is_empty_or_left_untranslated(lang):
    for key, text in STRINGS[lang].items():
        assert text.strip(), f"{lang}.{key} is empty"
    if lang != "en":
        same = [k for k in STRINGS[lang] if STRINGS[lang][k] == STRINGS["en"][k]
                and len(STRINGS["en"][k]) > 12]
        assert same == [], f"{lang} repeats the English of {same}"


def test_no_key_hides_behind_a_dict_method():
    # Templates write t.key; Jinja looks attributes up before items, so a key
    # named like a dict method ("copy", "items") would print the method.
    assert [k for k in STRINGS["en"] if hasattr(dict, k)] == []


def test_placeholders_match_across_languages():
    for key, text in STRINGS["en"].items():
        for lang in LANGUAGES:
            assert re.findall(r"\{\w+\}", STRINGS[lang][key]) == re.findall(r"\{\w+\}", text), key


def test_french_uses_french_typography():
    # A no-break space before the double punctuation marks (a narrow one
    # before ; ? !), none that can break inside « guillemets », curly
    # apostrophes. "?lang=en" is an address, not a question.
    for key, text in STRINGS["fr"].items():
        assert "'" not in text, f"fr.{key} has a straight apostrophe"
        assert not re.search(r"\w[;:?!]", text.replace("https:", "")), f"fr.{key}: {text}"
        assert not re.search(r"(?<!\u00a0):(?=\s|$)", text), f"fr.{key}: {text!r}"
        assert not re.search(r"(?<![\u202f\u00a0])[;?!](?=\s|$)", text), f"fr.{key}: {text!r}"
        assert not re.search(r"«(?!\u00a0)|(?<!\u00a0)»", text), f"fr.{key}: {text!r}"
        assert "“" not in text and "”" not in text, f"fr.{key}: English quotation marks"


def test_labels_and_quotes_are_punctuated_for_each_language():
    assert STRINGS["en"]["colon"] == ":" and STRINGS["fr"]["colon"] == "\u00a0:"
    assert (STRINGS["fr"]["quote_open"], STRINGS["fr"]["quote_close"]) == ("«\u00a0", "\u00a0»")
    assert (STRINGS["en"]["quote_open"], STRINGS["en"]["quote_close"]) == ("“", "”")


def test_interface_words_name_no_topic_and_no_year():
    # The history a site tells, and the years it covers, come from the site
    # block of events.yaml (site_words.py); i18n.py is the interface alone.
    for lang in LANGUAGES:
        for key, text in STRINGS[lang].items():
            assert not re.search(r"NATO|OTAN|France|Gaulle|\b1[89]\d\d\b|\b20\d\d\b", text), \
                f"{lang}.{key}: {text}"
