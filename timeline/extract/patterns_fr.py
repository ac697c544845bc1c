"""The French candidate patterns, built from the shared ``pieces``.

Each is (kind, regex over the lower-cased text, whether the span may take in
a modifier written before it); ``patterns._patterns`` compiles them.
"""

from __future__ import annotations

from timeline.extract.pieces import (
    _ERA_AD,
    _ERA_BC,
    _NOT_NUM_AFTER,
    _ROMAN,
    _YEAR4,
    _numeric_date_patterns,
)


def table(*, mon: str,
          month_names: str,
          wds: str,
          seasons: str,
          units: str,
          numbers: str,
          refs: str,
          deictic_days: str,
          dayparts: str,
          holidays: str,
          decade_words: str,
          year: str,
          **_: str) -> list[tuple[str, str, bool]]:
    """The French patterns, most specific first where order breaks ties."""
    day = r"(?P<day>1er|[0-3]?\d)(?![\d:])"
    wd = rf"(?:(?P<wd>{wds})\s+)?"
    # Two-digit years ("octobre 98") only where no word follows: "le 7 mars
    # 12 personnes" counts people.
    fr_year = rf"(?P<year>{_YEAR4}|\d{{1,4}}(?=\s*{_ERA_BC})|'?\d{{2}}(?!\d)(?!\s+[^\W\d_]))" \
              rf"(?:\s*(?P<era>{_ERA_BC}|{_ERA_AD}))?"
    return [
        ("dmy", rf"\b(?:le\s+)?{wd}{day}\s+{mon}\s+{fr_year}\b(?!\s*(?:h\b|%|[.,]\d))", True),
        ("my", rf"\b{mon}\s+(?:de\s+l'(?:an|année)\s+)?{fr_year}\b(?!\s*(?:h\b|%|[.,]\d))",
         True),
        ("dm", rf"\b(?:le\s+)?{wd}{day}\s+{mon}(?:\s+(?P<rel>dernier|prochain)s?)?", True),
        ("dm_head", rf"\b(?P<span>(?:les\s+)?{day})\s*(?:-|–|et|au|à)\s*(?:le\s+)?"
                    rf"(?:1er|[0-3]?\d)\s+{mon}", True),
        # "entre mai et août 1916", "du 3 mai au 4 juin 1916".
        *(("range_head", rf"\b(?P<span>{head})\s*(?:-|–|et|à|au)\s*"
                         rf"(?:le\s+)?(?:(?:1er|[0-3]?\d)\s+)?(?P<mon2>{month_names})\.?"
                         rf"\s+{fr_year}\b(?!\s*(?:h\b|%|[.,]\d))", True)
          for head in (rf"(?:le\s+)?{day}\s+{mon}", mon)),
        ("m", rf"\b(?:(?:le\s+)?mois\s+d(?:e\s+|'))?{mon}(?:\s+(?P<rel>dernier|prochain))?",
         True),
        ("century", rf"\b(?:le\s+)?(?P<ord>\d{{1,2}}|{_ROMAN})(?:e|è|ème|eme|er)\s+"
                    rf"siècles?(?:\s+(?P<era>{_ERA_BC}|{_ERA_AD}))?", True),
        ("decade", r"\b(?:les\s+)?années\s+(?P<dec>(?:1[0-9]|20)?\d0)\b", True),
        ("decade", rf"\b(?:les\s+)?années\s+(?P<decw>{decade_words})\b", True),
        # "les années 1960 et 1970", "les années 60 et 70": the second is a decade too.
        ("decade", r"\bannées\s+(?P<head>1\d|20)?\d0\s*(?:et|à|ou|,|-|–)\s*"
                   r"(?P<span>(?P<dec>(?:1\d|20)?\d0))\b(?!\s*(?:%|[.,]\d))", False),
        ("season_y", rf"\b(?:l'|le\s+)?(?P<season>{seasons})\s+(?:de\s+)?{year}\b",
         True),
        ("season_rel", r"\b(?:(?P<this>cet|ce|cette)\s+(?P<season>" + seasons + r")|"
                       r"(?:l'|le\s+|(?<=\bau\s))(?P<season2>" + seasons + r")\s+"
                       r"(?P<rel>dernier|"
                       r"prochain|passé|suivant|précédent))\b", True),
        # "été" is mostly the participle of "être": a season only after a
        # word that introduces one ("en été", "l'été", "au printemps").
        # (A sentence may also open on it: "Été comme hiver, ...".)
        ("season", rf"(?:\b(?:les\s+mois\s+d'|l'|le\s+)|(?<=\ben\s)|(?<=\bau\s)|"
                   rf"(?<=[.!?]\s)|(?<=\n)|^)(?P<season>{seasons})\b",
         True),
        # "le deuxième trimestre 2009", "au premier semestre": a quarter or a
        # half of the year written, else of the reporting year.
        ("quarter", r"\b(?:(?:le|ce)\s+)?(?P<fq>premier|1er|deuxième|2e|second|troisième|3e|"
                    r"quatrième|4e|dernier)\s+(?P<fu>trimestre|semestre)"
                    rf"(?:\s+(?:de\s+(?:l'(?:année|an)\s+)?)?{year}\b|(?P<thisyear>))", False),
        ("year", rf"(?<![\d$£€#/.,])(?:l'(?:année|an)\s+)?{year}{_NOT_NUM_AFTER}(?:\b|(?<=\.))",
         True),
        # "en l'an 800": a short year named as one.
        ("year_word", r"\bl'an(?:née)?\s+(?P<year>\d{1,3})(?![\d%]|[.,]\d|\s*av)\b", True),
        ("year_tail", r"(?<=[12]\d\d\d[-–/])(?P<tail>\d{2})\b(?!\s*(?:%|-))", False),
        ("year", r"(?<=[12]\d\d\d/)(?P<year>1\d{3}|20\d{2})\b", True),
        *_numeric_date_patterns("fr"),
        ("ago", rf"\bil\s+y\s+a\s+(?:(?:près\s+de|environ|plus\s+de|moins\s+de)\s+)?"
                rf"(?:(?P<num>\d+|{numbers})\s+)?(?P<unit>{units})\b", False),
        ("later", rf"\b(?P<unit>{units})\s+"
                  r"(?P<dir>plus\s+tard|plus\s+tôt|auparavant|après|avant)\b"
                  r"(?!\s+[\w\"“«'(])", False),
        ("anchored", rf"\b(?P<span>(?P<unit>{units})\s+(?P<dir>après|avant))"
                     r"\s+(?=[\w\"“«'(])", False),
        # "ce jour-là", "cette année-là": that day, that year (of the story).
        ("anaphor", r"\b(?:ce|cet|cette)\s+(?P<unit>jour|matin|soir|nuit|après-midi|semaine|"
                    r"mois|année|an)-là\b", True),
        ("anaphor", r"\b(?:(?:le|la|l')\s*(?P<unit>jour|lendemain|veille|semaine|mois|année|an)"
                    r"\s+(?P<stepw>suivante?|précédente?|même|d'après|d'avant)|"
                    r"le\s+même\s+(?P<unit2>jour|mois)|(?P<lend>le\s+lendemain|la\s+veille|"
                    r"l'avant-veille|le\s+surlendemain))\b", True),
        ("deictic_fr", r"\b(?:(?P<this>ce|cet|cette)\s+(?P<unit>semaine|mois|année|an|"
                       r"week-end|weekend)(?:-ci)?|"
                       r"(?:la|le|l')\s*(?P<unit2>semaine|mois|année|an|week-end|weekend)\s+"
                       r"(?P<rel>dernière|dernier|prochaine|prochain|passée|passé|en\s+cours)|"
                       r"(?P<new>la\s+nouvelle\s+année))\b", True),
        ("deictic_fr", r"(?:(?<=\bpendant\s)|(?<=\bdurant\s)|(?<=\bau\scours\sdu\s))"
                       r"(?P<this>le)\s+(?P<unit>week-end|weekend)\b(?!\s+(?:de|du|des|d')\b)",
         False),
        ("deictic_quarter", r"\b(?:(?P<this>ce)\s+trimestre|(?:le\s+|(?<=\bdu\s)|(?<=\bau\s))"
                            r"trimestre\s+(?P<rel>dernier|"
                            r"prochain|précédent|passé|en\s+cours))\b", True),
        # "les prochains jours", "ces derniers mois": a stretch ahead or behind.
        ("deictic_plural", r"\b(?:les|des|ces)\s+(?P<rel>prochain(?:e)?s|dernier(?:e)?s)\s+"
                           r"(?P<unit>jours|semaines|mois|années|décennies)\b", False),
        ("deictic_plural", r"\b(?:les|des)\s+(?P<unit>jours|semaines|mois|années|décennies)\s+"
                           r"(?P<rel>à\s+venir)\b", False),
        ("deictic_day", rf"(?<![\w-])(?P<dd>{deictic_days})(?:\s+(?:{wds}))?"
                        rf"(?:\s+(?P<part>{dayparts}))?(?![\w-])", True),
        # "en 97": a year cut to two digits, where nothing counted follows ("en
        # 10 ans", "en 10 à 15 minutes" are counts).
        ("year", r"\ben\s+(?P<span>(?P<year>\d{2}))(?![\d%]|[.,]\d)"
                 r"(?=\s*(?:[.,;:!?)]|$|(?:puis|quand|lorsque|au|aux|dans|pour|avec|sur|"
                 r"contre|après|avant|lors|chez|par|le|la|les|il|elle|ils|elles|on)\b|"
                 r"à\s+(?!\d)))", True),
        ("holiday", rf"(?<![\w-])(?P<hol>{holidays})(?:\s+{fr_year})?(?![\w-])", True),
        ("same_time", r"\b(?P<what>(?:ce\s+moment(?:[\s-]+là)?|la\s+même\s+(?:époque|période)|"
                      r"cette\s+époque|ce\s+moment-là))", False),
        ("weekday", rf"\b(?:la\s+)?(?:nuit|soirée|matinée|journée)\s+d[eu]\s+(?P<wd>{wds})\b"
                    rf"(?:\s+(?:à|au)\s+(?:{wds})\b)?",
         False),
        ("weekday", rf"\b(?:(?P<this>ce|ce\s+même)\s+)?(?P<wd>{wds})\b(?!s)"
                    rf"(?:\s+(?P<rel>dernier|prochain))?(?:\s+(?P<part>{dayparts}))?",
         False),
        ("clock", r"(?<![\w,.])(?P<h>[0-2]?\d)\s*h\s*(?P<mi>[0-5]\d)?(?![\w])", False),
        ("clock", r"\b(?:à|vers|dès|avant|après|jusqu'à)\s+(?P<span>(?P<h>[0-2]?\d)\s*heures?"
                  r"(?:\s*(?P<mi>[0-5]\d))?)\b", False),
        ("clock", r"\b(?:à|vers|dès|avant|après|jusqu'à)\s+"
                  r"(?P<span>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d))(?![\d:])", False),
        ("noon", r"(?<![\w-])(?:midi|minuit)(?![\w-])", False),
        # "dans la nuit", "pendant la soirée": a part of the day the text is
        # on; "la nuit tombe tôt en hiver" is no date.
        ("dayparts_fr", r"(?:(?<=\bdans\s)|(?<=\bpendant\s)|(?<=\bdurant\s)|(?<=\btoute\s)|"
                        r"(?<=\bdès\s)|(?<=\bvers\s)|(?<=\bdepuis\s)|(?<=\bde\s))"
                        r"(?P<what>la\s+nuit|la\s+soirée|la\s+matinée|"
                        r"l'après-midi)(?![\w-])|"
                        r"\b(?P<what2>le\s+matin\s+même|le\s+soir\s+même)\b|"
                        # "en soirée", "en fin de matinée", "en début d'après-midi"
                        r"\b(?P<what3>en\s+(?:(?:début|fin|milieu)\s+de\s+)?"
                        r"(?:soirée|matinée|journée)|en\s+(?:début|fin|milieu)\s+"
                        r"d'après-midi)(?![\w-])", False),
        ("ref", rf"(?<![\w-])(?P<ref>{refs})(?![\w-])", False),
        ("end_of_unit", r"\b(?:(?:la\s+|le\s+)?(?:fin|début|milieu)\s+"
                        r"(?:de\s+l'|du\s+|de\s+la\s+)|"
                        r"(?<=\ben\s)(?:fin|début|milieu)\s+(?:d'|de\s+))"
                        r"(?P<unit>année|an|mois|semaine)\b(?!\s+(?:dernière?|prochaine?|passée?))",
         False),
    ]
