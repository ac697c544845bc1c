"""The interface's own words, in every language the site is built in.

Event titles and summaries come from events.yaml; these are the labels around
them. Keeping both languages side by side makes a missing translation obvious
(a test checks that every key exists in both).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "site_title": "France and NATO: a timeline",
        "intro": "From the founding treaty of 1949 to the call to leave NATO in January 2026: "
                 "the curated history of France’s place in the Alliance, and the moments a "
                 "news article brings back.",
        "chart_label": "Interactive timeline of France–NATO relations, 1949–2026. "
                       "The list of events below gives the same information as text.",
        "chart_heading": "Timeline",
        "chart_help": "Hover or tap a point for its details; click it to jump to the event. "
                      "Drag to pan, use the buttons to zoom. Stars mark events the article "
                      "mentions; bands show the span of a date known only to the month or year.",
        "list_heading": "Events",
        "list_intro": "Every event of the chart, in date order, with its sources.",
        "sources": "Sources",
        "mentioned": "Mentioned in the article",
        "article_only": "Only in the article",
        "quote_label": "The article says",
        "article_heading": "The article, with its dates marked",
        "published": "Published",
        "published_inferred": "inferred",
        "unplotted_heading": "Time expressions without a calendar date",
        "unplotted_intro": "Found in the article but not placed on the chart.",
        "era": "Era",
        "skip": "Skip to the list of events",
        "language_switch": "Français",
        "category": "Category",
        "to_event": "See the event",
        "footer": "Built with timeline. Dates are given as precisely as their sources allow: "
                  "“1966” means some day in 1966.",
        "chart_noscript": "The interactive chart needs JavaScript; the list below has "
                          "every event.",
    },
    "fr": {
        "site_title": "La France et l’OTAN : une chronologie",
        "intro": "Du traité fondateur de 1949 à l’appel à quitter l’OTAN de janvier 2026 : "
                 "l’histoire de la place de la France dans l’Alliance, et les moments "
                 "qu’un article de presse fait revenir.",
        "chart_label": "Chronologie interactive des relations entre la France et l’OTAN, "
                       "1949–2026. La liste des événements ci-dessous donne les mêmes "
                       "informations sous forme de texte.",
        "chart_heading": "Chronologie",
        "chart_help": "Survolez ou touchez un point pour ses détails ; cliquez pour aller à "
                      "l’événement. Faites glisser pour vous déplacer, zoomez avec les boutons. "
                      "Les étoiles marquent les événements cités par l’article ; les bandes "
                      "montrent l’étendue d’une date connue seulement au mois ou à l’année.",
        "list_heading": "Événements",
        "list_intro": "Tous les événements du graphique, dans l’ordre chronologique, avec "
                      "leurs sources.",
        "sources": "Sources",
        "mentioned": "Cité dans l’article",
        "article_only": "Seulement dans l’article",
        "quote_label": "L’article dit",
        "article_heading": "L’article, avec ses dates repérées",
        "published": "Publié",
        "published_inferred": "date déduite",
        "unplotted_heading": "Expressions de temps sans date du calendrier",
        "unplotted_intro": "Trouvées dans l’article, mais non placées sur le graphique.",
        "era": "Période",
        "skip": "Aller à la liste des événements",
        "language_switch": "English",
        "category": "Catégorie",
        "to_event": "Voir l’événement",
        "footer": "Construit avec timeline. Les dates sont aussi précises que leurs sources "
                  "le permettent : « 1966 » signifie un jour de 1966.",
        "chart_noscript": "Le graphique interactif nécessite JavaScript ; la liste ci-dessous "
                          "contient tous les événements.",
    },
}
