"""The words of the downloads (friezes, slide deck, cards, the index's list), in each language.

Beside i18n.py rather than in it: these are printed on paper and slides,
not shown in the pages, and keeping them apart keeps each table short. A
test checks that both languages have every key.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "frieze_events": "Events on the frieze",
        "frieze_to_place": "Events to place on the frieze",
        "frieze_to_place_help": "Each event below is one of the numbered marks on the "
                                "frieze. Write next to each one the number of its mark.",
        "frieze_answers": "Answer key",
        "deck_subtitle": "{span} · {count} events",
        "deck_quote": "The article says",
        "deck_sources": "Sources",
        "card_alt": "{title}: the timeline's chart, {span}",
        "download_png": "The chart as a picture (PNG, {width} px wide)",
        "download_frieze": "A printable frieze, {paper} landscape (PDF)",
        "download_blank": "A blank frieze for an exercise, {paper} landscape: numbered marks, "
                          "the events to place and the answers (PDF)",
        "download_deck": "A slide deck, one slide per event (PowerPoint, .pptx)",
        "download_card": "The sharing card (PNG, 1200 × 630)",
        "size_kb": "{n} KB",
        "size_mb": "{n} MB",
    },
    "fr": {
        "frieze_events": "Les événements de la frise",
        "frieze_to_place": "Les événements à placer sur la frise",
        "frieze_to_place_help": "Chaque événement ci-dessous correspond à l’une des marques "
                                "numérotées de la frise. Écrivez à côté de chacun le numéro "
                                "de sa marque.",
        "frieze_answers": "Corrigé",
        "deck_subtitle": "{span} · {count} événements",
        "deck_quote": "L’article dit",
        "deck_sources": "Sources",
        "card_alt": "{title}\u00a0: le graphique de la chronologie, {span}",
        "download_png": "Le graphique en image (PNG, {width} px de large)",
        "download_frieze": "Une frise à imprimer, {paper} à l’italienne (PDF)",
        "download_blank": "Une frise vierge pour un exercice, {paper} à l’italienne\u00a0: "
                          "marques numérotées, événements à placer et corrigé (PDF)",
        "download_deck": "Un diaporama, une diapositive par événement (PowerPoint, .pptx)",
        "download_card": "La carte de partage (PNG, 1200 × 630)",
        "size_kb": "{n}\u00a0Ko",
        "size_mb": "{n}\u00a0Mo",
    },
}
