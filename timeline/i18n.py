"""The interface's own words, in every language the site is built in.

Event titles and summaries come from events.yaml; these are the labels around
them. Keeping both languages side by side makes a missing translation obvious
(a test checks that every key exists in both).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        # The site's own title and description come from the site block of
        # events.yaml (timeline/site_words.py); these are the phrases around
        # them. {subject} is the site's short title, {span} the years its
        # events cover ("1949–2026"), both from the data.
        "default_title": "A timeline",
        "default_description": "{count} dated, sourced events, {span}.",
        "pattern_chart_label": "Timeline: {subject}, {span}.",
        # The caption's second sentence: where the chart's words are on its page.
        "chart_alt_list": "The list of events on this page gives the same information as text.",
        "chart_alt_slides": "The slides give the same information as text, one event at a time.",
        "chart_heading": "Timeline",
        # What a reader can do with the chart: with the script (pointers,
        # gestures) and without it (links); then what its marks mean.
        "chart_help_script": "Point at or tap a mark for its details; select it to jump to "
                             "the event. With a mouse, drag to pan and use the buttons to zoom.",
        "chart_help_noscript": "Each mark is a link to its event in the list below.",
        "chart_help": "Stars mark events the article mentions; bands show the span of a "
                      "date known only to the month or year.",
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
        "skip_article": "Skip to the article",
        "evidence_date": "Linked because “{text}” fits {date}.",
        "evidence_words": "The sentence names: {words}.",
        "evidence_counted": "Dated {offset} “{event}” ({date}).",
        "offset_after": "{n} {unit} after",
        "offset_before": "{n} {unit} before",
        "unit_Y": "year|years",
        "unit_M": "month|months",
        "unit_W": "week|weeks",
        "unit_D": "day|days",
        "language_switch": "Français",
        "category": "Category",
        "to_event": "See the event",
        "footer": "Built with timeline. Dates are given as precisely as their sources allow: "
                  "a year alone means some day in that year.",
        "nav_label": "Other views",
        "lang_nav_label": "Language",
        "nav_present": "Classroom mode",
        "nav_embed": "Embed this timeline",
        "embed_heading": "Embed this timeline",
        "embed_intro": "Paste this code into an article to show the chart alone. Add "
                       "?lang=fr to the address for French, or ?event= followed by an "
                       "event’s anchor (the part after # in its link) to highlight it.",
        "embed_address_note": "The address in the code is relative to this page: when the "
                              "site is published, replace it with its full address (the "
                              "page fills it in when opened from a web server).",
        "embed_address_given": "The address in the code is the site’s published address, "
                               "given by the url of the site block in events.yaml.",
        "embed_code_label": "Code to embed the timeline",
        "copy_code": "Copy the code",
        "copied": "Copied to the clipboard.",
        "copy_failed": "Copying failed: select the code and copy it by hand.",
        "pattern_embed_title": "{subject}: an interactive timeline",
        "embed_hint": "Tap or click a point to read its event.",
        "embed_hint_noscript": "Select a mark to find its event in the list below.",
        "embed_list_summary": "The events as a list",
        "open_full": "Open the full timeline",
        "read_event": "Read this event in the full timeline",
        "present_title": "Classroom mode",
        "present_prev": "Previous",
        "present_next": "Next",
        "present_fullscreen": "Full screen",
        "present_fullscreen_exit": "Leave full screen",
        "present_exit": "Back to the timeline",
        "present_progress": "Progress",
        "present_step": "Event {n} of {total}",
        "present_help": "Page Down, the right and down arrows and space show the rest of a long "
                        "event, then the next one; Page Up, the left and up arrows go back. Home "
                        "and End, the buttons or a swipe move from event to event. On a short "
                        "screen, C shows or hides the chart.",
        "present_noscript": "Without JavaScript every event is shown below, one after another.",
        "present_more": "More below",
        "present_chart": "Chart",
        "colon": ":",
        "list_separator": "; ",
        "quote_open": "“",
        "quote_close": "”",
        "plotly_download": "Download the chart as a PNG image",
        "plotly_zoom": "Zoom",
        "plotly_pan": "Pan",
        "plotly_zoom_in": "Zoom in",
        "plotly_zoom_out": "Zoom out",
        "plotly_reset": "Reset axes",
        "plotly_preparing": "Preparing the image: this may take a few seconds",
        "plotly_downloaded": "Image downloaded",
        "plotly_download_failed": "Sorry, the image could not be downloaded.",
        "plotly_double_click": "Double-click to zoom back out",
        "plotly_legend_hint": "Double-click on the legend to show one kind of point alone",
        "reason_ref_present": "the present, without a date",
        "reason_ref_past": "the past, without a date",
        "reason_ref_future": "the future, without a date",
        "reason_bc": "before the common era; not drawn on this calendar",
        "reason_duration": "a duration, not a date",
        "reason_none": "no calendar span",
        "nav_articles": "Articles",
        "mentioned_in": "Mentioned in {n} articles",
        "mentioned_in_one": "Mentioned in 1 article",
        "more_quotes": "And {n} more quotes: every one is in data/events.json.",
        "articles_citing": "Articles that mention it",
        "chart_help_master": "Stars mark events the articles mention; bands show the span of "
                             "a date known only to the month or year.",
        "pattern_master_intro": "{description} This collection has {n} articles: each event "
                                "says how many of them mention it and links to them; a date "
                                "no curated event explains is shown when at least two "
                                "articles share it.",
        "articles_title": "The articles",
        "articles_intro": "Every article of the collection, newest first, with the dates found "
                          "in it. Each page shows the article with its dates marked and its own "
                          "timeline.",
        "articles_table_caption": "Articles, with the number of dates found and linked to "
                                  "the curated history",
        "col_article": "Article",
        "col_published": "Published",
        "col_dates": "Dates found",
        "col_linked": "Linked to history",
        "undated": "undated",
        "back_to_master": "Back to the timeline of all the articles",
        "article_timeline_heading": "This article’s timeline",
        "article_timeline_intro": "The curated history, with the dates this article mentions.",
        # The chart's legend and lanes, and the title of the exported timelines.
        "legend_curated": "Curated event",
        "legend_both": "Curated event mentioned in the article",
        "legend_article": "Date found only in the article",
        "legend_band": "Span of an imprecise date",
        "lane_article": "In the article only",
        "pattern_chart_svg_desc": "A timeline: {subject}, {span}; one row per kind of event, "
                                  "one mark per event; bands show the span of a date known "
                                  "only to the month or year, shaded periods the eras.",
        "key_label": "Key to the chart",
        "downloads_heading": "Download the timeline",
        "download_svg": "The chart as a picture (SVG), for slides and handouts",
        "download_csv": "The events as a spreadsheet (CSV)",
        "download_json": "The whole timeline as data, with every quote and why it was linked "
                         "(JSON)",
        "download_timelinejs": "The timeline for Knight Lab’s TimelineJS (JSON)",
        "download_ics": "The dates for a calendar (iCalendar)",
    },
    "fr": {
        "default_title": "Une chronologie",
        "default_description": "{count} événements datés et sourcés, {span}.",
        "pattern_chart_label": "Chronologie\u00a0: {subject}, {span}.",
        "chart_alt_list": "La liste des événements de cette page donne les mêmes informations "
                          "sous forme de texte.",
        "chart_alt_slides": "Les diapositives donnent les mêmes informations sous forme de "
                            "texte, un événement à la fois.",
        "chart_heading": "Chronologie",
        "chart_help_script": "Pointez ou touchez une marque pour ses détails\u202f; "
                             "sélectionnez-la pour aller à l’événement. À la souris, faites "
                             "glisser pour vous déplacer et zoomez avec les boutons.",
        "chart_help_noscript": "Chaque marque est un lien vers son événement dans la liste "
                               "ci-dessous.",
        "chart_help": "Les étoiles marquent les événements cités par l’article\u202f; les "
                      "bandes montrent l’étendue d’une date connue seulement au mois ou à "
                      "l’année.",
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
        "skip_article": "Aller à l’article",
        "evidence_date": "Relié car «\u00a0{text}\u00a0» s’accorde avec la date {date}.",
        "evidence_words": "La phrase cite\u00a0: {words}.",
        "evidence_counted": "Daté {offset} «\u00a0{event}\u00a0» ({date}).",
        "offset_after": "{n} {unit} après",
        "offset_before": "{n} {unit} avant",
        "unit_Y": "an|ans",
        "unit_M": "mois|mois",
        "unit_W": "semaine|semaines",
        "unit_D": "jour|jours",
        "language_switch": "English",
        "category": "Catégorie",
        "to_event": "Voir l’événement",
        "footer": "Construit avec timeline. Les dates sont aussi précises que leurs sources "
                  "le permettent\u00a0: une année seule signifie un jour de cette année-là.",
        "nav_label": "Autres vues",
        "lang_nav_label": "Langue",
        "nav_present": "Mode présentation",
        "nav_embed": "Intégrer cette chronologie",
        "embed_heading": "Intégrer cette chronologie",
        "embed_intro": "Collez ce code dans un article pour n’y montrer que le graphique. "
                       "Ajoutez ?lang=en à l’adresse pour l’anglais, ou ?event= suivi de "
                       "l’ancre d’un événement (ce qui suit # dans son lien) pour le mettre "
                       "en évidence.",
        "embed_address_note": "L’adresse du code est relative à cette page\u00a0: une fois le site "
                              "publié, remplacez-la par son adresse complète (la page la "
                              "remplit elle-même lorsqu’elle est servie par un serveur web).",
        "embed_address_given": "L’adresse du code est celle du site publié, donnée par l’url "
                               "du bloc site d’events.yaml.",
        "embed_code_label": "Code pour intégrer la chronologie",
        "copy_code": "Copier le code",
        "copied": "Copié dans le presse-papiers.",
        "copy_failed": "La copie a échoué\u00a0: sélectionnez le code et copiez-le à la main.",
        "pattern_embed_title": "{subject}\u00a0: une chronologie interactive",
        "embed_hint": "Touchez ou cliquez un point pour lire son événement.",
        "embed_hint_noscript": "Sélectionnez une marque pour trouver son événement dans la "
                               "liste ci-dessous.",
        "embed_list_summary": "Les événements sous forme de liste",
        "open_full": "Ouvrir la chronologie complète",
        "read_event": "Lire cet événement dans la chronologie complète",
        "present_title": "Mode présentation",
        "present_prev": "Précédent",
        "present_next": "Suivant",
        "present_fullscreen": "Plein écran",
        "present_fullscreen_exit": "Quitter le plein écran",
        "present_exit": "Retour à la chronologie",
        "present_progress": "Progression",
        "present_step": "Événement {n} sur {total}",
        "present_help": "Page suiv., les flèches droite et bas et la barre d’espace montrent la "
                        "suite d’un long événement, puis le suivant ; Page préc., les flèches "
                        "gauche et haut reviennent en arrière. Début et Fin, les boutons ou un "
                        "balayage passent d’un événement à l’autre. Sur un petit écran, G "
                        "affiche ou masque le graphique.",
        "present_noscript": "Sans JavaScript, tous les événements sont affichés ci-dessous, "
                            "les uns après les autres.",
        "present_more": "Suite ci-dessous",
        "present_chart": "Graphique",
        "colon": "\u00a0:",
        "list_separator": "\u202f; ",
        "quote_open": "«\u00a0",
        "quote_close": "\u00a0»",
        "plotly_download": "Télécharger le graphique en image PNG",
        "plotly_zoom": "Zoomer",
        "plotly_pan": "Déplacer",
        "plotly_zoom_in": "Zoom avant",
        "plotly_zoom_out": "Zoom arrière",
        "plotly_reset": "Réinitialiser les axes",
        "plotly_preparing": "Préparation de l’image\u00a0: cela peut prendre quelques secondes",
        "plotly_downloaded": "Image téléchargée",
        "plotly_download_failed": "Désolé, l’image n’a pas pu être téléchargée.",
        "plotly_double_click": "Double-cliquez pour revenir au zoom initial",
        "plotly_legend_hint": "Double-cliquez sur la légende pour n’afficher qu’un type de point",
        "reason_ref_present": "le présent, sans date précise",
        "reason_ref_past": "le passé, sans date précise",
        "reason_ref_future": "l’avenir, sans date précise",
        "reason_bc": "avant notre ère\u202f; hors du calendrier de ce graphique",
        "reason_duration": "une durée, pas une date",
        "reason_none": "pas de période du calendrier",
        "nav_articles": "Articles",
        "mentioned_in": "Cité dans {n} articles",
        "mentioned_in_one": "Cité dans 1 article",
        "more_quotes": "Et {n} autres citations, toutes dans data/events.json.",
        "articles_citing": "Articles qui le citent",
        "chart_help_master": "Les étoiles marquent les événements cités par les "
                             "articles\u202f; les bandes montrent l’étendue d’une date connue "
                             "seulement au mois ou à l’année.",
        "pattern_master_intro": "{description} Cet ensemble compte {n} articles\u00a0: chaque "
                                "événement indique combien d’entre eux le citent et renvoie "
                                "vers eux\u202f; une date qu’aucun événement de référence "
                                "n’explique figure dès que deux articles la partagent.",
        "articles_title": "Les articles",
        "articles_intro": "Tous les articles de l’ensemble, du plus récent au plus ancien, avec "
                          "les dates qui y ont été trouvées. Chaque page montre l’article avec "
                          "ses dates repérées et sa propre chronologie.",
        "articles_table_caption": "Articles, avec le nombre de dates trouvées et reliées à "
                                  "l’histoire de référence",
        "col_article": "Article",
        "col_published": "Publié",
        "col_dates": "Dates trouvées",
        "col_linked": "Reliées à l’histoire",
        "undated": "sans date",
        "back_to_master": "Retour à la chronologie de tous les articles",
        "article_timeline_heading": "La chronologie de cet article",
        "article_timeline_intro": "L’histoire de référence, avec les dates que cite cet article.",
        "legend_curated": "Événement de la chronologie",
        "legend_both": "Événement de la chronologie cité par l’article",
        "legend_article": "Date trouvée seulement dans l’article",
        "legend_band": "Étendue d’une date imprécise",
        "lane_article": "Seulement dans l’article",
        "pattern_chart_svg_desc": "Une chronologie\u00a0: {subject}, {span}\u00a0; une "
                          "ligne par type d’événement, une marque par événement\u202f; les bandes "
                          "montrent l’étendue d’une date connue seulement au mois ou à "
                          "l’année, les zones teintées les périodes.",
        "key_label": "Légende du graphique",
        "downloads_heading": "Télécharger la chronologie",
        "download_svg": "Le graphique en image (SVG), pour diaporamas et polycopiés",
        "download_csv": "Les événements en tableur (CSV)",
        "download_json": "Toute la chronologie en données, avec chaque citation et la raison "
                         "de son lien (JSON)",
        "download_timelinejs": "La chronologie pour TimelineJS de Knight Lab (JSON)",
        "download_ics": "Les dates pour un agenda (iCalendar)",
    },
}
