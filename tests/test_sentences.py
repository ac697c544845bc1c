"""Sentence splitting that survives scraped text (timeline/extract/reading.py)."""

import pytest

from timeline.extract.reading import _sentences


def split(body):
    return [body[a:b] for a, b in _sentences(body)]


@pytest.mark.parametrize("body, want", [
    ("Il l'a dit. Le reste suit.", ["Il l'a dit.", "Le reste suit."]),
    ("Un texte.Deux textes.", ["Un texte.", "Deux textes."]),
    ("l'Alliance ».Le président parle.", ["l'Alliance ».", "Le président parle."]),
    ("C'est la fin.»Puis il part.", ["C'est la fin.»", "Puis il part."]),
    ("veut l'élargirLe président Macron a parlé.", ["veut l'élargir",
                                                     "Le président Macron a parlé."]),
])
def test_scraped_text_is_still_cut_into_sentences(body, want):
    assert split(body) == want


@pytest.mark.parametrize("body", [
    "The U.S.A. joined.", "Then iPhone and McDonald and LinkedIn met.", "Price 3.5 Million",
    "See www.example.org today."])
def test_names_abbreviations_and_numbers_are_not_cut(body):
    assert split(body) == [body]
