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
    ("« Non. » Puis il part.", ["« Non. »", "Puis il part."]),
    ("He said “no.” Then he left.", ["He said “no.”", "Then he left."]),
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


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SCRAPED = st.text(alphabet=st.sampled_from(list("aeiouléLÉUM.!?»«”\"' \n-1")), max_size=80)


@given(SCRAPED)
def test_sentences_are_ordered_disjoint_and_lose_only_spaces(body):
    spans = _sentences(body)
    assert all(0 <= a < b <= len(body) for a, b in spans if body) or spans == [(0, 0)]
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))
    kept = {i for a, b in spans for i in range(a, b)}
    assert all(body[i].isspace() for i in range(len(body)) if i not in kept)
